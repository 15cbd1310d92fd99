using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class ValidateRouterTransformLoweringTests
{
    private static (IReadOnlyList<StepIr> Steps, DiagnosticBag Diagnostics) Lower(string mediator)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(mediator, diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([document], null, diagnostics, _ => null), [document], diagnostics);
        return (Assert.Single(package.Functions).Body, diagnostics);
    }

    private static (PackageIr Package, DiagnosticBag Diagnostics) LowerDefinitions(string definitions)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("test.xml", $"""<definitions xmlns="http://ws.apache.org/ns/synapse">{definitions}</definitions>""", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private const string OrderSchema = """<localEntry key="order_schema"><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:orders"><xs:element name="order" type="xs:string"/></xs:schema></localEntry>""";

    [Fact]
    public void An_xsd_the_input_holds_is_written_to_resources_and_checked_with_xmldata()
    {
        var (package, diagnostics) = LowerDefinitions(OrderSchema + """<sequence name="s"><validate><schema key="order_schema"/><on-fail><drop/></on-fail></validate><log/></sequence>""");

        var body = package.Functions.Single(f => f.Summary.Contains("'s'", StringComparison.Ordinal)).Body;
        var validate = Assert.IsType<ValidateStep>(body[0]);
        Assert.Null(validate.Source);
        Assert.Null(validate.SourceText);
        Assert.IsType<AcceptStep>(Assert.Single(validate.OnFail));
        Assert.Equal("resources/order_schema.xsd", validate.Schema.FileName);
        Assert.Contains("<xs:element name=\"order\" type=\"xs:string\" />", validate.Schema.Content);
        Assert.Equal(["resources/order_schema.xsd"], package.ValidationSchemas.Select(schema => schema.FileName));
        var path = package.Configurables.Single(c => c.DefaultValue == "resources/order_schema.xsd");
        Assert.Equal(validate.Schema.Path.Hint, path.Name.Hint);
        Assert.Contains(DiagnosticCatalog.ValidationReportDiffers.Id, Ids(diagnostics));
        Assert.DoesNotContain(DiagnosticCatalog.ValidationNotTranslated.Id, Ids(diagnostics));
    }

    [Fact]
    public void An_xsd_outside_the_input_is_read_from_a_required_configurable_path_and_the_source_xpath_is_kept()
    {
        var (steps, diagnostics) = Lower("""<validate source="//m0:getQuote" xmlns:m0="http://services.samples"><schema key="conf:/schemas/quote.xsd"/><on-fail><drop/></on-fail></validate>""");

        var validate = Assert.IsType<ValidateStep>(Assert.Single(steps));
        Assert.NotNull(validate.Source);
        Assert.Equal("//m0:getQuote", validate.SourceText);
        Assert.Null(validate.Schema.FileName);
        Assert.Null(validate.Schema.Content);
        Assert.Contains(DiagnosticCatalog.ValidationReportDiffers.Id, Ids(diagnostics));
    }

    [Theory]
    [InlineData("""<validate><schema key="a"/><schema key="b"/><on-fail><drop/></on-fail></validate>""", "several schemas")]
    [InlineData("""<validate><schema key="{get-property('k')}"/><on-fail><drop/></on-fail></validate>""", "computed")]
    [InlineData("""<validate><schema key="a"/><resource location="c.xsd" key="conf:/c.xsd"/><on-fail><drop/></on-fail></validate>""", "registry resources")]
    [InlineData("""<validate><schema key="a"/><feature name="http://javax.xml.XMLConstants/feature/secure-processing" value="true"/><on-fail><drop/></on-fail></validate>""", "parser features")]
    [InlineData("""<validate json-source="true" source="//order"><schema key="conf:/validate/order.json"/><on-fail><drop/></on-fail></validate>""", "not a json-eval() JSONPath")]
    [InlineData("""<validate source="json-eval($.order)"><schema key="a"/><on-fail><drop/></on-fail></validate>""", "json-eval")]
    public void Other_validate_forms_keep_the_check_in_a_todo_saying_why(string mediator, string reason)
    {
        var (steps, diagnostics) = Lower(mediator);

        var todo = Assert.IsType<TodoStep>(steps[0]);
        Assert.Equal(DiagnosticCatalog.ValidationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message);
        Assert.IsType<UntranslatedConditionIr>(Assert.IsType<IfStep>(steps[1]).Condition);
        Assert.DoesNotContain(DiagnosticCatalog.ValidationReportDiffers.Id, Ids(diagnostics));
    }

    [Fact]
    public void A_schema_that_imports_other_documents_stays_a_todo()
    {
        var (package, diagnostics) = LowerDefinitions("""<localEntry key="x"><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="urn:c" schemaLocation="common.xsd"/></xs:schema></localEntry><sequence name="s"><validate><schema key="x"/><on-fail><drop/></on-fail></validate></sequence>""");

        Assert.Empty(package.ValidationSchemas);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.ValidationNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("imports or includes", StringComparison.Ordinal));
    }

    [Fact]
    public void Breaking_routes_nest_the_rest_in_else_and_non_breaking_routes_follow()
    {
        var (steps, diagnostics) = Lower("""
            <conditionalRouter continueAfter="true">
              <conditionalRoute breakRoute="false">
                <condition><match type="header" source="foo" regex="bar.*"/></condition>
                <target><sequence><property name="a" value="1"/></sequence></target>
              </conditionalRoute>
              <conditionalRoute>
                <condition><equal type="url" source="host" value="localhost"/></condition>
                <target><sequence><property name="b" value="2"/></sequence></target>
              </conditionalRoute>
              <conditionalRoute>
                <condition><not><equal type="property" source="p" value="x"/></not></condition>
                <target><sequence><property name="c" value="3"/></sequence></target>
              </conditionalRoute>
            </conditionalRouter>
            """);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(2, steps.Count);
        var first = Assert.IsType<IfStep>(steps[0]);
        Assert.Empty(first.Else);
        var test = Assert.IsType<UrlConditionIr.Test>(Assert.IsType<UrlConditionHoldsIr>(first.Condition).Evaluator);
        Assert.Equal(new UrlConditionIr.Test(UrlConditionSource.Header, "foo", @"bar[^\n\r\u{85}\u{2028}\u{2029}]*", true), test); // Java's . excludes line terminators
        var second = Assert.IsType<IfStep>(steps[1]);
        var third = Assert.IsType<IfStep>(Assert.Single(second.Else));
        Assert.IsType<UrlConditionIr.Not>(Assert.IsType<UrlConditionHoldsIr>(third.Condition).Evaluator);
        Assert.Empty(third.Else);
    }

    [Fact]
    public void Router_without_continueAfter_stops_the_flow_with_a_todo_in_a_sequence()
    {
        var (steps, diagnostics) = Lower("""
            <conditionalRouter>
              <conditionalRoute>
                <condition><equal type="header" source="X" value="y"/></condition>
                <target><sequence><property name="a" value="1"/></sequence></target>
              </conditionalRoute>
            </conditionalRouter>
            """);

        Assert.IsType<IfStep>(steps[0]);
        var stop = Assert.IsType<TodoStep>(steps[1]);
        Assert.Contains("continueAfter", stop.Reason.Message);
        Assert.Equal(["SB0206"], Ids(diagnostics));
    }

    [Theory]
    [InlineData("<conditionalRoute asynchronous=\"true\"><condition><equal type=\"header\" source=\"X\" value=\"y\"/></condition><target sequence=\"s\"/></conditionalRoute>", "asynchronous")]
    [InlineData("<conditionalRoute><condition><match type=\"header\" source=\"X\" regex=\"(?=y)y\"/></condition><target sequence=\"s\"/></conditionalRoute>", "regex")]
    [InlineData("<conditionalRoute><condition><equal type=\"header\" source=\"X\" value=\"y\"/></condition><target><endpoint><address uri=\"http://h/\"/></endpoint></target></conditionalRoute>", "endpoint")]
    [InlineData("<conditionalRoute><condition><equal type=\"header\" source=\"X\" value=\"y\"/></condition><target to=\"http://h/\" sequence=\"s\"/></conditionalRoute>", "To address")]
    public void Routes_that_do_not_fit_keep_the_whole_router_in_a_todo(string route, string reason)
    {
        var (steps, diagnostics) = Lower($"<conditionalRouter continueAfter=\"true\">{route}</conditionalRouter>");

        var todo = Assert.IsType<TodoStep>(Assert.Single(steps));
        Assert.Contains(reason, todo.Reason.Message);
        Assert.Contains("<conditionalRouter", todo.RawXml);
        Assert.Contains("SB0206", Ids(diagnostics));
    }

    [Fact]
    public void Validate_keeps_on_fail_as_the_branch_of_an_untranslated_check_naming_the_schemas()
    {
        var (steps, diagnostics) = Lower("""
            <validate source="//order">
              <schema key="orderSchema"/>
              <schema key="commonSchema"/>
              <on-fail><property name="failed" value="true"/></on-fail>
            </validate>
            """);

        var todo = Assert.IsType<TodoStep>(steps[0]);
        Assert.Equal(DiagnosticCatalog.ValidationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains("'orderSchema', 'commonSchema'", todo.Reason.Message);
        var check = Assert.IsType<IfStep>(steps[1]);
        var condition = Assert.IsType<UntranslatedConditionIr>(check.Condition);
        Assert.Contains("the element '//order' against the XSD 'orderSchema', 'commonSchema'", condition.Original);
        Assert.Single(check.Then);
        Assert.Empty(check.Else);
        Assert.Contains("SB0221", Ids(diagnostics));
    }

    [Fact]
    public void Validate_of_json_source_names_the_json_path_and_schema()
    {
        var (package, _) = LowerDefinitions("""
            <localEntry key="order_json"><![CDATA[{"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}}]]></localEntry>
            <sequence name="s">
            <validate json-source="true" source="json-eval($.order)">
              <schema key="order_json"/>
              <on-fail><drop/></on-fail>
            </validate>
            </sequence>
            """);

        var steps = package.Functions.Single(f => f.Summary.Contains("'s'", StringComparison.Ordinal)).Body;
        var todo = Assert.IsType<TodoStep>(steps[0]);
        Assert.Contains("'format' at #/properties/at", todo.Reason.Message);
        var condition = Assert.IsType<UntranslatedConditionIr>(Assert.IsType<IfStep>(steps[1]).Condition);
        Assert.StartsWith("validate fails: the JSON at '$.order' against the JSON schema 'order_json'", condition.Original);
        Assert.Empty(package.ValidationSchemas);
    }

    private const string QuoteJsonSchema = """
        <localEntry key="quote-json-schema"><![CDATA[{
          "$schema": "http://json-schema.org/draft-04/schema#",
          "type": "object",
          "properties": {"quote": {"type": "object", "properties": {"symbol": {"type": "string", "pattern": "^[A-Z]{1,5}$"}}, "required": ["symbol"]}},
          "required": ["quote"]
        }]]></localEntry>
        """;

    [Fact]
    public void A_json_schema_the_input_holds_is_written_to_resources_and_checked_by_the_runtime()
    {
        var (package, diagnostics) = LowerDefinitions(QuoteJsonSchema + """<sequence name="s"><validate source="json-eval($.msg)"><schema key="quote-json-schema"/><on-fail><drop/></on-fail></validate><log/></sequence>""");

        var body = package.Functions.Single(f => f.Summary.Contains("'s'", StringComparison.Ordinal)).Body;
        var validate = Assert.IsType<JsonValidateStep>(body[0]);
        Assert.Equal("$.msg", validate.Source?.Path);
        Assert.False(validate.JsonSource);
        Assert.IsType<AcceptStep>(Assert.Single(validate.OnFail));
        Assert.Equal("resources/quote-json-schema.json", validate.Schema.FileName);
        Assert.Contains("\"required\": [\"quote\"]", validate.Schema.Content);
        var path = package.Configurables.Single(c => c.DefaultValue == "resources/quote-json-schema.json");
        Assert.Equal(validate.Schema.Path.Hint, path.Name.Hint);
        Assert.Contains(DiagnosticCatalog.JsonValidationReportDiffers.Id, Ids(diagnostics));
        Assert.DoesNotContain(DiagnosticCatalog.ValidationNotTranslated.Id, Ids(diagnostics));
    }

    [Theory]
    [InlineData("""<validate><schema key="conf:/validate/order.json"/><on-fail><drop/></on-fail></validate>""", false)]
    [InlineData("""<validate json-source="true"><schema key="k"/><on-fail><drop/></on-fail></validate>""", true)]
    public void A_json_schema_outside_the_input_is_read_from_a_required_configurable_path(string mediator, bool jsonSource)
    {
        var (steps, diagnostics) = Lower(mediator);

        var validate = Assert.IsType<JsonValidateStep>(Assert.Single(steps));
        Assert.Null(validate.Source);
        Assert.Equal(jsonSource, validate.JsonSource);
        Assert.Null(validate.Schema.FileName);
        Assert.Null(validate.Schema.Content);
        Assert.Contains(DiagnosticCatalog.JsonValidationReportDiffers.Id, Ids(diagnostics));
        Assert.DoesNotContain(DiagnosticCatalog.ValidationNotTranslated.Id, Ids(diagnostics));
    }

    [Fact]
    public void Validate_with_a_dynamic_schema_key_says_the_key_is_computed()
    {
        var (steps, _) = Lower("""
            <validate>
              <schema key="{get-property('schemaProp')}"/>
              <on-fail><drop/></on-fail>
            </validate>
            """);

        var todo = Assert.IsType<TodoStep>(steps[0]);
        Assert.Contains("against the XSD computed by the key '{get-property('schemaProp')}'", todo.Reason.Message);
    }

    [Fact]
    public void Jsontransform_without_settings_generates_nothing_and_is_reported_as_not_deployable()
    {
        var (steps, diagnostics) = Lower("<jsontransform/>");

        Assert.Empty(steps);
        Assert.Equal([DiagnosticCatalog.MissingElement.Id], diagnostics.Items.Select(d => d.Id));
    }

    [Fact]
    public void Jsontransform_with_a_schema_and_properties_is_a_todo_naming_them()
    {
        var (steps, diagnostics) = Lower("""
            <jsontransform schema="conf:/s.json">
              <property name="synapse.commons.json.output.autoPrimitive" value="false"/>
            </jsontransform>
            """);

        var todo = Assert.IsType<TodoStep>(Assert.Single(steps));
        Assert.Equal(DiagnosticCatalog.JsonTransformNotTranslated, todo.Reason.Descriptor);
        Assert.Contains("synapse.commons.json.output.autoPrimitive=false", todo.Reason.Message);
        Assert.Contains("'conf:/s.json'", todo.Reason.Message);
        Assert.Contains("SB0222", Ids(diagnostics));
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData(" FALSE ", false)]
    [InlineData("no", false)]
    [InlineData(" True", true)]
    public void Jsontransform_with_auto_primitive_converts_the_body_again_with_that_typing(string value, bool primitives)
    {
        var (steps, diagnostics) = Lower($"""
            <jsontransform>
              <property name="synapse.commons.json.output.autoPrimitive" value="{value}"/>
            </jsontransform>
            """);

        var step = Assert.IsType<JsonTransformStep>(Assert.Single(steps));
        Assert.Equal(primitives, step.Primitives);
        Assert.Null(step.StringPattern);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Jsontransform_with_a_string_pattern_keeps_the_pattern_unless_auto_primitive_is_off()
    {
        var (steps, _) = Lower("""
            <jsontransform>
              <property name="synapse.commons.json.output.disableAutoPrimitive.regex" value="^[0-9]{5}$"/>
            </jsontransform>
            """);
        var step = Assert.IsType<JsonTransformStep>(Assert.Single(steps));
        Assert.True(step.Primitives);
        Assert.Equal("^[0-9]{5}$", step.StringPattern);

        var (off, _) = Lower("""
            <jsontransform>
              <property name="synapse.commons.json.output.disableAutoPrimitive.regex" value="^[0-9]{5}$"/>
              <property name="synapse.commons.json.output.autoPrimitive" value="false"/>
            </jsontransform>
            """);
        var offStep = Assert.IsType<JsonTransformStep>(Assert.Single(off));
        Assert.False(offStep.Primitives);
        Assert.Null(offStep.StringPattern);
    }

    [Fact]
    public void Jsontransform_settings_at_the_values_the_server_ships_change_nothing()
    {
        // JsonUtil.generateJSONOutputFactoryWithOveride reads each as generateJSONOutputFactory's defaults.
        var (steps, diagnostics) = Lower("""
            <jsontransform>
              <property name="synapse.commons.json.output.jsonoutAutoArray" value="TRUE"/>
              <property name="synapse.commons.json.preserve.namespace" value="false"/>
              <property name="synapse.commons.json.output.enableNSDeclarations" value=" False "/>
              <property name="synapse.commons.json.output.namespaceSepChar" value=" _"/>
              <property name="synapse.commons.enableXmlNullForEmptyElement" value="true"/>
            </jsontransform>
            """);
        var step = Assert.IsType<JsonTransformStep>(Assert.Single(steps));
        Assert.True(step.Primitives);
        Assert.Null(step.StringPattern);
        Assert.Empty(diagnostics.Items);

        var (typed, _) = Lower("""
            <jsontransform>
              <property name="synapse.commons.json.output.jsonoutAutoArray" value="true"/>
              <property name="synapse.commons.json.output.autoPrimitive" value="false"/>
            </jsontransform>
            """);
        Assert.False(Assert.IsType<JsonTransformStep>(Assert.Single(typed)).Primitives);
    }

    [Theory]
    [InlineData("""<property name="synapse.commons.json.output.disableAutoPrimitive.regex" value="(?i)^abc$"/>""")]
    [InlineData("""<property name="synapse.commons.json.output.disableAutoPrimitive.regex" value="\p{Digit}+"/>""")]
    [InlineData("""<property name="synapse.commons.json.output.autoPrimitive" expression="$ctx:x"/>""")]
    [InlineData("""<property name="synapse.commons.json.preserve.namespace" value="true"/>""")]
    [InlineData("""<property name="synapse.commons.json.output.jsonoutAutoArray" value="false"/>""")]
    [InlineData("""<property name="synapse.commons.json.output.jsonoutAutoArray" value=" true"/>""")]
    [InlineData("""<property name="synapse.commons.json.output.namespaceSepChar" value=":"/>""")]
    [InlineData("""<property name="synapse.commons.json.preserve.namespace" value="false"/><property name="synapse.commons.json.preserve.namespace" value="true"/>""")]
    [InlineData("""<property name="synapse.commons.json.output.autoPrimitive" value="false"/><property name="synapse.commons.enableXmlNilReadWrite" value="true"/>""")]
    public void Jsontransform_with_another_setting_or_a_java_only_pattern_stays_a_todo(string properties)
    {
        var (steps, diagnostics) = Lower($"<jsontransform>{properties}</jsontransform>");

        var todo = Assert.IsType<TodoStep>(Assert.Single(steps));
        Assert.Equal(DiagnosticCatalog.JsonTransformNotTranslated, todo.Reason.Descriptor);
        Assert.Contains("SB0222", Ids(diagnostics));
    }
}
