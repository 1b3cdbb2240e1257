namespace Convene.Server.Webhooks;

/// <summary>Raised while connecting when every address of the receiver is one the SSRF guard forbids.</summary>
internal sealed class BlockedTargetException : Exception
{
    public BlockedTargetException()
        : base("the receiver's address is loopback, private or link-local")
    {
    }

    public BlockedTargetException(string message)
        : base(message)
    {
    }

    public BlockedTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
