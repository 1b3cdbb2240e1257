using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Convene.Domain.Recordings;

namespace Convene.Recording.Tests;

public sealed class ListingAndDeletionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_filters_sorts_projects_and_pages()
    {
        await using var host = new RecordingHost();
        var (a, moderatorSecret, _) = await host.CreateRoomAsync("Alpha");
        var (b, _, _) = await host.CreateRoomAsync("Beta");
        for (var i = 0; i < 5; i++)
        {
            await AuthMatrixTests.SeedAsync(host, a, roomName: "Alpha", startDate: 1_700_000_000_000 + i, size: 1000 + i);
        }

        await AuthMatrixTests.SeedAsync(host, b, RecordingStatus.Failed, "Beta", startDate: 1_600_000_000_000);
        using var api = host.Api();

        var page1 = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?maxItems=2", Ct);
        Assert.Equal(2, page1.GetProperty("recordings").GetArrayLength());
        Assert.True(page1.GetProperty("pagination").GetProperty("isTruncated").GetBoolean());
        Assert.Equal(1_700_000_000_004, page1.GetProperty("recordings")[0].GetProperty("startDate").GetInt64());
        var seen = new List<string>();
        var token = page1.GetProperty("pagination").GetProperty("nextPageToken").GetString();
        seen.AddRange(page1.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recordingId").GetString()!));
        for (var guard = 0; token is not null && guard < 10; guard++)
        {
            var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?maxItems=2&nextPageToken=" + Uri.EscapeDataString(token), Ct);
            seen.AddRange(page.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recordingId").GetString()!));
            token = page.GetProperty("pagination").TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }

        Assert.Equal(6, seen.Distinct().Count());

        var failed = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?status=failed", Ct);
        Assert.Equal("Beta", Assert.Single(failed.GetProperty("recordings").EnumerateArray()).GetProperty("roomName").GetString());
        var byName = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?roomName=bet&fields=recordingId,status", Ct);
        var projected = Assert.Single(byName.GetProperty("recordings").EnumerateArray());
        Assert.Equal(["recordingId", "status"], projected.EnumerateObject().Select(p => p.Name));
        var orQuery = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?roomId=" + a + "&roomName=beta&maxItems=100", Ct);
        Assert.Equal(6, orQuery.GetProperty("recordings").GetArrayLength()); // OR for API callers (contract)
        var bySize = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?sortField=size&sortOrder=asc&roomId=" + a, Ct);
        Assert.Equal(1000, bySize.GetProperty("recordings")[0].GetProperty("size").GetInt64());

        // A member token is confined to its room, and roomName narrows instead of widening.
        using var moderator = await host.MemberAsync(a, moderatorSecret);
        var own = await moderator.GetFromJsonAsync<JsonElement>("/api/v1/recordings?roomId=" + b + "&roomName=beta&maxItems=100", Ct);
        Assert.Equal(0, own.GetProperty("recordings").GetArrayLength());
        var all = await moderator.GetFromJsonAsync<JsonElement>("/api/v1/recordings?maxItems=100", Ct);
        Assert.Equal(5, all.GetProperty("recordings").GetArrayLength());

        foreach (var (query, field) in new[] { ("maxItems=0", "maxItems"), ("status=weird", "status"), ("sortField=nope", "sortField"), ("sortOrder=up", "sortOrder"), ("nextPageToken=%%%", "nextPageToken") })
        {
            var response = await api.GetAsync("/api/v1/recordings?" + query, Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("\"" + field + "\"", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task Deletion_rows_single_and_bulk()
    {
        await using var host = new RecordingHost();
        var (a, moderatorSecret, _) = await host.CreateRoomAsync("Alpha");
        var (b, _, _) = await host.CreateRoomAsync("Beta");
        var active = await AuthMatrixTests.SeedAsync(host, a, RecordingStatus.Active);
        var done = await AuthMatrixTests.SeedAsync(host, a);
        var otherRoom = await AuthMatrixTests.SeedAsync(host, b);
        var missing = a + "--EG_000000000000--abcdefabcd";
        using var api = host.Api();

        await RecordingsApiTests.AssertError(await api.DeleteAsync("/api/v1/recordings/" + active.RecordingId, Ct), 409, "Recording Error", "Recording '" + active.RecordingId + "' is not stopped yet");
        await RecordingsApiTests.AssertError(await api.DeleteAsync("/api/v1/recordings/" + missing, Ct), 404, "Recording Error", "Recording '" + missing + "' not found");
        await RecordingsApiTests.AssertError(await api.GetAsync("/api/v1/recordings/" + active.RecordingId + "/media", Ct), 409, "Recording Error", "Recording '" + active.RecordingId + "' is not stopped yet");

        var empty = await api.DeleteAsync("/api/v1/recordings?recordingIds=", Ct);
        Assert.Contains("recordingIds must contain at least one item", await empty.Content.ReadAsStringAsync(Ct));
        var invalid = await api.DeleteAsync("/api/v1/recordings?recordingIds=" + done.RecordingId + ",bad", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("recordingIds.1", await invalid.Content.ReadAsStringAsync(Ct));

        using var moderator = await host.MemberAsync(a, moderatorSecret);
        var mixed = await moderator.DeleteAsync($"/api/v1/recordings?recordingIds={done.RecordingId},{done.RecordingId},{active.RecordingId},{otherRoom.RecordingId},{missing}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        var body = await mixed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("3 recording(s) could not be deleted", body.GetProperty("message").GetString());
        Assert.Equal([done.RecordingId], body.GetProperty("deleted").EnumerateArray().Select(e => e.GetString()));
        var errors = body.GetProperty("failed").EnumerateArray().ToDictionary(f => f.GetProperty("recordingId").GetString()!, f => f.GetProperty("error").GetString());
        Assert.Equal("Recording '" + active.RecordingId + "' is not stopped yet", errors[active.RecordingId]);
        Assert.Equal("Recording '" + otherRoom.RecordingId + "' does not belong to room '" + a + "'", errors[otherRoom.RecordingId]);
        Assert.Equal("Recording '" + missing + "' not found", errors[missing]);

        var ok = await api.DeleteAsync("/api/v1/recordings?recordingIds=" + otherRoom.RecordingId, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("All recordings deleted successfully", (await ok.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString());

        await RecordingsApiTests.AssertError(await moderator.GetAsync("/api/v1/recordings/download?recordingIds=" + missing.Replace(a, b, StringComparison.Ordinal), Ct), 400, "Recording Error", "None of the provided recording IDs belong to room '" + a + "'");
    }

    [Fact]
    public async Task Room_deletion_policies_see_recordings_and_force_removes_their_media()
    {
        await using var host = new RecordingHost();
        var (room, _, _) = await host.CreateRoomAsync("Doomed");
        await AuthMatrixTests.SeedAsync(host, room);
        using var api = host.Api();
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync("/api/v1/rooms/" + room, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync("/api/v1/rooms/" + room + "?withRecordings=force", Ct)).StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(host.DataDirectory, "recordings", room)));
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/recordings?roomId=" + room, Ct);
        Assert.Equal(0, list.GetProperty("recordings").GetArrayLength());
    }
}
