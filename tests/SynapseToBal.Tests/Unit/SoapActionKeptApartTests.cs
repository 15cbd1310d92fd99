using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The message's SOAP action is kept apart from its transport headers, as Axis2 keeps it in the message's options:
/// the pass-through ServerWorker sets it from the request's SOAPAction header, HeaderMediator's Action (setWSAAction),
/// a target's and a task's soapAction change it, a transport header named SOAPAction changes only the headers map,
/// and TargetRequest writes the outgoing SOAPAction header from the action when it is non-empty (else the header goes
/// out as written).
/// </summary>
public sealed class SoapActionKeptApartTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void A_transport_soap_action_header_is_a_header_and_not_the_action()
    {
        var functions = ArtifactConversion.Convert($"""
            <api {Ns} name="QuoteAPI" context="/quote"><resource methods="POST"><inSequence>
              <header name="SOAPAction" scope="transport" value="urn:transport"/>
              <header name="soapaction" scope="transport" value="urn:lower"/>
              <log level="custom"><property name="action" expression="get-property('Action')"/></log>
              <respond/>
            </inSequence></resource></api>
            """)["main.bal"];
        Assert.Contains("ctx.headers[\"soapaction\"] = \"urn:transport\";", functions, StringComparison.Ordinal);
        Assert.Contains("ctx.headers[\"soapaction\"] = \"urn:lower\";", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("setAction(", functions, StringComparison.Ordinal);
        Assert.Contains("check addressingAction(ctx)", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_action_sets_the_message_action()
    {
        var functions = ArtifactConversion.Convert($"""
            <api {Ns} name="QuoteAPI" context="/quote"><resource methods="POST"><inSequence>
              <header name="Action" value="urn:getQuote"/>
              <header name="Action" expression="get-property('op')"/>
              <header name="Action" action="remove"/>
              <respond/>
            </inSequence></resource></api>
            """)["main.bal"];
        RuntimeSourceText.InOrder(functions,
            "setAction(ctx, \"urn:getQuote\");",
            "setAction(ctx, getProperty(ctx, \"op\"));",
            "setAction(ctx, \"\");");
        Assert.DoesNotContain("soapaction", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_reads_the_kept_action_and_sets_it_where_the_micro_integrator_does()
    {
        // Read: the kept action, which every transport set once when it made the context.
        var read = RuntimeSourceText.Function("soapAction");
        Assert.Contains("return ctx.action;", read, StringComparison.Ordinal);
        Assert.DoesNotContain("getHeader", read, StringComparison.Ordinal);

        // Taken from the request once, after its headers are read.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("newContext"), "check receiveHeaders(ctx, request);", "ctx.action = httpSoapAction(ctx);");

        // Set by a header Action / target: it replaces what AddressingInHandler took from wsa:Action.
        var set = RuntimeSourceText.Function("setAction");
        Assert.Contains("ctx.action = action;", set, StringComparison.Ordinal);
        Assert.Contains("ctx.wsaAction = ();", set, StringComparison.Ordinal);

        // A backend's response has an empty action (ClientWorker), whatever SOAPAction header it carries.
        Assert.Contains("ctx.action = \"\";", RuntimeSourceText.Function("becomeResponse"), StringComparison.Ordinal);

        // A callout's action goes on the copy it sends, and the request's comes back with the request state.
        Assert.Contains("setAction(ctx, soapAction);", RuntimeSourceText.Function("blockingSend"), StringComparison.Ordinal);
        Assert.DoesNotContain("ctx.headers[\"soapaction\"]", RuntimeSourceText.Function("blockingSend"), StringComparison.Ordinal);
        Assert.Contains("ctx.action = state.action;", RuntimeSourceText.Function("restoreRequestState"), StringComparison.Ordinal);
        Assert.Contains("action: ctx.action,", RuntimeSourceText.Function("requestState"), StringComparison.Ordinal);
        Assert.Contains("string action = \"\";", RuntimeSourceText.Types, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outgoing_header_of_a_soap11_message_is_written_from_its_action()
    {
        var request = RuntimeSourceText.Function("outboundRequest");
        RuntimeSourceText.InOrder(request, "headers(ctx, request);", "if bodyFormat(ctx.contentType) == \"soap\" && !isSoap12(ctx.contentType) {", "string actionName = soapAction(ctx);", "if actionName != \"\" {", "request.setHeader(\"SOAPAction\"");

        // A JSON or text message is not given a SOAPAction header from its action (their formatters give none).
        Assert.DoesNotContain("clientSoap != \"soap12\"", request, StringComparison.Ordinal);

        // The URL postfix: a text/xml message is REST only without an action (Axis2FlexibleMEPClient tests the
        // message's action, which a header mediator's Action sets without a SOAPAction header).
        Assert.Contains("(baseType == \"text/xml\" && !ctx.headers.hasKey(\"soapaction\") && soapAction(ctx) == \"\")", RuntimeSourceText.Function("restPostfix"), StringComparison.Ordinal);
    }
}
