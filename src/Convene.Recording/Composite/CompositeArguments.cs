using System.Globalization;
using System.Text;

namespace Convene.Recording.Composite;

/// <summary>
/// Builds the ffmpeg arguments for the composite MP4: a black 1280×720 canvas onto which each layout segment's
/// tiles are overlaid (a video tile is a trimmed, time-shifted, letterboxed piece of its track that holds its last
/// frame to the end of the segment; a participant heard without video gets a slate tile with their name), the audio
/// tracks delayed to their offsets, gap-filled and mixed; H.264 (libx264 veryfast) + AAC, <c>+faststart</c>.
/// </summary>
public static class CompositeArguments
{
    /// <summary>The name tiles' background (a dark slate, far from black so that a name tile never reads as a gap).</summary>
    public const string NameTileColour = "0x2b3040";

    /// <param name="fontFile">A TrueType font for the names on name tiles (<see cref="CompositeFont.Find"/>); without one
    /// the tiles carry no text.</param>
    public static IReadOnlyList<string> Build(string directory, IReadOnlyList<RecordedTrack> tracks, long durationMs, string outputPath, string? fontFile = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var videos = tracks.Where(t => t.IsVideo && t.StartOffsetMs is not null && t.Frames > 0).ToList();
        var audios = tracks.Where(t => !t.IsVideo && t.StartOffsetMs is not null && t.Frames > 0).ToList();
        var segments = GridLayout.Plan(tracks, durationMs);
        var duration = Seconds(Math.Max(durationMs, 100));

        var args = new List<string> { "-hide_banner", "-nostats", "-loglevel", "info", "-y" };
        foreach (var track in videos.Concat(audios))
        {
            args.AddRange(["-i", Path.Combine(directory, track.FileName)]);
        }

        var graph = new StringBuilder();
        var uses = videos.ToDictionary(v => v.FileName, v => segments.Count(s => s.Cells.Any(c => c.Track.FileName == v.FileName)));
        for (var i = 0; i < videos.Count; i++)
        {
            var n = uses[videos[i].FileName];
            if (n == 0)
            {
                continue;
            }

            graph.Append(Inv($"[{i}:v]split={n}"));
            for (var k = 0; k < n; k++)
            {
                graph.Append(Inv($"[v{i}_{k}]"));
            }

            graph.Append(';');
        }

        graph.Append(Inv($"color=c=black:s={GridLayout.Width}x{GridLayout.Height}:r=30:d={duration}[base0];"));
        var used = new Dictionary<int, int>();
        var tile = 0;
        foreach (var segment in segments)
        {
            foreach (var cell in segment.Cells)
            {
                if (!cell.Track.IsVideo)
                {
                    graph.Append(NameTile(cell, segment, fontFile, tile));
                    tile++;
                    continue;
                }

                var i = videos.FindIndex(v => v.FileName == cell.Track.FileName);
                var k = used.GetValueOrDefault(i);
                used[i] = k + 1;
                var start = cell.Track.StartOffsetMs!.Value;
                var (x, y, w, h) = cell.Area;
                var length = Seconds(segment.ToMs - segment.FromMs);
                graph.Append(Inv($"[v{i}_{k}]trim=start={Seconds(segment.FromMs - start)}:end={Seconds(segment.ToMs - start)},setpts=PTS-STARTPTS,"));
                // Hold the last frame when the file's frames end before the segment does (a publisher whose last
                // frames were still in flight at the stop, or a frozen camera): a still picture, never an empty cell.
                graph.Append(Inv($"tpad=stop_mode=clone:stop_duration={length},trim=end={length},"));
                graph.Append(Inv($"setpts=PTS+{Seconds(segment.FromMs)}/TB,"));
                graph.Append(Inv($"scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:black,setsar=1[t{tile}];"));
                graph.Append(Overlay(tile, x, y, segment));
                tile++;
            }
        }

        graph.Append(Inv($"[base{tile}]fps=30,format=yuv420p[vout];"));
        if (audios.Count == 0)
        {
            graph.Append(Inv($"anullsrc=r=48000:cl=stereo,atrim=duration={duration}[aout]"));
        }
        else
        {
            for (var a = 0; a < audios.Count; a++)
            {
                var delay = Math.Max(0, audios[a].StartOffsetMs!.Value);
                graph.Append(Inv($"[{videos.Count + a}:a]aresample=48000:async=1:first_pts=0,adelay=delays={delay}:all=1[a{a}];"));
            }

            for (var a = 0; a < audios.Count; a++)
            {
                graph.Append(Inv($"[a{a}]"));
            }

            graph.Append(audios.Count == 1
                ? "anull,apad[aout]"
                : Inv($"amix=inputs={audios.Count}:duration=longest:normalize=0,apad[aout]"));
        }

        args.AddRange([
            "-filter_complex", graph.ToString(),
            "-map", "[vout]", "-map", "[aout]",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
            "-t", duration,
            "-movflags", "+faststart",
            outputPath,
        ]);
        return args;
    }

    /// <summary>A slate tile with the participant's name, overlaid for the segment.</summary>
    private static string NameTile(LayoutCell cell, LayoutSegment segment, string? fontFile, int tile)
    {
        var (x, y, w, h) = cell.Area;
        var label = CompositeFont.SafeLabel(cell.Track.ParticipantName);
        var text = fontFile is not null && CompositeFont.IsSafePath(fontFile) && label is not null
            ? Inv($",drawtext=fontfile={fontFile}:text='{label}':expansion=none:fontcolor=white:fontsize={Math.Clamp(h / 9, 18, 72)}:x=(w-text_w)/2:y=(h-text_h)/2")
            : string.Empty;
        return Inv($"color=c={NameTileColour}:s={w}x{h}:r=30:d={Seconds(segment.ToMs - segment.FromMs)}{text},setpts=PTS+{Seconds(segment.FromMs)}/TB,setsar=1[t{tile}];")
            + Overlay(tile, x, y, segment);
    }

    /// <summary>Lays tile <paramref name="tile"/> onto the canvas so far, at (x, y), for the segment's time only.</summary>
    private static string Overlay(int tile, int x, int y, LayoutSegment segment) =>
        Inv($"[base{tile}][t{tile}]overlay=x={x}:y={y}:eof_action=pass:enable='between(t,{Seconds(segment.FromMs)},{Seconds(segment.ToMs)})'[base{tile + 1}];");

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
