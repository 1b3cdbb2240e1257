using System.Net;
using System.Text;

namespace Convene.Server.Tests;

/// <summary>
/// Every protected route × {no credentials, wrong API key, valid API key, admin access token, refresh token used as
/// access token, room member token}: accepted credentials pass authentication, others get the contract's 401.
/// </summary>
public sealed class AuthMatrixTests(AuthMatrixFixture fixture) : IClassFixture<AuthMatrixFixture>
{
    [Flags]
    public enum Accepts
    {
        None = 0,
        Key = 1,
        Admin = 2,
        Member = 4,
    }

    public enum Credential
    {
        None,
        WrongApiKey,
        ValidApiKey,
        AdminAccessToken,
        RefreshTokenAsAccess,
        RoomMemberToken,
    }

    private static readonly (string Method, string Path, string? Body, Accepts Accepts)[] Routes =
    [
        ("POST", "/api/v1/rooms", """{"roomName":"matrix"}""", Accepts.Key | Accepts.Admin),
        ("GET", "/api/v1/rooms", null, Accepts.Key | Accepts.Admin),
        ("DELETE", "/api/v1/rooms?roomIds=ghost", null, Accepts.Key | Accepts.Admin),
        ("GET", "/api/v1/rooms/{room}", null, Accepts.Key | Accepts.Admin | Accepts.Member),
        ("DELETE", "/api/v1/rooms/ghost", null, Accepts.Key | Accepts.Admin),
        ("GET", "/api/v1/rooms/{room}/config", null, Accepts.Key | Accepts.Admin | Accepts.Member),
        ("PUT", "/api/v1/rooms/ghost/config", """{"config":{}}""", Accepts.Key | Accepts.Admin),
        ("PUT", "/api/v1/rooms/ghost/status", """{"status":"open"}""", Accepts.Key | Accepts.Admin),
        ("GET", "/internal-api/v1/users/profile", null, Accepts.Admin),
        ("POST", "/internal-api/v1/users/change-password", """{"currentPassword":"wrong","newPassword":"whatever"}""", Accepts.Admin),
        ("GET", "/internal-api/v1/api-keys", null, Accepts.Admin),
        ("POST", "/internal-api/v1/api-keys", null, Accepts.Admin),
        ("DELETE", "/internal-api/v1/api-keys", null, Accepts.Admin),
    ];

    public static TheoryData<int, Credential> Cases()
    {
        var data = new TheoryData<int, Credential>();
        for (var i = 0; i < Routes.Length; i++)
        {
            foreach (var credential in Enum.GetValues<Credential>())
            {
                data.Add(i, credential);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_accepts_only_its_credentials(int route, Credential credential)
    {
        var (method, path, body, accepts) = Routes[route];
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{room}", fixture.RoomId, StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var key = await fixture.CurrentApiKeyAsync();
        switch (credential)
        {
            case Credential.WrongApiKey:
                request.Headers.Add("X-API-KEY", "ovmeet-00000000000000000000000000000000");
                break;
            case Credential.ValidApiKey:
                request.Headers.Add("X-API-KEY", key);
                break;
            case Credential.AdminAccessToken:
                request.Headers.Add("Authorization", "Bearer " + fixture.Access);
                break;
            case Credential.RefreshTokenAsAccess:
                request.Headers.Add("Authorization", "Bearer " + fixture.Refresh);
                break;
            case Credential.RoomMemberToken:
                request.Headers.Add("X-Room-Member-Token", "Bearer " + fixture.MemberToken);
                break;
        }

        using var client = fixture.Factory.CreateClient();
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var allowed = credential switch
        {
            Credential.ValidApiKey => accepts.HasFlag(Accepts.Key),
            Credential.AdminAccessToken => accepts.HasFlag(Accepts.Admin),
            Credential.RoomMemberToken => accepts.HasFlag(Accepts.Member),
            _ => false,
        };

        if (allowed)
        {
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{method} {path} with {credential}: {(int)response.StatusCode} {text}");
            return;
        }

        var expectedMessage = credential switch
        {
            Credential.WrongApiKey when accepts.HasFlag(Accepts.Key) => "Invalid API key",
            Credential.RefreshTokenAsAccess when accepts.HasFlag(Accepts.Admin) => "Invalid token",
            _ => "Unauthorized",
        };
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with {credential}: {(int)response.StatusCode} {text}");
        Assert.Contains(expectedMessage, text, StringComparison.Ordinal);
        Assert.Contains("Authentication Error", text, StringComparison.Ordinal);
    }
}
