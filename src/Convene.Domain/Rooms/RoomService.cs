using Convene.Domain.Meetings;
using Convene.Domain.Recordings;
using Microsoft.Extensions.Logging;

namespace Convene.Domain.Rooms;

/// <summary>
/// Room rules that are not HTTP: creation, the deletion matrix of contract §3.5, status and config changes, and the
/// meeting start/end hooks the meeting layer calls.
/// </summary>
public sealed partial class RoomService : IMeetingRoomDirectory
{
    private readonly IRoomRepository _rooms;
    private readonly IRoomRecordings _recordings;
    private readonly IMeetingControl _meetings;
    private readonly TimeProvider _time;
    private readonly ILogger<RoomService> _logger;
    private readonly IRoomEvents[] _events;

    public RoomService(
        IRoomRepository rooms,
        IRoomRecordings recordings,
        IMeetingControl meetings,
        TimeProvider time,
        ILogger<RoomService> logger,
        IEnumerable<IRoomEvents> events)
    {
        _events = events.ToArray();
        _rooms = rooms;
        _recordings = recordings;
        _meetings = meetings;
        _time = time;
        _logger = logger;
    }

    /// <summary>Now in ms since the epoch, from the injected clock.</summary>
    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Room> CreateAsync(RoomCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var room = new Room
        {
            RoomId = RoomIds.NewRoomId(request.RoomName),
            RoomName = request.RoomName,
            CreationDate = NowMs,
            AutoDeletionDate = request.AutoDeletionDate,
            AutoDeletionPolicy = request.AutoDeletionPolicy,
            Config = request.Config.Normalised(),
            ModeratorSecret = RoomIds.NewSecret(),
            SpeakerSecret = RoomIds.NewSecret(),
        };
        await _rooms.AddAsync(room, cancellationToken);
        LogRoomCreated(room.RoomId);
        return room;
    }

    public Task<Room?> FindAsync(string roomId, CancellationToken cancellationToken) => _rooms.FindAsync(roomId, cancellationToken);

    /// <summary>Deletes (or closes, or schedules) a room following the policies (contract §3.5).</summary>
    public async Task<RoomDeletionOutcome> DeleteAsync(string roomId, WithMeetingPolicy withMeeting, WithRecordingsPolicy withRecordings, CancellationToken cancellationToken)
    {
        var room = await _rooms.FindAsync(roomId, cancellationToken);
        if (room is null)
        {
            return new RoomDeletionOutcome(roomId, RoomDeletionCode.RoomNotFound, null);
        }

        var active = room.Status == RoomStatus.ActiveMeeting;
        var hasRecordings = await _recordings.AnyAsync(roomId, cancellationToken);

        if (!active && !hasRecordings)
        {
            await _rooms.DeleteAsync(roomId, cancellationToken);
            return Outcome(RoomDeletionCode.RoomDeleted);
        }

        if (!active)
        {
            switch (withRecordings)
            {
                case WithRecordingsPolicy.Force:
                    await _recordings.DeleteAllAsync(roomId, cancellationToken);
                    await _rooms.DeleteAsync(roomId, cancellationToken);
                    return Outcome(RoomDeletionCode.RoomAndRecordingsDeleted);
                case WithRecordingsPolicy.Close:
                    room.Status = RoomStatus.Closed;
                    room.MeetingEndAction = MeetingEndAction.None;
                    await _rooms.UpdateAsync(room, cancellationToken);
                    return Outcome(RoomDeletionCode.RoomClosed, room);
                default:
                    return Outcome(RoomDeletionCode.RoomHasRecordings);
            }
        }

        if (!hasRecordings)
        {
            return withMeeting switch
            {
                WithMeetingPolicy.Force => await EndNowAsync(room, MeetingEndAction.Delete, RoomDeletionCode.RoomWithActiveMeetingDeleted, cancellationToken),
                WithMeetingPolicy.WhenMeetingEnds => await ScheduleAsync(room, MeetingEndAction.Delete, RoomDeletionCode.RoomWithActiveMeetingScheduledToBeDeleted, cancellationToken),
                _ => Outcome(RoomDeletionCode.RoomHasActiveMeeting),
            };
        }

        return (withMeeting, withRecordings) switch
        {
            (WithMeetingPolicy.Force, WithRecordingsPolicy.Force) =>
                await EndNowAsync(room, MeetingEndAction.Delete, RoomDeletionCode.RoomWithActiveMeetingAndRecordingsDeleted, cancellationToken),
            (WithMeetingPolicy.Force, WithRecordingsPolicy.Close) =>
                await EndNowAsync(room, MeetingEndAction.Close, RoomDeletionCode.RoomWithActiveMeetingClosed, cancellationToken),
            (WithMeetingPolicy.Force, _) => Outcome(RoomDeletionCode.RoomWithActiveMeetingHasRecordings),
            (WithMeetingPolicy.WhenMeetingEnds, WithRecordingsPolicy.Force) =>
                await ScheduleAsync(room, MeetingEndAction.Delete, RoomDeletionCode.RoomWithActiveMeetingAndRecordingsScheduledToBeDeleted, cancellationToken),
            (WithMeetingPolicy.WhenMeetingEnds, WithRecordingsPolicy.Close) =>
                await ScheduleAsync(room, MeetingEndAction.Close, RoomDeletionCode.RoomWithActiveMeetingScheduledToBeClosed, cancellationToken),
            (WithMeetingPolicy.WhenMeetingEnds, _) => Outcome(RoomDeletionCode.RoomWithActiveMeetingHasRecordingsCannotScheduleDeletion),
            _ => Outcome(RoomDeletionCode.RoomWithRecordingsHasActiveMeeting),
        };

        RoomDeletionOutcome Outcome(RoomDeletionCode code, Room? shown = null) => new(roomId, code, shown);
    }

    /// <summary>Opens or closes a room (contract §3.8); closing during a meeting is scheduled for its end.</summary>
    public async Task<(RoomStatusChange Change, Room? Room)> SetStatusAsync(string roomId, RoomStatus status, CancellationToken cancellationToken)
    {
        var room = await _rooms.FindAsync(roomId, cancellationToken);
        if (room is null)
        {
            return (RoomStatusChange.NotFound, null);
        }

        if (room.Status == RoomStatus.ActiveMeeting)
        {
            if (status != RoomStatus.Closed)
            {
                // Contract §13: re-opening during a meeting used to overwrite the live status; refuse instead.
                return (RoomStatusChange.RefusedActiveMeeting, room);
            }

            room.MeetingEndAction = MeetingEndAction.Close;
            await _rooms.UpdateAsync(room, cancellationToken);
            return (RoomStatusChange.ScheduledAtMeetingEnd, room);
        }

        room.Status = status;
        room.MeetingEndAction = MeetingEndAction.None;
        await _rooms.UpdateAsync(room, cancellationToken);
        return (RoomStatusChange.Applied, room);
    }

    /// <summary>Replaces the room's config; refused (false, room) while a meeting is active; (false, null) when missing.</summary>
    public async Task<(bool Updated, Room? Room)> UpdateConfigAsync(string roomId, Func<RoomConfig, RoomConfig> merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var room = await _rooms.FindAsync(roomId, cancellationToken);
        if (room is null)
        {
            return (false, null);
        }

        if (room.Status == RoomStatus.ActiveMeeting)
        {
            return (false, room);
        }

        room.Config = merge(room.Config).Normalised();
        await _rooms.UpdateAsync(room, cancellationToken);
        await _meetings.RoomConfigChangedAsync(roomId, cancellationToken);
        return (true, room);
    }

    /// <summary>Deletes every room whose auto-deletion date has passed, each with its own policy (contract §8).</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        var expired = await _rooms.ListExpiredAsync(NowMs, 1000, cancellationToken);
        foreach (var roomId in expired)
        {
            try
            {
                var room = await _rooms.FindAsync(roomId, cancellationToken);
                if (room is null)
                {
                    continue;
                }

                var outcome = await DeleteAsync(roomId, room.AutoDeletionPolicy.WithMeeting, room.AutoDeletionPolicy.WithRecordings, cancellationToken);
                LogExpiredRoomProcessed(roomId, outcome.WireCode);
                processed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Contract §8: errors per room are swallowed so one bad room does not stop the sweep.
                LogExpiredRoomFailed(roomId, ex);
            }
        }

        return processed;
    }

    async Task<MeetingRoomView?> IMeetingRoomDirectory.FindAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await _rooms.FindAsync(roomId, cancellationToken);
        return room is null
            ? null
            : new MeetingRoomView(
                room.RoomId,
                room.RoomName,
                room.Status == RoomStatus.Closed,
                room.Config.ChatEnabled,
                room.Config.RecordingEnabled,
                room.Config.VirtualBackgroundEnabled,
                room.Config.E2eeEnabled,
                room.ModeratorSecret,
                room.SpeakerSecret);
    }

    public async Task MeetingStartedAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await _rooms.FindAsync(roomId, cancellationToken);
        if (room is null || room.Status == RoomStatus.ActiveMeeting)
        {
            return;
        }

        room.Status = RoomStatus.ActiveMeeting;
        await RaiseAsync(MeetingEventKind.Started, room, cancellationToken);
        await _rooms.UpdateAsync(room, cancellationToken);
        LogMeetingStarted(roomId);
    }

    public async Task MeetingEndedAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await _rooms.FindAsync(roomId, cancellationToken);
        if (room is null)
        {
            return;
        }

        switch (room.MeetingEndAction)
        {
            case MeetingEndAction.Delete:
                // The event carries the room unchanged; the repository's delete commits it with the deletion.
                await RaiseAsync(MeetingEventKind.Ended, room, cancellationToken);
                await _recordings.DeleteAllAsync(roomId, cancellationToken);
                await _rooms.DeleteAsync(roomId, cancellationToken);
                break;
            case MeetingEndAction.Close:
                room.Status = RoomStatus.Closed;
                room.MeetingEndAction = MeetingEndAction.None;
                await RaiseAsync(MeetingEventKind.Ended, room, cancellationToken);
                await _rooms.UpdateAsync(room, cancellationToken);
                break;
            default:
                if (room.Status != RoomStatus.ActiveMeeting)
                {
                    return;
                }

                room.Status = RoomStatus.Open;
                await RaiseAsync(MeetingEventKind.Ended, room, cancellationToken);
                await _rooms.UpdateAsync(room, cancellationToken);
                break;
        }

        LogMeetingEnded(roomId, room.MeetingEndAction);
    }

    private async Task RaiseAsync(MeetingEventKind kind, Room room, CancellationToken cancellationToken)
    {
        foreach (var sink in _events)
        {
            await sink.OnMeetingEventAsync(kind, room, cancellationToken);
        }
    }

    private async Task<RoomDeletionOutcome> ScheduleAsync(Room room, MeetingEndAction action, RoomDeletionCode code, CancellationToken cancellationToken)
    {
        room.MeetingEndAction = action;
        await _rooms.UpdateAsync(room, cancellationToken);
        return new RoomDeletionOutcome(room.RoomId, code, room);
    }

    /// <summary>
    /// Forced deletion/closing: records the end action, asks the meeting layer to end the meeting, and — fixing the
    /// contract's asynchronous quirk (§13) — applies the action here when the meeting layer did not call back.
    /// </summary>
    private async Task<RoomDeletionOutcome> EndNowAsync(Room room, MeetingEndAction action, RoomDeletionCode code, CancellationToken cancellationToken)
    {
        room.MeetingEndAction = action;
        await _rooms.UpdateAsync(room, cancellationToken);
        await _meetings.EndMeetingAsync(room.RoomId, cancellationToken);
        var after = await _rooms.FindAsync(room.RoomId, cancellationToken);
        if (after is not null && (after.Status == RoomStatus.ActiveMeeting || after.MeetingEndAction != MeetingEndAction.None))
        {
            await MeetingEndedAsync(room.RoomId, cancellationToken);
            after = await _rooms.FindAsync(room.RoomId, cancellationToken);
        }

        return new RoomDeletionOutcome(room.RoomId, code, action == MeetingEndAction.Close ? after : null);
    }
}
