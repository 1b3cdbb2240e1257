using System.Buffers.Binary;
using System.Diagnostics;
using Convene.Srtp;

/// <summary>One-thread SRTP throughput of Convene.Srtp (run pinned: taskset -c 1 dotnet bin/Convene.ProtoInterop.dll srtp).</summary>
internal static class SrtpBench
{
    public static void Run(double seconds)
    {
        // The AES-128-GCM transform alone, OpenSSL (AesGcm) against AES-NI/PCLMULQDQ, 12-byte RTP header as AAD.
        foreach (int size in new[] { 1000, 1200, 120 })
        {
            var key = new byte[16];
            var nonce = new byte[12];
            var header = new byte[12];
            var data = new byte[size];
            var tag = new byte[16];
            new Random(2).NextBytes(key);
            using var system = new SystemGcmTransform(key);
            Measure($"gcm system (AesGcm) encrypt {size} B", seconds, size, () => system.Encrypt(nonce, data, tag, header));
            if (IntrinsicGcmTransform.IsSupported)
            {
                using var intrinsic = new IntrinsicGcmTransform(key);
                Measure($"gcm intrinsic encrypt {size} B", seconds, size, () => intrinsic.Encrypt(nonce, data, tag, header));
            }
        }

        foreach (var profile in new[] { SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1_80 })
        {
            foreach (int size in new[] { 1200, 120 })
            {
                var random = new Random(1);
                var (kl, sl) = SrtpProfileInfo.MasterLengths(profile);
                var key = new byte[kl];
                var salt = new byte[sl];
                random.NextBytes(key);
                random.NextBytes(salt);
                var material = new SrtpKeyingMaterial(profile, key, salt);
                using var tx = new SrtpContext(material);
                var rx = new SrtpContext(material);
                var packet = new byte[size + SrtpContext.MaxOverhead];
                random.NextBytes(packet);
                packet[0] = 0x90;
                packet[1] = 96;
                packet[12] = 0xBE;
                packet[13] = 0xDE;
                packet[14] = 0;
                packet[15] = 1;
                var work = new byte[packet.Length];
                ushort seq = 0;
                Measure($"{profile} protect {size} B", seconds, size, () =>
                {
                    packet.AsSpan(0, size).CopyTo(work);
                    BinaryPrimitives.WriteUInt16BigEndian(work.AsSpan(2), seq++);
                    tx.ProtectRtp(work, size, out _);
                });
                var sealedPackets = new byte[65536][];
                using (var tx2 = new SrtpContext(material))
                {
                    for (int i = 0; i < sealedPackets.Length; i++)
                    {
                        var p = (byte[])packet.Clone();
                        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), (ushort)i);
                        tx2.ProtectRtp(p, size, out _);
                        sealedPackets[i] = p;
                    }
                }

                int next = 0;
                long failures = 0;
                Measure($"{profile} unprotect {size} B", seconds, size, () =>
                {
                    if ((next & 0xFFFF) == 0)
                    {
                        rx.Dispose();
                        rx = new SrtpContext(material); // a fresh receiver per pass over the 65 536 sealed packets
                    }

                    var p = sealedPackets[next++ & 0xFFFF];
                    p.AsSpan().CopyTo(work);
                    if (rx.UnprotectRtp(work, size + rx.RtpOverhead, out _) != SrtpResult.Ok)
                    {
                        failures++;
                    }
                });
                rx.Dispose();
                if (failures != 0)
                {
                    Console.WriteLine($"    UNEXPECTED: {failures} unprotect failures");
                }
            }
        }
    }

    private static void Measure(string name, double seconds, int size, Action op)
    {
        for (int i = 0; i < 20_000; i++)
        {
            op();
        }

        long n = 0;
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds && n < 100_000_000)
        {
            for (int i = 0; i < 1000; i++)
            {
                op();
            }

            n += 1000;
        }

        double s = sw.Elapsed.TotalSeconds;
        long alloc = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        Console.WriteLine($"  {name,-44} {n / s,12:N0} pkt/s {n * size * 8 / s / 1e9,6:F2} Gbit/s {1e9 * s / n,7:F0} ns/pkt alloc {alloc / (double)n:F1} B/pkt");
    }
}
