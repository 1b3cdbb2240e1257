using System.Text.Json.Serialization;

namespace Convene.Recording;

/// <summary>Source-generated JSON for the recording manifest.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RecordedTrack[]))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;
