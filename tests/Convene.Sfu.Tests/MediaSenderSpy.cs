using Convene.Sfu.Media;

namespace Convene.Sfu.Tests;

/// <summary>Captures what a producer/consumer sends, as plaintext copies.</summary>
internal sealed class MediaSenderSpy : IMediaSender
{
    public List<byte[]> Rtp { get; } = [];

    public List<byte[]> Rtcp { get; } = [];

    public bool SendRtp(Span<byte> buffer, int length)
    {
        Rtp.Add(buffer[..length].ToArray());
        return true;
    }

    public bool SendRtcp(Span<byte> buffer, int length)
    {
        Rtcp.Add(buffer[..length].ToArray());
        return true;
    }
}
