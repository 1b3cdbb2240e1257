using System.Collections.Concurrent;
using Convene.Domain.Meetings;
using Convene.Domain.Recordings;
using Convene.Recording;
using Convene.Recording.Composite;
using Convene.Sfu.Api;
using Microsoft.Extensions.Options;
using RecordingEntity = Convene.Domain.Recordings.Recording;

namespace Convene.Server.Recordings;

/// <summary>
/// Runs recordings (contract §3.9, §5): start attaches a <see cref="RoomRecorder"/> to the room's media and answers
/// once media is on disk (status active); stop detaches (ending) and composes the MP4 with a supervised ffmpeg in
/// the background (complete / failed). One recording per room. Every status change goes through
/// <see cref="IRecordingEvents"/> (webhook outbox, same unit of work) before it is saved and through
/// <see cref="IRecordingNotifications"/> (participants' <c>recordingStatus</c>) after, so whoever is told can
/// already read the new state. At start-up, recordings a previous process left running are
/// closed as the stale-recordings job of §8 does: active/starting → aborted, ending → failed.
/// </summary>
internal sealed partial class RecordingLifecycle(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    IRecordingStorage storage,
    TimeProvider time,
    IOptions<RecordingOptions> options,
    ILogger<RecordingLifecycle> logger) : IHostedService, IActiveRecordings, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ActiveRecording> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _background = new();
    private readonly SemaphoreSlim _composites = new(options.Value.MaxConcurrentComposites);
    private readonly CancellationTokenSource _shutdown = new();
    private int _disposed;

    public bool IsRecording(string roomId) => _active.ContainsKey(roomId);

    public string? ActiveRecordingId(string roomId) => _active.TryGetValue(roomId, out var slot) ? slot.RecordingId : null;

    public async Task<(RecordingEntity? Recording, IResult? Error)> StartAsync(string roomId, string roomName, CancellationToken cancellationToken)
    {
        var ffmpeg = FfmpegRunner.Resolve(options.Value.FfmpegPath);
        if (ffmpeg is null)
        {
            return (null, RecordingErrors.RecorderUnavailable(options.Value.FfmpegPath));
        }

        var meetings = services.GetService<IMeetingControl>();
        IMediaRoom? mediaRoom = null;
        if (meetings?.HasActiveMeeting(roomId) != true || services.GetService<IMediaPlane>()?.TryGetRoom(roomId, out mediaRoom) != true)
        {
            return (null, RecordingErrors.NoParticipants(roomId));
        }

        var slot = new ActiveRecording();
        if (!_active.TryAdd(roomId, slot))
        {
            return (null, RecordingErrors.AlreadyRecording(roomId));
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var repository = scope.ServiceProvider.GetRequiredService<IRecordingRepository>();
            var existing = await repository.ListByRoomAsync(roomId, cancellationToken);
            if (existing.Any(r => r.Status is RecordingStatus.Starting or RecordingStatus.Active))
            {
                _active.TryRemove(roomId, out _);
                return (null, RecordingErrors.AlreadyRecording(roomId));
            }

            var id = RecordingIds.NewRecordingId(roomId, out var uid);
            var baseName = RecordingIds.BaseName(roomId, uid);
            var recording = new RecordingEntity
            {
                RecordingId = id,
                RoomId = roomId,
                RoomName = roomName,
                Status = RecordingStatus.Starting,
                Filename = baseName + ".mp4",
                StartDate = NowMs(),
                PublicSecret = Domain.Rooms.RoomIds.NewSecret(),
                PrivateSecret = Domain.Rooms.RoomIds.NewSecret(),
            };
            await RaiseAsync(scope.ServiceProvider, RecordingEventKind.Started, recording, cancellationToken);
            await repository.AddAsync(recording, cancellationToken);
            await NotifyAsync(scope.ServiceProvider, RecordingEventKind.Started, recording, cancellationToken);

            var recorder = new RoomRecorder(mediaRoom!, storage.RoomDirectory(roomId), baseName, time, logger, participantId => meetings.ParticipantName(roomId, participantId));
            slot.Recorder = recorder;
            slot.RecordingId = id;
            recorder.Start();
            LogStarted(logger, id, mediaRoom!.Tracks.Count);

            if (mediaRoom.Tracks.Count > 0)
            {
                var first = await Task.WhenAny(recorder.FirstMedia, Task.Delay(options.Value.StartTimeout, time, cancellationToken));
                if (first != recorder.FirstMedia)
                {
                    await recorder.StopAsync();
                    _active.TryRemove(roomId, out _);
                    recording.Status = RecordingStatus.Failed;
                    recording.Error = "Recording timed out while starting: no media arrived";
                    recording.EndDate = NowMs();
                    await SaveAsync(scope.ServiceProvider, RecordingEventKind.Ended, recording, CancellationToken.None);
                    return (null, RecordingErrors.StartTimedOut(roomId));
                }
            }

            recording.Status = RecordingStatus.Active;
            await SaveAsync(scope.ServiceProvider, RecordingEventKind.Updated, recording, cancellationToken);
            return (recording, null);
        }
        catch
        {
            if (_active.TryRemove(roomId, out var failed) && failed.Recorder is not null)
            {
                await failed.Recorder.StopAsync();
            }

            throw;
        }
    }

    /// <summary>Stops an active recording: ending now, complete/failed once the composite is done.</summary>
    public async Task<(RecordingEntity? Recording, IResult? Error)> StopAsync(RecordingEntity recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        switch (recording.Status)
        {
            case RecordingStatus.Starting:
                return (null, RecordingErrors.StoppingWhileStarting(recording.RecordingId));
            case not RecordingStatus.Active:
                return (null, RecordingErrors.AlreadyStopped(recording.RecordingId));
        }

        if (!_active.TryGetValue(recording.RoomId, out var slot) || slot.RecordingId != recording.RecordingId
            || !_active.TryRemove(new KeyValuePair<string, ActiveRecording>(recording.RoomId, slot)))
        {
            return (null, RecordingErrors.AlreadyStopped(recording.RecordingId));
        }

        await using var scope = scopes.CreateAsyncScope();
        recording.Status = RecordingStatus.Ending;
        recording.EndDate = NowMs();
        recording.Duration = (recording.EndDate - recording.StartDate) / 1000.0;
        await SaveAsync(scope.ServiceProvider, RecordingEventKind.Updated, recording, cancellationToken);
        Track(FinishAsync(recording, slot.Recorder!));
        return (recording, null);
    }

    /// <summary>For forced room deletion: stops the room's recorder without composing and marks the recording aborted.</summary>
    public async Task AbortRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        if (_active.TryRemove(roomId, out var slot) && slot.Recorder is not null)
        {
            await slot.Recorder.StopAsync();
        }

        await using var scope = scopes.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IRecordingRepository>();
        foreach (var recording in await repository.ListByRoomAsync(roomId, cancellationToken))
        {
            if (!RecordingIds.IsFinished(recording.Status))
            {
                recording.Status = RecordingStatus.Aborted;
                recording.EndDate ??= NowMs();
                await SaveAsync(scope.ServiceProvider, RecordingEventKind.Ended, recording, cancellationToken);
            }
        }
    }

    /// <summary>Composites currently running or queued (tests wait on them).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_background.Keys);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IRecordingRepository>();
        var stale = await repository.ListByStatusAsync([RecordingStatus.Starting, RecordingStatus.Active, RecordingStatus.Ending], cancellationToken);
        foreach (var recording in stale)
        {
            var wasEnding = recording.Status == RecordingStatus.Ending;
            recording.Status = wasEnding ? RecordingStatus.Failed : RecordingStatus.Aborted;
            recording.Error = wasEnding
                ? "The server stopped while the recording was being composed; the per-track files are kept"
                : "The server stopped during the recording; the per-track files written so far are kept";
            recording.EndDate ??= NowMs();
            await SaveAsync(scope.ServiceProvider, RecordingEventKind.Ended, recording, cancellationToken);
            LogStale(logger, recording.RecordingId, recording.Status);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_shutdown.IsCancellationRequested)
        {
            await _shutdown.CancelAsync();
        }

        foreach (var (roomId, slot) in _active.ToArray())
        {
            if (_active.TryRemove(roomId, out _) && slot.Recorder is not null)
            {
                await slot.Recorder.StopAsync(); // flush what is queued; the next start marks the row aborted
            }
        }

        await Task.WhenAll(_background.Keys).WaitAsync(TimeSpan.FromSeconds(15), time, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        // DI disposes this instance twice (as itself and as the hosted service it also is).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        _shutdown.Dispose();
        _composites.Dispose();
    }

    private async Task FinishAsync(RecordingEntity recording, RoomRecorder recorder)
    {
        var (tracks, durationMs) = await recorder.StopAsync();
        var directory = storage.RoomDirectory(recording.RoomId);
        var baseName = Path.GetFileNameWithoutExtension(recording.Filename);
        var partial = Path.Combine(directory, baseName + ".partial.mp4");
        var log = Path.Combine(directory, baseName + ".ffmpeg.log");
        int? exit = null;
        var token = _shutdown.Token;
        try
        {
            await _composites.WaitAsync(token);
            try
            {
                var runner = new FfmpegRunner(FfmpegRunner.Resolve(options.Value.FfmpegPath) ?? options.Value.FfmpegPath, time);
                exit = await runner.RunAsync(CompositeArguments.Build(directory, tracks, durationMs, partial, CompositeFont.Find()), log, options.Value.CompositeTimeout, token);
            }
            finally
            {
                _composites.Release();
            }
        }
        catch (OperationCanceledException)
        {
            return; // shutting down: the row stays "ending" and the next start marks it failed
        }

        await using var scope = scopes.CreateAsyncScope();
        if (exit == 0 && File.Exists(partial))
        {
            var final = Path.Combine(directory, recording.Filename);
            File.Move(partial, final, overwrite: true);
            recording.Status = RecordingStatus.Complete;
            recording.Size = new FileInfo(final).Length;
            recording.Duration = durationMs / 1000.0;
        }
        else
        {
            recording.Status = RecordingStatus.Failed;
            recording.Error = exit is null ? "Composing the recording was stopped" : ApiErrorsText(exit.Value);
            File.Delete(partial);
        }

        recording.EndDate = NowMs();
        LogFinished(logger, recording.RecordingId, recording.Status, exit ?? -1);
        await SaveAsync(scope.ServiceProvider, RecordingEventKind.Ended, recording, CancellationToken.None);
    }

    private static string ApiErrorsText(int exit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Composing the recording failed (ffmpeg exit code {exit}); the per-track files are kept");

    private void Track(Task task)
    {
        _background[task] = true;
        _ = task.ContinueWith(t =>
        {
            _background.TryRemove(t, out _);
            if (t.Exception is { } e)
            {
                LogBackgroundFailed(logger, e);
            }
        }, TaskScheduler.Default);
    }

    private static async Task RaiseAsync(IServiceProvider scope, RecordingEventKind kind, RecordingEntity recording, CancellationToken cancellationToken)
    {
        foreach (var sink in scope.GetServices<IRecordingEvents>())
        {
            await sink.OnRecordingEventAsync(kind, recording, cancellationToken);
        }
    }

    /// <summary>
    /// Tells every <see cref="IRecordingNotifications"/>. The change is already saved, so a failing notification is
    /// logged and skipped: it must not fail the HTTP call or the background step that made the change.
    /// </summary>
    private async Task NotifyAsync(IServiceProvider scope, RecordingEventKind kind, RecordingEntity recording, CancellationToken cancellationToken)
    {
        foreach (var notifications in scope.GetServices<IRecordingNotifications>())
        {
            try
            {
                await notifications.RecordingSavedAsync(kind, recording, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotificationFailed(logger, ex, recording.RecordingId, kind);
            }
        }
    }

    /// <summary>Domain events (same unit of work) → save → notify participants.</summary>
    private async Task SaveAsync(IServiceProvider scope, RecordingEventKind kind, RecordingEntity recording, CancellationToken cancellationToken)
    {
        await RaiseAsync(scope, kind, recording, cancellationToken);
        await scope.GetRequiredService<IRecordingRepository>().UpdateAsync(recording, cancellationToken);
        await NotifyAsync(scope, kind, recording, cancellationToken);
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class ActiveRecording
    {
        public string? RecordingId { get; set; }

        public RoomRecorder? Recorder { get; set; }
    }
}
