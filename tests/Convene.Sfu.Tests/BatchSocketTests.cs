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

    private sealed class Recorder : IDatagramHandler
    {
        private int _ticks;

        public ConcurrentQueue<int> Numbers { get; } = new();

        public int Ticks => Volatile.Read(ref _ticks);

        public void OnDatagram(Span<byte> datagram, SocketAddress remote) => Numbers.Enqueue(BinaryPrimitives.ReadInt32BigEndian(datagram));

        public void OnTick() => Interlocked.Increment(ref _ticks);
    }
}
