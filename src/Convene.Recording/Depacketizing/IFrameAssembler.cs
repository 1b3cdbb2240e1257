namespace Convene.Recording.Depacketizing;

/// <summary>
/// Turns the RTP packets of one track into codec frames. Never throws on bad input: malformed or incomplete data
/// increments <see cref="Dropped"/> and is discarded.
/// </summary>
public interface IFrameAssembler
{
    /// <summary>RTP clock rate of the codec.</summary>
    int ClockRate { get; }

    /// <summary>Packets or partial frames discarded (malformed, lost pieces, waiting for a keyframe).</summary>
    long Dropped { get; }

    /// <summary>True after loss until the next keyframe arrives; the recorder asks the publisher for one.</summary>
    bool NeedsKeyframe { get; }

    /// <summary>Feeds one RTP packet; returns true with a frame when the packet completed one (valid until the next call).</summary>
    bool Push(ReadOnlySpan<byte> rtpPacket, out AssembledFrame frame);
}
