using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace Convene.Bench.Recording;

/// <summary>Real encoded media from ffmpeg (720p VP8, Opus 20 ms) and RTP packetization (RFC 7741 / RFC 7587).</summary>
internal static class Media
{
    public static async Task RunAsync(string exe, params string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(exe + " failed: " + err);
        }
    }

    public static async Task<List<byte[]>> Vp8Async(string dir, int seconds)
    {
        var file = Path.Combine(dir, "src.ivf");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
            "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8",
            "-g", "90", "-b:v", "1500k", "-f", "ivf", file);
        var bytes = await File.ReadAllBytesAsync(file);
        var frames = new List<byte[]>();
        int pos = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6));
        while (pos + 12 <= bytes.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos));
            frames.Add(bytes.AsSpan(pos + 12, size).ToArray());
            pos += 12 + size;
        }

        return frames;
    }

    public static async Task<List<byte[]>> OpusAsync(string dir, int seconds)
    {
        var file = Path.Combine(dir, "src.ogg");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:a", "libopus", "-b:a", "32k", "-frame_duration", "20", "-f", "ogg", file);
        var bytes = await File.ReadAllBytesAsync(file);
        var packets = new List<byte[]>();
        var current = new List<byte>();
        var p = 0;
        while (p + 27 <= bytes.Length && bytes.AsSpan(p, 4).SequenceEqual("OggS"u8))
        {
            int segments = bytes[p + 26];
            var data = p + 27 + segments;
            for (var i = 0; i < segments; i++)
            {
                int lace = bytes[p + 27 + i];
                current.AddRange(bytes.AsSpan(data, lace).ToArray());
                data += lace;
                if (lace < 255)
                {
                    packets.Add([.. current]);
                    current.Clear();
                }
            }

            p = data;
        }

        return packets.Skip(2).ToList();
    }

    public static int Vp8Packets(byte[] frame, ref ushort seq, uint timestamp, uint ssrc, Span<byte> scratch, BenchTrack track)
    {
        var count = 0;
        for (var offset = 0; offset < frame.Length; offset += 1100)
        {
            var chunk = Math.Min(1100, frame.Length - offset);
            var packet = scratch[..(13 + chunk)];
            Header(packet, 96, seq++, timestamp, ssrc, offset + chunk == frame.Length);
            packet[12] = offset == 0 ? (byte)0x10 : (byte)0x00;
            frame.AsSpan(offset, chunk).CopyTo(packet[13..]);
            track.Send(packet);
            count++;
        }

        return count;
    }

    public static void OpusPacket(byte[] frame, ushort seq, uint timestamp, uint ssrc, Span<byte> scratch, BenchTrack track)
    {
        var packet = scratch[..(12 + frame.Length)];
        Header(packet, 111, seq, timestamp, ssrc, false);
        frame.CopyTo(packet[12..]);
        track.Send(packet);
    }

    private static void Header(Span<byte> packet, byte pt, ushort seq, uint ts, uint ssrc, bool marker)
    {
        packet[0] = 0x80;
        packet[1] = (byte)(pt | (marker ? 0x80 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ts);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
    }
}
