import ballerina/http;

# The message as it moves through one flow: what the Micro Integrator keeps in its message context.
# Every generated resource creates one `Context` and passes it to the sequence functions it calls.
public type Context record {|
    # Identifies the message, as Synapse's `MessageID` does.
    string messageId;
    # The correlation ID of an HTTP request (`correlation_id` in the Micro Integrator's log lines), as the pass-through
    # SourceHandler.setCorrelationId takes it: the request's `activityid` header, else a new UUID (`newContext`); ""
    # for a message from another transport.
    string correlationId = "";
    # The To address of the request (its path and query), as Synapse's `To` property reads.
    string to = "";
    # The WS-Addressing ReplyTo address (Synapse's `ReplyTo`, `get-property('ReplyTo')`): read from the envelope's
    # `wsa:ReplyTo` header block when the message is built (`takeAddressingTo`), "" until then or without WS-Addressing
    # headers. A backend response has none: SynapseCallbackReceiver copies the outgoing message's, which the clone
    # made for the send does not carry.
    string replyTo = "";
    # The WS-Addressing FaultTo address (`get-property('FaultTo')`), read and kept as `replyTo` is.
    string faultTo = "";
    # Why Axis2's AddressingInHandler would refuse the message's WS-Addressing headers (a repeated or missing
    # required header, an endpoint reference without an address), once the message is built; `()` when it accepts them.
    string? addressingFault = ();
    # The text of the envelope's `wsa:Action` header block, read when the message is built (`takeAddressingTo`), as
    # Axis2's AddressingInHandler sets the message's action from it; `()` until then or without one.
    string? wsaAction = ();
    # The body: as received until a step replaces it, then the JSON or XML value the step set. XML
    # holds the whole SOAP envelope for a SOAP message and the body content otherwise; `()` is no body.
    json|xml|ReceivedBody payload = ();
    # Content type of the message (Synapse `messageType`); it chooses how the body is written out.
    string contentType = "";
    # HTTP headers, lower-case names (Synapse transport scope). They are passed on to the backend and
    # back to the client, as the Micro Integrator does.
    map<string> headers = {};
    # The further values of a repeated transport header (lower-case names), as the pass-through transport keeps them
    # apart from `headers` (EXCESS_TRANSPORT_HEADERS): written out after the header's first value to the backend and
    # to the client. A header mediator does not change them (it edits only the TRANSPORT_HEADERS map).
    map<string[]> excessHeaders = {};
    # Synapse default-scope properties, including `uri.var.*` and `query.param.*`.
    map<anydata> properties = {};
    # Synapse axis2-scope properties that hold data (not HTTP_SC, messageType and the like, which are fields
    # here): one direction only, so a call's response starts without them (semantics §2.4).
    map<anydata> axis2 = {};
    # Synapse operation-scope properties (the Axis2 operation context): one map shared by the message, the
    # copies a clone or iterate makes of it and its response, so a value one copy sets is seen by the others.
    map<anydata> operation = {};
    # MI 4.4 variables (`${vars.x}`): kept apart from the properties, as the Micro Integrator does.
    map<anydata> variables = {};
    # The message's SOAP action as Axis2 keeps it in the message's options (MessageContext getSoapAction and
    # getWSAAction read one field; `get-property('Action')`), set once by the message's transport when it arrives, as
    # Axis2 does when it makes the message context: an HTTP client's request its SOAPAction header or SOAP 1.2 action
    # parameter (`newContext`); a proxy's JMS, mail and RabbitMQ listeners the action their transport reads
    # (`jmsSoapAction`, `mailSoapAction`, `rabbitMqSoapAction`), else, as a proxy's VFS listener always,
    # `urn:mediate` for a proxy without a WSDL (ProtocolEndpoint.createMessageContext finds its `mediate` operation by
    # that alias); "" for a task's or an inbound endpoint's message (unless the task's soapAction sets one) and a
    # backend's response (ClientWorker). Set since by `<header name="Action">` (HeaderMediator's setWSAAction) and a
    # clone or iterate target's soapAction; a message store keeps it. A transport header named SOAPAction only changes
    # `headers`, not this.
    string action = "";
    # The local name of the Axis2 operation the request was dispatched to (Synapse's `get-property('OperationName')`):
    # `mediate` for an API and a proxy without a WSDL; a proxy's service that dispatches by its published WSDL sets the
    # operation it found (`wsdlOperation`) before the flow runs.
    string operationName = "mediate";
    # HTTP method of the next outbound call (the incoming one unless `HTTP_METHOD` changes it).
    string method = "GET";
    # Path and query after the API context; address endpoints append it (Synapse `REST_URL_POSTFIX`).
    string urlPostfix = "";
    # True when the client's request was not SOAP: no content type, or one that is neither `text/xml` nor
    # `application/soap+xml` (Synapse's REST_REQUEST_CONTENT_TYPE). It stays true whatever the message becomes,
    # so an address endpoint still appends the URL postfix after the body was turned into SOAP.
    boolean restRequest = false;
    # The SOAP version of the client's request (Synapse's IS_CLIENT_DOING_SOAP11); `()` for a REST client or a
    # message no HTTP client sent. The answer is written in this version (`answerInClientSoapVersion`).
    "soap11"|"soap12"? clientSoap = ();
    # True after a call that sent the message as REST (an endpoint with `format="pox"` or `format="rest"`): Axis2 marks the
    # response so, and a SOAP client's answer is then put into its SOAP version.
    boolean restCall = false;
    # Status code sent to the client (Synapse `HTTP_SC`).
    int statusCode = 200;
    # True after a POX makefault (Axis2's processingFault): the message is answered 500 unless it has a status of
    # its own (`responseStatus`).
    boolean processingFault = false;
    # Synapse's axis2 `HTTP_SC` as a read sees it: `()` until a backend's response or a write set it (the
    # Micro Integrator's ClientWorker sets it on responses only), the text written otherwise.
    string? httpSc = ();
    # The message's direction, Synapse's isResponse() (what `<in>`/`<out>`, a bare `send` and the log's Direction
    # read): true once a `send`'s response, a loopback or RESPONSE made it a response. A `call`'s response keeps the
    # direction the message had (SynapseCallbackReceiver.handleMessage, CONTINUATION_CALL; a blocking call and a
    # callout keep the message's context).
    boolean isResponse = false;
    # True once the message is a backend's response to a non-blocking call or send, in the Axis2 message context
    # SynapseCallbackReceiver made for it: its Axis2 facts (MESSAGE_FORMAT, a JMS answer's correlation) are the
    # response's, not the request's, whatever its direction (`isResponse`).
    boolean backendResponse = false;
    # Whether the request is marked as answered elsewhere (`AckMark`). Not a copy in the copies an iterate, clone or
    # scatter-gather makes (`branchContext`): they share the request's operation context, where the mark is.
    AckMark ack = {};
    # True once a `<drop/>` ended the message's mediation (`dropped`): for a copy an iterate or clone made, whose
    # request the split marked as answered elsewhere, the Micro Integrator writes nothing, so the copy gives no answer.
    boolean dropped = false;
    # The out flow of the resource that received the message; a `send` in a shared sequence continues
    # with it, as Synapse injects the response into the resource's outSequence.
    (function (Context ctx) returns http:Response|error)? outFlow = ();
    # How `respond` answers a message no HTTP client sent: a proxy's JMS listener sets it to send the answer to the
    # request's reply destination (`setJmsReply`), as Axis2 answers on the transport the request came in on; `()`
    # answers the HTTP client with the returned response.
    (function (Context ctx) returns error?)? sendBack = ();
|};

# RESPONSE_WRITTEN "SKIP" in the request's operation context, one value for the message and every copy an iterate,
# clone or scatter-gather makes of it (MessageHelper.cloneMessageContext gives the copy the same operation context),
# so a copy's send marks the request too.
public type AckMark record {|
    # True once a non-blocking send or call went out or a store mediator stored the message: Axis2FlexibleMEPClient
    # and MessageStoreMediator set RESPONSE_WRITTEN to "SKIP" in the request's operation context, so the listener's
    # sendAck writes no 202 when the flow ends without answering, and the client waits (`unansweredFault`). A
    # blocking call leaves it as it was (BlockingMsgSender does not go through Axis2FlexibleMEPClient).
    boolean skipped = false;
|};

# A body as it arrived from the client or a backend, kept until a step replaces the payload.
public type ReceivedBody record {|
    # The bytes as received. While the message's content type keeps their format, they are written out
    # unchanged (semantics §1.2, §1.4).
    byte[] bytes;
    # The content type they arrived with; it chooses how they are parsed (Synapse's message builders).
    string contentType;
    # The parsed body, once a step has read it (`()` until then).
    json|xml parsed = ();
|};
