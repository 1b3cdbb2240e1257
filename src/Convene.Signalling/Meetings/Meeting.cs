using Convene.Domain.Meetings;
using Convene.Domain.Members;
using Convene.Sfu.Api;
using Convene.Signalling.Protocol;
using Microsoft.Extensions.Logging;

namespace Convene.Signalling.Meetings;

/// <summary>
/// One running meeting of one room on this node: its participants, their media peers and the events between them.
/// Every state change runs under <see cref="_gate"/>; sending never blocks (bounded per-session queues), so the
/// gate is held only for in-memory work and the media plane's synchronous control calls.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate's wait handle is never materialised; a SemaphoreSlim without it holds no unmanaged resource.")]
internal sealed partial class Meeting
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Participant> _participants = [];

    /// <summary>Everyone who joined, id → display name; read without the gate (e.g. by the recorder).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly IMediaRoom _media;
    private readonly MeetingRegistry _registry;
    private readonly MeetingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private IParticipantConnection[] _connected = [];
    private MeetingRoomView _room;
    private ITimer? _departureTimer;
    private bool _terminated;

    public Meeting(MeetingRoomView room, IMediaRoom media, MeetingRegistry registry, MeetingOptions options, TimeProvider time, ILogger logger)
    {
        _room = room;
        _media = media;
        _registry = registry;
        _options = options;
        _time = time;
        _logger = logger;
        StartedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        _media.ActiveSpeakersChanged += OnActiveSpeakersChanged;

        // Armed until the first join succeeds, so a meeting whose first join failed still ends.
        ConnectionsChangedLocked();
    }

    public string RoomId => _room.RoomId;

    public long StartedAt { get; }

    /// <summary>The display name of someone who joined this meeting; null for an unknown id.</summary>
    public string? NameOf(string participantId) => _names.GetValueOrDefault(participantId);

    /// <summary>Participants with a live socket.</summary>
    public int ConnectedCount => Volatile.Read(ref _connected).Length;

    public async Task<JoinResult> JoinAsync(RoomMember member, IParticipantConnection connection, bool reconnect, string? requestId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_terminated)
            {
                return JoinResult.Fail(ErrorCodes.RoomNotFound, "The meeting has ended", CloseCodes.RoomNotFound);
            }

            var existing = Find(member.ParticipantId!);
            Participant participant;
            if (existing is not null && reconnect)
            {
                participant = existing;
                await ReplaceSessionLockedAsync(participant, connection);
                LogReconnected(RoomId, participant.Id);
            }
            else
            {
                if (existing is not null)
                {
                    // Same identity joining again without reconnect: the newer session wins, visibly.
                    await RemoveLockedAsync(existing, LeaveReasons.Unknown, LeaveReasons.Unknown);
                }

                if (_room.IsClosed)
                {
                    return JoinResult.Fail(ErrorCodes.RoomClosed, $"Room '{RoomId}' is closed and cannot be joined", CloseCodes.RoomClosed);
                }

                IMediaPeer peer;
                try
                {
                    peer = _media.CreatePeer(member.ParticipantId!);
                }
                catch (InvalidOperationException ex)
                {
                    LogPeerRefused(RoomId, member.ParticipantId!, ex.Message);
                    return JoinResult.Fail(ErrorCodes.RoomNotFound, "The meeting's media room is closed", CloseCodes.RoomNotFound);
                }

                participant = new Participant(member, Now(), peer) { Connection = connection };
                var joinedEvent = new ParticipantJoinedEvent(participant.ToInfo());
                foreach (var other in _participants)
                {
                    other.Connection?.Send(joinedEvent);
                }

                _participants.Add(participant);
                _names[participant.Id] = participant.Name;
                LogJoined(RoomId, participant.Id, participant.Role);
            }

            connection.Send(new JoinedEvent(
                participant.ToInfo(),
                [.. _participants.Where(p => p != participant).Select(p => p.ToInfo())],
                new RoomInfo(_room.RoomId, _room.RoomName, RoomConfigInfo.From(_room)),
                new MeetingInfo(StartedAt, Recording: IsRecordingLocked),
                (long)_options.DepartureTimeout.TotalMilliseconds) { RequestId = requestId });

            foreach (var other in _participants)
            {
                if (other == participant)
                {
                    continue;
                }

                foreach (var track in other.Tracks)
                {
                    participant.Peer.Subscribe(track.Track);
                }
            }

            SendRecordingStateLocked(participant);
            SendSubscribeOfferIfNeeded(participant);
            ConnectionsChangedLocked();
            return new JoinResult(this, participant, null, null, 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The participant's socket went away without <c>leave</c>: keep their place for a silent reconnect.</summary>
    public async Task ConnectionLostAsync(Participant participant, IParticipantConnection connection)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (participant.Removed || participant.Connection != connection || _terminated)
            {
                return;
            }

            participant.Connection = null;
            participant.ReconnectTimer?.Dispose();
            participant.ReconnectTimer = _time.CreateTimer(
                _ => _registry.Background.Run(() => ReconnectExpiredAsync(participant)), null, _options.DepartureTimeout, Timeout.InfiniteTimeSpan);
            LogConnectionLost(RoomId, participant.Id);
            ConnectionsChangedLocked();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes a participant on its own request, a kick, or an expired reconnect window.</summary>
    public async Task<MeetingActionResult> RemoveAsync(string participantId, string? selfReason, string othersReason, RoomMember? actor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var target = Find(participantId);
            if (target is null || _terminated)
            {
                return MeetingActionResult.ParticipantNotFound;
            }

            if (actor is not null && target.IsOriginalModerator && actor.ParticipantId != target.Id)
            {
                return MeetingActionResult.Forbidden;
            }

            await RemoveLockedAsync(target, selfReason, othersReason);
            return MeetingActionResult.Done;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ends the meeting for everyone: <c>left</c> with a reason per participant, sockets closed, media released.</summary>
    public async Task TerminateAsync(Func<Participant, string> reason)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_terminated)
            {
                return;
            }

            _terminated = true;
            _media.ActiveSpeakersChanged -= OnActiveSpeakersChanged;
            _departureTimer?.Dispose();
            foreach (var participant in _participants)
            {
                participant.Removed = true;
                participant.ReconnectTimer?.Dispose();
                participant.Connection?.Close(new LeftEvent(reason(participant)), CloseCodes.Normal, "meeting over");
                participant.Connection = null;
                await participant.Peer.DisposeAsync();
            }

            _participants.Clear();
            Volatile.Write(ref _connected, []);
            await _media.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UpdateRoomAsync(MeetingRoomView room, bool announce)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            _room = room;
            if (announce)
            {
                Broadcast(new RoomConfigUpdatedEvent(RoomConfigInfo.From(room)), except: null);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether nobody is connected (the departure timer decides the rest).</summary>
    public bool IsDeserted => Volatile.Read(ref _connected).Length == 0;

    private async Task ReconnectExpiredAsync(Participant participant)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!participant.Removed && participant.Connection is null && !_terminated)
            {
                await RemoveLockedAsync(participant, null, LeaveReasons.NetworkDisconnect);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReplaceSessionLockedAsync(Participant participant, IParticipantConnection connection)
    {
        participant.ReconnectTimer?.Dispose();
        participant.ReconnectTimer = null;
        participant.Connection?.Close(null, CloseCodes.Normal, "replaced by a reconnect");
        participant.Connection = connection;

        // The browser comes back with new peer connections: drop the old media endpoint and its tracks.
        UnpublishFromOthers(participant, participant.Tracks.Select(t => t.Track.TrackId).ToList(), announce: true);
        participant.Tracks = [];
        await participant.Peer.DisposeAsync();
        participant.Peer = _media.CreatePeer(participant.Id);
        foreach (var other in _participants)
        {
            if (other != participant)
            {
                other.Connection?.Send(new ParticipantUpdatedEvent(participant.ToInfo()));
            }
        }
    }

    private async Task RemoveLockedAsync(Participant participant, string? selfReason, string othersReason)
    {
        participant.Removed = true;
        participant.ReconnectTimer?.Dispose();
        participant.ReconnectTimer = null;
        _participants.Remove(participant);
        if (participant.Connection is { } connection)
        {
            connection.Close(selfReason is null ? null : new LeftEvent(selfReason), CloseCodes.Normal, selfReason ?? othersReason);
            participant.Connection = null;
        }

        UnpublishFromOthers(participant, participant.Tracks.Select(t => t.Track.TrackId).ToList(), announce: false);
        Broadcast(new ParticipantLeftEvent(participant.Id, othersReason), except: null);
        foreach (var other in _participants)
        {
            SendSubscribeOfferIfNeeded(other);
        }

        await participant.Peer.DisposeAsync();
        LogLeft(RoomId, participant.Id, othersReason);
        ConnectionsChangedLocked();
    }

    private void ConnectionsChangedLocked()
    {
        var connected = _participants.Where(p => p.Connection is not null).Select(p => p.Connection!).ToArray();
        Volatile.Write(ref _connected, connected);
        if (connected.Length > 0)
        {
            _departureTimer?.Dispose();
            _departureTimer = null;
        }
        else if (_departureTimer is null && !_terminated)
        {
            _departureTimer = _time.CreateTimer(
                _ => _registry.Background.Run(() => _registry.EndIfDesertedAsync(this)), null, _options.DepartureTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    private Participant? Find(string participantId) => _participants.Find(p => p.Id == participantId);

    private void Broadcast(ServerMessage message, Participant? except)
    {
        foreach (var participant in _participants)
        {
            if (participant != except)
            {
                participant.Connection?.Send(message);
            }
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void OnActiveSpeakersChanged(object? sender, ActiveSpeakersEventArgs e)
    {
        var message = new ActiveSpeakersEvent([.. e.Speakers.Select(s => new SpeakerInfo(s.ParticipantId, Math.Clamp(s.Level, 0, 1)))]);
        foreach (var connection in Volatile.Read(ref _connected))
        {
            connection.Send(message);
        }
    }
}
