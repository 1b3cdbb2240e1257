using System.Net;
using System.Net.Sockets;
using Convene.Sfu.Transport;
using Microsoft.Extensions.Logging;

namespace Convene.Sfu.Udp;

/// <summary>
/// The UDP socket of the media plane: one port for all peers and a dedicated receive thread (the media worker) that
/// waits with <c>poll(2)</c> until data arrives or the next <see cref="IDatagramHandler.OnTick"/> is due, then takes
/// up to 32 datagrams with one <c>recvmmsg(2)</c> (Linux; elsewhere <c>Socket.Poll</c> + <c>ReceiveFrom</c>).
/// 4 MiB socket buffers. Dispose stops and awaits the thread, then closes the socket.
/// </summary>
public sealed partial class UdpDatagramTransport : IDatagramTransport
{
    /// <summary>Longest time between two ticks of the handler.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(5);

    private const int MaxDatagram = 2048;
    private readonly Socket _socket;
    private readonly ILogger<UdpDatagramTransport> _logger;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SendBatch? _batch;
    private Thread? _thread;
    private int _receiveThreadId = -1;
    private volatile bool _stopping;
    private long _sendErrors;
    private long _receiveErrors;
    private long _sent;
    private long _received;

    public UdpDatagramTransport(SfuOptions options, TimeProvider time, ILogger<UdpDatagramTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _time = time;
        if (!IPAddress.TryParse(options.BindAddress, out var bindAddress))
        {
            throw new ArgumentException($"Sfu:BindAddress '{options.BindAddress}' is not an IP address.", nameof(options));
        }

        _socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveBufferSize = options.SocketBufferBytes,
            SendBufferSize = options.SocketBufferBytes,
        };

        try
        {
            _socket.Bind(new IPEndPoint(bindAddress, options.Port));
        }
        catch (SocketException ex)
        {
            _socket.Dispose();
            throw new InvalidOperationException($"Cannot bind the media UDP port {options.BindAddress}:{options.Port}: {ex.SocketErrorCode}.", ex);
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        if (options.BatchSends && OperatingSystem.IsLinux())
        {
            _batch = new SendBatch(options.SegmentationOffload && KernelHasSegmentation(_socket));
        }
    }

    public IPEndPoint LocalEndPoint { get; }

    public long SendErrors => Interlocked.Read(ref _sendErrors);

    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    public long DatagramsSent => Interlocked.Read(ref _sent);

    public long DatagramsReceived => Interlocked.Read(ref _received);

    /// <summary>True while batched sends use UDP GSO.</summary>
    public bool SegmentationActive => _batch?.Segmentation ?? false;

    /// <summary>How often the kernel refused a GSO send (GSO is then off for this socket).</summary>
    public long SegmentationFallbacks => _batch?.SegmentationFallbacks ?? 0;

    /// <summary>True while the receive thread runs (the leak check of tests).</summary>
    public bool IsRunning => _thread is { IsAlive: true };

    public void Start(IDatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_thread is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        _thread = new Thread(() => ReceiveLoop(handler))
        {
            IsBackground = true,
            Name = $"convene-media:{LocalEndPoint.Port}",
        };
        _thread.Start();
    }

    public void Send(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        // On the receive thread (the media worker), sends are queued and flushed after the datagram or tick that
        // produced them; other threads (DTLS handshakes) send directly.
        if (_batch is not null && Environment.CurrentManagedThreadId == _receiveThreadId)
        {
            if (_batch.TryAdd(datagram, remote))
            {
                return;
            }

            FlushBatch();
            if (_batch.TryAdd(datagram, remote))
            {
                return;
            }
        }

        try
        {
            _socket.SendTo(datagram, SocketFlags.None, remote);
            Interlocked.Increment(ref _sent);
        }
        catch (SocketException ex) when (IsTransient(ex.SocketErrorCode))
        {
            Interlocked.Increment(ref _sendErrors);
        }
        catch (SocketException ex)
        {
            Interlocked.Increment(ref _sendErrors);
            if (!_stopping)
            {
                LogSendFailed(ex.SocketErrorCode);
            }
        }
        catch (ObjectDisposedException)
        {
            Interlocked.Increment(ref _sendErrors);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping)
        {
            await _stopped.Task;
            return;
        }

        _stopping = true;
        if (_thread is null)
        {
            _socket.Dispose();
            _stopped.TrySetResult();
            return;
        }

        // The receive thread waits at most one tick interval at a time, so it sees the flag within ~5 ms; the socket
        // is closed only after it has left, never under a running system call.
        await _stopped.Task;
        _socket.Dispose();
        _batch?.Dispose();
    }

    private void FlushBatch()
    {
        if (_batch is null || _batch.Count == 0)
        {
            return;
        }

        var sent = _batch.Flush(_socket.SafeHandle, out var failed);
        Interlocked.Add(ref _sent, sent);
        if (failed > 0)
        {
            Interlocked.Add(ref _sendErrors, failed);
        }
    }

    private void ReceiveLoop(IDatagramHandler handler)
    {
        var remote = new SocketAddress(LocalEndPoint.AddressFamily);
        var lastTick = _time.GetTimestamp();
        _receiveThreadId = Environment.CurrentManagedThreadId;
        using var batch = OperatingSystem.IsLinux() ? new ReceiveBatch() : null;
        var buffer = batch is null ? GC.AllocateArray<byte>(MaxDatagram, pinned: true) : null;
        try
        {
            // Each round waits at most until the next tick is due, so a stop request is seen within one tick
            // interval; nothing here uses an exception to learn that the socket was idle.
            while (!_stopping)
            {
                var wait = TickInterval - _time.GetElapsedTime(lastTick);
                var waitMilliseconds = wait <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(wait.TotalMilliseconds);
                if (batch is not null)
                {
                    ReceiveBatched(batch, handler, remote, waitMilliseconds);
                }
                else
                {
                    ReceiveOne(buffer!, handler, remote, waitMilliseconds);
                }

                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(lastTick, now) >= TickInterval)
                {
                    lastTick = now;
                    handler.OnTick();
                }

                FlushBatch();
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void ReceiveBatched(ReceiveBatch batch, IDatagramHandler handler, SocketAddress remote, int waitMilliseconds)
    {
        var count = batch.Receive(_socket.SafeHandle, waitMilliseconds, out var error);
        if (error != 0)
        {
            // ICMP port unreachable from a peer that left and the like: counted, never fatal.
            Interlocked.Increment(ref _receiveErrors);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if (!batch.IsComplete(i))
            {
                Interlocked.Increment(ref _receiveErrors); // longer than any datagram the media plane accepts
                continue;
            }

            Interlocked.Increment(ref _received);
            batch.CopySender(i, remote);
            handler.OnDatagram(batch.Datagram(i), remote);
        }
    }

    private void ReceiveOne(byte[] buffer, IDatagramHandler handler, SocketAddress remote, int waitMilliseconds)
    {
        try
        {
            if (!_socket.Poll(waitMilliseconds * 1000, SelectMode.SelectRead))
            {
                return;
            }

            var length = _socket.ReceiveFrom(buffer, SocketFlags.None, remote);
            Interlocked.Increment(ref _received);
            handler.OnDatagram(buffer.AsSpan(0, length), remote);
        }
        catch (SocketException ex) when (IsTransient(ex.SocketErrorCode))
        {
            Interlocked.Increment(ref _receiveErrors); // ICMP port unreachable from a peer that left, etc.
        }
        catch (SocketException ex)
        {
            Interlocked.Increment(ref _receiveErrors);
            if (!_stopping)
            {
                LogReceiveFailed(ex.SocketErrorCode);
            }
        }
    }

    private static bool KernelHasSegmentation(Socket socket)
    {
        // UDP_SEGMENT is readable on every kernel that understands it (4.18+); older ones answer ENOPROTOOPT.
        Span<byte> value = stackalloc byte[sizeof(int)];
        try
        {
            return socket.GetRawSocketOption(Native.SolUdp, Native.UdpSegment, value) == sizeof(int);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsTransient(SocketError error) => error is SocketError.ConnectionReset
        or SocketError.ConnectionRefused
        or SocketError.HostUnreachable
        or SocketError.NetworkUnreachable
        or SocketError.MessageSize
        or SocketError.NoBufferSpaceAvailable
        or SocketError.WouldBlock;
}
