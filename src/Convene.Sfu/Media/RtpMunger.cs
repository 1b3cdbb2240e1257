using Convene.Rtp;

namespace Convene.Sfu.Media;

/// <summary>
/// Rewrites sequence numbers and timestamps of one outgoing stream so the subscriber sees one continuous stream
/// across pauses (mute), keyframe waits and source changes (LiveKit's rtpmunger idea): after a
/// <see cref="Resync"/>, the next forwarded packet continues at last-out-seq + 1 and at a timestamp advanced by the
/// wall-clock time that passed. Packets older than the resync point are dropped. Worker-thread only.
/// </summary>
internal sealed class RtpMunger(ushort initialSequence, uint initialTimestamp, int clockRate)
{
    private bool _started;
    private bool _resync = true;
    private ushort _seqOffset;
    private uint _tsOffset;
    private ushort _syncInSeq;
    private ushort _lastOutSeq = (ushort)(initialSequence - 1);
    private uint _lastOutTs = initialTimestamp;
    private long _lastOutTicks;

    public ushort LastSequence => _lastOutSeq;

    public uint LastTimestamp => _lastOutTs;

    public bool Started => _started;

    /// <summary>The next packet starts a new segment (after a pause or a source change).</summary>
    public void Resync() => _resync = true;

    /// <summary>Maps a packet's seq/ts in place. False when the packet predates the current segment (drop it).</summary>
    public bool TryMunge(ref RtpPacket packet, long nowTicks, long ticksPerSecond)
    {
        var inSeq = packet.SequenceNumber;
        var inTs = packet.Timestamp;
        if (_resync)
        {
            var outSeq = (ushort)(_lastOutSeq + 1);
            var outTs = _lastOutTs;
            if (_started)
            {
                var elapsed = Math.Max(0, nowTicks - _lastOutTicks);
                var advance = (long)((double)elapsed / ticksPerSecond * clockRate);
                outTs = (uint)(_lastOutTs + Math.Max(1, advance));
            }

            _seqOffset = (ushort)(outSeq - inSeq);
            _tsOffset = outTs - inTs;
            _syncInSeq = inSeq;
            _resync = false;
        }
        else if (new SeqNo(inSeq).DistanceFrom(new SeqNo(_syncInSeq)) < 0)
        {
            return false;
        }

        var mappedSeq = (ushort)(inSeq + _seqOffset);
        var mappedTs = inTs + _tsOffset;
        packet.SequenceNumber = mappedSeq;
        packet.Timestamp = mappedTs;
        if (!_started || new SeqNo(mappedSeq).IsNewerThan(new SeqNo(_lastOutSeq)))
        {
            _lastOutSeq = mappedSeq;
            _lastOutTs = mappedTs;
            _lastOutTicks = nowTicks;
        }

        _started = true;
        return true;
    }
}
