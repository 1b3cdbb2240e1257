namespace Convene.Sdp;

/// <summary>a=simulcast:send|recv streams (RFC 8853); <see cref="Streams"/> is the raw list, e.g. "q;h;f".</summary>
public sealed record SdpSimulcast(string Direction, string Streams)
{
    /// <summary>The rid ids in order, ignoring alternatives (",") and paused ("~") markers.</summary>
    public IReadOnlyList<string> RidIds =>
        Streams.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(',')[0].TrimStart('~')).ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{Direction} {Streams}";
}
