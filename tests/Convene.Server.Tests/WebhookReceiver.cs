using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Convene.Server.Tests;

/// <summary>
/// A webhook receiver on Kestrel at 127.0.0.1 (free port). Records every request; <see cref="Respond"/> decides the
/// answer for the n-th request (0-based): a status code, or <see cref="Hang"/> to never answer.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const int Hang = -1;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Received(int Index, string EventId, string Timestamp, string Signature, string Body, int Answer);

    /// <summary>Status for the n-th request; 302 redirects back to the receiver itself.</summary>
    public Func<int, int> Respond { get; set; } = _ => 200;

    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<Received> Requests => _received.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (_received.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"expected {count} webhook requests within {timeout}, got {_received.Count}");
            }
        }
    }

    public static bool SignatureValid(Received request, string apiKey)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(request.Timestamp + "." + request.Body));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(request.Signature));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var index = Interlocked.Increment(ref _count) - 1;
        var answer = Respond(index);
        _received.Enqueue(new Received(
            index,
            context.Request.Headers["X-Event-Id"].ToString(),
            context.Request.Headers["X-Timestamp"].ToString(),
            context.Request.Headers["X-Signature"].ToString(),
            body,
            answer));
        _arrived.Release();
        if (answer == Hang)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // the sender gave up, as it should
            }

            return;
        }

        if (answer == 302)
        {
            context.Response.Headers.Location = Url;
        }

        context.Response.StatusCode = answer;
    }
}
