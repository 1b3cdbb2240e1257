using System.Buffers;
using System.Threading.Channels;
using Convene.Recording.Depacketizing;
using Convene.Recording.Muxing;
using Convene.Sfu.Api;
using Microsoft.Extensions.Logging;

namespace Convene.Recording;

/// <summary>
/// Records one SFU track into its own WebM file. <see cref="OnRtp"/> runs on the SFU's media thread and only copies
/// the packet into a bounded queue (full queue → counted drop); a writer loop depacketizes and muxes. After loss the
/// recorder re-attaches to the track (at most once a second), which makes the SFU ask the publisher for a keyframe.
/// </summary>
public sealed partial class TrackRecorder : IRtpSink, IAsyncDisposable
{
    private static readonly TimeSpan KeyframeRequestInterval = TimeSpan.FromSeconds(1);

    private readonly IMediaTrack _track;
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly long _recordingStart;
    private readonly ILogger _logger;
    private readonly Action<TrackRecorder> _onFirstFrame;
    private readonly string? _participantName;
    private readonly IFrameAssembler _assembler;
    private readonly WebmCodec _codec;
    private readonly Channel<(byte[] Buffer, int Length, long Arrival)> _queue =
        Channel.CreateBounded<(byte[], int, long)>(new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = false });
    private readonly Lock _attachLock = new();
    private IDisposable? _attachment;
    private WebmTrackWriter? _writer;
    private Task? _loop;
    private long _firstRtpTimestamp;
    private long _lastKeyframeRequest;
    private long _queueDrops;
    private int _width;
    private int _height;
    private long? _startOffsetMs;
    private long? _endOffsetMs;

    public TrackRecorder(IMediaTrack track, string path, long recordingStartTimestamp, TimeProvider time, ILogger logger, Action<TrackRecorder> onFirstFrame, string? participantName = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        _track = track;
        _path = path;
        _recordingStart = recordingStartTimestamp;
        _time = time;
        _logger = logger;
        _onFirstFrame = onFirstFrame;
        _participantName = participantName;
        (_assembler, _codec) = Create(track.CodecName)
            ?? throw new ArgumentException("Unsupported codec " + track.CodecName, nameof(track));
    }

    public string TrackId => _track.TrackId;

    public long QueueDrops => Interlocked.Read(ref _queueDrops);

    public long AssemblerDrops => _assembler.Dropped;

    /// <summary>Whether the recorder can store this codec without transcoding (VP8 and Opus).</summary>
    public static bool Supports(string codecName) => Create(codecName) is not null;

    /// <summary>Opens the file, starts the writer loop and attaches to the track (which requests a keyframe).</summary>
    public void Start()
    {
        var stream = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        _writer = new WebmTrackWriter(stream, _codec, (ulong)_track.TrackId.GetHashCode(StringComparison.Ordinal) & 0x7FFFFFFF);
        _loop = Task.Run(RunAsync);
        Attach();
    }

    public void OnRtp(ReadOnlySpan<byte> rtpPacket)
    {
        if (rtpPacket.Length is 0 or > 64 * 1024)
        {
            Interlocked.Increment(ref _queueDrops);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(rtpPacket.Length);
        rtpPacket.CopyTo(buffer);
        if (!_queue.Writer.TryWrite((buffer, rtpPacket.Length, _time.GetTimestamp())))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Increment(ref _queueDrops);
        }
    }

    /// <summary>Detaches, drains the queue into the file and closes it. Idempotent.</summary>
    public async Task<RecordedTrack> StopAsync()
    {
        lock (_attachLock)
        {
            _attachment?.Dispose();
            _attachment = null;
        }

        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }

        _writer?.Dispose();
        return Snapshot();
    }

    public RecordedTrack Snapshot()
    {
        var writer = _writer;
        return new RecordedTrack(
            _track.TrackId,
            _track.ParticipantId,
            _track.Kind == MediaKind.Video ? "video" : "audio",
            _codec == WebmCodec.Vp8 ? "vp8" : "opus",
            Path.GetFileName(_path),
            _startOffsetMs,
            _endOffsetMs,
            _width,
            _height,
            writer?.FrameCount ?? 0,
            writer?.BytesWritten ?? 0,
            _participantName);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static (IFrameAssembler, WebmCodec)? Create(string codecName) =>
        codecName.ToUpperInvariant() switch
        {
            "VP8" => (new Vp8FrameAssembler(), WebmCodec.Vp8),
            "OPUS" => (new OpusFrameAssembler(), WebmCodec.Opus),
            _ => null,
        };

    private void Attach()
    {
        lock (_attachLock)
        {
            // New attachment first, then the old one: no gap in which packets are lost; a packet delivered twice
            // meanwhile is ignored by the assembler as a duplicate.
            var previous = _attachment;
            _attachment = _track.AttachLocalConsumer(this);
            previous?.Dispose();
            _lastKeyframeRequest = _time.GetTimestamp();
        }
    }

    private async Task RunAsync()
    {
        var writer = _writer!;
        await foreach (var (buffer, length, arrival) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                WriteOne(writer, buffer.AsSpan(0, length), arrival);
            }
            catch (IOException e)
            {
                LogWriteFailed(_logger, _track.TrackId, e);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        if (writer.FrameCount > 0 && _startOffsetMs is { } start)
        {
            var frameMs = _codec == WebmCodec.Opus ? 20 : 33;
            _endOffsetMs = start + writer.LastTimestampMs + frameMs;
        }
    }

    private void WriteOne(WebmTrackWriter writer, ReadOnlySpan<byte> packet, long arrival)
    {
        if (!_assembler.Push(packet, out var frame))
        {
            if (_assembler.NeedsKeyframe && _time.GetElapsedTime(_lastKeyframeRequest, arrival) >= KeyframeRequestInterval && !_queue.Reader.Completion.IsCompleted)
            {
                lock (_attachLock)
                {
                    if (_attachment is not null)
                    {
                        Attach();
                        _lastKeyframeRequest = arrival;
                    }
                }
            }

            return;
        }

        if (!writer.HeaderWritten)
        {
            _width = frame.Width;
            _height = frame.Height;
            writer.WriteHeader(frame.Width, frame.Height);
            _firstRtpTimestamp = frame.RtpTimestamp;
            _startOffsetMs = Math.Max(0, (long)_time.GetElapsedTime(_recordingStart, arrival).TotalMilliseconds);
            writer.WriteFrame(0, frame.Data.Span, frame.Keyframe);
            _onFirstFrame(this);
            return;
        }

        var ms = (frame.RtpTimestamp - _firstRtpTimestamp) * 1000 / _assembler.ClockRate;
        writer.WriteFrame(ms, frame.Data.Span, frame.Keyframe);
    }
}
