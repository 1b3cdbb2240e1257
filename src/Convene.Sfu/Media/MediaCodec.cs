using Convene.Sfu.Api;

namespace Convene.Sfu.Media;

/// <summary>The negotiated codec of one stream: name, payload type, clock rate, optional RTX payload type.</summary>
internal sealed record MediaCodec(string Name, MediaKind Kind, byte PayloadType, int ClockRate, byte? RtxPayloadType = null)
{
    public bool IsVideo => Kind == MediaKind.Video;

    public bool IsKeyframe(ReadOnlySpan<byte> payload) => Name.ToUpperInvariant() switch
    {
        "VP8" => Rtp.Vp8Descriptor.IsKeyframe(payload),
        "H264" => Rtp.H264Keyframe.IsKeyframe(payload),
        _ => !IsVideo,
    };
}
