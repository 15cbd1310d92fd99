using SynapseToBal.Semantics;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The uri-templates the Micro Integrator's URITemplateParser refuses (the API is then not deployed, SB0507), with the
/// message its exception gives, and the ones it takes.
/// </summary>
public sealed class UriTemplateCheckTests
{
    [Theory]
    [InlineData("/{backendPath+}", "Invalid character: '+' in expression")]
    [InlineData("/items{?q}", "Unsupported template expression: {?q}")]
    [InlineData("/a/{;p}", "Unsupported template expression: {;p}")]
    [InlineData("/a/{&q}", "Unsupported template expression: {&q}")]
    [InlineData("/a/{}/b", "Illegal empty expression")]
    [InlineData("/a/{}", "Illegal open brace character")]
    [InlineData("/a/{b{c}}", "Already in expression")]
    [InlineData("/a/b}", "Illegal closing brace detected")]
    [InlineData("/a/{x", "Illegal open brace character")]
    [InlineData("{id}", "a template starting with '{' (String index out of range: -1)")]
    [InlineData("/{a,,b}", "Illegal variable reference with zero length")]
    [InlineData("/{id:0}", "Invalid variable prefix: 0")]
    [InlineData("/{id:x}", "For input string: \"x\"")]
    [InlineData("/{+path*}", "Invalid character: '*' in expression")]
    [InlineData("/{first name}", "Invalid character: ' ' in expression")]
    public void A_template_the_parser_refuses_names_its_problem(string template, string problem) =>
        Assert.Equal(problem, UriTemplateCheck.Problem(template));

    [Theory]
    [InlineData("/")]
    [InlineData("/orders/{id}")]
    [InlineData("/orders/{order.id}/lines/{line-no}")]
    [InlineData("/files/{+path}")]
    [InlineData("/codes/{id:4}")]
    [InlineData("/pair/{a,b}")]
    [InlineData("/doc{#frag}")]
    [InlineData("/x{.ext}")]
    [InlineData("/x{/seg}")]
    [InlineData("/search?q={q}&page={page}")]
    [InlineData("/orders/{id}/")]
    [InlineData("/*")]
    [InlineData("/a/{x}{y}")]
    [InlineData("/a/{id}xyz{+rest")]
    public void A_template_the_parser_takes_has_no_problem(string template) =>
        Assert.Null(UriTemplateCheck.Problem(template));
}
