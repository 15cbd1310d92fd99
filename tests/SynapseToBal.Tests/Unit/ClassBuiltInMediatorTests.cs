using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// A <c>&lt;class&gt;</c> naming one of Synapse's built-in mediators with nothing set is that mediator with its
/// default settings (ClassMediatorFactory instantiates it with its no-argument constructor); anything else stays SB0231.
/// </summary>
public sealed class ClassBuiltInMediatorTests
{
    private static (FunctionIr Sequence, DiagnosticBag Diagnostics) Lower(string mediators)
    {
        var (package, diagnostics) = ArtifactLowering.Definitions($"""<sequence name="S">{mediators}</sequence>""");
        return (package.Functions.Single(f => f.Kind == FunctionKind.Sequence), diagnostics);
    }

    [Fact]
    public void LogMediator_without_properties_is_a_simple_log()
    {
        var (sequence, diagnostics) = Lower("""<class name="org.apache.synapse.mediators.builtin.LogMediator"/>""");

        Assert.Contains(sequence.Body, step => step is LogStep);
        Assert.DoesNotContain(IrWalker.Steps(sequence.Body), step => step is TodoStep);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.ClassIsBuiltInMediator.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNeedsCode.Id);
    }

    [Theory]
    [InlineData("org.apache.synapse.mediators.builtin.DropMediator")]
    [InlineData("org.apache.synapse.mediators.builtin.RespondMediator")]
    public void Drop_and_respond_classes_end_the_flow(string className)
    {
        var (sequence, _) = Lower($"""<class name="{className}"/><log level="custom"><property name="after" value="1"/></log>""");

        Assert.DoesNotContain(IrWalker.Steps(sequence.Body), step => step is TodoStep);
        Assert.DoesNotContain(IrWalker.Steps(sequence.Body), step => step is LogStep);
    }

    [Theory]
    [InlineData("""<class name="org.apache.synapse.mediators.builtin.LogMediator"><property name="logLevel" value="3"/></class>""")]
    [InlineData("""<class name="org.apache.synapse.mediators.builtin.LogMediator" method="mediate"/>""")]
    [InlineData("""<class name="org.apache.synapse.mediators.builtin.PropertyMediator"/>""")]
    [InlineData("""<class name="samples.mediators.DiscountQuoteMediator"/>""")]
    public void Other_classes_and_configured_built_ins_stay_todos(string mediator)
    {
        var (sequence, diagnostics) = Lower(mediator);

        Assert.Contains(IrWalker.Steps(sequence.Body), step => step is TodoStep);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorNeedsCode.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.ClassIsBuiltInMediator.Id);
    }
}
