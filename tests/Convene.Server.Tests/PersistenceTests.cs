using System.Net;
using System.Net.Http.Json;
using Convene.Data.Sqlite;

namespace Convene.Server.Tests;

/// <summary>Data survives a restart: two hosts, one after the other, on the same data directory.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Rooms_keys_passwords_and_tokens_survive_a_restart()
    {
        var directory = ConveneFactory.NewTempDirectory();
        try
        {
            string roomId, access, newKey;
            await using (var first = new ConveneFactory(directory))
            {
                using var api = first.ApiClient();
                roomId = (await api.CreateRoomAsync(new { roomName = "Persistent" })).Str("roomId");
                (access, _) = await first.LoginAsync();
                using var admin = first.BearerClient(access);
                newKey = (await (await admin.PostAsync("/internal-api/v1/api-keys", null)).JsonAsync()).Str("key");
                await (await admin.PostAsJsonAsync("/internal-api/v1/users/change-password", new { currentPassword = "admin", newPassword = "changed-1" })).ExpectAsync(HttpStatusCode.OK);
            }

            Assert.True(File.Exists(Path.Combine(directory, SqliteDataServiceCollectionExtensions.DatabaseFileName)));

            await using var second = new ConveneFactory(directory);
            using var client = second.CreateClient();
            client.DefaultRequestHeaders.Add("X-API-KEY", newKey);
            var room = await (await client.GetAsync($"/api/v1/rooms/{roomId}")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("Persistent", room.Str("roomName"));

            // The signing key persisted, so a token from the first run is still valid.
            using var admin2 = second.BearerClient(access);
            await (await admin2.GetAsync("/internal-api/v1/users/profile")).ExpectAsync(HttpStatusCode.OK);
            using var anonymous = second.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "changed-1" })).StatusCode);
            // The initial API key is not re-added once a key exists.
            using var initial = second.ApiClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await initial.GetAsync("/api/v1/rooms")).StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
