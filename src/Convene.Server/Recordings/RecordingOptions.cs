using System.ComponentModel.DataAnnotations;

namespace Convene.Server.Recordings;

/// <summary>Settings under <c>Convene:Recording</c>.</summary>
public sealed record RecordingOptions
{
    public const string Section = "Convene:Recording";

    /// <summary>ffmpeg executable: a name looked up on PATH or an absolute path. Missing → starting a recording answers 503.</summary>
    [Required]
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>How long a start waits for the first media on disk before failing with 503 (contract: 20 s).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound for composing one recording's MP4.</summary>
    public TimeSpan CompositeTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Composites that may run at once (each is an ffmpeg using the CPU fully).</summary>
    [Range(1, 16)]
    public int MaxConcurrentComposites { get; init; } = 1;
}
