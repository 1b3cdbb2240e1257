using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Convene.Domain.Members;
using Convene.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Server.Tests;

/// <summary>Room member tokens, name reservation and role lookups (contract §4.3–4.4).</summary>
public sealed class RoomMemberTokenTests : IAsyncLifetime
{
    private readonly ConveneFactory _factory = new();
    private HttpClient _api = null!;
    private HttpClient _anonymous = null!;
    private string _roomId = null!;
    private string _moderatorSecret = null!;
    private string _speakerSecret = null!;

    public async ValueTask InitializeAsync()
    {
        _api = _factory.ApiClient();
        _anonymous = _factory.CreateClient();
        var room = await _api.CreateRoomAsync(new { roomName = "Team", config = new { recording = new { enabled = true, allowAccessTo = "admin_moderator" } } });
        _roomId = room.Str("roomId");
        _moderatorSecret = room.Str("moderatorUrl").Split("secret=")[1];
        _speakerSecret = room.Str("speakerUrl").Split("secret=")[1];
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        _anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<string> TokenAsync(object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _anonymous.PostAsJsonAsync($"/internal-api/v1/rooms/{_roomId}/token", body);
        var json = await response.ExpectAsync(expected);
        return expected == HttpStatusCode.OK ? json.Str("token") : json.GetRawText();
    }

    private static JsonElement Claims(string token) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement.Clone();

    [Fact]
    public async Task Join_token_carries_role_permissions_grant_name_and_identity()
    {
        var token = await TokenAsync(new { secret = _moderatorSecret, grantJoinMeetingPermission = true, participantName = "Alice" });
        var claims = Claims(token);
        Assert.Equal("Alice", claims.Str("name"));
        Assert.Matches("^alice-[0-9a-z]{15}$", claims.Str("sub"));
        var video = claims.GetProperty("video");
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.Equal(_roomId, video.Str("room"));
        Assert.True(video.GetProperty("canPublish").GetBoolean());
        var metadata = JsonDocument.Parse(claims.Str("metadata")).RootElement;
        Assert.Equal("moderator", metadata.Str("role"));
        Assert.EndsWith("/ws/v1/rtc", metadata.Str("livekitUrl"), StringComparison.Ordinal);
        var permissions = metadata.GetProperty("permissions");
        Assert.True(permissions.GetProperty("canRecord").GetBoolean());
        Assert.True(permissions.GetProperty("canRetrieveRecordings").GetBoolean());
        Assert.True(permissions.GetProperty("canDeleteRecordings").GetBoolean());

        var service = _factory.Services.GetRequiredService<RoomMemberTokenService>();
        Assert.True(service.TryValidate(token, out var member));
        Assert.Equal(new RoomMember(_roomId, MeetingRole.Moderator, new RoomMemberPermissions(true, true, true, true, true), true, claims.Str("sub"), "Alice"), member);
        Assert.False(service.TryValidate(token[..^3] + "abc", out _));
    }

    [Fact]
    public async Task Speaker_token_without_join_has_no_identity_and_speaker_permissions()
    {
        var claims = Claims(await TokenAsync(new { secret = _speakerSecret }));
        Assert.False(claims.TryGetProperty("sub", out _));
        Assert.False(claims.GetProperty("video").GetProperty("roomJoin").GetBoolean());
        var metadata = JsonDocument.Parse(claims.Str("metadata")).RootElement;
        Assert.Equal("speaker", metadata.Str("role"));
        Assert.False(metadata.GetProperty("permissions").GetProperty("canRecord").GetBoolean());
        Assert.False(metadata.GetProperty("permissions").GetProperty("canRetrieveRecordings").GetBoolean());
    }

    [Fact]
    public async Task Names_are_reserved_with_smallest_free_suffix_case_insensitively()
    {
        async Task<string> Join(string name) =>
            Claims(await TokenAsync(new { secret = _speakerSecret, grantJoinMeetingPermission = true, participantName = name })).Str("name");

        Assert.Equal("Alice", await Join("Alice"));
        Assert.Equal("alice_1", await Join("alice"));
        Assert.Equal("Alice_2", await Join("Alice_1"));
        _factory.Services.GetRequiredService<ParticipantNameReservations>().Release(_roomId, "alice_1");
        Assert.Equal("Alice_1", await Join("Alice"));
        _factory.Time.Advance(TimeSpan.FromHours(12));
        Assert.Equal("Alice", await Join("Alice"));
    }

    [Fact]
    public async Task Token_errors()
    {
        var badSecret = JsonDocument.Parse(await TokenAsync(new { secret = "0000000000" }, HttpStatusCode.BadRequest)).RootElement;
        TestJson.AssertError(badSecret, "Room Error", $"Secret '0000000000' is not recognized for room '{_roomId}'");
        var required = JsonDocument.Parse(await TokenAsync(new { }, HttpStatusCode.UnprocessableEntity)).RootElement;
        TestJson.AssertValidation(required, "secret", "Required");
        var empty = JsonDocument.Parse(await TokenAsync(new { secret = "" }, HttpStatusCode.UnprocessableEntity)).RootElement;
        TestJson.AssertValidation(empty, "secret", "Secret is required");
        var noName = JsonDocument.Parse(await TokenAsync(new { secret = _speakerSecret, grantJoinMeetingPermission = true }, HttpStatusCode.UnprocessableEntity)).RootElement;
        TestJson.AssertValidation(noName, "participantName", "participantName is required when grantJoinMeetingPermission is true");
        var badGrant = JsonDocument.Parse(await TokenAsync(new { secret = _speakerSecret, grantJoinMeetingPermission = "yes" }, HttpStatusCode.UnprocessableEntity)).RootElement;
        TestJson.AssertValidation(badGrant, "grantJoinMeetingPermission", "Expected boolean, received string");

        var missing = await (await _anonymous.PostAsJsonAsync("/internal-api/v1/rooms/ghost/token", new { secret = "x" })).ExpectAsync(HttpStatusCode.NotFound);
        TestJson.AssertError(missing, "Room Error", "Room 'ghost' does not exist");

        await (await _api.PutAsJsonAsync($"/api/v1/rooms/{_roomId}/status", new { status = "closed" })).ExpectAsync(HttpStatusCode.OK);
        var closed = JsonDocument.Parse(await TokenAsync(new { secret = _moderatorSecret, grantJoinMeetingPermission = true, participantName = "Bob" }, HttpStatusCode.Conflict)).RootElement;
        TestJson.AssertError(closed, "Room Error", $"Room '{_roomId}' is closed and cannot be joined");
        await TokenAsync(new { secret = _moderatorSecret });

        var refresh = JsonDocument.Parse(await TokenAsync(new { secret = _moderatorSecret, grantJoinMeetingPermission = true, participantName = "Bob", participantIdentity = "bob-1" }, HttpStatusCode.Conflict)).RootElement;
        Assert.Equal("Room Error", refresh.Str("error"));
    }

    [Fact]
    public async Task Refresh_mode_requires_the_participant_to_be_in_a_meeting()
    {
        var body = JsonDocument.Parse(await TokenAsync(
            new { secret = _moderatorSecret, grantJoinMeetingPermission = true, participantName = "Bob", participantIdentity = "bob-123" }, HttpStatusCode.NotFound)).RootElement;
        TestJson.AssertError(body, "Participant Error", $"Participant 'bob-123' not found in room '{_roomId}'");
    }

    [Fact]
    public async Task Roles_and_role_by_secret()
    {
        var roles = await (await _anonymous.GetAsync($"/internal-api/v1/rooms/{_roomId}/roles")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["moderator", "speaker"], roles.EnumerateArray().Select(r => r.Str("role")).ToArray());
        var speaker = roles[1].GetProperty("permissions");
        Assert.True(speaker.GetProperty("livekit").GetProperty("roomJoin").GetBoolean());
        Assert.False(speaker.GetProperty("meet").GetProperty("canRecord").GetBoolean());

        var bySecret = await (await _anonymous.GetAsync($"/internal-api/v1/rooms/{_roomId}/roles/{_moderatorSecret}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("moderator", bySecret.Str("role"));
        var bad = await (await _anonymous.GetAsync($"/internal-api/v1/rooms/{_roomId}/roles/nope")).ExpectAsync(HttpStatusCode.BadRequest);
        TestJson.AssertError(bad, "Room Error", $"Secret 'nope' is not recognized for room '{_roomId}'");
        await (await _anonymous.GetAsync("/internal-api/v1/rooms/ghost/roles")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Member_tokens_read_only_their_own_room_and_speakers_do_not_see_the_moderator_url()
    {
        var other = (await _api.CreateRoomAsync()).Str("roomId");
        var speaker = await TokenAsync(new { secret = _speakerSecret });
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Room-Member-Token", "Bearer " + speaker);
        var room = await (await client.GetAsync($"/api/v1/rooms/{_roomId}")).ExpectAsync(HttpStatusCode.OK);
        Assert.False(room.TryGetProperty("moderatorUrl", out _));
        Assert.True(room.TryGetProperty("speakerUrl", out _));
        await (await client.GetAsync($"/api/v1/rooms/{_roomId}/config")).ExpectAsync(HttpStatusCode.OK);
        var forbidden = await (await client.GetAsync($"/api/v1/rooms/{other}")).ExpectAsync(HttpStatusCode.Forbidden);
        TestJson.AssertError(forbidden, "Authorization Error", "Insufficient permissions to access this resource");

        var moderator = await TokenAsync(new { secret = _moderatorSecret });
        using var moderatorClient = _factory.CreateClient();
        var viaQuery = await (await moderatorClient.GetAsync($"/api/v1/rooms/{_roomId}?roomMemberToken={moderator}")).ExpectAsync(HttpStatusCode.OK);
        Assert.True(viaQuery.TryGetProperty("moderatorUrl", out _));
    }

    [Fact]
    public async Task Expired_access_token_plus_valid_member_token_still_succeeds()
    {
        var (access, _) = await _factory.LoginAsync();
        _factory.Time.Advance(TimeSpan.FromHours(3));
        var member = await TokenAsync(new { secret = _moderatorSecret });
        using var client = _factory.BearerClient(access);
        client.DefaultRequestHeaders.Add("X-Room-Member-Token", "Bearer " + member);
        await (await client.GetAsync($"/api/v1/rooms/{_roomId}")).ExpectAsync(HttpStatusCode.OK);
    }
}
