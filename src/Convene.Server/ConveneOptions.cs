using System.ComponentModel.DataAnnotations;

namespace Convene.Server;

/// <summary>Settings under <c>Convene</c> (see docs/configuration.md for each key, its default and meaning).</summary>
public sealed record ConveneOptions
{
    public const string Section = "Convene";

    /// <summary>Directory holding the SQLite file and other server data; relative paths resolve against the working directory.</summary>
    [Required]
    public string DataDirectory { get; init; } = "./data";

    /// <summary>Public base URL for links (e.g. <c>https://meet.example.com</c>); empty → taken from each request.</summary>
    public string BaseUrl { get; init; } = string.Empty;

    [Required, MinLength(4)]
    public string InitialAdminUser { get; init; } = "admin";

    [Required, MinLength(4)]
    public string InitialAdminPassword { get; init; } = "admin";

    /// <summary>An API key created at first start when none exists; empty → none.</summary>
    public string InitialApiKey { get; init; } = string.Empty;

    /// <summary>Largest accepted JSON request body; larger bodies get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(2);

    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan RoomMemberTokenLifetime { get; init; } = TimeSpan.FromHours(2);

    public TimeSpan ParticipantNameReservationTtl { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How often the expired-rooms job runs (it also runs once at start).</summary>
    public TimeSpan ExpiredRoomsInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>PBKDF2-SHA256 iterations for stored passwords.</summary>
    [Range(100_000, 10_000_000)]
    public int PasswordHashIterations { get; init; } = 100_000;
}
