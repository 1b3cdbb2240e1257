using System.Net;
using System.Runtime.InteropServices;
using static Convene.Sfu.Udp.Native;

namespace Convene.Sfu.Udp;

/// <summary>
/// Collects the datagrams the media worker sends while handling one batch of received datagrams (the fan-out of those
/// packets to every subscriber) and hands them to the kernel in one <c>sendmmsg(2)</c> call. With segmentation
/// offload on, the queued datagrams to one destination that have the same size (the last may be shorter) travel as
/// one message with a <c>UDP_SEGMENT</c> control message (UDP GSO): the kernel routes and builds the packet once and
/// splits it into separate datagrams. Per-destination order is kept. If the kernel refuses GSO (EINVAL/EIO) it is
/// switched off for this socket, counted, and the rest is sent datagram by datagram. Linux only; owned by the receive
/// thread. Payloads and addresses are copied into native memory, so the worker's scratch buffers can be reused at once.
/// </summary>
internal sealed unsafe class SendBatch : IDisposable
{
    public const int Capacity = 256;

    /// <summary>Most segments in one GSO message (the kernel's UDP_MAX_SEGMENTS is 64 on older kernels).</summary>
    public const int MaxSegments = 64;
    private const int MaxSegmentedBytes = 60_000; // below the 64 KiB IP packet limit with headers
    private const int SlotSize = 2048;
    private const int AddressSize = 128;
    private const int ControlSize = 24; // CMSG_SPACE(sizeof(ushort)) on 64-bit Linux
    private const int EIO = 5;
    private const int EINVAL = 22;
    private readonly byte* _data;
    private readonly byte* _addresses;
    private readonly Iovec* _iov;
    private readonly MMsgHdr* _headers;
    private readonly Iovec* _groupIov;
    private readonly MMsgHdr* _groupHeaders;
    private readonly byte* _control;
    private readonly int* _groupSlots; // slot of each _groupIov entry
    private readonly int* _groupStart; // first _groupIov entry of each message
    private int _count;
    private long _segmentationFallbacks;
    private bool _disposed;

    public SendBatch(bool segmentation = false)
    {
        Segmentation = segmentation;
        _data = (byte*)NativeMemory.Alloc((nuint)(Capacity * SlotSize));
        _addresses = (byte*)NativeMemory.AllocZeroed((nuint)(Capacity * AddressSize));
        _iov = (Iovec*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(Iovec)));
        _headers = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(MMsgHdr)));
        _groupIov = (Iovec*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(Iovec)));
        _groupHeaders = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(MMsgHdr)));
        _control = (byte*)NativeMemory.AllocZeroed((nuint)(Capacity * ControlSize));
        _groupSlots = (int*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(int)));
        _groupStart = (int*)NativeMemory.AllocZeroed((nuint)((Capacity + 1) * sizeof(int)));
    }

    public int Count => _count;

    /// <summary>True while GSO is used; false from the start or after the kernel refused it.</summary>
    public bool Segmentation { get; private set; }

    /// <summary>How often the kernel refused a GSO message and the socket fell back to one datagram per message.</summary>
    public long SegmentationFallbacks => _segmentationFallbacks;

    /// <summary>Messages handed to the kernel by the last <see cref="Flush"/> (datagrams, or GSO groups).</summary>
    public int LastFlushMessages { get; private set; }

    /// <summary>Queues a copy; false when full or the datagram/address does not fit (send it directly then).</summary>
    public bool TryAdd(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        if (_count == Capacity || datagram.Length > SlotSize || remote.Size > AddressSize)
        {
            return false;
        }

        var i = _count;
        var data = _data + (i * SlotSize);
        var address = _addresses + (i * AddressSize);
        datagram.CopyTo(new Span<byte>(data, SlotSize));
        remote.Buffer.Span[..remote.Size].CopyTo(new Span<byte>(address, AddressSize));
        _iov[i] = new Iovec { Base = data, Length = (nuint)datagram.Length };
        _headers[i] = new MMsgHdr
        {
            Header = new MsgHdr { Name = address, NameLength = (uint)remote.Size, Iov = &_iov[i], IovLength = 1 },
        };
        _count++;
        return true;
    }

    /// <summary>Sends everything queued. Returns how many went out; <paramref name="failed"/> counts refused datagrams.</summary>
    public int Flush(SafeHandle socket, out int failed)
    {
        failed = 0;
        var sent = 0;
        var count = _count;
        _count = 0;
        LastFlushMessages = 0;
        if (count == 0)
        {
            return 0;
        }

        var added = false;
        try
        {
            socket.DangerousAddRef(ref added);
            var fd = (int)socket.DangerousGetHandle();
            var plain = count;
            if (Segmentation && count > 1)
            {
                plain = SendSegmented(fd, count, ref sent, ref failed);
            }

            if (plain > 0)
            {
                LastFlushMessages += plain;
                SendPlain(fd, plain, ref sent, ref failed);
            }
        }
        catch (ObjectDisposedException)
        {
            failed = count - sent;
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }

        return sent;
    }

    /// <summary>Sends _headers[0..count) one datagram per message.</summary>
    private void SendPlain(int fd, int count, ref int sent, ref int failed)
    {
        var offset = 0;

        // Each round sends at least one datagram or skips one that failed, so this ends within count rounds
        // (plus a few retries after signals).
        for (var round = 0; round < count + 4 && offset < count; round++)
        {
            var result = SendMultiple(fd, _headers + offset, (uint)(count - offset), 0);
            if (result > 0)
            {
                sent += result;
                offset += result;
            }
            else if (result < 0 && Marshal.GetLastPInvokeError() == EINTR)
            {
                continue;
            }
            else
            {
                failed++; // the first datagram of the rest was refused (e.g. ICMP unreachable, no buffer): drop it
                offset++;
            }
        }

        failed += count - offset;
    }

    /// <summary>
    /// Groups the queued datagrams per destination and sends the groups. Returns how many datagrams are left for
    /// <see cref="SendPlain"/> (moved to the front of _headers, in queue order): 0 unless the kernel refused GSO.
    /// </summary>
    private int SendSegmented(int fd, int count, ref int sent, ref int failed)
    {
        var messages = Group(count);
        var offset = 0;
        for (var round = 0; round < messages + 4 && offset < messages; round++)
        {
            var result = SendMultiple(fd, _groupHeaders + offset, (uint)(messages - offset), 0);
            if (result > 0)
            {
                LastFlushMessages += result;
                sent += _groupStart[offset + result] - _groupStart[offset];
                offset += result;
                continue;
            }

            var errno = result < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (errno == EINTR)
            {
                continue;
            }

            if (errno is EINVAL or EIO && _groupHeaders[offset].Header.IovLength > 1)
            {
                // No GSO on this socket/route (old kernel, no checksum offload, IPsec...): never again, and the
                // datagrams not sent yet go out one by one, in the order they were queued.
                Segmentation = false;
                _segmentationFallbacks++;
                return CompactUnsent(count, offset, messages);
            }

            LastFlushMessages++;
            failed += _groupStart[offset + 1] - _groupStart[offset]; // refused (ICMP unreachable, no buffer): drop it
            offset++;
        }

        failed += _groupStart[messages] - _groupStart[offset];
        return 0;
    }

    /// <summary>Builds one message per run of same-size datagrams to one destination; returns the message count.</summary>
    private int Group(int count)
    {
        Span<bool> taken = stackalloc bool[Capacity];
        var messages = 0;
        var entries = 0;
        for (var first = 0; first < count; first++)
        {
            if (taken[first])
            {
                continue;
            }

            _groupStart[messages] = entries;
            var size = (int)_iov[first].Length;
            var total = size;
            _groupSlots[entries] = first;
            _groupIov[entries++] = _iov[first];
            taken[first] = true;
            var segments = 1;
            var name = _headers[first].Header.Name;
            var nameLength = _headers[first].Header.NameLength;
            var to = new ReadOnlySpan<byte>(name, (int)nameLength);
            for (var next = first + 1; next < count; next++)
            {
                if (taken[next] || _headers[next].Header.NameLength != nameLength ||
                    !to.SequenceEqual(new ReadOnlySpan<byte>(_headers[next].Header.Name, (int)nameLength)))
                {
                    continue;
                }

                var length = (int)_iov[next].Length;
                if (length > size || segments == MaxSegments || total + length > MaxSegmentedBytes)
                {
                    break; // it cannot join, and later datagrams to this destination must not overtake it
                }

                _groupSlots[entries] = next;
                _groupIov[entries++] = _iov[next];
                taken[next] = true;
                segments++;
                total += length;
                if (length < size)
                {
                    break; // a shorter datagram can only be the last segment
                }
            }

            var control = _control + (messages * ControlSize);
            if (segments > 1)
            {
                *(nuint*)control = 18; // cmsg_len = CMSG_LEN(sizeof(ushort))
                *(int*)(control + 8) = SolUdp;
                *(int*)(control + 12) = UdpSegment;
                *(ushort*)(control + 16) = (ushort)size;
            }

            _groupHeaders[messages] = new MMsgHdr
            {
                Header = new MsgHdr
                {
                    Name = name,
                    NameLength = nameLength,
                    Iov = _groupIov + _groupStart[messages],
                    IovLength = (nuint)segments,
                    Control = segments > 1 ? control : null,
                    ControlLength = segments > 1 ? (nuint)ControlSize : 0,
                },
            };
            messages++;
        }

        _groupStart[messages] = entries;
        return messages;
    }

    private int CompactUnsent(int count, int fromMessage, int messages)
    {
        Span<bool> unsent = stackalloc bool[Capacity];
        for (var entry = _groupStart[fromMessage]; entry < _groupStart[messages]; entry++)
        {
            unsent[_groupSlots[entry]] = true;
        }

        var kept = 0;
        for (var slot = 0; slot < count; slot++)
        {
            if (unsent[slot])
            {
                _headers[kept++] = _headers[slot]; // kept <= slot, and each header still points at its own iovec
            }
        }

        return kept;
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
        NativeMemory.Free(_groupIov);
        NativeMemory.Free(_groupHeaders);
        NativeMemory.Free(_control);
        NativeMemory.Free(_groupSlots);
        NativeMemory.Free(_groupStart);
    }
}
