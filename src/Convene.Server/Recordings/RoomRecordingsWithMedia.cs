using Convene.Domain.Recordings;

namespace Convene.Server.Recordings;

/// <summary>
/// Room deletion's view of recordings (contract §3.5) with media: deleting a room's recordings first stops an
/// in-progress one (marked aborted), then removes every file and row.
/// </summary>
internal sealed class RoomRecordingsWithMedia(IRecordingRepository repository, IRecordingStorage storage, RecordingLifecycle lifecycle) : IRoomRecordings
{
    public async Task<bool> AnyAsync(string roomId, CancellationToken cancellationToken) =>
        (await repository.ListByRoomAsync(roomId, cancellationToken)).Count > 0;

    public async Task<int> DeleteAllAsync(string roomId, CancellationToken cancellationToken)
    {
        await lifecycle.AbortRoomAsync(roomId, cancellationToken);
        var deleted = 0;
        foreach (var recording in await repository.ListByRoomAsync(roomId, cancellationToken))
        {
            storage.DeleteRecordingFiles(recording.RoomId, Path.GetFileNameWithoutExtension(recording.Filename));
            if (await repository.DeleteAsync(recording.RecordingId, cancellationToken))
            {
                deleted++;
            }
        }

        return deleted;
    }
}
