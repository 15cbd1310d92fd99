using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// SB0239: an XPath the Micro Integrator fails on too (Jaxen resolves prefixes, variables and functions when it
/// evaluates): a prefix no xmlns in scope binds, a variable prefix Synapse does not know, a function nobody defines.
/// Anything else untranslated stays SB0203.
/// </summary>
public sealed class SynapseFailureTests
{
    private static readonly ExpressionTranslator Translator = new(new Dictionary<string, Symbol>());

    private static string? Failure(string text) =>
        UntranslatedPart.SynapseFailure(ExpressionSyntax.Create(text, ImmutableDictionary<string, string>.Empty.Add("m", "urn:m"), SourceLocation.FileStart("test.xml")), Translator);

    [Theory]
    [InlineData("//m0:getQuote/m0:request/m0:symbol", "`//m0:getQuote/m0:request/m0:symbol` at columns 1-34: no xmlns declaration on the element or its ancestors binds the prefix 'm0'")]
    [InlineData("fn:concat('Normal Stock - ', //m0:getQuote/m0:request/m0:symbol)", "`//m0:getQuote/m0:request/m0:symbol` at columns 30-63: no xmlns declaration on the element or its ancestors binds the prefix 'm0'")]
    [InlineData("//m:a/m3:b", "`//m:a/m3:b` at columns 1-10: no xmlns declaration on the element or its ancestors binds the prefix 'm3'")]
    [InlineData("$bodym:Item", "`$bodym:Item` at columns 1-11: 'bodym' is no Synapse variable prefix")]
    [InlineData("fn:concatXXX()", "`fn:concatXXX()` at columns 1-14: neither Jaxen nor Synapse has a function of that name")]
    [InlineData("fn:tokenize($ctx:x, ',')", "`fn:tokenize($ctx:x, ',')` at columns 1-24: XPath 2.0's tokenize is no function of Jaxen")]
    [InlineData("fn:substring-before($ctx:x,concat('',fn:tokenize($ctx:x,'_')[last()]))", "`fn:tokenize($ctx:x,'_')` at columns 38-60: XPath 2.0's tokenize is no function of Jaxen")]
    [InlineData("tokenize($ctx:x, ',')[2]", "`tokenize($ctx:x, ',')` at columns 1-21: XPath 2.0's tokenize is no function of Jaxen")]
    public void Names_what_the_Micro_Integrator_fails_on(string expression, string expected)
    {
        var failure = Failure(expression);
        Assert.NotNull(failure);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    private static readonly ImmutableDictionary<string, string> FnBound = ImmutableDictionary<string, string>.Empty.Add("fn", "http://www.w3.org/2005/xpath-functions");

    [Theory]
    // An xmlns:fn in scope: Jaxen looks the function up in that namespace, where it has none.
    [InlineData("fn:substring-before($ctx:x, '_')", "`fn:substring-before($ctx:x, '_')` at columns 1-32: an xmlns:fn declaration in scope binds the prefix 'fn' to 'http://www.w3.org/2005/xpath-functions', so Jaxen looks 'substring-before' up in that namespace")]
    [InlineData("concat('a', fn:lower-case($ctx:x))", "`fn:lower-case($ctx:x)` at columns 13-33: an xmlns:fn declaration in scope binds the prefix 'fn'")]
    [InlineData("fn:substring-before($ctx:x,concat('',fn:tokenize($ctx:x,'_')[last()]))", "`fn:tokenize($ctx:x,'_')` at columns 38-60: an xmlns:fn declaration in scope binds the prefix 'fn'")]
    public void A_bound_fn_prefix_fails_as_in_the_Micro_Integrator(string expression, string expected)
    {
        var syntax = ExpressionSyntax.Create(expression, FnBound, SourceLocation.FileStart("test.xml"));
        var failure = UntranslatedPart.SynapseFailure(syntax, Translator);
        Assert.NotNull(failure);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.IsType<UntranslatedExprIr>(Translator.Value(syntax));
    }

    [Theory]
    // SynapseXPathFunctionContext gives its own functions by local name, whatever the prefix's namespace; an unbound fn: is no namespace.
    [InlineData("fn:get-property('x')", true)]
    [InlineData("fn:base64Encode('x')", true)]
    [InlineData("fn:concat('a', $ctx:x)", false)]
    public void Synapse_functions_ignore_a_bound_fn_prefix(string expression, bool bound)
    {
        var syntax = ExpressionSyntax.Create(expression, bound ? FnBound : ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml"));
        Assert.IsNotType<UntranslatedExprIr>(Translator.Value(syntax));
        Assert.Null(UntranslatedPart.SynapseFailure(syntax, Translator));
    }

    [Theory]
    // Translated, or untranslated for a reason of the converter: SB0203, not SB0239.
    [InlineData("//m:a")]
    [InlineData("$ctx:x")]
    [InlineData("$sys:user.name")]
    [InlineData("get-property('system', 'file.separator')")]
    [InlineData("//m:a | //m:b")]
    [InlineData("${vars.x}")]
    public void Leaves_other_expressions_alone(string expression) =>
        Assert.Null(Failure(expression));
}
