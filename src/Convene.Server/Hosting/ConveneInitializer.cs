using System.Security.Cryptography;
using Convene.Data;
using Convene.Domain.ApiKeys;
using Convene.Domain.Settings;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Microsoft.Extensions.Options;

namespace Convene.Server.Hosting;

/// <summary>
/// First-start and every-start work, done in <see cref="StartingAsync"/> so it completes before the server (and any
/// other hosted service) starts: migrations, the signing key, the initial admin and the initial API key.
/// </summary>
internal sealed partial class ConveneInitializer(
    IServiceScopeFactory scopes,
    SigningKey signingKey,
    ApiKeyCache apiKeys,
    PasswordHasher hasher,
    TimeProvider time,
    IOptions<ConveneOptions> options,
    ILogger<ConveneInitializer> logger) : IHostedLifecycleService
{
    private const string SigningKeySetting = "jwt-signing-key";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await ConveneDatabase.MigrateAsync(services.GetRequiredService<ConveneDbContext>(), cancellationToken);

        var settings = services.GetRequiredService<ISettingsStore>();
        var key = await settings.GetOrAddAsync(SigningKeySetting, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), cancellationToken);
        signingKey.Load(Convert.FromBase64String(key));

        var config = options.Value;
        var users = services.GetRequiredService<IUserRepository>();
        var admin = new User
        {
            Username = config.InitialAdminUser,
            PasswordHash = hasher.Hash(config.InitialAdminPassword),
            Roles = [UserRole.Admin, UserRole.User],
        };
        if (await users.TryAddAsync(admin, cancellationToken))
        {
            LogAdminCreated(config.InitialAdminUser);
        }

        var keys = services.GetRequiredService<IApiKeyRepository>();
        if (config.InitialApiKey.Length > 0 &&
            await keys.AddIfNoneAsync(new ApiKey(config.InitialApiKey, time.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken))
        {
            LogInitialApiKeyCreated();
        }

        apiKeys.Set(await keys.ListAsync(cancellationToken));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Created the initial admin user {Username}")]
    private partial void LogAdminCreated(string username);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Stored the initial API key from configuration")]
    private partial void LogInitialApiKeyCreated();
}
