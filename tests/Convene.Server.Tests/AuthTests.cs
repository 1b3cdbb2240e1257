using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Convene.Server.Tests;

/// <summary>Login, refresh, logout, profile, password change and API keys (contract §4.2, §5).</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private readonly ConveneFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Login_returns_distinct_access_and_refresh_tokens()
    {
        using var client = _factory.CreateClient();
        var body = await (await client.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "admin" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("User 'admin' logged in successfully", body.Str("message"));
        Assert.NotEqual(body.Str("accessToken"), body.Str("refreshToken"));
        Assert.Equal(3, body.Str("accessToken").Split('.').Length);
    }

    [Theory]
    [InlineData("""{"username":"admin","password":"wrong"}""", 404, null, null)]
    [InlineData("""{"username":"nobody","password":"admin"}""", 404, null, null)]
    [InlineData("""{"username":"adm","password":"admin"}""", 422, "username", "String must contain at least 4 character(s)")]
    [InlineData("""{"password":"admin"}""", 422, "username", "Required")]
    [InlineData("""{"username":"admin","password":1234}""", 422, "password", "Expected string, received number")]
    public async Task Login_errors(string json, int status, string? field, string? message)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var body = await (await client.PostAsync("/internal-api/v1/auth/login", content)).ExpectAsync((HttpStatusCode)status);
        if (status == 404)
        {
            TestJson.AssertError(body, "Login Error", "Invalid username or password");
        }
        else
        {
            TestJson.AssertValidation(body, field!, message!);
        }
    }

    [Fact]
    public async Task Login_is_throttled_after_five_failures_per_client()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "nope" })).StatusCode);
        }

        var blocked = await client.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "admin" });
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        _factory.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "admin" })).StatusCode);
    }

    [Fact]
    public async Task Refresh_issues_access_token_and_rejects_access_tokens_and_garbage()
    {
        var (access, refresh) = await _factory.LoginAsync();
        using var client = _factory.CreateClient();

        var missing = await (await client.PostAsync("/internal-api/v1/auth/refresh", null)).ExpectAsync(HttpStatusCode.BadRequest);
        TestJson.AssertError(missing, "Refresh Token Error", "No refresh token provided");

        foreach (var bad in new[] { access, "garbage", refresh + "x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/internal-api/v1/auth/refresh");
            request.Headers.Add("X-Refresh-Token", "Bearer " + bad);
            var body = await (await client.SendAsync(request)).ExpectAsync(HttpStatusCode.BadRequest);
            TestJson.AssertError(body, "Refresh Token Error", "Invalid refresh token");
        }

        using var ok = new HttpRequestMessage(HttpMethod.Post, "/internal-api/v1/auth/refresh");
        ok.Headers.Add("X-Refresh-Token", "Bearer " + refresh);
        var refreshed = await (await client.SendAsync(ok)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Access token for user 'admin' successfully refreshed", refreshed.Str("message"));
        using var withNew = _factory.BearerClient(refreshed.Str("accessToken"));
        await (await withNew.GetAsync("/internal-api/v1/users/profile")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tokens_expire_with_the_clock()
    {
        var (access, _) = await _factory.LoginAsync();
        using var client = _factory.BearerClient(access);
        await (await client.GetAsync("/internal-api/v1/users/profile")).ExpectAsync(HttpStatusCode.OK);
        _factory.Time.Advance(TimeSpan.FromHours(2));
        var expired = await (await client.GetAsync("/internal-api/v1/users/profile")).ExpectAsync(HttpStatusCode.Unauthorized);
        TestJson.AssertError(expired, "Authentication Error", "Invalid token");
    }

    [Fact]
    public async Task Logout_revokes_the_users_tokens()
    {
        var (access, refresh) = await _factory.LoginAsync();
        using var client = _factory.BearerClient(access);
        var body = await (await client.PostAsync("/internal-api/v1/auth/logout", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Logout successful", body.Str("message"));
        await (await client.GetAsync("/internal-api/v1/users/profile")).ExpectAsync(HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal-api/v1/auth/refresh");
        request.Headers.Add("X-Refresh-Token", "Bearer " + refresh);
        await (await _factory.CreateClient().SendAsync(request)).ExpectAsync(HttpStatusCode.BadRequest);
        using var anonymous = _factory.CreateClient();
        await (await anonymous.PostAsync("/internal-api/v1/auth/logout", null)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Profile_and_change_password()
    {
        var (access, _) = await _factory.LoginAsync();
        using var client = _factory.BearerClient(access);
        var profile = await (await client.GetAsync("/internal-api/v1/users/profile")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"username":"admin","roles":["admin","user"]}""", profile.GetRawText());

        var wrong = await (await client.PostAsJsonAsync("/internal-api/v1/users/change-password", new { currentPassword = "nope", newPassword = "secret1" })).ExpectAsync(HttpStatusCode.BadRequest);
        TestJson.AssertError(wrong, "Change Password Error", "Invalid current password");
        var shortPassword = await (await client.PostAsJsonAsync("/internal-api/v1/users/change-password", new { currentPassword = "admin", newPassword = "abc" })).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(shortPassword, "newPassword", "New password must be at least 5 characters long");

        var ok = await (await client.PostAsJsonAsync("/internal-api/v1/users/change-password", new { currentPassword = "admin", newPassword = "s3cret-pass" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Password for user 'admin' changed successfully", ok.Str("message"));
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "s3cret-pass" })).StatusCode);
    }

    [Fact]
    public async Task Api_keys_create_replaces_list_and_delete()
    {
        var (access, _) = await _factory.LoginAsync();
        using var admin = _factory.BearerClient(access);
        var listed = await (await admin.GetAsync("/internal-api/v1/api-keys")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ConveneFactory.ApiKey, Assert.Single(listed.EnumerateArray()).Str("key"));

        var created = await (await admin.PostAsync("/internal-api/v1/api-keys", null)).ExpectAsync(HttpStatusCode.Created);
        var key = created.Str("key");
        Assert.Matches("^ovmeet-[0-9a-f]{32}$", key);
        Assert.Equal(_factory.Time.GetUtcNow().ToUnixTimeMilliseconds(), created.GetProperty("creationDate").GetInt64());
        listed = await (await admin.GetAsync("/internal-api/v1/api-keys")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(key, Assert.Single(listed.EnumerateArray()).Str("key"));

        using var oldKey = _factory.ApiClient();
        var refused = await (await oldKey.GetAsync("/api/v1/rooms")).ExpectAsync(HttpStatusCode.Unauthorized);
        TestJson.AssertError(refused, "Authentication Error", "Invalid API key");
        using var newKey = _factory.CreateClient();
        newKey.DefaultRequestHeaders.Add("X-API-KEY", key);
        await (await newKey.GetAsync("/api/v1/rooms")).ExpectAsync(HttpStatusCode.OK);

        var deleted = await (await admin.DeleteAsync("/internal-api/v1/api-keys")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("API keys deleted successfully", deleted.Str("message"));
        var none = await (await newKey.GetAsync("/api/v1/rooms")).ExpectAsync(HttpStatusCode.Unauthorized);
        TestJson.AssertError(none, "Authentication Error", "There are no API keys configured yet. Please, create one to access the API");
        Assert.Equal(0, (await (await admin.GetAsync("/internal-api/v1/api-keys")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Access_token_can_come_from_the_query_string_and_headers_without_bearer_are_ignored()
    {
        var (access, _) = await _factory.LoginAsync();
        using var client = _factory.CreateClient();
        await (await client.GetAsync("/api/v1/rooms?accessToken=" + access)).ExpectAsync(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rooms");
        request.Headers.TryAddWithoutValidation("Authorization", access);
        var body = await (await client.SendAsync(request)).ExpectAsync(HttpStatusCode.Unauthorized);
        TestJson.AssertError(body, "Authentication Error", "Unauthorized");
    }

    [Fact]
    public async Task Forged_and_tampered_tokens_are_refused()
    {
        var (access, _) = await _factory.LoginAsync();
        var parts = access.Split('.');
        var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).RootElement;
        var none = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        foreach (var forged in new[] { none + "." + parts[1] + ".", parts[0] + "." + parts[1] + "." + parts[2][..^2] + "AA", "a.b.c", "...." })
        {
            using var client = _factory.BearerClient(forged);
            await (await client.GetAsync("/internal-api/v1/users/profile")).ExpectAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal("access", payload.Str("tokenType"));
    }
}
