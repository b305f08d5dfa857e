using BenchmarkDotNet.Attributes;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Benchmarks;

/// <summary>Compiles and validates route sets of growing size.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private static readonly CompileOptions _options = new() { Domain = "example.com", AccessTeamName = "team", AccessAudTag = "aud" };
    private TunnelRoute[] _routes = [];

    [Params(10_000, 100_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup() => _routes = BenchmarkRoutes.Create(Routes);

    [Benchmark]
    public int CompileAndValidate()
    {
        var result = RouteCompiler.Compile(_routes, _options);
        return result.Succeeded ? result.Configuration!.Ingress.Count : throw new InvalidOperationException(result.Issues[0].ToString());
    }
}
