namespace Convene.Sdp;

/// <summary>The one codec agreed for an m-section, with its RTX payload type if any.</summary>
public sealed record NegotiatedCodec(
    int PayloadType,
    string Name,
    int ClockRate,
    int? Channels,
    string? Fmtp,
    int? RtxPayloadType,
    IReadOnlyList<string> Feedback)
{
    /// <summary>"audio/opus", "video/VP8", … (MIME type as WebRTC stats write it).</summary>
    public string MimeType(string kind) => $"{kind}/{Name}";
}
