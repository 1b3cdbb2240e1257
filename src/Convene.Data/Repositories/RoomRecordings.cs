using Convene.Domain.Recordings;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data.Repositories;

/// <summary>The rooms' view of the recordings table.</summary>
internal sealed class RoomRecordings(ConveneDbContext db) : IRoomRecordings
{
    public Task<bool> AnyAsync(string roomId, CancellationToken cancellationToken) =>
        db.Recordings.AsNoTracking().AnyAsync(r => r.RoomId == roomId, cancellationToken);

    public Task<int> DeleteAllAsync(string roomId, CancellationToken cancellationToken) =>
        db.Recordings.Where(r => r.RoomId == roomId).ExecuteDeleteAsync(cancellationToken);
}
