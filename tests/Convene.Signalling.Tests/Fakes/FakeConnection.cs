using Convene.Signalling.Meetings;
using Convene.Signalling.Protocol;

namespace Convene.Signalling.Tests.Fakes;

/// <summary>Records what the meeting sends to one participant.</summary>
internal sealed class FakeConnection : IParticipantConnection
{
    private readonly List<ServerMessage> _messages = [];

    public int? CloseCode { get; private set; }

    public string? CloseReason { get; private set; }

    public IReadOnlyList<ServerMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public List<T> Of<T>() where T : ServerMessage => [.. Messages.OfType<T>()];

    public T Last<T>() where T : ServerMessage => Of<T>().Last();

    public void Clear()
    {
        lock (_messages)
        {
            _messages.Clear();
        }
    }

    public bool Send(ServerMessage message)
    {
        if (CloseCode is not null)
        {
            return false;
        }

        lock (_messages)
        {
            _messages.Add(message);
        }

        return true;
    }

    public void Close(ServerMessage? finalMessage, int closeCode, string reason)
    {
        if (finalMessage is not null)
        {
            Send(finalMessage);
        }

        CloseCode ??= closeCode;
        CloseReason ??= reason;
    }
}
