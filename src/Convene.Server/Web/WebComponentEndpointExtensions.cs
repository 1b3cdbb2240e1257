using Convene.Server.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Convene.Server.Web;

/// <summary>
/// <c>GET /v1/openvidu-meet.js</c> (contract §9): the <c>&lt;openvidu-meet&gt;</c> element, a classic script built by
/// <c>web/packages/webcomponent</c> into the web app's <c>v1/</c> folder. Any origin may load it (CORS <c>*</c>).
/// </summary>
internal static class WebComponentEndpointExtensions
{
    public const string Path = "/v1/openvidu-meet.js";
    private const string FileName = "v1/openvidu-meet.js";

    public static WebApplication MapConveneWebComponent(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = WebAppRoot.Resolve(app.Configuration[WebAppEndpointExtensions.RootKey], app.Environment.ContentRootPath, AppContext.BaseDirectory);
        IFileProvider files = root is null ? new NullFileProvider() : new PhysicalFileProvider(root);
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], async (HttpContext context) =>
        {
            var headers = context.Response.Headers;
            headers.AccessControlAllowOrigin = "*";
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            var file = files.GetFileInfo(FileName);
            if (!file.Exists)
            {
                await ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, "Web App Not Built",
                    "The web component has not been built; build the server without -p:SkipWebBuild=true").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            headers.ContentType = "text/javascript; charset=utf-8";
            headers.CacheControl = "no-cache";
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            context.Response.ContentLength = file.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
            }
        }).ExcludeFromDescription();
        return app;
    }
}
