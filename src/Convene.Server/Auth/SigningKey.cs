namespace Convene.Server.Auth;

/// <summary>
/// The HMAC key for every token, generated on first start and kept in the database's settings table; loaded by the
/// start-up initialiser before the server takes requests.
/// </summary>
internal sealed class SigningKey
{
    private byte[]? _key;

    public byte[] Key => _key ?? throw new InvalidOperationException("The signing key has not been loaded yet.");

    public void Load(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The signing key must be at least 256 bits.", nameof(key));
        }

        _key = key;
    }
}
