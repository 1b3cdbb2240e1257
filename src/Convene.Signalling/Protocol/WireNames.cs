using Convene.Domain.Members;
using Convene.Sfu.Api;

namespace Convene.Signalling.Protocol;

/// <summary>Maps domain and media enums to and from their wire spelling.</summary>
internal static class WireNames
{
    public static string Role(MeetingRole role) => role == MeetingRole.Moderator ? "moderator" : "speaker";

    public static string Kind(MediaKind kind) => kind == MediaKind.Audio ? "audio" : "video";

    public static string Source(TrackSource source) => source switch
    {
        TrackSource.Camera => "camera",
        TrackSource.Microphone => "microphone",
        TrackSource.ScreenShare => "screen_share",
        _ => "screen_share_audio",
    };

    public static bool TryParseSource(string? value, out TrackSource source)
    {
        switch (value)
        {
            case "camera":
                source = TrackSource.Camera;
                return true;
            case "microphone":
                source = TrackSource.Microphone;
                return true;
            case "screen_share":
                source = TrackSource.ScreenShare;
                return true;
            case "screen_share_audio":
                source = TrackSource.ScreenShareAudio;
                return true;
            default:
                source = default;
                return false;
        }
    }
}
