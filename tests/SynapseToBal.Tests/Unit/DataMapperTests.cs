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
    public void The_mi_4_4_map_function_is_read_as_the_assignments_of_its_object_literal()
    {
        var script = DataMapperScript.Parse("""
            (() => {
            function mapFunction(input) {
                return {
                    patient: { name: input.name, "first-name": input.first, },
                    doctor: "Dr. " + input.doctor, // a comment, with a comma
                    fee: Math.max(input.a, input.b)
                };
            }
            exports.mapFunction = mapFunction;
            })();
            function mapFunction(input) {
                return DataMapper.mapFunction(input);
            }
            function map_S_root_S_root() {
                return mapFunction(inputroot);
            }
            """, out var error);

        Assert.Null(error);
        Assert.NotNull(script);
        Assert.Equal("map_S_root_S_root", script.FunctionName);
        Assert.Equal("input", script.InputVariable);
        Assert.Equal("inputroot", script.CalledWith);
        Assert.Equal(
            ["var output = {}", "output.patient = {}", "output.patient.name = input.name", "output.patient.first_EnC0DeCHaRHyPh3n_name = input.first",
             "output.doctor = \"Dr. \" + input.doctor", "output.fee = Math.max(input.a, input.b)", "return output"],
            script.Statements.ToArray());
    }

    [Theory]
    [InlineData("function mapFunction(input) { const a = input.a; return { a: a }; }", "not one return of an object literal")]
    [InlineData("function mapFunction(input) { return { a }; }", "is not of the form name: value")]
    [InlineData("function mapFunction(input) { return { ...input }; }", "is not of the form name: value")]
    [InlineData("function mapFunction(input) { return DataMapper.mapFunction(input); }", "holds no mapFunction that returns an object literal")]
    [InlineData("function mapFunction(input: Root): Out { return { a: input.a }; } function mapFunction(input) { return { b: 1 }; }", "more than one mapFunction")]
    public void A_map_function_of_another_form_says_why(string text, string reason)
    {
        Assert.Null(DataMapperScript.Parse(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typescript_map_function_without_a_map_s_function_is_called_with_the_input()
    {
        var script = DataMapperScript.Parse("export function mapFunction(input: Root): OutputRoot {\n    return {\n        a: input.b\n    }\n}\n", out var error);
        Assert.Null(error);
        Assert.Equal("mapFunction", script!.FunctionName);
        Assert.Null(script.CalledWith);
        Assert.Equal(["var output = {}", "output.a = input.b", "return output"], script.Statements.ToArray());
    }

    [Fact]
    public void One_to_one_assignments_are_read_from_the_input_and_the_rest_fail_with_a_todo()
    {
        var (package, diagnostics) = Lower(Mediator, Registry("""
            map_S_customer_S_contact = function(){
            var outputcontact={};
            outputcontact.customerId = inputcustomer.id;
            outputcontact.label = inputcustomer.name.charAt(0);
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
        Assert.Equal("outputcontact.label = inputcustomer.name.charAt(0)", Assert.IsType<MappedValueIr.NotTranslated>(entries[1].Value).Statement);
        Assert.Equal(["outputcontact.label = inputcustomer.name.charAt(0)"], entries[1].Todos.ToArray());
        var alias = Assert.IsType<MappedValueIr.FromInput>(entries[2].Value);
        Assert.Equal(["nick"], alias.Path.ToArray());
        Assert.Equal(0, alias.FirstOptional);
        var location = Assert.IsType<MappedValueIr.Construct>(entries[3].Value);
        Assert.Equal(["address", "city"], Assert.IsType<MappedValueIr.FromInput>(Assert.Single(location.Entries).Value).Path.ToArray());
        Assert.Equal(["var unused = 1"], mapping.Statements.ToArray());

        var messages = diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.DataMapperStatementNotTranslated.Id).Select(Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("the assignment of the output field 'label' is not translated (the method 'charAt')", StringComparison.Ordinal));
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
    [InlineData("input.items.map(item => { return { a: item.b }; })", "input.items", "item", "{ a: item.b }")]
    [InlineData("input.items.map((item) => ({ a: item.b }))", "input.items", "item", "{ a: item.b }")]
    [InlineData("input.items.map((item: Item) => { return item.b; })", "input.items", "item", "item.b")]
    [InlineData("input.a.items.map(function (x) { return { a: x.b }; })", "input.a.items", "x", "{ a: x.b }")]
    [InlineData("input.items.map(item => item.b.trim())", "input.items", "item", "item.b.trim()")]
    public void A_map_call_gives_its_source_parameter_and_element(string value, string source, string parameter, string element)
    {
        Assert.Equal((source, parameter, element), DataMapperScript.MapCall(value));
    }

    [Theory]
    [InlineData("input.items.map((item, i) => item.b)")]
    [InlineData("input.items.map(item => { const x = item.b; return x; })")]
    [InlineData("input.items.map(item => item.b).join(',')")]
    [InlineData("input.items.filter(item => item.b)")]
    [InlineData("input[\"items\"].map(item => item.b)")]
    public void A_call_of_another_form_is_no_map_call(string value)
    {
        Assert.Null(DataMapperScript.MapCall(value));
    }

    [Theory]
    [InlineData("item.b + item", "input.xs[i]", "input.xs[i].b + input.xs[i]")]
    [InlineData("x.item + 'item' + \"item\"", "y", "x.item + 'item' + \"item\"")]
    [InlineData("`item ${item.a} ${ item }`", "y", "`item ${y.a} ${ y }`")]
    [InlineData("items + item2 + item_ + $item", "y", "items + item2 + item_ + $item")]
    public void Substitute_replaces_the_variable_only(string expression, string by, string expected)
    {
        Assert.Equal(expected, DataMapperScript.Substitute(expression, "item", by));
    }

    [Fact]
    public void A_map_call_of_the_mi_4_4_tooling_is_read_as_the_loop_of_the_generated_form()
    {
        var script = DataMapperScript.Parse("""
            export function mapFunction(input: Root): OutputRoot {
                return {
                    items: input.items.map(item => {
                        return { id: item.productId, label: `#${item.name}` };
                    }),
                    names: input.items.map((item) => (item.name))
                };
            }
            """, out var error);

        Assert.Null(error);
        Assert.Equal(
            ["var output = {}", "output.items = []", "var count_map1 = 0",
             "for (i_map1 in input.items) {\noutput.items[count_map1] = {};\noutput.items[count_map1].id = input.items[i_map1].productId;\noutput.items[count_map1].label = `#${input.items[i_map1].name}`;\ncount_map1++;\n}",
             "output.names = []", "var count_map2 = 0",
             "for (i_map2 in input.items) {\noutput.names[count_map2] = input.items[i_map2].name;\ncount_map2++;\n}", "return output"],
            script!.Statements.ToArray());
        Assert.Equal("output.items = input.items.map(item => {\n            return { id: item.productId, label: `#${item.name}` };\n        })", script.MapForms[script.Statements[3]]);
        Assert.Equal(2, script.MapForms.Count);
    }

    [Theory]
    [InlineData("`${a.b} ${a.c}`", "Binary { Operator = +, Left = Binary { Operator = +, Left = Read { Root = a, Path = b }, Right = Text { Value =   } }, Right = Read { Root = a, Path = c } }")]
    [InlineData("`${a.b}${a.c}`", "Binary { Operator = +, Left = Binary { Operator = +, Left = Text { Value =  }, Right = Read { Root = a, Path = b } }, Right = Read { Root = a, Path = c } }")]
    [InlineData("`x${a.b}`", "Binary { Operator = +, Left = Text { Value = x }, Right = Read { Root = a, Path = b } }")]
    [InlineData("`text`", "Text { Value = text }")]
    [InlineData("``", "Text { Value =  }")]
    public void A_template_literal_is_the_sum_of_its_parts(string text, string expected)
    {
        var value = DataMapperScript.Expression(text, out var error);
        Assert.Null(error);
        Assert.Equal(expected, Describe(value!));
    }

    [Theory]
    [InlineData("`a\\nb`", "escape")]
    [InlineData("`${a.b`", "not closed")]
    [InlineData("`${a.b} x", "not closed")]
    public void A_template_literal_of_another_form_says_why(string text, string reason)
    {
        Assert.Null(DataMapperScript.Expression(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static string Describe(ScriptValue value) => value switch
    {
        ScriptValue.Binary b => $"Binary {{ Operator = {b.Operator}, Left = {Describe(b.Left)}, Right = {Describe(b.Right)} }}",
        ScriptValue.Read r => $"Read {{ Root = {r.Root}, Path = {string.Join('.', r.Path)} }}",
        ScriptValue.Text t => $"Text {{ Value = {t.Value} }}",
        _ => value.ToString(),
    };

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

    private const string LoopInputSchema = """
        {"title": "orders", "type": "object", "required": ["shop", "order", "rate"],
         "properties": {
           "shop": {"type": "string"}, "note": {"type": "string"}, "rate": {"type": "number"},
           "order": {"type": "array", "items": [{"type": "object", "required": ["id", "qty", "price"],
             "properties": {"id": {"type": "string"}, "qty": {"type": "integer"}, "price": {"type": "number"}, "ref": {"type": "string"}}}]},
           "codes": {"type": "array", "items": [{"type": "string"}]}}}
        """;

    private const string LoopOutputSchema = """
        {"title": "lines", "type": "object", "required": ["line"],
         "properties": {
           "line": {"type": "array", "items": [{"type": "object", "required": ["sku"],
             "properties": {"sku": {"type": "string"}, "count": {"type": "integer"}, "ref": {"type": "string"}, "amount": {"type": "number"}, "label": {"type": "string"}}}]},
           "codes": {"type": "array", "items": [{"type": "string"}]},
           "shop": {"type": "string"}, "total": {"type": "integer"}, "rate": {"type": "number"}}}
        """;

    private static Dictionary<string, string> LoopRegistry(string body) => new()
    {
        ["gov:/dm/m.dmc"] = "map_S_orders_S_lines = function(){\nvar outputlines={};\n" + body + "\nreturn outputlines;\n};",
        ["gov:/dm/in.json"] = LoopInputSchema,
        ["gov:/dm/out.json"] = LoopOutputSchema,
    };

    private const string Loop = """
        var count_i_order = 0;
        outputlines = {};
        outputlines.line = [];
        for(i_order in inputorders.order){
        outputlines.line[count_i_order] = {};
        outputlines.line[count_i_order].sku = inputorders.order[i_order].id.toString().toUpperCase();
        outputlines.line[count_i_order].count = inputorders.order[i_order].qty * 2 + 1;
        outputlines.line[count_i_order].ref = inputorders.order[i_order].ref;
        outputlines.line[count_i_order].label = inputorders.shop.concat(': ', inputorders.order[i_order].id);
        count_i_order++;
        }
        """;

    [Fact]
    public void A_loop_filling_an_output_array_from_an_input_array_becomes_an_array_map()
    {
        var (package, diagnostics) = Lower(Mediator, LoopRegistry(Loop));

        var mapping = Assert.Single(package.DataMappings);
        Assert.Empty(mapping.Statements);
        var map = Assert.IsType<MappedValueIr.ArrayMap>(Assert.Single(mapping.Body.Entries, e => e.Field == "line").Value);
        Assert.Equal(["order"], map.Source.ToArray());
        Assert.Equal(-1, map.FirstOptional);
        var element = Assert.IsType<MappedValueIr.Construct>(map.Element);
        Assert.Equal(["sku", "count", "ref", "label"], element.Entries.Select(e => e.Field));
        var sku = Assert.IsType<MappedValueIr.Call>(element.Entries[0].Value);
        Assert.Equal(MappedFunction.UpperCase, sku.Function);
        AssertRead(Assert.Single(sku.Arguments), ["id"], -1, ofItem: true);
        var count = Assert.IsType<MappedValueIr.Arithmetic>(element.Entries[1].Value);
        Assert.Equal('+', count.Operator);
        Assert.Equal('*', Assert.IsType<MappedValueIr.Arithmetic>(count.Left).Operator);
        Assert.Equal(new MappedValueIr.Integer(1), count.Right);
        AssertRead(element.Entries[2].Value, ["ref"], 0, ofItem: true);
        var label = Assert.IsType<MappedValueIr.Concat>(element.Entries[3].Value);
        AssertRead(label.Parts[0], ["shop"], -1, ofItem: false);
        Assert.Equal(new MappedValueIr.Text(": "), label.Parts[1]);
        AssertRead(label.Parts[2], ["id"], -1, ofItem: true);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0257");
    }

    [Fact]
    public void A_loop_over_an_array_of_strings_maps_each_element_and_an_absent_array_gives_none()
    {
        var (package, diagnostics) = Lower(Mediator, LoopRegistry("""
            var count_i_codes = 0;
            outputlines.line = [];
            outputlines.codes = [];
            for(i_codes in inputorders.codes){
            outputlines.codes[count_i_codes] = inputorders.codes[i_codes].trim();
            count_i_codes++;
            }
            """));

        var entries = Assert.Single(package.DataMappings).Body.Entries;
        var codes = Assert.IsType<MappedValueIr.ArrayMap>(Assert.Single(entries, e => e.Field == "codes").Value);
        Assert.Equal(0, codes.FirstOptional);
        var trim = Assert.IsType<MappedValueIr.Call>(codes.Element);
        Assert.Equal(MappedFunction.Trim, trim.Function);
        AssertRead(Assert.Single(trim.Arguments), [], -1, ofItem: true);

        // outputlines.line = [] without a loop that fills it stays a TODO.
        Assert.IsType<MappedValueIr.NotTranslated>(Assert.Single(entries, e => e.Field == "line").Value);
        Assert.Single(diagnostics.Items, d => d.Id == "SB0257");
    }

    [Theory]
    [InlineData("var x = inputorders.order[i_order].id;", "the loop's statement 'var x = inputorders.order[i_order].id' (a variable of its own)")]
    [InlineData("outputlines.shop = inputorders.order[i_order].id;", "does not fill the element of one output array (each iteration would overwrite it)")]
    [InlineData("for(j in inputorders.codes){ }", "a loop inside a loop")]
    [InlineData("outputlines.line[count_i_order].nothing = inputorders.shop;", "the loop assigns 'nothing', which the output array's elements do not have")]
    public void A_loop_of_another_form_stays_a_todo_with_the_reason(string statement, string reason)
    {
        var (package, diagnostics) = Lower(Mediator, LoopRegistry(Loop.Replace("count_i_order++;", statement + "\ncount_i_order++;", StringComparison.Ordinal)));

        var mapping = Assert.Single(package.DataMappings);
        Assert.Contains(mapping.Statements, s => s.StartsWith("for(i_order", StringComparison.Ordinal));
        Assert.Contains("var count_i_order = 0", mapping.Statements);
        Assert.IsType<MappedValueIr.NotTranslated>(Assert.Single(mapping.Body.Entries, e => e.Field == "line").Value);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0257" && Message(d).Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("outputlines.shop = inputorders.shop.toString().trim();", "shop", null)]
    [InlineData("outputlines.shop = inputorders.shop.substring(1, 2+3);", "shop", null)]
    [InlineData("outputlines.shop = inputorders.shop.replace('a', 'b');", "shop", null)]
    [InlineData("outputlines.shop = inputorders.shop + '!';", "shop", null)]
    [InlineData("outputlines.shop = inputorders.note.trim();", "shop", null)]
    [InlineData("outputlines.shop = inputorders.shop.replace('a', '$&');", "shop", "replace with a pattern or replacement that is not a literal text")]
    [InlineData("outputlines.shop = inputorders.shop.concat(inputorders.note);", "shop", "concat with an optional input field")]
    [InlineData("outputlines.shop = inputorders.shop.split('_')[0];", "shop", "an index other than a loop variable")]
    [InlineData("outputlines.shop = inputorders.shop.charAt(0);", "shop", "the method 'charAt'")]
    [InlineData("outputlines.shop = customFunction(inputorders.shop);", "shop", "a call of the function 'customFunction'")]
    [InlineData("outputlines.total = Number(inputorders.shop);", "total", null)]
    [InlineData("outputlines.total = Math.round(inputorders.rate);", "total", null)]
    [InlineData("outputlines.rate = inputorders.rate * 2;", "rate", null)]
    [InlineData("outputlines.total = 7 / 2;", "total", null)]
    [InlineData("outputlines.rate = Math.max(inputorders.rate, 1.5, Number(inputorders.note));", "rate", null)]
    [InlineData("outputlines.shop = Number(inputorders.shop);", "shop", "the data mapper's JSON writer writes the number as a JSON number")]
    [InlineData("outputlines.rate = Math.pow(inputorders.rate, 2);", "rate", "Math.pow with 2 arguments")]
    [InlineData("outputlines.rate = Math.round(inputorders.shop);", "rate", "Math.round of a string")]
    [InlineData("outputlines.rate = inputorders.rate + inputorders.shop;", "rate", "'+' of a decimal and a string")]
    [InlineData("outputlines.shop = inputorders.rate.toString();", "shop", "the method 'toString' is called on a decimal")]
    [InlineData("outputlines.total = inputorders.shop;", "total", "not of one plain type")]
    [InlineData("outputlines.shop = inputorders.shop == 'x' ? 'a' : 'b';", "shop", "is not of a translated form")]
    public void A_statement_is_translated_or_refused_with_the_reason(string statement, string field, string? reason)
    {
        var (package, diagnostics) = Lower(Mediator, LoopRegistry("outputlines.line = [];\n" + statement));

        var entry = Assert.Single(Assert.Single(package.DataMappings).Body.Entries, e => e.Field == field);
        var messages = diagnostics.Items.Where(d => d.Id == "SB0257").Select(Message).Where(m => m.Contains($"'{field}'", StringComparison.Ordinal)).ToList();
        if (reason is null)
        {
            Assert.IsNotType<MappedValueIr.NotTranslated>(entry.Value);
            Assert.Empty(messages);
        }
        else
        {
            Assert.IsType<MappedValueIr.NotTranslated>(entry.Value);
            Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Numbers_are_javascript_doubles_converted_into_the_output_field_as_the_data_mapper_writes_them()
    {
        var (package, diagnostics) = Lower(Mediator, LoopRegistry("""
            var STRING_TO_NUMBER_1_0 = '';
            STRING_TO_NUMBER_1_0 = Number(inputorders.note);
            outputlines.line = [];
            outputlines.total = Math.floor(STRING_TO_NUMBER_1_0 / 2);
            outputlines.rate = 0+STRING_TO_NUMBER_1_0+inputorders.rate;
            """));

        var mapping = Assert.Single(package.DataMappings);
        Assert.Empty(mapping.Statements);
        var total = Assert.IsType<MappedValueIr.Call>(Assert.Single(mapping.Body.Entries, e => e.Field == "total").Value);
        Assert.Equal(MappedFunction.NumberInteger, total.Function);
        var floor = Assert.IsType<MappedValueIr.Call>(Assert.Single(total.Arguments));
        Assert.Equal(MappedFunction.Floor, floor.Function);
        var division = Assert.IsType<MappedValueIr.Arithmetic>(Assert.Single(floor.Arguments));
        Assert.Equal('/', division.Operator);
        var number = Assert.IsType<MappedValueIr.Call>(division.Left);
        Assert.Equal(MappedFunction.Number, number.Function);
        AssertRead(Assert.Single(number.Arguments), ["note"], 0, ofItem: false);
        Assert.Equal(new MappedValueIr.Float(2), division.Right);

        var rate = Assert.IsType<MappedValueIr.Call>(Assert.Single(mapping.Body.Entries, e => e.Field == "rate").Value);
        Assert.Equal(MappedFunction.NumberDecimal, rate.Function);
        var sum = Assert.IsType<MappedValueIr.Arithmetic>(Assert.Single(rate.Arguments));
        var toFloat = Assert.IsType<MappedValueIr.Call>(sum.Right);
        Assert.Equal(MappedFunction.ToFloat, toFloat.Function);
        Assert.Equal(new MappedValueIr.Float(0), Assert.IsType<MappedValueIr.Arithmetic>(sum.Left).Left);

        // Only the array the test leaves empty is reported.
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0257" && !Message(d).Contains("'line'", StringComparison.Ordinal));
        var info = Message(Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.DataMapperJavaScriptNumbers.Id));
        Assert.Contains("Math.floor", info, StringComparison.Ordinal);
        Assert.Contains("Number(...)", info, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var V = '';\nV = Number(inputorders.shop);\nV = Number(inputorders.note);\noutputlines.total = Math.floor(V);", "var V = ''")]
    [InlineData("var V = '';\noutputlines.total = Math.floor(V);\nV = Number(inputorders.shop);", "var V = ''")]
    [InlineData("var V = '';\nV = inputorders.shop.split('-');\noutputlines.shop = V;", "V = inputorders.shop.split('-')")]
    public void A_variable_of_another_form_or_whose_value_is_not_translated_stays_a_todo(string body, string statement)
    {
        var (package, diagnostics) = Lower(Mediator, LoopRegistry("outputlines.line = [];\n" + body));

        var mapping = Assert.Single(package.DataMappings);
        Assert.Contains(statement, mapping.Statements);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0257");
    }

    [Fact]
    public void A_method_called_on_an_optional_input_field_fails_when_it_is_absent()
    {
        var (package, _) = Lower(Mediator, LoopRegistry("outputlines.line = [];\noutputlines.shop = inputorders.note.toUpperCase();"));

        var shop = Assert.IsType<MappedValueIr.Call>(Assert.Single(Assert.Single(package.DataMappings).Body.Entries, e => e.Field == "shop").Value);
        var required = Assert.IsType<MappedValueIr.Required>(Assert.Single(shop.Arguments));
        AssertRead(required.Read, ["note"], 0, ofItem: false);
    }

    [Theory]
    [InlineData("a.b[i].c.toString().toUpperCase()", "Method(Method(Read(a.b.[i].c).toString).toUpperCase)")]
    [InlineData("(a.b).substring(2, 2+7)", "Method(Read(a.b).substring: Integer(2), Binary(+ Integer(2) Integer(7)))")]
    [InlineData("0+A+B", "Binary(+ Binary(+ Integer(0) Read(A)) Read(B))")]
    [InlineData("1*A*B - c / 2", "Binary(- Binary(* Binary(* Integer(1) Read(A)) Read(B)) Binary(/ Read(c) Integer(2)))")]
    [InlineData("Number(x.y)", "Function(Number: Read(x.y))")]
    [InlineData("'it' + \"s\"", "Binary(+ Text(it) Text(s))")]
    [InlineData("Math.floor(a.b * 1.25)", "Method(Read(Math).floor: Binary(* Read(a.b) Real(1.25)))")]
    public void A_script_value_reads_as_an_expression(string text, string expected)
    {
        var value = DataMapperScript.Expression(text, out var error);
        Assert.Null(error);
        Assert.Equal(expected, Show(value!));
    }

    [Theory]
    [InlineData("a.b[0]", "an index other than a loop variable")]
    [InlineData("'it\\'s'", "a literal with an escape")]
    [InlineData("a.b ? c : d", "'? c : d' is not of a translated form")]
    [InlineData("1.5e3", "a number that is not a decimal literal")]
    [InlineData("1e3", "a number that is not a decimal integer")]
    [InlineData("a.b(", "a value is missing")]
    public void A_script_value_of_another_form_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(DataMapperScript.Expression(text, out var error));
        Assert.Equal(reason, error);
    }

    private static string Show(ScriptValue value) => value switch
    {
        ScriptValue.Read read => $"Read({string.Join('.', read.Path.Prepend(read.Root))})",
        ScriptValue.Text text => $"Text({text.Value})",
        ScriptValue.Integer integer => $"Integer({integer.Value})",
        ScriptValue.Real real => $"Real({real.Value.ToString(CultureInfo.InvariantCulture)})",
        ScriptValue.Method method => $"Method({Show(method.Receiver)}.{method.Name}{(method.Arguments.IsEmpty ? string.Empty : ": " + string.Join(", ", method.Arguments.Select(Show)))})",
        ScriptValue.Function function => $"Function({function.Name}: {string.Join(", ", function.Arguments.Select(Show))})",
        ScriptValue.Binary binary => $"Binary({binary.Operator} {Show(binary.Left)} {Show(binary.Right)})",
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    private static void AssertRead(MappedValueIr value, string[] path, int firstOptional, bool ofItem)
    {
        var read = Assert.IsType<MappedValueIr.FromInput>(value);
        Assert.Equal(path, read.Path.ToArray());
        Assert.Equal(firstOptional, read.FirstOptional);
        Assert.Equal(ofItem, read.OfItem);
    }
}
