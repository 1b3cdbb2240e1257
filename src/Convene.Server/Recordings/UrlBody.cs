namespace Convene.Server.Recordings;

public sealed record UrlBody(string Url);
