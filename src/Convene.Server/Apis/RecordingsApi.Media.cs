using System.IO.Compression;
using System.Text.RegularExpressions;
using Convene.Domain.Recordings;
using Convene.Recording;
using Convene.Server.Http;
using Convene.Server.Recordings;
using Microsoft.AspNetCore.Http.Features;

namespace Convene.Server.Apis;

internal static partial class RecordingsApi
{
    private const long OpenEndedChunk = 5 * 1024 * 1024;

    private static async Task<IResult> MediaAsync(HttpContext http, string recordingId, IRecordingRepository repository, IRecordingStorage storage, CancellationToken cancellationToken)
    {
        if (!RecordingAuthorisation.TryParseId(recordingId, "recordingId", out var id, out _, out var invalid))
        {
            return invalid!;
        }

        var rangeHeader = http.Request.Headers.Range.ToString();
        var range = rangeHeader.Length == 0 ? null : RangePattern().Match(rangeHeader);
        if (range is { Success: false })
        {
            return ApiErrors.Validation("headers.range", "Invalid range header format. Expected: bytes=start-end");
        }

        var (recording, error) = await RecordingAuthorisation.AuthoriseReadAsync(http, id, repository, cancellationToken);
        if (recording is null)
        {
            return error!;
        }

        if (recording.Status != RecordingStatus.Complete)
        {
            return RecordingErrors.NotStopped(id);
        }

        if (!storage.TryOpenRead(recording.RoomId, recording.Filename, out var stream))
        {
            return RecordingErrors.NotFound(id);
        }

        await using (stream)
        {
            var size = stream!.Length;
            var response = http.Response;
            response.Headers.AcceptRanges = "bytes";
            response.Headers.CacheControl = "public, max-age=3600";
            response.ContentType = "video/mp4";
            long start = 0, end = size - 1;
            if (range is not null)
            {
                if (!long.TryParse(range.Groups[1].Value, out start) || start >= size)
                {
                    return RecordingErrors.RangeNotSatisfiable(id, size);
                }

                end = range.Groups[2].Value.Length == 0
                    ? start + OpenEndedChunk - 1
                    : long.TryParse(range.Groups[2].Value, out var parsed) ? parsed : long.MaxValue;
                end = Math.Min(end, size - 1);
                if (start > end)
                {
                    (start, end) = (0, size - 1);
                }
                else
                {
                    response.StatusCode = StatusCodes.Status206PartialContent;
                    response.Headers.ContentRange = ApiErrors.F("bytes {0}-{1}/{2}", start, end, size);
                }
            }

            response.ContentLength = end - start + 1;
            stream.Seek(start, SeekOrigin.Begin);
            await CopyAsync(stream, response.Body, end - start + 1, cancellationToken);
        }

        return Results.Empty;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, IRecordingRepository repository, IRecordingStorage storage, CancellationToken cancellationToken)
    {
        var (ids, caller, error) = await ParseIdListAndAuthenticateAsync(http);
        if (caller is null)
        {
            return error!;
        }

        if (caller.Member is { } member)
        {
            if (!member.Permissions.CanRetrieveRecordings)
            {
                return ApiErrors.Forbidden();
            }

            ids = [.. ids.Where(i => RecordingIds.TryParse(i, out _, out var room, out _) && room == member.RoomId)];
            if (ids.Count == 0)
            {
                return RecordingErrors.NoneInRoom(member.RoomId);
            }
        }

        var response = http.Response;
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = "attachment; filename=\"recordings.zip\"";
        // ZipArchive writes synchronously; the archive streams entry by entry (store, no compression).
        var body = http.Features.Get<IHttpBodyControlFeature>();
        if (body is not null)
        {
            body.AllowSynchronousIO = true;
        }

        using (var zip = new ZipArchive(response.Body, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var recording = await repository.FindAsync(id, cancellationToken);
                if (recording is not { Status: RecordingStatus.Complete } || !storage.TryOpenRead(recording.RoomId, recording.Filename, out var stream))
                {
                    continue; // not streamable: skipped silently (contract §3.12)
                }

                await using (stream)
                {
                    var name = names.Add(recording.Filename) ? recording.Filename : recording.RecordingId + ".mp4";
                    var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                    await using var target = entry.Open();
                    await stream!.CopyToAsync(target, cancellationToken);
                }
            }
        }

        return Results.Empty;
    }

    private static async Task<IResult> TracksAsync(HttpContext http, string recordingId, IRecordingRepository repository, IRecordingStorage storage, CancellationToken cancellationToken)
    {
        if (!RecordingAuthorisation.TryParseId(recordingId, "recordingId", out var id, out _, out var invalid))
        {
            return invalid!;
        }

        var (recording, error) = await RecordingAuthorisation.AuthoriseReadAsync(http, id, repository, cancellationToken);
        if (recording is null)
        {
            return error!;
        }

        var baseName = Path.GetFileNameWithoutExtension(recording.Filename);
        if (!storage.TryOpenRead(recording.RoomId, baseName + ".tracks.json", out var manifest))
        {
            return TypedResults.Ok(Array.Empty<RecordedTrack>());
        }

        await using (manifest)
        {
            using var reader = new StreamReader(manifest!);
            var json = await reader.ReadToEndAsync(cancellationToken);
            return Results.Text(json, "application/json");
        }
    }

    private static async Task<IResult> TrackFileAsync(HttpContext http, string recordingId, string fileName, IRecordingRepository repository, IRecordingStorage storage, CancellationToken cancellationToken)
    {
        if (!RecordingAuthorisation.TryParseId(recordingId, "recordingId", out var id, out _, out var invalid))
        {
            return invalid!;
        }

        if (!LocalRecordingStorage.IsValidFileName(fileName) || !fileName.EndsWith(".webm", StringComparison.Ordinal))
        {
            return ApiErrors.Validation("fileName", "Invalid track file name");
        }

        var (recording, error) = await RecordingAuthorisation.AuthoriseReadAsync(http, id, repository, cancellationToken);
        if (recording is null)
        {
            return error!;
        }

        var baseName = Path.GetFileNameWithoutExtension(recording.Filename);
        if (!fileName.StartsWith(baseName + ".track", StringComparison.Ordinal) || !storage.TryOpenRead(recording.RoomId, fileName, out var stream))
        {
            return ApiErrors.Error(404, "Recording Error", ApiErrors.F("Track file '{0}' not found in recording '{1}'", fileName, id));
        }

        return Results.Stream(stream!, "video/webm", fileName, enableRangeProcessing: true);
    }

    private static async Task CopyAsync(Stream source, Stream target, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (count > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }

    [GeneratedRegex(@"^bytes=(\d+)-(\d*)$")]
    private static partial Regex RangePattern();
}
