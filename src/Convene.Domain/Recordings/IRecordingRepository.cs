namespace Convene.Domain.Recordings;

/// <summary>Recording metadata storage. Reads return detached copies.</summary>
public interface IRecordingRepository
{
    Task AddAsync(Recording recording, CancellationToken cancellationToken);

    Task<Recording?> FindAsync(string recordingId, CancellationToken cancellationToken);

    /// <summary>Saves the recording's mutable fields (and anything else pending in the unit of work); false when it no longer exists.</summary>
    Task<bool> UpdateAsync(Recording recording, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string recordingId, CancellationToken cancellationToken);

    /// <summary>A page of recordings plus whether more follow.</summary>
    Task<(IReadOnlyList<Recording> Items, bool IsTruncated)> ListAsync(RecordingListQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<Recording>> ListByStatusAsync(IReadOnlyCollection<RecordingStatus> statuses, CancellationToken cancellationToken);

    Task<IReadOnlyList<Recording>> ListByRoomAsync(string roomId, CancellationToken cancellationToken);
}
