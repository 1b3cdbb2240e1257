using Convene.Domain.Recordings;
using Convene.Signalling.Protocol;
using Convene.Signalling.Tests.Fakes;
using RecordingEntity = Convene.Domain.Recordings.Recording;

namespace Convene.Signalling.Tests;

public sealed class MeetingRecordingTests
{
    private static RecordingEntity Rec(string roomId, RecordingStatus status) => new()
    {
        RecordingId = roomId + "--EG_abcdefabcdef--abcde12345",
        RoomId = roomId,
        RoomName = roomId,
        Status = status,
        Filename = "x.mp4",
        StartDate = 1_700_000_000_000,
        PublicSecret = "p",
        PrivateSecret = "q",
    };

    [Fact]
    public async Task Recording_lifecycle_reaches_every_participant_as_recordingStatus_in_order()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        h.Directory.Add("other");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));
        var carol = await h.JoinOkAsync(Members.Speaker("other", "carol"));
        var events = new MeetingRecordingNotifications(h.Registry);
        var ct = TestContext.Current.CancellationToken;

        foreach (var (kind, status) in new[]
                 {
                     (RecordingEventKind.Started, RecordingStatus.Starting), (RecordingEventKind.Updated, RecordingStatus.Active),
                     (RecordingEventKind.Updated, RecordingStatus.Ending), (RecordingEventKind.Ended, RecordingStatus.Complete),
                 })
        {
            await events.RecordingSavedAsync(kind, Rec("r", status), ct);
        }

        foreach (var who in new[] { alice, bob })
        {
            var seen = who.Of<RecordingStatusEvent>();
            Assert.Equal(["starting", "active", "ending", "complete"], seen.Select(e => e.Status));
            Assert.All(seen, e => Assert.Equal("r--EG_abcdefabcdef--abcde12345", e.RecordingId));
            Assert.All(seen, e => Assert.Equal(1_700_000_000_000, e.StartedAt));
        }

        Assert.Empty(carol.Of<RecordingStatusEvent>());
    }

    [Fact]
    public async Task Late_joiner_sees_the_running_recording_in_joined_and_a_status_and_nothing_after_it_ended()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        _ = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var events = new MeetingRecordingNotifications(h.Registry);
        var ct = TestContext.Current.CancellationToken;
        await events.RecordingSavedAsync(RecordingEventKind.Updated, Rec("r", RecordingStatus.Active), ct);

        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));
        Assert.True(Assert.Single(bob.Of<JoinedEvent>()).Meeting.Recording);
        var status = Assert.Single(bob.Of<RecordingStatusEvent>());
        Assert.Equal(("active", 1_700_000_000_000L), (status.Status, status.StartedAt));

        await events.RecordingSavedAsync(RecordingEventKind.Ended, Rec("r", RecordingStatus.Failed), ct);
        Assert.Equal("failed", bob.Last<RecordingStatusEvent>().Status);
        var carol = await h.JoinOkAsync(Members.Speaker("r", "carol"));
        Assert.False(Assert.Single(carol.Of<JoinedEvent>()).Meeting.Recording);
        Assert.Empty(carol.Of<RecordingStatusEvent>());
    }

    [Fact]
    public async Task Recording_that_started_before_the_meeting_is_announced_to_the_first_joiner()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var events = new MeetingRecordingNotifications(h.Registry);
        await events.RecordingSavedAsync(RecordingEventKind.Started, Rec("r", RecordingStatus.Starting), TestContext.Current.CancellationToken);

        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        Assert.True(Assert.Single(alice.Of<JoinedEvent>()).Meeting.Recording);
        Assert.Equal("starting", Assert.Single(alice.Of<RecordingStatusEvent>()).Status);
    }

    [Fact]
    public async Task Ending_recording_is_announced_but_joined_says_not_recording()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var events = new MeetingRecordingNotifications(h.Registry);
        await events.RecordingSavedAsync(RecordingEventKind.Updated, Rec("r", RecordingStatus.LimitReached), TestContext.Current.CancellationToken);

        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        Assert.False(Assert.Single(alice.Of<JoinedEvent>()).Meeting.Recording);
        Assert.Equal("ending", Assert.Single(alice.Of<RecordingStatusEvent>()).Status);
    }
}
