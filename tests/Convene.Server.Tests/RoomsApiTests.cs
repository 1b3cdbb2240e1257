using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Convene.Domain.Meetings;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Server.Tests;

public sealed class RoomsApiTests : IAsyncLifetime
{
    private readonly ConveneFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.ApiClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("Habitación José", "habitacion_jose")]
    [InlineData("Café Müller", "cafe_muller")]
    [InlineData("MY ROOM", "my_room")]
    [InlineData("my-test-room", "my_test_room")]
    [InlineData("Room@#$%^&*()123", "room123")]
    [InlineData("Meeting 🎉 Room", "meeting_room")]
    [InlineData("__test_room__", "test_room")]
    [InlineData("--test-room--", "test_room")]
    [InlineData("test___---room", "test_room")]
    [InlineData("SALA--Médica  #2024  (Niños)", "sala_medica_2024_ninos")]
    [InlineData("Møde Åse", "mde_ase")]
    [InlineData("会议室", "room")]
    [InlineData("@#$%^&*()", "room")]
    [InlineData("🎉🎊🎈", "room")]
    public async Task Room_id_prefix_is_the_sanitised_name(string name, string prefix)
    {
        var room = await _client.CreateRoomAsync(new { roomName = name });
        var id = room.Str("roomId");
        Assert.Matches("^" + prefix + "-[0-9a-z]{15}$", id);
    }

    [Fact]
    public async Task Create_returns_full_room_with_defaults_location_and_urls()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/rooms", new { roomName = "  Daily   stand up  " });
        var room = await response.ExpectAsync(HttpStatusCode.Created);
        var id = room.Str("roomId");
        Assert.Equal("http://localhost/api/v1/rooms/" + id, response.Headers.Location!.ToString());
        Assert.Equal("Daily stand up", room.Str("roomName"));
        Assert.Equal("open", room.Str("status"));
        Assert.Equal("none", room.Str("meetingEndAction"));
        Assert.False(room.TryGetProperty("autoDeletionDate", out _));
        Assert.Equal("when_meeting_ends", room.GetProperty("autoDeletionPolicy").Str("withMeeting"));
        Assert.Equal("close", room.GetProperty("autoDeletionPolicy").Str("withRecordings"));
        var config = room.GetProperty("config");
        Assert.True(config.GetProperty("chat").GetProperty("enabled").GetBoolean());
        Assert.Equal("admin_moderator_speaker", config.GetProperty("recording").Str("allowAccessTo"));
        Assert.False(config.GetProperty("e2ee").GetProperty("enabled").GetBoolean());
        Assert.Matches("^http://localhost/room/" + id + @"\?secret=[0-9a-f]{10}$", room.Str("moderatorUrl"));
        Assert.Matches("^http://localhost/room/" + id + @"\?secret=[0-9a-f]{10}$", room.Str("speakerUrl"));
        Assert.NotEqual(room.Str("moderatorUrl"), room.Str("speakerUrl"));
        Assert.Equal(_factory.Time.GetUtcNow().ToUnixTimeMilliseconds(), room.GetProperty("creationDate").GetInt64());
    }

    [Fact]
    public async Task Create_with_empty_body_or_empty_name_uses_the_default_name()
    {
        using var content = new StringContent(string.Empty);
        var room = await (await _client.PostAsync("/api/v1/rooms", content)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Room", room.Str("roomName"));
        var empty = await _client.CreateRoomAsync(new { roomName = "   " });
        Assert.Equal("Room", empty.Str("roomName"));
        Assert.StartsWith("room-", empty.Str("roomId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_e2ee_forces_recording_off_and_keeps_partial_recording_config()
    {
        var room = await _client.CreateRoomAsync(new { config = new { e2ee = new { enabled = true } } });
        Assert.False(room.GetProperty("config").GetProperty("recording").GetProperty("enabled").GetBoolean());
        Assert.Equal("admin_moderator_speaker", room.GetProperty("config").GetProperty("recording").Str("allowAccessTo"));

        var noAccess = await _client.CreateRoomAsync(new { config = new { recording = new { enabled = false } } });
        Assert.False(noAccess.GetProperty("config").GetProperty("recording").TryGetProperty("allowAccessTo", out _));
    }

    [Fact]
    public async Task Create_with_auto_deletion_date_and_policy()
    {
        var date = _factory.Time.GetUtcNow().AddHours(2).ToUnixTimeMilliseconds();
        var room = await _client.CreateRoomAsync(new { autoDeletionDate = date, autoDeletionPolicy = new { withMeeting = "force", withRecordings = "force" } });
        Assert.Equal(date, room.GetProperty("autoDeletionDate").GetInt64());
        Assert.Equal("force", room.GetProperty("autoDeletionPolicy").Str("withMeeting"));
    }

    public static TheoryData<string, string, string> InvalidCreateBodies() => new()
    {
        { """{"roomName":"012345678901234567890123456789012345678901234567890"}""", "roomName", "roomName cannot exceed 50 characters" },
        { """{"roomName":5}""", "roomName", "Expected string, received number" },
        { """{"roomName":null}""", "roomName", "Expected string, received null" },
        { """{"autoDeletionDate":null}""", "autoDeletionDate", "Expected number, received null" },
        { """{"autoDeletionDate":"tomorrow"}""", "autoDeletionDate", "Expected number, received string" },
        { """{"autoDeletionDate":-5}""", "autoDeletionDate", "autoDeletionDate must be a positive integer" },
        { """{"autoDeletionDate":1000}""", "autoDeletionDate", "autoDeletionDate must be at least 1h in the future" },
        { """{"autoDeletionPolicy":{"withMeeting":"fail","withRecordings":"close"}}""", "autoDeletionPolicy.withMeeting", "FAIL policy is not allowed for withMeeting auto-deletion policy" },
        { """{"autoDeletionPolicy":{"withMeeting":"force","withRecordings":"fail"}}""", "autoDeletionPolicy.withRecordings", "FAIL policy is not allowed for withRecordings auto-deletion policy" },
        { """{"autoDeletionPolicy":{"withMeeting":"force"}}""", "autoDeletionPolicy.withRecordings", "Required" },
        { """{"autoDeletionPolicy":{"withMeeting":"later","withRecordings":"close"}}""", "autoDeletionPolicy.withMeeting", "Invalid enum value. Expected 'force' | 'when_meeting_ends' | 'fail', received 'later'" },
        { """{"config":{"recording":{"enabled":true}}}""", "config.recording.allowAccessTo", "allowAccessTo is required when recording is enabled" },
        { """{"config":{"recording":{"enabled":"yes","allowAccessTo":"admin"}}}""", "config.recording.enabled", "Expected boolean, received string" },
        { """{"config":{"recording":{"enabled":true,"allowAccessTo":"everyone"}}}""", "config.recording.allowAccessTo", "Invalid enum value. Expected 'admin' | 'admin_moderator' | 'admin_moderator_speaker', received 'everyone'" },
        { """{"config":{"chat":{}}}""", "config.chat.enabled", "Required" },
        { """{"config":{"chat":true}}""", "config.chat", "Expected object, received boolean" },
        { """{"config":[]}""", "config", "Expected object, received array" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_rejects_invalid_bodies_with_field_paths_and_leaves_no_row(string json, string field, string message)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var body = await (await _client.PostAsync("/api/v1/rooms", content)).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, field, message);
        var list = await (await _client.GetAsync("/api/v1/rooms")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("rooms").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_and_content_type_is_not_enforced()
    {
        using var content = new StringContent("""{"roomName":"x","bogus":{"deep":[1,2]}}""", Encoding.UTF8, "text/plain");
        var room = await (await _client.PostAsync("/api/v1/rooms", content)).ExpectAsync(HttpStatusCode.Created);
        Assert.False(room.TryGetProperty("bogus", out _));
    }

    [Fact]
    public async Task Hostile_names_are_stored_verbatim_as_data_and_ids_stay_sanitised()
    {
        var names = new[] { "'; DROP TABLE Rooms; --", "../../etc/passwd", "<script>alert(1)</script>", "%00%2e%2e" };
        foreach (var name in names)
        {
            var room = await _client.CreateRoomAsync(new { roomName = name });
            Assert.Matches("^[a-z0-9_]+-[0-9a-z]{15}$", room.Str("roomId"));
            var fetched = await (await _client.GetAsync("/api/v1/rooms/" + room.Str("roomId"))).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(name, fetched.Str("roomName"));
        }

        var filtered = await (await _client.GetAsync("/api/v1/rooms?roomName=" + Uri.EscapeDataString("'; drop"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, filtered.GetProperty("rooms").GetArrayLength());
        var regex = await (await _client.GetAsync("/api/v1/rooms?roomName=" + Uri.EscapeDataString(".*"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, regex.GetProperty("rooms").GetArrayLength());
    }

    [Fact]
    public async Task Ten_thousand_character_name_is_rejected_and_long_ids_are_422()
    {
        var body = await (await _client.PostAsJsonAsync("/api/v1/rooms", new { roomName = new string('a', 10_000) })).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, "roomName", "roomName cannot exceed 50 characters");
        var get = await (await _client.GetAsync("/api/v1/rooms/" + new string('a', 101))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(get, "roomId", "roomId cannot exceed 100 characters");
        var empty = await (await _client.GetAsync("/api/v1/rooms/" + Uri.EscapeDataString("@@!!"))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(empty, "roomId", "roomId cannot be empty after sanitization");
    }

    [Fact]
    public async Task Get_sanitises_the_id_projects_fields_and_404s_unknown_rooms()
    {
        var room = await _client.CreateRoomAsync();
        var id = room.Str("roomId");
        var fetched = await (await _client.GetAsync("/api/v1/rooms/" + Uri.EscapeDataString(" " + id + " "))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(room.GetRawText(), fetched.GetRawText());

        var projected = await (await _client.GetAsync($"/api/v1/rooms/{id}?fields=roomId,%20status,,")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["roomId", "status"], projected.EnumerateObject().Select(p => p.Name).ToArray());

        var missing = await (await _client.GetAsync("/api/v1/rooms/nope-123")).ExpectAsync(HttpStatusCode.NotFound);
        TestJson.AssertError(missing, "Room Error", "Room 'nope-123' does not exist");
    }

    [Fact]
    public async Task List_filters_by_name_and_status_and_projects_fields()
    {
        var alpha = await _client.CreateRoomAsync(new { roomName = "Alpha Team" });
        await _client.CreateRoomAsync(new { roomName = "Beta" });
        using var close = JsonContent.Create(new { status = "closed" });
        await (await _client.PutAsync($"/api/v1/rooms/{alpha.Str("roomId")}/status", close)).ExpectAsync(HttpStatusCode.OK);

        var byName = await (await _client.GetAsync("/api/v1/rooms?roomName=aLPHA")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(alpha.Str("roomId"), byName.GetProperty("rooms")[0].Str("roomId"));
        Assert.Equal(1, byName.GetProperty("rooms").GetArrayLength());

        var closed = await (await _client.GetAsync("/api/v1/rooms?status=closed&fields=roomName")).ExpectAsync(HttpStatusCode.OK);
        var only = Assert.Single(closed.GetProperty("rooms").EnumerateArray());
        Assert.Equal("""{"roomName":"Alpha Team"}""", only.GetRawText());
        var pagination = closed.GetProperty("pagination");
        Assert.False(pagination.GetProperty("isTruncated").GetBoolean());
        Assert.False(pagination.TryGetProperty("nextPageToken", out _));
        Assert.Equal(10, pagination.GetProperty("maxItems").GetInt32());
    }

    [Theory]
    [InlineData("maxItems=abc", "maxItems", "Expected number, received nan")]
    [InlineData("maxItems=0", "maxItems", "maxItems must be a positive number")]
    [InlineData("maxItems=-3", "maxItems", "maxItems must be a positive number")]
    [InlineData("status=active", "status", "Invalid enum value. Expected 'open' | 'active_meeting' | 'closed', received 'active'")]
    [InlineData("sortField=name", "sortField", "Invalid enum value. Expected 'creationDate' | 'roomName' | 'autoDeletionDate', received 'name'")]
    [InlineData("sortOrder=up", "sortOrder", "Invalid enum value. Expected 'asc' | 'desc', received 'up'")]
    [InlineData("nextPageToken=%%%garbage", "nextPageToken", "Invalid page token")]
    [InlineData("nextPageToken=eyJmIjoxfQ", "nextPageToken", "Invalid page token")]
    public async Task List_rejects_bad_queries_with_422(string query, string field, string message)
    {
        var body = await (await _client.GetAsync("/api/v1/rooms?" + query)).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, field, message);
    }

    [Theory]
    [InlineData("150", 100)]
    [InlineData("2.7", 2)]
    public async Task List_clamps_and_floors_max_items(string maxItems, int expected)
    {
        var body = await (await _client.GetAsync("/api/v1/rooms?maxItems=" + maxItems)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(expected, body.GetProperty("pagination").GetProperty("maxItems").GetInt32());
    }

    [Fact]
    public async Task Config_get_and_shallow_merge_update()
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        var update = new { config = new { chat = new { enabled = false }, recording = new { enabled = true, allowAccessTo = "admin" } } };
        var ok = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/config", update)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"Room config for room '{id}' updated successfully", ok.Str("message"));
        var config = await (await _client.GetAsync($"/api/v1/rooms/{id}/config")).ExpectAsync(HttpStatusCode.OK);
        Assert.False(config.GetProperty("chat").GetProperty("enabled").GetBoolean());
        Assert.Equal("admin", config.GetProperty("recording").Str("allowAccessTo"));
        Assert.True(config.GetProperty("virtualBackground").GetProperty("enabled").GetBoolean());

        var e2ee = new { config = new { e2ee = new { enabled = true } } };
        await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/config", e2ee)).ExpectAsync(HttpStatusCode.OK);
        config = await (await _client.GetAsync($"/api/v1/rooms/{id}/config")).ExpectAsync(HttpStatusCode.OK);
        Assert.False(config.GetProperty("recording").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Config_update_errors()
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        var missing = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/config", new { })).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(missing, "config", "Required");
        var bad = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/config", new { config = new { recording = new { enabled = true } } })).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(bad, "config.recording.allowAccessTo", "allowAccessTo is required when recording is enabled");
        var notFound = await (await _client.PutAsJsonAsync("/api/v1/rooms/ghost/config", new { config = new { } })).ExpectAsync(HttpStatusCode.NotFound);
        TestJson.AssertError(notFound, "Room Error", "Room 'ghost' does not exist");

        await StartMeetingAsync(id);
        var active = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/config", new { config = new { } })).ExpectAsync(HttpStatusCode.Conflict);
        TestJson.AssertError(active, "Room Error", $"Room '{id}' has an active meeting");
    }

    [Fact]
    public async Task Status_open_close_and_scheduled_close_during_a_meeting()
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        var closed = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/status", new { status = "closed" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"Room '{id}' closed successfully", closed.Str("message"));
        Assert.Equal("closed", closed.GetProperty("room").Str("status"));
        var opened = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/status", new { status = "open" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"Room '{id}' open successfully", opened.Str("message"));

        await StartMeetingAsync(id);
        var scheduled = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/status", new { status = "closed" })).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal($"Room '{id}' scheduled to be closed when the meeting ends", scheduled.Str("message"));
        Assert.Equal("active_meeting", scheduled.GetProperty("room").Str("status"));
        Assert.Equal("close", scheduled.GetProperty("room").Str("meetingEndAction"));
        var reopen = await (await _client.PutAsJsonAsync($"/api/v1/rooms/{id}/status", new { status = "open" })).ExpectAsync(HttpStatusCode.Conflict);
        TestJson.AssertError(reopen, "Room Error", $"Room '{id}' has an active meeting");

        await EndMeetingAsync(id);
        var room = await (await _client.GetAsync($"/api/v1/rooms/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("closed", room.Str("status"));
        Assert.Equal("none", room.Str("meetingEndAction"));
    }

    [Theory]
    [InlineData("""{"status":"active_meeting"}""", "status", "Invalid enum value. Expected 'open' | 'closed', received 'active_meeting'")]
    [InlineData("""{}""", "status", "Required")]
    [InlineData("""{"status":1}""", "status", "Expected string, received number")]
    public async Task Status_rejects_invalid_bodies(string json, string field, string message)
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var body = await (await _client.PutAsync($"/api/v1/rooms/{id}/status", content)).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, field, message);
    }

    [Fact]
    public async Task Meeting_end_resets_status_to_open_and_meeting_view_reflects_room()
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        await StartMeetingAsync(id);
        Assert.Equal("active_meeting", (await (await _client.GetAsync($"/api/v1/rooms/{id}")).JsonAsync()).Str("status"));
        await EndMeetingAsync(id);
        Assert.Equal("open", (await (await _client.GetAsync($"/api/v1/rooms/{id}")).JsonAsync()).Str("status"));
        await _factory.InScopeAsync(async sp =>
        {
            var view = await sp.GetRequiredService<IMeetingRoomDirectory>().FindAsync(id, CancellationToken.None);
            Assert.NotNull(view);
            Assert.False(view.IsClosed);
            Assert.Null(await sp.GetRequiredService<IMeetingRoomDirectory>().FindAsync("ghost", CancellationToken.None));
        });
    }

    private Task StartMeetingAsync(string id) =>
        _factory.InScopeAsync(sp => sp.GetRequiredService<IMeetingRoomDirectory>().MeetingStartedAsync(id, CancellationToken.None));

    private Task EndMeetingAsync(string id) =>
        _factory.InScopeAsync(sp => sp.GetRequiredService<IMeetingRoomDirectory>().MeetingEndedAsync(id, CancellationToken.None));
}
