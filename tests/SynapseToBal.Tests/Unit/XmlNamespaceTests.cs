using System.Collections.Immutable;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>XML navigation with module-level <c>xmlns</c> declarations: the prefixes chosen and the steps written.</summary>
public sealed class XmlNamespaceTests
{
    private static readonly ExpressionTranslator Translator = new(new Dictionary<string, Symbol>());

    private static readonly NameMap Names = BallerinaRefiner.Refine(
        new PackageIr(
            new ListenerIr(new Symbol(SymbolKind.Listener, "l"), new ConfigurableIr(new Symbol(SymbolKind.Configurable, "p"), ConfigurableType.Integer, "1", "", false)),
            [], [], [], [], [], [], []),
        RuntimeModule.BuiltIn.DeclaredNames).Names;

    private static ExprIr Expr(string text, params (string Prefix, string Uri)[] namespaces) =>
        Translator.Value(ExpressionSyntax.Create(text, namespaces.ToImmutableDictionary(n => n.Prefix, n => n.Uri), SourceLocation.FileStart("test.xml")));

    /// <summary>Writes the expressions as one file is written: a first pass recording, a second with the declared prefixes.</summary>
    private static (IReadOnlyList<string> Code, IReadOnlyList<string> Declarations) Write(string otherCode, params ExprIr[] expressions)
    {
        var collecting = XmlNamespaceScope.Collecting();
        var first = new ExpressionWriter(new ModuleUsage(), Names) { Namespaces = collecting };
        var firstPass = string.Join('\n', expressions.Select(first.String).Append(otherCode));
        var resolved = collecting.Resolve(firstPass);
        var second = new ExpressionWriter(new ModuleUsage(), Names) { Namespaces = resolved };
        return (expressions.Select(second.String).ToList(), resolved.Declarations);
    }

    [Fact]
    public void A_source_prefix_that_names_one_namespace_is_declared_and_used_in_the_steps()
    {
        var (code, declarations) = Write("", Expr("//m0:getQuote/m0:request/m0:symbol", ("m0", "http://services.samples")));

        Assert.Equal(["xpathString((check soapEnvelope(ctx))/**/<m0:getQuote>/<*>.<m0:request>/<*>.<m0:symbol>)"], code);
        Assert.Equal(["xmlns \"http://services.samples\" as m0;"], declarations);
    }

    [Fact]
    public void An_unprefixed_name_stays_a_name_without_namespace_and_no_default_namespace_is_declared()
    {
        var (code, declarations) = Write("", Expr("$body/order/m:id", ("m", "urn:a")));

        Assert.Equal(["xpathString((check soapBody(ctx))/<'order>/<*>.<m:id>)"], code);
        Assert.Equal(["xmlns \"urn:a\" as m;"], declarations);
    }

    [Fact]
    public void A_prefix_bound_to_two_namespaces_in_one_file_gets_numbered_prefixes()
    {
        var (code, declarations) = Write("", Expr("//a:x", ("a", "urn:one")), Expr("//a:y", ("a", "urn:two")));

        Assert.Equal(["xpathString((check soapEnvelope(ctx))/**/<ns1:x>)", "xpathString((check soapEnvelope(ctx))/**/<ns2:y>)"], code);
        Assert.Equal(["xmlns \"urn:one\" as ns1;", "xmlns \"urn:two\" as ns2;"], declarations);
    }

    [Fact]
    public void Two_source_prefixes_of_one_namespace_share_one_declaration()
    {
        var (code, declarations) = Write("", Expr("//a:x", ("a", "urn:one")), Expr("//b:y", ("b", "urn:one")));

        Assert.Equal(["xpathString((check soapEnvelope(ctx))/**/<a:x>)", "xpathString((check soapEnvelope(ctx))/**/<a:y>)"], code);
        Assert.Equal(["xmlns \"urn:one\" as a;"], declarations);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("int")]
    [InlineData("http")]
    [InlineData("string")]
    [InlineData("xmlns")]
    [InlineData("order")]
    [InlineData("soap-env")]
    [InlineData("ns.v1")]
    [InlineData("_")]
    public void A_source_prefix_that_is_reserved_or_not_a_plain_identifier_is_replaced(string prefix)
    {
        var (code, declarations) = Write("", Expr($"//{prefix}:x", (prefix, "urn:one")));

        Assert.Equal(["xpathString((check soapEnvelope(ctx))/**/<ns1:x>)"], code);
        Assert.Equal(["xmlns \"urn:one\" as ns1;"], declarations);
    }

    [Fact]
    public void A_prefix_the_file_uses_as_a_module_prefix_is_not_taken_but_text_in_strings_and_comments_does_not_count()
    {
        var (code, declarations) = Write(
            "m:call(); // p:x\nstring s = \"q:y\"; xml t = xml `<r:z>${ns1:value}</r:z>`;",
            Expr("//m:a", ("m", "urn:m")),
            Expr("//p:a", ("p", "urn:p")),
            Expr("//q:a", ("q", "urn:q")),
            Expr("//r:a", ("r", "urn:r")),
            Expr("//s:a", ("s", "urn:s")));

        Assert.Equal(
            [
                "xpathString((check soapEnvelope(ctx))/**/<ns2:a>)",
                "xpathString((check soapEnvelope(ctx))/**/<p:a>)",
                "xpathString((check soapEnvelope(ctx))/**/<q:a>)",
                "xpathString((check soapEnvelope(ctx))/**/<r:a>)",
                "xpathString((check soapEnvelope(ctx))/**/<s:a>)",
            ],
            code);
        Assert.Equal(["xmlns \"urn:m\" as ns2;", "xmlns \"urn:p\" as p;", "xmlns \"urn:q\" as q;", "xmlns \"urn:r\" as r;", "xmlns \"urn:s\" as s;"], declarations);
    }

    [Fact]
    public void Local_names_are_escaped_after_the_prefix_as_without_one()
    {
        var (code, _) = Write("", Expr("//m:order/m:first-name/m:a.b", ("m", "urn:m")));

        Assert.Equal(["xpathString((check soapEnvelope(ctx))/**/<m:'order>/<*>.<m:first\\-name>/<*>.<m:a\\.b>)"], code);
    }

    [Fact]
    public void Without_a_declared_prefix_a_step_keeps_the_expanded_name_filter()
    {
        var writer = new ExpressionWriter(new ModuleUsage(), Names);

        Assert.Equal(
            "xpathString(((check soapEnvelope(ctx))/**/<*>).elements(\"{urn:m}a\"))",
            writer.String(Expr("//m:a", ("m", "urn:m"))));
    }

    [Fact]
    public void Predicates_and_positions_keep_their_shape_around_prefixed_steps()
    {
        var (code, _) = Write("", Expr("//m:order[m:status = 'open']/m:id", ("m", "urn:m")));

        var step = Assert.Single(code);
        Assert.StartsWith("xpathString(xpathFilter((check soapEnvelope(ctx))/**/<m:'order>, function (xml:Element xpathContext) returns boolean => ", step);
        Assert.Contains("(xpathStrings(xpathContext/<*>.<m:status>)", step);
        Assert.EndsWith(")/<*>.<m:id>)", step);
    }

    [Theory]
    [InlineData("//order/.", "xpathString((check soapEnvelope(ctx))/**/<'order>)")]
    [InlineData("//m:order/./m:id", "xpathString((check soapEnvelope(ctx))/**/<m:'order>/<*>.<m:id>)")]
    [InlineData("$body/a/./text()", "xpathConcat(xpathTextValues((check soapBody(ctx))/<a>))")]
    public void A_self_step_after_an_element_step_selects_the_same_elements(string xpath, string expected)
    {
        var (code, _) = Write("", Expr(xpath, ("m", "urn:m")));

        Assert.Equal(expected, Assert.Single(code));
    }

    [Theory]
    [InlineData("./author")]
    [InlineData("//a//.")]
    [InlineData("//a/text()/.")]
    public void A_self_step_from_the_envelope_or_after_text_stays_untranslated(string xpath)
    {
        Assert.IsType<UntranslatedExprIr>(Expr(xpath));
    }

    [Fact]
    public void Code_only_blanks_comments_strings_and_template_text_but_keeps_interpolations()
    {
        var code = XmlNamespaceScope.CodeOnly("a:b(\"c:d\"); // e:f\nxml x = xml `<g:h>${i:j(`<k:l>${m:n}`)}</g:h>`;");

        Assert.Contains("a:b", code);
        Assert.Contains("i:j", code);
        Assert.Contains("m:n", code);
        Assert.DoesNotContain("c:d", code);
        Assert.DoesNotContain("e:f", code);
        Assert.DoesNotContain("g:h", code);
        Assert.DoesNotContain("k:l", code);
    }
}
