namespace Convene.E2E.Tests;

/// <summary>One server and one browser shared by the SDK meeting tests (each test uses its own room).</summary>
public sealed class SdkMeetingFixture : IAsyncLifetime
{
    private readonly List<double> _joinToFirstFrameMs = [];
    private ConveneServer? _server;
    private Browser? _browser;

    public ConveneServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised.");

    public Browser Browser => _browser ?? throw new InvalidOperationException("The browser is not available.");

    /// <summary>Join → first remote frame of every page that joined while someone was already publishing.</summary>
    public IReadOnlyList<double> JoinToFirstFrameMs
    {
        get
        {
            lock (_joinToFirstFrameMs)
            {
                return [.. _joinToFirstFrameMs];
            }
        }
    }

    /// <summary>Opens an SDK page for the room and joins with the secret of <paramref name="roomLink"/> (a role link).</summary>
    public async Task<(SdkPage Page, string ParticipantId)> JoinAsync(string roomId, Uri roomLink, string name)
    {
        var page = await SdkPage.OpenAsync(Browser, Server.BaseUrl, roomId);
        return (page, await page.JoinAsync(SdkPage.SecretOf(roomLink), name));
    }

    public void RecordJoinToFirstFrame(double milliseconds)
    {
        lock (_joinToFirstFrameMs)
        {
            _joinToFirstFrameMs.Add(milliseconds);
        }
    }

    public async ValueTask InitializeAsync()
    {
        _server = new ConveneServer();
        if (Browser.IsAvailable)
        {
            _browser = await Browser.LaunchAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
