using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Domain.Webhooks;
using Convene.Server.Config;
using Convene.Server.Recordings;
using Convene.Server.Rooms;

namespace Convene.Server.Webhooks;

/// <summary>
/// Turns meeting and recording events into outbox rows (contract §6.1 payloads) in the caller's unit of work, when
/// webhooks are enabled. Scoped: it shares the scope's database context with the repository that saves the change.
/// </summary>
internal sealed class WebhookEventSink(IWebhookOutbox outbox, GlobalConfigStore config, WebhookJson json, WebhookBaseUrl baseUrl, TimeProvider time)
    : IRoomEvents, IRecordingEvents
{
    public async Task OnMeetingEventAsync(MeetingEventKind kind, Room room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        var name = kind == MeetingEventKind.Started ? "meetingStarted" : "meetingEnded";
        await EnqueueAsync(name, room.RoomId, now => json.Body(name, now, RoomMapper.ToDto(room, baseUrl.Value)), cancellationToken);
    }

    public async Task OnRecordingEventAsync(RecordingEventKind kind, Domain.Recordings.Recording recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var name = kind switch
        {
            RecordingEventKind.Started => "recordingStarted",
            RecordingEventKind.Updated => "recordingUpdated",
            _ => "recordingEnded",
        };
        await EnqueueAsync(name, recording.RoomId, now => json.Body(name, now, RecordingMapper.ToDto(recording)), cancellationToken);
    }

    private async Task EnqueueAsync(string name, string roomId, Func<long, string> body, CancellationToken cancellationToken)
    {
        if (!(await config.GetWebhooksAsync(cancellationToken)).Enabled)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        outbox.Add(new WebhookDelivery
        {
            EventId = "evt_" + Guid.NewGuid().ToString("N"),
            Event = name,
            RoomId = roomId,
            Body = body(now),
            Status = WebhookDeliveryStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
