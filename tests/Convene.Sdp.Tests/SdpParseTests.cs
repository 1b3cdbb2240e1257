namespace Convene.Sdp.Tests;

public sealed class SdpParseTests
{
    [Fact]
    public void Chrome_sendrecv_offer_parses_into_the_model()
    {
        var sdp = ChromeOffers.Parse(ChromeOffers.SendRecv);
        Assert.Equal(["0", "1"], sdp.BundleMids);
        Assert.True(sdp.ExtmapAllowMixed);
        Assert.False(sdp.IceLite);
        Assert.Equal(6562229716448980945UL, sdp.Origin.SessionId);
        Assert.Equal(2, sdp.Media.Count);

        var audio = sdp.Media[0];
        Assert.Equal("audio", audio.Kind);
        Assert.Equal("0", audio.Mid);
        Assert.Equal(["111", "63", "9", "0", "8", "13", "110", "126"], audio.Formats);
        Assert.Equal([111, 63, 9, 0, 8, 13, 110, 126], audio.Codecs.Select(c => c.PayloadType));
        var opus = audio.FindCodec(111)!;
        Assert.Equal("opus", opus.Name);
        Assert.Equal(48000, opus.ClockRate);
        Assert.Equal(2, opus.Channels);
        Assert.Equal("minptime=10;useinbandfec=1", opus.Fmtp);
        Assert.Equal(["transport-cc"], opus.Feedback);
        Assert.Equal(1, audio.FindExtension("urn:ietf:params:rtp-hdrext:ssrc-audio-level"));
        Assert.Equal(4, audio.FindExtension(RtpExtensionUris.Mid));
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.True(audio.RtcpMux);
        Assert.True(audio.RtcpReducedSize);
        Assert.Equal("TZA1", sdp.IceUfragOf(audio));
        Assert.Equal("NrTCATRYJNSmqoSyeLxOKSlJ", sdp.IcePwdOf(audio));
        Assert.Equal(SdpSetup.ActPass, sdp.SetupOf(audio));
        Assert.Equal("sha-256", sdp.FingerprintOf(audio)!.Algorithm);
        Assert.StartsWith("3A:98:50:DF", sdp.FingerprintOf(audio)!.Value, StringComparison.Ordinal);

        var video = sdp.Media[1];
        Assert.Equal(96, video.Codecs[0].PayloadType);
        Assert.Equal("VP8", video.Codecs[0].Name);
        Assert.Equal(["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"], video.Codecs[0].Feedback);
        Assert.Equal(96, video.FindCodec(97)!.AssociatedPayloadType);
        Assert.Equal("42e01f", video.FindCodec(108)!.Parameters["profile-level-id"]);
        var fid = Assert.Single(video.SsrcGroups);
        Assert.Equal("FID", fid.Semantics);
        Assert.Equal([3860898114u, 880009146u], fid.Ssrcs);
        Assert.Equal(4, video.Ssrcs.Count);
    }

    [Fact]
    public void Chrome_simulcast_offer_parses_rids_simulcast_and_candidates()
    {
        var sdp = ChromeOffers.Parse(ChromeOffers.Simulcast);
        Assert.Equal(["0", "1", "2"], sdp.BundleMids);
        Assert.Equal(4, sdp.Media[0].Candidates.Count);
        Assert.StartsWith("candidate:4294105472 1 udp 2122194687 192.0.2.2 59810 typ host", sdp.Media[0].Candidates[0], StringComparison.Ordinal);
        Assert.Equal(SdpDirection.SendOnly, sdp.Media[0].Direction);
        var video = sdp.Media[1];
        Assert.Equal(["q", "h", "f"], video.Rids.Select(r => r.Id));
        Assert.All(video.Rids, r => Assert.Equal("send", r.Direction));
        Assert.Equal("send", video.Simulcast!.Direction);
        Assert.Equal(["q", "h", "f"], video.Simulcast.RidIds);
        Assert.Empty(video.Ssrcs);
        Assert.Equal(SdpDirection.RecvOnly, sdp.Media[2].Direction);
    }

    [Theory]
    [InlineData("sendrecv")]
    [InlineData("simulcast")]
    public void Chrome_offers_round_trip_line_for_line(string which)
    {
        var text = which == "sendrecv" ? ChromeOffers.SendRecv : ChromeOffers.Simulcast;
        var written = ChromeOffers.Parse(text).ToString();
        Assert.Contains("\r\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", written.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var original = ChromeOffers.Lines(text).Order(StringComparer.Ordinal).ToArray();
        var again = ChromeOffers.Lines(written).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(original, again);
        Assert.Equal(written, ChromeOffers.Parse(written).ToString());
    }

    [Fact]
    public void Unknown_lines_and_attributes_are_kept()
    {
        var text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nb=AS:30\r\nt=0 0\r\na=x-custom:hello world\r\n" +
            "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\nb=TIAS:64000\r\na=mid:a\r\na=weird\r\na=rtcp-fb:* nack\r\n";
        var sdp = ChromeOffers.Parse(text);
        var written = sdp.ToString();
        foreach (var line in new[] { "b=AS:30", "a=x-custom:hello world", "b=TIAS:64000", "a=weird", "a=rtcp-fb:* nack" })
        {
            Assert.Contains(line + "\r\n", written, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("o=- 1 1 IN IP4 0.0.0.0\r\n", "v=0")]
    [InlineData("v=0\r\ns=-\r\n", "o=")]
    [InlineData("v=0\r\no=- x 1 IN IP4 0.0.0.0\r\n", "o=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nthis is not sdp\r\n", "Line 3")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 99999 RTP/AVP 0\r\n", "port")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP\r\n", "m=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0\r\na=mid:a\r\nm=audio 9 RTP/AVP 0\r\na=mid:a\r\n", "share a=mid:a")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\na=group:BUNDLE a b\r\nm=audio 9 RTP/AVP 0\r\na=mid:a\r\n", "mid \"b\"")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\na=rtpmap:111 PCMU/8000\r\n", "conflicting a=rtpmap")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 a=1\r\na=fmtp:111 a=2\r\n", "conflicting a=fmtp")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:111 opus/48000/2\r\n", "does not list")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0\r\na=extmap:1 urn:a\r\na=extmap:1 urn:b\r\n", "two different URIs")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0\r\na=sendonly\r\na=recvonly\r\n", "conflicting direction")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0\r\na=setup:sideways\r\n", "a=setup")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0\r\na=ssrc:abc cname:x\r\n", "a=ssrc")]
    public void Invalid_sdp_gives_a_clear_error(string text, string expected)
    {
        Assert.False(SessionDescription.TryParse(text, out var sdp, out var error));
        Assert.Null(sdp);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_text_and_mutated_offers_never_throw()
    {
        var random = new Random(8866);
        var lines = ChromeOffers.Lines(ChromeOffers.Simulcast);
        const string alphabet = "v=oamsctb0123456789 :/;.-\r\nABCxyz*~,";
        var local = SdpNegotiationTests.Local;
        int parsed = 0;
        for (int i = 0; i < 3000; i++)
        {
            string text;
            if (i % 3 == 0)
            {
                var chars = new char[random.Next(0, 300)];
                for (int c = 0; c < chars.Length; c++)
                {
                    chars[c] = alphabet[random.Next(alphabet.Length)];
                }

                text = (i % 2 == 0 ? "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n" : string.Empty) + new string(chars);
            }
            else
            {
                var mutated = lines.ToList();
                for (int k = 0; k < 3; k++)
                {
                    int at = random.Next(1, mutated.Count);
                    switch (random.Next(4))
                    {
                        case 0:
                            mutated.RemoveAt(at);
                            break;
                        case 1:
                            mutated.Insert(at, mutated[random.Next(mutated.Count)]);
                            break;
                        case 2:
                            var chars = mutated[at].ToCharArray();
                            chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                            mutated[at] = new string(chars);
                            break;
                        default:
                            mutated[at] = mutated[at][..random.Next(mutated[at].Length)];
                            break;
                    }
                }

                text = string.Join("\r\n", mutated);
            }

            if (SessionDescription.TryParse(text, out var sdp, out var error))
            {
                parsed++;
                _ = sdp!.ToString();
                _ = SdpNegotiator.TryAnswerPublishOffer(sdp, local, SdpOrigin.Create(1, 1), null, out _, out _);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        }

        Assert.True(parsed > 100);
    }
}
