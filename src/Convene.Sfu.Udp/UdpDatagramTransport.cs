using System.Net;
using System.Net.Sockets;
using Convene.Sfu.Transport;
using Microsoft.Extensions.Logging;

namespace Convene.Sfu.Udp;

/// <summary>
/// The UDP socket of the media plane: one port for all peers, a dedicated receive thread doing blocking
/// <c>ReceiveFrom</c> into one reused buffer (that thread is the media worker), 4 MiB socket buffers, and a
/// receive timeout that drives <see cref="IDatagramHandler.OnTick"/> when idle. Dispose stops and awaits the thread.
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
            ReceiveTimeout = (int)TickInterval.TotalMilliseconds,
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
            _batch = new SendBatch();
        }
    }

    public IPEndPoint LocalEndPoint { get; }

    public long SendErrors => Interlocked.Read(ref _sendErrors);

    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    public long DatagramsSent => Interlocked.Read(ref _sent);

    public long DatagramsReceived => Interlocked.Read(ref _received);

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

        // The receive timeout bounds how long the thread needs to notice; closing the socket wakes it at once.
        _socket.Close();
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
        var buffer = GC.AllocateArray<byte>(MaxDatagram, pinned: true);
        var remote = new SocketAddress(LocalEndPoint.AddressFamily);
        var lastTick = _time.GetTimestamp();
        _receiveThreadId = Environment.CurrentManagedThreadId;
        try
        {
            while (!_stopping)
            {
                int length;
                try
                {
                    length = _socket.ReceiveFrom(buffer, SocketFlags.None, remote);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut)
                {
                    lastTick = _time.GetTimestamp();
                    handler.OnTick();
                    FlushBatch();
                    continue;
                }
                catch (SocketException ex) when (IsTransient(ex.SocketErrorCode))
                {
                    Interlocked.Increment(ref _receiveErrors); // ICMP port unreachable from a peer that left, etc.
                    continue;
                }
                catch (SocketException) when (_stopping)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }

                Interlocked.Increment(ref _received);
                handler.OnDatagram(buffer.AsSpan(0, length), remote);
                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(lastTick, now) >= TickInterval)
                {
                    lastTick = now;
                    handler.OnTick();
                }

                FlushBatch();
            }
        }
        catch (SocketException ex)
        {
            LogReceiveLoopFailed(ex.SocketErrorCode);
        }
        finally
        {
            _stopped.TrySetResult();
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
