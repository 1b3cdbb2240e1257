using Microsoft.AspNetCore.Http.HttpResults;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Http;

namespace Convene.Server.Apis;

/// <summary>The logged-in user's profile and password: <c>/internal-api/v1/users</c> (contract §5).</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/internal-api/v1/users").WithTags("Users");
        users.MapGet("/profile", Profile).RequireCaller(AuthSchemes.AccessToken, UserRole.Admin, UserRole.User)
            .WithName("GetProfile").WithSummary("The logged-in user's name and roles")
            .Produces<ProfileResponse>().ProducesErrors(401, 403);
        users.MapPost("/change-password", ChangePasswordAsync).RequireCaller(AuthSchemes.AccessToken, UserRole.Admin, UserRole.User)
            .WithName("ChangePassword").WithSummary("Change the logged-in user's password")
            .DocumentsBody<ChangePasswordBody>().Produces<MessageBody>().ProducesErrors(400, 401, 403, 413, 422);
        return app;
    }

    private static Ok<ProfileResponse> Profile(HttpContext http)
    {
        var caller = Caller.Of(http)!;
        return TypedResults.Ok(new ProfileResponse(caller.Username, caller.Roles.Select(WireNames.Of).ToList()));
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, JsonBodyReader reader, IUserRepository users, PasswordHasher hasher, CancellationToken cancellationToken)
    {
        var (body, error) = await reader.ReadAsync(http.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        var current = AuthApi.MinString(body, "currentPassword", 1, errors);
        string? next = null;
        if (body.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            next = AuthApi.MinString(body, "newPassword", 0, errors);
            if (next is not null && next.Length < 5)
            {
                errors.Add("newPassword", "New password must be at least 5 characters long");
                next = null;
            }
        }

        if (current is null || next is null)
        {
            return errors.ToResult();
        }

        var user = await users.FindAsync(Caller.Of(http)!.Username, cancellationToken);
        if (user is null)
        {
            return ApiErrors.Forbidden("Invalid token subject");
        }

        if (!PasswordHasher.Verify(current, user.PasswordHash))
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "Change Password Error", "Invalid current password");
        }

        user.PasswordHash = hasher.Hash(next);
        await users.UpdateAsync(user, cancellationToken);
        return TypedResults.Ok(new MessageBody(ApiErrors.F("Password for user '{0}' changed successfully", user.Username)));
    }
}
