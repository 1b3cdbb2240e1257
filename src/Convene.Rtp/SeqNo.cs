namespace Convene.Rtp;

/// <summary>A 16-bit RTP sequence number with wraparound-aware comparison (RFC 3550 §A.1 style).</summary>
public readonly record struct SeqNo(ushort Value) : IComparable<SeqNo>
{
    /// <summary>Signed distance from <paramref name="other"/> to this, in −32768..32767.</summary>
    public int DistanceFrom(SeqNo other) => (short)(ushort)(Value - other.Value);

    /// <summary>True when this number comes after <paramref name="other"/> (within half the space).</summary>
    public bool IsNewerThan(SeqNo other) => DistanceFrom(other) > 0;

    public SeqNo Add(int delta) => new((ushort)(Value + delta));

    public static SeqNo operator +(SeqNo seq, int delta) => seq.Add(delta);

    public static bool operator <(SeqNo left, SeqNo right) => right.IsNewerThan(left);

    public static bool operator >(SeqNo left, SeqNo right) => left.IsNewerThan(right);

    public static bool operator <=(SeqNo left, SeqNo right) => !left.IsNewerThan(right);

    public static bool operator >=(SeqNo left, SeqNo right) => !right.IsNewerThan(left);

    public int CompareTo(SeqNo other) => DistanceFrom(other);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
