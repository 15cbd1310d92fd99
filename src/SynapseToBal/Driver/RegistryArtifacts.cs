using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.Project;
using SynapseToBal.Syntax;

namespace SynapseToBal.Driver;

/// <summary>
/// Sequences, endpoints and templates stored as registry resources (<c>registry/config/sequences/x.xml</c>, an
/// Integration Studio registry resources project, a CApp's registry entries). Synapse finds such an artifact by its
/// registry key (<c>SynapseConfiguration.getSequence/getEndpoint</c>: the local registry first, then
/// <c>Registry.getResource</c>, whose content the mediator or endpoint factory builds), never by the
/// <c>name</c> attribute its file may carry. Each becomes an artifact of the project whose name is its normalised
/// key, so that every reference by that key resolves to it and it is translated once, like a deployed artifact.
/// The key is looked up exactly as written (after prefix normalisation): the Micro Integrator's registry maps a key
/// to a file without adding an extension (<c>MicroIntegratorRegistry.resolveRegistryURI</c>).
/// </summary>
public static class RegistryArtifacts
{
    /// <summary>The root elements of a registry resource that Synapse reads as an artifact when a key names it.</summary>
    private static readonly HashSet<string> Roots = new(StringComparer.Ordinal) { "sequence", "endpoint", "template" };

    public static ImmutableArray<SynapseDocument> Parse(RegistryIndex registry, DiagnosticBag diagnostics)
    {
        var documents = ImmutableArray.CreateBuilder<SynapseDocument>();
        foreach (var resource in registry.Resources)
        {
            if (resource.BuildOutputFolder is { } folder)
            {
                diagnostics.Report(DiagnosticCatalog.RegistryResourceFromBuildOutput, SourceLocation.FileStart(resource.Location ?? resource.DisplayPath), resource.Key, resource.DisplayPath, folder);
            }

            if (resource.Kind != FileKind.SynapseArtifact)
            {
                continue;
            }

            string text;
            try
            {
                text = resource.ReadText();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticCatalog.FileUnreadable, SourceLocation.FileStart(resource.Location ?? resource.DisplayPath), ex.Message);
                continue;
            }

            if (Parse(resource, text, diagnostics) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents.ToImmutable();
    }

    /// <summary>The artifact a registry resource holds, named by its key; null when it holds no sequence, endpoint or template.</summary>
    public static SynapseDocument? Parse(RegistryResource resource, string text, DiagnosticBag diagnostics)
    {
        var scratch = new DiagnosticBag();
        var path = resource.Location ?? resource.DisplayPath;
        SynapseDocument? parsed;
        try
        {
            parsed = SynapseParser.ParseText(path, text, scratch);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Report(DiagnosticCatalog.InternalError, SourceLocation.FileStart(path), "parsing: " + ex.Message);
            return null;
        }

        if (parsed is not { Artifacts: [var artifact] } || !Roots.Contains(artifact.XmlName)
            || artifact is not (SequenceSyntax or EndpointArtifactSyntax or SequenceTemplateSyntax or EndpointTemplateSyntax))
        {
            // Any other content (a definitions file, a proxy, a local entry) is a resource read as XML, as before.
            return null;
        }

        // Synapse ignores the name attribute of an artifact fetched by key: a missing one is no defect.
        diagnostics.AddRange(scratch.Items.Where(d => !IsMissingName(d, artifact)));
        return parsed with { Artifacts = [artifact with { Name = resource.Key, RegistryKey = resource.Key }] };
    }

    private static bool IsMissingName(Microsoft.CodeAnalysis.Diagnostic diagnostic, ArtifactSyntax artifact) =>
        diagnostic.Id == DiagnosticCatalog.MissingAttribute.Id
        && diagnostic.Location.GetLineSpan().StartLinePosition == artifact.Location.LineSpan.Start
        && diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).EndsWith("'name' attribute", StringComparison.Ordinal);
}
