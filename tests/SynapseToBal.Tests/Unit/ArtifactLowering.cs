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
}
