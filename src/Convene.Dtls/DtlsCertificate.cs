using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Convene.Dtls;

/// <summary>
/// A self-signed ECDSA P-256 certificate (SHA256withECDSA) for DTLS-SRTP, generated once per process; its SHA-256
/// fingerprint goes into every SDP the process writes.
/// </summary>
public sealed class DtlsCertificate
{
    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey, DateTimeOffset notAfter)
    {
        Der = der;
        PrivateKey = privateKey;
        NotAfter = notAfter;
        FingerprintValue = FormatFingerprint(der);
    }

    /// <summary>The fingerprint as SDP writes it after "a=fingerprint:": "sha-256 AB:CD:…".</summary>
    public string Fingerprint => "sha-256 " + FingerprintValue;

    /// <summary>Only the colon-separated uppercase hex of SHA-256 over the DER certificate.</summary>
    public string FingerprintValue { get; }

    /// <summary>End of validity.</summary>
    public DateTimeOffset NotAfter { get; }

    internal byte[] Der { get; }

    internal AsymmetricKeyParameter PrivateKey { get; }

    /// <summary>Generates a new key pair and certificate valid from one day ago for <paramref name="lifetime"/> (default 30 days).</summary>
    public static DtlsCertificate Generate(TimeProvider time, TimeSpan? lifetime = null, string commonName = "convene")
    {
        ArgumentNullException.ThrowIfNull(time);
        var random = new SecureRandom();
        var curve = ECNamedCurveTable.GetByName("P-256");
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(new ECNamedDomainParameters(X9ObjectIdentifiers.Prime256v1, curve), random));
        var keys = generator.GenerateKeyPair();
        var now = time.GetUtcNow();
        var notAfter = now + (lifetime ?? TimeSpan.FromDays(30));
        var builder = new X509V3CertificateGenerator();
        var name = new X509Name("CN=" + commonName);
        builder.SetSerialNumber(new BigInteger(64, random).Add(BigInteger.One));
        builder.SetIssuerDN(name);
        builder.SetSubjectDN(name);
        builder.SetNotBefore(now.AddDays(-1).UtcDateTime);
        builder.SetNotAfter(notAfter.UtcDateTime);
        builder.SetPublicKey(keys.Public);
        var certificate = builder.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", keys.Private, random));
        return new DtlsCertificate(certificate.GetEncoded(), keys.Private, notAfter);
    }

    /// <summary>SHA-256 fingerprint of a DER certificate in SDP form (without the algorithm).</summary>
    public static string FormatFingerprint(ReadOnlySpan<byte> der) => Convert.ToHexString(SHA256.HashData(der)) is var hex
        ? string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)))
        : string.Empty;

    /// <summary>
    /// Normalises a fingerprint from SDP ("sha-256 AB:…" or "AB:…", any case) to the value form; null when it is not a
    /// SHA-256 fingerprint.
    /// </summary>
    public static string? NormalizeFingerprint(string? fingerprint)
    {
        if (string.IsNullOrWhiteSpace(fingerprint))
        {
            return null;
        }

        var parts = fingerprint.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && !parts[0].Equals("sha-256", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = parts[^1].ToUpperInvariant();
        return value.Length == (32 * 3) - 1 ? value : null;
    }
}
