using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Convene.Sfu.Transport;
using Convene.Sfu.Udp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Convene.Sfu.Tests;

/// <summary>The media socket's batched receive (poll + recvmmsg) over 127.0.0.1.</summary>
public sealed class BatchSocketTests
{
    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static byte[] Numbered(int n, int length = 100)
    {
        var datagram = new byte[length];
        BinaryPrimitives.WriteInt32BigEndian(datagram, n);
        return datagram;
    }

    [Fact]
    public void Queued_datagrams_come_out_in_order_in_full_batches_with_their_sender()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "recvmmsg is Linux only");
        using var receiver = Bound();
        using var sender = Bound();
        const int total = ReceiveBatch.Capacity + 8;
        for (var i = 0; i < total; i++)
        {
            sender.SendTo(Numbered(i, 100 + i), receiver.LocalEndPoint!);
        }

        using var batch = new ReceiveBatch();
        var seen = new List<int>();
        var from = new SocketAddress(AddressFamily.InterNetwork);
        var expectedFrom = sender.LocalEndPoint!.Serialize();
        var sizes = new List<int>();
        for (var round = 0; round < 10 && seen.Count < total; round++)
        {
            var count = batch.Receive(receiver.SafeHandle, 1000, out var error);
            Assert.Equal(0, error);
            sizes.Add(count);
            for (var i = 0; i < count; i++)
            {
                Assert.True(batch.IsComplete(i));
                var datagram = batch.Datagram(i);
                var n = BinaryPrimitives.ReadInt32BigEndian(datagram);
                Assert.Equal(100 + n, datagram.Length);
                batch.CopySender(i, from);
                Assert.Equal(expectedFrom, from);
                seen.Add(n);
            }
        }

        Assert.Equal(Enumerable.Range(0, total), seen);
        Assert.Equal(ReceiveBatch.Capacity, sizes[0]); // everything was queued: the first call takes a full batch
    }

    [Fact]
    public void An_idle_socket_times_out_with_a_return_value()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "recvmmsg is Linux only");
        using var receiver = Bound();
        using var batch = new ReceiveBatch();
        Assert.Equal(0, batch.Receive(receiver.SafeHandle, 1, out var error));
        Assert.Equal(0, error);
    }

    [Fact]
    public void A_datagram_longer_than_a_slot_is_flagged_not_delivered_cut()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "recvmmsg is Linux only");
        using var receiver = Bound();
        using var sender = Bound();
        sender.SendTo(new byte[ReceiveBatch.SlotSize + 100], receiver.LocalEndPoint!);
        sender.SendTo(Numbered(7), receiver.LocalEndPoint!);
        using var batch = new ReceiveBatch();
        var got = new List<bool>();
        for (var round = 0; round < 10 && got.Count < 2; round++)
        {
            var count = batch.Receive(receiver.SafeHandle, 1000, out _);
            for (var i = 0; i < count; i++)
            {
                got.Add(batch.IsComplete(i));
            }
        }

        Assert.Equal([false, true], got);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_transport_delivers_a_burst_in_order_ticks_when_idle_and_stops()
    {
        var handler = new Recorder();
        var transport = new UdpDatagramTransport(new SfuOptions { Port = 0, BindAddress = "127.0.0.1" }, TimeProvider.System, NullLogger<UdpDatagramTransport>.Instance);
        transport.Start(handler);
        using var sender = Bound();
        const int total = 200;
        for (var i = 0; i < total; i++)
        {
            sender.SendTo(Numbered(i), transport.LocalEndPoint);
        }

        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 2000 && (handler.Numbers.Count < total || handler.Ticks < 3); i++)
        {
            await Task.Delay(5, ct);
        }

        Assert.Equal(Enumerable.Range(0, total), handler.Numbers);
        Assert.True(handler.Ticks >= 3);
        Assert.Equal(0, transport.ReceiveErrors);
        Assert.Equal(total, transport.DatagramsReceived);
        await transport.DisposeAsync();
        Assert.False(transport.IsRunning);
    }

    private static List<(int Number, int Length)> Drain(Socket receiver, int expected)
    {
        var got = new List<(int, int)>();
        var buffer = new byte[70_000];
        for (var i = 0; i < expected + 5 && receiver.Poll(got.Count < expected ? 2_000_000 : 0, SelectMode.SelectRead); i++)
        {
            var n = receiver.Receive(buffer);
            got.Add((BinaryPrimitives.ReadInt32BigEndian(buffer), n));
        }

        return got;
    }

    private static (List<(int, int)> ToA, List<(int, int)> ToB, SendBatch Batch, int Sent, int Failed) SendMixed(bool segmentation, Action<Socket>? configure = null)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sendmmsg/GSO are Linux only");
        using var a = Bound();
        using var b = Bound();
        using var sender = Bound();
        configure?.Invoke(sender);
        var batch = new SendBatch(segmentation);
        var toA = a.LocalEndPoint!.Serialize();
        var toB = b.LocalEndPoint!.Serialize();

        // To A: ten of 300 B, one of 100 B (may end a GSO group), then 500 B and 300 B (a new group: it is larger).
        // To B: five of 200 B, interleaved.
        var expectedA = new List<(int, int)>();
        var expectedB = new List<(int, int)>();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(batch.TryAdd(Numbered(i, 300), toA));
            expectedA.Add((i, 300));
            if (i % 2 == 0)
            {
                Assert.True(batch.TryAdd(Numbered(100 + i, 200), toB));
                expectedB.Add((100 + i, 200));
            }
        }

        foreach (var (n, length) in new[] { (10, 100), (11, 500), (12, 300) })
        {
            Assert.True(batch.TryAdd(Numbered(n, length), toA));
            expectedA.Add((n, length));
        }

        var sent = batch.Flush(sender.SafeHandle, out var failed);
        var gotA = Drain(a, expectedA.Count);
        var gotB = Drain(b, expectedB.Count);
        Assert.Equal(expectedA, gotA);
        Assert.Equal(expectedB, gotB);
        return (gotA, gotB, batch, sent, failed);
    }

    [Fact]
    public void Gso_groups_arrive_as_separate_datagrams_in_order()
    {
        var (toA, toB, batch, sent, failed) = SendMixed(segmentation: true);
        using (batch)
        {
            Assert.Equal(toA.Count + toB.Count, sent);
            Assert.Equal(0, failed);
            Assert.True(batch.Segmentation, "the kernel refused GSO on loopback");
            Assert.Equal(0, batch.SegmentationFallbacks);
            Assert.Equal(3, batch.LastFlushMessages); // A: 10×300+100, A: 500+300, B: 5×200
        }
    }

    [Fact]
    public void Without_gso_every_datagram_is_its_own_message()
    {
        var (toA, toB, batch, sent, failed) = SendMixed(segmentation: false);
        using (batch)
        {
            Assert.Equal(toA.Count + toB.Count, sent);
            Assert.Equal(0, failed);
            Assert.Equal(sent, batch.LastFlushMessages);
        }
    }

    [Fact]
    public void A_refused_gso_send_falls_back_to_single_datagrams_and_is_counted()
    {
        // SO_NO_CHECK (no UDP checksum) makes the kernel refuse GSO with EINVAL, like a device without checksum offload.
        var (toA, toB, batch, sent, failed) = SendMixed(segmentation: true, s => s.SetRawSocketOption(1, 11, BitConverter.GetBytes(1)));
        using (batch)
        {
            Assert.Equal(toA.Count + toB.Count, sent);
            Assert.Equal(0, failed);
            Assert.False(batch.Segmentation);
            Assert.Equal(1, batch.SegmentationFallbacks);
        }
    }

    private sealed class Recorder : IDatagramHandler
    {
        private int _ticks;

        public ConcurrentQueue<int> Numbers { get; } = new();

        public int Ticks => Volatile.Read(ref _ticks);

        public void OnDatagram(Span<byte> datagram, SocketAddress remote) => Numbers.Enqueue(BinaryPrimitives.ReadInt32BigEndian(datagram));

        public void OnTick() => Interlocked.Increment(ref _ticks);
    }
}
