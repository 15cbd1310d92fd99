using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Project;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Report;

public sealed record ComponentEntry(ComponentKind Kind, string Name, string Path, string? Detail);

/// <param name="Modelled">False for artifacts the parser keeps as raw XML (proxy, template, task, ... or an unknown root).</param>
public sealed record ArtifactKindEntry(string Kind, int Count, bool Modelled, ImmutableArray<string> Names);

/// <param name="Known">False for mediators the parser has no typed node for (connector operations, class mediators, ...).</param>
public sealed record MediatorEntry(string Name, int Count, bool Known);

/// <summary>A key (unresolved or dynamic), how often it is used and where first.</summary>
public sealed record UnresolvedKeyEntry(ReferenceKind Kind, string Key, int References, string FirstReference);

/// <param name="Code">SB0101 (unknown element) or SB0105 (element not represented in the syntax tree).</param>
public sealed record UnknownElementEntry(string Name, string Code, int Count);

/// <summary>An attribute the converter does not read (SB0107), by element and attribute name.</summary>
public sealed record UnreadAttributeEntry(string Element, string Attribute, int Count);

public sealed record FileKindEntry(FileKind Kind, int Count, ImmutableArray<string> Paths);

public sealed record RegistryEntry(string Key, FileKind Kind, string Path, string? MediaType);

public sealed record DiagnosticCounts(int Errors, int Warnings, int Infos);

/// <summary>
/// The inventory of an input without converting it: its form and components, artifacts by kind, mediators by
/// element name, unresolved keys, unknown elements, files not converted and registry resources. The
/// <c>analyze</c> verb prints it; a migration report can reuse it.
/// </summary>
public sealed record Inventory(
    string Input,
    InputForm Form,
    int SynapseDocuments,
    int Artifacts,
    ImmutableArray<ComponentEntry> Components,
    ImmutableArray<ArtifactKindEntry> ArtifactKinds,
    ImmutableArray<MediatorEntry> Mediators,
    ImmutableArray<UnresolvedKeyEntry> UnresolvedKeys,
    ImmutableArray<UnresolvedKeyEntry> DynamicKeys,
    ImmutableArray<UnknownElementEntry> UnknownElements,
    ImmutableArray<FileKindEntry> OtherFiles,
    ImmutableArray<RegistryEntry> RegistryResources,
    DiagnosticCounts Diagnostics)
{
    /// <summary>Attributes the converter does not read (SB0107).</summary>
    public ImmutableArray<UnreadAttributeEntry> UnreadAttributes { get; init; } = [];

    public int MediatorCount => Mediators.Sum(m => m.Count);

    /// <summary>Builds the inventory from a loaded project, its parsed documents and the diagnostics so far.</summary>
    public static Inventory Build(string input, ProjectModel project, ImmutableArray<SynapseDocument> documents, ReferenceGraph graph, IReadOnlyList<Diagnostic> diagnostics)
    {
        var artifacts = documents.SelectMany(d => d.Artifacts).ToList();

        var artifactKinds = artifacts
            .GroupBy(a => a.Kind, StringComparer.Ordinal)
            .Select(g => new ArtifactKindEntry(g.Key, g.Count(), g.First() is not UnknownArtifactSyntax,
                g.Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray()))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Kind, StringComparer.Ordinal)
            .ToImmutableArray();

        var mediators = MediatorCollector.Collect(artifacts)
            .GroupBy(m => m.ElementName, StringComparer.Ordinal)
            .Select(g => new MediatorEntry(g.Key, g.Count(), g.Any(m => m is not UnknownMediator)))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToImmutableArray();

        var unresolved = KeyEntries(project, graph.Unresolved);
        var dynamic = KeyEntries(project, graph.Dynamic);

        var unknownElements = diagnostics
            .Where(d => d.Id == DiagnosticCatalog.UnknownElement.Id || d.Id == DiagnosticCatalog.ElementNotRepresented.Id)
            .GroupBy(d => (Name: ElementOf(d), d.Id))
            .Select(g => new UnknownElementEntry(g.Key.Name, g.Key.Id, g.Count()))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Code, StringComparer.Ordinal)
            .ToImmutableArray();

        var otherFiles = project.OtherFiles
            .GroupBy(f => f.Kind)
            .Select(g => new FileKindEntry(g.Key, g.Count(), g.Select(f => f.DisplayPath).ToImmutableArray()))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Kind)
            .ToImmutableArray();

        var registry = project.Registry.Resources
            .Select(r => new RegistryEntry(r.Key, r.Kind, r.DisplayPath, r.MediaType))
            .ToImmutableArray();

        var components = project.Components
            .Select(c => new ComponentEntry(c.Kind, c.Name, c.DisplayPath, c.Detail))
            .ToImmutableArray();

        var counts = new DiagnosticCounts(
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info));

        var unreadAttributes = diagnostics
            .Where(d => d.Id == DiagnosticCatalog.AttributeNotRead.Id)
            .GroupBy(d => (Element: ElementOf(d), Attribute: QuotedOf(d)))
            .Select(g => new UnreadAttributeEntry(g.Key.Element, g.Key.Attribute, g.Count()))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Element, StringComparer.Ordinal).ThenBy(e => e.Attribute, StringComparer.Ordinal)
            .ToImmutableArray();

        return new Inventory(input, project.Form, documents.Length, artifacts.Count, components, artifactKinds, mediators, unresolved, dynamic,
            unknownElements, otherFiles, registry, counts)
        {
            UnreadAttributes = unreadAttributes,
        };
    }

    private static ImmutableArray<UnresolvedKeyEntry> KeyEntries(ProjectModel project, IEnumerable<ResolvedReference> references) => references
        .Select(r => r.Reference)
        .GroupBy(r => (r.Kind, r.Key))
        .Select(g => new UnresolvedKeyEntry(g.Key.Kind, g.Key.Key, g.Count(), Describe(project, g.OrderBy(r => r.Location.Path, StringComparer.Ordinal).ThenBy(r => r.Location.Line).First().Location)))
        .OrderBy(e => e.Kind).ThenBy(e => e.Key, StringComparer.Ordinal)
        .ToImmutableArray();

    private static string Describe(ProjectModel project, SourceLocation location) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetRelativePath(project.SourceRoot, location.Path).Replace('\\', '/')}({location.Line},{location.LineSpan.Start.Character + 1})");

    /// <summary>The first quoted name in a message ("Attribute 'x' of ..." gives x).</summary>
    private static string QuotedOf(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return start >= 0 && end > start ? message[(start + 1)..end] : message;
    }

    /// <summary>The element name in an SB0101/SB0105 message ("... &lt;name&gt; ...").</summary>
    private static string ElementOf(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var start = message.IndexOf('<');
        var end = start < 0 ? -1 : message.IndexOf('>', start + 1);
        return start >= 0 && end > start ? message[(start + 1)..end] : message;
    }
}
