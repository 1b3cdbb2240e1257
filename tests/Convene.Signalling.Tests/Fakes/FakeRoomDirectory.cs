using System.Collections.Concurrent;
using Convene.Domain.Meetings;

namespace Convene.Signalling.Tests.Fakes;

/// <summary>Test double of the rooms side of the meeting seam: an in-memory set of rooms and a log of calls.</summary>
public sealed class FakeRoomDirectory : IMeetingRoomDirectory
{
    public ConcurrentDictionary<string, MeetingRoomView> Rooms { get; } = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    public MeetingRoomView Add(string roomId, bool closed = false, bool chat = true)
    {
        var room = new MeetingRoomView(roomId, "Room " + roomId, closed, chat, false, true, false, "mod-secret-" + roomId, "spk-secret-" + roomId);
        Rooms[roomId] = room;
        return room;
    }

    public Task<MeetingRoomView?> FindAsync(string roomId, CancellationToken cancellationToken) =>
        Task.FromResult(Rooms.GetValueOrDefault(roomId));

    public Task MeetingStartedAsync(string roomId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("started:" + roomId);
        return Task.CompletedTask;
    }

    public Task MeetingEndedAsync(string roomId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("ended:" + roomId);
        return Task.CompletedTask;
    }
}
