using Convene.Signalling.Protocol;
using Convene.Signalling.Tests.Fakes;

namespace Convene.Signalling.Tests;

public sealed class MeetingLifecycleTests
{
    [Fact]
    public async Task First_join_starts_the_meeting_and_answers_joined_with_room_and_self()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));

        var joined = Assert.Single(alice.Of<JoinedEvent>());
        Assert.Equal("r1", joined.RequestId);
        Assert.Equal("alice", joined.Self.ParticipantId);
        Assert.Equal("moderator", joined.Self.Role);
        Assert.True(joined.Self.IsOriginalModerator);
        Assert.Empty(joined.Participants);
        Assert.Equal("r", joined.Room.RoomId);
        Assert.True(joined.Room.Config.Chat.Enabled);
        Assert.Equal(20_000, joined.DepartureTimeoutMs);
        Assert.Equal(h.Time.GetUtcNow().ToUnixTimeMilliseconds(), joined.Meeting.StartedAt);
        Assert.True(h.Registry.HasActiveMeeting("r"));
        Assert.Equal(["started:r"], h.Directory.Calls);
    }

    [Fact]
    public async Task Second_join_sees_the_first_and_the_first_sees_participantJoined_once_per_room()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));

        var bobJoined = Assert.Single(bob.Of<JoinedEvent>());
        Assert.Equal("alice", Assert.Single(bobJoined.Participants).ParticipantId);
        Assert.False(bobJoined.Self.IsOriginalModerator);
        Assert.Equal("bob", Assert.Single(alice.Of<ParticipantJoinedEvent>()).Participant.ParticipantId);
        Assert.Equal(["started:r"], h.Directory.Calls); // one meeting per room
    }

    [Fact]
    public async Task Closed_room_refuses_join_with_room_closed_and_4409()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r", closed: true);
        var (_, result) = await h.JoinAsync(Members.Moderator("r", "alice"));

        Assert.Null(result.Meeting);
        Assert.Equal(ErrorCodes.RoomClosed, result.ErrorCode);
        Assert.Equal(CloseCodes.RoomClosed, result.CloseCode);
        Assert.False(h.Registry.HasActiveMeeting("r"));
        Assert.Empty(h.Directory.Calls);
    }

    [Fact]
    public async Task Missing_room_refuses_join_with_room_not_found_and_4404()
    {
        await using var h = new MeetingHarness();
        var (_, result) = await h.JoinAsync(Members.Moderator("nope", "alice"));

        Assert.Equal(ErrorCodes.RoomNotFound, result.ErrorCode);
        Assert.Equal(CloseCodes.RoomNotFound, result.CloseCode);
    }

    [Fact]
    public async Task Voluntary_leave_tells_everyone_and_the_meeting_ends_after_the_departure_timeout()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));

        await h.SendAsync(b, new LeaveMessage());
        Assert.Equal(LeaveReasons.VoluntaryLeave, bob.Last<LeftEvent>().Reason);
        Assert.Equal(CloseCodes.Normal, bob.CloseCode);
        var left = alice.Last<ParticipantLeftEvent>();
        Assert.Equal(("bob", LeaveReasons.VoluntaryLeave), (left.ParticipantId, left.Reason));
        Assert.True(h.Peer("r", "alice").Disposed is false);

        await h.SendAsync(a, new LeaveMessage());
        await h.AdvanceAsync(TimeSpan.FromSeconds(19));
        Assert.True(h.Registry.HasActiveMeeting("r"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.False(h.Registry.HasActiveMeeting("r"));
        Assert.Equal(["started:r", "ended:r"], h.Directory.Calls);
        Assert.True(h.Media.Rooms["r"].Disposed);
    }

    [Fact]
    public async Task Joining_within_the_departure_timeout_keeps_the_meeting()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (_, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        await h.SendAsync(a, new LeaveMessage());
        await h.AdvanceAsync(TimeSpan.FromSeconds(15));
        await h.JoinOkAsync(Members.Speaker("r", "bob"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(60));

        Assert.True(h.Registry.HasActiveMeeting("r"));
        Assert.Equal(["started:r"], h.Directory.Calls);
    }

    [Fact]
    public async Task Reconnect_within_the_window_replaces_the_session_silently()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));
        alice.Clear();

        await b.Meeting!.ConnectionLostAsync(b.Participant!, bob);
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        var bob2 = await h.JoinOkAsync(Members.Speaker("r", "bob"), reconnect: true);
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(alice.Of<ParticipantLeftEvent>());
        Assert.Empty(alice.Of<ParticipantJoinedEvent>());
        var joined = Assert.Single(bob2.Of<JoinedEvent>());
        Assert.Equal("alice", Assert.Single(joined.Participants).ParticipantId);
        Assert.True(h.Registry.HasActiveMeeting("r"));
    }

    [Fact]
    public async Task Reconnect_while_the_old_socket_is_still_open_closes_the_old_one_without_left()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var old = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var oldPeer = h.Peer("r", "alice");
        await h.JoinOkAsync(Members.Moderator("r", "alice"), reconnect: true);

        Assert.Equal(CloseCodes.Normal, old.CloseCode);
        Assert.Empty(old.Of<LeftEvent>());
        Assert.True(oldPeer.Disposed);
        Assert.False(h.Peer("r", "alice").Disposed);
    }

    [Fact]
    public async Task A_lost_connection_that_does_not_come_back_leaves_with_network_disconnect()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));

        await b.Meeting!.ConnectionLostAsync(b.Participant!, bob);
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));

        var left = alice.Last<ParticipantLeftEvent>();
        Assert.Equal(("bob", LeaveReasons.NetworkDisconnect), (left.ParticipantId, left.Reason));
        Assert.True(h.Media.Rooms["r"].Peers.ContainsKey("alice"));
        Assert.False(h.Media.Rooms["r"].Peers.ContainsKey("bob"));
    }

    [Fact]
    public async Task Ending_by_a_moderator_sends_meeting_ended_and_by_self_and_applies_the_end()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));

        await h.Registry.EndMeetingAsync("r", "alice", TestContext.Current.CancellationToken);

        Assert.Equal(LeaveReasons.MeetingEndedBySelf, alice.Last<LeftEvent>().Reason);
        Assert.Equal(LeaveReasons.MeetingEnded, bob.Last<LeftEvent>().Reason);
        Assert.Equal(CloseCodes.Normal, alice.CloseCode);
        Assert.Equal(CloseCodes.Normal, bob.CloseCode);
        Assert.False(h.Registry.HasActiveMeeting("r"));
        Assert.Equal(["started:r", "ended:r"], h.Directory.Calls);
        Assert.True(h.Media.Rooms["r"].Disposed);
        Assert.Empty(h.Media.Rooms["r"].Peers);
    }

    [Fact]
    public async Task The_registry_names_the_participants_of_a_meeting_for_the_recorder()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        await h.JoinOkAsync(Members.Moderator("r", "alice"));

        Assert.Equal("ALICE", h.Registry.ParticipantName("r", "alice"));
        Assert.Null(h.Registry.ParticipantName("r", "nobody"));
        Assert.Null(h.Registry.ParticipantName("other-room", "alice"));
    }

    [Fact]
    public async Task Ending_through_IMeetingControl_succeeds_without_a_meeting()
    {
        await using var h = new MeetingHarness();
        await h.Registry.EndMeetingAsync("nothing", TestContext.Current.CancellationToken);
        Assert.Empty(h.Directory.Calls);
    }

    [Fact]
    public async Task Shutdown_sends_server_shutdown_to_everyone()
    {
        var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        await h.Registry.ShutdownAsync(TestContext.Current.CancellationToken);

        Assert.Equal(LeaveReasons.ServerShutdown, alice.Last<LeftEvent>().Reason);
        Assert.False(h.Registry.HasActiveMeeting("r"));
        var (_, refused) = await h.JoinAsync(Members.Moderator("r", "bob"));
        Assert.NotNull(refused.ErrorCode);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task Room_config_change_reaches_participants_and_applies_chat_setting()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        h.Directory.Add("r", chat: false);
        await h.Registry.RoomConfigChangedAsync("r", TestContext.Current.CancellationToken);

        Assert.False(alice.Last<RoomConfigUpdatedEvent>().Config.Chat.Enabled);
        await h.SendAsync(a, new SendChatMessage("hi"));
        Assert.Equal(ErrorCodes.ChatDisabled, alice.Last<ErrorEvent>().Code);
    }
}
