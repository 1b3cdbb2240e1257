namespace Convene.Dtls;

/// <summary>
/// The DTLS server side of one WebRTC transport (the normal role: our answer says a=setup:passive).
/// Sans-I/O: incoming DTLS records (first byte 20..63, from the ICE-validated address only) are given to
/// <see cref="Feed"/>; outgoing records go to the <see cref="IDtlsOutput"/>. <see cref="Start"/> runs the handshake on a
/// dedicated thread, bounded by <see cref="DtlsTransportOptions.HandshakeTimeout"/>, and completes with a result —
/// failures (fingerprint mismatch, timeout, alert) are results, never unobserved exceptions. After success the thread
/// keeps answering retransmissions until the peer closes or the transport is disposed. Dispose is idempotent.
/// </summary>
public sealed class DtlsServerTransport : IDisposable, IAsyncDisposable
{
    private readonly DtlsEngine _engine;

    /// <summary>Creates a server transport with our certificate.</summary>
    public DtlsServerTransport(DtlsCertificate certificate, IDtlsOutput output, TimeProvider time, DtlsTransportOptions? options = null) =>
        _engine = new DtlsEngine(false, certificate, output, options, time);

    /// <summary>Completes once with the handshake outcome.</summary>
    public Task<DtlsHandshakeResult> Completion => _engine.Completion;

    /// <summary>Completes when the association ends (peer close_notify or fatal alert, failure, or dispose).</summary>
    public Task Closed => _engine.Closed;

    /// <summary>Datagrams dropped because the inbound queue was full, empty/oversized, or the transport stopped.</summary>
    public long DroppedDatagrams => _engine.DroppedDatagrams;

    /// <summary>Queues one incoming DTLS datagram (copied). False when dropped. Never throws, never blocks.</summary>
    public bool Feed(ReadOnlySpan<byte> datagram) => _engine.Feed(datagram);

    /// <summary>
    /// Starts the handshake, checking the client's certificate against <paramref name="expectedRemoteFingerprint"/>
    /// (the offer's a=fingerprint: "sha-256 AB:…"). Cancelling the token before completion aborts the handshake.
    /// </summary>
    public Task<DtlsHandshakeResult> Start(string expectedRemoteFingerprint, CancellationToken cancellationToken) =>
        _engine.Start(expectedRemoteFingerprint, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();

    /// <summary>Disposes and waits for the handshake thread to end.</summary>
    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
