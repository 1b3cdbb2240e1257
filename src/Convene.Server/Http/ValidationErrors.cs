using System.Globalization;
using System.Text.Json;

namespace Convene.Server.Http;

/// <summary>
/// Collects field errors while validating a JSON body by hand, with zod's message texts (contract §2.3).
/// </summary>
internal sealed class ValidationErrors
{
    private readonly List<FieldError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public IResult ToResult() => ApiErrors.Validation(_errors);

    /// <summary>zod's name for a JSON value's type, as used in "Expected X, received Y".</summary>
    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "undefined",
    };

    public void ExpectedType(string field, string expected, JsonElement actual) =>
        Add(field, string.Create(CultureInfo.InvariantCulture, $"Expected {expected}, received {TypeName(actual)}"));

    /// <summary>Reads an optional boolean; reports a type error and returns null when it is not one.</summary>
    public bool? OptionalBool(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        ExpectedType(path, "boolean", value);
        return null;
    }

    /// <summary>Reads a required boolean (missing → <c>Required</c>).</summary>
    public bool? RequiredBool(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out _))
        {
            Add(path, "Required");
            return null;
        }

        return OptionalBool(obj, name, path);
    }

    /// <summary>Reads an optional string; reports a type error and returns null when it is not one.</summary>
    public string? OptionalString(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        ExpectedType(path, "string", value);
        return null;
    }

    /// <summary>Parses an enum value by its wire name; reports zod's "Invalid enum value" text otherwise.</summary>
    public T? Enum<T>(JsonElement value, string path)
        where T : struct, System.Enum
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            ExpectedType(path, "string", value);
            return null;
        }

        return EnumText<T>(value.GetString()!, path);
    }

    public T? EnumText<T>(string text, string path)
        where T : struct, System.Enum
    {
        if (WireNames.TryParse<T>(text, out var parsed))
        {
            return parsed;
        }

        Add(path, WireNames.InvalidEnumMessage<T>(text));
        return null;
    }
}
