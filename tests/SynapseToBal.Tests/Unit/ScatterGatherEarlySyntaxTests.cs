using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class ScatterGatherEarlySyntaxTests
{
    [Fact]
    public void A_result_target_naming_a_variable_stays_a_todo_that_says_it_is_the_early_syntax()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document("""<scatter-gather result-target="output_var" content-type="JSON"><aggregation expression="${payload.a}"/><sequence><log/></sequence></scatter-gather>""", diagnostics)], diagnostics);

        var sequence = package.Functions.Single(f => f.Summary == "Sequence 'test'.");
        Assert.IsType<TodoStep>(Assert.Single(sequence.Body));
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id
            && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'output_var' names a variable, the early MI 4.4 syntax", StringComparison.Ordinal));
    }
}
