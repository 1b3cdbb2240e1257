using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Convene.Domain.Recordings;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Recording.Tests;

/// <summary>
/// Participants are told about a recording's state only once it is saved: a notification that reads the repository
/// when it is called sees the state it announces, for every transition (starting, active, ending, complete, failed,
/// aborted by room deletion, aborted by the start-up stale job).
/// </summary>
public sealed class NotificationOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_recordingStatus_notification_comes_after_its_row_is_saved()
    {
        var dir = MediaFixtures.NewDirectory();
        var seen = new ReadingNotifications();
        var settings = new Dictionary<string, string> { ["Convene:Recording:StartTimeout"] = "00:00:01" };
        string crashedId;
        await using (var host = new RecordingHost(dir, settings, seen.Register))
        {
            // starting → active → ending → complete.
            var (roomId, moderatorSecret, _) = await host.CreateRoomAsync();
            await using (var publisher = await LivePublisher.StartAsync(host.Plane.Room(roomId), "alice", dir))
            {
                using var moderator = await host.MemberAsync(roomId, moderatorSecret);
                var id = await RecordBrieflyAsync(host, moderator, roomId);
                Assert.Equal(["starting", "active", "ending", "complete"], seen.StatusesOf(id));
            }

            // starting → failed (tracks, but no media within the start timeout).
            var (silentRoom, silentModerator, _) = await host.CreateRoomAsync("Silent");
            host.Plane.Room(silentRoom).Publish(SyntheticMeeting.VideoTrack("TR_silent", "bob"));
            using (var moderator = await host.MemberAsync(silentRoom, silentModerator))
            {
                var response = await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId = silentRoom }, Ct);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }

            Assert.Equal(["starting", "failed"], seen.StatusesIn(silentRoom));

            // active → aborted (the room's recordings are deleted while one runs).
            var (abortRoom, abortModerator, _) = await host.CreateRoomAsync("Abort");
            await using (var publisher = await LivePublisher.StartAsync(host.Plane.Room(abortRoom), "carol", dir))
            {
                using var moderator = await host.MemberAsync(abortRoom, abortModerator);
                var id = await StartAsync(moderator, abortRoom);
                await host.Lifecycle.AbortRoomAsync(abortRoom, Ct);
                Assert.Equal(["starting", "active", "aborted"], seen.StatusesOf(id));
            }

            // Left active when the server goes away.
            var (crashRoom, crashModerator, _) = await host.CreateRoomAsync("Crash");
            await using (var publisher = await LivePublisher.StartAsync(host.Plane.Room(crashRoom), "dave", dir))
            {
                using var moderator = await host.MemberAsync(crashRoom, crashModerator);
                crashedId = await StartAsync(moderator, crashRoom);
            }
        }

        // active → aborted by the start-up stale-recordings job.
        await using (var restarted = new RecordingHost(dir, settings, seen.Register))
        {
            using var api = restarted.Api(); // starts the host, and with it the stale-recordings job
            Assert.Equal(["starting", "active", "aborted"], seen.StatusesOf(crashedId));
        }

        Assert.True(seen.Mismatches.Count == 0, "told before saved:\n" + string.Join("\n", seen.Mismatches));
    }

    [Fact]
    public async Task A_notification_that_throws_fails_neither_the_start_nor_the_stop()
    {
        var dir = MediaFixtures.NewDirectory();
        var throwing = new ThrowingNotifications();
        await using var host = new RecordingHost(dir, services: services => services.AddSingleton<IRecordingNotifications>(throwing));
        var (roomId, moderatorSecret, _) = await host.CreateRoomAsync();
        await using var publisher = await LivePublisher.StartAsync(host.Plane.Room(roomId), "alice", dir);
        using var moderator = await host.MemberAsync(roomId, moderatorSecret);

        var id = await RecordBrieflyAsync(host, moderator, roomId);

        using var api = host.Api();
        var saved = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings/" + id, Ct);
        Assert.Equal("complete", saved.GetProperty("status").GetString());
        Assert.True(throwing.Calls >= 4, $"every transition should still be announced, saw {throwing.Calls}");
    }

    private sealed class ThrowingNotifications : IRecordingNotifications
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task RecordingSavedAsync(RecordingEventKind kind, Domain.Recordings.Recording recording, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("a meeting that cannot be told");
        }
    }

    /// <summary>Starts a recording, lets it run 1.2 s, stops it and waits until the composite is done; returns its id.</summary>
    private static async Task<string> RecordBrieflyAsync(RecordingHost host, HttpClient moderator, string roomId)
    {
        var id = await StartAsync(moderator, roomId);
        await Task.Delay(1200, Ct);
        var stop = await moderator.PostAsync("/internal-api/v1/recordings/" + id + "/stop", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        await host.Lifecycle.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(3), Ct);
        return id;
    }

    private static async Task<string> StartAsync(HttpClient moderator, string roomId)
    {
        var start = await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return (await start.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("recordingId").GetString()!;
    }

    /// <summary>On every notification, reads the row in a fresh scope (as a client's GET would) and notes both states.</summary>
    private sealed class ReadingNotifications : IRecordingNotifications
    {
        private readonly ConcurrentQueue<(string RoomId, string RecordingId, RecordingStatus Told)> _told = new();
        private readonly ConcurrentQueue<string> _mismatches = new();

        private IServiceProvider? _services;

        public IReadOnlyCollection<string> Mismatches => _mismatches;

        /// <summary>Registers this instance in a host; it reads that host's repository (also during its start-up job).</summary>
        public void Register(IServiceCollection services) => services.AddSingleton<IRecordingNotifications>(sp =>
        {
            _services = sp;
            return this;
        });

        public async Task RecordingSavedAsync(RecordingEventKind kind, Domain.Recordings.Recording recording, CancellationToken cancellationToken)
        {
            var services = _services ?? throw new InvalidOperationException("not registered");
            _told.Enqueue((recording.RoomId, recording.RecordingId, recording.Status));
            await using var scope = services.CreateAsyncScope();
            var saved = await scope.ServiceProvider.GetRequiredService<IRecordingRepository>().FindAsync(recording.RecordingId, CancellationToken.None);
            if (saved?.Status != recording.Status)
            {
                _mismatches.Enqueue($"{recording.RecordingId}: told {recording.Status} ({kind}), saved {saved?.Status.ToString() ?? "no row"}");
            }
        }

        public List<string> StatusesOf(string recordingId) =>
            [.. _told.Where(t => t.RecordingId == recordingId).Select(t => Wire(t.Told))];

        public List<string> StatusesIn(string roomId) =>
            [.. _told.Where(t => t.RoomId == roomId).Select(t => Wire(t.Told))];

        private static string Wire(RecordingStatus status) => status.ToString().ToLowerInvariant();
    }
}
