var builder = DistributedApplication.CreateBuilder(args);

builder.AddProject<Projects.IngressConfigurator>("ingress-configurator");

builder.Build().Run();
