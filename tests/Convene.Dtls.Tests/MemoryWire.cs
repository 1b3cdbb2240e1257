using Convene.Dtls;

namespace Convene.Dtls.Tests;

/// <summary>One direction of an in-memory datagram link, with optional seeded loss; counts what it carried.</summary>
internal sealed class MemoryWire(double loss = 0, int seed = 1) : IDtlsOutput
{
    private readonly Random _random = new(seed);
    private readonly object _gate = new();

    public Func<ReadOnlyMemory<byte>, bool>? Deliver { get; set; }

    public int Sent { get; private set; }

    public int Lost { get; private set; }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        lock (_gate)
        {
            Sent++;
            if (loss > 0 && _random.NextDouble() < loss)
            {
                Lost++;
                return;
            }
        }

        Deliver?.Invoke(datagram.ToArray());
    }
}
