using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class ScatterGatherEarlySyntaxTests
{
    private static (ForkStep Fork, DiagnosticBag Diagnostics) LowerFork(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        var sequence = package.Functions.Single(f => f.Summary == "Sequence 'test'.");
        return (Assert.Single(sequence.Body.OfType<ForkStep>()), diagnostics);
    }

    [Fact]
    public void A_preview_result_target_naming_a_variable_gathers_into_that_variable_with_a_warning()
    {
        var (fork, diagnostics) = LowerFork("""<scatter-gather parallel-execution="true" result-target="output_var" content-type="JSON"><aggregation expression="${payload.a}"/><sequence><log/></sequence><sequence><log/></sequence></scatter-gather>""");

        Assert.Equal(2, fork.Branches.Length);
        Assert.True(fork.Parallel);
        Assert.Equal(new GatherIr(null, "output_var"), fork.Aggregation!.Gather);
        Assert.True(fork.Aggregation.Json);
        var warning = Assert.Single(diagnostics.Items, d => d.Id == DiagnosticCatalog.ScatterGatherPreviewSyntax.Id);
        Assert.Contains("result-target=\"output_var\"", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_preview_xml_result_to_a_variable_keeps_its_root_element()
    {
        var (fork, _) = LowerFork("""<scatter-gather parallel-execution="false" result-target="output_var" root-element="scatter_response" content-type="XML"><aggregation expression="//pet"/><sequence><log/></sequence></scatter-gather>""");

        Assert.False(fork.Parallel);
        Assert.Equal(new GatherIr("scatter_response", "output_var"), fork.Aggregation!.Gather);
        Assert.False(fork.Aggregation.Json);
    }

    [Fact]
    public void A_preview_result_target_of_body_in_any_case_replaces_the_body()
    {
        var (fork, diagnostics) = LowerFork("""<scatter-gather result-target="Body" content-type="JSON"><aggregation expression="${payload.a}"/><sequence><log/></sequence></scatter-gather>""");

        Assert.Equal(new GatherIr(null, null), fork.Aggregation!.Gather);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.ScatterGatherPreviewSyntax.Id);
    }

    [Fact]
    public void A_result_target_naming_a_variable_beside_the_released_content_type_attribute_stays_a_todo()
    {
        // Neither Synapse reads this mix: the preview wants content-type, the release wants target.
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document("""<scatter-gather result-target="output_var" result-content-type="JSON"><aggregation expression="${payload.a}"/><sequence><log/></sequence></scatter-gather>""", diagnostics)], diagnostics);

        var sequence = package.Functions.Single(f => f.Summary == "Sequence 'test'.");
        Assert.IsType<TodoStep>(Assert.Single(sequence.Body));
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id
            && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'output_var' names a variable, the early MI 4.4 syntax", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.ScatterGatherPreviewSyntax.Id);
    }
}
