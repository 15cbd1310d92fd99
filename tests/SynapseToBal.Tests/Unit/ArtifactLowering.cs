using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Parses artifacts given as XML text (files <c>a0.xml</c>, <c>a1.xml</c>, ...) and lowers them as one project.</summary>
internal static class ArtifactLowering
{
    public static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts)
    {
        var documents = artifacts.Select((xml, i) => SynapseParser.ParseText($"a{i}.xml", xml, diagnostics)).Select(d => Assert.IsType<SynapseDocument>(d)).ToList();
        return Lowerer.Lower(documents, diagnostics);
    }

    /// <summary>Lowers one <c>definitions</c> file (<c>defs.xml</c>) holding <paramref name="content"/>.</summary>
    public static (PackageIr Package, DiagnosticBag Diagnostics) Definitions(string content)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("defs.xml", $"""<definitions xmlns="http://ws.apache.org/ns/synapse">{content}</definitions>""", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }
}
