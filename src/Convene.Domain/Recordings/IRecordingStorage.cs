namespace Convene.Domain.Recordings;

/// <summary>
/// Where recording files live. The recorder writes live into <see cref="RoomDirectory"/> (a local working
/// directory); reads and deletes go through names that are validated so no caller can reach outside the
/// recordings root. An S3-compatible store can implement this by uploading finished files.
/// </summary>
public interface IRecordingStorage
{
    /// <summary>The local directory for a room's recordings (created on demand); throws on an invalid room id.</summary>
    string RoomDirectory(string roomId);

    /// <summary>Opens a file of a room for reading; false when the name is invalid or the file does not exist.</summary>
    bool TryOpenRead(string roomId, string fileName, out Stream? stream);

    /// <summary>Names of a room's files that start with <c>{baseName}.</c> (media, per-track files, manifest, log).</summary>
    IReadOnlyList<string> ListFiles(string roomId, string baseName);

    /// <summary>Deletes every file of one recording; returns how many were removed.</summary>
    int DeleteRecordingFiles(string roomId, string baseName);
}
