using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// HTTPEndpoint.resolveUrlTemplate binds only the properties named <c>uri.var.*</c> and <c>query.param.*</c>: any
/// other template variable expands to nothing (RFC 6570, an undefined variable) when the message holds such a
/// property, and the whole template is sent unexpanded when it holds none. Reading any other property by name would
/// send a different URL, so those variables are not translated (SB0203). In <c>${x}</c> the '$' is literal text of
/// the template (the uri-template parser only knows braces), then the variable <c>{x}</c>.
/// </summary>
public sealed class UriTemplateBindingTests
{
    private static (HttpPathIr.Template Path, DiagnosticBag Diagnostics) Lower(string uriTemplate)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("a.xml",
            $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><sequence name="S"><call><endpoint><http method="get" uri-template="{uriTemplate}"/></endpoint></call></sequence></definitions>""",
            diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        var call = Assert.Single(IrWalker.Steps(Assert.Single(package.Functions).Body).OfType<CallStep>());
        return (Assert.IsType<HttpPathIr.Template>(call.Path), diagnostics);
    }

    private static IEnumerable<string> Sb0203(DiagnosticBag diagnostics) =>
        diagnostics.Items.Where(d => d.Id == "SB0203").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("http://h.example.com/a/{uri.var.id}", "uri.var.id")]
    [InlineData("http://h.example.com/a?q={query.param.q}", "query.param.q")]
    [InlineData("http://h.example.com/a/{+uri.var.rest}", "uri.var.rest")]
    public void Uri_var_and_query_param_properties_are_bound(string uriTemplate, string property)
    {
        var (path, diagnostics) = Lower(uriTemplate);
        var argument = Assert.Single(path.Parts.OfType<TemplatePart.Argument>());
        Assert.Equal(property, Assert.IsType<PropertyReadIr>(argument.Value).Name);
        Assert.Empty(Sb0203(diagnostics));
    }

    [Theory]
    [InlineData("http://h.example.com/invocationCount/${invocation.uuid}-interval", "{invocation.uuid}", "$")]
    [InlineData("http://h.example.com/a/{id}", "{id}", null)]
    [InlineData("http://h.example.com/a/{+ctx.path}", "{+ctx.path}", null)]
    [InlineData("http://h.example.com/a/{uri.varx}", "{uri.varx}", null)]
    [InlineData("http://h.example.com/a/{URI.VAR.id}", "{URI.VAR.id}", null)]
    public void Other_names_are_not_read_from_properties(string uriTemplate, string variable, string? literalBefore)
    {
        var (path, diagnostics) = Lower(uriTemplate);
        Assert.DoesNotContain(path.Parts.OfType<TemplatePart.Argument>(), a => a.Value is PropertyReadIr);
        var untranslated = Assert.Single(path.Parts.OfType<TemplatePart.Argument>());
        Assert.Equal(variable, Assert.IsType<UntranslatedExprIr>(untranslated.Value).Original);
        var message = Assert.Single(Sb0203(diagnostics));
        Assert.Contains("names no uri.var.* or query.param.* property", message, StringComparison.Ordinal);
        Assert.Contains("sent unexpanded", message, StringComparison.Ordinal);
        if (literalBefore is not null)
        {
            // The '$' stays literal text just before the variable, as the uri-template parser reads it.
            var index = path.Parts.IndexOf(untranslated);
            Assert.EndsWith(literalBefore, Assert.IsType<TemplatePart.Text>(path.Parts[index - 1]).Content, StringComparison.Ordinal);
        }
    }
}
