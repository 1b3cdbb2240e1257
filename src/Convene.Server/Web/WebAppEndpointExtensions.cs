using Convene.Server.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Convene.Server.Web;

/// <summary>Serves the built meeting app: static files with caching, and index.html for every SPA route.</summary>
internal static partial class WebAppEndpointExtensions
{
    public const string RootKey = "Convene:Web:Root";
    private const string ImmutableCache = "public, max-age=31536000, immutable";
    private const string RevalidateCache = "no-cache";

    /// <summary>
    /// Call after the API endpoints are mapped. Requests no endpoint matched are answered here: a file of the app if it
    /// exists, else index.html for SPA routes, else the contract's 404 body. Pages stay frameable (no X-Frame-Options).
    /// </summary>
    public static WebApplication MapConveneWebApp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Convene.Server.Web");
        var root = WebAppRoot.Resolve(app.Configuration[RootKey], app.Environment.ContentRootPath, AppContext.BaseDirectory);
        IFileProvider files;
        if (root is null)
        {
            LogNotBuilt(logger, WebAppRoot.RepositoryDist);
            files = new NullFileProvider();
        }
        else
        {
            LogServing(logger, root);
            files = new PhysicalFileProvider(root);
        }

        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".wasm"] = "application/wasm";
        contentTypes.Mappings[".tflite"] = "application/octet-stream";
        contentTypes.Mappings[".binarypb"] = "application/octet-stream";
        contentTypes.Mappings[".data"] = "application/octet-stream";

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = contentTypes,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                WebAppRouting.IsImmutableAsset(ctx.Context.Request.Path) ? ImmutableCache
                : ctx.File.Name.Equals("index.html", StringComparison.Ordinal) ? RevalidateCache
                : "public, max-age=86400",
        });

        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (!WebAppRouting.IsSpaRequest(context.Request.Method, context.Request.Path)
                || WebAppRouting.IsImmutableAsset(context.Request.Path))
            {
                await ApiErrors.PathNotFound().ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            var index = files.GetFileInfo("index.html");
            if (!index.Exists)
            {
                await ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, "Web App Not Built",
                    "The meeting app has not been built; build the server without -p:SkipWebBuild=true").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            var headers = context.Response.Headers;
            headers.CacheControl = RevalidateCache;
            headers.ContentType = "text/html; charset=utf-8";
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            context.Response.ContentLength = index.Length;
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            await context.Response.SendFileAsync(index, context.RequestAborted).ConfigureAwait(false);
        });
        return app;
    }
}
