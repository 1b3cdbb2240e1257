using System.Net.WebSockets;
using System.Threading.Channels;
using Convene.Signalling.Meetings;
using Convene.Signalling.Protocol;
using Microsoft.Extensions.Logging;

namespace Convene.Signalling.Sessions;

/// <summary>
/// One participant's WebSocket: a read loop (this task) that validates, rate-limits and dispatches frames, and a
/// single writer that drains a bounded queue, so the meeting never waits for a slow client (overflow drops that
/// client). A watchdog timer enforces the join and idle timeouts by closing, not by cancelling reads.
/// </summary>
internal sealed partial class SignallingSession : IParticipantConnection
{
    private const int ClosedIdle = 4408;

    private readonly WebSocket _socket;
    private readonly SignallingOptions _options;
    private readonly IRoomMemberTokenValidator _validator;
    private readonly MeetingRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<OutboundFrame> _outbound;
    private readonly RateLimiter _rate;
    private ITimer? _watchdog;
    private ITimer? _abortTimer;
    private int _closing;
    private int _badMessages;
    private Meeting? _meeting;
    private Participant? _participant;

    public SignallingSession(WebSocket socket, SignallingOptions options, IRoomMemberTokenValidator validator, MeetingRegistry registry, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        _options = options;
        _validator = validator;
        _registry = registry;
        _time = time;
        _logger = logger;
        _rate = new RateLimiter(options.MaxMessagesPerSecond, time);
        _outbound = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: that is the overflow signal
        });
    }

    public bool IsJoined => Volatile.Read(ref _participant) is not null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _watchdog = _time.CreateTimer(_ => OnWatchdog(), null, _options.JoinTimeout, Timeout.InfiniteTimeSpan);
        var writer = WriteLoopAsync();
        try
        {
            await ReadLoopAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // server shutdown or request aborted
        }
        catch (WebSocketException ex)
        {
            LogSocketFailed(ex.WebSocketErrorCode);
        }
        finally
        {
            _watchdog.Dispose();
            if (_meeting is not null && _participant is not null)
            {
                await _meeting.ConnectionLostAsync(_participant, this);
            }

            _outbound.Writer.TryComplete();
            using (var grace = new CancellationTokenSource(_options.CloseGrace, _time))
            {
                await writer.WaitAsync(grace.Token).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            if (_socket.State != WebSocketState.Closed)
            {
                _socket.Abort();
            }

            await writer;
            if (_abortTimer is not null)
            {
                await _abortTimer.DisposeAsync();
            }

            _socket.Dispose();
        }
    }

    /// <inheritdoc/>
    public bool Send(ServerMessage message)
    {
        if (Volatile.Read(ref _closing) != 0)
        {
            return false;
        }

        if (_outbound.Writer.TryWrite(new OutboundFrame(MessageCodec.Write(message), 0, null)))
        {
            return true;
        }

        LogSendOverflow(_options.SendQueueCapacity);
        Interlocked.Exchange(ref _closing, 1);
        _outbound.Writer.TryComplete();
        _socket.Abort();
        return false;
    }

    /// <inheritdoc/>
    public void Close(ServerMessage? finalMessage, int closeCode, string reason)
    {
        if (finalMessage is not null)
        {
            Send(finalMessage);
        }

        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        if (!_outbound.Writer.TryWrite(new OutboundFrame(null, closeCode, reason)))
        {
            _socket.Abort();
        }

        _outbound.Writer.TryComplete();
        _abortTimer = _time.CreateTimer(_ => AbortIfOpen(), null, _options.CloseGrace, Timeout.InfiniteTimeSpan);
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[_options.MaxMessageBytes];
        while (true)
        {
            var (type, length, oversized) = await ReceiveFrameAsync(buffer, cancellationToken);
            if (type == WebSocketMessageType.Close)
            {
                Close(null, (int)WebSocketCloseStatus.NormalClosure, "bye");
                return;
            }

            if (Volatile.Read(ref _closing) != 0)
            {
                continue; // draining until the peer answers our close frame
            }

            if (IsJoined)
            {
                _watchdog?.Change(_options.IdleTimeout, Timeout.InfiniteTimeSpan);
            }

            if (!_rate.TryAcquire(out var firstRefusal))
            {
                if (firstRefusal)
                {
                    Send(new ErrorEvent(ErrorCodes.RateLimited, $"More than {_options.MaxMessagesPerSecond} messages per second; messages dropped"));
                }

                continue;
            }

            if (type == WebSocketMessageType.Binary)
            {
                BadMessage("Binary frames are not accepted", null);
                continue;
            }

            if (oversized)
            {
                BadMessage($"Frame larger than {_options.MaxMessageBytes} bytes", null);
                continue;
            }

            var outcome = MessageCodec.Read(buffer.AsMemory(0, length));
            if (outcome.Message is null)
            {
                if (outcome.ErrorCode == ErrorCodes.UnknownType)
                {
                    Send(new ErrorEvent(outcome.ErrorCode, outcome.ErrorMessage!) { RequestId = outcome.RequestId });
                }
                else
                {
                    BadMessage(outcome.ErrorMessage!, outcome.RequestId);
                }

                continue;
            }

            await DispatchAsync(outcome.Message, cancellationToken);
        }
    }

    private async Task<(WebSocketMessageType Type, int Length, bool Oversized)> ReceiveFrameAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        var oversized = false;
        while (true)
        {
            // Once a frame exceeds the limit its remainder is read over the same buffer and thrown away.
            var target = oversized ? buffer.AsMemory() : buffer.AsMemory(length);
            var result = await _socket.ReceiveAsync(target, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, 0, false);
            }

            if (!oversized)
            {
                length += result.Count;
                oversized = length == buffer.Length && !result.EndOfMessage;
            }

            if (result.EndOfMessage)
            {
                return (result.MessageType, length, oversized);
            }
        }
    }

    private async Task DispatchAsync(ClientMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case PingMessage:
                Send(new PongEvent());
                break;
            case JoinMessage join when !IsJoined:
                await JoinAsync(join, cancellationToken);
                break;
            case not JoinMessage when !IsJoined:
                Send(new ErrorEvent(ErrorCodes.NotJoined, "Send 'join' first") { RequestId = message.RequestId });
                break;
            default:
                await _meeting!.HandleAsync(_participant!, message, cancellationToken);
                break;
        }
    }

    private async Task JoinAsync(JoinMessage join, CancellationToken cancellationToken)
    {
        if (!_validator.TryValidate(join.Token, out var member) || !member.CanJoinMeeting || string.IsNullOrEmpty(member.ParticipantId))
        {
            LogJoinRefused(ErrorCodes.InvalidToken);
            Close(new ErrorEvent(ErrorCodes.InvalidToken, "The token is invalid, expired, or does not grant joining the meeting") { RequestId = join.RequestId },
                CloseCodes.Unauthenticated, "invalid token");
            return;
        }

        var result = await _registry.JoinAsync(member, this, join.Reconnect, join.RequestId, cancellationToken);
        if (result.Meeting is null)
        {
            LogJoinRefused(result.ErrorCode!);
            Close(new ErrorEvent(result.ErrorCode!, result.ErrorMessage!) { RequestId = join.RequestId }, result.CloseCode, result.ErrorCode!);
            return;
        }

        _meeting = result.Meeting;
        Volatile.Write(ref _participant, result.Participant);
        _watchdog?.Change(_options.IdleTimeout, Timeout.InfiniteTimeSpan);
    }

    private void BadMessage(string why, string? requestId)
    {
        Send(new ErrorEvent(ErrorCodes.BadMessage, why) { RequestId = requestId });
        if (++_badMessages >= _options.MaxBadMessages)
        {
            LogTooManyBadMessages(_badMessages);
            Close(null, (int)WebSocketCloseStatus.PolicyViolation, "too many bad messages");
        }
    }

    private async Task WriteLoopAsync()
    {
        await Task.Yield();
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (frame.IsClose)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, CancellationToken.None);
                    }

                    return;
                }

                await _socket.SendAsync(frame.Utf8!, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            _socket.Abort(); // the read loop sees the failure and ends the session
        }
    }

    private void OnWatchdog()
    {
        if (IsJoined)
        {
            LogTimedOut("idle");
            Close(null, ClosedIdle, "idle timeout");
        }
        else
        {
            LogTimedOut("join");
            Close(null, CloseCodes.Unauthenticated, "join timeout");
        }
    }

    private void AbortIfOpen()
    {
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }
    }
}
