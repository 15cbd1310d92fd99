using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Humanizer;
using SynapseToBal.Project;
using SynapseToBal.Semantics;

namespace SynapseToBal.Report;

/// <summary>Text and JSON renderings of an <see cref="Inventory"/>.</summary>
public static class InventoryWriter
{
    /// <summary>How many names or paths the text form lists per line before "and N more"; JSON lists all.</summary>
    private const int TextListLimit = 8;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter<InputForm>(),
            new JsonStringEnumConverter<ComponentKind>(),
            new JsonStringEnumConverter<ReferenceKind>(),
            new JsonStringEnumConverter<FileKind>(),
        },
        TypeInfoResolver = ReportJsonContext.Default,
    };

    public static string ToJson(Inventory inventory) => JsonSerializer.Serialize(inventory, (JsonTypeInfo<Inventory>)JsonOptions.GetTypeInfo(typeof(Inventory)));

    public static void WriteText(Inventory inventory, TextWriter writer)
    {
        var n = CultureInfo.InvariantCulture;
        writer.WriteLine($"Input: {inventory.Input}");
        writer.WriteLine($"Form: {Describe(inventory.Form)}");
        if (inventory.Components.Length > 0)
        {
            writer.WriteLine("Components:");
            foreach (var component in inventory.Components)
            {
                var detail = component.Detail is null ? string.Empty : $", {component.Detail}";
                writer.WriteLine($"  {Describe(component.Kind)}: {component.Name} ({component.Path}{detail})");
            }
        }

        writer.WriteLine(string.Create(n, $"Artifacts: {inventory.Artifacts} in {"Synapse file".ToQuantity(inventory.SynapseDocuments)}"));
        foreach (var kind in inventory.ArtifactKinds)
        {
            var note = kind.Modelled ? string.Empty : " (kept as raw XML)";
            writer.WriteLine(string.Create(n, $"  {kind.Kind}{note}: {kind.Count}  {List(kind.Names)}"));
        }

        writer.WriteLine(string.Create(n, $"Mediators: {inventory.MediatorCount} ({inventory.Mediators.Length} kinds)"));
        foreach (var mediator in inventory.Mediators)
        {
            var note = mediator.Known ? string.Empty : " (unknown)";
            writer.WriteLine(string.Create(n, $"  {mediator.Name}: {mediator.Count}{note}"));
        }

        writer.WriteLine(string.Create(n, $"Unresolved keys: {inventory.UnresolvedKeys.Length}"));
        foreach (var key in inventory.UnresolvedKeys)
        {
            writer.WriteLine(string.Create(n, $"  {key.Kind.ToString().ToLowerInvariant()} '{key.Key}': {"reference".ToQuantity(key.References)}, first at {key.FirstReference}"));
        }

        writer.WriteLine(string.Create(n, $"Dynamic keys (resolved at run time): {inventory.DynamicKeys.Length}"));
        foreach (var key in inventory.DynamicKeys)
        {
            writer.WriteLine(string.Create(n, $"  {key.Kind.ToString().ToLowerInvariant()} '{key.Key}': {"reference".ToQuantity(key.References)}, first at {key.FirstReference}"));
        }

        writer.WriteLine(string.Create(n, $"Unknown elements: {inventory.UnknownElements.Sum(e => e.Count)}"));
        foreach (var element in inventory.UnknownElements)
        {
            writer.WriteLine(string.Create(n, $"  <{element.Name}> ({element.Code}): {element.Count}"));
        }

        writer.WriteLine(string.Create(n, $"Unread attributes: {inventory.UnreadAttributes.Sum(a => a.Count)}"));
        foreach (var attribute in inventory.UnreadAttributes)
        {
            writer.WriteLine(string.Create(n, $"  {attribute.Attribute} on <{attribute.Element}>: {attribute.Count}"));
        }

        writer.WriteLine(string.Create(n, $"Files not converted: {inventory.OtherFiles.Sum(f => f.Count)}"));
        foreach (var files in inventory.OtherFiles)
        {
            writer.WriteLine(string.Create(n, $"  {FileClassifier.Describe(files.Kind)}: {files.Count}  {List(files.Paths)}"));
        }

        writer.WriteLine(string.Create(n, $"Registry resources: {inventory.RegistryResources.Length}"));
        foreach (var resource in inventory.RegistryResources)
        {
            writer.WriteLine($"  {resource.Key} ({FileClassifier.Describe(resource.Kind)}) <- {resource.Path}");
        }

        var d = inventory.Diagnostics;
        writer.WriteLine(string.Create(n, $"Diagnostics: {"error".ToQuantity(d.Errors)}, {"warning".ToQuantity(d.Warnings)}, {d.Infos} info"));
    }

    public static string Describe(InputForm form) => form switch
    {
        InputForm.ArtifactFile => "artifact file",
        InputForm.SynapseConfiguration => "Synapse configuration file (<definitions>)",
        InputForm.ArtifactFolder => "folder of artifacts",
        InputForm.DeploymentFolder => "EI/MI deployment folder (synapse-configs/default)",
        InputForm.IntegrationStudioProject => "Integration Studio project",
        InputForm.MiProject => "MI 4.x project",
        InputForm.CarbonApplication => "Carbon Application archive (.car)",
        InputForm.ExtractedCarbonApplication => "extracted Carbon Application",
        _ => form.ToString(),
    };

    public static string Describe(ComponentKind kind) => kind switch
    {
        ComponentKind.EsbConfigProject => "ESB Config project",
        ComponentKind.RegistryResourcesProject => "Registry Resources project",
        ComponentKind.CompositeApplicationProject => "Composite Application project",
        ComponentKind.ConnectorExporterProject => "Connector Exporter project",
        ComponentKind.MiProject => "MI project",
        ComponentKind.DeploymentFolder => "deployment folder",
        ComponentKind.CarbonApplication => "Carbon Application",
        _ => kind.ToString(),
    };

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= TextListLimit
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(TextListLimit)) + string.Create(CultureInfo.InvariantCulture, $", and {items.Count - TextListLimit} more");
}
