using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Convene.Signalling.Tests.Host;

public sealed class MeetingsApiTests
{
    private static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, json);
    }

    [Fact(Timeout = 120000)]
    public async Task Kick_removes_the_participant_with_participant_kicked_and_tells_the_others()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (modToken, _) = await app.TokenAsync(room.RoomId, room.ModeratorSecret, "Alice");
        await using var alice = await app.ConnectAsync();
        await alice.JoinAsync(modToken, cancellationToken: TestContext.Current.CancellationToken);
        await alice.WaitForAsync("joined");
        var (bob, bobId) = await app.JoinAsync(room.RoomId, room.SpeakerSecret, "Bob");

        using var mod = app.MemberClient(modToken);
        var (status, body) = await SendAsync(mod, HttpMethod.Delete, $"/internal-api/v1/meetings/{room.RoomId}/participants/{bobId}");

        Assert.Equal(200, status);
        Assert.Equal($"Participant '{bobId}' kicked successfully from meeting in room '{room.RoomId}'", body.GetProperty("message").GetString());
        Assert.Equal("participant_kicked", (string?)(await bob.WaitForAsync("left"))["reason"]);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await bob.WaitClosedAsync());
        var left = await alice.WaitForAsync("participantLeft");
        Assert.Equal((bobId, "participant_kicked"), ((string?)left["participantId"], (string?)left["reason"]));

        (status, body) = await SendAsync(mod, HttpMethod.Delete, $"/internal-api/v1/meetings/{room.RoomId}/participants/{bobId}");
        Assert.Equal(404, status);
        Assert.Equal("Participant Error", body.GetProperty("error").GetString());
        Assert.Equal($"Participant '{bobId}' not found in room '{room.RoomId}'", body.GetProperty("message").GetString());
        await bob.DisposeAsync();
    }

    [Fact]
    public async Task Only_a_moderator_token_of_the_room_may_act_admin_credentials_are_401()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var other = await app.CreateRoomAsync();
        var (speakerToken, _) = await app.TokenAsync(room.RoomId, room.SpeakerSecret, "Sam");
        var (otherModToken, _) = await app.TokenAsync(other.RoomId, other.ModeratorSecret, "Olga");
        var path = $"/internal-api/v1/meetings/{room.RoomId}";

        using (var none = app.CreateClient())
        {
            var (status, body) = await SendAsync(none, HttpMethod.Delete, path);
            Assert.Equal((401, "Unauthorized"), (status, body.GetProperty("message").GetString()));
        }

        using (var key = app.ApiClient())
        {
            Assert.Equal(401, (await SendAsync(key, HttpMethod.Delete, path)).Status);
        }

        using (var bad = app.MemberClient("garbage"))
        {
            var (status, body) = await SendAsync(bad, HttpMethod.Delete, path);
            Assert.Equal((401, "Invalid token"), (status, body.GetProperty("message").GetString()));
        }

        foreach (var token in new[] { speakerToken, otherModToken })
        {
            using var client = app.MemberClient(token);
            var (status, body) = await SendAsync(client, HttpMethod.Delete, path);
            Assert.Equal((403, "Authorization Error"), (status, body.GetProperty("error").GetString()));
            Assert.Equal(403, (await SendAsync(client, HttpMethod.Put, path + "/participants/x/role", new { role = "speaker" })).Status);
        }
    }

    [Fact(Timeout = 120000)]
    public async Task Ending_the_meeting_ends_it_for_all_with_by_self_for_the_moderator()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (modToken, _) = await app.TokenAsync(room.RoomId, room.ModeratorSecret, "Alice");
        await using var alice = await app.ConnectAsync();
        await alice.JoinAsync(modToken, cancellationToken: TestContext.Current.CancellationToken);
        await alice.WaitForAsync("joined");
        var (bob, _) = await app.JoinAsync(room.RoomId, room.SpeakerSecret, "Bob");

        using var mod = app.MemberClient(modToken);
        var (status, body) = await SendAsync(mod, HttpMethod.Delete, $"/internal-api/v1/meetings/{room.RoomId}");

        Assert.Equal(200, status);
        Assert.Equal($"Meeting in room '{room.RoomId}' ended successfully", body.GetProperty("message").GetString());
        Assert.Equal("meeting_ended_by_self", (string?)(await alice.WaitForAsync("left"))["reason"]);
        Assert.Equal("meeting_ended", (string?)(await bob.WaitForAsync("left"))["reason"]);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await bob.WaitClosedAsync());
        using var api = app.ApiClient();
        var roomNow = await api.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{room.RoomId}", TestContext.Current.CancellationToken);
        Assert.Equal("open", roomNow.GetProperty("status").GetString());

        // No meeting any more: ending again still succeeds.
        Assert.Equal(200, (await SendAsync(mod, HttpMethod.Delete, $"/internal-api/v1/meetings/{room.RoomId}")).Status);
        await bob.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task Role_change_promotes_and_sends_the_secret_to_the_target_only()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (modToken, _) = await app.TokenAsync(room.RoomId, room.ModeratorSecret, "Alice");
        await using var alice = await app.ConnectAsync();
        await alice.JoinAsync(modToken, cancellationToken: TestContext.Current.CancellationToken);
        await alice.WaitForAsync("joined");
        var (bob, bobId) = await app.JoinAsync(room.RoomId, room.SpeakerSecret, "Bob");
        using var mod = app.MemberClient(modToken);
        var path = $"/internal-api/v1/meetings/{room.RoomId}/participants/{bobId}/role";

        var (status, body) = await SendAsync(mod, HttpMethod.Put, path, new { role = "moderator" });

        Assert.Equal(200, status);
        Assert.Equal($"Participant '{bobId}' role updated to 'moderator'", body.GetProperty("message").GetString());
        var toBob = await bob.WaitForAsync("roleChanged");
        Assert.Equal(("moderator", room.ModeratorSecret), ((string?)toBob["role"], (string?)toBob["secret"]));
        var toAlice = await alice.WaitForAsync("roleChanged");
        Assert.False(toAlice.ContainsKey("secret"));

        (status, body) = await SendAsync(mod, HttpMethod.Put, path, new { role = "boss" });
        Assert.Equal(422, status);
        var detail = body.GetProperty("details")[0];
        Assert.Equal(("role", "Invalid enum value. Expected 'moderator' | 'speaker', received 'boss'"), (detail.GetProperty("field").GetString(), detail.GetProperty("message").GetString()));
        Assert.Equal(422, (await SendAsync(mod, HttpMethod.Put, path, new { })).Status);
        Assert.Equal(404, (await SendAsync(mod, HttpMethod.Put, $"/internal-api/v1/meetings/{room.RoomId}/participants/nobody/role", new { role = "speaker" })).Status);
        await bob.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task Deleting_a_room_with_force_ends_its_meeting()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (alice, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");
        using var api = app.ApiClient();

        var response = await api.DeleteAsync($"/api/v1/rooms/{room.RoomId}?withMeeting=force", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("meeting_ended", (string?)(await alice.WaitForAsync("left"))["reason"]);
        await alice.DisposeAsync();
    }
}
