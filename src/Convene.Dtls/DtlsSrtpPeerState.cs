using Org.BouncyCastle.Tls;

namespace Convene.Dtls;

/// <summary>What the BC peer callbacks learn during the handshake (written on the handshake thread only).</summary>
internal sealed class DtlsSrtpPeerState(string expectedFingerprint, IReadOnlyList<DtlsSrtpProfile> profiles)
{
    public string ExpectedFingerprint { get; } = expectedFingerprint;

    public IReadOnlyList<DtlsSrtpProfile> Profiles { get; } = profiles;

    public DtlsSrtpProfile? Selected { get; set; }

    public string? RemoteFingerprint { get; set; }

    public bool FingerprintMismatch { get; set; }

    public bool NoCommonProfile { get; set; }

    public byte[]? KeyingMaterial { get; set; }

    public int CipherSuite { get; set; }

    public bool HandshakeComplete { get; set; }

    public volatile bool RemoteClosed;

    public static int[] CipherSuites =>
    [
        Org.BouncyCastle.Tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        Org.BouncyCastle.Tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        Org.BouncyCastle.Tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        Org.BouncyCastle.Tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    ];

    public static int ExportLength(DtlsSrtpProfile profile)
    {
        var (key, salt) = DtlsSrtpKeys.Lengths(profile);
        return 2 * (key + salt);
    }

    /// <summary>Checks the peer certificate against the SDP fingerprint; throws bad_certificate on mismatch.</summary>
    public void CheckPeerCertificate(Certificate? certificate)
    {
        if (certificate is null || certificate.IsEmpty)
        {
            FingerprintMismatch = true;
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }

        RemoteFingerprint = DtlsCertificate.FormatFingerprint(certificate.GetCertificateAt(0).GetEncoded());
        if (!string.Equals(RemoteFingerprint, ExpectedFingerprint, StringComparison.Ordinal))
        {
            FingerprintMismatch = true;
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
    }

    /// <summary>Exports the keying material while the master secret still exists (RFC 5764 §4.2).</summary>
    public void Export(TlsContext context)
    {
        if (Selected is null)
        {
            NoCommonProfile = true;
            throw new TlsFatalAlert(AlertDescription.handshake_failure);
        }

        CipherSuite = context.SecurityParameters.CipherSuite;
        KeyingMaterial = context.ExportKeyingMaterial(ExporterLabel.dtls_srtp, null, ExportLength(Selected.Value));
        HandshakeComplete = true;
    }

    public void OnAlert(short level, short description)
    {
        if (description == AlertDescription.close_notify || level == AlertLevel.fatal)
        {
            RemoteClosed = true;
        }
    }
}
