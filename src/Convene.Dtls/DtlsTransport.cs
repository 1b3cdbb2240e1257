using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Convene.Dtls;

/// <summary>
/// The DTLS side of one WebRTC transport, sans-I/O: incoming DTLS records (first byte 20..63, from the ICE-validated
/// address only) are given to <see cref="Feed"/>; outgoing records go to the <see cref="IDtlsOutput"/>.
/// <see cref="Start"/> runs one BouncyCastle DTLS association on a dedicated long-running thread (BC's API blocks),
/// bounded by <see cref="DtlsTransportOptions.HandshakeTimeout"/>, and completes with a result — failures (fingerprint
/// mismatch, timeout, alert) are results, never unobserved exceptions. After success the thread keeps answering
/// retransmitted final flights until close_notify, a fatal alert or dispose. Dispose is idempotent.
/// </summary>
public sealed class DtlsTransport : IDisposable, IAsyncDisposable
{
    private const int PostHandshakeWaitMillis = 250;

    private readonly bool _isClient;
    private readonly DtlsCertificate _certificate;
    private readonly DtlsTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly QueuedDatagramTransport _datagrams;
    private readonly TaskCompletionSource<DtlsHandshakeResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _run;
    private ITimer? _timeoutTimer;
    private CancellationTokenRegistration _startRegistration;
    private volatile bool _timedOut;
    private int _started;
    private int _disposed;

    /// <summary>Creates the <paramref name="side"/> of a transport with our certificate.</summary>
    public DtlsTransport(DtlsSide side, DtlsCertificate certificate, IDtlsOutput output, TimeProvider time, DtlsTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        _options = options ?? new DtlsTransportOptions();
        if (_options.HandshakeTimeout <= TimeSpan.Zero || _options.InboundQueueCapacity < 1 || _options.MaxDatagramSize < 256
            || _options.SrtpProfiles.Count == 0)
        {
            throw new ArgumentException("Invalid DTLS options: positive timeout, queue ≥ 1, datagram ≥ 256, at least one profile.", nameof(options));
        }

        _isClient = side == DtlsSide.Client;
        _certificate = certificate;
        _time = time;
        _datagrams = new QueuedDatagramTransport(output, _options.InboundQueueCapacity, _options.MaxDatagramSize, _stop.Token);
    }

    /// <summary>Completes once with the handshake outcome.</summary>
    public Task<DtlsHandshakeResult> Completion => _completion.Task;

    /// <summary>Completes when the association ends (peer close_notify or fatal alert, failure, or dispose).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Datagrams dropped because the inbound queue was full, empty/oversized, or the transport stopped.</summary>
    public long DroppedDatagrams => _datagrams.Dropped;

    /// <summary>Queues one incoming DTLS datagram (copied). False when dropped. Never throws, never blocks.</summary>
    public bool Feed(ReadOnlySpan<byte> datagram)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return false;
        }

        try
        {
            return _datagrams.Enqueue(datagram);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts the handshake, checking the peer's certificate against <paramref name="expectedRemoteFingerprint"/> (the
    /// peer SDP's a=fingerprint: "sha-256 AB:…"). Cancelling the token before completion aborts the handshake.
    /// </summary>
    public Task<DtlsHandshakeResult> Start(string expectedRemoteFingerprint, CancellationToken cancellationToken)
    {
        var expected = DtlsCertificate.NormalizeFingerprint(expectedRemoteFingerprint)
            ?? throw new ArgumentException("Expected a SHA-256 fingerprint (\"sha-256 AB:CD:…\").", nameof(expectedRemoteFingerprint));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The DTLS transport was already started.");
        }

        var state = new DtlsSrtpPeerState(expected, _options.SrtpProfiles);
        _startRegistration = cancellationToken.Register(static s => ((DtlsTransport)s!).AbortHandshake(), this);
        _timeoutTimer = _time.CreateTimer(
            static s => ((DtlsTransport)s!).OnTimeout(),
            this,
            _options.HandshakeTimeout + TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);
        _run = Task.Factory.StartNew(() => Run(state), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return _completion.Task;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _timeoutTimer?.Dispose();
        _startRegistration.Dispose();
        if (_run is null)
        {
            _completion.TrySetResult(DtlsHandshakeResult.Failure(DtlsHandshakeStatus.Cancelled, _isClient, "Disposed before start."));
            _closed.TrySetResult();
            _datagrams.Dispose();
            _stop.Dispose();
        }
    }

    /// <summary>Disposes and waits for the handshake thread to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }
    }

    private void OnTimeout()
    {
        if (!_completion.Task.IsCompleted)
        {
            _timedOut = true;
            AbortHandshake();
        }
    }

    private void AbortHandshake()
    {
        if (!_completion.Task.IsCompleted)
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already torn down.
            }
        }
    }

    private void Run(DtlsSrtpPeerState state)
    {
        Org.BouncyCastle.Tls.DtlsTransport? transport = null;
        try
        {
            var crypto = new BcTlsCrypto(new SecureRandom());
            transport = _isClient
                ? new DtlsClientProtocol().Connect(new SrtpDtlsClient(crypto, _certificate, state, _options), _datagrams)
                : new DtlsServerProtocol { VerifyRequests = false }.Accept(new SrtpDtlsServer(crypto, _certificate, state, _options), _datagrams);
            _timeoutTimer?.Dispose();
            _completion.TrySetResult(Success(state));
            ServeUntilClosed(transport, state);
        }
        catch (Exception ex)
        {
            // Everything BC (or a misbehaving output) throws becomes a result: nothing escapes this thread unobserved.
            _completion.TrySetResult(MapFailure(state, ex));
        }
        finally
        {
            _timeoutTimer?.Dispose();
            _completion.TrySetResult(DtlsHandshakeResult.Failure(DtlsHandshakeStatus.Failed, _isClient, "The handshake ended without a result."));
            CloseQuietly(transport);
            _closed.TrySetResult();
            _datagrams.Dispose();
        }
    }

    private void ServeUntilClosed(Org.BouncyCastle.Tls.DtlsTransport transport, DtlsSrtpPeerState state)
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested && !state.RemoteClosed)
        {
            try
            {
                // Returns −1 on timeout; application data (data channels) is not used and is discarded.
                _ = transport.Receive(buffer, 0, buffer.Length, PostHandshakeWaitMillis);
            }
            catch (Exception)
            {
                return; // alert, closed record layer, cancellation: the association is over
            }
        }
    }

    private static void CloseQuietly(Org.BouncyCastle.Tls.DtlsTransport? transport)
    {
        if (transport is null)
        {
            return;
        }

        try
        {
            transport.Close();
        }
        catch (Exception ex) when (ex is TlsException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Sending close_notify failed: nothing left to do.
        }
    }

    private DtlsHandshakeResult Success(DtlsSrtpPeerState state)
    {
        var profile = state.Selected!.Value;
        var material = state.KeyingMaterial!;
        var (keyLength, saltLength) = DtlsSrtpKeys.Lengths(profile);
        var clientKey = material.AsSpan(0, keyLength).ToArray();
        var serverKey = material.AsSpan(keyLength, keyLength).ToArray();
        var clientSalt = material.AsSpan(2 * keyLength, saltLength).ToArray();
        var serverSalt = material.AsSpan((2 * keyLength) + saltLength, saltLength).ToArray();
        Array.Clear(material);
        return new DtlsHandshakeResult(
            DtlsHandshakeStatus.Succeeded,
            _isClient,
            profile,
            new DtlsSrtpKeys(profile, clientKey, clientSalt),
            new DtlsSrtpKeys(profile, serverKey, serverSalt),
            state.RemoteFingerprint,
            state.CipherSuite,
            null);
    }

    private DtlsHandshakeResult MapFailure(DtlsSrtpPeerState state, Exception ex)
    {
        if (state.FingerprintMismatch)
        {
            return DtlsHandshakeResult.Failure(DtlsHandshakeStatus.FingerprintMismatch, _isClient,
                "The peer certificate does not match the SDP fingerprint.", state.RemoteFingerprint);
        }

        if (state.NoCommonProfile)
        {
            return DtlsHandshakeResult.Failure(DtlsHandshakeStatus.NoCommonProfile, _isClient, "No common use_srtp profile.");
        }

        if (_timedOut || ex is TlsTimeoutException)
        {
            return DtlsHandshakeResult.Failure(DtlsHandshakeStatus.Timeout, _isClient,
                $"The DTLS handshake did not complete within {_options.HandshakeTimeout.TotalSeconds:0.#} s.");
        }

        if (ex is OperationCanceledException || _stop.IsCancellationRequested)
        {
            return DtlsHandshakeResult.Failure(DtlsHandshakeStatus.Cancelled, _isClient, "The DTLS handshake was cancelled.");
        }

        return DtlsHandshakeResult.Failure(DtlsHandshakeStatus.Failed, _isClient, $"{ex.GetType().Name}: {ex.Message}");
    }
}
