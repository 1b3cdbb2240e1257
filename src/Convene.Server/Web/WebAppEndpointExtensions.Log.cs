namespace Convene.Server.Web;

internal static partial class WebAppEndpointExtensions
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Serving the web app from {Root}")]
    private static partial void LogServing(ILogger logger, string root);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "The web app is not built ({Dist} has no index.html); SPA routes answer 503")]
    private static partial void LogNotBuilt(ILogger logger, string dist);
}
