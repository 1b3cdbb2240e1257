using System.Net;
using Convene.Ice;
using Convene.Sfu.Plane;
using Convene.Sfu.Transport;
using Convene.Testing.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace Convene.Sfu.Tests;

public sealed class HostileTrafficTests
{
    [Fact(Timeout = 20_000)]
    public async Task Random_bytes_dtls_flood_and_unknown_stun_from_unbound_addresses_are_counted_drops()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = new InMemoryNetwork(seed: 3);
        var serverEndpoint = network.CreateEndpoint();
        var options = new SfuOptions { Port = 0, BindAddress = "127.0.0.1" };
        var plane = new MediaPlane(serverEndpoint, options, TimeProvider.System, new Random(5), NullLoggerFactory.Instance);
        var room = plane.GetOrCreateRoom("r");
        room.CreatePeer("alice");
        var attacker = network.CreateEndpoint();
        attacker.Start(new IgnoreAll());
        var server = serverEndpoint.LocalEndPoint.Serialize();
        var random = new Random(9);
        var buffer = new byte[1200];
        var sent = 0;
        for (var i = 0; i < 1000; i++)
        {
            var length = random.Next(0, 300);
            random.NextBytes(buffer.AsSpan(0, length));
            attacker.Send(buffer.AsSpan(0, length), server);
            sent++;
        }

        for (var i = 0; i < 300; i++)
        {
            random.NextBytes(buffer.AsSpan(0, 200));
            buffer[0] = 22; // DTLS handshake record: a ClientHello flood
            attacker.Send(buffer.AsSpan(0, 200), server);
            sent++;
        }

        var txid = new byte[12];
        for (var i = 0; i < 50; i++)
        {
            var n = StunMessageWriter.WriteBindingRequest(buffer, txid, IceCredentials.Generate(random), IceCredentials.Generate(random), 1, 1, true);
            attacker.Send(buffer.AsSpan(0, n), server);
            sent++;
        }

        for (var i = 0; i < 250 && plane.Counters.DatagramsReceived < sent; i++)
        {
            await Task.Delay(20, ct);
        }

        var counters = plane.Counters;
        Assert.Equal(sent, counters.DatagramsReceived);
        Assert.True(counters.Dropped(DropReason.UnboundAddress) >= 300, counters.ToString());
        Assert.True(counters.Dropped(DropReason.StunUnknownUsername) >= 50); // + random buffers that start like STUN
        Assert.True(counters.Dropped(DropReason.UnknownPacketClass) > 0);
        Assert.Equal(sent, counters.TotalDrops);
        Assert.Equal(0, plane.BoundAddresses);
        Assert.Equal(0, counters.DatagramsSent); // nothing answered to an unauthenticated source

        await plane.DisposeAsync();
        await network.DisposeAsync();
        Assert.True(network.AllStopped, "an endpoint thread is still running");
    }

    private sealed class IgnoreAll : IDatagramHandler
    {
        public void OnDatagram(Span<byte> datagram, SocketAddress remote)
        {
        }

        public void OnTick()
        {
        }
    }
}
