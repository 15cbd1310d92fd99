using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Whether an http endpoint joins the REST URL postfix to its expanded uri-template (semantics §3.5): the non-blocking
/// sender (Axis2FlexibleMEPClient) removes it only for an endpoint with a method; the blocking sender
/// (BlockingMsgSenderUtils: call blocking="true", callout) never removes it.
/// </summary>
public sealed class RestPostfixTests
{
    private const string Endpoints = """
        <endpoint name="NoMethod"><http uri-template="http://h.example.com/a/{uri.var.id}"/></endpoint>
        <endpoint name="WithMethod"><http method="get" uri-template="http://h.example.com/b/{uri.var.id}"/></endpoint>
        <endpoint name="Address"><address uri="http://h.example.com/c"/></endpoint>
        """;

    private static HttpPathIr PathOf(string mediator)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("a.xml", $"""<definitions xmlns="http://ws.apache.org/ns/synapse">{Endpoints}<sequence name="S">{mediator}</sequence></definitions>""", diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        return Assert.Single(IrWalker.Steps(Assert.Single(package.Functions).Body).OfType<CallStep>()).Path;
    }

    [Theory]
    [InlineData("""<call><endpoint key="NoMethod"/></call>""", true)]
    [InlineData("""<send><endpoint key="NoMethod"/></send>""", true)]
    [InlineData("""<call><endpoint key="WithMethod"/></call>""", false)]
    [InlineData("""<send><endpoint key="WithMethod"/></send>""", false)]
    [InlineData("""<call blocking="true"><endpoint key="WithMethod"/></call>""", true)]
    [InlineData("""<call blocking="true"><endpoint key="NoMethod"/></call>""", true)]
    [InlineData("""<callout endpointKey="WithMethod"><source type="envelope"/></callout>""", true)]
    [InlineData("""<callout><endpoint><http method="post" uri-template="http://h.example.com/d"/></endpoint><source type="envelope"/></callout>""", true)]
    public void An_http_endpoint_appends_the_postfix_unless_its_method_removes_it_in_the_non_blocking_sender(string mediator, bool appends)
    {
        var template = Assert.IsType<HttpPathIr.Template>(PathOf(mediator));
        Assert.Equal(appends, template.AppendsPostfix);
        // The postfix is never a raw part of the expansion: it is joined at run time by MI's rules (withRestPostfix).
        Assert.DoesNotContain(template.Parts.OfType<TemplatePart.Argument>(), a => a.Value is ContextFieldIr { Field: ContextField.UrlPostfix });
    }

    [Theory]
    [InlineData("""<call><endpoint key="Address"/></call>""")]
    [InlineData("""<call blocking="true"><endpoint key="Address"/></call>""")]
    public void An_address_endpoint_keeps_its_postfix_path(string mediator) =>
        Assert.IsType<HttpPathIr.Postfix>(PathOf(mediator));
}
