using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Runtime;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class EnrichLoweringTests
{
    private static (List<StepIr> Steps, DiagnosticBag Diagnostics) Lower(string mediators)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(mediators, diagnostics);
        var package = Lowerer.Lower(SemanticModel.Build([document], null, diagnostics, _ => null), [document], diagnostics);
        return (Assert.Single(package.Functions).Body.ToList(), diagnostics);
    }

    [Fact]
    public void An_xpath_target_edits_the_first_selected_element_with_its_namespace()
    {
        var (steps, diagnostics) = Lower("""<enrich><source type="property" property="p"/><target xmlns:m="urn:m" xpath="//m:order/m:lines" action="sibling"/></enrich>""");

        var enrich = Assert.IsType<EnrichStep>(Assert.Single(steps));
        var path = Assert.IsType<EnrichTargetIr.XmlPath>(enrich.Target);
        Assert.Equal([("urn:m", "order", true), ("urn:m", "lines", false)], path.Navigation.Steps.Select(s => (s.NamespaceUri, s.LocalName, s.Descendant)));
        Assert.False(path.Navigation.TextOnly);
        Assert.Equal(EnrichAction.Sibling, enrich.Action);
        Assert.IsType<ValueIr.Property>(enrich.Source);
        Assert.False(enrich.NativeJson);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_source_it_cannot_read_is_a_todo_saying_why()
    {
        var (steps, diagnostics) = Lower("""
            <enrich><source type="inline" key="conf:/missing/entry.xml"/><target type="body"/></enrich>
            <enrich><source type="custom" xpath="//a[unknown-function(.)]"/><target type="body"/></enrich>
            """);

        var missingKey = Assert.IsType<TodoStep>(steps[0]);
        Assert.Equal(DiagnosticCatalog.UnresolvedReference, missingKey.Reason.Descriptor);
        Assert.Contains("key 'conf:/missing/entry.xml' is neither a local entry nor a registry resource", missingKey.Reason.Message, StringComparison.Ordinal);
        var expression = Assert.IsType<TodoStep>(steps[1]);
        Assert.Contains("source expression '//a[unknown-function(.)]' is not translated", expression.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(steps.OfType<TodoStep>(), todo => todo.Reason.Message.Contains("yet", StringComparison.Ordinal));
        Assert.Contains("SB0203", Ids(diagnostics));
        // The warning says why too, not "yet".
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0502" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'conf:/missing/entry.xml' is not defined in the input", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_target_is_a_text_only_navigation()
    {
        var (steps, _) = Lower("""<enrich><source type="inline">IBM</source><target xpath="//request/symbol/text()"/></enrich>""");

        var path = Assert.IsType<EnrichTargetIr.XmlPath>(Assert.IsType<EnrichStep>(Assert.Single(steps)).Target);
        Assert.True(path.Navigation.TextOnly);
    }

    [Fact]
    public void A_jsonpath_target_uses_synapses_json_path_unless_the_source_is_an_xpath()
    {
        var (steps, diagnostics) = Lower("""
            <enrich><source type="inline">{"type": "mobile"}</source><target action="child" xpath="json-eval($.phone)"/></enrich>
            <enrich><source type="custom" xpath="//id"/><target xpath="json-eval($.id)"/></enrich>
            """);

        var enrich = Assert.IsType<EnrichStep>(steps[0]);
        Assert.Equal("$.phone", Assert.IsType<EnrichTargetIr.JsonPath>(enrich.Target).Path);
        Assert.True(enrich.NativeJson);
        var todo = Assert.IsType<TodoStep>(steps[1]);
        Assert.Equal(DiagnosticCatalog.AttributeNotTranslated, todo.Reason.Descriptor);
        Assert.Equal(["SB0206"], Ids(diagnostics));
    }

    [Fact]
    public void Body_child_and_sibling_are_native_json_only_without_custom_paths_or_inline_xml()
    {
        var (steps, _) = Lower("""
            <enrich><source type="property" property="p"/><target type="body" action="child"/></enrich>
            <enrich><source type="inline"><audit/></source><target type="body" action="sibling"/></enrich>
            """);

        Assert.True(Assert.IsType<EnrichStep>(steps[0]).NativeJson);
        Assert.False(Assert.IsType<EnrichStep>(steps[1]).NativeJson);
        Assert.All(steps, s => Assert.IsType<EnrichTargetIr.Body>(((EnrichStep)s).Target));
    }

    [Fact]
    public void Envelope_source_and_target()
    {
        var (steps, diagnostics) = Lower("""
            <enrich><source type="envelope"/><target type="property" property="env"/></enrich>
            <enrich><source type="property" property="env"/><target type="envelope"/></enrich>
            """);

        Assert.IsType<ValueIr.Envelope>(Assert.IsType<StorePropertyStep>(steps[0]).Value);
        Assert.IsType<EnrichTargetIr.Envelope>(Assert.IsType<EnrichStep>(steps[1]).Target);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_jsonpath_source_without_clone_is_read_and_deleted_from_the_payload_before_the_target_is_written()
    {
        // Source.evaluateJson: with clone="false" Jayway deletes what the path selects and the payload is set again.
        var (steps, diagnostics) = Lower("""
            <enrich><source type="custom" clone="false" xpath="json-eval($.id)"/><target type="property" property="id"/></enrich>
            <enrich><source type="custom" clone="false" xpath="json-eval($.items[0])"/><target xpath="json-eval($.done)" action="child"/></enrich>
            <enrich><source type="custom" clone="false" xpath="json-eval($['order'])"/><target type="body"/></enrich>
            <enrich><source type="custom" clone="false" xpath="json-eval($.n)"/><target type="key" xpath="json-eval($.user.name)"/></enrich>
            <enrich><source type="custom" xpath="json-eval($.kept)"/><target type="property" property="kept"/></enrich>
            """);

        Assert.True(Assert.IsType<ValueIr.Json>(Assert.IsType<StorePropertyStep>(steps[0]).Value).Moved);
        var child = Assert.IsType<EnrichStep>(steps[1]);
        Assert.Equal(new ValueIr.Json("$.items[0]") { Moved = true }, child.Source);
        Assert.IsType<EnrichTargetIr.JsonPath>(child.Target);
        Assert.True(Assert.IsType<ValueIr.Json>(Assert.IsType<ReplacePayloadStep>(steps[2]).Value).Moved);
        Assert.True(Assert.IsType<ValueIr.Json>(Assert.IsType<EnrichRenameKeyStep>(steps[3]).Source).Moved);
        Assert.False(Assert.IsType<ValueIr.Json>(Assert.IsType<StorePropertyStep>(steps[4]).Value).Moved);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Elements_an_xpath_selects_in_the_body_without_clone_are_moved_into_xml_targets_and_a_propertys_xml()
    {
        // AXIOM detaches a node that is added elsewhere: Target.insertElement and the property child move the elements.
        var (steps, diagnostics) = Lower("""
            <enrich><source type="custom" clone="false" xpath="//id"/><target xpath="//lines" action="child"/></enrich>
            <enrich><source type="custom" clone="false" xpath="//item"/><target type="body" action="sibling"/></enrich>
            <enrich><source type="custom" clone="false" xpath="//id"/><target type="property" property="list" action="child"/></enrich>
            <enrich><source type="body" clone="false"/><target type="property" property="list" action="sibling"/></enrich>
            """);

        var child = Assert.IsType<EnrichStep>(steps[0]);
        Assert.False(child.Copy);
        Assert.IsType<ValueIr.XmlNodes>(child.Source);
        Assert.IsType<EnrichTargetIr.XmlPath>(child.Target);
        var sibling = Assert.IsType<EnrichStep>(steps[1]);
        Assert.False(sibling.Copy);
        Assert.IsType<EnrichTargetIr.Body>(sibling.Target);
        var property = Assert.IsType<EnrichPropertyStep>(steps[2]);
        Assert.False(property.Copy);
        Assert.IsType<ValueIr.XmlNodes>(property.Source);
        var body = Assert.IsType<EnrichPropertyStep>(steps[3]);
        Assert.False(body.Copy);
        Assert.IsType<ValueIr.Payload>(body.Source);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_body_source_without_clone_stays_in_the_body_when_stored_in_a_property()
    {
        // Synapse's Target.insert stores the node list in the property; nothing detaches it from the body.
        var (steps, _) = Lower("""<enrich><source type="body" clone="false"/><target type="property" property="moved"/></enrich>""");

        Assert.IsType<StorePropertyStep>(Assert.Single(steps));
    }

    [Fact]
    public void Remove_deletes_each_jsonpath_of_the_source_from_the_body_or_a_property()
    {
        // Target.removeJSONFromString splits the source's path at every comma (Jayway trims each).
        var (steps, diagnostics) = Lower("""
            <enrich><source clone="true" xpath="json-eval($.store.book[*].author, $.store['book'][0])"/><target type="body" action="remove"/></enrich>
            <enrich><source xpath="json-eval($.a.*)"/><target type="property" property="copy" action="remove"/></enrich>
            """);

        var body = Assert.IsType<EnrichRemoveStep>(steps[0]);
        Assert.Equal(["$.store.book[*].author", "$.store['book'][0]"], body.Paths.ToArray());
        Assert.Null(body.Property);
        var property = Assert.IsType<EnrichRemoveStep>(steps[1]);
        Assert.Equal(["$.a.*"], property.Paths.ToArray());
        Assert.Equal("copy", property.Property);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_key_target_renames_the_last_member_of_its_path_to_the_source()
    {
        // EnrichMediator splits json-eval($.user.name) at its last dot: the objects at $.user, the key "name".
        var (steps, diagnostics) = Lower("""
            <enrich><source type="inline">fullName</source><target type="key" xpath="json-eval($.user.name)"/></enrich>
            <enrich><source type="property" property="k"/><target type="key" xpath="json-eval($.items[*].code)"/></enrich>
            <enrich><source xpath="json-eval($.label)"/><target type="key" xpath="json-eval($.total)"/></enrich>
            """);

        var inline = Assert.IsType<EnrichRenameKeyStep>(steps[0]);
        Assert.Equal(("$.user", "name"), (inline.Path, inline.Key));
        Assert.Equal("fullName", Assert.IsType<StringLiteralIr>(Assert.IsType<ValueIr.String>(inline.Source).Value).Value);
        var property = Assert.IsType<EnrichRenameKeyStep>(steps[1]);
        Assert.Equal(("$.items[*]", "code"), (property.Path, property.Key));
        Assert.IsType<ValueIr.Property>(property.Source);
        var root = Assert.IsType<EnrichRenameKeyStep>(steps[2]);
        Assert.Equal(("$", "total"), (root.Path, root.Key));
        Assert.Equal("$.label", Assert.IsType<ValueIr.Json>(root.Source).Path);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("""<enrich><source type="body"/><target type="property" property="list" action="child"/></enrich>""", EnrichAction.Child, true)]
    [InlineData("""<enrich><source type="inline">{"a": 1}</source><target type="property" property="list" action="child"/></enrich>""", EnrichAction.Child, true)]
    [InlineData("""<enrich><source type="custom" xpath="//item"/><target type="property" property="list" action="sibling"/></enrich>""", EnrichAction.Sibling, false)]
    [InlineData("""<enrich><source type="inline"><item/></source><target type="property" property="list" action="child"/></enrich>""", EnrichAction.Child, false)]
    public void Child_and_sibling_into_a_property_insert_into_it_on_the_path_synapse_takes(string xml, EnrichAction action, bool nativeJson)
    {
        var (steps, diagnostics) = Lower(xml);

        var insert = Assert.IsType<EnrichPropertyStep>(Assert.Single(steps));
        Assert.Equal(("list", action, nativeJson), (insert.Property, insert.Action, insert.NativeJson));
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("""<enrich><source type="custom" xpath="json-eval($.store.book[?(@.price > 10)])"/><target type="body" action="remove"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" xpath="json-eval($)"/><target type="property" property="p" action="remove"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" xpath="json-eval($..id)"/><target type="body" action="remove"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" xpath="//id"/><target type="body" action="remove"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" xpath="//label"/><target type="key" xpath="json-eval($.user.name)"/></enrich>""")]
    [InlineData("""<enrich><source type="inline"><n/></source><target type="key" xpath="json-eval($.user.name)"/></enrich>""")]
    [InlineData("""<enrich><source type="inline">n</source><target type="key" xpath="json-eval($.user['name'])"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" clone="false" xpath="json-eval($.items[*].id)"/><target type="property" property="id"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" clone="false" xpath="json-eval($)"/><target type="property" property="id"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" clone="false" xpath="json-eval($.id)"/><target xpath="//lines" action="child"/></enrich>""")]
    [InlineData("""<enrich><source type="custom" clone="false" xpath="json-eval($.items[*].n)"/><target type="key" xpath="json-eval($.user.name)"/></enrich>""")]
    [InlineData("""<enrich><source type="body" clone="false"/><target xpath="//lines" action="child"/></enrich>""")]
    [InlineData("""<enrich><source type="body" clone="false"/><target type="body" action="sibling"/></enrich>""")]
    [InlineData("""<enrich><source type="inline">{"a": 1}</source><target xpath="json-eval($)"/></enrich>""")]
    [InlineData("""<enrich><source type="inline"><auth><password>bar</password></auth></source><target xpath="//Header" action="child"/></enrich>""")]
    public void Forms_that_are_not_faithful_stay_todos(string xml)
    {
        var (steps, diagnostics) = Lower(xml);

        Assert.IsType<TodoStep>(Assert.Single(steps));
        Assert.Contains("SB0206", Ids(diagnostics));
    }

    [Fact]
    public void A_moved_json_member_is_removed_from_a_copy_of_the_payload()
    {
        // A read-only payload or a closed record's JSON view cannot lose a member in place (a panic, not an error).
        var moved = RuntimeSourceText.Function("jsonPathMoved");
        RuntimeSourceText.InOrder(moved, "json moved = check payload.toJsonString().fromJsonString();", "json current = moved;", "_ = current.removeIfHasKey(last);", "ctx.payload = moved;");
    }
}
