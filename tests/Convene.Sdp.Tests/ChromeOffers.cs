namespace Convene.Sdp.Tests;

/// <summary>Offers captured from Chromium 156 on this machine (see shared/prototypes/sfu-probe).</summary>
internal static class ChromeOffers
{
    public static string SendRecv => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "chrome156-offer-sendrecv.sdp"));

    /// <summary>The simulcast capture starts with the browser's user agent line; the SDP starts at "v=0".</summary>
    public static string Simulcast
    {
        get
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "chrome156-offer-simulcast.txt"));
            return text[text.IndexOf("v=0", StringComparison.Ordinal)..];
        }
    }

    public static SessionDescription Parse(string text)
    {
        Assert.True(SessionDescription.TryParse(text, out var sdp, out var error), error);
        return sdp!;
    }

    public static string[] Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
