namespace Convene.Server.Web;

/// <summary>Finds the directory holding the built meeting app (see docs/adr/0003-web-app-structure.md).</summary>
internal static class WebAppRoot
{
    /// <summary>Relative location of Vite's output inside the repository.</summary>
    public static readonly string RepositoryDist = Path.Combine("web", "apps", "meet", "dist");

    /// <summary>
    /// The configured <c>Convene:Web:Root</c> when set; else <c>wwwroot/app</c> under the content root or the app base
    /// directory (the published layout); else <c>web/apps/meet/dist</c> found by walking up from the content root (a
    /// repository checkout). Returns null when none contains an <c>index.html</c>.
    /// </summary>
    public static string? Resolve(string? configured, string contentRoot, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, contentRoot);
            return HasIndex(full) ? full : null;
        }

        foreach (var root in new[] { contentRoot, baseDirectory })
        {
            var published = Path.Combine(root, "wwwroot", "app");
            if (HasIndex(published))
            {
                return published;
            }
        }

        var dir = new DirectoryInfo(contentRoot);
        for (var depth = 0; dir is not null && depth < 8; depth++, dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RepositoryDist);
            if (HasIndex(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool HasIndex(string directory) => File.Exists(Path.Combine(directory, "index.html"));
}
