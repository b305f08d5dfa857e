using System.Collections.Concurrent;
using System.Diagnostics;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

/// <summary>
/// Records every activity of one trace, from every activity source, while it is alive.
/// </summary>
public sealed class ActivityCapture : IDisposable
{
    private static readonly ActivitySource _source = new("MediaStack.IngressConfigurator.Cloudflare.Tests");
    private readonly ActivityListener _listener;
    private ActivityTraceId _traceId;

    public ActivityCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _traceId)
                {
                    Spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();

    public Activity StartTrace()
    {
        var root = _source.StartActivity("test")!;
        _traceId = root.TraceId;
        return root;
    }

    public void Dispose() => _listener.Dispose();
}
