using Convene.Data.Repositories;
using Convene.Domain.ApiKeys;
using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Domain.Settings;
using Convene.Domain.Users;
using Convene.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the DbContext (pooled) with the given provider and the repository implementations.</summary>
    public static IServiceCollection AddConveneData(this IServiceCollection services, Action<DbContextOptionsBuilder> provider)
    {
        services.AddDbContextPool<ConveneDbContext>(provider);
        services.AddSingleton<RoomCache>();
        services.AddSingleton<RoomInsertBatcher>();
        services.AddScoped<IRoomRepository, RoomRepository>();
        services.AddScoped<IRoomRecordings, RoomRecordings>();
        services.AddScoped<IRecordingRepository, RecordingRepository>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IApiKeyRepository, ApiKeyRepository>();
        services.AddScoped<ISettingsStore, SettingsStore>();
        services.AddSingleton<WebhookOutboxSignal>();
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<IWebhookOutbox>(sp => sp.GetRequiredService<WebhookOutbox>());
        services.AddScoped<IWebhookDeliveryStore>(sp => sp.GetRequiredService<WebhookOutbox>());
        return services;
    }
}
