using System.Collections.Concurrent;
using Org.BouncyCastle.Tls;

namespace Convene.Dtls;

/// <summary>
/// Adapts the push model of the media path (Feed) to BouncyCastle's blocking DatagramTransport: a bounded queue the
/// handshake thread waits on, and sends forwarded to <see cref="IDtlsOutput"/>.
/// </summary>
internal sealed class QueuedDatagramTransport(IDtlsOutput output, int capacity, int maxDatagram, CancellationToken stopping) : DatagramTransport, IDisposable
{
    private readonly ConcurrentQueue<byte[]> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private int _count;
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Copies and queues a datagram; false (and counted) when full.</summary>
    public bool Enqueue(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length == 0 || datagram.Length > 2048 || stopping.IsCancellationRequested)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
            return false;
        }

        _queue.Enqueue(datagram.ToArray());
        _available.Release();
        return true;
    }

    public int GetReceiveLimit() => 2048;

    public int GetSendLimit() => maxDatagram;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    public int Receive(Span<byte> buffer, int waitMillis)
    {
        // Cancellation surfaces as OperationCanceledException; the owner maps it to a result.
        if (!_available.Wait(Math.Max(0, waitMillis), stopping))
        {
            return -1;
        }

        if (!_queue.TryDequeue(out var datagram))
        {
            return -1;
        }

        Interlocked.Decrement(ref _count);
        int n = Math.Min(datagram.Length, buffer.Length);
        datagram.AsSpan(0, n).CopyTo(buffer);
        return n;
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    /// <summary>Always forwards, also while stopping, so the close_notify of a closing association goes out.</summary>
    public void Send(ReadOnlySpan<byte> buffer) => output.Send(buffer);

    public void Close()
    {
    }

    public void Dispose() => _available.Dispose();
}
