using MediaStack.IngressConfigurator;
using MediaStack.IngressConfigurator.Cli;

return IngressCommandLine.IsCommandLine(args)
    ? await IngressCommandLine.InvokeAsync(args, Console.Out, Console.Error)
    : await ResourceRun.RunAsync(args);
