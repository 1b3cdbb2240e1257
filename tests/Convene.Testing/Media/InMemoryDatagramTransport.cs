using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Convene.Sfu.Transport;

namespace Convene.Testing.Media;

/// <summary>One endpoint of an <see cref="InMemoryNetwork"/>: a bounded inbound queue drained by its own thread.</summary>
public sealed class InMemoryDatagramTransport : IDatagramTransport
{
    private const int QueueCapacity = 8192;
    private readonly InMemoryNetwork _network;
    private readonly BlockingCollection<(byte[] Buffer, int Length, SocketAddress From)> _inbound = new(QueueCapacity);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private int _disposed;

    internal InMemoryDatagramTransport(InMemoryNetwork network, IPEndPoint local, bool lossy)
    {
        _network = network;
        LocalEndPoint = local;
        Lossy = lossy;
    }

    public IPEndPoint LocalEndPoint { get; }

    public bool Lossy { get; }

    public bool IsRunning => _thread is { IsAlive: true };

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void Start(IDatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_thread is not null)
        {
            throw new InvalidOperationException("Already started.");
        }

        _thread = new Thread(() => Run(handler)) { IsBackground = true, Name = $"inmem:{LocalEndPoint.Port}" };
        _thread.Start();
    }

    public void Send(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        if (!IsDisposed)
        {
            _network.Route(this, datagram, remote);
        }
    }

    internal bool Enqueue(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(datagram.Length, 1));
        datagram.CopyTo(buffer);
        try
        {
            if (_inbound.TryAdd((buffer, datagram.Length, from)))
            {
                return true;
            }
        }
        catch (InvalidOperationException)
        {
            // completed: disposing
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return false;
    }

    private void Run(IDatagramHandler handler)
    {
        var lastTick = Environment.TickCount64;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (_inbound.TryTake(out var item, 5, _stop.Token))
                {
                    var copy = new SocketAddress(item.From.Family, item.From.Size);
                    item.From.Buffer.CopyTo(copy.Buffer);
                    handler.OnDatagram(item.Buffer.AsSpan(0, item.Length), copy);
                    ArrayPool<byte>.Shared.Return(item.Buffer);
                }

                var now = Environment.TickCount64;
                if (now - lastTick >= 5)
                {
                    lastTick = now;
                    handler.OnTick();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _stopped.Task;
            return;
        }

        _network.Remove(this);
        await _stop.CancelAsync();
        if (_thread is null)
        {
            _stopped.TrySetResult();
        }

        await _stopped.Task;
        _inbound.CompleteAdding();
        _stop.Dispose();
    }
}
