using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Convene.Sfu;

/// <summary>Configuration of the media plane (section <c>Sfu</c>).</summary>
public sealed record SfuOptions
{
    public const string SectionName = "Sfu";

    /// <summary>The one UDP port every peer uses (0 = any free port, for tests).</summary>
    public int Port { get; init; } = 6081;

    /// <summary>Address to bind; tests use 127.0.0.1.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>
    /// Addresses announced in SDP candidates, comma-separated (e.g. the public IP behind 1:1 NAT, then a LAN address).
    /// Default: the bind address when it is a specific address; when bound to every interface, each up IPv4 address
    /// of this machine (so people on the LAN can connect) followed by 127.0.0.1.
    /// </summary>
    public string? AnnouncedAddress { get; init; }

    /// <summary>Socket send and receive buffer size.</summary>
    public int SocketBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>ICE consent timeout (RFC 7675: 30 s).</summary>
    public TimeSpan ConsentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Batch the datagrams sent while handling one received datagram into one sendmmsg(2) call (Linux; elsewhere
    /// each is sent on its own).
    /// </summary>
    public bool BatchSends { get; init; } = true;

    /// <summary>
    /// With <see cref="BatchSends"/>: send the batched datagrams to one destination that have the same size as one UDP
    /// GSO message (UDP_SEGMENT, Linux ≥ 4.18). Used where the kernel supports it; a socket whose GSO send is refused
    /// falls back to one datagram per message and counts it.
    /// </summary>
    public bool SegmentationOffload { get; init; } = true;

    /// <summary>The addresses to put in candidates, most preferred first; never empty.</summary>
    public IReadOnlyList<IPAddress> ResolveAnnouncedAddresses() =>
        ResolveAnnouncedAddresses(() => NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address));

    /// <summary>As <see cref="ResolveAnnouncedAddresses()"/> with the machine's addresses supplied (for tests).</summary>
    public IReadOnlyList<IPAddress> ResolveAnnouncedAddresses(Func<IEnumerable<IPAddress>> machineAddresses)
    {
        ArgumentNullException.ThrowIfNull(machineAddresses);
        if (!string.IsNullOrWhiteSpace(AnnouncedAddress))
        {
            var configured = AnnouncedAddress
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(text => IPAddress.TryParse(text, out var address) ? address : null)
                .OfType<IPAddress>()
                .Distinct()
                .ToArray();
            if (configured.Length == 0)
            {
                throw new InvalidOperationException($"Sfu:AnnouncedAddress '{AnnouncedAddress}' holds no valid IP address.");
            }

            return configured;
        }

        if (IPAddress.TryParse(BindAddress, out var bound) && !bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return [bound];
        }

        var lan = machineAddresses()
            .Where(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
            .Distinct()
            .ToList();
        lan.Add(IPAddress.Loopback);
        return lan;
    }
}
