using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>Steps through the meeting app as a person would; selectors are the app's stable ids.</summary>
public static class MeetingUi
{
    /// <summary>Room link → name → device check → in the meeting (waits for the meeting view).</summary>
    public static async Task JoinAsync(IPage page, Uri roomLink, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(roomLink);
        await page.GotoAsync(roomLink.ToString());
        await page.Locator("#participant-name-input").FillAsync(name);
        await page.Locator("#participant-name-submit").ClickAsync();
        await page.Locator("#join-button").ClickAsync(new LocatorClickOptions { Timeout = 20_000 });
        await page.Locator("main.meeting-body").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
    }
}
