using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>datamapper (issue 10): schemas → record types, the .dmc's one-to-one assignments → a mapping function, the rest TODOs.</summary>
public sealed class DataMapperTests
{
    private const string Mediator = """<datamapper config="gov:dm/m.dmc" inputSchema="gov:dm/in.json" inputType="JSON" outputSchema="gov:dm/out.json" outputType="JSON"/>""";

    private const string InputSchema = """
        {"title": "customer", "type": "object", "required": ["id", "name", "address"],
         "properties": {
           "id": {"type": "integer"}, "name": {"type": "string"}, "nick": {"type": "string"},
           "address": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}},
           "tags": {"type": "array", "items": [{"type": "string"}]}}}
        """;

    private const string OutputSchema = """
        {"title": "contact", "type": "object", "required": ["customerId", "label"],
         "properties": {
           "customerId": {"type": "integer"}, "label": {"type": "string"}, "town": {"type": "string"}, "alias": {"type": "string"},
           "location": {"type": "object", "properties": {"city": {"type": "string"}}}}}
        """;

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string mediator, IReadOnlyDictionary<string, string> registry)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(mediator, diagnostics);
        var model = SemanticModel.Build([document], key => registry.ContainsKey(Normal(key)), diagnostics, key => registry.GetValueOrDefault(Normal(key)));
        return (Lowerer.Lower(model, [document], diagnostics), diagnostics);
    }

    private static string Normal(string key) => SynapseToBal.Project.RegistryIndex.NormalizeKey(key) ?? key;

    private static Dictionary<string, string> Registry(string script) => new()
    {
        ["gov:/dm/m.dmc"] = script,
        ["gov:/dm/in.json"] = InputSchema,
        ["gov:/dm/out.json"] = OutputSchema,
    };

    private static string Message(Microsoft.CodeAnalysis.Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void A_schema_gives_its_title_members_required_flags_items_and_namespaces()
    {
        var schema = DataMapperSchema.Parse("""
            {"title": "ord:order", "type": "object", "required": ["ord:id"],
             "properties": {"ord:id": {"type": "string"}, "ord:lines": {"type": "array", "items": [{"type": "object", "properties": {"sku": {"type": "string"}}}]}},
             "attributes": {"currency": {"type": "string"}},
             "namespaces": [{"prefix": "ord", "url": "urn:orders"}]}
            """, out var error);

        Assert.Null(error);
        Assert.NotNull(schema);
        Assert.Equal("ord:order", schema.Name);
        Assert.Equal(["ord:id", "ord:lines"], schema.Properties.Select(p => p.Name));
        Assert.True(schema.Properties[0].Required);
        Assert.False(schema.Properties[1].Required);
        Assert.Equal("object", schema.Properties[1].Items!.Type);
        Assert.Equal("currency", Assert.Single(schema.Attributes).Name);
        Assert.Equal("urn:orders", schema.Namespaces["ord"]);
    }

    [Theory]
    [InlineData("""{"type": "object"}""", "it has no title")]
    [InlineData("""{"title": """, "it is not JSON")]
    public void A_schema_without_a_title_or_not_json_says_why(string text, string reason)
    {
        Assert.Null(DataMapperSchema.Parse(text, out var error));
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_splits_into_its_statements_with_blocks_whole()
    {
        var script = DataMapperScript.Parse("""
            map_S_a_S_b = function(){
            var outputb={};
            // a comment; with a semicolon
            outputb.x = inputa.y.concat(";", inputa.z);
            for(i in inputa.items){
            outputb.list[i] = {};
            }
            return outputb;
            };
            """, out var error);

        Assert.Null(error);
        Assert.NotNull(script);
        Assert.Equal("map_S_a_S_b", script.FunctionName);
        Assert.Equal(4, script.Statements.Length);
        Assert.Equal("var outputb={}", script.Statements[0]);
        Assert.Equal("outputb.x = inputa.y.concat(\";\", inputa.z)", script.Statements[1]);
        Assert.StartsWith("for(i in inputa.items){", script.Statements[2], StringComparison.Ordinal);
        Assert.EndsWith("}", script.Statements[2], StringComparison.Ordinal);
        Assert.Equal("return outputb", script.Statements[3]);
    }

    [Fact]
    public void A_script_of_the_function_declaration_form_is_read()
    {
        var script = DataMapperScript.Parse("function map_S_company_S_company( ){\nvar outputcompany={};\nreturn outputcompany;\n}", out _);
        Assert.Equal("map_S_company_S_company", script!.FunctionName);
        Assert.Equal(["var outputcompany={}", "return outputcompany"], script.Statements.ToArray());
        Assert.Null(DataMapperScript.Parse("var x = 1;", out var error));
        Assert.Contains("no map_S_", error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_to_one_assignments_are_read_from_the_input_and_the_rest_fail_with_a_todo()
    {
        var (package, diagnostics) = Lower(Mediator, Registry("""
            map_S_customer_S_contact = function(){
            var outputcontact={};
            outputcontact.customerId = inputcustomer.id;
            outputcontact.label = inputcustomer.name.toUpperCase();
            outputcontact.alias = inputcustomer.nick;
            outputcontact.location = {};
            outputcontact.location.city = inputcustomer.address.city;
            var unused = 1;
            return outputcontact;
            };
            """));

        var step = Assert.IsType<DataMapperStep>(Assert.Single(package.Functions).Body[0]);
        var mapping = Assert.Single(package.DataMappings);
        Assert.Same(mapping, step.Mapping);
        Assert.Equal(DataFormat.Json, mapping.InputFormat);
        Assert.Equal(["customer", "address", "contact", "location"], mapping.Records.Select(r => r.SchemaName));

        var customer = mapping.Records[0];
        Assert.Equal(["id", "name", "nick", "address", "tags"], customer.Fields.Select(f => f.Name));
        Assert.Equal([false, false, true, false, true], customer.Fields.Select(f => f.Optional));
        Assert.Equal(new MappedTypeIr.ArrayOf(new MappedTypeIr.Primitive("string")), customer.Fields[4].Type);

        var entries = mapping.Body.Entries;
        Assert.Equal(["customerId", "label", "alias", "location"], entries.Select(e => e.Field));
        Assert.Equal(["id"], Assert.IsType<MappedValueIr.FromInput>(entries[0].Value).Path.ToArray());
        Assert.Equal("outputcontact.label = inputcustomer.name.toUpperCase()", Assert.IsType<MappedValueIr.NotTranslated>(entries[1].Value).Statement);
        Assert.Equal(["outputcontact.label = inputcustomer.name.toUpperCase()"], entries[1].Todos.ToArray());
        var alias = Assert.IsType<MappedValueIr.FromInput>(entries[2].Value);
        Assert.Equal(["nick"], alias.Path.ToArray());
        Assert.Equal(0, alias.FirstOptional);
        var location = Assert.IsType<MappedValueIr.Construct>(entries[3].Value);
        Assert.Equal(["address", "city"], Assert.IsType<MappedValueIr.FromInput>(Assert.Single(location.Entries).Value).Path.ToArray());
        Assert.Equal(["var unused = 1"], mapping.Statements.ToArray());

        var messages = diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.DataMapperStatementNotTranslated.Id).Select(Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("the assignment of the output field 'label' is not translated (a function call)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("the statement 'var unused = 1' is not translated (a variable)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_optional_input_field_is_copied_when_present_only_into_an_optional_output_field()
    {
        var (package, diagnostics) = Lower(Mediator, Registry("""
            map_S_customer_S_contact = function(){
            var outputcontact={};
            outputcontact.customerId = inputcustomer.id;
            outputcontact.label = inputcustomer.nick;
            outputcontact.alias = inputcustomer.nick;
            outputcontact.town = inputcustomer.address.city;
            return outputcontact;
            };
            """));

        var entries = Assert.Single(package.DataMappings).Body.Entries;
        Assert.Equal(["customerId", "label", "town", "alias"], entries.Select(e => e.Field));
        Assert.Equal(-1, Assert.IsType<MappedValueIr.FromInput>(entries.Single(e => e.Field == "customerId").Value).FirstOptional);
        Assert.Equal(-1, Assert.IsType<MappedValueIr.FromInput>(entries.Single(e => e.Field == "town").Value).FirstOptional);
        Assert.Equal(0, Assert.IsType<MappedValueIr.FromInput>(entries.Single(e => e.Field == "alias").Value).FirstOptional);
        Assert.IsType<MappedValueIr.NotTranslated>(entries.Single(e => e.Field == "label").Value);
        var message = Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0257"));
        Assert.Contains("the input field 'nick' is optional and the output field 'label' is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_xml_element_copied_before_an_element_always_written_stays_a_todo()
    {
        const string xmlOut = """<datamapper config="gov:dm/m.dmc" inputSchema="gov:dm/in.json" inputType="JSON" outputSchema="gov:dm/out.json" outputType="XML"/>""";
        var registry = Registry("map_S_customer_S_ship = function(){ var outputship={}; outputship.attr_nick = inputcustomer.nick; outputship.alias = inputcustomer.nick; outputship.name = inputcustomer.name; outputship.last = inputcustomer.nick; return outputship; };");
        registry["gov:/dm/out.json"] = """
            {"title": "ship", "type": "object", "required": ["name"], "attributes": {"nick": {"type": "string"}},
             "properties": {"alias": {"type": "string"}, "name": {"type": "string"}, "last": {"type": "string"}}}
            """;
        var (package, diagnostics) = Lower(xmlOut, registry);

        var entries = Assert.Single(package.DataMappings).Body.Entries;
        Assert.Equal(["nick", "alias", "name", "last"], entries.Select(e => e.Field));
        Assert.Equal(0, Assert.IsType<MappedValueIr.FromInput>(entries[0].Value).FirstOptional);
        var alias = Assert.IsType<MappedValueIr.NotTranslated>(entries[1].Value);
        Assert.Equal("outputship.alias = inputcustomer.nick", alias.Statement);
        Assert.Equal(["outputship.alias = inputcustomer.nick"], entries[1].Todos.ToArray());
        Assert.Equal(0, Assert.IsType<MappedValueIr.FromInput>(entries[3].Value).FirstOptional);
        Assert.Contains("would change the order of the XML elements", Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0257")), StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_of_strings_the_input_always_has_and_literals_is_joined()
    {
        var (package, diagnostics) = Lower(Mediator, Registry("""
            map_S_customer_S_contact = function(){
            var outputcontact={};
            outputcontact.customerId = inputcustomer.id;
            outputcontact.label = inputcustomer.name.concat(' (', inputcustomer.address.city, ")");
            outputcontact.alias = inputcustomer.name.concat(' ', inputcustomer.nick);
            outputcontact.town = inputcustomer.name.concat('it\'s');
            return outputcontact;
            };
            """));

        var entries = Assert.Single(package.DataMappings).Body.Entries;
        var label = Assert.IsType<MappedValueIr.Concat>(entries.Single(e => e.Field == "label").Value);
        Assert.Equal(4, label.Parts.Length);
        Assert.Equal(["name"], Assert.IsType<MappedValueIr.FromInput>(label.Parts[0]).Path.ToArray());
        Assert.Equal(" (", Assert.IsType<MappedValueIr.Text>(label.Parts[1]).Value);
        Assert.Equal(["address", "city"], Assert.IsType<MappedValueIr.FromInput>(label.Parts[2]).Path.ToArray());
        Assert.Equal(")", Assert.IsType<MappedValueIr.Text>(label.Parts[3]).Value);
        Assert.IsType<MappedValueIr.NotTranslated>(entries.Single(e => e.Field == "alias").Value);
        Assert.IsType<MappedValueIr.NotTranslated>(entries.Single(e => e.Field == "town").Value);
        Assert.Equal(2, diagnostics.Items.Count(d => d.Id == "SB0257"));
    }

    [Theory]
    [InlineData("a.b.concat(a.c, 'x', \"y\")", 4)]
    [InlineData("a.b.concat(' (', a.c, ')')", 4)]
    [InlineData("a.b.concat()", -1)]
    [InlineData("a.b.concat(a.c.trim())", -1)]
    [InlineData("a.b.concat(1)", -1)]
    [InlineData("a.concat('x')", -1)]
    [InlineData("a.b.concat('x').concat('y')", -1)]
    public void A_concat_call_gives_its_operands(string value, int operands)
    {
        var result = DataMapperScript.Concatenation(value);
        Assert.Equal(operands, result?.Length ?? -1);
    }

    [Fact]
    public void A_required_output_field_no_statement_assigns_fails_at_run_time()
    {
        var (package, diagnostics) = Lower(Mediator, Registry("map_S_customer_S_contact = function(){ var outputcontact={}; outputcontact.customerId = inputcustomer.id; return outputcontact; };"));

        var label = Assert.Single(Assert.Single(package.DataMappings).Body.Entries, e => e.Field == "label");
        Assert.IsType<MappedValueIr.NotTranslated>(label.Value);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0257" && Message(d).Contains("the required output field 'label'", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_mediators_of_one_mapping_share_its_declaration()
    {
        var (package, _) = Lower(Mediator + Mediator, Registry("map_S_customer_S_contact = function(){ var outputcontact={}; outputcontact.customerId = inputcustomer.id; outputcontact.label = inputcustomer.name; return outputcontact; };"));

        var mapping = Assert.Single(package.DataMappings);
        Assert.All(Assert.Single(package.Functions).Body.Take(2), s => Assert.Same(mapping, Assert.IsType<DataMapperStep>(s).Mapping));
    }

    [Fact]
    public void Missing_resources_stay_a_todo_naming_each_missing_key()
    {
        var registry = Registry("map_S_customer_S_contact = function(){ return outputcontact; };");
        registry.Remove("gov:/dm/in.json");
        registry.Remove("gov:/dm/m.dmc");
        var (package, diagnostics) = Lower(Mediator, registry);

        var todo = Assert.IsType<TodoStep>(Assert.Single(package.Functions).Body[0]);
        Assert.Same(DiagnosticCatalog.DataMapperNotTranslated, todo.Reason.Descriptor);
        Assert.EndsWith("the input does not hold the mapping configuration 'gov:/dm/m.dmc', the input schema 'gov:/dm/in.json'", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Single(diagnostics.Items, d => d.Id == "SB0258");
        Assert.Empty(package.DataMappings);
    }

    [Theory]
    [InlineData("""<datamapper config="gov:dm/m.dmc" inputSchema="gov:dm/in.json" inputType="CSV" outputSchema="gov:dm/out.json" outputType="JSON"/>""", "not both JSON or XML")]
    [InlineData("""<datamapper config="gov:dm/m.dmc" inputSchema="gov:dm/in.json" inputType="JSON" outputSchema="gov:dm/out.json" outputType="JSON" target="variable" variable="mapped"/>""", "stores the result in the variable 'mapped'")]
    [InlineData("""<datamapper config="{get-property('map')}" inputSchema="gov:dm/in.json" inputType="JSON" outputSchema="gov:dm/out.json" outputType="JSON"/>""", "is computed at run time")]
    public void Forms_that_are_not_translated_say_why(string mediator, string reason)
    {
        var (package, _) = Lower(mediator, Registry("map_S_customer_S_contact = function(){ return outputcontact; };"));

        var todo = Assert.IsType<TodoStep>(Assert.Single(package.Functions).Body[0]);
        Assert.Same(DiagnosticCatalog.DataMapperNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_names_keep_their_namespace_attributes_and_text()
    {
        const string xmlMediator = """<datamapper config="gov:dm/m.dmc" inputSchema="gov:dm/in.json" inputType="XML" outputSchema="gov:dm/out.json" outputType="XML"/>""";
        var registry = new Dictionary<string, string>
        {
            ["gov:/dm/m.dmc"] = "map_S_ord_order_S_ship = function(){ var outputship={}; outputship.to = {}; outputship.to._ELEMVAL = inputord_order.ord_name; outputship.to.attr_ref = inputord_order.attr_id; return outputship; };",
            ["gov:/dm/in.json"] = """{"title": "ord:order", "type": "object", "required": ["ord:name", "id"], "properties": {"ord:name": {"type": "string"}}, "attributes": {"id": {"type": "string"}}, "namespaces": [{"prefix": "ord", "url": "urn:o"}]}""",
            ["gov:/dm/out.json"] = """{"title": "ship", "type": "object", "required": ["to"], "properties": {"to": {"type": "object", "value": {"type": "string"}, "attributes": {"ref": {"type": "string"}}}}}""",
        };
        var (package, diagnostics) = Lower(xmlMediator, registry);

        var mapping = Assert.Single(package.DataMappings);
        var order = mapping.Records[0];
        Assert.Equal("order", order.XmlName);
        Assert.Equal(new MappedNamespaceIr("ord", "urn:o"), order.Namespace);
        Assert.Equal(["id", "name"], order.Fields.Select(f => f.Name));
        Assert.True(order.Fields[0].Attribute);
        Assert.Equal(new MappedNamespaceIr("ord", "urn:o"), order.Fields[1].Namespace);
        var to = mapping.Records.Single(r => r.SchemaName == "to");
        Assert.Equal(["ref", "#content"], to.Fields.Select(f => f.Name));
        Assert.True(to.Fields[1].Text);
        var toValue = Assert.IsType<MappedValueIr.Construct>(Assert.Single(mapping.Body.Entries).Value);
        Assert.Equal(["ref", "#content"], toValue.Entries.Select(e => e.Field));
        Assert.All(toValue.Entries, e => Assert.IsType<MappedValueIr.FromInput>(e.Value));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0257");
    }
}
