namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// A problem in the settings the AppHost handed over, naming the resource and the field.
/// </summary>
/// <param name="ResourceName">The resource the problem belongs to, or <see langword="null"/> for stack-wide settings.</param>
/// <param name="Field">The configuration key, for example <c>Tunnel:Routes:0:Access</c>.</param>
/// <param name="Message">A full sentence that says what is wrong and how to fix it.</param>
public sealed record ConfigurationProblem(string? ResourceName, string Field, string Message);
