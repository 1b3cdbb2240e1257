using System.Collections.Concurrent;
using Convene.Domain.Rooms;

namespace Convene.Data.Repositories;

/// <summary>
/// Read-through cache of rooms by id, so the hot <c>GET /rooms/{id}</c> path and token checks skip SQLite. Writes
/// go to the database first and then invalidate. A reader caches what it read only if no invalidation happened
/// since it started reading (a global generation counter), so a slow reader cannot put back a stale row. Entries
/// are copies in both directions, since callers mutate the rooms they get. Valid because one process owns the file.
/// </summary>
internal sealed class RoomCache
{
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string roomId, out Room? room)
    {
        if (_rooms.TryGetValue(roomId, out var cached))
        {
            room = cached.Copy();
            return true;
        }

        room = null;
        return false;
    }

    public void TryAdd(Room room, long readGeneration)
    {
        if (_rooms.Count >= MaxEntries)
        {
            _rooms.Clear();
        }

        var copy = room.Copy();
        if (_rooms.TryAdd(room.RoomId, copy) && Generation != readGeneration)
        {
            // An invalidation raced with our read: drop what we added, it may be stale.
            _rooms.TryRemove(new KeyValuePair<string, Room>(room.RoomId, copy));
        }
    }

    public void Invalidate(string roomId)
    {
        Interlocked.Increment(ref _generation);
        _rooms.TryRemove(roomId, out _);
    }
}
