using System.Collections.Immutable;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A file that navigates XML rendered once with prefix placeholders (<see cref="XmlNamespaceScope.Deferring"/>) is
/// byte for byte the file the two renders (collecting, then resolved) write; when that cannot be guaranteed the fill
/// refuses and the emitter renders twice.
/// </summary>
public sealed class XmlNamespaceDeferredTests
{
    private static readonly ExpressionTranslator Translator = new(new Dictionary<string, Symbol>());

    private static readonly NameMap Names = BallerinaRefiner.Refine(
        new PackageIr(
            new ListenerIr(new Symbol(SymbolKind.Listener, "l"), new ConfigurableIr(new Symbol(SymbolKind.Configurable, "p"), ConfigurableType.Integer, "1", "", false)),
            [], [], [], [], [], [], []),
        RuntimeModule.BuiltIn.DeclaredNames).Names;

    private static ExprIr Expr(string text, params (string Prefix, string Uri)[] namespaces) =>
        Translator.Value(ExpressionSyntax.Create(text, namespaces.ToImmutableDictionary(n => n.Prefix, n => n.Uri), SourceLocation.FileStart("test.xml")));

    /// <summary>A file as the templates write it: the declarations, then the code.</summary>
    private static string File(IEnumerable<string> declarations, IEnumerable<string> code) => string.Join('\n', declarations.Concat(code)) + "\n";

    private static string TwoRenders(string otherCode, ExprIr[] expressions)
    {
        var collecting = XmlNamespaceScope.Collecting();
        var first = new ExpressionWriter(new ModuleUsage(), Names) { Namespaces = collecting };
        var firstPass = File(collecting.Declarations, expressions.Select(first.String).Append(otherCode));
        var resolved = collecting.Resolve(firstPass);
        var second = new ExpressionWriter(new ModuleUsage(), Names) { Namespaces = resolved };
        return File(resolved.Declarations, expressions.Select(second.String).Append(otherCode));
    }

    private static string? OneRender(string otherCode, ExprIr[] expressions)
    {
        var deferring = XmlNamespaceScope.Deferring();
        XmlNamespaceScope.ResetInspected();
        var writer = new ExpressionWriter(new ModuleUsage(), Names) { Namespaces = deferring };
        var code = expressions.Select(writer.String).Append(otherCode).ToList(); // the code is written before the declarations are asked for
        return deferring.Fill(File(deferring.Declarations, code));
    }

    public static TheoryData<string, string[], string> Files => new()
    {
        { "", ["//m0:getQuote/m0:request/m0:symbol"], "m0=http://services.samples" },
        { "", ["$body/order/m:id", "//m:*"], "m=urn:a" },
        { "", ["//a:x", "//b:y"], "a=urn:one b=urn:two" },
        { "int n = foo:bar(); // a module prefix the source prefix clashes with", ["//foo:x", "//ns1:y"], "foo=urn:one ns1=urn:two" },
        { "string s = \"ns2:not code\";", ["//zz:x/yy:y", "//xx:z[1]"], "zz=urn:z yy=urn:y xx=urn:x" },
        { "", ["//http:x", "//soap:Body"], "http=urn:h soap=urn:s" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void One_render_with_placeholders_writes_what_two_renders_write(string otherCode, string[] expressions, string namespaces)
    {
        var bound = namespaces.Split(' ').Select(n => n.Split('=', 2)).Select(n => (n[0], n[1])).ToArray();
        var exprs = expressions.Select(e => Expr(e, bound)).ToArray();

        var once = OneRender(otherCode, exprs);

        Assert.NotNull(once);
        Assert.Equal(TwoRenders(otherCode, exprs), once);
        Assert.DoesNotContain(XmlNamespaceScope.PrefixMark, once);
        Assert.DoesNotContain(XmlNamespaceScope.DeclarationMark, once);
    }

    [Fact]
    public void A_file_without_namespaces_has_no_placeholder_and_declares_nothing()
    {
        var deferring = XmlNamespaceScope.Deferring();
        var writer = new ExpressionWriter(new ModuleUsage(), Names) { Namespaces = deferring };

        var code = writer.String(Expr("//order/id"));

        Assert.False(deferring.HasNamespaces);
        Assert.Empty(deferring.Declarations);
        Assert.DoesNotContain(XmlNamespaceScope.PrefixMark, code);
    }

    [Fact]
    public void A_decision_taken_on_the_text_of_a_placeholder_makes_the_fill_refuse()
    {
        var deferring = XmlNamespaceScope.Deferring();
        XmlNamespaceScope.ResetInspected();
        var writer = new ExpressionWriter(new ModuleUsage(), Names) { Namespaces = deferring };
        var condition = writer.String(Expr("//m:id", ("m", "urn:a")));

        _ = FailureScan.IsInert(condition); // its answer could depend on the prefix ("m:" reads as a module prefix, "ns1:" does not)
        Assert.Null(deferring.Fill(File(deferring.Declarations, [condition])));
    }

    [Fact]
    public void A_step_name_that_changes_how_the_text_reads_makes_the_fill_refuse()
    {
        var deferring = XmlNamespaceScope.Deferring();
        XmlNamespaceScope.ResetInspected();
        var prefix = deferring.Prefix("urn:a", "a");

        Assert.Null(deferring.Fill($"x/<*>.<{prefix}:a\\\"b>\n"));
        Assert.Null(deferring.Fill($"x/<*>.<{prefix}:a\\`b>\n"));
        Assert.Equal("xmlns \"urn:a\" as a;\nx/<*>.<a:a\\-b>\n", deferring.Fill(string.Join('\n', deferring.Declarations) + $"\nx/<*>.<{prefix}:a\\-b>\n"));
    }

    [Fact]
    public void A_placeholder_the_scope_did_not_give_makes_the_fill_refuse()
    {
        var deferring = XmlNamespaceScope.Deferring();
        XmlNamespaceScope.ResetInspected();
        _ = deferring.Prefix("urn:a", "a");

        Assert.Null(deferring.Fill("x/<*>.<\u00017\u0001:b>\n"));
        Assert.Null(deferring.Fill("\u00023\u0002\n"));
        Assert.Null(deferring.Fill("x \u0001 y\n"));
    }
}
