using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Convene.Dtls;

/// <summary>BouncyCastle server peer: DTLS 1.2, ECDSA, mutual authentication by SDP fingerprint, use_srtp, EMS.</summary>
internal sealed class SrtpDtlsServer(BcTlsCrypto crypto, DtlsCertificate certificate, DtlsSrtpPeerState state, DtlsTransportOptions options)
    : DefaultTlsServer(crypto)
{
    public override bool RequiresExtendedMasterSecret() => true;

    public override int GetHandshakeTimeoutMillis() => options.HandshakeTimeoutMillis;

    public override int GetHandshakeResendTimeMillis() => options.InitialRetransmitMillis;

    public override CertificateRequest GetCertificateRequest() =>
        new([ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign], TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context), null);

    public override void NotifyClientCertificate(Certificate clientCertificate) => state.CheckPeerCertificate(clientCertificate);

    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        var offered = TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions)?.ProtectionProfiles ?? [];
        foreach (var profile in state.Profiles)
        {
            if (offered.Contains((int)profile))
            {
                state.Selected = profile;
                return;
            }
        }

        state.NoCommonProfile = true;
        throw new TlsFatalAlert(AlertDescription.handshake_failure);
    }

    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        var extensions = base.GetServerExtensions();
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData([(int)state.Selected!.Value], []));
        return extensions;
    }

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

    protected override TlsCredentialedSigner GetECDsaSignerCredentials() =>
        DtlsSigner.Create(m_context, (BcTlsCrypto)Crypto, certificate);
}
