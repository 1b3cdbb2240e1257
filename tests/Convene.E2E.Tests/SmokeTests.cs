using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>The fixture itself: the real server on Kestrel serves the built app and a browser reaches a room link.</summary>
public sealed class SmokeTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_moderator_link_opens_the_join_view_with_the_room_name()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        await using var server = new ConveneServer();
        var room = await server.CreateRoomAsync("Smoke test", cancellationToken: TestContext.Current.CancellationToken);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(server.BaseUrl);

        await page.GotoAsync(room.ModeratorUrl.ToString());

        await Assertions.Expect(page.Locator("h1.room-title")).ToHaveTextAsync("Smoke test");
        await Assertions.Expect(page.Locator("#participant-name-submit")).ToBeVisibleAsync();
        Assert.DoesNotContain("secret=", page.Url, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "smoke-join-view");
    }

    [Fact(Timeout = 120_000)]
    public async Task Two_people_joining_through_the_app_receive_each_others_video_and_audio()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ConveneServer();
        var room = await server.CreateRoomAsync("Smoke meeting", cancellationToken: ct);
        await using var browser = await Browser.LaunchAsync();
        var moderator = await browser.NewPageAsync(server.BaseUrl);
        var speaker = await browser.NewPageAsync(server.BaseUrl);

        await MeetingUi.JoinAsync(moderator, room.ModeratorUrl, "Ada");
        await MeetingUi.JoinAsync(speaker, room.SpeakerUrl, "Grace");

        var atModerator = await PeerConnectionStats.WaitForRemoteMediaAsync(moderator, 1, TimeSpan.FromSeconds(20), TimeProvider.System, ct);
        var atSpeaker = await PeerConnectionStats.WaitForRemoteMediaAsync(speaker, 1, TimeSpan.FromSeconds(20), TimeProvider.System, ct);
        await Browser.ScreenshotAsync(moderator, "smoke-meeting-moderator");
        Assert.True(atModerator.HasRemoteMedia(1), $"moderator page: {atModerator}");
        Assert.True(atSpeaker.HasRemoteMedia(1), $"speaker page: {atSpeaker}");
    }
}
