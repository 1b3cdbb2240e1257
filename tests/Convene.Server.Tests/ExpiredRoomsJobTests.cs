using System.Net;
using Convene.Domain.Meetings;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Server.Tests;

/// <summary>Contract §8 expired-rooms job, driven by the fake clock.</summary>
public sealed class ExpiredRoomsJobTests : IAsyncLifetime
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

    [Fact]
    public async Task Rooms_past_their_date_are_processed_with_their_own_policy_on_the_hourly_tick()
    {
        var job = _factory.Services.GetRequiredService<Hosting.ExpiredRoomsJob>();
        var start = job.Runs;
        var inTwoHours = _factory.Time.GetUtcNow().AddHours(2).ToUnixTimeMilliseconds();
        var plain = (await _client.CreateRoomAsync(new { autoDeletionDate = inTwoHours })).Str("roomId");
        var withRecordings = (await _client.CreateRoomAsync(new { autoDeletionDate = inTwoHours })).Str("roomId");
        await _factory.AddRecordingAsync(withRecordings);
        var withMeeting = (await _client.CreateRoomAsync(new { autoDeletionDate = inTwoHours })).Str("roomId");
        await _factory.InScopeAsync(sp => sp.GetRequiredService<IMeetingRoomDirectory>().MeetingStartedAsync(withMeeting, CancellationToken.None));
        var forced = (await _client.CreateRoomAsync(new { autoDeletionDate = inTwoHours, autoDeletionPolicy = new { withMeeting = "force", withRecordings = "force" } })).Str("roomId");
        await _factory.AddRecordingAsync(forced);
        var later = (await _client.CreateRoomAsync(new { autoDeletionDate = inTwoHours + 10 * 3_600_000L })).Str("roomId");
        var never = (await _client.CreateRoomAsync()).Str("roomId");

        // Two hourly ticks pass the date (the first only reaches +1 h).
        for (var hour = 1; hour <= 3; hour++)
        {
            _factory.Time.Advance(TimeSpan.FromHours(1));
            await WaitForRunsAsync(job, start + hour);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/rooms/{plain}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/rooms/{forced}")).StatusCode);
        var closed = await (await _client.GetAsync($"/api/v1/rooms/{withRecordings}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("closed", closed.Str("status"));
        var scheduled = await (await _client.GetAsync($"/api/v1/rooms/{withMeeting}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("delete", scheduled.Str("meetingEndAction"));
        await (await _client.GetAsync($"/api/v1/rooms/{later}")).ExpectAsync(HttpStatusCode.OK);
        await (await _client.GetAsync($"/api/v1/rooms/{never}")).ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task WaitForRunsAsync(Hosting.ExpiredRoomsJob job, int runs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (job.Runs < runs)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
