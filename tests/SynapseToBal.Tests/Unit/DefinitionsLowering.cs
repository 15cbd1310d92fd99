using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Parses artifacts written as text inside one <c>&lt;definitions&gt;</c> document and lowers them to the IR.</summary>
internal static class DefinitionsLowering
{
    public const string Synapse = "http://ws.apache.org/ns/synapse";

    public static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string definitions)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("synapse.xml", $"<definitions xmlns=\"{Synapse}\">{definitions}</definitions>", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }
}
