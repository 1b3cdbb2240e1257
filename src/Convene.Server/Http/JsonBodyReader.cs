using System.Buffers;
using System.Text.Json;

namespace Convene.Server.Http;

/// <summary>
/// Reads a request body as a JSON document with a size limit, so handlers validate by hand with the contract's
/// messages: an empty body is <c>{}</c>, invalid JSON is the contract's 400 and a body over the limit is 413.
/// </summary>
internal sealed class JsonBodyReader(int maxBytes)
{
    public async Task<(JsonElement Body, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (default, ApiErrors.BodyTooLarge());
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return (default, ApiErrors.BodyTooLarge());
            }
        }

        if (buffer.WrittenCount == 0 || IsWhitespace(buffer.WrittenSpan))
        {
            using var empty = JsonDocument.Parse("{}");
            return (empty.RootElement.Clone(), null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 32 });
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, ApiErrors.MalformedBody());
        }
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
