namespace Convene.Data;

/// <summary>A named persisted value (row of the Settings table).</summary>
internal sealed class SettingEntry
{
    public required string Name { get; init; }

    public required string Value { get; set; }
}
