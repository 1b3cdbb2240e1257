using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Convene.Dtls;

/// <summary>Builds the ECDSA-SHA256 credentials of our certificate for a handshake.</summary>
internal static class DtlsSigner
{
    public static TlsCredentialedSigner Create(TlsContext context, BcTlsCrypto crypto, DtlsCertificate certificate)
    {
        var chain = new Certificate([crypto.CreateCertificate(certificate.Der)]);
        return new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(context),
            crypto,
            certificate.PrivateKey,
            chain,
            SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }
}
