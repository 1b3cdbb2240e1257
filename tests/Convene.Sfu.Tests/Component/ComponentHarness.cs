using Convene.Dtls;
using Convene.Sfu.Api;
using Convene.Sfu.Plane;
using Convene.Testing.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace Convene.Sfu.Tests.Component;

/// <summary>
/// One SFU (a real <see cref="MediaPlane"/>) on an <see cref="InMemoryNetwork"/> with test peers in one room. Peers'
/// endpoints are lossy (loss applies between peers and the SFU when <see cref="InMemoryNetwork.LossRate"/> is set).
/// <see cref="CloseAsync"/> closes everything and returns what leaked (null when clean).
/// </summary>
internal sealed class ComponentHarness : IAsyncDisposable
{
    private readonly List<TestPeer> _peers = [];
    private readonly DtlsCertificate _clientCertificate = DtlsCertificate.Generate(TimeProvider.System);
    private readonly int _seed;
    private bool _closed;

    public ComponentHarness(TimeProvider? sfuTime = null, int seed = 1)
    {
        _seed = seed;
        Network = new InMemoryNetwork(seed);
        Plane = new MediaPlane(Network.CreateEndpoint(), new SfuOptions { Port = 0, BindAddress = "127.0.0.1" }, sfuTime ?? TimeProvider.System, new Random(seed), NullLoggerFactory.Instance);
        Room = Plane.GetOrCreateRoom("room");
    }

    public InMemoryNetwork Network { get; }

    public MediaPlane Plane { get; }

    public IMediaRoom Room { get; }

    public SfuCounters Counters => Plane.Counters;

    public TestPeer AddPeer(string participantId)
    {
        var peer = new TestPeer(Room.CreatePeer(participantId), () => Network.CreateEndpoint(lossy: true), _clientCertificate, TimeProvider.System, new Random(_seed * 100 + _peers.Count));
        _peers.Add(peer);
        return peer;
    }

    /// <summary>A publisher of the given kinds and subscribers of all its tracks, all connected.</summary>
    public async Task<(TestPeer Publisher, TestPeer[] Subscribers)> PublishAndSubscribeAsync(bool audio, bool video, int subscribers, CancellationToken ct)
    {
        var publisher = AddPeer("alice");
        await publisher.PublishAsync(audio, video, ct);
        var tracks = new[] { publisher.AudioTrack, publisher.VideoTrack }.OfType<IMediaTrack>().ToList();
        var subs = new TestPeer[subscribers];
        for (var i = 0; i < subscribers; i++)
        {
            subs[i] = AddPeer($"sub{i}");
            await subs[i].SubscribeAsync(tracks, ct);
        }

        return (publisher, subs);
    }

    /// <summary>Sends frames (1 audio + 1 video per round, 2 ms apart) until <paramref name="done"/> or 400 rounds.</summary>
    public static async Task<bool> PumpUntilAsync(TestPeer publisher, Func<bool> done, CancellationToken ct)
    {
        for (var round = 0; round < 400 && !done(); round++)
        {
            if (publisher.AudioSsrc != 0)
            {
                publisher.SendAudio();
            }

            if (publisher.VideoSsrc != 0)
            {
                publisher.SendVideo();
            }

            await Task.Delay(2, ct);
        }

        return await Poll.UntilAsync(done, TimeSpan.FromSeconds(2), ct);
    }

    /// <summary>Closes every peer, the room and the plane; returns a description of anything left behind, or null.</summary>
    public async Task<string?> CloseAsync(CancellationToken ct)
    {
        if (_closed)
        {
            return null;
        }

        _closed = true;

        // Closing the room alone must release everything of every peer; the test peers' sockets go after the check.
        await Room.DisposeAsync();
        var leak = await SfuLeakCheck.FindLeaksAsync(Plane, ct);
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }

        await Plane.DisposeAsync();
        await Network.DisposeAsync();
        if (!Network.AllStopped)
        {
            leak += " An endpoint thread is still running.";
        }

        return leak;
    }

    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None);
}
