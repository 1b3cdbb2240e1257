namespace Convene.Sfu.Transport;

/// <summary>How a WebRTC transport reports upward (to its peer) without knowing it.</summary>
internal interface ITransportListener
{
    void OnTransportStateChanged(WebRtcTransport transport);
}
