using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Convene.Signalling.Sessions;

internal sealed partial class SignallingSession
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Signalling socket failed: {Error}")]
    private partial void LogSocketFailed(WebSocketError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client too slow: more than {Capacity} messages queued; dropping it")]
    private partial void LogSendOverflow(int capacity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Join refused: {Code}")]
    private partial void LogJoinRefused(string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing a client after {Count} bad messages")]
    private partial void LogTooManyBadMessages(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing a client: {Which} timeout")]
    private partial void LogTimedOut(string which);
}
