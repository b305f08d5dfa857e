using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// The rule a request matched.
/// </summary>
/// <param name="Index">The 0-based position of the rule, which is the number <c>cloudflared tunnel ingress rule</c> prints.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Service">The rule's service as cloudflared understands and prints it.</param>
public sealed record RuleMatch(int Index, IngressRule Rule, OriginService Service);
