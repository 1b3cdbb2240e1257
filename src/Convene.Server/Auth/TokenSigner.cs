using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Convene.Server.Auth;

/// <summary>
/// Compact JWS with HS256 (RFC 7515/7519): signs a claims object and verifies signature, <c>nbf</c> and <c>exp</c>
/// against the injected clock. Hand-rolled because we need only this one algorithm and exact control of claims.
/// </summary>
internal sealed class TokenSigner(SigningKey key, TimeProvider time)
{
    public const string Issuer = "convene";

    private static readonly byte[] HeaderSegment = Encoding.ASCII.GetBytes(Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8));

    public long NowSeconds => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Adds <c>iss</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c> and <c>tokenType</c>, then signs.</summary>
    public string Sign(JsonObject claims, TokenType type, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var now = NowSeconds;
        claims["iss"] = Issuer;
        claims["iat"] = now;
        claims["nbf"] = now;
        claims["exp"] = now + (long)lifetime.TotalSeconds;
        claims["tokenType"] = Http.WireNames.Of(type);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = new byte[HeaderSegment.Length + 1 + Encoding.ASCII.GetByteCount(payload)];
        HeaderSegment.CopyTo(signingInput, 0);
        signingInput[HeaderSegment.Length] = (byte)'.';
        Encoding.ASCII.GetBytes(payload, signingInput.AsSpan(HeaderSegment.Length + 1));
        var signature = HMACSHA256.HashData(key.Key, signingInput);
        return Encoding.ASCII.GetString(signingInput) + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Verifies a token of the given type; the claims are returned only when everything checks out.</summary>
    public bool TryVerify(string? token, TokenType expectedType, out JsonElement claims)
    {
        claims = default;
        if (string.IsNullOrEmpty(token) || token.Length > 8192)
        {
            return false;
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot)
        {
            return false;
        }

        var signingInput = Encoding.ASCII.GetBytes(token.AsSpan(0, lastDot).ToString());
        if (!signingInput.AsSpan(0, firstDot).SequenceEqual(HeaderSegment))
        {
            return false; // only our exact header (HS256) is accepted: no alg confusion
        }

        Span<byte> given = stackalloc byte[64];
        if (!Base64Url.IsValid(token.AsSpan(lastDot + 1)) ||
            Base64Url.GetMaxDecodedLength(token.Length - lastDot - 1) > given.Length ||
            Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1), given) is not 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(key.Key, signingInput, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, given[..32]))
        {
            return false;
        }

        try
        {
            var payloadChars = token.AsSpan(firstDot + 1, lastDot - firstDot - 1);
            var payload = Base64Url.DecodeFromChars(payloadChars);
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds) ||
                !root.TryGetProperty("tokenType", out var typeClaim) || typeClaim.ValueKind != JsonValueKind.String ||
                typeClaim.GetString() != Http.WireNames.Of(expectedType))
            {
                return false;
            }

            var now = NowSeconds;
            if (now >= expSeconds)
            {
                return false;
            }

            if (root.TryGetProperty("nbf", out var nbf) && nbf.TryGetInt64(out var nbfSeconds) && now < nbfSeconds)
            {
                return false;
            }

            claims = root.Clone();
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
