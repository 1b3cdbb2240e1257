using System.Net;
using System.Net.Http.Json;
using Convene.Domain.Meetings;
using Convene.Domain.Recordings;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Server.Tests;

/// <summary>Every row of the contract's §3.5 deletion table, plus bulk delete (§3.6).</summary>
public sealed class DeletionMatrixTests : IAsyncLifetime
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

    // active, recordings, withMeeting, withRecordings, status, code, room shown, room state after ("gone" or status/action)
    public static TheoryData<bool, bool, string?, string?, int, string, string> Rows() => new()
    {
        { false, false, null, null, 200, "room_deleted", "gone" },
        { false, false, "fail", "fail", 200, "room_deleted", "gone" },
        { true, false, "force", null, 200, "room_with_active_meeting_deleted", "gone" },
        { true, false, "when_meeting_ends", null, 202, "room_with_active_meeting_scheduled_to_be_deleted", "active_meeting/delete" },
        { true, false, "fail", null, 409, "room_has_active_meeting", "active_meeting/none" },
        { true, false, null, null, 409, "room_has_active_meeting", "active_meeting/none" },
        { false, true, null, "force", 200, "room_and_recordings_deleted", "gone" },
        { false, true, null, "close", 200, "room_closed", "closed/none" },
        { false, true, null, "fail", 409, "room_has_recordings", "open/none" },
        { true, true, "force", "force", 200, "room_with_active_meeting_and_recordings_deleted", "gone" },
        { true, true, "force", "close", 200, "room_with_active_meeting_closed", "closed/none" },
        { true, true, "force", "fail", 409, "room_with_active_meeting_has_recordings", "active_meeting/none" },
        { true, true, "when_meeting_ends", "force", 202, "room_with_active_meeting_and_recordings_scheduled_to_be_deleted", "active_meeting/delete" },
        { true, true, "when_meeting_ends", "close", 202, "room_with_active_meeting_scheduled_to_be_closed", "active_meeting/close" },
        { true, true, "when_meeting_ends", "fail", 409, "room_with_active_meeting_has_recordings_cannot_schedule_deletion", "active_meeting/none" },
        { true, true, "fail", "force", 409, "room_with_recordings_has_active_meeting", "active_meeting/none" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Delete_follows_the_policy_matrix(bool active, bool recordings, string? withMeeting, string? withRecordings, int status, string code, string after)
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        if (recordings)
        {
            await _factory.AddRecordingAsync(id);
        }

        if (active)
        {
            await _factory.InScopeAsync(sp => sp.GetRequiredService<IMeetingRoomDirectory>().MeetingStartedAsync(id, CancellationToken.None));
        }

        var query = new List<string>();
        if (withMeeting is not null)
        {
            query.Add("withMeeting=" + withMeeting);
        }

        if (withRecordings is not null)
        {
            query.Add("withRecordings=" + withRecordings);
        }

        var response = await _client.DeleteAsync($"/api/v1/rooms/{id}?" + string.Join('&', query));
        var body = await response.ExpectAsync((HttpStatusCode)status);
        if (status == 409)
        {
            Assert.Equal(code, body.Str("error"));
            Assert.Contains($"'{id}'", body.Str("message"), StringComparison.Ordinal);
            Assert.EndsWith(".", body.Str("message"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(code, body.Str("successCode"));
            Assert.Contains($"'{id}'", body.Str("message"), StringComparison.Ordinal);
            var showsRoom = code is "room_closed" or "room_with_active_meeting_closed" || status == 202;
            Assert.Equal(showsRoom, body.TryGetProperty("room", out _));
        }

        var get = await _client.GetAsync($"/api/v1/rooms/{id}");
        if (after == "gone")
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }
        else
        {
            var room = await get.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(after, room.Str("status") + "/" + room.Str("meetingEndAction"));
        }

        var recordingsLeft = 0;
        await _factory.InScopeAsync(async sp => recordingsLeft = await sp.GetRequiredService<IRoomRecordings>().AnyAsync(id, CancellationToken.None) ? 1 : 0);
        var recordingsDeleted = code.Contains("recordings_deleted", StringComparison.Ordinal) || code == "room_and_recordings_deleted";
        Assert.Equal(recordings && !recordingsDeleted, recordingsLeft == 1);
    }

    [Fact]
    public async Task Exact_messages_of_the_contract()
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        await _factory.AddRecordingAsync(id);
        var conflict = await (await _client.DeleteAsync($"/api/v1/rooms/{id}")).ExpectAsync(HttpStatusCode.Conflict);
        TestJson.AssertError(conflict, "room_has_recordings", $"Room '{id}' cannot be deleted because it has recordings.");
        var closed = await (await _client.DeleteAsync($"/api/v1/rooms/{id}?withRecordings=close")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"Room '{id}' has been closed instead of deleted because it has recordings", closed.Str("message"));
        Assert.Equal("closed", closed.GetProperty("room").Str("status"));
        var deleted = await (await _client.DeleteAsync($"/api/v1/rooms/{id}?withRecordings=force")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"Room '{id}' and its recordings deleted successfully", deleted.Str("message"));
    }

    [Fact]
    public async Task Scheduled_deletion_happens_when_the_meeting_ends()
    {
        var id = (await _client.CreateRoomAsync()).Str("roomId");
        await _factory.InScopeAsync(sp => sp.GetRequiredService<IMeetingRoomDirectory>().MeetingStartedAsync(id, CancellationToken.None));
        await (await _client.DeleteAsync($"/api/v1/rooms/{id}?withMeeting=when_meeting_ends")).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/rooms/{id}")).StatusCode);
        await _factory.InScopeAsync(sp => sp.GetRequiredService<IMeetingRoomDirectory>().MeetingEndedAsync(id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/rooms/{id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_validation_precedes_existence_and_missing_room_is_404()
    {
        var invalid = await (await _client.DeleteAsync("/api/v1/rooms/ghost?withMeeting=maybe")).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(invalid, "withMeeting", "Invalid enum value. Expected 'force' | 'when_meeting_ends' | 'fail', received 'maybe'");
        var invalidRecordings = await (await _client.DeleteAsync("/api/v1/rooms/ghost?withRecordings=x")).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(invalidRecordings, "withRecordings", "Invalid enum value. Expected 'force' | 'close' | 'fail', received 'x'");
        var missing = await (await _client.DeleteAsync("/api/v1/rooms/ghost")).ExpectAsync(HttpStatusCode.NotFound);
        TestJson.AssertError(missing, "Room Error", "Room 'ghost' does not exist");
    }

    [Fact]
    public async Task Bulk_delete_all_successful_including_scheduled()
    {
        var a = (await _client.CreateRoomAsync()).Str("roomId");
        var b = (await _client.CreateRoomAsync()).Str("roomId");
        await _factory.InScopeAsync(sp => sp.GetRequiredService<IMeetingRoomDirectory>().MeetingStartedAsync(b, CancellationToken.None));
        var body = await (await _client.DeleteAsync($"/api/v1/rooms?roomIds={a},%20{b},{a}&withMeeting=when_meeting_ends")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("All rooms successfully processed for deletion", body.Str("message"));
        var successful = body.GetProperty("successful").EnumerateArray().ToList();
        Assert.Equal(2, successful.Count);
        Assert.Equal("room_deleted", successful[0].Str("successCode"));
        Assert.Equal("room_with_active_meeting_scheduled_to_be_deleted", successful[1].Str("successCode"));
        Assert.Equal("active_meeting", successful[1].GetProperty("room").Str("status"));
        Assert.False(body.TryGetProperty("failed", out _));
    }

    [Fact]
    public async Task Bulk_delete_with_failures_is_400_with_both_lists()
    {
        var a = (await _client.CreateRoomAsync()).Str("roomId");
        var b = (await _client.CreateRoomAsync()).Str("roomId");
        await _factory.AddRecordingAsync(b);
        var body = await (await _client.DeleteAsync($"/api/v1/rooms?roomIds={a}&roomIds={b},ghost")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("2 room(s) failed to process while deleting", body.Str("message"));
        Assert.Equal(a, Assert.Single(body.GetProperty("successful").EnumerateArray()).Str("roomId"));
        var failed = body.GetProperty("failed").EnumerateArray().ToList();
        Assert.Equal("room_has_recordings", failed.Single(f => f.Str("roomId") == b).Str("error"));
        var ghost = failed.Single(f => f.Str("roomId") == "ghost");
        Assert.Equal("Room Error", ghost.Str("error"));
        Assert.Equal("Room 'ghost' does not exist", ghost.Str("message"));
    }

    [Theory]
    [InlineData("roomIds=%20,@@,,", "roomIds", "At least one valid roomId is required after sanitization")]
    [InlineData("", "roomIds", "Required")]
    [InlineData("roomIds=a&withRecordings=never", "withRecordings", "Invalid enum value. Expected 'force' | 'close' | 'fail', received 'never'")]
    public async Task Bulk_delete_validation(string query, string field, string message)
    {
        var body = await (await _client.DeleteAsync("/api/v1/rooms?" + query)).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, field, message);
    }
}
