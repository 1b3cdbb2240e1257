using System.Net;
using System.Text.Json;
using Convene.Server.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Convene.Server.Tests;

/// <summary>Static hosting of the meeting app (contract §2.1, §9): SPA fallback, caching, frameable pages, 404s.</summary>
public sealed class WebAppHostingTests : IAsyncLifetime
{
    private const string IndexMarker = "<!doctype html><title>convene-test-index</title>";
    private readonly ConveneFactory _factory = new();
    private readonly string _webRoot = ConveneFactory.NewTempDirectory();
    private WebApplicationFactory<Program> _web = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), IndexMarker);
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        File.WriteAllText(Path.Combine(_webRoot, "assets", "index-AbC123.js"), "console.log(1)");
        Directory.CreateDirectory(Path.Combine(_webRoot, "mediapipe", "selfie_segmentation"));
        File.WriteAllBytes(Path.Combine(_webRoot, "mediapipe", "selfie_segmentation", "model.wasm"), [0, 97, 115, 109]);
        _web = _factory.WithWebHostBuilder(b => b.UseSetting(WebAppEndpointExtensions.RootKey, _webRoot));
        _client = _web.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _web.DisposeAsync();
        await _factory.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/room/my_room-abc")]
    [InlineData("/room/my_room-abc?secret=0123456789")]
    [InlineData("/room/r/recordings")]
    [InlineData("/disconnected?reason=participant_kicked")]
    [InlineData("/recording/r--EG_x--1?secret=s")]
    public async Task Spa_routes_get_index_html_uncached_and_frameable(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(IndexMarker, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Hashed_assets_are_immutable()
    {
        var response = await _client.GetAsync("/assets/index-AbC123.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log(1)", await response.Content.ReadAsStringAsync());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Segmentation_files_are_served_with_the_wasm_type()
    {
        var response = await _client.GetAsync("/mediapipe/selfie_segmentation/model.wasm");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/wasm", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/assets/missing-123.js")]
    [InlineData("GET", "/api/v1/nope")]
    [InlineData("GET", "/internal-api/v1/nope")]
    [InlineData("GET", "/something/api/else")]
    [InlineData("POST", "/room/abc")]
    [InlineData("DELETE", "/")]
    public async Task Everything_else_is_the_contract_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Path Not Found", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Head_on_a_spa_route_has_no_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/room/abc");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unbuilt_app_answers_503_with_a_message()
    {
        var empty = ConveneFactory.NewTempDirectory();
        try
        {
            await using var web = _factory.WithWebHostBuilder(b => b.UseSetting(WebAppEndpointExtensions.RootKey, empty));
            using var client = web.CreateClient();
            var response = await client.GetAsync("/room/abc");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("SkipWebBuild", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Theory]
    [InlineData("GET", "/room/x", true)]
    [InlineData("HEAD", "/", true)]
    [InlineData("GET", "/api", false)]
    [InlineData("GET", "/API/v1/rooms", false)]
    [InlineData("GET", "/internal-api", false)]
    [InlineData("GET", "/x/internal-api/y", false)]
    [InlineData("POST", "/room/x", false)]
    public void Spa_request_rule(string method, string path, bool expected) =>
        Assert.Equal(expected, WebAppRouting.IsSpaRequest(method, new PathString(path)));

    [Fact]
    public void Root_prefers_a_published_wwwroot_app_then_walks_up_to_the_repository_dist()
    {
        var repo = ConveneFactory.NewTempDirectory();
        try
        {
            var dist = Path.Combine(repo, WebAppRoot.RepositoryDist);
            Directory.CreateDirectory(dist);
            File.WriteAllText(Path.Combine(dist, "index.html"), "x");
            var content = Path.Combine(repo, "src", "Convene.Server");
            Directory.CreateDirectory(content);
            Assert.Equal(dist, WebAppRoot.Resolve(null, content, "/nonexistent"));

            var published = Path.Combine(content, "wwwroot", "app");
            Directory.CreateDirectory(published);
            File.WriteAllText(Path.Combine(published, "index.html"), "x");
            Assert.Equal(published, WebAppRoot.Resolve(null, content, "/nonexistent"));
            Assert.Null(WebAppRoot.Resolve("does-not-exist", content, "/nonexistent"));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}
