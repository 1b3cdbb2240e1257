using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using Convene.Ice;
using Convene.Sfu.Media;

namespace Convene.Sfu.Transport;

/// <summary>
/// The media worker: the <see cref="IDatagramHandler"/> of the shared socket. Demultiplexes by first byte
/// (RFC 7983), maps remote addresses to transports, admits unknown addresses only through a STUN request whose
/// USERNAME names one of our transports and whose MESSAGE-INTEGRITY checks out (the DTLS-flood guard), and drives
/// every transport's timers. Control threads talk to it only through <see cref="Post"/> and the ufrag registry.
/// </summary>
internal sealed class MediaWorker : IDatagramHandler
{
    private readonly IDatagramTransport _socket;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, WebRtcTransport> _byUfrag = new(StringComparer.Ordinal);
    private readonly Dictionary<SocketAddress, WebRtcTransport> _byAddress = [];
    private readonly ConcurrentQueue<Action> _commands = new();
    private readonly byte[] _scratch = new byte[2048];
    private ImmutableArray<WebRtcTransport> _transports = [];
    private ImmutableArray<Action> _tickHooks = [];

    public MediaWorker(IDatagramTransport socket, TimeProvider time, SfuCounterSet counters)
    {
        _socket = socket;
        _time = time;
        Counters = counters;
    }

    public SfuCounterSet Counters { get; }

    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    public int BoundAddressCount { get; private set; }

    /// <summary>Transports registered with the worker (ticked, reachable by ufrag).</summary>
    public int TransportCount => _transports.Length + _byUfrag.Count;

    /// <summary>Control commands posted and not yet run.</summary>
    public int PendingCommands => _commands.Count;

    public int TickHookCount => _tickHooks.Length;

    public void Register(WebRtcTransport transport)
    {
        _byUfrag[transport.LocalCredentials.Ufrag] = transport;
        ImmutableInterlocked.Update(ref _transports, a => a.Add(transport));
    }

    public void Unregister(WebRtcTransport transport)
    {
        _byUfrag.TryRemove(transport.LocalCredentials.Ufrag, out _);
        ImmutableInterlocked.Update(ref _transports, a => a.Remove(transport));
        Post(() =>
        {
            foreach (var key in _byAddress.Where(kv => kv.Value == transport).Select(kv => kv.Key).ToList())
            {
                _byAddress.Remove(key);
            }

            BoundAddressCount = _byAddress.Count;
        });
    }

    /// <summary>Adds a callback run on every tick (e.g. a router's active-speaker evaluation).</summary>
    public void AddTickHook(Action hook) => ImmutableInterlocked.Update(ref _tickHooks, a => a.Add(hook));

    public void RemoveTickHook(Action hook) => ImmutableInterlocked.Update(ref _tickHooks, a => a.Remove(hook));

    /// <summary>Runs <paramref name="command"/> on the worker thread at its next tick.</summary>
    public void Post(Action command) => _commands.Enqueue(command);

    public void Send(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        _socket.Send(datagram, remote);
        Counters.DatagramSent();
    }

    public void OnDatagram(Span<byte> datagram, SocketAddress remote)
    {
        Counters.DatagramReceived();
        var kind = PacketClassifier.Classify(datagram);
        if (kind == PacketClass.Unknown)
        {
            Counters.Drop(DropReason.UnknownPacketClass);
            return;
        }

        if (!_byAddress.TryGetValue(remote, out var transport))
        {
            if (kind != PacketClass.Stun)
            {
                Counters.Drop(DropReason.UnboundAddress);
                return;
            }

            if (!StunMessage.TryReadUsername(datagram, out var localUfrag, out _)
                || !_byUfrag.TryGetValue(localUfrag, out transport))
            {
                Counters.Drop(DropReason.StunUnknownUsername);
                return;
            }

            if (transport.HandleStun(datagram, remote))
            {
                var copy = new SocketAddress(remote.Family, remote.Size);
                remote.Buffer.CopyTo(copy.Buffer);
                _byAddress[copy] = transport;
                BoundAddressCount = _byAddress.Count;
            }

            return;
        }

        var clock = WorkerClock.Now(_time);
        switch (kind)
        {
            case PacketClass.Stun:
                transport.HandleStun(datagram, remote);
                break;
            case PacketClass.Dtls:
                transport.HandleDtls(datagram);
                break;
            case PacketClass.Rtp:
                transport.HandleRtp(datagram, _scratch, clock);
                break;
            case PacketClass.Rtcp:
                transport.HandleRtcp(datagram, _scratch, clock);
                break;
        }
    }

    public void OnTick()
    {
        var budget = 256;
        while (budget-- > 0 && _commands.TryDequeue(out var command))
        {
            command();
        }

        var clock = WorkerClock.Now(_time);
        foreach (var transport in _transports)
        {
            transport.OnTick(_scratch, clock);
        }

        foreach (var hook in _tickHooks)
        {
            hook();
        }
    }
}
