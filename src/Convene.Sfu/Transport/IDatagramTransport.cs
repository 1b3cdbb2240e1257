using System.Net;

namespace Convene.Sfu.Transport;

/// <summary>
/// The socket seam of the media plane (Kestrel's transport pattern): one datagram endpoint shared by every peer.
/// Implemented over UDP in <c>Convene.Sfu.Udp</c> and in memory by the test kit.
/// </summary>
public interface IDatagramTransport : IAsyncDisposable
{
    /// <summary>The bound local address (after binding, with the real port).</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// Starts the receive loop. Every callback of <paramref name="handler"/> runs on ONE dedicated thread owned by
    /// the transport (the media worker); the handler may call <see cref="Send"/> from there.
    /// </summary>
    void Start(IDatagramHandler handler);

    /// <summary>Sends one datagram; never throws for network errors (they are counted).</summary>
    void Send(ReadOnlySpan<byte> datagram, SocketAddress remote);
}
