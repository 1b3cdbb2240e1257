using System.Security.Cryptography;
using Convene.Domain.Rooms;

namespace Convene.Domain.Recordings;

/// <summary>
/// Recording ids and file names (contract §2.5): <c>{roomId}--EG_{12}--{uid10}</c>, media file
/// <c>{roomId}--{uid}.mp4</c>. Convene has no LiveKit egress, so the middle part is our own <c>EG_</c> + 12 chars.
/// </summary>
public static class RecordingIds
{
    public const string FormatError = "recordingId does not follow the expected format";

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewRecordingId(string roomId, out string uid)
    {
        uid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        return roomId + "--EG_" + RandomNumberGenerator.GetString(Alphabet, 12) + "--" + uid;
    }

    /// <summary>The base name of every file of a recording: <c>{roomId}--{uid}</c>.</summary>
    public static string BaseName(string roomId, string uid) => roomId + "--" + uid;

    /// <summary>
    /// Validates an incoming id (trimmed; room part sanitised): exactly three non-empty parts split by <c>--</c>,
    /// the second starting with <c>EG_</c> and longer than 3 chars. The uid must be plain <c>[A-Za-z0-9_]</c>.
    /// </summary>
    public static bool TryParse(string? raw, out string recordingId, out string roomId, out string uid)
    {
        recordingId = roomId = uid = string.Empty;
        if (raw is null)
        {
            return false;
        }

        var parts = raw.Trim().Split("--");
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        var room = RoomIds.SanitiseIncoming(parts[0]);
        if (room.Length == 0 || !parts[1].StartsWith("EG_", StringComparison.Ordinal) || parts[1].Length <= 3
            || !parts[1].All(IsIdChar) || !parts[2].All(IsIdChar))
        {
            return false;
        }

        roomId = room;
        uid = parts[2];
        recordingId = room + "--" + parts[1] + "--" + uid;
        return true;
    }

    /// <summary>Whether a recording is in a finished (deletable) state.</summary>
    public static bool IsFinished(RecordingStatus status) =>
        status is RecordingStatus.Complete or RecordingStatus.Failed or RecordingStatus.Aborted or RecordingStatus.LimitReached;

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
