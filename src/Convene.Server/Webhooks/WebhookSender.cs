using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Options;

namespace Convene.Server.Webhooks;

/// <summary>
/// Sends one signed webhook request: no redirects followed (a redirect is a failed attempt), a time limit per attempt,
/// and the SSRF guard applied to every address actually connected to. Never throws for network trouble: the outcome
/// and a contract-style reason (§6.5) come back as a <see cref="WebhookAttempt"/>.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    public const string EventIdHeader = "X-Event-Id";

    private readonly HttpClient _client;
    private readonly WebhookTargets _targets;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public WebhookSender(WebhookTargets targets, IOptions<WebhookOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _targets = targets;
        _time = time;
        _timeout = options.Value.Timeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = _timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>POSTs <paramref name="body"/> with <c>X-Timestamp</c> (now, ms), <c>X-Signature</c> and, when given, the event id.</summary>
    public async Task<WebhookAttempt> SendAsync(string url, string? eventId, string body, string apiKey, CancellationToken cancellationToken)
    {
        if (WebhookTargets.SyntaxError(url, out var uri) is { } syntax)
        {
            return new WebhookAttempt(false, null, "Invalid URL: " + syntax);
        }

        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Signature", WebhookSignature.Sign(apiKey, timestamp, body));
        if (eventId is not null)
        {
            request.Headers.Add(EventIdHeader, eventId);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new WebhookAttempt(true, status, null);
            }

            var reason = response.ReasonPhrase ?? string.Empty;
            var error = status switch
            {
                >= 500 => string.Create(CultureInfo.InvariantCulture, $"Server error ({status} {reason})"),
                >= 400 => string.Create(CultureInfo.InvariantCulture, $"Client error ({status} {reason})"),
                _ => string.Create(CultureInfo.InvariantCulture, $"Unexpected response ({status})"),
            };
            return new WebhookAttempt(false, status, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(false, null, string.Create(CultureInfo.InvariantCulture, $"Request timed out after {_timeout.TotalSeconds:0.###} seconds"));
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(false, null, Describe(ex));
        }
    }

    public void Dispose() => _client.Dispose();

    private static string Describe(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case BlockedTargetException blocked:
                    return "Connection failed: " + blocked.Message;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "Domain name could not be resolved";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "Connection refused by server";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset }:
                    return "Connection reset by server";
                case AuthenticationException:
                    return "SSL/TLS certificate error";
            }
        }

        return ex is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }
            ? "Domain name could not be resolved"
            : "Network error: " + ex.Message;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(_targets.IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedTargetException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
