using System.Text.Json;
using System.Text.Json.Serialization;
using Convene.Data.Sqlite;
using Convene.Domain.Meetings;
using Convene.Domain.Rooms;
using Convene.Server.Auth;
using Convene.Server.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Convene.Server.Hosting;

/// <summary>Composition of the server's areas; Program.cs calls one method per area.</summary>
internal static class ConveneServiceCollectionExtensions
{
    /// <summary>Options, clock, JSON conventions, error handling and the SQLite data layer under the data directory.</summary>
    public static WebApplicationBuilder AddConveneCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConveneOptions>().BindConfiguration(ConveneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddSingleton<BaseUrls>();
        services.AddSingleton(sp => new JsonBodyReader(sp.GetRequiredService<IOptions<ConveneOptions>>().Value.MaxRequestBodyBytes));
        services.AddProblemDetails();

        var dataDirectory = builder.Configuration[ConveneOptions.Section + ":" + nameof(ConveneOptions.DataDirectory)] ?? "./data";
        services.AddConveneSqlite(Path.GetFullPath(dataDirectory));
        return builder;
    }

    /// <summary>Tokens, passwords, API keys, name reservations and the start-up initialiser.</summary>
    public static WebApplicationBuilder AddConveneAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenSigner>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<UserTokenService>();
        services.AddSingleton<RoomMemberTokenService>();
        services.AddSingleton<ParticipantNameReservations>();
        services.AddSingleton<LoginThrottle>();
        services.AddHostedService<ConveneInitializer>();
        return builder;
    }

    /// <summary>Room rules and the expired-rooms job (the meeting seam <see cref="IMeetingControl"/> comes from signalling).</summary>
    public static WebApplicationBuilder AddConveneRooms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RoomService>();
        services.AddScoped<IMeetingRoomDirectory>(sp => sp.GetRequiredService<RoomService>());
        services.AddSingleton<ExpiredRoomsJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredRoomsJob>());
        return builder;
    }

    /// <summary>The OpenAPI document (served at <c>/api/v1/openapi.json</c>) and the Scalar page.</summary>
    public static WebApplicationBuilder AddConveneOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Convene API";
            document.Info.Version = "v1";
            document.Info.Description = "OpenVidu Meet v3.5 compatible REST API of Convene.";
            document.Servers = [];
            return Task.CompletedTask;
        }));
        return builder;
    }
}
