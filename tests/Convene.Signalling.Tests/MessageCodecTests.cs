using System.Text;
using System.Text.Json.Nodes;
using Convene.Signalling.Protocol;

namespace Convene.Signalling.Tests;

public sealed class MessageCodecTests
{
    private static ReadOutcome Read(string json) => MessageCodec.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Join_is_read_with_its_request_id_and_defaults()
    {
        var outcome = Read("""{"type":"join","token":"abc","requestId":"1"}""");
        var join = Assert.IsType<JoinMessage>(outcome.Message);
        Assert.Equal(("abc", false, "1"), (join.Token, join.Reconnect, join.RequestId));
    }

    [Fact]
    public void Type_may_come_after_the_fields()
    {
        var outcome = Read("""{"sdp":"v=0","tracks":[{"mid":"0","source":"camera"}],"type":"publishOffer"}""");
        var offer = Assert.IsType<PublishOfferMessage>(outcome.Message);
        Assert.Equal("camera", Assert.Single(offer.Tracks).Source);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"token\":\"x\"}")]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"type\":\"join\"}")]
    [InlineData("{\"type\":\"join\",\"token\":null}")]
    [InlineData("{\"type\":\"join\",\"token\":42}")]
    [InlineData("{\"type\":\"join\",\"token\":\"\"}")]
    [InlineData("{\"type\":\"mute\",\"trackId\":\"TR_1\",\"muted\":\"yes\"}")]
    [InlineData("{\"type\":\"chat\",\"text\":\"   \"}")]
    [InlineData("{\"type\":\"reaction\",\"emoji\":\"x\"}")]
    [InlineData("{\"type\":\"publishOffer\",\"sdp\":\"v=0\",\"tracks\":[{\"mid\":\"0\",\"source\":\"webcam\"}]}")]
    [InlineData("{\"type\":\"publishOffer\",\"sdp\":\"v=0\",\"tracks\":[{\"mid\":\"0\",\"source\":\"camera\"},{\"mid\":\"0\",\"source\":\"camera\"}]}")]
    [InlineData("{\"type\":\"publishOffer\",\"sdp\":\"v=0\",\"tracks\":[null]}")]
    [InlineData("{\"type\":\"ping\",\"requestId\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}")]
    [InlineData("{\"type\":\"ping\",\"requestId\":7}")]
    [InlineData("{\"type\":\"ping\",\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]}")]
    public void Malformed_messages_are_bad_message(string json)
    {
        var outcome = Read(json);
        Assert.Null(outcome.Message);
        Assert.Equal(ErrorCodes.BadMessage, outcome.ErrorCode);
        Assert.False(string.IsNullOrEmpty(outcome.ErrorMessage));
    }

    [Fact]
    public void Chat_of_1001_chars_is_refused_and_1000_accepted()
    {
        Assert.Equal(ErrorCodes.BadMessage, Read($$"""{"type":"chat","text":"{{new string('a', 1001)}}"}""").ErrorCode);
        Assert.IsType<SendChatMessage>(Read($$"""{"type":"chat","text":" {{new string('a', 1000)}} "}""").Message);
    }

    [Fact]
    public void Unknown_type_is_unknown_type_with_the_request_id()
    {
        var outcome = Read("""{"type":"teleport","requestId":"9"}""");
        Assert.Equal((ErrorCodes.UnknownType, "9"), (outcome.ErrorCode, outcome.RequestId));
    }

    [Fact]
    public void Every_allowed_reaction_is_accepted()
    {
        foreach (var emoji in new[] { "👍", "👏", "❤️", "😂", "😮", "🎉" })
        {
            Assert.IsType<SendReactionMessage>(Read($$"""{"type":"reaction","emoji":"{{emoji}}"}""").Message);
        }
    }

    [Fact]
    public void Server_messages_are_camelCase_with_type_first_and_null_hand_kept()
    {
        var info = new ParticipantInfo("alice", "Alice", "moderator", 1, null, true, [new TrackInfo("TR_abc123def456", "video", "camera", false)]);
        var json = Encoding.UTF8.GetString(MessageCodec.Write(new JoinedEvent(info, [], new RoomInfo("r", "R", new RoomConfigInfo(new(true), new(false), new(true), new(false))), new MeetingInfo(5, false), 20000) { RequestId = "1" }));

        Assert.StartsWith("{\"type\":\"joined\"", json, StringComparison.Ordinal);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("1", (string?)node["requestId"]);
        Assert.Equal("alice", (string?)node["self"]!["participantId"]);
        Assert.True(node["self"]!.AsObject().ContainsKey("handRaisedAt"));
        Assert.Null(node["self"]!["handRaisedAt"]);
        Assert.Equal("camera", (string?)node["self"]!["tracks"]![0]!["source"]);
        Assert.True((bool)node["room"]!["config"]!["chat"]!["enabled"]!);
        Assert.Equal(20000, (long)node["departureTimeoutMs"]!);
    }

    [Fact]
    public void Optional_fields_are_omitted_when_absent()
    {
        var json = Encoding.UTF8.GetString(MessageCodec.Write(new RoleChangedEvent("bob", "speaker", null)));
        Assert.Equal("""{"type":"roleChanged","participantId":"bob","role":"speaker"}""", json);
        Assert.Equal("""{"type":"pong"}""", Encoding.UTF8.GetString(MessageCodec.Write(new PongEvent())));
    }

    [Fact]
    public void Seeded_garbage_never_throws()
    {
        var random = new Random(1234);
        var buffer = new byte[300];
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            if (i % 2 == 0 && length > 12)
            {
                "{\"type\":\""u8.CopyTo(buffer);
            }

            var outcome = MessageCodec.Read(buffer.AsMemory(0, length));
            Assert.True(outcome.Message is not null || outcome.ErrorCode is not null);
        }
    }
}
