using Convene.Domain.Users;
using Convene.Server.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Server.Auth;

/// <summary>
/// Route authentication per contract §4.1: the accepted schemes are tried in order (API key, access token, room
/// member token), absent credentials are skipped, the first valid one wins, otherwise the last failure is returned
/// (or 401 <c>Unauthorized</c> when no credential was presented).
/// </summary>
internal sealed class AuthFilter(AuthSchemes schemes, UserRole[] accessTokenRoles) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (caller, error) = await AuthenticateAsync(http, schemes, accessTokenRoles);
        if (caller is null)
        {
            return error;
        }

        caller.AttachTo(http);
        return await next(context);
    }

    /// <summary>Runs the §4.1 algorithm; returns the caller or the error to answer with.</summary>
    public static async Task<(Caller? Caller, IResult Error)> AuthenticateAsync(HttpContext http, AuthSchemes schemes, UserRole[] accessTokenRoles)
    {
        IResult? lastError = null;
        var services = http.RequestServices;
        var request = http.Request;

        if (schemes.HasFlag(AuthSchemes.ApiKey) && request.Headers.TryGetValue("X-API-KEY", out var apiKey) && !string.IsNullOrEmpty(apiKey))
        {
            var keys = services.GetRequiredService<ApiKeyCache>();
            if (keys.IsEmpty)
            {
                lastError = ApiErrors.Unauthorized("There are no API keys configured yet. Please, create one to access the API");
            }
            else if (keys.Matches(apiKey.ToString()))
            {
                return (Caller.ApiUser, Results.Empty);
            }
            else
            {
                lastError = ApiErrors.Unauthorized("Invalid API key");
            }
        }

        if (schemes.HasFlag(AuthSchemes.AccessToken) && BearerToken(request, "Authorization", "accessToken") is { } accessToken)
        {
            var (user, error) = await ValidateAccessTokenAsync(services, accessToken, accessTokenRoles, http.RequestAborted);
            if (user is not null)
            {
                return (new Caller(CallerKind.User, user.Username, user.Roles, null), Results.Empty);
            }

            lastError = error;
        }

        if (schemes.HasFlag(AuthSchemes.RoomMemberToken) && BearerToken(request, "X-Room-Member-Token", "roomMemberToken") is { } memberToken)
        {
            var tokens = services.GetRequiredService<RoomMemberTokenService>();
            switch (tokens.Validate(memberToken, out var member))
            {
                case RoomMemberTokenValidation.Valid:
                    return (new Caller(CallerKind.RoomMember, member!.ParticipantId ?? "anonymous", [], member), Results.Empty);
                case RoomMemberTokenValidation.InvalidMetadata:
                    lastError = ApiErrors.Error(StatusCodes.Status400BadRequest, "Room Error", "Invalid room member token");
                    break;
                default:
                    lastError = ApiErrors.Unauthorized("Invalid token");
                    break;
            }
        }

        return (null, lastError ?? ApiErrors.Unauthorized());
    }

    /// <summary>Validates an access token and the user behind it; 401 for a bad token, 403 for a bad subject or role.</summary>
    public static async Task<(User? User, IResult Error)> ValidateAccessTokenAsync(IServiceProvider services, string token, UserRole[] roles, CancellationToken cancellationToken)
    {
        var tokens = services.GetRequiredService<UserTokenService>();
        if (!tokens.TryValidate(token, TokenType.Access, out var username, out var generation))
        {
            return (null, ApiErrors.Unauthorized("Invalid token"));
        }

        var user = await services.GetRequiredService<IUserRepository>().FindAsync(username, cancellationToken);
        if (user is null)
        {
            return (null, ApiErrors.Forbidden("Invalid token subject"));
        }

        if (user.TokenGeneration != generation)
        {
            return (null, ApiErrors.Unauthorized("Invalid token"));
        }

        if (roles.Length > 0 && !user.Roles.Any(roles.Contains))
        {
            return (null, ApiErrors.Forbidden());
        }

        return (user, Results.Empty);
    }

    /// <summary>The token after <c>Bearer </c> in the header, else the query fallback; null when absent.</summary>
    public static string? BearerToken(HttpRequest request, string header, string? queryFallback)
    {
        var value = request.Headers[header].ToString();
        if (value.StartsWith("Bearer ", StringComparison.Ordinal) && value.Length > 7)
        {
            return value[7..];
        }

        if (queryFallback is not null && request.Query.TryGetValue(queryFallback, out var query) && !string.IsNullOrEmpty(query))
        {
            return query.ToString();
        }

        return null;
    }
}
