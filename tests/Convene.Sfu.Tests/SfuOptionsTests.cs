using System.Net;

namespace Convene.Sfu.Tests;

public sealed class SfuOptionsTests
{
    private static readonly IPAddress[] Machine =
    [
        IPAddress.Parse("127.0.0.1"), IPAddress.Parse("192.168.1.20"), IPAddress.Parse("fe80::1"), IPAddress.Parse("10.0.0.5"),
        IPAddress.Parse("192.168.1.20"),
    ];

    [Fact]
    public void Bound_to_every_interface_announces_each_lan_ipv4_address_then_loopback()
    {
        var options = new SfuOptions { BindAddress = "0.0.0.0" };

        var announced = options.ResolveAnnouncedAddresses(() => Machine);

        Assert.Equal(["192.168.1.20", "10.0.0.5", "127.0.0.1"], announced.Select(a => a.ToString()));
    }

    [Fact]
    public void A_machine_without_network_still_announces_loopback()
    {
        var announced = new SfuOptions().ResolveAnnouncedAddresses(() => [IPAddress.Loopback]);

        Assert.Equal([IPAddress.Loopback], announced);
    }

    [Fact]
    public void A_specific_bind_address_is_the_only_one_announced()
    {
        var announced = new SfuOptions { BindAddress = "127.0.0.1" }.ResolveAnnouncedAddresses(() => Machine);

        Assert.Equal([IPAddress.Loopback], announced);
    }

    [Fact]
    public void Configured_addresses_win_in_their_order_and_invalid_entries_are_skipped()
    {
        var options = new SfuOptions { AnnouncedAddress = " 203.0.113.7, not-an-ip ,192.168.1.20,203.0.113.7" };

        var announced = options.ResolveAnnouncedAddresses(() => Machine);

        Assert.Equal(["203.0.113.7", "192.168.1.20"], announced.Select(a => a.ToString()));
    }

    [Fact]
    public void A_configured_value_without_any_address_is_a_clear_error()
    {
        var options = new SfuOptions { AnnouncedAddress = "meet.example.com" };

        var error = Assert.Throws<InvalidOperationException>(() => options.ResolveAnnouncedAddresses(() => Machine));

        Assert.Contains("AnnouncedAddress", error.Message, StringComparison.Ordinal);
    }
}
