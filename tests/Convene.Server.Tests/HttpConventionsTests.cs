using System.Net;
using System.Text;

namespace Convene.Server.Tests;

/// <summary>Cross-cutting HTTP conventions of contract §2.1–2.2: malformed bodies, oversized bodies, unknown paths, health.</summary>
public sealed class HttpConventionsTests : IAsyncLifetime
{
    private readonly ConveneFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.ApiClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("{\"roomName\":\"x\",}")]
    [InlineData("\"unterminated")]
    public async Task Malformed_json_is_400(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var body = await (await _client.PostAsync("/api/v1/rooms", content)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("""{"error":"Bad Request","message":"Malformed body"}""", body.GetRawText());
    }

    [Fact]
    public async Task Oversized_body_is_413_and_creates_nothing()
    {
        var big = "{\"roomName\":\"x\",\"pad\":\"" + new string('a', 70_000) + "\"}";
        using var content = new StringContent(big, Encoding.UTF8, "application/json");
        var body = await (await _client.PostAsync("/api/v1/rooms", content)).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Payload Too Large", body.Str("error"));
        var list = await (await _client.GetAsync("/api/v1/rooms")).JsonAsync();
        Assert.Equal(0, list.GetProperty("rooms").GetArrayLength());
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing")]
    [InlineData("POST", "/api/v2/rooms")]
    [InlineData("PATCH", "/api/v1/rooms")]
    [InlineData("GET", "/internal-api/v1/whatever/else")]
    public async Task Unknown_api_paths_are_404_with_the_contract_body(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var body = await (await _client.SendAsync(request)).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("""{"error":"Path Not Found","message":"API path not implemented"}""", body.GetRawText());
    }

    [Fact]
    public async Task Health_is_ok_text()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Docs_page_is_served()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/api/v1/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
