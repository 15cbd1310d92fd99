using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Fixes from a Micro Integrator review of the runtime module and the code that calls it: an OUT_ONLY call does not
/// wait (CallMediator.handleNonBlockingCall), a blocking call leaves the message a request (BlockingMsgSender.send),
/// repeated headers keep every value (EXCESS_TRANSPORT_HEADERS), json-eval of a JSON null is "null"
/// (SynapseJsonPath.stringValueOf), a BOOLEAN property from an expression is JavaUtils.isTrueExplicitly, a log
/// property named `module` does not take ballerina/log's module, and `query.param.*` as ApiUtils sets them.
/// </summary>
public sealed class MiReviewFixTests
{
    private static readonly string Source = RuntimeSourceText.Support;

    private static readonly string Types = RuntimeSourceText.Types;

    /// <summary>The text of a top-level function of the runtime module, from its signature to its closing brace.</summary>
    private static string Function(string name) => RuntimeSourceText.Function(name);

    private static void InOrder(string text, params string[] parts) => RuntimeSourceText.InOrder(text, parts);

    [Fact]
    public void An_out_only_call_starts_the_send_and_returns_without_waiting()
    {
        var call = Function("callEndpoint");

        // The request is built from the message as it is, the message restored, the send started; the flow returns
        // before any execute it would wait on.
        InOrder(call,
            "http:Request|error built = outboundRequest(ctx, verb, bodyEdit, headers, format == \"rest\" || format == \"get\");",
            "ctx.contentType = before[0];",
            "ctx.headers = before[1];",
            "http:Request request = check built;",
            "if outOnly {",
            "_ = start sendOutOnly(endpoint, verb, path, request, ctx.messageId);",
            "return;",
            "endpoint->execute(verb, path, request);");
        Assert.DoesNotContain("before is [string, map<string>] {\n        ctx.contentType = before[0];\n        ctx.headers = before[1];\n        return;", call, StringComparison.Ordinal);

        // The strand only logs a failure: nothing goes back to the flow, its fault handling or the suspension state.
        var send = Function("sendOutOnly");
        Assert.Contains("function sendOutOnly(http:ClientObject endpoint, string verb, string path, http:Request request, string messageId) {", send, StringComparison.Ordinal);
        Assert.Contains("log:printWarn(", send, StringComparison.Ordinal);
        Assert.DoesNotContain("ctx", send.Replace("messageId", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("endpointCalled", send, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_call_keeps_the_message_a_request_on_success_and_failure()
    {
        // callBlocking sends through blockingSend, the blocking sender's steps around the send.
        Assert.Contains("    return blockingSend(ctx, nonErrorCodes, soapAction, soapFault, () => callEndpoint(ctx, endpoint, path, method, format, headers = headers));", Function("callBlocking"), StringComparison.Ordinal);
        var blocking = Function("blockingSend");

        // Saved before the call, restored after it before its result is checked, so a failure restores them too.
        InOrder(blocking,
            "RequestState request = requestState(ctx);",
            "error? called = sendRequest();",
            "restoreRequestState(ctx, request, keepResponse = true);",
            "if called is error {",
            "return blockingTransportFailure(ctx, called);");
        var saved = Source[Source.IndexOf("\nfunction requestState(Context ctx) returns RequestState => {", StringComparison.Ordinal)..];
        saved = saved[..saved.IndexOf("\n};\n", StringComparison.Ordinal)];
        var restore = Function("restoreRequestState");
        var unconditional = restore[restore.IndexOf("    if !keepResponse {\n", StringComparison.Ordinal)..];
        var responseOnly = unconditional[..unconditional.IndexOf("\n    }\n", StringComparison.Ordinal)];
        unconditional = unconditional[responseOnly.Length..];
        foreach (var field in new[] { "headers", "excessHeaders", "contentType", "isResponse", "restCall", "axis2", "to", "replyTo", "faultTo", "addressingFault", "wsaAction", "urlPostfix" })
        {
            Assert.Contains($"    {field}: ctx.{field}", saved, StringComparison.Ordinal);
            Assert.Matches($@"\n    ctx\.{field} = state\.{field}(\.clone\(\))?;", unconditional);
        }

        // The response's body and status stay: neither is restored on success (only a group's full restore puts them back).
        Assert.DoesNotContain("ctx.statusCode = ", blocking, StringComparison.Ordinal);
        foreach (var field in new[] { "payload", "statusCode", "httpSc" })
        {
            Assert.Matches($@"\n        ctx\.{field} = state\.{field}(\.clone\(\))?;", responseOnly);
            Assert.DoesNotContain($"ctx.{field} = state.", unconditional, StringComparison.Ordinal);
        }

        InOrder(blocking, "return blockingTransportFailure(ctx, called);", "if !blockingStatusRead(ctx.statusCode, nonErrorCodes) {", "ctx.payload = request.payload;");
        Assert.DoesNotContain("check callEndpoint(", blocking, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_headers_keep_every_value_in_and_out()
    {
        Assert.Contains("    map<string[]> excessHeaders = {};", Types, StringComparison.Ordinal);

        var receive = Function("receiveHeaders");
        InOrder(receive, "values = check message.getHeaders(name);", "ctx.headers[key] = values[0];", "ctx.excessHeaders[key] = values.slice(1);");
        Assert.Contains("check receiveHeaders(ctx, request);", Function("newContext"), StringComparison.Ordinal);
        Assert.Contains("check receiveHeaders(ctx, response);", Function("callEndpoint"), StringComparison.Ordinal);
        Assert.DoesNotContain(".getHeader(name)", Source, StringComparison.Ordinal);

        // Written after the first values, every one, as TargetRequestFactory and SourceResponseFactory add them.
        InOrder(Function("passTransportHeaders"), "message.setHeader(name, value);", "ctx.excessHeaders.entries()", "message.addHeader(name, value);");

        // Copies of the message carry them; a header mediator does not touch them (HeaderMediator edits TRANSPORT_HEADERS only).
        Assert.Contains("excessHeaders: ctx.excessHeaders.clone(),", Source[Source.IndexOf("function branchContext(", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("ctx.excessHeaders = copy.excessHeaders.clone();", Function("adoptMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_eval_of_a_json_null_is_null_and_of_a_missing_path_empty()
    {
        // jsonEval reads the payload as JSON and evaluates the path on it in jsonEvalIn (which shared reads call directly).
        Assert.Contains("return jsonEvalIn(check jsonPayload(ctx), path);", Function("jsonEval"), StringComparison.Ordinal);
        InOrder(Function("jsonEvalIn"), "[json]? found = check jsonPathIn(payload, path);", "if found is () {", "return \"\";", "return jsonEvalResult(found[0]);");
        // EIPUtils.formatJsonPathResponse: a JSON null prints "null", a string its text, an object or array Gson's compact JSON.
        InOrder(Function("jsonEvalResult"), "if value is () {", "return \"null\";", "if value is string {", "return value;",
            "value.hasKey(\"members\")", "value.hasKey(\"elements\")", "gsonJson(value)");
        Assert.Contains("jsonPathIn(check jsonPayload(ctx), path)", Function("jsonPathFound"), StringComparison.Ordinal);
        InOrder(Function("jsonPathIn"), "return [current];");
        Assert.Contains("return found is () ? () : found[0];", Function("jsonPath"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_eval_over_a_property_fails_where_jayway_throws()
    {
        // SynapseJsonPath.stringValueOf(String): JsonPath.read refuses an empty text, Gson non-JSON text, and a missing
        // path throws PathNotFoundException; only a JaxenException of the property's XPath is caught.
        InOrder(Function("jsonEvalText"), "if text == \"\" {", "return error(", "check jsonPathIn(check value:fromJsonString(text), path);",
            "if found is () {", "return error(", "return jsonEvalResult(found[0]);");
    }

    [Fact]
    public void Json_eval_over_a_property_that_is_not_set_is_empty()
    {
        // SynapseXPathVariableContext gives null for a missing property or header, SynapseXPath.stringValueOf null for
        // a list of one null, and SynapseJsonPath.stringValueOf(String) "" for null: no failure. A property set to ""
        // still fails (Jayway refuses an empty text).
        InOrder(Function("jsonEvalText"), "function jsonEvalText(string? text, string path)", "if text is () {", "return \"\";",
            "if text == \"\" {", "return error(");
        Assert.Contains("=> value is () ? () : propertyText(value);", Function("optionalPropertyText"), StringComparison.Ordinal);
        Assert.Contains("=> ctx.headers[name.toLowerAscii()];", Function("optionalHeader"), StringComparison.Ordinal);
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence>
            <property name="id" expression="json-eval($ctx:order.id)"/>
            <property name="agent" expression="json-eval($trp:X-Agent.name)"/>
            <property name="mode" expression="json-eval($axis2:cfg.mode)"/>
            <log level="custom"><property name="all" expression="fn:concat(get-property('id'), get-property('agent'), get-property('mode'))"/></log>
            <respond/></inSequence></resource></api>
            """);
        Assert.Contains("jsonEvalText(optionalPropertyText(ctx.properties[\"order\"]), \"$.id\")", main, StringComparison.Ordinal);
        Assert.Contains("jsonEvalText(optionalHeader(ctx, \"X-Agent\"), \"$.name\")", main, StringComparison.Ordinal);
        Assert.Contains("jsonEvalText(optionalPropertyText(ctx.axis2[\"cfg\"]), \"$.mode\")", main, StringComparison.Ordinal);
        Assert.DoesNotContain("jsonEvalText(getProperty(", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_property_from_an_expression_is_true_explicitly()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <property name="flag" expression="$trp:X-Flag" type="BOOLEAN"/>
            <log level="custom"><property name="flag" expression="get-property('flag')"/></log>
            <respond/></inSequence></resource></api>
            """);
        Assert.Contains("isTrueExplicitly(getHeader(ctx, \"X-Flag\"))", main, StringComparison.Ordinal);
        Assert.DoesNotContain("toLowerAscii() == \"true\"", main, StringComparison.Ordinal);
        Assert.Contains("return lower == \"true\" || lower == \"yes\" || value == \"1\";", Function("isTrueExplicitly"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_double_local_in_an_xpath_function_prints_as_an_xpath_number()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <property name="d" value="12" type="DOUBLE"/>
            <property name="joined" expression="concat(get-property('d'), '-x')"/>
            <property name="whole" expression="get-property('d')"/>
            <log level="custom"><property name="joined" expression="get-property('joined')"/><property name="whole" expression="get-property('whole')"/></log>
            <respond/></inSequence></resource></api>
            """);

        // Jaxen's string() of the Double inside concat ("12"); the whole expression prints the object (Java's "12.0").
        Assert.Contains("string joined = string `${xpathNumberString(d)}-x`;", main, StringComparison.Ordinal);
        Assert.Contains("string whole = d.toString();", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_property_named_module_does_not_name_the_log_module()
    {
        var main = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET"><inSequence>
            <log level="custom"><property name="module" value="billing"/></log>
            <respond/></inSequence></resource></api>
            """);
        Assert.Contains("moduleValue = \"billing\"", main, StringComparison.Ordinal);
        Assert.DoesNotContain("'module = ", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_parameters_are_set_as_api_utils_sets_them()
    {
        var context = Function("newContext");
        InOrder(context, "if api is string {", "check setQueryParams(ctx, request.rawPath);");
        Assert.DoesNotContain("getQueryParams", context, StringComparison.Ordinal);

        var query = Function("setQueryParams");
        // The name as written, the value URL-decoded; an entry without '=' continues the previous value.
        InOrder(query, "name = entry.substring(0, index);", "ctx.properties[\"query.param.\" + name] = check url:decode(entry.substring(index + 1), \"UTF-8\");",
            "ctx.properties[\"query.param.\" + name] = (existing is string ? existing : \"null\") + \"&\" + entry;");
        Assert.DoesNotContain("url:decode(entry.substring(0", query, StringComparison.Ordinal);
    }

    private static string Convert(string xml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-review-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.xml"), xml);
            return Converter.Convert(new ConversionOptions(folder)).Files.Single(f => f.RelativePath == "main.bal").Content;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
