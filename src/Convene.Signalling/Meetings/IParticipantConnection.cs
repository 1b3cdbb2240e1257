using Convene.Signalling.Protocol;

namespace Convene.Signalling.Meetings;

/// <summary>The meeting's view of one participant's socket. Never blocks: messages go to a bounded queue.</summary>
internal interface IParticipantConnection
{
    /// <summary>Queues a message; false when the queue overflowed (the connection is then being dropped).</summary>
    bool Send(ServerMessage message);

    /// <summary>Queues <paramref name="finalMessage"/> (if any), then a close frame with the given code.</summary>
    void Close(ServerMessage? finalMessage, int closeCode, string reason);
}
