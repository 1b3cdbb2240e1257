namespace Convene.Sfu.Api;

/// <summary>A published track (a producer), as the control plane sees it.</summary>
public interface IMediaTrack
{
    /// <summary>Server-assigned id, unique in the room (<c>TR_</c> + 12 chars).</summary>
    string TrackId { get; }

    string ParticipantId { get; }

    MediaKind Kind { get; }

    TrackSource Source { get; }

    bool Muted { get; }

    /// <summary>Negotiated codec, e.g. <c>opus</c>, <c>VP8</c>, <c>H264</c>.</summary>
    string CodecName { get; }

    /// <summary>
    /// Attaches a local, in-process consumer (e.g. the recorder) that receives the decrypted RTP packets of this
    /// track. Keyframe requests go to the publisher when attached. Dispose the result to detach.
    /// </summary>
    IDisposable AttachLocalConsumer(IRtpSink sink);
}

/// <summary>Receives decrypted RTP packets of one track in the SFU's worker thread; must not block.</summary>
public interface IRtpSink
{
    void OnRtp(ReadOnlySpan<byte> rtpPacket);
}
