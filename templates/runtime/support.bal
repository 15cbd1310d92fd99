import ballerina/http;
import ballerina/lang.regexp;
import ballerina/lang.value;
import ballerina/url;
import ballerina/uuid;

final readonly & map<boolean> hopByHopHeaders = {
    "transfer-encoding": true,
    "connection": true,
    "keep-alive": true,
    "content-length": true,
    "date": true,
    "server": true,
    "user-agent": true,
    "host": true
};

# Creates the context for an incoming request. The body is kept as bytes until a step reads it.
# The URL postfix is the request path and query after the API context `basePath`.
function newContext(http:Request request, string basePath, map<string> pathParams = {}) returns Context|error {
    Context ctx = {
        messageId: "urn:uuid:" + uuid:createType4AsString(),
        to: request.rawPath,
        method: request.method,
        urlPostfix: request.rawPath.startsWith(basePath) ? request.rawPath.substring(basePath.length()) : request.rawPath,
        contentType: request.getContentType()
    };
    foreach string name in request.getHeaderNames() {
        ctx.headers[name.toLowerAscii()] = check request.getHeader(name);
    }
    foreach [string, string] [name, value] in pathParams.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    foreach [string, string[]] [name, values] in request.getQueryParams().entries() {
        if values.length() > 0 {
            // Synapse keeps the last value of a repeated query parameter.
            ctx.properties["query.param." + name] = values[values.length() - 1];
        }
    }
    ctx.payload = check request.getBinaryPayload();
    return ctx;
}

# Reads a default-scope property as Synapse's `get-property` does: a missing property reads as the
# local entry of that name when there is one (`fallback`), otherwise as "".
function getProperty(Context ctx, string name, string fallback = "") returns string {
    anydata value = ctx.properties[name];
    if value is () {
        return fallback;
    }
    return value is string ? value : value.toString();
}

# Reads an MI 4.4 variable (`${vars.name}`); a missing variable reads as "".
function getVariable(Context ctx, string name) returns string {
    anydata value = ctx.variables[name];
    if value is () {
        return "";
    }
    return value is string ? value : value.toString();
}

# Reads an HTTP header (Synapse `$trp:` / transport scope); a missing header reads as "".
function getHeader(Context ctx, string name) returns string => ctx.headers[name.toLowerAscii()] ?: "";

# The payload as JSON, parsing the received bytes on first use.
function jsonPayload(Context ctx) returns json|error {
    json|xml|byte[] payload = ctx.payload;
    if payload is byte[] {
        json parsed = payload.length() == 0 ? () : check value:fromJsonString(check string:fromBytes(payload));
        ctx.payload = parsed;
        return parsed;
    }
    if payload is xml {
        // A JSON step on an XML message sees the message converted to JSON, as Synapse's json-eval does.
        return xmlToJson(payload);
    }
    return payload;
}

# The payload as XML, parsing the received bytes on first use.
function xmlPayload(Context ctx) returns xml|error {
    json|xml|byte[] payload = ctx.payload;
    if payload is xml {
        return payload;
    }
    if payload is byte[] {
        xml parsed = payload.length() == 0 ? xml `` : check xml:fromString(check string:fromBytes(payload));
        ctx.payload = parsed;
        return parsed;
    }
    return jsonToXml(payload);
}

# The payload wrapped in a SOAP Body element, so that `$body/...` and `//...` XPaths translate to
# XML navigation from it.
function soapBody(Context ctx) returns xml|error {
    xml payload = check xmlPayload(ctx);
    return xml `<soapenv:Body xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">${payload}</soapenv:Body>`;
}

# Synapse's JSON-to-XML view of a JSON payload: an object becomes `<jsonObject>`, an array
# `<jsonArray>` of `<jsonElement>`, a named array repeated elements.
function jsonToXml(json value, string name = "jsonObject") returns xml {
    if value is map<json> {
        xml children = xml ``;
        foreach [string, json] [key, member] in value.entries() {
            if member is json[] {
                foreach json item in member {
                    children += jsonToXml(item, key);
                }
            } else {
                children += jsonToXml(member, key);
            }
        }
        return xml:createElement(name, {}, children);
    }
    if value is json[] {
        xml children = xml ``;
        foreach json item in value {
            children += jsonToXml(item, "jsonElement");
        }
        return xml:createElement(name == "jsonObject" ? "jsonArray" : name, {}, children);
    }
    return xml:createElement(name, {}, value is () ? xml `` : xml:createText(value.toString()));
}

# Synapse's XML-to-JSON conversion (used when an XML message is written as JSON or read with a JSON
# path): a `jsonObject`/`jsonArray` root is dropped and any other root becomes the single key,
# repeated names become arrays, attributes become "@name" members, an empty element becomes null,
# and text that reads as a JSON number, boolean or null becomes one.
function xmlToJson(xml payload) returns json {
    xml elements = payload.elements();
    if elements.length() == 0 {
        string text = payload.data().trim();
        return text == "" ? () : autoPrimitive(text);
    }
    xml first = elements.get(0);
    if first is xml:Element {
        string name = localName(first.getName());
        json value = elementToJson(first);
        return name == "jsonObject" || name == "jsonArray" ? value : {[name]: value};
    }
    return ();
}

function elementToJson(xml:Element element) returns json {
    map<json> members = {};
    foreach [string, string] [name, value] in element.getAttributes().entries() {
        if !name.startsWith("{http://www.w3.org/2000/xmlns/}") {
            members["@" + localName(name)] = value;
        }
    }
    xml children = element.getChildren().elements();
    if children.length() == 0 {
        string text = element.data().trim();
        if members.length() == 0 {
            return text == "" ? () : autoPrimitive(text);
        }
        if text != "" {
            members["$"] = autoPrimitive(text);
        }
        return members;
    }
    if localName(element.getName()) == "jsonArray" {
        json[] items = [];
        foreach xml child in children {
            if child is xml:Element {
                items.push(elementToJson(child));
            }
        }
        return items;
    }
    map<json[]> repeated = {};
    foreach xml child in children {
        if child is xml:Element {
            string key = localName(child.getName());
            json value = elementToJson(child);
            if members.hasKey(key) {
                json[] items = repeated[key] ?: [members.get(key)];
                items.push(value);
                repeated[key] = items;
                members[key] = items;
            } else {
                members[key] = value;
            }
        }
    }
    return members;
}

# The local part of an expanded XML name (`{uri}local`).
function localName(string expandedName) returns string {
    int? brace = expandedName.indexOf("}");
    return brace is int ? expandedName.substring(brace + 1) : expandedName;
}

# Synapse writes text that is exactly true, false, null or a JSON number (no leading zeros) as that value.
function autoPrimitive(string text) returns json {
    if text == "true" {
        return true;
    }
    if text == "false" {
        return false;
    }
    if text == "null" {
        return ();
    }
    boolean|error number = matches(text, "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    if number is true {
        json|error parsed = value:fromJsonString(text);
        if parsed is json {
            return parsed;
        }
    }
    return text;
}

# XPath's number(): a string that is not a number is NaN, which compares false with everything.
function xpathNumber(string text) returns float {
    float|error number = float:fromString(text.trim());
    return number is float ? number : float:NaN;
}

# Synapse's string value of an XPath node set: the text of one element (or its markup when it has
# no text), the values of several nodes concatenated.
function xpathString(xml nodes) returns string {
    if nodes.length() == 1 && nodes is xml:Element && nodes.children().elements().length() > 0 && nodes.data().trim() == "" {
        return nodes.toString();
    }
    return nodes.data();
}

# Evaluates a JSONPath of the forms `$`, `$.a.b`, `$.a[0]`, `$['a']` against the payload and returns
# the value the way Synapse's `json-eval` does: strings unquoted, other values as compact JSON,
# a missing path as "".
function jsonEval(Context ctx, string path) returns string|error {
    json? value = check jsonPath(ctx, path);
    if value is () {
        return "";
    }
    return value is string ? value : value.toJsonString();
}

# The JSON value at a simple JSONPath, or `()` when the path does not exist.
function jsonPath(Context ctx, string path) returns json|error {
    json current = check jsonPayload(ctx);
    string rest = path.trim();
    if !rest.startsWith("$") {
        return error(string `unsupported JSONPath '${path}'`);
    }
    rest = rest.substring(1);
    while rest.length() > 0 {
        string key;
        if rest.startsWith("[") {
            int? close = rest.indexOf("]");
            if close is () {
                return error(string `unsupported JSONPath '${path}'`);
            }
            string inner = rest.substring(1, close).trim();
            rest = rest.substring(close + 1);
            if inner.startsWith("'") || inner.startsWith("\"") {
                key = inner.substring(1, inner.length() - 1);
            } else {
                int index = check int:fromString(inner);
                if current is json[] && index >= 0 && index < current.length() {
                    current = current[index];
                    continue;
                }
                return ();
            }
        } else if rest.startsWith(".") {
            rest = rest.substring(1);
            int end = rest.length();
            foreach int i in 0 ..< rest.length() {
                string c = rest.substring(i, i + 1);
                if c == "." || c == "[" {
                    end = i;
                    break;
                }
            }
            key = rest.substring(0, end);
            rest = rest.substring(end);
            if key == "" {
                continue;
            }
        } else {
            return error(string `unsupported JSONPath '${path}'`);
        }
        if current is map<json> && current.hasKey(key) {
            current = current.get(key);
        } else {
            return ();
        }
    }
    return current;
}

# Header names whose values are credentials; a log line shows **** for them.
final readonly & map<boolean> sensitiveHeaders = {
    "authorization": true,
    "proxy-authorization": true,
    "cookie": true,
    "set-cookie": true,
    "www-authenticate": true,
    "proxy-authenticate": true
};

# The headers as a log line shows them: credentials (the headers above, and any header named like a
# token, secret, password, API key, credential or session) are masked.
function headersText(Context ctx) returns string {
    map<string> shown = {};
    foreach [string, string] [name, value] in ctx.headers.entries() {
        shown[name] = isSensitiveHeader(name) ? "****" : value;
    }
    return shown.toString();
}

# True for a header name that suggests a credential.
function isSensitiveHeader(string name) returns boolean {
    string lower = name.toLowerAscii();
    if sensitiveHeaders.hasKey(lower) {
        return true;
    }
    foreach string word in ["token", "secret", "password", "passwd", "api-key", "apikey", "credential", "session", "signature"] {
        if lower.includes(word) {
            return true;
        }
    }
    return false;
}

# The payload as text, for logging (Synapse's full log level).
function payloadText(Context ctx) returns string|error {
    json|xml|byte[] payload = ctx.payload;
    if payload is byte[] {
        return string:fromBytes(payload);
    }
    return payload is xml ? payload.toString() : payload.toJsonString();
}

# A payloadFactory argument pasted into a JSON template unquoted: JSON text becomes its value,
# anything else a string.
function toJson(string text) returns json {
    json|error parsed = value:fromJsonString(text);
    return parsed is error ? text : parsed;
}

# The payload as a value (JSON or XML), parsing the received bytes by their content type.
function payloadValue(Context ctx) returns json|xml|error {
    json|xml|byte[] payload = ctx.payload;
    if payload is byte[] {
        return ctx.contentType.includes("xml") ? xmlPayload(ctx) : jsonPayload(ctx);
    }
    return payload;
}

# Replaces the payload with a value, as enrich does with a body target: XML stays XML, anything else
# becomes JSON. The content type (Synapse messageType) is left as it was.
function setPayloadValue(Context ctx, anydata value) returns error? {
    if value is xml {
        ctx.payload = value;
        return;
    }
    ctx.payload = check value.cloneWithType(json);
}

# Replaces the payload with JSON and marks the message as JSON, as payloadFactory does.
function setJsonPayload(Context ctx, json payload) {
    ctx.payload = payload;
    ctx.contentType = "application/json";
}

# Replaces the payload with XML. A SOAP or other XML content type is kept; anything else becomes
# `application/xml`, as payloadFactory does.
function setXmlPayload(Context ctx, xml payload) {
    ctx.payload = payload;
    if !ctx.contentType.includes("xml") {
        ctx.contentType = "application/xml";
    }
}

# Replaces the payload with text.
function setTextPayload(Context ctx, string payload) {
    ctx.payload = payload.toBytes();
    ctx.contentType = "text/plain";
}

# A payloadFactory argument inserted into a JSON template: JSON objects and arrays go in as JSON,
# everything else as escaped string content (the template supplies the quotes).
function jsonArg(string value) returns string {
    string trimmed = value.trim();
    if trimmed.startsWith("{") || trimmed.startsWith("[") {
        return trimmed;
    }
    string quoted = value.toJsonString();
    return quoted.substring(1, quoted.length() - 1);
}

# A payloadFactory argument inserted into an XML template: XML markup goes in as XML, anything
# else as text.
function xmlArg(string value) returns xml {
    string trimmed = value.trim();
    if trimmed.startsWith("<") {
        xml|error parsed = xml:fromString(trimmed);
        if parsed is xml {
            return parsed;
        }
    }
    return xml:createText(value);
}

# Full-match of a Java-style regular expression, as Synapse's filter and switch test it.
function matches(string value, string pattern) returns boolean|error {
    return regexp:isFullMatch(check regexp:fromString(pattern), value);
}

# Calls a backend with the current message, passing the headers through, and continues with the
# response as the message. Like Synapse's `call`, a 4xx or 5xx response is a response, not an error.
function callEndpoint(Context ctx, http:Client endpoint, string path = "", string? method = ()) returns error? {
    http:Request request = new;
    foreach [string, string] [name, value] in ctx.headers.entries() {
        if !hopByHopHeaders.hasKey(name) {
            request.setHeader(name, value);
        }
    }
    xml|byte[]? body = entityBody(ctx);
    if body is xml|byte[] {
        request.setPayload(body);
        if ctx.contentType != "" {
            check request.setContentType(ctx.contentType);
        }
    }
    http:Response response = check endpoint->execute(method ?: ctx.method, path, request);
    ctx.statusCode = response.statusCode;
    ctx.headers = {};
    foreach string name in response.getHeaderNames() {
        ctx.headers[name.toLowerAscii()] = check response.getHeader(name);
    }
    ctx.contentType = response.getContentType();
    ctx.payload = check response.getBinaryPayload();
    // The response gets fresh axis2-scope state in Synapse: the postfix is gone after a call.
    ctx.urlPostfix = "";
    // The response is not addressed to the request's To.
    ctx.to = "";
    ctx.isResponse = true;
}

# Calls a backend as Synapse's blocking sender does (`call blocking="true"`): like `callEndpoint`,
# but an HTTP status of 400 or more is a fault unless the endpoint lists it in
# `non.error.http.status.codes` (`nonErrorCodes`). The fault sets ERROR_CODE 401002
# (BLOCKING_SENDER_OPERATION_FAILED) and ERROR_MESSAGE "Transport error: <status> ..."; the error
# response stays the message, as Synapse's fault sequence sees it. The blocking sender copies the
# response headers only when BLOCKING_SENDER_PRESERVE_REQ_HEADERS is "false" (a property the
# converter leaves as a TODO): by default the request headers stay on the message.
function callBlocking(Context ctx, http:Client endpoint, string path = "", string? method = (), int[] nonErrorCodes = []) returns error? {
    map<string> requestHeaders = ctx.headers;
    check callEndpoint(ctx, endpoint, path, method);
    ctx.headers = requestHeaders;
    if ctx.statusCode >= 400 && nonErrorCodes.indexOf(ctx.statusCode) is () {
        return error(string `Transport error: ${ctx.statusCode} Error: the backend answered with an error status`, synapseErrorCode = 401002);
    }
}

# The body to write out, or `()` when there is none.
function entityBody(Context ctx) returns xml|byte[]? {
    json|xml|byte[] payload = ctx.payload;
    if payload is byte[] {
        return payload.length() == 0 ? () : payload;
    }
    // The message is written in its messageType (content type), converting when a step changed it.
    boolean asJson = ctx.contentType.includes("json");
    if payload is xml {
        return asJson ? xmlToJson(payload).toJsonString().toBytes() : payload;
    }
    if !asJson && ctx.contentType.includes("xml") {
        return jsonToXml(payload);
    }
    return payload.toJsonString().toBytes();
}

# The response Synapse's `respond` sends: the current status, headers and payload.
function respond(Context ctx) returns http:Response|error {
    http:Response response = new;
    response.statusCode = ctx.statusCode;
    foreach [string, string] [name, value] in ctx.headers.entries() {
        if !hopByHopHeaders.hasKey(name) {
            response.setHeader(name, value);
        }
    }
    xml|byte[]? body = entityBody(ctx);
    if body is xml|byte[] {
        response.setPayload(body);
        if ctx.contentType != "" {
            check response.setContentType(ctx.contentType);
        }
    }
    return response;
}

# Continues a sent message with the resource's out flow, or answers the client when there is none.
function continueWithResponse(Context ctx) returns http:Response|error {
    var outFlow = ctx.outFlow;
    if outFlow is () {
        return respond(ctx);
    }
    return outFlow(ctx);
}

# A value for a `{name}` slot of an HTTP endpoint's uri-template, percent-encoded as RFC 6570 asks.
function pathValue(string value) returns string|error {
    string encoded = check url:encode(value, "UTF-8");
    return regexp:replaceAll(check regexp:fromString("\\+"), encoded, "%20");
}

# What the Micro Integrator answers when a flow ends without responding: 202 with no body.
function accepted() returns http:Response {
    http:Response response = new;
    response.statusCode = http:STATUS_ACCEPTED;
    return response;
}

# Records a failure the way Synapse fills `ERROR_CODE`, `ERROR_MESSAGE` and `ERROR_DETAIL` before a
# fault sequence runs. The first failure wins, as in Synapse.
function recordError(Context ctx, error e) {
    if ctx.properties.hasKey("ERROR_CODE") {
        return;
    }
    ctx.properties["ERROR_CODE"] = errorCode(e);
    ctx.properties["ERROR_MESSAGE"] = e.message();
    ctx.properties["ERROR_DETAIL"] = e.toString();
}

# Synapse's error codes for transport failures; 0 for any other failure.
function errorCode(error e) returns int {
    var code = e.detail()["synapseErrorCode"];
    if code is int {
        return code;
    }
    if e is http:IdleTimeoutError {
        return 101504;
    }
    if e is http:ClientError {
        return 101503;
    }
    return 0;
}

# Stands in for an expression SynapseToBal could not translate: it fails at run time, so the gap is
# found by the first test rather than hidden.
function notTranslated(string expression) returns string|error {
    return error(string `not translated from Synapse: ${expression}`);
}
