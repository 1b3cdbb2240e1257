using System.Globalization;

namespace Convene.Bench.Rest;

/// <summary>Command line: <c>[--url http://127.0.0.1:6080 --api-key KEY] [--rooms 200] [--clients 16] [--seconds 10]</c>.</summary>
internal sealed record BenchOptions(Uri? Url, string ApiKey, int Rooms, int Clients, TimeSpan Duration)
{
    public static BenchOptions Parse(string[] args)
    {
        Uri? url = null;
        var apiKey = "bench-api-key";
        var rooms = 200;
        var clients = 16;
        var seconds = 10;
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
                case "--rooms":
                    rooms = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 100_000);
                    break;
                case "--clients":
                    clients = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 512);
                    break;
                case "--seconds":
                    seconds = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 600);
                    break;
                default:
                    throw new ArgumentException("Unknown option " + args[i]);
            }
        }

        if (url is not null && !url.IsLoopback)
        {
            throw new ArgumentException("The bench only targets loopback addresses.");
        }

        return new BenchOptions(url, apiKey, rooms, clients, TimeSpan.FromSeconds(seconds));
    }
}
