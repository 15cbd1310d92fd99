using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>One step of a flow. <see cref="Origin"/> is the mediator it came from.</summary>
public abstract record StepIr(MediatorSyntax? Origin)
{
    /// <summary>True when the step always ends the flow (its Ballerina form returns).</summary>
    public virtual bool Terminates => false;

    /// <summary>
    /// For the first step of something the flow does that no mediator stands for (the send to a proxy's target
    /// endpoint, <see cref="Origin"/> null): what it is, for the comment a refiner leaves where it never runs
    /// (<c>Refine/AnsweringFlows.cs</c>), so that removing it is never silent. Null for every other step.
    /// </summary>
    public string? Unmediated { get; init; }
}

public enum LogFunction
{
    Info,
    Debug,
    Warn,
    Error,
}

/// <summary>A log line: literal text and values, joined as Synapse writes them.</summary>
public sealed record LogStep(MediatorSyntax Origin, LogFunction Function, ImmutableArray<LogPart> Parts) : StepIr(Origin)
{
    /// <summary>The same content as fields (a message and key-values), for a structured log call; null when only the line is known.</summary>
    public LogFieldsIr? Fields { get; init; }
}

/// <summary>What a log mediator logs, field by field (issue 14): the writers emit <c>log:printInfo(message, key = value, ...)</c>.</summary>
/// <param name="Message">The MI 4.4 message template (text and values), empty when the mediator has none.</param>
/// <param name="Direction">"request" or "response" (the simple and full levels) where the flow tells which, else null.</param>
/// <param name="Properties">The logged properties in order; a null value is a credential, logged as <c>****</c>.</param>
public sealed record LogFieldsIr(ImmutableArray<LogPart> Message, string? Direction, bool Headers, ImmutableArray<LogFieldIr> Properties, bool Payload, bool MessageId)
{
    /// <summary>Where the log stands (the artifact and its flow): the refiner makes a message of it when the mediator gives none.</summary>
    public LogPlaceIr? Place { get; init; }

    /// <summary>
    /// The simple and full levels: the message's To address and its message id are logged (<c>to</c>, <c>messageId</c>),
    /// as LogMediator.getSimpleLogMessage prints To and MessageID before the direction.
    /// </summary>
    public bool Addressing { get; init; }

    /// <summary>
    /// The simple and full levels where the flow does not tell the message's direction (a fault flow, a named sequence,
    /// after a sequence that may change it): it is logged from the message at run time (<c>ctx.isResponse</c>), as
    /// LogMediator prints <c>Direction</c> from <c>synCtx.isResponse()</c>.
    /// </summary>
    public bool DirectionAtRunTime { get; init; }
}

/// <summary>The flow a log mediator stands in.</summary>
public enum LogFlow
{
    /// <summary>An API resource's or a proxy's in flow (and what it runs on the request).</summary>
    Request,

    /// <summary>An out flow: the backend's response.</summary>
    Response,

    /// <summary>A fault flow.</summary>
    Fault,

    /// <summary>A named sequence or sequence template: the direction is known only at run time.</summary>
    Sequence,
}

/// <param name="Owner">The artifact as Synapse names it (an API's name and its resource's uri-template or url-mapping, a proxy's, a sequence's name).</param>
public sealed record LogPlaceIr(string Owner, LogFlow Flow);

public sealed record LogFieldIr(string Name, ExprIr? Value);

public abstract record LogPart
{
    private LogPart()
    {
    }

    public sealed record Text(string Content) : LogPart;

    public sealed record Value(ExprIr Expression) : LogPart;

    public sealed record Payload : LogPart;

    /// <summary>The transport headers, credentials masked.</summary>
    public sealed record Headers : LogPart;

    /// <summary>The message ID (<c>logMessageID="true"</c>).</summary>
    public sealed record MessageId : LogPart;

    /// <summary>
    /// The message's correlation ID, as LogMediator prints it (<see cref="Prefix"/>, then the ID: <c>, correlation_id: ...</c>
    /// after the message ID, <c> correlation_id : ...</c> at the headers level) only when the message has one: an HTTP
    /// request always does (the pass-through SourceHandler.setCorrelationId), a message from another transport does not.
    /// </summary>
    public sealed record CorrelationId(string Prefix) : LogPart;

    /// <summary>
    /// The message's direction, <c>request</c> or <c>response</c>, read at run time (<c>ctx.isResponse</c>) where the
    /// flow does not tell it (LogMediator prints <c>synCtx.isResponse()</c>); a known one is <see cref="Text"/>.
    /// </summary>
    public sealed record Direction : LogPart;
}

/// <summary>Sets a property to a value of the value's own type (string, number, boolean, xml, json).</summary>
public sealed record SetPropertyStep(MediatorSyntax? Origin, string Name, ExprIr Value) : StepIr(Origin)
{
    /// <summary>The map the property is written to (axis2: one holding data, not one Synapse or the transport acts on).</summary>
    public PropertyScope Scope { get; init; }
}

public sealed record RemovePropertyStep(MediatorSyntax Origin, string Name) : StepIr(Origin)
{
    /// <summary>As <see cref="SetPropertyStep.Scope"/>.</summary>
    public PropertyScope Scope { get; init; }
}

/// <summary>MI 4.4 variable mediator: variables live in their own map, beside the properties.</summary>
public sealed record SetVariableStep(MediatorSyntax Origin, string Name, ExprIr Value) : StepIr(Origin);

public sealed record RemoveVariableStep(MediatorSyntax Origin, string Name) : StepIr(Origin);

/// <summary>Stores a value (not only text) in a property, as enrich with a property target does.</summary>
public sealed record StorePropertyStep(MediatorSyntax Origin, string Name, ValueIr Value) : StepIr(Origin)
{
    /// <summary>A copy of the value is stored (enrich clone="true": Synapse's Source clones what it selected), not the message's own nodes.</summary>
    public bool Copy { get; init; }
}

/// <summary>Replaces the payload with a value, as enrich with a body target does (messageType unchanged).</summary>
public sealed record ReplacePayloadStep(MediatorSyntax Origin, ValueIr Value) : StepIr(Origin)
{
    /// <summary>A copy of the value becomes the payload (enrich clone="true"), so a later edit of either leaves the other alone.</summary>
    public bool Copy { get; init; }

    /// <summary>
    /// A value that may be a JSON primitive (a property's, an inline text's, a JSONPath's), on Synapse's JSON path
    /// (native JSON support): while the message holds JSON, Target.insertJson replaces the body only with an object
    /// or array, and for anything else logs an error and keeps the payload (<c>setPayloadPrimitive</c>).
    /// </summary>
    public bool MayBePrimitive { get; init; }

    /// <summary>
    /// An enrich body target (Target.insert, type="body", action="replace"): the value takes the place of the SOAP
    /// body's first element and the body's other children stay (<c>setBodyFirstElement</c>), where an aggregate's
    /// part replaces the whole body.
    /// </summary>
    public bool FirstElement { get; init; }
}

/// <summary>
/// enrich into the message: at an XPath or JSONPath, the body with child/sibling actions, or the envelope
/// (semantics §6.5). <see cref="NativeJson"/>: Synapse's factory enables its JSON path for this configuration, so a
/// JSON payload is edited as JSON at run time.
/// </summary>
public sealed record EnrichStep(MediatorSyntax Origin, ValueIr Source, EnrichTargetIr Target, EnrichAction Action, bool NativeJson) : StepIr(Origin)
{
    /// <summary>A copy of the source is inserted (clone="true"), not the nodes it selected.</summary>
    public bool Copy { get; init; }
}

/// <summary>Where an <see cref="EnrichStep"/> writes.</summary>
public abstract record EnrichTargetIr
{
    private EnrichTargetIr()
    {
    }

    /// <summary>The first node an XPath selects; <c>TextOnly</c> navigations target the element's text.</summary>
    public sealed record XmlPath(XmlNavigationIr Navigation) : EnrichTargetIr;

    public sealed record JsonPath(string Path) : EnrichTargetIr;

    /// <summary>The first element of the SOAP body (child and sibling actions).</summary>
    public sealed record Body : EnrichTargetIr;

    public sealed record Envelope : EnrichTargetIr;
}

/// <summary>
/// enrich <c>action="remove"</c> (MI 4.x): deletes every match of each JSONPath from the JSON payload, or from the JSON a
/// property holds when <see cref="Property"/> is set (Target.removeJsonFromBody / removeJsonFromProperty).
/// </summary>
public sealed record EnrichRemoveStep(MediatorSyntax Origin, ImmutableArray<string> Paths, string? Property) : StepIr(Origin);

/// <summary>
/// enrich <c>action="child"</c> or <c>"sibling"</c> into the property <see cref="Property"/> (Target.insert's and
/// Target.insertJson's property branches): with <see cref="NativeJson"/> (Synapse's JSON path on) and a JSON message,
/// child appends the source to the JSON array the property holds as text and sibling changes nothing; otherwise child
/// adds the source elements to the XML the property holds as text (the property becomes that element's text) and,
/// like sibling, sets the property to the source's nodes when it holds no XML text.
/// </summary>
public sealed record EnrichPropertyStep(MediatorSyntax Origin, string Property, ValueIr Source, EnrichAction Action, bool NativeJson) : StepIr(Origin)
{
    /// <summary>Whether the source is copied (clone="true").</summary>
    public bool Copy { get; init; } = true;
}

/// <summary>
/// enrich <c>target type="key"</c> (MI 4.x): renames the member <see cref="Key"/> of the objects <see cref="Path"/>
/// selects in the JSON payload to the source's string value (EnrichMediator over Target.renameKey).
/// </summary>
public sealed record EnrichRenameKeyStep(MediatorSyntax Origin, ValueIr Source, string Path, string Key) : StepIr(Origin);

/// <summary>
/// rewrite (URLRewriteMediator): the address in <see cref="InProperty"/> (the To address when null) split into URI
/// fragments, rewritten rule by rule, and written to <see cref="OutProperty"/> (the To address when null).
/// </summary>
public sealed record RewriteStep(MediatorSyntax Origin, string? InProperty, string? OutProperty, ImmutableArray<UrlRewriteRuleIr> Rules) : StepIr(Origin);

public sealed record SetHeaderStep(MediatorSyntax Origin, string Name, ExprIr Value) : StepIr(Origin);

public sealed record RemoveHeaderStep(MediatorSyntax Origin, string Name) : StepIr(Origin);

public sealed record ClearHeadersStep(MediatorSyntax Origin) : StepIr(Origin);

/// <summary>Sets a typed context field (status code: an integer; content type, method, URL postfix: strings).</summary>
public sealed record SetFieldStep(MediatorSyntax Origin, ContextField Field, ExprIr Value) : StepIr(Origin);

public sealed record ClearPayloadStep(MediatorSyntax Origin) : StepIr(Origin);

/// <summary>
/// The flow waits <paramref name="Milliseconds"/> and goes on (<c>runtime:sleep</c>): a script whose only statement is
/// <c>java.lang.Thread.sleep(n)</c>, which blocks the mediating thread for that long and changes nothing else.
/// </summary>
public sealed record PauseStep(MediatorSyntax Origin, long Milliseconds) : StepIr(Origin);

/// <summary>
/// The message becomes a response (loopback, makefault, <c>RESPONSE=true</c>) or, with <paramref name="IsResponse"/>
/// false, a request again (<c>RESPONSE=false</c>), as <c>&lt;in&gt;</c>/<c>&lt;out&gt;</c> and an endpoint-less send see it.
/// </summary>
public sealed record MarkResponseStep(MediatorSyntax Origin, bool IsResponse = true) : StepIr(Origin);

/// <summary>
/// An endpoint-less send or call on a request: the message goes to its To address (set by <c>header To</c>), as
/// Synapse's default endpoint sends it (semantics §4.2, §6.6).
/// </summary>
public sealed record CallAddressStep(MediatorSyntax Origin) : StepIr(Origin)
{
    /// <summary>
    /// The message may hold a concurrency throttle's slot here (<c>Refine/ThrottleSlots.cs</c>): the response or failure of this non-blocking send gives it back
    /// (SynapseCallbackReceiver.handleMessage, AbstractEndpoint.informFailure; Axis2FlexibleMEPClient.send for OUT_ONLY).
    /// </summary>
    public bool ReleasesThrottle { get; init; }

    /// <summary>As <see cref="CallStep.Blocking"/>.</summary>
    public bool Blocking { get; init; }

    /// <summary>As <see cref="CallStep.OutOnly"/>.</summary>
    public bool OutOnly { get; init; }

    /// <summary>As <see cref="CallStep.SoapFault"/>, for a blocking call.</summary>
    public bool SoapFault { get; init; }

    /// <summary>
    /// A non-blocking send or call through a default endpoint: DefaultEndpoint.send builds an unbuilt message first, so
    /// the request's <c>wsa:To</c> header block becomes its To address (the runtime's <c>build</c>).
    /// </summary>
    public bool BuildsMessage { get; init; }
}

public enum PayloadKind
{
    Json,
    Xml,
    Text,
}

/// <summary>
/// payloadFactory: a template with <c>$n</c> argument slots. PayloadFactoryMediator trims the result: the template's
/// literal ends come trimmed; an end that is an argument is left to trim at run time.
/// </summary>
public sealed record SetPayloadStep(MediatorSyntax Origin, PayloadKind Kind, ImmutableArray<TemplatePart> Template) : StepIr(Origin)
{
    /// <summary>For a JSON template that is valid JSON with its slots in place: the template as a tree (else the text is built and parsed at run time).</summary>
    public JsonNodeIr? Json { get; init; }

    /// <summary>For an XML template that is well-formed XML with its slots in place: the template as a tree (else the text form is written).</summary>
    public ImmutableArray<XmlNodeIr>? Xml { get; init; }
}

public abstract record TemplatePart
{
    private TemplatePart()
    {
    }

    public sealed record Text(string Content) : TemplatePart
    {
        /// <summary>
        /// An http endpoint's uri-template variable HTTPEndpoint.resolveUrlTemplate never binds (a name that is no
        /// <c>uri.var.*</c> or <c>query.param.*</c> property, <c>{x}</c>, <c>{+a.b}</c>): it expands to nothing (the
        /// empty <see cref="Content"/>), and this is its text as the template keeps it when the message holds no such
        /// property at all (<c>uriTemplateText</c>).
        /// </summary>
        public string? UriVariable { get; init; }
    }

    /// <param name="InAttribute">For XML templates: the slot sits inside an attribute value.</param>
    public sealed record Argument(ExprIr Value, bool Raw, bool InAttribute) : TemplatePart
    {
        /// <summary>
        /// A uri-template's <c>{+x}</c>: RFC 6570 reserved expansion, which passes reserved and unreserved characters
        /// and percent-encodes the rest (a space, non-ASCII), as HTTPEndpoint's UriTemplate library does.
        /// </summary>
        public bool Reserved { get; init; }

        /// <summary>
        /// An http endpoint's uri-template variable as written (<c>{uri.var.id}</c>, <c>{+uri.var.x}</c>): when the
        /// message holds no <c>uri.var.*</c> or <c>query.param.*</c> property at all, HTTPEndpoint.resolveUrlTemplate
        /// sends the template unexpanded (<c>uriTemplateText</c>).
        /// </summary>
        public string? UriVariable { get; init; }
    }
}

public enum FaultKind
{
    Soap11,
    Soap12,

    /// <summary>Plain XML: an <c>&lt;Exception&gt;</c> element in place of the payload.</summary>
    Pox,
}

/// <summary>makefault: the message becomes a SOAP 1.1/1.2 fault or a POX exception (sent by a later respond or send).</summary>
/// <param name="Code">The fault code's local name (the envelope's namespace qualifies it).</param>
/// <param name="Detail">Text, XML nodes of the message, or inline XML elements.</param>
public sealed record MakeFaultStep(MediatorSyntax Origin, FaultKind Kind, ExprIr Code, ExprIr Reason, ExprIr? Node, ExprIr? Role, ValueIr? Detail) : StepIr(Origin)
{
    /// <summary>
    /// The prefix of a literal SOAP code when it is not <c>soapenv</c> (<c>soap12Env:Receiver</c>): FaultMediator sets
    /// the code as a QName keeping the prefix written, which Axiom declares on the code's element (faultcode, or the
    /// SOAP 1.2 Value) and writes in its text. Null: the envelope's own <c>soapenv</c>.
    /// </summary>
    public string? CodePrefix { get; init; }
}

/// <summary>
/// xslt / fastXSLT: the payload (or the nodes a source expression selects) transformed by a stylesheet held in a
/// module-level XML value, with string parameters; the result replaces the payload or goes to a property.
/// </summary>
/// <param name="Source">The nodes transformed; null for the payload (the first child of the SOAP body).</param>
/// <param name="Stylesheet">The module-level value holding the stylesheet (a local entry or a registry stylesheet).</param>
/// <param name="TargetProperty">The property the result is stored in; null to replace the payload.</param>
public sealed record XsltStep(MediatorSyntax Origin, XmlNavigationIr? Source, Symbol Stylesheet, ImmutableArray<XsltParameterIr> Parameters, string? TargetProperty) : StepIr(Origin);

public sealed record XsltParameterIr(string Name, ExprIr Value);

/// <summary>
/// jsontransform with conversion settings only: the body's first element (a JSON payload as the XML Synapse reads it
/// as) converted to JSON again and made the JSON payload, with text typed as <paramref name="Primitives"/> says.
/// </summary>
/// <param name="Primitives">How element text becomes a JSON value: the default rule (numbers, booleans, null), or
/// always a string (output.autoPrimitive=false), or a string when it fully matches <see cref="StringPattern"/>
/// (output.disableAutoPrimitive.regex).</param>
public sealed record JsonTransformStep(MediatorSyntax Origin, bool Primitives, string? StringPattern) : StepIr(Origin);

/// <summary>
/// FORCE_ERROR_ON_SOAP_FAULT, after a send through an endpoint: when the message holds the property as "true" and
/// the response's envelope holds a SOAP fault, the endpoint fails and the fault flow runs on the response
/// (SynapseCallbackReceiver).
/// </summary>
public sealed record SoapFaultCheckStep(MediatorSyntax? Origin) : StepIr(Origin);

/// <summary>A call to a backend; the message continues with the response.</summary>
public sealed record CallStep(MediatorSyntax? Origin, ClientIr Client, HttpPathIr Path) : StepIr(Origin)
{
    /// <summary>
    /// The message may hold a concurrency throttle's slot here (<c>Refine/ThrottleSlots.cs</c>): the response or failure of this non-blocking call gives it back
    /// (SynapseCallbackReceiver.handleMessage, AbstractEndpoint.informFailure; Axis2FlexibleMEPClient.send for OUT_ONLY).
    /// </summary>
    public bool ReleasesThrottle { get; init; }

    /// <summary>
    /// <c>call blocking="true"</c>: Synapse's blocking sender, for which an HTTP status of 400 or more is a fault
    /// (unless the client lists it as a non-error status) and the request headers stay on the message.
    /// A non-blocking call takes every status as a response.
    /// </summary>
    public bool Blocking { get; init; }

    /// <summary>
    /// <c>OUT_ONLY=true</c>: fire and forget. The response is discarded and the message stays as it was (Synapse
    /// registers no callback); no out flow runs for it.
    /// </summary>
    public bool OutOnly { get; init; }

    /// <summary>For a blocking call: a SOAPAction header sent on this request only (a callout's <c>action</c>).</summary>
    public string? SoapAction { get; init; }

    /// <summary>
    /// A callout's send: CalloutMediator sends a clone of the message, so with <see cref="OutOnly"/> nothing of the
    /// send (status, properties) reaches the message and a failure is the blocking sender's "Error sending Message to url".
    /// </summary>
    public bool Callout { get; init; }

    /// <summary>
    /// The call consults and updates its client's <see cref="ClientIr.Suspension"/> state: a non-blocking call or send
    /// (AddressEndpoint.send and its onFault/onSuccess); Synapse's blocking sender (blocking call, callout) never does.
    /// </summary>
    public bool TracksSuspension { get; init; }

    /// <summary>
    /// For a blocking call (or a callout): the input sets FORCE_ERROR_ON_SOAP_FAULT, which the blocking sender reads
    /// (BlockingMsgSenderUtils.fillClientOptions): when the message holds it as "true", a SOAP fault response is a
    /// fault, checked at run time. For a non-blocking call through a group or an endpoint that keeps a suspension
    /// state: the same check of SynapseCallbackReceiver, made before the member's or endpoint's state takes the result.
    /// </summary>
    public bool SoapFault { get; init; }
}

/// <summary>
/// dblookup / dbreport: SQL statements run in order through a database client. A lookup copies columns of the
/// first row into properties (no row, or a null column, leaves the property unchanged); a report runs updates
/// and records the modified row count (<c>DBREPORT_MODIFIED_RAW_COUNT</c>).
/// </summary>
public sealed record DbStep(MediatorSyntax Origin, DbClientIr Client, bool Lookup, ImmutableArray<DbStatementIr> Statements) : StepIr(Origin);

/// <summary>One statement: the SQL text around its <c>?</c> placeholders (one more segment than parameters), the parameters and the lookup results.</summary>
public sealed record DbStatementIr(ImmutableArray<string> SqlSegments, ImmutableArray<DbParameterIr> Parameters, ImmutableArray<DbResultIr> Results);

/// <summary>A statement parameter: its value as a string (Synapse's string value) bound as the JDBC type.</summary>
public sealed record DbParameterIr(ExprIr Value, DbParameterType Type);

/// <summary>The Ballerina value a JDBC parameter type binds as (Synapse's AbstractDBMediator setter for the type).</summary>
public enum DbParameterType
{
    /// <summary>CHAR, VARCHAR, LONGVARCHAR: the string.</summary>
    String,

    /// <summary>NUMERIC, DECIMAL: a decimal.</summary>
    Decimal,

    /// <summary>BIT: true when the text is "true" in any case (Boolean.parseBoolean), else false.</summary>
    Boolean,

    /// <summary>TINYINT, SMALLINT, INTEGER, BIGINT: an integer.</summary>
    Integer,

    /// <summary>REAL, FLOAT, DOUBLE: a float.</summary>
    Float,
    Date,
    Time,
    Timestamp,
}

/// <summary>A lookup result: the property set from a column, given by name (any case) or 1-based position.</summary>
public sealed record DbResultIr(string Property, string Column);

/// <summary>The request path of an outbound call.</summary>
public abstract record HttpPathIr
{
    private HttpPathIr()
    {
    }

    /// <summary>Address endpoint: the URL postfix (resource path and query) is appended.</summary>
    public sealed record Postfix : HttpPathIr;

    /// <summary>Address endpoint with a SOAP format: nothing is appended.</summary>
    public sealed record None : HttpPathIr;

    /// <summary>HTTP endpoint: a uri-template expanded from properties; <c>Method</c> overrides the incoming one.</summary>
    public sealed record Template(ImmutableArray<TemplatePart> Parts, string? Method) : HttpPathIr
    {
        /// <summary>
        /// The URL postfix is joined to the expansion for a REST request (an http endpoint without a method, or any
        /// http endpoint through the blocking sender); otherwise the expansion is the whole path.
        /// </summary>
        public bool AppendsPostfix { get; init; }
    }
}

/// <summary>Respond to the client with the current message.</summary>
public sealed record RespondStep(MediatorSyntax? Origin) : StepIr(Origin)
{
    /// <summary>
    /// The message may hold a concurrency throttle's slot here (<c>Refine/ThrottleSlots.cs</c>): the answer to the client gives it back
    /// (Axis2Sender.sendBack, handleConcurrentThrottleCount).
    /// </summary>
    public bool ReleasesThrottle { get; init; }

    public override bool Terminates => true;

    /// <summary>
    /// The Micro Integrator answers with Axis2Sender.sendBack alone, which writes no CORS headers: an endpoint-less
    /// <c>send</c> that answers (an out or fault flow's, a request marked as a response), a cache hit, a proxy's response
    /// with no out flow (also a response that came back through the API resource with no out flow: Resource.process
    /// sends it back, after <see cref="ThroughResource"/>). False for RespondMediator, which writes the CORS headers the
    /// resource recorded (CORSHelper.handleCORSHeadersForResponse).
    /// </summary>
    public bool SendBack { get; init; }

    /// <summary>
    /// The answer is a response that came back through the API resource that took the request (a send's response with
    /// no out flow, or one whose out flow only answers): API.process sets its correlation header and Resource.process
    /// writes the recorded CORS headers before it is answered (<c>throughApiResource</c>).
    /// </summary>
    public bool ThroughResource { get; init; }
}

/// <summary>Continue with a function (the out flow) and return its response.</summary>
/// <remarks><see cref="Function"/> null means the out flow the resource registered in the context.</remarks>
public sealed record ContinueWithStep(MediatorSyntax? Origin, Symbol? Function) : StepIr(Origin)
{
    public override bool Terminates => true;

    /// <summary>
    /// The message continues as a send's response, which is a response (<c>ctx.isResponse = true</c> first):
    /// SynapseCallbackReceiver.handleMessage marks a backend's response setResponse(true) and puts the calling
    /// message's direction back only for a call (CONTINUATION_CALL), so the out flow, and the fault flows and shared
    /// sequences it runs, see a response. Set where the direction is not already known to be a response; a
    /// <see cref="Function"/> null continuation (<c>continueWithResponse</c>) marks it itself.
    /// </summary>
    public bool MarksResponse { get; init; }

    /// <summary>
    /// The response comes back through the API resource that took the request (injected as a response, it goes through
    /// API.process, which sets its correlation header, and Resource.process, which writes the CORS headers recorded on
    /// the request (CORSHelper.handleCORSHeadersForResponse), before the out flow: <c>throughApiResource</c>). A
    /// <see cref="Function"/> null continuation (<c>continueWithResponse</c>) does it itself.
    /// </summary>
    public bool ThroughResource { get; init; }
}

/// <summary>
/// A response comes back through the API resource that took the request and goes on without a continuation (a copy's
/// or a recipient's response on its way to the out flow's aggregate): API.process sets its correlation header
/// (<c>activityid</c>) to the message's correlation ID and Resource.process writes the CORS headers recorded on the
/// request (CORSHelper.handleCORSHeadersForResponse) before the out flow's mediators run on it (<c>throughApiResource</c>).
/// </summary>
public sealed record ThroughResourceStep(MediatorSyntax? Origin) : StepIr(Origin);

/// <summary>Raise an error (MI 4.4 throwError): the fault handling of the flow takes over.</summary>
public sealed record FailStep(MediatorSyntax Origin, ExprIr Message) : StepIr(Origin)
{
    public override bool Terminates => true;
}

/// <summary>End the flow with Synapse's implicit 202.</summary>
public sealed record AcceptStep(MediatorSyntax? Origin) : StepIr(Origin)
{
    public override bool Terminates => true;

    /// <summary>
    /// The implicit end of a fault flow whose in flow sends to a backend (SB0260): a backend's failure gets no answer
    /// from the Micro Integrator, here 502 with no body (<c>unansweredFault(ctx, e)</c>); any other failure gets 202.
    /// </summary>
    public bool AfterBackendFailure { get; init; }

    /// <summary>
    /// The step may end a copy of an iterate or clone that stops its parent (<see cref="ForkAnswerIr"/>): the copy
    /// is marked as dropped (<c>dropped(ctx)</c>), so the fork takes no answer from it, as the Micro Integrator writes
    /// nothing for it (Refine/CopyDrops.cs). Elsewhere it is the 202 all the same (the 502 after a backend's failure in
    /// the fault flow a failing copy runs: <see cref="AfterBackendFailure"/>).
    /// </summary>
    public bool MarksDropped { get; init; }
}

/// <summary>
/// The log mediator of the Micro Integrator's default <c>fault</c> sequence (its full log with MESSAGE, ERROR_CODE and
/// ERROR_MESSAGE): <c>check defaultFaultLog(ctx);</c>, a runtime helper, as the sequence is the server's, not the
/// project's. The sequence's drop follows as an <see cref="AcceptStep"/>. <see cref="StepIr.Origin"/> is that log mediator.
/// </summary>
public sealed record DefaultFaultLogStep(MediatorSyntax Origin) : StepIr(Origin);

/// <summary>Call a generated function (a named sequence).</summary>
public sealed record InvokeStep(MediatorSyntax? Origin, Symbol Function, bool CanStop) : StepIr(Origin)
{
    /// <summary>
    /// The called sequence answers on every path (<c>Refine/AnsweringFlows.cs</c>): the call returns its answer and
    /// ends the flow, with no reply test.
    /// </summary>
    public bool Answers { get; init; }

    public override bool Terminates => Answers;

    /// <summary>Named arguments after the context (a sequence template's parameters).</summary>
    public ImmutableArray<ArgumentIr> Arguments { get; init; } = [];
}

public sealed record ArgumentIr(Symbol Parameter, ExprIr Value);

public sealed record IfStep(MediatorSyntax Origin, ConditionIr Condition, ImmutableArray<StepIr> Then, ImmutableArray<StepIr> Else) : StepIr(Origin)
{
    public override bool Terminates => Else.Length > 0 && Flow.Terminates(Then) && Flow.Terminates(Else);
}

public sealed record SwitchStep(MediatorSyntax Origin, ExprIr Source, ImmutableArray<SwitchCaseIr> Cases, ImmutableArray<StepIr> Default) : StepIr(Origin)
{
    public override bool Terminates => Cases.All(c => Flow.Terminates(c.Steps)) && Flow.Terminates(Default);
}

public sealed record SwitchCaseIr(string Pattern, ImmutableArray<StepIr> Steps);

/// <summary>Branch on the message direction (Synapse in/out inside a shared sequence).</summary>
public sealed record DirectionStep(MediatorSyntax Origin, ImmutableArray<StepIr> Request, ImmutableArray<StepIr> Response) : StepIr(Origin)
{
    public override bool Terminates => Flow.Terminates(Request) && Flow.Terminates(Response);
}

/// <summary>
/// The store mediator: runs the on-store sequence (its answer, if any, is ignored as Synapse ignores the
/// sequence's result), then adds a copy of the message to an in-memory store; the flow continues.
/// </summary>
public sealed record StoreMessageStep(MediatorSyntax Origin, Symbol Store, ProcessorSequenceIr? Sequence) : StepIr(Origin)
{
    /// <summary>The system a store outside the program keeps its messages in ("JMS", "JDBC", "RabbitMQ"): storing can fail, which fails the flow as in Synapse; null in memory.</summary>
    public string? External { get; init; }

    /// <summary>The in-memory store a message goes to when the JMS store cannot take it (guaranteed delivery); null without one.</summary>
    public Symbol? Failover { get; init; }
}

/// <summary>A construct not translated: a TODO marker with the diagnostic, the reason and the original XML.</summary>
public sealed record TodoStep(MediatorSyntax? Origin, NotTranslatedIr Reason, string RawXml) : StepIr(Origin)
{
    /// <summary>
    /// The TODO stands for a whole mediator that changes the message or its properties or calls or sends something:
    /// the flow fails here at run time (<c>check notTranslatedMediator(...)</c>) instead of going on as if it had done
    /// that work. False for a TODO beside a translated step and for a mediator with no run-time effect on the message.
    /// </summary>
    public bool FailsAtRunTime { get; init; }

    /// <summary>
    /// The TODO stands for a transport or sender setting the generated client does not apply (an axis2 or axis2-client
    /// property such as DISABLE_CHUNKING or NO_KEEPALIVE): the Micro Integrator sends the same message with it, so the
    /// flow goes on and the TODO never fails it.
    /// </summary>
    public bool SettingOnly { get; init; }
}

/// <summary>A plain comment explaining how a construct maps (no code is needed for it).</summary>
public sealed record CommentStep(MediatorSyntax? Origin, string Text) : StepIr(Origin);

/// <summary>A comment with original XML that never runs (for example mediators after a respond).</summary>
public sealed record DeadCodeStep(MediatorSyntax Origin, string Reason) : StepIr(Origin);

public static class Flow
{
    public static bool Terminates(ImmutableArray<StepIr> steps) => steps.Length > 0 && steps.Any(s => s.Terminates);
}

/// <summary>
/// iterate, clone, scatter-gather: copies of the message, each run by a generated branch function, then (when an
/// aggregate gathers them) the message becomes their aggregation. Each branch function ends by keeping only the part
/// the aggregate collects.
/// </summary>
/// <param name="Branches">The branch functions: one for every copy (iterate), or one per copy in order (clone, scatter-gather).</param>
/// <param name="Parallel">The Micro Integrator runs the branches in parallel: they are started together and awaited.</param>
public sealed record ForkStep(MediatorSyntax Origin, ForkSourceIr Source, ImmutableArray<Symbol> Branches, bool Parallel, AggregationIr? Aggregation) : StepIr(Origin)
{
    /// <summary>A split without aggregate and without continueParent: the parent flow stops there and the first answer of a branch is the response.</summary>
    public ForkAnswerIr? Answering { get; init; }

    /// <summary>
    /// What each branch function is given after its copy: in a sequence template, the template's parameters its
    /// branches read (their own parameters, of the same symbols), as InvokeMediator's pushed values stay visible to
    /// the cloned contexts in Synapse.
    /// </summary>
    public ImmutableArray<ParameterReadIr> Arguments { get; init; } = [];

    /// <summary>
    /// The input sets FORCE_ERROR_ON_SOAP_FAULT: a copy failing on a SOAP fault response (ERROR_CODE 500000) hands
    /// its message to the fault handling the failure reaches (<c>copyFailure</c>), as SynapseCallbackReceiver runs the
    /// fault handler the copy carries (the parent's, MessageHelper.cloneMessageContext copies the fault stack) on that
    /// copy's response; the copy does not reach the aggregate.
    /// </summary>
    public bool CopyFaults { get; init; }

    public override bool Terminates => Answering is not null;
}

/// <summary>How a split that stops its parent answers: each branch function may answer (it returns a response); the first answer (the first to come for parallel copies, in the order of the copies for sequential ones) goes to the client.</summary>
public sealed record ForkAnswerIr
{
    /// <summary>
    /// A branch may end its copy at a drop (<see cref="AcceptStep.MarksDropped"/>): a copy so marked gives no answer,
    /// whatever its branch returned.
    /// </summary>
    public bool SkipsDropped { get; init; }

    /// <summary>
    /// The fork may end a copy of an enclosing split (<see cref="AcceptStep.MarksDropped"/>): when none of its own copies
    /// answered, the enclosing copy answers nothing either (<c>answer ?: dropped(ctx)</c>), as the split marked the
    /// request answered elsewhere (RESPONSE_WRITTEN "SKIP").
    /// </summary>
    public bool MarksDropped { get; init; }
}

/// <summary>foreach: a loop over parts of the message, each run through <paramref name="Body"/> (a generated sequence function).</summary>
public sealed record ForEachStep(MediatorSyntax Origin, ForEachLoopIr Loop, Symbol Body) : StepIr(Origin);

/// <summary>The two forms of foreach.</summary>
public abstract record ForEachLoopIr
{
    private ForEachLoopIr()
    {
    }

    /// <summary>Classic foreach over the elements an XPath selects: the sequence runs on the message itself, each element in turn its body; the results go back under the first match's parent.</summary>
    /// <param name="Id">The foreach id: the prefix of FOREACH_ORIGINAL_MESSAGE and FOREACH_COUNTER.</param>
    /// <param name="ContinueOnFailure">continueLoopOnFailure: a failing element does not stop the loop.</param>
    public sealed record Elements(XmlNavigationIr Items, string? Id, bool ContinueOnFailure) : ForEachLoopIr;

    /// <summary>Classic foreach over a JSON array (a JSONPath expression): the sequence runs on the message itself, each item in turn its payload; the results replace the array.</summary>
    public sealed record ClassicJson(string Path, string? Id, bool ContinueOnFailure) : ForEachLoopIr;

    /// <summary>MI 4.4 foreach over a JSON array: each item runs on its own copy of the message.</summary>
    /// <param name="Path">The JSONPath of the array in the payload.</param>
    /// <param name="Aggregate">False for continue-without-aggregation: the results are not collected.</param>
    /// <param name="TargetVariable">update-original="false": the results become this variable (a JSON array); null writes them back into the array.</param>
    /// <param name="CounterVariable">Sequential only: the variable holding the item's index.</param>
    public sealed record JsonItems(string Path, bool Parallel, bool Aggregate, string? TargetVariable, string? CounterVariable) : ForEachLoopIr;

    /// <summary>MI 4.4 foreach over a JSON array held by a variable (<c>collection="${vars.x}"</c>, <c>${vars.x.items}</c>): each item runs on its own copy of the message.</summary>
    /// <param name="Variable">The variable holding the collection.</param>
    /// <param name="Path">The JSONPath of the array inside the variable (<c>$</c>: the whole variable).</param>
    /// <param name="Aggregate">False for continue-without-aggregation: the results are not collected.</param>
    /// <param name="TargetVariable">update-original="false": the results become this variable; null (the whole variable only) makes them the collection variable's new value.</param>
    /// <param name="CounterVariable">Sequential only: the variable holding the item's index.</param>
    public sealed record JsonVariableItems(string Variable, string Path, bool Parallel, bool Aggregate, string? TargetVariable, string? CounterVariable) : ForEachLoopIr;

    /// <summary>MI 4.4 foreach over the elements an XPath selects in the payload: each element runs on its own copy of the message; the results replace the elements under the first one's parent.</summary>
    public sealed record XmlCopies(XmlNavigationIr Items, bool Parallel, bool Aggregate, string? CounterVariable) : ForEachLoopIr;
}

/// <summary>Where the copies of a <see cref="ForkStep"/> come from.</summary>
public abstract record ForkSourceIr
{
    private ForkSourceIr()
    {
    }

    /// <summary>iterate: one copy per XML node (the node as the body) or per item of a JSON array (the item as the payload).</summary>
    /// <param name="Items">XML nodes (<see cref="ValueIr.XmlNodes"/>) or a JSON value (<see cref="ValueIr.Json"/>).</param>
    public sealed record Split(ValueIr Items) : ForkSourceIr;

    /// <summary>clone, scatter-gather: one whole copy per branch.</summary>
    public sealed record Copies : ForkSourceIr;

    /// <summary>iterate with preservePayload and attachPath: the matched elements are detached from a copy of the message, and each copy of that gets one of them appended under the first element the attach path selects.</summary>
    /// <param name="AttachPathText">The attachPath as written (Synapse's error message names it).</param>
    public sealed record Attached(ValueIr.XmlNodes Items, ValueIr.XmlNodes AttachPath, string AttachPathText) : ForkSourceIr;

    /// <summary>
    /// iterate with a JSONPath expression and preservePayload: each copy gets the payload with the array at
    /// <paramref name="Path"/> emptied (when the paths differ) and its item set at <paramref name="AttachPath"/>
    /// (<c>$</c>: the item is the whole payload), as IterateMediator's JSON branch does.
    /// </summary>
    public sealed record AttachedJson(string Path, string AttachPath) : ForkSourceIr;

    /// <summary>
    /// A recipient list whose members are computed at run time (<c>&lt;endpoints value="{expr}"/&gt;</c>): one whole copy
    /// per non-blank URL of the comma-separated value, addressed to it (its To), as RecipientListEndpoint sends a copy
    /// to an address endpoint per URL.
    /// </summary>
    public sealed record Recipients(ExprIr Urls) : ForkSourceIr;
}

/// <summary>How the branches' parts are combined (an aggregate's onComplete, a scatter-gather's aggregation).</summary>
/// <param name="Json">The parts are JSON values gathered into an array; else XML nodes gathered into the body.</param>
/// <param name="EnclosingProperty">The property holding the element that encloses the parts.</param>
/// <param name="Count">Complete after this many messages (the aggregate's smallest positive min/max).</param>
public sealed record AggregationIr(bool Json, string? EnclosingProperty, int? Count)
{
    /// <summary>MI 4.4 scatter-gather: the result goes to the body (of the last message) or to a variable; XML parts under a new root element.</summary>
    public GatherIr? Gather { get; init; }

    /// <summary>An aggregate's messageCount min computed at run time (a property the copies carry unchanged): read as a number, it may lower <see cref="Count"/>.</summary>
    public ExprIr? RunTimeMin { get; init; }

    /// <summary>An aggregate's messageCount max computed at run time, as <see cref="RunTimeMin"/>.</summary>
    public ExprIr? RunTimeMax { get; init; }

    /// <summary>
    /// The completion timeout in seconds (an aggregate's completeCondition <c>timeout</c>, a scatter-gather's
    /// aggregation <c>timeout</c> in milliseconds converted): the aggregation completes that long after the first copy
    /// reaches it with the copies collected by then, and later copies are dropped. Null: every copy is awaited.
    /// </summary>
    public decimal? TimeoutSeconds { get; init; }

    /// <summary>
    /// The aggregate does not read the split's count of copies (an aggregate without id after a split with one): it
    /// completes only on its count or its timeout, never because every copy arrived.
    /// </summary>
    public bool IgnoresSplitCount { get; init; }
}

/// <param name="RootElement">The element that holds XML parts (<c>result-enclosing-element</c>).</param>
/// <param name="Variable">The variable that receives the result; null for the body.</param>
public sealed record GatherIr(string? RootElement, string? Variable);
