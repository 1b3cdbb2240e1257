namespace Convene.Sdp;

/// <summary>Answers a publisher's offer: receive-only, one codec per section, BUNDLE on our single transport.</summary>
internal static class PublishAnswerBuilder
{
    private static readonly string[] VideoFeedback = ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"];

    public static bool TryBuild(
        SessionDescription offer,
        SdpLocalTransport local,
        SdpOrigin origin,
        SdpNegotiationOptions options,
        out PublishAnswer? answer,
        out string? error)
    {
        answer = null;
        var bundle = offer.BundleMids;
        if (bundle.Count == 0)
        {
            error = "The offer has no a=group:BUNDLE; Convene needs all media on one transport.";
            return false;
        }

        var description = new SessionDescription { Origin = origin, IceLite = true };
        var media = new List<NegotiatedMedia>();
        var accepted = new List<MediaDescription>();
        var acceptedMids = new List<string>();
        foreach (var offered in offer.Media)
        {
            if (offered.Mid is null)
            {
                error = "Every media section needs a=mid (Unified Plan).";
                return false;
            }

            var chosen = offered.Port != 0 && bundle.Contains(offered.Mid) && offered.Protocol.Contains("SAVPF", StringComparison.Ordinal)
                ? ChooseCodec(offered, options)
                : null;
            if (chosen is null)
            {
                SdpNegotiationCommon.Rejected(description, offered, offered.Mid);
                media.Add(new NegotiatedMedia(offered.Mid, offered.Kind, false, SdpDirection.Inactive, null, [], null, null, null, null, null, []));
                continue;
            }

            if (!offered.RtcpMux)
            {
                error = $"Media section \"{offered.Mid}\" does not offer a=rtcp-mux, which Convene requires.";
                return false;
            }

            accepted.Add(offered);
            acceptedMids.Add(offered.Mid);
            var (section, negotiated) = Answer(offered, chosen.Value.Codec, chosen.Value.Rtx, local, options);
            description.Media.Add(section);
            media.Add(negotiated);
        }

        if (accepted.Count == 0)
        {
            error = "No media section in the offer has a codec Convene supports (Opus; VP8 or H.264 42e01f).";
            return false;
        }

        if (!SdpNegotiationCommon.TryReadRemoteTransport(offer, accepted, out var remote, out error))
        {
            return false;
        }

        if (remote!.Setup == SdpSetup.HoldConn)
        {
            error = "a=setup:holdconn is not supported.";
            return false;
        }

        bool localIsClient = remote.Setup == SdpSetup.Passive;
        var ourSetup = localIsClient ? SdpSetup.Active : SdpSetup.Passive;
        foreach (var section in description.Media.Where(m => m.Port != 0))
        {
            section.Setup = ourSetup;
        }

        description.Groups.Add(new SdpGroup("BUNDLE", bundle.Where(acceptedMids.Contains).ToArray()));
        answer = new PublishAnswer(description, remote, localIsClient, media);
        error = null;
        return true;
    }

    private static (SdpCodec Codec, SdpCodec? Rtx)? ChooseCodec(MediaDescription offered, SdpNegotiationOptions options)
    {
        SdpCodec? codec = offered.Kind switch
        {
            "audio" => offered.Codecs.FirstOrDefault(c => c.Is("opus") && c.ClockRate == 48000),
            "video" => offered.Codecs.FirstOrDefault(c => c.Is("VP8") && c.ClockRate == 90000)
                ?? (options.H264 ? ChooseH264(offered) : null),
            _ => null,
        };
        if (codec is null)
        {
            return null;
        }

        var rtx = offered.Codecs.FirstOrDefault(c => c.Is("rtx") && c.AssociatedPayloadType == codec.PayloadType);
        return (codec, rtx);
    }

    private static SdpCodec? ChooseH264(MediaDescription offered)
    {
        var candidates = offered.Codecs
            .Where(c => c.Is("H264") && c.ClockRate == 90000 && c.Parameters.GetValueOrDefault("packetization-mode") == "1")
            .ToList();
        return candidates.FirstOrDefault(c => string.Equals(c.Parameters.GetValueOrDefault("profile-level-id"), "42e01f", StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(c => (c.Parameters.GetValueOrDefault("profile-level-id") ?? string.Empty).StartsWith("42", StringComparison.OrdinalIgnoreCase));
    }

    private static (MediaDescription Section, NegotiatedMedia Negotiated) Answer(
        MediaDescription offered, SdpCodec codec, SdpCodec? rtx, SdpLocalTransport local, SdpNegotiationOptions options)
    {
        var section = SdpNegotiationCommon.NewSection(offered.Kind, offered.Mid!, local, SdpSetup.Passive);
        section.RtcpReducedSize = offered.RtcpReducedSize;
        section.Direction = offered.EffectiveDirection is SdpDirection.SendOnly or SdpDirection.SendRecv
            ? SdpDirection.RecvOnly
            : SdpDirection.Inactive;

        var answerCodec = new SdpCodec(codec.PayloadType, codec.Name, codec.ClockRate, codec.Channels) { Fmtp = codec.Fmtp };
        foreach (var fb in codec.Feedback.Where(fb => Supported(fb, offered.Kind, options)))
        {
            answerCodec.Feedback.Add(fb);
        }

        section.Formats.Add(SdpNegotiationCommon.Pt(codec.PayloadType));
        section.Codecs.Add(answerCodec);
        if (rtx is not null)
        {
            section.Formats.Add(SdpNegotiationCommon.Pt(rtx.PayloadType));
            section.Codecs.Add(new SdpCodec(rtx.PayloadType, rtx.Name, rtx.ClockRate) { Fmtp = rtx.Fmtp });
        }

        bool simulcast = offered.Rids.Any(r => r.Direction == "send");
        foreach (var extmap in offered.Extmaps.Where(e => Supported(e.Uri, offered.Kind, simulcast, options)))
        {
            section.Extmaps.Add(new SdpExtmap(extmap.Id, extmap.Uri));
        }

        var rids = new List<string>();
        if (simulcast)
        {
            foreach (var rid in offered.Rids.Where(r => r.Direction == "send"))
            {
                section.Rids.Add(new SdpRid(rid.Id, "recv"));
                rids.Add(rid.Id);
            }

            if (offered.Simulcast is not null)
            {
                section.Simulcast = new SdpSimulcast("recv", offered.Simulcast.Streams);
            }
        }

        var (ssrc, rtxSsrc, cname) = SdpNegotiationCommon.ReadSsrcs(offered);
        var (stream, track) = SdpNegotiationCommon.ReadMsid(offered);
        var negotiated = new NegotiatedMedia(
            offered.Mid!,
            offered.Kind,
            section.Direction != SdpDirection.Inactive,
            section.Direction.Value,
            new NegotiatedCodec(codec.PayloadType, codec.Name, codec.ClockRate, codec.Channels, codec.Fmtp, rtx?.PayloadType, answerCodec.Feedback.ToArray()),
            section.Extmaps.Select(e => new NegotiatedExtension(e.Id, e.Uri)).ToArray(),
            ssrc,
            rtxSsrc,
            cname,
            stream,
            track,
            rids);
        return (section, negotiated);
    }

    private static bool Supported(string feedback, string kind, SdpNegotiationOptions options) => feedback switch
    {
        "transport-cc" => options.TransportWideCc,
        "goog-remb" => options.Remb && kind == "video",
        _ => kind == "video" && VideoFeedback.Contains(feedback),
    };

    private static bool Supported(string uri, string kind, bool simulcast, SdpNegotiationOptions options) => uri switch
    {
        RtpExtensionUris.Mid => true,
        RtpExtensionUris.AudioLevel => kind == "audio",
        RtpExtensionUris.AbsSendTime => options.AbsSendTime,
        RtpExtensionUris.TransportWideCc => options.TransportWideCc,
        RtpExtensionUris.RtpStreamId or RtpExtensionUris.RepairedRtpStreamId => kind == "video" && simulcast,
        _ => false,
    };
}
