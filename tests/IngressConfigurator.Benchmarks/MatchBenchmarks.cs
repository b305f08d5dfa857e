using BenchmarkDotNet.Attributes;
using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Benchmarks;

/// <summary>Matches URLs against 10,000 rules: a hostname near the end, a path rule, and a miss.</summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private IngressMatcher _matcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new CompileOptions { Domain = "example.com" };
        var configuration = RouteCompiler.Compile(BenchmarkRoutes.Create(10_000), options).Configuration!;
        _matcher = IngressMatcher.Create(configuration);
    }

    [Benchmark]
    public int MatchExactHostname() => _matcher.Match("app9999.example.com:443", "/photos").Index;

    [Benchmark]
    public int MatchPathRule() => _matcher.Match("app3332.example.com", "/api/v9998/items").Index;

    [Benchmark]
    public int MatchWildcard() => _matcher.Match("a.b.zone9990.example.com", "/").Index;

    [Benchmark]
    public int MatchNothingFallsToCatchAll() => _matcher.Match("unknown.example.org", "/").Index;

    [Benchmark]
    public int MatchByScanningEveryRuleLikeCloudflared() => _matcher.MatchByScan("unknown.example.org", "/");
}
