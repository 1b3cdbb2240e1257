namespace Convene.Dtls;

/// <summary>Which side of the DTLS handshake we take, from the SDP's a=setup (active = client, passive = server).</summary>
public enum DtlsSide
{
    /// <summary>We answered a=setup:passive (the SFU's normal role): the peer sends the ClientHello.</summary>
    Server,

    /// <summary>We send the ClientHello (the C# test peer and load client; the SFU when the browser chose passive).</summary>
    Client,
}
