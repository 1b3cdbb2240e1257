using System.Collections.Concurrent;
using System.Net;
using Convene.Sfu.Transport;

namespace Convene.Testing.Media;

/// <summary>
/// A loopback-only datagram network in memory: endpoints at 127.0.0.1:port exchange datagrams through bounded
/// queues, each endpoint delivering on its own thread (like a real socket's receive thread). Loss is injected
/// per destination with a seeded random, so runs are reproducible in what gets dropped.
/// </summary>
public sealed class InMemoryNetwork : IAsyncDisposable
{
    private readonly ConcurrentDictionary<SocketAddress, InMemoryDatagramTransport> _endpoints = new();
    private readonly Random _random;
    private readonly object _randomGate = new();
    private int _nextPort = 40000;
    private long _dropped;
    private long _delivered;

    public InMemoryNetwork(int seed = 1) => _random = new Random(seed);

    /// <summary>Probability (0..1) that a datagram is lost, applied to every datagram sent to a lossy endpoint.</summary>
    public double LossRate { get; set; }

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Delivered => Interlocked.Read(ref _delivered);

    public IReadOnlyCollection<InMemoryDatagramTransport> Endpoints => _endpoints.Values.ToArray();

    /// <summary>True when no endpoint thread is still running (the leak check).</summary>
    public bool AllStopped => _endpoints.Values.All(e => !e.IsRunning);

    public InMemoryDatagramTransport CreateEndpoint(bool lossy = false)
    {
        var port = Interlocked.Increment(ref _nextPort);
        var endpoint = new InMemoryDatagramTransport(this, new IPEndPoint(IPAddress.Loopback, port), lossy);
        _endpoints[endpoint.LocalEndPoint.Serialize()] = endpoint;
        return endpoint;
    }

    internal void Route(InMemoryDatagramTransport from, ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        if (!_endpoints.TryGetValue(to, out var target) || target.IsDisposed)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if ((target.Lossy || from.Lossy) && LossRate > 0)
        {
            double draw;
            lock (_randomGate)
            {
                draw = _random.NextDouble();
            }

            if (draw < LossRate)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }
        }

        if (target.Enqueue(datagram, from.LocalEndPoint.Serialize()))
        {
            Interlocked.Increment(ref _delivered);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    internal void Remove(InMemoryDatagramTransport endpoint) => _endpoints.TryRemove(endpoint.LocalEndPoint.Serialize(), out _);

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in _endpoints.Values)
        {
            await endpoint.DisposeAsync();
        }
    }
}
