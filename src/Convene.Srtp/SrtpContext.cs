using System.Buffers.Binary;

namespace Convene.Srtp;

/// <summary>
/// One direction of one SRTP session (RFC 3711, RFC 7714): call the Protect methods for what we send and the
/// Unprotect methods for what we receive, each direction with its own context and keys. Holds per-SSRC state
/// (rollover counter, highest index, replay window), which is updated only after a packet authenticated.
/// Not thread-safe: one owning thread (the media loop of the transport) uses it. Zero allocations per packet once an
/// SSRC is known; a malformed or forged packet returns a result, never throws.
/// </summary>
public sealed class SrtpContext : IDisposable
{
    /// <summary>The largest number of bytes any Protect method appends (GCM SRTCP: 16-byte tag + 4-byte index).</summary>
    public const int MaxOverhead = 20;

    /// <summary>Default replay window, in packets: large enough for NACK-driven retransmissions on the media SSRC.</summary>
    public const int DefaultReplayWindow = 1024;

    /// <summary>Default limit on SSRCs tracked per direction (protects memory against a peer that invents SSRCs).</summary>
    public const int DefaultMaxStreams = 1024;

    private const int RtpHeaderLength = 12;
    private const int RtcpHeaderLength = 8;

    private readonly SrtpCipher _cipher;
    private readonly int _windowSize;
    private readonly int _maxStreams;
    private readonly Dictionary<uint, RtpStreamState> _rtpProtect = [];
    private readonly Dictionary<uint, RtpStreamState> _rtpUnprotect = [];
    private readonly Dictionary<uint, RtcpStreamState> _rtcpProtect = [];
    private readonly Dictionary<uint, RtcpStreamState> _rtcpUnprotect = [];
    private bool _disposed;

    /// <summary>Creates a context from master keys (session keys are derived per RFC 3711 §4.3).</summary>
    /// <param name="keys">Master key and salt for this direction.</param>
    /// <param name="replayWindow">Replay window in packets, a multiple of 64 (at least 64).</param>
    /// <param name="maxStreams">Maximum SSRCs tracked per kind (RTP/RTCP) and operation.</param>
    public SrtpContext(SrtpKeyingMaterial keys, int replayWindow = DefaultReplayWindow, int maxStreams = DefaultMaxStreams)
        : this(CheckNotNull(keys).Profile, SrtpKeyDerivation.Derive(keys), replayWindow, maxStreams)
    {
    }

    /// <summary>Creates a context from session keys directly (RFC test vectors give session keys).</summary>
    internal SrtpContext(SrtpProfile profile, SrtpSessionKeys sessionKeys, int replayWindow = DefaultReplayWindow, int maxStreams = DefaultMaxStreams)
    {
        ArgumentNullException.ThrowIfNull(sessionKeys);
        if (replayWindow < 64 || replayWindow % 64 != 0 || replayWindow > 1 << 16)
        {
            throw new ArgumentOutOfRangeException(nameof(replayWindow), replayWindow, "Use a multiple of 64 between 64 and 65536.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxStreams, 1);
        Profile = profile;
        _windowSize = replayWindow;
        _maxStreams = maxStreams;
        _cipher = profile switch
        {
            SrtpProfile.Aes128CmHmacSha1_80 => new AesCmHmacSha1Cipher(sessionKeys),
            SrtpProfile.AeadAes128Gcm => new AesGcmCipher(sessionKeys),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
        };
    }

    /// <summary>The protection profile.</summary>
    public SrtpProfile Profile { get; }

    /// <summary>Bytes <see cref="ProtectRtp"/> appends.</summary>
    public int RtpOverhead => _cipher.TagLength;

    /// <summary>Bytes <see cref="ProtectRtcp"/> appends.</summary>
    public int RtcpOverhead => _cipher.TagLength + 4;

    /// <summary>
    /// Encrypts and authenticates the RTP packet in buffer[..length] in place and appends the tag.
    /// The rollover counter of the SSRC advances when its sequence number wraps.
    /// </summary>
    public SrtpResult ProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryGetRtpHeaderLength(buffer, length, 0, out int headerLength))
        {
            return SrtpResult.Malformed;
        }

        int tag = _cipher.TagLength;
        if (buffer.Length < length + tag)
        {
            return SrtpResult.BufferTooSmall;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[8..]);
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
        if (!TryGetState(_rtpProtect, ssrc, static w => new RtpStreamState(w), out var state))
        {
            return SrtpResult.StreamLimitReached;
        }

        long index = state.EstimateIndex(sequence);
        if (index < 0)
        {
            // Older than the first packet we sent on this SSRC with ROC 0: cannot be expressed.
            return SrtpResult.ReplayDetected;
        }

        _cipher.ProtectRtp(buffer[..length], headerLength, ssrc, index, buffer.Slice(length, tag));
        state.Window.Accept(index);
        protectedLength = length + tag;
        return SrtpResult.Ok;
    }

    /// <summary>Verifies and decrypts the SRTP packet in buffer[..length] in place.</summary>
    public SrtpResult UnprotectRtp(Span<byte> buffer, int length, out int plainLength)
    {
        plainLength = 0;
        ObjectDisposedException.ThrowIf(_disposed, this);
        int tag = _cipher.TagLength;
        if ((uint)length > (uint)buffer.Length || !TryGetRtpHeaderLength(buffer, length, tag, out int headerLength))
        {
            return SrtpResult.Malformed;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[8..]);
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
        _rtpUnprotect.TryGetValue(ssrc, out var state);
        long index = state?.EstimateIndex(sequence) ?? sequence;
        if (index < 0 || (state is not null && !state.Window.Check(index)))
        {
            return SrtpResult.ReplayDetected;
        }

        if (state is null && _rtpUnprotect.Count >= _maxStreams)
        {
            return SrtpResult.StreamLimitReached;
        }

        int bodyLength = length - tag;
        if (!_cipher.UnprotectRtp(buffer[..bodyLength], headerLength, ssrc, index, buffer.Slice(bodyLength, tag)))
        {
            return SrtpResult.AuthenticationFailed;
        }

        if (state is null)
        {
            state = new RtpStreamState(_windowSize);
            _rtpUnprotect.Add(ssrc, state);
        }

        state.Window.Accept(index);
        plainLength = bodyLength;
        return SrtpResult.Ok;
    }

    /// <summary>
    /// Encrypts and authenticates the (compound) RTCP packet in buffer[..length] in place, appending the
    /// E||SRTCP-index word and the tag (<see cref="RtcpOverhead"/> bytes).
    /// </summary>
    public SrtpResult ProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsRtcpHeader(buffer, length, 0))
        {
            return SrtpResult.Malformed;
        }

        if (buffer.Length < length + RtcpOverhead)
        {
            return SrtpResult.BufferTooSmall;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        if (!TryGetState(_rtcpProtect, ssrc, static w => new RtcpStreamState(w), out var state))
        {
            return SrtpResult.StreamLimitReached;
        }

        uint index = state.NextSendIndex;
        state.NextSendIndex = (index + 1) & RtcpStreamState.MaxIndex;
        protectedLength = _cipher.ProtectRtcp(buffer, length, ssrc, index);
        return SrtpResult.Ok;
    }

    /// <summary>Verifies and (when E = 1) decrypts the SRTCP packet in buffer[..length] in place.</summary>
    public SrtpResult UnprotectRtcp(Span<byte> buffer, int length, out int plainLength)
    {
        plainLength = 0;
        ObjectDisposedException.ThrowIf(_disposed, this);
        if ((uint)length > (uint)buffer.Length || !IsRtcpHeader(buffer, length, RtcpOverhead))
        {
            return SrtpResult.Malformed;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        int wordOffset = Profile == SrtpProfile.AeadAes128Gcm ? length - 4 : length - _cipher.TagLength - 4;
        uint word = BinaryPrimitives.ReadUInt32BigEndian(buffer[wordOffset..]);
        bool encrypted = (word & 0x8000_0000u) != 0;
        uint index = word & RtcpStreamState.MaxIndex;
        _rtcpUnprotect.TryGetValue(ssrc, out var state);
        if (state is not null && !state.Window.Check(index))
        {
            return SrtpResult.ReplayDetected;
        }

        if (state is null && _rtcpUnprotect.Count >= _maxStreams)
        {
            return SrtpResult.StreamLimitReached;
        }

        int plain = _cipher.UnprotectRtcp(buffer, length, ssrc, index, encrypted);
        if (plain < 0)
        {
            return SrtpResult.AuthenticationFailed;
        }

        if (state is null)
        {
            state = new RtcpStreamState(_windowSize);
            _rtcpUnprotect.Add(ssrc, state);
        }

        state.Window.Accept(index);
        plainLength = plain;
        return SrtpResult.Ok;
    }

    /// <summary>Sets the next SRTCP index used for <paramref name="ssrc"/> (tests and key-continuity cases).</summary>
    internal void SetNextRtcpIndex(uint ssrc, uint index)
    {
        if (TryGetState(_rtcpProtect, ssrc, static w => new RtcpStreamState(w), out var state))
        {
            state.NextSendIndex = index & RtcpStreamState.MaxIndex;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cipher.Dispose();
        _rtpProtect.Clear();
        _rtpUnprotect.Clear();
        _rtcpProtect.Clear();
        _rtcpUnprotect.Clear();
    }

    private static SrtpKeyingMaterial CheckNotNull(SrtpKeyingMaterial keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys;
    }

    /// <summary>RTP fixed header, CSRCs and header extension must fit in buffer[..length − trailer].</summary>
    private static bool TryGetRtpHeaderLength(ReadOnlySpan<byte> buffer, int length, int trailer, out int headerLength)
    {
        headerLength = 0;
        if (length < 0 || length > buffer.Length)
        {
            return false;
        }

        int available = length - trailer;
        if (available < RtpHeaderLength || (buffer[0] >> 6) != 2)
        {
            return false;
        }

        int h = RtpHeaderLength + (4 * (buffer[0] & 0x0F));
        if ((buffer[0] & 0x10) != 0)
        {
            if (h + 4 > available)
            {
                return false;
            }

            h += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(buffer[(h + 2)..]));
        }

        if (h > available)
        {
            return false;
        }

        headerLength = h;
        return true;
    }

    private static bool IsRtcpHeader(ReadOnlySpan<byte> buffer, int length, int trailer) =>
        length >= 0 && length <= buffer.Length && length - trailer >= RtcpHeaderLength && (buffer[0] >> 6) == 2;

    private bool TryGetState<T>(Dictionary<uint, T> map, uint ssrc, Func<int, T> create, out T state)
        where T : class
    {
        if (map.TryGetValue(ssrc, out state!))
        {
            return true;
        }

        if (map.Count >= _maxStreams)
        {
            return false;
        }

        state = create(_windowSize);
        map.Add(ssrc, state);
        return true;
    }
}
