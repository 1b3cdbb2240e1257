using System.Globalization;
using Convene.Data.Repositories;
using Convene.Domain.Users;
using Convene.Domain.Webhooks;
using Convene.Server.Auth;
using Convene.Server.Http;
using Convene.Server.Rooms;
using Convene.Server.Webhooks;

namespace Convene.Server.Apis;

/// <summary>
/// The webhook delivery log for admins: <c>GET /internal-api/v1/config/webhooks/deliveries</c> and
/// <c>POST …/deliveries/{id}/redeliver</c> (ours; the contract's webhooks are fire-and-forget).
/// </summary>
internal static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var deliveries = app.MapGroup("/internal-api/v1/config/webhooks/deliveries").WithTags("Global config")
            .RequireCaller(AuthSchemes.AccessToken, UserRole.Admin);
        deliveries.MapGet("/", ListAsync).WithName("ListWebhookDeliveries").WithSummary("The webhook delivery log, newest first")
            .Produces<WebhookDeliveryListDto>().ProducesErrors(401, 403, 422);
        deliveries.MapPost("/{id}/redeliver", RedeliverAsync).WithName("RedeliverWebhook")
            .WithSummary("Queue the event again (same event id) as a new delivery")
            .Produces<WebhookDeliveryDto>(StatusCodes.Status202Accepted).ProducesErrors(401, 403, 404);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IWebhookDeliveryStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = request.Query;
        var maxItems = Math.Min(RoomListQueryParser.ParseMaxItems(query["maxItems"].ToString(), query.ContainsKey("maxItems"), errors), RoomListQueryParser.MaxMaxItems);
        long? before = null;
        var token = query["nextPageToken"].ToString();
        if (token.Length > 0)
        {
            if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                before = parsed;
            }
            else
            {
                errors.Add("nextPageToken", "Invalid page token");
            }
        }

        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        var (items, truncated) = await store.ListAsync(before, maxItems, cancellationToken);
        var next = truncated ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new WebhookDeliveryListDto(items.Select(ToDto).ToList(), new PaginationDto(truncated, next, maxItems)));
    }

    private static async Task<IResult> RedeliverAsync(string id, IWebhookDeliveryStore store, WebhookOutboxSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var original = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await store.FindAsync(number, cancellationToken)
            : null;
        if (original is null)
        {
            return ApiErrors.Error(StatusCodes.Status404NotFound, "Webhook Error", ApiErrors.F("Webhook delivery '{0}' not found", id));
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var copy = new WebhookDelivery
        {
            EventId = original.EventId,
            Event = original.Event,
            RoomId = original.RoomId,
            Body = original.Body,
            Status = WebhookDeliveryStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        await store.AddNowAsync(copy, cancellationToken);
        signal.Notify();
        return TypedResults.Json(ToDto(copy), statusCode: StatusCodes.Status202Accepted);
    }

    private static WebhookDeliveryDto ToDto(WebhookDelivery d) => new(
        d.Id.ToString(CultureInfo.InvariantCulture),
        d.EventId,
        d.Event,
        d.RoomId.Length == 0 ? null : d.RoomId,
        WireNames.Of(d.Status),
        d.Attempts,
        d.LastStatusCode,
        d.LastError,
        d.CreatedAt,
        d.LastAttemptAt,
        d.DeliveredAt);
}
