using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <callout>: Synapse's blocking sender, as call blocking="true".
public sealed partial class Lowerer
{
    /// <summary>
    /// CalloutMediator sends a copy of the message through the BlockingMsgSender and, without a &lt;target&gt;,
    /// puts the response envelope (or JSON payload) and status on the message; the request headers stay unless
    /// BLOCKING_SENDER_PRESERVE_REQ_HEADERS is "false"; an error status or transport failure runs the fault
    /// handler. Without a &lt;source&gt; (or with type="envelope", or the XPath of the first body child) the whole
    /// message is sent; the action goes on that copy only. That is what callBlocking does. Other source or target
    /// expressions, keys and WS-Security stay TODOs.
    /// </summary>
    private IEnumerable<StepIr> LowerCallout(CalloutMediator callout, FlowContext context)
    {
        if (callout.Source is { Type: not "envelope" } source && !IsPayloadXPath(source.XPath))
        {
            var what = source.Key is { } key ? $"the property '{key}'" : $"the nodes '{source.XPath?.Original}' select";
            return [Todo(callout, DiagnosticCatalog.AttributeNotTranslated, $"the callout sends {what} as the body of a copy of the message: CalloutMediator makes the first element it gives the only child of the request's body (a JSON message is sent whole), while callBlocking sends the whole message; make that element the body of a copy of the context and call the endpoint's client with it by hand, or <enrich> it into the body before a <call blocking=\"true\">", "callout", "source", "CalloutMediator sends only the element the source gives as the request body, callBlocking the whole message; build that body on a copy of the context and call the endpoint's client by hand")];
        }

        if (callout.Target is { } target && !IsPayloadXPath(target.XPath))
        {
            var what = target.Key is { } key ? $"the property '{key}'" : $"the node '{target.XPath?.Original}' selects (replaced)";
            return [Todo(callout, DiagnosticCatalog.AttributeNotTranslated, $"the callout puts the response body into {what}: CalloutMediator puts the response body's first element in place of the first node the target XPath selects, or into the target property (a JSON response replaces the whole payload), while callBlocking replaces the message; call the endpoint's client by hand on a copy of the context and put the response's first element where the target says", "callout", "target", "CalloutMediator puts the response's first body element where the target says, callBlocking replaces the message; call the endpoint's client by hand and put the response's first element there")];
        }

        if (callout.Security is not null)
        {
            return [Todo(callout, DiagnosticCatalog.AttributeNotTranslated, "the callout signs or encrypts with WS-Security policies", "callout", "enableSec", "WS-Security has no Ballerina http:Client counterpart; secure the call by hand")];
        }

        if (callout.Axis2Xml is not null || callout.Repository is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, callout.Location, "callout", "configuration", "the Axis2 client repository and axis2.xml are not applied; the client uses its defaults");
        }

        if (callout.UseServerConfig is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, callout.Location, "callout", "useServerConfig", "the server's Axis2 configuration is not applied");
        }

        if (callout.InitAxis2ClientOptions == false)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, callout.Location, "callout", "initAxis2ClientOptions=\"false\"", "the incoming message's client options are not reused");
        }

        EndpointReferenceSyntax? reference = callout.Endpoint
            ?? (callout.EndpointKey is { } endpointKey ? new EndpointReferenceSyntax.Key(new KeySyntax(endpointKey, null), callout.Location)
            : callout.ServiceUrl is { } url ? new EndpointReferenceSyntax.Inline(new EndpointSyntax(callout.Location, callout.RawXml, null, new AddressEndpointSyntax(callout.Location, url, null, CalloutServiceUrlQualities), []))
            : null);
        if (reference is null)
        {
            return [Todo(callout, DiagnosticCatalog.AttributeNotTranslated, "a callout without serviceURL, endpointKey or endpoint sends to the message's To address", "callout", "no endpoint", "sending to the message's To address is not translated")];
        }

        var step = CallStepFor(callout, reference, context, out var reason);
        if (step is null)
        {
            if (JmsCalloutOutOnly(callout, reference, context) is { } jmsOutOnly)
            {
                return jmsOutOnly;
            }

            if (MailSend(callout, reference, context) is { } mail)
            {
                return mail;
            }

            ReportJmsRequestReply(reference, callout.Location, "a <callout> that waits for a reply (OUT_ONLY not \"true\") is not translated: CalloutMediator sends a copy of its source through the blocking sender (BlockingMsgSender.send, sendReceive: JMSSender waits on the address's transport.jms.ReplyDestination, else a temporary queue, as requestJms does), then puts the reply's first body element (the envelope for a target of type envelope) into its target (a property or the place its XPath names) and leaves the message's content type and transport headers as they were, where requestJms replaces the whole message; a failure sets ERROR_CODE and ERROR_MESSAGE and runs the fault handler");
            if (LocalCall(callout, reference, context.Exchange.Current, callout.Location) is TodoStep local)
            {
                return [local];
            }

            ReportVfsNotTranslated(reference, callout.Location, "a <callout> to it is not translated: the Micro Integrator's blocking sender writes the file and waits for a reply the file system never gives; write the file by hand with vfsWriteFile / vfsWriteRemote");
            return reason is null && callout.EndpointKey is { } unresolved && _model.Symbols.Endpoint(unresolved) is null
                ? [Todo(callout, DiagnosticCatalog.EndpointNotTranslated, $"the callout endpoint '{unresolved}' is not an endpoint artifact of the input", $"'{unresolved}'")]
                : [NotTranslatedCall(callout, reason)];
        }

        // The callout's endpoint sends through the blocking sender, which reads FORCE_ERROR_ON_SOAP_FAULT (CalloutMediator
        // sets BLOCKING_MSG_SENDER, so AbstractEndpoint.send goes to BlockingMsgSender.send).
        step = ThroughBlockingSender(step) with { SoapAction = callout.Action, SoapFault = SetsForceErrorOnSoapFault };
        step = BlockingOutOnly(step, context.Exchange.Current, callout.Location, "callout") with { Callout = true };
        ReportBlockingAddressing(step, callout.Location, "callout");
        ReportBlockingGroup(step.Client, callout.Location, "callout");
        return step.Client.DefaultTimeout
            ? [new CommentStep(callout, $"callout: the Micro Integrator's blocking sender gives up after 60 s (SO_TIMEOUT of its blocking HTTP sender in default.json), not the {GlobalTimeoutSeconds} s the client waits."), step]
            : [step];
    }

    private static bool IsPayloadXPath(ExpressionSyntax? xpath) => SoapBodyPaths.IsFirstBodyChild(xpath);
}
