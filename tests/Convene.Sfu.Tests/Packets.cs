using Convene.Rtp;

namespace Convene.Sfu.Tests;

internal static class Packets
{
    public static byte[] Rtp(byte pt, ushort seq, uint ts, uint ssrc, byte[] payload, byte[]? extensions = null)
    {
        var buffer = new byte[1500];
        Assert.True(RtpPacketWriter.TryWrite(buffer, pt, seq, ts, ssrc, false, extensions ?? [], payload, out var n));
        return buffer[..n];
    }

    public static byte[] Vp8(ushort seq, uint ts, uint ssrc, bool keyframe) =>
        Rtp(96, seq, ts, ssrc, [0x10, (byte)(keyframe ? 0x00 : 0x01), 0xAA, (byte)seq]);

    public static byte[] Opus(ushort seq, uint ts, uint ssrc, byte levelDbov = 127, int levelId = 1)
    {
        byte[] ext = [(byte)((levelId << 4) | 0), (byte)(0x80 | levelDbov)];
        return Rtp(111, seq, ts, ssrc, [0xFC, (byte)seq], ext);
    }
}
