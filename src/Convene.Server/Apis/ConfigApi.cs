using Convene.Domain.ApiKeys;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Config;
using Convene.Server.Http;
using Convene.Server.Webhooks;

namespace Convene.Server.Apis;

/// <summary>
/// The global configuration: <c>/internal-api/v1/config/security|rooms/appearance|webhooks</c> (contract §5, §7).
/// Security and appearance are readable by anyone (the meeting app needs them); everything else is for admins,
/// including the webhook test (the contract leaves it open: an SSRF hole).
/// </summary>
internal static class ConfigApi
{
    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        var config = app.MapGroup("/internal-api/v1/config").WithTags("Global config");
        config.MapGet("/security", GetSecurityAsync).WithName("GetSecurityConfig").WithSummary("Who must log in to join rooms")
            .Produces<SecurityConfig>();
        config.MapPut("/security", PutSecurityAsync).WithName("UpdateSecurityConfig").WithSummary("Replace the security config")
            .RequireCaller(AuthSchemes.AccessToken, UserRole.Admin).DocumentsBody<SecurityConfig>()
            .Produces<MessageBody>().ProducesErrors(400, 401, 403, 413, 422);
        config.MapGet("/rooms/appearance", GetAppearanceAsync).WithName("GetRoomsAppearance").WithSummary("The meetings' theme")
            .Produces<RoomsAppearanceDto>();
        config.MapPut("/rooms/appearance", PutAppearanceAsync).WithName("UpdateRoomsAppearance")
            .WithSummary("Replace the meetings' theme (colours left out keep their stored value)")
            .RequireCaller(AuthSchemes.AccessToken, UserRole.Admin).DocumentsBody<RoomsAppearanceDto>()
            .Produces<MessageBody>().ProducesErrors(400, 401, 403, 413, 422);
        config.MapGet("/webhooks", GetWebhooksAsync).WithName("GetWebhooksConfig").WithSummary("Whether webhooks are sent, and where")
            .RequireCaller(AuthSchemes.AccessToken, UserRole.Admin)
            .Produces<WebhooksConfig>().ProducesErrors(401, 403);
        config.MapPut("/webhooks", PutWebhooksAsync).WithName("UpdateWebhooksConfig").WithSummary("Enable or disable webhooks and set the URL")
            .RequireCaller(AuthSchemes.AccessToken, UserRole.Admin).DocumentsBody<WebhooksConfig>()
            .Produces<MessageBody>().ProducesErrors(400, 401, 403, 413, 422);
        config.MapPost("/webhooks/test", TestWebhookAsync).WithName("TestWebhook").WithSummary("Send a signed test event to a URL, once")
            .RequireCaller(AuthSchemes.AccessToken, UserRole.Admin).DocumentsBody<WebhookTestBody>()
            .Produces<MessageBody>().ProducesErrors(400, 401, 403, 413, 422);
        return app;
    }

    private static async Task<IResult> GetSecurityAsync(GlobalConfigStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetSecurityAsync(cancellationToken));

    private static async Task<IResult> PutSecurityAsync(HttpRequest request, JsonBodyReader reader, GlobalConfigStore store, CancellationToken cancellationToken)
    {
        var (body, error) = await reader.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        if (ConfigBodyParser.ParseSecurity(body, errors) is not { } config)
        {
            return errors.ToResult();
        }

        await store.SetSecurityAsync(config, cancellationToken);
        return TypedResults.Ok(new MessageBody("Security config updated successfully"));
    }

    private static async Task<IResult> GetAppearanceAsync(GlobalConfigStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RoomsAppearanceDto(await store.GetAppearanceAsync(cancellationToken)));

    private static async Task<IResult> PutAppearanceAsync(HttpRequest request, JsonBodyReader reader, GlobalConfigStore store, CancellationToken cancellationToken)
    {
        var (body, error) = await reader.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        if (ConfigBodyParser.ParseAppearance(body, errors) is not { } appearance)
        {
            return errors.ToResult();
        }

        var stored = await store.GetAppearanceAsync(cancellationToken);
        var merged = appearance.Themes.Select((theme, i) => theme.InheritColoursFrom(i < stored.Themes.Count ? stored.Themes[i] : null)).ToList();
        await store.SetAppearanceAsync(new AppearanceConfig(merged), cancellationToken);
        return TypedResults.Ok(new MessageBody("Rooms appearance config updated successfully"));
    }

    private static async Task<IResult> GetWebhooksAsync(GlobalConfigStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetWebhooksAsync(cancellationToken));

    private static async Task<IResult> PutWebhooksAsync(
        HttpRequest request, JsonBodyReader reader, GlobalConfigStore store, WebhookTargets targets, CancellationToken cancellationToken)
    {
        var (body, error) = await reader.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        if (ConfigBodyParser.ParseWebhooks(body, errors) is not { } parsed)
        {
            return errors.ToResult();
        }

        if (parsed.Url is not null && await targets.ValidateAsync(parsed.Url, cancellationToken) is { } targetError)
        {
            return ApiErrors.Validation("url", targetError);
        }

        var stored = await store.GetWebhooksAsync(cancellationToken);
        await store.SetWebhooksAsync(new WebhooksConfig(parsed.Enabled, parsed.Url ?? stored.Url), cancellationToken);
        return TypedResults.Ok(new MessageBody("Webhooks config updated successfully"));
    }

    private static async Task<IResult> TestWebhookAsync(
        HttpRequest request,
        JsonBodyReader reader,
        WebhookTargets targets,
        WebhookSender sender,
        WebhookJson json,
        IApiKeyRepository keys,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, error) = await reader.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        if (ConfigBodyParser.ParseWebhookTest(body, errors) is not { } url)
        {
            return errors.ToResult();
        }

        if (await targets.ValidateAsync(url, cancellationToken) is { } targetError)
        {
            return ApiErrors.Validation("url", targetError);
        }

        var stored = await keys.ListAsync(cancellationToken);
        var key = stored.Count > 0 ? stored[0] : null;
        if (key is null)
        {
            return WebhookError("There are no API keys configured yet. Please, create one to use webhooks.");
        }

        var payload = json.Body("testEvent", time.GetUtcNow().ToUnixTimeMilliseconds(), new WebhookTestData("This is a test webhook event"));
        var attempt = await sender.SendAsync(url, null, payload, key.Key, cancellationToken);
        return attempt.Delivered
            ? TypedResults.Ok(new MessageBody("Webhook URL is valid"))
            : WebhookError(ApiErrors.F("Webhook URL '{0}' is invalid: {1}", url, attempt.Error ?? "unknown error"));
    }

    private static IResult WebhookError(string message) => ApiErrors.Error(StatusCodes.Status400BadRequest, "Webhook Error", message);
}
