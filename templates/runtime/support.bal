import ballerina/http;
import ballerina/lang.array;
import ballerina/lang.regexp;
import ballerina/lang.value;
import ballerina/sql;
import ballerina/url;
import ballerina/uuid;
import ballerinax/java.jdbc;

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

# Creates the context for an incoming request. The body is kept as received until a step reads it.
# The URL postfix is the request path and query after the API context `basePath`; `api` is the
# Synapse name of the API (`SYNAPSE_REST_API`), `()` for the main sequence.
function newContext(http:Request request, string? api, string basePath, map<string> pathParams = {}) returns Context|error {
    Context ctx = {
        messageId: "urn:uuid:" + uuid:createType4AsString(),
        to: request.rawPath,
        method: request.method,
        urlPostfix: request.rawPath.startsWith(basePath) ? request.rawPath.substring(basePath.length()) : request.rawPath,
        contentType: request.getContentType()
    };
    if api is string {
        ctx.properties["SYNAPSE_REST_API"] = api;
    }
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
    ctx.payload = {bytes: check request.getBinaryPayload(), contentType: ctx.contentType};
    return ctx;
}

# A message context for a message a scheduled task injects, as Synapse's MessageInjector builds it
# (semantics §9.2): the task's message, with the content type of its format. There is no client to answer.
function newTaskContext(xml? message, string contentType) returns Context => {
    messageId: "urn:uuid:" + uuid:createType4AsString(),
    payload: message,
    contentType: contentType,
    method: "POST"
};

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

# The SOAP 1.1 envelope namespace.
const SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";

# The SOAP 1.2 envelope namespace.
const SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

# How the Micro Integrator builds and writes a body, chosen by its content type (its message builders and
# formatters, semantics §1.5): JSON, a SOAP envelope, plain XML, text, or bytes.
type BodyFormat "json"|"soap"|"xml"|"text"|"binary";

# The body format of a content type: application/json is JSON; text/xml (SOAP 1.1) and
# application/soap+xml (SOAP 1.2) are SOAP; application/xml is plain XML; text/plain is text; anything
# else is bytes.
function bodyFormat(string contentType) returns BodyFormat {
    int? semicolon = contentType.indexOf(";");
    string mediaType = (semicolon is int ? contentType.substring(0, semicolon) : contentType).trim().toLowerAscii();
    match mediaType {
        "application/json" => {
            return "json";
        }
        "text/xml"|"application/soap+xml" => {
            return "soap";
        }
        "application/xml" => {
            return "xml";
        }
        "text/plain" => {
            return "text";
        }
    }
    return "binary";
}

# The payload in its own format, parsing a received body on first use by the content type it came with:
# JSON, XML (a SOAP envelope stays whole), text in Synapse's `<text>` element and other bytes in its
# `<binary>` element (base64), as Synapse's builders do (semantics §1.2, §1.7). `()` is an empty body.
function parsedPayload(Context ctx) returns json|xml|error {
    json|xml|ReceivedBody payload = ctx.payload;
    if payload !is ReceivedBody {
        return payload;
    }
    if payload.parsed is () && payload.bytes.length() > 0 {
        payload.parsed = check parseBody(payload.bytes, payload.contentType);
    }
    return payload.parsed;
}

function parseBody(byte[] bytes, string contentType) returns json|xml|error {
    match bodyFormat(contentType) {
        "json" => {
            return value:fromJsonString(check string:fromBytes(bytes));
        }
        "soap"|"xml" => {
            return xml:fromString(check string:fromBytes(bytes));
        }
        "text" => {
            string text = check string:fromBytes(bytes);
            return xml `<text xmlns="http://ws.apache.org/commons/ns/payload">${text}</text>`;
        }
    }
    string encoded = bytes.toBase64();
    return xml `<binary xmlns="http://ws.apache.org/commons/ns/payload">${encoded}</binary>`;
}

# The SOAP envelope namespace when `message` is a SOAP 1.1 or 1.2 envelope, otherwise `()`.
function soapVersion(xml message) returns string? {
    xml<xml:Element> roots = message.elements();
    if roots.length() == 1 {
        string name = roots.get(0).getName();
        foreach string uri in [SOAP11_NS, SOAP12_NS] {
            if name == "{" + uri + "}Envelope" {
                return uri;
            }
        }
    }
    return ();
}

# The `Header` or `Body` element of a SOAP envelope, or `()` when `message` is not an envelope or has
# no such element.
function envelopePart(xml message, string part) returns xml:Element? {
    string? uri = soapVersion(message);
    if uri is () {
        return ();
    }
    xml<xml:Element> found = message.elements().get(0).getChildren().elements("{" + uri + "}" + part);
    return found.length() > 0 ? found.get(0) : ();
}

# The message as Synapse's XPath sees it: the `Body` element of the SOAP envelope (semantics §1.1). A
# SOAP message has its own envelope; plain XML, text and JSON (in Synapse's XML form, `jsonToXml`) are
# placed in a new one, as Synapse's builders do.
function soapBody(Context ctx) returns xml|error {
    json|xml payload = check parsedPayload(ctx);
    xml content = xml ``;
    if payload is xml {
        xml:Element? body = envelopePart(payload, "Body");
        if body is xml:Element {
            return body;
        }
        content = payload;
    } else if payload !is () {
        content = jsonToXml(payload);
    }
    return xml `<soapenv:Body xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">${content}</soapenv:Body>`;
}

# The payload as XML: the children of the SOAP body (Synapse's "payload", the first of them).
function xmlPayload(Context ctx) returns xml|error => (check soapBody(ctx)).children().elements();

# The payload as JSON. An XML message is converted as Synapse's JSON formatter and `json-eval` do
# (semantics §1.4): the first body child, without any SOAP envelope.
function jsonPayload(Context ctx) returns json|error {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml {
        return xmlToJson(check xmlPayload(ctx));
    }
    return payload;
}

# The message with `content` as its body. A SOAP message keeps its envelope and header, as Synapse's
# payloadFactory and enrich do; any other message becomes the content.
function replaceBody(Context ctx, xml content) returns xml {
    json|xml|error current = parsedPayload(ctx);
    if current is xml {
        xml:Element? body = envelopePart(current, "Body");
        if body is xml:Element {
            body.setChildren(content);
            return current;
        }
    }
    return content;
}

# Synapse's XML form of a JSON value (semantics §1.3): an object becomes `<jsonObject>`, an array
# `<jsonArray>` of `<jsonElement>`. See `jsonElementXml` for the members.
function jsonToXml(json value) returns xml {
    if value is json[] {
        return jsonArrayXml(value);
    }
    return jsonElementXml("jsonObject", value);
}

function jsonArrayXml(json[] items) returns xml:Element {
    xml children = xml ``;
    foreach json item in items {
        children += item is json[] ? xml:createElement("jsonElement", {}, jsonArrayXml(item)) : jsonElementXml("jsonElement", item);
    }
    return xml:createElement("jsonArray", {}, children);
}

# One element for a JSON value, as Synapse's JSON builder writes it (semantics §1.3): the members of an
# object become child elements, a named array repeated elements (an empty array vanishes, an array
# inside an array becomes a nested `<jsonArray>`), "@name" members attributes and a "$" member the text;
# `null`, `{}` and "" give an empty element; any other value becomes the text.
function jsonElementXml(string name, json value) returns xml:Element {
    map<string> attributes = {};
    xml children = xml ``;
    if value is map<json> {
        foreach [string, json] [key, member] in value.entries() {
            if key.startsWith("@") {
                attributes[key.substring(1)] = member.toString();
            } else if key == "$" {
                children += xml:createText(member.toString());
            } else if member is json[] {
                foreach json item in member {
                    children += item is json[] ? xml:createElement(xmlName(key), {}, jsonArrayXml(item)) : jsonElementXml(xmlName(key), item);
                }
            } else {
                children += jsonElementXml(xmlName(key), member);
            }
        }
    } else if value !is () {
        children = xml:createText(value.toString());
    }
    return xml:createElement(name, attributes, children);
}

# The element name Synapse gives a JSON key (an MI quirk, semantics §1.3): a leading digit gets the
# prefix `_JsonReader_PD_`, a leading "$" becomes `_JsonReader_PS_`.
function xmlName(string key) returns string {
    if key.startsWith("$") {
        return "_JsonReader_PS_" + key.substring(1);
    }
    return key != "" && "0123456789".includes(key.substring(0, 1)) ? "_JsonReader_PD_" + key : key;
}

# The JSON key of an element name: `xmlName` undone, as Synapse's JSON formatter does.
function jsonKey(string name) returns string {
    if name.startsWith("_JsonReader_PD_") {
        return name.substring(15);
    }
    return name.startsWith("_JsonReader_PS_") ? "$" + name.substring(15) : name;
}

# Synapse's XML-to-JSON conversion (semantics §1.4), used when an XML message is written as JSON or
# read with a JSON path: the first element is converted; a `jsonObject`/`jsonArray` root is dropped
# and any other root becomes the single key. See `elementToJson` for the rest.
function xmlToJson(xml payload) returns json {
    xml<xml:Element> elements = payload.elements();
    if elements.length() == 0 {
        string text = payload.data().trim();
        return text == "" ? () : autoPrimitive(text);
    }
    xml:Element first = elements.get(0);
    string name = localName(first.getName());
    json value = elementToJson(first);
    if name == "jsonObject" {
        return value is () ? {} : value;
    }
    return name == "jsonArray" ? value : {[jsonKey(name)]: value};
}

# One element as JSON (semantics §1.4): namespaces are dropped; attributes become "@name" members and
# text beside them "$"; repeated child names become an array, a single child never does; an empty
# element is null; text that reads as a JSON number, boolean or null becomes one (`autoPrimitive`); a
# `jsonArray` element, alone or as the only child, is an array.
function elementToJson(xml:Element element) returns json {
    xml<xml:Element> children = element.getChildren().elements();
    if localName(element.getName()) == "jsonArray" {
        json[] items = [];
        foreach xml:Element child in children {
            items.push(elementToJson(child));
        }
        return items;
    }
    if children.length() == 1 && localName(children.get(0).getName()) == "jsonArray" {
        return elementToJson(children.get(0));
    }
    map<json> members = {};
    foreach [string, string] [name, value] in element.getAttributes().entries() {
        if !name.startsWith("{http://www.w3.org/2000/xmlns/}") {
            members["@" + localName(name)] = value;
        }
    }
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
    map<json[]> repeated = {};
    foreach xml:Element child in children {
        string key = jsonKey(localName(child.getName()));
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
    return members;
}

# The local part of an expanded XML name (`{uri}local`).
function localName(string expandedName) returns string {
    int? brace = expandedName.indexOf("}");
    return brace is int ? expandedName.substring(brace + 1) : expandedName;
}

# Synapse writes text that is exactly true, false, null or a JSON number (no leading zeros) as that value
# (an MI quirk, semantics §1.4: the string "12345" comes back as a number).
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

# XPath's number() (XPath 1.0 §4.4): an optional minus, digits with an optional fraction, and
# whitespace around; anything else ("1e3", "+1", "NaN", "Infinity", "") is NaN, which compares false
# with everything.
function xpathNumber(string text) returns float {
    string trimmed = text.trim();
    if !re `-?([0-9]+(\.[0-9]*)?|\.[0-9]+)`.isFullMatch(trimmed) {
        return float:NaN;
    }
    if trimmed.endsWith(".") {
        trimmed += "0";
    }
    float|error number = float:fromString(trimmed.startsWith("-.") ? "-0" + trimmed.substring(1) : trimmed.startsWith(".") ? "0" + trimmed : trimmed);
    return number is float ? number : float:NaN;
}

# XPath's string() of a number (XPath 1.0 §4.2): NaN, Infinity, -Infinity, an integer without a
# fraction, otherwise the shortest decimal that denotes it, never with an exponent.
function xpathNumberString(float number) returns string {
    if number.isNaN() {
        return "NaN";
    }
    if number.isInfinite() {
        return number > 0.0 ? "Infinity" : "-Infinity";
    }
    if number == float:floor(number) && float:abs(number) < 1.0e15 {
        return (<int>number).toString();
    }
    string text = number.toString();
    int? e = text.indexOf("E");
    if e is () {
        return text;
    }
    string mantissa = text.substring(0, e);
    int exponent = checkpanic int:fromString(text.substring(e + 1));
    string sign = "";
    if mantissa.startsWith("-") {
        sign = "-";
        mantissa = mantissa.substring(1);
    }
    int dot = mantissa.indexOf(".") ?: mantissa.length();
    string digits = mantissa.substring(0, dot) + (dot < mantissa.length() ? mantissa.substring(dot + 1) : "");
    int point = dot + exponent;
    while point <= 0 {
        digits = "0" + digits;
        point += 1;
    }
    while digits.length() < point {
        digits += "0";
    }
    string whole = digits.substring(0, point);
    string fraction = digits.substring(point);
    while fraction.endsWith("0") {
        fraction = fraction.substring(0, fraction.length() - 1);
    }
    return sign + whole + (fraction == "" ? "" : "." + fraction);
}

# XPath's sum() (XPath 1.0 §4.4): the sum of number() of each node's string value.
function xpathSum(xml nodes) returns float {
    float total = 0.0;
    foreach xml item in nodes {
        total += xpathNumber(item.data());
    }
    return total;
}

# XPath's round() (XPath 1.0 §4.4): the closest integer, halves rounded up; NaN stays NaN.
function xpathRound(float number) returns float => number.isNaN() || number.isInfinite() ? number : float:floor(number + 0.5);

# XPath's substring(s, start, length?) (XPath 1.0 §4.2): the characters at 1-based positions p with
# round(start) <= p < round(start) + round(length); NaN bounds select nothing.
function xpathSubstring(string text, float 'start, float? length = ()) returns string {
    float first = xpathRound('start);
    float end = length is float ? first + xpathRound(length) : float:Infinity;
    string result = "";
    int position = 1;
    foreach string:Char c in text {
        float p = <float>position;
        if p >= first && p < end {
            result += c;
        }
        position += 1;
    }
    return result;
}

# XPath's substring-before() (XPath 1.0 §4.2): the text before the first occurrence, "" when absent.
function substringBefore(string text, string part) returns string {
    int? index = text.indexOf(part);
    return index is int ? text.substring(0, index) : "";
}

# XPath's substring-after() (XPath 1.0 §4.2): the text after the first occurrence, "" when absent.
function substringAfter(string text, string part) returns string {
    int? index = text.indexOf(part);
    return index is int ? text.substring(index + part.length()) : "";
}

# XPath's normalize-space() (XPath 1.0 §4.2): XML whitespace (space, tab, CR, LF) trimmed and each run
# collapsed to one space.
function normalizeSpace(string text) returns string {
    string result = "";
    boolean pending = false;
    foreach string:Char c in text {
        if c == " " || c == "\t" || c == "\r" || c == "\n" {
            pending = result != "";
        } else {
            result += (pending ? " " : "") + c;
            pending = false;
        }
    }
    return result;
}

# XPath's translate(s, from, to) (XPath 1.0 §4.2): each character of `from` becomes the character at the
# same position of `to`, or is removed when `to` is shorter; the first occurrence in `from` counts.
function xpathTranslate(string text, string 'from, string to) returns string {
    string result = "";
    foreach string:Char c in text {
        int? index = 'from.indexOf(c);
        if index is () {
            result += c;
        } else if index < to.length() {
            result += to.substring(index, index + 1);
        }
    }
    return result;
}

# MI 4.4 replace(s, target, replacement): Java's String.replace, every occurrence of the literal target.
function replaceText(string text, string target, string replacement) returns string {
    if target == "" {
        return text;
    }
    string result = "";
    int position = 0;
    int? index = text.indexOf(target);
    while index is int {
        result += text.substring(position, index) + replacement;
        position = index + target.length();
        index = text.indexOf(target, position);
    }
    return result + text.substring(position);
}

# MI 4.4 charAt(s, i): the character at a 0-based index (an error out of range, as in the MI).
function charAt(string text, int index) returns string => text.substring(index, index + 1);

# MI 4.4 round(x): Java's Math.round, the closest integer with halves rounded up; NaN is 0.
function roundHalfUp(float number) returns int => number.isNaN() ? 0 : <int>float:floor(number + 0.5);

# MI 4.4 base64decode(s): the UTF-8 text of the Base64 bytes.
function base64Decode(string encoded) returns string|error => string:fromBytes(check array:fromBase64(encoded));

# Synapse's string value of an XPath result, which is not XPath's `string()` (an MI quirk, semantics
# §7.2): one element gives its own text (its text children, not its descendants'), trimmed, or its
# serialised XML when it has none; several elements give their serialised XML, concatenated; text
# nodes give their text.
function xpathString(xml nodes) returns string {
    if nodes is xml:Element {
        string own = nodes.children().text().data().trim();
        return own == "" ? nodes.toString() : own;
    }
    string value = "";
    foreach xml item in nodes {
        value += item is xml:Element ? item.toString() : item.data();
    }
    return value;
}

# Evaluates a JSONPath of the forms `$`, `$.a.b`, `$.a[0]`, `$['a']` against the payload and returns
# the value the way Synapse's `json-eval` does: strings unquoted, other values as compact JSON,
# a missing path as "".
function jsonEval(Context ctx, string path) returns string|error {
    json|xml|ReceivedBody payload = ctx.payload;
    if (path.trim() == "$" || path.trim() == "$.") && payload is ReceivedBody && bodyFormat(payload.contentType) == "json" {
        // `$` returns the JSON exactly as received (semantics §7.5).
        return string:fromBytes(payload.bytes);
    }
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

# The payload as text, for logging (Synapse's full log level): a received body as it arrived.
function payloadText(Context ctx) returns string|error {
    json|xml|ReceivedBody payload = ctx.payload;
    if payload is ReceivedBody {
        return string:fromBytes(payload.bytes);
    }
    return payload is xml ? payload.toString() : payload.toJsonString();
}

# A payloadFactory argument pasted into a JSON template unquoted: JSON text becomes its value,
# anything else a string.
function toJson(string text) returns json {
    json|error parsed = value:fromJsonString(text);
    return parsed is error ? text : parsed;
}

# The payload as a value, as enrich reads a body source: JSON, or the XML body content (without a SOAP
# envelope).
function payloadValue(Context ctx) returns json|xml|error {
    json|xml payload = check parsedPayload(ctx);
    return payload is xml ? xmlPayload(ctx) : payload;
}

# Replaces the payload with a value, as enrich does with a body target: XML becomes the body (a SOAP
# envelope is kept), anything else becomes JSON. The content type (Synapse messageType) is left as it
# was.
function setPayloadValue(Context ctx, anydata value) returns error? {
    if value is xml {
        ctx.payload = replaceBody(ctx, value);
        return;
    }
    ctx.payload = check value.cloneWithType(json);
}

# Replaces the payload with JSON and marks the message as JSON, as payloadFactory does.
function setJsonPayload(Context ctx, json payload) {
    ctx.payload = payload;
    ctx.contentType = "application/json";
}

# Replaces the payload with XML (a SOAP envelope and its header are kept). A SOAP or other XML content
# type is kept; anything else becomes `application/xml`, as payloadFactory does.
function setXmlPayload(Context ctx, xml payload) {
    ctx.payload = replaceBody(ctx, payload);
    if !ctx.contentType.includes("xml") {
        ctx.contentType = "application/xml";
    }
}

# Replaces the payload with text, held in Synapse's `<text>` element (semantics §1.7).
function setTextPayload(Context ctx, string payload) {
    ctx.payload = replaceBody(ctx, xml `<text xmlns="http://ws.apache.org/commons/ns/payload">${payload}</text>`);
    ctx.contentType = "text/plain";
}

# Replaces the message with a fault, as Synapse's makefault does (semantics §5.6): a SOAP 1.1 or 1.2
# `Fault` envelope that keeps the current SOAP header blocks, or, for POX, an `<Exception>` element holding
# the detail (else the reason) in place of the payload. The content type is kept, so a JSON client gets the
# fault as JSON. The Micro Integrator answers a fault with 500 unless the message has a status of its own
# (`HTTP_SC` set in the flow, or a backend's status on a response): 500 replaces only the untouched 200 of a
# request. An `HTTP_SC` set afterwards wins.
function makeFault(Context ctx, "soap11"|"soap12"|"pox" version, string code, string reason, string? node = (),
        string? role = (), xml|string? detail = ()) returns error? {
    if !ctx.isResponse && ctx.statusCode == 200 {
        ctx.statusCode = 500;
    }
    if version != "pox" && bodyFormat(ctx.contentType) == "soap" {
        // A SOAP message is written by the envelope's version, as the Micro Integrator's SOAP formatter does.
        ctx.contentType = version == "soap12" ? "application/soap+xml" : "text/xml";
    }
    if version == "pox" {
        string text = detail is string ? detail : reason;
        ctx.payload = replaceBody(ctx, xml `<Exception>${text}</Exception>`);
        return;
    }
    json|xml current = check parsedPayload(ctx);
    xml headers = xml ``;
    if current is xml {
        xml:Element? header = envelopePart(current, "Header");
        if header is xml:Element {
            headers = header.getChildren();
        }
    }
    xml details = detail is string ? xml `${detail}` : detail ?: xml ``;
    if version == "soap11" {
        xml fault = xml `<faultcode>soapenv:${code}</faultcode><faultstring>${reason}</faultstring>`;
        if role is string {
            fault += xml `<faultactor>${role}</faultactor>`;
        }
        if detail !is () {
            fault += xml `<detail>${details}</detail>`;
        }
        ctx.payload = xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>${headers}</soapenv:Header><soapenv:Body><soapenv:Fault>${fault}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
        return;
    }
    xml fault = xml `<soapenv:Code xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Value>soapenv:${code}</soapenv:Value></soapenv:Code><soapenv:Reason xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Text xml:lang="en">${reason}</soapenv:Text></soapenv:Reason>`;
    if node is string {
        fault += xml `<soapenv:Node xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope">${node}</soapenv:Node>`;
    }
    if role is string {
        fault += xml `<soapenv:Role xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope">${role}</soapenv:Role>`;
    }
    if detail !is () {
        fault += xml `<soapenv:Detail xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope">${details}</soapenv:Detail>`;
    }
    ctx.payload = xml `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Header>${headers}</soapenv:Header><soapenv:Body><soapenv:Fault>${fault}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
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
function callEndpoint(Context ctx, http:Client endpoint, string path = "", string? method = (), EndpointFormat? format = ()) returns error? {
    if format is EndpointFormat {
        applyEndpointFormat(ctx, format);
    }
    http:Request request = new;
    foreach [string, string] [name, value] in ctx.headers.entries() {
        if !hopByHopHeaders.hasKey(name) {
            request.setHeader(name, value);
        }
    }
    xml|byte[]? body = check entityBody(ctx);
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
    ctx.payload = {bytes: check response.getBinaryPayload(), contentType: ctx.contentType};
    // The response gets fresh axis2-scope state in Synapse: the postfix is gone after a call.
    ctx.urlPostfix = "";
    // The response is not addressed to the request's To.
    ctx.to = "";
    ctx.isResponse = true;
}

# The formats an endpoint can force on the messages it sends (its `format` attribute).
type EndpointFormat "soap11"|"soap12"|"pox";

# Prepares the message for an endpoint with a `format`, as Synapse does before sending (semantics §8): a
# SOAP 1.1 envelope (`text/xml`, with a SOAPAction header, empty when the message has no action), a SOAP 1.2
# envelope (`application/soap+xml`, the action as its `action` parameter) or plain XML. The body is
# converted when it is written (`entityBody`); the response then has its own content type.
function applyEndpointFormat(Context ctx, EndpointFormat format) {
    match format {
        "soap11" => {
            ctx.contentType = "text/xml";
            if !ctx.headers.hasKey("soapaction") {
                ctx.headers["soapaction"] = "\"\"";
            }
        }
        "soap12" => {
            string? action = ctx.headers.removeIfHasKey("soapaction");
            string actionName = action is string ? action.trim() : "";
            if actionName.startsWith("\"") && actionName.endsWith("\"") && actionName.length() >= 2 {
                actionName = actionName.substring(1, actionName.length() - 1);
            }
            ctx.contentType = actionName == "" ? "application/soap+xml" : string `application/soap+xml; action="${actionName}"`;
        }
        "pox" => {
            ctx.contentType = "application/xml";
        }
    }
}

# True for a SOAP 1.2 content type (`application/soap+xml`); `text/xml` is SOAP 1.1.
function isSoap12(string contentType) returns boolean => contentType.trim().toLowerAscii().startsWith("application/soap+xml");

# The URL postfix an address endpoint appends: only for a REST request, as Synapse decides (semantics §3.5):
# GET, DELETE, PUT, PATCH, HEAD or OPTIONS, or a POST that is not SOAP (SOAP 1.2, or `text/xml` with a
# SOAPAction). A SOAP POST goes to the endpoint's address as it is.
function restPostfix(Context ctx) returns string {
    string contentType = ctx.contentType.trim().toLowerAscii();
    boolean soap = isSoap12(contentType) || (contentType.startsWith("text/xml") && getHeader(ctx, "SOAPAction") != "");
    return ctx.method.toUpperAscii() == "POST" && soap ? "" : ctx.urlPostfix;
}

# Calls a backend as Synapse's blocking sender does (`call blocking="true"`): like `callEndpoint`,
# but an HTTP status of 400 or more is a fault unless the endpoint lists it in
# `non.error.http.status.codes` (`nonErrorCodes`). The fault sets ERROR_CODE 401002
# (BLOCKING_SENDER_OPERATION_FAILED) and ERROR_MESSAGE "Transport error: <status> ..."; the error
# response stays the message, as Synapse's fault sequence sees it. The blocking sender copies the
# response headers only when BLOCKING_SENDER_PRESERVE_REQ_HEADERS is "false" (a property the
# converter leaves as a TODO): by default the request headers stay on the message.
function callBlocking(Context ctx, http:Client endpoint, string path = "", string? method = (), EndpointFormat? format = (), int[] nonErrorCodes = [], string? soapAction = ()) returns error? {
    map<string> requestHeaders = ctx.headers;
    if soapAction is string {
        // A callout's action goes on the copy it sends only (CalloutMediator: setWSAAction on the clone).
        ctx.headers = ctx.headers.clone();
        ctx.headers["soapaction"] = soapAction;
    }
    check callEndpoint(ctx, endpoint, path, method, format);
    ctx.headers = requestHeaders;
    if ctx.statusCode >= 400 && nonErrorCodes.indexOf(ctx.statusCode) is () {
        return error(string `Transport error: ${ctx.statusCode} Error: the backend answered with an error status`, synapseErrorCode = 401002);
    }
}

# The body to write out in the message's content type (Synapse's `messageType`), or `()` for none. A
# received body whose format the content type keeps goes out byte for byte (semantics §1.2, §1.4);
# otherwise the message is converted as the Micro Integrator's formatter for that type does (§1.5):
# JSON from the XML body, a SOAP envelope around plain XML, plain XML without the envelope, the text of
# a `<text>` element.
function entityBody(Context ctx) returns xml|byte[]|error? {
    json|xml|ReceivedBody payload = ctx.payload;
    BodyFormat format = bodyFormat(ctx.contentType);
    if payload is ReceivedBody && (payload.bytes.length() == 0
            || (bodyFormat(payload.contentType) == format && isSoap12(payload.contentType) == isSoap12(ctx.contentType))) {
        return payload.bytes.length() == 0 ? () : payload.bytes;
    }
    json|xml value = check parsedPayload(ctx);
    if value is () {
        return ();
    }
    if format == "json" || (format == "binary" && value !is xml) {
        return (check jsonPayload(ctx)).toJsonString().toBytes();
    }
    xml content = check xmlPayload(ctx);
    if format == "soap" {
        string version = ctx.contentType.toLowerAscii().startsWith("application/soap+xml") ? SOAP12_NS : SOAP11_NS;
        if value is xml && soapVersion(value) == version {
            return value;
        }
        // Another envelope version, or no envelope: the body goes into an envelope of this version.
        return version == SOAP12_NS
            ? xml `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>${content}</soap:Body></soap:Envelope>`
            : xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${content}</soapenv:Body></soapenv:Envelope>`;
    }
    if format == "text" {
        xml text = content.elements("{http://ws.apache.org/commons/ns/payload}text");
        return (text.length() > 0 ? text.data() : content.toString()).toBytes();
    }
    return content;
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
    xml|byte[]? body = check entityBody(ctx);
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

# Records a failure the way Synapse's fault handler does before a fault sequence runs (semantics §5.3):
# `ERROR_CODE`, `ERROR_MESSAGE` (the first line of the message), `ERROR_DETAIL` (Synapse writes the
# Java stack trace; here the error and its Ballerina call stack) and `ERROR_EXCEPTION` (the error). The
# first failure wins, as in Synapse.
function recordError(Context ctx, error e) {
    if ctx.properties.hasKey("ERROR_CODE") {
        return;
    }
    string message = e.message();
    int? newline = message.indexOf("\n");
    string detail = e.toString();
    foreach var frame in e.stackTrace() {
        detail += "\n\tat " + frame.toString();
    }
    ctx.properties["ERROR_CODE"] = errorCode(e);
    ctx.properties["ERROR_MESSAGE"] = newline is int ? message.substring(0, newline) : message;
    ctx.properties["ERROR_DETAIL"] = detail;
    ctx.properties["ERROR_EXCEPTION"] = e.toString();
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

# dblookup (semantics §6.17): runs the query and copies columns of the first row into properties, as
# strings; other rows are ignored. No row, or a null column, leaves the property unchanged. A column is
# named (in any case, as JDBC's `getObject(String)` matches it) or given by its 1-based position; a
# column the result does not have fails the mediator, as the SQLException does in Synapse.
function dbLookup(Context ctx, jdbc:Client db, sql:ParameterizedQuery query, map<string> results) returns error? {
    stream<record {}, sql:Error?> rows = db->query(query);
    record {|record {} value;|}? first = check rows.next();
    check rows.close();
    if first is () {
        return;
    }
    record {} row = first.value;
    string[] columns = row.keys();
    foreach [string, string] [property, column] in results.entries() {
        string? key = ();
        int|error position = int:fromString(column);
        if position is int {
            if position >= 1 && position <= columns.length() {
                key = columns[position - 1];
            }
        } else {
            foreach string name in columns {
                if name.equalsIgnoreCaseAscii(column) {
                    key = name;
                    break;
                }
            }
        }
        if key is () {
            return error(string `dblookup: the result has no column '${column}'`);
        }
        anydata value = row[key];
        if value !is () {
            ctx.properties[property] = value is string ? value : value.toString();
        }
    }
}

# dbreport (semantics §6.17): runs the statement, committed on its own (auto-commit, as Synapse commits
# each statement without useTransaction), and records the number of modified rows in
# `DBREPORT_MODIFIED_RAW_COUNT`, as Synapse does.
function dbReport(Context ctx, jdbc:Client db, sql:ParameterizedQuery statement) returns error? {
    sql:ExecutionResult result = check db->execute(statement);
    ctx.properties["DBREPORT_MODIFIED_RAW_COUNT"] = result.affectedRowCount ?: 0;
}

# A dblookup/dbreport DATE parameter (Synapse binds `java.sql.Date.valueOf`, `yyyy-[m]m-[d]d`).
function sqlDate(string value) returns sql:DateValue => new (value);

# A dblookup/dbreport TIME parameter (Synapse binds `java.sql.Time.valueOf`, `hh:mm:ss`).
function sqlTime(string value) returns sql:TimeValue => new (value);

# A dblookup/dbreport TIMESTAMP parameter (Synapse binds `java.sql.Timestamp.valueOf`, `yyyy-[m]m-[d]d hh:mm:ss[.f...]`).
function sqlTimestamp(string value) returns sql:TimestampValue => new (value);
