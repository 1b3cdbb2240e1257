using System.Collections.Frozen;
using System.Net;
using Convene.Dtls;
using Convene.Ice;
using Convene.Rtp;
using Convene.Sfu.Api;
using Convene.Sfu.Media;
using Convene.Srtp;

namespace Convene.Sfu.Transport;

/// <summary>
/// One PeerConnection's transport: ICE-lite agent, DTLS (on its own thread, BouncyCastle), SRTP contexts, and the
/// SSRC tables of the producers/consumers it carries. Packet methods run on the media worker; the SSRC tables are
/// immutable snapshots replaced by control threads.
/// </summary>
internal sealed partial class WebRtcTransport : IMediaSender, IDtlsOutput, IAsyncDisposable
{
    private readonly MediaWorker _worker;
    private readonly IceLiteAgent _ice;
    private readonly DtlsCertificate _certificate;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _closing = new();
    private readonly byte[] _stunResponse = new byte[512];
    private readonly byte[] _rtcpScratch = new byte[1500];
    private ITransportListener? _listener;
    private DtlsTransport? _dtls;
    private SrtpContext? _inbound;
    private SrtpContext? _outbound;
    private volatile SocketAddress? _remote;
    private FrozenDictionary<uint, Producer> _producers = FrozenDictionary<uint, Producer>.Empty;
    private FrozenDictionary<uint, Consumer> _consumers = FrozenDictionary<uint, Consumer>.Empty;
    private FrozenDictionary<string, Producer> _producersByMid = FrozenDictionary<string, Producer>.Empty;
    private long _lastSenderReportTicks;
    private int _midExtensionId;
    private volatile MediaConnectionState _state = MediaConnectionState.New;
    private int _closed;
    private Task _handshake = Task.CompletedTask;

    public WebRtcTransport(MediaWorker worker, IceCredentials local, DtlsCertificate certificate, TimeProvider time, TimeSpan consentTimeout, uint rtcpSsrc, ITransportListener? listener)
    {
        _worker = worker;
        _certificate = certificate;
        _time = time;
        _listener = listener;
        RtcpSsrc = rtcpSsrc;
        _ice = new IceLiteAgent(local, time, new IceLiteAgentOptions { ConsentTimeout = consentTimeout });
    }

    public IceCredentials LocalCredentials => _ice.Local;

    public uint RtcpSsrc { get; }

    public string Cname { get; init; } = "convene";

    public MediaConnectionState State => _state;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    internal SfuCounterSet Counters => _worker.Counters;

    /// <summary>Control: applies the remote ICE credentials and starts DTLS once (the role comes from the SDP).</summary>
    public void SetRemote(string iceUfrag, string icePwd, string fingerprint, bool localIsDtlsClient)
    {
        _ice.Remote = new IceCredentials(iceUfrag, icePwd);
        if (_dtls is not null || IsClosed)
        {
            return;
        }

        _dtls = new DtlsTransport(localIsDtlsClient ? DtlsSide.Client : DtlsSide.Server, _certificate, this, _time);
        SetState(MediaConnectionState.Connecting);
        _handshake = AwaitHandshakeAsync(_dtls.Start(fingerprint, _closing.Token));
    }

    public void SetMidExtensionId(int id) => _midExtensionId = id;

    /// <summary>Control: replaces the producer tables (SSRC and mid lookups) with a new snapshot.</summary>
    public void SetProducers(IEnumerable<Producer> producers)
    {
        var list = producers.ToList();
        var bySsrc = new Dictionary<uint, Producer>();
        foreach (var p in list)
        {
            if (p.Ssrc != 0)
            {
                bySsrc[p.Ssrc] = p;
            }

            if (p.RtxSsrc != 0)
            {
                bySsrc[p.RtxSsrc] = p;
            }
        }

        _producers = bySsrc.ToFrozenDictionary();
        _producersByMid = list.ToFrozenDictionary(p => p.Mid, StringComparer.Ordinal);
    }

    public void SetConsumers(IEnumerable<Consumer> consumers) =>
        _consumers = consumers.ToFrozenDictionary(c => c.Ssrc);

    public IEnumerable<Producer> Producers => _producersByMid.Values;

    // ---- worker side -------------------------------------------------------------------------------------------

    /// <summary>Worker: a STUN datagram for us. Returns true when the sender is now a valid candidate (bind it).</summary>
    public bool HandleStun(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        var result = _ice.HandleBindingRequest(datagram, from, _stunResponse, out var length);
        switch (result)
        {
            case IceAgentResult.ResponseReady:
                _worker.Send(_stunResponse.AsSpan(0, length), from);
                if (_ice.SelectedRemote is { } selected && _remote is null)
                {
                    _remote = selected;
                }
                else if (_ice.SelectedRemote is { } nominated && !nominated.Equals(_remote))
                {
                    _remote = nominated;
                }

                return true;
            case IceAgentResult.BadIntegrity:
                Counters.Drop(DropReason.StunBadIntegrity);
                return false;
            case IceAgentResult.UnknownUsername:
                Counters.Drop(DropReason.StunUnknownUsername);
                return false;
            case IceAgentResult.RoleConflict:
                Counters.Drop(DropReason.StunRoleConflict);
                if (length > 0)
                {
                    _worker.Send(_stunResponse.AsSpan(0, length), from);
                }

                return false;
            default:
                if (length > 0)
                {
                    _worker.Send(_stunResponse.AsSpan(0, length), from);
                }

                Counters.Drop(DropReason.StunMalformed);
                return false;
        }
    }

    public void HandleDtls(ReadOnlySpan<byte> datagram)
    {
        if (_dtls is null || !_dtls.Feed(datagram))
        {
            Counters.Drop(_dtls is null ? DropReason.DtlsNotReady : DropReason.DtlsQueueFull);
        }
    }

    public void HandleRtp(Span<byte> datagram, Span<byte> scratch, in WorkerClock clock)
    {
        var srtp = _inbound;
        if (srtp is null)
        {
            Counters.Drop(DropReason.SrtpNotReady);
            return;
        }

        var result = srtp.UnprotectRtp(datagram, datagram.Length, out var plainLength);
        if (result != SrtpResult.Ok)
        {
            Counters.Drop(ToDrop(result));
            return;
        }

        var plain = datagram[..plainLength];
        if (!RtpPacket.TryParse(plain, out var rtp))
        {
            Counters.Drop(DropReason.RtpMalformed);
            return;
        }

        if (!_producers.TryGetValue(rtp.Ssrc, out var producer) && !TryLearnSsrc(rtp, out producer))
        {
            Counters.Drop(DropReason.RtpUnknownSsrc);
            return;
        }

        producer!.OnRtp(plain, scratch, clock);
    }

    public void HandleRtcp(Span<byte> datagram, Span<byte> scratch, in WorkerClock clock)
    {
        var srtp = _inbound;
        if (srtp is null)
        {
            Counters.Drop(DropReason.SrtpNotReady);
            return;
        }

        var result = srtp.UnprotectRtcp(datagram, datagram.Length, out var plainLength);
        if (result != SrtpResult.Ok)
        {
            Counters.Drop(ToDrop(result));
            return;
        }

        Counters.RtcpReceived();
        var packets = new RtcpCompoundEnumerator(datagram[..plainLength]);
        Span<ushort> lost = stackalloc ushort[128];
        while (packets.MoveNext())
        {
            var packet = packets.Current;
            if (packet.Type == RtcpPacketType.SenderReport && RtcpSenderReport.TryParse(packet, out var sr))
            {
                if (_producers.TryGetValue(sr.Ssrc, out var producer))
                {
                    producer.OnSenderReport(sr.NtpTimestamp, clock);
                }
            }
            else if (RtcpFeedback.TryParse(packet, out var feedback))
            {
                if (feedback.IsGenericNack && _consumers.TryGetValue(feedback.MediaSsrc, out var nacked))
                {
                    var count = RtcpNack.GetLostSequenceNumbers(feedback, lost);
                    nacked.OnNack(lost[..count], scratch);
                }
                else if (feedback.IsPli && _consumers.TryGetValue(feedback.MediaSsrc, out var pli))
                {
                    pli.OnKeyframeRequest();
                }
                else if (feedback.IsFir && RtcpFir.TryGetEntry(feedback, 0, out var target, out _)
                    && _consumers.TryGetValue(target, out var fir))
                {
                    fir.OnKeyframeRequest();
                }
            }
        }

        if (packets.Malformed)
        {
            Counters.Drop(DropReason.RtcpMalformed);
        }
    }

    public void OnTick(Span<byte> scratch, in WorkerClock clock)
    {
        if (IsClosed)
        {
            return;
        }

        _ice.Tick();
        if (_ice.State == IceAgentState.Disconnected && _state == MediaConnectionState.Connected)
        {
            SetState(MediaConnectionState.Disconnected);
        }
        else if (_ice.State == IceAgentState.Failed && _state != MediaConnectionState.Failed)
        {
            SetState(MediaConnectionState.Failed);
        }

        if (_outbound is null)
        {
            return;
        }

        foreach (var producer in _producersByMid.Values)
        {
            producer.OnTick(scratch, clock);
        }

        if (clock.Ticks - _lastSenderReportTicks >= clock.TicksPerSecond)
        {
            _lastSenderReportTicks = clock.Ticks;
            foreach (var consumer in _consumers.Values)
            {
                var n = consumer.WriteSenderReport(_rtcpScratch, Cname, clock);
                if (n > 0)
                {
                    SendRtcp(_rtcpScratch, n);
                }
            }
        }
    }

    public bool SendRtp(Span<byte> buffer, int length)
    {
        var srtp = _outbound;
        var remote = _remote;
        if (srtp is null || remote is null)
        {
            return false;
        }

        if (srtp.ProtectRtp(buffer, length, out var protectedLength) != SrtpResult.Ok)
        {
            Counters.Drop(DropReason.SendFailed);
            return false;
        }

        _worker.Send(buffer[..protectedLength], remote);
        return true;
    }

    public bool SendRtcp(Span<byte> buffer, int length)
    {
        var srtp = _outbound;
        var remote = _remote;
        if (srtp is null || remote is null)
        {
            return false;
        }

        if (srtp.ProtectRtcp(buffer, length, out var protectedLength) != SrtpResult.Ok)
        {
            Counters.Drop(DropReason.SendFailed);
            return false;
        }

        _worker.Send(buffer[..protectedLength], remote);
        return true;
    }

    /// <summary>DTLS thread: records go to the ICE-selected address.</summary>
    void IDtlsOutput.Send(ReadOnlySpan<byte> datagram)
    {
        var remote = _remote;
        if (remote is not null)
        {
            _worker.Send(datagram, remote);
        }
    }

    public async ValueTask CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _listener = null;
        _worker.Unregister(this);
        await _closing.CancelAsync();
        if (_dtls is not null)
        {
            await _dtls.DisposeAsync();
        }

        _worker.Post(() =>
        {
            _inbound?.Dispose();
            _outbound?.Dispose();
            _inbound = null;
            _outbound = null;
        });
        await _handshake;
        SetState(MediaConnectionState.Closed);
        _closing.Dispose();
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async Task AwaitHandshakeAsync(Task<DtlsHandshakeResult> handshake)
    {
        DtlsHandshakeResult? result;
        try
        {
            result = await handshake;
        }
        catch (OperationCanceledException)
        {
            result = null;
        }

        if (IsClosed || result is not { Succeeded: true })
        {
            if (!IsClosed)
            {
                SetState(MediaConnectionState.Failed);
            }

            return;
        }

        var inbound = new SrtpContext(result.RemoteWriteKeys!.ToSrtpKeyingMaterial());
        var outbound = new SrtpContext(result.LocalWriteKeys!.ToSrtpKeyingMaterial());
        _worker.Post(() =>
        {
            if (IsClosed)
            {
                inbound.Dispose();
                outbound.Dispose();
                return;
            }

            _inbound = inbound;
            _outbound = outbound;
            SetState(MediaConnectionState.Connected);
            foreach (var producer in _producersByMid.Values)
            {
                producer.RequestKeyframe();
            }
        });
    }

    private bool TryLearnSsrc(RtpPacket rtp, out Producer? producer)
    {
        producer = null;
        if (_midExtensionId == 0 || !rtp.TryGetExtension(_midExtensionId, out var midBytes) || midBytes.Length > 16)
        {
            return false;
        }

        Span<char> mid = stackalloc char[midBytes.Length];
        for (var i = 0; i < midBytes.Length; i++)
        {
            mid[i] = (char)midBytes[i];
        }

        var lookup = _producersByMid.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(mid, out producer) || producer.Ssrc != 0 && producer.Ssrc != rtp.Ssrc)
        {
            return false;
        }

        if (producer.Ssrc == 0 && rtp.PayloadType == producer.Codec.PayloadType)
        {
            producer.Ssrc = rtp.Ssrc;
            var map = new Dictionary<uint, Producer>(_producers) { [rtp.Ssrc] = producer };
            _producers = map.ToFrozenDictionary();
            return true;
        }

        return false;
    }

    private void SetState(MediaConnectionState state)
    {
        if (_state == state)
        {
            return;
        }

        _state = state;
        _listener?.OnTransportStateChanged(this);
    }

    private static DropReason ToDrop(SrtpResult result) => result switch
    {
        SrtpResult.AuthenticationFailed => DropReason.SrtpAuthenticationFailed,
        SrtpResult.ReplayDetected => DropReason.SrtpReplay,
        _ => DropReason.SrtpMalformed,
    };
}
