using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Convene.Dtls;

/// <summary>BouncyCastle client peer: offers use_srtp profiles, checks the server certificate by SDP fingerprint.</summary>
internal sealed class SrtpDtlsClient(BcTlsCrypto crypto, DtlsCertificate certificate, DtlsSrtpPeerState state, DtlsTransportOptions options)
    : DefaultTlsClient(crypto)
{
    public override bool RequiresExtendedMasterSecret() => true;

    public override int GetHandshakeTimeoutMillis() => options.HandshakeTimeoutMillis;

    public override int GetHandshakeResendTimeMillis() => options.InitialRetransmitMillis;

    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        var extensions = base.GetClientExtensions() ?? new Dictionary<int, byte[]>();
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(state.Profiles.Select(p => (int)p).ToArray(), []));
        return extensions;
    }

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        var chosen = TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions);
        if (chosen is null || chosen.ProtectionProfiles.Length != 1 || chosen.Mki.Length != 0)
        {
            state.NoCommonProfile = true;
            throw new TlsFatalAlert(AlertDescription.illegal_parameter);
        }

        var profile = state.Profiles.FirstOrDefault(p => (int)p == chosen.ProtectionProfiles[0]);
        if ((int)profile != chosen.ProtectionProfiles[0])
        {
            state.NoCommonProfile = true;
            throw new TlsFatalAlert(AlertDescription.illegal_parameter);
        }

        state.Selected = profile;
    }

    public override TlsAuthentication GetAuthentication() => new Authentication(this);

    private void CheckServer(Certificate? serverCertificate) => state.CheckPeerCertificate(serverCertificate);

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        state.Export(m_context);
    }

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        base.NotifyAlertReceived(alertLevel, alertDescription);
        state.OnAlert(alertLevel, alertDescription);
    }

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() => DtlsSrtpPeerState.CipherSuites;

    private TlsCredentials ClientCredentials() => DtlsSigner.Create(m_context, (BcTlsCrypto)Crypto, certificate);

    private sealed class Authentication(SrtpDtlsClient client) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate) =>
            client.CheckServer(serverCertificate?.Certificate);

        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) => client.ClientCredentials();
    }
}
