using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Convene.Signalling.Tests.Host;

public sealed class SignallingEndpointTests
{
    [Fact(Timeout = 120000)]
    public async Task Two_participants_meet_and_the_room_shows_an_active_meeting()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (alice, aliceId) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");
        var (bob, bobId) = await app.JoinAsync(room.RoomId, room.SpeakerSecret, "Bob");

        var joined = alice.Received.First(m => (string?)m["type"] == "joined");
        Assert.Equal("join", (string?)joined["requestId"]);
        Assert.Equal("moderator", (string?)joined["self"]!["role"]);
        Assert.Equal("Alice", (string?)joined["self"]!["name"]);
        Assert.Equal(room.RoomId, (string?)joined["room"]!["roomId"]);
        var bobJoined = bob.Received.First(m => (string?)m["type"] == "joined");
        Assert.Equal(aliceId, (string?)bobJoined["participants"]![0]!["participantId"]);
        Assert.Equal(bobId, (string?)(await alice.WaitForAsync("participantJoined"))["participant"]!["participantId"]);

        using var api = app.ApiClient();
        var status = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{room.RoomId}", TestContext.Current.CancellationToken)).GetProperty("status").GetString();
        Assert.Equal("active_meeting", status);

        await bob.SendAsync(new { type = "leave" }, TestContext.Current.CancellationToken);
        Assert.Equal("voluntary_leave", (string?)(await bob.WaitForAsync("left"))["reason"]);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await bob.WaitClosedAsync());
        var left = await alice.WaitForAsync("participantLeft");
        Assert.Equal((bobId, "voluntary_leave"), ((string?)left["participantId"], (string?)left["reason"]));
        await alice.DisposeAsync();
        await bob.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task The_meeting_ends_after_the_departure_timeout_and_the_room_is_open_again()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (alice, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");
        await alice.SendAsync(new { type = "leave" }, TestContext.Current.CancellationToken);
        await alice.WaitClosedAsync();

        using var api = app.ApiClient();
        string? status = null;
        for (var i = 0; i < 150 && status != "open"; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            status = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{room.RoomId}", TestContext.Current.CancellationToken)).GetProperty("status").GetString();
        }

        Assert.Equal("open", status);
        await alice.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task A_bad_token_is_invalid_token_and_closes_with_4401()
    {
        await using var app = new SignallingFactory();
        await using var client = await app.ConnectAsync();
        await client.JoinAsync("not-a-jwt", cancellationToken: TestContext.Current.CancellationToken);

        var error = await client.WaitForAsync("error");
        Assert.Equal(("invalid_token", "join"), ((string?)error["code"], (string?)error["requestId"]));
        Assert.Equal((WebSocketCloseStatus)4401, await client.WaitClosedAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task A_token_without_join_permission_is_refused()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        using var http = app.CreateClient();
        var response = await http.PostAsJsonAsync($"/internal-api/v1/rooms/{room.RoomId}/token", new { secret = room.ModeratorSecret }, TestContext.Current.CancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("token").GetString()!;

        await using var client = await app.ConnectAsync();
        await client.JoinAsync(token, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("invalid_token", (string?)(await client.WaitForAsync("error"))["code"]);
        Assert.Equal((WebSocketCloseStatus)4401, await client.WaitClosedAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task No_join_within_the_join_timeout_closes_with_4401_and_other_messages_are_not_joined()
    {
        await using var app = new SignallingFactory();
        await using var client = await app.ConnectAsync();
        await client.SendAsync(new { type = "chat", text = "hi", requestId = "c" }, TestContext.Current.CancellationToken);
        var error = await client.WaitForAsync("error");
        Assert.Equal(("not_joined", "c"), ((string?)error["code"], (string?)error["requestId"]));
        await client.SendAsync(new { type = "ping" }, TestContext.Current.CancellationToken);
        await client.WaitForAsync("pong");

        Assert.Equal((WebSocketCloseStatus)4401, await client.WaitClosedAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task A_silent_joined_client_is_closed_after_the_idle_timeout_and_pings_keep_it()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (pinger, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Pinger");
        var (silent, silentId) = await app.JoinAsync(room.RoomId, room.SpeakerSecret, "Silent");
        for (var i = 0; i < 12; i++)
        {
            await Task.Delay(400, TestContext.Current.CancellationToken);
            await pinger.SendAsync(new { type = "ping" }, TestContext.Current.CancellationToken);
        }

        Assert.Equal((WebSocketCloseStatus)4408, await silent.WaitClosedAsync());
        Assert.Null(pinger.CloseStatus);

        // Dropped without leave: after the reconnect window the others learn network_disconnect.
        var left = await pinger.WaitForAsync("participantLeft");
        Assert.Equal((silentId, "network_disconnect"), ((string?)left["participantId"], (string?)left["reason"]));
        await pinger.DisposeAsync();
        await silent.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task Garbage_binary_and_10MB_frames_are_bad_message_and_the_session_goes_on()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (client, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");
        var ct = TestContext.Current.CancellationToken;

        await client.SendRawAsync("{{{ not json"u8.ToArray(), WebSocketMessageType.Text, ct);
        Assert.Equal("bad_message", (string?)(await client.WaitForAsync("error"))["code"]);
        await client.SendRawAsync(new byte[] { 0, 1, 2, 255 }, WebSocketMessageType.Binary, ct);
        Assert.Equal("bad_message", (string?)(await client.WaitForAsync("error"))["code"]);
        await client.SendLargeFrameAsync(10 * 1024 * 1024, (byte)'a', ct);
        var tooLarge = await client.WaitForAsync("error", TimeSpan.FromSeconds(30));
        Assert.Equal("bad_message", (string?)tooLarge["code"]);
        Assert.Contains("larger", (string?)tooLarge["message"], StringComparison.Ordinal);
        await client.SendAsync(new { type = "teleport", requestId = "t" }, ct);
        var unknown = await client.WaitForAsync("error");
        Assert.Equal(("unknown_type", "t"), ((string?)unknown["code"], (string?)unknown["requestId"]));

        await client.SendAsync(new { type = "ping" }, ct);
        await client.WaitForAsync("pong");
        Assert.Null(client.CloseStatus);
        await client.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task Twenty_bad_messages_close_with_1008()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (client, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");
        for (var i = 0; i < 20; i++)
        {
            await client.SendRawAsync(Encoding.UTF8.GetBytes("garbage " + i), WebSocketMessageType.Text, TestContext.Current.CancellationToken);
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.WaitClosedAsync());
        Assert.Equal(20, client.Received.Count(m => (string?)m["code"] == "bad_message"));
        await client.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task More_than_50_messages_a_second_are_rate_limited()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (client, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");
        for (var i = 0; i < 80; i++)
        {
            await client.SendAsync(new { type = "ping" }, TestContext.Current.CancellationToken);
        }

        Assert.Equal("rate_limited", (string?)(await client.WaitForAsync("error"))["code"]);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var pongs = client.Received.Count(m => (string?)m["type"] == "pong");
        Assert.InRange(pongs, 49, 79); // the join counts in the first window too
        Assert.Single(client.Received, m => (string?)m["code"] == "rate_limited");
        await client.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task Chat_in_a_room_without_chat_is_chat_disabled()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync(chat: false);
        var (client, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");
        await client.SendAsync(new { type = "chat", text = "hello", requestId = "c1" }, TestContext.Current.CancellationToken);

        var error = await client.WaitForAsync("error");
        Assert.Equal(("chat_disabled", "c1"), ((string?)error["code"], (string?)error["requestId"]));
        await client.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task A_closed_room_refuses_join_with_room_closed_4409()
    {
        await using var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (token, _) = await app.TokenAsync(room.RoomId, room.ModeratorSecret, "Alice");
        using var api = app.ApiClient();
        (await api.PutAsJsonAsync($"/api/v1/rooms/{room.RoomId}/status", new { status = "closed" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await using var client = await app.ConnectAsync();
        await client.JoinAsync(token, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("room_closed", (string?)(await client.WaitForAsync("error"))["code"]);
        Assert.Equal((WebSocketCloseStatus)4409, await client.WaitClosedAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task Server_shutdown_sends_left_server_shutdown()
    {
        var app = new SignallingFactory();
        var room = await app.CreateRoomAsync();
        var (client, _) = await app.JoinAsync(room.RoomId, room.ModeratorSecret, "Alice");

        Assert.False(TestContext.Current.CancellationToken.IsCancellationRequested);
        var disposing = app.DisposeAsync();
        Assert.Equal("server_shutdown", (string?)(await client.WaitForAsync("left"))["reason"]);
        await disposing;
        await client.DisposeAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task Plain_GET_without_upgrade_is_400()
    {
        await using var app = new SignallingFactory();
        using var http = app.CreateClient();
        var response = await http.GetAsync("/ws/v1/rtc", TestContext.Current.CancellationToken);
        Assert.Equal(400, (int)response.StatusCode);
    }
}
