using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Convene.Server.Tests;

/// <summary>
/// Durable webhooks (contract §6 plus issue 7): a loopback receiver checks signatures, payloads, order, retries,
/// restarts, timeouts and redirects. The server runs on the real clock here (retries wait real, short delays).
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Meeting_and_recording_events_arrive_signed_in_order_with_the_contract_payloads()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = Factory(Options());
        await EnableAsync(factory, receiver.Url);
        using var api = factory.ApiClient();
        var roomId = (await api.CreateRoomAsync(new { roomName = "Café <Müller> & co" })).Str("roomId");

        await StartMeetingAsync(factory, roomId);
        var recordingId = await RecordAsync(factory, roomId);
        await EndMeetingAsync(factory, roomId);
        await receiver.WaitForAsync(6, Wait);

        var requests = receiver.Requests;
        Assert.Equal(6, requests.Count);
        Assert.All(requests, r => Assert.True(WebhookReceiver.SignatureValid(r, ConveneFactory.ApiKey), "bad signature"));
        Assert.Equal(6, requests.Select(r => r.EventId).Distinct().Count());
        var bodies = requests.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.Equal(
            ["meetingStarted", "recordingStarted", "recordingUpdated", "recordingUpdated", "recordingEnded", "meetingEnded"],
            bodies.Select(b => (string)b["event"]!).ToArray());
        Assert.Equal(["starting", "active", "ending", "complete"], bodies.Skip(1).Take(4).Select(b => (string)b["data"]!["status"]!).ToArray());
        Assert.All(bodies.Skip(1).Take(4), b => Assert.Equal(recordingId, (string)b["data"]!["recordingId"]!));
        Assert.Equal("active_meeting", (string)bodies[0]["data"]!["status"]!);
        Assert.Equal("open", (string)bodies[5]["data"]!["status"]!);
        Assert.Equal(roomId, (string)bodies[5]["data"]!["roomId"]!);
        Assert.Equal("Café <Müller> & co", (string)bodies[0]["data"]!["roomName"]!);
        Assert.NotNull(bodies[0]["data"]!["moderatorUrl"]);

        foreach (var request in requests)
        {
            // Key order event, creationDate, data; compact JSON with JavaScript's escaping (what JSON.stringify gives).
            var node = JsonNode.Parse(request.Body)!.AsObject();
            Assert.Equal(["event", "creationDate", "data"], node.Select(p => p.Key).ToArray());
            var restringified = node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.Equal(restringified, request.Body);
            Assert.True(long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture) > 1_700_000_000_000);
        }

        using var admin = factory.BearerClient((await factory.LoginAsync()).Access);
        var log = await (await admin.GetAsync("/internal-api/v1/config/webhooks/deliveries?maxItems=4")).ExpectAsync(HttpStatusCode.OK);
        var page = log.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(4, page.Count);
        Assert.Equal("meetingEnded", page[0].Str("event"));
        Assert.All(page, d => Assert.Equal("delivered", d.Str("status")));
        Assert.All(page, d => Assert.Equal(200, d.GetProperty("lastStatusCode").GetInt32()));
        Assert.True(log.GetProperty("pagination").GetProperty("isTruncated").GetBoolean());
        var next = log.GetProperty("pagination").Str("nextPageToken");
        var rest = await (await admin.GetAsync("/internal-api/v1/config/webhooks/deliveries?maxItems=4&nextPageToken=" + next)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["recordingStarted", "meetingStarted"], rest.GetProperty("deliveries").EnumerateArray().Select(d => d.Str("event")).ToArray());
        Assert.False(rest.GetProperty("pagination").TryGetProperty("nextPageToken", out _));
    }

    [Fact]
    public async Task A_failing_receiver_gets_every_event_again_with_the_same_id_in_order_and_none_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n < 3 ? 500 : 200;
        await using var factory = Factory(Options());
        await EnableAsync(factory, receiver.Url);
        using var api = factory.ApiClient();
        var roomId = (await api.CreateRoomAsync()).Str("roomId");

        await StartMeetingAsync(factory, roomId);
        await EndMeetingAsync(factory, roomId);
        await receiver.WaitForAsync(5, Wait);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        var requests = receiver.Requests;
        Assert.Equal(5, requests.Count);
        var started = requests[0].EventId;
        Assert.All(requests.Take(4), r => Assert.Equal(started, r.EventId));
        Assert.NotEqual(started, requests[4].EventId);
        Assert.Equal(1, requests.Count(r => r.EventId == started && r.Answer == 200));
        Assert.Equal(1, requests.Count(r => r.EventId == requests[4].EventId));
        Assert.Contains("\"meetingEnded\"", requests[4].Body, StringComparison.Ordinal);

        using var admin = factory.BearerClient((await factory.LoginAsync()).Access);
        var log = await (await admin.GetAsync("/internal-api/v1/config/webhooks/deliveries")).ExpectAsync(HttpStatusCode.OK);
        var first = log.GetProperty("deliveries").EnumerateArray().Single(d => d.Str("eventId") == started);
        Assert.Equal("delivered", first.Str("status"));
        Assert.Equal(4, first.GetProperty("attempts").GetInt32());
        Assert.True(first.TryGetProperty("deliveredAt", out _));
        Assert.False(first.TryGetProperty("lastError", out _));
    }

    [Fact]
    public async Task Events_committed_before_a_restart_are_delivered_once_by_the_next_process()
    {
        var directory = ConveneFactory.NewTempDirectory();
        try
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            string roomId;
            await using (var first = Factory(Options(), directory, deliver: false))
            {
                await EnableAsync(first, receiver.Url);
                using var api = first.ApiClient();
                roomId = (await api.CreateRoomAsync()).Str("roomId");
                await StartMeetingAsync(first, roomId);
                await EndMeetingAsync(first, roomId);
            }

            Assert.Empty(receiver.Requests);
            await using var second = Factory(Options(), directory);
            _ = second.Services; // starts the host, and with it the delivery loop
            await receiver.WaitForAsync(2, Wait);
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            var requests = receiver.Requests;
            Assert.Equal(2, requests.Count);
            Assert.Equal(2, requests.Select(r => r.EventId).Distinct().Count());
            Assert.Contains("\"meetingStarted\"", requests[0].Body, StringComparison.Ordinal);
            Assert.Contains("\"meetingEnded\"", requests[1].Body, StringComparison.Ordinal);
            Assert.All(requests, r => Assert.Contains(roomId, r.Body, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_hanging_receiver_is_timed_out_recorded_and_never_blocks_a_request()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => WebhookReceiver.Hang;
        await using var factory = Factory(Options() with { Timeout = TimeSpan.FromSeconds(1), MaxAttempts = 2 });
        await EnableAsync(factory, receiver.Url);
        using var api = factory.ApiClient();
        var roomId = (await api.CreateRoomAsync()).Str("roomId");

        var clock = Stopwatch.StartNew();
        await StartMeetingAsync(factory, roomId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the state change waited {clock.Elapsed} for a webhook");

        var delivery = await WaitForStatusAsync(factory, "failed");
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("Request timed out after 1 seconds", delivery.Str("lastError"));
        Assert.False(delivery.TryGetProperty("lastStatusCode", out _));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 302;
        await using var factory = Factory(Options() with { MaxAttempts = 3 });
        await EnableAsync(factory, receiver.Url);
        using var api = factory.ApiClient();
        var roomId = (await api.CreateRoomAsync()).Str("roomId");
        await StartMeetingAsync(factory, roomId);

        var delivery = await WaitForStatusAsync(factory, "failed");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(302, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal("Unexpected response (302)", delivery.Str("lastError"));
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_parked_delivery_can_be_redelivered_with_its_event_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n < 2 ? 503 : 200;
        await using var factory = Factory(Options() with { MaxAttempts = 2 });
        await EnableAsync(factory, receiver.Url);
        using var api = factory.ApiClient();
        var roomId = (await api.CreateRoomAsync()).Str("roomId");
        await StartMeetingAsync(factory, roomId);

        var failed = await WaitForStatusAsync(factory, "failed");
        Assert.Equal("Server error (503 Service Unavailable)", failed.Str("lastError"));
        using var admin = factory.BearerClient((await factory.LoginAsync()).Access);
        var queued = await (await admin.PostAsync($"/internal-api/v1/config/webhooks/deliveries/{failed.Str("id")}/redeliver", null)).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(failed.Str("eventId"), queued.Str("eventId"));
        Assert.NotEqual(failed.Str("id"), queued.Str("id"));
        await receiver.WaitForAsync(3, Wait);
        Assert.Equal(failed.Str("eventId"), receiver.Requests[2].EventId);
        Assert.Equal(receiver.Requests[0].Body, receiver.Requests[2].Body);

        var missing = await (await admin.PostAsync("/internal-api/v1/config/webhooks/deliveries/999999/redeliver", null)).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("Webhook Error", missing.Str("error"));
        var bad = await (await admin.GetAsync("/internal-api/v1/config/webhooks/deliveries?nextPageToken=zz")).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(bad, "nextPageToken", "Invalid page token");
    }

    [Fact]
    public async Task No_event_is_queued_while_webhooks_are_disabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = Factory(Options());
        using var api = factory.ApiClient();
        var roomId = (await api.CreateRoomAsync()).Str("roomId");
        await StartMeetingAsync(factory, roomId);
        using var admin = factory.BearerClient((await factory.LoginAsync()).Access);
        var log = await (await admin.GetAsync("/internal-api/v1/config/webhooks/deliveries")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(log.GetProperty("deliveries").EnumerateArray());
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Test_webhook_sends_a_signed_test_event_once_and_reports_failures()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n == 0 ? 200 : 500;
        await using var factory = Factory(Options());
        using var admin = factory.BearerClient((await factory.LoginAsync()).Access);

        var ok = await (await admin.PostAsJsonAsync("/internal-api/v1/config/webhooks/test", new { url = receiver.Url })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Webhook URL is valid", ok.Str("message"));
        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookReceiver.SignatureValid(request, ConveneFactory.ApiKey));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("testEvent", (string)body["event"]!);
        Assert.Equal("This is a test webhook event", (string)body["data"]!["message"]!);

        var failed = await (await admin.PostAsJsonAsync("/internal-api/v1/config/webhooks/test", new { url = receiver.Url })).ExpectAsync(HttpStatusCode.BadRequest);
        TestJson.AssertError(failed, "Webhook Error", $"Webhook URL '{receiver.Url}' is invalid: Server error (500 Internal Server Error)");
        Assert.Equal(2, receiver.Requests.Count);

        var refused = await (await admin.PostAsJsonAsync("/internal-api/v1/config/webhooks/test", new { url = "http://127.0.0.1:1/hook" })).ExpectAsync(HttpStatusCode.BadRequest);
        TestJson.AssertError(refused, "Webhook Error", "Webhook URL 'http://127.0.0.1:1/hook' is invalid: Connection refused by server");
    }

    [Theory]
    [InlineData("GET", "/internal-api/v1/config/webhooks")]
    [InlineData("PUT", "/internal-api/v1/config/webhooks")]
    [InlineData("POST", "/internal-api/v1/config/webhooks/test")]
    [InlineData("GET", "/internal-api/v1/config/webhooks/deliveries")]
    [InlineData("POST", "/internal-api/v1/config/webhooks/deliveries/1/redeliver")]
    [InlineData("PUT", "/internal-api/v1/config/security")]
    [InlineData("PUT", "/internal-api/v1/config/rooms/appearance")]
    [InlineData("GET", "/internal-api/v1/analytics")]
    public async Task Admin_routes_refuse_anonymous_api_key_and_room_member_callers(string method, string path)
    {
        await using var factory = new ConveneFactory();
        using var api = factory.ApiClient();
        var room = await api.CreateRoomAsync();
        var secret = room.Str("moderatorUrl")[(room.Str("moderatorUrl").IndexOf("secret=", StringComparison.Ordinal) + 7)..];
        using var anonymous = factory.CreateClient();
        var token = (await (await anonymous.PostAsJsonAsync($"/internal-api/v1/rooms/{room.Str("roomId")}/token", new { secret })).ExpectAsync(HttpStatusCode.OK)).Str("token");
        using var member = factory.CreateClient();
        member.DefaultRequestHeaders.Add("X-Room-Member-Token", "Bearer " + token);
        var (access, refresh) = await factory.LoginAsync();
        using var refreshAsAccess = factory.BearerClient(refresh);

        foreach (var client in new[] { anonymous, api, member, refreshAsAccess })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var admin = factory.BearerClient(access);
        using var adminRequest = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        var adminResponse = await admin.SendAsync(adminRequest);
        Assert.NotEqual(HttpStatusCode.Unauthorized, adminResponse.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, adminResponse.StatusCode);
    }

    private static WebhookOptions Options() => new()
    {
        AllowPrivateTargets = true,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromSeconds(5),
        PollInterval = TimeSpan.FromMilliseconds(500),
    };

    private static ConveneFactory Factory(WebhookOptions options, string? directory = null, bool deliver = true) =>
        new(directory, services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
            if (!deliver)
            {
                var loop = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WebhookDeliveryService));
                services.Remove(loop);
            }
        });

    private static async Task EnableAsync(ConveneFactory factory, string url)
    {
        using var admin = factory.BearerClient((await factory.LoginAsync()).Access);
        await (await admin.PutAsJsonAsync("/internal-api/v1/config/webhooks", new { enabled = true, url })).ExpectAsync(HttpStatusCode.OK);
    }

    private static Task StartMeetingAsync(ConveneFactory factory, string roomId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<RoomService>().MeetingStartedAsync(roomId, CancellationToken.None));

    private static Task EndMeetingAsync(ConveneFactory factory, string roomId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<RoomService>().MeetingEndedAsync(roomId, CancellationToken.None));

    /// <summary>Drives one recording through the lifecycle's save protocol: raise the event, then save (one unit of work).</summary>
    private static async Task<string> RecordAsync(ConveneFactory factory, string roomId)
    {
        var recording = new Domain.Recordings.Recording
        {
            RecordingId = RecordingIds.NewRecordingId(roomId, out var uid),
            RoomId = roomId,
            RoomName = "Room",
            Status = RecordingStatus.Starting,
            Filename = roomId + "--" + uid + ".mp4",
            StartDate = 1_772_000_000_000,
            PublicSecret = "0123456789",
            PrivateSecret = "9876543210",
        };
        await SaveAsync(RecordingEventKind.Started, add: true);
        recording.Status = RecordingStatus.Active;
        await SaveAsync(RecordingEventKind.Updated, add: false);
        recording.Status = RecordingStatus.Ending;
        await SaveAsync(RecordingEventKind.Updated, add: false);
        recording.Status = RecordingStatus.Complete;
        recording.EndDate = 1_772_000_060_000;
        recording.Duration = 60;
        recording.Size = 1234;
        await SaveAsync(RecordingEventKind.Ended, add: false);
        return recording.RecordingId;

        Task SaveAsync(RecordingEventKind kind, bool add) => factory.InScopeAsync(async sp =>
        {
            foreach (var sink in sp.GetServices<IRecordingEvents>())
            {
                await sink.OnRecordingEventAsync(kind, recording, CancellationToken.None);
            }

            var repository = sp.GetRequiredService<IRecordingRepository>();
            if (add)
            {
                await repository.AddAsync(recording, CancellationToken.None);
            }
            else
            {
                await repository.UpdateAsync(recording, CancellationToken.None);
            }
        });
    }

    private static async Task<JsonElement> WaitForStatusAsync(ConveneFactory factory, string status)
    {
        using var admin = factory.BearerClient((await factory.LoginAsync()).Access);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Wait)
        {
            var log = await (await admin.GetAsync("/internal-api/v1/config/webhooks/deliveries")).ExpectAsync(HttpStatusCode.OK);
            var first = log.GetProperty("deliveries").EnumerateArray().FirstOrDefault();
            if (first.ValueKind == JsonValueKind.Object && first.Str("status") == status)
            {
                return first;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no delivery reached status {status} within {Wait}");
        return default;
    }
}
