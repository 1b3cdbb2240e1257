using System.Buffers.Binary;
using Convene.Rtp;

namespace Convene.Testing.Media;

/// <summary>
/// What a <see cref="TestPeerConnection"/> received on one SSRC: unwrapped sequence numbers, the synthetic stamps
/// carried in the payloads (the sender's frame index, see <see cref="SyntheticMedia"/>), keyframes, duplicates, and
/// the holes it is NACKing. Written by the connection's receive thread, read by tests through locked snapshots.
/// </summary>
public sealed class ReceivedStream
{
    /// <summary>How often one missing packet is NACKed before giving up (like the SFU's generator).</summary>
    public const int MaxNackRetries = 10;

    private readonly object _gate = new();
    private readonly SeqNoUnwrapper _unwrapper = new();
    private readonly HashSet<long> _sequences = [];
    private readonly HashSet<uint> _stamps = [];
    private readonly List<uint> _stampOrder = [];
    private readonly SortedDictionary<long, Hole> _holes = [];
    private long _lowest = long.MaxValue;
    private long _highest = long.MinValue;

    internal ReceivedStream(uint ssrc, byte payloadType)
    {
        Ssrc = ssrc;
        PayloadType = payloadType;
    }

    public uint Ssrc { get; }

    public byte PayloadType { get; }

    public int Packets { get; private set; }

    public int Duplicates { get; private set; }

    public int Keyframes { get; private set; }

    /// <summary>Whether the first packet that arrived was a keyframe (what a decoder needs).</summary>
    public bool StartedWithKeyframe { get; private set; }

    /// <summary>Holes that were later filled (by a retransmission, or late reordering).</summary>
    public int Recovered { get; private set; }

    /// <summary>Holes given up on after <see cref="MaxNackRetries"/> NACKs.</summary>
    public int Abandoned { get; private set; }

    /// <summary>Distinct sequence numbers seen.</summary>
    public int DistinctPackets
    {
        get
        {
            lock (_gate)
            {
                return _sequences.Count;
            }
        }
    }

    /// <summary>Holes currently tracked.</summary>
    public int Missing
    {
        get
        {
            lock (_gate)
            {
                return _holes.Count;
            }
        }
    }

    /// <summary>Payload stamps received, in first-arrival order (distinct).</summary>
    public IReadOnlyList<uint> Stamps
    {
        get
        {
            lock (_gate)
            {
                return [.. _stampOrder];
            }
        }
    }

    /// <summary>True when every sequence number between the first and the last received one arrived.</summary>
    public bool IsContiguous
    {
        get
        {
            lock (_gate)
            {
                return _sequences.Count > 0 && _highest - _lowest + 1 == _sequences.Count;
            }
        }
    }

    /// <summary>The newest sequence number received (as sent on the wire).</summary>
    public ushort HighestSequence
    {
        get
        {
            lock (_gate)
            {
                return (ushort)_highest;
            }
        }
    }

    /// <summary>The oldest sequence number received.</summary>
    public ushort LowestSequence
    {
        get
        {
            lock (_gate)
            {
                return (ushort)_lowest;
            }
        }
    }

    public bool HasStamp(uint stamp)
    {
        lock (_gate)
        {
            return _stamps.Contains(stamp);
        }
    }

    internal void OnPacket(RtpPacket rtp, bool isKeyframe, long nowTicks)
    {
        lock (_gate)
        {
            Packets++;
            var highestBefore = _unwrapper.Highest;
            var index = _unwrapper.Unwrap(rtp.SequenceNumber);
            if (!_sequences.Add(index))
            {
                Duplicates++;
                return;
            }

            _lowest = Math.Min(_lowest, index);
            _highest = Math.Max(_highest, index);
            if (isKeyframe)
            {
                Keyframes++;
            }

            if (_sequences.Count == 1)
            {
                StartedWithKeyframe = isKeyframe;
            }

            var payload = rtp.Payload;
            if (payload.Length >= 4)
            {
                var stamp = BinaryPrimitives.ReadUInt32BigEndian(payload[^4..]);
                if (_stamps.Add(stamp))
                {
                    _stampOrder.Add(stamp);
                }
            }

            if (_holes.Remove(index))
            {
                Recovered++;
            }
            else if (highestBefore >= 0 && index > highestBefore + 1 && index - highestBefore < 512)
            {
                for (var missing = highestBefore + 1; missing < index; missing++)
                {
                    _holes[missing] = new Hole { FirstSeen = nowTicks };
                }
            }
        }
    }

    /// <summary>Sequence numbers to NACK now (first time immediately, then every <paramref name="retryTicks"/>).</summary>
    internal int CollectNacks(long nowTicks, long retryTicks, Span<ushort> destination)
    {
        lock (_gate)
        {
            var count = 0;
            List<long>? dead = null;
            foreach (var (index, hole) in _holes)
            {
                if (hole.Retries >= MaxNackRetries)
                {
                    (dead ??= []).Add(index);
                    continue;
                }

                if (count < destination.Length && (hole.Retries == 0 || nowTicks - hole.LastSent >= retryTicks))
                {
                    hole.Retries++;
                    hole.LastSent = nowTicks;
                    destination[count++] = (ushort)index;
                }
            }

            foreach (var index in dead ?? [])
            {
                _holes.Remove(index);
                Abandoned++;
            }

            return count;
        }
    }

    private sealed class Hole
    {
        public long FirstSeen { get; init; }

        public long LastSent { get; set; }

        public int Retries { get; set; }
    }
}
