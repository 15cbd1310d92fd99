using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Behaviour properties whose effect the generated runtime already has, so they lower as plain data properties.
public sealed partial class Lowerer
{
    /// <summary>
    /// <c>preserveProcessedHeaders</c> set to a literal true (default scope): Synapse's senders then keep the SOAP header
    /// blocks a handler marked processed (MessageHelper.removeProcessedHeaders is skipped). The generated runtime never
    /// marks or strips processed header blocks, so it always behaves as with true: the property stays a data property
    /// (get-property still reads it). A false, removed or computed value keeps its TODO: the stripping is not reproduced.
    /// </summary>
    private static bool PreservesProcessedHeaders(PropertyMediator property) => PreservesHeaders(property, "preserveProcessedHeaders");

    /// <summary>
    /// <c>PRESERVE_WS_ADDRESSING</c> (default scope) set to a String value, literal or computed, or removed: before a
    /// non-blocking send Synapse's Axis2FlexibleMEPClient (cloneForSend) removes the message's WS-Addressing header
    /// blocks (MessageHelper.removeAddressingHeaders) unless the property is "true" (Boolean.parseBoolean). The
    /// runtime's <c>callEndpoint</c> does the same with the property the message holds, so it is a data property. A
    /// typed or XML value stays a TODO: the sender's String cast would fail.
    /// </summary>
    private static bool PreservesAddressingHeaders(PropertyMediator property) =>
        property.Name == "PRESERVE_WS_ADDRESSING" && property.Scope == "default"
        && (property.Action == PropertyAction.Remove
            || (property.Type?.ToUpperInvariant() is null or "STRING" && property.Value is not (null or ValueSyntax.InlineXml)));

    /// <summary>
    /// <c>BLOCKING_SENDER_PRESERVE_REQ_HEADERS</c> (default scope), set in any form or removed, is a data property: after a
    /// blocking call's or callout's response, BlockingMsgSender.send (and CalloutMediator.mediate) copy the response's
    /// transport headers onto the message (MessageHelper.copyResponseMessageHeaders) when the property is the string
    /// "false" (<c>"false".equals(...)</c>: a typed BOOLEAN false is not), which the runtime's <c>blockingSend</c> does
    /// with the value the message holds.
    /// </summary>
    private const string BlockingSenderPreserveRequestHeaders = "BLOCKING_SENDER_PRESERVE_REQ_HEADERS";

    /// <summary>Why a typed or XML <c>PRESERVE_WS_ADDRESSING</c> stays a TODO.</summary>
    private const string TypedPreserveAddressingReason =
        "Axis2FlexibleMEPClient casts 'PRESERVE_WS_ADDRESSING' to a String before a non-blocking send, so a typed or XML value makes that send fail; set it as a string (\"true\" keeps the WS-Addressing header blocks)";

    private static bool PreservesHeaders(PropertyMediator property, string name) =>
        property.Name == name && property.Scope == "default" && property.Action != PropertyAction.Remove
        && property.Type?.ToUpperInvariant() is null or "STRING"
        && property.Value is ValueSyntax.Literal { Text: var text } && text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why an axis2 transport switch of one message stays a TODO: the Micro Integrator's pass-through sender applies it to
    /// that request only, while the Ballerina http:Client fixes the HTTP version and the chunking in its configuration,
    /// for every request it sends. Null for other properties.
    /// </summary>
    private static string? TransportSwitchReason(string name) => name switch
    {
        "FORCE_HTTP_1.0" => "axis2 property 'FORCE_HTTP_1.0' sends this message over HTTP/1.0; an http:Client sets its HTTP version only in its configuration (httpVersion), for every request: set it on the endpoint's client by hand if every message sent there needs it",
        "DISABLE_CHUNKING" => "axis2 property 'DISABLE_CHUNKING' sends this message with a Content-Length instead of chunks; an http:Client sets chunking only in its configuration (http1Settings.chunking), for every request: set CHUNKING_NEVER on the endpoint's client by hand if every message sent there needs it",
        "FORCE_HTTP_CONTENT_LENGTH" => "axis2 property 'FORCE_HTTP_CONTENT_LENGTH' sends this message with a Content-Length instead of chunks; an http:Client sets chunking only in its configuration (http1Settings.chunking), for every request: set CHUNKING_NEVER on the endpoint's client by hand if every message sent there needs it",
        "COPY_CONTENT_LENGTH_FROM_INCOMING" => "axis2 property 'COPY_CONTENT_LENGTH_FROM_INCOMING' sends the received Content-Length instead of chunks; an http:Client sets chunking only in its configuration (http1Settings.chunking), for every request: set CHUNKING_NEVER on the endpoint's client by hand if every message sent there needs it",
        "enableMTOM" => "axis2 property 'enableMTOM' writes this message as MTOM (multipart/related: the SOAP envelope as an application/xop+xml root part, each optimizable base64 content moved to a binary part an xop:Include refers to; 'optional' only when there is such content); Ballerina has no MTOM writer: build the parts with ballerina/mime (mime:Entity, each with its Content-ID) and send them with http:Request.setBodyParts by hand",
        "enableSwA" => "axis2 property 'enableSwA' writes this message as SOAP with Attachments (multipart/related: the SOAP envelope as the root part, then the message's attachments, which the generated runtime does not carry); Ballerina has no SwA writer: build the parts with ballerina/mime (mime:Entity, each with its Content-ID) and send them with http:Request.setBodyParts by hand",
        _ => null,
    };
}
