using System.Net;
using Convene.Ice;
using Convene.Sfu.Transport;
using Convene.Testing.Media;

namespace Convene.Sfu.Tests.Component;

/// <summary>Bad input on the media path while a call is running: every bad datagram is a counted drop, the call goes on.</summary>
public sealed class HostileComponentTests
{
    [Fact(Timeout = 30_000)]
    public async Task Garbage_truncated_packets_bad_stun_and_a_dtls_flood_are_counted_drops_while_media_keeps_flowing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new ComponentHarness(seed: 8);
        var (alice, subscribers) = await h.PublishAndSubscribeAsync(audio: true, video: false, subscribers: 1, ct);
        var bob = subscribers[0];
        var audio = alice.AudioTrack!;
        Assert.True(await ComponentHarness.PumpUntilAsync(alice, () => bob.Received(audio)?.DistinctPackets >= 20, ct));
        Assert.True(await Poll.UntilAsync(() => bob.Received(audio)!.HasStamp(alice.AudioFramesSent - 1), TimeSpan.FromSeconds(2), ct));
        var before = h.Counters;
        var random = new Random(8);
        var buffer = new byte[1500];
        var hostile = 0;

        // From Alice's bound address: random bytes shaped as RTP/RTCP (SRTP rejects them), truncated packets.
        for (var i = 0; i < 200; i++)
        {
            var length = random.Next(12, 400);
            random.NextBytes(buffer.AsSpan(0, length));
            buffer[0] = (byte)(0x80 | (buffer[0] & 0x3F));
            alice.Publisher.SendRaw(buffer.AsSpan(0, length));
            hostile++;
        }

        for (var i = 0; i < 50; i++)
        {
            var n = SyntheticMedia.WriteOpus(buffer, (ushort)i, 0, alice.AudioSsrc, "0", 0);
            alice.Publisher.SendRaw(buffer.AsSpan(0, random.Next(1, Math.Min(n, 12)))); // truncated RTP header
            buffer[1] = 200; // SR packet type
            alice.Publisher.SendRaw(buffer.AsSpan(0, random.Next(2, 8))); // truncated RTCP
            hostile += 2;
        }

        // STUN with the right username and a wrong password: bad integrity.
        var txid = new byte[12];
        var server = alice.Publisher.RemoteCredentials!;
        for (var i = 0; i < 20; i++)
        {
            var n = StunMessageWriter.WriteBindingRequest(buffer, txid, alice.Publisher.LocalCredentials, new IceCredentials(server.Ufrag, "wrongpasswordwrongpassword0"), 1, 1, false);
            alice.Publisher.SendRaw(buffer.AsSpan(0, n));
            hostile++;
        }

        // A DTLS ClientHello flood from an address no STUN check ever bound.
        var attacker = h.Network.CreateEndpoint();
        attacker.Start(new Ignore());
        var sfu = alice.Publisher.RemoteAddress!;
        for (var i = 0; i < 300; i++)
        {
            random.NextBytes(buffer.AsSpan(0, 200));
            buffer[0] = 22; // handshake record
            buffer[1] = 0xFE;
            buffer[2] = 0xFD; // DTLS 1.2
            buffer[13] = 1; // ClientHello
            attacker.Send(buffer.AsSpan(0, 200), sfu);
            hostile++;
        }

        // Media keeps flowing meanwhile and afterwards.
        var firstAfter = alice.AudioFramesSent;
        alice.SendAudio(30);
        Assert.True(await Poll.UntilAsync(() => h.Counters.DatagramsReceived - before.DatagramsReceived >= hostile + 30, TimeSpan.FromSeconds(5), ct));
        Assert.True(await Poll.UntilAsync(() => bob.Received(audio)!.HasStamp(firstAfter + 29), TimeSpan.FromSeconds(3), ct));
        var received = bob.Received(audio)!;
        Assert.True(received.IsContiguous);
        Assert.All(Enumerable.Range(0, 30), i => Assert.True(received.HasStamp((uint)(firstAfter + i))));

        var after = h.Counters;
        string Diff() => string.Join(", ", after.Drops.Select(kv => $"{kv.Key}={kv.Value - before.Dropped(kv.Key)}"));
        Assert.True(after.TotalDrops - before.TotalDrops == hostile, Diff());
        Assert.Equal(100, after.Dropped(DropReason.UnknownPacketClass) - before.Dropped(DropReason.UnknownPacketClass)); // too short to classify
        Assert.Equal(300, after.Dropped(DropReason.UnboundAddress) - before.Dropped(DropReason.UnboundAddress));
        Assert.Equal(20, after.Dropped(DropReason.StunBadIntegrity) - before.Dropped(DropReason.StunBadIntegrity));
        Assert.True(after.Dropped(DropReason.SrtpAuthenticationFailed) + after.Dropped(DropReason.SrtpMalformed)
            - before.Dropped(DropReason.SrtpAuthenticationFailed) - before.Dropped(DropReason.SrtpMalformed) >= 200, Diff());
        Assert.Equal(2, h.Plane.Resources.BoundAddresses); // Alice's publisher and Bob's subscriber; never the attacker
        Assert.Equal(0, bob.Subscriber.SrtpFailures);

        await attacker.DisposeAsync();
        Assert.Null(await h.CloseAsync(ct));
    }

    private sealed class Ignore : IDatagramHandler
    {
        public void OnDatagram(Span<byte> datagram, SocketAddress remote)
        {
        }

        public void OnTick()
        {
        }
    }
}
