using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Convene.Domain.Meetings;
using Convene.Sfu.Api;

namespace Convene.Recording.Tests;

/// <summary>A media plane of fake rooms; a room "has a meeting" while it exists here.</summary>
internal sealed class FakeMediaPlane : IMediaPlane, IMeetingControl
{
    private readonly ConcurrentDictionary<string, FakeRoom> _rooms = new();

    public FakeRoom Room(string roomId) => _rooms.GetOrAdd(roomId, id => new FakeRoom(id));

    public IMediaRoom GetOrCreateRoom(string roomId) => Room(roomId);

    public bool TryGetRoom(string roomId, [NotNullWhen(true)] out IMediaRoom? room)
    {
        room = _rooms.TryGetValue(roomId, out var fake) ? fake : null;
        return room is not null;
    }

    public bool HasActiveMeeting(string roomId) => _rooms.ContainsKey(roomId);

    public Task EndMeetingAsync(string roomId, CancellationToken cancellationToken)
    {
        _rooms.TryRemove(roomId, out _);
        return Task.CompletedTask;
    }

    public Task RoomConfigChangedAsync(string roomId, CancellationToken cancellationToken) => Task.CompletedTask;

    public string? ParticipantName(string roomId, string participantId) => null;
}
