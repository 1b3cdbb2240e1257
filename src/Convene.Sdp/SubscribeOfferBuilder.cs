using System.Globalization;

namespace Convene.Sdp;

/// <summary>Builds the SFU's offer on a subscriber PeerConnection and reads the browser's answer.</summary>
internal static class SubscribeOfferBuilder
{
    public static bool TryBuild(
        SdpLocalTransport local,
        IReadOnlyList<SubscribeSection> sections,
        SdpOrigin origin,
        out SessionDescription? offer,
        out string? error)
    {
        offer = null;
        if (sections.Count == 0)
        {
            error = "A subscriber offer needs at least one media section.";
            return false;
        }

        var mids = new HashSet<string>(StringComparer.Ordinal);
        var payloadTypes = new Dictionary<int, string>();
        var ssrcs = new HashSet<uint>();
        var description = new SessionDescription { Origin = origin, IceLite = true, MsidSemantic = " WMS *" };
        foreach (var section in sections)
        {
            if (string.IsNullOrEmpty(section.Mid) || section.Mid.Contains(' ', StringComparison.Ordinal) || !mids.Add(section.Mid))
            {
                error = $"Mid \"{section.Mid}\" is empty, has a space, or is used twice.";
                return false;
            }

            if (section.Kind is not ("audio" or "video"))
            {
                error = $"Section \"{section.Mid}\" has kind \"{section.Kind}\"; only audio and video are offered.";
                return false;
            }

            var media = SdpNegotiationCommon.NewSection(section.Kind, section.Mid, local, SdpSetup.ActPass);
            if (section.Track is null)
            {
                media.Direction = SdpDirection.Inactive;
                var placeholder = section.Kind == "audio" ? new SdpCodec(111, "opus", 48000, 2) : new SdpCodec(96, "VP8", 90000);
                media.Formats.Add(SdpNegotiationCommon.Pt(placeholder.PayloadType));
                media.Codecs.Add(placeholder);
                description.Media.Add(media);
                continue;
            }

            var track = section.Track;
            if (!Register(payloadTypes, track.Codec.PayloadType, Describe(track.Codec), out error)
                || (track.Codec.RtxPayloadType is int rtxPt && !Register(payloadTypes, rtxPt, "rtx apt=" + track.Codec.PayloadType, out error)))
            {
                return false;
            }

            if (!ssrcs.Add(track.Ssrc) || (track.RtxSsrc is uint r && !ssrcs.Add(r)))
            {
                error = $"SSRC of section \"{section.Mid}\" is used twice in the offer.";
                return false;
            }

            media.Direction = SdpDirection.SendOnly;
            media.Msid = $"{track.StreamId} {track.TrackId}";
            media.Formats.Add(SdpNegotiationCommon.Pt(track.Codec.PayloadType));
            media.Codecs.Add(SdpNegotiationCommon.ToSdpCodec(track.Codec));
            if (track.Codec.RtxPayloadType is int rtx)
            {
                media.Formats.Add(SdpNegotiationCommon.Pt(rtx));
                media.Codecs.Add(SdpNegotiationCommon.RtxCodec(rtx, track.Codec));
            }

            foreach (var extension in track.Extensions)
            {
                media.Extmaps.Add(new SdpExtmap(extension.Id, extension.Uri));
            }

            if (track.RtxSsrc is uint rtxSsrc && track.Codec.RtxPayloadType is not null)
            {
                media.SsrcGroups.Add(new SdpSsrcGroup("FID", [track.Ssrc, rtxSsrc]));
                AddSsrc(media, track.Ssrc, track);
                AddSsrc(media, rtxSsrc, track);
            }
            else
            {
                AddSsrc(media, track.Ssrc, track);
            }

            description.Media.Add(media);
        }

        description.Groups.Add(new SdpGroup("BUNDLE", sections.Select(s => s.Mid).ToArray()));
        offer = description;
        error = null;
        return true;
    }

    public static bool TryReadAnswer(SessionDescription offer, SessionDescription answer, out SubscribeAnswer? result, out string? error)
    {
        result = null;
        var media = new List<NegotiatedMedia>();
        var accepted = new List<MediaDescription>();
        foreach (var offered in offer.Media)
        {
            var answered = offered.Mid is null ? null : answer.FindMedia(offered.Mid);
            if (answered is null)
            {
                error = $"The answer has no media section for mid \"{offered.Mid}\".";
                return false;
            }

            if (answered.Kind != offered.Kind)
            {
                error = $"The answer changes the kind of mid \"{offered.Mid}\".";
                return false;
            }

            bool isAccepted = answered.Port != 0;
            if (isAccepted)
            {
                accepted.Add(answered);
            }

            var sent = offered.Codecs.FirstOrDefault(c => !c.Is("rtx"));
            SdpCodec? chosen = null;
            foreach (var format in answered.Formats)
            {
                chosen = offered.Codecs.FirstOrDefault(c => SdpNegotiationCommon.Pt(c.PayloadType) == format && !c.Is("rtx"));
                if (chosen is not null)
                {
                    break;
                }
            }

            if (isAccepted && offered.Direction == SdpDirection.SendOnly && chosen is null)
            {
                error = $"The answer for mid \"{offered.Mid}\" accepts none of the offered payload types.";
                return false;
            }

            var codec = chosen ?? sent;
            int? rtx = codec is null ? null : answered.Codecs.FirstOrDefault(c => c.Is("rtx") && c.AssociatedPayloadType == codec.PayloadType)?.PayloadType;
            var answeredCodec = codec is null ? null : answered.FindCodec(codec.PayloadType);
            var extensions = answered.Extmaps
                .Where(e => offered.Extmaps.Any(o => o.Id == e.Id && o.Uri == e.Uri))
                .Select(e => new NegotiatedExtension(e.Id, e.Uri))
                .ToArray();
            var (ssrc, rtxSsrc, cname) = SdpNegotiationCommon.ReadSsrcs(offered);
            var (stream, track) = SdpNegotiationCommon.ReadMsid(offered);
            media.Add(new NegotiatedMedia(
                offered.Mid!,
                offered.Kind,
                isAccepted && answered.EffectiveDirection is SdpDirection.RecvOnly or SdpDirection.SendRecv,
                answered.EffectiveDirection,
                codec is null ? null : new NegotiatedCodec(
                    codec.PayloadType, codec.Name, codec.ClockRate, codec.Channels, codec.Fmtp, rtx,
                    (answeredCodec?.Feedback ?? codec.Feedback).ToArray()),
                extensions,
                ssrc,
                rtxSsrc,
                cname,
                stream,
                track,
                []));
        }

        if (!SdpNegotiationCommon.TryReadRemoteTransport(answer, accepted, out var remote, out error))
        {
            return false;
        }

        if (remote!.Setup is not (SdpSetup.Active or SdpSetup.Passive))
        {
            error = $"The answer's a=setup must be active or passive, not {SdpNames.Of(remote.Setup)}.";
            return false;
        }

        result = new SubscribeAnswer(remote, remote.Setup == SdpSetup.Passive, media);
        error = null;
        return true;
    }

    private static string Describe(NegotiatedCodec codec) => string.Create(
        CultureInfo.InvariantCulture, $"{codec.Name}/{codec.ClockRate}/{codec.Channels} {codec.Fmtp}");

    private static bool Register(Dictionary<int, string> payloadTypes, int pt, string description, out string? error)
    {
        error = null;
        if (pt is < 0 or > 127)
        {
            error = $"Payload type {pt} is outside 0..127.";
            return false;
        }

        if (payloadTypes.TryGetValue(pt, out var existing) && existing != description)
        {
            error = $"Payload type {pt} would mean both \"{existing}\" and \"{description}\" in one BUNDLE group.";
            return false;
        }

        payloadTypes[pt] = description;
        return true;
    }

    private static void AddSsrc(MediaDescription media, uint ssrc, SubscribeTrack track)
    {
        media.Ssrcs.Add(new SdpSsrcLine(ssrc, "cname", track.Cname));
        media.Ssrcs.Add(new SdpSsrcLine(ssrc, "msid", $"{track.StreamId} {track.TrackId}"));
    }
}
