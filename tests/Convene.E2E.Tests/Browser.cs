using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>
/// Debian's headless Chromium with a fake camera and microphone, autoplay allowed. Never Playwright's own browser
/// download. Screenshots go under <see cref="ArtifactsDirectory"/>.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary><c>$CONVENE_ARTIFACTS</c> or <c>artifacts/</c> at the repository root (git-ignored).</summary>
    public static string ArtifactsDirectory { get; } = ResolveArtifactsDirectory();

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--disable-background-networking", "--autoplay-policy=no-user-gesture-required",
                    "--allow-loopback-in-peer-connection",
                ],
            });
            return new Browser(playwright, chromium);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (own storage, camera and microphone granted, peer connections recorded for <see cref="PeerConnectionStats"/>) with one page.</summary>
    public async Task<IPage> NewPageAsync(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        await context.GrantPermissionsAsync(["camera", "microphone"], new BrowserContextGrantPermissionsOptions { Origin = origin.GetLeftPart(UriPartial.Authority) });
        await context.AddInitScriptAsync(PeerConnectionStats.InitScript);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>artifacts/screenshots/{name}.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var directory = Path.Combine(ArtifactsDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }

    private static string ResolveArtifactsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("CONVENE_ARTIFACTS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Convene.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts");
    }
}
