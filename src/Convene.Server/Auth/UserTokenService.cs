using System.Text.Json;
using System.Text.Json.Nodes;
using Convene.Domain.Users;
using Convene.Server.Http;
using Microsoft.Extensions.Options;

namespace Convene.Server.Auth;

/// <summary>
/// Access and refresh tokens for console users (contract §4.2): <c>sub</c>/<c>jti</c> = username, <c>metadata</c>
/// with roles, plus <c>gen</c>, the user's token generation (a password change revokes earlier tokens).
/// </summary>
internal sealed class UserTokenService(TokenSigner signer, IOptions<ConveneOptions> options)
{
    public string IssueAccess(User user) => Issue(user, TokenType.Access, options.Value.AccessTokenLifetime);

    public string IssueRefresh(User user) => Issue(user, TokenType.Refresh, options.Value.RefreshTokenLifetime);

    /// <summary>Verifies the token's signature, lifetime and type; returns its subject and generation.</summary>
    public bool TryValidate(string? token, TokenType type, out string username, out int generation)
    {
        username = string.Empty;
        generation = -1;
        if (!signer.TryVerify(token, type, out var claims) ||
            !claims.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String ||
            !claims.TryGetProperty("gen", out var gen) || !gen.TryGetInt32(out generation))
        {
            return false;
        }

        username = sub.GetString()!;
        return true;
    }

    private string Issue(User user, TokenType type, TimeSpan lifetime)
    {
        var roles = new JsonArray(user.Roles.Select(r => (JsonNode)WireNames.Of(r)).ToArray());
        var claims = new JsonObject
        {
            ["sub"] = user.Username,
            ["jti"] = user.Username,
            ["gen"] = user.TokenGeneration,
            ["metadata"] = new JsonObject { ["roles"] = roles }.ToJsonString(),
        };
        return signer.Sign(claims, type, lifetime);
    }
}
