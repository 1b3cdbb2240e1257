namespace Convene.Domain.Rooms;

/// <summary>Room storage. Reads return detached copies; writes go through <see cref="UpdateAsync"/>.</summary>
public interface IRoomRepository
{
    Task AddAsync(Room room, CancellationToken cancellationToken);

    Task<Room?> FindAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Writes the room's mutable state; false when the room no longer exists.</summary>
    Task<bool> UpdateAsync(Room room, CancellationToken cancellationToken);

    /// <summary>Removes the room; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string roomId, CancellationToken cancellationToken);

    Task<RoomPage> ListAsync(RoomListQuery query, CancellationToken cancellationToken);

    /// <summary>Ids of rooms whose auto-deletion date is before <paramref name="nowMs"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> ListExpiredAsync(long nowMs, int maxItems, CancellationToken cancellationToken);
}
