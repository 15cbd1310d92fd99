using System.Text.Json.Serialization;

namespace SynapseToBal.Report;

/// <summary>
/// Serialisation metadata for the JSON the converter writes and reads (<c>migration_report.json</c>, the
/// <c>analyze --format json</c> inventory), generated at compile time so that a Native AOT
/// publish of the CLI (docs/performance.md) needs no reflection or run-time code for it. Naming, indentation and
/// enum converters stay in each writer's <see cref="System.Text.Json.JsonSerializerOptions"/>, which use this
/// context as their type-info resolver.
/// </summary>
[JsonSerializable(typeof(MigrationReportData))]
[JsonSerializable(typeof(Inventory))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
