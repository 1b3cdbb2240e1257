using System.Security.Cryptography;

namespace Convene.Srtp;

/// <summary>
/// AES-128-GCM with a 12-byte nonce and a 16-byte tag, working in place (all SRTP needs). <see cref="Create"/> picks
/// <see cref="IntrinsicGcmTransform"/> when the CPU has AES-NI and PCLMULQDQ, else <see cref="SystemGcmTransform"/>.
/// </summary>
internal abstract class GcmTransform : IDisposable
{
    public const int KeyLength = 16;
    public const int NonceLength = 12;
    public const int TagLength = 16;

    public static GcmTransform Create(ReadOnlySpan<byte> key) =>
        IntrinsicGcmTransform.IsSupported ? new IntrinsicGcmTransform(key) : new SystemGcmTransform(key);

    /// <summary>Encrypts <paramref name="data"/> in place and writes the tag over (<paramref name="aad"/>, ciphertext).</summary>
    public abstract void Encrypt(ReadOnlySpan<byte> nonce, Span<byte> data, Span<byte> tag, ReadOnlySpan<byte> aad);

    /// <summary>Verifies the tag and decrypts <paramref name="data"/> in place; on false the data is cleared.</summary>
    public abstract bool Decrypt(ReadOnlySpan<byte> nonce, Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> aad);

    public abstract void Dispose();
}

/// <summary>The portable transform: <see cref="AesGcm"/> (OpenSSL / CNG).</summary>
internal sealed class SystemGcmTransform(ReadOnlySpan<byte> key) : GcmTransform
{
    private readonly AesGcm _aes = new(key, TagLength);

    public override void Encrypt(ReadOnlySpan<byte> nonce, Span<byte> data, Span<byte> tag, ReadOnlySpan<byte> aad) =>
        _aes.Encrypt(nonce, data, data, tag, aad);

    public override bool Decrypt(ReadOnlySpan<byte> nonce, Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> aad)
    {
        try
        {
            _aes.Decrypt(nonce, data, tag, data, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public override void Dispose() => _aes.Dispose();
}
