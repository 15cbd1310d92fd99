using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The typed <c>Properties</c> record of the default-scope properties that stay in the context (issue 14, docs/design.md
/// "Properties that escape: a typed Properties record"): which properties get a typed field, and why the others do not.
/// </summary>
public sealed class PropertyRecordTests
{
    private const string Head = """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST" uri-template="/{id}"><inSequence>""";
    private const string Tail = """<sequence key="Audit"/><respond/></inSequence></resource></api>""";

    /// <summary>A sequence that reads the properties by name: what the resource sets escapes into the context.</summary>
    private static string Audit(params string[] properties) =>
        """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Audit"><log level="custom">"""
        + string.Concat(properties.Select((p, i) => $"""<property name="p{i}" expression="get-property('{p}')"/>"""))
        + "</log></sequence>";

    [Fact]
    public void A_property_every_write_of_which_sets_one_type_is_a_typed_field()
    {
        var files = Convert(Head + """
            <property name="orderId" expression="json-eval($.id)"/>
            <property name="quantity" expression="json-eval($.qty)" type="INTEGER"/>
            <property name="express" value="true" type="BOOLEAN"/>
            <property name="discount" value="0.5" type="DOUBLE"/>
            """ + Tail, Audit("orderId", "quantity", "express", "discount"));
        var record = files["properties.bal"];
        Assert.Contains("public type Properties record {|", record);
        Assert.Contains("    string orderId?;", record);
        Assert.Contains("    int quantity?;", record);
        Assert.Contains("    boolean express?;", record);
        Assert.Contains("    float discount?;", record);
        Assert.Contains("    anydata...;", record);
        Assert.Contains("\n    Properties properties = {};\n", files["types.bal"]);
        Assert.DoesNotContain("map<anydata> properties", files["types.bal"]);
        // The two JSON paths share one read of the payload (StatementWriter's shared reads).
        // Inside the do whose on fail runs the default fault sequence (the project defines no 'fault').
        Assert.Contains("json body = check jsonPayload(ctx);\n            ctx.properties.orderId = check jsonEvalIn(body, \"$.id\");", files["main.bal"]);
        Assert.Contains("ctx.properties.quantity = check propertyInteger(check jsonEvalIn(body, \"$.qty\"));", files["main.bal"]);
        Assert.Contains("ctx.properties.express = true;", files["main.bal"]);
        Assert.Contains("ctx.properties.discount = 0.5;", files["main.bal"]);
        Assert.Contains("valueText(ctx.properties.orderId, \"null\")", files["functions.bal"]);
        Assert.Contains("valueText(ctx.properties.quantity, \"null\")", files["functions.bal"]);
        Assert.DoesNotContain("ctx.properties[", files["main.bal"]);
        Assert.DoesNotContain("getProperty(", files["functions.bal"]);
    }

    [Fact]
    public void A_package_without_a_typed_property_keeps_the_map_and_the_runtime_types()
    {
        var files = Convert(Head + """<property name="a" value="1"/><property name="a" value="2" type="INTEGER"/>""" + Tail, Audit("a"));
        Assert.False(files.ContainsKey("properties.bal"));
        Assert.Contains("map<anydata> properties = {};", files["types.bal"]);
        Assert.DoesNotContain("Properties properties", files["types.bal"]);
        Assert.Contains("ctx.properties[\"a\"] = \"1\";", files["main.bal"]);
        Assert.Contains("ctx.properties[\"a\"] = 2;", files["main.bal"]);
    }

    [Fact]
    public void A_name_the_runtime_or_synapse_write_by_name_is_never_a_field()
    {
        var files = Convert(Head + """<property name="ERROR_MESSAGE" value="x"/><property name="uri.var.extra" value="y"/><property name="mine" value="z"/>""" + Tail,
            Audit("ERROR_MESSAGE", "uri.var.extra", "mine"));
        Assert.Contains("string mine?;", files["properties.bal"]);
        Assert.DoesNotContain("ERROR_MESSAGE", files["properties.bal"]);
        Assert.DoesNotContain("uri", files["properties.bal"]);
        Assert.Contains("ctx.properties[\"ERROR_MESSAGE\"] = \"x\";", files["main.bal"]);
    }

    [Fact]
    public void A_computed_property_name_written_anywhere_keeps_every_property_in_the_map()
    {
        var files = Convert(Head + """<property name="mine" value="z"/>""" + Tail, Audit("mine"),
            """<api xmlns="http://ws.apache.org/ns/synapse" name="B" context="/b"><resource methods="PUT"><inSequence><property name="{json-eval($.k)}" value="1"/><respond/></inSequence></resource></api>""");
        Assert.False(files.ContainsKey("properties.bal"));
        Assert.Contains("ctx.properties[\"mine\"] = \"z\";", files["main.bal"]);
    }

    [Fact]
    public void A_class_or_script_mediator_anywhere_keeps_every_property_in_the_map()
    {
        var files = Convert(Head + """<property name="mine" value="z"/>""" + Tail, Audit("mine"),
            """<api xmlns="http://ws.apache.org/ns/synapse" name="B" context="/b"><resource methods="PUT"><inSequence><class name="com.example.Stamp"/><respond/></inSequence></resource></api>""");
        Assert.False(files.ContainsKey("properties.bal"));
        Assert.Contains("SB0231", string.Concat(files.Values));
    }

    [Fact]
    public void A_computed_property_name_read_sees_the_typed_fields_and_keeps_the_record()
    {
        var files = Convert(Head + """<property name="mine" value="3" type="INTEGER"/>""" + Tail,
            """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Audit"><log level="custom"><property name="v" expression="get-property('mine')"/><property name="w" expression="get-property(json-eval($.which))"/></log></sequence>""");
        Assert.Contains("int mine?;", files["properties.bal"]);
        Assert.Contains("ctx.properties.mine = 3;", files["main.bal"]);
    }

    [Fact]
    public void A_property_written_with_two_types_stays_in_the_rest()
    {
        var files = Convert(Head + """<property name="p" value="1" type="INTEGER"/><property name="q" value="x"/>""" + Tail, Audit("p", "q"),
            """<api xmlns="http://ws.apache.org/ns/synapse" name="B" context="/b"><resource methods="PUT"><inSequence><property name="p" value="one"/><sequence key="Audit"/><respond/></inSequence></resource></api>""");
        Assert.DoesNotContain(" p?;", files["properties.bal"]);
        Assert.Contains("string q?;", files["properties.bal"]);
        Assert.Contains("ctx.properties[\"p\"] = 1;", files["main.bal"]);
        Assert.Contains("ctx.properties[\"p\"] = \"one\";", files["main.bal"]);
    }

    [Fact]
    public void A_property_a_runtime_helper_writes_or_that_is_removed_stays_in_the_rest()
    {
        var files = Convert(Head + """
            <property name="kept" value="k"/>
            <property name="enriched" value="e"/>
            <enrich><source type="body"/><target type="property" property="enriched"/></enrich>
            <property name="removed" value="r"/>
            <property name="removed" action="remove"/>
            <property name="xmlValue" type="OM"><a/></property>
            """ + Tail, Audit("kept", "enriched", "removed", "xmlValue"));
        var record = files["properties.bal"];
        Assert.Contains("string kept?;", record);
        Assert.DoesNotContain("enriched", record);
        Assert.DoesNotContain("removed", record);
        Assert.DoesNotContain("xmlValue", record);
    }

    [Fact]
    public void A_name_in_the_original_xml_of_a_todo_stays_in_the_rest()
    {
        // A mediator left as a TODO may do anything with the properties its XML names, once a developer writes it.
        var files = Convert(Head + """<property name="kept" value="k"/><property name="named" value="n"/>""" + Tail, Audit("kept", "named"),
            """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Later"><unknownThing source="named"/></sequence>""");
        Assert.Contains("TODO(SB0201)", files["functions.bal"]);
        Assert.Contains("string kept?;", files["properties.bal"]);
        Assert.DoesNotContain("named", files["properties.bal"]);
    }

    [Fact]
    public void A_property_every_body_keeps_as_a_typed_local_needs_no_field()
    {
        var files = Convert("""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><property name="sku" value="x"/><log level="custom"><property name="s" expression="$ctx:sku"/></log><respond/></inSequence></resource></api>""");
        Assert.Contains("string sku = \"x\";", files["main.bal"]);
        Assert.False(files.ContainsKey("properties.bal"));
    }

    [Fact]
    public void Field_names_are_the_property_names_escaped_never_changed()
    {
        var files = Convert(Head + """
            <property name="type" value="a"/>
            <property name="order.source" value="b"/>
            <property name="1st-choice" value="c"/>
            <property name="größe" value="d"/>
            <property name="_" value="e"/>
            <property name="say &quot;hi&quot;" value="f"/>
            """ + Tail, Audit("type", "order.source", "1st-choice", "größe", "_", "say &quot;hi&quot;"));
        var record = files["properties.bal"];
        Assert.Contains("    string 'type?;", record);
        Assert.Contains("    string order\\.source?;", record);
        Assert.Contains("    string '1st\\-choice?;", record);
        Assert.Contains("    string gr\\u{F6}\\u{DF}e?;", record);
        Assert.Contains("    string say\\u{20}\\\"hi\\\"?;", record);
        // `_` cannot be a field name: it stays in the rest, written by name.
        Assert.DoesNotContain(" _?;", record);
        Assert.Contains("ctx.properties[\"_\"] = \"e\";", files["main.bal"]);
        Assert.Contains("ctx.properties.'type = \"a\";", files["main.bal"]);
        Assert.Contains("ctx.properties.order\\.source = \"b\";", files["main.bal"]);
        Assert.Contains("valueText(ctx.properties.'1st\\-choice, \"null\")", files["functions.bal"]);
        // The documentation line names the property as written (a comment: nothing to escape but line breaks).
        Assert.Contains("# The property \"order.source\": every write sets a string.", record);
    }

    [Fact]
    public void A_generated_symbol_never_takes_the_record_name()
    {
        var files = Convert(Head + """<property name="mine" value="z"/>""" + Tail, Audit("mine"),
            """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Properties"><log/></sequence>""");
        Assert.Contains("public type Properties record {|", files["properties.bal"]);
        Assert.DoesNotContain("function Properties(", string.Concat(files.Values));
    }

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);
}
