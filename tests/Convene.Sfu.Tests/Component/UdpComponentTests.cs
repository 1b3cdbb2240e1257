using Convene.Dtls;
using Convene.Sfu.Api;
using Convene.Sfu.Plane;
using Convene.Sfu.Udp;
using Convene.Testing.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace Convene.Sfu.Tests.Component;

/// <summary>The same test peers over real UDP sockets on 127.0.0.1, through the SFU's batched (sendmmsg) fan-out.</summary>
public sealed class UdpComponentTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Audio_and_video_reach_three_subscribers_over_udp_loopback(bool batchSends)
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new SfuOptions { Port = 0, BindAddress = "127.0.0.1", BatchSends = batchSends };
        var socket = new UdpDatagramTransport(options, TimeProvider.System, NullLogger<UdpDatagramTransport>.Instance);
        var plane = new MediaPlane(socket, options, TimeProvider.System, new Random(9), NullLoggerFactory.Instance);
        var room = plane.GetOrCreateRoom("udp");
        var certificate = DtlsCertificate.Generate(TimeProvider.System);
        var endpoints = new List<UdpDatagramTransport>();
        UdpDatagramTransport NewEndpoint()
        {
            var endpoint = new UdpDatagramTransport(new SfuOptions { Port = 0, BindAddress = "127.0.0.1", BatchSends = false }, TimeProvider.System, NullLogger<UdpDatagramTransport>.Instance);
            endpoints.Add(endpoint);
            return endpoint;
        }

        var peers = new List<TestPeer>();
        var alice = new TestPeer(room.CreatePeer("alice"), NewEndpoint, certificate, TimeProvider.System, new Random(1));
        peers.Add(alice);
        await alice.PublishAsync(audio: true, video: true, ct);
        IMediaTrack[] tracks = [alice.AudioTrack!, alice.VideoTrack!];
        for (var i = 0; i < 3; i++)
        {
            var sub = new TestPeer(room.CreatePeer($"sub{i}"), NewEndpoint, certificate, TimeProvider.System, new Random(10 + i));
            peers.Add(sub);
            await sub.SubscribeAsync(tracks, ct);
        }

        var subscribers = peers.Skip(1).ToList();
        Assert.True(await ComponentHarness.PumpUntilAsync(
            alice,
            () => subscribers.All(s => s.Received(tracks[0])?.DistinctPackets >= 40 && s.Received(tracks[1])?.DistinctPackets >= 40),
            ct), plane.Counters.ToString());
        foreach (var sub in subscribers)
        {
            Assert.True(sub.Received(tracks[0])!.IsContiguous);
            Assert.True(sub.Received(tracks[1])!.IsContiguous);
            Assert.True(sub.Received(tracks[1])!.StartedWithKeyframe);
            Assert.Equal(0, sub.Subscriber.SrtpFailures);
        }

        Assert.Equal(0, socket.SendErrors);
        Assert.True(socket.DatagramsSent >= 240);

        await room.DisposeAsync();
        Assert.Null(await SfuLeakCheck.FindLeaksAsync(plane, ct));
        foreach (var peer in peers)
        {
            await peer.DisposeAsync();
        }

        await plane.DisposeAsync();
        Assert.False(socket.IsRunning);
        Assert.All(endpoints, e => Assert.False(e.IsRunning));
    }
}
