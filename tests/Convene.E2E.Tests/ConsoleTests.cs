using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>The admin console end to end (issue 7 acceptance): log in, advanced wizard, live meeting, forced delete.</summary>
public sealed class ConsoleTests
{
    [Fact(Timeout = 180_000)]
    public async Task Admin_creates_a_room_with_the_wizard_sees_its_meeting_and_force_deletes_it()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ConveneServer();
        await using var browser = await Browser.LaunchAsync();
        var admin = await browser.NewPageAsync(server.BaseUrl);
        var origin = server.BaseUrl.ToString().TrimEnd('/');

        // Log in; an unauthenticated console page sends us to the login page first.
        await admin.GotoAsync(origin + "/rooms");
        await admin.WaitForURLAsync(url => url.Contains("/login?redirectTo=", StringComparison.Ordinal));
        await admin.Locator("#login-username").FillAsync("admin");
        await admin.Locator("#login-password").FillAsync("wrong-password");
        await admin.Locator("#login-button").ClickAsync();
        await Assertions.Expect(admin.Locator("#login-error")).ToContainTextAsync("Invalid username or password");
        await Browser.ScreenshotAsync(admin, "console-login");
        await admin.Locator("#login-password").FillAsync("admin");
        await admin.Locator("#login-button").ClickAsync();
        await admin.WaitForURLAsync(url => url.EndsWith("/rooms", StringComparison.Ordinal));

        // The advanced wizard: details, recording, features.
        await admin.GotoAsync(origin + "/rooms/new");
        await admin.Locator("#wizard-room-name").FillAsync("Console E2E");
        var deletion = TimeProvider.System.GetLocalNow().AddDays(2);
        await admin.Locator("#wizard-auto-deletion").FillAsync(deletion.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await admin.Locator("#wizard-with-meeting").SelectOptionAsync("force");
        await admin.Locator("#wizard-with-recordings").SelectOptionAsync("force");
        await Browser.ScreenshotAsync(admin, "console-wizard-details");
        await admin.Locator("#wizard-next").ClickAsync();
        await admin.Locator("#wizard-access").SelectOptionAsync("admin_moderator");
        await Browser.ScreenshotAsync(admin, "console-wizard-recording");
        await admin.Locator("#wizard-next").ClickAsync();
        await admin.Locator("label[for=wizard-vb]").ClickAsync();
        await Assertions.Expect(admin.Locator("#wizard-vb")).Not.ToBeCheckedAsync();
        await Browser.ScreenshotAsync(admin, "console-wizard-features");
        await admin.Locator("#wizard-submit").ClickAsync();
        var moderatorLink = await admin.Locator("#created-moderator-url").InputValueAsync(new LocatorInputValueOptions { Timeout = 10_000 });
        await Browser.ScreenshotAsync(admin, "console-room-created");

        // What the wizard chose reached the server.
        var roomId = new Uri(moderatorLink).AbsolutePath.Split('/')[^1];
        using (var api = server.Api())
        {
            var room = await api.GetFromJsonAsync<JsonElement>($"api/v1/rooms/{roomId}", ct);
            Assert.Equal("Console E2E", room.GetProperty("roomName").GetString());
            Assert.Equal("force", room.GetProperty("autoDeletionPolicy").GetProperty("withMeeting").GetString());
            Assert.Equal("admin_moderator", room.GetProperty("config").GetProperty("recording").GetProperty("allowAccessTo").GetString());
            Assert.False(room.GetProperty("config").GetProperty("virtualBackground").GetProperty("enabled").GetBoolean());
            Assert.True(room.GetProperty("config").GetProperty("chat").GetProperty("enabled").GetBoolean());
            var expected = deletion.ToUnixTimeMilliseconds() / 60_000;
            Assert.Equal(expected, room.GetProperty("autoDeletionDate").GetInt64() / 60_000);
        }

        // A participant joins with the copied moderator link; the console shows the active meeting.
        var participant = await browser.NewPageAsync(server.BaseUrl);
        await MeetingUi.JoinAsync(participant, new Uri(moderatorLink), "Pat");
        await admin.Locator("#back-to-rooms").ClickAsync();
        var row = admin.Locator($"tr[data-room-id='{roomId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 20 && await row.GetAttributeAsync("data-status") != "active_meeting"; attempt++)
        {
            await Task.Delay(500, ct);
            await admin.Locator("#rooms-refresh").ClickAsync();
        }

        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "active_meeting");
        await Assertions.Expect(row.Locator(".status-badge")).ToHaveTextAsync("Active meeting");
        await Browser.ScreenshotAsync(admin, "console-rooms");

        // Delete: the plain delete answers 409, the dialog offers the policies, force ends the meeting.
        await row.Locator("[data-action=delete]").ClickAsync();
        await admin.Locator("#confirm-button").ClickAsync();
        await Assertions.Expect(admin.Locator("#delete-policy-dialog")).ToContainTextAsync("active meeting");
        await admin.Locator("#delete-policy-meeting").SelectOptionAsync("force");
        await admin.Locator("#delete-policy-recordings").SelectOptionAsync("force");
        await Browser.ScreenshotAsync(admin, "console-delete-policy");
        await admin.Locator("#delete-policy-confirm").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await participant.WaitForURLAsync(url => url.Contains("/disconnected?reason=meeting_ended", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 20_000 });
        await Assertions.Expect(participant.Locator("#end-title")).ToHaveTextAsync("Meeting Ended");
        using (var api = server.Api())
        {
            using var gone = await api.GetAsync(new Uri($"api/v1/rooms/{roomId}", UriKind.Relative), ct);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        }

        await VisitOtherPagesAsync(admin, origin);
    }

    /// <summary>Every other console page renders its main content (and leaves a screenshot to look at).</summary>
    private static async Task VisitOtherPagesAsync(IPage admin, string origin)
    {
        // Needs the analytics API (console branch): the only room was deleted, so it counts none.
        await admin.Locator("a.nav-link", new PageLocatorOptions { HasText = "Overview" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#total-rooms")).ToHaveTextAsync("0");
        await Browser.ScreenshotAsync(admin, "console-overview");

        await admin.GotoAsync(origin + "/recordings");
        await Assertions.Expect(admin.Locator("#recordings-table")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(admin, "console-recordings");

        await admin.GotoAsync(origin + "/embedded");
        await Assertions.Expect(admin.Locator("#api-key-value")).ToBeVisibleAsync();
        await admin.Locator("#api-key-value ~ button", new PageLocatorOptions { HasText = "Show" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#api-key-value")).ToHaveValueAsync(ConveneServer.ApiKey);
        await admin.Locator("#webhook-url").FillAsync("ftp://example.invalid/hook");
        await admin.Locator("#save-webhooks").ClickAsync();
        await Assertions.Expect(admin.Locator(".field-error")).ToHaveTextAsync("URL must start with http:// or https://");
        await Browser.ScreenshotAsync(admin, "console-embedded");

        await admin.GotoAsync(origin + "/users-permissions");
        await admin.Locator("#password-current").FillAsync("admin");
        await admin.Locator("#password-next").FillAsync("abc");
        await admin.Locator("#change-password").ClickAsync();
        await Assertions.Expect(admin.Locator(".field-error").First).ToHaveTextAsync("New password must be at least 5 characters long");
        await Browser.ScreenshotAsync(admin, "console-users");

        await admin.GotoAsync(origin + "/config");
        await admin.Locator("label[for=theme-enabled]").ClickAsync();
        await admin.Locator("#color-primaryColor").FillAsync("#e11d48");
        await Assertions.Expect(admin.Locator(".meeting-preview")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--ov-primary-action-color: ?#e11d48"));
        await admin.Locator("#save-theme").ClickAsync();
        await Assertions.Expect(admin.Locator(".toast").Last).ToContainTextAsync("appearance");
        await Browser.ScreenshotAsync(admin, "console-config");

        await admin.Locator("#logout-button").ClickAsync();
        // Only the address matters (the console may route without a page load); generous for a loaded CI machine.
        await admin.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    }
}
