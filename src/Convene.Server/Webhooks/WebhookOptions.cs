using System.ComponentModel.DataAnnotations;

namespace Convene.Server.Webhooks;

/// <summary>Settings under <c>Convene:Webhooks</c>: defaults for the webhooks config and how deliveries are made.</summary>
public sealed record WebhookOptions
{
    public const string Section = "Convene:Webhooks";

    /// <summary>Whether webhooks are enabled until an admin saves the webhooks config.</summary>
    public bool Enabled { get; init; }

    /// <summary>The receiver URL until an admin saves the webhooks config; empty → none.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Allow receivers on loopback, private (RFC 1918/4193), link-local or unspecified addresses.</summary>
    public bool AllowPrivateTargets { get; init; }

    /// <summary>Time allowed for one delivery attempt (connect, send and response headers).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a delivery is parked as failed: the first one plus the retries (contract: 5 retries).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Delay before the first retry; each later retry waits twice as long as the one before.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Upper bound for one retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the delivery loop looks for due deliveries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
}
