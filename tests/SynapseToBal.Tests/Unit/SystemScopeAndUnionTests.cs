using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// GetPropertyFunction's system scope (a required configurable unless the project writes the property), boolean() of
/// an XPath union, and `//` paths that name the message's own SOAP Envelope or Body.
/// </summary>
public sealed class SystemScopeAndUnionTests
{
    private static readonly ImmutableDictionary<string, string> Namespaces = ImmutableDictionary<string, string>.Empty
        .Add("m0", "http://services.samples")
        .Add("s11", "http://schemas.xmlsoap.org/soap/envelope/")
        .Add("s12", "http://www.w3.org/2003/05/soap-envelope");

    private static ExpressionSyntax Parse(string text) =>
        ExpressionSyntax.Create(text, Namespaces, SourceLocation.FileStart("test.xml"));

    private static (ExpressionTranslator Translator, List<string> Secrets) Translator(Func<string, bool> systemWritten)
    {
        var secrets = new List<string>();
        var translator = new ExpressionTranslator(new Dictionary<string, Symbol>(), alias =>
        {
            secrets.Add(alias);
            return new Symbol(SymbolKind.Configurable, alias);
        }).WithSystemWrites(systemWritten);
        return (translator, secrets);
    }

    [Fact]
    public void A_system_property_nothing_writes_is_one_required_configurable_per_name()
    {
        var (translator, secrets) = Translator(_ => false);
        Assert.IsType<ConfigurableReadIr>(translator.Value(Parse("get-property('system', 'file.separator')")));
        Assert.IsNotType<UntranslatedExprIr>(translator.Value(Parse("concat(get-property('system', 'user.home'), '/x')")));
        Assert.Equal(["system:file.separator", "system:user.home"], secrets);
    }

    [Fact]
    public void A_system_property_the_project_writes_stays_untranslated()
    {
        var (translator, secrets) = Translator(name => name == "file.separator");
        Assert.IsType<UntranslatedExprIr>(translator.Value(Parse("get-property('system', 'file.separator')")));
        Assert.Empty(secrets);
        Assert.Contains("system-scope property mediator", translator.UntranslatedPart(Parse("get-property('system', 'file.separator')")), StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_project_is_known_a_system_property_stays_untranslated() =>
        Assert.IsType<UntranslatedExprIr>(new ExpressionTranslator(new Dictionary<string, Symbol>(), alias => new Symbol(SymbolKind.Configurable, alias))
            .Value(Parse("get-property('system', 'file.separator')")));

    [Fact]
    public void A_union_in_a_boolean_position_is_the_or_of_its_operands_non_emptiness()
    {
        var (translator, _) = Translator(_ => true);
        var or = Assert.IsType<OrIr>(translator.Condition(Parse("//m0:a | //m0:b | //m0:c/@id")));
        var left = Assert.IsType<OrIr>(or.Left);
        Assert.IsType<XmlNavigationIr>(Assert.IsType<NonEmptyIr>(left.Left).Value);
        Assert.IsType<XmlNavigationIr>(Assert.IsType<NonEmptyIr>(left.Right).Value);
        Assert.IsType<XmlAttributeReadIr>(Assert.IsType<NonEmptyIr>(or.Right).Value);
    }

    [Theory]
    [InlineData("//m0:a | count(//m0:b)")]
    [InlineData("//m0:a | 'x'")]
    [InlineData("//m0:a | //m0:b/following-sibling::m0:c")]
    public void A_union_with_an_operand_that_is_not_a_translated_node_set_stays_untranslated(string expression)
    {
        var (translator, _) = Translator(_ => true);
        Assert.IsType<UntranslatedConditionIr>(translator.Condition(Parse(expression)));
    }

    [Theory]
    [InlineData("//m0:a | //m0:b")]
    [InlineData("count(//m0:a | //m0:b)")]
    public void A_union_as_a_value_stays_untranslated(string expression)
    {
        var (translator, _) = Translator(_ => true);
        Assert.IsType<UntranslatedExprIr>(translator.Value(Parse(expression)));
    }

    // Below the body of a message of the path's SOAP version only (Jaxen matches the envelope namespace exactly).
    [Theory]
    [InlineData("//s11:Envelope/s11:Body/m0:getQuote/m0:symbol", "/s11:Envelope/s11:Body/m0:getQuote/m0:symbol", "http://schemas.xmlsoap.org/soap/envelope/")]
    [InlineData("//s12:Envelope/s12:Body/m0:getQuote", "$body/m0:getQuote", "http://www.w3.org/2003/05/soap-envelope")]
    [InlineData("//s11:Body/m0:getQuote/text()", "$body/m0:getQuote/text()", "http://schemas.xmlsoap.org/soap/envelope/")]
    [InlineData("//s11:Body/m0:getQuote//m0:x/@id", "$body/m0:getQuote//m0:x/@id", "http://schemas.xmlsoap.org/soap/envelope/")]
    public void A_descendant_path_through_the_messages_own_envelope_starts_below_the_body(string expression, string same, string envelope)
    {
        var (translator, _) = Translator(_ => true);
        Assert.IsNotType<UntranslatedExprIr>(translator.Value(Parse(expression)));
        var body = ExpressionTranslatorTests.Value(same, Namespaces);
        Assert.Contains("(check soapBody(ctx))", body, StringComparison.Ordinal);
        Assert.Equal(body.Replace("(check soapBody(ctx))", $"(check soapBodyIn(ctx, \"{envelope}\"))", StringComparison.Ordinal), ExpressionTranslatorTests.Value(expression, Namespaces));
    }

    [Theory]
    [InlineData("//s11:Envelope/s11:Header/m0:a")]
    [InlineData("//s11:Envelope/s12:Body/m0:a")]
    [InlineData("//s11:Body")]
    [InlineData("//s11:Envelope//m0:a")]
    [InlineData("//s11:Envelope[1]/s11:Body/m0:a")]
    public void Other_descendant_paths_through_the_envelope_stay_untranslated(string expression)
    {
        var (translator, _) = Translator(_ => true);
        Assert.IsType<UntranslatedExprIr>(translator.Value(Parse(expression)));
    }
}
