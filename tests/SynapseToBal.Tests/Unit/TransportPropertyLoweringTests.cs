using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class TransportPropertyLoweringTests
{
    private static (ImmutableArray<StepIr> Steps, DiagnosticBag Diagnostics) Lower(string inSequence)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<api xmlns="{Synapse}" name="A" context="/a"><resource methods="POST"><inSequence>{inSequence}<respond/></inSequence></resource></api>""";
        var document = SynapseParser.ParseText("A.xml", xml, diagnostics);
        Assert.NotNull(document);
        // The project's own 'fault' sequence, which answers: a backend's failure after the non-blocking call is not left
        // to the Micro Integrator's default one (SB0603), so the diagnostics are the switches' own.
        var fault = SynapseParser.ParseText("fault.xml", $"""<sequence xmlns="{Synapse}" name="fault"><respond/></sequence>""", diagnostics);
        Assert.NotNull(fault);
        var package = Lowerer.Lower([document, fault], diagnostics);
        return ([.. IrWalker.Steps(package.Services.SelectMany(s => s.Resources).SelectMany(r => r.Body))], diagnostics);
    }

    [Theory]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="true"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="TRUE" scope="default" type="STRING"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="false"/>""")]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" expression="get-property('SYNAPSE_REST_API')"/>""")]
    public void Preserve_ws_addressing_as_a_string_is_a_data_property(string property)
    {
        var (steps, diagnostics) = Lower(property);

        // The runtime's callEndpoint reads it before a send and strips the WS-Addressing header blocks unless it is "true".
        var set = Assert.Single(steps.OfType<SetPropertyStep>());
        Assert.Equal("PRESERVE_WS_ADDRESSING", set.Name);
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Removing_preserve_ws_addressing_is_a_data_property()
    {
        var (steps, diagnostics) = Lower("""<property name="PRESERVE_WS_ADDRESSING" action="remove"/>""");

        Assert.Equal("PRESERVE_WS_ADDRESSING", Assert.Single(steps.OfType<RemovePropertyStep>()).Name);
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("""<property name="PRESERVE_WS_ADDRESSING" value="true" type="BOOLEAN"/>""")]
    public void Preserve_ws_addressing_typed_stays_a_todo(string property)
    {
        var (steps, diagnostics) = Lower(property);

        // Synapse's senders cast the property to a String: a typed value fails there, which the runtime does not reproduce.
        Assert.Single(steps.OfType<TodoStep>());
        Assert.Empty(steps.OfType<SetPropertyStep>());
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }

    private const string Backend = """<endpoint><address uri="http://localhost:9000/services/A"/></endpoint>""";

    [Fact]
    public void Force_error_on_soap_fault_is_data_and_every_send_through_an_endpoint_checks_its_response()
    {
        var (steps, diagnostics) = Lower($"""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true" type="STRING"/><call>{Backend}</call><call><endpoint><default/></endpoint></call>""");

        Assert.Equal("FORCE_ERROR_ON_SOAP_FAULT", Assert.Single(steps.OfType<SetPropertyStep>()).Name);
        // SynapseCallbackReceiver checks the response of a send whose endpoint is on the fault stack: the check reads the property at run time.
        // The address endpoint keeps EndpointDefinition's default suspension state: its send checks the response itself
        // (the fault goes to AddressEndpoint.onFault); the default endpoint, which keeps none here, gets a separate check.
        var kinds = steps.Select(s => s.GetType()).ToList();
        var send = Assert.Single(steps.OfType<CallStep>());
        Assert.True(send.TracksSuspension);
        Assert.True(send.SoapFault);
        Assert.Equal(typeof(SoapFaultCheckStep), kinds[kinds.IndexOf(typeof(CallAddressStep)) + 1]);
        Assert.Single(steps.OfType<SoapFaultCheckStep>());
        Assert.Empty(steps.OfType<TodoStep>());
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Without_the_property_no_response_is_checked()
    {
        var (steps, _) = Lower($"""<call>{Backend}</call>""");

        Assert.Empty(steps.OfType<SoapFaultCheckStep>());
    }

    [Fact]
    public void An_endpointless_or_out_only_send_is_not_checked()
    {
        var (steps, _) = Lower($"""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/><header name="To" value="http://localhost:9000/a"/><call/><property name="OUT_ONLY" value="true"/><call>{Backend}</call>""");

        // No endpoint is pushed on the fault stack for an endpoint-less send, and OUT_ONLY registers no callback.
        Assert.Empty(steps.OfType<SoapFaultCheckStep>());
    }

    [Fact]
    public void A_blocking_call_checks_its_response_in_the_blocking_sender()
    {
        var (steps, diagnostics) = Lower($"""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/><header name="To" value="http://localhost:9000/a"/><call blocking="true"/><call blocking="true">{Backend}</call>""");

        // BlockingMsgSenderUtils.fillClientOptions reads the property for both (Axis2's exceptionToBeThrownOnSOAPFault):
        // the blocking call itself checks the response, before its error-status rule; no separate check follows it.
        Assert.True(Assert.Single(steps.OfType<CallStep>()).SoapFault);
        Assert.True(Assert.Single(steps.OfType<CallAddressStep>()).SoapFault);
        Assert.Empty(steps.OfType<SoapFaultCheckStep>());
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("FORCE_ERROR_ON_SOAP_FAULT", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_property_a_blocking_call_or_callout_does_not_check()
    {
        var (steps, _) = Lower($"""<call blocking="true">{Backend}</call><callout serviceURL="http://localhost:9000/services/Quote"/>""");

        Assert.Equal(2, steps.OfType<CallStep>().Count());
        Assert.All(steps.OfType<CallStep>(), call => Assert.False(call.SoapFault));
    }

    [Fact]
    public void A_typed_force_error_on_soap_fault_stays_a_todo()
    {
        var (steps, diagnostics) = Lower($"""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true" type="BOOLEAN"/><call>{Backend}</call>""");

        // SynapseCallbackReceiver casts the property to String: a Boolean fails there.
        Assert.Single(steps.OfType<TodoStep>());
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }

    [Fact]
    public void A_callout_checks_its_response_when_the_input_sets_force_error_on_soap_fault()
    {
        var (steps, diagnostics) = Lower("""<property name="FORCE_ERROR_ON_SOAP_FAULT" value="true"/><callout serviceURL="http://localhost:9000/services/Quote"><source type="envelope"/></callout>""");

        // The callout's endpoint sends through the blocking sender, which reads the property (BlockingMsgSenderUtils).
        var call = Assert.Single(steps.OfType<CallStep>());
        Assert.True(call.Blocking);
        Assert.True(call.SoapFault);
        Assert.Empty(steps.OfType<SoapFaultCheckStep>());
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("FORCE_ERROR_ON_SOAP_FAULT", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("enableMTOM", "MTOM")]
    [InlineData("enableSwA", "SOAP with Attachments")]
    public void Mtom_and_swa_stay_todos_that_say_what_ballerina_offers(string name, string format)
    {
        var (steps, diagnostics) = Lower($"""<property name="{name}" value="true" scope="axis2"/>""");

        // No Ballerina writer produces these multipart/related forms: the TODO names the mime building blocks instead.
        var message = Assert.Single(steps.OfType<TodoStep>()).Reason.Message;
        Assert.Contains(format, message, StringComparison.Ordinal);
        Assert.Contains("ballerina/mime", message, StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.PropertyNotTranslated.Id);
    }
}
