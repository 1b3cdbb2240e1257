using Convene.Server.Http;

namespace Convene.Server.Apis;

/// <summary><c>/health</c> (contract §1.1: 200 text <c>OK</c> on any method) and the unknown-API-path 404 of §2.1.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.Map("/health", () => TypedResults.Text("OK")).WithTags("Health").WithName("Health").Produces<string>(contentType: "text/plain");
        app.Map("/api/{**path}", ApiErrors.PathNotFound).ExcludeFromDescription();
        app.Map("/internal-api/{**path}", ApiErrors.PathNotFound).ExcludeFromDescription();
        return app;
    }
}
