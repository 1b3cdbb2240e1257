using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Convene.Server.Tests;

internal static class TestJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts status and returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static async Task<JsonElement> CreateRoomAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/rooms", body ?? new { roomName = "Test room" });
        return await response.ExpectAsync(HttpStatusCode.Created);
    }

    public static void AssertError(JsonElement body, string error, string message)
    {
        Assert.Equal(error, body.Str("error"));
        Assert.Equal(message, body.Str("message"));
    }

    public static void AssertValidation(JsonElement body, string field, string message)
    {
        Assert.Equal("Unprocessable Entity", body.Str("error"));
        Assert.Equal("Invalid request", body.Str("message"));
        Assert.Contains(body.GetProperty("details").EnumerateArray(), d => d.Str("field") == field && d.Str("message") == message);
    }
}
