using Microsoft.OpenApi;

namespace Convene.Server.Http;

internal static class OpenApiEndpointExtensions
{
    /// <summary>Documents the contract's error body for each listed status.</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ErrorBody>(status);
        }

        return builder;
    }

    /// <summary>
    /// Documents a JSON request body without <c>Accepts</c>: that metadata would make routing reject other content
    /// types, and the contract does not enforce Content-Type (handlers read the raw body themselves).
    /// </summary>
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } },
            };
        });
}
