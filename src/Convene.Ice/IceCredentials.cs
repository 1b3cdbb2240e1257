using System.Buffers;

namespace Convene.Ice;

/// <summary>
/// ICE short-term credentials of one side (RFC 8839 §5.4): ufrag 4..256 and password 22..256 characters from the
/// ice-char set (ALPHA / DIGIT / "+" / "/").
/// </summary>
public sealed record IceCredentials
{
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static readonly SearchValues<char> IceCharSet = SearchValues.Create(IceChars);

    /// <summary>Creates credentials after checking lengths and characters.</summary>
    /// <exception cref="ArgumentException">Invalid ufrag or password.</exception>
    public IceCredentials(string Ufrag, string Password)
    {
        Check(Ufrag, 4, nameof(Ufrag));
        Check(Password, 22, nameof(Password));
        this.Ufrag = Ufrag;
        this.Password = Password;
    }

    /// <summary>The username fragment.</summary>
    public string Ufrag { get; }

    /// <summary>The password (the MESSAGE-INTEGRITY key, as UTF-8).</summary>
    public string Password { get; }

    /// <summary>Generates random credentials: an 8-character ufrag and a 24-character password.</summary>
    public static IceCredentials Generate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new IceCredentials(Pick(random, 8), Pick(random, 24));
    }

    /// <summary>True when every character is an ice-char.</summary>
    public static bool IsIceString(string value) => value is not null && value.AsSpan().IndexOfAnyExcept(IceCharSet) < 0;

    private static string Pick(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = IceChars[r.Next(IceChars.Length)];
            }
        });

    private static void Check(string value, int min, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length < min || value.Length > 256 || !IsIceString(value))
        {
            throw new ArgumentException($"{name} must be {min}..256 ice-chars (ALPHA / DIGIT / + /).", name);
        }
    }
}
