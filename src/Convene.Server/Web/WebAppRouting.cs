namespace Convene.Server.Web;

/// <summary>Which requests the single-page app answers (contract §2.1).</summary>
internal static class WebAppRouting
{
    /// <summary>Any GET/HEAD whose path contains neither <c>/api/</c> nor <c>/internal-api/</c> gets index.html.</summary>
    public static bool IsSpaRequest(string method, PathString path)
    {
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return false;
        }

        var value = (path.Value ?? "/") + "/";
        return !value.Contains("/api/", StringComparison.OrdinalIgnoreCase)
            && !value.Contains("/internal-api/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Vite names built assets with a content hash, so they never change under the same URL.</summary>
    public static bool IsImmutableAsset(PathString path) =>
        path.StartsWithSegments("/assets", StringComparison.Ordinal);
}
