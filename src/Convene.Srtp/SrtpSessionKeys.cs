namespace Convene.Srtp;

/// <summary>Session keys derived from the master key and salt (RFC 3711 §4.3, labels 0..5).</summary>
internal sealed record SrtpSessionKeys(
    byte[] RtpKey,
    byte[] RtpAuthKey,
    byte[] RtpSalt,
    byte[] RtcpKey,
    byte[] RtcpAuthKey,
    byte[] RtcpSalt);
