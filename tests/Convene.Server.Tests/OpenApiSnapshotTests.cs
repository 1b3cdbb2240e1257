using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Convene.Server.Tests;

/// <summary>
/// The generated OpenAPI document must equal the checked-in <c>docs/openapi.json</c>. After an intended API change,
/// run with <c>CONVENE_UPDATE_SNAPSHOTS=1</c> to rewrite the snapshot, and review the diff.
/// </summary>
public sealed class OpenApiSnapshotTests : IAsyncLifetime
{
    private readonly ConveneFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Document_matches_the_checked_in_snapshot()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = Normalise(await response.Content.ReadAsStringAsync());
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("CONVENE_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), "docs/openapi.json is missing; run with CONVENE_UPDATE_SNAPSHOTS=1");
        Assert.Equal(Normalise(await File.ReadAllTextAsync(path)), actual);
        Assert.Contains("/api/v1/rooms/{roomId}", actual, StringComparison.Ordinal);
    }

    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 10 && directory is not null; i++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Convene.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Convene.slnx not found above " + AppContext.BaseDirectory);
    }
}
