using Convene.Domain.Recordings;
using Convene.Recording;
using Microsoft.Extensions.Options;

namespace Convene.Server.Recordings;

internal static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// Recording options, local storage under <c>{DataDirectory}/recordings</c>, the lifecycle (also the start-up
    /// stale-recordings job) and room deletion that removes recording media. Call after <c>AddConveneAuth</c>
    /// (the database is migrated by then).
    /// </summary>
    public static WebApplicationBuilder AddConveneRecordings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRecordingStorage>(sp => new LocalRecordingStorage(
            Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<ConveneOptions>>().Value.DataDirectory), "recordings")));
        services.AddSingleton<RecordingLifecycle>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingLifecycle>());
        services.AddSingleton<IActiveRecordings>(sp => sp.GetRequiredService<RecordingLifecycle>());
        services.AddScoped<IRoomRecordings, RoomRecordingsWithMedia>();
        return builder;
    }
}
