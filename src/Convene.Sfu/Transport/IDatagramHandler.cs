using System.Net;

namespace Convene.Sfu.Transport;

/// <summary>Receives datagrams and periodic ticks on the transport's single worker thread.</summary>
public interface IDatagramHandler
{
    /// <summary>
    /// One received datagram. <paramref name="datagram"/> and <paramref name="remote"/> are only valid during the
    /// call (pooled); the handler may decrypt in place.
    /// </summary>
    void OnDatagram(Span<byte> datagram, SocketAddress remote);

    /// <summary>Called at least every <c>TickInterval</c> (≈5–10 ms) when idle, and between datagrams when busy.</summary>
    void OnTick();
}
