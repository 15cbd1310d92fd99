using System.Text.Json.Serialization;

namespace SynapseToBal.Output;

/// <summary>
/// Serialisation metadata for the output manifest, generated at compile time so that a Native AOT publish of the CLI
/// (docs/performance.md) needs no reflection or run-time code for it. Naming and indentation stay in
/// <see cref="Manifest"/>'s options, which use this context as their type-info resolver.
/// </summary>
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
