namespace Convene.Domain.Recordings;

/// <summary>What room deletion needs to know about recordings (contract §3.5).</summary>
public interface IRoomRecordings
{
    /// <summary>Whether the room has at least one recording, in any status.</summary>
    Task<bool> AnyAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Deletes every recording of the room; returns how many were removed.</summary>
    Task<int> DeleteAllAsync(string roomId, CancellationToken cancellationToken);
}
