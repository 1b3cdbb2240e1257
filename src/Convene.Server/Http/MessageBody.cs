namespace Convene.Server.Http;

/// <summary>A plain <c>{"message": …}</c> success body.</summary>
public sealed record MessageBody(string Message);
