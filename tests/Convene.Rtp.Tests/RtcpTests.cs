using Convene.Rtp;

namespace Convene.Rtp.Tests;

public sealed class RtcpTests
{
    [Fact]
    public void Sender_report_with_blocks_round_trips_inside_a_compound_with_sdes()
    {
        var buffer = new byte[200];
        ReportBlock[] blocks = [new(0x11, 25, -3, 0x0001_0005, 77, 0xAABBCCDD, 1234)];
        Assert.True(RtcpSenderReport.TryWrite(buffer, 0x99, 0x0102030405060708, 4000, 10, 1000, blocks, out var n1));
        Assert.True(RtcpSourceDescription.TryWriteCname(buffer.AsSpan(n1), 0x99, "sfu", out var n2));

        var e = new RtcpCompoundEnumerator(buffer.AsSpan(0, n1 + n2));
        Assert.True(e.MoveNext());
        Assert.Equal(RtcpPacketType.SenderReport, e.Current.Type);
        Assert.True(RtcpSenderReport.TryParse(e.Current, out var sr));
        Assert.Equal(0x99u, sr.Ssrc);
        Assert.Equal(0x0102030405060708ul, sr.NtpTimestamp);
        Assert.Equal(4000u, sr.RtpTimestamp);
        Assert.Equal(10u, sr.PacketCount);
        Assert.Equal(1000u, sr.OctetCount);
        Assert.Equal(1, sr.ReportCount);
        Assert.Equal(blocks[0], sr.GetReportBlock(0));

        Assert.True(e.MoveNext());
        Assert.True(RtcpSourceDescription.TryGetCname(e.Current, out var ssrc, out var cname));
        Assert.Equal(0x99u, ssrc);
        Assert.Equal("sfu"u8.ToArray(), cname.ToArray());
        Assert.False(e.MoveNext());
        Assert.False(e.Malformed);
    }

    [Fact]
    public void Receiver_report_and_bye_round_trip()
    {
        var buffer = new byte[100];
        ReportBlock[] blocks = [new(1, 0, 0, 5, 0, 0, 0), new(2, 255, 0x7FFFFF, 6, 1, 2, 3)];
        Assert.True(RtcpReceiverReport.TryWrite(buffer, 7, blocks, out var n1));
        Assert.True(RtcpBye.TryWrite(buffer.AsSpan(n1), [7, 8], out var n2));
        var e = new RtcpCompoundEnumerator(buffer.AsSpan(0, n1 + n2));
        Assert.True(e.MoveNext());
        Assert.True(RtcpReceiverReport.TryParse(e.Current, out var rr));
        Assert.Equal(7u, rr.Ssrc);
        Assert.Equal(blocks[1], rr.GetReportBlock(1));
        Assert.True(e.MoveNext());
        Assert.True(RtcpBye.TryGetSsrc(e.Current, 1, out var left));
        Assert.Equal(8u, left);
        Assert.False(RtcpBye.TryGetSsrc(e.Current, 2, out _));
    }

    [Fact]
    public void Nack_packs_runs_into_pid_and_blp_and_expands_back()
    {
        ushort[] lost = [65534, 65535, 0, 5, 16, 17, 40];
        var buffer = new byte[64];
        Assert.True(RtcpNack.TryWrite(buffer, 1, 2, lost, out var n));
        // Items: 65534 (+65535, 0, 5), 16 (+17), 40 — 16 is 18 after 65534, beyond the 16-bit mask.
        var e = new RtcpCompoundEnumerator(buffer.AsSpan(0, n));
        Assert.True(e.MoveNext());
        Assert.True(RtcpFeedback.TryParse(e.Current, out var fb));
        Assert.True(fb.IsGenericNack);
        Assert.Equal(1u, fb.SenderSsrc);
        Assert.Equal(2u, fb.MediaSsrc);
        Span<ushort> back = stackalloc ushort[64];
        var count = RtcpNack.GetLostSequenceNumbers(fb, back);
        Assert.Equal(lost, back[..count].ToArray());
    }

    [Fact]
    public void Nack_fixture_from_rfc_layout()
    {
        // PID 100, BLP 0b0000_0000_0000_0101 → 100, 101, 103
        byte[] nack = [0x81, 205, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 100, 0x00, 0x05];
        var e = new RtcpCompoundEnumerator(nack);
        Assert.True(e.MoveNext());
        Assert.True(RtcpFeedback.TryParse(e.Current, out var fb));
        Span<ushort> lost = stackalloc ushort[17];
        var count = RtcpNack.GetLostSequenceNumbers(fb, lost);
        Assert.Equal(new ushort[] { 100, 101, 103 }, lost[..count].ToArray());
    }

    [Fact]
    public void Pli_fir_and_remb_round_trip()
    {
        var buffer = new byte[100];
        Assert.True(RtcpPli.TryWrite(buffer, 5, 6, out var n1));
        Assert.True(RtcpFir.TryWrite(buffer.AsSpan(n1), 5, 6, 9, out var n2));
        Assert.True(RtcpRemb.TryWrite(buffer.AsSpan(n1 + n2), 5, 1_500_000, [6, 7], out var n3));
        var e = new RtcpCompoundEnumerator(buffer.AsSpan(0, n1 + n2 + n3));
        Assert.True(e.MoveNext());
        Assert.True(RtcpFeedback.TryParse(e.Current, out var pli));
        Assert.True(pli.IsPli);
        Assert.Equal(6u, pli.MediaSsrc);
        Assert.True(e.MoveNext());
        Assert.True(RtcpFeedback.TryParse(e.Current, out var fir));
        Assert.True(fir.IsFir);
        Assert.True(RtcpFir.TryGetEntry(fir, 0, out var target, out var seqNr));
        Assert.Equal(6u, target);
        Assert.Equal(9, seqNr);
        Assert.True(e.MoveNext());
        Assert.True(RtcpFeedback.TryParse(e.Current, out var remb));
        Assert.True(RtcpRemb.TryRead(remb, out var bitrate, out var ssrcCount));
        Assert.Equal(2, ssrcCount);
        Assert.InRange(bitrate, 1_499_000ul, 1_500_000ul);
        Assert.False(e.MoveNext());
    }

    [Fact]
    public void Compound_with_overrunning_length_is_malformed()
    {
        byte[] bad = [0x80, 201, 0, 1, 0, 0, 0, 1, 0x80, 200, 0, 9, 0, 0, 0, 1];
        var e = new RtcpCompoundEnumerator(bad);
        Assert.True(e.MoveNext());
        Assert.False(e.MoveNext());
        Assert.True(e.Malformed);
    }

    [Fact]
    public void Short_sender_report_is_rejected()
    {
        byte[] sr = [0x81, 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var e = new RtcpCompoundEnumerator(sr);
        Assert.True(e.MoveNext());
        Assert.False(RtcpSenderReport.TryParse(e.Current, out _)); // claims one block but has none
    }
}
