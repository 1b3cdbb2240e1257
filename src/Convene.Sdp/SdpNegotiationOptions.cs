namespace Convene.Sdp;

/// <summary>What the SFU is willing to negotiate with a publisher.</summary>
public sealed record SdpNegotiationOptions
{
    /// <summary>Accept the transport-wide-cc extension and transport-cc feedback (only when the SFU sends TWCC feedback).</summary>
    public bool TransportWideCc { get; init; }

    /// <summary>Accept abs-send-time.</summary>
    public bool AbsSendTime { get; init; } = true;

    /// <summary>Accept goog-remb feedback.</summary>
    public bool Remb { get; init; } = true;

    /// <summary>Accept H.264 (constrained baseline 42e01f, packetization-mode 1) when the offer has no VP8.</summary>
    public bool H264 { get; init; } = true;
}
