using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class RewriteLoweringTests
{
    private static (StepIr Step, DiagnosticBag Diagnostics) Lower(string mediator)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(mediator, diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([document], null, diagnostics, _ => null), [document], diagnostics);
        return (Assert.Single(Assert.Single(package.Functions).Body), diagnostics);
    }

    [Fact]
    public void Rules_keep_their_conditions_actions_and_properties()
    {
        var (step, diagnostics) = Lower("""
            <rewrite inProperty="in" outProperty="out">
              <rewriterule>
                <condition><or><equal type="url" source="protocol" value="http"/><match type="param" source="v" regex="[0-9]+"/></or></condition>
                <action type="append" fragment="query" xpath="get-property('SYNAPSE_REST_API')"/>
                <action fragment="port" type="replace" regex="(?=x)" value="8243"/>
              </rewriterule>
            </rewrite>
            """);

        var rewrite = Assert.IsType<RewriteStep>(step);
        Assert.Equal(("in", "out"), (rewrite.InProperty, rewrite.OutProperty));
        var rule = Assert.Single(rewrite.Rules);
        var or = Assert.IsType<UrlConditionIr.Or>(rule.Condition);
        Assert.Equal(new UrlConditionIr.Test(UrlConditionSource.Url, "protocol", "http", Regex: false), or.Operands[0]);
        Assert.Equal(new UrlConditionIr.Test(UrlConditionSource.Param, "v", "[0-9]+", Regex: true), or.Operands[1]);
        Assert.Equal([RewriteActionType.Append, RewriteActionType.Replace], rule.Actions.Select(a => a.Type));
        Assert.IsType<PropertyReadIr>(rule.Actions[0].Value);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void An_evaluator_without_a_type_reads_a_header()
    {
        var condition = Lowerer.UrlCondition("""<equal source="Host" value="a"/>""", out _);

        Assert.Equal(new UrlConditionIr.Test(UrlConditionSource.Header, "Host", "a", Regex: false), condition);
    }

    [Theory]
    [InlineData("""<rewrite><rewriterule><condition><equal type="soap" source="//a" value="x"/></condition><action value="http://a"/></rewriterule></rewrite>""")]
    [InlineData("""<rewrite><rewriterule><condition><match type="url" regex="(?&lt;=a)b"/></condition><action value="http://a"/></rewriterule></rewrite>""")]
    public void What_would_mean_something_else_stays_a_todo(string xml)
    {
        var (step, diagnostics) = Lower(xml);

        Assert.IsType<TodoStep>(step);
        Assert.Equal(["SB0206"], Ids(diagnostics));
    }

    [Theory]
    [InlineData("""<rewrite><rewriterule><action type="replace" fragment="path" regex="a(b)" value="$1\$"/></rewriterule></rewrite>""", typeof(StringLiteralIr))]
    [InlineData("""<rewrite><rewriterule><action type="replace" fragment="path" regex="a" xpath="get-property('SYNAPSE_REST_API')"/></rewriterule></rewrite>""", typeof(PropertyReadIr))]
    public void A_replacement_with_group_references_or_an_xpath_value_is_translated(string xml, Type value)
    {
        var (step, diagnostics) = Lower(xml);

        // The runtime's javaReplaceAll reads '$n' and '\c' in the replacement as Java's replaceAll does.
        var action = Assert.Single(Assert.Single(Assert.IsType<RewriteStep>(step).Rules).Actions);
        Assert.Equal(RewriteActionType.Replace, action.Type);
        Assert.IsType(value, action.Value);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData(@"\/services\/(\w+)", @"/services/(\w+)")]
    [InlineData(@"a\-b]", @"a-b\]")]
    [InlineData("v1.", "v1[^\\n\\r\\u{85}\\u{2028}\\u{2029}]")]
    public void A_replace_regex_is_translated_from_java_syntax(string java, string ballerina)
    {
        var (step, diagnostics) = Lower($"""<rewrite><rewriterule><action type="replace" fragment="path" regex="{java}" value="x"/></rewriterule></rewrite>""");

        // Java accepts \/ and \- and a lone ], Ballerina's grammar does not; Java's . excludes line terminators.
        var action = Assert.Single(Assert.Single(Assert.IsType<RewriteStep>(step).Rules).Actions);
        Assert.Equal(ballerina, action.Regex);
        Assert.Empty(diagnostics.Items);
    }
}
