using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Convene.Domain.Meetings;
using Convene.Sfu.Api;

namespace Convene.Bench.Recording;

/// <summary>The server's media plane and meeting control in the bench: rooms of synthetic publishers, added by the bench.</summary>
internal sealed class BenchPlane : IMediaPlane, IMeetingControl
{
    private readonly ConcurrentDictionary<string, IMediaRoom> _rooms = new(StringComparer.Ordinal);

    public void Add(string roomId, IMediaRoom room) => _rooms[roomId] = room;

    public IMediaRoom GetOrCreateRoom(string roomId) => _rooms.TryGetValue(roomId, out var room) ? room : throw new InvalidOperationException("no bench room " + roomId);

    public bool TryGetRoom(string roomId, [NotNullWhen(true)] out IMediaRoom? room) => _rooms.TryGetValue(roomId, out room);

    public bool HasActiveMeeting(string roomId) => _rooms.ContainsKey(roomId);

    public Task EndMeetingAsync(string roomId, CancellationToken cancellationToken)
    {
        _rooms.TryRemove(roomId, out _);
        return Task.CompletedTask;
    }

    public Task RoomConfigChangedAsync(string roomId, CancellationToken cancellationToken) => Task.CompletedTask;

    public string? ParticipantName(string roomId, string participantId) => null;
}
