using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Convene.Domain.Recordings;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Recording.Tests;

/// <summary>Every recording route × every kind of credential (contract §3 auth column, §4.4–4.5).</summary>
public sealed class AuthMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Inserts a recording row with a small media file, as a finished recording would leave them.</summary>
    internal static async Task<Domain.Recordings.Recording> SeedAsync(RecordingHost host, string roomId, RecordingStatus status = RecordingStatus.Complete, string roomName = "Rec Room", long startDate = 1_700_000_000_000, double duration = 12.5, long size = 4096)
    {
        var id = RecordingIds.NewRecordingId(roomId, out var uid);
        var recording = new Domain.Recordings.Recording
        {
            RecordingId = id,
            RoomId = roomId,
            RoomName = roomName,
            Status = status,
            Filename = RecordingIds.BaseName(roomId, uid) + ".mp4",
            StartDate = startDate,
            EndDate = startDate + 12_500,
            Duration = duration,
            Size = size,
            PublicSecret = "pub" + uid[..7],
            PrivateSecret = "prv" + uid[..7],
        };
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IRecordingRepository>().AddAsync(recording, Ct);
        var storage = scope.ServiceProvider.GetRequiredService<IRecordingStorage>();
        await File.WriteAllBytesAsync(Path.Combine(storage.RoomDirectory(roomId), recording.Filename), new byte[size], Ct);
        return recording;
    }

    [Fact]
    public async Task Every_route_answers_each_credential_as_the_contract_says()
    {
        await using var host = new RecordingHost();
        var (room, moderatorSecret, speakerSecret) = await host.CreateRoomAsync();
        var (other, otherModeratorSecret, _) = await host.CreateRoomAsync("Other");
        var clients = new Dictionary<string, HttpClient>
        {
            ["none"] = host.Anonymous(),
            ["key"] = host.Api(),
            ["admin"] = await host.AdminAsync(),
            ["moderator"] = await host.MemberAsync(room, moderatorSecret),
            ["speaker"] = await host.MemberAsync(room, speakerSecret),
            ["otherModerator"] = await host.MemberAsync(other, otherModeratorSecret),
        };

        // route → expected status per credential (none, key, admin, moderator, speaker, otherModerator)
        var reads = new (string Name, Func<Domain.Recordings.Recording, string> Url, int[] Expected)[]
        {
            ("list", _ => "/api/v1/recordings", [401, 200, 200, 200, 200, 200]),
            ("get", r => "/api/v1/recordings/" + r.RecordingId, [401, 200, 200, 200, 200, 403]),
            ("media", r => "/api/v1/recordings/" + r.RecordingId + "/media", [401, 200, 200, 200, 200, 403]),
            ("url", r => "/api/v1/recordings/" + r.RecordingId + "/url", [401, 200, 200, 200, 200, 403]),
            ("tracks", r => "/api/v1/recordings/" + r.RecordingId + "/tracks", [401, 200, 200, 200, 200, 403]),
            ("download", r => "/api/v1/recordings/download?recordingIds=" + r.RecordingId, [401, 200, 200, 200, 200, 400]),
        };
        var names = clients.Keys.ToArray();
        var recording = await SeedAsync(host, room);
        foreach (var (name, url, expected) in reads)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var response = await clients[names[i]].GetAsync(url(recording), Ct);
                Assert.True((int)response.StatusCode == expected[i], $"{name} as {names[i]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }
        }

        // Share secrets: public → anyone; private → logged-in user only; they do not open the url/list routes.
        Assert.Equal(HttpStatusCode.OK, (await clients["none"].GetAsync("/api/v1/recordings/" + recording.RecordingId + "?secret=" + recording.PublicSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients["none"].GetAsync("/api/v1/recordings/" + recording.RecordingId + "/media?secret=" + recording.PublicSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clients["none"].GetAsync("/api/v1/recordings/" + recording.RecordingId + "/media?secret=" + recording.PrivateSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clients["speaker"].GetAsync("/api/v1/recordings/" + recording.RecordingId + "?secret=" + recording.PrivateSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients["admin"].GetAsync("/api/v1/recordings/" + recording.RecordingId + "/media?secret=" + recording.PrivateSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clients["none"].GetAsync("/api/v1/recordings/" + recording.RecordingId + "/url?secret=" + recording.PublicSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clients["none"].GetAsync("/api/v1/recordings?secret=" + recording.PublicSecret, Ct)).StatusCode);
        // Tokens in the query string work for <video> tags.
        var token = clients["moderator"].DefaultRequestHeaders.GetValues("X-Room-Member-Token").Single()["Bearer ".Length..];
        Assert.Equal(HttpStatusCode.OK, (await clients["none"].GetAsync("/api/v1/recordings/" + recording.RecordingId + "/media?roomMemberToken=" + token, Ct)).StatusCode);

        // Deletes (a fresh recording per credential that may delete).
        int[] deleteExpected = [401, 200, 200, 200, 403, 403];
        int[] bulkExpected = [401, 200, 200, 200, 403, 400];
        for (var i = 0; i < names.Length; i++)
        {
            var single = await SeedAsync(host, room);
            var response = await clients[names[i]].DeleteAsync("/api/v1/recordings/" + single.RecordingId, Ct);
            Assert.True((int)response.StatusCode == deleteExpected[i], $"delete as {names[i]}: {(int)response.StatusCode}");
            var bulk = await SeedAsync(host, room);
            response = await clients[names[i]].DeleteAsync("/api/v1/recordings?recordingIds=" + bulk.RecordingId, Ct);
            Assert.True((int)response.StatusCode == bulkExpected[i], $"bulk delete as {names[i]}: {(int)response.StatusCode}");
        }

        // Start/stop: only a moderator token of the room (API key and admin are 401 there).
        int[] controlExpected = [401, 401, 401, 409, 403, 403];
        for (var i = 0; i < names.Length; i++)
        {
            var start = await clients[names[i]].PostAsJsonAsync("/internal-api/v1/recordings", new { roomId = room }, Ct);
            Assert.True((int)start.StatusCode == controlExpected[i], $"start as {names[i]}: {(int)start.StatusCode}");
            var stop = await clients[names[i]].PostAsync("/internal-api/v1/recordings/" + recording.RecordingId + "/stop", null, Ct);
            Assert.True((int)stop.StatusCode == controlExpected[i], $"stop as {names[i]}: {(int)stop.StatusCode}");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [Theory]
    [InlineData("admin", 403, 403)]
    [InlineData("admin_moderator", 200, 403)]
    [InlineData("admin_moderator_speaker", 200, 200)]
    public async Task Room_allowAccessTo_decides_what_moderators_and_speakers_may_see(string allowAccessTo, int moderatorStatus, int speakerStatus)
    {
        await using var host = new RecordingHost();
        var (room, moderatorSecret, speakerSecret) = await host.CreateRoomAsync("Access", new { enabled = true, allowAccessTo });
        var recording = await SeedAsync(host, room);
        using var moderator = await host.MemberAsync(room, moderatorSecret);
        using var speaker = await host.MemberAsync(room, speakerSecret);
        Assert.Equal(moderatorStatus, (int)(await moderator.GetAsync("/api/v1/recordings/" + recording.RecordingId, Ct)).StatusCode);
        Assert.Equal(speakerStatus, (int)(await speaker.GetAsync("/api/v1/recordings/" + recording.RecordingId, Ct)).StatusCode);
        Assert.Equal(speakerStatus, (int)(await speaker.GetAsync("/api/v1/recordings", Ct)).StatusCode);
    }
}
