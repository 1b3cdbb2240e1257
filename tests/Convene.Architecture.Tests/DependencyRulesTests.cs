using System.Reflection;

namespace Convene.Architecture.Tests;

/// <summary>
/// Enforces the dependency direction of docs/architecture.md from assembly metadata:
/// protocol libraries know only the BCL (and their crypto library), the media plane never
/// knows the control plane, nothing below the server knows ASP.NET Core, and nothing knows the server.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly string[] ProtocolLibraries = ["Convene.Rtp", "Convene.Ice", "Convene.Dtls", "Convene.Srtp", "Convene.Sdp"];

    private static readonly string[] AllProjects =
    [
        "Convene.Rtp", "Convene.Ice", "Convene.Dtls", "Convene.Srtp", "Convene.Sdp", "Convene.Sfu", "Convene.Sfu.Udp",
        "Convene.Domain", "Convene.Signalling", "Convene.Recording", "Convene.Data", "Convene.Data.Sqlite", "Convene.Server",
    ];

    /// <summary>What each project may reference among our own assemblies (transitively closed where it matters).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Convene.Rtp"] = [],
        ["Convene.Ice"] = [],
        ["Convene.Dtls"] = [],
        ["Convene.Srtp"] = [],
        ["Convene.Sdp"] = [],
        ["Convene.Sfu"] = ProtocolLibraries,
        ["Convene.Sfu.Udp"] = ["Convene.Sfu", .. ProtocolLibraries],
        ["Convene.Domain"] = [],
        ["Convene.Signalling"] = ["Convene.Sfu", "Convene.Domain", .. ProtocolLibraries],
        ["Convene.Recording"] = ["Convene.Sfu", "Convene.Domain", .. ProtocolLibraries],
        ["Convene.Data"] = ["Convene.Domain"],
        ["Convene.Data.Sqlite"] = ["Convene.Data", "Convene.Domain"],
    };

    public static TheoryData<string> Projects() => new(AllProjects);

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static IEnumerable<string> References(string name) =>
        Load(name).GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_only_what_the_layering_allows(string project)
    {
        if (project == "Convene.Server")
        {
            return; // the composition root may reference everything
        }

        var ours = References(project).Where(r => r.StartsWith("Convene.", StringComparison.Ordinal)).ToList();
        var forbidden = ours.Except(Allowed[project]).ToList();
        Assert.True(forbidden.Count == 0, $"{project} must not reference {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Nothing_below_the_server_knows_AspNetCore_or_the_test_kit(string project)
    {
        var refs = References(project).ToList();
        Assert.DoesNotContain(refs, r => r == "Convene.Testing");
        if (project != "Convene.Server")
        {
            Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Convene.Rtp")]
    [InlineData("Convene.Ice")]
    [InlineData("Convene.Srtp")]
    [InlineData("Convene.Sdp")]
    [InlineData("Convene.Dtls")]
    public void Protocol_libraries_have_no_logging_or_dependency_injection(string project)
    {
        var refs = References(project).ToList();
        Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Convene.Rtp")]
    [InlineData("Convene.Ice")]
    [InlineData("Convene.Srtp")]
    [InlineData("Convene.Sdp")]
    [InlineData("Convene.Dtls")]
    [InlineData("Convene.Sfu")]
    [InlineData("Convene.Domain")]
    [InlineData("Convene.Signalling")]
    [InlineData("Convene.Recording")]
    public void Only_the_udp_project_and_the_server_own_sockets(string project)
    {
        var types = Load(project).GetTypes();
        var socketUsers = types.Where(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Any(f => f.FieldType == typeof(System.Net.Sockets.Socket) || f.FieldType == typeof(System.Net.Sockets.UdpClient))).ToList();
        Assert.Empty(socketUsers);
    }
}
