using System.Net;
using System.Runtime.InteropServices;
using static Convene.Sfu.Udp.Native;

namespace Convene.Sfu.Udp;

/// <summary>
/// Collects the datagrams the media worker sends while handling one received datagram (the fan-out of one packet to
/// every subscriber) and hands them to the kernel in one <c>sendmmsg(2)</c> call. Linux only; owned by the receive
/// thread. Payloads and addresses are copied into native memory, so the worker's scratch buffers can be reused at once.
/// </summary>
internal sealed unsafe class SendBatch : IDisposable
{
    public const int Capacity = 64;
    private const int SlotSize = 2048;
    private const int AddressSize = 128;
    private readonly byte* _data;
    private readonly byte* _addresses;
    private readonly Iovec* _iov;
    private readonly MMsgHdr* _headers;
    private int _count;
    private bool _disposed;

    public SendBatch()
    {
        _data = (byte*)NativeMemory.Alloc((nuint)(Capacity * SlotSize));
        _addresses = (byte*)NativeMemory.AllocZeroed((nuint)(Capacity * AddressSize));
        _iov = (Iovec*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(Iovec)));
        _headers = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(MMsgHdr)));
    }

    public int Count => _count;

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
        if (count == 0)
        {
            return 0;
        }

        var added = false;
        try
        {
            socket.DangerousAddRef(ref added);
            var fd = (int)socket.DangerousGetHandle();
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
