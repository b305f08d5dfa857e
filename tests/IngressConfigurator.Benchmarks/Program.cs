using BenchmarkDotNet.Running;
using MediaStack.IngressConfigurator.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmarks).Assembly).Run(args);
