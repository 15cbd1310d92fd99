using Microsoft.CodeAnalysis;

namespace SynapseToBal.Diagnostics;

/// <summary>
/// The one catalogue of SynapseToBal diagnostics. As in Roslyn's ErrorCode, a code's group is the stage that
/// reports it: 00xx input and XML (project loading), 01xx syntax (the Synapse AST), 05xx semantics (the
/// reference graph), 02xx lowering (unsupported constructs), 03xx emit, 09xx internal. A code that moves or
/// goes away is listed in <see cref="RetiredCodes"/> and never reused. Every code is documented in
/// <c>docs/diagnostics.md</c> under the anchor <c>#sbnnnn</c>, its help link.
/// </summary>
public static class DiagnosticCatalog
{
    private const string InputCategory = "Input";
    private const string SyntaxCategory = "Syntax";
    private const string SemanticsCategory = "Semantics";
    private const string LoweringCategory = "Lowering";
    private const string EmitCategory = "Emit";
    private const string InternalCategory = "Internal";

    /// <summary>Where a code's documentation lives; the help link is this plus <c>#sbnnnn</c>.</summary>
    public const string HelpDocument = "docs/diagnostics.md";

    // 00xx: input and XML (project loading)
    public static readonly DiagnosticDescriptor InputNotFound = Error("SB0001", InputCategory,
        "Input not found",
        "Input '{0}' does not exist",
        "The file, folder or .car archive given to the converter does not exist, so nothing was converted.");
    public static readonly DiagnosticDescriptor XmlMalformed = Error("SB0002", InputCategory,
        "Malformed XML",
        "The file is not well-formed XML: {0}",
        "The file cannot be parsed as XML, or it declares a DTD, which the converter refuses for safety; a malformed file would not deploy in the Micro Integrator either. The file is not converted.");
    public static readonly DiagnosticDescriptor NotSynapseArtifact = Info("SB0003", InputCategory,
        "Not a Synapse artifact",
        "The file is not a Synapse artifact (root element '{0}'); it was skipped",
        "The XML file's root element is not a Synapse artifact (such as <api>, <sequence>, <endpoint> or <definitions>) in the Synapse namespace, for example a Maven POM or an artifact descriptor; it is listed but not converted.");
    public static readonly DiagnosticDescriptor NoArtifacts = Warning("SB0004", InputCategory,
        "No artifacts",
        "No Synapse artifacts were found under '{0}'",
        "The input holds no Synapse artifact the converter can read, so the generated package is empty.");
    public static readonly DiagnosticDescriptor FileUnreadable = Error("SB0005", InputCategory,
        "File unreadable",
        "The file could not be read: {0}",
        "The file or archive entry exists but reading it failed (permissions, an I/O error, a damaged archive); it is not converted.");
    public static readonly DiagnosticDescriptor FileNotConverted = Info("SB0006", InputCategory,
        "File not converted",
        "The file is not a Synapse artifact ({0}); it was skipped",
        "The file is part of the project but not a Synapse artifact (an XSLT, a WSDL, a script, a data service, a library, a nested .car, ...); it is listed in the inventory and not converted.");
    public static readonly DiagnosticDescriptor ArchiveEntryUnsafe = Error("SB0007", InputCategory,
        "Unsafe archive entry",
        "Archive entry '{0}' has an unsafe name (absolute or leaving the archive); it was not read",
        "A .car archive holds an entry whose name is an absolute path or climbs out of the archive with '..' (a 'zip slip'), which a genuine Carbon Application does not have; the entry is not read.");
    public static readonly DiagnosticDescriptor ArchiveTooLarge = Error("SB0008", InputCategory,
        "Archive exceeds a safety limit",
        "The archive exceeds a safety limit ({0}); {1}",
        "A .car archive has more entries or more uncompressed bytes than the converter's safety limits (a guard against zip bombs); the entries past the limit are not read.");
    public static readonly DiagnosticDescriptor RegistryResourceMissing = Warning("SB0009", InputCategory,
        "Registry resource missing",
        "Registry resource '{0}' is listed in the descriptor but its file '{1}' was not found",
        "A registry descriptor (registry-info.xml or a .car's registry resource) names a resource whose file is not in the input, so keys that point to it (conf:/, gov:/) cannot be resolved.");
    public static readonly DiagnosticDescriptor ProjectVersionNotSemantic = Info("SB0010", InputCategory,
        "Project version not semantic",
        "The project version '{0}' from {1} is not a semantic version (major.minor.patch); Ballerina.toml uses 0.1.0",
        "Ballerina.toml takes the package version from the project's pom.xml or Carbon Application metadata, and Ballerina accepts only semantic versions; this version (a Maven property, or a form such as 1.0.0.1) cannot be kept.");
    public static readonly DiagnosticDescriptor EncodingGuessed = Warning("SB0012", InputCategory,
        "Text encoding guessed",
        "The file's text encoding was guessed: {0}",
        "The file has no byte-order mark and its bytes do not match the encoding its XML declaration names (or it names one the converter does not know). The converter read it with the encoding the message names, so non-ASCII characters in names, values and payload templates may differ from what the Micro Integrator reads; check them in the generated code, or save the file as UTF-8.");

    public static readonly DiagnosticDescriptor FileTooLarge = Error("SB0015", InputCategory,
        "File too large",
        "The file is {0} bytes long, more than the {1} bytes the converter reads from one file; it was not read",
        "The converter reads each file of the input whole into memory, so it refuses a file beyond a size no Synapse artifact reaches (64 MiB), as it refuses an archive entry that inflates beyond it (SB0008); the other files are converted.");

    // 01xx: syntax (the Synapse AST)
    public static readonly DiagnosticDescriptor UnknownElement = Warning("SB0101", SyntaxCategory,
        "Unknown element",
        "Unknown element <{0}> in {1}; it is kept as an unknown node",
        "The element is not a mediator, endpoint or artifact part the converter knows (for example a custom or connector mediator); its XML is kept whole in an unknown node and carried into a TODO.");
    public static readonly DiagnosticDescriptor MissingAttribute = Warning("SB0102", SyntaxCategory,
        "Missing attribute",
        "<{0}> has no '{1}' attribute",
        "An attribute this element needs in the Micro Integrator is absent, so the artifact would normally fail to deploy; the converter continues without the value.");
    public static readonly DiagnosticDescriptor InvalidAttribute = Warning("SB0103", SyntaxCategory,
        "Invalid attribute value",
        "<{0}> has an invalid '{1}' value '{2}': {3}",
        "An attribute or parameter value is not one the Micro Integrator accepts (a wrong boolean, number, enumeration value or parameter name); the message says what the converter uses instead.");
    public static readonly DiagnosticDescriptor ElementNotRepresented = Warning("SB0105", SyntaxCategory,
        "Element not represented",
        "<{0}> is not represented in the syntax tree; the converter ignores it",
        "The element is in the input but the parser did not read it into the syntax tree (an unexpected place, or a part not modelled yet), so no generated code reflects it; check whether the Micro Integrator uses it there.");
    public static readonly DiagnosticDescriptor MissingElement = Warning("SB0106", SyntaxCategory,
        "Missing element",
        "<{0}> has no <{1}> element",
        "A child element the Micro Integrator requires (such as a proxy's <target> or an enrich's <source>) is absent; the artifact would not deploy, and the converter continues without it.");
    public static readonly DiagnosticDescriptor AttributeNotRead = Warning("SB0107", SyntaxCategory,
        "Attribute not read",
        "Attribute '{0}' of <{1}> is not read by the converter; it is ignored",
        "The attribute is in the input but the parser did not read it into the syntax tree: a misspelt or misplaced attribute, one the Micro Integrator does not read either, or one the converter does not model yet. No generated code reflects it.");
    public static readonly DiagnosticDescriptor NestingTooDeep = Error("SB0108", SyntaxCategory,
        "Nesting too deep",
        "Elements nest more than {0} deep here; the file is not converted",
        "The file's elements nest deeper than the converter reads (real Synapse configurations nest a few dozen levels at most). Such a file is refused as a whole, with this error at the first element past the limit, so that it cannot exhaust the converter's stack; the other files convert.");
    public static readonly DiagnosticDescriptor NoSynapseNamespace = Warning("SB0109", SyntaxCategory,
        "No Synapse namespace",
        "<{0}> has no namespace; it was read as Synapse, but the Micro Integrator deploys only elements in http://ws.apache.org/ns/synapse",
        "The root element (and so every element under it) is in no namespace. The converter reads it as if it were in the Synapse namespace, which is what such a file is meant to be; the Micro Integrator would not recognise it as written.");

    // 05xx: semantics (the symbol table, the reference graph and the flow facts of the semantic model).
    public static readonly DiagnosticDescriptor DuplicateArtifact = Warning("SB0501", SemanticsCategory,
        "Duplicate artifact",
        "{0} '{1}' is defined more than once; the later definition is ignored",
        "Two artifacts of the same kind have the same name; the Micro Integrator does not deploy the second one, so the converter keeps the first and ignores the later definition.");
    public static readonly DiagnosticDescriptor UnresolvedReference = Warning("SB0502", SemanticsCategory,
        "Unresolved reference",
        "{0} '{1}' is not defined in the input",
        "A key names a sequence, endpoint, template, local entry, registry resource, message store or proxy that no artifact or registry resource of the input defines; the Micro Integrator would fail when the reference is used. The use is kept in a TODO, except a static endpoint key in a send, call, target or group member, which becomes an http:Client on a required URL configurable (SB0238), and a static xslt or fastXSLT stylesheet key, which is read at start-up from the file a required path configurable names: supply the stylesheet there. It also warns of a proxy's publishWSDL uri=\"file:...\" (a file on the Micro Integrator's file system) that no file of the input matches: the service answers ?wsdl from the file a required path configurable names.");
    public static readonly DiagnosticDescriptor ReferenceCycle = Warning("SB0503", SemanticsCategory,
        "Sequence cycle",
        "Sequence '{0}' calls itself through {1}; the cycle is kept as written",
        "Sequences call each other in a cycle; in the Micro Integrator this recurses until something stops it at run time. The generated functions call each other the same way.");

    // 02xx: lowering and unsupported constructs
    public static readonly DiagnosticDescriptor MediatorNotTranslated = Warning("SB0201", LoweringCategory,
        "Mediator not translated",
        "The <{0}> mediator is not translated{1}; the original XML is kept in a TODO",
        "The converter has no Ballerina translation for this mediator (or this form of it), either yet or for the reason the message gives; the generated code keeps the original XML in a // TODO comment where the mediator ran.");
    public static readonly DiagnosticDescriptor ArtifactNotTranslated = Warning("SB0202", LoweringCategory,
        "Artifact not translated",
        "{0} '{1}' is not translated: {2}; no Ballerina declaration is generated for it and its XML is kept in a TODO",
        "The artifact is parsed but the converter generates nothing for it, for the reason the message gives: a kind with no Ballerina counterpart (a task manager, an event source, a registry definition, a connector import, a priority executor, an unknown root element), or a data service whose configuration the generated ballerina/sql service cannot reproduce (several configs, a config that is not a JDBC connection, a connection setting resolved at deployment). Its XML is kept in a TODO.");
    public static readonly DiagnosticDescriptor ExpressionNotTranslated = Warning("SB0203", LoweringCategory,
        "Expression not translated",
        "The expression '{0}' is not translated ({1}); the generated code fails at run time until it is written by hand",
        "The XPath, JSONPath or Synapse expression uses something outside the subset the converter translates; it becomes a call to notTranslated(\"...\"), which returns an error when it runs.");
    public static readonly DiagnosticDescriptor ExpressionFailsInSynapse = Warning("SB0239", LoweringCategory,
        "Expression fails in Synapse too",
        "The expression '{0}' fails when the Micro Integrator evaluates it ({1}); the generated code fails at run time in the same place",
        "Synapse compiles an XPath without resolving its names; Jaxen resolves namespace prefixes, variables and functions when it evaluates the expression. A prefix no xmlns declaration on the element or its ancestors binds, a variable with a prefix Synapse does not know or a function neither Jaxen nor Synapse defines makes every evaluation fail, and the mediator with it (the fault sequence runs). The generated code keeps the expression in a call to notTranslated(\"...\"), which returns an error at the same place. Fix the expression in the source (declare the prefix, name the variable or function that was meant).");
    public static readonly DiagnosticDescriptor EndpointNotTranslated = Warning("SB0205", LoweringCategory,
        "Endpoint not translated",
        "The {0} endpoint is not translated; the original XML is kept in a TODO that says what the Micro Integrator does with it",
        "Address, HTTP, WSDL and template endpoints become http:Client values, failover and loadbalance endpoints an EndpointGroup over their members' clients; this endpoint kind (default, recipient list, class, dynamic load balance, ...) is kept in a TODO.");
    public static readonly DiagnosticDescriptor AttributeNotTranslated = Warning("SB0206", LoweringCategory,
        "Setting not translated",
        "<{0}> {1} is not translated: {2}",
        "An attribute, child or setting changes what the Micro Integrator does, but the generated code does not reproduce it; the message says what the generated code does instead.");
    public static readonly DiagnosticDescriptor PropertyNotTranslated = Warning("SB0207", LoweringCategory,
        "Property not translated",
        "The {0}-scope property '{1}' has no Ballerina equivalent here; it is kept in a TODO",
        "The property's scope (registry, system, environment, ...) or its name (an axis2 or transport flag such as OUT_ONLY or FORCE_HTTP_1.0) changes how the Micro Integrator sends or answers, which the generated code does not model.");
    public static readonly DiagnosticDescriptor DynamicKey = Warning("SB0208", LoweringCategory,
        "Dynamic key",
        "The dynamic key '{0}' is resolved at run time in Synapse; it is kept in a TODO",
        "The key (key=\"{xpath}\" or a key expression) is computed from the message at run time, so the target sequence, endpoint or property cannot be chosen when converting.");
    public static readonly DiagnosticDescriptor ResponseHang = Info("SB0210", LoweringCategory,
        "Flow ends without responding",
        "The flow ends after a call or a message store without responding; the Micro Integrator leaves the client waiting, the generated code answers 202",
        "The Micro Integrator sends no response when a flow ends after a call without <respond> or <send>, or after a <store> without FORCE_SC_ACCEPTED (the store mediator marks the response as skipped); the client waits until it times out. A Ballerina resource must answer, so the generated code answers 202 Accepted.");
    public static readonly DiagnosticDescriptor DispatchOrder = Info("SB0211", LoweringCategory,
        "Resource dispatch order differs",
        "Resource '{0}' is declared after '{1}', which matches the same requests first in Synapse; Ballerina prefers the more specific path",
        "The Micro Integrator tries an API's resources in declaration order and takes the first match; Ballerina takes the most specific path, so requests both resources match reach a different resource than in the Micro Integrator. A resource declared again with the method and path of an earlier one whose uri-template matches any query is never reached in the Micro Integrator either; it is not generated and reported here. When the earlier one's template has a query, the Micro Integrator dispatches to the later one the requests that query does not match: that is SB0299.");
    public static readonly DiagnosticDescriptor SecretConfigurable = Info("SB0212", LoweringCategory,
        "Secret became a configurable",
        "'{0}' looks like a secret; it became a required configurable with no default value",
        "A value named like a password, token or key is not copied into the generated code; it becomes a required configurable that Config.toml or the environment must supply.");
    public static readonly DiagnosticDescriptor ShadowedByUrlMapping = Info("SB0213", LoweringCategory,
        "Resource shadowed by a url-mapping",
        "Resource '{0}' is not reached in Synapse for these requests: url-mapping resources are tried before uri-templates, and '{1}' matches them; Ballerina routes them to '{0}'",
        "The Micro Integrator tries url-mapping resources before uri-template ones, so a broad url-mapping (such as /*) takes requests that a template resource would match; Ballerina routes them to the template resource.");
    public static readonly DiagnosticDescriptor ExpressionSyntaxError = Warning("SB0214", LoweringCategory,
        "Expression syntax error",
        "The expression '{0}' has a syntax error at position {1}: {2}; the generated code fails at run time until it is written by hand",
        "The XPath, JSONPath or Synapse expression does not follow its dialect's grammar (docs/expressions.md), so it cannot be translated; it becomes a call to notTranslated(\"...\"), which returns an error when it runs. The position counts characters from the start of the expression text (inside json-eval(...) or ${...}), starting at 0.");

    public static readonly DiagnosticDescriptor NonHttpEndpoint = Error("SB0218", LoweringCategory,
        "Endpoint is not HTTP",
        "Endpoint '{0}' sends over {1} ('{2}:' address), not HTTP; no client is generated and calls to it stay TODOs: use {3}",
        "The endpoint's address names a transport other than HTTP (JMS, VFS, mail, RabbitMQ, Kafka, local, TCP, UDP, FIX, ...). An http:Client would send the message somewhere else entirely, so none is generated: the endpoint and every call or send that uses it become TODOs carrying the endpoint XML (secret URI parameters masked), and the message names the Ballerina module that replaces the transport.");
    public static readonly DiagnosticDescriptor WsdlNotRead = Warning("SB0225", LoweringCategory,
        "WSDL of an endpoint not read",
        "The WSDL of endpoint '{0}' ({1}) {2}: the port's address is a required configurable, and {3}",
        "A wsdl endpoint sends to the address of one port of a WSDL, in the SOAP version of the port's binding. The converter reads the WSDL when its uri is a registry resource of the project (an inline WSDL the Micro Integrator never reads, SB0296); this one is not (typically a ?wsdl URL of a running service), so the generated client's URL is a required configurable with no default value. The Micro Integrator sets the format from the port's binding whatever the endpoint's format attribute says (WSDL11EndpointBuilder: SOAP 1.1, SOAP 1.2, or REST for an HTTP binding), so a SOAP envelope is POSTed without the URL postfix; the converter takes the binding to be SOAP 1.1, or SOAP 1.2 when the port's name says so (Axis2 names such ports ...Soap12...) or the format attribute is soap12.");
    public static readonly DiagnosticDescriptor InlineWsdlNotRead = Warning("SB0296", LoweringCategory,
        "Inline WSDL of an endpoint never read",
        "The Micro Integrator never reads the inline WSDL of this wsdl endpoint: {0}",
        "Synapse's WSDLEndpointFactory reads a wsdl endpoint's WSDL from its uri attribute (WSDL11EndpointBuilder gives the endpoint the port's address and its binding's SOAP version). It reads an inline <wsdl:definitions> only 'if (endpoint == null && definitionElement != null)', and the endpoint definition is never null there: EndpointDefinitionFactory.createDefinition always returns one, made from the <wsdl> element's QoS settings. So the inline document is never parsed, not even checked (an inline WSDL 2.0 <description>, which the factory means to refuse, deploys too). With a uri, the uri's WSDL is used and the inline one is ignored. Without a uri the endpoint has no address: Axis2FlexibleMEPClient sends the message to its To address, as a default endpoint does, and the generated code does the same (the send or call goes to the To address; an HTTP request's To is its own path, which is no address to send to, so such a send fails in both). Any other use of such an endpoint (a failover or loadbalance member, a proxy's target) is a TODO with this reason.");
    public static readonly DiagnosticDescriptor EndpointNotInInput = Warning("SB0238", LoweringCategory,
        "Endpoint definition not in the input",
        "The endpoint '{0}' is not defined in the input; the {1} goes to an http:Client whose URL is a required configurable: set it, and check the format, timeout and other settings of the endpoint's definition",
        "A send, call, target or failover/loadbalance member names an endpoint by a static key that no artifact or registry resource of the input defines (it lives in the registry of the server or in another project). Rather than leave the call a TODO, the converter generates one http:Client per key with its URL a required configurable (no default value, an empty placeholder in Config.toml) and the call as an address endpoint without a format would make it: the REST URL postfix appended for REST requests, the message in its own format, the Micro Integrator's 120 s global timeout. What the definition sets (a SOAP format, a uri-template, a timeout, suspension, a failover or load-balance group, a non-HTTP transport) is not known, so the generated call may differ from the Micro Integrator's.");
    public static readonly DiagnosticDescriptor ArtifactClassNotTranslatable = Warning("SB0240", LoweringCategory,
        "Artifact class not translatable",
        "{0} '{1}' is not translated: {2}; its XML is kept in a TODO",
        "A scheduled task or message processor names a Java class that is not one of Synapse's translated kinds (a task other than MessageInjector, a processor other than the sampling, forwarding and failover-forwarding ones): what it does is Java code the input does not contain, or a class the Micro Integrator does not have. No job is generated: a TODO carries the artifact's XML with every parameter and says what to write instead.");
    public static readonly DiagnosticDescriptor StylesheetChosenAtRunTime = Warning("SB0241", LoweringCategory,
        "Stylesheet chosen at run time",
        "The stylesheet key '{0}' is computed at run time; the generated code chooses among the stylesheets of the input ({1}) and fails for any other key",
        "An xslt or fastXSLT mediator names its stylesheet with an expression (key=\"{...}\"): Synapse evaluates it for each message and looks the result up as a local entry name, then as a registry key. The generated code evaluates the key the same way and chooses among the stylesheets the input defines (local entries with an inline stylesheet, registry resources of the project); a key that names none of them fails the flow, as Synapse fails when the entry is missing. A stylesheet the server holds outside the project (a registry resource that is not in the input, a local entry with a src URL) is not among them.");
    public static readonly DiagnosticDescriptor ConnectorVersionAssumed = Info("SB0243", LoweringCategory,
        "Connector version assumed",
        "<{0}> is translated as connector {1} does it: {2}",
        "A connector operation whose meaning changed between versions of the connector, when the input does not say which version the project deploys (the connector's zip and version live in the Micro Integrator's repository or a composite application, not in the Synapse XML). The generated code does what the named versions do; the note says what the other versions do instead.");
    public static readonly DiagnosticDescriptor OperationValidationNotReproduced = Info("SB0244", LoweringCategory,
        "WSDL operation dispatch not reproduced",
        "Proxy '{0}' publishes a WSDL: the generated service {1}{2}",
        "A proxy with a published WSDL has only the WSDL's operations in the Micro Integrator (ProxyService.buildAxisService adds no 'mediate' operation). Axis2 dispatches a request to one of them by its SOAP action (AddressingBasedDispatcher and SOAPActionBasedDispatcher: a binding's soapAction, the input's explicit or default WS-Addressing action, or an operation's name) or by the path after the service's address (RequestURIOperationDispatcher, /services/P/<operation>); the pass-through transport has not read the body then, so the body's first element does not dispatch. A request that names no operation is refused by DispatchPhase with a SOAP fault ('The endpoint reference (EPR) for the Operation not found is ... and the WSA Action = ...', 500), unless the proxy's disableOperationValidation parameter is true, when SynapseDispatcher gives it the default 'mediate' operation. The generated service does the same (wsdlOperation, operationNotFound) when the input holds the WSDL as a WSDL 1.1 document the converter builds the operations of as WSDL11ToAxisServiceBuilder does (the portType of the first service's ports, the soapActions of those ports' bindings). This note is for the other proxies: the WSDL is not part of the input, is WSDL 2.0, imports other documents, has no service with ports (the Micro Integrator then fails to deploy the proxy), or its ports bind different portTypes or a binding it does not hold; their generated service runs the proxy's flow for every request, as with disableOperationValidation, and knows no one-way operation (SB0245).");
    public static readonly DiagnosticDescriptor TransportOperationDispatchNotReproduced = Warning("SB0297", LoweringCategory,
        "WSDL dispatch over a non-HTTP transport",
        "Proxy service '{0}' publishes a WSDL and receives messages over {1}: the Micro Integrator dispatches each to an operation of the WSDL by {2}, and refuses one that names none{3}; the generated listener runs the flow for every message",
        "A message a proxy receives over JMS, VFS, mail or RabbitMQ gets its SOAP action from the transport (handleIncomingMessage: JMSMessageReceiver the message's SOAPAction property, RabbitMQUtils.getSoapAction its SOAP_ACTION header, MailTransportListener its SOAPAction header or a subject starting with SOAPAction; the VFS transport none). ProtocolEndpoint.createMessageContext first gives it the proxy's operation aliased urn:mediate (or named by the proxy's Operation parameter): a proxy without a WSDL has it (its mediate operation), so every message runs the flow with the action urn:mediate unless the transport gives another, which the generated listeners reproduce (transportAction). A proxy with a published WSDL has no such operation, so Axis2's dispatchers choose one after the transport has built the message: by its WS-Addressing or SOAP action (AddressingBasedDispatcher, SOAPActionBasedDispatcher), then by the body's first element (SOAPMessageBodyBasedDispatcher: the input message's element, else an operation of that name), which an HTTP request through the pass-through transport never reaches. A message none of them dispatches is refused by DispatchPhase with the fault 'The endpoint reference (EPR) for the Operation not found ...' (sent to the JMS reply destination when there is one), unless the proxy's disableOperationValidation is true (then it gets the default mediate operation). The generated listener does not dispatch: it runs the proxy's flow for every message, and get-property('OperationName') in that flow stays a TODO (SB0203).");
    public static readonly DiagnosticDescriptor UndeclaredTemplateParamRead = Warning("SB0295", LoweringCategory,
        "Undeclared template parameter logged",
        "'{0}' reads the parameter '{1}', which the template '{2}' does not declare: the Micro Integrator reads null there and the log prints \"null\", as the generated code does",
        "A sequence template reads its parameters with $func:name. The Micro Integrator's TemplateContext maps only the parameters the template declares (a with-param of another name is not passed), so $func: of any other name is null in SynapseXPathVariableContext, SynapseXPath.stringValueOf gives null for it and the log mediator appends it as the text \"null\". A log property whose expression is such a read is translated as that text; anywhere else the read stays untranslated (SB0203), as each consumer treats null its own way. The parameter name is usually a typo or a parameter the template was meant to declare.");
    public static readonly DiagnosticDescriptor DeployTimeValue = Info("SB0298", LoweringCategory,
        "Deploy-time value became a configurable",
        "The {0} '{1}' is read from {2} when the Micro Integrator deploys the artifact; it became a required configurable",
        "Synapse's ResolverFactory resolves a value that starts with $SYSTEM:X (the environment variable X, SystemResolver), $FILE:x (the key x of the Micro Integrator's file.properties) or ${configs.x} (ConfigResolver: the environment variable x, else the system property x, else file.properties) once, when the artifact is deployed; a value that is not set fails the deployment. An address endpoint's uri or an http endpoint's uri-template written so, and a parameter of an inbound endpoint or message store that the converter makes a configurable (InboundEndpointFactory and MessageStoreFactory resolve them too), becomes a required configurable (no default: the program does not start until Config.toml or the command line sets it), whose doc comment names where the Micro Integrator read it. The factory replaces the whole value with what it resolves, so text after the placeholder is dropped, and the configurable stands for the whole value too.");
    public static readonly DiagnosticDescriptor ResourceQueryNotMatched = Warning("SB0299", LoweringCategory,
        "Resource query not reproduced",
        "The query of resource '{0}' ('{1}') is not dispatched as the Micro Integrator dispatches it: {2}",
        "The Micro Integrator matches an API resource's whole uri-template, query included, against the raw request path after the API's context (URITemplate.matches): a template with a query dispatches only a request whose query has the template's literal text in its order, each {x} a value without reserved characters, nothing missing or added; any other request gets 404. The generated resource checks the query the same way (uriQueryMatches) before it runs. A query in a form this check does not reproduce (an operator other than {x} and {+x}, a variable list or prefix, a '*') is reported here: the resource then runs for any query. A resource whose query is checked is reported too when the API has other resources of its method: the Micro Integrator tries them for a request the query does not match (API.process, in declaration order), where the generated resource answers 404.");
    public static readonly DiagnosticDescriptor OneWayOperationAcknowledged = Info("SB0245", LoweringCategory,
        "One-way WSDL operation acknowledged",
        "Proxy '{0}': a request for the one-way operation {1} of its WSDL is answered 202 Accepted with no body, then its in flow runs, as the Micro Integrator acknowledges an in-only operation whatever the flow answers",
        "A portType operation with an input and neither output nor fault is an in-only Axis2 operation (WSDL11ToAxisServiceBuilder). When Axis2 dispatches a request to it, DispatchPhase acknowledges the message (HttpCoreRequestResponseTransport.acknowledgeMessage) and the pass-through ServerWorker answers 202 Accepted with no body (sendAck) as soon as the proxy's in flow returns to it, before the response of a non-blocking send or call; whatever the flow or its out flow sends back does not reach the client. The generated service finds the operation as the Micro Integrator's dispatchers do (wsdlOperation: the request's SOAP action, from the SOAPAction header or a SOAP 1.2 content type, matched against the WSDL's aliases; else the first path segment after the service's address), answers 202 and runs the flow on a new strand (runOneWay), which logs a failure the flow does not handle. Differs: the Micro Integrator's 202 waits for the in flow's own mediators (a blocking call or a callout in it delays it), the generated one does not.");
    public static readonly DiagnosticDescriptor SettingWithoutEffect = Info("SB0242", LoweringCategory,
        "Setting without effect at this use",
        "<{0}> {1} has no effect here in the Micro Integrator either: {2}",
        "A setting the Micro Integrator reads only under a condition the input never meets at this use: an endpoint's enableAddressing used by the blocking sender (a blocking call, a callout, a forwarding processor), whose headers BlockingMsgSenderUtils.fillMessageContext adds only when the message's PRESERVE_WS_ADDRESSING property is \"true\", which no property mediator of the input sets. The generated code does what the Micro Integrator does (it adds nothing); the note says why the setting is not applied.");
    public static readonly DiagnosticDescriptor BlockingGroupSend = Info("SB0252", LoweringCategory,
        "Group endpoint in a blocking send",
        "<{0}> sends through the {1} endpoint '{2}' with the blocking sender: the Micro Integrator tries its members as for a non-blocking send, each with the blocking sender's status handling and error codes; Enterprise Integrator releases on Synapse before 2.1.7-wso2v59 refuse it (\"Endpoint Type not supported\")",
        "A blocking call (call blocking=\"true\"), a callout or a scheduled forwarding processor sends through a failover or loadbalance endpoint. Since Synapse 2.1.7-wso2v59 (May 2018, every Micro Integrator) CallMediator, CalloutMediator and ForwardingService put the blocking sender on the message (BLOCKING_MSG_SENDER) and call the endpoint's send, so the group picks its members as for a non-blocking send (their suspension states, the next member after a failure, 303000 when none is ready) and each member sends with BlockingMsgSender.send(EndpointDefinition, ...): an error status other than 400, 409, 500 or the member's non.error.http.status.codes, or a transport failure, is the member's failure (ERROR_CODE the status or 401002). The generated code does the same (callGroup with blocking = true). Older Synapse (the BlockingMsgSender.send(Endpoint, ...) the mediators called before) resolved indirect and template endpoints and then threw \"Endpoint Type not supported\" for any endpoint that is not a leaf: a blocking call or callout ran its fault handling, a forwarding processor failed every attempt.");
    public static readonly DiagnosticDescriptor GroupMemberNotTranslated = Warning("SB0226", LoweringCategory,
        "Endpoint group member not translated",
        "The {0} endpoint '{1}' is not translated: its member '{2}' {3}; the original XML is kept in a TODO",
        "A failover or loadbalance endpoint becomes one EndpointGroup (runtime) over its members' URLs, so every member must be an HTTP endpoint with one base URL (an address or wsdl endpoint, or a template or key that is one), and all must write the same format. This member is not (a non-HTTP or untranslated endpoint, an http uri-template, a nested group, a static <member>, a dynamic key), so the group stays a TODO.");
    public static readonly DiagnosticDescriptor EipShapeNotTranslated = Warning("SB0219", LoweringCategory,
        "Split or aggregate not translated",
        "<{0}> is not translated here: {1}; the original XML is kept in a TODO",
        "iterate, clone and aggregate are translated as one piece of plain code when the flow has the shape the Micro Integrator uses to split and gather: an iterate or clone directly followed by its aggregate (its targets not answering the client), or an iterate or clone in an in flow (or a named sequence or template it runs) whose targets send to an endpoint, with the aggregate first in the out flow, or after mediators there that only change the message, which each response runs before the aggregate (directly, or in the sequence or template the out flow starts by calling). An aggregate in a template that reads the template's parameters is not paired: the message says so. Any other shape (an aggregate with no such split, ids that do not pair, continueParent with an aggregate, a target that answers the client, preservePayload without an XPath attachPath, ...) depends on how Synapse correlates messages at run time; the message says which part does not fit.");
    public static readonly DiagnosticDescriptor ForEachNotTranslated = Warning("SB0220", LoweringCategory,
        "foreach not translated",
        "<foreach> is not translated here: {0}; the original XML is kept in a TODO",
        "The classic foreach over the elements an XPath selects, and the MI 4.4 foreach over a JSON array in the payload, are translated (a run-time helper calls a generated function for each part). Any other form (a JSONPath expression in the classic form, an XML node list or a variable as the MI 4.4 collection, an XML result, a sequence that answers the client, sends, calls or drops, a missing or dynamic sequence, a configuration the Micro Integrator refuses) stays a TODO; the message says which part does not fit.");
    public static readonly DiagnosticDescriptor FlowEndsWithoutResponse = Info("SB0215", LoweringCategory,
        "Flow can end without responding",
        "The flow can end here without responding; {0}",
        "A flow that reaches its end without <respond>, <send> or <drop> is answered by the Micro Integrator's listener with 202 and no body, as long as nothing was sent to a backend or stored on the way without FORCE_SC_ACCEPTED (then SB0210 applies). The generated code returns accepted() at that point, so the behaviour is the same; the diagnostic makes the implicit answer visible. One exception, which the message names: the flow runs an iterate or clone without continueParent that is kept in a TODO. There the Micro Integrator stops the flow at the split and writes no 202 (IterateMediator and CloneMediator set RESPONSE_WRITTEN to SKIP): the client gets the first answer its copies send, or none and waits until it times out. The generated code answers 202 until the TODO is written.");
    public static readonly DiagnosticDescriptor ConnectionNotTranslated = Warning("SB0216", LoweringCategory,
        "Connection not translated",
        "Local entry '{0}' is a connector connection (<{1}>); it stays an XML value and no client is made: {2}",
        "A local entry that configures a connector connection (<salesforce.init>, <db.init>, ...) is kept as an xml value so that nothing is lost, but no Ballerina client is created from it: a client is written only for a connector whose operations are translated, and the operations that use this one stay TODOs (SB0232), so a client would have no caller. An MI 4.4 HTTP connection (<http.init>), an SMTP <email.init>, a <kafkaTransport.init>, a <salesforcerest.init> and a <gmail.init> become clients instead, unless a setting is unknown, incomplete or an expression evaluated on the message. Elements that hold credentials are not copied: each becomes a required configurable (SB0212) that the value refers to, and a {wso2:vault-lookup('alias')} value refers to the alias's configurable.");
    public static readonly DiagnosticDescriptor LogValueRedacted = Info("SB0217", LoweringCategory,
        "Credential kept out of a log line",
        "The log value '{0}' may hold a credential; the generated code logs **** instead",
        "A log property named like a credential, or whose expression reads a secret (a vault lookup, a property or header named like a password, token or key, or a property or variable the input sets anywhere from a vault lookup or from another such property, e.g. `auth` set from `wso2:vault-lookup('x')` and `basic` from `concat('Basic ', get-property('auth'))`; case `log-secret-property`), would print the credential in the Micro Integrator's log. The generated code logs **** in its place; change it by hand if the value is not sensitive.");
    public static readonly DiagnosticDescriptor ExpressionPrecedence = Warning("SB0233", LoweringCategory,
        "Comparison of an and/or expression",
        "In '{0}', the comparison takes '{1}' as one operand: MI 4.4 expressions bind and/or more tightly than ==, !=, <, <=, > and >=",
        "Synapse's expression grammar (ExpressionParser.g4) reads comparisons above and/or: vars.a == 1 and vars.b == 2 is vars.a == (1 and vars.b) == 2, not (vars.a == 1) and (vars.b == 2). The converter translates what the Micro Integrator evaluates, which usually leaves the expression untranslated (SB0203) or means something else than it reads.");
    public static readonly DiagnosticDescriptor RegexNotTranslated = Warning("SB0234", LoweringCategory,
        "Regular expression not translated",
        "The Java regular expression '{0}' is not translated: {1}",
        "Synapse compiles filter, switch and property regular expressions with java.util.regex; Ballerina's regexp follows the language specification's grammar (close to ECMAScript) and has no lookaround, backreferences, atomic groups, possessive quantifiers, word boundaries, class intersections or nested classes. The converter rewrites what has an exact equivalent (inline flags, quoted literals, POSIX and script classes, string anchors, unescaped braces and brackets) and checks every pattern against the Ballerina grammar at conversion time; a pattern it cannot translate with the same meaning (or that is not valid Java) is left to a TODO with the original, never written as a pattern that fails or matches differently at run time.");

    public static readonly DiagnosticDescriptor AggregateContinuationDiffers = Warning("SB0224", LoweringCategory,
        "Message after an aggregate differs",
        "<aggregate> is followed by mediators in its out flow: the Micro Integrator runs them on the last response's message context with the aggregated envelope, the generated code on the message onComplete left",
        "When an aggregate completes with continuation, the Micro Integrator gives the last response to arrive a copy of the aggregated envelope (before onComplete runs) and the mediators after the aggregate run on that message context: its transport headers, status and properties are the last response's, and what onComplete changed (payload, properties, headers) is not seen there. The generated code runs those mediators on the message as onComplete left it, with the first message's headers and status. Flows that only log or answer after the aggregate are not affected; flows that read properties or headers there may see other values. When the aggregate completes on its timeout (completeCondition timeout), the Micro Integrator's timer runs only onComplete (AggregateMediator.completeAggregate): nothing resumes the flow, so the mediators after the aggregate do not run and a client waiting for them gets no answer; the generated code runs them with the copies gathered so far.");
    public static readonly DiagnosticDescriptor SplitAnswersFirst = Info("SB0235", LoweringCategory,
        "Split answered by its first copy",
        "<{0}> without aggregate: each copy runs on its own and the first answer goes to the client; the generated code waits for every copy and answers with the first in the order of the copies (202 when none answers)",
        "An iterate or clone without continueParent and without an aggregate gathering its copies stops its flow; each copy runs its target on its own, a send's response runs the out flow, and the first copy to answer (a respond, or a send without endpoint on the response path) answers the client, the later answers go nowhere. The generated code runs every copy (one after the other for sequential=\"true\", else started together), waits for all of them and answers with the first answer in the order of the copies, not of arrival. A failing copy does not take away another copy's answer; the flow fails (its fault handling runs once) only when no copy answered, where the Micro Integrator runs the fault sequence on each failing copy alone. When no copy answers, the Micro Integrator leaves the client waiting; the generated code answers 202.");
    public static readonly DiagnosticDescriptor AggregateNeverCompletes = Warning("SB0236", LoweringCategory,
        "Aggregate that nothing feeds",
        "<aggregate> never completes: nothing in the input makes the copies it gathers, so every message passes it unchanged and its onComplete never runs; its XML is kept in a comment",
        "Synapse's aggregate gathers only messages that carry its correlation property (aggregateCorelation, or aggregateCorelation.<id>), which the copies an iterate, clone, recipient list endpoint, MI 4.4 foreach or scatter-gather, store mediator or OAuth endpoint retry make carry; any other message passes it unchanged and the flow goes on after it. When the input makes no such copy, runs no code that could (class, script, connector, ...), and refers to no sequence, template or endpoint outside it (nor chosen at run time), the aggregate never gathers anything: the generated code goes on past it, and its onComplete is kept as a comment.");

    public static readonly DiagnosticDescriptor InboundNotTranslated = Warning("SB0227", LoweringCategory,
        "Inbound endpoint not translated",
        "Inbound endpoint '{0}' ({1}) is not translated: {2}; its XML, every parameter included, is kept in a TODO",
        "The inbound endpoint receives messages over a protocol, or with settings, that the converter does not turn into a Ballerina listener (Kafka, RabbitMQ, file/VFS, MQTT, WebSocket, HL7, CDC, a custom class, an HTTP endpoint that dispatches by pattern, a JMS session that acknowledges by hand, ...). No listener is generated: a TODO carries the endpoint's XML with every parameter (credentials masked) and names the Ballerina module to use.");
    public static readonly DiagnosticDescriptor ServerConfiguration = Info("SB0228", LoweringCategory,
        "Server configuration, no counterpart",
        "<{0}> '{1}' configures the Micro Integrator itself, not a message flow: {2}",
        "The element configures the server that runs the flows (the registry provider, the task scheduler, connector imports, priority executors, WS-Eventing event sources), not a flow of its own. A Ballerina package has no such server configuration, so nothing is generated; a TODO carries the XML so that nothing is lost.");
    public static readonly DiagnosticDescriptor MediatorNeedsCode = Warning("SB0231", LoweringCategory,
        "Mediator needs hand-written code",
        "The <{0}> mediator {1}; it is kept in a TODO: {2}",
        "The mediator runs code or a product outside the message flow (a script, a Java class or bean, an XQuery, a data mapping, a data service, an entitlement or security service, an event or analytics publisher, a rule engine, ...), or is an Apache Synapse mediator the Micro Integrator no longer ships. The converter cannot translate what that code does, so the mediator stays a TODO with what a developer needs to write it in Ballerina: the language and function, the class and its properties, the query and its variables, the mapping's schemas, the service and its operations. Unlike SB0201, this is not planned converter work: the logic must be written by hand.");
    public static readonly DiagnosticDescriptor ConnectorOperationNotTranslated = Warning("SB0232", LoweringCategory,
        "Connector operation not translated",
        "The connector operation <{0}> is kept in a TODO: {1}",
        "A connector operation (<connector.operation>) calls a WSO2 connector, a Java library deployed with the Micro Integrator. The operations docs/connectors.md marks as translated (the MI 4.4 HTTP connector, email, file connector, Kafka, LDAP, Salesforce REST, Amazon SQS, Amazon S3, Gmail, ...) become calls on a client of the matching Ballerina module; any other operation stays a TODO carrying every parameter (credentials masked), and the message names the Ballerina module that replaces the connector (docs/connectors.md lists every connector of the corpus with its module), or says that none is known, in which case the service's API is called with an http:Client. An <x.init> operation gives the settings the client is created with.");
    public static readonly DiagnosticDescriptor AmazonS3UrlEncoded = Warning("SB0293", LoweringCategory,
        "Amazon S3 request URL percent-encoded",
        "<{0}> sends to the uri-template '{1}', whose {{{2}}} the Micro Integrator's HTTPEndpoint percent-encodes ('/', '?', '=' and '&' included), so the request does not reach the S3 resource it names; the generated call expands it the same way",
        "The Amazon S3 connector 1.0.x's operations (amazons3.*) are templates that set uri.var.* properties, sign the request with AWS signature version 2 and call an http endpoint whose uri-template joins the bucket URL with the resource and query (uri.var.uriRemainder, uri.var.query: '/?acl', '/photo.jpg?uploadId=...'). The Micro Integrator's HTTPEndpoint expands such a template as RFC 6570 asks: a template starting with '{' takes its first variable as it is, but every later {x} is percent-encoded, so the path and query become part of the host ('https://bucket.s3.amazonaws.com%2F%3Facl') and the call fails to connect or reaches no S3 resource. The generated helper (amazonS3Send) expands the template with the runtime's expandUriTemplate, as the Micro Integrator does, so the flow fails or goes on the same way. Only getBuckets ({uri.var.apiUrl}/), createObject ({uri.var.bucketUrl}) and uploadPart ({uri.var.bucketUrl}/{uri.var.objectName}?partNumber={uri.var.partNumber}&uploadId={uri.var.uploadId}, whose path and query are the template's own text) are sent where the connector meant.");
    public static readonly DiagnosticDescriptor AmazonS3BodyInSynapseNamespace = Info("SB0272", LoweringCategory,
        "S3 request body in the Synapse namespace",
        "<{0}> sends a <{1}> body whose elements are in the Synapse namespace (http://ws.apache.org/ns/synapse), not in S3's or in none, as the connector's template builds it; the generated call sends the same body",
        "The Amazon S3 connector 1.0.x's createObjectACL and completeMultipartUpload templates build their request body with a payloadFactory whose format (<AccessControlPolicy>, <CompleteMultipartUpload>) has no xmlns=\"\": the format inherits the default namespace of the template file (xmlns=\"http://ws.apache.org/ns/synapse\"), which PayloadFactoryMediatorFactory keeps, and the template processor writes the arguments' XML into the format's text, so their unprefixed elements (<Grant>, <Part>) take it too. S3 documents its request elements in no namespace or in http://s3.amazonaws.com/doc/2006-03-01/. The generated helper sends the body the Micro Integrator sends, so whether S3 accepts it is the same in both; check the answer (its status and <Error><Code>) before relying on the operation.");
    public static readonly DiagnosticDescriptor AmazonS3UploadUnsigned = Info("SB0273", LoweringCategory,
        "S3 upload sent as received, unsigned",
        "<{0}> sends the message as it is, with the headers it came with, to the bucket: the connector's template signs nothing, so the request carries the signature the client sent (a browser form's policy and signature fields, or an Authorization header computed with amazons3.getAuthorization)",
        "The Amazon S3 connector 1.0.x's createObject (POST Object, a browser-form upload) and uploadPart templates call no AmazonS3AuthConnector: they set FORCE_HTTP_CONTENT_LENGTH and COPY_CONTENT_LENGTH_FROM_INCOMING and send the incoming message, body and transport headers, to {uri.var.bucketUrl} (uploadPart: /{objectName}?partNumber=..&uploadId=..). The generated helper does the same through a client that sends a Content-Length instead of chunks (the body is the received one, unchanged, so its length is the received length). A flow that does not receive a signed request from its client is refused by S3 (403) in both.");
    public static readonly DiagnosticDescriptor MessageStoreNotTranslated = Warning("SB0223", LoweringCategory,
        "Message store not translated",
        "Message store '{0}' ({1}) is not translated: {2}",
        "In-memory message stores (Synapse's InMemoryStore, the default) become a queue in the generated package, JMS stores (JmsStore) a JMS queue, JDBC stores (JDBCMessageStore) a table and RabbitMQ stores (RabbitMQStore) a RabbitMQ queue, written in the package's own message format. A JMS store without its JNDI settings, a JDBC store on a server data source or without driver and URL, a RabbitMQ store with TLS, several hosts, a port that is no number or without credentials, a resequencing JDBC store, a WSO2 MB store or a store of a custom class is kept in a TODO with every parameter; its connection parameters become configurables (credentials required ones), and the store mediators and message processors that use it stay TODOs too.");
    public static readonly DiagnosticDescriptor TransactionNotTranslated = Warning("SB0229", LoweringCategory,
        "Transaction boundary not translated",
        "<transaction action=\"{0}\"> is not translated: {1}",
        "The transaction mediator starts, joins, ends or suspends a JTA (distributed) transaction of the Micro Integrator that spans every step after it on the same thread, up to a transaction mediator that commits or rolls back, across the data sources and JMS sessions of the flow. Ballerina scopes a transaction to a lexical transaction block with transactional clients, so a boundary cannot be translated mediator by mediator; the steps in between run without a transaction in the generated code.");
    public static readonly DiagnosticDescriptor ValidationNotTranslated = Warning("SB0221", LoweringCategory,
        "Validation not translated",
        "<validate> checks {0}; the check is not translated, the on-fail flow is",
        "The validate mediator checks a JSON payload against a JSON schema (draft 4, the fge json-schema-validator) or an XML element against XSD schemas with their imported resources and parser features. The check of an XML message against one XSD (a static key, no imported resources, no parser features) is translated with ballerina/data.xmldata (SB0246), and the check of JSON against one static JSON schema whose keywords the runtime's draft-4 check applies with jsonValidationFails (SB0259); xmldata:validate takes one schema file without features. For any other form the generated code keeps the on-fail flow as the branch of an if whose condition fails at run time (notTranslated) until the check is written by hand; the message says which part does not fit.");
    public static readonly DiagnosticDescriptor ValidationReportDiffers = Info("SB0246", LoweringCategory,
        "Validation report differs",
        "<validate> against the XSD '{0}' is translated with xmldata:validate; on failure ERROR_MESSAGE holds the first error the validator reports, not every error, and ERROR_DETAIL that error's text, not a Java stack trace",
        "A validate mediator that checks an XML message against one XSD becomes a call of ballerina/data.xmldata's validate over the schema file (the schema the input holds is written to the package's resources/; one outside the input is read from the file a required configurable names). The decision is the same JAXP schema validation Synapse makes, but the validator stops at the first error: where Synapse's ERROR_MESSAGE lists every error (each followed by a line break), the generated code's holds the first, and ERROR_DETAIL holds its text where Synapse puts the Java stack trace of the last error. A message with a JSON payload fails the flow, as Synapse does when the key holds no JSON schema.");
    public static readonly DiagnosticDescriptor JsonValidationReportDiffers = Info("SB0259", LoweringCategory,
        "JSON validation report differs",
        "<validate> against the JSON schema '{0}' is translated with the runtime's draft-4 check; on failure ERROR_MESSAGE and ERROR_DETAIL hold its first error in the words of the Micro Integrator's validator",
        "A validate mediator that checks JSON against one JSON schema (a static key whose schema the input holds, or a .json key read from the file a required configurable names; the whole payload or a json-eval() source) becomes a call of the runtime's jsonValidationFails, which applies the draft-4 keywords the Micro Integrator's fge json-schema-validator applies (type with integer and number told apart, properties, patternProperties, additionalProperties, required, items as one schema or a tuple, additionalItems, enum, minimum and maximum with the boolean exclusive forms, multipleOf, minLength, maxLength, pattern, minItems, maxItems, uniqueItems, minProperties, maxProperties, allOf, anyOf, oneOf, not, and $ref to #/...). A schema with any other keyword (format, dependencies, a later draft's const or numeric exclusiveMinimum) stays a TODO (SB0221). On failure ERROR_MESSAGE holds the first error in fge's words and ERROR_DETAIL \"Error while validating Json message \" and that error as fge prints it. Differs: the first error is chosen in fge's order (a schema's keywords alphabetically, then the members by name or the items), which can pick another error than fge when several fail in one object whose member order fge keeps; numbers in messages are printed as Ballerina prints them (1.50 may print as 1.5 in fge); patterns are Ballerina regular expressions translated from the schema's (ECMA 262 in fge), rewritten in the package's copy of the schema where the spelling differs; the schema file is read for every message (fge caches it).");
    public static readonly DiagnosticDescriptor MediatorAlwaysFails = Warning("SB0247", LoweringCategory,
        "Mediator always fails",
        "<{0}> always fails in the Micro Integrator: {1}; the generated code fails the flow there the same way",
        "The mediator cannot succeed on any message in the Micro Integrator: an iterate whose split expression uses a namespace prefix that no xmlns in scope declares makes Jaxen throw when EIPUtils evaluates it on the envelope, before any copy is made, and SynapseXPath turns that into a SynapseException (\"Evaluation of the XPath expression ... resulted in an error\") that fails the flow. The generated code fails the flow there with the same message (its fault handling runs), keeps the mediator's XML as a comment, and its targets and the aggregate after it as code that never runs.");
    public static readonly DiagnosticDescriptor ScatterGatherPreviewSyntax = Warning("SB0248", LoweringCategory,
        "Scatter-gather preview syntax",
        "<scatter-gather result-target=\"{0}\" content-type=...> is written in the MI 4.4 preview syntax, which the released Micro Integrator refuses at deployment; translated as the preview Synapse ran it",
        "The MI 4.4 previews named the scatter-gather target with result-target (\"body\" or the name of a variable), the result type with content-type and the XML enclosing element with root-element; the released Micro Integrator reads only target (\"body\" or \"variable\" with target-variable), result-content-type and result-enclosing-element, and refuses to deploy the preview form (\"The 'target' attribute is required\"). The generated code follows the last Synapse that read the preview form (December 2024 to January 2025): the gathered result replaces the body or is set to the named variable, a new JSON array or enclosing element each time, exactly as the released variable target does. Before December 2024 the previews merged the result into the variable when it already held one; that is not reproduced.");
    public static readonly DiagnosticDescriptor LazyParameterNotTranslated = Warning("SB0250", LoweringCategory,
        "Lazy template parameter not translated",
        "call-template with-param '{0}' passes '{1}' lazily, which is not translated: {2}; where the template reads $func:{0} the expression stays a TODO",
        "A with-param value written {{expr}} is not evaluated at the call: ValueFactory keeps {expr} as a static key with the namespaces the with-param element declares itself, TemplateContext stores the expression object, and each read of $func:name in the template evaluates it against the envelope as it is then. An XPath selecting nodes is translated: the template is converted once per kind of call and reads those nodes where it reads the parameter. A JSONPath or Synapse expression (held unevaluated), an XPath with get-property (evaluated once at the call to get the text of the XPath evaluated later), an XPath with node() (Synapse's text of a node-set depends on the text of the expression read) or one that does not parse is not: each read of the parameter stays an untranslated expression (SB0203).");
    public static readonly DiagnosticDescriptor LazyParameterPrefixUndeclared = Warning("SB0251", LoweringCategory,
        "Lazy parameter prefix undeclared",
        "call-template with-param '{0}' passes '{1}' lazily, but the <with-param> element does not itself declare the prefix '{2}': the Micro Integrator cannot resolve it and $func:{0} reads nothing; not translated",
        "A lazily passed {{xpath}} resolves its prefixes only with the xmlns declarations written on the <with-param> element itself (Value.setNamespaces reads getAllDeclaredNamespaces, not the declarations of the call-template or its ancestors). A prefix declared only on an enclosing element is unknown to it: evaluating the stored XPath fails, SynapseXPathVariableContext catches the JaxenException and $func:name gives null, so the template reads no nodes. Each read of the parameter stays an untranslated expression (SB0203).");
    public static readonly DiagnosticDescriptor JsonTransformNotTranslated = Warning("SB0222", LoweringCategory,
        "JSON transform not translated",
        "<jsontransform> {0}; not translated, the payload is left as it is",
        "The jsontransform mediator converts the message to JSON again with its own synapse.commons.json.* settings (instead of the server's), and/or coerces the JSON payload to the types of a JSON schema (commons JsonProcessor). Of the mediator's own settings the generated message model reproduces only literal synapse.commons.json.output.autoPrimitive and output.disableAutoPrimitive.regex (a pattern without Java-only syntax), translated as jsonTransform; a schema the input holds as JSON text (a local entry or a registry resource) is translated as jsonSchemaTransform (SB0271) unless it uses a form the runtime cannot reproduce (SB0270). This diagnostic stays for any other setting, a property value computed by an expression, a schema key computed for each message and a schema the input does not hold (a registry resource outside the project, where the Micro Integrator would fail with 'Schema does not exist in the specified location'): the payload is left unchanged and marked with a TODO. A schema entry that holds XML fails every message, in the Micro Integrator and in the generated code (SB0281).");
    public static readonly DiagnosticDescriptor JsonTransformSchemaNotReproduced = Warning("SB0270", LoweringCategory,
        "JSON transform schema not reproduced",
        "<jsontransform> coerces the payload to the JSON schema '{0}', but {1}; not translated, the payload is left as it is",
        "The jsontransform mediator's schema is not validated by a JSON-schema library: commons JsonProcessor walks it with its own validators, coercing text to the schema's types and failing on the constraints it reads, and the runtime's jsonSchemaTransform follows that walk. A schema in a form whose outcome the runtime cannot reproduce exactly is refused: a root type that is a scalar (JsonProcessor then reads the payload's raw text, quotes and white space included), a count keyword that is not an integer, a bound that is not a number (a draft-4 boolean exclusiveMaximum, which JsonProcessor reads as a number and fails on), a pattern with no Ballerina equivalent, or a keyword value of a JSON kind Gson fails to cast. The message names the keyword and where it is; the mediator stays a TODO with the original XML.");
    public static readonly DiagnosticDescriptor JsonTransformSchemaDiffers = Info("SB0271", LoweringCategory,
        "JSON transform schema translated",
        "<jsontransform> coerces the payload to the JSON schema '{0}' with the runtime's jsonSchemaTransform, which follows the Micro Integrator's JsonProcessor; numbers are written as Ballerina writes them",
        "A jsontransform mediator whose schema the input holds as JSON text becomes `check jsonSchemaTransform(ctx, <schema path>)`: the JSON payload (an XML payload converted to JSON with the default settings, no element giving {}) is coerced as JsonProcessor.parseJson does (strings to numbers, integers and booleans, a single value to a one-item array, properties, patternProperties and additionalProperties by their schemas; the constraints minLength, maxLength, pattern, enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minItems, maxItems, uniqueItems, additionalItems, required, minProperties, maxProperties and additionalProperties false checked) and made the JSON payload; a value it cannot coerce or a broken constraint fails the flow with JsonProcessor's message (the fault sequence runs with ERROR_CODE 0). What JsonProcessor ignores ($ref, allOf, anyOf, oneOf, not, format, default, dependencies) is ignored. Differs: a number keeps the digits Ballerina gives it (the Micro Integrator keeps a number's text where it does not coerce it, and writes a coerced number with as many decimals as its text has characters after the point, or as characters when there is none: 12 becomes 12.00, which the runtime writes the same way only where Ballerina's decimal keeps the scale); numbers in messages are printed as Ballerina prints them; the message of a failure that is a Java runtime exception in the Micro Integrator (a BigDecimal that cannot be read, a value of an unexpected JSON kind) is reproduced for Gson's common cases only; text Double.parseDouble reads in hexadecimal is not a number here; an integer beyond 64 bits fails; patterns are translated to Ballerina's syntax and rewritten in the package's copy of the schema where the spelling differs; the schema file is read for every message.");
    public static readonly DiagnosticDescriptor JsonTransformFailsEveryMessage = Warning("SB0281", LoweringCategory,
        "JSON transform fails every message",
        "<jsontransform> coerces the payload to the JSON schema '{0}', but {1}: the generated code fails the flow with '{2}' as the Micro Integrator does",
        "A jsontransform mediator whose schema the Micro Integrator can never apply fails every message there, whatever the payload: a local entry or registry resource holding XML (JSONTransformMediator: 'Can not find valid JSON Schema content'), a schema that is an array or null (JsonProcessor.parseJson: 'JSON schema should be an object or boolean'), or a number or a string other than 'true' (read as the boolean false: 'JSON schema is false, so all validations will fail'). The generated code does the same: after the mediator's settings conversion when it has one, `fail error(\"<message>\")` hands the flow to its fault handling with the Micro Integrator's message. Differs: an empty payload fails in the Micro Integrator with 'Input json and schema should not be null' for the last two forms.");
    public static readonly DiagnosticDescriptor ThrottleNotTranslated = Warning("SB0230", LoweringCategory,
        "Throttle decision not translated",
        "<throttle{0}> limits by {1}; the decision is not translated, the onAccept and onReject flows are",
        "The throttle mediator admits or rejects a message by a WS-Policy: concurrent requests and, per caller IP or domain, a maximum count per unit of time with an optional prohibit period. A policy that is inline or held by a local entry or registry resource of the project is translated (throttleAdmit); one the Micro Integrator rejects, one in a form this translation does not read (policy alternatives, $SYSTEM or $FILE values), or a key that is dynamic or not in the input is not. The generated code then keeps the onAccept and onReject flows as the two branches of an if whose condition fails at run time (notTranslated) until the decision is written by hand; the message says why.");

    public static readonly DiagnosticDescriptor ThrottleAcceptsAll = Warning("SB0237", LoweringCategory,
        "Throttle accepts every message",
        "<throttle{0}> accepts every message: {1}",
        "The throttle mediator builds its limits from a WS-Policy holding a MediatorThrottleAssertion (or the older ThrottleAssertion) in the namespace http://www.wso2.org/products/wso2commons/throttle. Without a policy, with a policy whose assertion has another name or namespace, or with one that sets neither a concurrency limit nor a caller entry, the Micro Integrator creates no throttle and runs onAccept for every message; the generated code does the same, so the limits the policy seems to set are not applied.");
    public static readonly DiagnosticDescriptor ProxyRemoteFilesNotTranslated = Warning("SB0261", LoweringCategory,
        "Proxy VFS on a remote file system",
        "<proxy> '{0}' transport 'vfs' is not translated: {1}",
        "A proxy with transports=\"vfs\" whose transport.vfs.FileURI names a remote folder is polled by the Micro Integrator's VFSTransportListener through Apache Commons VFS. On ftp, ftps and sftp it becomes an ftp:Listener (ballerina/ftp, see SB0264 for what differs). It is not translated when the folder is on another file system (smb, http, webdav, ...), which ballerina/ftp cannot read, when the URI's host or port cannot be read, or when ActionAfterProcess / ActionAfterFailure moves the file to a folder on another server (or a local one), which the listener's caller cannot do: the message says which, and never repeats the URI's password. The proxy's flow function is generated as for any proxy; its parameters are not reported again one by one (SB0206).");
    public static readonly DiagnosticDescriptor RemoteFileSettingDiffers = Warning("SB0264", LoweringCategory,
        "Remote folder setting not reproduced",
        "{0} polls a remote folder with an ftp:Listener; {1} is not reproduced: {2}",
        "A proxy's vfs transport or a file inbound endpoint on an ftp, ftps or sftp folder becomes an ftp:Listener (ballerina/ftp) with the URI's host, port, user and path as configurables (the password a required one), transport.vfs.FileNamePattern as the service's fileNamePattern (a Java regex fully matching the file name, as the Micro Integrator's String.matches), the poll interval as pollingInterval, and a service that reads each new file, runs the flow, then deletes, moves (on the same server) or leaves it. Each setting of the Micro Integrator's VFS listener it has no equivalent for is reported once, naming what differs: file locking, connection retries (MaxRetryCount, ReconnectTimeout), batching (FileProcessCount/Interval), streaming, reply files, timestamped moves, sorting, size and age checks, failed-record tracking, sftp identities and other URI options (vfs.passive, ...), and ActionAfterProcess/ActionAfterFailure NONE (the Micro Integrator processes a file left in the folder again at every poll; the listener reports each file once).");
    public static readonly DiagnosticDescriptor ProxyTransportNoListener = Warning("SB0262", LoweringCategory,
        "Proxy transport without a listener",
        "<proxy> '{0}' transport '{1}' is not translated: {2}",
        "A proxy exposed on a transport other than http, https, jms, vfs, mailto and rabbitmq (amqp, tcp, udp, fix, hl7, local, ...) is served in the Micro Integrator by that transport's Axis2 listener. No Ballerina listener is generated: the message names the one to write (tcp:Listener, udp:Listener, ...) and the proxy parameters it should take (credentials among them as required configurables, never literals). Those parameters are not reported again one by one (SB0206). The proxy's flow function is generated as for any proxy; when http/https are not among its transports no HTTP service is generated, as the Micro Integrator does not answer it over HTTP.");
    public static readonly DiagnosticDescriptor ApiBehindService = Warning("SB0265", LoweringCategory,
        "API under the address of a proxy or data service",
        "<api> '{0}' is not generated: its context '{1}' is under the address of {2} '{3}', which the Micro Integrator dispatches those requests to",
        "The Micro Integrator dispatches a request to a proxy service or data service by its address before any API sees it: IntegratorStatefulHandler (the first handler of Axis2's Dispatch phase) sets the service RequestURIBasedServiceDispatcher finds from the path after /services/, and only a request that finds none goes to the Synapse service, whose Axis2SynapseEnvironment.injectMessage hands it to the APIs (RestRequestHandler). So an API whose context is /services/<name> or under it, beside a proxy or data service of that name, is never reached. The Ballerina listener would do the opposite (the service with the longest base path wins), so the API is not generated; its resources are not translated.");
    public static readonly DiagnosticDescriptor ProxyMailSettingNotReproduced = Warning("SB0266", LoweringCategory,
        "Mail proxy setting not reproduced",
        "<proxy> '{0}' mail transport: {1} is not reproduced by the email listener: {2}",
        "A proxy on the mailto transport becomes an email:PopListener or email:ImapListener (ballerina/email) polling the mailbox of its mail.pop3.* / mail.imap.* parameters every transport.PollInterval seconds, whose onMessage builds the message from the mail's body as transport.mail.ContentType (else the mail's content type) says and runs the proxy's flow. What the Micro Integrator's MailTransportListener does that the email listener cannot is reported once each: a folder other than INBOX (transport.mail.Folder), moving a mail after processing or failure (MOVE), deleting an IMAP mail (the ImapListener marks it SEEN and leaves it), header filtering (transport.mail.PreserveHeaders / RemoveHeaders), parallel processing, reconnection retries, OAuth, JavaMail settings with no listener field, and the answer the MI mails back to the sender (write it with an email:SmtpClient).");
    public static readonly DiagnosticDescriptor ProxyRabbitMqSettingNotReproduced = Warning("SB0267", LoweringCategory,
        "RabbitMQ proxy setting not reproduced",
        "<proxy> '{0}' rabbitmq transport: {1} is not reproduced by the rabbitmq:Listener: {2}",
        "A proxy on the rabbitmq transport becomes a rabbitmq:Listener (ballerinax/rabbitmq) on the host, port and credentials of its connection factory (rabbitmq.connection.factory, defined in the Micro Integrator's axis2.xml / deployment.toml: required configurables, the password never a literal) and a service consuming rabbitmq.queue.name whose onMessage runs the proxy's flow. What the Micro Integrator's RabbitMQ transport does that the listener cannot is reported once each: declaring an exchange and binding the queue to it, consumer count, throttling, dead-lettering and requeueing, a consumer tag, connection settings set on the proxy (the MI takes them from the factory), queue arguments, and publishing the flow's answer to the request's reply-to queue (write it with a rabbitmq:Client).");
    public static readonly DiagnosticDescriptor VfsSendNotReproduced = Warning("SB0268", LoweringCategory,
        "VFS send not fully reproduced",
        "'{0}' writes files over VFS: {1}",
        "A send or call to an address endpoint with a vfs: URI is the Micro Integrator's VFSTransportSender: it writes the message, as the formatter of its content type (messageType) writes it, to the URI's file, or into the URI's folder under the message's transport.vfs.ReplyFileName (response.xml by default), behind a .lock file; no response comes back. A local file becomes vfsWriteFile (ballerina/io), an ftp, sftp or ftps one vfsWriteRemote over an ftp:Client whose host, port and user are configurables and whose password is a required one. This diagnostic names what the generated code does not reproduce (a URI option or setting with no equivalent, a send that waits for a reply the file system never gives, a blocking call) and what it does instead; where nothing faithful can be generated the send stays a TODO carrying the original XML, credentials masked.");
    public static readonly DiagnosticDescriptor MailSendNotReproduced = Warning("SB0290", LoweringCategory,
        "Mail send not fully reproduced",
        "'{0}' sends mail (mailto): {1}",
        "A send, call, callout or proxy target through an address endpoint with a mailto: URI is the Micro Integrator's mail transport sender (Axis2's MailTransportSender), whose SMTP settings are in its axis2.xml / deployment.toml ([[transport.mail.sender]]), not in the project. It becomes the runtime's sendMail on an email:SmtpClient (ballerina/email) whose host, port, user, From address, security and Bcc addresses are configurables, required but the Bcc list, and whose password is a required secret one. The mail goes as MailTransportSender writes it: to the To transport header, else the address list after mailto:; from the From header, else mail.smtp.from; Cc and Bcc from those headers (and transport.mail.SMTPBccAddresses); the Subject header, else 'SOAPAction: ' and the action, as the subject; the body as the formatter of the message's content type writes it. This diagnostic names what the generated send does not reproduce: without OUT_ONLY \"true\" the Micro Integrator waits for a reply mail after sending and fails the send when none comes (after the client's timeout), where sendMail mails the message and fails at once, never awaiting a reply. Also not reproduced, and said in sendMail's documentation: a body whose content type is not text/* goes out as text/plain (ballerina/email sends text bodies only), the Multipart and Attachment mail formats (transport.mail.Format), custom mail headers, and the MI's mail without authentication (the email:SmtpClient always logs in).");
    public static readonly DiagnosticDescriptor JmsTemporaryReplyQueue = Warning("SB0249", LoweringCategory,
        "JMS reply on a temporary queue",
        "'{0}' sends over JMS and waits for the reply on a temporary queue made per request (its address names no transport.jms.ReplyDestination): the generated requestJms reaches the JMS API through Java interoperability with ballerinax/java.jms's native classes",
        "A send, non-blocking call or proxy target through a jms:/ address endpoint without OUT_ONLY \"true\" and without transport.jms.ReplyDestination is a request-reply on a temporary queue in the Micro Integrator: Axis2's JMSSender (JMSUtils.setReplyDestination) makes a temporary queue on its session, sets it as the request's JMSReplyTo (unless the axis2 property JMS_REPLY_TO names a destination), sends, waits on it for the message whose JMSCorrelationID is the request's JMSCorrelationID, else its JMSMessageID, for the axis2 property JMS_WAIT_REPLY milliseconds (30 s by default), then deletes the queue; the reply becomes the response, as an HTTP backend's does. It becomes the runtime's requestJms with no reply destination (`()`), which does the same through jmsTemporaryExchange: a temporary queue can be read only through the session object that made it, which ballerinax/java.jms does not hand out (each use of its TEMPORARY_QUEUE destination type makes a new queue), so that exchange makes the queue and its consumer through the JMS API (javax.jms) by Java interoperability on the request's own session (the javax.jms.Session a jms:Session of ballerinax/java.jms 1.2.0 keeps as its native data \"session\"), sends the request as sendJms writes it, and reads the reply with the module's native CommonUtils.getBallerinaMessage, as a jms:MessageConsumer reads one. The reply is selected by the request's real JMSMessageID, as in the Micro Integrator. Differs: those native classes and that native-data key are internal to ballerinax/java.jms 1.2.0 (the version generated packages pin), so a later version of the module may change them (the package then fails to build or the exchange fails, naming the class); a provider whose plain JMS session is no QueueSession gets a temporary topic from the Micro Integrator (JMSUtils.createTemporaryDestination), a temporary queue here; the wait blocks its thread through the interop call.");
    public static readonly DiagnosticDescriptor ConnectionCertificateTrust = Warning("SB0253", LoweringCategory,
        "Connection trusts its certificate only",
        "HTTP connection '{0}' trusts the certificate of configuration key '{1}' (certificateConfigurable) through secureSocket.cert: the generated client trusts that certificate only, where the Micro Integrator adds it to the trust store its HTTPS senders share",
        "An MI 4.4 <http.init> connection's certificateConfigurable names a configuration key of type cert. The Micro Integrator reads the key's value (an environment variable, a system property or its global properties file) as the path of a certificate file and, at deployment, adds the certificate under the key's name to the trust store of its HTTPS senders (ConfigDeployer.deployCert); HTTPConnectionUtils, which makes the connection's endpoint, does not read the setting. It becomes the client's secureSocket.cert, a required configurable named after the connection that holds the file's path. Differs: a Ballerina client given cert trusts that certificate alone, so the connection's server must present it (or a certificate it signed), where the Micro Integrator trusts it beside the certificates already in its trust store (client-truststore.jks) and for every HTTPS endpoint; Ballerina reads a PEM file, the Micro Integrator PEM or DER.");
    public static readonly DiagnosticDescriptor LocalCallTranslated = Info("SB0276", LoweringCategory,
        "Local transport call translated",
        "'{0}' calls proxy service '{1}' in-process (local transport): the send runs the proxy's flow function with callLocal",
        "An address endpoint local://.../services/P is Axis2's local transport (NonBlockingLocalTransportSender): the message is written as its SOAP envelope and handed to the proxy service P of the same server, whose answer (LocalResponder.handleResponse) comes back as the response of the send. When P is part of the input, a non-blocking send or call through the endpoint (and a proxy's target endpoint) becomes `check callLocal(ctx, \"local://...\", pFlow)`: P's flow function runs on a fresh context (a new message ID, the address as its To, the message's transport headers and SOAP action, no properties), and its answer becomes the response: its status, its transport headers and its body, with the content type the message was sent in. A message the client sent as REST fails the send, as in the Micro Integrator (the local transport writes only the body's first element, which is no SOAP envelope). Differs: the proxy's axis2-scope properties (messageType aside) are not copied onto the response, which LocalResponder does; HTTP_SC reads the answer's status even when the proxy never set it; a proxy that answers nothing (OUT_ONLY, a drop) gives the caller its 202 at once where the Micro Integrator's caller waits for its endpoint's timeout; the transport headers are a copy, so the proxy's changes reach the caller only through its answer; the endpoint's timeout and suspension settings are not applied (the call runs in the process).");
    public static readonly DiagnosticDescriptor ForwardJmsWithoutReply = Warning("SB0274", LoweringCategory,
        "JMS forward awaits no reply",
        "<messageProcessor> '{0}' forwards to JMS endpoint {1} as an out-only send: a stored message whose OUT_ONLY is not \"true\" goes out without a JMSReplyTo destination and no reply is awaited, where the Micro Integrator's blocking sender sets one (transport.jms.ReplyDestination, else a temporary queue) and waits up to the timeout for a reply it then drops",
        "A scheduled forwarding processor whose target (its targetEndpoint, or an endpoint a message names in target.endpoint) is a JMS endpoint sends each message with the runtime's sendJms, as an out-only send to that endpoint is translated. ForwardingService judges no response from an endpoint whose address is neither http(s) nor hl7: the message is removed once the blocking sender returns and the reply sequence never runs; only a message whose OUT_ONLY is \"true\" (the string) and whose send failed is a failed attempt (fault sequence, retries, deactivation). The generated job keeps those rules. What differs is the send of a message without OUT_ONLY: the Micro Integrator's blocking sender sends it as a request (a JMSReplyTo destination: the endpoint's transport.jms.ReplyDestination, else a temporary queue) and waits for the reply up to the timeout, then drops it (a missing reply, or a failed send, still counts as delivered); the generated job sends it without JMSReplyTo and goes on at once.");
    public static readonly DiagnosticDescriptor ProcessorStoreMissing = Warning("SB0277", LoweringCategory,
        "Processor store missing",
        "Message processor '{0}' reads message store '{1}', which the input does not define: the Micro Integrator's processor then finds no store to consume (its ForwardingService or SamplingService takes the consumer of getMessageStore('{1}'), which is null) and forwards nothing; no job is generated and its XML is kept in a TODO",
        "A message processor is a job over the consumer of its store, and the converter writes that consumer beside the store's producer from the <messageStore> artifact. When no artifact of the input defines the store (SB0502 warns at the reference), there is no store to read and no job is generated; the processor's XML is kept in a TODO and the report lists it as not converted.");
    public static readonly DiagnosticDescriptor LocalEntryFromFileUnread = Info("SB0263", LoweringCategory,
        "Local entry from a file nothing reads",
        "Local entry '{0}' loads its content from '{1}', which is not part of the input, and no translated code reads it as a value: it is kept as a comment, with no start-up read",
        "A local entry with src whose file the input does not hold is read at start-up (SB0254) only when translated code reads it as a value (get-property, an enrich source, an xslt stylesheet). An entry used only as the key of a sequence, endpoint or template (which stays a TODO, SB0502 or SB0238) or not used at all declares nothing: entries.bal keeps a comment with its URL, and no path configurable is required, so the program does not wait for a file it never reads.");
    public static readonly DiagnosticDescriptor LocalEntryFromFile = Info("SB0254", LoweringCategory,
        "Local entry read from a file at start-up",
        "Local entry '{0}' loads its content from '{1}', which is not part of the input: the package reads it as {2}, at start-up, from a copy of that file whose path Config.toml must give",
        "A local entry with src is loaded by the Micro Integrator when it deploys the entry (EntryFactory, SynapseConfigUtils.getObject: a relative file: path is opened from its working directory, then from its home; the document element when the content parses as XML, else the content as text; the entry is refused when the file cannot be read). When a file of the input is at that path, the entry holds its content as an inline entry would. Otherwise, when translated code reads the entry as a value (SB0263 when nothing does), it becomes a module-level value read once, at start-up, from the file a required configurable names (io:fileReadXml for a .xml, .xsl, .xslt, .wsdl, .xsd or .policy file, io:fileReadString for any other): copy the file from the server (its home, e.g. repository/conf/...) into the package and give its path in Config.toml. The program does not start until the file is there, as the Micro Integrator does not deploy the entry without it. A file named like XML that is not XML fails at start-up (the Micro Integrator would keep it as text).");
    public static readonly DiagnosticDescriptor ReceiveSequenceUnknown = Warning("SB0255", LoweringCategory,
        "Receiving sequence not in the input",
        "<send receive=\"{0}\">: sequence '{0}' is not part of the input; the Micro Integrator then logs \"Cannot find a Sequence with name: {0}\" and drops the response, and so does the generated code (answering 202 where the client gets nothing)",
        "Synapse's SendMediator sets RECEIVING_SEQUENCE to the receive attribute, and Axis2SynapseEnvironment.injectMessage looks the name up with getSequence when the response arrives (for proxies and APIs alike): when no sequence has that name it logs the warning \"Cannot find a Sequence with name: X for injecting the message\" (a response to an API or the main sequence: \"... for injecting the response message\") and drops the response, so neither the out flow nor the client gets it. The generated code logs the same warning and ends the flow as a drop in an out flow does: a Ballerina resource must answer, so the client gets 202 where the Micro Integrator sends nothing. A sequence the server holds outside the project (another deployed artifact) is not found either; a registry key (conf:, gov:, local:) the input does not hold also leaves a TODO before the drop, since the server's registry may hold that sequence.");
    public static readonly DiagnosticDescriptor ReceiveSequenceChosenAtRunTime = Warning("SB0256", LoweringCategory,
        "Receiving sequence chosen at run time",
        "<send receive=\"{0}\">: the receiving sequence is computed at run time; the generated code runs the sequence of the input it names ({1} sequences) on the response, and for any other name logs \"Cannot find a Sequence with name: ...\" and drops the response as the Micro Integrator does",
        "A send whose receive attribute is an expression (receive=\"{...}\"): SendMediator sets RECEIVING_SEQUENCE to the expression's string value, and Axis2SynapseEnvironment.injectMessage looks it up with getSequence when the response arrives. The generated code evaluates the expression after the call and compares the name with those of the sequences the input defines (exactly, case-sensitive); the matching sequence's function runs on the response instead of the out flow. Any other name (empty included) logs the Micro Integrator's warning \"Cannot find a Sequence with name: X for injecting the message\" and drops the response: the client gets 202 where the Micro Integrator sends nothing. A sequence the server holds outside the project is not among the names. A sequence that ends without answering leaves the client waiting in the Micro Integrator; the generated code answers 202 (as SB0210 says).");

    public static readonly DiagnosticDescriptor DataMapperStatementNotTranslated = Warning("SB0257", LoweringCategory,
        "Data-mapper statement not translated",
        "The data mapping '{0}': {1} is not translated ({2}); the mapping function keeps it as a TODO and fails at run time until it is written",
        "A datamapper mediator whose mapping configuration (.dmc) and schemas the input holds becomes record types and a mapping function (datamappers.bal). The function fills an output field from an input field of the same type, from the string methods toString, toUpperCase, toLowerCase, trim, substring (integer constants), replace (one literal by another) and concat or + of strings, from + - * of integers, from JavaScript numbers (Number, Math.floor, ceil, round, abs, max, min and arithmetic in doubles, SB0282), from the generator's variables assigned once, and fills an output array from a for-in loop over an input array whose every statement builds the element of that iteration (docs/mapping.md). Any other statement (other Math functions, a number formatted as text, a number into a string member of a JSON output, a custom function, a variable of another form, a loop of another form, DM_PROPERTIES, an optional input field into a required output field or into concat or arithmetic) is kept as a TODO line with the statement as written and the reason. The field it assigns gets a value that fails at run time (notTranslated), so the mapping does not answer with a payload that differs from the Micro Integrator's.");
    public static readonly DiagnosticDescriptor ClassIsBuiltInMediator = Info("SB0285", LoweringCategory,
        "Class naming a built-in mediator",
        "The <class> mediator '{0}' is Synapse's own <{1}> mediator with no property set; it is translated as <{1}/> with its default settings",
        "A class mediator runs a Java class that ClassMediatorFactory creates with its no-argument constructor, setting only the properties the element lists. When the class is one of Synapse's built-in mediators (org.apache.synapse.mediators.builtin.LogMediator, DropMediator, RespondMediator or LoopBackMediator) and the element sets no property, method, target or input, the instance is the mediator the element's own factory makes from the bare element (<log/> at level simple, category INFO; <drop/>; <respond/>; <loopback/>), so it is translated as that mediator. A built-in class with properties, and any other class, stays a TODO (SB0231). ClassMediator asks the instance whether it reads the message (isContentAware), so the message is built exactly where the built-in mediator's own element would build it.");
    public static readonly DiagnosticDescriptor DataMapperJavaScriptNumbers = Info("SB0282", LoweringCategory,
        "Data mapping with JavaScript numbers",
        "The data mapping '{0}' computes with JavaScript numbers (doubles): {1}",
        "A data mapping (.dmc) that converts with Number(...) or computes with Math functions, division or arithmetic on number fields is translated with Ballerina's float, the same IEEE double JavaScript uses, and runtime helpers that reproduce JavaScript where Ballerina differs: dataMapperNumber reads text as Number() does (blank text is 0, other text that is not a JavaScript numeric literal NaN), dataMapperRound rounds half toward +Infinity as Math.round does. The result reaches an output field as the data mapper's writer gets it from the script engine (GraalJS hands an integral value within 32 bits as an Integer, another value as a Double, which the writers print with Double.toString): dataMapperNumberText gives that text for a string field of an XML output, dataMapperInteger an int for an integer field, dataMapperDecimal a decimal for a number field; a value the writers would print otherwise (NaN, an infinity, -0, an integral value beyond 32 bits, a Double.toString with an exponent) fails at run time rather than giving a payload that may differ. Not verified at run time: the engine's number handover is taken from GraalJS's documented host conversion.");
    public static readonly DiagnosticDescriptor DataMapperNotTranslated = Warning("SB0258", LoweringCategory,
        "Data mapper not translated",
        "The <datamapper> mediator is kept in a TODO: {0}",
        "A datamapper mediator is translated into record types and a mapping function when the input holds its mapping configuration (.dmc) and both schemas as registry resources (an Integration Studio registry resources project, a CApp's registry entries, an MI project's resources/registry), its input and output types are JSON or XML, it writes the result to the body (no target variable), and the schemas are WSO2 data-mapper schemas with a title. Otherwise it stays a TODO that says what is missing or different: the keys of the resources the input does not hold, the type, or the schema that cannot be read.");

    // 03xx: emit
    public static readonly DiagnosticDescriptor TemplateError = Error("SB0301", EmitCategory,
        "Template failed",
        "Template '{0}' failed: {1}",
        "A Scriban template (built in or from --templates) failed to parse or render, so the file it produces is missing or incomplete.");
    public static readonly DiagnosticDescriptor OutputPathUnsafe = Error("SB0302", EmitCategory,
        "Unsafe output path",
        "The output path '{0}' escapes the output folder; it was not written",
        "A generated file's path would leave the output folder (an absolute path or '..'); it is refused so that converting never writes elsewhere.");
    public static readonly DiagnosticDescriptor MergeConflict = Warning("SB0305", EmitCategory,
        "Merge conflict in an edited file",
        "'{0}' was edited since it was generated and the new generation changes the same lines; conflict markers at lines {1}",
        "A generated file was edited by hand (its content no longer matches the hash in .synapse2bal/manifest.json), so converting again merged three versions as git merge-file does: the previous generation (the base, kept in .synapse2bal/base/), the edited file and the new generation. Where the edits and the regenerated code changed the same or adjacent lines, both versions are kept between <<<<<<< / ======= / >>>>>>> markers; the rest of the file is merged.");
    public static readonly DiagnosticDescriptor EditedFileNotOverwritten = Warning("SB0306", EmitCategory,
        "Edited file not overwritten",
        "'{0}' {1}; the new generation was written to '{2}'",
        "A file the converter would write already exists with other content, and it was either edited since it was generated (with --no-merge) or not written by a previous conversion into this folder (no entry in .synapse2bal/manifest.json, or no merge base). It is left as it is and the new generation is written beside it with a .new suffix.");
    public static readonly DiagnosticDescriptor EditedFileKept = Warning("SB0307", EmitCategory,
        "Edited file no longer generated",
        "'{0}' is no longer generated (the artifacts it came from were removed or moved) but it was edited since it was generated; it was kept",
        "Converting again removes the generated files nothing produces any more, unless the developer edited them: an edited file is kept, and the converter stops tracking it.");


    // 09xx: internal
    public static readonly DiagnosticDescriptor InternalError = Error("SB0901", InternalCategory,
        "Internal error",
        "Internal error while processing this file: {0}",
        "The converter failed unexpectedly on this input; this is a bug in the converter, not in the Synapse configuration.");
    public static readonly DiagnosticDescriptor ArtifactInternalError = Error("SB0902", InternalCategory,
        "Internal error in an artifact",
        "Internal error while converting the {0} '{1}': {2}; it is kept whole as a TODO and the other artifacts are converted",
        "The converter failed unexpectedly on one artifact; this is a bug in the converter, not in the Synapse configuration. The artifact's XML is kept in a TODO, and code that refers to it (a sequence call, an endpoint) does not find it until it is written by hand.");
    public static readonly DiagnosticDescriptor GenerationInternalError = Error("SB0903", InternalCategory,
        "Internal error generating code",
        "The converter failed while generating the code of the {0} '{1}' ({2}); its code is replaced by a TODO and the rest of the package is generated",
        "The converter failed unexpectedly while writing the Ballerina code of one service or function, or of one module-level declaration (an endpoint's client, a connection, a configurable, a local entry or stylesheet, an inbound listener, a task, a message store or processor); this is a bug in the converter, not in the Synapse configuration. The construct is replaced by a TODO holding what the converter knows of it (a service's or declaration's original XML; an endpoint's client, a stylesheet and a configurable keep only their name and place), a failed declaration's TODO at the end of its file (`Config.toml` says it in a `#` comment), and the other constructs and files are generated as usual; code that calls a function or uses a declaration replaced this way does not compile until it is written by hand.");

    public static readonly DiagnosticDescriptor ReferenceInternalError = Error("SB0904", InternalCategory,
        "Internal error resolving references",
        "Internal error while resolving the references of the {0} '{1}': {2}; it is kept whole as a TODO and the other artifacts are converted",
        "The converter failed unexpectedly while collecting and resolving the references of one artifact (Semantics); this is a bug in the converter, not in the Synapse configuration. The artifact's XML is kept in a TODO, its references are not checked, and the other artifacts are resolved and converted.");
    public static readonly DiagnosticDescriptor StageInternalError = Error("SB0905", InternalCategory,
        "Internal error refining or reporting",
        "Internal error while {0} ({1}): {2}; {3}",
        "The converter failed unexpectedly in a refining pass (inlining empty or respond-only flows, removing unused flows, the property-local or payload-type analysis) or while building one artifact's row of the migration report; this is a bug in the converter, not in the Synapse configuration. A refining pass that fails is skipped: the package is generated without that simplification (the code means the same, it is only less idiomatic). A report row that fails is listed as not converted with no counts, and the other rows and the package are kept.");
    public static readonly DiagnosticDescriptor SymbolInternalError = Error("SB0906", InternalCategory,
        "Internal error in the symbols",
        "Internal error while {0}: {1}; {2}",
        "The converter failed unexpectedly while entering one artifact in the symbol table (Semantics) or while naming one symbol of the generated module (Refine); this is a bug in the converter, not in the Synapse configuration. An artifact the symbol table could not take is kept whole as a TODO, and references to it are unresolved (SB0502); a symbol whose name could not be made gets a fallback name of its kind and a number (its 1-based index among the module's symbols, or among the function's or resource's parameters: `function7`, `configurable1`, `parameter2`), made unique as any other name, and every other name is kept. The diagnostic names the artifact and points at it (a symbol at the artifact or construct that declares it; the HTTP port, which nothing of the input declares, has no position).");
    public static readonly DiagnosticDescriptor ReportInternalError = Error("SB0907", InternalCategory,
        "Internal error writing the report",
        "Internal error while {0}: {1}; {2}",
        "The converter failed unexpectedly while building the migration report outside its rows (its totals, TODO links, diagnostics and graph) or while writing one report file (MIGRATION.md, migration_report.json, migration_report.html, the SARIF log); this is a bug in the converter, not in the Synapse configuration. The package is written, and so is every report file that could be made: a report that could not be built leaves out MIGRATION.md and the JSON and HTML reports (the diagnostics and the SARIF log are still written); a report file that could not be rendered is left out alone. The SARIF log is written last, so it lists a report file that failed.");

    public static readonly DiagnosticDescriptor FlowInternalError = Error("SB0908", InternalCategory,
        "Internal error in a whole-package pass",
        "Internal error while {0}: {1}; {2}",
        "The converter failed unexpectedly on one artifact in a pass that otherwise works on the whole package: walking the artifact's mediators or analysing a sequence's or sequence template's flows (the flow facts of the semantic model), or one artifact's part of a lowering pass that runs over the whole project (declaring the function of a sequence or sequence template, making the main sequence's catch-all service, declaring the start-up read of a local entry's external file); this is a bug in the converter, not in the Synapse configuration. The artifact is kept whole as a TODO with its XML (or, in a pass that runs after it was lowered, that artifact's part is left out and said so), the flows that call it take it as doing nothing, as a name the project does not define, and the other artifacts are analysed and converted as if the failure had not happened. The diagnostic names the artifact and points at it.");

    public static readonly DiagnosticDescriptor FileInternalError = Error("SB0909", InternalCategory,
        "Internal error rendering a file",
        "Internal error while rendering {0}: {1}; the file is left out and the other files of the package are generated",
        "The converter failed unexpectedly while rendering one whole generated file (its template, or what the file's own code computes before its services, functions and declarations, each of which has a guard of its own, SB0903); this is a bug in the converter, not in the Synapse configuration. The file is not written, and every other file of the package is generated as without the failure; code in the other files that uses what the file would have declared does not compile until it is written by hand. With `--keep-structure` the diagnostic also names the artifact the file is made from and points at it.");
    public static readonly DiagnosticDescriptor FactInternalError = Error("SB0910", InternalCategory,
        "Internal error in a package-wide fact",
        "Internal error while {0} for the whole package: {1}; {2}",
        "The converter failed unexpectedly while computing a fact of the whole package that the generated files are written with (the functions that cannot fail, the fault flows nothing calls, the typed record of the context's properties, the throttles that decide by the caller's address or limit concurrency, the endpoint suspension states the calls keep, the record types of the JSON payloads); this is a bug in the converter, not in the Synapse configuration. The fact takes a fallback that means the same at run time and is only less idiomatic (every function returns an error union and its callers check it; every fault flow is written; every property stays in the context's map; every resource takes the caller's address, and every call and fault flow gives a throttle slot back, which does nothing when the message holds none; every endpoint's suspension state is declared; every JSON payload is built as untyped json), and the whole package is generated.");
    public static readonly DiagnosticDescriptor FactFallbackDiffers = Error("SB0911", InternalCategory,
        "Package-wide fact: differing fallback",
        "Internal error while {0} for the whole package: {1}; {2}",
        "The converter failed unexpectedly while computing a fact of the whole package that has no fallback meaning the same at run time (the endpoint group that declares each suspension state several group members share); this is a bug in the converter, not in the Synapse configuration. The package is generated with the closest code the converter can still write, and the message says where it differs from the Micro Integrator (each group member keeps a suspension state of its own instead of sharing the one endpoint's): review the endpoint groups' declarations by hand.");

    public static readonly DiagnosticDescriptor IntegerConfigurableDefault = Error("SB0912", InternalCategory,
        "Internal error: int default",
        "Internal error: the int configurable '{0}' would get the default '{1}', which is not a Ballerina int; it is left required with no default",
        "An int configurable (a port, a count) takes its default from the input, and each place that reads such a number checks that it is a whole number a Ballerina int holds (64 bits; an email connection whose port is no TCP port is not translated, SB0216); one that reached the configurable without that check is a bug in the converter, not in the Synapse configuration. The value is not written (as a literal it would not compile, or Config.toml would not load): the configurable is declared required, with no default, and Config.toml lists it commented out. Leading zeros are not an error: 0021 is written 21, as Ballerina and TOML refuse leading zeros.");

    /// <summary>
    /// Codes no longer reported, with where they went. A retired code is never given to another diagnostic, so an
    /// old report or TODO(SBnnnn) comment never means something else.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RetiredCodes = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["SB0104"] = "moved to SB0501 (DuplicateArtifact): duplicate names are a semantic check; the parser never reported it",
        ["SB0204"] = "moved to SB0502 (UnresolvedReference): reported by the reference graph (Semantics), not by lowering",
        ["SB0209"] = "moved to SB0503 (ReferenceCycle): reported by the reference graph (Semantics), not by lowering",
        ["SB0291"] = "no longer reported: a JMS request-reply on a named reply destination selects the reply by the request's JMSCorrelationID, else the JMSMessageID the provider gave it, as the Micro Integrator does; no correlation ID is made up any more",
    };

    public static IEnumerable<DiagnosticDescriptor> All => typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static DiagnosticDescriptor Error(string id, string category, string title, string format, string description) =>
        Create(id, category, DiagnosticSeverity.Error, title, format, description);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string format, string description) =>
        Create(id, category, DiagnosticSeverity.Warning, title, format, description);

    private static DiagnosticDescriptor Info(string id, string category, string title, string format, string description) =>
        Create(id, category, DiagnosticSeverity.Info, title, format, description);

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string format, string description) =>
        new(id, title, format, category, severity, isEnabledByDefault: true, description: description,
            helpLinkUri: HelpDocument + "#" + id.ToLowerInvariant());
}
