using System.Buffers;
using Convene.Domain.Recordings;

namespace Convene.Recording;

/// <summary>
/// Recording files on local disk under <c>{root}/{roomId}/</c>. Room ids and file names are checked against a
/// strict alphabet (<c>[A-Za-z0-9_-]</c>, plus dots in file names, never <c>..</c>) and every resolved path must
/// stay inside the root, so no request can reach another directory.
/// </summary>
public sealed class LocalRecordingStorage : IRecordingStorage
{
    private static readonly SearchValues<char> RoomChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private static readonly SearchValues<char> FileChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    private readonly string _root;

    public LocalRecordingStorage(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public string RoomDirectory(string roomId)
    {
        if (!IsValidRoomId(roomId))
        {
            throw new ArgumentException("Invalid room id for storage", nameof(roomId));
        }

        var path = Inside(Path.Combine(_root, roomId)) ?? throw new ArgumentException("Invalid room id for storage", nameof(roomId));
        Directory.CreateDirectory(path);
        return path;
    }

    public bool TryOpenRead(string roomId, string fileName, out Stream? stream)
    {
        stream = null;
        var path = FilePath(roomId, fileName);
        if (path is null || !File.Exists(path))
        {
            return false;
        }

        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public IReadOnlyList<string> ListFiles(string roomId, string baseName)
    {
        if (!IsValidRoomId(roomId) || !IsValidFileName(baseName))
        {
            return [];
        }

        var directory = Inside(Path.Combine(_root, roomId));
        if (directory is null || !Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, baseName + ".*").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
    }

    public int DeleteRecordingFiles(string roomId, string baseName)
    {
        var deleted = 0;
        foreach (var name in ListFiles(roomId, baseName))
        {
            var path = FilePath(roomId, name);
            if (path is null)
            {
                continue;
            }

            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (IOException)
            {
                // a file still open elsewhere on some platforms; the next delete retries
            }
        }

        return deleted;
    }

    public static bool IsValidRoomId(string? roomId) =>
        !string.IsNullOrEmpty(roomId) && roomId.Length <= 100 && !roomId.AsSpan().ContainsAnyExcept(RoomChars);

    public static bool IsValidFileName(string? fileName) =>
        !string.IsNullOrEmpty(fileName) && fileName.Length <= 255 && fileName[0] != '.'
        && !fileName.Contains("..", StringComparison.Ordinal) && !fileName.AsSpan().ContainsAnyExcept(FileChars);

    private string? FilePath(string roomId, string fileName) =>
        IsValidRoomId(roomId) && IsValidFileName(fileName) ? Inside(Path.Combine(_root, roomId, fileName)) : null;

    private string? Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
