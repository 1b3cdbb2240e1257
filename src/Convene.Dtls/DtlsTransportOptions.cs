namespace Convene.Dtls;

/// <summary>Limits and preferences of a DTLS transport.</summary>
public sealed record DtlsTransportOptions
{
    /// <summary>Whole-handshake timeout (RFC 6347 leaves it to the application; BC's default is infinite).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Initial retransmission timer (BC's default is 1 s; doubles up to 60 s).</summary>
    public TimeSpan InitialRetransmit { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Most datagrams queued for the handshake thread; more are dropped and counted.</summary>
    public int InboundQueueCapacity { get; init; } = 64;

    /// <summary>Largest datagram BC may send (fits any path's MTU with IP/UDP headers).</summary>
    public int MaxDatagramSize { get; init; } = 1200;

    /// <summary>use_srtp profiles in preference order (the server picks the first the client offers).</summary>
    public IReadOnlyList<DtlsSrtpProfile> SrtpProfiles { get; init; } = [DtlsSrtpProfile.AeadAes128Gcm, DtlsSrtpProfile.Aes128CmHmacSha1_80];

    /// <summary>The handshake timeout as BouncyCastle takes it (both peers).</summary>
    internal int HandshakeTimeoutMillis => (int)HandshakeTimeout.TotalMilliseconds;

    /// <summary>The first retransmission timer as BouncyCastle takes it, never below 50 ms (both peers).</summary>
    internal int InitialRetransmitMillis => Math.Max(50, (int)InitialRetransmit.TotalMilliseconds);
}
