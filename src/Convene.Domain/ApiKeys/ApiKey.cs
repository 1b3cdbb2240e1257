namespace Convene.Domain.ApiKeys;

/// <summary>An API key for <c>X-API-KEY</c>; <see cref="CreationDate"/> in ms since the epoch.</summary>
public sealed record ApiKey(string Key, long CreationDate);
