using Convene.Server.Http;
using Convene.Signalling;

namespace Convene.Server.Realtime;

/// <summary>The signalling WebSocket of docs/protocol.md at <c>GET /ws/v1/rtc</c>; the token arrives in <c>join</c>.</summary>
internal static class SignallingEndpoint
{
    public const string Path = "/ws/v1/rtc";

    public static WebApplication MapSignallingEndpoint(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.Map(Path, HandleAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrors.Error(StatusCodes.Status400BadRequest, "Bad Request", "WebSocket upgrade required").ExecuteAsync(context);
            return;
        }

        var signalling = context.RequestServices.GetRequiredService<SignallingService>();
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        await signalling.RunSessionAsync(socket, context.RequestAborted);
    }
}
