using Convene.Data;
using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Config;
using Convene.Server.Http;
using Microsoft.EntityFrameworkCore;

namespace Convene.Server.Apis;

/// <summary><c>GET /internal-api/v1/analytics</c>: room and recording counts for the console overview (contract §5).</summary>
internal static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal-api/v1/analytics", GetAsync).WithTags("Analytics").WithName("GetAnalytics")
            .WithSummary("Counts of rooms, rooms in a meeting, recordings and complete recordings")
            .RequireCaller(AuthSchemes.AccessToken, UserRole.Admin)
            .Produces<AnalyticsDto>().ProducesErrors(401, 403);
        return app;
    }

    private static async Task<IResult> GetAsync(ConveneDbContext db, CancellationToken cancellationToken)
    {
        var rooms = db.Rooms.AsNoTracking();
        var recordings = db.Recordings.AsNoTracking();
        return TypedResults.Ok(new AnalyticsDto(
            await rooms.CountAsync(cancellationToken),
            await rooms.CountAsync(r => r.Status == RoomStatus.ActiveMeeting, cancellationToken),
            await recordings.CountAsync(cancellationToken),
            await recordings.CountAsync(r => r.Status == RecordingStatus.Complete, cancellationToken)));
    }
}
