using System.Text.Json;
using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>
/// Reads WebRTC statistics from any page without help from the app: an init script records every
/// RTCPeerConnection the page creates, and <see cref="ReadAsync"/> sums its inbound-rtp reports.
/// </summary>
public static class PeerConnectionStats
{
    /// <summary>Installed by <see cref="Browser.NewPageAsync"/> before any page script runs.</summary>
    public const string InitScript = """
        (() => {
          const Native = window.RTCPeerConnection;
          if (!Native || window.__convenePcs) return;
          window.__convenePcs = [];
          window.RTCPeerConnection = function (...args) {
            const pc = new Native(...args);
            window.__convenePcs.push(pc);
            return pc;
          };
          window.RTCPeerConnection.prototype = Native.prototype;
          Object.setPrototypeOf(window.RTCPeerConnection, Native);
        })();
        """;

    private const string ReadScript = """
        async () => {
          const totals = { framesDecoded: 0, totalSamplesReceived: 0, videoInbound: 0, audioInbound: 0, peerConnections: 0 };
          for (const pc of window.__convenePcs || []) {
            if (pc.connectionState === 'closed') continue;
            totals.peerConnections++;
            const report = await pc.getStats();
            report.forEach(s => {
              if (s.type !== 'inbound-rtp') return;
              if (s.kind === 'video') { totals.videoInbound++; totals.framesDecoded += s.framesDecoded || 0; }
              if (s.kind === 'audio') { totals.audioInbound++; totals.totalSamplesReceived += s.totalSamplesReceived || 0; }
            });
          }
          return totals;
        }
        """;

    /// <summary>Sums of the inbound streams of every open peer connection of <paramref name="page"/>.</summary>
    public static async Task<InboundTotals> ReadAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var json = await page.EvaluateAsync<JsonElement>(ReadScript);
        return new InboundTotals(
            json.GetProperty("framesDecoded").GetInt64(),
            json.GetProperty("totalSamplesReceived").GetInt64(),
            json.GetProperty("videoInbound").GetInt32(),
            json.GetProperty("audioInbound").GetInt32(),
            json.GetProperty("peerConnections").GetInt32());
    }

    /// <summary>
    /// Polls (every 250 ms, at most <paramref name="timeout"/>) until the page decodes remote video and plays remote
    /// audio from at least <paramref name="remoteVideoStreams"/> streams; returns the last totals either way.
    /// </summary>
    public static async Task<InboundTotals> WaitForRemoteMediaAsync(IPage page, int remoteVideoStreams, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        var totals = await ReadAsync(page);
        while (!totals.HasRemoteMedia(remoteVideoStreams) && time.GetTimestamp() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
            totals = await ReadAsync(page);
        }

        return totals;
    }
}

/// <summary>Inbound media of a page, summed over its peer connections.</summary>
public sealed record InboundTotals(long FramesDecoded, long TotalSamplesReceived, int VideoInbound, int AudioInbound, int PeerConnections)
{
    public bool HasRemoteMedia(int remoteVideoStreams) =>
        FramesDecoded > 0 && TotalSamplesReceived > 0 && VideoInbound >= remoteVideoStreams;
}
