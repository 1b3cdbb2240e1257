using Convene.Rtp;

namespace Convene.Sfu.Media;

/// <summary>
/// Smooths RFC 6464 audio levels per participant and reports the ordered set of speakers at most every
/// <see cref="Interval"/> (≤ 4 events/s), only when that set or its order changed. Silence (DTX: no packets)
/// decays the level. Worker-thread only.
/// </summary>
internal sealed class ActiveSpeakerDetector(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Smoothed level (0..127, 127 = 0 dBov) above which a participant counts as speaking.</summary>
    public const double SpeakingThreshold = 127 - 55;

    /// <summary>No audio packets for this long (DTX, mute) starts fading the level out.</summary>
    public static readonly TimeSpan SilenceTimeout = TimeSpan.FromMilliseconds(500);

    private const double Smoothing = 0.3;
    private readonly Dictionary<string, Speaker> _speakers = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _lastReported = [];
    private long _lastEvaluation = time.GetTimestamp();

    public void OnAudioLevel(string participantId, AudioLevel level)
    {
        if (!_speakers.TryGetValue(participantId, out var speaker))
        {
            speaker = new Speaker();
            _speakers[participantId] = speaker;
        }

        var loudness = 127 - level.LevelDbov;
        speaker.Level += Smoothing * (loudness - speaker.Level);
        speaker.LastHeard = time.GetTimestamp();
    }

    public void Remove(string participantId) => _speakers.Remove(participantId);

    /// <summary>Returns the new speaker list when it is time to evaluate and it changed; otherwise null.</summary>
    public IReadOnlyList<(string ParticipantId, double Level)>? Evaluate()
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_lastEvaluation, now) < Interval)
        {
            return null;
        }

        _lastEvaluation = now;
        var speaking = new List<(string ParticipantId, double Level)>();
        foreach (var (id, speaker) in _speakers)
        {
            if (time.GetElapsedTime(speaker.LastHeard, now) > SilenceTimeout)
            {
                speaker.Level *= 0.5; // no packets (DTX or muted) → fade out
            }

            if (speaker.Level >= SpeakingThreshold)
            {
                speaking.Add((id, Math.Pow(10, -(127 - speaker.Level) / 20.0)));
            }
        }

        speaking.Sort((a, b) => b.Level.CompareTo(a.Level));
        var ids = speaking.ConvertAll(s => s.ParticipantId);
        if (ids.SequenceEqual(_lastReported, StringComparer.Ordinal))
        {
            return null;
        }

        _lastReported = ids;
        return speaking;
    }

    private sealed class Speaker
    {
        public double Level { get; set; }

        public long LastHeard { get; set; }
    }
}
