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
    /// Address announced in SDP candidates (public IP behind 1:1 NAT). Default: the bind address when it is a
    /// specific address, else 127.0.0.1.
    /// </summary>
    public string? AnnouncedAddress { get; init; }

    /// <summary>Socket send and receive buffer size.</summary>
    public int SocketBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>ICE consent timeout (RFC 7675: 30 s).</summary>
    public TimeSpan ConsentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Resolves the address to put in candidates.</summary>
    public string ResolveAnnouncedAddress()
    {
        if (!string.IsNullOrWhiteSpace(AnnouncedAddress))
        {
            return AnnouncedAddress;
        }

        return BindAddress is "0.0.0.0" or "::" ? "127.0.0.1" : BindAddress;
    }
}
