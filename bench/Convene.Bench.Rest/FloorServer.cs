using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Convene.Bench.Rest;

/// <summary>
/// The "floor": bare Kestrel answering a small fixed JSON body on <c>/health</c> and <c>/floor</c>, with nothing else
/// in the pipeline. Its throughput on this machine, measured in the same run, is what the Convene GET is compared to.
/// </summary>
internal static class FloorServer
{
    public const string Switch = "--floor";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"roomId":"floor-room","roomName":"Floor","status":"open"}""");

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", Answer);
        app.MapGet("/floor/{id}", Answer);
        await app.RunAsync();
        return 0;
    }

    private static async Task Answer(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Body.Length;
        await context.Response.Body.WriteAsync(Body, context.RequestAborted);
    }
}
