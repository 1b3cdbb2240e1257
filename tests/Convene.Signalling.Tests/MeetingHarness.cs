using Convene.Domain.Members;
using Convene.Signalling.Meetings;
using Convene.Signalling.Protocol;
using Convene.Signalling.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Signalling.Tests;

/// <summary>A registry over fakes with a fake clock; joins through the same internal API the session uses.</summary>
internal sealed class MeetingHarness : IAsyncDisposable
{
    public MeetingHarness(TimeSpan? departure = null)
    {
        Registry = new MeetingRegistry(Directory, Media, new MeetingOptions { DepartureTimeout = departure ?? TimeSpan.FromSeconds(20) }, Time, NullLogger<MeetingRegistry>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));

    public FakeRoomDirectory Directory { get; } = new();

    public FakeMediaPlane Media { get; } = new();

    public MeetingRegistry Registry { get; }

    public async Task<(FakeConnection Connection, JoinResult Result)> JoinAsync(RoomMember member, bool reconnect = false)
    {
        var connection = new FakeConnection();
        var result = await Registry.JoinAsync(member, connection, reconnect, "r1", TestContext.Current.CancellationToken);
        return (connection, result);
    }

    public async Task<FakeConnection> JoinOkAsync(RoomMember member, bool reconnect = false)
    {
        var (connection, result) = await JoinAsync(member, reconnect);
        Assert.True(result.Meeting is not null, $"join failed: {result.ErrorCode} {result.ErrorMessage}");
        return connection;
    }

    public Task SendAsync(JoinResult joined, ClientMessage message) =>
        joined.Meeting!.HandleAsync(joined.Participant!, message, TestContext.Current.CancellationToken);

    /// <summary>Moves the clock and waits for whatever the timers started.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Registry.Background.DrainAsync();
    }

    public FakeMediaPeer Peer(string roomId, string participantId) => Media.Rooms[roomId].Peers[participantId];

    public ValueTask DisposeAsync() => Registry.DisposeAsync();
}
