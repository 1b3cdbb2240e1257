using Convene.Rtp;

namespace Convene.Rtp.Tests;

public sealed class KeyframeTests
{
    [Fact]
    public void Vp8_chrome_keyframe_with_extended_descriptor()
    {
        // X=1 S=1 PID=0; I=1 L=1 T=1; PictureID 15-bit 0x1234; TL0PICIDX 7; TID 0; VP8 header byte 0x10 (P=0)
        byte[] payload = [0x90, 0xE0, 0x92, 0x34, 0x07, 0x20, 0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A];
        Assert.True(Vp8Descriptor.TryRead(payload, out var d));
        Assert.Equal(0x1234, d.PictureId);
        Assert.Equal(7, d.Tl0PicIdx);
        Assert.Equal(0, d.TemporalLayer);
        Assert.Equal(6, d.DescriptorLength);
        Assert.True(Vp8Descriptor.IsKeyframe(payload));
    }

    [Fact]
    public void Vp8_delta_frame_and_continuation_are_not_keyframes()
    {
        byte[] delta = [0x90, 0x80, 0x05, 0x11, 0x00];
        Assert.False(Vp8Descriptor.IsKeyframe(delta));
        byte[] continuation = [0x80, 0x80, 0x05, 0x10, 0x00]; // S=0
        Assert.False(Vp8Descriptor.IsKeyframe(continuation));
        byte[] simple = [0x10, 0x10];
        Assert.True(Vp8Descriptor.IsKeyframe(simple));
        Assert.False(Vp8Descriptor.IsKeyframe([0x90, 0x80]));
    }

    [Fact]
    public void H264_idr_sps_stapa_and_fua()
    {
        Assert.True(H264Keyframe.IsKeyframe([0x65, 0x88]));               // IDR
        Assert.True(H264Keyframe.IsKeyframe([0x67, 0x42]));               // SPS
        Assert.False(H264Keyframe.IsKeyframe([0x41, 0x9A]));              // non-IDR slice
        Assert.True(H264Keyframe.IsKeyframe([0x78, 0x00, 0x02, 0x09, 0xF0, 0x00, 0x02, 0x67, 0x42])); // STAP-A: AUD, SPS
        Assert.False(H264Keyframe.IsKeyframe([0x78, 0x00, 0x02, 0x09, 0xF0, 0x00, 0x09, 0x67]));      // STAP-A overrun
        Assert.True(H264Keyframe.IsKeyframe([0x7C, 0x85, 0x00]));         // FU-A start of IDR
        Assert.False(H264Keyframe.IsKeyframe([0x7C, 0x05, 0x00]));        // FU-A middle
        Assert.False(H264Keyframe.IsKeyframe([]));
    }
}
