using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Convene.Recording.Tests;

/// <summary>The recording lifecycle end to end through the HTTP API, with synthetic RTP from a fake publisher.</summary>
public sealed class RecordingsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_record_stop_then_watch_share_download_and_delete()
    {
        await using var host = new RecordingHost();
        var (roomId, moderatorSecret, _) = await host.CreateRoomAsync();
        await using var publisher = await LivePublisher.StartAsync(host.Plane.Room(roomId), "alice", host.DataDirectory);
        using var moderator = await host.MemberAsync(roomId, moderatorSecret);

        var startedAt = TimeProvider.System.GetTimestamp();
        var start = await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var startBody = await start.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = startBody.GetProperty("recordingId").GetString()!;
        Assert.Equal("active", startBody.GetProperty("status").GetString());
        Assert.Matches("^" + roomId + "--EG_[A-Za-z0-9]{12}--[0-9a-f]{10}$", id);
        Assert.EndsWith("/api/v1/recordings/" + id, start.Headers.Location!.ToString());
        Assert.True(TimeProvider.System.GetElapsedTime(startedAt) < TimeSpan.FromSeconds(3));
        var roomDir = Path.Combine(host.DataDirectory, "recordings", roomId);
        Assert.Contains(Directory.GetFiles(roomDir, "*.webm"), f => new FileInfo(f).Length > 0);

        var again = await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct);
        await AssertError(again, 409, "Recording Error", "Room '" + roomId + "' is already being recorded");

        await Task.Delay(2500, Ct);
        var stop = await moderator.PostAsync("/internal-api/v1/recordings/" + id + "/stop", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var stopBody = await stop.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("ending", stopBody.GetProperty("status").GetString());
        Assert.True(stopBody.GetProperty("duration").GetDouble() > 2);
        await AssertError(await moderator.PostAsync("/internal-api/v1/recordings/" + id + "/stop", null, Ct), 409, "Recording Error", "Recording '" + id + "' is already stopped");

        await host.Lifecycle.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(3), Ct);
        using var api = host.Api();
        var recording = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings/" + id, Ct);
        Assert.Equal("complete", recording.GetProperty("status").GetString());
        var size = recording.GetProperty("size").GetInt64();
        Assert.InRange(recording.GetProperty("duration").GetDouble(), 2, 4);

        // The composite: H.264 1280×720 + AAC.
        var mp4 = Path.Combine(roomDir, recording.GetProperty("filename").GetString()!);
        var probe = await MediaFixtures.ProbeAsync(mp4);
        var streams = probe.GetProperty("streams").EnumerateArray().ToList();
        Assert.Contains(streams, s => s.GetProperty("codec_name").GetString() == "h264" && s.GetProperty("width").GetInt32() == 1280 && s.GetProperty("height").GetInt32() == 720);
        Assert.Contains(streams, s => s.GetProperty("codec_name").GetString() == "aac");

        // Media: full, mid-file range, open-ended range, past the end.
        var bytes = await File.ReadAllBytesAsync(mp4, Ct);
        var full = await api.GetAsync("/api/v1/recordings/" + id + "/media", Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("video/mp4", full.Content.Headers.ContentType!.MediaType);
        Assert.Equal(size, full.Content.Headers.ContentLength);
        Assert.Equal(bytes, await full.Content.ReadAsByteArrayAsync(Ct));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/recordings/" + id + "/media"))
        {
            request.Headers.Range = new RangeHeaderValue(100, 1099);
            var partial = await api.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal("bytes 100-1099/" + size, partial.Content.Headers.ContentRange!.ToString());
            Assert.Equal(bytes[100..1100], await partial.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/recordings/" + id + "/media"))
        {
            request.Headers.Range = new RangeHeaderValue(size - 10, null);
            var tail = await api.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
            Assert.Equal(bytes[^10..], await tail.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/recordings/" + id + "/media"))
        {
            request.Headers.TryAddWithoutValidation("Range", "bytes=" + size + "-");
            await AssertError(await api.SendAsync(request, Ct), 416, "Recording Error", "Recording '" + id + "' range not satisfiable. File size: " + size);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/recordings/" + id + "/media"))
        {
            request.Headers.TryAddWithoutValidation("Range", "items=1-2");
            var bad = await api.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Contains("headers.range", await bad.Content.ReadAsStringAsync(Ct));
        }

        // Share links: public works anonymously, private needs a login, anything else is 400.
        var publicUrl = (await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings/" + id + "/url", Ct)).GetProperty("url").GetString()!;
        var privateUrl = (await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings/" + id + "/url?privateAccess=true", Ct)).GetProperty("url").GetString()!;
        Assert.Contains("/recording/" + id + "?secret=", publicUrl);
        var publicSecret = publicUrl.Split("secret=")[1];
        var privateSecret = privateUrl.Split("secret=")[1];
        Assert.NotEqual(publicSecret, privateSecret);
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/recordings/" + id + "?secret=" + publicSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/recordings/" + id + "/media?secret=" + publicSecret, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/recordings/" + id + "?secret=" + privateSecret, Ct)).StatusCode);
        using var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/recordings/" + id + "?secret=" + privateSecret, Ct)).StatusCode);
        await AssertError(await anonymous.GetAsync("/api/v1/recordings/" + id + "?secret=nope", Ct), 400, "Recording Error", "Secret 'nope' is not recognized for recording '" + id + "'");

        // ZIP with the MP4 stored under its file name.
        var zipResponse = await api.GetAsync("/api/v1/recordings/download?recordingIds=" + id, Ct);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType!.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync(Ct))))
        {
            var entry = Assert.Single(zip.Entries);
            Assert.Equal(recording.GetProperty("filename").GetString(), entry.FullName);
            Assert.Equal(size, entry.Length);
        }

        // Per-track files (extension): listed and downloadable.
        var tracks = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings/" + id + "/tracks", Ct);
        Assert.Equal(2, tracks.GetArrayLength());
        var trackFile = tracks[0].GetProperty("fileName").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/recordings/" + id + "/tracks/" + trackFile, Ct)).StatusCode);

        // Delete removes row and every file.
        var deleted = await api.DeleteAsync("/api/v1/recordings/" + id, Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("Recording '" + id + "' deleted successfully", (await deleted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString());
        Assert.Empty(Directory.GetFiles(roomDir));
        await AssertError(await api.GetAsync("/api/v1/recordings/" + id, Ct), 404, "Recording Error", "Recording '" + id + "' not found");
    }

    [Fact]
    public async Task Start_and_stop_error_rows()
    {
        await using var host = new RecordingHost(settings: new() { ["Convene:Recording:StartTimeout"] = "00:00:01" });
        var (roomId, moderatorSecret, speakerSecret) = await host.CreateRoomAsync();
        var (disabledRoom, disabledModerator, _) = await host.CreateRoomAsync("Off", new { enabled = false });
        using var anonymous = host.Anonymous();
        using var api = host.Api();
        using var moderator = await host.MemberAsync(roomId, moderatorSecret);
        using var speaker = await host.MemberAsync(roomId, speakerSecret);

        // §4.4: room 404 and disabled 403 come before authentication.
        await AssertError(await anonymous.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId = "missing-room" }, Ct), 404, "Room Error", "Room 'missing-room' does not exist");
        await AssertError(await anonymous.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId = disabledRoom }, Ct), 403, "Recording Error", "Recording is disabled for room '" + disabledRoom + "'");
        await AssertError(await anonymous.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct), 401, "Authentication Error", "Unauthorized");
        await AssertError(await api.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct), 401, "Authentication Error", "Unauthorized");
        await AssertError(await speaker.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct), 403, "Authorization Error", "Insufficient permissions to access this resource");
        using (var otherModerator = await host.MemberAsync(disabledRoom, disabledModerator))
        {
            await AssertError(await otherModerator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct), 403, "Authorization Error", "Insufficient permissions to access this resource");
        }

        var missingBody = await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingBody.StatusCode);
        await AssertError(await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct), 409, "Recording Error", "Room '" + roomId + "' has no participants");

        // Tracks but no media within the start timeout → 503, the attempt is kept as failed.
        host.Plane.Room(roomId).Publish(SyntheticMeeting.VideoTrack("TR_silent", "bob"));
        await AssertError(await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct), 503, "Recording Error", "Recording in room '" + roomId + "' timed out while starting");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?roomId=" + roomId, Ct);
        Assert.Equal("failed", list.GetProperty("recordings")[0].GetProperty("status").GetString());

        var unknown = roomId + "--EG_abcdefabcdef--0123456789";
        await AssertError(await moderator.PostAsync("/internal-api/v1/recordings/" + unknown + "/stop", null, Ct), 404, "Recording Error", "Recording '" + unknown + "' not found");
        var badId = await moderator.PostAsync("/internal-api/v1/recordings/not-a-recording/stop", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badId.StatusCode);
        Assert.Contains("recordingId does not follow the expected format", await badId.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Missing_ffmpeg_fails_the_start_with_503_and_the_server_keeps_serving()
    {
        await using var host = new RecordingHost(settings: new() { ["Convene:Recording:FfmpegPath"] = "/nonexistent/ffmpeg" });
        var (roomId, moderatorSecret, _) = await host.CreateRoomAsync();
        host.Plane.Room(roomId);
        using var moderator = await host.MemberAsync(roomId, moderatorSecret);
        var response = await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("ffmpeg", await response.Content.ReadAsStringAsync(Ct));
        using var api = host.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/recordings", Ct)).StatusCode);
    }

    [Fact]
    public async Task Crash_mid_recording_then_restart_marks_it_aborted_and_keeps_the_track_files_playable()
    {
        var dir = MediaFixtures.NewDirectory();
        string id, roomId;
        await using (var host = new RecordingHost(dir))
        {
            (roomId, var moderatorSecret, _) = await host.CreateRoomAsync();
            await using var publisher = await LivePublisher.StartAsync(host.Plane.Room(roomId), "dave", dir);
            using var moderator = await host.MemberAsync(roomId, moderatorSecret);
            var start = await moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId }, Ct);
            id = (await start.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("recordingId").GetString()!;
            await Task.Delay(1500, Ct);
        } // the server goes away without the recording being stopped

        await using var restarted = new RecordingHost(dir);
        using var api = restarted.Api();
        var recording = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings/" + id, Ct);
        Assert.Equal("aborted", recording.GetProperty("status").GetString());
        Assert.True(recording.TryGetProperty("error", out _));
        await AssertError(await api.GetAsync("/api/v1/recordings/" + id + "/media", Ct), 409, "Recording Error", "Recording '" + id + "' is not stopped yet".Replace("is not stopped yet", "is not stopped yet", StringComparison.Ordinal));

        var tracks = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings/" + id + "/tracks", Ct);
        Assert.Equal(2, tracks.GetArrayLength());
        foreach (var track in tracks.EnumerateArray())
        {
            var bytes = await api.GetByteArrayAsync("/api/v1/recordings/" + id + "/tracks/" + track.GetProperty("fileName").GetString(), Ct);
            var copy = Path.Combine(dir, "downloaded-" + track.GetProperty("fileName").GetString());
            await File.WriteAllBytesAsync(copy, bytes, Ct);
            Assert.InRange(await MediaFixtures.PacketDurationAsync(copy), 0.8, 3);
            Assert.Equal(string.Empty, (await MediaFixtures.RunAsync("ffmpeg", "-v", "error", "-i", copy, "-f", "null", "-")).Trim());
        }

        // Finished now, so it can be deleted with the room (withRecordings=force removes the media too).
        var deleteRoom = await api.DeleteAsync("/api/v1/rooms/" + roomId + "?withRecordings=force", Ct);
        Assert.Equal(HttpStatusCode.OK, deleteRoom.StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "recordings", roomId)));
    }

    internal static async Task AssertError(HttpResponseMessage response, int status, string error, string message)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.Equal(message, json.GetProperty("message").GetString());
    }
}
