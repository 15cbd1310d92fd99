using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class ForEachLoweringTests
{
    private static (FunctionIr Sequence, PackageIr Package, DiagnosticBag Diagnostics) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), package, diagnostics);
    }

    private static List<string> Messages(DiagnosticBag diagnostics, DiagnosticDescriptor descriptor) =>
        diagnostics.Items.Where(d => d.Id == descriptor.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void A_classic_foreach_loops_over_the_selected_elements_with_its_sequence_as_a_function()
    {
        var (sequence, package, diagnostics) = Lower("""
            <foreach id="f" expression="//order/item" continueLoopOnFailure="true"><sequence><property name="seen" value="1"/></sequence></foreach>
            <property name="after" value="1"/>
            """);

        Assert.IsType<CommentStep>(sequence.Body[0]);
        var loop = Assert.IsType<ForEachStep>(sequence.Body[1]);
        var elements = Assert.IsType<ForEachLoopIr.Elements>(loop.Loop);
        Assert.Equal("f", elements.Id);
        Assert.True(elements.ContinueOnFailure);
        Assert.Equal(["order", "item"], elements.Items.Steps.Select(s => s.LocalName));
        Assert.IsType<SetPropertyStep>(sequence.Body[2]);

        var body = package.Functions.Single(f => f.Name == loop.Body);
        Assert.Equal(FunctionKind.Sequence, body.Kind);
        Assert.IsType<SetPropertyStep>(Assert.Single(body.Body));
        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.ForEachNotTranslated));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<foreach collection="${vars.items}" parallel-execution="false" counter-variable="i"><sequence><log/></sequence></foreach>""", "items", "$", null, "i")]
    [InlineData("""<foreach collection="${vars.order.lines[0].parts}" update-original="false" target-variable="parts" result-content-type="JSON"><sequence><log/></sequence></foreach>""", "order", "$.lines[0].parts", "parts", null)]
    [InlineData("""<foreach collection="${vars.order.lines}" continue-without-aggregation="true"><sequence><log/></sequence></foreach>""", "order", "$.lines", null, null)]
    public void A_collection_in_a_variable_runs_each_item_on_a_copy(string xml, string variable, string path, string? target, string? counter)
    {
        // ForEachMediatorV2: isCollectionReferencedByVariable, getVariableName; updateOriginalPayload sets a whole
        // variable to the results, setAggregatedMessageAsVariable the target variable.
        var (sequence, _, diagnostics) = Lower(xml);

        var loop = Assert.IsType<ForEachStep>(sequence.Body[1]);
        var held = Assert.IsType<ForEachLoopIr.JsonVariableItems>(loop.Loop);
        Assert.Equal((variable, path, target, counter), (held.Variable, held.Path, held.TargetVariable, held.CounterVariable));
        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.ForEachNotTranslated));
    }

    [Fact]
    public void A_classic_foreach_can_name_its_sequence()
    {
        var diagnostics = new DiagnosticBag();
        var document = Document("""<foreach expression="//item" sequence="Each"/>""", diagnostics);
        var named = SynapseToBal.Syntax.SynapseParser.ParseText("each.xml",
            $"""<sequence xmlns="{Synapse}" name="Each"><log/></sequence>""", diagnostics)!;
        var package = Lowerer.Lower([document, named], diagnostics);

        var sequence = package.Functions.Single(f => f.Summary == "Sequence 'test'.");
        var loop = Assert.IsType<ForEachStep>(sequence.Body[1]);
        var body = package.Functions.Single(f => f.Name == loop.Body);
        Assert.IsType<InvokeStep>(Assert.Single(body.Body));
        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.ForEachNotTranslated));
    }

    [Fact]
    public void A_classic_foreach_with_a_json_path_loops_over_the_array_on_the_message_itself()
    {
        var (sequence, package, diagnostics) = Lower("""<foreach expression="json-eval($.cart.lines)"><sequence><log/></sequence></foreach>""");

        var loop = Assert.IsType<ForEachStep>(sequence.Body[1]);
        Assert.Equal(new ForEachLoopIr.ClassicJson("$.cart.lines", null, false), loop.Loop);
        Assert.IsType<LogStep>(Assert.Single(package.Functions.Single(f => f.Name == loop.Body).Body));
        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.ForEachNotTranslated));
    }

    [Theory]
    [InlineData("""<foreach collection="${payload.items}" parallel-execution="false" counter-variable="i"><sequence><log/></sequence></foreach>""", false, true, null, "i")]
    [InlineData("""<foreach collection="${payload.items}"><sequence><log/></sequence></foreach>""", true, true, null, null)]
    [InlineData("""<foreach collection="${payload.items}" update-original="false" target-variable="out" result-content-type="JSON"><sequence><log/></sequence></foreach>""", true, true, "out", null)]
    [InlineData("""<foreach collection="${payload.items}" continue-without-aggregation="true" update-original="false"><sequence><log/></sequence></foreach>""", true, false, null, null)]
    public void An_mi44_foreach_over_a_json_array_keeps_its_settings(string xml, bool parallel, bool aggregate, string? variable, string? counter)
    {
        var (sequence, _, diagnostics) = Lower(xml);

        var loop = Assert.IsType<ForEachStep>(sequence.Body[1]);
        Assert.Equal(new ForEachLoopIr.JsonItems("$.items", parallel, aggregate, variable, counter), loop.Loop);
        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.ForEachNotTranslated));
    }

    [Fact]
    public void An_mi44_foreach_over_xml_elements_runs_copies_and_merges_them_back()
    {
        var (sequence, _, diagnostics) = Lower("""<foreach collection="${xpath('//data/item')}" parallel-execution="false" counter-variable="i"><sequence><log/></sequence></foreach>""");

        var loop = Assert.IsType<ForEachStep>(sequence.Body[1]);
        var copies = Assert.IsType<ForEachLoopIr.XmlCopies>(loop.Loop);
        Assert.Equal(["data", "item"], copies.Items.Steps.Select(s => s.LocalName));
        Assert.False(copies.Parallel);
        Assert.True(copies.Aggregate);
        Assert.Equal("i", copies.CounterVariable);
        Assert.Empty(Messages(diagnostics, DiagnosticCatalog.ForEachNotTranslated));
    }

    [Theory]
    [InlineData("""<foreach expression="json-eval($.items)"><sequence><call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call></sequence></foreach>""", "refuses to deploy")]
    [InlineData("""<foreach expression="//item"><sequence><call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call></sequence></foreach>""", "refuses to deploy")]
    [InlineData("""<foreach expression="//item"><sequence><filter xpath="true()"><then><drop/></then></filter></sequence></foreach>""", "drops the message")]
    [InlineData("""<foreach expression="//item" sequence="Missing"/>""", "names no sequence")]
    [InlineData("""<foreach expression="//item/text()"><sequence><log/></sequence></foreach>""", "does not select XML elements")]
    [InlineData("""<foreach collection="${payload.items}" counter-variable="i"><sequence><log/></sequence></foreach>""", "counter-variable")]
    [InlineData("""<foreach collection="${payload.items}" update-original="false" target-variable="x"><sequence><log/></sequence></foreach>""", "without both target-variable and result-content-type")]
    [InlineData("""<foreach collection="${payload.items}" update-original="false" target-variable="x" result-content-type="XML" result-enclosing-element="r"><sequence><log/></sequence></foreach>""", "result content type 'XML'")]
    [InlineData("""<foreach collection="${var.items}" parallel-execution="false"><sequence><log/></sequence></foreach>""", "the generated foreach iterates over the payload or over a JSON array in a variable (${vars.name...}) only")]
    [InlineData("""<foreach collection="${xpath('//list', 'xml_collection')}" parallel-execution="false"><sequence><log/></sequence></foreach>""", "the generated foreach iterates over the payload or over a JSON array in a variable (${vars.name...}) only")]
    [InlineData("""<foreach collection="${vars.order.lines}"><sequence><log/></sequence></foreach>""", "sets the results at that path in the message's JSON payload (not in the variable)")]
    [InlineData("""<foreach collection="${xpath('//item')}" update-original="false" target-variable="x" result-content-type="JSON"><sequence><log/></sequence></foreach>""", "collection is XML elements")]
    [InlineData("""<foreach collection="${payload.items}"><sequence><respond/></sequence></foreach>""", "answers the client")]
    public void A_foreach_that_cannot_be_translated_stays_a_todo_saying_why(string xml, string why)
    {
        var (sequence, _, diagnostics) = Lower(xml);

        var todo = Assert.IsType<TodoStep>(Assert.Single(sequence.Body));
        Assert.Equal(DiagnosticCatalog.ForEachNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(why, Assert.Single(Messages(diagnostics, DiagnosticCatalog.ForEachNotTranslated)), StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_of_the_other_form_are_reported_as_ignored()
    {
        var (_, _, diagnostics) = Lower("""<foreach expression="//item" parallel-execution="true"><sequence><log/></sequence></foreach>""");

        Assert.Contains(Messages(diagnostics, DiagnosticCatalog.AttributeNotTranslated), m => m.Contains("parallel-execution", StringComparison.Ordinal));
    }
}
