using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace Convene.Recording.Tests;

/// <summary>
/// Real encoded media for the tests: ffmpeg encodes a test pattern to VP8 (IVF) and a tone to Opus (Ogg), and the
/// helpers here packetize them into RTP per RFC 7741 / RFC 7587, the way a browser would send them.
/// </summary>
internal static class MediaFixtures
{
    public static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "convene-rec-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static Task<string> RunAsync(string exe, params string[] args) => RunAsync(exe, true, args);

    public static async Task<string> RunAsync(string exe, bool withStderr, params string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        var output = withStderr ? await stdout + await stderr : await stdout;
        var errors = await stderr;
        Assert.True(p.ExitCode == 0, exe + " failed: " + output + errors);
        return output;
    }

    /// <summary>Encodes <paramref name="seconds"/> of testsrc2 at 30 fps to VP8 and returns the frames (pts in frames).</summary>
    public static async Task<List<(long Pts, byte[] Data)>> Vp8FramesAsync(string dir, double seconds, int width = 640, int height = 360)
    {
        var file = Path.Combine(dir, "src-" + Guid.NewGuid().ToString("N")[..6] + ".ivf");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
            string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate=30"), "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-g", "60", "-b:v", "600k", "-f", "ivf", file);
        var bytes = await File.ReadAllBytesAsync(file);
        var frames = new List<(long, byte[])>();
        int pos = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6));
        while (pos + 12 <= bytes.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos));
            var pts = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(pos + 4));
            frames.Add((pts, bytes.AsSpan(pos + 12, size).ToArray()));
            pos += 12 + size;
        }

        return frames;
    }

    /// <summary>Encodes a 440 Hz tone to Opus with 20 ms frames and returns the Opus packets (Ogg demuxed).</summary>
    public static async Task<List<byte[]>> OpusPacketsAsync(string dir, double seconds)
    {
        var file = Path.Combine(dir, "src-" + Guid.NewGuid().ToString("N")[..6] + ".ogg");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:a", "libopus", "-b:a", "32k", "-frame_duration", "20", "-f", "ogg", file);
        var bytes = await File.ReadAllBytesAsync(file);
        var packets = new List<byte[]>();
        var current = new List<byte>();
        var pos = 0;
        while (pos + 27 <= bytes.Length && bytes.AsSpan(pos, 4).SequenceEqual("OggS"u8))
        {
            int segments = bytes[pos + 26];
            var data = pos + 27 + segments;
            for (var i = 0; i < segments; i++)
            {
                int lace = bytes[pos + 27 + i];
                current.AddRange(bytes.AsSpan(data, lace).ToArray());
                data += lace;
                if (lace < 255)
                {
                    packets.Add([.. current]);
                    current.Clear();
                }
            }

            pos = data;
        }

        return packets.Skip(2).ToList(); // OpusHead, OpusTags
    }

    /// <summary>RFC 7741 packetization: 1-byte descriptor (S on the first packet, partition 0), ≤ 1100-byte chunks, marker on the last.</summary>
    public static List<byte[]> PacketizeVp8(byte[] frame, ushort firstSeq, uint timestamp, uint ssrc)
    {
        var packets = new List<byte[]>();
        var seq = firstSeq;
        for (var offset = 0; offset < frame.Length; offset += 1100)
        {
            var chunk = Math.Min(1100, frame.Length - offset);
            var packet = new byte[12 + 1 + chunk];
            Header(packet, 96, seq++, timestamp, ssrc, marker: offset + chunk == frame.Length);
            packet[12] = offset == 0 ? (byte)0x10 : (byte)0x00;
            frame.AsSpan(offset, chunk).CopyTo(packet.AsSpan(13));
            packets.Add(packet);
        }

        return packets;
    }

    public static byte[] PacketizeOpus(byte[] frame, ushort seq, uint timestamp, uint ssrc)
    {
        var packet = new byte[12 + frame.Length];
        Header(packet, 111, seq, timestamp, ssrc, marker: false);
        frame.CopyTo(packet.AsSpan(12));
        return packet;
    }

    public static void Header(Span<byte> packet, byte payloadType, ushort seq, uint timestamp, uint ssrc, bool marker)
    {
        packet[0] = 0x80;
        packet[1] = (byte)(payloadType | (marker ? 0x80 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
    }

    /// <summary>ffprobe's JSON for a file (format + streams).</summary>
    public static async Task<System.Text.Json.JsonElement> ProbeAsync(string file)
    {
        var json = await RunAsync("ffprobe", false, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file);
        return System.Text.Json.JsonDocument.Parse(json).RootElement;
    }

    public static double Duration(System.Text.Json.JsonElement probe) =>
        double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Duration from the packets themselves (last pts + its duration): works for live files without a Duration element.</summary>
    public static async Task<double> PacketDurationAsync(string file)
    {
        var csv = await RunAsync("ffprobe", false, "-v", "error", "-select_streams", "0", "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", file);
        var last = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last().Split(',');
        return double.Parse(last[0], CultureInfo.InvariantCulture) + (last.Length > 1 && last[1].Length > 0 ? double.Parse(last[1], CultureInfo.InvariantCulture) : 0);
    }
}
