using MediaStack.IngressConfigurator;

return await ResourceRun.RunAsync(args);
