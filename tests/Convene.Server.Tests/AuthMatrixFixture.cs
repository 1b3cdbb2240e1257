using System.Net.Http.Json;
using System.Text.Json;

namespace Convene.Server.Tests;

/// <summary>One host for the whole auth matrix: a room, an admin login and a room member token of that room.</summary>
public sealed class AuthMatrixFixture : IAsyncLifetime
{
    public ConveneFactory Factory { get; } = new();

    public string RoomId { get; private set; } = null!;

    public string Access { get; private set; } = null!;

    public string Refresh { get; private set; } = null!;

    public string MemberToken { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var api = Factory.ApiClient();
        var room = await api.CreateRoomAsync();
        RoomId = room.Str("roomId");
        (Access, Refresh) = await Factory.LoginAsync();
        using var anonymous = Factory.CreateClient();
        var token = await (await anonymous.PostAsJsonAsync($"/internal-api/v1/rooms/{RoomId}/token",
            new { secret = room.Str("moderatorUrl").Split("secret=")[1] })).JsonAsync();
        MemberToken = token.Str("token");
    }

    /// <summary>The current API key, creating one when a previous case deleted it.</summary>
    public async Task<string> CurrentApiKeyAsync()
    {
        using var admin = Factory.BearerClient(Access);
        var keys = await (await admin.GetAsync("/internal-api/v1/api-keys")).JsonAsync();
        if (keys.GetArrayLength() > 0)
        {
            return keys[0].Str("key");
        }

        return (await (await admin.PostAsync("/internal-api/v1/api-keys", null)).JsonAsync()).Str("key");
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
