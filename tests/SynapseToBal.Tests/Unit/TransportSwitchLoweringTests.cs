using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>The axis2 transport switches (FORCE_HTTP_1.0, DISABLE_CHUNKING, FORCE_HTTP_CONTENT_LENGTH, COPY_CONTENT_LENGTH_FROM_INCOMING).</summary>
public sealed class TransportSwitchLoweringTests
{
    private const string Backend = """<endpoint><address uri="http://localhost:9000/services/A"/></endpoint>""";

    private static (ImmutableArray<StepIr> Steps, PackageIr Package, DiagnosticBag Diagnostics) Lower(string inSequence)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="POST"><inSequence>{inSequence}</inSequence></resource></api>""";
        var document = SynapseParser.ParseText("A.xml", xml, diagnostics);
        Assert.NotNull(document);
        // The project's own 'fault' sequence, which answers: a backend's failure after the non-blocking call is not left
        // to the Micro Integrator's default one (SB0603), so the diagnostics are the switches' own.
        var fault = SynapseParser.ParseText("fault.xml", $"""<sequence xmlns="{Synapse}" name="fault"><respond/></sequence>""", diagnostics);
        Assert.NotNull(fault);
        var package = Lowerer.Lower([document, fault], diagnostics);
        return ([.. IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body))], package, diagnostics);
    }

    [Theory]
    [InlineData("FORCE_HTTP_1.0", HttpTransport.Http10)]
    [InlineData("DISABLE_CHUNKING", HttpTransport.Http11NoChunking)]
    public void A_switch_set_before_a_call_selects_a_client_of_the_endpoint_configured_for_it(string name, HttpTransport expected)
    {
        var (steps, package, diagnostics) = Lower($"""<property name="{name}" value="true" scope="axis2"/><call>{Backend}</call><respond/>""");

        var call = Assert.Single(steps.OfType<CallStep>());
        Assert.Equal(expected, call.Client.Transport);
        // The dedicated client calls the same URL as the endpoint's own client.
        var usual = Assert.Single(package.Clients, c => c.Transport is null);
        Assert.Same(usual.UrlConfigurable, call.Client.UrlConfigurable);
        Assert.NotEqual(usual.Name, call.Client.Name);
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void The_response_of_a_call_is_a_new_message_without_the_switch_and_a_client_is_made_once_per_configuration()
    {
        var (steps, package, _) = Lower($"""<property name="DISABLE_CHUNKING" value="true" scope="axis2"/><call>{Backend}</call><call>{Backend}</call><respond/>""");

        var calls = steps.OfType<CallStep>().ToList();
        Assert.Equal(HttpTransport.Http11NoChunking, calls[0].Client.Transport);
        Assert.Null(calls[1].Client.Transport);
        Assert.Single(package.Clients, c => c.Transport is not null);
        Assert.Empty(steps.OfType<TodoStep>());
    }

    [Fact]
    public void Force_content_length_with_copy_content_length_sends_no_chunks_and_alone_stays_a_todo()
    {
        var (paired, _, pairedDiagnostics) = Lower($"""<property name="COPY_CONTENT_LENGTH_FROM_INCOMING" value="true" scope="axis2"/><property name="FORCE_HTTP_CONTENT_LENGTH" value="true" scope="axis2"/><call>{Backend}</call><respond/>""");
        Assert.Equal(HttpTransport.Http11NoChunking, Assert.Single(paired.OfType<CallStep>()).Client.Transport);
        Assert.Empty(pairedDiagnostics.Items);

        var (alone, _, aloneDiagnostics) = Lower($"""<property name="FORCE_HTTP_CONTENT_LENGTH" value="true" scope="axis2"/><call>{Backend}</call><respond/>""");
        Assert.Null(Assert.Single(alone.OfType<CallStep>()).Client.Transport);
        Assert.Contains("FORCE_HTTP_CONTENT_LENGTH", Assert.Single(alone.OfType<TodoStep>()).RawXml);
        Assert.Contains(aloneDiagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }

    [Fact]
    public void A_switch_set_on_some_paths_only_keeps_a_todo_before_the_call()
    {
        var (steps, _, diagnostics) = Lower($"""<filter source="get-property('transport', 'X-Old')" regex="yes"><then><property name="FORCE_HTTP_1.0" value="true" scope="axis2"/></then></filter><call>{Backend}</call><respond/>""");

        Assert.Null(Assert.Single(steps.OfType<CallStep>()).Client.Transport);
        var todo = Assert.Single(steps.OfType<TodoStep>());
        Assert.Contains("FORCE_HTTP_1.0", todo.RawXml);
        Assert.Contains("some paths", todo.Reason.Message);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }

    [Fact]
    public void A_cleared_switch_changes_nothing()
    {
        var (steps, package, diagnostics) = Lower($"""<property name="FORCE_HTTP_1.0" value="true" scope="axis2"/><property name="FORCE_HTTP_1.0" scope="axis2" action="remove"/><call>{Backend}</call><respond/>""");

        Assert.Null(Assert.Single(steps.OfType<CallStep>()).Client.Transport);
        Assert.All(package.Clients, c => Assert.Null(c.Transport));
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("""<property name="DISABLE_CHUNKING" value="true" scope="axis2"/><respond/>""")]
    [InlineData($"""<property name="DISABLE_CHUNKING" value="true" scope="axis2"/><call blocking="true">{Backend}</call><respond/>""")]
    public void A_switch_reaching_an_answer_or_a_blocking_call_keeps_a_todo_there(string flow)
    {
        var (steps, _, diagnostics) = Lower(flow);

        Assert.NotEmpty(steps.OfType<TodoStep>());
        Assert.All(steps.OfType<TodoStep>(), t => Assert.Contains("DISABLE_CHUNKING", t.RawXml));
        Assert.All(steps.OfType<CallStep>(), c => Assert.Null(c.Client.Transport));
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }

    [Fact]
    public void A_switch_reaching_a_sequence_that_sends_keeps_a_todo_before_it()
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<definitions xmlns="{Synapse}"><sequence name="Forward"><call>{Backend}</call></sequence><api name="A" context="/a"><resource methods="POST"><inSequence><property name="DISABLE_CHUNKING" value="true" scope="axis2"/><sequence key="Forward"/><respond/></inSequence></resource></api></definitions>""";
        var document = SynapseParser.ParseText("A.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);
        var body = package.Services.SelectMany(s => s.Resources).Single().Body;

        var invoke = body.OfType<InvokeStep>().Single();
        var todo = Assert.IsType<TodoStep>(body[body.IndexOf(invoke) - 1]);
        Assert.Contains("DISABLE_CHUNKING", todo.RawXml);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }

    [Theory]
    [InlineData("""<property name="FORCE_HTTP_1.0" value="TRUE" scope="axis2"/>""")]
    [InlineData("""<property name="FORCE_HTTP_1.0" value="true" scope="axis2" type="BOOLEAN"/>""")]
    [InlineData("""<property name="DISABLE_CHUNKING" expression="get-property('x')" scope="axis2"/>""")]
    public void A_value_the_sender_does_not_read_as_the_string_true_or_false_stays_a_todo(string property)
    {
        var (steps, _, diagnostics) = Lower($"""{property}<call>{Backend}</call><respond/>""");

        // The pass-through sender compares the property with the String "true": a Boolean or another spelling is not settled here.
        Assert.Single(steps.OfType<TodoStep>());
        Assert.Empty(steps.OfType<CommentStep>());
        Assert.Null(Assert.Single(steps.OfType<CallStep>()).Client.Transport);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }
}
