using Convene.Domain.Meetings;
using Convene.Domain.Members;
using Convene.Domain.Recordings;
using Convene.Sfu.Api;
using Convene.Signalling.Meetings;
using Convene.Signalling.Protocol;
using Microsoft.Extensions.Logging;

namespace Convene.Signalling;

/// <summary>
/// The meetings running on this node, one per room. A meeting starts with the first join of a room and ends when a
/// moderator or the API ends it, or when nobody has been connected for <see cref="MeetingOptions.DepartureTimeout"/>.
/// Starting and ending are serialised by one gate (taken before any meeting's own gate), so a room never has two
/// meetings and <see cref="IMeetingRoomDirectory"/> sees start/end strictly alternating.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate's wait handle is never materialised; it is left undisposed so late callers never hit ObjectDisposedException.")]
public sealed partial class MeetingRegistry : IMeetingControl, IAsyncDisposable
{
    private readonly SemaphoreSlim _transitions = new(1, 1);
    private readonly Dictionary<string, Meeting> _meetings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordingStatusEvent> _recordings = new(StringComparer.Ordinal);
    private readonly IMeetingRoomDirectory _directory;
    private readonly IMediaPlane _mediaPlane;
    private readonly MeetingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MeetingRegistry> _logger;
    private bool _shutDown;

    public MeetingRegistry(IMeetingRoomDirectory directory, IMediaPlane mediaPlane, MeetingOptions options, TimeProvider time, ILogger<MeetingRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DepartureTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DepartureTimeout must be positive");
        }

        _directory = directory;
        _mediaPlane = mediaPlane;
        _options = options;
        _time = time;
        _logger = logger;
    }

    internal BackgroundWork Background { get; } = new();

    public string? ParticipantName(string roomId, string participantId) => TryGet(roomId)?.NameOf(participantId);

    public bool HasActiveMeeting(string roomId)
    {
        lock (_meetings)
        {
            return _meetings.ContainsKey(roomId);
        }
    }

    /// <inheritdoc/>
    public Task EndMeetingAsync(string roomId, CancellationToken cancellationToken) =>
        EndMeetingAsync(roomId, endedBy: null, cancellationToken);

    /// <summary>
    /// Ends the room's meeting: everyone gets <c>left{meeting_ended}</c>, except <paramref name="endedBy"/> who gets
    /// <c>meeting_ended_by_self</c>. Succeeds when there is no meeting.
    /// </summary>
    public async Task EndMeetingAsync(string roomId, string? endedBy, CancellationToken cancellationToken)
    {
        await _transitions.WaitAsync(cancellationToken);
        try
        {
            var meeting = TryGet(roomId);
            if (meeting is not null)
            {
                await EndLockedAsync(meeting, p => p.Id == endedBy ? LeaveReasons.MeetingEndedBySelf : LeaveReasons.MeetingEnded, "ended");
            }
        }
        finally
        {
            _transitions.Release();
        }
    }

    /// <inheritdoc/>
    public async Task RoomConfigChangedAsync(string roomId, CancellationToken cancellationToken)
    {
        var meeting = TryGet(roomId);
        if (meeting is null)
        {
            return;
        }

        var room = await _directory.FindAsync(roomId, cancellationToken);
        if (room is not null)
        {
            await meeting.UpdateRoomAsync(room, announce: true);
        }
    }

    /// <summary>
    /// A recording of the room changed status: the room's meeting (if any) announces <c>recordingStatus</c>, and a
    /// running recording is remembered for participants who join later, even in a meeting that starts afterwards.
    /// </summary>
    public async Task RecordingStatusChangedAsync(string roomId, RecordingStatus status, string recordingId, long? startedAt)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        var message = new RecordingStatusEvent(RecordingWireStatus.From(status), recordingId, startedAt);
        Meeting? meeting;
        lock (_meetings)
        {
            if (RecordingWireStatus.IsRunning(message.Status))
            {
                _recordings[roomId] = message;
            }
            else
            {
                _recordings.Remove(roomId);
            }

            meeting = _meetings.GetValueOrDefault(roomId);
        }

        if (meeting is not null)
        {
            await meeting.RecordingStatusChangedAsync(message);
        }
    }

    /// <summary>Removes a participant at a moderator's request (<c>participant_kicked</c>).</summary>
    public async Task<MeetingActionResult> KickAsync(string roomId, string participantId, RoomMember actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var meeting = TryGet(roomId);
        return meeting is null
            ? MeetingActionResult.ParticipantNotFound
            : await meeting.RemoveAsync(participantId, LeaveReasons.ParticipantKicked, LeaveReasons.ParticipantKicked, actor, cancellationToken);
    }

    /// <summary>Changes a participant's role at a moderator's request.</summary>
    public async Task<MeetingActionResult> ChangeRoleAsync(string roomId, string participantId, MeetingRole role, RoomMember actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var meeting = TryGet(roomId);
        return meeting is null
            ? MeetingActionResult.ParticipantNotFound
            : await meeting.ChangeRoleAsync(participantId, role, actor, cancellationToken);
    }

    /// <summary>Whether <paramref name="participantId"/> is in the room's meeting now.</summary>
    public async Task<bool> HasParticipantAsync(string roomId, string participantId, CancellationToken cancellationToken)
    {
        var meeting = TryGet(roomId);
        return meeting is not null && await meeting.ContainsAsync(participantId, cancellationToken);
    }

    /// <summary>Ends every meeting with <c>server_shutdown</c> and waits for the work that timers started.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await _transitions.WaitAsync(cancellationToken);
        try
        {
            _shutDown = true;
            foreach (var meeting in Snapshot())
            {
                await EndLockedAsync(meeting, _ => LeaveReasons.ServerShutdown, "server shutdown");
            }
        }
        finally
        {
            _transitions.Release();
        }

        await Background.DrainAsync();
    }

    /// <summary>Same as <see cref="ShutdownAsync"/>; idempotent (the container may hold this instance under two services).</summary>
    public async ValueTask DisposeAsync() => await ShutdownAsync(CancellationToken.None);

    internal async Task<JoinResult> JoinAsync(RoomMember member, IParticipantConnection connection, bool reconnect, string? requestId, CancellationToken cancellationToken)
    {
        await _transitions.WaitAsync(cancellationToken);
        try
        {
            if (_shutDown)
            {
                return JoinResult.Fail(ErrorCodes.RoomNotFound, "The server is shutting down", CloseCodes.RoomNotFound);
            }

            var room = await _directory.FindAsync(member.RoomId, cancellationToken);
            if (room is null)
            {
                return JoinResult.Fail(ErrorCodes.RoomNotFound, $"Room '{member.RoomId}' does not exist", CloseCodes.RoomNotFound);
            }

            var meeting = TryGet(member.RoomId);
            if (meeting is null)
            {
                if (room.IsClosed)
                {
                    return JoinResult.Fail(ErrorCodes.RoomClosed, $"Room '{room.RoomId}' is closed and cannot be joined", CloseCodes.RoomClosed);
                }

                meeting = new Meeting(room, _mediaPlane.GetOrCreateRoom(room.RoomId), this, _options, _time, _logger);
                await _directory.MeetingStartedAsync(room.RoomId, cancellationToken);
                lock (_meetings)
                {
                    meeting.InitialRecording(_recordings.GetValueOrDefault(room.RoomId));
                    _meetings[room.RoomId] = meeting;
                }

                LogMeetingStarted(room.RoomId);
            }
            else
            {
                await meeting.UpdateRoomAsync(room, announce: false);
            }

            return await meeting.JoinAsync(member, connection, reconnect, requestId, cancellationToken);
        }
        finally
        {
            _transitions.Release();
        }
    }

    /// <summary>Departure timer: ends the meeting if still nobody is connected.</summary>
    internal async Task EndIfDesertedAsync(Meeting meeting)
    {
        await _transitions.WaitAsync(CancellationToken.None);
        try
        {
            if (TryGet(meeting.RoomId) == meeting && meeting.IsDeserted)
            {
                await EndLockedAsync(meeting, _ => LeaveReasons.MeetingEnded, "departure timeout");
            }
        }
        finally
        {
            _transitions.Release();
        }
    }

    private async Task EndLockedAsync(Meeting meeting, Func<Participant, string> reason, string why)
    {
        lock (_meetings)
        {
            _meetings.Remove(meeting.RoomId);
        }

        await meeting.TerminateAsync(reason);
        LogMeetingEnded(meeting.RoomId, why);
        try
        {
            await _directory.MeetingEndedAsync(meeting.RoomId, CancellationToken.None);
        }
        catch (ObjectDisposedException) when (_shutDown)
        {
            // the host is already torn down; the room status is reconciled at the next start
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMeetingEndedFailed(ex, meeting.RoomId);
        }
    }

    private Meeting? TryGet(string roomId)
    {
        lock (_meetings)
        {
            return _meetings.GetValueOrDefault(roomId);
        }
    }

    private List<Meeting> Snapshot()
    {
        lock (_meetings)
        {
            return [.. _meetings.Values];
        }
    }
}
