using System.Text;
using System.Text.Json;
using Convene.Domain.Rooms;
using Convene.Server.Http;

namespace Convene.Server.Rooms;

/// <summary>
/// Validates room request bodies by hand (contract §3.2, §3.7) so every message and field path matches the
/// contract. Unknown properties are ignored.
/// </summary>
internal static class RoomRequestParser
{
    public const int MaxRoomNameLength = 50;
    private static readonly TimeSpan MinAutoDeletionLead = TimeSpan.FromHours(1);

    public static RoomCreateRequest? ParseCreate(JsonElement body, long nowMs, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
            return null;
        }

        var name = "Room";
        if (body.TryGetProperty("roomName", out var nameValue))
        {
            if (nameValue.ValueKind != JsonValueKind.String)
            {
                errors.ExpectedType("roomName", "string", nameValue);
            }
            else
            {
                var raw = nameValue.GetString()!;
                if (raw.Length > MaxRoomNameLength)
                {
                    errors.Add("roomName", "roomName cannot exceed 50 characters");
                }
                else
                {
                    var cleaned = CollapseWhitespace(raw);
                    // Contract §13: an empty name used to fail in storage (500); treat it as the default instead.
                    name = cleaned.Length == 0 ? "Room" : cleaned;
                }
            }
        }

        long? autoDeletionDate = null;
        if (body.TryGetProperty("autoDeletionDate", out var dateValue))
        {
            if (dateValue.ValueKind != JsonValueKind.Number)
            {
                errors.ExpectedType("autoDeletionDate", "number", dateValue);
            }
            else if (!dateValue.TryGetInt64(out var date) || date <= 0)
            {
                errors.Add("autoDeletionDate", "autoDeletionDate must be a positive integer");
            }
            else if (date < nowMs + (long)MinAutoDeletionLead.TotalMilliseconds)
            {
                errors.Add("autoDeletionDate", "autoDeletionDate must be at least 1h in the future");
            }
            else
            {
                autoDeletionDate = date;
            }
        }

        var policy = AutoDeletionPolicy.Default;
        if (body.TryGetProperty("autoDeletionPolicy", out var policyValue))
        {
            policy = ParsePolicy(policyValue, errors) ?? policy;
        }

        var config = RoomConfig.Default;
        if (body.TryGetProperty("config", out var configValue))
        {
            var patch = ParseConfig(configValue, "config", errors);
            if (patch is not null)
            {
                config = patch(config);
            }
        }

        return errors.HasErrors ? null : new RoomCreateRequest(name, autoDeletionDate, policy, config.Normalised());
    }

    /// <summary>
    /// Parses a partial config; the returned function applies the shallow per-key merge (omitted keys keep their
    /// value, provided ones replace it as given). Null when invalid.
    /// </summary>
    public static Func<RoomConfig, RoomConfig>? ParseConfig(JsonElement value, string path, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(path, "object", value);
            return null;
        }

        var before = errors.Errors.Count;
        var chat = EnabledOf(value, "chat", path, errors);
        var virtualBackground = EnabledOf(value, "virtualBackground", path, errors);
        var e2ee = EnabledOf(value, "e2ee", path, errors);
        bool? recordingEnabled = null;
        RecordingAccess? allowAccessTo = null;
        if (value.TryGetProperty("recording", out var recording))
        {
            var recordingPath = path + ".recording";
            if (recording.ValueKind != JsonValueKind.Object)
            {
                errors.ExpectedType(recordingPath, "object", recording);
            }
            else
            {
                recordingEnabled = errors.RequiredBool(recording, "enabled", recordingPath + ".enabled");
                if (recording.TryGetProperty("allowAccessTo", out var access))
                {
                    allowAccessTo = errors.Enum<RecordingAccess>(access, recordingPath + ".allowAccessTo");
                }
                else if (recordingEnabled == true)
                {
                    errors.Add(recordingPath + ".allowAccessTo", "allowAccessTo is required when recording is enabled");
                }
            }
        }

        if (errors.Errors.Count > before)
        {
            return null;
        }

        return current => current with
        {
            ChatEnabled = chat ?? current.ChatEnabled,
            VirtualBackgroundEnabled = virtualBackground ?? current.VirtualBackgroundEnabled,
            E2eeEnabled = e2ee ?? current.E2eeEnabled,
            RecordingEnabled = recordingEnabled ?? current.RecordingEnabled,
            RecordingAllowAccessTo = recordingEnabled is null ? current.RecordingAllowAccessTo : allowAccessTo,
        };
    }

    private static AutoDeletionPolicy? ParsePolicy(JsonElement value, ValidationErrors errors)
    {
        const string path = "autoDeletionPolicy";
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(path, "object", value);
            return null;
        }

        var withMeeting = RequiredNonFailPolicy(value, path, "withMeeting", WithMeetingPolicy.Fail, errors);
        var withRecordings = RequiredNonFailPolicy(value, path, "withRecordings", WithRecordingsPolicy.Fail, errors);
        return withMeeting is { } wm && withRecordings is { } wr ? new AutoDeletionPolicy(wm, wr) : null;
    }

    /// <summary>A required policy member of <c>autoDeletionPolicy</c>; FAIL is refused there (contract §3.1).</summary>
    private static T? RequiredNonFailPolicy<T>(JsonElement policy, string path, string name, T fail, ValidationErrors errors)
        where T : struct, Enum
    {
        var memberPath = path + "." + name;
        if (!policy.TryGetProperty(name, out var member))
        {
            errors.Add(memberPath, "Required");
            return null;
        }

        if (errors.Enum<T>(member, memberPath) is not { } parsed)
        {
            return null;
        }

        if (EqualityComparer<T>.Default.Equals(parsed, fail))
        {
            errors.Add(memberPath, "FAIL policy is not allowed for " + name + " auto-deletion policy");
            return null;
        }

        return parsed;
    }

    private static bool? EnabledOf(JsonElement config, string name, string path, ValidationErrors errors)
    {
        if (!config.TryGetProperty(name, out var section))
        {
            return null;
        }

        var sectionPath = path + "." + name;
        if (section.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(sectionPath, "object", section);
            return null;
        }

        return errors.RequiredBool(section, "enabled", sectionPath + ".enabled");
    }

    /// <summary>Trims and collapses internal whitespace runs to one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
