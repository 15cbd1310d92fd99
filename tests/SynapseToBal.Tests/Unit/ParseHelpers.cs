using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Parses XML snippets written in the Synapse namespace by default.</summary>
internal static class ParseHelpers
{
    public const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    /// <summary>Parses one artifact and checks that every element is represented and every attribute read (no SB0105, no SB0107).</summary>
    public static T Artifact<T>(string xml, out DiagnosticBag diagnostics)
        where T : ArtifactSyntax
    {
        diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("snippet.xml", xml, diagnostics);
        Assert.NotNull(document);
        Assert.Empty(document.Unaccounted);
        Assert.Empty(document.UnreadAttributes);
        var artifact = Assert.Single(document.Artifacts);
        return Assert.IsType<T>(artifact);
    }

    public static T Artifact<T>(string xml)
        where T : ArtifactSyntax
    {
        var artifact = Artifact<T>(xml, out var diagnostics);
        Assert.Empty(diagnostics.Items);
        return artifact;
    }

    /// <summary>Parses a named endpoint artifact and returns its definition.</summary>
    public static T Endpoint<T>(string innerXml)
        where T : EndpointDefinitionSyntax
    {
        var artifact = Artifact<EndpointArtifactSyntax>($"<endpoint {Ns} name=\"ep\">{innerXml}</endpoint>");
        return Assert.IsType<T>(artifact.Endpoint.Definition);
    }

    public static IEnumerable<string> Ids(DiagnosticBag diagnostics) => diagnostics.Items.Select(d => d.Id);
}
