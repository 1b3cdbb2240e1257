namespace Convene.Sfu.Media;

/// <summary>Monotonic ticks from the injected <see cref="TimeProvider"/>, read once per datagram by the worker.</summary>
internal readonly record struct WorkerClock(long Ticks, long TicksPerSecond)
{
    public static WorkerClock Now(TimeProvider time) => new(time.GetTimestamp(), time.TimestampFrequency);

    public long FromTimeSpan(TimeSpan span) => (long)(span.TotalSeconds * TicksPerSecond);
}
