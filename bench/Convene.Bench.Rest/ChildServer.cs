using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Convene.Bench.Rest;

/// <summary>
/// A server in its own process on 127.0.0.1 (so it shares no GC, thread pool or cores' scheduling quirks with the load
/// generator beyond the machine itself): the built Release Convene.Server, or this bench in <c>--floor</c> mode. Ready
/// once <c>/health</c> answers; killed (by its own process id) and its temp data directory deleted on dispose.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string? _dataDirectory;
    private readonly Queue<string> _lastOutput = new();

    private ChildServer(Process process, Uri address, string? dataDirectory)
    {
        _process = process;
        Address = address;
        _dataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the Convene server DLL in the Production environment with a fresh data directory.</summary>
    public static Task<ChildServer> StartConveneAsync(string serverDll, string apiKey, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "convene-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var environment = new Dictionary<string, string>
        {
            ["Convene__DataDirectory"] = dataDirectory,
            ["Convene__InitialApiKey"] = apiKey,
        };
        return StartAsync(serverDll, [], environment, dataDirectory, cancellationToken);
    }

    /// <summary>Starts this bench's bare-Kestrel floor app (<see cref="FloorServer"/>).</summary>
    public static Task<ChildServer> StartFloorAsync(CancellationToken cancellationToken) =>
        StartAsync(typeof(ChildServer).Assembly.Location, [FloorServer.Switch], new Dictionary<string, string>(), null, cancellationToken);

    private static async Task<ChildServer> StartAsync(
        string dll, string[] arguments, Dictionary<string, string> environment, string? dataDirectory, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Urls"] = address.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll);
        var server = new ChildServer(process, address, dataDirectory);
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>User + system CPU time the server process has used so far (from <c>/proc/&lt;pid&gt;/stat</c>).</summary>
    public TimeSpan CpuTime() => ProcessCpu.Read(_process.Id);

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 900 && waited.Elapsed < ReadyTimeout; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await client.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // a slow first answer; try again
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        string output;
        lock (_lastOutput)
        {
            output = string.Join(Environment.NewLine, _lastOutput);
        }

        throw new InvalidOperationException($"The server at {Address} did not answer /health within {ReadyTimeout.TotalSeconds:F0} s. Last output:{Environment.NewLine}{output}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            while (_lastOutput.Count > 40)
            {
                _lastOutput.Dequeue();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(exited.Token);
            }
            catch (OperationCanceledException)
            {
                // leave it; the OS reaps it
            }
        }

        _process.Dispose();
        if (_dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }
}
