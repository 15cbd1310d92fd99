using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// HTTPEndpoint.resolveUrlTemplate binds only the properties named <c>uri.var.*</c> and <c>query.param.*</c>: any
/// other template variable expands to nothing (RFC 6570, an undefined variable) when the message holds such a
/// property, and the whole template is sent unexpanded when it holds none: such a variable is no property read but an
/// empty text that keeps its written form for the unexpanded template. In <c>${x}</c> the '$' is literal text of the
/// template (the uri-template parser only knows braces), then the variable <c>{x}</c>. The endpoint's own
/// <c>uri.var.*</c>/<c>query.param.*</c> properties are variables too (their literal values), so with one the
/// template is always expanded.
/// </summary>
public sealed class UriTemplateBindingTests
{
    private static (HttpPathIr.Template Path, DiagnosticBag Diagnostics) Lower(string uriTemplate, string endpointProperties = "")
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("a.xml",
            $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><sequence name="S"><call><endpoint><http method="get" uri-template="{uriTemplate}"/>{endpointProperties}</endpoint></call></sequence></definitions>""",
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
    [InlineData("http://h.example.com/a{?x,y}", "{?x,y}", null)]
    public void Other_names_expand_to_nothing_and_keep_their_text_unexpanded(string uriTemplate, string variable, string? literalBefore)
    {
        var (path, diagnostics) = Lower(uriTemplate);
        Assert.Empty(path.Parts.OfType<TemplatePart.Argument>());
        var unbound = Assert.Single(path.Parts.OfType<TemplatePart.Text>(), t => t.UriVariable is not null);
        Assert.Equal(string.Empty, unbound.Content);
        Assert.Equal(variable, unbound.UriVariable);
        Assert.Empty(Sb0203(diagnostics));
        if (literalBefore is not null)
        {
            // The '$' stays literal text just before the variable, as the uri-template parser reads it.
            var index = path.Parts.IndexOf(unbound);
            Assert.EndsWith(literalBefore, Assert.IsType<TemplatePart.Text>(path.Parts[index - 1]).Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_leading_unbound_variable_of_a_whole_template_is_kept_as_the_reserved_form_HTTPEndpoint_rewrites_it_to()
    {
        var (path, _) = Lower("{base.url}/orders/{uri.var.id}");
        Assert.Equal("{+base.url}", Assert.IsType<TemplatePart.Text>(path.Parts[0]).UriVariable);
        Assert.Equal("{uri.var.id}", Assert.IsType<TemplatePart.Argument>(path.Parts[^1]).UriVariable);
    }

    [Fact]
    public void Endpoint_uri_variables_bind_their_literal_values_and_the_template_is_always_expanded()
    {
        var (path, diagnostics) = Lower("http://h.example.com/a/{uri.var.id}/{uri.var.other}/{uri.var.dynamic}/{name}",
            """<property name="uri.var.id" value="first"/><property name="uri.var.id" value="42"/><property name="uri.var.dynamic" expression="get-property('x')"/>""");
        var arguments = path.Parts.OfType<TemplatePart.Argument>().ToList();
        Assert.Equal(2, arguments.Count);
        Assert.Equal("42", Assert.IsType<StringLiteralIr>(arguments[0].Value).Value);
        Assert.Equal("uri.var.other", Assert.IsType<PropertyReadIr>(arguments[1].Value).Name);
        Assert.All(arguments, a => Assert.Null(a.UriVariable));
        Assert.DoesNotContain(path.Parts.OfType<TemplatePart.Text>(), t => t.UriVariable is not null);
        Assert.Equal("/a////", string.Concat(path.Parts.OfType<TemplatePart.Text>().Select(t => t.Content)));
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("HTTPEndpoint.resolveUrlTemplate", StringComparison.Ordinal));
    }
}
