using MediaStack.IngressConfigurator.Model;

namespace MediaStack.IngressConfigurator.Tests;

public class GoDurationTests
{
    [Theory]
    [InlineData("30s", 30_000_000_000L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("500ms", 500_000_000L)]
    [InlineData("10us", 10_000L)]
    [InlineData("10µs", 10_000L)]
    [InlineData("7ns", 7L)]
    [InlineData("0", 0L)]
    [InlineData("-2s", -2_000_000_000L)]
    [InlineData(".5s", 500_000_000L)]
    public void ParsesGoDurationSyntax(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(nanoseconds, duration.Nanoseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("3d")]
    [InlineData("1 s")]
    [InlineData(".s")]
    public void RejectsWhatGoRejects(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Theory]
    [InlineData(30_000_000_000L, "30s")]
    [InlineData(90_000_000_000L, "1m30s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    [InlineData(120_000_000_000L, "2m0s")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(1_500_000L, "1.5ms")]
    [InlineData(2_000L, "2µs")]
    [InlineData(0L, "0s")]
    [InlineData(-90_000_000_000L, "-1m30s")]
    public void FormatsAsGoDoes(long nanoseconds, string expected) => Assert.Equal(expected, new GoDuration(nanoseconds).ToString());
}
