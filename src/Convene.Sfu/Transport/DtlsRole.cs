using Convene.Dtls;

namespace Convene.Sfu.Transport;

/// <summary>The DTLS side of a WebRTC transport: server (we answered setup:passive) or client (browser chose passive).</summary>
internal sealed class DtlsRole : IAsyncDisposable
{
    private readonly DtlsServerTransport? _server;
    private readonly DtlsClientTransport? _client;

    public DtlsRole(bool isClient, DtlsCertificate certificate, IDtlsOutput output, TimeProvider time)
    {
        if (isClient)
        {
            _client = new DtlsClientTransport(certificate, output, time);
        }
        else
        {
            _server = new DtlsServerTransport(certificate, output, time);
        }
    }

    public bool Feed(ReadOnlySpan<byte> datagram) => _server?.Feed(datagram) ?? _client!.Feed(datagram);

    public Task<DtlsHandshakeResult> Start(string remoteFingerprint, CancellationToken cancellationToken) =>
        _server?.Start(remoteFingerprint, cancellationToken) ?? _client!.Start(remoteFingerprint, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }
}
