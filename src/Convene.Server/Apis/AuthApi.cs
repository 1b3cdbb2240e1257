using System.Text.Json;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Http;

namespace Convene.Server.Apis;

/// <summary>Console login, refresh and logout: <c>/internal-api/v1/auth</c> (contract §4.2).</summary>
internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/internal-api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).WithName("Login").WithSummary("Log in as a console user")
            .DocumentsBody<LoginBody>().Produces<LoginResponse>().ProducesErrors(400, 404, 422, 429);
        auth.MapPost("/refresh", RefreshAsync).WithName("RefreshToken").WithSummary("Exchange a refresh token (X-Refresh-Token) for an access token")
            .Produces<RefreshResponse>().ProducesErrors(400, 403);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout").WithSummary("Log out; revokes the presented tokens' generation")
            .Produces<MessageBody>();
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, JsonBodyReader reader, IUserRepository users, UserTokenService tokens, LoginThrottle throttle, CancellationToken cancellationToken)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(client))
        {
            return TypedResults.Text("Too many login attempts, please try again later", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var (body, error) = await reader.ReadAsync(http.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        var username = MinString(body, "username", 4, errors);
        var password = MinString(body, "password", 4, errors);
        if (username is null || password is null)
        {
            return errors.ToResult();
        }

        var user = await users.FindAsync(username, cancellationToken);
        // Hash even for unknown users so timing does not reveal which usernames exist.
        var valid = PasswordHasher.Verify(password, user?.PasswordHash ?? UnknownUserHash);
        if (user is null || !valid)
        {
            throttle.RecordFailure(client);
            return ApiErrors.Error(StatusCodes.Status404NotFound, "Login Error", "Invalid username or password");
        }

        return TypedResults.Ok(new LoginResponse(
            ApiErrors.F("User '{0}' logged in successfully", user.Username), tokens.IssueAccess(user), tokens.IssueRefresh(user)));
    }

    private static async Task<IResult> RefreshAsync(HttpContext http, IUserRepository users, UserTokenService tokens, CancellationToken cancellationToken)
    {
        var token = AuthFilter.BearerToken(http.Request, "X-Refresh-Token", null);
        if (token is null)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "Refresh Token Error", "No refresh token provided");
        }

        if (!tokens.TryValidate(token, TokenType.Refresh, out var username, out var generation))
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "Refresh Token Error", "Invalid refresh token");
        }

        var user = await users.FindAsync(username, cancellationToken);
        if (user is null)
        {
            return ApiErrors.Forbidden("Invalid token subject");
        }

        if (user.TokenGeneration != generation)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "Refresh Token Error", "Invalid refresh token");
        }

        return TypedResults.Ok(new RefreshResponse(ApiErrors.F("Access token for user '{0}' successfully refreshed", user.Username), tokens.IssueAccess(user)));
    }

    /// <summary>
    /// Stateless in the contract; here a presented valid access or refresh token also revokes every token of that user
    /// (the token generation is bumped), so a stolen token stops working once its owner logs out.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, IUserRepository users, UserTokenService tokens, CancellationToken cancellationToken)
    {
        var presented = new[]
        {
            (AuthFilter.BearerToken(http.Request, "Authorization", null), TokenType.Access),
            (AuthFilter.BearerToken(http.Request, "X-Refresh-Token", null), TokenType.Refresh),
        };
        foreach (var (token, type) in presented)
        {
            if (token is not null && tokens.TryValidate(token, type, out var username, out var generation))
            {
                var user = await users.FindAsync(username, cancellationToken);
                if (user is not null && user.TokenGeneration == generation)
                {
                    user.TokenGeneration++;
                    await users.UpdateAsync(user, cancellationToken);
                    break;
                }
            }
        }

        return TypedResults.Ok(new MessageBody("Logout successful"));
    }

    /// <summary>A valid hash of a random password, verified against when the user does not exist.</summary>
    private static readonly string UnknownUserHash =
        "pbkdf2-sha256$100000$" + Convert.ToBase64String(new byte[16]) + "$" + Convert.ToBase64String(new byte[32]);

    internal static string? MinString(JsonElement body, string name, int min, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
            return null;
        }

        if (!body.TryGetProperty(name, out var value))
        {
            errors.Add(name, "Required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.ExpectedType(name, "string", value);
            return null;
        }

        var text = value.GetString()!;
        if (text.Length < min)
        {
            errors.Add(name, ApiErrors.F("String must contain at least {0} character(s)", min));
            return null;
        }

        return text;
    }
}
