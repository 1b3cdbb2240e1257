using Convene.Server.Apis;
using Convene.Server.Http;
using Scalar.AspNetCore;

namespace Convene.Server.Hosting;

/// <summary>Middleware and endpoint mapping for the server's areas.</summary>
internal static class ConveneEndpointExtensions
{
    public const string OpenApiPath = "/api/v1/openapi.json";

    /// <summary>Errors become the contract's body: unexpected exceptions 500, bad HTTP requests their status.</summary>
    public static WebApplication UseConveneErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var exception = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
            var result = exception is BadHttpRequestException bad
                ? bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiErrors.BodyTooLarge() : ApiErrors.MalformedBody()
                : ApiErrors.Internal("processing the request");
            await result.ExecuteAsync(context);
        }));
        return app;
    }

    public static WebApplication MapConveneApis(this WebApplication app)
    {
        app.MapHealthApi();
        app.MapRoomsApi();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapApiKeysApi();
        app.MapRoomMembersApi();
        app.MapOpenApi(OpenApiPath);
        app.MapScalarApiReference("/api/v1/docs", options => options.WithOpenApiRoutePattern(OpenApiPath).WithTitle("Convene API"));
        return app;
    }
}
