using System.Buffers.Binary;
using Convene.Srtp;

namespace Convene.Srtp.Tests;

public sealed class SrtpBehaviourTests
{
    public static TheoryData<SrtpProfile> Profiles => new() { SrtpProfile.Aes128CmHmacSha1_80, SrtpProfile.AeadAes128Gcm };

    private static (SrtpContext Tx, SrtpContext Rx) Pair(SrtpProfile profile, int seed = 7, int window = 1024)
    {
        var random = new Random(seed);
        var (kl, sl) = SrtpProfileInfo.MasterLengths(profile);
        var key = new byte[kl];
        var salt = new byte[sl];
        random.NextBytes(key);
        random.NextBytes(salt);
        var material = new SrtpKeyingMaterial(profile, key, salt);
        return (new SrtpContext(material, window), new SrtpContext(material, window));
    }

    private static byte[] Rtp(ushort seq, uint ssrc = 0x11223344, int payload = 100, bool extension = true)
    {
        int header = extension ? 20 : 12;
        var p = new byte[header + payload + SrtpContext.MaxOverhead];
        p[0] = (byte)(extension ? 0x90 : 0x80);
        p[1] = 96;
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), seq);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(4), seq * 3000u);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(8), ssrc);
        if (extension)
        {
            p[12] = 0xBE;
            p[13] = 0xDE;
            p[15] = 1;
            p[16] = 0x10;
            p[17] = 0x42;
        }

        for (int i = header; i < header + payload; i++)
        {
            p[i] = (byte)(i * 7 + seq);
        }

        return p;
    }

    private static int Len(byte[] p) => p.Length - SrtpContext.MaxOverhead;

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Round_trip_across_sequence_wrap_advances_roc(SrtpProfile profile)
    {
        var (tx, rx) = Pair(profile);
        using (tx)
        using (rx)
        {
            for (int i = 0; i < 40; i++)
            {
                var seq = (ushort)(65530 + i);
                var plain = Rtp(seq);
                var buf = (byte[])plain.Clone();
                Assert.Equal(SrtpResult.Ok, tx.ProtectRtp(buf, Len(plain), out int n));
                Assert.Equal(Len(plain) + tx.RtpOverhead, n);
                Assert.NotEqual(plain.AsSpan(20, 100).ToArray(), buf.AsSpan(20, 100).ToArray());
                Assert.Equal(SrtpResult.Ok, rx.UnprotectRtp(buf, n, out int m));
                Assert.Equal(plain.AsSpan(0, Len(plain)).ToArray(), buf.AsSpan(0, m).ToArray());
            }

            // A receiver that assumes ROC 0 for sequence 5 (a fresh context) must fail: the sender used ROC 1.
            var (_, fresh) = Pair(profile);
            using (fresh)
            {
                var plain = Rtp(5);
                var sent = (byte[])plain.Clone();
                Assert.Equal(SrtpResult.Ok, tx.ProtectRtp(sent, Len(plain), out int n));
                Assert.Equal(SrtpResult.AuthenticationFailed, fresh.UnprotectRtp((byte[])sent.Clone(), n, out _));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Replay_and_too_old_packets_are_rejected_out_of_order_accepted(SrtpProfile profile)
    {
        var (tx, rx) = Pair(profile, window: 64);
        using (tx)
        using (rx)
        {
            var wire = new List<(byte[] Buf, int Len)>();
            for (ushort s = 0; s < 200; s++)
            {
                var b = Rtp(s);
                Assert.Equal(SrtpResult.Ok, tx.ProtectRtp(b, Len(b), out int n));
                wire.Add((b, n));
            }

            var scratch = new byte[256];
            SrtpResult Receive(int i)
            {
                wire[i].Buf.AsSpan(0, wire[i].Len).CopyTo(scratch);
                return rx.UnprotectRtp(scratch, wire[i].Len, out _);
            }

            Assert.Equal(SrtpResult.Ok, Receive(100));
            Assert.Equal(SrtpResult.ReplayDetected, Receive(100));
            Assert.Equal(SrtpResult.Ok, Receive(99));
            Assert.Equal(SrtpResult.Ok, Receive(40)); // 60 behind: inside a 64-packet window
            Assert.Equal(SrtpResult.ReplayDetected, Receive(40));
            Assert.Equal(SrtpResult.ReplayDetected, Receive(30)); // 70 behind: too old
            Assert.Equal(SrtpResult.Ok, Receive(199));
            Assert.Equal(SrtpResult.ReplayDetected, Receive(120));
            Assert.Equal(SrtpResult.Ok, Receive(150));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Tampered_packet_fails_and_does_not_change_state(SrtpProfile profile)
    {
        var (tx, rx) = Pair(profile);
        using (tx)
        using (rx)
        {
            var first = Rtp(10);
            Assert.Equal(SrtpResult.Ok, tx.ProtectRtp(first, Len(first), out int n1));
            Assert.Equal(SrtpResult.Ok, rx.UnprotectRtp(first, n1, out _));

            // A forged packet far ahead (would move the ROC if state were updated before authentication).
            var next = Rtp(11);
            Assert.Equal(SrtpResult.Ok, tx.ProtectRtp(next, Len(next), out int n2));
            foreach (int position in new[] { 1, 5, 9, 30, n2 - 1 })
            {
                var forged = (byte[])next.Clone();
                forged[position] ^= 0x01;
                Assert.Equal(SrtpResult.AuthenticationFailed, rx.UnprotectRtp(forged, n2, out _));
            }

            var farAhead = (byte[])next.Clone();
            BinaryPrimitives.WriteUInt16BigEndian(farAhead.AsSpan(2), 30000);
            Assert.Equal(SrtpResult.AuthenticationFailed, rx.UnprotectRtp(farAhead, n2, out _));
            Assert.Equal(SrtpResult.Ok, rx.UnprotectRtp(next, n2, out int m));
            Assert.Equal(Rtp(11).AsSpan(0, Len(next)).ToArray(), next.AsSpan(0, m).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Truncated_or_malformed_packets_are_malformed(SrtpProfile profile)
    {
        var (tx, rx) = Pair(profile);
        using (tx)
        using (rx)
        {
            var p = Rtp(1);
            Assert.Equal(SrtpResult.Ok, tx.ProtectRtp(p, Len(p), out int n));
            Assert.Equal(SrtpResult.Malformed, rx.UnprotectRtp(p, 11, out _));
            Assert.Equal(SrtpResult.Malformed, rx.UnprotectRtp(p, 12 + tx.RtpOverhead - 1, out _)); // extension no longer fits
            Assert.Equal(SrtpResult.Malformed, rx.UnprotectRtp(p, n + 1000, out _));
            Assert.Equal(SrtpResult.Malformed, rx.UnprotectRtp(p, -1, out _));
            var v1 = (byte[])p.Clone();
            v1[0] = 0x50;
            Assert.Equal(SrtpResult.Malformed, rx.UnprotectRtp(v1, n, out _));
            var bigExtension = Rtp(2);
            bigExtension[15] = 200;
            Assert.Equal(SrtpResult.Malformed, tx.ProtectRtp(bigExtension, Len(bigExtension), out _));
            var tight = Rtp(3);
            Assert.Equal(SrtpResult.BufferTooSmall, tx.ProtectRtp(tight.AsSpan(0, Len(tight) + 2), Len(tight), out _));
            Assert.Equal(SrtpResult.Malformed, rx.UnprotectRtcp(new byte[10], 10, out _));
            Assert.Equal(SrtpResult.Malformed, tx.ProtectRtcp(new byte[40], 4, out _));
        }
    }

    private static byte[] Rtcp(uint ssrc, int extra = 20)
    {
        var p = new byte[8 + extra + SrtpContext.MaxOverhead];
        p[0] = 0x81;
        p[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), (ushort)(((8 + extra) / 4) - 1));
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(4), ssrc);
        for (int i = 8; i < 8 + extra; i++)
        {
            p[i] = (byte)i;
        }

        return p;
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Srtcp_round_trip_index_replay_and_tamper(SrtpProfile profile)
    {
        var (tx, rx) = Pair(profile);
        using (tx)
        using (rx)
        {
            var sent = new List<(byte[] Buf, int Len)>();
            for (int i = 0; i < 5; i++)
            {
                var p = Rtcp(0xAABBCCDD);
                Assert.Equal(SrtpResult.Ok, tx.ProtectRtcp(p, 28, out int n));
                Assert.Equal(28 + tx.RtcpOverhead, n);
                int wordAt = profile == SrtpProfile.AeadAes128Gcm ? n - 4 : 28;
                Assert.Equal(0x8000_0000u | (uint)i, BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(wordAt)));
                Assert.NotEqual(Rtcp(0xAABBCCDD).AsSpan(8, 20).ToArray(), p.AsSpan(8, 20).ToArray());
                sent.Add((p, n));
            }

            var copy = (byte[])sent[2].Buf.Clone();
            copy[10] ^= 0x80;
            Assert.Equal(SrtpResult.AuthenticationFailed, rx.UnprotectRtcp(copy, sent[2].Len, out _));
            foreach (int i in new[] { 2, 0, 4, 1 })
            {
                var b = (byte[])sent[i].Buf.Clone();
                Assert.Equal(SrtpResult.Ok, rx.UnprotectRtcp(b, sent[i].Len, out int m));
                Assert.Equal(Rtcp(0xAABBCCDD).AsSpan(0, 28).ToArray(), b.AsSpan(0, m).ToArray());
            }

            Assert.Equal(SrtpResult.ReplayDetected, rx.UnprotectRtcp((byte[])sent[4].Buf.Clone(), sent[4].Len, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Random_input_never_throws(SrtpProfile profile)
    {
        var (tx, rx) = Pair(profile);
        using (tx)
        using (rx)
        {
            var random = new Random(20261128);
            var buf = new byte[300];
            int ok = 0;
            for (int i = 0; i < 10_000; i++)
            {
                int len = random.Next(0, 280);
                random.NextBytes(buf.AsSpan(0, len));
                if (i % 2 == 0)
                {
                    buf[0] = (byte)(0x80 | (buf[0] & 0x3F)); // version 2 half of the time, to get past the header checks
                }

                int lengthArg = i % 97 == 0 ? len + 500 : len;
                Assert.NotEqual(SrtpResult.Ok, rx.UnprotectRtp(buf, lengthArg, out _));
                random.NextBytes(buf.AsSpan(0, len));
                Assert.NotEqual(SrtpResult.Ok, rx.UnprotectRtcp(buf, lengthArg, out _));
                if (tx.ProtectRtp(buf, lengthArg, out _) == SrtpResult.Ok)
                {
                    ok++;
                }

                _ = tx.ProtectRtcp(buf, lengthArg, out _);
            }

            Assert.True(ok > 0, "some random buffers are valid RTP and must protect");
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Steady_state_protect_and_unprotect_do_not_allocate(SrtpProfile profile)
    {
        var (tx, rx) = Pair(profile);
        using (tx)
        using (rx)
        {
            var buf = Rtp(0, payload: 1160);
            var rtcp = Rtcp(1);
            int failures = 0;
            void Once(ushort s)
            {
                // No Assert inside the measured loop: the assertion library allocates.
                BinaryPrimitives.WriteUInt16BigEndian(buf.AsSpan(2), s);
                _ = tx.ProtectRtp(buf, Len(buf), out int n);
                failures += rx.UnprotectRtp(buf, n, out _) == SrtpResult.Ok ? 0 : 1;
                _ = tx.ProtectRtcp(rtcp, 28, out int r);
                failures += rx.UnprotectRtcp(rtcp, r, out _) == SrtpResult.Ok ? 0 : 1;
            }

            for (ushort s = 0; s < 100; s++)
            {
                Once(s);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (ushort s = 100; s < 2100; s++)
            {
                Once(s);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(0, failures);
        }
    }

    [Fact]
    public void Disposed_context_throws_object_disposed()
    {
        var (tx, rx) = Pair(SrtpProfile.AeadAes128Gcm);
        rx.Dispose();
        tx.Dispose();
        tx.Dispose();
        Assert.Throws<ObjectDisposedException>(() => tx.ProtectRtp(new byte[100], 50, out _));
    }
}
