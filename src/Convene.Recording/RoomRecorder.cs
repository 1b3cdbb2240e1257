using System.Text.Json;
using Convene.Sfu.Api;
using Microsoft.Extensions.Logging;

namespace Convene.Recording;

/// <summary>
/// Records a media room as an SFU consumer: one <see cref="TrackRecorder"/> per VP8/Opus track published now or
/// later, each into <c>{baseName}.trackNN.{kind}.webm</c>, and a manifest <c>{baseName}.tracks.json</c> (rewritten
/// atomically whenever a track starts or ends) saying where each file sits on the recording's timeline.
/// </summary>
public sealed partial class RoomRecorder : IAsyncDisposable
{
    private readonly IMediaRoom _room;
    private readonly string _directory;
    private readonly string _baseName;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly List<TrackRecorder> _recorders = [];
    private readonly Dictionary<string, RecordedTrack> _finished = [];
    private readonly List<Task> _stopping = [];
    private readonly TaskCompletionSource _firstMedia = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, string?>? _participantName;
    private long _start;
    private bool _stopped;
    private long? _durationMs;

    /// <param name="participantName">The display name of a participant id, if known (kept in the manifest).</param>
    public RoomRecorder(IMediaRoom room, string directory, string baseName, TimeProvider time, ILogger logger, Func<string, string?>? participantName = null)
    {
        ArgumentNullException.ThrowIfNull(room);
        _participantName = participantName;
        _room = room;
        _directory = directory;
        _baseName = baseName;
        _time = time;
        _logger = logger;
    }

    /// <summary>Completes when the first frame of any track is on disk.</summary>
    public Task FirstMedia => _firstMedia.Task;

    public string ManifestPath => Path.Combine(_directory, _baseName + ".tracks.json");

    /// <summary>Starts recording every current and future track.</summary>
    public void Start()
    {
        Directory.CreateDirectory(_directory);
        _start = _time.GetTimestamp();
        _room.TrackPublished += OnTrackPublished;
        _room.TrackUnpublished += OnTrackUnpublished;
        foreach (var track in _room.Tracks)
        {
            AddTrack(track);
        }

        WriteManifest();
    }

    /// <summary>Stops every track recorder, writes the final manifest and returns the tracks and the duration in ms.</summary>
    public async Task<(IReadOnlyList<RecordedTrack> Tracks, long DurationMs)> StopAsync()
    {
        List<TrackRecorder> live;
        lock (_lock)
        {
            if (!_stopped)
            {
                _stopped = true;
                _durationMs = (long)_time.GetElapsedTime(_start).TotalMilliseconds;
                _room.TrackPublished -= OnTrackPublished;
                _room.TrackUnpublished -= OnTrackUnpublished;
            }

            live = [.. _recorders];
        }

        foreach (var recorder in live)
        {
            var track = await recorder.StopAsync();
            lock (_lock)
            {
                // A track still published when the recording stops stays on the timeline until the end: its last
                // frames arrive a little before the stop (delivery and frame pacing), and the composite holds the
                // last frame rather than showing an empty cell.
                if (!_finished.ContainsKey(track.TrackId))
                {
                    _finished[track.TrackId] = track.EndOffsetMs is { } end && _durationMs is { } duration && end < duration
                        ? track with { EndOffsetMs = duration }
                        : track;
                }
            }
        }

        Task[] pending;
        lock (_lock)
        {
            pending = [.. _stopping];
        }

        await Task.WhenAll(pending);
        WriteManifest();
        return (Tracks(), _durationMs ?? 0);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The tracks as known now (finished ones final, live ones as a snapshot).</summary>
    public IReadOnlyList<RecordedTrack> Tracks()
    {
        lock (_lock)
        {
            return [.. _recorders.Select(r => _finished.TryGetValue(r.TrackId, out var done) ? done : r.Snapshot())];
        }
    }

    /// <summary>Reads a manifest written by a recorder (e.g. after a crash); null when absent or unreadable.</summary>
    public static IReadOnlyList<RecordedTrack>? ReadManifest(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), RecordingJsonContext.Default.RecordedTrackArray) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void OnTrackPublished(object? sender, MediaTrackEventArgs e) => AddTrack(e.Track);

    private void OnTrackUnpublished(object? sender, MediaTrackEventArgs e)
    {
        TrackRecorder? recorder;
        lock (_lock)
        {
            recorder = _recorders.FirstOrDefault(r => r.TrackId == e.Track.TrackId && !_finished.ContainsKey(r.TrackId));
            if (recorder is null || _stopped)
            {
                return;
            }

            _stopping.Add(FinishAsync(recorder));
        }
    }

    private async Task FinishAsync(TrackRecorder recorder)
    {
        var track = await recorder.StopAsync();
        lock (_lock)
        {
            _finished[track.TrackId] = track;
        }

        WriteManifest();
    }

    private void AddTrack(IMediaTrack track)
    {
        if (!TrackRecorder.Supports(track.CodecName))
        {
            LogUnsupportedCodec(_logger, track.TrackId, track.CodecName);
            return;
        }

        lock (_lock)
        {
            if (_stopped || _recorders.Any(r => r.TrackId == track.TrackId))
            {
                return;
            }

            var kind = track.Kind == MediaKind.Video ? "video" : "audio";
            var file = Path.Combine(_directory, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_baseName}.track{_recorders.Count:D2}.{kind}.webm"));
            var recorder = new TrackRecorder(track, file, _start, _time, _logger, OnFirstFrame, _participantName?.Invoke(track.ParticipantId));
            _recorders.Add(recorder);
            try
            {
                recorder.Start();
            }
            catch (IOException e)
            {
                LogTrackStartFailed(_logger, track.TrackId, e);
            }
        }
    }

    private void OnFirstFrame(TrackRecorder recorder)
    {
        _firstMedia.TrySetResult();
        WriteManifest();
    }

    private void WriteManifest()
    {
        lock (_lock)
        {
            var tracks = _recorders.Select(r => _finished.TryGetValue(r.TrackId, out var done) ? done : r.Snapshot()).ToArray();
            var temp = ManifestPath + ".tmp";
            try
            {
                File.WriteAllText(temp, JsonSerializer.Serialize(tracks, RecordingJsonContext.Default.RecordedTrackArray));
                File.Move(temp, ManifestPath, overwrite: true);
            }
            catch (IOException e)
            {
                LogManifestFailed(_logger, ManifestPath, e);
            }
        }
    }
}
