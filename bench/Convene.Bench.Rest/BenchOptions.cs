using System.Globalization;

namespace Convene.Bench.Rest;

/// <summary>
/// Command line: <c>[--url http://127.0.0.1:6080 --api-key KEY] [--server-dll PATH] [--rooms 3000] [--clients 16]
/// [--seconds 5] [--repeats 3]</c>. Without <c>--url</c> the built Release server is started as a child process.
/// </summary>
internal sealed record BenchOptions(Uri? Url, string ApiKey, string? ServerDll, int Rooms, int Clients, TimeSpan Duration, int Repeats)
{
    public static BenchOptions Parse(string[] args)
    {
        Uri? url = null;
        string? serverDll = null;
        var apiKey = "bench-api-key";
        var rooms = 3000;
        var clients = 16;
        var seconds = 5;
        var repeats = 3;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--url":
                    url = new Uri(value);
                    break;
                case "--api-key":
                    apiKey = value;
                    break;
                case "--server-dll":
                    serverDll = Path.GetFullPath(value);
                    break;
                case "--rooms":
                    rooms = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 100_000);
                    break;
                case "--clients":
                    clients = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 512);
                    break;
                case "--seconds":
                    seconds = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 600);
                    break;
                case "--repeats":
                    repeats = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 9);
                    break;
                default:
                    throw new ArgumentException("Unknown option " + args[i]);
            }
        }

        if (url is not null && !url.IsLoopback)
        {
            throw new ArgumentException("The bench only targets loopback addresses.");
        }

        return new BenchOptions(url, apiKey, serverDll, rooms, clients, TimeSpan.FromSeconds(seconds), repeats);
    }

    /// <summary>The server DLL to start: <c>--server-dll</c>, else the Release build next to the solution file.</summary>
    public string ResolveServerDll()
    {
        if (ServerDll is not null)
        {
            return ServerDll;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Convene.slnx")))
            {
                var dll = Path.Combine(directory.FullName, "src", "Convene.Server", "bin", "Release", "net10.0", "Convene.Server.dll");
                if (File.Exists(dll))
                {
                    return dll;
                }

                break;
            }
        }

        throw new FileNotFoundException("Build the server first (dotnet build src/Convene.Server -c Release) or pass --server-dll.");
    }
}
