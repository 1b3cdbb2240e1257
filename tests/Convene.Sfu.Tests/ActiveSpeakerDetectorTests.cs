using Convene.Rtp;
using Convene.Sfu.Media;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Sfu.Tests;

public sealed class ActiveSpeakerDetectorTests
{
    [Fact]
    public void Reports_loudest_first_at_most_four_times_a_second_and_only_on_change()
    {
        var time = new FakeTimeProvider();
        var d = new ActiveSpeakerDetector(time);
        var events = 0;
        for (var ms = 0; ms < 2000; ms += 20)
        {
            d.OnAudioLevel("alice", new AudioLevel(true, 20));
            d.OnAudioLevel("bob", new AudioLevel(true, ms < 1000 ? (byte)127 : (byte)10));
            time.Advance(TimeSpan.FromMilliseconds(20));
            var result = d.Evaluate();
            if (result is not null)
            {
                events++;
                Assert.NotEmpty(result);
                if (ms < 1000)
                {
                    Assert.Equal("alice", result[0].ParticipantId);
                }
                else
                {
                    Assert.Equal("bob", result[0].ParticipantId);
                }
            }
        }

        Assert.InRange(events, 2, 8); // 2 s at ≤ 4/s, and only changes
    }

    [Fact]
    public void Silence_fades_speakers_out()
    {
        var time = new FakeTimeProvider();
        var d = new ActiveSpeakerDetector(time);
        for (var i = 0; i < 20; i++)
        {
            d.OnAudioLevel("alice", new AudioLevel(true, 10));
        }

        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Single(d.Evaluate()!);
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(300));
            var r = d.Evaluate();
            if (r is { Count: 0 })
            {
                return;
            }
        }

        Assert.Fail("alice never faded out");
    }
}
