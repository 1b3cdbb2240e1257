using System.Net;
using System.Runtime.InteropServices;
using static Convene.Sfu.Udp.Native;

namespace Convene.Sfu.Udp;

/// <summary>
/// Waits for the media socket with <c>poll(2)</c> (a timeout is a return value, not an exception) and then takes up
/// to <see cref="Capacity"/> queued datagrams with one non-blocking <c>recvmmsg(2)</c>. Linux only; owned by the
/// receive thread. Datagram bytes stay in native memory until the next <see cref="Receive"/>.
/// </summary>
internal sealed unsafe class ReceiveBatch : IDisposable
{
    public const int Capacity = 32;
    public const int SlotSize = 2048;
    private const int AddressSize = 128;
    private readonly byte* _data;
    private readonly byte* _addresses;
    private readonly Iovec* _iov;
    private readonly MMsgHdr* _headers;
    private int _count;
    private int _filled;
    private bool _disposed;

    public ReceiveBatch()
    {
        _data = (byte*)NativeMemory.Alloc((nuint)(Capacity * SlotSize));
        _addresses = (byte*)NativeMemory.AllocZeroed((nuint)(Capacity * AddressSize));
        _iov = (Iovec*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(Iovec)));
        _headers = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(MMsgHdr)));
        Arm(Capacity);
    }

    /// <summary>
    /// Waits at most <paramref name="timeoutMilliseconds"/> for data and receives what is queued. Returns the number of
    /// datagrams (0: timed out or interrupted); <paramref name="error"/> is the errno of a failed call (ICMP errors
    /// queued on the socket surface here), else 0.
    /// </summary>
    public int Receive(SafeHandle socket, int timeoutMilliseconds, out int error)
    {
        error = 0;
        _count = 0;
        var added = false;
        try
        {
            socket.DangerousAddRef(ref added);
            var fd = (int)socket.DangerousGetHandle();

            // Busy socket: one recvmmsg. Only when nothing is queued does the thread wait in poll and try again.
            var received = TakeQueued(fd, out var errno);
            if (received == 0 && errno == EAGAIN)
            {
                var poll = new PollFd { Fd = fd, Events = POLLIN };
                var ready = Native.Poll(&poll, 1, timeoutMilliseconds);
                if (ready <= 0)
                {
                    errno = ready < 0 ? Marshal.GetLastPInvokeError() : 0;
                    error = errno == EINTR ? 0 : errno;
                    return 0;
                }

                received = TakeQueued(fd, out errno);
            }

            if (received == 0)
            {
                error = errno is EAGAIN or EINTR ? 0 : errno;
                return 0;
            }

            _count = received;
            return received;
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }
    }

    private int TakeQueued(int fd, out int errno)
    {
        // The kernel overwrites the address length, flags and length of the slots it filled: re-arm those.
        Arm(_filled);
        var received = ReceiveMultiple(fd, _headers, Capacity, MSG_DONTWAIT, null);
        errno = received < 0 ? Marshal.GetLastPInvokeError() : 0;
        _filled = Math.Max(received, 0);
        return _filled;
    }

    private void Arm(int slots)
    {
        for (var i = 0; i < slots; i++)
        {
            _iov[i] = new Iovec { Base = _data + (i * SlotSize), Length = SlotSize };
            _headers[i] = new MMsgHdr
            {
                Header = new MsgHdr { Name = _addresses + (i * AddressSize), NameLength = AddressSize, Iov = &_iov[i], IovLength = 1 },
            };
        }
    }

    /// <summary>False for a datagram longer than a slot (cut off by the kernel: drop it).</summary>
    public bool IsComplete(int index) => ((uint)index < (uint)_count) && (_headers[index].Header.Flags & MSG_TRUNC) == 0;

    /// <summary>The bytes of datagram <paramref name="index"/>, valid until the next <see cref="Receive"/>.</summary>
    public Span<byte> Datagram(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        var length = (int)Math.Min(_headers[index].Length, SlotSize);
        return new Span<byte>(_data + (index * SlotSize), length);
    }

    /// <summary>Copies the sender of datagram <paramref name="index"/> into <paramref name="remote"/> (native sockaddr layout).</summary>
    public void CopySender(int index, SocketAddress remote)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        var length = (int)Math.Min(_headers[index].Header.NameLength, (uint)Math.Min(AddressSize, remote.Buffer.Length));
        new ReadOnlySpan<byte>(_addresses + (index * AddressSize), length).CopyTo(remote.Buffer.Span);
        remote.Size = length;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        NativeMemory.Free(_data);
        NativeMemory.Free(_addresses);
        NativeMemory.Free(_iov);
        NativeMemory.Free(_headers);
    }
}
