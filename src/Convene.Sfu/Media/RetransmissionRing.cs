namespace Convene.Sfu.Media;

/// <summary>
/// Keeps the last <see cref="Capacity"/> RTP packets (plaintext) of one stream by sequence number, to answer
/// NACKs. Slots are preallocated: storing copies bytes, nothing is allocated per packet. Worker-thread only.
/// </summary>
internal sealed class RetransmissionRing
{
    public const int MaxPacketSize = 1500;

    private readonly byte[][] _slots;
    private readonly int[] _lengths;
    private readonly int[] _sequence; // -1 when empty
    private readonly long[] _storedAtTicks;

    public RetransmissionRing(int capacity = 512)
    {
        if (capacity <= 0 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "Capacity must be a power of two.");
        }

        Capacity = capacity;
        _slots = new byte[capacity][];
        _lengths = new int[capacity];
        _sequence = new int[capacity];
        _storedAtTicks = new long[capacity];
        Array.Fill(_sequence, -1);
    }

    public int Capacity { get; }

    public void Store(ushort sequenceNumber, ReadOnlySpan<byte> packet, long nowTicks)
    {
        if (packet.Length > MaxPacketSize)
        {
            return;
        }

        var slot = sequenceNumber & (Capacity - 1);
        var buffer = _slots[slot] ??= new byte[MaxPacketSize];
        packet.CopyTo(buffer);
        _lengths[slot] = packet.Length;
        _sequence[slot] = sequenceNumber;
        _storedAtTicks[slot] = nowTicks;
    }

    /// <summary>Finds a stored packet; false when it was never stored or has been overwritten.</summary>
    public bool TryGet(ushort sequenceNumber, out ReadOnlySpan<byte> packet, out long storedAtTicks)
    {
        var slot = sequenceNumber & (Capacity - 1);
        if (_sequence[slot] != sequenceNumber)
        {
            packet = default;
            storedAtTicks = 0;
            return false;
        }

        packet = _slots[slot].AsSpan(0, _lengths[slot]);
        storedAtTicks = _storedAtTicks[slot];
        return true;
    }

    public void Clear() => Array.Fill(_sequence, -1);
}
