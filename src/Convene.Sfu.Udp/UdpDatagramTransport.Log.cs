using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Convene.Sfu.Udp;

public sealed partial class UdpDatagramTransport
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Media UDP send failed: {Error}")]
    private partial void LogSendFailed(SocketError error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Media UDP receive failed: {Error}")]
    private partial void LogReceiveFailed(SocketError error);
}
