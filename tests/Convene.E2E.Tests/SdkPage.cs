using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>
/// A browser page that uses the SDK directly (no meeting app): an emptied document of the server origin (so REST
/// calls and the WebSocket are same-origin), the SDK bundle
/// (<c>web/packages/client/dist/convene-client.js</c>, global <c>ConveneClient</c>) and a small harness that joins,
/// publishes the fake camera and microphone, attaches remote media to &lt;video&gt;/&lt;audio&gt; elements and records
/// events and the time from <c>connect()</c> to the first decoded remote video frame.
/// </summary>
public sealed class SdkPage
{
    private const string BlankPath = "api/v1/__sdk-test-page";

    private const string Harness = """
        (() => {
          const C = window.ConveneClient;
          const s = window.__sdk = { events: [], left: null, firstFrameMs: null, startedAt: 0, sockets: [], token: null, client: null, errors: [] };
          const log = (type, data) => s.events.push({ type, ...data });
          const firstFrame = (video) => {
            const done = () => { if (s.firstFrameMs === null) s.firstFrameMs = performance.now() - s.startedAt; };
            if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(done);
            else {
              const poll = setInterval(() => { if (video.getVideoPlaybackQuality().totalVideoFrames > 0) { clearInterval(poll); done(); } }, 10);
              setTimeout(() => clearInterval(poll), 30000);
            }
          };
          window.sdkJoin = async (roomId, secret, name) => {
            const api = new C.MeetApi('');
            const { token } = await api.token(roomId, { secret, grantJoinMeetingPermission: true, participantName: name });
            s.token = token;
            const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } });
            const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/v1/rtc';
            // Sockets are wrapped so a test can drop one: the real socket goes away without `leave` (as the server sees
            // a lost connection) and the SDK gets the 1006 close a browser reports when the network drops.
            const environment = { createWebSocket: (u) => {
              const ws = new WebSocket(u);
              const wrap = { onopen: null, onmessage: null, onclose: null, onerror: null,
                get readyState() { return ws.readyState; },
                send: (d) => ws.send(d),
                close: (code, reason) => ws.close(code, reason),
                drop: () => { ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null; ws.close(); if (wrap.onclose) wrap.onclose({ code: 1006, reason: '' }); } };
              ws.onopen = (e) => wrap.onopen && wrap.onopen(e);
              ws.onmessage = (e) => wrap.onmessage && wrap.onmessage(e);
              ws.onclose = (e) => wrap.onclose && wrap.onclose(e);
              ws.onerror = (e) => wrap.onerror && wrap.onerror(e);
              s.sockets.push(wrap);
              return wrap;
            } };
            s.startedAt = performance.now();
            const client = await C.MeetingClient.connect(url, token, { environment, qualityIntervalMs: 0 });
            s.client = client;
            client.on('participantJoined', (p) => log('participantJoined', { participantId: p.participantId }));
            client.on('participantLeft', (p, reason) => log('participantLeft', { participantId: p.participantId, reason }));
            client.on('connectionStateChanged', (state) => log('connectionState', { state }));
            client.on('error', (e) => s.errors.push(String(e && e.message || e)));
            client.on('left', (reason) => { s.left = reason; log('left', { reason }); });
            client.on('trackSubscribed', (t) => {
              const el = document.createElement(t.kind === 'video' ? 'video' : 'audio');
              el.autoplay = true;
              el.dataset.trackId = t.trackId;
              el.dataset.participantId = t.participantId;
              if (t.kind === 'video') { el.muted = true; el.playsInline = true; firstFrame(el); }
              el.srcObject = new MediaStream([t.track]);
              document.body.appendChild(el);
              el.play().catch((e) => s.errors.push('play: ' + e));
            });
            client.on('trackUnsubscribed', (t) => document.querySelectorAll(`[data-track-id="${t.trackId}"]`).forEach((el) => el.remove()));
            await Promise.all([client.publishMicrophone(stream.getAudioTracks()[0]), client.publishCamera(stream.getVideoTracks()[0])]);
            return client.self.participantId;
          };
          window.sdkApi = () => new C.MeetApi('');
        })();
        """;

    private SdkPage(IPage page, string roomId)
    {
        Page = page;
        RoomId = roomId;
    }

    public IPage Page { get; }

    public string RoomId { get; }

    public string ParticipantId { get; private set; } = string.Empty;

    /// <summary>The SDK bundle built by the normal web build (<c>npm run build -w @convene/client</c>).</summary>
    public static string BundlePath { get; } = Path.Combine(RepositoryRoot(), "web", "packages", "client", "dist", "convene-client.js");

    /// <summary>Opens a fresh context and page at the server origin with the SDK and the harness loaded.</summary>
    public static async Task<SdkPage> OpenAsync(Browser browser, Uri origin, string roomId)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(origin);
        if (!File.Exists(BundlePath))
        {
            throw new FileNotFoundException($"The SDK bundle is missing; build the web workspace (cd web && npm run build -w @convene/client).", BundlePath);
        }

        var page = await browser.NewPageAsync(origin);
        // A real document of the server (an unknown API path answers a small JSON 404): a document fulfilled by
        // Playwright's routing cannot open WebSockets in Chromium, so the page must come from the server itself.
        await page.GotoAsync(new Uri(origin, BlankPath).ToString());
        await page.EvaluateAsync("() => { document.title = 'Convene SDK test'; document.body.replaceChildren(); }");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BundlePath });
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Harness });
        return new SdkPage(page, roomId);
    }

    /// <summary>Gets a token with <paramref name="secret"/>, connects, publishes camera and microphone; returns the participant id.</summary>
    public async Task<string> JoinAsync(string secret, string name)
    {
        ParticipantId = await Page.EvaluateAsync<string>("([r, s, n]) => window.sdkJoin(r, s, n)", new object[] { RoomId, secret, name });
        return ParticipantId;
    }

    /// <summary>Leaves voluntarily and closes the page's context.</summary>
    public async Task LeaveAndCloseAsync()
    {
        await Page.EvaluateAsync("() => window.__sdk.client && window.__sdk.client.leave()");
        await Page.Context.CloseAsync();
    }

    /// <summary>Drops the SDK's current signalling socket as a lost network would (see the harness).</summary>
    public Task DropSignallingAsync() => Page.EvaluateAsync("() => window.__sdk.sockets[window.__sdk.sockets.length - 1].drop()");

    public Task<string?> LeftReasonAsync() => Page.EvaluateAsync<string?>("() => window.__sdk.left");

    /// <summary>Milliseconds from <c>MeetingClient.connect</c> to the first remote video frame, or null before it.</summary>
    public async Task<double?> FirstFrameMsAsync()
    {
        var value = await Page.EvaluateAsync<double>("() => window.__sdk.firstFrameMs ?? -1");
        return value < 0 ? null : value;
    }

    /// <summary>Events recorded so far, e.g. <c>participantLeft:alice-…:voluntary_leave</c>.</summary>
    public async Task<IReadOnlyList<string>> EventsAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.__sdk.events.map((e) => [e.type, e.participantId, e.reason, e.state].filter((v) => v !== undefined).join(':'))");

    /// <summary>Waits (≤ <paramref name="timeout"/>) until <see cref="EventsAsync"/> contains <paramref name="expected"/>; fails with the page's events and errors.</summary>
    public async Task AssertEventAsync(string expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await EventuallyAsync(async () => (await EventsAsync()).Contains(expected), timeout, cancellationToken))
        {
            Assert.Fail($"{ParticipantId} never saw '{expected}'. Events: {string.Join(", ", await EventsAsync())}; errors: {await Page.EvaluateAsync<string>("() => window.__sdk.errors.join(' | ')")}");
        }
    }

    public Task<int> CountElementsAsync(string selector) => Page.EvaluateAsync<int>("(sel) => document.querySelectorAll(sel).length", selector);

    /// <summary>Polls <paramref name="condition"/> every 100 ms for at most <paramref name="timeout"/>; true when it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (TimeProvider.System.GetTimestamp() >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>The <c>secret</c> query parameter of a room link.</summary>
    public static string SecretOf(Uri roomLink)
    {
        ArgumentNullException.ThrowIfNull(roomLink);
        foreach (var pair in roomLink.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "secret")
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        throw new ArgumentException($"The room link {roomLink} has no secret.", nameof(roomLink));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Convene.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
