namespace Convene.Signalling.Protocol;

internal sealed record PublishOfferMessage(string Sdp, IReadOnlyList<PublishTrackDto> Tracks) : ClientMessage
{
    public override string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Sdp))
        {
            return "'sdp' must not be empty";
        }

        var mids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var track in Tracks)
        {
            if (track is null || string.IsNullOrEmpty(track.Mid) || track.Mid.Length > 32)
            {
                return "every track needs a 'mid' of 1–32 chars";
            }

            if (!WireNames.TryParseSource(track.Source, out _))
            {
                return $"unknown track source '{track.Source}'";
            }

            if (!mids.Add(track.Mid))
            {
                return $"mid '{track.Mid}' is listed twice";
            }
        }

        return null;
    }
}
