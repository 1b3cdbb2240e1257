using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Convene.Dtls;
using Convene.Sfu.Api;
using Convene.Sfu.Transport;
using Microsoft.Extensions.Logging;

namespace Convene.Sfu.Plane;

/// <summary>
/// <see cref="IMediaPlane"/> over the SFU core: one media worker on one datagram transport, one DTLS certificate per
/// process, rooms created on demand. Thread-safe.
/// </summary>
public sealed class MediaPlane : IMediaPlane, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Router> _rooms = new(StringComparer.Ordinal);
    private readonly IDatagramTransport _socket;
    private readonly object _randomGate = new();
    private int _disposed;

    public MediaPlane(IDatagramTransport socket, SfuOptions options, TimeProvider time, Random random, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        _socket = socket;
        Options = options;
        Time = time;
        Random = random;
        Logger = loggers.CreateLogger<MediaPlane>();
        Certificate = DtlsCertificate.Generate(time);
        AnnouncedAddresses = options.ResolveAnnouncedAddresses();
        CountersSet = new SfuCounterSet();
        Worker = new MediaWorker(socket, time, CountersSet);
        socket.Start(Worker);
    }

    public SfuOptions Options { get; }

    public SfuCounters Counters => CountersSet.Snapshot();

    /// <summary>The UDP endpoint every peer sends to (the actual port when <see cref="SfuOptions.Port"/> is 0).</summary>
    public System.Net.IPEndPoint LocalEndPoint => Worker.LocalEndPoint;

    /// <summary>The addresses put in every candidate list (resolved once at start), most preferred first.</summary>
    public IReadOnlyList<System.Net.IPAddress> AnnouncedAddresses { get; }

    /// <summary>Number of remote addresses currently bound to transports (after a valid STUN check).</summary>
    public int BoundAddresses => Worker.BoundAddressCount;

    /// <summary>What the plane holds right now; all zero once every room is closed and the worker drained (leak check).</summary>
    internal SfuResources Resources => new(
        _rooms.Count,
        Worker.TransportCount,
        Worker.BoundAddressCount,
        Worker.PendingCommands,
        Worker.TickHookCount,
        CountersSet.LiveProducers,
        CountersSet.LiveConsumers);

    internal TimeProvider Time { get; }

    internal Random Random { get; }

    internal ILogger Logger { get; }

    internal DtlsCertificate Certificate { get; }

    internal SfuCounterSet CountersSet { get; }

    internal MediaWorker Worker { get; }

    public IMediaRoom GetOrCreateRoom(string roomId)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(roomId);
        return _rooms.GetOrAdd(roomId, id => new Router(this, id));
    }

    public bool TryGetRoom(string roomId, [NotNullWhen(true)] out IMediaRoom? room)
    {
        if (_rooms.TryGetValue(roomId, out var router) && !router.IsClosed)
        {
            room = router;
            return true;
        }

        room = null;
        return false;
    }

    internal void RoomClosed(Router router) => _rooms.TryRemove(new KeyValuePair<string, Router>(router.RoomId, router));

    internal uint NextSsrc()
    {
        lock (_randomGate)
        {
            return (uint)Random.NextInt64(1, uint.MaxValue);
        }
    }

    internal string NextId(string prefix, int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        Span<char> chars = stackalloc char[length];
        lock (_randomGate)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = Alphabet[Random.Next(Alphabet.Length)];
            }
        }

        return prefix + new string(chars);
    }

    internal Ice.IceCredentials NextIceCredentials()
    {
        lock (_randomGate)
        {
            return Ice.IceCredentials.Generate(Random);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var room in _rooms.Values)
        {
            await room.DisposeAsync();
        }

        await _socket.DisposeAsync();
    }
}
