using Convene.Domain.Rooms;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data.Repositories;

/// <summary>EF Core room storage with keyset pagination on (sort field, roomId).</summary>
internal sealed class RoomRepository(ConveneDbContext db, RoomCache cache, RoomInsertBatcher inserts) : IRoomRepository
{
    private static readonly Func<ConveneDbContext, string, Task<Room?>> FindCompiled =
        EF.CompileAsyncQuery((ConveneDbContext context, string id) => context.Rooms.AsNoTracking().FirstOrDefault(r => r.RoomId == id));

    public Task AddAsync(Room room, CancellationToken cancellationToken) => inserts.AddAsync(room, cancellationToken);

    public async Task<Room?> FindAsync(string roomId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(roomId, out var cached))
        {
            return cached;
        }

        var generation = cache.Generation;
        var room = await FindCompiled(db, roomId);
        if (room is not null)
        {
            cache.TryAdd(room, generation);
        }

        return room;
    }

    public async Task<bool> UpdateAsync(Room room, CancellationToken cancellationToken)
    {
        db.Rooms.Update(room);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // the row was deleted meanwhile
        }
        finally
        {
            db.ChangeTracker.Clear();
            cache.Invalidate(room.RoomId);
        }
    }

    public async Task<bool> DeleteAsync(string roomId, CancellationToken cancellationToken)
    {
        try
        {
            if (!db.ChangeTracker.HasChanges())
            {
                return await db.Rooms.Where(r => r.RoomId == roomId).ExecuteDeleteAsync(cancellationToken) > 0;
            }

            // Rows added to the unit of work (a webhook outbox event) commit together with the deletion.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deleted = await db.Rooms.Where(r => r.RoomId == roomId).ExecuteDeleteAsync(cancellationToken) > 0;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }
        finally
        {
            db.ChangeTracker.Clear();
            cache.Invalidate(roomId);
        }
    }

    public async Task<RoomPage> ListAsync(RoomListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rooms = db.Rooms.AsNoTracking();
        if (!string.IsNullOrEmpty(query.RoomNameContains))
        {
            // instr() on lower-cased text: a literal substring match, so no pattern characters to escape.
            var needle = query.RoomNameContains.ToLowerInvariant();
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower()/instr(), not run in .NET
            rooms = rooms.Where(r => r.RoomName.ToLower().Contains(needle));
#pragma warning restore CA1862, CA1304, CA1311
        }

        if (query.Status is { } status)
        {
            rooms = rooms.Where(r => r.Status == status);
        }

        rooms = ApplyCursor(rooms, query);
        rooms = ApplyOrder(rooms, query);
        var list = await rooms.Take(query.MaxItems + 1).ToListAsync(cancellationToken);
        var truncated = list.Count > query.MaxItems;
        if (truncated)
        {
            list.RemoveAt(list.Count - 1);
        }

        return new RoomPage(list, truncated);
    }

    public async Task<IReadOnlyList<string>> ListExpiredAsync(long nowMs, int maxItems, CancellationToken cancellationToken) =>
        await db.Rooms.AsNoTracking()
            .Where(r => r.AutoDeletionDate != null && r.AutoDeletionDate < nowMs)
            .OrderBy(r => r.AutoDeletionDate).ThenBy(r => r.RoomId)
            .Select(r => r.RoomId)
            .Take(maxItems)
            .ToListAsync(cancellationToken);

    private static IQueryable<Room> ApplyOrder(IQueryable<Room> rooms, RoomListQuery query) => (query.SortField, query.Descending) switch
    {
        (RoomSortField.RoomName, false) => rooms.OrderBy(r => r.RoomName).ThenBy(r => r.RoomId),
        (RoomSortField.RoomName, true) => rooms.OrderByDescending(r => r.RoomName).ThenByDescending(r => r.RoomId),
        // SQLite sorts NULL first ascending and last descending: rooms without a date come first in asc, last in desc.
        (RoomSortField.AutoDeletionDate, false) => rooms.OrderBy(r => r.AutoDeletionDate).ThenBy(r => r.RoomId),
        (RoomSortField.AutoDeletionDate, true) => rooms.OrderByDescending(r => r.AutoDeletionDate).ThenByDescending(r => r.RoomId),
        (_, false) => rooms.OrderBy(r => r.CreationDate).ThenBy(r => r.RoomId),
        _ => rooms.OrderByDescending(r => r.CreationDate).ThenByDescending(r => r.RoomId),
    };

#pragma warning disable CA1309, CA1310 // string.Compare is translated to SQL (binary collation, same as ORDER BY)
    private static IQueryable<Room> ApplyCursor(IQueryable<Room> rooms, RoomListQuery query)
    {
        if (query.After is not { } after)
        {
            return rooms;
        }

        var id = after.RoomId;
        switch (query.SortField)
        {
            case RoomSortField.RoomName:
                var text = after.Text ?? string.Empty;
                return query.Descending
                    ? rooms.Where(r => string.Compare(r.RoomName, text) < 0 || (r.RoomName == text && string.Compare(r.RoomId, id) < 0))
                    : rooms.Where(r => string.Compare(r.RoomName, text) > 0 || (r.RoomName == text && string.Compare(r.RoomId, id) > 0));
            case RoomSortField.AutoDeletionDate:
                if (after.Number is not { } date)
                {
                    return query.Descending
                        ? rooms.Where(r => r.AutoDeletionDate == null && string.Compare(r.RoomId, id) < 0)
                        : rooms.Where(r => r.AutoDeletionDate != null || string.Compare(r.RoomId, id) > 0);
                }

                return query.Descending
                    ? rooms.Where(r => r.AutoDeletionDate == null || r.AutoDeletionDate < date || (r.AutoDeletionDate == date && string.Compare(r.RoomId, id) < 0))
                    : rooms.Where(r => r.AutoDeletionDate > date || (r.AutoDeletionDate == date && string.Compare(r.RoomId, id) > 0));
            default:
                var created = after.Number ?? 0;
                return query.Descending
                    ? rooms.Where(r => r.CreationDate < created || (r.CreationDate == created && string.Compare(r.RoomId, id) < 0))
                    : rooms.Where(r => r.CreationDate > created || (r.CreationDate == created && string.Compare(r.RoomId, id) > 0));
        }
    }
#pragma warning restore CA1309, CA1310
}
