using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Tests.Golden;
using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// The runtime support module, tested once: the golden copy of the whole module (<c>expected/</c>), and how
/// <see cref="RuntimeModule"/> splits it and picks what a package uses.
/// </summary>
public sealed class RuntimeModuleTests : IDisposable
{
    private const string Sample = """
        import ballerina/http;
        import ballerina/lang.regexp;
        import ballerina/url as u;

        // Limits shared by the helpers.
        const int LIMIT = 10;

        final readonly & map<boolean> skipped = {
            "a": true
        };

        # Top: calls middle.
        # Second documentation line.
        function top(http:Request request) returns string {
            return middle("top");
        }

        # Middle: reads the constant, the enum and calls bottom in a template.
        function middle(string text) returns string => string `${bottom(text)}-${LIMIT}-${RED}`;

        function bottom(string text) returns string {
            // unused is named only in this comment, and "unused" only in a string.
            return text + "unused";
        }

        # Matches with a regular expression.
        function unused(string text) returns boolean|error {
            return regexp:isFullMatch(check regexp:fromString(text), text) && skipped.hasKey(text);
        }

        enum Colour {
            RED,
            GREEN = "green"
        }

        public type Shape record {|
            string name;
            int sides = 0;
        |};

        function encode(string text) returns string|error => u:encode(text, "UTF-8");
        """;

    private const string Types = """
        # The record.
        public type Context record {|
            string id;
        |};
        """;

    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-runtime-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static RuntimeModule Module => RuntimeModule.For(Sample, Types);

    [Fact]
    public void The_whole_module_matches_its_golden_copy()
    {
        var module = RuntimeModule.BuiltIn;
        GoldenFiles.AssertDirectory(Path.Combine(TestPaths.Runtime, "expected"), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["support.bal"] = module.Support(module.Everything)!,
            ["types.bal"] = module.Types(),
        });
    }

    /// <summary>
    /// Issue 14: types.bal keeps the types the package's files (support.bal among them) name and the types those name,
    /// and of a closed record the fields without a default and those with one some code names; nothing when no file
    /// names a type.
    /// </summary>
    [Fact]
    public void Types_keep_only_the_types_and_defaulted_fields_the_files_name()
    {
        const string types = """
            import ballerina/http;

            # The context.
            public type Context record {|
                # Always kept: no default.
                string id;
                # Kept when named.
                string to = "";
                # Names Body.
                Body? body = ();
                # Names http.
                (function (Context ctx) returns http:Response|error)? next = ();
            |};

            # A body.
            public type Body record {|
                byte[] bytes;
            |};

            # Unused.
            public type Other record {|
                int n;
            |};
            """;
        var module = RuntimeModule.For(Sample, types);
        Assert.Null(module.Types(["function f() {}"], typedProperties: false));

        var toOnly = module.Types(["function f(Context ctx) returns string => ctx.to;"], typedProperties: false)!;
        Assert.Equal(["Context", "Context.id", "Context.to"], RuntimeModule.TypeMembers(toOnly));
        Assert.DoesNotContain("import ballerina/http;", toOnly);
        Assert.Contains("    # Kept when named.\n    string to = \"\";\n|};", toOnly);

        var all = module.Types(["function f(Context ctx) { ctx.body = (); _ = ctx.next; }"], typedProperties: false)!;
        Assert.Equal(["Body", "Body.bytes", "Context", "Context.body", "Context.id", "Context.next"], RuntimeModule.TypeMembers(all));
        Assert.Contains("import ballerina/http;", all);
        Assert.DoesNotContain("Other", all);
    }

    /// <summary>
    /// A payload is <c>json|xml|ReceivedBody|()</c>, and <c>json</c> holds <c>map&lt;json&gt;</c>: a bare mapping
    /// constructor assigned to one fits both mapping types, which the Ballerina spec makes a compile-time error
    /// (mapping-constructor-expr: more than one applicable contextually expected type). The runtime module
    /// writes the type (<c>&lt;ReceivedBody&gt;{...}</c> or a typed local) wherever it builds a received body.
    /// </summary>
    [Fact]
    public void No_payload_is_assigned_an_untyped_mapping_constructor()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource);
        var ambiguous = System.Text.RegularExpressions.Regex.Matches(source, @"(?m)^.*\bpayload\s*(=|:)\s*\{.*$")
            .Select(m => m.Value.Trim())
            .ToArray();
        Assert.Empty(ambiguous);
        Assert.Contains("<ReceivedBody>{bytes: check request.getBinaryPayload()", source, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ballerina narrows a variable in the false branch of <c>x is S</c> by the read-only difference (spec, Type
    /// narrowing): a mutable uniform type (mapping, list, object, xml) is removed only when the variable's whole part
    /// of it is inside S. A payload's <c>json</c> holds <c>map&lt;json&gt;</c> beside the <c>ReceivedBody</c> record,
    /// so <c>payload !is ReceivedBody</c> leaves it <c>json|xml|ReceivedBody</c> (jBallerina: "incompatible types");
    /// the same holds for <c>http:Request|http:Response</c>. The module tests for the type it uses and casts the rest.
    /// </summary>
    [Fact]
    public void No_use_relies_on_the_false_branch_removing_a_mutable_type()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("!is ReceivedBody", source, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"is ReceivedBody \? [^:;]+ : payload\b", source);
        Assert.Contains("} else if payload is json && payload !is () {\n        kind = \"json\";", source, StringComparison.Ordinal);
        // The else branch of an object test calls through a cast, never on the still-unnarrowed union.
        Assert.DoesNotMatch(@"is http:Request \{\n[^\n]*\n\s*\} else \{\n\s*(\w+ = )?(check )?message\.", source);
        Assert.Contains("    if payload is json|xml {\n        return payload;\n    }\n    ReceivedBody body = <ReceivedBody>payload;", source, StringComparison.Ordinal);
        Assert.Contains("payload is json|xml ? payload : (<ReceivedBody>payload).parsed;", source, StringComparison.Ordinal);
        Assert.Contains("(<http:Response>message).setHeader(name, value);", source, StringComparison.Ordinal);
    }

    /// <summary>
    /// A blocking call fails as Axis2's HTTPSender.handleResponse decides (the MI's axis2_blocking_client.xml
    /// configures CommonsHTTPTransportSender): 2xx, 400, 409, 500 and the endpoint's non-error statuses are read as
    /// the response; any other status is an AxisFault whose fault code is the status, which
    /// BlockingMsgSender.send makes ERROR_CODE, with the request kept as the message.
    /// </summary>
    [Fact]
    public void A_blocking_call_fails_on_the_statuses_axis2_does_not_read_with_the_status_as_error_code()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("function blockingStatusRead(int status, int[] nonErrorCodes) returns boolean =>\n"
            + "    (status >= 200 && status < 300) || status == 400 || status == 409 || status == 500\n"
            + "        || nonErrorCodes.indexOf(status) !is ();", source, StringComparison.Ordinal);
        // The request's content type is back already (restoreRequestState before `check called`); its body comes back here.
        Assert.Contains("    restoreRequestState(ctx, request, keepResponse = true);\n"
            + "    if called is error {\n"
            + "        return blockingTransportFailure(ctx, called);\n"
            + "    }\n"
            + "    if !blockingStatusRead(ctx.statusCode, nonErrorCodes) {\n"
            + "        ctx.payload = request.payload;\n"
            + "        return blockingFault(ctx, string `Transport error: ${ctx.statusCode} Error: the backend answered with an error status`, ctx.statusCode);", source, StringComparison.Ordinal);
        // The status is the code, not 401002 (which only a transport failure without a fault code gets).
        Assert.DoesNotContain("synapseErrorCode = 401002", source, StringComparison.Ordinal);
        Assert.DoesNotContain("ctx.statusCode >= 400", source, StringComparison.Ordinal);
    }

    /// <summary>
    /// An OUT_ONLY send works on a clone of the message, as CallMediator sends one (MessageHelper.cloneMessageContext
    /// builds the message, then copies its envelope): the request is written out by a strand of its own
    /// (<c>start sendOutOnly</c>, a non-isolated call that runs when the flow's strand yields) and
    /// http:Request.setXmlPayload keeps the XML value, not its text, so the flow's later in-place edits of the message's
    /// XML (replaceBody's setChildren) must not reach the request; and the WS-Addressing headers the send removes are
    /// removed from the clone only, the flow's message keeping its own (also through an endpoint with enableAddressing).
    /// </summary>
    [Fact]
    public void An_out_only_send_works_on_a_clone_of_the_message()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("    if outOnly {\n"
            + "        _ = check parsedPayload(ctx);\n"
            + "        before = [ctx.contentType, ctx.headers.clone(), ctx.payload];\n"
            + "        ctx.payload = ctx.payload.clone();\n"
            + "    }\n", source, StringComparison.Ordinal);
        Assert.Contains("    if before is [string, map<string>, json|xml|ReceivedBody] {\n"
            + "        ctx.contentType = before[0];\n"
            + "        ctx.headers = before[1];\n"
            + "        ctx.payload = before[2];\n"
            + "    }\n"
            + "    http:Request request = check built;\n"
            + "    // The send marks the request as answered elsewhere (Axis2FlexibleMEPClient: RESPONSE_WRITTEN \"SKIP\"), an OUT_ONLY\n"
            + "    // one too; `blockingSend` gives the send a mark of its own.\n"
            + "    ctx.ack.skipped = true;\n"
            + "    if outOnly {\n"
            + "        _ = start sendOutOnly(endpoint, verb, path, request, ctx.messageId);\n", source, StringComparison.Ordinal);
        Assert.Contains("    _ = check parsedPayload(ctx);\n"
            + "    json|xml|ReceivedBody message = ctx.payload;\n"
            + "    ctx.payload = message.clone();\n"
            + "    error? sent = sendAddressed(ctx, endpoint, path, method, format, true, timeoutFault, wsAddressing, wsaTo, headers);\n"
            + "    ctx.payload = message;\n", source, StringComparison.Ordinal);
    }

    /// <summary>
    /// An enrich body target (replace) on the XML form of the message does what Target.insert and insertElementToBody
    /// do: a source without nodes leaves the body; a text source sets the first element's text, or becomes the JSON
    /// payload when it is a JSON object or array; an empty body takes no text (an error is logged) and receives only
    /// a source's elements. The whole body is never replaced by a text or an empty source.
    /// </summary>
    [Fact]
    public void An_enrich_body_replace_with_text_or_no_source_keeps_the_body_as_the_MI_does()
    {
        var replace = RuntimeSourceText.Function("setBodyFirstElement");
        RuntimeSourceText.InOrder(replace,
            "    if value is xml && value.elements().length() > 0 {\n",
            "        return setPayloadValue(ctx, elements);\n",
            "    string[] texts = sourceTexts(value);\n",
            "    if texts.length() == 0 {\n        return;\n    }\n",
            "    if first is () {\n        log:printError(\"Invalid Object type to be inserted into message body\");\n        return;\n    }\n",
            "    if parsed is map<json> || parsed is json[] {\n        ctx.payload = parsed;\n        return;\n    }\n",
            "    first.setChildren(xml:createText(texts[texts.length() - 1]));\n");
        // Only source elements replace the payload; text and an empty source never reach setPayloadValue.
        Assert.Equal(2, replace.Split("setPayloadValue(").Length);
        var texts = RuntimeSourceText.Function("sourceTexts");
        RuntimeSourceText.InOrder(texts, "            if item is xml:Text {\n", "    if value is () {\n        return [];\n    }\n");
    }

    /// <summary>
    /// A call's response keeps the direction the message had (SynapseCallbackReceiver.handleMessage: a continuation
    /// call's response is put back to setResponse(false) when it was made on a request), so the helpers every backend
    /// response goes through (<c>becomeResponse</c>) do not change <c>isResponse</c>; a send's response is marked a
    /// response where the flow continues with it (<c>continueWithResponse</c>, or the generated code before the out
    /// flow). What depends on the Axis2 message context being the response's (MESSAGE_FORMAT, a JMS answer's
    /// correlation) reads <c>backendResponse</c>, not the direction.
    /// </summary>
    [Fact]
    public void A_backend_response_keeps_the_direction_and_only_a_send_makes_it_a_response()
    {
        var become = RuntimeSourceText.Function("becomeResponse");
        Assert.DoesNotContain("isResponse", become, StringComparison.Ordinal);
        Assert.Contains("    ctx.backendResponse = true;\n", become, StringComparison.Ordinal);
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("continueWithResponse"), "    ctx.isResponse = true;\n", "    throughApiResource(ctx);\n");
        Assert.Contains("if ctx.backendResponse || (!ctx.restRequest && ctx.clientSoap is ())", RuntimeSourceText.Function("messageFormat"), StringComparison.Ordinal);
        Assert.Contains("ctx.backendResponse ? target.requestMessageId : ()", RuntimeSourceText.Function("sendJmsReply"), StringComparison.Ordinal);
        foreach (var helper in new[] { "callEndpoint", "callLocal", "requestJms", "jsonApiResponse", "amazonSqsAnswer", "callHttpConnector", "callBlocking" })
        {
            Assert.DoesNotContain("ctx.isResponse =", RuntimeSourceText.Function(helper), StringComparison.Ordinal);
        }

        Assert.Contains("    boolean backendResponse = false;\n", RuntimeSourceText.Types, StringComparison.Ordinal);
        Assert.Contains("function anonymousTo(Context ctx) returns boolean => ctx.backendResponse && ctx.to == \"\";\n", RuntimeSourceText.Support, StringComparison.Ordinal);
    }

    /// <summary>
    /// A failure after a non-blocking send gets no answer from the Micro Integrator (Axis2FlexibleMEPClient and
    /// MessageStoreMediator set RESPONSE_WRITTEN "SKIP"; ServerWorker.sendAck then writes no 202), whatever raised it:
    /// the backend or a mediator after the response came back. <c>unansweredFault</c> decides by the mark the senders
    /// and stores leave (<c>ack.skipped</c>), not by the error's code; a blocking send marks a mark of its own; the
    /// failure is logged either way.
    /// </summary>
    [Fact]
    public void The_unanswered_fault_end_knows_whether_a_send_went_out()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        var types = TemplateRenderer.ReadBuiltIn(RuntimeModule.TypesSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("    AckMark ack = {};\n", types, StringComparison.Ordinal);
        Assert.Contains("public type AckMark record {|\n", types, StringComparison.Ordinal);
        var unanswered = source[source.IndexOf("function unansweredFault(", StringComparison.Ordinal)..];
        unanswered = unanswered[..unanswered.IndexOf("\n}\n", StringComparison.Ordinal)];
        Assert.Contains("    if !ctx.ack.skipped {\n        log:printError(", unanswered, StringComparison.Ordinal);
        Assert.Contains("        return accepted();\n    }\n    log:printError(", unanswered, StringComparison.Ordinal);
        Assert.Contains("response.statusCode = http:STATUS_BAD_GATEWAY;", unanswered, StringComparison.Ordinal);
        Assert.DoesNotContain("101500", unanswered, StringComparison.Ordinal);
        // The blocking senders give their send a mark of its own, so the request's (shared with parallel copies) keeps
        // what the copies make of it meanwhile.
        Assert.Equal(2, CountOf(source, "    AckMark requestAck = ctx.ack;\n    ctx.ack = {};\n    error? called = sendRequest();\n    ctx.ack = requestAck;\n"));
        // callEndpoint, the local, mail and JMS senders (plain and transacted), and the four stores (the in-memory
        // queue, also the failover of the others) mark the request.
        Assert.Equal(9, CountOf(source, "ctx.ack.skipped = true;"));
        foreach (var sender in new[] { "callLocal", "sendMail", "sendJms", "sendJmsTransacted" })
        {
            Assert.Contains("    ctx.ack.skipped = true;\n", RuntimeSourceText.Function(sender), StringComparison.Ordinal);
        }

        // The copies an iterate, clone or scatter-gather makes share the mark with the request (one operation
        // context: MessageHelper.cloneMessageContext), so a copy's send marks the request too.
        Assert.Contains("    operation: ctx.operation,\n    ack: ctx.ack,\n", RuntimeSourceText.Function("branchContext"), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// makefault answers 500 whenever the message has no HTTP_SC of its own, as PassThroughTransportUtils
    /// .determineHttpStatusCode does: a message a loopback or RESPONSE=true made a response without any backend still
    /// has none (ClientWorker sets HTTP_SC on a backend's response only), so its fault is a 500 too, not a 200.
    /// </summary>
    [Fact]
    public void A_fault_is_answered_with_500_unless_the_message_has_an_http_sc()
    {
        // Decided when the message is answered (PassThroughTransportUtils.determineHttpStatusCode), not by makeFault.
        var status = RuntimeSourceText.Function("responseStatus");
        Assert.Contains("    if ctx.httpSc is () && ctx.statusCode == 200 && (ctx.processingFault || (ctx.payload is xml && soapFaultElement(ctx) is xml:Element)) {\n        return 500;\n    }\n", status, StringComparison.Ordinal);
        Assert.DoesNotContain("isResponse", status, StringComparison.Ordinal);
        Assert.DoesNotContain("statusCode", RuntimeSourceText.Function("makeFault"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A group sends a failed request to its next member only after a failed send (a Synapse error code: Synapse's
    /// AbstractEndpoint.onFault reaches the parent's onChildEndpointFail through the fault stack). A failure the send
    /// itself raises (code 0: a body that cannot be built, AbstractEndpoint.send's handleException) goes to the fault
    /// handling at once: the member it failed on stays ready, so the loop would send to it again for ever.
    /// </summary>
    [Fact]
    public void A_group_fails_at_once_on_a_failure_that_is_no_send_failure()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = source.IndexOf("function callGroup(", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var body = source[start..source.IndexOf("\n}\n", start, StringComparison.Ordinal)];
        var stop = body.IndexOf("        if code == 0 || !group.retryNextMember {\n            return result;\n        }\n", StringComparison.Ordinal);
        Assert.True(stop >= 0, "callGroup must return a failure with code 0 before it tries the next member");
        Assert.True(stop < body.IndexOf("        restoreRequestState(ctx, request);", StringComparison.Ordinal));
        Assert.True(stop < body.IndexOf("        failure = result;", StringComparison.Ordinal));
    }

    /// <summary>
    /// A loadbalance or dynamic failover group clears ERROR_CODE/ERROR_MESSAGE/ERROR_DETAIL/ERROR_EXCEPTION before
    /// each attempt, on the message it sends. An OUT_ONLY call sends a clone (CallMediator.handleNonBlockingCall,
    /// MessageHelper.cloneMessageContext) and the flow goes on with the message's own: with <c>outOnly</c> the
    /// flow's message keeps them.
    /// </summary>
    [Fact]
    public void An_out_only_group_call_keeps_the_error_properties_of_the_message()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = source.IndexOf("function callGroup(", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var body = source[start..source.IndexOf("\n}\n", start, StringComparison.Ordinal)];
        var removal = body.IndexOf("_ = ctx.properties.removeIfHasKey(key);", StringComparison.Ordinal);
        Assert.True(removal >= 0, "callGroup clears the error properties for a loadbalance or dynamic failover group");
        var guard = body.LastIndexOf("\n        if ", removal, StringComparison.Ordinal);
        var condition = body[guard..body.IndexOf('{', guard)];
        Assert.Contains("group.kind == \"loadbalance\"", condition, StringComparison.Ordinal);
        Assert.Contains("group.dynamic", condition, StringComparison.Ordinal);
        Assert.Contains("&& !outOnly", condition, StringComparison.Ordinal);
        Assert.Equal(1, body.Split("removeIfHasKey(").Length - 1);
    }

    /// <summary>
    /// Every <c>self.x</c> a class of the runtime module reads or assigns is one of its fields or methods (a misspelt
    /// field compiles nowhere; the parser gate cannot see it). Field declarations are the class body's lines at
    /// one indentation that end in <c>;</c>.
    /// </summary>
    [Fact]
    public void Every_self_member_a_runtime_class_uses_is_declared()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        var classes = System.Text.RegularExpressions.Regex.Matches(source, @"(?ms)^(?:public |isolated |readonly |client )*class (\w+) \{\n(.*?)^\}");
        Assert.NotEmpty(classes);
        foreach (System.Text.RegularExpressions.Match match in classes)
        {
            var body = match.Groups[2].Value;
            var declared = System.Text.RegularExpressions.Regex.Matches(body, @"(?m)^    (?:public |private )?(?:final )?[^\s(][^=;(]*?\s(\w+)(?: = [^;]*)?;$")
                .Concat(System.Text.RegularExpressions.Regex.Matches(body, @"(?m)^    (?:public |private |isolated |remote |resource )*function (\w+)"))
                .Select(m => m.Groups[1].Value)
                .ToHashSet(StringComparer.Ordinal);
            var used = System.Text.RegularExpressions.Regex.Matches(body, @"self\.(\w+)").Select(m => m.Groups[1].Value).Distinct();
            Assert.All(used, name => Assert.True(declared.Contains(name), $"class {match.Groups[1].Value} uses self.{name}, which it does not declare"));
        }
    }

    [Fact]
    public void Keeping_everything_reproduces_the_source_text()
    {
        var source = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);
        var module = RuntimeModule.BuiltIn;
        Assert.Equal(RuntimeModule.SupportHeader + "\n" + source.TrimEnd() + "\n", module.Support(module.Everything));
    }

    [Fact]
    public void Declarations_keep_their_documentation_and_comments()
    {
        var parsed = RuntimeModule.Parse(Sample, "sample");
        Assert.Equal(["http", "regexp", "u"], parsed.Imports.Select(i => i.Prefix));
        Assert.Equal(
            [["LIMIT"], ["skipped"], ["top"], ["middle"], ["bottom"], ["unused"], ["Colour", "RED", "GREEN"], ["Shape"], ["encode"]],
            parsed.Declarations.Select(d => d.Names.ToArray()));
        Assert.StartsWith("// Limits shared by the helpers.\nconst int LIMIT = 10;", parsed.Declarations[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("# Top: calls middle.\n# Second documentation line.\nfunction top(", parsed.Declarations[2].Text, StringComparison.Ordinal);
        Assert.EndsWith("    return middle(\"top\");\n}", parsed.Declarations[2].Text, StringComparison.Ordinal);
        Assert.EndsWith("|};", parsed.Declarations[7].Text, StringComparison.Ordinal);
        Assert.Equal(["http"], parsed.Declarations[2].Prefixes);
    }

    [Fact]
    public void Declared_names_cover_every_top_level_declaration_of_both_sources()
    {
        Assert.Equal(["LIMIT", "skipped", "top", "middle", "bottom", "unused", "Colour", "RED", "GREEN", "Shape", "encode", "Context"], Module.DeclaredNames);

        var builtIn = RuntimeModule.BuiltIn.DeclaredNames;
        Assert.Equal(builtIn.Count, builtIn.Distinct(StringComparer.Ordinal).Count());
        foreach (var name in new[] { "hopByHopHeaders", "newContext", "respond", "callEndpoint", "jsonEval", "notTranslated", "Context" })
        {
            Assert.Contains(name, builtIn);
        }

        // Import prefixes, locals and names from comments are not declarations.
        foreach (var name in new[] { "http", "regexp", "ctx", "request", "Request", "payload" })
        {
            Assert.DoesNotContain(name, builtIn);
        }
    }

    [Fact]
    public void A_package_gets_the_declarations_it_reaches_in_source_order()
    {
        var support = Module.Support(["function f() returns string => top(new);"]);
        Assert.NotNull(support);
        Assert.Equal(["LIMIT", "top", "middle", "bottom", "Colour", "RED", "GREEN"], RuntimeModule.DeclarationNames(support));
        Assert.StartsWith(RuntimeModule.SupportHeader + "\nimport ballerina/http;\n\n// Limits shared by the helpers.\n", support, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_imports_the_kept_declarations_use_are_kept()
    {
        var support = Module.Support(["unused(x); encode(y);"])!;
        Assert.Contains("import ballerina/lang.regexp;\nimport ballerina/url as u;\n\n", support, StringComparison.Ordinal);
        Assert.DoesNotContain("ballerina/http", support, StringComparison.Ordinal);
        Assert.Equal(["skipped", "unused", "encode"], RuntimeModule.DeclarationNames(support));

        var noImports = Module.Support(["bottom(x)"])!;
        Assert.DoesNotContain("import", noImports, StringComparison.Ordinal);
        Assert.StartsWith(RuntimeModule.SupportHeader + "\n\nfunction bottom(", noImports, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_strings_template_text_and_comments_do_not_count()
    {
        Assert.Null(Module.Support(["""
            // top()
            # middle
            string s = "bottom(\"top\")";
            xml x = xml `<unused>encode</unused>`;
            """]));
        // ...but the code of a template's interpolation does.
        Assert.Equal(["encode"], RuntimeModule.DeclarationNames(Module.Support(["string s = string `a ${check encode(\"b\")} c`;"])!));
        // Inside the module too: bottom names unused only in a comment and a string.
        Assert.DoesNotContain("unused", RuntimeModule.DeclarationNames(Module.Support(["bottom"])!));
    }

    [Fact]
    public void A_package_that_uses_nothing_gets_no_support_file()
    {
        Assert.Null(Module.Support(["function f() returns int => 1;"]));
        Assert.Null(Module.Support([]));

        var input = Path.Combine(_temp, "s.xml");
        File.WriteAllText(input, "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Nothing\"/>");
        var result = Converter.Convert(new ConversionOptions(input));
        Assert.Contains(result.Files, f => f.RelativePath == "types.bal");
        Assert.DoesNotContain(result.Files, f => f.RelativePath == "support.bal");
    }

    [Fact]
    public void A_templates_folder_overrides_the_module_by_its_relative_name()
    {
        var templates = Path.Combine(_temp, "templates");
        Directory.CreateDirectory(Path.Combine(templates, "runtime"));
        File.WriteAllText(Path.Combine(templates, "runtime", "support.bal"), "function respond() returns int => 1;\n\nfunction extra() {\n}\n");
        var module = RuntimeModule.For(new TemplateRenderer(templates));
        Assert.Equal(["respond", "extra", "Context", "AckMark", "ReceivedBody"], module.DeclaredNames);
        Assert.Equal(RuntimeModule.SupportHeader + "\n\nfunction respond() returns int => 1;\n", module.Support(["respond(ctx)"]));
        Assert.Same(module, RuntimeModule.For(new TemplateRenderer(templates)));
    }

    [Theory]
    [InlineData("function f() returns string {\n    return \"open;\n}\n")]
    [InlineData("function f() returns string {\n    return string `open ${x;\n}\n")]
    [InlineData("function f() {\n    if true {\n}\n")]
    [InlineData("const int X = 1\n")]
    public void A_malformed_source_is_a_template_error(string source) =>
        Assert.Throws<TemplateException>(() => RuntimeModule.Parse(source, "support.bal"));

    [Fact]
    public void Parsing_keeps_block_and_semicolon_forms_apart()
    {
        var parsed = RuntimeModule.Parse("""
            function f() returns record {| int a; |} {
                return {a: 1};
            }
            final function () returns int g = function() returns int {
                return 1;
            };
            type T record {|
                int a;
            |} & readonly;
            isolated client class C {
            }
            service / on new http:Listener(9090) {
            }
            configurable int port = ?;
            """, "sample");
        Assert.Equal([["f"], ["g"], ["T"], ["C"], [], ["port"]], parsed.Declarations.Select(d => d.Names.ToArray()));
        Assert.EndsWith("};", parsed.Declarations[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_function_ends_at_its_semicolon_not_at_its_annotation()
    {
        var parsed = RuntimeModule.Parse("""
            import ballerina/jballerina.java;

            function upper(string text) returns string => java:toString(javaUpper(java:fromString(text))) ?: "";

            isolated function javaUpper(handle receiver) returns handle = @java:Method {
                'class: "java.lang.String",
                name: "toUpperCase"
            } external;

            function plain() returns int => 1;

            function extern() returns int = external;
            """, "sample");
        Assert.Equal([["upper"], ["javaUpper"], ["plain"], ["extern"]], parsed.Declarations.Select(d => d.Names.ToArray()));
        Assert.EndsWith("} external;", parsed.Declarations[1].Text, StringComparison.Ordinal);
        Assert.Equal(["java"], parsed.Declarations[1].Prefixes);
        Assert.EndsWith("= external;", parsed.Declarations[3].Text, StringComparison.Ordinal);
    }
}
