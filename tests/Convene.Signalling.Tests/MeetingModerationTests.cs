using Convene.Domain.Members;
using Convene.Signalling.Protocol;
using Convene.Signalling.Tests.Fakes;

namespace Convene.Signalling.Tests;

public sealed class MeetingModerationTests
{
    [Fact]
    public async Task Kick_tells_the_kicked_participant_and_the_others()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));
        var carol = await h.JoinOkAsync(Members.Speaker("r", "carol"));

        var result = await h.Registry.KickAsync("r", "bob", Members.Moderator("r", "alice"), TestContext.Current.CancellationToken);

        Assert.Equal(MeetingActionResult.Done, result);
        Assert.Equal(LeaveReasons.ParticipantKicked, bob.Last<LeftEvent>().Reason);
        Assert.Equal(CloseCodes.Normal, bob.CloseCode);
        foreach (var other in new[] { alice, carol })
        {
            var left = other.Last<ParticipantLeftEvent>();
            Assert.Equal(("bob", LeaveReasons.ParticipantKicked), (left.ParticipantId, left.Reason));
        }

        Assert.True(h.Registry.HasActiveMeeting("r"));
        Assert.False(await h.Registry.HasParticipantAsync("r", "bob", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Kick_of_an_unknown_participant_or_without_a_meeting_is_not_found()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var actor = Members.Moderator("r", "alice");

        Assert.Equal(MeetingActionResult.ParticipantNotFound, await h.Registry.KickAsync("r", "zed", actor, TestContext.Current.CancellationToken));
        Assert.Equal(MeetingActionResult.ParticipantNotFound, await h.Registry.KickAsync("other", "alice", actor, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_original_moderator_cannot_be_kicked_or_demoted_by_another_moderator()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        await h.JoinOkAsync(Members.Moderator("r", "mallory"));
        var mallory = Members.Moderator("r", "mallory");

        Assert.Equal(MeetingActionResult.Forbidden, await h.Registry.KickAsync("r", "alice", mallory, TestContext.Current.CancellationToken));
        Assert.Equal(MeetingActionResult.Forbidden, await h.Registry.ChangeRoleAsync("r", "alice", MeetingRole.Speaker, mallory, TestContext.Current.CancellationToken));
        Assert.Empty(alice.Of<LeftEvent>());
        Assert.Empty(alice.Of<RoleChangedEvent>());
    }

    [Fact]
    public async Task Role_change_sends_the_secret_only_to_the_target()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));

        var result = await h.Registry.ChangeRoleAsync("r", "bob", MeetingRole.Moderator, Members.Moderator("r", "alice"), TestContext.Current.CancellationToken);

        Assert.Equal(MeetingActionResult.Done, result);
        var toBob = bob.Last<RoleChangedEvent>();
        Assert.Equal(("bob", "moderator", "mod-secret-r"), (toBob.ParticipantId, toBob.Role, toBob.Secret));
        var toAlice = alice.Last<RoleChangedEvent>();
        Assert.Equal(("bob", "moderator"), (toAlice.ParticipantId, toAlice.Role));
        Assert.Null(toAlice.Secret);

        // The promoted participant now has moderator powers over hands.
        await h.SendAsync(b, new LowerHandMessage("alice"));
        Assert.Empty(bob.Of<ErrorEvent>());
    }

    [Fact]
    public async Task A_speaker_cannot_lower_someone_elses_hand_but_a_moderator_can()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));
        var (carol, c) = await h.JoinAsync(Members.Speaker("r", "carol"));

        await h.SendAsync(c, new RaiseHandMessage(true) { RequestId = "h1" });
        var raised = alice.Last<ParticipantUpdatedEvent>().Participant;
        Assert.Equal(("carol", h.Time.GetUtcNow().ToUnixTimeMilliseconds()), (raised.ParticipantId, raised.HandRaisedAt!.Value));
        Assert.Equal("h1", carol.Last<OkEvent>().RequestId);

        await h.SendAsync(b, new LowerHandMessage("carol") { RequestId = "x" });
        var error = bob.Last<ErrorEvent>();
        Assert.Equal((ErrorCodes.Forbidden, "x"), (error.Code, error.RequestId));

        await h.SendAsync(a, new LowerHandMessage("carol"));
        Assert.Null(carol.Last<ParticipantUpdatedEvent>().Participant.HandRaisedAt);
    }

    [Fact]
    public async Task Chat_is_broadcast_to_everyone_including_the_sender_trimmed()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));

        await h.SendAsync(a, new SendChatMessage("  hello  "));

        foreach (var c in new[] { alice, bob })
        {
            var chat = c.Last<ChatEvent>();
            Assert.Equal(("alice", "ALICE", "hello"), (chat.ParticipantId, chat.Name, chat.Text));
            Assert.Equal(32, chat.Id.Length);
        }
    }

    [Fact]
    public async Task Chat_is_refused_when_the_room_disables_it_or_the_member_may_not_chat()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r", chat: false);
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        await h.SendAsync(a, new SendChatMessage("hi"));
        Assert.Equal(ErrorCodes.ChatDisabled, alice.Last<ErrorEvent>().Code);
        Assert.Empty(alice.Of<ChatEvent>());

        h.Directory.Add("q");
        var (bob, b) = await h.JoinAsync(Members.Speaker("q", "bob", canChat: false));
        await h.SendAsync(b, new SendChatMessage("hi"));
        Assert.Equal(ErrorCodes.Forbidden, bob.Last<ErrorEvent>().Code);
    }

    [Fact]
    public async Task Reactions_reach_everyone()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));
        await h.SendAsync(b, new SendReactionMessage("\U0001F389"));

        Assert.Equal(("bob", "\U0001F389"), (alice.Last<ReactionEvent>().ParticipantId, alice.Last<ReactionEvent>().Emoji));
        Assert.Single(bob.Of<ReactionEvent>());
    }
}
