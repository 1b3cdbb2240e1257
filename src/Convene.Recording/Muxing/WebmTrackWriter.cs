using System.Buffers.Binary;

namespace Convene.Recording.Muxing;

/// <summary>
/// Writes one track live into a WebM file that stays playable if the process dies at any moment: the segment and
/// every cluster have unknown size (RFC 9559 §6.2 live streaming), frames go out as SimpleBlocks and the stream is
/// flushed after each frame. A cluster starts on every video keyframe and at least every <see cref="MaxClusterMs"/>.
/// Timestamps are milliseconds from the track's first frame (TimestampScale 1 ms). Not thread-safe: one writer per
/// track, fed by a single loop.
/// </summary>
public sealed class WebmTrackWriter : IDisposable
{
    public const int MaxClusterMs = 5000;

    private readonly Stream _stream;
    private readonly WebmCodec _codec;
    private readonly EbmlBuffer _scratch = new();
    private readonly ulong _trackUid;
    private const int DurationElementLength = 11; // 2-byte id, 1-byte size, 8-byte float

    private bool _headerWritten;
    private bool _finished;
    private int _segmentDataOffset;
    private int _voidOffsetInInfo;
    private long _voidOffset;
    private long _fileStart;
    private long _clusterStartMs = -1;
    private long _lastMs = -1;

    public WebmTrackWriter(Stream stream, WebmCodec codec, ulong trackUid)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _codec = codec;
        _trackUid = trackUid == 0 ? 1 : trackUid;
    }

    public long FrameCount { get; private set; }

    public long FirstTimestampMs { get; private set; } = -1;

    public long LastTimestampMs => _lastMs;

    public long BytesWritten { get; private set; }

    public bool HeaderWritten => _headerWritten;

    /// <summary>Writes the EBML header, segment start, Info and Tracks. Video needs its frame size, known from the first keyframe.</summary>
    public void WriteHeader(int width = 0, int height = 0)
    {
        if (_headerWritten)
        {
            throw new InvalidOperationException("The header is already written.");
        }

        var b = _scratch;
        b.Clear();
        b.Master(MatroskaIds.Ebml, h =>
        {
            h.UInt(MatroskaIds.EbmlVersion, 1);
            h.UInt(MatroskaIds.EbmlReadVersion, 1);
            h.UInt(MatroskaIds.EbmlMaxIdLength, 4);
            h.UInt(MatroskaIds.EbmlMaxSizeLength, 8);
            h.String(MatroskaIds.DocType, "webm");
            h.UInt(MatroskaIds.DocTypeVersion, 4);
            h.UInt(MatroskaIds.DocTypeReadVersion, 2);
        });
        b.Id(MatroskaIds.Segment);
        b.Raw(EbmlBuffer.UnknownSize);
        _segmentDataOffset = b.Length;
        b.Master(MatroskaIds.Info, info =>
        {
            info.UInt(MatroskaIds.TimestampScale, 1_000_000);
            _voidOffsetInInfo = info.Length;
            info.Id(MatroskaIds.Void); // room for Duration, filled in by Finish
            info.Size(DurationElementLength - 2);
            info.Raw(new byte[DurationElementLength - 2]);
            info.String(MatroskaIds.MuxingApp, "Convene");
            info.String(MatroskaIds.WritingApp, "Convene recorder");
        });
        b.Master(MatroskaIds.Tracks, tracks => tracks.Master(MatroskaIds.TrackEntry, entry =>
        {
            entry.UInt(MatroskaIds.TrackNumber, 1);
            entry.UInt(MatroskaIds.TrackUid, _trackUid);
            entry.UInt(MatroskaIds.FlagLacing, 0);
            if (_codec == WebmCodec.Vp8)
            {
                entry.UInt(MatroskaIds.TrackType, 1);
                entry.String(MatroskaIds.CodecId, "V_VP8");
                entry.Master(MatroskaIds.Video, video =>
                {
                    video.UInt(MatroskaIds.PixelWidth, (ulong)Math.Max(width, 1));
                    video.UInt(MatroskaIds.PixelHeight, (ulong)Math.Max(height, 1));
                });
            }
            else
            {
                entry.UInt(MatroskaIds.TrackType, 2);
                entry.String(MatroskaIds.CodecId, "A_OPUS");
                entry.Binary(MatroskaIds.CodecPrivate, OpusHead(2, 48000));
                entry.Master(MatroskaIds.Audio, audio =>
                {
                    audio.Float(MatroskaIds.SamplingFrequency, 48000);
                    audio.UInt(MatroskaIds.Channels, 2);
                });
            }
        }));
        _voidOffset = _segmentDataOffset + 4 + InfoSizeLength(b) + _voidOffsetInInfo;
        _fileStart = _stream.CanSeek ? _stream.Position : -1;
        Emit();
        _headerWritten = true;
    }

    /// <summary>
    /// On a clean close, writes Info's Duration over the reserved Void so players show the length. The segment and
    /// clusters keep their unknown size (a finite segment around unknown-size clusters makes readers complain).
    /// Without this (a crash) the file is still fully playable, just without a declared duration.
    /// </summary>
    public void Finish()
    {
        if (!_headerWritten || !_stream.CanSeek || _fileStart < 0 || _finished)
        {
            return;
        }

        _finished = true;
        var end = _stream.Position;
        var b = _scratch;
        b.Clear();
        b.Float(MatroskaIds.Duration, Math.Max(0, _lastMs - Math.Max(0, FirstTimestampMs)) + (_codec == WebmCodec.Opus ? 20 : 33));
        _stream.Position = _fileStart + _voidOffset;
        _stream.Write(b.WrittenSpan);

        _stream.Position = end;
        _stream.Flush();
    }

    /// <summary>Bytes of the Info element's size field in <paramref name="header"/> (its id is 4 bytes, right after the segment size).</summary>
    private int InfoSizeLength(EbmlBuffer header)
    {
        var first = header.WrittenSpan[_segmentDataOffset + 4];
        var length = 1;
        while (length < 8 && (first & (0x80 >> (length - 1))) == 0)
        {
            length++;
        }

        return length;
    }

    /// <summary>
    /// Appends one frame at <paramref name="timestampMs"/> (clamped to be non-decreasing). Starts a new cluster on a
    /// video keyframe, when the cluster is <see cref="MaxClusterMs"/> old, or when the 16-bit relative time would overflow.
    /// </summary>
    public void WriteFrame(long timestampMs, ReadOnlySpan<byte> frame, bool keyframe)
    {
        if (!_headerWritten)
        {
            throw new InvalidOperationException("Write the header first.");
        }

        if (timestampMs < _lastMs)
        {
            timestampMs = _lastMs;
        }

        if (FirstTimestampMs < 0)
        {
            FirstTimestampMs = timestampMs;
        }

        var b = _scratch;
        b.Clear();
        var newCluster = _clusterStartMs < 0
            || timestampMs - _clusterStartMs >= MaxClusterMs
            || (keyframe && _codec == WebmCodec.Vp8 && timestampMs > _clusterStartMs);
        if (newCluster)
        {
            _clusterStartMs = timestampMs;
            b.Id(MatroskaIds.Cluster);
            b.Raw(EbmlBuffer.UnknownSize);
            b.UInt(MatroskaIds.ClusterTimestamp, (ulong)timestampMs);
        }

        b.Id(MatroskaIds.SimpleBlock);
        b.Size(4 + frame.Length);
        b.Byte(0x81); // track number 1 as a 1-byte vint
        Span<byte> relative = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(relative, (short)(timestampMs - _clusterStartMs));
        b.Raw(relative);
        b.Byte(keyframe || _codec == WebmCodec.Opus ? (byte)0x80 : (byte)0x00);
        b.Raw(frame);
        Emit();
        _lastMs = timestampMs;
        FrameCount++;
    }

    public void Dispose()
    {
        Finish();
        _stream.Dispose();
    }

    private void Emit()
    {
        _stream.Write(_scratch.WrittenSpan);
        _stream.Flush();
        BytesWritten += _scratch.Length;
    }

    /// <summary>The Opus identification header (RFC 7845 §5.1) used as CodecPrivate; pre-skip 0 since RTP carries no encoder delay.</summary>
    private static byte[] OpusHead(byte channels, uint sampleRate)
    {
        var head = new byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;
        head[9] = channels;
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(10), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(12), sampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(head.AsSpan(16), 0);
        head[18] = 0;
        return head;
    }
}
