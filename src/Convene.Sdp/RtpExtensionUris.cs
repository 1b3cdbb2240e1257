namespace Convene.Sdp;

/// <summary>Header extension URIs the SFU negotiates (RFC 8285 extmap).</summary>
public static class RtpExtensionUris
{
    /// <summary>RFC 8843 mid.</summary>
    public const string Mid = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /// <summary>RFC 6464 client-to-mixer audio level.</summary>
    public const string AudioLevel = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>abs-send-time (REMB-style receive-side estimation).</summary>
    public const string AbsSendTime = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    /// <summary>Transport-wide sequence number (transport-cc).</summary>
    public const string TransportWideCc = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /// <summary>RFC 8852 rtp-stream-id (simulcast rid).</summary>
    public const string RtpStreamId = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

    /// <summary>RFC 8852 repaired-rtp-stream-id (rid an RTX stream repairs).</summary>
    public const string RepairedRtpStreamId = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
}
