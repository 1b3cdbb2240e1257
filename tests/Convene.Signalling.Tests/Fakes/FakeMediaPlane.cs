using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Convene.Sfu.Api;

namespace Convene.Signalling.Tests.Fakes;

/// <summary>Test double of the SFU's control seam: records what signalling asks of the media plane.</summary>
public sealed class FakeMediaPlane : IMediaPlane
{
    public ConcurrentDictionary<string, FakeMediaRoom> Rooms { get; } = new();

    public IMediaRoom GetOrCreateRoom(string roomId) => Rooms.GetOrAdd(roomId, id => new FakeMediaRoom(id));

    public bool TryGetRoom(string roomId, [NotNullWhen(true)] out IMediaRoom? room)
    {
        var found = Rooms.TryGetValue(roomId, out var fake);
        room = fake;
        return found;
    }
}
