using Convene.Server.Rooms;

namespace Convene.Server.Webhooks;

/// <summary><c>{deliveries, pagination}</c>, newest first.</summary>
internal sealed record WebhookDeliveryListDto(IReadOnlyList<WebhookDeliveryDto> Deliveries, PaginationDto Pagination);
