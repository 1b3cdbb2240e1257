using Convene.Rtp;

namespace Convene.Rtp.Tests;

public sealed class RtpPacketTests
{
    // A Chromium-like Opus packet: V=2, X=1, PT 111, seq 0x1234, ts 0x00010000, ssrc 0xDEADBEEF,
    // one-byte extensions: id 1 (audio level, V=1 level 30), id 4 (mid "0"), padding to a word.
    private static byte[] ChromeOpus() =>
    [
        0x90, 0x6F, 0x12, 0x34, 0x00, 0x01, 0x00, 0x00, 0xDE, 0xAD, 0xBE, 0xEF,
        0xBE, 0xDE, 0x00, 0x01, 0x10, 0x9E, 0x40, 0x30,
        0xFC, 0xFF, 0xFE,
    ];

    [Fact]
    public void Parses_header_fields_and_one_byte_extensions()
    {
        var bytes = ChromeOpus();
        Assert.True(RtpPacket.TryParse(bytes, out var p));
        Assert.Equal(111, p.PayloadType);
        Assert.Equal(0x1234, p.SequenceNumber);
        Assert.Equal(0x00010000u, p.Timestamp);
        Assert.Equal(0xDEADBEEFu, p.Ssrc);
        Assert.False(p.Marker);
        Assert.Equal(0, p.CsrcCount);
        Assert.Equal(20, p.HeaderLength);
        Assert.Equal(3, p.PayloadLength);
        Assert.True(p.TryGetExtension(1, out var level));
        Assert.True(AudioLevel.TryRead(level, out var al));
        Assert.True(al.VoiceActivity);
        Assert.Equal(30, al.LevelDbov);
        Assert.True(p.TryGetExtension(4, out var mid));
        Assert.Equal("0"u8.ToArray(), mid.ToArray());
        Assert.False(p.TryGetExtension(3, out _));
    }

    [Fact]
    public void Setters_rewrite_in_place()
    {
        var bytes = ChromeOpus();
        Assert.True(RtpPacket.TryParse(bytes, out var p));
        p.Ssrc = 0x01020304;
        p.PayloadType = 100;
        p.SequenceNumber = 65535;
        p.Timestamp = 0xFFFFFFFF;
        p.Marker = true;
        Assert.Equal(new byte[] { 0x90, 0xE4, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4 }, bytes[..12]);
        Assert.Equal(0xFC, bytes[20]); // payload untouched
    }

    [Fact]
    public void Csrc_and_padding_are_accounted_for()
    {
        byte[] bytes = [0xA2, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0, 7, 0, 0, 0, 8, 0xAA, 0xBB, 0, 0, 3];
        Assert.True(RtpPacket.TryParse(bytes, out var p));
        Assert.Equal(2, p.CsrcCount);
        Assert.Equal(7u, p.GetCsrc(0));
        Assert.Equal(8u, p.GetCsrc(1));
        Assert.Equal(0u, p.GetCsrc(2));
        Assert.Equal(3, p.PaddingLength);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, p.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x80, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0 })] // 11 bytes
    [InlineData(new byte[] { 0x40, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9 })] // version 1
    [InlineData(new byte[] { 0x81, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9 })] // CSRC missing
    [InlineData(new byte[] { 0x90, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9, 0xBE, 0xDE, 0, 2, 0, 0, 0, 0 })] // ext overrun
    [InlineData(new byte[] { 0xA0, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9, 0xAA, 0 })] // padding count 0
    [InlineData(new byte[] { 0xA0, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9, 0xAA, 9 })] // padding overrun
    public void Rejects_truncated_or_invalid(byte[] bytes) => Assert.False(RtpPacket.TryParse(bytes, out _));

    [Fact]
    public void Two_byte_extensions_are_read_and_rewritten()
    {
        byte[] bytes =
        [
            0x90, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9,
            0x10, 0x00, 0x00, 0x02, 0x03, 0x02, 0xAA, 0xBB, 0x00, 0x07, 0x01, 0x55,
        ];
        Assert.True(RtpPacket.TryParse(bytes, out var p));
        Assert.True(p.TryGetExtension(3, out var v3));
        Assert.Equal(new byte[] { 0xAA, 0xBB }, v3.ToArray());
        Assert.True(p.TryGetExtension(7, out var v7));
        Assert.Equal(new byte[] { 0x55 }, v7.ToArray());

        var map = new byte[16];
        map[3] = 12;
        Assert.True(p.TryRewriteExtensionIds(map));
        Assert.True(p.TryGetExtension(12, out var moved));
        Assert.Equal(new byte[] { 0xAA, 0xBB }, moved.ToArray());
        Assert.False(p.TryGetExtension(7, out _)); // mapped to 0 → now padding
    }

    [Fact]
    public void One_byte_extension_ids_rewrite_and_unmapped_become_padding()
    {
        var bytes = ChromeOpus();
        Assert.True(RtpPacket.TryParse(bytes, out var p));
        var map = new byte[16];
        map[1] = 9; // audio level 1 → 9; mid (4) dropped
        Assert.True(p.TryRewriteExtensionIds(map));
        Assert.True(p.TryGetExtension(9, out var level));
        Assert.Equal(0x9E, level[0]);
        Assert.False(p.TryGetExtension(4, out _));
        Assert.False(p.TryGetExtension(1, out _));
    }

    [Fact]
    public void One_byte_rewrite_refuses_ids_above_14_without_changing_the_packet()
    {
        var bytes = ChromeOpus();
        var before = bytes.ToArray();
        Assert.True(RtpPacket.TryParse(bytes, out var p));
        var map = new byte[16];
        map[1] = 15;
        map[4] = 2;
        Assert.False(p.TryRewriteExtensionIds(map));
        Assert.Equal(before, bytes);
    }

    [Fact]
    public void Writer_round_trips_with_extensions()
    {
        Span<byte> ext = stackalloc byte[8];
        Assert.True(RtpPacketWriter.TryWriteOneByteExtension(ext, 1, [0x85], out var n1));
        Assert.True(RtpPacketWriter.TryWriteOneByteExtension(ext[n1..], 4, "1"u8, out var n2));
        var buffer = new byte[100];
        Assert.True(RtpPacketWriter.TryWrite(buffer, 96, 65535, 90000, 42, true, ext[..(n1 + n2)], [1, 2, 3, 4, 5], out var written));
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var p));
        Assert.True(p.Marker);
        Assert.Equal(96, p.PayloadType);
        Assert.Equal(65535, p.SequenceNumber);
        Assert.Equal(42u, p.Ssrc);
        Assert.Equal(RtpExtensionEnumerator.OneByteProfile, p.ExtensionProfile);
        Assert.True(p.TryGetExtension(4, out var mid));
        Assert.Equal((byte)'1', mid[0]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, p.Payload.ToArray());
    }

    [Fact]
    public void Demux_helpers_split_rtp_from_rtcp()
    {
        Assert.True(RtpPacket.LooksLikeRtp(ChromeOpus()));
        byte[] rr = [0x80, 201, 0, 1, 0, 0, 0, 1];
        Assert.False(RtpPacket.LooksLikeRtp([.. rr, 0, 0, 0, 0]));
        Assert.True(RtcpHeader.LooksLikeRtcp(rr));
    }
}
