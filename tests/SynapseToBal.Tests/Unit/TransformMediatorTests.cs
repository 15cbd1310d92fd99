using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class TransformMediatorTests
{
    [Fact]
    public void Enrich_reads_source_and_target()
    {
        var enrich = Single<EnrichMediator>("""
            <enrich>
              <source type="custom" clone="false" xpath="json-eval($.order.id)"/>
              <target type="property" property="orderId" action="replace"/>
            </enrich>
            """);
        Assert.Equal(EnrichSourceType.Custom, enrich.Source!.Type);
        Assert.False(enrich.Source.CloneSource);
        Assert.Equal(ExpressionLanguage.JsonPath, enrich.Source.XPath!.Language);
        Assert.Equal("$.order.id", enrich.Source.XPath.Text);
        Assert.Equal(EnrichTargetType.Property, enrich.Target!.Type);
        Assert.Equal(EnrichAction.Replace, enrich.Target.Action);
        Assert.Equal("orderId", enrich.Target.Property);
    }

    [Fact]
    public void Enrich_inline_source_keeps_xml_text_or_key()
    {
        var xml = Single<EnrichMediator>("""<enrich><source type="inline" clone="true"><m:ping xmlns:m="urn:m"/></source><target type="body" action="child"/></enrich>""");
        Assert.Equal(EnrichSourceType.Inline, xml.Source!.Type);
        Assert.True(xml.Source.CloneSource);
        Assert.Equal("""<m:ping xmlns:m="urn:m"/>""", InlineXml(xml.Source.Inline));
        Assert.Equal(EnrichAction.Child, xml.Target!.Action);

        var json = Single<EnrichMediator>("""<enrich><source type="inline">{"a": 1}</source><target xpath="$.b"/></enrich>""");
        Assert.Equal("""{"a": 1}""", Literal(json.Source!.Inline));
        Assert.Equal(EnrichTargetType.Custom, json.Target!.Type);

        var key = Single<EnrichMediator>("""<enrich><source type="inline" key="template"/><target type="body"/></enrich>""");
        Assert.Equal("template", key.Source!.InlineKey);
    }

    [Fact]
    public void Enrich_without_a_target_is_reported()
    {
        var enrich = Single<EnrichMediator>("""<enrich><source type="body"/></enrich>""", out var diagnostics);
        Assert.Null(enrich.Target);
        Assert.Contains(DiagnosticCatalog.MissingElement.Id, Ids(diagnostics));
    }

    [Fact]
    public void Jsontransform_without_a_schema_or_a_property_is_reported_as_the_Micro_Integrator_refuses_it()
    {
        Single<JsonTransformMediator>("""<jsontransform/>""", out var empty);
        Assert.Contains(DiagnosticCatalog.MissingElement.Id, Ids(empty));

        Single<JsonTransformMediator>("""<jsontransform schema="conf:/schema.json"/>""", out var schema);
        Assert.DoesNotContain(DiagnosticCatalog.MissingElement.Id, Ids(schema));

        Single<JsonTransformMediator>("""<jsontransform><property name="synapse.commons.json.output.autoPrimitive" value="false"/></jsontransform>""", out var property);
        Assert.DoesNotContain(DiagnosticCatalog.MissingElement.Id, Ids(property));
    }

    [Fact]
    public void Xslt_reads_key_source_target_properties_features_attributes_and_resources()
    {
        var xslt = Single<XsltMediator>("""
            <xslt key="{get-property('xsltKey')}" source="//body" target="result" useCache="true">
              <property name="p1" value="v1"/>
              <property name="p2" expression="$ctx:x"/>
              <feature name="http://ws.apache.org/ns/synapse/transform/feature/dom" value="false"/>
              <attribute name="indent" value="yes"/>
              <resource location="common.xsl" key="commonXsl"/>
            </xslt>
            """);
        Assert.True(xslt.Key!.IsDynamic);
        Assert.Equal("//body", xslt.Source!.Text);
        Assert.Equal("result", xslt.Target);
        Assert.True(xslt.UseCache);
        Assert.Equal(["p1", "p2"], xslt.Properties.Select(p => p.Name));
        Assert.Equal("$ctx:x", Expression(xslt.Properties[1].Value).Text);
        Assert.False(Assert.Single(xslt.Features).Value);
        Assert.Equal("indent", Assert.Single(xslt.Attributes).Name);
        Assert.Equal("commonXsl", Assert.Single(xslt.Resources).Key.Text);
    }

    [Fact]
    public void Fast_xslt_reads_its_key()
    {
        var fast = Single<FastXsltMediator>("""<fastXSLT key="transform.xslt"/>""");
        Assert.Equal("transform.xslt", fast.Key!.Text);
        Assert.Equal("fastXSLT", fast.ElementName);
    }

    [Fact]
    public void Xquery_reads_key_target_variables_and_data_source()
    {
        var xquery = Single<XQueryMediator>("""
            <xquery key="query.xq" target="//result">
              <variable name="payload" type="ELEMENT"/>
              <variable name="code" type="STRING" expression="//code" key="codes"/>
              <variable name="limit" type="INT" value="10"/>
              <dataSource><property name="url" value="jdbc:h2:mem"/></dataSource>
            </xquery>
            """);
        Assert.Equal("query.xq", xquery.Key!.Text);
        Assert.Equal("//result", xquery.Target!.Text);
        Assert.Equal(["payload", "code", "limit"], xquery.Variables.Select(v => v.Name));
        Assert.Null(xquery.Variables[0].Value);
        Assert.Equal("codes", xquery.Variables[1].Key);
        Assert.Equal("10", Literal(xquery.Variables[2].Value));
        Assert.Equal("url", Assert.Single(xquery.DataSource).Name);
    }

    [Fact]
    public void Script_keeps_inline_source_text()
    {
        var script = Single<ScriptMediator>("""<script language="js"><![CDATA[mc.setProperty("a", "<b/>");]]></script>""");
        Assert.Equal("js", script.Language);
        Assert.Null(script.Key);
        Assert.Equal("""mc.setProperty("a", "<b/>");""", script.Source);
    }

    [Fact]
    public void Script_from_the_registry_reads_function_includes_and_inputs()
    {
        var script = Single<ScriptMediator>("""
            <script language="js" key="conf:/scripts/stock.js" function="transform" target="variable" target-variable="out">
              <include key="conf:/scripts/util.js"/>
              <inputs><argument name="amount" type="NUMBER" expression="${payload.amount}"/></inputs>
            </script>
            """);
        Assert.Equal("conf:/scripts/stock.js", script.Key!.Text);
        Assert.Equal("transform", script.Function);
        Assert.Equal("conf:/scripts/util.js", Assert.Single(script.Includes).Text);
        Assert.Equal("variable", script.ResultTarget);
        Assert.Equal("out", script.TargetVariable);
        var input = Assert.Single(script.Inputs);
        Assert.Equal("NUMBER", input.Type);
        Assert.Equal(ExpressionLanguage.Synapse, Expression(input.Value).Language);
    }

    [Fact]
    public void Rewrite_reads_rules_conditions_and_actions()
    {
        var rewrite = Single<RewriteMediator>("""
            <rewrite inProperty="in" outProperty="out">
              <rewriterule>
                <condition><equal type="url" source="host" value="localhost"/></condition>
                <action fragment="host" value="example.com"/>
                <action type="replace" fragment="path" regex="v1" xpath="get-property('version')"/>
                <action type="remove" fragment="query"/>
              </rewriterule>
            </rewrite>
            """);
        Assert.Equal("in", rewrite.InProperty);
        Assert.Equal("out", rewrite.OutProperty);
        var rule = Assert.Single(rewrite.Rules);
        Assert.Equal("""<equal type="url" source="host" value="localhost"/>""", rule.ConditionXml);
        Assert.Equal(RewriteActionType.Set, rule.Actions[0].Type);
        Assert.Equal(UriFragment.Host, rule.Actions[0].Fragment);
        Assert.Equal("example.com", Literal(rule.Actions[0].Value));
        Assert.Equal(RewriteActionType.Replace, rule.Actions[1].Type);
        Assert.Equal("v1", rule.Actions[1].Regex);
        Assert.Equal("get-property('version')", Expression(rule.Actions[1].Value).Text);
        Assert.Equal(RewriteActionType.Remove, rule.Actions[2].Type);
        Assert.Null(rule.Actions[2].Value);
    }

    [Fact]
    public void Json_transform_reads_schema_and_properties()
    {
        var transform = Single<JsonTransformMediator>("""<jsontransform schema="conf:/schema.json"><property name="synapse.commons.json.output.autoPrimitive" value="false"/></jsontransform>""");
        Assert.Equal("conf:/schema.json", transform.Schema!.Text);
        Assert.Equal("false", Literal(Assert.Single(transform.Properties).Value));
    }

    [Fact]
    public void Datamapper_reads_its_keys_and_types()
    {
        var mapper = Single<DataMapperMediator>("""
            <datamapper config="gov:datamapper/map.dmc" inputSchema="gov:datamapper/in.json" outputSchema="gov:datamapper/out.json"
                        inputType="XML" outputType="JSON" xsltStyleSheet="gov:datamapper/map.xsl" target="variable" variable="mapped"/>
            """);
        // MicroIntegratorRegistry reads gov:x as gov:/x: the key takes the form registry artifacts are named by.
        Assert.Equal("gov:/datamapper/map.dmc", mapper.Config!.Text);
        Assert.Equal("gov:/datamapper/in.json", mapper.InputSchema!.Text);
        Assert.Equal("gov:/datamapper/out.json", mapper.OutputSchema!.Text);
        Assert.Equal("XML", mapper.InputType);
        Assert.Equal("JSON", mapper.OutputType);
        Assert.Equal("gov:/datamapper/map.xsl", mapper.XsltStyleSheet!.Text);
        Assert.Equal("variable", mapper.Target);
        Assert.Equal("mapped", mapper.TargetVariable);
    }

    [Fact]
    public void Smooks_reads_config_key_input_and_output()
    {
        var smooks = Single<SmooksMediator>("""<smooks config-key="smooks-csv"><input type="text" expression="//text"/><output type="xml" action="replace" property="p"/></smooks>""");
        Assert.Equal("smooks-csv", smooks.ConfigKey!.Text);
        Assert.Equal("text", smooks.Input!.Type);
        Assert.Equal("//text", smooks.Input.Expression!.Text);
        Assert.Equal("xml", smooks.Output!.Type);
        Assert.Equal("replace", smooks.Output.Action);
        Assert.Equal("p", smooks.Output.Property);
    }

    [Fact]
    public void Builder_reads_both_forms()
    {
        var builder = Single<BuilderMediator>("""<builder><messageBuilder contentType="application/xml" class="b.Builder" formatterClass="b.Formatter"/></builder>""");
        var messageBuilder = Assert.Single(builder.MessageBuilders);
        Assert.Equal("application/xml", messageBuilder.ContentType);
        Assert.Equal("b.Builder", messageBuilder.BuilderClass);
        Assert.Equal("b.Formatter", messageBuilder.FormatterClass);

        var direct = Single<BuilderMediator>("""<builder class="b.Builder" formatterClass="b.Formatter"/>""");
        Assert.Equal("b.Builder", direct.BuilderClass);
    }
}
