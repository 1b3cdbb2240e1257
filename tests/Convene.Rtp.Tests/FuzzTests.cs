using Convene.Rtp;

namespace Convene.Rtp.Tests;

public sealed class FuzzTests
{
    [Fact]
    public void Ten_thousand_random_buffers_never_throw()
    {
        var random = new Random(4242);
        var buffer = new byte[1500];
        Span<ushort> lost = stackalloc ushort[256];
        var map = new byte[256];
        random.NextBytes(map);
        var parsedRtp = 0;
        var rtcpPackets = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var length = random.Next(0, 300);
            var span = buffer.AsSpan(0, length);
            random.NextBytes(span);
            if (length > 0 && i % 2 == 0)
            {
                span[0] = (byte)(0x80 | (span[0] & 0x3F)); // make half of them look like v2
            }

            if (RtpPacket.TryParse(span, out var p))
            {
                parsedRtp++;
                _ = p.PayloadLength;
                foreach (var element in p.GetExtensions())
                {
                    _ = element.DataLength;
                }

                _ = p.TryGetExtension(1, out _);
                _ = p.TryRewriteExtensionIds(map.AsSpan(0, 16));
                _ = Vp8Descriptor.IsKeyframe(p.Payload);
                _ = H264Keyframe.IsKeyframe(p.Payload);
            }

            foreach (var packet in new RtcpCompoundEnumerator(span))
            {
                rtcpPackets++;
                _ = RtcpSenderReport.TryParse(packet, out _);
                _ = RtcpReceiverReport.TryParse(packet, out _);
                _ = RtcpSourceDescription.TryGetCname(packet, out _, out _);
                _ = RtcpBye.TryGetSsrc(packet, 0, out _);
                if (RtcpFeedback.TryParse(packet, out var fb))
                {
                    _ = RtcpNack.GetLostSequenceNumbers(fb, lost);
                    _ = RtcpFir.TryGetEntry(fb, 0, out _, out _);
                    _ = RtcpRemb.TryRead(fb, out _, out _);
                }
            }
        }

        Assert.True(parsedRtp > 100, $"only {parsedRtp} parsed: the fuzz is not exercising the parser");
        Assert.True(rtcpPackets >= 0);
    }
}
