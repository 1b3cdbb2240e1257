using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Convene.Server.Http;

namespace Convene.Server.Config;

/// <summary>Validates the config bodies of contract §5/§7 by hand, with the contract's field paths and messages.</summary>
internal static partial class ConfigBodyParser
{
    public const string ExactlyOneTheme = "There must be exactly one theme defined";
    public const string BadColour = "Must be a valid hex color code (with or without alpha)";
    public const string EmptyThemeName = "Theme name cannot be empty";
    public const string LongThemeName = "Theme name cannot exceed 50 characters";
    public const string BadThemeName = "Theme name can only contain letters, numbers, hyphens and underscores";
    public const string UrlRequired = "URL is required when webhooks are enabled";

    private static readonly string[] ColourFields = ["backgroundColor", "primaryColor", "secondaryColor", "accentColor", "surfaceColor"];

    public static SecurityConfig? ParseSecurity(JsonElement body, ValidationErrors errors)
    {
        if (RequiredObject(body, null, "authentication", errors) is not { } authentication)
        {
            return null;
        }

        var methodType = RequiredObject(authentication, "authentication", "authMethod", errors) is { } method
            ? RequiredEnum<AuthMethodType>(method, "authentication.authMethod", "type", errors)
            : null;
        var mode = RequiredEnum<AuthModeToAccessRoom>(authentication, "authentication", "authModeToAccessRoom", errors);
        return methodType is { } t && mode is { } m && !errors.HasErrors
            ? new SecurityConfig(new AuthenticationConfig(new AuthMethodConfig(t), m))
            : null;
    }

    public static AppearanceConfig? ParseAppearance(JsonElement body, ValidationErrors errors)
    {
        if (RequiredObject(body, null, "appearance", errors) is not { } appearance)
        {
            return null;
        }

        if (!appearance.TryGetProperty("themes", out var themes))
        {
            errors.Add("appearance.themes", "Required");
            return null;
        }

        if (themes.ValueKind != JsonValueKind.Array)
        {
            errors.ExpectedType("appearance.themes", "array", themes);
            return null;
        }

        var parsed = new List<ThemeConfig>();
        var index = 0;
        foreach (var theme in themes.EnumerateArray())
        {
            if (ParseTheme(theme, "appearance.themes." + index.ToString(CultureInfo.InvariantCulture), errors) is { } ok)
            {
                parsed.Add(ok);
            }

            index++;
        }

        if (index != 1)
        {
            errors.Add("appearance.themes", ExactlyOneTheme);
        }

        return errors.HasErrors ? null : new AppearanceConfig(parsed);
    }

    /// <summary>Parses <c>{enabled, url?}</c>; the URL's syntax is checked here, its target by the caller.</summary>
    public static (bool Enabled, string? Url)? ParseWebhooks(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
            return null;
        }

        var enabled = errors.RequiredBool(body, "enabled", "enabled");
        var url = errors.OptionalString(body, "url", "url");
        if (url is not null && Webhooks.WebhookTargets.SyntaxError(url, out _) is { } urlError)
        {
            errors.Add("url", urlError);
        }
        else if (enabled == true && url is null && !body.TryGetProperty("url", out _))
        {
            errors.Add("url", UrlRequired);
        }

        return errors.HasErrors || enabled is null ? null : (enabled.Value, url);
    }

    /// <summary>Parses <c>{url}</c> of the test endpoint (syntax only).</summary>
    public static string? ParseWebhookTest(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
            return null;
        }

        if (!body.TryGetProperty("url", out _))
        {
            errors.Add("url", "Required");
            return null;
        }

        var url = errors.OptionalString(body, "url", "url");
        if (url is not null && Webhooks.WebhookTargets.SyntaxError(url, out _) is { } urlError)
        {
            errors.Add("url", urlError);
        }

        return errors.HasErrors ? null : url;
    }

    private static ThemeConfig? ParseTheme(JsonElement theme, string path, ValidationErrors errors)
    {
        if (theme.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(path, "object", theme);
            return null;
        }

        var before = errors.Errors.Count;
        string? name = null;
        if (!theme.TryGetProperty("name", out _))
        {
            errors.Add(path + ".name", "Required");
        }
        else if (errors.OptionalString(theme, "name", path + ".name") is { } text)
        {
            if (text.Length == 0)
            {
                errors.Add(path + ".name", EmptyThemeName);
            }
            else if (text.Length > 50)
            {
                errors.Add(path + ".name", LongThemeName);
            }
            else if (!ThemeName().IsMatch(text))
            {
                errors.Add(path + ".name", BadThemeName);
            }

            name = text;
        }

        var enabled = errors.RequiredBool(theme, "enabled", path + ".enabled");
        var baseTheme = RequiredEnum<BaseTheme>(theme, path, "baseTheme", errors);
        var colours = new string?[ColourFields.Length];
        for (var i = 0; i < ColourFields.Length; i++)
        {
            var field = path + "." + ColourFields[i];
            if (theme.TryGetProperty(ColourFields[i], out var value) && value.ValueKind == JsonValueKind.Null)
            {
                continue; // null reads as "not given": the stored colour is inherited
            }

            colours[i] = errors.OptionalString(theme, ColourFields[i], field);
            if (colours[i] is { } colour && !HexColour().IsMatch(colour))
            {
                errors.Add(field, BadColour);
            }
        }

        return errors.Errors.Count != before || name is null || enabled is null || baseTheme is null
            ? null
            : new ThemeConfig(name, enabled.Value, baseTheme.Value, colours[0], colours[1], colours[2], colours[3], colours[4]);
    }

    private static JsonElement? RequiredObject(JsonElement parent, string? parentPath, string name, ValidationErrors errors)
    {
        var path = parentPath is null ? name : parentPath + "." + name;
        if (parent.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(parentPath ?? string.Empty, "object", parent);
            return null;
        }

        if (!parent.TryGetProperty(name, out var value))
        {
            errors.Add(path, "Required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(path, "object", value);
            return null;
        }

        return value;
    }

    private static T? RequiredEnum<T>(JsonElement parent, string parentPath, string name, ValidationErrors errors)
        where T : struct, Enum
    {
        var path = parentPath + "." + name;
        if (!parent.TryGetProperty(name, out var value))
        {
            errors.Add(path, "Required");
            return null;
        }

        return errors.Enum<T>(value, path);
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex ThemeName();

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColour();
}
