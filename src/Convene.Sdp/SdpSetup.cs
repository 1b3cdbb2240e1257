namespace Convene.Sdp;

/// <summary>a=setup values (RFC 8842 / RFC 4145): who starts the DTLS handshake.</summary>
public enum SdpSetup
{
    /// <summary>actpass: the offerer lets the answerer choose.</summary>
    ActPass,

    /// <summary>active: this side is the DTLS client.</summary>
    Active,

    /// <summary>passive: this side is the DTLS server.</summary>
    Passive,

    /// <summary>holdconn.</summary>
    HoldConn,
}
