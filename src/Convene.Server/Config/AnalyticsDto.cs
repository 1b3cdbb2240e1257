namespace Convene.Server.Config;

/// <summary>Counts shown on the console's overview (contract §5 <c>GET /analytics</c>).</summary>
internal sealed record AnalyticsDto(int TotalRooms, int ActiveRooms, int TotalRecordings, int CompleteRecordings);
