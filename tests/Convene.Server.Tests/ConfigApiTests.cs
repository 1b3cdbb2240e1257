using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Server.Tests;

/// <summary>Global config API (contract §5, §7): security, appearance, webhooks config, analytics, auth mode.</summary>
public sealed class ConfigApiTests : IAsyncLifetime
{
    private readonly ConveneFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Security_config_defaults_to_none_is_public_to_read_and_admin_to_write()
    {
        using var anonymous = _factory.CreateClient();
        var body = await (await anonymous.GetAsync("/internal-api/v1/config/security")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"authentication":{"authMethod":{"type":"single_user"},"authModeToAccessRoom":"none"}}""", body.GetRawText());

        var update = new { authentication = new { authMethod = new { type = "single_user" }, authModeToAccessRoom = "all_users" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/internal-api/v1/config/security", update)).StatusCode);
        using var api = _factory.ApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsJsonAsync("/internal-api/v1/config/security", update)).StatusCode);

        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var ok = await (await admin.PutAsJsonAsync("/internal-api/v1/config/security", update)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Security config updated successfully", ok.Str("message"));
        body = await (await anonymous.GetAsync("/internal-api/v1/config/security")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("all_users", body.GetProperty("authentication").Str("authModeToAccessRoom"));
    }

    [Theory]
    [InlineData("""{}""", "authentication", "Required")]
    [InlineData("""{"authentication":{"authModeToAccessRoom":"none"}}""", "authentication.authMethod", "Required")]
    [InlineData("""{"authentication":{"authMethod":{"type":"ldap"},"authModeToAccessRoom":"none"}}""", "authentication.authMethod.type", "Invalid enum value. Expected 'single_user', received 'ldap'")]
    [InlineData("""{"authentication":{"authMethod":{"type":"single_user"},"authModeToAccessRoom":"some"}}""", "authentication.authModeToAccessRoom", "Invalid enum value. Expected 'none' | 'moderators_only' | 'all_users', received 'some'")]
    [InlineData("""{"authentication":{"authMethod":{"type":"single_user"}}}""", "authentication.authModeToAccessRoom", "Required")]
    public async Task Security_config_validation(string json, string field, string message)
    {
        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var body = await (await admin.PutAsync("/internal-api/v1/config/security", Json(json))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, field, message);
    }

    [Fact]
    public async Task Appearance_is_empty_by_default_and_colours_are_inherited_on_update()
    {
        using var anonymous = _factory.CreateClient();
        var body = await (await anonymous.GetAsync("/internal-api/v1/config/rooms/appearance")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"appearance":{"themes":[]}}""", body.GetRawText());

        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var first = """{"appearance":{"themes":[{"name":"default","enabled":true,"baseTheme":"dark","primaryColor":"#112233","accentColor":"#abcd"}]}}""";
        var ok = await (await admin.PutAsync("/internal-api/v1/config/rooms/appearance", Json(first))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Rooms appearance config updated successfully", ok.Str("message"));
        var second = """{"appearance":{"themes":[{"name":"default","enabled":false,"baseTheme":"light","accentColor":"#FFF"}]}}""";
        await (await admin.PutAsync("/internal-api/v1/config/rooms/appearance", Json(second))).ExpectAsync(HttpStatusCode.OK);

        body = await (await anonymous.GetAsync("/internal-api/v1/config/rooms/appearance")).ExpectAsync(HttpStatusCode.OK);
        var theme = Assert.Single(body.GetProperty("appearance").GetProperty("themes").EnumerateArray());
        Assert.False(theme.GetProperty("enabled").GetBoolean());
        Assert.Equal("light", theme.Str("baseTheme"));
        Assert.Equal("#112233", theme.Str("primaryColor"));
        Assert.Equal("#FFF", theme.Str("accentColor"));
        Assert.False(theme.TryGetProperty("surfaceColor", out _));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync("/internal-api/v1/config/rooms/appearance", Json(first))).StatusCode);
    }

    [Theory]
    [InlineData("""{}""", "appearance", "Required")]
    [InlineData("""{"appearance":{}}""", "appearance.themes", "Required")]
    [InlineData("""{"appearance":{"themes":[]}}""", "appearance.themes", "There must be exactly one theme defined")]
    [InlineData("""{"appearance":{"themes":[{"name":"a","enabled":true,"baseTheme":"dark"},{"name":"b","enabled":true,"baseTheme":"dark"}]}}""", "appearance.themes", "There must be exactly one theme defined")]
    [InlineData("""{"appearance":{"themes":[{"name":"","enabled":true,"baseTheme":"dark"}]}}""", "appearance.themes.0.name", "Theme name cannot be empty")]
    [InlineData("""{"appearance":{"themes":[{"name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","enabled":true,"baseTheme":"dark"}]}}""", "appearance.themes.0.name", "Theme name cannot exceed 50 characters")]
    [InlineData("""{"appearance":{"themes":[{"name":"my theme!","enabled":true,"baseTheme":"dark"}]}}""", "appearance.themes.0.name", "Theme name can only contain letters, numbers, hyphens and underscores")]
    [InlineData("""{"appearance":{"themes":[{"enabled":true,"baseTheme":"dark"}]}}""", "appearance.themes.0.name", "Required")]
    [InlineData("""{"appearance":{"themes":[{"name":"d","enabled":"yes","baseTheme":"dark"}]}}""", "appearance.themes.0.enabled", "Expected boolean, received string")]
    [InlineData("""{"appearance":{"themes":[{"name":"d","enabled":true,"baseTheme":"blue"}]}}""", "appearance.themes.0.baseTheme", "Invalid enum value. Expected 'light' | 'dark', received 'blue'")]
    [InlineData("""{"appearance":{"themes":[{"name":"d","enabled":true,"baseTheme":"dark","backgroundColor":"red"}]}}""", "appearance.themes.0.backgroundColor", "Must be a valid hex color code (with or without alpha)")]
    [InlineData("""{"appearance":{"themes":[{"name":"d","enabled":true,"baseTheme":"dark","primaryColor":"#12345"}]}}""", "appearance.themes.0.primaryColor", "Must be a valid hex color code (with or without alpha)")]
    [InlineData("""{"appearance":{"themes":[{"name":"d","enabled":true,"baseTheme":"dark","surfaceColor":"#GGGGGG"}]}}""", "appearance.themes.0.surfaceColor", "Must be a valid hex color code (with or without alpha)")]
    [InlineData("""{"appearance":{"themes":[{"name":"d","enabled":true,"baseTheme":"dark","accentColor":12}]}}""", "appearance.themes.0.accentColor", "Expected string, received number")]
    public async Task Appearance_validation(string json, string field, string message)
    {
        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var body = await (await admin.PutAsync("/internal-api/v1/config/rooms/appearance", Json(json))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, field, message);
    }

    [Theory]
    [InlineData("""{"url":"https://example.com/hook"}""", "enabled", "Required")]
    [InlineData("""{"enabled":true}""", "url", "URL is required when webhooks are enabled")]
    [InlineData("""{"enabled":true,"url":"not a url"}""", "url", "Must be a valid URL")]
    [InlineData("""{"enabled":true,"url":"ftp://example.com/hook"}""", "url", "URL must start with http:// or https://")]
    [InlineData("""{"enabled":true,"url":"http://127.0.0.1:9/hook"}""", "url", "URL must not point to a loopback, private or link-local address")]
    [InlineData("""{"enabled":true,"url":"http://10.1.2.3/hook"}""", "url", "URL must not point to a loopback, private or link-local address")]
    [InlineData("""{"enabled":true,"url":"http://169.254.169.254/latest"}""", "url", "URL must not point to a loopback, private or link-local address")]
    [InlineData("""{"enabled":true,"url":"http://[::1]:8080/"}""", "url", "URL must not point to a loopback, private or link-local address")]
    [InlineData("""{"enabled":true,"url":"http://localhost:8080/"}""", "url", "URL must not point to a loopback, private or link-local address")]
    public async Task Webhooks_config_validation(string json, string field, string message)
    {
        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var body = await (await admin.PutAsync("/internal-api/v1/config/webhooks", Json(json))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, field, message);
    }

    [Fact]
    public async Task Webhooks_config_is_admin_only_and_an_omitted_url_keeps_the_stored_one()
    {
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/internal-api/v1/config/webhooks")).StatusCode);
        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var body = await (await admin.GetAsync("/internal-api/v1/config/webhooks")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"enabled":false}""", body.GetRawText());

        var ok = await (await admin.PutAsync("/internal-api/v1/config/webhooks", Json("""{"enabled":true,"url":"https://93.184.215.14/hook"}"""))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Webhooks config updated successfully", ok.Str("message"));
        await (await admin.PutAsync("/internal-api/v1/config/webhooks", Json("""{"enabled":false}"""))).ExpectAsync(HttpStatusCode.OK);
        body = await (await admin.GetAsync("/internal-api/v1/config/webhooks")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"enabled":false,"url":"https://93.184.215.14/hook"}""", body.GetRawText());
    }

    [Fact]
    public async Task Test_webhook_requires_an_admin_and_refuses_private_targets()
    {
        var payload = Json("""{"url":"http://127.0.0.1:9/hook"}""");
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/internal-api/v1/config/webhooks/test", payload)).StatusCode);
        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var body = await (await admin.PostAsync("/internal-api/v1/config/webhooks/test", Json("""{"url":"http://127.0.0.1:9/hook"}"""))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, "url", "URL must not point to a loopback, private or link-local address");
        body = await (await admin.PostAsync("/internal-api/v1/config/webhooks/test", Json("""{}"""))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, "url", "Required");
    }

    [Fact]
    public async Task Analytics_counts_rooms_active_meetings_and_recordings()
    {
        using var api = _factory.ApiClient();
        var a = (await api.CreateRoomAsync()).Str("roomId");
        var b = (await api.CreateRoomAsync()).Str("roomId");
        await _factory.AddRecordingAsync(a);
        await _factory.InScopeAsync(sp => sp.GetRequiredService<Convene.Domain.Rooms.RoomService>().MeetingStartedAsync(b, CancellationToken.None));

        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/internal-api/v1/analytics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/internal-api/v1/analytics")).StatusCode);
        using var admin = _factory.BearerClient((await _factory.LoginAsync()).Access);
        var body = await (await admin.GetAsync("/internal-api/v1/analytics")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"totalRooms":2,"activeRooms":1,"totalRecordings":1,"completeRecordings":1}""", body.GetRawText());
    }

    [Fact]
    public async Task Token_endpoint_honours_auth_mode_to_access_room()
    {
        using var api = _factory.ApiClient();
        var room = await api.CreateRoomAsync();
        var roomId = room.Str("roomId");
        var moderatorSecret = SecretOf(room.Str("moderatorUrl"));
        var speakerSecret = SecretOf(room.Str("speakerUrl"));
        var (access, _) = await _factory.LoginAsync();
        using var admin = _factory.BearerClient(access);
        using var anonymous = _factory.CreateClient();

        async Task<HttpStatusCode> TokenAsync(HttpClient client, string secret) =>
            (await client.PostAsJsonAsync($"/internal-api/v1/rooms/{roomId}/token", new { secret })).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await TokenAsync(anonymous, moderatorSecret));

        await SetModeAsync(admin, "moderators_only");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync(anonymous, moderatorSecret));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(anonymous, speakerSecret));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(admin, moderatorSecret));

        await SetModeAsync(admin, "all_users");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync(anonymous, speakerSecret));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync(admin, speakerSecret));
        using var badToken = _factory.BearerClient("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync(badToken, speakerSecret));
    }

    private static async Task SetModeAsync(HttpClient admin, string mode)
    {
        var update = new { authentication = new { authMethod = new { type = "single_user" }, authModeToAccessRoom = mode } };
        await (await admin.PutAsJsonAsync("/internal-api/v1/config/security", update)).ExpectAsync(HttpStatusCode.OK);
    }

    private static string SecretOf(string url) => url[(url.IndexOf("secret=", StringComparison.Ordinal) + 7)..];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
