using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Convene.Testing.Signalling;

/// <summary>
/// A C# client of docs/protocol.md for tests: sends JSON objects (or raw frames), records every server message in
/// order and the close status. Speaks the wire format from the document, not the server's own records, so it checks
/// what a browser would see. Every wait is bounded.
/// </summary>
public sealed class TestSignallingClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;
    private readonly Channel<JsonObject> _inbox = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> _received = [];
    private readonly Task _readLoop;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public TestSignallingClient(WebSocket socket)
    {
        _socket = socket;
        _readLoop = ReadLoopAsync();
    }

    /// <summary>Close status the server sent (null while open or after an abort).</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Completes when the socket is closed (or aborted) and the read loop is done.</summary>
    public Task Closed => _readLoop;

    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<TestSignallingClient> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, cancellationToken);
        return new TestSignallingClient(socket);
    }

    public Task SendAsync(object message, CancellationToken cancellationToken = default) =>
        SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, cancellationToken);

    public async Task SendRawAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(payload, type, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends one frame of <paramref name="size"/> bytes in 64 KiB fragments (e.g. a 10 MB frame).</summary>
    public async Task SendLargeFrameAsync(int size, byte fill, CancellationToken cancellationToken = default)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, fill);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            for (var sent = 0; sent < size; sent += chunk.Length)
            {
                var length = Math.Min(chunk.Length, size - sent);
                await _socket.SendAsync(chunk.AsMemory(0, length), WebSocketMessageType.Text, sent + length >= size, cancellationToken);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task JoinAsync(string token, bool reconnect = false, string? requestId = "join", CancellationToken cancellationToken = default) =>
        SendAsync(new { type = "join", token, reconnect, requestId }, cancellationToken);

    /// <summary>The next message of <paramref name="type"/> (others are skipped but stay in <see cref="Received"/>).</summary>
    public async Task<JsonObject> WaitForAsync(string type, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var message = await _inbox.Reader.ReadAsync(cts.Token);
                if ((string?)message["type"] == type)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{type}' within {timeout ?? DefaultTimeout}; received: {string.Join(", ", Received.Select(m => (string?)m["type"]))}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"Socket closed ({CloseStatus}) before '{type}'; received: {string.Join(", ", Received.Select(m => (string?)m["type"]))}");
        }
    }

    /// <summary>Waits until the server closes the socket; returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitClosedAsync(TimeSpan? timeout = null)
    {
        await _readLoop.WaitAsync(timeout ?? DefaultTimeout);
        return CloseStatus;
    }

    private async Task ReadLoopAsync()
    {
        await Task.Yield();
        var buffer = new byte[256 * 1024];
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && length < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    break;
                }

                var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!.AsObject();
                lock (_received)
                {
                    _received.Add(message);
                }

                _inbox.Writer.TryWrite(message);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // aborted: Closed completes, CloseStatus stays null
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // already broken
            }
        }

        await _readLoop.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _stop.CancelAsync();
        await _readLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
