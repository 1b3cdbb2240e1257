using Convene.Sfu.Api;

namespace Convene.Sfu.Media;

/// <summary>The negotiated codec of one stream: name, payload type, clock rate, optional RTX payload type.</summary>
internal sealed record MediaCodec(string Name, MediaKind Kind, byte PayloadType, int ClockRate, byte? RtxPayloadType = null)
{
    // Resolved once: IsKeyframe runs for every incoming packet and must not allocate (no per-packet ToUpper).
    private readonly KeyframeFormat _format = Name.Equals("VP8", StringComparison.OrdinalIgnoreCase) ? KeyframeFormat.Vp8
        : Name.Equals("H264", StringComparison.OrdinalIgnoreCase) ? KeyframeFormat.H264
        : KeyframeFormat.None;

    private enum KeyframeFormat
    {
        None,
        Vp8,
        H264,
    }

    public bool IsVideo => Kind == MediaKind.Video;

    public bool IsKeyframe(ReadOnlySpan<byte> payload) => _format switch
    {
        KeyframeFormat.Vp8 => Rtp.Vp8Descriptor.IsKeyframe(payload),
        KeyframeFormat.H264 => Rtp.H264Keyframe.IsKeyframe(payload),
        _ => !IsVideo,
    };
}
