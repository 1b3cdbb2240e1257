namespace Convene.Recording.Depacketizing;

/// <summary>A complete codec frame reassembled from RTP: its bytes, 64-bit RTP timestamp and keyframe flag.</summary>
public readonly record struct AssembledFrame(ReadOnlyMemory<byte> Data, long RtpTimestamp, bool Keyframe, int Width, int Height);
