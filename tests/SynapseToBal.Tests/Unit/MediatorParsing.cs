using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Parses mediator snippets inside a named sequence, checking that every element is represented and every attribute read.</summary>
internal static class MediatorParsing
{
    public const string Synapse = "http://ws.apache.org/ns/synapse";

    public static SynapseDocument Document(string mediatorsXml, DiagnosticBag diagnostics, string extraNamespaces = "")
    {
        var xml = $"<sequence xmlns=\"{Synapse}\" {extraNamespaces} name=\"test\">{mediatorsXml}</sequence>";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        Assert.Empty(document.Unaccounted);
        Assert.Empty(document.UnreadAttributes);
        return document;
    }

    /// <summary>The single mediator of the snippet, of type <typeparamref name="T"/>.</summary>
    public static T Single<T>(string mediatorXml, string extraNamespaces = "")
        where T : MediatorSyntax => Single<T>(mediatorXml, out _, extraNamespaces);

    public static T Single<T>(string mediatorXml, out DiagnosticBag diagnostics, string extraNamespaces = "")
        where T : MediatorSyntax
    {
        diagnostics = new DiagnosticBag();
        var sequence = Assert.IsType<SequenceSyntax>(Assert.Single(Document(mediatorXml, diagnostics, extraNamespaces).Artifacts));
        return Assert.IsType<T>(Assert.Single(sequence.Mediators));
    }

    public static string Literal(ValueSyntax? value) => Assert.IsType<ValueSyntax.Literal>(value).Text;

    public static ExpressionSyntax Expression(ValueSyntax? value) => Assert.IsType<ValueSyntax.Expression>(value).Syntax;

    public static string InlineXml(ValueSyntax? value) => Assert.IsType<ValueSyntax.InlineXml>(value).Xml;

    public static IEnumerable<string> Ids(DiagnosticBag diagnostics) => diagnostics.Items.Select(d => d.Id);
}
