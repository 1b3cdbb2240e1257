using System.Collections.Concurrent;
using System.Net;
using Convene.Dtls;
using Convene.Ice;
using Convene.Rtp;
using Convene.Sfu.Transport;
using Convene.Srtp;

namespace Convene.Testing.Media;

/// <summary>
/// One client-side WebRTC transport over an <see cref="IDatagramTransport"/> (an <see cref="InMemoryNetwork"/>
/// endpoint or a real UDP socket on 127.0.0.1): ICE as the controlling agent (USE-CANDIDATE, retried until the
/// ICE-lite server answers, then consent checks every second), DTLS client, SRTP both ways. As a sender it keeps
/// a history that answers NACKs and reports PLI/FIR; as a receiver it verifies SRTP, records every stream and
/// NACKs holes (20 ms apart, at most <see cref="ReceivedStream.MaxNackRetries"/> times).
/// Receive work runs on the endpoint's thread; sending is thread-safe.
/// </summary>
public sealed class TestPeerConnection : IDatagramHandler, IDtlsOutput, IAsyncDisposable
{
    private const int HistorySize = 1024;
    private readonly IDatagramTransport _endpoint;
    private readonly TimeProvider _time;
    private readonly DtlsTransport _dtls;
    private readonly object _sendGate = new();
    private readonly byte[] _sendBuffer = new byte[1600];
    private readonly byte[] _tickBuffer = new byte[1600];
    private readonly ConcurrentDictionary<uint, ReceivedStream> _streams = new();
    private readonly Dictionary<uint, byte[]?[]> _history = [];
    private readonly TaskCompletionSource _iceConnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _transactionId = new byte[12];
    private readonly ulong _tieBreaker;
    private IceCredentials? _remoteIce;
    private volatile SocketAddress? _server;
    private volatile SrtpContext? _inbound;
    private SrtpContext? _outbound;
    private long _lastNackTicks;
    private long _lastConsentTicks;
    private long _plis;
    private long _firs;
    private long _nackedSequences;
    private long _retransmissions;
    private long _senderReports;
    private long _receiverReports;
    private long _srtpFailures;
    private long _srtpReplays;
    private long _stunResponses;
    private int _disposed;

    public TestPeerConnection(IDatagramTransport endpoint, DtlsCertificate certificate, TimeProvider time, Random random)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(random);
        _endpoint = endpoint;
        _time = time;
        Certificate = certificate;
        LocalCredentials = IceCredentials.Generate(random);
        _tieBreaker = (ulong)random.NextInt64();
        random.NextBytes(_transactionId);
        _dtls = new DtlsTransport(DtlsSide.Client, certificate, this, time);
        endpoint.Start(this);
    }

    public DtlsCertificate Certificate { get; }

    public IceCredentials LocalCredentials { get; }

    public IPEndPoint LocalEndPoint => _endpoint.LocalEndPoint;

    /// <summary>The SFU's ICE credentials for this connection (after <see cref="ConnectAsync"/>).</summary>
    public IceCredentials? RemoteCredentials => _remoteIce;

    /// <summary>The SFU's address for this connection.</summary>
    public SocketAddress? RemoteAddress => _server;

    public bool IsConnected => _outbound is not null;

    /// <summary>Whether holes in received streams are NACKed (on by default, like a browser's video receiver).</summary>
    public bool NackEnabled { get; set; } = true;

    /// <summary>Payload types whose packets are VP8 (keyframe detection on receive).</summary>
    public ISet<byte> VideoPayloadTypes { get; } = new HashSet<byte> { SyntheticMedia.Vp8PayloadType };

    /// <summary>Raised on the receive thread for a PLI or FIR naming one of our sending SSRCs.</summary>
    public event Action<uint>? KeyframeRequested;

    public IReadOnlyDictionary<uint, ReceivedStream> Streams => _streams;

    public long PlisReceived => Interlocked.Read(ref _plis);

    public long FirsReceived => Interlocked.Read(ref _firs);

    /// <summary>Sequence numbers the SFU asked us to resend.</summary>
    public long NackedSequences => Interlocked.Read(ref _nackedSequences);

    public long RetransmissionsSent => Interlocked.Read(ref _retransmissions);

    public long SenderReportsReceived => Interlocked.Read(ref _senderReports);

    public long ReceiverReportsReceived => Interlocked.Read(ref _receiverReports);

    /// <summary>Packets SRTP refused other than as replays (bad tag, malformed): should stay 0 from a correct SFU.</summary>
    public long SrtpFailures => Interlocked.Read(ref _srtpFailures);

    /// <summary>Packets refused by SRTP's replay window (a retransmission of a packet that had arrived).</summary>
    public long SrtpReplays => Interlocked.Read(ref _srtpReplays);

    public long StunResponses => Interlocked.Read(ref _stunResponses);

    /// <summary>ICE (retrying the check every 50 ms), then the DTLS handshake, then SRTP.</summary>
    public async Task ConnectAsync(IPEndPoint server, IceCredentials remote, string remoteFingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        _remoteIce = remote;
        _server = server.Serialize();
        for (var attempt = 0; attempt < 200 && !_iceConnected.Task.IsCompleted; attempt++)
        {
            SendBindingRequest(useCandidate: true);
            await Task.WhenAny(_iceConnected.Task, Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (!_iceConnected.Task.IsCompleted)
        {
            throw new TimeoutException("The SFU never answered the ICE connectivity check.");
        }

        var result = await _dtls.Start(remoteFingerprint, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"DTLS handshake failed: {result.Status} {result.Error}");
        }

        _inbound = new SrtpContext(result.RemoteWriteKeys!.ToSrtpKeyingMaterial());
        lock (_sendGate)
        {
            _outbound = new SrtpContext(result.LocalWriteKeys!.ToSrtpKeyingMaterial());
        }
    }

    /// <summary>Protects and sends one plaintext RTP packet, keeping it for NACKs. False before SRTP is up.</summary>
    public bool SendRtp(ReadOnlySpan<byte> packet)
    {
        var copy = packet.ToArray();
        if (!RtpPacket.TryParse(copy, out var rtp))
        {
            throw new ArgumentException("Not an RTP packet.", nameof(packet));
        }

        lock (_sendGate)
        {
            if (!_history.TryGetValue(rtp.Ssrc, out var ring))
            {
                ring = new byte[HistorySize][];
                _history[rtp.Ssrc] = ring;
            }

            ring[rtp.SequenceNumber % HistorySize] = copy;
            return ProtectAndSendRtp(packet);
        }
    }

    /// <summary>Protects and sends one plaintext RTCP compound packet.</summary>
    public bool SendRtcp(ReadOnlySpan<byte> packet)
    {
        lock (_sendGate)
        {
            var srtp = _outbound;
            var server = _server;
            if (srtp is null || server is null)
            {
                return false;
            }

            packet.CopyTo(_sendBuffer);
            if (srtp.ProtectRtcp(_sendBuffer, packet.Length, out var length) != SrtpResult.Ok)
            {
                return false;
            }

            _endpoint.Send(_sendBuffer.AsSpan(0, length), server);
            return true;
        }
    }

    /// <summary>Sends a PLI for <paramref name="mediaSsrc"/> (a stream we receive).</summary>
    public bool SendPli(uint mediaSsrc)
    {
        Span<byte> pli = stackalloc byte[RtcpPli.Length];
        return RtcpPli.TryWrite(pli, LocalSsrc, mediaSsrc, out var n) && SendRtcp(pli[..n]);
    }

    /// <summary>Sends bytes as they are to the SFU's address (hostile traffic from a bound address).</summary>
    public void SendRaw(ReadOnlySpan<byte> datagram)
    {
        if (_server is { } server)
        {
            _endpoint.Send(datagram, server);
        }
    }

    /// <summary>Our RTCP sender SSRC for feedback.</summary>
    public uint LocalSsrc { get; } = 0x7E57_0001;

    public ReceivedStream? Stream(uint ssrc) => _streams.TryGetValue(ssrc, out var s) ? s : null;

    void IDtlsOutput.Send(ReadOnlySpan<byte> datagram)
    {
        if (_server is { } server)
        {
            _endpoint.Send(datagram, server);
        }
    }

    void IDatagramHandler.OnDatagram(Span<byte> datagram, SocketAddress remote)
    {
        if (datagram.IsEmpty)
        {
            return;
        }

        var first = datagram[0];
        if (first < 2)
        {
            OnStun(datagram);
        }
        else if (first is >= 20 and <= 63)
        {
            _dtls.Feed(datagram);
        }
        else if (first is >= 128 and <= 191 && datagram.Length >= 2)
        {
            var srtp = _inbound;
            if (srtp is null)
            {
                return;
            }

            if (datagram[1] is >= 192 and <= 223)
            {
                if (srtp.UnprotectRtcp(datagram, datagram.Length, out var n) == SrtpResult.Ok)
                {
                    OnRtcp(datagram[..n]);
                }
                else
                {
                    Interlocked.Increment(ref _srtpFailures);
                }
            }
            else
            {
                var result = srtp.UnprotectRtp(datagram, datagram.Length, out var n);
                if (result == SrtpResult.Ok)
                {
                    OnRtp(datagram[..n]);
                }
                else
                {
                    Interlocked.Increment(ref result == SrtpResult.ReplayDetected ? ref _srtpReplays : ref _srtpFailures);
                }
            }
        }
    }

    void IDatagramHandler.OnTick()
    {
        var now = _time.GetTimestamp();
        var second = _time.TimestampFrequency;
        if (_iceConnected.Task.IsCompleted && now - _lastConsentTicks >= second)
        {
            _lastConsentTicks = now;
            SendBindingRequest(useCandidate: false);
        }

        if (!NackEnabled || _outbound is null || now - _lastNackTicks < second / 100)
        {
            return;
        }

        _lastNackTicks = now;
        Span<ushort> lost = stackalloc ushort[64];
        foreach (var stream in _streams.Values)
        {
            var count = stream.CollectNacks(now, second / 50, lost);
            if (count > 0 && RtcpNack.TryWrite(_tickBuffer, LocalSsrc, stream.Ssrc, lost[..count], out var n))
            {
                SendRtcp(_tickBuffer.AsSpan(0, n));
            }
        }
    }

    private void OnStun(ReadOnlySpan<byte> datagram)
    {
        var remote = _remoteIce;
        if (remote is null || !StunMessage.TryParse(datagram, out var message)
            || message.Type != StunMessageType.BindingSuccessResponse
            || !message.TransactionId.SequenceEqual(_transactionId)
            || !message.CheckIntegrity(System.Text.Encoding.UTF8.GetBytes(remote.Password)))
        {
            return;
        }

        Interlocked.Increment(ref _stunResponses);
        _iceConnected.TrySetResult();
    }

    private void OnRtp(Span<byte> packet)
    {
        if (!RtpPacket.TryParse(packet, out var rtp))
        {
            return;
        }

        var stream = _streams.GetOrAdd(rtp.Ssrc, static (ssrc, pt) => new ReceivedStream(ssrc, pt), rtp.PayloadType);
        var keyframe = VideoPayloadTypes.Contains(rtp.PayloadType) && Vp8Descriptor.IsKeyframe(rtp.Payload);
        stream.OnPacket(rtp, keyframe, _time.GetTimestamp());
    }

    private void OnRtcp(ReadOnlySpan<byte> compound)
    {
        var packets = new RtcpCompoundEnumerator(compound);
        Span<ushort> lost = stackalloc ushort[256];
        while (packets.MoveNext())
        {
            var packet = packets.Current;
            switch (packet.Type)
            {
                case RtcpPacketType.SenderReport:
                    Interlocked.Increment(ref _senderReports);
                    continue;
                case RtcpPacketType.ReceiverReport:
                    Interlocked.Increment(ref _receiverReports);
                    continue;
            }

            if (!RtcpFeedback.TryParse(packet, out var feedback))
            {
                continue;
            }

            if (feedback.IsPli)
            {
                Interlocked.Increment(ref _plis);
                KeyframeRequested?.Invoke(feedback.MediaSsrc);
            }
            else if (feedback.IsFir && RtcpFir.TryGetEntry(feedback, 0, out var target, out _))
            {
                Interlocked.Increment(ref _firs);
                KeyframeRequested?.Invoke(target);
            }
            else if (feedback.IsGenericNack)
            {
                var count = RtcpNack.GetLostSequenceNumbers(feedback, lost);
                Interlocked.Add(ref _nackedSequences, count);
                Retransmit(feedback.MediaSsrc, lost[..count]);
            }
        }
    }

    private void Retransmit(uint ssrc, ReadOnlySpan<ushort> sequences)
    {
        lock (_sendGate)
        {
            if (!_history.TryGetValue(ssrc, out var ring))
            {
                return;
            }

            foreach (var seq in sequences)
            {
                if (ring[seq % HistorySize] is { } stored && RtpPacket.TryParse(stored, out var rtp) && rtp.SequenceNumber == seq
                    && ProtectAndSendRtp(stored))
                {
                    Interlocked.Increment(ref _retransmissions);
                }
            }
        }
    }

    private bool ProtectAndSendRtp(ReadOnlySpan<byte> packet)
    {
        var srtp = _outbound;
        var server = _server;
        if (srtp is null || server is null || packet.Length + SrtpContext.MaxOverhead > _sendBuffer.Length)
        {
            return false;
        }

        packet.CopyTo(_sendBuffer);
        if (srtp.ProtectRtp(_sendBuffer, packet.Length, out var length) != SrtpResult.Ok)
        {
            return false;
        }

        _endpoint.Send(_sendBuffer.AsSpan(0, length), server);
        return true;
    }

    private void SendBindingRequest(bool useCandidate)
    {
        var remote = _remoteIce;
        var server = _server;
        if (remote is null || server is null)
        {
            return;
        }

        Span<byte> request = stackalloc byte[256];
        var n = StunMessageWriter.WriteBindingRequest(request, _transactionId, LocalCredentials, remote, 2130706431, _tieBreaker, useCandidate);
        _endpoint.Send(request[..n], server);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _endpoint.DisposeAsync();
        await _dtls.DisposeAsync();
        _inbound?.Dispose();
        lock (_sendGate)
        {
            _outbound?.Dispose();
            _outbound = null;
        }
    }
}
