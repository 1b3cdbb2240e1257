using Convene.Domain.Recordings;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data.Repositories;

/// <summary>EF Core recording storage; listing pages by offset (the page token is opaque to clients).</summary>
internal sealed class RecordingRepository(ConveneDbContext db) : IRecordingRepository
{
    public async Task AddAsync(Recording recording, CancellationToken cancellationToken)
    {
        db.Recordings.Add(recording);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task<Recording?> FindAsync(string recordingId, CancellationToken cancellationToken) =>
        db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.RecordingId == recordingId, cancellationToken);

    public async Task<bool> UpdateAsync(Recording recording, CancellationToken cancellationToken)
    {
        db.Recordings.Update(recording);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<bool> DeleteAsync(string recordingId, CancellationToken cancellationToken) =>
        await db.Recordings.Where(r => r.RecordingId == recordingId).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<(IReadOnlyList<Recording> Items, bool IsTruncated)> ListAsync(RecordingListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.Recordings.AsNoTracking();
        var needle = query.RoomNameContains?.ToLowerInvariant();
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower()/instr(), not run in .NET
        if (query.RoomId is { } roomId && needle is { Length: > 0 })
        {
            rows = query.AndRoomFilters
                ? rows.Where(r => r.RoomId == roomId && r.RoomName.ToLower().Contains(needle))
                : rows.Where(r => r.RoomId == roomId || r.RoomName.ToLower().Contains(needle));
        }
        else if (query.RoomId is { } onlyRoom)
        {
            rows = rows.Where(r => r.RoomId == onlyRoom);
        }
        else if (needle is { Length: > 0 })
        {
            rows = rows.Where(r => r.RoomName.ToLower().Contains(needle));
        }
#pragma warning restore CA1862, CA1304, CA1311

        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        rows = (query.SortField, query.Descending) switch
        {
            (RecordingSortField.RoomName, false) => rows.OrderBy(r => r.RoomName).ThenBy(r => r.RecordingId),
            (RecordingSortField.RoomName, true) => rows.OrderByDescending(r => r.RoomName).ThenByDescending(r => r.RecordingId),
            (RecordingSortField.Duration, false) => rows.OrderBy(r => r.Duration).ThenBy(r => r.RecordingId),
            (RecordingSortField.Duration, true) => rows.OrderByDescending(r => r.Duration).ThenByDescending(r => r.RecordingId),
            (RecordingSortField.Size, false) => rows.OrderBy(r => r.Size).ThenBy(r => r.RecordingId),
            (RecordingSortField.Size, true) => rows.OrderByDescending(r => r.Size).ThenByDescending(r => r.RecordingId),
            (_, false) => rows.OrderBy(r => r.StartDate).ThenBy(r => r.RecordingId),
            _ => rows.OrderByDescending(r => r.StartDate).ThenByDescending(r => r.RecordingId),
        };

        var page = await rows.Skip(query.Offset).Take(query.MaxItems + 1).ToListAsync(cancellationToken);
        var truncated = page.Count > query.MaxItems;
        return (truncated ? page.Take(query.MaxItems).ToList() : page, truncated);
    }

    public async Task<IReadOnlyList<Recording>> ListByStatusAsync(IReadOnlyCollection<RecordingStatus> statuses, CancellationToken cancellationToken) =>
        await db.Recordings.AsNoTracking().Where(r => statuses.Contains(r.Status)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Recording>> ListByRoomAsync(string roomId, CancellationToken cancellationToken) =>
        await db.Recordings.AsNoTracking().Where(r => r.RoomId == roomId).ToListAsync(cancellationToken);
}
