using System.Net;
using System.Net.Sockets;
using Convene.Dtls;
using Convene.Ice;
using Convene.Sfu.Transport;
using Convene.Srtp;

namespace Convene.Bench.Sfu;

/// <summary>A synthetic WebRTC client on its own loopback UDP socket: ICE (controlling), DTLS client, SRTP.</summary>
internal sealed class BenchClient : IDtlsOutput, IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly SocketAddress _server;
    private readonly DtlsTransport _dtls;
    private readonly Thread _receiver;
    private volatile bool _stop;
    private long _received;

    public BenchClient(IPEndPoint server, DtlsCertificate certificate, Random random)
    {
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.SendBufferSize = 4 * 1024 * 1024;
        _socket.ReceiveTimeout = 50;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _server = server.Serialize();
        Certificate = certificate;
        Credentials = IceCredentials.Generate(random);
        _dtls = new DtlsTransport(DtlsSide.Client, certificate, this, TimeProvider.System);
        _receiver = new Thread(Receive) { IsBackground = true, Name = "bench-client" };
        _receiver.Start();
    }

    public DtlsCertificate Certificate { get; }

    public IceCredentials Credentials { get; }

    public SrtpContext? Outbound { get; private set; }

    public long Received => Interlocked.Read(ref _received);

    public async Task ConnectAsync(IceCredentials server, string serverFingerprint, CancellationToken ct)
    {
        var request = new byte[256];
        var txid = new byte[12];
        Random.Shared.NextBytes(txid);
        var n = StunMessageWriter.WriteBindingRequest(request, txid, Credentials, server, 2130706431, 42, useCandidate: true);
        _socket.SendTo(request.AsSpan(0, n), SocketFlags.None, _server);
        var handshake = await _dtls.Start(serverFingerprint, ct);
        if (!handshake.Succeeded)
        {
            throw new InvalidOperationException($"DTLS failed: {handshake.Status} {handshake.Error}");
        }

        Outbound = new SrtpContext(handshake.LocalWriteKeys!.ToSrtpKeyingMaterial());
    }

    /// <summary>Stops the receive thread (subscribers after the handshake: no wakeups, like the raw sendto baseline).</summary>
    public void StopReceiving()
    {
        _stop = true;
        _receiver.Join();
    }

    public void SendRaw(ReadOnlySpan<byte> datagram) => _socket.SendTo(datagram, SocketFlags.None, _server);

    void IDtlsOutput.Send(ReadOnlySpan<byte> datagram) => SendRaw(datagram);

    private void Receive()
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stop)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (n > 0 && buffer[0] is >= 20 and <= 63)
            {
                _dtls.Feed(buffer.AsSpan(0, n));
            }
            else if (n > 0 && buffer[0] >= 128)
            {
                Interlocked.Increment(ref _received);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop = true;
        _receiver.Join();
        await _dtls.DisposeAsync();
        Outbound?.Dispose();
        _socket.Dispose();
    }
}
