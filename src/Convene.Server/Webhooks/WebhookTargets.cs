using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Convene.Server.Webhooks;

/// <summary>
/// Which webhook URLs are acceptable: http(s) only, and — unless <see cref="WebhookOptions.AllowPrivateTargets"/> —
/// no loopback, private, link-local, unspecified or multicast address (an SSRF guard). Checked when the URL is saved
/// or tested and again on every connection (a name may resolve differently later).
/// </summary>
internal sealed class WebhookTargets(IOptions<WebhookOptions> options)
{
    public const string InvalidUrl = "Must be a valid URL";
    public const string WrongScheme = "URL must start with http:// or https://";
    public const string PrivateTarget = "URL must not point to a loopback, private or link-local address";

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(2);

    public bool AllowPrivate => options.Value.AllowPrivateTargets;

    /// <summary>Syntax rules; the validation message when <paramref name="url"/> breaks one, else null.</summary>
    public static string? SyntaxError(string url, out Uri? uri)
    {
        uri = null;
        if (url.Length is 0 or > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var other) && other.Scheme is not ("http" or "https") ? WrongScheme : InvalidUrl;
        }

        if (parsed.Scheme is not ("http" or "https"))
        {
            return WrongScheme;
        }

        if (parsed.UserInfo.Length > 0)
        {
            return InvalidUrl;
        }

        uri = parsed;
        return null;
    }

    /// <summary>
    /// Full check for saving or testing a URL: syntax, then the target addresses. A host name that does not resolve
    /// is accepted here (delivery records the failure).
    /// </summary>
    public async Task<string?> ValidateAsync(string url, CancellationToken cancellationToken)
    {
        if (SyntaxError(url, out var uri) is { } error)
        {
            return error;
        }

        if (AllowPrivate)
        {
            return null;
        }

        var host = uri!.IdnHost;
        if (IPAddress.TryParse(host, out var literal))
        {
            return IsPrivate(literal) ? PrivateTarget : null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            return addresses.Any(IsPrivate) ? PrivateTarget : null;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Whether connecting to <paramref name="address"/> is allowed under the current options.</summary>
    public bool IsAllowed(IPAddress address) => AllowPrivate || !IsPrivate(address);

    /// <summary>Loopback, RFC 1918, CGNAT, link-local, unique-local, unspecified, broadcast or multicast.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] == 10
                || b[0] == 0
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || b[0] >= 224;
        }

        return address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal
            || address.IsIPv6Multicast;
    }
}
