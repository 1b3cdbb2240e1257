namespace Convene.Sfu.Api;

/// <summary>
/// The media plane as the control plane (signalling, recording) sees it: rooms of peers that publish and
/// subscribe tracks. Implemented by the SFU; the control plane never sees packets, sockets or crypto.
/// Thread-safe: every member may be called from any thread.
/// </summary>
public interface IMediaPlane
{
    /// <summary>Returns the media room for <paramref name="roomId"/>, creating it on first use.</summary>
    IMediaRoom GetOrCreateRoom(string roomId);

    /// <summary>Finds an existing media room.</summary>
    bool TryGetRoom(string roomId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IMediaRoom? room);
}
