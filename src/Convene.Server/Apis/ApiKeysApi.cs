using System.Security.Cryptography;
using Convene.Domain.ApiKeys;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Http;

namespace Convene.Server.Apis;

/// <summary>API key management for admins: <c>/internal-api/v1/api-keys</c> (contract §5). One key at a time.</summary>
internal static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/internal-api/v1/api-keys").WithTags("API keys").RequireCaller(AuthSchemes.AccessToken, UserRole.Admin);
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Create an API key, replacing any existing one")
            .Produces<ApiKey>(StatusCodes.Status201Created).ProducesErrors(401, 403);
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("List API keys")
            .Produces<IReadOnlyList<ApiKey>>().ProducesErrors(401, 403);
        keys.MapDelete("/", DeleteAsync).WithName("DeleteApiKeys").WithSummary("Delete every API key")
            .Produces<MessageBody>().ProducesErrors(401, 403);
        return app;
    }

    /// <summary>A new key: <c>ovmeet-</c> and 32 hex characters from a CSPRNG.</summary>
    public static string NewKey() => "ovmeet-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static async Task<IResult> CreateAsync(IApiKeyRepository repository, ApiKeyCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = new ApiKey(NewKey(), time.GetUtcNow().ToUnixTimeMilliseconds());
        await repository.ReplaceAllAsync(key, cancellationToken);
        cache.Set([key]);
        return TypedResults.Json(key, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(IApiKeyRepository repository, CancellationToken cancellationToken) =>
        TypedResults.Ok(await repository.ListAsync(cancellationToken));

    private static async Task<IResult> DeleteAsync(IApiKeyRepository repository, ApiKeyCache cache, CancellationToken cancellationToken)
    {
        await repository.DeleteAllAsync(cancellationToken);
        cache.Set([]);
        return TypedResults.Ok(new MessageBody("API keys deleted successfully"));
    }
}
