namespace Convene.Server.Apis;

/// <summary>Profile response.</summary>
internal sealed record ProfileResponse(string Username, IReadOnlyList<string> Roles);
