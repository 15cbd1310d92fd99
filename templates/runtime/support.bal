import ballerina/crypto;
import ballerina/data.xmldata;
import ballerina/email;
import ballerina/file;
import ballerina/ftp;
import ballerina/http;
import ballerina/io;
import ballerina/jballerina.java;
import ballerina/ldap;
import ballerina/log;
import ballerina/lang.array;
import ballerina/lang.regexp;
import ballerina/lang.runtime;
import ballerina/lang.value;
import ballerina/sql;
import ballerina/task;
import ballerina/time;
import ballerina/url;
import ballerina/uuid;
import ballerinax/aws.sqs;
import ballerinax/googleapis.gmail;
import ballerinax/java.jdbc;
import ballerinax/java.jms;
import ballerinax/kafka;
import ballerinax/rabbitmq;
import ballerinax/redis;
import ballerinax/salesforce;

# The transport headers the message never hands on, to a backend or to the client: the ones
# PassThroughTransportUtils.removeUnwantedHeaders removes (PassThroughHttpSender.invoke runs it for a request and for a
# response alike; none is in the default preserve list) and the HTTP client and listener write themselves.
final readonly & map<boolean> hopByHopHeaders = {
    "transfer-encoding": true,
    "connection": true,
    "keep-alive": true,
    "content-length": true,
    "date": true,
    "server": true,
    "user-agent": true
};

# Left out of a request only: the backend gets the Host of its endpoint URL (TargetRequestFactory drops the message's
# Host unless REQUEST_HOST_HEADER is set), while a response keeps it (removeUnwantedHeaders does not remove it, and
# SourceResponseFactory copies every transport header onto the response).
const string REQUEST_HOST_HEADER = "host";

# Creates the context for an incoming request. The body is kept as received until a step reads it.
# The URL postfix is the request path and query after the API context `basePath`; `api` is the
# Synapse name of the API (`SYNAPSE_REST_API`), `()` for the main sequence. `dispatched` is false for a request to an
# API that no resource takes (API.process's handleResourceNotFound and handleMethodNotAllowed, which run
# `_resource_mismatch_handler_` and `_method_not_allowed_handler_` on the message, and its 400 answer): Resource.process
# never runs for it, so it gets no `query.param.*` properties and a query value that cannot be decoded does not fail it
# (ApiUtils.populateQueryParamsToMessageContext runs only once a resource took the request). `apiContext`, `apiVersion`
# and `versionType` are a versioned API's context as written, version and version type (`setRestProperties`). `cors` is
# the server's CORS configuration with the methods of the resource that took the request, which Resource.process
# records on the message (`recordCors`); `()` for anything else. `fullRequestPath` is set for the main sequence's
# request in a project with APIs: the REST handler tried them first, and API.canProcess recorded REST_FULL_REQUEST_PATH,
# the request URI as received (ApiUtils.getFullRequestPath), before none of them took it. `boundPayload` is the body
# a resource's `@http:Payload json` parameter took (`--typed-payloads`): the listener already read the entity and parsed
# it as JSON, so the context starts from that value, as after the first JSON read of a JSON body (`parsedPayload`), its
# bytes the value's JSON text; an error (the default) for a resource that takes none.
function newContext(http:Request request, string? api, string basePath, map<string> pathParams = {}, boolean dispatched = true,
        string? apiContext = (), string apiVersion = "",
        ResourceCors? cors = (), // Only with: argument cors
        boolean fullRequestPath = false, // Only with: argument fullRequestPath
        json|error boundPayload = error("no bound payload"), // Only with: argument boundPayload
        string versionType = "") returns Context|error {
    string contentType = request.getContentType();
    // The pass-through ServerWorker takes a request for REST unless its content type is SOAP's; a request that
    // encloses no entity (GET, HEAD, OPTIONS, TRACE) is REST whatever its Content-Type says.
    boolean entity = ["GET", "HEAD", "OPTIONS", "TRACE"].indexOf(request.method.toUpperAscii()) is ();
    "soap11"|"soap12"? clientSoap = !entity ? ()
        : contentType.includes("application/soap+xml") ? "soap12"
        : contentType.includes("text/xml") ? "soap11" : ();
    Context ctx = {
        messageId: "urn:uuid:" + uuid:createType4AsString(),
        to: request.rawPath,
        method: request.method,
        urlPostfix: request.rawPath.startsWith(basePath) ? request.rawPath.substring(basePath.length()) : request.rawPath,
        contentType: contentType,
        restRequest: clientSoap is (),
        clientSoap: clientSoap
    };
    if api is string {
        ctx.properties["SYNAPSE_REST_API"] = api;
        setRestProperties(ctx, request, apiContext ?: basePath, apiVersion, versionType);
    }
    if fullRequestPath { // Only with: argument fullRequestPath
        ctx.properties["REST_FULL_REQUEST_PATH"] = request.rawPath;
    }
    // The pass-through ServerWorker.createMessageContext sets TransportInURL to the request URI as received (path
    // and query), which `$axis2:TransportInURL` reads.
    ctx.axis2["TransportInURL"] = request.rawPath;
    check receiveHeaders(ctx, request);
    takeCorrelationId(ctx);
    // The pass-through ServerWorker sets the message's action from the request (its SOAPAction header without the
    // quotes, HTTPTransportUtils.initializeMessageContext the action of a SOAP 1.2 content type) once, here.
    ctx.action = httpSoapAction(ctx);
    foreach [string, string] [name, value] in pathParams.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    if cors is ResourceCors && api is string && dispatched { // Only with: argument cors
        recordCors(ctx, request, cors);
    }
    if api is string && dispatched {
        check setQueryParams(ctx, request.rawPath);
    }
    if boundPayload !is error { // Only with: argument boundPayload
        // `()` is an empty body (json is nilable: the listener binds `()` when the entity has no content).
        byte[] bytes = [];
        if boundPayload !is () {
            bytes = boundPayload.toJsonString().toBytes();
        }
        ctx.payload = <ReceivedBody>{bytes, contentType: ctx.contentType, parsed: boundPayload};
        return ctx;
    }
    ctx.payload = <ReceivedBody>{bytes: check request.getBinaryPayload(), contentType: ctx.contentType};
    return ctx;
}

# The header that carries a request's correlation ID (the pass-through transport's `correlation_header_name`, whose
# default this is; a lower-case name, as `headers` keeps them).
const string CORRELATION_HEADER = "activityid";

# The request's correlation ID, as the pass-through SourceHandler.setCorrelationId takes it before the request is read:
# the first `activityid` header when the client sent one; else a new UUID, which it also sets as the request's
# `activityid` header, so that it is passed on to the backend with the other headers (and back to a client answered
# from the request), and which ServerWorker.createMessageContext makes the message ID of (`urn:uuid:` and the UUID).
function takeCorrelationId(Context ctx) {
    string? sent = ctx.headers[CORRELATION_HEADER];
    if sent is string {
        ctx.correlationId = sent;
        return;
    }
    string id = uuid:createType4AsString();
    ctx.correlationId = id;
    ctx.headers[CORRELATION_HEADER] = id;
    ctx.messageId = "urn:uuid:" + id;
}

# The properties the Micro Integrator sets on a request it dispatches to an API (a proxy's or the main sequence's
# request gets none): REST_FULL_REQUEST_PATH, the request URI as received, path and query (ApiUtils.getFullRequestPath,
# from TransportInURL); REST_SUB_REQUEST_PATH, that after the API's context, and after `/` and the version for a url
# version, "/" when nothing is left (API.process; a context version's context keeps `{version}`, so its length is
# what is cut); REST_METHOD, the request's method (Resource.canProcess); REST_API_CONTEXT, the context as written,
# trailing slashes trimmed; SYNAPSE_REST_API_VERSION and SYNAPSE_REST_API_VERSION_STRATEGY, "" for an API without a
# url or context version; REST_URL_PREFIX, the incoming transport and the Host header (`http://host:port`), when the
# request has one.
function setRestProperties(Context ctx, http:Request request, string context, string version, string versionType) {
    string path = request.rawPath;
    int cut = versionType == "url" ? context.length() + version.length() + 1 : context.length();
    // Java's substring fails past the end (the request then fails); here nothing is left.
    string subPath = cut < path.length() ? path.substring(cut) : "";
    ctx.properties["REST_FULL_REQUEST_PATH"] = path;
    ctx.properties["REST_SUB_REQUEST_PATH"] = subPath == "" ? "/" : subPath;
    ctx.properties["REST_METHOD"] = request.method;
    ctx.properties["REST_API_CONTEXT"] = context;
    ctx.properties["SYNAPSE_REST_API_VERSION"] = version;
    ctx.properties["SYNAPSE_REST_API_VERSION_STRATEGY"] = versionType;
    string|http:HeaderNotFoundError host = request.getHeader("Host");
    if host is string {
        ctx.properties["REST_URL_PREFIX"] = "http://" + host;
    }
}

# The `query.param.*` properties of an API request, as ApiUtils.populateQueryParamsToMessageContext sets them when
# the resource is dispatched (an API only: a proxy or the main sequence gets none): the query split on `&` as
# Java's String.split does (trailing empty entries dropped); for an entry with `=`, the name as written (not
# decoded) and the value decoded as URLDecoder does (`+` a space), a repeated name keeping its last value; an
# entry without `=` is taken for part of the previous value, which gets `&` and the entry appended (before any
# named entry, to `query.param.null`, as the MI's null name does). A value that cannot be decoded fails the request.
function setQueryParams(Context ctx, string rawPath) returns error? {
    int? queryIndex = rawPath.indexOf("?");
    if queryIndex is () {
        return;
    }
    string query = rawPath.substring(queryIndex + 1);
    string[] entries = [query];
    if query.includes("&") {
        entries = re `&`.split(query);
        while entries.length() > 0 && entries[entries.length() - 1] == "" {
            _ = entries.pop();
        }
    }
    string name = "null";
    foreach string entry in entries {
        int? index = entry.indexOf("=");
        if index is int {
            name = entry.substring(0, index);
            ctx.properties["query.param." + name] = check url:decode(entry.substring(index + 1), "UTF-8");
        } else {
            anydata existing = ctx.properties["query.param." + name];
            ctx.properties["query.param." + name] = (existing is string ? existing : "null") + "&" + entry;
        }
    }
}

# A message context for a message a scheduled task injects, as Synapse's MessageInjector builds it
# (semantics §9.2): the task's message, with the content type of its format. There is no client to answer. Its action
# is "" (a fresh Axis2 message context has none, which `get-property('Action')` reads as "") unless the task's
# soapAction sets one (MessageInjector: setSoapAction), which the generated job does after this.
function newTaskContext(xml? message, string contentType) returns Context => {
    messageId: "urn:uuid:" + uuid:createType4AsString(),
    payload: message,
    contentType: contentType,
    method: "POST"
};

# A Quartz cron schedule, as the Micro Integrator runs a task's `cron` trigger and a message processor's
# `cronExpression` (ntask's AbstractQuartzTaskManager: quartz 2.3 `CronScheduleBuilder.cronSchedule`, in the server's
# default time zone). The converter expands the expression: each list holds the values its field allows, in order;
# an empty list allows every value.
type CronSchedule record {|
    # The expression as written, for messages
    string expression;
    # Seconds (0-59)
    int[] seconds = [];
    # Minutes (0-59)
    int[] minutes = [];
    # Hours (0-23)
    int[] hours = [];
    # Months (1-12)
    int[] months = [];
    # The optional year field
    int[] years = [];
    # The day-of-week field decides the day (the day-of-month field is `?`); otherwise the day-of-month field does
    boolean byWeekday = false;
    # Days of the month (1-31), or of the week (1 Sunday to 7 Saturday) when `byWeekday`
    int[] days = [];
    # `L` or `L-n` in the day-of-month field: the month's last day less this offset
    int? lastDayOffset = ();
    # `W` in the day-of-month field: the weekday nearest the day, within the month
    boolean nearestWeekday = false;
    # `nL` in the day-of-week field: the last such weekday of the month
    int? lastWeekday = ();
    # `n#k` in the day-of-week field: the `nth` such weekday of the month
    int? nthWeekday = ();
    # The k of `n#k`
    int nth = 0;
|};

# Schedules `job` on the Quartz cron schedule `cron` in the server's time zone, as the Micro Integrator's CronTrigger
# runs it: ballerina/task has no cron trigger, so each run first schedules the next one (`task:scheduleOneTimeJob`),
# keeping the schedule however long the job runs. The id is the first run's.
function scheduleCronJob(task:Job job, CronSchedule cron) returns task:JobId|error {
    time:Zone zone = check time:loadSystemZone();
    return scheduleCronRun(job, cron, zone, time:utcNow());
}

# Schedules the run of `job` at the first time after `after` that `cron` allows.
function scheduleCronRun(task:Job job, CronSchedule cron, time:Zone zone, time:Utc after) returns task:JobId|error {
    time:Utc next = check nextCronTime(cron, zone, after);
    return task:scheduleOneTimeJob(new CronRun(job, cron, zone, next), time:utcToCivil(next));
}

# One run of a cron-scheduled job (`scheduleCronJob`): it schedules the next run, then runs the job.
class CronRun {
    *task:Job;

    private final task:Job job;
    private final CronSchedule cron;
    private final time:Zone zone;
    private final time:Utc at;

    function init(task:Job job, CronSchedule cron, time:Zone zone, time:Utc at) {
        self.job = job;
        self.cron = cron;
        self.zone = zone;
        self.at = at;
    }

    public function execute() {
        // After this run's time even if the scheduler fires a little early, so no time runs twice.
        time:Utc now = time:utcNow();
        task:JobId|error next = scheduleCronRun(self.job, self.cron, self.zone, now > self.at ? now : self.at);
        if next is error {
            log:printError(string `The cron schedule '${self.cron.expression}' runs no more`, 'error = next);
        }
        self.job.execute();
    }
}

# The first time after `after` (in whole seconds) that `cron` allows, read in `zone`, as quartz's
# CronExpression.getTimeAfter finds it; an error when there is none before the year 2300.
function nextCronTime(CronSchedule cron, time:Zone zone, time:Utc after) returns time:Utc|error {
    time:Civil first = zone.utcToCivil(time:utcAddSeconds([after[0], 0], 1));
    // TimeZone.utcFromCivil reads the zone from the civil value's abbreviation, which utcToCivil sets to the zone id.
    string zoneId = first?.timeAbbrev ?: "Z";
    decimal second = first?.second ?: 0;
    int year = first.year;
    int month = first.month;
    int day = first.day;
    [int, int, int] earliest = [first.hour, first.minute, <int>second];
    while year < 2300 {
        if cronDayAllowed(cron, year, month, day) {
            [int, int, int]? at = cronTimeOfDay(cron, earliest);
            if at is [int, int, int] {
                return zone.utcFromCivil({year, month, day, hour: at[0], minute: at[1], second: <decimal>at[2], timeAbbrev: zoneId});
            }
        }
        earliest = [0, 0, 0];
        day += 1;
        if day > cronMonthLength(year, month) {
            day = 1;
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
            }
        }
    }
    return error(string `The cron expression '${cron.expression}' allows no time before the year 2300`);
}

# The earliest time of day `cron` allows at or after `earliest` ([hour, minute, second]); `()` when none.
function cronTimeOfDay(CronSchedule cron, [int, int, int] earliest) returns [int, int, int]? {
    foreach int hour in cronValues(cron.hours, 0, 23) {
        if hour < earliest[0] {
            continue;
        }
        foreach int minute in cronValues(cron.minutes, 0, 59) {
            if hour == earliest[0] && minute < earliest[1] {
                continue;
            }
            foreach int second in cronValues(cron.seconds, 0, 59) {
                if hour > earliest[0] || minute > earliest[1] || second >= earliest[2] {
                    return [hour, minute, second];
                }
            }
        }
    }
    return ();
}

# The values of a cron field: `values`, or every value from `min` to `max` when it is empty.
function cronValues(int[] values, int min, int max) returns int[] {
    if values.length() > 0 {
        return values;
    }
    int[] all = [];
    foreach int value in min ... max {
        all.push(value);
    }
    return all;
}

# Whether `cron` allows the day: its month, year and day rule (quartz CronExpression.getTimeAfter's day cases).
function cronDayAllowed(CronSchedule cron, int year, int month, int day) returns boolean {
    if (cron.months.length() > 0 && cron.months.indexOf(month) is ()) || (cron.years.length() > 0 && cron.years.indexOf(year) is ()) {
        return false;
    }
    int last = cronMonthLength(year, month);
    if cron.byWeekday {
        int weekday = cronWeekday(year, month, day);
        if cron.lastWeekday is int {
            return weekday == cron.lastWeekday && day + 7 > last;
        }
        if cron.nthWeekday is int {
            return weekday == cron.nthWeekday && (day - 1) / 7 + 1 == cron.nth;
        }
        return cron.days.length() == 0 || cron.days.indexOf(weekday) is int;
    }
    int? offset = cron.lastDayOffset;
    int target;
    if offset is int {
        target = last - offset;
    } else if cron.nearestWeekday {
        target = cron.days[0];
    } else {
        return cron.days.length() == 0 || cron.days.indexOf(day) is int;
    }
    if cron.nearestWeekday && target >= 1 && target <= last {
        // The weekday nearest the day, without leaving the month.
        int weekday = cronWeekday(year, month, target);
        if weekday == 7 {
            target = target == 1 ? target + 2 : target - 1;
        } else if weekday == 1 {
            target = target == last ? target - 2 : target + 1;
        }
    }
    return day == target;
}

# The number of days in the month (Gregorian calendar).
function cronMonthLength(int year, int month) returns int {
    if month == 2 {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

# The day of the week as Quartz numbers it: 1 Sunday to 7 Saturday.
function cronWeekday(int year, int month, int day) returns int {
    int[] offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    int y = month < 3 ? year - 1 : year;
    return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7 + 1;
}

# A message context for a message an inbound endpoint receives from a broker (JMS), as the Micro
# Integrator's inject handlers build it (semantics §9.1): the body as received, read by `contentType`
# when a step needs it. There is no client to answer. Its action is "": an inject handler makes the message context with
# SynapseEnvironment.createMessageContext and sets no SOAP action (JMSInjectHandler, FileInjectHandler, ...).
function newInboundContext(string|byte[] content, string contentType) returns Context => {
    messageId: "urn:uuid:" + uuid:createType4AsString(),
    payload: <ReceivedBody>{bytes: content is string ? content.toBytes() : content, contentType: contentType},
    contentType: contentType,
    method: "POST"
};

# The default-scope properties the Micro Integrator's inbound endpoints set on each message they inject, read with
# `get-property('inbound.endpoint.name')` and the like: `isInbound` (true), and, with the endpoint's `name`,
# `inbound.endpoint.name` (the name) and `ARTIFACT_NAME` (`inboundendpoint` and the name), as JMSInjectHandler,
# FileInjectHandler, RabbitMQInjectHandler and InboundHttpServerWorker set them (MqttInjectHandler sets `isInbound`
# alone: `name` is `()`). A JMS inbound endpoint also sets each of its parameters as a property of the parameter's name
# (`parameters`, its text; InboundEndpoint.getParametersMap), after those three.
function setInboundEndpointProperties(Context ctx, string? name, map<string> parameters = {}) {
    if name is string {
        ctx.properties["inbound.endpoint.name"] = name;
        ctx.properties["ARTIFACT_NAME"] = "inboundendpoint" + name;
    }
    ctx.properties["isInbound"] = true;
    foreach [string, string] [key, value] in parameters.entries() {
        ctx.properties[key] = value;
    }
}

# A file's content as a file listener of the Micro Integrator hands it on: the transport builds the message with the
# message builder of the file's content type before the flow runs (VFSTransportListener.processFile,
# FilePollingConsumer.processFile), and a file the builder refuses fails: neither the flow nor its fault sequence runs,
# the after-failure action applies to the file. The builder is the one the server registers for the media type
# (AxisConfiguration.getMessageBuilder, the MI's axis2.xml: application/xml, application/x-www-form-urlencoded,
# multipart/form-data, application/json, application/json/badgerfish, text/javascript, text/plain,
# application/octet-stream, application/binary); any other media type (text/xml, application/soap+xml, text/csv,
# ...) falls back to the SOAP builder. SOAP (SOAPBuilder) refuses an empty file, one that is not XML and one whose
# document element is no SOAP 1.1 or 1.2 `Envelope`; XML (ApplicationXMLBuilder) one that is not empty and not XML
# (an empty file is an empty body); JSON (JsonStreamBuilder: JsonUtil.getNewJsonPayload) one holding none of the
# characters a JSON value starts with (`{`, `[`, `"`, `t`, `n`, `f`, `-`, a digit) and something other than spaces,
# and one whose first such character starts a scalar when the whole file (not trimmed) is not a quoted string,
# `true`, `false`, `null` or a number without exponent (`-?\d+(\.\d+)?`); an object or array is read when the flow
# reads it, as in the MI; text and the other builders never refuse one. The text of the XML, SOAP and plain-text
# builders is decoded as the builder decodes it (`fileText`) and handed on in UTF-8; a JSON file's bytes are kept as
# they are whatever its charset, as the JSON builder keeps the stream (the flow reads them as UTF-8, as the MI's JSON
# readers do), and only their first significant byte, or a scalar's whole text, is checked. `newFileContext` then makes
# the message context. Differs: the XML is parsed whole here, where the MI's builders read up to the first element and
# an error after it fails the flow once it reads that far (its fault sequence runs); a JSON file with bytes that are
# not UTF-8 fails the flow when it reads the payload, where the MI's readers replace them with U+FFFD.
function fileMessage(byte[]|error content, string contentType) returns byte[]|error {
    byte[] bytes = check content;
    string mediaType = mediaTypeOf(contentType).toLowerAscii();
    boolean registered = fileBuilderRegistered(contentType);
    if !registered || (mediaType == "application/xml" && bytes.length() > 0) {
        string text = check fileText(bytes, contentType, true);
        xml|error parsed = xml:fromString(text);
        if parsed is error || parsed.elements().length() == 0 {
            return error(string `the message builder of ${contentType} refuses the file: it holds no XML document`, parsed is error ? parsed : ());
        }
        string root = (<xml:Element>parsed.elements()[0]).getName();
        if !registered && root != string `{${SOAP11_NS}}Envelope` && root != string `{${SOAP12_NS}}Envelope` {
            return error(string `the message builder of ${contentType} refuses the file: its document element ${root} is no SOAP envelope`);
        }
        return text.toBytes();
    } else if mediaType == "application/json" {
        // JsonUtil.getNewJsonPayload reads the stream byte by byte (no charset: the bytes are kept as they are), and
        // decodes a scalar as UTF-8 only to compare it, so bytes that are not UTF-8 never refuse the file.
        boolean blank = true;
        foreach byte b in bytes {
            if b == 0x7B || b == 0x5B {
                return bytes;
            }
            if b == 0x22 || b == 0x74 || b == 0x6E || b == 0x66 || b == 0x2D || (b >= 0x30 && b <= 0x39) {
                if (bytes[0] == 0x22 && bytes[bytes.length() - 1] == 0x22) || jsonScalarText(bytes) {
                    return bytes;
                }
                return error(string `the message builder of ${contentType} refuses the file: it is not a JSON value`);
            }
            blank = blank && b == 0x20;
        }
        if !blank {
            return error(string `the message builder of ${contentType} refuses the file: it is not JSON`);
        }
    } else if mediaType == "text/plain" {
        return (check fileText(bytes, contentType, false)).toBytes();
    }
    return bytes;
}

# Whether a file's whole bytes are one of the unquoted JSON scalars JsonUtil.getNewJsonPayload accepts: `true`,
# `false`, `null` or a number without exponent (`-?\d+(\.\d+)?`); bytes that are not ASCII are none of them.
function jsonScalarText(byte[] bytes) returns boolean {
    if bytes.some(b => b > 0x7F) {
        return false;
    }
    string|error text = string:fromCodePointInts(bytes);
    return text is string && (text is "true"|"false"|"null" || re `-?[0-9]+(\.[0-9]+)?`.isFullMatch(text));
}

# A message context for a file a file listener read, once `fileMessage` accepted it: as `newInboundContext`, except for
# a file under a media type the Micro Integrator registers no builder for and the body formats here read as bytes
# (`text/csv`, `application/edi`, ...). FileInjectHandler and VFSTransportListener fall back to the SOAP builder for
# it, which builds the file's SOAP envelope (`fileMessage` refuses any other file), so the flow reads that envelope,
# of its SOAP version: the received body is labelled `text/xml` (SOAP 1.1) or `application/soap+xml` (SOAP 1.2),
# while the message keeps the file's content type, as the Micro Integrator keeps it.
function newFileContext(byte[] content, string contentType) returns Context {
    Context ctx = newInboundContext(content, contentType);
    if fileBuilderRegistered(contentType) || bodyFormat(contentType) != "binary" {
        return ctx;
    }
    string|error text = string:fromBytes(content);
    xml|error parsed = text is string ? xml:fromString(text) : text;
    if parsed is error || parsed.elements().length() == 0 {
        return ctx;
    }
    string root = (<xml:Element>parsed.elements()[0]).getName();
    ctx.payload = <ReceivedBody>{bytes: content, contentType: root == string `{${SOAP12_NS}}Envelope` ? "application/soap+xml" : "text/xml"};
    return ctx;
}

# Whether the Micro Integrator registers a message builder for the media type of a content type (its axis2.xml:
# AxisConfiguration.getMessageBuilder); a file under any other falls back to the SOAP builder.
function fileBuilderRegistered(string contentType) returns boolean =>
    mediaTypeOf(contentType).toLowerAscii() is "application/xml"|"application/x-www-form-urlencoded"|"multipart/form-data"
        |"application/json"|"application/json/badgerfish"|"text/javascript"|"text/plain"|"application/octet-stream"
        |"application/binary";

# A file's text as the Micro Integrator's builders decode it: in the `charset` of its content type (the
# CHARACTER_SET_ENCODING the file listener sets), UTF-8 without one (MessageContext.DEFAULT_CHAR_SET_ENCODING). The XML
# builders (`xmlBuilder`: SOAPBuilder, ApplicationXMLBuilder) first look for a byte order mark
# (BuilderUtil.getCharSetEncoding): a UTF-8 one is dropped and decides the charset; PlainTextBuilder keeps it (the text
# starts with U+FEFF). ISO-8859-1 (Latin-1) maps each byte to the character of that code, US-ASCII each byte above 127
# to U+FFFD, as Java's decoders do. Differs: any other charset (and a UTF-16 or UTF-32 byte order mark) fails the file,
# and bytes that are not UTF-8 in a UTF-8 file fail it too, where Java replaces them with U+FFFD; an XML file with no
# charset is read as UTF-8 whatever its XML declaration says.
function fileText(byte[] bytes, string contentType, boolean xmlBuilder) returns string|error {
    if xmlBuilder && bytes.length() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
        return string:fromBytes(bytes.slice(3));
    }
    string charset = (contentTypeCharset(contentType) ?: "UTF-8").toUpperAscii();
    if charset is "UTF-8"|"UTF8" {
        return string:fromBytes(bytes);
    }
    if charset is "ISO-8859-1"|"ISO8859-1"|"ISO_8859-1"|"ISO8859_1"|"LATIN1"|"L1"|"CP819"|"IBM819" {
        return string:fromCodePointInts(bytes);
    }
    if charset is "US-ASCII"|"ASCII" {
        return string:fromCodePointInts(from byte b in bytes select b > 127 ? 0xFFFD : b);
    }
    return error(string `the file's charset ${charset} is not one the generated code decodes (UTF-8, ISO-8859-1, US-ASCII)`);
}

# The transport headers the Micro Integrator's file inbound endpoint gives each file it reads
# (FilePollingConsumer.processFile): `FILE_NAME`, `FILE_PATH` (the absolute path), `FILE_URI` (its `file://` URI),
# `FILE_LENGTH` (bytes) and `LAST_MODIFIED` (epoch milliseconds), read with `$trp:FILE_NAME` and the like.
function setFileHeaders(Context ctx, file:MetaData entry, string fileName) {
    ctx.headers["file_name"] = fileName;
    ctx.headers["file_path"] = entry.absPath;
    ctx.headers["file_uri"] = "file://" + (entry.absPath.startsWith("/") ? "" : "/") + entry.absPath;
    ctx.headers["file_length"] = entry.size.toString();
    ctx.headers["last_modified"] = epochMillis(entry.modifiedTime).toString();
}

# A file polling endpoint moving a file after processing or a failure (FilePollingConsumer.moveOrDeleteAfterProcessing,
# VFSTransportListener.moveOrDeleteAfterProcessing): into `folder`, created first with its parents when `createFolder`
# and it does not exist (transport.vfs.CreateFolder true: `moveToDirectory.createFolder()`), under the file's name
# after the current time as `timestamp` writes it (transport.vfs.MoveTimestampFormat, the SimpleDateFormat pattern the
# converter split as formatSystemDate takes it), if given.
function moveFileToFolder(string path, string folder, string fileName, boolean createFolder = false, string[]? timestamp = ()) returns error? {
    if createFolder && !check file:test(folder, file:EXISTS) {
        check file:createDir(folder, file:RECURSIVE);
    }
    string name = timestamp is string[] ? check formatSystemDate(timestamp) + fileName : fileName;
    check file:rename(path, check file:joinPath(folder, name));
}

# How the Micro Integrator's RabbitMQ inbound endpoint settles a message when `rabbitmq.queue.auto.ack` is false,
# once its sequence returned, failed or not (RabbitMQInjectHandler.onMessage, RabbitMQConsumer.handleDelivery): the
# default-scope property SET_ROLLBACK_ONLY true (the boolean, or a string `Boolean.parseBoolean` reads as true) rejects
# it without requeueing (the broker dead-letters or drops it); else SET_REQUEUE_ON_ROLLBACK true requeues it after
# `requeueDelay` seconds (rabbitmq.message.requeue.delay); else it is acknowledged.
function settleRabbitMq(Context ctx, rabbitmq:Caller caller, decimal requeueDelay = 0) returns error? {
    if rabbitMqFlag(ctx.properties["SET_ROLLBACK_ONLY"]) {
        return caller->basicNack(false, false);
    }
    if rabbitMqFlag(ctx.properties["SET_REQUEUE_ON_ROLLBACK"]) {
        if requeueDelay > 0d {
            runtime:sleep(requeueDelay);
        }
        return caller->basicNack(false, true);
    }
    return caller->basicAck();
}

# A property RabbitMQInjectHandler reads as a flag: a boolean, or a string that is "true" in any case.
function rabbitMqFlag(anydata value) returns boolean => value is boolean ? value : value is string && value.toLowerAscii() == "true";

# The transport headers the Micro Integrator gives a message received from RabbitMQ (RabbitMQUtils.getTransportHeaders,
# for the RabbitMQ inbound endpoint and the rabbitmq proxy transport alike): the correlation id as
# `rabbitmq.message.correlation.id`, the reply-to queue as `RABBITMQ_REPLY_TO`, and each AMQP header (but
# INTERNAL_TRANSACTION_COUNTED) as its text (a byte string, which AMQP long strings arrive as, decoded as UTF-8). Names
# are kept lower-case, as every transport header here. The AMQP message id (`rabbitmq.message.id` in the Micro
# Integrator) is not in ballerinax/rabbitmq's BasicProperties and is not set.
function setRabbitMqHeaders(Context ctx, rabbitmq:BasicProperties? properties) {
    if properties is () {
        return;
    }
    string? correlationId = properties?.correlationId;
    if correlationId is string {
        ctx.headers["rabbitmq.message.correlation.id"] = correlationId;
    }
    string? replyTo = properties?.replyTo;
    if replyTo is string {
        ctx.headers["rabbitmq_reply_to"] = replyTo;
    }
    map<anydata>? headers = properties?.headers;
    if headers is () {
        return;
    }
    foreach [string, anydata] [name, value] in headers.entries() {
        if value is () || name == "INTERNAL_TRANSACTION_COUNTED" {
            continue;
        }
        string|error text = value is string ? value : value is byte[] ? string:fromBytes(value) : value.toString();
        ctx.headers[name.toLowerAscii()] = text is string ? text : value.toString();
    }
}

# The SOAP action the Micro Integrator's RabbitMQ transport gives a message a proxy receives (RabbitMQUtils.getSoapAction,
# passed to handleIncomingMessage): `String.valueOf` of its `SOAP_ACTION` header, so "null" when the message has
# headers but not that one; `fallback` (the action of the proxy's operation, "" without one) when it has no headers at all. The
# ballerinax/rabbitmq listener gives a message without headers an empty map, which is read as no headers (a message that
# carries an empty header table cannot be told apart; the Micro Integrator would give it "null").
function rabbitMqSoapAction(rabbitmq:BasicProperties? properties, string fallback) returns string {
    map<anydata>? headers = properties?.headers;
    if headers is () || headers.length() == 0 {
        return fallback;
    }
    anydata value = headers["SOAP_ACTION"];
    if value is () {
        return "null";
    }
    string|error text = value is string ? value : value is byte[] ? string:fromBytes(value) : value.toString();
    return text is string ? text : value.toString();
}

# The SOAP action the Micro Integrator's mail transport gives a mail a proxy receives (MailTransportListener.processMail,
# passed to handleIncomingMessage): its SOAPAction header as it is; without one, a subject that starts with
# `SOAPAction` gives what follows it (after a `:`, trimmed); otherwise `fallback` (the action of the proxy's operation,
# "" without one), which handleIncomingMessage leaves as ProtocolEndpoint.createMessageContext set it. The mail's
# headers must be in `ctx.headers` already.
function mailSoapAction(Context ctx, string? subject, string fallback) returns string {
    string? header = ctx.headers["soapaction"];
    if header is string {
        return header;
    }
    if subject is string && subject.startsWith("SOAPAction") {
        string rest = subject.substring("SOAPAction".length());
        return rest.startsWith(":") ? rest.substring(1).trim() : rest;
    }
    return fallback;
}

# The SOAP action the Micro Integrator's JMS transport gives a message a proxy receives (JMSMessageReceiver.processThoughEngine,
# passed to handleIncomingMessage): its `SOAPAction` JMS property read with getStringProperty (a number or boolean in
# its string form), not unquoted; without it, `fallback` (the action of the proxy's operation, "" without one), which
# handleIncomingMessage leaves as ProtocolEndpoint.createMessageContext set it. The transport reads no other property
# (not SOAPJMS_soapAction). A JMS inbound endpoint's JMSInjectHandler sets none: its message keeps "".
function jmsSoapAction(jms:Message message, string fallback) returns string {
    map<anydata>? jmsProperties = message?.properties;
    anydata value = jmsProperties is map<anydata> ? jmsProperties["SOAPAction"] : ();
    if value is () {
        return fallback;
    }
    return value is string ? value : value.toString();
}

# The transport headers the Micro Integrator's VFS listener (and FilePollingConsumer) gives a file it polls on a
# remote server (semantics §9.1), as `setFileHeaders` does for a local one: `FILE_NAME`, `FILE_PATH` (the path on the
# server), `FILE_URI`, `FILE_LENGTH` and `LAST_MODIFIED` in epoch milliseconds. `FILE_URI` is the listener's
# friendly URI, without the password the Micro Integrator's URI carries.
function setFtpFileHeaders(Context ctx, ftp:FileInfo fileInfo) {
    ctx.headers["file_name"] = fileInfo.name;
    ctx.headers["file_path"] = fileInfo.pathDecoded;
    ctx.headers["file_uri"] = fileInfo.friendlyURI;
    ctx.headers["file_length"] = fileInfo.size.toString();
    ctx.headers["last_modified"] = fileInfo.lastModifiedTimestamp.toString();
}

# Whether a file an ftp:Listener reports lies in a sub-folder of the folder it polls: the listener descends into
# sub-folders whose name matches the pattern, while the Micro Integrator's VFS listener reads the folder's own files
# only. A path that does not start with the folder is kept (not taken for a sub-folder's).
function inFtpSubFolder(string folder, string path) returns boolean {
    string prefix = folder.endsWith("/") ? folder : folder + "/";
    return path.startsWith(prefix) && path.substring(prefix.length()).includes("/");
}

# The path of a file named `name` in `folder` on an FTP/SFTP server, as Commons VFS resolves a moved file's name
# in its destination folder.
function ftpChildPath(string folder, string name) returns string => (folder.endsWith("/") ? folder : folder + "/") + name;

# What the Micro Integrator's JMS inbound endpoint takes from a message (JMSInjectHandler.invoke with
# JMSUtils.getTransportHeaders): the JMS message ID as the message ID; the `JMS_COORELATION_ID` property (the
# correlation ID, else the message ID); the `jms.message.delivery.count` property from `JMSXDeliveryCount`; and as
# transport headers the JMS headers (`JMS_MESSAGE_ID`, `JMS_COORELATION_ID`, `JMS_DELIVERY_MODE`, `JMS_DESTINATION`,
# `JMS_EXPIRATION`, `JMS_PRIORITY`, `JMS_REDELIVERED`, `JMS_REPLY_TO`, `JMS_TIMESTAMP`, `JMS_TYPE` and
# `JMS_MESSAGE_TYPE`) and every message property, each in its string form. For a proxy's JMS transport
# (`axis2Scope`), Axis2's JMSMessageReceiver puts the correlation ID and delivery count on the Axis2 message context
# instead (`$axis2:JMS_COORELATION_ID`), where `get-property` does not see them, and its JMSUtils.getTransportHeaders
# adds no `JMS_MESSAGE_TYPE` (only `JMS_TYPE`), so the request's JMS type is not passed on to what the proxy sends.
function setJmsInboundFacts(Context ctx, jms:Message message, boolean axis2Scope = false) {
    map<anydata> scope = axis2Scope ? ctx.axis2 : ctx.properties;
    string? messageId = message?.messageId;
    string? correlationId = message?.correlationId;
    if messageId is string {
        ctx.messageId = messageId;
    }
    string? correlation = correlationId is string && correlationId != "" ? correlationId : messageId;
    if correlation is string {
        scope["JMS_COORELATION_ID"] = correlation;
    }
    map<anydata>? jmsProperties = message?.properties;
    anydata deliveryCount = jmsProperties is map<anydata> ? jmsProperties["JMSXDeliveryCount"] : ();
    if deliveryCount is int {
        scope["jms.message.delivery.count"] = deliveryCount;
    }
    foreach [string, string] [name, value] in jmsTransportHeaders(message, axis2Scope).entries() {
        ctx.headers[name] = value;
    }
}

# The transport headers Axis2's JMSUtils.getTransportHeaders makes of a JMS message, under lower-case names: the JMS
# headers (`JMS_MESSAGE_ID`, `JMS_COORELATION_ID`, `JMS_DELIVERY_MODE`, `JMS_DESTINATION`, `JMS_EXPIRATION`,
# `JMS_PRIORITY`, `JMS_REDELIVERED`, `JMS_REPLY_TO`, `JMS_TIMESTAMP`, `JMS_TYPE`) and every message property, each in
# its string form; `JMS_MESSAGE_TYPE` too unless `axis2Scope` (only the inbound endpoint's JMSInjectHandler adds it).
function jmsTransportHeaders(jms:Message message, boolean axis2Scope) returns map<string> {
    map<string> headers = {};
    string? messageId = message?.messageId;
    string? correlationId = message?.correlationId;
    if messageId is string {
        headers["JMS_MESSAGE_ID"] = messageId;
    }
    if correlationId is string {
        headers["JMS_COORELATION_ID"] = correlationId;
    }
    int? deliveryMode = message?.deliveryMode;
    if deliveryMode is int {
        headers["JMS_DELIVERY_MODE"] = deliveryMode.toString();
    }
    jms:Destination? destination = message?.destination;
    string? destinationName = destination is jms:Destination ? destination?.name : ();
    if destinationName is string {
        headers["JMS_DESTINATION"] = destinationName;
    }
    jms:Destination? replyTo = message?.replyTo;
    string? replyToName = replyTo is jms:Destination ? replyTo?.name : ();
    if replyToName is string {
        headers["JMS_REPLY_TO"] = replyToName;
    }
    int? expiration = message?.expiration;
    if expiration is int {
        headers["JMS_EXPIRATION"] = expiration.toString();
    }
    int? priority = message?.priority;
    if priority is int {
        headers["JMS_PRIORITY"] = priority.toString();
    }
    boolean? redelivered = message?.redelivered;
    if redelivered is boolean {
        headers["JMS_REDELIVERED"] = redelivered.toString();
    }
    int? timestamp = message?.timestamp;
    if timestamp is int {
        headers["JMS_TIMESTAMP"] = timestamp.toString();
    }
    string? jmsType = message?.jmsType;
    if jmsType is string {
        headers["JMS_TYPE"] = jmsType;
        if !axis2Scope {
            // Only the inbound endpoint (JMSInjectHandler.invoke) adds it, and a send or answer writes it as the JMSType.
            headers["JMS_MESSAGE_TYPE"] = jmsType;
        }
    }
    map<anydata>? jmsProperties = message?.properties;
    if jmsProperties is map<anydata> {
        foreach [string, anydata] [name, value] in jmsProperties.entries() {
            headers[name] = value.toString();
        }
    }
    map<string> lowerCase = {};
    foreach [string, string] [name, value] in headers.entries() {
        lowerCase[name.toLowerAscii()] = value;
    }
    return lowerCase;
}

# A JSON property's value from its text, as PropertyMediator.buildJSONElement builds it, which never fails the flow:
# the text parsed (Gson's lenient JsonParser), else the text enclosed in quotes parsed as a JSON string, else nil
# with the error logged ("Malformed JSON payload"). Blank text is Gson's JsonNull (nil). Of Gson's leniency, what it
# reads as a string is followed: a bare word (`INV-001`, white space around it dropped) and text with no quote or
# backslash (`welcome to USA`, kept as it is); its other lenient forms (single quotes, unquoted member names,
# comments) are not parsed, so such text becomes a string here where Gson builds their value.
function lenientJson(string text) returns json {
    json|error parsed = value:fromJsonString(text);
    if parsed is json {
        return parsed;
    }
    string word = text.trim();
    if word == "" {
        return ();
    }
    boolean bare = true;
    foreach string:Char c in word {
        if "/\\;#={}[]:,\"' \t\u{0C}\r\n".includes(c) {
            bare = false;
            break;
        }
    }
    if bare {
        return word;
    }
    json|error enclosed = value:fromJsonString("\"" + text + "\"");
    if enclosed is json {
        return enclosed;
    }
    if !text.includes("\"") && !text.includes("\\") {
        return text;
    }
    log:printError(string `Malformed JSON payload : ${text}`, 'error = parsed);
    return ();
}

# A BOOLEAN property's or variable's value from an expression, as PropertyMediator.convertValue (and the variable
# mediator's Utils.convertValue) converts it with Axis2's JavaUtils.isTrueExplicitly: "true" or "yes" in any case,
# or "1"; anything else, surrounding blanks included, is false.
function isTrueExplicitly(string value) returns boolean {
    string lower = value.toLowerAscii();
    return lower == "true" || lower == "yes" || value == "1";
}

# Reads a default-scope property as Synapse's `get-property` does: a missing property reads as the
# local entry of that name when there is one (`fallback`), otherwise as "".
function getProperty(Context ctx, string name, string fallback = "") returns string {
    return propertyText(ctx.properties[name], fallback);
}

# The string a payload JSON path holds, as an MI 4.4 string function (toUpper, subString, ...) takes its argument:
# anything but a JSON string (a number, an object, a missing member) is an error, as the function fails on it.
function jsonString(Context ctx, string path) returns string|error {
    json value = check synapsePath(ctx, path);
    if value is string {
        return value;
    }
    return error(string `the value at ${path} is not a string`);
}

# The same for an MI 4.4 variable.
function variableString(Context ctx, string name) returns string|error {
    anydata value = ctx.variables[name];
    if value is string {
        return value;
    }
    return error(string `the variable '${name}' does not hold a string`);
}

# An MI 4.4 connector's response variable, as InvokeMediator.processConnectorResponse (and an enrich to a variable)
# stores it: a Java Map of the payload, the transport headers and the attributes (`statusCode`). Its members are read
# by path (`${vars.x.payload.id}`, `${vars.x.attributes.statusCode}`); the whole variable (`${vars.x}`) is nothing to
# PayloadAccessNode, which returns null for a Map, so it prints as "" (`valueText`).
type ResponseVariable record {|
    anydata payload?;
    map<json> headers?;
    map<json> attributes?;
|};

# A property, axis2 property or variable as a string, the way get-property and `${vars.x}` print it: a string
# as it is, anything else in its string form; `fallback` when it is not set or is a connector's response variable
# (`ResponseVariable`), which PayloadAccessNode reads as null.
function valueText(anydata value, string fallback = "") returns string {
    // A `ResponseVariable`, checked by its shape so that packages without connectors do not carry the type.
    if value is () || value is record {|anydata payload?; map<json> headers?; map<json> attributes?;|} {
        return fallback;
    }
    return value is string ? value : value.toString();
}

# A property as get-property prints it: XML (an enrich or xslt result, an OM property, an XML local entry) as
# SynapseXPath.stringValueOf prints the nodes the property holds (`xmlNodesText`), anything else as `valueText`.
function propertyText(anydata value, string fallback = "") returns string {
    if value is xml {
        return xmlNodesText(value);
    }
    return valueText(value, fallback);
}

# A property as an XPath function's string argument (`concat($ctx:p, 'x')`, `contains(get-property('p'), 'a')`,
# substring, string-length, ...): Jaxen's StringFunction of the object SynapseXPathVariableContext (`$ctx:`, `$axis2:`)
# or GetPropertyFunction hands it, not SynapseXPath.stringValueOf's reading of a whole expression (`propertyText`).
# XML gives the string value of its first node only (a list's first item: an element's descendant text, untrimmed; a
# text node's text; a comment's or processing instruction's text), a string itself, a boolean `true`/`false`, a number
# as XPath prints it (`xpathNumberString`: 12.0 is "12"); anything else (a JSON value, a map) is "", as Jaxen gives for
# an object it does not know. A property that is not set reads as `fallback` (get-property's local entry of that name).
function propertyXPathString(anydata value, anydata fallback = ()) returns string {
    anydata read = value is () ? fallback : value;
    if read is xml {
        foreach xml item in read {
            if item is xml:Comment {
                string comment = item.toString();
                return comment.substring(4, comment.length() - 3);
            }
            if item is xml:ProcessingInstruction {
                string instruction = item.toString();
                int? space = instruction.indexOf(" ");
                return space is () ? "" : instruction.substring(space + 1, instruction.length() - 2);
            }
            return item.data();
        }
        return "";
    }
    if read is string {
        return read;
    }
    if read is boolean {
        return read.toString();
    }
    if read is int {
        return xpathNumberString(<float>read);
    }
    if read is decimal {
        return xpathNumberString(<float>read);
    }
    if read is float {
        return xpathNumberString(read);
    }
    return "";
}

# SynapseXPath.stringValueOf over a list of nodes: one element gives its own text (its text children, nbsp read as a
# space) trimmed, or its XML when that text is blank; several nodes give each element's XML with its own text
# trimmed and each text node's text, concatenated; comments give nothing.
function xmlNodesText(xml nodes) returns string {
    if nodes is xml:Element {
        string trimmed = replaceText(nodes.getChildren().text().data(), "\u{A0}", " ").trim();
        return trimmed == "" ? nodes.toString() : trimmed;
    }
    return xpathNodesString(nodes);
}

# A makefault detail read from a property (`<detail expression="$ctx:p"/>`): FaultMediator.setFaultDetail adds each node
# of the XML the property holds (an enrich or xslt result) to the detail element, so the client gets the elements; any
# other value becomes the detail's text, as SynapseXPath.stringValueOf prints it (`propertyText`; "" when unset).
function propertyFaultDetail(anydata value) returns xml|string {
    return value is xml ? value.clone() : propertyText(value);
}

# Reads an axis2-scope property that holds data (`$axis2:name`), as a string ("" when unset).
function getAxis2Property(Context ctx, string name) returns string {
    return propertyText(ctx.axis2[name], "");
}

# Reads an operation-scope property (`get-property('operation', 'name')`), as a string ("" when unset).
function getOperationProperty(Context ctx, string name) returns string {
    return propertyText(ctx.operation[name], "");
}

# Reads an MI 4.4 variable (`${vars.name}`); a missing variable reads as "".
function getVariable(Context ctx, string name) returns string {
    return valueText(ctx.variables[name], "");
}

# Reads an HTTP header (Synapse `$trp:` / transport scope); a missing header reads as "".
function getHeader(Context ctx, string name) returns string => optionalHeader(ctx, name) ?: "";

# Reads an HTTP header as SynapseXPathVariableContext gives `$trp:name`: `()` when the message does not carry it.
function optionalHeader(Context ctx, string name) returns string? => ctx.headers[name.toLowerAscii()];

# A property as `$ctx:name` (`$axis2:`, operation scope) gives it to SynapseXPath.stringValueOf: `()` when it is not set,
# otherwise its text as `propertyText` prints it.
function optionalPropertyText(anydata value) returns string? => value is () ? () : propertyText(value);

# Reads an MI 4.4 variable inside a larger `${...}` (`${vars.x + 'a'}`, `${vars.x == ''}`): PayloadAccessNode throws
# an EvaluationException ("Variable x is not defined") for a variable that is not set, which fails the whole
# expression (SynapseExpression.evaluateExpression then logs a warning and gives ""; a condition is false).
function requiredVariable(Context ctx, string name) returns string|error {
    anydata value = ctx.variables[name];
    if value is () {
        return error(string `Variable ${name} is not defined`);
    }
    return valueText(value);
}

# Reads an HTTP header inside a larger MI 4.4 `${...}` (`${headers.x}`): HeadersAndPropertiesAccessNode throws an
# EvaluationException ("Could not fetch the value of the key: x") for a header the message does not carry.
function requiredHeader(Context ctx, string name) returns string|error {
    string? value = ctx.headers[name.toLowerAscii()];
    if value is () {
        return error(string `Could not fetch the value of the key: ${name}`);
    }
    return value;
}

# Reads a property inside a larger MI 4.4 `${...}` (`props.synapse.x`, `props.axis2.x`, `params.queryParams.x`):
# HeadersAndPropertiesAccessNode throws an EvaluationException ("Could not fetch the value of the key: x") for a
# property that is not set (EvaluationContext.getProperty reads the message's map only, no local entry).
function requiredProperty(map<anydata> properties, string name) returns string|error {
    anydata value = properties[name];
    if value is () {
        return error(string `Could not fetch the value of the key: ${name}`);
    }
    return propertyText(value);
}

# The message's SOAP action (Axis2's MessageContext.getSoapAction): the one its transport set once when the message
# arrived (`newContext`, the generated listeners), or one set since. A transport header named SOAPAction that a mediator
# sets does not change it.
function soapAction(Context ctx) returns string {
    return ctx.action;
}

# `<header name="Action" value="...">` (HeaderMediator: setWSAAction, "" for action="remove", which sets none) and a
# clone or iterate target's soapAction (Target.mediate: setSoapAction): Axis2 keeps one action in the message's
# options, so it replaces the one the request carried, the one AddressingInHandler took from a `wsa:Action` header
# block included. It is what `get-property('Action')` reads and what the backend gets as the SOAPAction header.
function setAction(Context ctx, string action) {
    ctx.action = action;
    ctx.wsaAction = ();
}

# The SOAP action the HTTP transport gives a request when it arrives: the SOAPAction header without the quotes HTTP
# clients put around it, as Axis2 stores it, or the `action` parameter of a SOAP 1.2 content type.
function httpSoapAction(Context ctx) returns string {
    string action = getHeader(ctx, "SOAPAction").trim();
    if action.length() >= 2 && action.startsWith("\"") && action.endsWith("\"") {
        return action.substring(1, action.length() - 1);
    }
    // SOAP 1.2 carries the action as the content type's `action` parameter; Axis2 reads it after the header
    // (HTTPTransportUtils.initializeMessageContext, TransportUtils.processContentTypeForAction), so it wins over
    // an unquoted SOAPAction header.
    string? actionParameter = isSoap12(ctx.contentType) ? contentTypeAction(ctx.contentType) : ();
    return actionParameter ?: action;
}

# The `action` parameter of a SOAP 1.2 content type, without its quotes, or `()` when there is none.
function contentTypeAction(string contentType) returns string? {
    foreach string part in re `;`.split(contentType) {
        string setting = part.trim();
        if setting.toLowerAscii().startsWith("action=") {
            string value = setting.substring(7).trim();
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }
    }
    return ();
}

# The SOAP 1.1 envelope namespace.
const SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";

# The SOAP 1.2 envelope namespace.
const SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

# How the Micro Integrator builds and writes a body, chosen by its content type (its message builders and
# formatters, semantics §1.5): JSON, a SOAP envelope, plain XML, text, form data, or bytes.
type BodyFormat "json"|"soap"|"xml"|"text"|"form"|"binary";

# Synapse's axis2 `messageType`: the message's content type without its parameters (`; charset=...`), as
# Axis2's TransportUtils.getContentType keeps it for a request and SynapseCallbackReceiver for a response.
function messageType(Context ctx) returns string => mediaTypeOf(ctx.contentType);

# The media type of a content type: the text before its parameters, trimmed (case kept).
function mediaTypeOf(string contentType) returns string {
    int? semicolon = contentType.indexOf(";");
    return (semicolon is int ? contentType.substring(0, semicolon) : contentType).trim();
}

# The body format of a content type: application/json is JSON; text/xml (SOAP 1.1) and
# application/soap+xml (SOAP 1.2) are SOAP; application/xml is plain XML; text/plain is text;
# application/x-www-form-urlencoded is form data (the MI's axis2.xml maps it to Synapse's XFormURLEncodedBuilder and
# XFormURLEncodedFormatter); anything else is bytes, but for multipart/form-data (`isMultipartFormData`), which is
# built (`multipartPayload`) and written (`multipartFormData`) as Axis2's MultipartFormDataBuilder and
# MultipartFormDataFormatter do.
function bodyFormat(string contentType) returns BodyFormat {
    string mediaType = mediaTypeOf(contentType).toLowerAscii();
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
        "application/x-www-form-urlencoded" => {
            return "form";
        }
    }
    return "binary";
}

# The payload in its own format, parsing a received body on first use by the content type it came with:
# JSON, XML (a SOAP envelope stays whole), text in Synapse's `<text>` element and other bytes in its
# `<binary>` element (base64), as Synapse's builders do (semantics §1.2, §1.7). `()` is an empty body.
function parsedPayload(Context ctx) returns json|xml|error {
    json|xml|ReceivedBody payload = ctx.payload;
    // Positive narrowing only: a negative ReceivedBody test does not narrow a union holding json (type narrowing's
    // read-only difference keeps a mutable part), and a ReceivedBody value never belongs to json|xml.
    if payload is json|xml {
        return payload;
    }
    ReceivedBody body = <ReceivedBody>payload;
    boolean form = bodyFormat(body.contentType) == "form";
    if body.parsed is () && (body.bytes.length() > 0 || form) {
        // Form data is built with the parameters of the request's query (`formPayload`), even without a body.
        body.parsed = form ? check formPayload(body.bytes, ctx.to, ctx.operationName)
            : isMultipartFormData(body.contentType) ? check multipartPayload(body.bytes, body.contentType, ctx.operationName)
            : check parseBody(body.bytes, body.contentType);
        takeAddressingTo(ctx, body.parsed);
    }
    return body.parsed;
}

# The payload as it stands without parsing a received body: its parsed value when a step has read it (`()` until
# then), otherwise the payload itself. Tested positively, as `parsedPayload` is.
function receivedOrCurrent(json|xml|ReceivedBody payload) returns json|xml =>
    payload is json|xml ? payload : (<ReceivedBody>payload).parsed;

# The WS-Addressing 2005/08 (final) namespace.
const WSA_NS = "http://www.w3.org/2005/08/addressing";

# The WS-Addressing 2004/08 (member submission) namespace.
const WSA_SUBMISSION_NS = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

// It only sets the context's addressing fields: a package that reads none of them (in its own code or through
// the helpers below) gets neither it nor its call in `parsedPayload`, as what it would set is never seen.
// Kept only with: addressingAddress, addressingAction, messageAction, urlParam, defaultFaultLog, callAddress, anonymousTo, rewriteUrl, storedMessageText, forwardAttemptAddress, dataServiceNoOperation, dataServiceRequestValues, cacheLookup, operationNotFound, setOperationNotFoundFault, transportOperation, operationNotFoundReason, ctx.to, ctx.replyTo, ctx.faultTo, ctx.wsaAction, ctx.addressingFault
# When the Micro Integrator builds a received message (RelayUtils.buildMessage, its `processAddressing`), it runs
# Axis2's AddressingInHandler, engaged in its axis2.xml: the `To` header block of the envelope becomes the message's
# To address, replacing the one it had (the request path, or what a `header To` set). The handler reads the 2005/08
# namespace when the header has a block of it, otherwise the 2004/08 one. Here a body is built when a step first
# reads it, and by a default endpoint (`callAddress` with `build`), as DefaultEndpoint.send builds it.
# The same handler reads the `ReplyTo` and `FaultTo` endpoint references: the text of their `Address` child
# (EndpointReferenceHelper.fromOM: the last 2005/08 `Address`, else the last 2004/08 one). Without a `ReplyTo`
# block, the ReplyTo is the anonymous address (2005/08) or the none address (2004/08), as its setDefaults gives.
# What the handler refuses with a fault (a repeated To, Action, MessageID, ReplyTo, FaultTo or From; no or an
# empty Action; for 2004/08 no To, or a ReplyTo or FaultTo without a MessageID; an endpoint reference without an
# Address of the namespace in effect) is recorded in `addressingFault`: reading ReplyTo or FaultTo then fails.
function takeAddressingTo(Context ctx, json|xml message) {
    if message !is xml {
        return;
    }
    xml:Element? header = envelopePart(message, "Header");
    if header is () {
        return;
    }
    foreach string uri in [WSA_NS, WSA_SUBMISSION_NS] {
        map<xml:Element[]> blocks = {};
        foreach xml:Element block in header.getChildren().elements() {
            string name = block.getName();
            if name.startsWith("{" + uri + "}") {
                string suffix = name.substring(uri.length() + 2);
                xml:Element[] named = blocks[suffix] ?: [];
                named.push(block);
                blocks[suffix] = named;
            }
        }
        if blocks.length() == 0 {
            continue;
        }
        xml:Element[]? toBlocks = blocks["To"];
        if toBlocks is xml:Element[] {
            ctx.to = toBlocks[0].data();
        }
        string? fault = ();
        foreach string headerName in ["To", "Action", "MessageID", "ReplyTo", "FaultTo", "From"] {
            xml:Element[]? named = blocks[headerName];
            if fault is () && named is xml:Element[] && named.length() > 1 {
                fault = string `the message has more than one wsa:${headerName} header`;
            }
        }
        // EndpointReferenceHelper.fromOM: the text children of the last Address of the namespace found first.
        var eprAddress = function (xml:Element[]? epr) returns string?|error {
            if epr is () || epr.length() != 1 {
                return ();
            }
            foreach string addressUri in [WSA_NS, WSA_SUBMISSION_NS] {
                xml<xml:Element> addresses = epr[0].getChildren().elements("{" + addressUri + "}Address");
                if addresses.length() > 0 {
                    if addressUri != uri {
                        return error(string `the wsa:${epr[0].getName().substring(uri.length() + 2)} header has an Address of another WS-Addressing namespace`);
                    }
                    string text = "";
                    foreach xml item in addresses.get(addresses.length() - 1).getChildren() {
                        if item is xml:Text {
                            text += item.data();
                        }
                    }
                    return text;
                }
            }
            return error(string `the wsa:${epr[0].getName().substring(uri.length() + 2)} header has no Address`);
        };
        string?|error replyTo = eprAddress(blocks["ReplyTo"]);
        if replyTo is string {
            ctx.replyTo = replyTo;
        } else if !blocks.hasKey("ReplyTo") {
            ctx.replyTo = uri == WSA_NS ? "http://www.w3.org/2005/08/addressing/anonymous" : "http://www.w3.org/2005/08/addressing/none";
        } else if replyTo is error && fault is () {
            fault = replyTo.message();
        }
        string?|error faultTo = eprAddress(blocks["FaultTo"]);
        if faultTo is string {
            ctx.faultTo = faultTo;
        } else if faultTo is error && fault is () {
            fault = faultTo.message();
        }
        xml:Element[]? actions = blocks["Action"];
        if actions is xml:Element[] && actions.length() == 1 {
            ctx.wsaAction = actions[0].data();
        }
        if fault is () && actions is xml:Element[] && actions.length() == 1 && actions[0].data().trim() == "" {
            fault = "the wsa:Action header is empty";
        }
        if fault is () && !blocks.hasKey("Action") {
            fault = "the message has WS-Addressing headers but no wsa:Action";
        }
        if fault is () && uri == WSA_SUBMISSION_NS && !blocks.hasKey("To") {
            fault = "the message has WS-Addressing headers but no wsa:To";
        }
        if fault is () && uri == WSA_SUBMISSION_NS && (blocks.hasKey("ReplyTo") || blocks.hasKey("FaultTo")) && !blocks.hasKey("MessageID") {
            fault = "the message has a wsa:ReplyTo or wsa:FaultTo but no wsa:MessageID";
        }
        ctx.addressingFault = fault;
        return;
    }
}

# The WS-Addressing ReplyTo or FaultTo address of the message (`get-property('ReplyTo')`, `get-property('FaultTo')`);
# an error when Axis2 refused the message's WS-Addressing headers (`addressingFault`), as building it fails there.
function addressingAddress(Context ctx, string address) returns string|error {
    string? fault = ctx.addressingFault;
    if fault is string {
        return error(fault);
    }
    return address;
}

# Synapse's `Action` (`get-property('Action')`, MessageContext.getWSAAction): Axis2 keeps one action in the message's
# options. The transport sets it to the SOAP action (`soapAction`); when the message is built, AddressingInHandler
# sets it to the text of the `wsa:Action` header block if that SOAP action is empty (an equal one stays; a different
# one makes Axis2 refuse a request with an ActionMismatch fault, which is not checked here). An error when Axis2
# refused the message's WS-Addressing headers (`addressingFault`), as building it fails there.
function addressingAction(Context ctx) returns string|error {
    string? fault = ctx.addressingFault;
    if fault is string {
        return error(fault);
    }
    return messageAction(ctx);
}

# The one action Axis2 keeps in a message's options (`addressingAction` without the check of its WS-Addressing headers):
# the SOAP action (`soapAction`), else the text of the `wsa:Action` header block, else "".
function messageAction(Context ctx) returns string {
    string action = soapAction(ctx);
    return action == "" ? ctx.wsaAction ?: "" : action;
}

# Synapse's MESSAGE_FORMAT (`get-property('MESSAGE_FORMAT')`, GetPropertyFunction) of a request an HTTP client
# sent: "pox" when Axis2 took it for REST (`restRequest`; isDoingPOX is isDoingREST and is tested first, so "get"
# never comes out), else "soap11" or "soap12" by the version of the message's SOAP envelope (the client's until a
# step replaces the envelope). A backend's response (`backendResponse`, in the Axis2 message context made for it,
# whatever its direction) is not modelled (Axis2 marks it REST when the request the endpoint sent was, which the
# endpoint's format decides), nor a message no HTTP client sent (a task's, an inbound endpoint's): both fail rather
# than guess.
function messageFormat(Context ctx) returns string|error {
    if ctx.backendResponse || (!ctx.restRequest && ctx.clientSoap is ()) {
        return error("MESSAGE_FORMAT is translated for a request an HTTP client sent only");
    }
    if ctx.restRequest {
        return "pox";
    }
    json|xml current = receivedOrCurrent(ctx.payload);
    string? version = current is xml ? soapVersion(current) : ();
    if version is string {
        return version == SOAP11_NS ? "soap11" : "soap12";
    }
    return ctx.clientSoap == "soap12" ? "soap12" : "soap11";
}

# Before a non-blocking send through an endpoint, Synapse's Axis2FlexibleMEPClient (cloneForSend) removes the message's
# WS-Addressing header blocks (MessageHelper.removeAddressingHeaders: those of the 2004/08 namespace, or when there are
# none, those of the 2005/08 one) unless its PRESERVE_WS_ADDRESSING property is "true" (in any case, as
# Boolean.parseBoolean reads it). The envelope is the message's own, so the message keeps them removed. Only a built
# message (a body a step has read or replaced) is edited: one never read goes out as received, addressing headers
# included, as the pass-through transport relays an unbuilt message's bytes.
function removeAddressingHeaders(Context ctx) {
    anydata preserve = ctx.properties["PRESERVE_WS_ADDRESSING"];
    if preserve is string && preserve.toLowerAscii() == "true" {
        return;
    }
    json|xml message = receivedOrCurrent(ctx.payload);
    if message !is xml {
        return;
    }
    xml:Element? header = envelopePart(message, "Header");
    if header is () {
        return;
    }
    foreach string uri in [WSA_SUBMISSION_NS, WSA_NS] {
        xml kept = xml ``;
        boolean removed = false;
        foreach xml child in header.getChildren() {
            if child is xml:Element && child.getName().startsWith("{" + uri + "}") {
                removed = true;
            } else {
                kept += child;
            }
        }
        if removed {
            header.setChildren(kept);
            // The edited envelope goes out, not the bytes as received.
            ctx.payload = message;
            return;
        }
    }
}

# Whether a content type is multipart/form-data, which the Micro Integrator's axis2.xml gives its own builder and
# formatter (MultipartFormDataBuilder, MultipartFormDataFormatter), not the binary ones of other bytes.
function isMultipartFormData(string contentType) returns boolean =>
    mediaTypeOf(contentType).toLowerAscii() == "multipart/form-data";

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
        "form" => {
            return formPayload(bytes, "", "mediate");
        }
    }
    if isMultipartFormData(contentType) {
        return multipartPayload(bytes, contentType, "mediate");
    }
    string encoded = bytes.toBase64();
    return xml `<binary xmlns="http://ws.apache.org/commons/ns/payload">${encoded}</binary>`;
}

# Form data as the Micro Integrator builds it (synapse-commons XFormURLEncodedBuilder, through Axis2's
# BuilderUtil.buildsoapMessage): the body's first element is named after the Axis2 operation the request was dispatched
# to, and XFormURLEncodedBuilder.processDocument renames a `mediate` one (an API's, a proxy service's without a WSDL,
# and the one a listener's message is built with before Axis2 dispatches it to an operation of the proxy's WSDL) to
# `xformValues`, the name it also gives a POST built without an operation; it holds one unqualified element per value. The parameters of the To address's query
# (the whole address when it has no `?`) come first: each `name=value` part (split at `&`, a name of at least one
# character; others skipped), the value URL-decoded. Then the body, line by line, each line split at `&` as Java's
# String.split does (trailing empty parts dropped): each part must hold a `=` (else the build fails, a
# StringIndexOutOfBoundsException in the MI), the name as written, the value URL-decoded (Axis2's
# URIEncoderDecoder: `%XX` sequences as UTF-8, a `+` stays a `+`, an incomplete or invalid `%` sequence fails the
# build). A name starting with a digit gets the prefix `_JsonReader_PD_`, one starting with `$` has it replaced by
# `_JsonReader_PS_` (XFormURLEncodedFormatter takes both out again). The values of a name follow each other in the
# order they came; the names come in the order Axis2's MultipleEntryHashMap (a java.util.Hashtable of initial capacity
# 1) iterates them (`hashtableKeyOrder`). Differs: the MI builds a SOAP 1.2 envelope around it (the body format here
# is plain XML in the default envelope); a proxy whose WSDL gives the operation an input schema element gets that
# element and the schema's order of children in the MI, not reproduced; a name that is not an XML name gives an
# element the MI could not write out, and an empty name fails here.
function formPayload(byte[] bytes, string to, string operation) returns xml|error {
    string[] names = [];
    map<string[]> values = {};
    int? question = to.indexOf("?");
    string query = question is int ? to.substring(question + 1) : to;
    if query != "" {
        foreach json item in check javaSplit(query, "&") {
            string pair = item.toString();
            int? separator = pair.indexOf("=");
            if separator is int && separator > 0 {
                formParameter(names, values, pair.substring(0, separator), check urlDecodeText(pair.substring(separator + 1), plusAsSpace = false));
            }
        }
    }
    foreach string line in readerLines(check string:fromBytes(bytes)) {
        foreach json item in check javaSplit(line, "&") {
            string part = item.toString();
            int? separator = part.indexOf("=");
            if separator is () {
                return error(string `the form parameter '${part}' has no '=' (the Micro Integrator fails to build the message: begin 0, end -1)`);
            }
            if separator == 0 {
                return error(string `the form parameter '${part}' has an empty name, an element the Micro Integrator cannot write: not reproduced`);
            }
            formParameter(names, values, part.substring(0, separator), check urlDecodeText(part.substring(separator + 1), plusAsSpace = false));
        }
    }
    xml children = xml ``;
    foreach string name in hashtableKeyOrder(names) {
        foreach string value in values.get(name) {
            children += xml:createElement(name, {}, xml:createText(value));
        }
    }
    return xml:createElement(operation == "mediate" ? "xformValues" : operation, {}, children);
}

# Adds a form value under its name as XFormURLEncodedBuilder.replaceInvalidCharacters writes it, keeping the names in
# the order they first came (`names`).
function formParameter(string[] names, map<string[]> values, string name, string value) {
    string key = name != "" && "0123456789".indexOf(name[0]) is int ? "_JsonReader_PD_" + name
        : name.startsWith("$") ? "_JsonReader_PS_" + name.substring(1) : name;
    string[]? known = values[key];
    if known is string[] {
        known.push(value);
    } else {
        names.push(key);
        values[key] = [value];
    }
}

# multipart/form-data as the Micro Integrator builds it: the builder its axis2.xml registers for the media type is
# Axis2's MultipartFormDataBuilder (the config tool's `message_builders.multipart_form_data`; wso2-axis2
# 1.6.1-wso2v102, the MI's `axis2.wso2.version`). Its processDocument reads the parts with commons-fileupload (a part
# whose Content-Disposition is not `form-data` with a `name` is skipped) into a MultipleEntryHashMap, which keeps the
# field names in the order they first came (a LinkedHashMap) and the values of one name together, in their order;
# BuilderUtil.buildsoapMessage (createSOAPMessageWithoutSchema, addRequestParameter) then writes one unqualified element
# per value under an element named after the Axis2 operation (`mediate` for an API or a proxy service without a WSDL). A form field (no `filename` parameter) is its
# text (getTextParameter), decoded in the charset of the part's Content-Type, else the message's
# (CHARACTER_SET_ENCODING: the request's charset, UTF-8 without one, ServerWorker.processEntityEnclosingRequest), with
# a `charset` attribute naming that charset and a `content-type` attribute when the part has a Content-Type header. A
# file (a `filename` parameter, even empty: getFileParameter) is the binary text of its DataHandler, which XPath and
# the log read as base64, with a `filename` attribute and a `content-type` attribute (the part's Content-Type, else
# `text/plain`). Differs: a nested multipart/mixed part is one file here, where commons-fileupload reads its parts;
# a header value in RFC 2047 encoded words is kept as it is; a field name that is no XML name fails; a charset other
# than UTF-8, ISO-8859-1 and US-ASCII fails the message (`fileText`).
function multipartPayload(byte[] bytes, string contentType, string operation) returns xml|error {
    string? boundary = headerParameter(contentType, "boundary");
    if boundary is () || boundary == "" {
        return error("the multipart/form-data request has no boundary: the Micro Integrator's MultipartFormDataBuilder fails to build it (FileUploadException)");
    }
    string messageCharset = contentTypeCharset(contentType) ?: "UTF-8";
    // Every delimiter but the first follows a line end: put one before the body so that all are found alike.
    byte[] data = [13, 10];
    data.push(...bytes);
    byte[] delimiter = [13, 10];
    delimiter.push(...("--" + boundary).toBytes());
    string[] names = [];
    map<xml[]> fields = {};
    int? at = indexOfBytes(data, delimiter, 0);
    if at is () {
        return error("the multipart/form-data request holds no part boundary: the Micro Integrator's MultipartFormDataBuilder fails to build it (FileUploadException)");
    }
    while at is int {
        int after = at + delimiter.length();
        if after + 1 < data.length() && data[after] == 45 && data[after + 1] == 45 {
            break;
        }
        int? lineEnd = indexOfBytes(data, [13, 10], after);
        if lineEnd is () {
            return error("the multipart/form-data request ends inside a part: the Micro Integrator's MultipartFormDataBuilder fails to build it (FileUploadException)");
        }
        int? next = indexOfBytes(data, delimiter, lineEnd);
        if next is () {
            return error("the multipart/form-data request ends inside a part: the Micro Integrator's MultipartFormDataBuilder fails to build it (FileUploadException)");
        }
        byte[] part = data.slice(lineEnd + 2, next);
        int? headerEnd = part.length() >= 2 && part[0] == 13 && part[1] == 10 ? -2 : indexOfBytes(part, [13, 10, 13, 10], 0);
        if headerEnd is () {
            return error("the multipart/form-data request has a part without the end of its headers: the Micro Integrator's MultipartFormDataBuilder fails to build it (FileUploadException)");
        }
        map<string> headers = {};
        if headerEnd > 0 {
            foreach string line in re `\r\n`.split(check string:fromCodePointInts(part.slice(0, headerEnd))) {
                int? colon = line.indexOf(":");
                if colon is int && !headers.hasKey(line.substring(0, colon).trim().toLowerAscii()) {
                    headers[line.substring(0, colon).trim().toLowerAscii()] = line.substring(colon + 1).trim();
                }
            }
        }
        byte[] content = part.slice(headerEnd + 4);
        string disposition = headers["content-disposition"] ?: "";
        string? name = disposition.toLowerAscii().startsWith("form-data") ? headerParameter(disposition, "name") : ();
        if name is string {
            string? fileName = headerParameter(disposition, "filename");
            string? partType = headers["content-type"];
            xml:Element element;
            if fileName is () {
                string charset = (partType is string ? contentTypeCharset(partType) : ()) ?: messageCharset;
                map<string> attributes = {"charset": charset};
                if partType is string {
                    attributes["content-type"] = partType;
                }
                element = xml:createElement(name, attributes, xml:createText(check fileText(content, "text/plain; charset=" + charset, false)));
            } else {
                element = xml:createElement(name, {"filename": fileName, "content-type": partType ?: "text/plain"}, xml:createText(content.toBase64()));
            }
            xml[]? known = fields[name];
            if known is xml[] {
                known.push(element);
            } else {
                names.push(name);
                fields[name] = [element];
            }
        }
        at = next;
    }
    xml children = xml ``;
    foreach string name in names {
        foreach xml element in fields.get(name) {
            children += element;
        }
    }
    return xml:createElement(operation, {}, children);
}

# The value of the parameter `name` of a header value (`form-data; name="a"; filename="b.txt"`, a content type's
# `boundary`): the text after `name=` up to the next `;` outside quotes, trimmed, its quotes taken off; `()` when
# there is none. The parameter name is matched without case, and a quoted value may hold a `;`
# (`filename="a;b.txt"`), as commons-fileupload's ParameterParser reads them.
function headerParameter(string header, string name) returns string? {
    string[] parts = [];
    string current = "";
    boolean quoted = false;
    foreach string:Char c in header {
        if c == "\"" {
            quoted = !quoted;
        }
        if c == ";" && !quoted {
            parts.push(current);
            current = "";
        } else {
            current += c;
        }
    }
    parts.push(current);
    foreach string part in parts.slice(1) {
        string setting = part.trim();
        int? separator = setting.indexOf("=");
        if separator is int && setting.substring(0, separator).trim().toLowerAscii() == name {
            string value = setting.substring(separator + 1).trim();
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }
    }
    return ();
}

# Where `target` first occurs in `data` at or after `from`, or `()`.
function indexOfBytes(byte[] data, byte[] target, int 'from) returns int? {
    int last = data.length() - target.length();
    int i = 'from;
    while i <= last {
        int j = 0;
        while j < target.length() && data[i + j] == target[j] {
            j += 1;
        }
        if j == target.length() {
            return i;
        }
        i += 1;
    }
    return ();
}

# A message whose messageType is multipart/form-data as the Micro Integrator writes it: Axis2's
# MultipartFormDataFormatter (the config tool's `message_formatters.multipart_form_data`; wso2-axis2 1.6.1-wso2v102,
# the MI's `axis2.wso2.version`) makes one part of each child element of the body's first element
# (createMultipatFormDataRequest), written as commons-httpclient's Part.sendParts writes them: `--boundary`, a
# `Content-Disposition: form-data; name="..."` header (`; filename="..."` for a file), `Content-Type: ...; charset=...`,
# `Content-Transfer-Encoding: ...` (8bit for text and XML, binary for a file), an empty line, the data and a line end;
# `--boundary--` after the last. An element with child elements is an XML part (ComplexPart: `application/xml`,
# US-ASCII) of a copy of it without attributes (processComplexType). A `{http://org.apache.axis2/xsd/form-data}file`
# element is a file (FilePart) of its base64-decoded text, named by its `name` attribute (`file` without one), with its
# `filename` (`esb-generated-file`), `content-type` (`text/plain`) and `charset` (ISO-8859-1) attributes. Any other
# element with a `filename` attribute (a file the builder read) is a file named after the element (or its `name`
# attribute): the bytes of its text as they are, so the base64 text of a received file, unless the axis2 property
# DECODE_MULTIPART_DATA is true, which decodes them; its charset is the one in its `content-type` attribute (taken out
# of it with every `;`), else its `charset` attribute, else ISO-8859-1. Any other element is a text part (StringPart)
# of its text, `text/plain` or its `content-type` attribute, in its `charset` attribute, else the message's
# CHARACTER_SET_ENCODING (`jmsFormatterCharset`, which the Micro Integrator sets on every HTTP request it reads).
# Differs: the boundary is `MIMEBoundary_` and a random UUID's hex digits, where Axiom draws other random digits; a
# prefixed element's text part is named without its prefix; a charset other than UTF-8, ISO-8859-1 and US-ASCII fails
# the message.
function multipartFormData(Context ctx, xml content) returns byte[]|error {
    string boundary = "MIMEBoundary_" + re `-`.replaceAll(uuid:createType4AsString(), "");
    byte[] out = [];
    xml first = content.elements();
    if first.length() == 0 {
        return out;
    }
    foreach xml child in (<xml:Element>first[0]).children().elements() {
        xml:Element element = <xml:Element>child;
        map<string> attributes = element.getAttributes();
        string local = localName(element.getName());
        string disposition;
        string partType;
        string charset;
        string transferEncoding = "binary";
        byte[] data;
        if element.children().elements().length() > 0 {
            disposition = string `name="${local}"`;
            partType = "application/xml";
            charset = "US-ASCII";
            transferEncoding = "8bit";
            data = charsetBytes(complexPartCopy(element).toString(), "US-ASCII");
        } else if element.getName() == "{http://org.apache.axis2/xsd/form-data}file" {
            disposition = string `name="${attributes["name"] ?: "file"}"; filename="${attributes["filename"] ?: "esb-generated-file"}"`;
            partType = attributes["content-type"] ?: "text/plain";
            charset = attributes["charset"] ?: "ISO-8859-1";
            data = check array:fromBase64(re `\s`.replaceAll(element.data(), ""));
        } else if attributes.hasKey("filename") {
            partType = attributes["content-type"] ?: "text/plain";
            string? typeCharset = contentTypeCharset(partType);
            if typeCharset is string && typeCharset != "" {
                // The charset parameter is taken out, then every `;` (Java's String.replace of both).
                partType = replaceText(replaceText(partType, "charset=" + typeCharset, ""), ";", "");
                charset = typeCharset;
            } else {
                charset = attributes["charset"] ?: "ISO-8859-1";
            }
            disposition = string `name="${attributes["name"] ?: local}"; filename="${attributes.get("filename")}"`;
            anydata decode = ctx.axis2["DECODE_MULTIPART_DATA"];
            if !(decode is ()|boolean) {
                // The formatter casts the property to a Boolean: any other value fails the send (ClassCastException).
                return error(string `the axis2 property DECODE_MULTIPART_DATA is not a boolean (${decode.toString()}): MultipartFormDataFormatter casts it to a Boolean`);
            }
            data = decode == true ? check array:fromBase64(re `\s`.replaceAll(element.data(), "")) : element.data().toBytes();
        } else {
            disposition = string `name="${local}"`;
            partType = attributes["content-type"] ?: "text/plain";
            charset = attributes["charset"] ?: jmsFormatterCharset(ctx);
            transferEncoding = "8bit";
            string upper = charset.toUpperAscii();
            if upper is "UTF-8"|"US-ASCII"|"ISO-8859-1" {
                data = charsetBytes(element.data(), upper);
            } else {
                return error(string `the multipart/form-data field ${local} is in the charset ${charset}, not one the generated code writes (UTF-8, ISO-8859-1, US-ASCII)`);
            }
        }
        string crlf = "\r\n";
        out.push(...string `--${boundary}${crlf}Content-Disposition: form-data; ${disposition}${crlf}Content-Type: ${partType}; charset=${charset}${crlf}Content-Transfer-Encoding: ${transferEncoding}${crlf}${crlf}`.toBytes());
        out.push(...data);
        out.push(13, 10);
    }
    if out.length() == 0 {
        // MultipartFormDataFormatter.getBytes writes nothing when there is no part.
        return out;
    }
    out.push(...string `--${boundary}--${"\r\n"}`.toBytes());
    return out;
}

# The content type of a multipart/form-data message's body `body` (`entityBody`). Bytes that go out as they came keep
# the content type they came with (its boundary: the message's, else the received body's). Otherwise it is the one
# MultipartFormDataFormatter.getContentType gives the body `multipartFormData` wrote, which the pass-through transport
# sends whatever Content-Type the message carries (PassThroughHttpSender.setContentType and TargetRequestFactory leave
# multipart/form-data to the formatter): `multipart/form-data`, `; charset=` and the message's charset unless the
# axis2 property setCharacterEncoding is "false" in any case (equalsIgnoreCase), then `; boundary=` and the boundary
# the body starts with.
function multipartFormDataType(Context ctx, byte[] body) returns string {
    json|xml|ReceivedBody payload = ctx.payload;
    if payload is ReceivedBody && payload.parsed is () {
        return headerParameter(ctx.contentType, "boundary") is string || !isMultipartFormData(payload.contentType) ? ctx.contentType : payload.contentType;
    }
    string contentType = "multipart/form-data";
    anydata setEncoding = ctx.axis2["setCharacterEncoding"];
    if !(setEncoding is string && setEncoding.toLowerAscii() == "false") {
        contentType += "; charset=" + jmsFormatterCharset(ctx);
    }
    int? lineEnd = indexOfBytes(body, [13, 10], 0);
    string|error first = string:fromBytes(body.slice(0, lineEnd ?: 0));
    string boundary = first is string && first.startsWith("--") ? first.substring(2) : "MIMEBoundary_" + re `-`.replaceAll(uuid:createType4AsString(), "");
    return contentType + "; boundary=" + boundary;
}

# The copy MultipartFormDataFormatter.processComplexType makes of an element with child elements: its name and
# namespace, its child elements copied alike, the text of a leaf, no attributes.
function complexPartCopy(xml:Element element) returns xml:Element {
    xml children = xml ``;
    foreach xml child in element.children().elements() {
        xml:Element inner = <xml:Element>child;
        children += inner.children().elements().length() > 0 ? complexPartCopy(inner)
            : xml:createElement(inner.getName(), {}, xml:createText(inner.data()));
    }
    return xml:createElement(element.getName(), {}, children);
}

# The lines Java's BufferedReader.readLine gives: ended by `\n`, `\r` or `\r\n`, the last one only when it is not
# empty (no line after a final line end, none for empty text).
function readerLines(string text) returns string[] {
    string[] lines = [];
    int lineStart = 0;
    int i = 0;
    while i < text.length() {
        string c = text[i];
        if c == "\n" || c == "\r" {
            lines.push(text.substring(lineStart, i));
            i += c == "\r" && i + 1 < text.length() && text[i + 1] == "\n" ? 2 : 1;
            lineStart = i;
        } else {
            i += 1;
        }
    }
    if lineStart < text.length() {
        lines.push(text.substring(lineStart));
    }
    return lines;
}

# Java's String.hashCode: the UTF-16 code units, h = 31 * h + unit, in 32 bits (kept unsigned here).
function javaStringHash(string text) returns int {
    int hash = 0;
    foreach int c in text.toCodePointInts() {
        int[] units = c > 0xFFFF ? [0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF)] : [c];
        foreach int unit in units {
            hash = (hash * 31 + unit) & 0xFFFFFFFF;
        }
    }
    return hash;
}

# The order java.util.Hashtable(1) iterates `keys`, put in that order (each once): each put first grows the table when
# it holds its threshold of keys (capacity 2n+1, threshold (int)(capacity * 0.75f), the old buckets moved from the last
# to the first, each chain from its head, every key put at the head of its new bucket's chain), then puts the key at
# the head of bucket (hash & 0x7FFFFFFF) % capacity; its enumerator walks the buckets from the last to the first, each
# chain from its head.
function hashtableKeyOrder(string[] keys) returns string[] {
    string[][] buckets = [[]];
    int threshold = 0;
    int count = 0;
    foreach string key in keys {
        if count >= threshold {
            int capacity = buckets.length() * 2 + 1;
            string[][] grown = [];
            foreach int _ in 0 ..< capacity {
                grown.push([]);
            }
            int bucket = buckets.length();
            while bucket > 0 {
                bucket -= 1;
                foreach string moved in buckets[bucket] {
                    grown[(javaStringHash(moved) & 0x7FFFFFFF) % capacity].unshift(moved);
                }
            }
            buckets = grown;
            threshold = capacity * 3 / 4;
        }
        buckets[(javaStringHash(key) & 0x7FFFFFFF) % buckets.length()].unshift(key);
        count += 1;
    }
    string[] ordered = [];
    int bucket = buckets.length();
    while bucket > 0 {
        bucket -= 1;
        ordered.push(...buckets[bucket]);
    }
    return ordered;
}

# Form data as Synapse's XFormURLEncodedFormatter writes it: `name=value` for each child element of the body's first
# element (its local name as it is, its text children's text URL-encoded as Java's URLEncoder does in UTF-8, a space
# as `%20`), joined by `&`, then `_JsonReader_PD_` taken out and `_JsonReader_PS_` written `$` anywhere in the result
# (the builder's prefixes). No first element: no bytes.
function formEncoded(xml content) returns byte[] {
    xml<xml:Element> roots = content.elements();
    if roots.length() == 0 {
        return [];
    }
    string[] fields = [];
    foreach xml:Element child in roots.get(0).getChildren().elements() {
        string text = "";
        foreach xml item in child.getChildren() {
            if item is xml:Text {
                text += item.data();
            }
        }
        string part = localName(child.getName()) + "=" + replaceText(urlEncodeJava(text, "UTF-8"), "+", "%20");
        fields.push(replaceText(replaceText(part, "_JsonReader_PD_", ""), "_JsonReader_PS_", "$"));
    }
    return string:'join("&", ...fields).toBytes();
}

# The path an endpoint with `format="get"` sends to: `path` after the client's URL `url`, with the message's payload as
# the URL's query, as the Micro Integrator sends it: Axis2FlexibleMEPClient (BlockingMsgSenderUtils for a blocking
# send) sets HTTP_METHOD GET and the message type application/x-www-form-urlencoded, and the sender asks that
# formatter for the target URL (XFormURLEncodedFormatter.getTargetAddress, URLTemplatingUtil.appendQueryParameters):
# `name=value` for each child element of the body's first element, its local name as it is and its text children's
# text URL-encoded as Java's URLEncoder does in UTF-8 (a space as `%20`), joined by `&`; then added after a `?` when
# the URL has none, right after it when the URL ends with `?`, else after a `&`. Nested elements give only their own
# text; the `_JsonReader_` prefixes stay (only the formatter's body writer drops them). No first element, or one
# without child elements: the path as it is. The endpoint is content-aware, so the message is built (AbstractEndpoint).
function formGetPath(Context ctx, string url, string path) returns string|error {
    xml<xml:Element> roots = (check bodyFirstElement(ctx)).elements();
    if roots.length() == 0 {
        return path;
    }
    string[] fields = [];
    foreach xml:Element child in roots.get(0).getChildren().elements() {
        string text = "";
        foreach xml item in child.getChildren() {
            if item is xml:Text {
                text += item.data();
            }
        }
        fields.push(localName(child.getName()) + "=" + replaceText(urlEncodeJava(text, "UTF-8"), "+", "%20"));
    }
    if fields.length() == 0 {
        return path;
    }
    string target = url + path;
    int? question = target.indexOf("?");
    string separator = question is () ? "?" : question == target.length() - 1 ? "" : "&";
    return path + separator + string:'join("&", ...fields);
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

# The SOAP body when the message's envelope is in the SOAP namespace `uri`, else an empty sequence: a path written
# `//soapenv:Body/...` matches the envelope's namespace exactly (Jaxen), so it finds nothing in a message of the
# other SOAP version. A message that is not an envelope counts as SOAP 1.2 when its content type is SOAP 1.2's (a
# task's message, held without its envelope) and as SOAP 1.1 otherwise (JSON, POX: the envelope Axis2 builds).
function soapBodyIn(Context ctx, string uri) returns xml|error {
    json|xml payload = check parsedPayload(ctx);
    string? envelope = payload is xml ? soapVersion(payload) : ();
    string version = envelope ?: (ctx.contentType.startsWith("application/soap+xml") ? SOAP12_NS : SOAP11_NS);
    return version == uri ? soapBody(ctx) : xml ``;
}

# The SOAP `Header` element of the message (Synapse's `$header`), an empty sequence when the message is not an
# envelope or has no header.
function soapHeader(Context ctx) returns xml|error {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml {
        xml:Element? header = envelopePart(payload, "Header");
        if header is xml:Element {
            return header;
        }
    }
    return xml ``;
}

# The message's SOAP envelope as Synapse's XPath navigates it (`//a` searches its whole document, header blocks
# included; a relative path starts at its children): a SOAP message's own envelope, not a copy, so reading it
# costs nothing; any other message in a new SOAP 1.1 envelope around its body, which has no header (semantics §1.1).
function soapEnvelope(Context ctx) returns xml|error {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml && soapVersion(payload) is string {
        return payload;
    }
    xml body = check soapBody(ctx);
    return xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">${body}</soapenv:Envelope>`;
}

# The SOAP envelope `body` (the message's body as `soapBody` gives it) is in, to edit in place: a SOAP message's own
# envelope; for any other message a new SOAP 1.1 envelope around that body, without a header, as Synapse's XPath sees
# the message (`commitBody` with the body then makes the edit the message).
function envelopeOf(Context ctx, xml:Element body) returns xml:Element|error {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml && soapVersion(payload) is string {
        return payload.elements().get(0);
    }
    return xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">${body}</soapenv:Envelope>`;
}

# Where a path the converter navigates starts, as SynapseXPath evaluates it over the envelope: "body" the SOAP Body
# (`$body/a`, `/soapenv:Envelope/soapenv:Body/a`), "envelope" the Envelope (`//a`, whose search covers the header
# blocks, and a relative path: the envelope is Synapse's context node), "header" the SOAP Header (`$header/a`,
# `/soapenv:Envelope/soapenv:Header/a`).
type XPathStart "body"|"envelope"|"header";

# The element a path starts at (`XPathStart`) in `scope`, the SOAP envelope (or the body for "body"): `()` for
# "header" when the message has no SOAP header, where the path selects nothing.
function xpathStart(xml:Element scope, XPathStart startAt) returns xml:Element? =>
    startAt == "header" ? envelopePart(scope, "Header") : scope;

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

# The stylesheet an xslt or fastXSLT mediator with a dynamic key (key="{...}") names (semantics §6.13, §10.1):
# Synapse looks the evaluated key up as a local entry name, then as a registry key (`conf:`, `gov:`, `local:` or a
# `/_system/...` path). `stylesheets` holds the stylesheets of the converted project under their local entry
# names and normalised registry keys. Any other key fails, as XSLTMediator fails when the entry it looks up is
# missing ("Error creating XSLT transformer").
function stylesheetByKey(string key, map<xml> stylesheets) returns xml|error {
    xml? stylesheet = stylesheets[key] ?: stylesheets[registryKey(key)];
    if stylesheet is () {
        return error(string `Unable to perform XSLT transformation using : ${key} reason : no stylesheet of the converted project has this key`);
    }
    return stylesheet;
}

# A registry key in its canonical form, `conf:/a/b`, `gov:/a/b` or `local:/a/b`: `conf:a/b` and
# `/_system/config/a/b` name the same resource. Any other key is returned as it is.
function registryKey(string key) returns string {
    string trimmed = re `\\`.replaceAll(key.trim(), "/");
    [string, string][] roots = [["conf", "/_system/config"], ["gov", "/_system/governance"], ["local", "/_system/local"]];
    foreach [string, string] [prefix, root] in roots {
        string path;
        if trimmed.startsWith(prefix + ":") {
            path = trimmed.substring(prefix.length() + 1);
        } else if trimmed.startsWith(root + "/") || trimmed == root {
            path = trimmed.substring(root.length());
        } else {
            continue;
        }
        string[] segments = from string segment in re `/`.split(path)
            where segment != ""
            select segment;
        return prefix + ":/" + string:'join("/", ...segments);
    }
    return key;
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
# and any other root becomes the single key. See `elementToJson` for the rest; `primitives` as in `autoPrimitive`.
function xmlToJson(xml payload, boolean|string primitives = true) returns json {
    xml<xml:Element> elements = payload.elements();
    if elements.length() == 0 {
        string text = payload.data().trim();
        return text == "" ? () : autoPrimitive(text, primitives);
    }
    xml:Element first = elements.get(0);
    string name = localName(first.getName());
    json value = elementToJson(first, primitives);
    if name == "jsonObject" {
        return value is () ? {} : value;
    }
    return name == "jsonArray" ? value : {[jsonKey(name)]: value};
}

# One element as JSON (semantics §1.4): namespaces are dropped; attributes become "@name" members and
# text beside them "$"; repeated child names become an array, a single child never does; an empty
# element is null; text that reads as a JSON number, boolean or null becomes one (`autoPrimitive`); a
# `jsonArray` element, alone or as the only child, is an array. Attribute values stay strings.
function elementToJson(xml:Element element, boolean|string primitives = true) returns json {
    xml<xml:Element> children = element.getChildren().elements();
    if localName(element.getName()) == "jsonArray" {
        json[] items = [];
        foreach xml:Element child in children {
            items.push(elementToJson(child, primitives));
        }
        return items;
    }
    if children.length() == 1 && localName(children.get(0).getName()) == "jsonArray" {
        return elementToJson(children.get(0), primitives);
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
            return text == "" ? () : autoPrimitive(text, primitives);
        }
        if text != "" {
            members["$"] = autoPrimitive(text, primitives);
        }
        return members;
    }
    map<json[]> repeated = {};
    foreach xml:Element child in children {
        string key = jsonKey(localName(child.getName()));
        json value = elementToJson(child, primitives);
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

# jsontransform with conversion settings (synapse.commons.json.output.autoPrimitive and/or
# disableAutoPrimitive.regex, semantics §1.4): JSONTransformMediator converts the body's first element to JSON with
# those settings (JsonUtil.toJsonString; no element gives `{}`) and makes the result the JSON payload
# (getNewJsonPayload), leaving the content type as it is. A JSON payload is converted from the XML Synapse reads it as
# (`jsonToXml`), so its values are typed again from their text. `primitives` as in `autoPrimitive`.
function jsonTransform(Context ctx, boolean|string primitives) returns error? {
    json|xml payload = check parsedPayload(ctx);
    xml<xml:Element> elements = (payload is xml ? check xmlPayload(ctx) : jsonToXml(payload)).elements();
    ctx.payload = elements.length() == 0 ? {} : xmlToJson(elements.get(0), primitives);
}

# jsontransform with a JSON schema (JSONTransformMediator with a schema key, commons JsonProcessor.parseJson): the
# JSON payload, or the body's first element converted to JSON with the default settings (no element gives `{}`),
# coerced to the schema as JsonProcessor's validators coerce it, and made the JSON payload (JsonUtil.getNewJsonPayload;
# the content type is left as it is). A value that cannot be coerced or a broken constraint fails the flow with
# JsonProcessor's message (handleException: the fault sequence, ERROR_CODE 0); a Java runtime exception there (Gson's
# casts) fails it with the exception's message, as AbstractListMediator reports it. The payload is coerced on a copy,
# so a failure leaves it as it was (Synapse parses its text). Semantics §1.4 (the XML to JSON conversion).
function jsonSchemaTransform(Context ctx, string schemaPath) returns error? {
    json schema = check io:fileReadJson(schemaPath);
    json|xml payload = check parsedPayload(ctx);
    json input = {};
    if payload is xml {
        xml<xml:Element> elements = (check xmlPayload(ctx)).elements();
        if elements.length() > 0 {
            input = xmlToJson(elements.get(0));
        }
    } else if payload !is () {
        // A fresh, mutable copy (clone keeps read-only parts shared, which the coercion would write to).
        input = check value:fromJsonString(payload.toJsonString());
    }
    ctx.payload = check coerceJsonRoot(input, schema);
}

# JsonProcessor.parseJson: `true` and `{}` keep the payload, `false` fails; otherwise the root's type decides. A root
# of a scalar type reads the payload's text (the converter refuses such a schema: Synapse reads the raw text, this the
# compact JSON); a type JsonProcessor does not know gives `{}` (parseJson returns null, written as `{}`).
function coerceJsonRoot(json input, json schema) returns json|error {
    if schema is boolean|string|int|float|decimal {
        // JsonPrimitive.getAsBoolean: a string as Boolean.parseBoolean reads it, a number false.
        if schema == true || (schema is string && schema.toLowerAscii() == "true") {
            return input;
        }
        return error("JSON schema is false, so all validations will fail");
    }
    if schema !is map<json> {
        return error("JSON schema should be an object or boolean");
    }
    if schema.length() == 0 {
        return input;
    }
    if !schema.hasKey("type") {
        return error("JSON schema should contain a type declaration");
    }
    string text = gsonJson(input);
    match coerceKind(check withoutEnclosingQuotes(gsonJson(schema["type"]))) {
        "boolean" => {
            return coerceBoolean(schema, text);
        }
        "nominal" => {
            return coerceString(schema, text);
        }
        "numeric" => {
            return coerceNumber(schema, text);
        }
        "array" => {
            return coerceArray(input, schema);
        }
        "null" => {
            check coerceNull(schema, text);
            return ();
        }
        "object" => {
            if input is map<json> {
                return coerceObject(input, schema);
            }
            return error("Expected a JSON as input but found : " + text);
        }
    }
    return {};
}

# The group of ValidatorConstants a type name is in: "numeric" (number, integer), "boolean", "nominal" (string,
# String), "object", "array", "null"; "" for any other name.
function coerceKind(string typeName) returns string {
    match typeName {
        "number"|"integer" => {
            return "numeric";
        }
        "string"|"String" => {
            return "nominal";
        }
        "boolean"|"object"|"array"|"null" => {
            return typeName;
        }
    }
    return "";
}

# JsonProcessorUtils.replaceEnclosingQuotes: the text without a leading and a trailing `"`. A lone `"` makes Java's
# substring throw, with its message.
function withoutEnclosingQuotes(string text) returns string|error {
    if text == "\"" {
        return error("begin 1, end 0, length 1");
    }
    return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
}

# Gson's JsonElement.getAsString (2.14): a string's text, a number's or boolean's text, the only item of a one-item
# array; anything else throws, with Gson's message.
function gsonAsString(json value) returns string|error {
    if value is string {
        return value;
    }
    if value is json[] {
        return value.length() == 1 ? gsonAsString(value[0]) : error(string `Array must have size 1, but has size ${value.length()}`);
    }
    if value is map<json> {
        return error("JsonObject");
    }
    if value is () {
        return error("JsonNull");
    }
    return gsonJson(value);
}

# Gson's JsonElement.getAsJsonObject: the object, or Gson's IllegalStateException message.
function gsonAsObject(json value) returns map<json>|error =>
    value is map<json> ? value : error("Not a JSON Object: " + gsonJson(value));

# A count keyword (minLength, maxItems, ...): the converter accepts only JSON integers for them.
function coerceCount(json value) returns int|error => value.ensureType(int);

# A bound keyword (minimum, multipleOf, ...) as JsonProcessor reads it, Double.parseDouble of its text: the converter
# accepts only JSON numbers for them.
function coerceBound(json value) returns float|error {
    if value is int|decimal|float {
        return <float>value;
    }
    return error(string `NumberFormatException: For input string: "${check gsonAsString(value)}"`);
}

# Java's String.length(): UTF-16 code units (a character beyond the BMP counts twice).
function utf16Length(string text) returns int {
    int length = text.length();
    foreach int c in text.toCodePointInts() {
        if c > 0xFFFF {
            length += 1;
        }
    }
    return length;
}

# Java's String.trim(): every leading and trailing character up to U+0020.
function javaTrim(string text) returns string {
    int origin = 0;
    int end = text.length();
    while origin < end && text.getCodePoint(origin) <= 32 {
        origin += 1;
    }
    while end > origin && text.getCodePoint(end - 1) <= 32 {
        end -= 1;
    }
    return text.substring(origin, end);
}

# Double.parseDouble: the trimmed text as a decimal number, with an optional sign and an f, F, d or D suffix, or NaN
# or Infinity; `()` when Java throws. Differs: Java's hexadecimal form (0x1p3) is not read.
function javaParseDouble(string text) returns float? {
    string trimmed = javaTrim(text);
    regexp:Groups? groups = re `([-+]?)(NaN|Infinity|([0-9]*)\.?([0-9]*)([eE][-+]?[0-9]+)?)[fFdD]?`.fullMatchGroups(trimmed);
    if groups is () {
        return ();
    }
    string sign = groups[1] is regexp:Span ? (<regexp:Span>groups[1]).substring() : "";
    string body = groups[2] is regexp:Span ? (<regexp:Span>groups[2]).substring() : "";
    if body == "NaN" {
        return float:NaN;
    }
    if body == "Infinity" {
        return sign == "-" ? -float:Infinity : float:Infinity;
    }
    string whole = groups[3] is regexp:Span ? (<regexp:Span>groups[3]).substring() : "";
    string fraction = groups[4] is regexp:Span ? (<regexp:Span>groups[4]).substring() : "";
    string exponent = groups[5] is regexp:Span ? (<regexp:Span>groups[5]).substring() : "";
    if whole == "" && fraction == "" {
        return ();
    }
    // Ballerina's syntax: no leading zeros, digits on both sides of the point.
    int lead = 0;
    while lead < whole.length() - 1 && whole.substring(lead, lead + 1) == "0" {
        lead += 1;
    }
    whole = whole == "" ? "0" : whole.substring(lead);
    float|error number = float:fromString(sign + whole + "." + (fraction == "" ? "0" : fraction) + exponent);
    return number is float ? number : ();
}

# Gson's JsonElement.equals for HashSet (uniqueItems): numbers equal as doubles, objects member by member in any
# order, arrays item by item.
function gsonEquals(json a, json b) returns boolean {
    if a is int|float|decimal && b is int|float|decimal {
        float x = <float>a;
        float y = <float>b;
        return x == y || (x.isNaN() && y.isNaN());
    }
    if a is map<json> && b is map<json> {
        if a.length() != b.length() {
            return false;
        }
        foreach [string, json] [name, member] in a.entries() {
            if !b.hasKey(name) || !gsonEquals(member, b[name]) {
                return false;
            }
        }
        return true;
    }
    if a is json[] && b is json[] {
        if a.length() != b.length() {
            return false;
        }
        foreach int i in 0 ..< a.length() {
            if !gsonEquals(a[i], b[i]) {
                return false;
            }
        }
        return true;
    }
    if a is map<json>|json[] || b is map<json>|json[] {
        return false;
    }
    return a == b;
}

# BooleanValidator.validateBoolean: the text "true" or "false" (enclosing quotes dropped, DataTypeConverter), then
# enum (booleans only) and const (JsonPrimitive.getAsBoolean).
function coerceBoolean(map<json> schema, string value) returns boolean|error {
    if value == "" {
        return error("Cannot convert an empty string to boolean");
    }
    string text = check withoutEnclosingQuotes(value);
    if text != "true" && text != "false" {
        return error("Cannot convert the sting : " + text + " to boolean");
    }
    boolean parsed = text == "true";
    json enumValues = schema["enum"];
    if enumValues is json[] && enumValues.length() > 0 && enumValues.indexOf(parsed) is () {
        return error("input \"" + value + "\" not contains any element from the enum  : " + gsonJson(enumValues));
    }
    if schema.hasKey("const") {
        json constant = schema["const"];
        boolean expected = constant is boolean ? constant : constant is string && constant.toLowerAscii() == "true";
        if parsed != expected {
            return error("String \"" + value + "\" is not equal to the const value");
        }
    }
    return parsed;
}

# StringValidator.validateNominal: the text as given (the quotes of a JSON text kept), maxLength and minLength in
# UTF-16 units, pattern matched against the whole text (String.matches), enum (strings only) and const.
function coerceString(map<json> schema, string value) returns string|error {
    string described = gsonJson(schema);
    if schema.hasKey("maxLength") && utf16Length(value) > check coerceCount(schema["maxLength"]) {
        return error("String \"" + value + "\" violated the max length constraint. Input string : " + value
            + " violated the maxLength constraint defined in : " + described);
    }
    if schema.hasKey("minLength") && utf16Length(value) < check coerceCount(schema["minLength"]) {
        return error("String \"" + value + "\" violated the min length constraint. Input string : " + value
            + " violated the minLength constraint defined in : " + described);
    }
    json pattern = schema["pattern"];
    if pattern is string && pattern != "" && !check matches(value, pattern) {
        return error("String \"" + value + "\" violated the regex constraint " + pattern + ". Input string : " + value
            + " not matching with any regex defined in : " + described);
    }
    json enumValues = schema["enum"];
    if enumValues is json[] && enumValues.length() > 0 && enumValues.indexOf(value) is () {
        return error("String \"" + value + "\" not contains any element from the enum. Input string : " + value
            + " not contains any value defined in the enum of : " + described);
    }
    if schema.hasKey("const") && value != check gsonAsString(schema["const"]) {
        return error("String \"" + value + "\" is not equal to the const value. Input string : " + value
            + " not contains the const value defined in : " + described);
    }
    return value;
}

# NumericValidator.validateNumeric: text Double.parseDouble reads (enclosing quotes dropped) checked against
# multipleOf (Java's double remainder, which Ballerina's float `%` is), minimum, maximum, exclusiveMinimum,
# exclusiveMaximum (numbers, as JsonProcessor reads them), enum (numbers equal as doubles) and const; then an integer
# when the type names integer (BigInteger of the trimmed text), else BigDecimal of the text with as many decimals as
# the text has characters after its point, or characters when it has none (12 becomes 12.00, 7.5 stays 7.5).
function coerceNumber(map<json> schema, string raw) returns json|error {
    string value = check withoutEnclosingQuotes(raw);
    string described = gsonJson(schema);
    float? parsed = javaParseDouble(value);
    if parsed is () {
        return error("\"" + value + "\" is not a number. A number expected in the schema " + described
            + " but received " + value);
    }
    string typeName = "";
    if schema.hasKey("type") {
        json declared = schema["type"];
        if declared is json[] {
            foreach json item in declared {
                typeName += check withoutEnclosingQuotes(check gsonAsString(item));
            }
        } else {
            typeName = check withoutEnclosingQuotes(check gsonAsString(declared));
        }
    }
    if schema.hasKey("multipleOf") {
        float divisor = check coerceBound(schema["multipleOf"]);
        if parsed % divisor != 0.0 {
            return error("Number " + value + " is not a multiple of " + javaDoubleString(divisor) + ". multipleOf constraint in "
                + described + " is violated by the input " + value);
        }
    }
    if schema.hasKey("minimum") && parsed < check coerceBound(schema["minimum"]) {
        return error("Number " + value + " is less than the minimum allowed value. minimumValue constraint in " + described
            + " is violated by the input : " + value);
    }
    if schema.hasKey("maximum") && parsed > check coerceBound(schema["maximum"]) {
        return error("Number " + value + " is greater than the maximum allowed value. maximumValue constraint in "
            + described + " is violated by the input : " + value);
    }
    if schema.hasKey("exclusiveMinimum") && parsed <= check coerceBound(schema["exclusiveMinimum"]) {
        return error("Number " + value + " is less than the minimum allowed value. ExclusiveMinimum constraint in "
            + described + " is violated by the input : " + value);
    }
    if schema.hasKey("exclusiveMaximum") && parsed >= check coerceBound(schema["exclusiveMaximum"]) {
        return error("Number " + value + " is greater than the maximum allowed value. ExclusiveMaximum constraint in "
            + described + " is violated by the input : " + value);
    }
    json enumValues = schema["enum"];
    if enumValues is json[] && enumValues.length() > 0 && enumValues.filter(item => item is int|float|decimal && gsonEquals(item, parsed)).length() == 0 {
        return error("Number \"" + value + "\" not contains any element from the enum. Input " + value
            + " not contains any value from the enum in " + described);
    }
    if schema.hasKey("const") {
        json constant = schema["const"];
        float? expected = constant is int|float|decimal ? <float>constant : javaParseDouble(constant is boolean ? constant.toString() : check gsonAsString(constant));
        if expected is () {
            return error(string `For input string: "${check gsonAsString(constant)}"`);
        }
        // Double.equals: NaN equals NaN, 0.0 does not equal -0.0.
        boolean same = (parsed.isNaN() && expected.isNaN()) || (parsed == expected && (parsed != 0.0 || 1.0 / parsed == 1.0 / expected));
        if !same {
            return error("Number \"" + value + "\" is not equal to the const value input " + value
                + " not contains the const defined in " + described);
        }
    }
    if typeName.includes("integer") {
        return javaBigInteger(javaTrim(value));
    }
    return javaScaledDecimal(value);
}

# new BigInteger(text), as DataTypeConverter.convertToBigInteger reports its NumberFormatException: an optional sign
# and decimal digits, read by Integer.parseInt in groups of nine (the first group the remainder), whose message names
# the first group that is not digits. Differs: a value beyond 64 bits fails here.
function javaBigInteger(string text) returns int|error {
    int cursor = 0;
    int? minus = text.lastIndexOf("-");
    int? plus = text.lastIndexOf("+");
    if text == "" {
        return error("NumberFormatException: Zero length BigInteger");
    }
    if minus is int {
        if minus != 0 || plus is int {
            return error("NumberFormatException: Illegal embedded sign character");
        }
        cursor = 1;
    } else if plus is int {
        if plus != 0 {
            return error("NumberFormatException: Illegal embedded sign character");
        }
        cursor = 1;
    }
    if cursor == text.length() {
        return error("NumberFormatException: Zero length BigInteger");
    }
    while cursor < text.length() && text.substring(cursor, cursor + 1) == "0" {
        cursor += 1;
    }
    string digits = text.substring(cursor);
    int size = digits.length() % 9 == 0 ? 9 : digits.length() % 9;
    int at = 0;
    while at < digits.length() {
        string group = digits.substring(at, at + size);
        if !re `[0-9]+`.isFullMatch(group) {
            return error(string `NumberFormatException: For input string: "${group}"`);
        }
        at += size;
        size = 9;
    }
    if digits == "" {
        return 0;
    }
    int|error number = int:fromString((minus is int ? "-" : "") + digits);
    if number is error {
        return error(string `the integer ${text} is beyond the 64 bits a Ballerina int holds`);
    }
    return number;
}

# new BigDecimal(text).setScale(scale) as NumericValidator computes the scale (the characters after the point, or
# every character when there is none), as BigDecimal.toString writes it (an exponent when more than six zeros would
# follow the point). BigDecimal's NumberFormatException for a stray character and setScale's ArithmeticException are
# reported with their messages. Differs: the number is a Ballerina decimal (34 digits) holding that text.
function javaScaledDecimal(string text) returns decimal|error {
    regexp:Groups? groups = re `([-+]?)([0-9]*)(\.([0-9]*))?([eE]([-+]?[0-9]+))?`.fullMatchGroups(text);
    if groups is () {
        int origin = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        foreach int i in origin ..< text.length() {
            string c = text.substring(i, i + 1);
            if !re `[0-9.eE]`.isFullMatch(c) {
                return error(string `Character ${c} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`);
            }
        }
        return error(string `${text} is not a number BigDecimal reads`);
    }
    string sign = groups[1] is regexp:Span ? (<regexp:Span>groups[1]).substring() : "";
    string whole = groups[2] is regexp:Span ? (<regexp:Span>groups[2]).substring() : "";
    string fraction = groups[4] is regexp:Span ? (<regexp:Span>groups[4]).substring() : "";
    int exponent = groups[6] is regexp:Span ? check int:fromString((<regexp:Span>groups[6]).substring()) : 0;
    if whole == "" && fraction == "" {
        return error("No digits found.");
    }
    string digits = whole + fraction;
    int scale = fraction.length() - exponent;
    int target = text.length() - ((text.indexOf(".") ?: -1) + 1);
    if target >= scale {
        foreach int _ in 0 ..< target - scale {
            digits += "0";
        }
    } else {
        int drop = scale - target;
        string kept = drop >= digits.length() ? "" : digits.substring(0, digits.length() - drop);
        string dropped = digits.substring(kept.length());
        if !re `0*`.isFullMatch(dropped) {
            return error("Rounding necessary");
        }
        digits = kept;
    }
    int lead = 0;
    while lead < digits.length() - 1 && digits.substring(lead, lead + 1) == "0" {
        lead += 1;
    }
    digits = digits == "" ? "0" : digits.substring(lead);
    string prefix = sign == "-" && digits != "0" ? "-" : "";
    int adjusted = digits.length() - 1 - target;
    string written;
    if target == 0 {
        written = digits;
    } else if adjusted >= -6 {
        int pad = target - digits.length();
        written = "";
        if pad >= 0 {
            written = "0.";
            foreach int _ in 0 ..< pad {
                written += "0";
            }
            written += digits;
        } else {
            written = digits.substring(0, digits.length() - target) + "." + digits.substring(digits.length() - target);
        }
    } else {
        written = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "E" + adjusted.toString();
    }
    return decimal:fromString(prefix + written);
}

# NullValidator.validateNull: the text null, or "null" with its quotes.
function coerceNull(map<json> schema, string value) returns error? {
    if value != "null" && value != "\"null\"" {
        return error("Expected a null but found a value. Received not null input" + value + " to be validated with : "
            + gsonJson(schema));
    }
}

# One value coerced to a schema of one type. Booleans, strings and numbers are read as Gson's getAsString reads
# them (ObjectValidator.validateAndUpdateEntriesMap, the items of an array), or as their JSON text, a string's quotes
# included, when `asText` (parseAndReplaceValues: patternProperties and additionalProperties); a type JsonProcessor
# does not know leaves the value, or gives null when `asText`.
function coerceTyped(json value, string typeName, map<json> schema, boolean asText) returns json|error {
    match coerceKind(typeName) {
        "boolean" => {
            return coerceBoolean(schema, asText ? gsonJson(value) : check gsonAsString(value));
        }
        "nominal" => {
            return coerceString(schema, asText ? gsonJson(value) : check gsonAsString(value));
        }
        "numeric" => {
            return coerceNumber(schema, asText ? gsonJson(value) : check gsonAsString(value));
        }
        "array" => {
            return coerceArray(value, schema);
        }
        "object" => {
            return coerceObject(check gsonAsObject(value), schema);
        }
        "null" => {
            check coerceNull(schema, gsonJson(value));
            return ();
        }
    }
    return asText ? () : value;
}

# ArrayValidator.validateArray: a value that is not an array becomes a one-item array; minItems, maxItems and
# uniqueItems are checked before the items are coerced by `items` (one schema for every item, or one per position
# with the rest by additionalItems, false refusing them).
function coerceArray(json input, map<json> schema) returns json[]|error {
    json[] items = input is json[] ? input : [input];
    int minItems = -1;
    if schema.hasKey("minItems") {
        minItems = check coerceCount(schema["minItems"]);
        if minItems < 0 {
            return error("Invalid minItems constraint in the schema");
        }
    }
    int maxItems = -1;
    if schema.hasKey("maxItems") {
        maxItems = check coerceCount(schema["maxItems"]);
        if maxItems < 0 {
            return error("Invalid maxItems constraint in the schema");
        }
    }
    json additional = schema["additionalItems"];
    boolean refuseAdditional = additional == false;
    map<json>? additionalSchema = additional is map<json> && additional.length() > 0 ? {"type": "array", "items": additional} : ();
    string structure = "Error occurs while validating the structure of array : ";
    if minItems != -1 && items.length() < minItems {
        return error(structure + gsonJson(items) + ". Array violated the minItems constraint");
    }
    if maxItems != -1 && items.length() > maxItems {
        return error(structure + gsonJson(items) + ". Array violated the maxItems constraint");
    }
    if schema["uniqueItems"] == true {
        foreach int i in 1 ..< items.length() {
            foreach int j in 0 ..< i {
                if gsonEquals(items[i], items[j]) {
                    return error(structure + gsonJson(items) + ". Array violated the uniqueItems constraint");
                }
            }
        }
    }
    if !schema.hasKey("items") {
        return items;
    }
    json itemSchema = schema["items"];
    if itemSchema is map<json> {
        check coerceEachItem(items, itemSchema);
    } else if itemSchema is json[] {
        check coerceTupleItems(items, itemSchema, additionalSchema, refuseAdditional);
    } else {
        return error("Schema for Array is invalid. Should contain either JsonArray or JsonObject");
    }
    return items;
}

# ArrayValidator.processSchemaWithOneItem: every item coerced to the one item schema; an item of an array type is
# read again from its getAsString text, leniently as Gson reads it.
function coerceEachItem(json[] items, map<json> itemSchema) returns error? {
    if !itemSchema.hasKey("type") {
        return;
    }
    string typeName = check withoutEnclosingQuotes(gsonJson(itemSchema["type"]));
    string kind = coerceKind(typeName);
    if kind == "" {
        return error("Schema for array must have a type declaration" + gsonJson(itemSchema));
    }
    foreach int i in 0 ..< items.length() {
        if kind == "array" {
            items[i] = check coerceArray(check gsonLenient(check gsonAsString(items[i])), itemSchema);
        } else {
            items[i] = check coerceTyped(items[i], typeName, itemSchema, false);
        }
    }
}

# Gson's lenient JsonParser.parse of a text: JSON, an empty text as null, a bare word as a string; text it cannot
# read whole fails with its message.
function gsonLenient(string text) returns json|error {
    json|error parsed = value:fromJsonString(text);
    if parsed !is error {
        return parsed;
    }
    string trimmed = javaTrim(text);
    if trimmed == "" {
        return ();
    }
    if re `[^ \t\n\r\f\{\}\[\]:,"'#;=/\\]+`.isFullMatch(trimmed) {
        return trimmed;
    }
    return error("Did not consume the entire document.");
}

# ArrayValidator.processSchemaWithItemsArray: the item at each position coerced to the schema there (an empty schema
# skips it; a position beyond the array fails as Java's list does), the items after the last position by the
# additionalItems schema.
function coerceTupleItems(json[] items, json[] schemas, map<json>? additionalSchema, boolean refuseAdditional) returns error? {
    if refuseAdditional && items.length() > schemas.length() {
        return error("Array : " + gsonJson(items) + " has more items than allowed in the schema");
    }
    foreach int i in 0 ..< schemas.length() {
        map<json> itemSchema = check schemas[i].ensureType();
        if itemSchema.length() == 0 {
            continue;
        }
        if !itemSchema.hasKey("type") {
            return error("Array items should contain a type declaration");
        }
        string typeName = check withoutEnclosingQuotes(gsonJson(itemSchema["type"]));
        if coerceKind(typeName) == "" {
            continue;
        }
        if i >= items.length() {
            return error(string `Index ${i} out of bounds for length ${items.length()}`);
        }
        items[i] = check coerceTyped(items[i], typeName, itemSchema, false);
    }
    if additionalSchema is map<json> && items.length() > schemas.length() {
        json[] extra = check coerceArray(items.slice(schemas.length()), additionalSchema);
        foreach int j in 0 ..< extra.length() {
            items[schemas.length() + j] = extra[j];
        }
    }
}

# ObjectValidator.validateObject: required names, minProperties and maxProperties first; then each member whose
# `properties` schema has a type (in the object's order; a type array tries the kinds the value can take), the
# members whose names a patternProperties pattern finds (each moved to the end, as Gson's remove and add do) and,
# when `properties` is given, the members neither names by additionalProperties (false fails, a schema coerces and
# moves them).
function coerceObject(map<json> obj, map<json> schema) returns map<json>|error {
    json required = schema["required"];
    if required is json[] {
        foreach json name in required {
            if !obj.hasKey(check gsonAsString(name)) {
                return error("Input object : " + gsonJson(obj) + " does not contains all the elements required in the schema : "
                    + gsonJson(schema));
            }
        }
    }
    int minimum = schema.hasKey("minProperties") ? check coerceCount(schema["minProperties"]) : -1;
    int maximum = schema.hasKey("maxProperties") ? check coerceCount(schema["maxProperties"]) : -1;
    if minimum != -1 && obj.length() < minimum {
        return error("Object violates the minimum number of properties constraint. Input object has less number of properties than allowed minimum "
            + minimum.toString());
    }
    if maximum != -1 && obj.length() > maximum {
        return error("Object violates the maximum number of properties constraint. Input object has higher number of properties than allowed maximum "
            + maximum.toString());
    }
    map<json>? properties = ();
    if schema.hasKey("properties") {
        properties = check schema["properties"].ensureType();
    }
    string[] named = [];
    string[] members = [];
    if properties is map<json> {
        foreach string name in properties.keys() {
            if obj.hasKey(name) {
                named.push(name);
            }
        }
        foreach string name in obj.keys() {
            members.push(name);
            json member = properties[name];
            if member is map<json> && member.hasKey("type") {
                json declared = member["type"];
                if declared is json[] {
                    string[] types = [];
                    foreach json item in declared {
                        types.push(check withoutEnclosingQuotes(gsonJson(item)));
                    }
                    obj[name] = check coerceMultiType(obj[name], types, member);
                } else {
                    obj[name] = check coerceTyped(obj[name], check withoutEnclosingQuotes(gsonJson(declared)), member, false);
                }
            }
        }
    }
    string[] patterned = [];
    json patterns = schema["patternProperties"];
    if patterns is map<json> {
        foreach [string, json] [pattern, member] in patterns.entries() {
            map<json> memberSchema = check member.ensureType();
            if !memberSchema.hasKey("type") {
                return error("Schema for object must have a type declaration : " + gsonJson(memberSchema));
            }
            string typeName = check withoutEnclosingQuotes(check gsonAsString(memberSchema["type"]));
            regexp:RegExp regex = check regexp:fromString(pattern);
            string[] matching = obj.keys().filter(name => regexp:find(regex, name) !is ());
            foreach string name in matching {
                if patterned.indexOf(name) is () {
                    patterned.push(name);
                }
                check replaceCoerced(obj, name, typeName, memberSchema);
            }
        }
    }
    if !schema.hasKey("additionalProperties") {
        return obj;
    }
    string[] others = members.filter(name => named.indexOf(name) is () && patterned.indexOf(name) is ());
    json additional = schema["additionalProperties"];
    if additional is boolean {
        if !additional && others.length() > 0 {
            return error("Input object " + gsonJson(obj) + " has additional properties than schema " + gsonJson(schema)
                + " and additional properties are not allowed");
        }
    } else if additional is map<json> && additional.length() > 0 && others.length() > 0 {
        if !additional.hasKey("type") {
            return error("Schema for array must have a type declaration : " + gsonJson(additional));
        }
        string typeName = check withoutEnclosingQuotes(gsonJson(additional["type"]));
        foreach string name in others {
            check replaceCoerced(obj, name, typeName, additional);
        }
    }
    return obj;
}

# ObjectValidator.parseAndReplaceValues: the member coerced from its JSON text, removed and added again (last).
function replaceCoerced(map<json> obj, string name, string typeName, map<json> schema) returns error? {
    json coerced = check coerceTyped(obj[name], typeName, schema, true);
    _ = obj.remove(name);
    obj[name] = coerced;
}

# ObjectValidator's checks of a member whose `properties` schema has a type array: an object is coerced by each
# object type, else wrapped in an array for an array type; an array needs an array type, null a null type; a
# primitive whose text is true or false tries the boolean types, then the string types; one that commons-lang's
# NumberUtils.isParsable reads the numeric types, then the string types; any other the string, boolean, then numeric
# types. Each type of the group tried is applied in turn, as the Java loops do.
function coerceMultiType(json value, string[] types, map<json> schema) returns json|error {
    string described = gsonJson(schema);
    json result = value;
    if value is map<json> {
        if types.some(t => coerceKind(t) == "object") {
            foreach string _ in types.filter(t => coerceKind(t) == "object") {
                result = check coerceObject(check gsonAsObject(result), schema);
            }
            return result;
        }
        if types.some(t => coerceKind(t) == "array") {
            foreach string _ in types.filter(t => coerceKind(t) == "array") {
                result = check coerceArray([check gsonAsObject(result)], schema);
            }
            return result;
        }
        return error("JSON object found " + gsonJson(value) + " without matching schema " + described);
    }
    if value is json[] {
        if types.some(t => coerceKind(t) == "array") {
            foreach string _ in types.filter(t => coerceKind(t) == "array") {
                result = check coerceArray(result, schema);
            }
            return result;
        }
        return error("JSON array found " + gsonJson(value) + " without matching schema " + described);
    }
    if value is () {
        if types.some(t => coerceKind(t) == "null") {
            return ();
        }
        return error("JSON null found null without matching schema " + described);
    }
    string text = check gsonAsString(value);
    string[] tried = text == "true" || text == "false" ? ["boolean", "nominal"]
        : commonsIsParsable(text) ? ["numeric", "nominal"] : ["nominal", "boolean", "numeric"];
    foreach string kind in tried {
        if types.some(t => coerceKind(t) == kind) {
            foreach string t in types.filter(t => coerceKind(t) == kind) {
                result = check coerceTyped(result, t, schema, false);
            }
            return result;
        }
    }
    string found = text == "true" || text == "false" ? "Boolean found " : commonsIsParsable(text) ? "Number found " : "";
    if found == "" {
        return error(gsonJson(value) + " not matching with the schema " + described);
    }
    return error(found + gsonJson(value) + " without matching schema " + described);
}

# commons-lang3 NumberUtils.isParsable: an optional leading minus, digits and at most one point, not last.
function commonsIsParsable(string text) returns boolean =>
    text != "" && !text.endsWith(".") && text != "-" && re `-?[0-9]*\.?[0-9]*`.isFullMatch(text);

# The local part of an expanded XML name (`{uri}local`).
function localName(string expandedName) returns string {
    int? brace = expandedName.indexOf("}");
    return brace is int ? expandedName.substring(brace + 1) : expandedName;
}

# Synapse writes text that is exactly true, false, null or a JSON number (no leading zeros) as that value
# (an MI quirk, semantics §1.4: the string "12345" comes back as a number). `primitives` is the jsontransform
# setting (the converter's AutoPrimitiveTarget and CustomRegexIgnoreAutoPrimitiveTarget): `false` keeps every text a
# string (synapse.commons.json.output.autoPrimitive=false), a pattern keeps the texts it fully matches strings
# (synapse.commons.json.output.disableAutoPrimitive.regex).
function autoPrimitive(string text, boolean|string primitives = true) returns json {
    if primitives == false || (primitives is string && matches(text, primitives) is true) {
        return text;
    }
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

# The string Synapse stores for an XPath expression whose whole result is a number: Jaxen's Double printed by
# Java's Double.toString (SynapseXPath.stringValueOf), "2.0" for a count of two, "1.5", "1.0E7", "1.0E-4". Inside an
# expression XPath's own string() applies instead (xpathNumberString: "2").
function javaDoubleString(float number) returns string {
    if number.isNaN() || number.isInfinite() {
        return xpathNumberString(number);
    }
    if number == 0.0 {
        return 1.0 / number < 0.0 ? "-0.0" : "0.0";
    }
    string sign = number < 0.0 ? "-" : "";
    float magnitude = float:abs(number);
    // XPath's form holds the shortest digits without an exponent ("2", "0.0001", "10000000").
    string plain = xpathNumberString(magnitude);
    int dot = plain.indexOf(".") ?: plain.length();
    if magnitude >= 1.0e-3 && magnitude < 1.0e7 {
        return sign + (dot < plain.length() ? plain : plain + ".0");
    }
    string digits = plain.substring(0, dot) + (dot < plain.length() ? plain.substring(dot + 1) : "");
    int exponent = dot - 1;
    int lead = 0;
    while lead < digits.length() - 1 && digits.substring(lead, lead + 1) == "0" {
        lead += 1;
    }
    exponent -= lead;
    digits = digits.substring(lead);
    int end = digits.length();
    while end > 1 && digits.substring(end - 1, end) == "0" {
        end -= 1;
    }
    digits = digits.substring(0, end);
    string fraction = digits.length() > 1 ? digits.substring(1) : "0";
    return string `${sign}${digits.substring(0, 1)}.${fraction}E${exponent}`;
}

# A property's INTEGER (or SHORT) type applied to an expression's value, as PropertyMediator.parseInteger does: a
# value with a "." is read as a double and cast to an integer as Java casts (toward zero; NaN is 0), so "2.0", what
# an XPath count gives, is 2; anything else must be an integer.
function propertyInteger(string value) returns int|error {
    if !value.includes(".") {
        return int:fromString(value);
    }
    float number = check float:fromString(value);
    if number.isNaN() {
        return 0;
    }
    float whole = number < 0.0 ? float:ceiling(number) : float:floor(number);
    if whole >= 2147483647.0 {
        return 2147483647;
    }
    if whole <= -2147483648.0 {
        return -2147483648;
    }
    return <int>whole;
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
function xpathSubstring(string text, float origin, float? length = ()) returns string {
    float first = xpathRound(origin);
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

# MI 4.4 toUpper(s) (PredefinedFunctionNode: `String.toUpperCase()`): Java's full Unicode case mapping in the JVM's
# default locale ("straße" is "STRASSE"), which lang.string's toUpperAscii (ASCII letters only) is not. The same Java
# method, through interop.
function upperCase(string text) returns string => java:toString(javaStringToUpperCase(java:fromString(text))) ?: "";

# MI 4.4 toLower(s): Java's `String.toLowerCase()`, as upperCase.
function lowerCase(string text) returns string => java:toString(javaStringToLowerCase(java:fromString(text))) ?: "";

# XPath upper-case(s): Jaxen's UpperFunction without a locale argument maps with `Locale.ENGLISH`
# (`String.toUpperCase(Locale)`), whatever the JVM's default locale ("i" stays "I" under a Turkish default).
function xpathUpperCase(string text) returns string =>
    java:toString(javaStringToUpperCaseIn(java:fromString(text), javaLocaleEnglish())) ?: "";

# XPath lower-case(s): Jaxen's LowerFunction, `String.toLowerCase(Locale.ENGLISH)`, as xpathUpperCase.
function xpathLowerCase(string text) returns string =>
    java:toString(javaStringToLowerCaseIn(java:fromString(text), javaLocaleEnglish())) ?: "";

isolated function javaLocaleEnglish() returns handle = @java:FieldGet {
    'class: "java.util.Locale",
    name: "ENGLISH"
} external;

isolated function javaStringToUpperCaseIn(handle receiver, handle locale) returns handle = @java:Method {
    'class: "java.lang.String",
    name: "toUpperCase",
    paramTypes: ["java.util.Locale"]
} external;

isolated function javaStringToLowerCaseIn(handle receiver, handle locale) returns handle = @java:Method {
    'class: "java.lang.String",
    name: "toLowerCase",
    paramTypes: ["java.util.Locale"]
} external;

isolated function javaStringToUpperCase(handle receiver) returns handle = @java:Method {
    'class: "java.lang.String",
    name: "toUpperCase",
    paramTypes: []
} external;

isolated function javaStringToLowerCase(handle receiver) returns handle = @java:Method {
    'class: "java.lang.String",
    name: "toLowerCase",
    paramTypes: []
} external;

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
function charAt(string text, int index) returns string|error {
    if index < 0 || index >= text.length() {
        return error(string `Invalid index provided for charAt function. source: ${text}, index: ${index}`);
    }
    return text.substring(index, index + 1);
}

# An MI 4.4 `${...}` value, evaluated as SynapseExpression.evaluateExpression does: an evaluation that fails (a
# missing JSON path, a function given a value of another type, an index out of range, ...) is logged as a
# warning and gives "", and mediation goes on. A payload that is not JSON (`NotJson`) or a Java runtime exception
# (`MiJavaException`) fails the mediator instead: only the EvaluationException is caught, and neither is one.
function synapseValue(function () returns string|error evaluate, string expression) returns string|NotJson|MiJavaException {
    string|error value = evaluate();
    if value is NotJson|MiJavaException {
        return value;
    }
    if value is error {
        log:printWarn(string `Error evaluating expression: ${expression} cause : ${value.message()}`);
        return "";
    }
    return value;
}

# An MI 4.4 `${...}` condition: an evaluation that fails is logged as a warning and the condition is false (the
# filter tests Boolean.parseBoolean of the "" the failed expression gives); a payload that is not JSON (`NotJson`)
# or a Java runtime exception (`MiJavaException`) fails the mediator, as for `synapseValue`.
function synapseCondition(function () returns boolean|error evaluate, string expression) returns boolean|NotJson|MiJavaException {
    boolean|error value = evaluate();
    if value is NotJson|MiJavaException {
        return value;
    }
    if value is error {
        log:printWarn(string `Error evaluating expression: ${expression} cause : ${value.message()}`);
        return false;
    }
    return value;
}

# The failure of an MI 4.4 `${payload...}` on a payload that is not JSON. EvaluationContext.getJSONResult reads the
# payload's text and hands it to Jayway (`JsonPath.parse`), whose Gson provider throws a JsonSyntaxException for text
# that is not JSON (the JSON builder only checked its first character): a runtime exception that PayloadAccessNode
# and SynapseExpression.evaluateExpression, which catch EvaluationException only, let through, so the mediator fails
# where a path that is not there (an EvaluationException) gives "".
type NotJson distinct error;

# The payload as an MI 4.4 `${payload...}` reads it (EvaluationContext.getJSONResult): its JSON (an XML or text message
# converted as `jsonPayload` converts it, as SynapseJsonPath("$.") does for the MI); a body that cannot be read is a
# `NotJson` failure, which `synapseValue` does not turn into "".
function synapseJsonPayload(Context ctx) returns json|NotJson {
    json|error payload = jsonPayload(ctx);
    if payload is error {
        return error NotJson(payload.message(), payload);
    }
    return payload;
}

# MI 4.4 `${payload.a.b}` (a simple path) as text, as SynapseExpression.stringValueOf gives it: the value at the path
# on the payload as `synapseJsonPayload` reads it; a string as it is, any other value as Gson's JSON text
# (ExpressionResult.asString). A path that is not there (Jayway's PathNotFoundException, which PayloadAccessNode makes
# an EvaluationException) and a JSON null (Gson's JsonNull, which PayloadAccessNode unboxes to null) give "", where
# EI 6.x `json-eval` prints a null as "null"; a payload that is not JSON fails (`NotJson`).
function synapseJsonText(Context ctx, string path) returns string|error =>
    synapseJsonTextIn(check synapseJsonPayload(ctx), path);

# The same on the payload as JSON read once for several paths (a shared read of `synapseJsonPayload`).
function synapseJsonTextIn(json payload, string path) returns string|error {
    [json]? found = check jsonPathIn(payload, path);
    if found is () {
        return "";
    }
    json value = found[0];
    return value is () ? "" : gsonText(value);
}

# MI 4.4 `${payload.a.b}` inside a larger expression (`${payload.a + 'x'}`, a function's argument), as PayloadAccessNode
# hands it on: a path that is not there fails the whole expression (Jayway's PathNotFoundException made an
# EvaluationException: SynapseExpression.evaluateExpression then logs a warning and gives "", a condition is false),
# and a JSON null is Java's null, which BinaryOperationNode refuses in any operation but `==` and `!=`
# (`synapseJsonNullable`): "Null inputs for ... operation".
function synapseJsonRequired(Context ctx, string path) returns string|error =>
    synapseJsonRequiredIn(check synapseJsonPayload(ctx), path);

# The same on the payload as JSON read once for several paths.
function synapseJsonRequiredIn(json payload, string path) returns string|error {
    string? value = check synapseJsonNullableIn(payload, path);
    if value is () {
        return error(string `Null inputs for the operation on ${path}`);
    }
    return value;
}

# MI 4.4 `${payload.a.b}` compared with `==` or `!=` inside a larger expression: `()` for a JSON null, which
# BinaryOperationNode.handleEquality compares as null (equal only to null, so `${payload.a == ''}` is false and
# `${payload.a != ''}` true), the text otherwise; a path that is not there fails the whole expression.
function synapseJsonNullable(Context ctx, string path) returns string?|error =>
    synapseJsonNullableIn(check synapseJsonPayload(ctx), path);

# The same on the payload as JSON read once for several paths.
function synapseJsonNullableIn(json payload, string path) returns string?|error {
    [json]? found = check jsonPathIn(payload, path);
    if found is () {
        return error(string `No results for path: ${path}`);
    }
    json value = found[0];
    return value is () ? () : gsonText(value);
}

# MI 4.4 subString(s, start): the text from `start` on; an index below 0 or past the end is an error, as the
# Micro Integrator's EvaluationException.
function subStringFrom(string text, int origin) returns string|error {
    if origin < 0 || origin > text.length() {
        return error(string `Invalid index for subString: ${origin}, source string length: ${text.length()}`);
    }
    return text.substring(origin);
}

# MI 4.4 subString(s, start, end): the text from `start` up to `end`; indices outside the text or `start` after
# `end` are an error, as the Micro Integrator's EvaluationException.
function subString(string text, int origin, int end) returns string|error {
    if origin < 0 || end < 0 || origin > end || end > text.length() {
        return error(string `Invalid subString indices: start=${origin}, end=${end}, string length=${text.length()}`);
    }
    return text.substring(origin, end);
}

# MI 4.4 round(x) (PredefinedFunctionNode.handleRoundFunction): Java's Math.round cast to an int. Math.round gives the
# closest long with halves rounded up, NaN 0, and saturates past the long range (an infinity too); the cast to int then
# keeps the low 32 bits, so a value past the int range wraps as in Java (round(3.0E9) is -1294967296).
function roundHalfUp(float number) returns int {
    if number.isNaN() {
        return 0;
    }
    float whole = float:floor(number);
    float rounded = number - whole >= 0.5 ? whole + 1.0 : whole;
    int saturated;
    if rounded >= 9.223372036854775807E18f {
        saturated = int:MAX_VALUE;
    } else if rounded <= -9.223372036854775808E18f {
        saturated = int:MIN_VALUE;
    } else {
        saturated = <int>rounded;
    }
    int low = saturated & 0xFFFFFFFF;
    return low > 0x7FFFFFFF ? low - 0x100000000 : low;
}

# MI 4.4 `a / b` in double (BinaryOperationNode): a zero divisor is the Micro Integrator's "Division by zero" error.
function miDivide(float dividend, float divisor) returns float|error {
    if divisor == 0.0 {
        return error("Division by zero");
    }
    return dividend / divisor;
}

# MI 4.4 `a / b` of two Java ints that are not both literals (BinaryOperationNode.performIntOperation), as a number:
# the exact quotient and the double quotient have the same value; a zero divisor is the "Division by zero" error.
function miIntQuotient(int dividend, int divisor) returns float|error {
    if divisor == 0 {
        return error("Division by zero");
    }
    return <float>dividend / <float>divisor;
}

# The string of an MI 4.4 `a / b` of two Java ints (performIntOperation): an exact quotient is the int ("2" for 4 / 2,
# Java's int division, where MIN_VALUE / -1 wraps to MIN_VALUE), any other the double quotient printed by Java's
# Double.toString ("3.5"); a zero divisor is the "Division by zero" error.
function miIntQuotientText(int dividend, int divisor) returns string|error {
    if divisor == 0 {
        return error("Division by zero");
    }
    if dividend % divisor == 0 {
        int quotient = dividend / divisor;
        return (quotient == 2147483648 ? -2147483648 : quotient).toString();
    }
    return javaDoubleString(<float>dividend / <float>divisor);
}

# MI 4.4 `a % b` of two integers: a zero divisor is the Micro Integrator's "Modulo by zero" error.
function miIntModulo(int dividend, int divisor) returns int|error {
    if divisor == 0 {
        return error("Modulo by zero");
    }
    // Java's long remainder: MIN % -1 is 0 (Ballerina's would overflow).
    return divisor == -1 ? 0 : dividend % divisor;
}

# MI 4.4 `a + b`, `a - b` or `a * b` of two integers whose result may not fit an int (Ballerina's int arithmetic
# panics on overflow; Java's does not), as BinaryOperationNode computes it: two Java ints add and multiply exactly
# (Math.addExact and multiplyExact overflow into a long) and subtract with Java's 32-bit wrap-around; with `javaLong`
# (an operand the MI holds as a long) or a value past the int range, Java's long arithmetic, which wraps around at 64 bits.
function miIntArithmetic(int left, string operator, int right, boolean javaLong = false) returns int {
    boolean ints = !javaLong && left >= -2147483648 && left <= 2147483647 && right >= -2147483648 && right <= 2147483647;
    if operator == "+" {
        return ints ? left + right : javaLongAdd(left, right);
    }
    if operator == "-" {
        return ints ? javaIntWrap(left - right) : javaLongSubtract(left, right);
    }
    return ints ? left * right : javaLongMultiply(left, right);
}

# MI 4.4 `-x` of an integer (SignedExpressionNode): a Java int negated with Java's 32-bit wrap-around (-(-2147483648) is
# -2147483648); a long (`javaLong`, or a value past the int range) the MI refuses.
function miIntNegate(int value, boolean javaLong = false) returns int|error {
    if javaLong || value < -2147483648 || value > 2147483647 {
        return error(string `Cannot negate a non-numeric value : ${value}`);
    }
    return javaIntWrap(-value);
}

# A value within twice the int range wrapped around into it, as Java's int arithmetic does.
function javaIntWrap(int value) returns int => ((value + 2147483648) & 0xFFFFFFFF) - 2147483648;

# Java's long `a + b`: on overflow it wraps around (each operand moved by 2^63 keeps the sum in range).
function javaLongAdd(int left, int right) returns int {
    int|error sum = trap left + right;
    if sum is int {
        return sum;
    }
    return left > 0 ? (left + int:MIN_VALUE) + (right + int:MIN_VALUE) : (left - int:MIN_VALUE) + (right - int:MIN_VALUE);
}

# Java's long `a - b`: on overflow it wraps around.
function javaLongSubtract(int left, int right) returns int {
    int|error difference = trap left - right;
    if difference is int {
        return difference;
    }
    return left >= 0 ? (left + int:MIN_VALUE) - (right - int:MIN_VALUE) : (left - int:MIN_VALUE) - (right + int:MIN_VALUE);
}

# Java's long `a * b`: the low 64 bits of the product, summed from 16-bit pieces (shifts discard the bits beyond 64).
function javaLongMultiply(int left, int right) returns int {
    int|error product = trap left * right;
    if product is int {
        return product;
    }
    int result = 0;
    foreach int i in 0 ..< 4 {
        int leftPiece = (left >> (16 * i)) & 0xFFFF;
        foreach int j in 0 ..< 4 - i {
            int rightPiece = (right >> (16 * j)) & 0xFFFF;
            result = javaLongAdd(result, (leftPiece * rightPiece) << (16 * (i + j)));
        }
    }
    return result;
}

# MI 4.4 `a % b` with a double: a zero divisor is the Micro Integrator's "Modulo by zero" error.
function miFloatModulo(float dividend, float divisor) returns float|error {
    if divisor == 0.0 {
        return error("Modulo by zero");
    }
    return dividend % divisor;
}

# MI 4.4 arithmetic with a double operand (BinaryOperationNode.performDoubleOperation, handleAddition): each operand as
# Java's Double.toString text read as a BigDecimal, then the exact `+`, `-`, `*` or remainder, or the quotient rounded
# half up to the dividend's scale (`BigDecimal.divide(divisor, ROUND_HALF_UP)`: 1.0 / 8.0 is 0.1, 10.0 / 4.0 is 2.5,
# 1.0E10 / 3.0 is 3.0E9), as the nearest double. So 0.1 + 0.2 is 0.3, not IEEE 754's 0.30000000000000004. A zero divisor
# is the Micro Integrator's "Division by zero" / "Modulo by zero" error; a NaN or infinite operand, which BigDecimal
# refuses, is an error too. Ballerina's decimal keeps 34 digits: a quotient with more significant digits before the
# dividend's scale is rounded twice (the Micro Integrator's is exact).
function miDoubleArithmetic(float left, string operator, float right) returns float|error {
    if right == 0.0 && (operator == "/" || operator == "%") {
        return error(operator == "/" ? "Division by zero" : "Modulo by zero");
    }
    string leftText = javaDoubleString(left);
    decimal l = check decimal:fromString(leftText);
    decimal r = check decimal:fromString(javaDoubleString(right));
    decimal|error result = trap miDecimalOperation(l, operator, r, javaDecimalScale(leftText));
    return <float>check result;
}

function miDecimalOperation(decimal l, string operator, decimal r, int scale) returns decimal {
    match operator {
        "+" => {
            return l + r;
        }
        "-" => {
            return l - r;
        }
        "*" => {
            return l * r;
        }
        "%" => {
            return l % r;
        }
    }
    // ROUND_HALF_UP at `scale` digits after the point (a negative scale rounds to tens, hundreds, ...): ties away from zero.
    decimal unit = checkpanic decimal:fromString("1E" + (-scale).toString());
    decimal scaled = (l / r) / unit;
    decimal magnitude = decimal:floor(decimal:abs(scaled) + 0.5d);
    return (scaled < 0d ? -magnitude : magnitude) * unit;
}

# The scale of a BigDecimal built from Java's Double.toString text ("1.25" is 2, "1.0E10" is -9, "1.0E-4" is 5): the
# digits after the point less the exponent.
function javaDecimalScale(string text) returns int {
    int? e = text.indexOf("E");
    string mantissa = e is int ? text.substring(0, e) : text;
    int exponent = e is int ? checkpanic int:fromString(text.substring(e + 1)) : 0;
    int? point = mantissa.indexOf(".");
    int fraction = point is int ? mantissa.length() - point - 1 : 0;
    return fraction - exponent;
}

# MI 4.4 base64decode(s): the UTF-8 text of the Base64 bytes.
function base64Decode(string encoded) returns string|error => string:fromBytes(check array:fromBase64(encoded));

# Synapse's XPath base64Decode(s) (Base64DecodeFunction): commons-codec's lenient decoding of
# the UTF-8 bytes of `encoded`: bytes outside the alphabet (which also holds the URL-safe `-` and `_`) are
# skipped, decoding stops at the first `=`, a last group of two or three characters gives one or two bytes
# and a lone last character none; then the bytes as UTF-8 text (an error where Java would substitute
# U+FFFD) with Java's `trim` (characters up to U+0020 removed at both ends). Empty input gives "".
# base64Decode(s, charset): the bytes as that charset's text, as `new String(bytes, charset)`: "US-ASCII" gives
# U+FFFD for a byte above 127, "ISO-8859-1" each byte as its own character (the lowering passes no other).
function xpathBase64Decode(string encoded, string charset = "UTF-8") returns string|error {
    byte[] decoded = [];
    int bits = 0;
    int count = 0;
    foreach byte b in encoded.toBytes() {
        int digit;
        if b >= 65 && b <= 90 {
            digit = b - 65;
        } else if b >= 97 && b <= 122 {
            digit = b - 71;
        } else if b >= 48 && b <= 57 {
            digit = b + 4;
        } else if b == 43 || b == 45 {
            digit = 62;
        } else if b == 47 || b == 95 {
            digit = 63;
        } else if b == 61 {
            break;
        } else {
            continue;
        }
        bits = (bits << 6) | digit;
        count += 1;
        if count == 4 {
            decoded.push(<byte>((bits >> 16) & 255), <byte>((bits >> 8) & 255), <byte>(bits & 255));
            bits = 0;
            count = 0;
        }
    }
    if count == 2 {
        decoded.push(<byte>((bits >> 4) & 255));
    } else if count == 3 {
        decoded.push(<byte>((bits >> 10) & 255), <byte>((bits >> 2) & 255));
    }
    string text = charset == "UTF-8" ? check string:fromBytes(decoded)
        : check string:fromCodePointInts(from byte b in decoded select charset == "US-ASCII" && b > 127 ? 0xFFFD : <int>b);
    int low = 0;
    int end = text.length();
    while low < end && text.getCodePoint(low) <= 32 {
        low += 1;
    }
    while end > low && text.getCodePoint(end - 1) <= 32 {
        end -= 1;
    }
    return text.substring(low, end);
}

# The JSON value at a simple path of the payload as an MI 4.4 function takes its argument: a missing
# path (PayloadAccessNode) or a JSON null (PredefinedFunctionNode.checkArguments) is an error.
function payloadJson(Context ctx, string path) returns json|error {
    json value = check synapsePath(ctx, path);
    if value is () {
        return error(string `no value at ${path}`);
    }
    return value;
}

# An MI 4.4 operand of `? :`, `and`/`or` or not() (ExpressionResult.isBoolean): a JSON boolean; anything else is an
# error, as ConditionalExpressionNode and BinaryOperationNode fail on it.
function jsonBoolean(json value) returns boolean|error => value is boolean ? value : error(string `not a boolean: ${value.toJsonString()}`);

# MI 4.4 isString(x) (ExpressionResult.isString): a JSON string.
function jsonIsString(json value) returns boolean => value is string;

# MI 4.4 isNumber(x): a JSON number (Gson reads every number as one Double.parseDouble accepts).
function jsonIsNumber(json value) returns boolean => value is int|float|decimal;

# MI 4.4 isArray(x) (ExpressionResult.isArray): an array, or a string whose text is one.
function jsonIsArray(json value) returns boolean|error => value is string ? jsonTextIs(value, true) : value is json[];

# MI 4.4 isObject(x) (ExpressionResult.isObject): an object, or a string whose text is one.
function jsonIsObject(json value) returns boolean|error => value is string ? jsonTextIs(value, false) : value is map<json>;

# Whether a string holds a JSON array (`array`) or object as ExpressionResult reads it: without one pair of
# surrounding double quotes, every backslash removed, parsed by Gson. Gson parses leniently (comments,
# single quotes, unquoted names); text that strict JSON refuses but that starts as the wanted value (or a
# comment) could still be one, so it is an error rather than a guess. A lone `"` fails in isObject (Java's
# substring throws) and is false in isArray (which catches every exception), as in the MI.
function jsonTextIs(string text, boolean array) returns boolean|error {
    string candidate = text;
    if candidate.startsWith("\"") && candidate.endsWith("\"") {
        if candidate.length() < 2 {
            return array ? false : error("isObject of a single quote character");
        }
        candidate = candidate.substring(1, candidate.length() - 1);
    }
    candidate = re `\\`.replaceAll(candidate, "");
    json|error parsed = value:fromJsonString(candidate);
    if parsed is json {
        return array ? parsed is json[] : parsed is map<json>;
    }
    string trimmed = candidate.trim();
    if trimmed.startsWith(array ? "[" : "{") || trimmed.startsWith("/") || trimmed.startsWith("#") {
        return error(string `the text is not strict JSON; Gson's lenient parsing decides whether it is one: ${text}`);
    }
    return false;
}

# MI 4.4 object(x) and array(x) (PredefinedFunctionNode.convertToObject/convertToArray through
# ExpressionResult.asJsonObject/asJsonArray): a JSON object (array) as it is; a string (a literal's text as written,
# quotes included) without one pair of surrounding double quotes and with every backslash removed, parsed; anything
# else, or text that is not one, fails ("Argument cannot be converted to a JSON object"), which fails the expression.
# So `object('{"a":1}')` fails as in the MI (Gson reads the single-quoted text as a string) and
# `object("{\"a\":1}")` is the object. Differs: Gson parses leniently (unquoted names, single quotes, comments),
# text strict JSON refuses is an error here.
function miJsonConversion(json operand, boolean array) returns json|error {
    if array ? operand is json[] : operand is map<json> {
        return operand;
    }
    if operand is string && check jsonTextIs(operand, array) {
        string candidate = operand.startsWith("\"") && operand.endsWith("\"") ? operand.substring(1, operand.length() - 1) : operand;
        return value:fromJsonString(re `\\`.replaceAll(candidate, ""));
    }
    return error(array ? "Argument cannot be converted to a JSON array" : "Argument cannot be converted to a JSON object");
}

# MI 4.4 length(x) of a JSON value (PredefinedFunctionNode.handleLengthFunction): a string's length, an array's
# size; anything else fails ("Invalid argument provided for length function"). Differs: the length counts
# characters (code points) where Java counts UTF-16 units.
function jsonLength(json operand) returns int|error {
    if operand is string {
        return operand.length();
    }
    if operand is json[] {
        return operand.length();
    }
    return error("Invalid argument provided for length function");
}

# MI 4.4 split(text, regex) (PredefinedFunctionNode.handleSplitFunction): Java's `String.split(regex)`, the Java
# regex translated to this Ballerina pattern at conversion time. Each match is found from where the last one ended
# (one character further after an empty match, as Matcher.find does); a zero-width match at the start gives no
# leading empty part; nothing matched gives the text itself; trailing empty parts are removed (so "," gives []).
# The parts are a JSON array of strings.
function javaSplit(string text, string pattern) returns json[]|error {
    regexp:RegExp separator = check regexp:fromString(pattern);
    json[] parts = [];
    int index = 0;
    int searchFrom = 0;
    while searchFrom < text.length() {
        regexp:Span? span = separator.find(text, searchFrom);
        if span is () {
            break;
        }
        int matchStart = span.startIndex;
        int matchEnd = span.endIndex;
        if !(index == 0 && matchStart == 0 && matchEnd == 0) {
            parts.push(text.substring(index, matchStart));
            index = matchEnd;
        }
        searchFrom = matchEnd == matchStart ? matchEnd + 1 : matchEnd;
    }
    if index == 0 {
        return [text];
    }
    parts.push(text.substring(index));
    int size = parts.length();
    while size > 0 && parts[size - 1] == "" {
        size -= 1;
    }
    return parts.slice(0, size);
}

# The text of an MI 4.4 JSON result where a string is needed (ExpressionResult.asString): a JSON string is its text,
# anything else Gson's `JsonElement.toString()` (`gsonJson`).
function gsonText(json operand) returns string => operand is string ? operand : gsonJson(operand);

# Gson's `JsonElement.toString()`: compact (no spaces), members in their order, null members kept, strings escaped
# as Gson's JsonWriter escapes them (`\"`, `\\`, `\t`, `\b`, `\n`, `\r`, `\f`, other control characters, U+2028
# and U+2029 as `\u` and four lower-case hex digits; `/`, `<`, `>`, `&`, `=` and `'` kept), a float as Java's
# Double.toString. Differs: a number read from the message prints as Ballerina holds it (an exponent as `1E+2`, where
# Gson's LazilyParsedNumber keeps the text as written, `1e2`).
function gsonJson(json operand) returns string {
    if operand is () {
        return "null";
    }
    if operand is string {
        return gsonString(operand);
    }
    if operand is float {
        return javaDoubleString(operand);
    }
    if operand is int|decimal|boolean {
        return operand.toString();
    }
    if operand is json[] {
        return "[" + string:'join(",", ...operand.map(item => gsonJson(item))) + "]";
    }
    string[] members = [];
    foreach [string, json] [name, member] in operand.entries() {
        members.push(gsonString(name) + ":" + gsonJson(member));
    }
    return "{" + string:'join(",", ...members) + "}";
}

# A JSON string as Gson's JsonWriter writes it (not HTML-safe, the default of JsonElement.toString).
function gsonString(string text) returns string {
    string[] out = ["\""];
    foreach string:Char c in text {
        int code = c.toCodePointInt();
        if c == "\"" {
            out.push("\\\"");
        } else if c == "\\" {
            out.push("\\\\");
        } else if code == 9 {
            out.push("\\t");
        } else if code == 8 {
            out.push("\\b");
        } else if code == 10 {
            out.push("\\n");
        } else if code == 13 {
            out.push("\\r");
        } else if code == 12 {
            out.push("\\f");
        } else if code < 32 || code == 0x2028 || code == 0x2029 {
            string hex = int:toHexString(code);
            out.push("\\u" + "0000".substring(hex.length()) + hex);
        } else {
            out.push(c);
        }
    }
    out.push("\"");
    return string:'concat(...out);
}

# MI 4.4 exists(payload path): true when the path is there and not null; false also when the payload
# cannot be read as JSON (PredefinedFunctionNode.handleExistsCheck catches the evaluation error).
function payloadExists(Context ctx, string path) returns boolean {
    json|error value = jsonPath(ctx, path);
    return value is json && value !is ();
}

# The number an MI 4.4 header, property or parameter value is (HeadersAndPropertiesAccessNode.tryParseNumber:
# Integer.parseInt, else Long.parseLong, else Double.parseDouble of its text), printed as ExpressionResult.asString
# prints it: "007" is "7", "+5" "5", "1.50" "1.5", " 2 " and "2d" "2.0", "1e2" "100.0"; () when the text is no Java
# number, so the value stays a string. Differs: Java's parsers also read non-ASCII digits and hexadecimal
# floating-point text ("0x1p3"), which stay strings here.
function miNumberText(string value) returns string? {
    if re `[+-]?[0-9]+`.isFullMatch(value) {
        boolean minus = value.startsWith("-");
        string magnitude = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        int|error whole = int:fromString((minus ? "-" : "") + withoutLeadingZeros(magnitude));
        if whole is int {
            return whole.toString();
        }
    }
    // Double.parseDouble trims the characters up to U+0020 first, then reads an optional sign, NaN, Infinity or a
    // decimal with an optional exponent and an optional f/F/d/D suffix.
    int origin = 0;
    int end = value.length();
    while origin < end && value.getCodePointAt(origin) <= 32 {
        origin += 1;
    }
    while end > origin && value.getCodePointAt(end - 1) <= 32 {
        end -= 1;
    }
    string text = value.substring(origin, end);
    boolean negative = text.startsWith("-");
    string unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if unsigned == "NaN" {
        return "NaN";
    }
    if unsigned == "Infinity" {
        return negative ? "-Infinity" : "Infinity";
    }
    if !re `([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?`.isFullMatch(unsigned) {
        return ();
    }
    string digits = re `[fFdD]$`.replace(unsigned, "");
    int exponentAt = digits.indexOf("e") ?: digits.indexOf("E") ?: digits.length();
    string mantissa = digits.substring(0, exponentAt);
    int dot = mantissa.indexOf(".") ?: mantissa.length();
    string integral = withoutLeadingZeros(dot == 0 ? "0" : mantissa.substring(0, dot));
    string fraction = dot + 1 < mantissa.length() ? mantissa.substring(dot + 1) : "0";
    float|error number = float:fromString(integral + "." + fraction + digits.substring(exponentAt));
    if number !is float {
        return ();
    }
    return javaDoubleString(negative ? -number : number);
}

# Decimal digits without their leading zeros ("007" is "7", "000" is "0").
function withoutLeadingZeros(string digits) returns string {
    int first = 0;
    while first < digits.length() - 1 && digits.substring(first, first + 1) == "0" {
        first += 1;
    }
    return digits.substring(first);
}

# An MI 4.4 header, property or parameter value where a string is required (a string function, `+` with a string):
# the value is a number when its text is one (HeadersAndPropertiesAccessNode.tryParseNumber), and a number there is
# the Micro Integrator's evaluation error; a string is read as ExpressionResult.asString gives it, without one pair of
# enclosing double or single quotes (miAsString: a value `"abc"` is abc; a lone quote fails the mediator).
function miStringOperand(string value) returns string|error {
    if miNumberText(value) is string {
        return error(string `not a string: ${value}`);
    }
    return miAsString(value);
}

# An MI 4.4 header, property or parameter value compared with `==` or `!=` (handleEquality compares asString()) or
# read by a function that reads its argument with asString() (integer, float, boolean): the text of the number it parses
# as (miNumberText), else the text without one pair of enclosing double or single quotes (miAsString). Differs: a
# value of one quote character, whose asString throws in the Micro Integrator (`MiJavaException`), stays as it is
# here, where the value is read without an error test.
function miScalarText(string value) returns string {
    string|MiJavaException text = miNumberText(value) ?: miAsString(value);
    return text is string ? text : value;
}

# A whole MI 4.4 `${headers.x}` (property, parameter, configuration value) as SynapseExpression.stringValueOf reads
# it: the text of the number it parses as (miNumberText), else ExpressionResult.asString of the text (`miAsString`:
# one pair of enclosing double or single quotes dropped; a value of one quote character fails the mediator).
function miScalarString(string value) returns string|MiJavaException {
    return miNumberText(value) ?: miAsString(value);
}

# A whole MI 4.4 `${headers.x}` (property, parameter, configuration value) as SynapseExpression.objectValueOf hands it
# on (a payloadFactory `${...}` template, a variable without a STRING or XML type): the text of the number it parses
# as (tryParseNumber's Integer, Long or Double, miNumberText), else the Java String as it is, quotes kept.
function miScalarObject(string value) returns string {
    return miNumberText(value) ?: value;
}

# An MI 4.4 header, property, parameter or configuration value as an operand of `+` (`miSum`):
# HeadersAndPropertiesAccessNode.tryParseNumber makes its text a Java Integer or Long (an int here) when
# Integer.parseInt or Long.parseLong reads it, a Double (a float) when Double.parseDouble does ("1.50", " 2 ", "1e2",
# "NaN"), and keeps it a String otherwise.
function miScalar(string value) returns int|float|string {
    string? number = miNumberText(value);
    if number is () {
        return value;
    }
    int|error whole = int:fromString(number);
    if whole is int {
        return whole;
    }
    float|error fraction = float:fromString(number);
    return fraction is float ? fraction : value;
}

# MI 4.4 `a + b + ...` over header, property, parameter and configuration values (`miScalar`), literals and string
# functions, from the left (BinaryOperationNode.handleAddition): two integers add as Java's int (Math.addExact, a long
# past the int range) or long (wrapping around) arithmetic does; a float with a number adds the two operands' text
# (ExpressionResult.asString: Double.toString) as BigDecimals and takes the double of the sum; two strings
# concatenate, each as ExpressionResult.asString gives it (one pair of enclosing double or single quotes dropped); any
# other pair is the Micro Integrator's evaluation error ("Addition between non-numeric values"), which makes the whole
# expression "" with a warning (`synapseValue`). A string operand is the Java String of its node: a string literal's
# token with its delimiting quotes (LiteralNode), which asString drops, a value's or a string function's text; each
# sum is a new Java String, whose own pair of enclosing quotes the next `+` drops (asString of the left operand). The
# result is the text asString gives the last sum; a string of one quote character fails the mediator there
# (`MiJavaException`), as String.substring's exception does in the Micro Integrator. Differs: a NaN or infinite double
# operand of a numeric sum throws a Java exception in the Micro Integrator (BigDecimal's NumberFormatException) where
# this gives the evaluation error.
function miSum(int|float|string... operands) returns string|error {
    int|float|string sum = operands.length() > 0 ? operands[0] : "";
    foreach int i in 1 ..< operands.length() {
        int|float|string operand = operands[i];
        if sum is string && operand is string {
            sum = check miAsString(sum) + check miAsString(operand);
        } else if sum is int && operand is int {
            sum = javaLongAdd(sum, operand);
        } else if sum !is string && operand !is string {
            decimal left = check decimal:fromString(check miText(sum));
            decimal right = check decimal:fromString(check miText(operand));
            sum = <float>(left + right);
        } else {
            return error(string `Addition between non-numeric values: ${check miText(sum)} and ${check miText(operand)}`);
        }
    }
    return miText(sum);
}

# ExpressionResult.asString of an MI 4.4 value: an int's digits, a double as Java's Double.toString writes it, a string
# without one pair of enclosing double or single quotes (`miAsString`).
function miText(int|float|string value) returns string|MiJavaException {
    if value is int {
        return value.toString();
    }
    if value is float {
        return javaDoubleString(value);
    }
    return miAsString(value);
}

# ExpressionResult.asString of a Java String (a header, property or parameter value, a `+` result, a string function's
# result; not a string literal, whose own delimiters it drops, nor a JSON string of the payload or a variable): a text
# that starts and ends with a double quote, else with a single quote, loses that first and last character. A text of
# one quote character starts and ends with it, and substring(1, 0) throws StringIndexOutOfBoundsException, which
# SynapseExpression.evaluateExpression does not catch: the mediator fails (`MiJavaException`). `"abc` keeps its quote.
function miAsString(string value) returns string|MiJavaException {
    boolean quoted = (value.startsWith("\"") && value.endsWith("\"")) || (value.startsWith("'") && value.endsWith("'"));
    if !quoted {
        return value;
    }
    if value.length() < 2 {
        return error MiJavaException(string `java.lang.StringIndexOutOfBoundsException: begin 1, end 0, length 1`);
    }
    return value.substring(1, value.length() - 1);
}

# A Java runtime exception of an MI 4.4 expression's evaluation (String.substring's StringIndexOutOfBoundsException in
# ExpressionResult.asString): SynapseExpression.evaluateExpression catches EvaluationException only, so the mediator
# fails, where an evaluation error gives "" (`synapseValue`, `synapseCondition` let it through).
type MiJavaException distinct error;

# MI 4.4 `payload.a.b == null` (PayloadAccessNode, BinaryOperationNode.handleEquality): true when the member (a name or
# an index) of the value at `parent` is a JSON null, false when it holds another value; an error when it does not
# exist (Jayway's PathNotFoundException), which fails the whole expression as in the Micro Integrator.
function payloadIsNull(Context ctx, string parent, string|int member) returns boolean|error {
    json container = check synapsePath(ctx, parent);
    if member is int {
        if container is json[] && member >= 0 && member < container.length() {
            return container[member] is ();
        }
    } else if container is map<json> && container.hasKey(member) {
        return container.get(member) is ();
    }
    return error(string `no value at ${parent} for ${member.toString()}`);
}

# MI 4.4 exists(vars.x): true when the variable is set and not null.
function variableExists(Context ctx, string name) returns boolean => ctx.variables[name] !is ();

# MI 4.4 exists(headers.x), exists(headers["x"]): true when the message carries the transport header (any case, as
# Axis2's header map compares names).
function headerExists(Context ctx, string name) returns boolean => ctx.headers.hasKey(name.toLowerAscii());

# MI 4.4 `<variable expression="${payload...}" type="INTEGER|LONG"/>` (mediators/v2/Utils.convertJsonPrimitive):
# `value` is what `jsonPath` read at the payload path. It must be a JSON number: Gson's getAsInt/getAsLong drop
# a fraction towards zero, and getAsInt keeps the low 32 bits, as Java's int conversion does. A JSON string such
# as "12", a boolean, an object, null or a missing path (the MI's expression then gives "") faults with the MI's
# message. A number beyond the range of a Java long is an error here (the MI keeps its low bits).
function variableInteger(json|error value, string expression, boolean isLong = false) returns int|error {
    string dataType = isLong ? "LONG" : "INTEGER";
    int whole;
    if value is int {
        whole = value;
    } else if value is decimal {
        decimal truncated = value < 0d ? value.ceiling() : value.floor();
        if truncated < -9223372036854775808d || truncated > 9223372036854775807d {
            return error("the JSON number " + value.toString() + " of '" + expression + "' is beyond the range of a Java long");
        }
        whole = <int>truncated;
    } else if value is float && !value.isNaN() && !value.isInfinite() {
        float truncated = value < 0.0 ? value.ceiling() : value.floor();
        if truncated < -9223372036854775808.0 || truncated >= 9223372036854775808.0 {
            return error("the JSON number " + value.toString() + " of '" + expression + "' is beyond the range of a Java long");
        }
        whole = <int>truncated;
    } else {
        return variableTypeMismatch(expression, dataType);
    }
    if isLong {
        return whole;
    }
    int low = whole & 0xFFFFFFFF;
    return low > 0x7FFFFFFF ? low - 0x100000000 : low;
}

# The same for type DOUBLE: a JSON number (Gson's getAsDouble).
function variableDouble(json|error value, string expression) returns float|error {
    if value is int {
        return <float>value;
    }
    if value is decimal {
        return <float>value;
    }
    if value is float {
        return value;
    }
    return variableTypeMismatch(expression, "DOUBLE");
}

# The same for type BOOLEAN: a JSON boolean; the string "true" faults.
function variableBoolean(json|error value, string expression) returns boolean|error {
    if value is boolean {
        return value;
    }
    return variableTypeMismatch(expression, "BOOLEAN");
}

# The same for type JSON: an object or array is kept (a copy: the MI parses the payload afresh for the
# expression), a string, number or boolean becomes its text (Gson's getAsString); null or a missing path faults.
function variableJson(json|error value, string expression) returns json|error {
    if value is map<json>|json[] {
        return value.clone();
    }
    if value is string {
        return value;
    }
    if value is int|float|decimal|boolean {
        return value.toString();
    }
    return variableTypeMismatch(expression, "JSON");
}

# MI 4.4 `vars.x` as a number operand, for a variable every variable mediator of the project sets with type INTEGER
# or LONG (a Java Integer or Long, which BinaryOperationNode adds, subtracts and multiplies as numbers): its int. A
# variable that is not set fails the expression as PayloadAccessNode does ("Variable x is not defined"), and so does
# one something else set to another type.
function miIntVariable(Context ctx, string name) returns int|error {
    anydata value = ctx.variables[name];
    if value is () {
        return error(string `Variable ${name} is not defined`);
    }
    if value is int {
        return value;
    }
    return error(string `the variable '${name}' does not hold an integer`);
}

# The same for a variable every variable mediator sets with type DOUBLE (a Java Double): its float.
function miDoubleVariable(Context ctx, string name) returns float|error {
    anydata value = ctx.variables[name];
    if value is () {
        return error(string `Variable ${name} is not defined`);
    }
    if value is float {
        return value;
    }
    return error(string `the variable '${name}' does not hold a double`);
}

# MI 4.4 `<variable type="INTEGER" expression="${...}"/>` of a sum or product of ints (mediators/v2/Utils
# .convertExpressionResult): a Java Integer is kept; a failed evaluation (logged as a warning, the MI's "") or a result
# beyond the int range (Math.addExact and multiplyExact then give a Long) faults with the MI's type mismatch.
function miIntegerResult(function () returns int|error evaluate, string expression) returns int|error {
    int|error value = evaluate();
    if value is error {
        log:printWarn(string `Error evaluating expression: ${expression} cause : ${value.message()}`);
        return variableTypeMismatch(expression, "INTEGER");
    }
    if value < -2147483648 || value > 2147483647 {
        return variableTypeMismatch(expression, "INTEGER");
    }
    return value;
}

# The fault of Utils.handleDataTypeException, with the expression as written inside `${...}`.
function variableTypeMismatch(string expression, string dataType) returns error =>
    error("Expression '${" + expression + "}' result does not match the expected data type '" + dataType + "'");

# Synapse's string value of an XPath result, which is not XPath's `string()` (an MI quirk, semantics
# §7.2, SynapseXPath.stringValueOf; `xmlNodesText`): one element gives its own text (its text children, not its
# descendants', nbsp read as a space) trimmed, or its serialised XML when that text is blank; several nodes give each
# element's serialised XML with its own text trimmed and each text node's text (untrimmed), concatenated; comments and
# processing instructions give nothing.
function xpathString(xml nodes) returns string => xmlNodesText(nodes);

# A call-template parameter given as an XPath node-set (`<with-param value="{//name}"/>`): the Micro Integrator
# passes the first node only (TemplateContext.resolveExpressionValue: Value.resolveObject, selectSingleNode), and
# `$func:name` reads that one node back as SynapseXPath.stringValueOf does (`xmlNodesText`: an element's own
# text trimmed, or its XML when it has none). An empty node-set gives "" (the MI leaves the parameter unset).
function xpathFirstNodeString(xml nodes) returns string {
    foreach xml node in nodes {
        return xmlNodesText(node);
    }
    return "";
}

# Synapse's string value of a path ending in `node()` (semantics §7.2, `SynapseXPath.stringValueOf`): the
# child nodes of `parents`; a single text node stands for its parent element; an element gives its XML
# with its own text trimmed (nbsp as a space), a text node its text; comments give nothing.
function xpathNodeString(xml parents) returns string {
    xml nodes = xml ``;
    xml:Element? owner = ();
    foreach xml parent in parents {
        if parent is xml:Element && parent.getChildren().length() > 0 {
            nodes += parent.getChildren();
            owner = parent;
        }
    }
    if nodes.length() == 1 && nodes is xml:Text && owner is xml:Element {
        return xpathElementString(owner);
    }
    return xpathNodesString(nodes);
}

# Synapse's string value of several nodes (`SynapseXPath.stringValueOf` over a list): each element's XML with its
# own text trimmed (`xpathElementString`), each text node's text, concatenated; comments give nothing.
function xpathNodesString(xml nodes) returns string {
    string value = "";
    foreach xml item in nodes {
        if item is xml:Element {
            value += xpathElementString(item);
        } else if item is xml:Text {
            value += item.data();
        }
    }
    return value;
}

# An element as Synapse's string value of a node list writes it: its XML, with its own text (the text
# children, nbsp read as a space) trimmed; the XML unchanged when that text is blank.
function xpathElementString(xml:Element element) returns string {
    string own = element.getChildren().text().data();
    string trimmed = replaceText(own, "\u{A0}", " ").trim();
    string serialised = element.toString();
    return trimmed == "" ? serialised : replaceText(serialised, own, trimmed);
}

# The string value of each node (XPath 1.0 §5: an element's is the text of all its descendants), in order.
function xpathStrings(xml nodes) returns string[] {
    string[] values = [];
    foreach xml item in nodes {
        values.push(item.data());
    }
    return values;
}

# The text children of each element, as XPath's `text()` step selects them, each as a string.
function xpathTextValues(xml parents) returns string[] {
    string[] values = [];
    foreach xml parent in parents {
        if parent is xml:Element {
            foreach xml child in parent.getChildren() {
                if child is xml:Text {
                    values.push(child.data());
                }
            }
        }
    }
    return values;
}

# The n-th text child of each element (1 for the first), as XPath's `text()[n]` step selects it: the
# positional predicate counts the text children of each element apart, in document order (an element
# with fewer has none). Ballerina merges adjacent text into one item, as the parser gives one text node
# for text that no comment, processing instruction or element interrupts; Axiom keeps a CDATA section a
# text node of its own, so around one the Micro Integrator counts more text nodes (docs/mapping.md).
function xpathNthTextValues(xml parents, int position) returns string[] {
    string[] values = [];
    foreach xml parent in parents {
        if parent is xml:Element {
            int seen = 0;
            foreach xml child in parent.getChildren() {
                if child is xml:Text {
                    seen += 1;
                    if seen == position {
                        values.push(child.data());
                        break;
                    }
                }
            }
        }
    }
    return values;
}

# The values of the attribute `name` (an expanded name, `{uri}local`, or a local name without a
# namespace) of each element, as XPath's `@name` step selects them.
function xpathAttributeValues(xml nodes, string name) returns string[] {
    string[] values = [];
    foreach xml item in nodes {
        if item is xml:Element {
            string? value = item.getAttributes()[name];
            if value is string {
                values.push(value);
            }
        }
    }
    return values;
}

# XPath's string() of a node-set (XPath 1.0 §4.2): the string value of the first node, "" when empty.
function xpathFirst(string[] values) returns string => values.length() > 0 ? values[0] : "";

# The text nodes `x//text()` selects (descendant-or-self::node()/child::text()): the text children of each element
# of `parents` and of every element below it, in document order (semantics notes 7.2). A node-set holds each node
# once, so an element of `parents` inside an earlier one (`//a//text()` over nested `a`) adds no text again.
function xpathDescendantTexts(xml parents) returns string[] {
    string[] values = [];
    xml:Element[] roots = [];
    foreach xml parent in parents {
        if parent is xml:Element && !elementWithinAny(parent, roots) {
            roots.push(parent);
            values.push(...elementDescendantTexts(parent));
        }
    }
    return values;
}

function elementDescendantTexts(xml:Element element) returns string[] {
    string[] values = [];
    foreach xml child in element.getChildren() {
        if child is xml:Text {
            values.push(child.data());
        } else if child is xml:Element {
            values.push(...elementDescendantTexts(child));
        }
    }
    return values;
}

# Whether `element` is one of the elements below one of `ancestors` (the same element, by identity).
function elementWithinAny(xml:Element element, xml:Element[] ancestors) returns boolean {
    foreach xml:Element ancestor in ancestors {
        foreach xml child in ancestor.getChildren() {
            if child is xml:Element && (child === element || elementWithinAny(element, [child])) {
                return true;
            }
        }
    }
    return false;
}

# Synapse's string value of a list of text or attribute nodes (semantics §7.2): their values, concatenated.
function xpathConcat(string[] values) returns string => string:'join("", ...values);

# XPath's comparison of a node-set with a string by `=` or `!=` (XPath 1.0 §3.4): true when it holds
# for the string value of some node, so both are false for an empty node-set.
function xpathSomeString(string[] values, string op, string other) returns boolean {
    foreach string value in values {
        if (value == other) == (op == "=") {
            return true;
        }
    }
    return false;
}

# XPath's comparison of a node-set with a number, or by a relational operator (XPath 1.0 §3.4): true
# when it holds for number() of the string value of some node; NaN compares false except by `!=`.
function xpathSomeNumber(string[] values, string op, float other) returns boolean {
    foreach string value in values {
        float number = xpathNumber(value);
        boolean result;
        if number.isNaN() || other.isNaN() {
            result = op == "!=";
        } else if op == "=" {
            result = number == other;
        } else if op == "!=" {
            result = number != other;
        } else if op == "<" {
            result = number < other;
        } else if op == "<=" {
            result = number <= other;
        } else if op == ">" {
            result = number > other;
        } else {
            result = number >= other;
        }
        if result {
            return true;
        }
    }
    return false;
}

# The elements of `nodes` for which an XPath predicate that is not positional holds (XPath 1.0 §2.4), in order.
function xpathFilter(xml nodes, function (xml:Element) returns boolean test) returns xml {
    xml result = xml ``;
    foreach xml item in nodes {
        if item is xml:Element && test(item) {
            result += item;
        }
    }
    return result;
}

# A child step with a positional predicate (XPath 1.0 §2.4): for each parent, the `position`-th
# (1-based; the last when ()) of the child elements named `name` (an expanded name; any when ()) that
# pass `test`. With `descendant` (`//a[1]`) every descendant of the parents is a parent too. In document order.
function xpathChildAt(xml parents, string? name, int? position, boolean descendant,
        (function (xml:Element) returns boolean)? test) returns xml {
    xml result = xml ``;
    foreach xml parent in parents {
        if parent is xml:Element {
            xml<xml:Element> children = parent.getChildren().elements();
            int count = 0;
            foreach xml:Element child in children {
                if xpathSelects(child, name, test) {
                    count += 1;
                }
            }
            int target = position ?: count;
            int seen = 0;
            foreach xml:Element child in children {
                if xpathSelects(child, name, test) {
                    seen += 1;
                    if seen == target {
                        result += child;
                    }
                }
                if descendant {
                    result += xpathChildAt(child, name, position, true, test);
                }
            }
        }
    }
    return result;
}

# XPath's comparison of two node-sets (XPath 1.0 §3.4, Jaxen's `evaluateSetSet`): true when the comparison holds
# for some pair of nodes, one from each set; by `=` and `!=` on their string values, by a relational operator on
# number() of them (`xpathSomeNumber`: NaN compares false). False when either set is empty.
function xpathSomePair(string[] left, string op, string[] right) returns boolean {
    foreach string other in right {
        if op is "=" | "!=" ? xpathSomeString(left, op, other) : xpathSomeNumber(left, op, xpathNumber(other)) {
            return true;
        }
    }
    return false;
}

# A child step whose predicates read the context element's parent (a sibling or parent axis, XPath 1.0 §2.2):
# for each parent, its child elements named `name` (an expanded name; any when ()) for which `test` holds, given
# the child and that parent. With `descendant` (`//a[...]`) every descendant of the parents is a parent too.
# Ballerina's xml keeps no parent pointers, so the step hands each element the parent it was taken from. In
# document order.
function xpathChildrenWhere(xml parents, string? name, boolean descendant,
        function (xml:Element, xml:Element) returns boolean test) returns xml {
    xml result = xml ``;
    foreach xml parent in parents {
        if parent is xml:Element {
            foreach xml:Element child in parent.getChildren().elements() {
                if (name is () || child.getName() == name) && test(child, parent) {
                    result += child;
                }
                if descendant {
                    result += xpathChildrenWhere(child, name, true, test);
                }
            }
        }
    }
    return result;
}

# XPath's following-sibling and preceding-sibling axes (XPath 1.0 §2.2) of `context`, a child element of
# `parent`: the sibling elements after (`following`) or before it named `name` (an expanded name; any when ()),
# in document order. The element is found among its parent's children by identity (`===`: an element has
# storage identity), not by its content, so an equal sibling is not taken for it.
function xpathSiblings(xml:Element parent, xml:Element context, boolean following, string? name) returns xml {
    xml result = xml ``;
    boolean after = false;
    foreach xml:Element child in parent.getChildren().elements() {
        if child === context {
            after = true;
        } else if after == following && (name is () || child.getName() == name) {
            result += child;
        }
    }
    return result;
}

# XPath's parent axis (XPath 1.0 §2.2) of an element taken from `parent`: that element when it is named `name`
# (an expanded name; any when ()), else nothing.
function xpathParentNamed(xml:Element parent, string? name) returns xml =>
    name is () || parent.getName() == name ? parent : xml ``;

function xpathSelects(xml:Element element, string? name, (function (xml:Element) returns boolean)? test) returns boolean =>
    (name is () || element.getName() == name) && (test is () || test(element));

# XPath's local-name(node-set) (XPath 1.0 §4.1): the local part of the first node's name; "" for an
# empty set or a node without a name.
function xpathLocalName(xml nodes) returns string {
    string name = xpathFirstName(nodes);
    int? brace = name.indexOf("}");
    return brace is int ? name.substring(brace + 1) : name;
}

# XPath's namespace-uri(node-set) (XPath 1.0 §4.1): the namespace of the first node's name; "" for an
# empty set, a name without a namespace or a node without a name.
function xpathNamespaceUri(xml nodes) returns string {
    string name = xpathFirstName(nodes);
    int? brace = name.indexOf("}");
    return name.startsWith("{") && brace is int ? name.substring(1, brace) : "";
}

# The expanded name (`{uri}local`) of the first node when it is an element, else "".
function xpathFirstName(xml nodes) returns string {
    if nodes.length() == 0 {
        return "";
    }
    xml first = nodes[0];
    return first is xml:Element ? first.getName() : "";
}

# MI 4.4 urlEncode(s): Java's `URLEncoder.encode(s, "UTF-8")` with `+` then written `%20` and `*` `%2A`
# (`PredefinedFunctionNode`): every UTF-8 byte except ASCII letters, digits, `.`, `-` and `_` as `%XX`.
function urlEncodeText(string text) returns string {
    string result = "";
    foreach byte b in text.toBytes() {
        if (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 46 || b == 45 || b == 95 {
            result += checkpanic string:fromBytes([b]);
        } else {
            string hex = b.toHexString().toUpperAscii();
            result += "%" + (hex.length() == 1 ? "0" + hex : hex);
        }
    }
    return result;
}

# Java's `String.getBytes(charset)` for the charsets MI 4.4 `base64encode(s, charset)` and `urlEncode(s, charset)` are
# translated with: UTF-8, or one byte per character for US-ASCII (up to U+007F) and ISO-8859-1 (up to U+00FF), a
# character the charset cannot encode written as `?`, the encoder's replacement (a surrogate pair is one character).
function charsetBytes(string text, "UTF-8"|"US-ASCII"|"ISO-8859-1" charset) returns byte[] {
    if charset == "UTF-8" {
        return text.toBytes();
    }
    int max = charset == "US-ASCII" ? 0x7F : 0xFF;
    byte[] bytes = [];
    foreach int c in text.toCodePointInts() {
        bytes.push(c <= max ? <byte>c : 63);
    }
    return bytes;
}

# MI 4.4 `urlEncode(s, charset)` with a charset other than exactly "UTF-8": Java's `URLEncoder.encode(s, charset)` as it
# is: letters, digits, `.`, `-`, `*` and `_` kept, a space as `+`, every other character as the `%XX` of its bytes in
# the charset (`charsetBytes`).
function urlEncodeJava(string text, "UTF-8"|"US-ASCII"|"ISO-8859-1" charset) returns string {
    string result = "";
    foreach int c in text.toCodePointInts() {
        if (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 46 || c == 45 || c == 42 || c == 95 {
            result += checkpanic string:fromCodePointInt(c);
        } else if c == 32 {
            result += "+";
        } else {
            foreach byte b in charsetBytes(checkpanic string:fromCodePointInt(c), charset) {
                string hex = b.toHexString().toUpperAscii();
                result += "%" + (hex.length() == 1 ? "0" + hex : hex);
            }
        }
    }
    return result;
}

# MI 4.4 urlDecode(s): Java's `URLDecoder.decode(s, "UTF-8")`: `+` is a space, `%XX` sequences are UTF-8
# bytes; an incomplete or invalid `%` sequence is an error, as it is in Java. With `plusAsSpace` false, as Axis2's
# URIEncoderDecoder.decode (the `$url:` variable, a form body's values): a `+` stays a `+`, and each of the two
# characters after a `%` must be a hexadecimal digit (Character.digit; URLDecoder's Integer.parseInt also takes a sign).
function urlDecodeText(string text, boolean plusAsSpace = true) returns string|error {
    string result = "";
    byte[] pending = [];
    int i = 0;
    while i < text.length() {
        string c = text.substring(i, i + 1);
        if c == "%" {
            if i + 3 > text.length() {
                return error("urlDecode: incomplete escape at " + i.toString());
            }
            int b = plusAsSpace
                ? check int:fromHexString(text.substring(i + 1, i + 3))
                : (check int:fromHexString(text.substring(i + 1, i + 2))) * 16 + (check int:fromHexString(text.substring(i + 2, i + 3)));
            if b < 0 {
                return error("urlDecode: invalid escape at " + i.toString());
            }
            pending.push(<byte>b);
            i += 3;
            continue;
        }
        if pending.length() > 0 {
            result += check string:fromBytes(pending);
            pending = [];
        }
        result += c == "+" && plusAsSpace ? " " : c;
        i += 1;
    }
    return pending.length() > 0 ? result + check string:fromBytes(pending) : result;
}

# Synapse's XPath `$url:name` (SynapseXPathVariableContext): the query parameter `name` of the current To address,
# read when the expression is evaluated (a `header To` or a rewrite before it is seen): the query is split at `&`
# and each parameter at every `=` (Java's split, trailing empty parts dropped, so `a=b=c` gives "b" and `a=` ""),
# the FIRST parameter whose name equals `name` ignoring case wins, and its value is percent-decoded as UTF-8 (a
# `+` stays a `+`, as Axis2's URIEncoderDecoder leaves it); "" when the address has no such parameter.
function urlParam(Context ctx, string name) returns string|error {
    int? mark = ctx.to.indexOf("?");
    if mark is () {
        return "";
    }
    foreach string param in re `&`.split(ctx.to.substring(mark + 1)) {
        string[] parts = re `=`.split(param);
        while parts.length() > 0 && parts[parts.length() - 1] == "" {
            _ = parts.pop();
        }
        if parts.length() >= 1 && parts[0].equalsIgnoreCaseAscii(name) {
            return parts.length() > 1 ? urlDecodeText(parts[1], plusAsSpace = false) : "";
        }
    }
    return "";
}

# The server's IP address: the local entry SERVER_IP the Micro Integrator registers at start-up
# (CarbonSynapseController.addServerIPAndHostEnrties, from InetAddress.getLocalHost()); "" when the local host cannot be
# resolved, as the Micro Integrator then registers no entry.
function serverIpAddress() returns string {
    handle|error host = javaLocalHost();
    if host is error {
        return "";
    }
    return java:toString(javaHostAddress(host)) ?: "";
}

# The server's host name: the local entry SERVER_HOST, read as `serverIpAddress` reads SERVER_IP.
function serverHostName() returns string {
    handle|error host = javaLocalHost();
    if host is error {
        return "";
    }
    return java:toString(javaHostName(host)) ?: "";
}

isolated function javaLocalHost() returns handle|error = @java:Method {
    'class: "java.net.InetAddress",
    name: "getLocalHost"
} external;

isolated function javaHostAddress(handle address) returns handle = @java:Method {
    'class: "java.net.InetAddress",
    name: "getHostAddress"
} external;

isolated function javaHostName(handle address) returns handle = @java:Method {
    'class: "java.net.InetAddress",
    name: "getHostName"
} external;

# MI 4.4 now(): `System.currentTimeMillis()`, the epoch milliseconds.
function nowMillis() returns int => epochMillis(time:utcNow());

# A UTC time as Java's epoch milliseconds (the fraction of a millisecond dropped).
function epochMillis(time:Utc utc) returns int => utc[0] * 1000 + <int>(utc[1] * 1000d).floor();

# MI 4.4 `${payload}` / `${$}` pasted unquoted into a JSON payloadFactory template (RegexTemplateProcessor). For a
# message whose content type holds "xml", SynapseExpression evaluates it as `xpath('$body')`, whose object value is
# Jaxen's node list: RegexTemplateProcessor pastes the list's Java text, `[<soapenv:Body ...>...</soapenv:Body>]`,
# which is no XML (it ends with `]`) and no JSON, and JsonUtil stores the result after checking its first character
# only, so the Micro Integrator sends that text as the JSON payload. Here that is an error. Any other message pastes
# its JSON payload (`jsonPath` of `$`).
function jsonPayloadSlot(Context ctx) returns json|error {
    if ctx.contentType.includes("xml") {
        return error("payloadFactory: an unquoted ${payload} of an XML message pastes [" + (check soapBody(ctx)).toString()
            + "], which is no JSON");
    }
    return jsonPath(ctx, "$");
}

# MI 4.4 `${payload}` / `${$}` as text. SynapseExpression.evaluateExpressionForPayload evaluates it as
# `xpath('$body')` when the message's content type holds "xml", so it prints the SOAP Body element; any other
# message is its JSON payload as `jsonEval` prints it.
function synapsePayloadText(Context ctx) returns string|error {
    if ctx.contentType.includes("xml") {
        return (check soapBody(ctx)).toString();
    }
    return jsonEval(ctx, "$");
}

# Evaluates a JSONPath of the forms `$`, `$.a.b`, `$.a[0]`, `$['a']` against the payload and returns
# the value the way Synapse's `json-eval` does (`jsonEvalResult`): strings unquoted, objects and arrays as Gson's
# compact JSON text, a missing path as "".
function jsonEval(Context ctx, string path) returns string|error {
    json|xml|ReceivedBody payload = ctx.payload;
    if (path.trim() == "$" || path.trim() == "$.") && payload is ReceivedBody && bodyFormat(payload.contentType) == "json" {
        // `$` returns the JSON exactly as received (semantics §7.5).
        return string:fromBytes(payload.bytes);
    }
    return jsonEvalIn(check jsonPayload(ctx), path);
}

# `json-eval(path)` on the payload as JSON (`jsonPayload`) read once for several paths of one statement or of adjacent
# property sets and logs, which change nothing it reads: what `jsonEval` gives for every path but `$`, which gives the
# JSON text exactly as received.
function jsonEvalIn(json payload, string path) returns string|error {
    // SynapseJsonPath.stringValueOf: a path that is not there gives "" (Jayway throws, and the MI catches it); a JSON
    // null that is there gives "null" (formatJsonPathResponse makes it a Java null, which prints so).
    [json]? found = check jsonPathIn(payload, path);
    if found is () {
        return "";
    }
    return jsonEvalResult(found[0]);
}

# The text SynapseJsonPath.stringValueOf gives a value its path found, through formatJsonPathResponse (Jayway with
# Gson's provider: EIPUtils.setJsonPathConfiguration): a JSON null (JsonNull, which it turns into a Java null) "null";
# a string, number or boolean its text (JsonPrimitive.getAsString); an object that has a member `members`, else
# `elements`, that member's value, and any other object or array Gson's compact JSON text (JsonElement.toString:
# `gsonJson`, no spaces, `{"a":1,"b":[1,2]}`).
function jsonEvalResult(json value) returns string {
    if value is () {
        return "null";
    }
    if value is string {
        return value;
    }
    if value is map<json> {
        if value.hasKey("members") {
            return gsonJson(value.get("members"));
        }
        if value.hasKey("elements") {
            return gsonJson(value.get("elements"));
        }
    }
    return value is json[] || value is map<json> ? gsonJson(value) : value.toJsonString();
}

# The JSON value at a simple path of the payload as an MI 4.4 `${payload...}` reads it (`synapseJsonPayload`: a
# payload that is not JSON is a `NotJson` failure), or `()` when the path does not exist (or holds a JSON null).
function synapsePath(Context ctx, string path) returns json|error {
    [json]? found = check jsonPathIn(check synapseJsonPayload(ctx), path);
    return found is () ? () : found[0];
}

# The JSON value at a simple JSONPath, or `()` when the path does not exist (or holds a JSON null).
function jsonPath(Context ctx, string path) returns json|error {
    [json]? found = check jsonPathFound(ctx, path);
    return found is () ? () : found[0];
}

# The source of an enrich with `clone="false"` and a JSONPath source on Synapse's JSON path (Source.evaluateJson): the
# value at the path, read as `jsonPath` reads it, is deleted from the JSON payload (Jayway's delete; the payload is set
# again) before the target is written, so it moves. The path is one of members and array indexes below the root; an
# array item's removal shifts the items after it. A path that selects nothing leaves the payload as it was. A payload
# that is not JSON takes Synapse's XML path, where the source is only read.
function jsonPathMoved(Context ctx, string path) returns json|error {
    json value = check jsonPath(ctx, path);
    json|xml payload = check parsedPayload(ctx);
    if payload is xml || payload is () {
        return value;
    }
    (string|int)[] segments = check jsonPathSegments(path);
    if segments.length() == 0 {
        return error(string `enrich: clone="false" cannot move the root of the payload at '${path}'`);
    }
    // The member is removed from a fresh copy: the payload may be a read-only value or a closed record's JSON view,
    // whose members cannot be removed in place.
    json moved = check payload.toJsonString().fromJsonString();
    json current = moved;
    foreach int i in 0 ..< segments.length() - 1 {
        [boolean, json] [found, member] = jsonMember(current, segments[i]);
        if !found {
            return value;
        }
        current = member;
    }
    string|int last = segments[segments.length() - 1];
    if current is map<json> && last is string {
        _ = current.removeIfHasKey(last);
    } else if current is json[] && last is int && last >= 0 && last < current.length() {
        _ = current.remove(last);
    }
    ctx.payload = moved;
    return value;
}

# The JSON value at a simple JSONPath in a one-member tuple, which tells a JSON null that is there (`[()]`) from a
# path that is not (`()`).
function jsonPathFound(Context ctx, string path) returns [json]|error? => jsonPathIn(check jsonPayload(ctx), path);

# `json-eval($ctx:name.path)` (also `$trp:` and `$axis2:`): SynapseJsonPath.stringValueOf(String) reads the property's
# text as a JSON document and evaluates the path on it (semantics §7.5). A property or header that is not set (`()`)
# gives "": SynapseXPath.stringValueOf returns null for it and stringValueOf(String) returns "" for null. A string gives
# its text, a JSON null "null", anything else its JSON text, as for the payload; but nothing catches Jayway's failures
# there, so an empty text (a property set to ""), text that is not JSON and a path that is not there are errors (the
# mediator fails). Differs: Gson reads some text strict JSON refuses (unquoted names, single quotes), which is an error
# here.
function jsonEvalText(string? text, string path) returns string|error {
    if text is () {
        return "";
    }
    if text == "" {
        return error("json string can not be null or empty");
    }
    [json]? found = check jsonPathIn(check value:fromJsonString(text), path);
    if found is () {
        return error(string `No results for path: ${path}`);
    }
    return jsonEvalResult(found[0]);
}

# `json-eval(path)` of an indefinite JSONPath over the payload (semantics §7.5): Jayway's list of every match of the
# steps (`jsonPathQuery`), printed as Gson prints the JsonArray (`[]` when nothing matches). Jayway's failures (a member
# missing before the first wildcard or filter) give "", as SynapseJsonPath.stringValueOf(InputStream) catches them.
function jsonEvalQuery(Context ctx, string steps) returns string|error {
    json[]|error matches = jsonPathQuery(check jsonPayload(ctx), steps);
    return matches is error ? "" : gsonJson(matches);
}

# The same over a property's text (`json-eval($ctx:x.a[*])`, SynapseJsonPath.stringValueOf(String)): a property that
# is not set gives ""; an empty text, text that is not JSON and Jayway's failures are errors, as nothing catches them.
function jsonEvalTextQuery(string? text, string steps) returns string|error {
    if text is () {
        return "";
    }
    if text == "" {
        return error("json string can not be null or empty");
    }
    return gsonJson(check jsonPathQuery(check value:fromJsonString(text), steps));
}

# An MI 4.4 `${payload...}` with wildcards or filters (PayloadAccessNode, semantics §7): the payload read as
# EvaluationContext.getJSONResult reads it, then Jayway's list of every match of the steps (`jsonPathQuery`) as a JSON
# array. Jayway's failures are errors, which fail the whole expression (SynapseExpression gives "" and a warning); a
# payload that is not JSON fails the mediator (`synapseJsonPayload`).
function jsonQueryValue(Context ctx, string steps) returns json|error => check jsonPathQuery(check synapseJsonPayload(ctx), steps);

# Jayway JsonPath's evaluation (default options, as EIPUtils.setJsonPathConfiguration sets them) of steps the converter
# wrote as JSON: `{"member": name}`, `{"wildcard": true}` (an object's values or an array's items) and
# `{"filter": condition}` (an object tested itself, an array's items tested each). A member missing, or read from
# something that is not an object, before the first wildcard or filter is an error (PathNotFoundException), as is a
# filter on a primitive there; after one, such branches are skipped. The matches in document order.
function jsonPathQuery(json document, string steps) returns json[]|error {
    json[] compiled = check (check value:fromJsonString(steps)).ensureType();
    json[] matches = [];
    check jsonPathStep(document, compiled, 0, true, matches);
    return matches;
}

function jsonPathStep(json model, json[] steps, int position, boolean upstreamDefinite, json[] matches) returns error? {
    map<json> step = check steps[position].ensureType();
    json member = step["member"];
    if member is string {
        if model !is map<json> {
            return upstreamDefinite ? error(string `Expected to find an object with property ['${member}']`) : ();
        }
        if !model.hasKey(member) {
            boolean leaf = position == steps.length() - 1;
            return leaf || !upstreamDefinite ? () : error(string `Missing property in path ['${member}']`);
        }
        return jsonPathNext(model.get(member), steps, position, upstreamDefinite, matches);
    }
    if step.hasKey("wildcard") {
        if model is map<json> {
            foreach json item in model {
                check jsonPathNext(item, steps, position, false, matches);
            }
        } else if model is json[] {
            foreach json item in model {
                check jsonPathNext(item, steps, position, false, matches);
            }
        }
        return;
    }
    json condition = step["filter"];
    if model is map<json> {
        if check jaywayAccepts(model, condition) {
            check jsonPathNext(model, steps, position, false, matches);
        }
        return;
    }
    if model is json[] {
        foreach json item in model {
            if check jaywayAccepts(item, condition) {
                check jsonPathNext(item, steps, position, false, matches);
            }
        }
        return;
    }
    return upstreamDefinite ? error("Filter can not be applied to primitives") : ();
}

function jsonPathNext(json value, json[] steps, int position, boolean definite, json[] matches) returns error? {
    if position == steps.length() - 1 {
        matches.push(value);
        return;
    }
    return jsonPathStep(value, steps, position + 1, definite, matches);
}

# A value of a Jayway filter (ValueNode): a number (as a decimal, BigDecimal's value), a string, a boolean, null, other
# JSON (an object or array), or undefined (a path that is not there).
type JaywayValue record {|
    "number"|"string"|"boolean"|"null"|"json"|"undefined" kind;
    json value = ();
|};

# Whether a Jayway filter condition holds for an item: `and`/`or` of conditions, `exists` (a bare `@.a.b`: the path is
# there, null included), `compare` of two operands (`{"path": names}` relative to the item, `{"literal": value}`).
function jaywayAccepts(json item, json condition) returns boolean|error {
    map<json> node = check condition.ensureType();
    json both = node["and"];
    if both is json[] {
        return check jaywayAccepts(item, both[0]) && check jaywayAccepts(item, both[1]);
    }
    json either = node["or"];
    if either is json[] {
        return check jaywayAccepts(item, either[0]) || check jaywayAccepts(item, either[1]);
    }
    json exists = node["exists"];
    if exists is json[] {
        return jaywayPathValue(item, exists).kind != "undefined";
    }
    json[] comparison = check node["compare"].ensureType();
    return jaywayCompare(check jaywayOperand(item, comparison[0]), check comparison[1].ensureType(), check jaywayOperand(item, comparison[2]));
}

function jaywayOperand(json item, json operand) returns JaywayValue|error {
    map<json> node = check operand.ensureType();
    json path = node["path"];
    return path is json[] ? jaywayPathValue(item, path) : jaywayValue(node["literal"]);
}

# `@.a.b` of an item (PathNode.evaluate): undefined when a member is not there or is read from a non-object.
function jaywayPathValue(json item, json[] names) returns JaywayValue {
    json current = item;
    foreach json name in names {
        if current is map<json> && name is string && current.hasKey(name) {
            current = current.get(name);
        } else {
            return {kind: "undefined"};
        }
    }
    return jaywayValue(current);
}

function jaywayValue(json value) returns JaywayValue {
    if value is int|decimal {
        return {kind: "number", value: <decimal>value};
    }
    if value is float {
        decimal|error exact = decimal:fromString(javaDoubleString(value));
        return exact is decimal ? {kind: "number", value: exact} : {kind: "json", value};
    }
    if value is string {
        return {kind: "string", value};
    }
    if value is boolean {
        return {kind: "boolean", value};
    }
    if value is () {
        return {kind: "null"};
    }
    return {kind: "json", value};
}

# Jayway's relational evaluators: `==` is ValueNode.equals (a number equals a string that parses as the same
# BigDecimal; a string equals a number whose BigDecimal text it is; undefined equals nothing), `!=` its negation;
# `<`, `<=`, `>`, `>=` compare two numbers or two strings and are false for anything else. Differs: strings are
# ordered by code point where Java's compareTo orders UTF-16 units (only text outside the Basic Multilingual Plane).
function jaywayCompare(JaywayValue left, string op, JaywayValue right) returns boolean {
    if op == "==" || op == "!=" {
        boolean equal = jaywayEquals(left, right);
        return op == "==" ? equal : !equal;
    }
    json l = left.value;
    json r = right.value;
    boolean less;
    boolean greater;
    if l is decimal && r is decimal {
        less = l < r;
        greater = l > r;
    } else if l is string && r is string {
        less = l < r;
        greater = l > r;
    } else {
        return false;
    }
    match op {
        "<" => {
            return less;
        }
        "<=" => {
            return !greater;
        }
        ">" => {
            return greater;
        }
    }
    return !less;
}

function jaywayEquals(JaywayValue left, JaywayValue right) returns boolean {
    json l = left.value;
    json r = right.value;
    if l is decimal {
        decimal|error other = r is decimal ? r : r is string ? decimal:fromString(r) : error("not a number");
        return other is decimal && other == l;
    }
    if l is string {
        return r is string ? l == r : r is decimal && r.toString() == l;
    }
    if l is boolean {
        return r is boolean && l == r;
    }
    return left.kind == "null" && right.kind == "null";
}

# The JSON value at a simple JSONPath of a JSON document, as `jsonPathFound` reads it.
function jsonPathIn(json document, string path) returns [json]|error? {
    json current = document;
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
                return;
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
            return;
        }
    }
    return [current];
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

# The payload as text, for logging (Synapse's full log level). A full log is content aware: the Micro Integrator
# builds the message first (LogMediator.isContentAware), so a body its builder cannot read (malformed JSON or XML)
# fails the flow (getFullLogMessage's handleException), and text or binary bodies are printed in their `<text>` /
# `<binary>` (base64) elements, never as raw bytes; JSON as JSON text (JsonUtil.jsonPayloadToString), XML as markup.
function payloadText(Context ctx) returns string|error {
    json|xml payload = check parsedPayload(ctx);
    return payload is () ? "" : payload is xml ? payload.toString() : payload.toJsonString();
}

# A payloadFactory argument pasted into a JSON template unquoted: JSON text becomes its value, XML
# (an XPath argument that selected elements, as Synapse's stringValueOf writes them) its JSON form (the
# TemplateProcessor's convertXmlArgumentToJson: the text inside a `jsonObject` element, converted as a
# message is), anything else a string.
function toJson(string text) returns json {
    json|error parsed = value:fromJsonString(text);
    if parsed is json {
        return parsed;
    }
    string trimmed = text.trim();
    if trimmed.length() >= 4 && trimmed.startsWith("<") && trimmed.endsWith(">") {
        xml|error content = xml:fromString(trimmed);
        if content is xml {
            return xmlToJson(xml `<jsonObject>${content}</jsonObject>`);
        }
    }
    return text;
}

# A JSON value pasted into a JSON template unquoted, as the Micro Integrator pastes it: a JSON string goes in as its
# text without quotes (TemplateProcessor pastes a json-eval argument's stringValueOf, RegexTemplateProcessor a
# JsonPrimitive's getAsString), so text that is JSON becomes that value (`"12345"` the number 12345) and other text
# stays a string (`toJson`; the Micro Integrator's payload is no JSON there); any other value is itself.
function unquotedJson(json value) returns json => value is string ? toJson(value) : value;

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

# An enrich body source (semantics §6.5): on the XML form of the message the SOAP body's first element (an empty
# sequence when the body has none), as Source.evaluate reads type="body" (`getBody().getFirstElement()`); on Synapse's
# JSON path the whole JSON payload (Source.evaluateJson).
function bodySource(Context ctx) returns json|xml|error {
    json|xml payload = check parsedPayload(ctx);
    return payload is xml ? bodyFirstElement(ctx) : payload;
}

# An enrich body target with action="replace" (semantics §6.5), as Target.insert does for type="body" on the XML form of
# the message. The body's first element is the SOAP body's first element; for a message that is not an envelope the
# first element it holds; for a JSON payload the root of its XML form (`jsonToXml`, the `jsonObject` Synapse builds).
# - Source elements take the place of the body's first element and the body's other children stay (insertElement
#   inserts each source element before it, then detaches it); an empty body receives the elements only.
# - A source without nodes (a property that is not set, an XPath that selected nothing, an empty value) leaves the
#   body as it is: Source.evaluate returns an empty list and insertElement inserts nothing.
# - A text source (text nodes, a string, a property's JSON): with a body that has an element, text that is a JSON object
#   or array becomes the JSON payload, the content type staying (Target.insertElementToBody, JsonUtil.getNewJsonPayload);
#   other text becomes the text of the first element, replacing its children (insertElement, OMElement.setText: of
#   several text nodes the last one stays). An empty body takes no text: Target.insert logs "Invalid Object type to be
#   inserted into message body" and leaves it.
function setBodyFirstElement(Context ctx, anydata value) returns error? {
    json|xml payload = check parsedPayload(ctx);
    if value is xml && value.elements().length() > 0 {
        xml elements = value.elements();
        if payload is xml {
            xml:Element? body = envelopePart(payload, "Body");
            if body is xml:Element && body.getChildren().elements().length() > 0 {
                xml rebuilt = xml ``;
                boolean replaced = false;
                foreach xml item in body.getChildren() {
                    if !replaced && item is xml:Element {
                        rebuilt += elements;
                        replaced = true;
                    } else {
                        rebuilt += item;
                    }
                }
                body.setChildren(rebuilt);
                ctx.payload = payload;
                return;
            }
        }
        return setPayloadValue(ctx, elements);
    }
    string[] texts = sourceTexts(value);
    if texts.length() == 0 {
        return;
    }
    xml:Element? first = ();
    if payload is xml {
        xml:Element? body = envelopePart(payload, "Body");
        xml<xml:Element> elements = (body is xml:Element ? body.getChildren() : payload).elements();
        first = elements.length() > 0 ? elements.get(0) : ();
    } else if payload !is () {
        xml<xml:Element> form = jsonToXml(payload).elements();
        first = form.length() > 0 ? form.get(0) : ();
    }
    if first is () {
        log:printError("Invalid Object type to be inserted into message body");
        return;
    }
    json|error parsed = texts[0].fromJsonString();
    if parsed is map<json> || parsed is json[] {
        ctx.payload = parsed;
        return;
    }
    first.setChildren(xml:createText(texts[texts.length() - 1]));
    // A JSON payload is now its XML form holding the text (Target.removeOutdatedJsonStream drops the JSON stream).
    ctx.payload = payload is xml ? payload : first;
}

# The text nodes of an enrich source on Synapse's XML path (Source.evaluate): the text items of XML (comments and
# processing instructions are no nodes it keeps), a string, or a JSON value's text (a property holding JSON, whose
# `toString` Source.evaluate wraps in a text node). `()` (a property that is not set) has none.
function sourceTexts(anydata value) returns string[] {
    if value is xml {
        string[] texts = [];
        foreach xml item in value {
            if item is xml:Text {
                texts.push(item.data());
            }
        }
        return texts;
    }
    if value is () {
        return [];
    }
    return [value is string ? value : value.toJsonString()];
}

# Replaces the payload with an enrich source that may be a JSON primitive (a property's or an inline text's value,
# what a JSONPath selected) on Synapse's JSON path. While the message holds JSON, Target.insertJson replaces the body
# only with a JSON object or array: a string, number, boolean or null is logged as an error and the payload stays. A
# text value (`parse`) is read as JSON when it is JSON (as EnrichMediator reads a property), else it is a string.
# A message that holds no JSON, or an XML value (a property holding XML), takes the XML path, as `setBodyFirstElement` does.
function setPayloadPrimitive(Context ctx, anydata value, boolean parse = true) returns error? {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml || payload is () || value is xml {
        return setBodyFirstElement(ctx, value);
    }
    json enriched = parse ? check enrichJsonValue(value) : check value.cloneWithType(json);
    if enriched is map<json> || enriched is json[] {
        ctx.payload = enriched;
        return;
    }
    log:printError(string `Unsupported JSON payload : ${enriched.toJsonString()}.Only JSON arrays and objects can be enriched to the body`);
}

# Replaces the payload with JSON and marks the message as JSON, as payloadFactory does: the message type and
# the `Content-Type` transport header both become `application/json` (PayloadFactoryMediator.setContentType and
# handleSpecialProperties), so `$trp:Content-Type` reads it and a SOAP client's answer is not converted back into
# the header's old SOAP version (`answerInClientSoapVersion`).
function setJsonPayload(Context ctx, json payload) {
    ctx.payload = payload;
    ctx.contentType = "application/json";
    ctx.headers["content-type"] = ctx.contentType;
}

# Replaces the payload with the text of a payloadFactory JSON template that is no JSON value the converter could
# build (a member name repeated, an argument that may not be JSON), as PayloadFactoryMediator sets it with
# JsonUtil.getNewJsonPayload: empty text is `{}`; the text is read up to its first character that can start a JSON
# value (`{`, `[`, `"`, `t`, `n`, `f`, `-`, a digit). From `{` or `[` the whole text becomes the JSON stream
# unparsed and is written to the client as it is (a step that reads the payload parses it then). From any other
# such character the whole text must be a quoted string, true, false, null or a number; text with none of them is
# taken only on a GET or DELETE request (isValidPayloadRequired), where it stays the body here. Anything else fails
# the flow as the mediator's handleException does ("Error creating JSON Payload from source ...", the fault
# sequence): `welcome to USA` fails (its `t` starts a value that is not one).
function setJsonText(Context ctx, string text) returns error? {
    string body = text == "" ? "{}" : text;
    string? first = ();
    foreach string:Char c in body {
        if "{[\"tnf-0123456789".includes(c) {
            first = c;
            break;
        }
    }
    boolean valid = first is () ? ctx.method == "GET" || ctx.method == "DELETE"
        : first == "{" || first == "[" || (body.startsWith("\"") && body.endsWith("\""))
            || body == "true" || body == "false" || body == "null" || re `-?[0-9]+(\.[0-9]+)?`.isFullMatch(body);
    if !valid {
        return error(string `Error creating JSON Payload from source ${body}`);
    }
    ctx.payload = <ReceivedBody>{bytes: body.toBytes(), contentType: "application/json"};
    ctx.contentType = "application/json";
    ctx.headers["content-type"] = ctx.contentType;
}

# Replaces the payload with XML (a SOAP envelope and its header are kept; XML that is itself an envelope
# replaces the envelope). A message type of exactly `application/xml`, `text/xml` or `application/soap+xml` is
# kept; anything else becomes `application/xml`, and so does the `Content-Type` transport header, as
# payloadFactory does (PayloadFactoryMediator.setContentType and handleSpecialProperties).
function setXmlPayload(Context ctx, xml payload) {
    xml<xml:Element> roots = payload.elements();
    // A format whose root is a SOAP 1.1 or 1.2 Envelope becomes the whole envelope, not the body's content
    // (PayloadFactoryMediator.checkAndReplaceEnvelope).
    ctx.payload = roots.length() > 0 && soapVersion(roots.get(0)) is string ? roots.get(0) : replaceBody(ctx, payload);
    string current = messageType(ctx);
    if current != "application/xml" && current != "text/xml" && current != "application/soap+xml" {
        ctx.contentType = "application/xml";
        ctx.headers["content-type"] = ctx.contentType;
    }
}

# Replaces the payload with text, held in Synapse's `<text>` element (semantics §1.7); the message type and the
# `Content-Type` transport header become `text/plain`, as payloadFactory does.
function setTextPayload(Context ctx, string payload) {
    ctx.payload = replaceBody(ctx, xml `<text xmlns="http://ws.apache.org/commons/ns/payload">${payload}</text>`);
    ctx.contentType = "text/plain";
    ctx.headers["content-type"] = ctx.contentType;
}

# Reads Synapse's axis2 `HTTP_SC` (`$axis2:HTTP_SC`, semantics §2.5): empty until a backend's response or a write
# set it, as the Micro Integrator's ClientWorker sets it on responses only (not on a request, nor in a fault flow
# after a transport failure).
function axis2HttpSc(Context ctx) returns string => ctx.httpSc ?: "";

# Writes Synapse's axis2 `HTTP_SC`: reads see the value as written; the status sent is parsed from it, as
# PassThroughTransportUtils.determineHttpStatusCode does when the message is written out, so a value that is not
# an integer logs a warning and leaves the status the Micro Integrator would send without one (200, as removing
# `HTTP_SC` does) instead of failing the flow. An empty value is a removal.
function setHttpSc(Context ctx, string|int value) {
    if value is int {
        ctx.statusCode = value;
        ctx.httpSc = value.toString();
        return;
    }
    ctx.httpSc = value == "" ? () : value;
    int|error status = int:fromString(value);
    if status is int {
        ctx.statusCode = status;
        return;
    }
    if value != "" {
        log:printWarn(string `Unable to set the HTTP status code from the property HTTP_SC with value: ${value}`);
    }
    ctx.statusCode = 200;
}

# Replaces the message with a fault, as Synapse's makefault does (semantics §5.6): a SOAP 1.1 or 1.2
# `Fault` envelope that keeps the current SOAP header blocks, or, for POX, an `<Exception>` element holding
# the detail (else the reason) in place of the payload. The content type is kept, so a JSON client gets the
# fault as JSON. The status is not set here: the Micro Integrator decides it when it answers (`responseStatus`),
# 500 for a body that still holds the SOAP fault or after a POX fault (FaultMediator.makePOXFault sets Axis2's
# processingFault), so a fault whose body a later step replaced (a payloadFactory) is answered 200.
function makeFault(Context ctx, "soap11"|"soap12"|"pox" version, string code, string reason, string? node = (),
        string? role = (), xml|string? detail = (), string codePrefix = "soapenv") returns error? {
    if version != "pox" && bodyFormat(ctx.contentType) == "soap" {
        // A SOAP message is written by the envelope's version, as the Micro Integrator's SOAP formatter does.
        ctx.contentType = version == "soap12" ? "application/soap+xml" : "text/xml";
    }
    if version == "pox" {
        string text = detail is string ? detail : reason;
        ctx.payload = replaceBody(ctx, xml `<Exception>${text}</Exception>`);
        ctx.processingFault = true;
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
        xml fault = codePrefix == "soapenv" ? xml `<faultcode>soapenv:${code}</faultcode><faultstring>${reason}</faultstring>`
            : check faultCodeElement("faultcode", SOAP11_NS, codePrefix, code) + xml `<faultstring>${reason}</faultstring>`;
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
    if codePrefix != "soapenv" {
        xml codeValue = check faultCodeElement("soapenv:Value", SOAP12_NS, codePrefix, code);
        fault = xml `<soapenv:Code xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope">${codeValue}</soapenv:Code><soapenv:Reason xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Text xml:lang="en">${reason}</soapenv:Text></soapenv:Reason>`;
    }
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

# The element holding a fault code (`faultcode` for SOAP 1.1, `soapenv:Value` for SOAP 1.2) whose text is `prefix:code`,
# for a prefix other than the envelope's `soapenv`. FaultMediator sets the code as a QName with the prefix the makefault
# wrote (`soap12Env:Receiver`), built detached from the envelope, so Axiom declares that prefix on this element
# (`<soapenv:Value xmlns:soap12Env="...">soap12Env:Receiver</soapenv:Value>`). The prefix is an NCName the converter checked.
function faultCodeElement(string qualifiedName, string namespace, string prefix, string code) returns xml|error {
    string envelope = qualifiedName.startsWith("soapenv:") ? string ` xmlns:soapenv="${SOAP12_NS}"` : "";
    xml element = check xml:fromString(string `<${qualifiedName}${envelope} xmlns:${prefix}="${namespace}"/>`);
    if element is xml:Element {
        element.setChildren(xml:createText(prefix + ":" + code));
    }
    return element;
}

# A payloadFactory argument inserted into a JSON template: text that starts with `{` or `[` goes in as it is
# (TemplateProcessor.prepareReplacementValue pastes it unescaped, inside the template's quotes too), everything
# else as escaped string content (the template supplies the quotes).
function jsonArg(string value) returns string {
    string trimmed = value.trim();
    if trimmed.startsWith("{") || trimmed.startsWith("[") {
        return value;
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

# A payloadFactory JSONPath argument inserted into an XML template: a JSON object or array goes in as its
# XML form without the `jsonObject`/`jsonArray` root (the TemplateProcessor's convertJsonArgumentToXml:
# `{"a": 1, "b": 2}` gives `<a>1</a><b>2</b>`); anything else as `xmlArg` inserts it.
function jsonXmlArg(string value) returns xml {
    string trimmed = value.trim();
    if trimmed.startsWith("{") || trimmed.startsWith("[") {
        json|error parsed = value:fromJsonString(trimmed);
        if parsed is json {
            xml converted = jsonToXml(parsed);
            return converted is xml:Element ? converted.getChildren() : converted;
        }
    }
    return xmlArg(value);
}

# Full-match of a regular expression, as Synapse's filter and switch test it (the converter translated the
# Java pattern to Ballerina's grammar and checked it).
function matches(string value, string pattern) returns boolean|error {
    return regexp:isFullMatch(check regexp:fromString(pattern), value);
}

# get-property('SYSTEM_DATE', format): the current time in the system time zone (the JVM's default), written
# as Java's SimpleDateFormat writes the numeric fields the converter allowed, and the en_US AM/PM marker of the
# pattern get-property('SYSTEM_DATE') without a format has (semantics notes 7.4). `parts` holds a field's letters
# (`yyyy`, `MM`, ...) or literal text after a leading quote.
function formatSystemDate(string[] parts) returns string|error {
    time:Utc now = time:utcNow();
    time:Civil civil = (check time:loadSystemZone()).utcToCivil(now);
    time:Seconds seconds = civil?.second ?: 0d;
    string result = "";
    foreach string part in parts {
        if part.startsWith("'") {
            result += part.substring(1);
            continue;
        }
        int count = part.length();
        string letter = part.substring(0, 1);
        int hour = civil.hour;
        int value = 0;
        match letter {
            "y" => {
                value = count == 2 ? civil.year % 100 : civil.year;
            }
            "M" => {
                value = civil.month;
            }
            "d" => {
                value = civil.day;
            }
            "H" => {
                value = hour;
            }
            "k" => {
                value = hour == 0 ? 24 : hour;
            }
            "K" => {
                value = hour % 12;
            }
            "h" => {
                value = hour % 12 == 0 ? 12 : hour % 12;
            }
            "m" => {
                value = civil.minute;
            }
            "s" => {
                value = <int>seconds.floor();
            }
            "S" => {
                value = <int>(now[1] * 1000d).floor();
            }
            "a" => {
                // The en_US AM/PM marker (the default SYSTEM_DATE pattern only: the converter rejects `a` in a format).
                result += hour < 12 ? "AM" : "PM";
                continue;
            }
            _ => {
                return error(string `unsupported date field ${part}`);
            }
        }
        string digits = value.toString();
        while digits.length() < count {
            digits = "0" + digits;
        }
        result += digits;
    }
    return result;
}

# MI 4.4 formatDateTime(source, inputFormat, outputFormat) (PredefinedFunctionNode.handleFormatDateTimeFunctions):
# `text` parsed with the java.time pattern split into `inputParts`, as DateTimeFormatter.ofPattern parses (strictly:
# the whole text, digits only, fixed widths for MM/dd/HH/mm/ss, yyyy four digits or more after a `+`, yy 2000-2099,
# adjacent fields as java.time's adjacent value parsing gives them) and resolves (SMART: a day past the month's end
# is its last day, 24:00:00 is midnight of the next day), then written with `outputParts` as a LocalDateTime, else a
# LocalDate, else a LocalTime. A source that does not match, an invalid field, or an output field that the parsed
# value lacks (a time field of a date) is an error, as the MI's EvaluationException is. The converter allowed these
# numeric fields only (input: y, M, d, H, m, s; output: also k, K, h).
function formatDateTime(string text, string[] inputParts, string[] outputParts) returns string|error {
    error mismatch = error(string `Invalid date/time or source format provided for formatDateTime function. Source: ${text}`);
    map<int> fields = {};
    int pos = 0;
    int length = text.length();
    boolean inRun = false;
    foreach int i in 0 ..< inputParts.length() {
        string part = inputParts[i];
        if part.startsWith("'") {
            string literal = part.substring(1);
            if !text.substring(pos).startsWith(literal) {
                return mismatch;
            }
            pos += literal.length();
            inRun = false;
            continue;
        }
        int count = part.length();
        string letter = part.substring(0, 1);
        boolean fixed = count == 2;
        // The first field of a run of adjacent fields leaves the following fixed-width ones their digits.
        int subsequent = 0;
        if !inRun {
            int j = i + 1;
            while j < inputParts.length() && !inputParts[j].startsWith("'") && inputParts[j].length() == 2 {
                subsequent += 2;
                j += 1;
            }
        }
        inRun = true;
        boolean positive = false;
        if letter == "y" && count == 4 && pos < length && text.substring(pos, pos + 1) == "+" {
            positive = true;
            pos += 1;
        }
        int maxWidth = fixed ? 2 : 19;
        int read = 0;
        while pos + read < length && read < maxWidth + subsequent && isAsciiDigit(text.substring(pos + read, pos + read + 1)) {
            read += 1;
        }
        if read < count {
            return mismatch;
        }
        int parseLength = subsequent > 0 ? int:max(count, read - subsequent) : read;
        if letter == "y" && count == 4 && (positive ? parseLength <= 4 : parseLength > 4) {
            return mismatch;
        }
        int value = check int:fromString(text.substring(pos, pos + parseLength));
        pos += parseLength;
        if letter == "y" && count == 2 {
            value += 2000;
        }
        int? earlier = fields[letter];
        if earlier is int && earlier != value {
            return mismatch;
        }
        fields[letter] = value;
    }
    if pos != length {
        return mismatch;
    }

    // Resolution (java.time's Parsed with ResolverStyle.SMART).
    int? year = fields["y"];
    if year is int && year < 1 {
        return mismatch;
    }
    int? month = fields["M"];
    int? day = fields["d"];
    boolean hasDate = false;
    int y = 0;
    int mo = 0;
    int d = 0;
    if year is int && month is int && day is int {
        if month < 1 || month > 12 || day < 1 || day > 31 {
            return mismatch;
        }
        hasDate = true;
        y = year;
        mo = month;
        d = int:min(day, daysInMonth(year, month));
    }
    int? hour = fields["H"];
    int? minute = fields["m"];
    int? second = fields["s"];
    boolean hasTime = false;
    int h = 0;
    int mi = 0;
    int s = 0;
    if hour is int && !(minute is () && second is int) {
        mi = minute ?: 0;
        s = second ?: 0;
        if mi < 0 || mi > 59 || s < 0 || s > 59 {
            return mismatch;
        }
        if hour == 24 && mi == 0 && s == 0 {
            if hasDate {
                d += 1;
                if d > daysInMonth(y, mo) {
                    d = 1;
                    mo += 1;
                    if mo > 12 {
                        mo = 1;
                        y += 1;
                    }
                }
            }
        } else if hour < 0 || hour > 23 {
            return mismatch;
        } else {
            h = hour;
        }
        hasTime = true;
    } else if (hour is int && (hour < 0 || hour > 23)) || (minute is int && (minute < 0 || minute > 59))
            || (second is int && (second < 0 || second > 59)) {
        // Time fields that give no time are still checked.
        return mismatch;
    }
    if !hasDate && !hasTime {
        return mismatch;
    }

    string result = "";
    foreach string part in outputParts {
        if part.startsWith("'") {
            result += part.substring(1);
            continue;
        }
        int count = part.length();
        string letter = part.substring(0, 1);
        boolean dateField = letter == "y" || letter == "M" || letter == "d";
        if dateField ? !hasDate : !hasTime {
            return error(string `Unsupported field ${part} for the value parsed from ${text}`);
        }
        int value = 0;
        match letter {
            "y" => {
                value = count == 2 ? y % 100 : y;
            }
            "M" => {
                value = mo;
            }
            "d" => {
                value = d;
            }
            "H" => {
                value = h;
            }
            "k" => {
                value = h == 0 ? 24 : h;
            }
            "K" => {
                value = h % 12;
            }
            "h" => {
                value = h % 12 == 0 ? 12 : h % 12;
            }
            "m" => {
                value = mi;
            }
            "s" => {
                value = s;
            }
            _ => {
                return error(string `unsupported date field ${part}`);
            }
        }
        string digits = value.toString();
        while digits.length() < count {
            digits = "0" + digits;
        }
        // SignStyle.EXCEEDS_PAD (yyyy and longer): a year wider than the pattern is written with a '+'.
        if letter == "y" && count >= 4 && digits.length() > count {
            digits = "+" + digits;
        }
        result += digits;
    }
    return result;
}

function isAsciiDigit(string c) returns boolean {
    return c >= "0" && c <= "9";
}

function daysInMonth(int year, int month) returns int {
    if month == 2 {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

# A default-scope property as the start of an XPath path (`$ctx:x//a`, the envelope a foreach saved as
# FOREACH_ORIGINAL_MESSAGE): SynapseXPathVariableContext hands Jaxen the property's object, and Jaxen navigates
# from it. XML is navigated; a missing property and any other value (a String, JSON) have no children there, so
# the path selects nothing: an empty sequence.
function xmlProperty(Context ctx, string name) returns xml {
    anydata value = ctx.properties[name];
    if value is xml {
        return value;
    }
    return xml ``;
}

# A variable holding XML (a variable mediator with type="XML"), for MI 4.4 `xpath('/a', 'name')`, which Synapse
# evaluates as the XPath `$var:name/a` from the variable's element. A variable that is not set selects nothing; one
# that holds no XML is the MI's failed evaluation: a warning, and nothing selected (the expression gives "").
function xmlVariable(Context ctx, string name) returns xml {
    anydata value = ctx.variables[name];
    if value is xml {
        return value;
    }
    if value !is () {
        log:printWarn(string `Error evaluating expression: xpath over the variable ${name} cause : the variable does not hold XML`);
    }
    return xml ``;
}

# A property's pattern/group (PropertyMediator.getMatchedValue): capturing group `group` of a whole-string match,
# "" when the value does not match, the pattern has fewer groups or the group took part in no match.
function regexGroup(string value, string pattern, int group) returns string|error {
    regexp:Groups? groups = regexp:fullMatchGroups(check regexp:fromString(pattern), value);
    if groups is () || group >= groups.length() {
        return "";
    }
    regexp:Span? span = groups[group];
    return span is () ? "" : span.substring();
}

# Synapse's implicit header pass-through: every transport header the message holds (the client's request
# headers, `Authorization` and cookies included, as changed by header mediators) goes out with it, to the backend
# on a send or call and to the client on a respond; only hop-by-hop headers (Connection, Keep-Alive,
# Transfer-Encoding, ...) are left to the HTTP client and listener. Remove a header with a header mediator
# (action="remove") before the send when the backend must not see it.
function passTransportHeaders(Context ctx, http:Request|http:Response message) {
    boolean request = message is http:Request;
    foreach [string, string] [name, value] in ctx.headers.entries() {
        if hopByHopHeaders.hasKey(name) || (request && name == REQUEST_HOST_HEADER) {
            continue;
        }
        // Narrowed one by one: a method cannot be called on the union itself. The else branch casts: objects are
        // mutable, so `is http:Request` does not narrow the union in its false branch.
        if message is http:Request {
            message.setHeader(name, value);
        } else {
            (<http:Response>message).setHeader(name, value);
        }
    }
    // TargetRequestFactory and SourceResponseFactory then add every further value of a repeated header
    // (EXCESS_TRANSPORT_HEADERS), after the first.
    foreach [string, string[]] [name, values] in ctx.excessHeaders.entries() {
        if hopByHopHeaders.hasKey(name) || (request && name == REQUEST_HOST_HEADER) {
            continue;
        }
        foreach string value in values {
            if message is http:Request {
                message.addHeader(name, value);
            } else {
                (<http:Response>message).addHeader(name, value);
            }
        }
    }
}

# The headers a send or call puts on its request, as the Micro Integrator passes them through implicitly: every
# transport header the message holds (the client's request headers, `Authorization` and cookies included, as header
# mediators changed them; every value of a repeated one) goes to the backend (TargetRequestFactory copies the
# TRANSPORT_HEADERS, then the EXCESS_TRANSPORT_HEADERS). Left out, as PassThroughTransportUtils.removeUnwantedHeaders
# removes them (none is in the default preserve list) or the HTTP client writes its own: Host (set from the endpoint
# URL or REQUEST_HOST_HEADER), Content-Length, Transfer-Encoding, Connection, Keep-Alive, Date, Server and User-Agent
# (`hopByHopHeaders`; Host is `REQUEST_HOST_HEADER`, left out of a request only). The generated code names it at each
# call (`headers = passThroughHeaders`): pass a function of your own there to send other headers.
function passThroughHeaders(Context ctx, http:Request request) {
    passTransportHeaders(ctx, request);
}

# The headers a respond (or a send back) puts on the response to the client, as the Micro Integrator passes them through
# implicitly: every transport header the message holds. After a call those are the backend's response headers
# (TargetResponse sets them as the message's TRANSPORT_HEADERS; a blocking call keeps the request's), as header
# mediators changed them; with no call before the respond they are the client's own request headers, echoed back
# (Authorization and cookies included). Then every further value of a repeated header (SourceResponseFactory adds the
# EXCESS_TRANSPORT_HEADERS). Left out, as PassThroughHttpSender.invoke removes them for the response too
# (PassThroughTransportUtils.removeUnwantedHeaders) and the listener writes its own: Content-Length,
# Transfer-Encoding, Connection, Keep-Alive, Date, Server and User-Agent (`hopByHopHeaders`). Host is kept, as
# removeUnwantedHeaders keeps it: a respond with no call echoes the client's Host, as in the MI. The generated code
# names it at each respond (`headers = passBackHeaders`): pass a function of your own there to answer with other headers
# (remove `authorization` from the message before a respond that must not echo it).
function passBackHeaders(Context ctx, http:Response response) {
    passTransportHeaders(ctx, response);
}

# The transport headers of a request or response the message arrived as, as the pass-through transport keeps them
# (SourceRequest, TargetResponse): the first value of each header, by its lower-case name, in `headers`; the further
# values of a repeated header in `excessHeaders` (EXCESS_TRANSPORT_HEADERS). Header names differing only in case are
# one header, as in the transport's case-insensitive map.
function receiveHeaders(Context ctx, http:Request|http:Response message) returns error? {
    ctx.headers = {};
    ctx.excessHeaders = {};
    string[] names = [];
    if message is http:Request {
        names = message.getHeaderNames();
    } else {
        names = (<http:Response>message).getHeaderNames();
    }
    foreach string name in names {
        string key = name.toLowerAscii();
        if ctx.headers.hasKey(key) {
            continue;
        }
        string[] values = [];
        if message is http:Request {
            values = check message.getHeaders(name);
        } else {
            values = check (<http:Response>message).getHeaders(name);
        }
        if values.length() == 0 {
            continue;
        }
        ctx.headers[key] = values[0];
        if values.length() > 1 {
            ctx.excessHeaders[key] = values.slice(1);
        }
    }
}

# Calls a backend with the current message, passing the headers through (`headers`, `passThroughHeaders` unless the
# call names another), and continues with the
# response as the message. Like Synapse's `call`, a 4xx or 5xx response is a response, not an error.
# The endpoint is an `http:Client` (a failover or loadbalance endpoint's member, through `callGroup`). With `outOnly` (OUT_ONLY is "true") the call is fire and forget, as
# CallMediator.handleNonBlockingCall makes it: it sends a clone of the message and the flow goes on at once with the
# message as it was (`sendOutOnly`).
function callEndpoint(Context ctx, http:ClientObject endpoint, string path = "", string? method = (), EndpointFormat? format = (),
        boolean outOnly = false, boolean timeoutFault = false,
        (function (xml|byte[] body) returns xml|byte[]|error)? bodyEdit = (),
        EndpointState? state = (), boolean soapFault = false, // Only with: argument state
        function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
    if state is EndpointState { // Only with: argument state
        // Through an endpoint that keeps a suspension state (`state`), as AddressEndpoint.send sends: nothing goes
        // out while the endpoint is not ready (`endpointReady`), and the call's result is recorded in the state
        // (`endpointCalled`; an `outOnly` send registers no callback, so a sent one leaves it as it is). With
        // `soapFault` (the input sets FORCE_ERROR_ON_SOAP_FAULT) the response is checked for a SOAP fault before the
        // state takes it; a call without a state has that check as a statement of its own (`failOnSoapFault`).
        check endpointReady(ctx, state);
        return endpointCalled(state, callEndpoint(ctx, endpoint, path, method, format, outOnly, timeoutFault, bodyEdit, headers = headers),
            outOnly, soapFault ? ctx : ());
    }
    // OUT_ONLY: CallMediator sends a clone of the message (MessageHelper.cloneMessageContext builds the message first,
    // then copies its envelope) and the flow goes on with the message as it was: what the send changes (the format's
    // content type and headers, the WS-Addressing headers it removes) stays in the clone, and the request holds the
    // clone's body, which the flow's later edits of the message's XML do not reach (`sendOutOnly` writes the request
    // out after the flow has gone on). The response is unread (Synapse registers no callback).
    [string, map<string>, json|xml|ReceivedBody]? before = ();
    if outOnly {
        _ = check parsedPayload(ctx);
        before = [ctx.contentType, ctx.headers.clone(), ctx.payload];
        ctx.payload = ctx.payload.clone();
    }
    if format is EndpointFormat {
        applyEndpointFormat(ctx, format);
    }
    // Both senders drop the message's WS-Addressing headers unless PRESERVE_WS_ADDRESSING is "true"
    // (Axis2FlexibleMEPClient; BlockingMsgSenderUtils.fillMessageContext for a blocking call or a forwarding processor).
    removeAddressingHeaders(ctx);
    // No method on the message (after a call's response, `becomeResponse`): TargetRequestFactory sends a POST.
    // format="get": a GET, whose query the caller's path holds (`formGetPath`), without a body.
    string verb = format == "get" ? "GET" : (method ?: (ctx.method == "" ? "POST" : ctx.method));
    http:Request|error built = outboundRequest(ctx, verb, bodyEdit, headers, format == "rest" || format == "get");
    if before is [string, map<string>, json|xml|ReceivedBody] {
        ctx.contentType = before[0];
        ctx.headers = before[1];
        ctx.payload = before[2];
    }
    http:Request request = check built;
    // The send marks the request as answered elsewhere (Axis2FlexibleMEPClient: RESPONSE_WRITTEN "SKIP"), an OUT_ONLY
    // one too; `blockingSend` gives the send a mark of its own.
    ctx.ack.skipped = true;
    if outOnly {
        _ = start sendOutOnly(endpoint, verb, path, request, ctx.messageId);
        return;
    }
    http:Response|http:ClientError result = endpoint->execute(verb, path, request);
    if timeoutFault && result is http:IdleTimeoutError {
        return sendTimeout(ctx);
    }
    http:Response response = check result;
    // ClientWorker marks the response REST when the request was sent as REST (pox, rest, get).
    ctx.restCall = format == "pox" || format == "rest" || format == "get";
    ctx.statusCode = response.statusCode;
    ctx.httpSc = response.statusCode.toString();
    check receiveHeaders(ctx, response);
    ctx.contentType = response.getContentType();
    ctx.payload = <ReceivedBody>{bytes: check response.getBinaryPayload(), contentType: ctx.contentType};
    becomeResponse(ctx);
    // The response's reason phrase (`$axis2:HTTP_SC_DESC`): ClientWorker sets it on the response from the status line
    // (TargetResponse.getStatusLine); a blocking call keeps the request's axis2 properties (`blockingSend`).
    ctx.axis2["HTTP_SC_DESC"] = response.reasonPhrase;
    // The response's status and reason phrase as received (ClientWorker: ORIGINAL_HTTP_SC, ORIGINAL_HTTP_REASON_PHRASE),
    // which `responseReasonPhrase` compares the answer's with.
    ctx.axis2["ORIGINAL_HTTP_SC"] = response.statusCode;
    ctx.axis2["ORIGINAL_HTTP_REASON_PHRASE"] = response.reasonPhrase;
}

# The HTTP request a call sends with `verb`: the message's headers (`headers`, by default `passThroughHeaders`), its body in its content
# type, and the Host header REQUEST_HOST_HEADER asks for. The request holds the body's XML value, not its text
# (http:Request.setXmlPayload), until it is written out.
#
# `rest`: the message is sent as REST (an endpoint's `format="rest"`): Axis2's MessageProcessorSelector then picks
# the application/xml formatter for a `text/xml` message (`entityBody`), whose formatSOAPAction gives the action
# as it is: TargetRequest writes the SOAPAction header from it unquoted. So does `format="get"`'s form formatter
# (XFormURLEncodedFormatter.formatSOAPAction), for a GET that has no body.
function outboundRequest(Context ctx, string verb, (function (xml|byte[] body) returns xml|byte[]|error)? bodyEdit,
        function (Context ctx, http:Request request) headers = passThroughHeaders, boolean rest = false) returns http:Request|error {
    http:Request request = new;
    headers(ctx, request);
    // REQUEST_HOST_HEADER (axis2): the Host header of the request (TargetRequestFactory); the client keeps a Host header it is given.
    anydata requestHost = ctx.axis2["REQUEST_HOST_HEADER"];
    if requestHost is string {
        request.setHeader("Host", requestHost);
    }
    // TargetRequest writes the SOAPAction header of a SOAP 1.1 message anew from its action (a non-empty one:
    // `soapAction`, not a SOAPAction transport header), as SOAPMessageFormatter.formatSOAPAction gives it: quoted,
    // unless it already starts with a quote. Without an action the header goes out as it was set. Other formats'
    // formatSOAPAction give the action raw (application/xml, form data) or none (JSON, text; and no blocking call
    // of a REST message writes one): their SOAPAction header is left as the message carries it.
    if bodyFormat(ctx.contentType) == "soap" && !isSoap12(ctx.contentType) {
        string actionName = soapAction(ctx);
        if actionName != "" {
            request.setHeader("SOAPAction", rest || actionName.startsWith("\"") ? actionName : string `"${actionName}"`);
        }
    }
    // A GET goes out without a body, as Synapse's TargetRequest sends it; a Content-Type header the message
    // carries still goes out (TargetRequest adds the transport one back).
    if verb.toUpperAscii() != "GET" {
        xml|byte[]? body = check entityBody(ctx, rest);
        if body is xml|byte[] {
            xml|byte[] sent = body;
            if bodyEdit !is () {
                // What the Axis2 handlers of the send add to the envelope (`callEndpointAddressed`).
                sent = check bodyEdit(body);
            }
            request.setPayload(sent);
            if sent is byte[] && isMultipartFormData(ctx.contentType) {
                check request.setContentType(multipartFormDataType(ctx, sent));
            } else if ctx.contentType != "" {
                check request.setContentType(ctx.contentType);
            }
        }
    }
    return request;
}

# An OUT_ONLY send, in a strand of its own so that the flow does not wait for it: Axis2FlexibleMEPClient sends the
# clone through Axis2's OUT_ONLY operation with no callback and no timeout, so nothing that happens to it reaches the
# message's flow, its fault handling or the endpoint's suspension state. A failure is only logged, as the pass-through
# sender's ConnectCallback warns ("Connection refused or failed for : ...") and SynapseCallbackReceiver finds no
# callback for the fault TargetErrorHandler reports; a response is dropped.
function sendOutOnly(http:ClientObject endpoint, string verb, string path, http:Request request, string messageId) {
    http:Response|http:ClientError result = endpoint->execute(verb, path, request);
    if result is http:ClientError {
        log:printWarn("Connection refused or failed for an OUT_ONLY message: it is not sent again", 'error = result, messageId = messageId);
    }
}

# A non-blocking `send` or `call` through an address endpoint `local://.../services/<proxy>`: Axis2's local transport
# (NonBlockingLocalTransportSender) hands the message to the proxy service in-process, and `flow` is that proxy's
# flow function. As LocalTransportSender and LocalTransportReceiver do, the WS-Addressing headers are dropped first
# (Axis2FlexibleMEPClient, unless PRESERVE_WS_ADDRESSING is "true"); the message is written as its SOAP envelope
# (TransportUtils.writeMessage, which writes no other format) and read back as one, so the proxy gets a fresh context:
# a new message ID, the endpoint's address as its To, the transport headers of the message (the same map), no
# properties, no HTTP client to answer in its SOAP version. A message the client sent as REST cannot go: Axis2 then
# writes only the body's first element, which the receiver's SOAP builder refuses, and the send fails as it does
# here. The proxy's answer (LocalResponder.handleResponse) becomes the response: its status (HTTP_SC) and transport
# headers, its envelope as the body (read as the answer's own content type says), and the content type the message
# was sent with as the message's content type (the outgoing messageType is copied onto the response).
function callLocal(Context ctx, string address, function (Context ctx) returns http:Response|error flow) returns error? {
    // The send marks the request as answered elsewhere (Axis2FlexibleMEPClient sets RESPONSE_WRITTEN "SKIP" before it
    // sends, on every transport), as `callEndpoint` says.
    ctx.ack.skipped = true;
    removeAddressingHeaders(ctx);
    if ctx.restRequest {
        return error(string `The local transport sends the SOAP envelope only: the REST message cannot be sent to ${address} (its body's first element is no SOAP envelope)`);
    }
    xml envelope = check envelopeValue(ctx);
    string action = soapAction(ctx);
    Context callee = {
        messageId: "urn:uuid:" + uuid:createType4AsString(),
        to: address,
        payload: envelope,
        contentType: soapVersion(envelope) == SOAP12_NS ? "application/soap+xml" : "text/xml",
        headers: ctx.headers.clone(),
        wsaAction: action == "" ? () : action,
        method: "POST"
    };
    // The receiving side's action comes from the transport headers the message carries, as for an HTTP request.
    callee.action = httpSoapAction(callee);
    http:Response response = check flow(callee);
    ctx.restCall = false;
    ctx.statusCode = response.statusCode;
    ctx.httpSc = response.statusCode.toString();
    check receiveHeaders(ctx, response);
    byte[] bytes = check response.getBinaryPayload();
    ctx.payload = <ReceivedBody>{bytes: bytes, contentType: response.getContentType()};
    becomeResponse(ctx);
}

# The message turned into a backend's response: it gets fresh axis2-scope state in Synapse (the postfix is gone after
# a call), is not addressed to the request's To (SynapseCallbackReceiver.handleMessage addresses the response to the
# anonymous address, "" here), and carries the ReplyTo and FaultTo of the outgoing message's options
# (SynapseCallbackReceiver), which Axis2FlexibleMEPClient's clone does not copy: none. Its direction (`isResponse`)
# is not changed here: handleMessage marks the response setResponse(true), then, for a `call` (CONTINUATION_CALL,
# which CallMediator and the connectors' call templates set), puts back the direction of the message that called
# (setResponse(false) when it was a request), so a call's response goes on in the direction the flow had. Only a
# `send`'s response is a response: the generated code marks it so where it continues with it
# (`ctx.isResponse = true` before the out flow or a receiving sequence, `continueWithResponse`).
function becomeResponse(Context ctx) {
    ctx.urlPostfix = "";
    // The response's axis2 context has no HTTP_METHOD (ClientWorker copies only a few properties onto it), so
    // `$axis2:HTTP_METHOD` reads nothing and a later send through an endpoint without a method goes out as POST
    // (TargetRequestFactory's default; `callEndpoint`).
    ctx.method = "";
    ctx.to = "";
    ctx.replyTo = "";
    ctx.faultTo = "";
    ctx.addressingFault = ();
    ctx.wsaAction = ();
    // ClientWorker gives the response an empty SOAP action, whatever SOAPAction header it carries.
    ctx.action = "";
    ctx.axis2 = {};
    ctx.backendResponse = true;
}

# `callEndpoint` through an endpoint with `enableAddressing` (a non-blocking send or call): Axis2FlexibleMEPClient
# engages Axis2's addressing module for the send, whose AddressingOutHandler adds WS-Addressing header blocks to the
# envelope (`addressingBlocks`) after the clone lost the message's own (`removeAddressingHeaders`). The endpoint is
# content-aware, so the message is built first (AbstractEndpoint.send). Only a SOAP formatter writes the envelope's
# header: a message sent as plain XML, JSON or text goes out without the blocks, but still fails without an action.
# `wsaTo` is the endpoint's URL; the path or REST postfix is joined to it as the address the message goes to. The
# headers go through as `callEndpoint` sends them (`headers`, `passThroughHeaders` unless the call names another).
function callEndpointAddressed(Context ctx, http:ClientObject endpoint, string path = "", string? method = (), EndpointFormat? format = (),
        boolean outOnly = false, boolean timeoutFault = false, WsAddressing wsAddressing = "default", string wsaTo = "",
        EndpointState? state = (), boolean soapFault = false, // Only with: argument state
        function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
    if state is EndpointState { // Only with: argument state
        // Through the endpoint's suspension state, as `callEndpoint` goes through it.
        check endpointReady(ctx, state);
        return endpointCalled(state, callEndpointAddressed(ctx, endpoint, path, method, format, outOnly, timeoutFault, wsAddressing, wsaTo, headers = headers),
            outOnly, soapFault ? ctx : ());
    }
    if !outOnly {
        return sendAddressed(ctx, endpoint, path, method, format, false, timeoutFault, wsAddressing, wsaTo, headers);
    }
    // OUT_ONLY: the send works on a clone of the message, as `callEndpoint` says: the addressing headers are removed
    // from the clone, and the message keeps its own.
    _ = check parsedPayload(ctx);
    json|xml|ReceivedBody message = ctx.payload;
    ctx.payload = message.clone();
    error? sent = sendAddressed(ctx, endpoint, path, method, format, true, timeoutFault, wsAddressing, wsaTo, headers);
    ctx.payload = message;
    return sent;
}

# The send of `callEndpointAddressed`, on the message it is given.
function sendAddressed(Context ctx, http:ClientObject endpoint, string path, string? method, EndpointFormat? format,
        boolean outOnly, boolean timeoutFault, WsAddressing wsAddressing, string wsaTo,
        function (Context ctx, http:Request request) headers) returns error? {
    string namespace = addressingNamespace(check parsedPayload(ctx), wsAddressing);
    // As `callEndpoint` does next; the action the handler writes is the one the format sends (`applyEndpointFormat`).
    removeAddressingHeaders(ctx);
    xml blocks = check addressingBlocks(ctx, namespace, withRestPostfix(wsaTo, path));
    return callEndpoint(ctx, endpoint, path, method, format, outOnly = outOnly, timeoutFault = timeoutFault,
        bodyEdit = function (xml|byte[] body) returns xml|byte[]|error => bodyFormat(ctx.contentType) == "soap" ? withHeaderBlocks(body, blocks) : body,
        headers = headers);
}

# The WS-Addressing version of an endpoint's `enableAddressing`: its `version` attribute ("final" or "submission"),
# or "default" without one.
type WsAddressing "final"|"submission"|"default";

# The WS-Addressing namespace an endpoint with `enableAddressing` writes its header blocks in: 2005/08 for
# version="final", 2004/08 for version="submission". Without a version Axis2FlexibleMEPClient sets none and
# AddressingOutHandler takes the WS_ADDRESSING_VERSION the received message left (the clone copies its
# properties): the namespace AddressingInHandler read when the message was built (2005/08 when the envelope's
# header has a block of it, else 2004/08 when it has one of that namespace), and 2005/08 otherwise.
function addressingNamespace(json|xml message, WsAddressing version) returns string {
    if version != "default" {
        return version == "final" ? WSA_NS : WSA_SUBMISSION_NS;
    }
    xml:Element? header = message is xml ? envelopePart(message, "Header") : ();
    if header is () {
        return WSA_NS;
    }
    boolean submission = false;
    foreach xml:Element block in header.getChildren().elements() {
        string name = block.getName();
        if name.startsWith("{" + WSA_NS + "}") {
            return WSA_NS;
        }
        submission = submission || name.startsWith("{" + WSA_SUBMISSION_NS + "}");
    }
    return submission ? WSA_SUBMISSION_NS : WSA_NS;
}

# The WS-Addressing header blocks Axis2's AddressingOutHandler adds to a message an endpoint with `enableAddressing`
# sends (Axis2FlexibleMEPClient turns DISABLE_ADDRESSING_FOR_OUT_MESSAGES off), in its order and with its defaults:
# `To`, the address the message is sent to (the endpoint's URL with the path or REST postfix); `ReplyTo`, only for
# 2004/08, the anonymous address (2005/08 omits an anonymous ReplyTo, as includeOptionalHeaders is off); `MessageID`,
# the clone's new `urn:uuid:` id (the message's own when PRESERVE_WS_ADDRESSING is "true"); `Action`, the message's
# action (`addressingAction`: the SOAP action, else the request's `wsa:Action`). A block of that name the message
# still carries (PRESERVE_WS_ADDRESSING keeps them) is not added again. Without an action, Axis2 refuses to send
# ("Unable to determine wsa:Action for outbound message"): the send fails as Axis2Sender reports it, with
# ERROR_CODE 0. From and FaultTo are not written (the clone carries none).
function addressingBlocks(Context ctx, string namespace, string to) returns xml|error {
    json|xml message = check parsedPayload(ctx);
    xml:Element? header = message is xml ? envelopePart(message, "Header") : ();
    string[] present = [];
    if header is xml:Element {
        foreach xml:Element block in header.getChildren().elements() {
            present.push(block.getName());
        }
    }
    string action = check addressingAction(ctx);
    if action == "" && present.indexOf("{" + namespace + "}Action") is () {
        return error("Unexpected error during sending message out. Unable to determine wsa:Action for outbound message", synapseErrorCode = 0);
    }
    anydata preserve = ctx.properties["PRESERVE_WS_ADDRESSING"];
    string messageId = preserve is string && preserve.toLowerAscii() == "true" ? ctx.messageId : "urn:uuid:" + uuid:createType4AsString();
    xml blocks = xml ``;
    if present.indexOf("{" + namespace + "}To") is () {
        blocks += soapHeaderBlock(namespace, "wsa", "To", to);
    }
    if namespace == WSA_SUBMISSION_NS && present.indexOf("{" + namespace + "}ReplyTo") is () {
        xml:Element address = soapHeaderBlock(namespace, "wsa", "Address", WSA_SUBMISSION_NS + "/role/anonymous");
        blocks += xml:createElement("{" + namespace + "}ReplyTo", {["{http://www.w3.org/2000/xmlns/}wsa"]: namespace}, address);
    }
    if present.indexOf("{" + namespace + "}MessageID") is () {
        blocks += soapHeaderBlock(namespace, "wsa", "MessageID", messageId);
    }
    if action != "" && present.indexOf("{" + namespace + "}Action") is () {
        blocks += soapHeaderBlock(namespace, "wsa", "Action", action);
    }
    return blocks;
}

# A SOAP envelope to send (`entityBody`'s bytes or XML) with `blocks` appended to its Header, which is added when the
# envelope has none. The message keeps its own envelope. A body that is not an envelope goes out as it is.
function withHeaderBlocks(xml|byte[] body, xml blocks) returns xml|byte[]|error {
    xml envelope = body is byte[] ? check xml:fromString(check string:fromBytes(body)) : body.clone();
    string? uri = soapVersion(envelope);
    if uri is () || blocks.length() == 0 {
        return body;
    }
    xml:Element? header = envelopePart(envelope, "Header");
    if header is xml:Element {
        header.setChildren(header.getChildren() + blocks);
        return envelope;
    }
    xml:Element root = envelope.elements().get(0);
    xml:Element created = uri == SOAP12_NS
        ? <xml:Element>xml `<soap:Header xmlns:soap="http://www.w3.org/2003/05/soap-envelope">${blocks}</soap:Header>`
        : <xml:Element>xml `<soapenv:Header xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">${blocks}</soapenv:Header>`;
    root.setChildren(created + root.getChildren());
    return envelope;
}

# FORCE_ERROR_ON_SOAP_FAULT, after a send through an endpoint (semantics §5.1): when the message holds the
# property as the string "true", Synapse's SynapseCallbackReceiver builds the response and, if its envelope
# holds a SOAP fault (the body's first element is the `Fault` of the envelope's SOAP version; plain XML is in
# a SOAP 1.1 envelope, as its builder puts it), fails the endpoint instead of going on: the fault flow runs on
# the response (the fault envelope its payload, the backend's status its status) with ERROR_CODE 500000
# (ENDPOINT_CUSTOM_ERROR). ERROR_MESSAGE, ERROR_DETAIL and ERROR_EXCEPTION keep what they held, as the
# endpoint sets no message: `recordError` leaves a recorded ERROR_CODE as it is. A response that cannot be
# read is no fault, as Synapse ignores a failed build. The Micro Integrator also suspends that endpoint (ERROR_CODE
# 500000 is a suspend fault when no suspend codes are set; 30 s by default): an endpoint's `EndpointState` takes the
# fault through `endpointCalled`, a group member's through `callGroup`; an endpoint without one is not suspended.
function failOnSoapFault(Context ctx) returns error? {
    if ctx.properties["FORCE_ERROR_ON_SOAP_FAULT"] != "true" || soapFaultElement(ctx) is () {
        return;
    }
    ctx.properties["ERROR_CODE"] = 500000;
    return error("the backend answered with a SOAP fault and FORCE_ERROR_ON_SOAP_FAULT is true", synapseErrorCode = 500000);
}

# FORCE_ERROR_ON_SOAP_FAULT in a copy an iterate or clone made (semantics §5.1, §6.7), with the result of that copy's
# branch: a failure on a SOAP fault response (ERROR_CODE 500000: `failOnSoapFault`, `endpointCalled`, `callGroup`)
# makes the message the copy's, so the fault handling the failure reaches runs on that copy's message. In Synapse
# SynapseCallbackReceiver runs the fault handler the copy carries (MessageHelper.cloneMessageContext copies the
# parent's fault stack) on the copy's response: the fault envelope, its status, the copy's properties with ERROR_CODE
# 500000 (a failover group's on the copy's request, as `callGroup` leaves it); the copy does not reach the aggregate.
# Any other result is returned as it is.
function copyFailure(Context ctx, Context copy, error? result) returns error? {
    if result is () || errorCode(result) != 500000 {
        return result;
    }
    adoptMessage(ctx, copy);
    ctx.payload = copy.payload;
    return result;
}

# A copy of an iterate or clone without aggregate that failed (semantics §6.7, §6.9), with its failure: the message
# becomes the copy's as the copy left it (payload, headers, properties, status), so the fault handling the failure
# reaches runs on that copy's message. In Synapse each copy carries the parent's fault handlers
# (MessageHelper.cloneMessageContext copies the fault stack) and a failing copy runs them on itself: a parallel
# copy's sequence in MediatorWorker, a sequential one's in Target.mediateMessage, a send's failure or SOAP fault in
# the endpoint's onFault / SynapseCallbackReceiver on the copy's message; the parent's message is not the one the
# fault sequence sees.
function copyFailed(Context ctx, Context copy, error failure) returns error {
    adoptMessage(ctx, copy);
    ctx.payload = copy.payload;
    return failure;
}

# The result of a copy the flow goes on without (a clone or iterate with continueParent and no aggregate, a recipient
# list's copy), run in the flow's strand: a copy that failed runs, on itself, the fault handling of the flow where it
# was split, and the flow goes on. In Synapse each copy carries the parent's fault handlers
# (MessageHelper.cloneMessageContext copies the fault stack): Target.mediateMessage catches a sequential copy's
# failure and pops its fault handler on the copy (MediatorWorker.run does the same for a parallel one), and the clone
# returns continueParent either way. `faultHandler` is the flow's fault function, `()` for an empty fault flow (it
# records the error on the copy and ends it). What the fault handling answers is not sent: the flow goes on and
# answers the client, where the Micro Integrator writes the copy's fault response when it comes first (a sequential
# copy's always does); a failure of the fault handling itself is logged.
function handleCopyFailure(Context copy, http:Response|error? result,
        (function (Context ctx, error e) returns http:Response|error?)? faultHandler) {
    if result !is error {
        return;
    }
    if faultHandler is () {
        recordError(copy, result);
        return;
    }
    http:Response|error? handled = faultHandler(copy, result);
    if handled is error {
        log:printError(handled.message(), 'error = handled, messageId = copy.messageId);
    }
}

# A copy the flow goes on without, run on its own strand (`_ = start runCopy(...)`): its branch, then, when it failed,
# the flow's fault handling on the copy, as MediatorWorker.run pops the copy's fault handler (`handleCopyFailure`).
function runCopy(Context copy, function (Context ctx) returns http:Response|error? branch,
        (function (Context ctx, error e) returns http:Response|error?)? faultHandler) {
    handleCopyFailure(copy, branch(copy), faultHandler);
}

# A copy of an iterate or clone that stops its flow (no continueParent, no aggregate), run with the fault handling of
# the flow where it was split (semantics §6.7, §6.9): its branch's answer; when the branch failed, what the flow's
# fault handling run on the copy answers. In Synapse each copy carries the parent's fault handlers
# (MessageHelper.cloneMessageContext copies the fault stack) and a failing copy pops them on itself (MediatorWorker.run
# for a parallel copy, Target.mediateMessage for a sequential one); a respond there answers the client when no other
# copy answered first. `faultHandler` is the flow's fault function, `()` for an empty fault flow (it records the error
# on the copy and answers nothing); a failure of the fault handling itself is logged. A copy that answers nothing (it
# ends or drops without responding: `dropped`) returns an error, so `firstAnswer` passes over it.
function answeringCopy(Context copy, function (Context ctx) returns http:Response|error? branch,
        (function (Context ctx, error e) returns http:Response|error?)? faultHandler) returns http:Response|error {
    // A panic is this copy's failure alone (trap), as MediatorWorker.run hands what a copy throws to its fault handler:
    // it must not end the alternate wait the other copies' answers are taken from.
    http:Response|error? reply = trap branch(copy);
    if reply is error {
        if faultHandler is () {
            recordError(copy, reply);
            return reply;
        }
        reply = faultHandler(copy, reply);
        if reply is error {
            log:printError(reply.message(), 'error = reply, messageId = copy.messageId);
            return reply;
        }
    }
    if reply is http:Response && !copy.dropped {
        return reply;
    }
    return error("the copy answered nothing");
}

# A copy of an iterate or clone that stops its flow, in a flow whose fault handling is its caller's (a sequence
# without onError, a branch): its branch's answer, as `answeringCopy`; a failure is kept at the copy's index in
# `failures` for `firstCopyFailure`, which fails the flow with it when no copy answered.
function failingCopy(Context copy, function (Context ctx) returns http:Response|error? branch, error?[] failures,
        int index) returns http:Response|error {
    http:Response|error? reply = trap branch(copy);
    if reply is error {
        // The Micro Integrator runs the caller's fault handling on the copy (the main fault sequence logs it): the
        // failure is at least logged, as `answeringCopy` logs one nothing handles.
        log:printError(reply.message(), 'error = reply, messageId = copy.messageId);
        failures[index] = reply;
        return reply;
    }
    if reply is http:Response && !copy.dropped {
        return reply;
    }
    return error("the copy answered nothing");
}

# The first answer of the copies of a parallel iterate or clone that stops its flow, in the order the answers come
# (semantics §6.7, §6.9): the copies run on their own (MediatorWorker) and the first to respond answers the client;
# PassThroughHttpSender.submitResponse writes no later one (the source request is gone: "Trying to submit a response
# to an already closed connection"). An alternate wait (`wait a|b`) completes with the first of its futures to end
# with a value that is no error, else with the error of the last to end; the copies are waited in halves, each on a
# strand of its own, so any number of them is. The copies that have not ended keep running, as in the Micro Integrator.
# An error: no copy answered, and every copy has ended.
function firstAnswer(future<http:Response|error>[] copies) returns http:Response|error {
    if copies.length() == 0 {
        return error("no copy answered");
    }
    if copies.length() == 1 {
        return wait copies[0];
    }
    int middle = copies.length() / 2;
    future<http:Response|error> first = start firstAnswer(copies.slice(0, middle));
    future<http:Response|error> second = start firstAnswer(copies.slice(middle));
    return wait first | second;
}

# The failure of the first copy that failed (in the order of the copies), kept by `failingCopy`, once no copy
# answered: the message becomes that copy's, so the fault handling the failure reaches runs on it (`copyFailed`).
function firstCopyFailure(Context ctx, Context[] copies, error?[] failures) returns error? {
    foreach int index in 0 ..< failures.length() {
        error? failure = failures[index];
        if failure is error {
            return copyFailed(ctx, copies[index], failure);
        }
    }
    return;
}

# The SOAP `Fault` of the message, if it holds one: the body's first element is the `Fault` of the envelope's
# SOAP version (plain XML is in a SOAP 1.1 envelope, as its builder puts it). A message that cannot be read
# holds none.
function soapFaultElement(Context ctx) returns xml:Element? {
    xml|error body = soapBody(ctx);
    if body !is xml:Element {
        return ();
    }
    string bodyName = body.getName();
    xml<xml:Element> children = body.getChildren().elements();
    if children.length() == 0 || children.get(0).getName() != bodyName.substring(0, bodyName.length() - 4) + "Fault" {
        return ();
    }
    return children.get(0);
}

# FORCE_ERROR_ON_SOAP_FAULT on a blocking call or a callout (semantics §5.1): BlockingMsgSenderUtils.fillClientOptions
# sets Axis2's exceptionToBeThrownOnSOAPFault when the message holds the property as the string "true", and
# OutInAxisOperationClient then throws the SOAP fault of a response whose body Axis2's HTTPSender read
# (`blockingStatusRead`; `callBlocking` fails on any other status first). BlockingMsgSender records that AxisFault on the message before the fault handler runs:
# ERROR_CODE the fault code's local name read as a number (401002, BLOCKING_SENDER_OPERATION_FAILED, when it
# is not one, as `soapenv:Server` is not), ERROR_MESSAGE the fault's reason (SOAP 1.1 `faultstring`, SOAP 1.2
# the first `Reason/Text`), ERROR_DETAIL the text of the detail's first element (AxisFault.getDetail, empty
# without one); the fault envelope stays the message, its status the status.
function failOnBlockingSoapFault(Context ctx) returns error? {
    if ctx.properties["FORCE_ERROR_ON_SOAP_FAULT"] != "true" {
        return;
    }
    xml:Element? fault = soapFaultElement(ctx);
    if fault is () {
        return;
    }
    string ns = fault.getName().substring(0, fault.getName().length() - 5);
    boolean soap12 = ns == "{" + SOAP12_NS + "}";
    xml<xml:Element> parts = fault.getChildren().elements();
    string code = (soap12 ? parts.elements(ns + "Code").elementChildren(ns + "Value") : parts.elements("faultcode")).data().trim();
    string reason = soap12 ? firstOf(parts.elements(ns + "Reason").elementChildren(ns + "Text")).data() : parts.elements("faultstring").data();
    xml detail = firstOf(parts.elements(soap12 ? ns + "Detail" : "detail").elementChildren());
    int? colon = code.indexOf(":");
    int|error number = int:fromString(colon is int ? code.substring(colon + 1) : code);
    int faultCode = number is int ? number : 401002;
    error e = error(reason, synapseErrorCode = faultCode);
    ctx.properties["ERROR_CODE"] = faultCode;
    ctx.properties["ERROR_MESSAGE"] = reason;
    ctx.properties["ERROR_DETAIL"] = detail.children().text().data();
    ctx.properties["ERROR_EXCEPTION"] = e.toString();
    return e;
}

# The first item of a sequence, or an empty sequence.
function firstOf(xml items) returns xml => items.length() > 0 ? items.get(0) : xml ``;

# Sends the message to its To address, as an endpoint-less `send` or `call` does on a request (semantics
# §4.2, §6.6): the address a `header To` set or the request's `wsa:To` header block (`takeAddressingTo`), with
# the REST postfix appended as for a default endpoint (§3.5). With `build` (a default endpoint, whose
# DefaultEndpoint.send builds an unbuilt message first) the body is parsed first, so its `wsa:To` is read. A To
# that is not an absolute HTTP URL (the request's own path, when the message has no `wsa:To` and nothing set
# one) is an error. A client is made for each message.
function callAddress(Context ctx, boolean blocking = false, boolean outOnly = false, boolean build = false, boolean soapFault = false,
        function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
    if build {
        _ = check parsedPayload(ctx);
    }
    string address = ctx.to;
    if !address.startsWith("http://") && !address.startsWith("https://") {
        return error(string `the message has no HTTP address to send to (To is '${address}')`);
    }
    http:Client endpoint = check new (address, {timeout: 120, httpVersion: http:HTTP_1_1});
    string path = clientPath(address, restPostfix(ctx));
    if blocking {
        return callBlocking(ctx, endpoint, path, soapFault = soapFault, headers = headers);
    }
    return callEndpoint(ctx, endpoint, path, outOnly = outOnly, headers = headers);
}

# The clients of the http endpoints whose uri-template takes the scheme, host or port from a property, by endpoint
# and base URL: each is made on the first call to that base URL and kept for the next ones.
final map<http:Client> urlTemplateClients = {};

# An http endpoint whose uri-template takes the scheme, host or port from a property: HTTPEndpoint expands the whole
# template for each message and sends to the URL it gives (semantics: HTTPEndpoint.resolveUrlTemplate). `url` is
# that expansion; the client for its base URL (scheme and authority), made with the endpoint's configuration, is
# returned with the rest of the URL (path and query; a fragment is not sent). A URL that is not an absolute HTTP
# or HTTPS address is an error, as the Micro Integrator cannot send to it either.
function urlTemplateClient(string endpoint, string url, http:ClientConfiguration config) returns [http:Client, string]|error {
    string lower = url.toLowerAscii();
    if !lower.startsWith("http://") && !lower.startsWith("https://") {
        return error(string `the uri-template of the endpoint configured by '${endpoint}' expands to '${url}', which is not an HTTP address`);
    }
    int authorityStart = lower.startsWith("https://") ? 8 : 7;
    int pathStart = url.length();
    foreach string separator in ["/", "?", "#"] {
        int? index = url.indexOf(separator, authorityStart);
        if index is int && index < pathStart {
            pathStart = index;
        }
    }
    string baseUrl = url.substring(0, pathStart);
    string path = url.substring(pathStart);
    int? fragment = path.indexOf("#");
    if fragment is int {
        path = path.substring(0, fragment);
    }
    string key = endpoint + " " + baseUrl;
    lock {
        http:Client? cached = urlTemplateClients[key];
        if cached is http:Client {
            return [cached, path];
        }
        http:Client created = check new (baseUrl, config);
        urlTemplateClients[key] = created;
        return [created, path];
    }
}

# Runs an MI 4.4 HTTP connector operation (`http.get`, `http.post`, ...) on its connection's client, as the
# connector's RestURLBuilder and the Micro Integrator's InvokeMediator do: the headers listed are added to the
# message's, a request body replaces the payload (JSON; XML, whose SOAP envelope replaces the message's; or
# text) with its content type (`httpConnectorRequest`), and the message is sent like a non-blocking `call` (every
# status is a response) to the base URL joined with the relative path. The connection's endpoint expands the path
# as a reserved expansion (HTTPConnectionUtils writes the uri-template `{uri.var.base}{+uri.var.path}{+uri.var.query}`,
# which HTTPEndpoint.resolveUrlTemplate expands per RFC 6570): reserved characters but `[` and `]` are kept and any
# other character outside the unreserved ones is percent-encoded (`reservedValue`: a space is `%20`, `[` is `%5B`, a
# `%XX` is kept).
# The response becomes the message. With a response variable, the variable receives `{payload, headers,
# attributes: {statusCode}}` and, unless `overwriteBody`, the payload, content type and headers the message had
# before the operation come back (the status stays the response's, as in the Micro Integrator); with
# `overwriteBody` the variable holds no payload. With `state` (the connection sets suspend* or retry* settings,
# which HTTPConnectionUtils makes the suspendOnFailure and markForSuspension of the connection's endpoint) the call
# goes through the endpoint's `EndpointState` as a non-blocking call through a classic endpoint does
# (`endpointReady`, `endpointCalled`). With `request`, the headers and body were already set by
# `httpConnectorRequest` (whose result it is), before the relative path was evaluated.
function callHttpConnector(Context ctx, http:Client connection, string baseUrl, string method, string relativePath,
        [string, string][] headers = [], "JSON"|"XML"|"TEXT"? bodyType = (), string body = "", HttpConnectorRequest? request = (),
        string? responseVariable = (), boolean overwriteBody = false, EndpointState? state = ()) returns error? {
    HttpConnectorRequest before = request ?: check httpConnectorRequest(ctx, headers, bodyType, body);
    string path = check reservedValue(connectorPath(baseUrl, relativePath));
    if state is EndpointState {
        check endpointReady(ctx, state);
        check endpointCalled(state, callEndpoint(ctx, connection, path, method));
    } else {
        check callEndpoint(ctx, connection, path, method);
    }
    string variable = responseVariable ?: "";
    if variable == "" {
        return;
    }
    ResponseVariable response = {headers: ctx.headers.clone(), attributes: {statusCode: ctx.statusCode}};
    if !overwriteBody {
        response.payload = check payloadValue(ctx);
    }
    ctx.variables[variable] = response;
    if !overwriteBody {
        ctx.payload = before.payload;
        ctx.contentType = before.contentType;
        ctx.headers = before.headers;
        ctx.excessHeaders = before.excessHeaders;
    }
}

# What an HTTP connector operation's message held before the operation set its headers and body: a response
# variable without `overwriteBody` puts it back after the call.
type HttpConnectorRequest record {|
    json|xml|ReceivedBody payload;
    string contentType;
    map<string> headers;
    map<string[]> excessHeaders;
|};

# The first part of an HTTP connector operation, as RestURLBuilder.connect runs it: the headers listed are added to
# the message's (handleInputHeaders), then a request body replaces the payload with its content type
# (handlePayload); the relative path is evaluated only after both (processAndResolveUrl), so a path reading the
# message reads the new body. Returns what the message held before, for `callHttpConnector`'s `request`.
function httpConnectorRequest(Context ctx, [string, string][] headers = [], "JSON"|"XML"|"TEXT"? bodyType = (),
        string body = "") returns HttpConnectorRequest|error {
    HttpConnectorRequest before = {payload: ctx.payload, contentType: ctx.contentType, headers: ctx.headers.clone(),
        excessHeaders: ctx.excessHeaders};
    foreach [string, string] [name, value] in headers {
        string headerName = name.trim();
        if headerName != "" {
            ctx.headers[headerName.toLowerAscii()] = value.trim();
        }
    }
    if bodyType == "JSON" {
        // A JSON body written between single quotes loses them (getProcessedJsonRequestBody).
        string text = body;
        if text.length() > 1 && text.startsWith("'") && text.endsWith("'") {
            text = text.substring(1, text.length() - 1);
        }
        setJsonPayload(ctx, check value:fromJsonString(text));
    } else if bodyType == "XML" {
        xml content = (check xml:fromString("<pfPadding>" + body + "</pfPadding>")).children().elements();
        if content.length() == 0 {
            return error("the HTTP connector's request body is not an XML payload");
        }
        xml first = content[0];
        if first is xml:Element && (first.getName() == "{" + SOAP11_NS + "}Envelope" || first.getName() == "{" + SOAP12_NS + "}Envelope") {
            ctx.payload = first;
        } else {
            ctx.payload = replaceBody(ctx, first);
        }
        string format = bodyFormat(ctx.contentType);
        if format != "xml" && format != "soap" {
            ctx.contentType = "application/xml";
        }
    } else if bodyType == "TEXT" {
        setTextPayload(ctx, body);
    }
    return before;
}

# The path an HTTP connector operation appends to its connection's base URL (RestURLBuilder): the relative
# path, trimmed, joined to the base with one `/` between them; a path that starts with `?` (query only) is
# appended as it is.
function connectorPath(string baseUrl, string relativePath) returns string {
    string base = baseUrl.trim();
    string path = relativePath.trim();
    if path == "" || base == "" || path.startsWith("?") {
        return path;
    }
    if base.endsWith("/") && path.startsWith("/") {
        return path.substring(1);
    }
    if !base.endsWith("/") && !path.startsWith("/") {
        return "/" + path;
    }
    return path;
}

# The MI 4.4 email connector's send operation (EmailSend, connector 2.x; 1.x with `legacyResult`), on an `email:SmtpClient`. The message is
# built as MessageBuilder does: `to`, `cc`, `bcc` and `replyTo` are comma-separated address lists
# (InternetAddress.parse), an empty one is left out, as is an empty subject or from, and every default-scope
# property named `EMAIL-HEADER:<name>` becomes a header. Sent, `{"success": true}` goes to the response variable
# as `{payload}`, or replaces the message as JSON with `overwriteBody` (see `emailConnectorResult`). A failure is
# recorded as the connector records it (ERROR_CODE "700204" and ERROR_MESSAGE "EMAIL:INVALID_CONFIGURATION" without
# recipients, else "700203" and "EMAIL:CONNECTIVITY"; status 500; `{"success": false, "error": {code, message}}`
# as the result) and fails the flow, so the fault sequence runs. Connector 1.x (no responseVariable) builds the same
# message and replaces the body by `<result><success>true</success></result>` (EmailUtils.generateOutput); a 1.x
# failure sets ERROR_CODE and ERROR_MESSAGE only.
function sendEmailConnector(Context ctx, email:SmtpClient connection, string 'from, string to, string cc, string bcc,
        string replyTo, string subject, string content, string contentType, string responseVariable = "",
        boolean overwriteBody = false, boolean legacyResult = false, string? charset = ()) returns error? {
    if to == "" && cc == "" && bcc == "" {
        return emailConnectorFailure(ctx, "700204", "EMAIL:INVALID_CONFIGURATION",
                "Error occurred while sending the email. Recipients are not provided.", responseVariable, overwriteBody,
                legacyResult = legacyResult);
    }
    string bodyType = contentType;
    if charset is string {
        // A contentType computed at run time (SB0622): MessageBuilder.withBody's type (text/html when empty) and charset.
        bodyType = (contentType == "" ? "text/html" : contentType) + "; charset=" + charset;
    }
    map<string> headers = {};
    foreach [string, anydata] [name, value] in ctx.properties.entries() {
        if name.startsWith("EMAIL-HEADER") {
            // propertyName.split(":")[1]: the text between the first and the second colon; Java fails when
            // nothing but colons follows the first one.
            int? colon = name.indexOf(":");
            string rest = colon is int ? name.substring(colon + 1) : "";
            if re `:*`.isFullMatch(rest) {
                return error(string `Index 1 out of bounds for length 1 (the property ${name})`);
            }
            if value !is string {
                return error(string `the property ${name} is not a string`);
            }
            int? next = rest.indexOf(":");
            headers[next is int ? rest.substring(0, next) : rest] = value;
        }
    }
    email:Message message = {
        to: emailAddressList(to),
        subject,
        body: content,
        contentType: bodyType,
        headers
    };
    if 'from != "" {
        message.'from = 'from;
    }
    if cc != "" {
        message.cc = emailAddressList(cc);
    }
    if bcc != "" {
        message.bcc = emailAddressList(bcc);
    }
    if replyTo != "" {
        message.replyTo = emailAddressList(replyTo);
    }
    if charset is string && !bodyType.toLowerAscii().includes("text") {
        // JavaMail's mailcap binds multipart/* and message/rfc822 to handlers that refuse text (MimeMultipart's
        // updateHeaders, message_rfc822.writeTo): the send fails. It writes the text under any other type, which
        // email:SmtpClient refuses ("Content type of the email should be text."): image/gif and image/jpeg too, whose
        // image_gif / image_jpeg lines the mailcap leaves commented out (no handler: DataHandler writes the string).
        string mimeType = bodyType.toLowerAscii();
        int? semicolon = mimeType.indexOf(";");
        mimeType = (semicolon is int ? mimeType.substring(0, semicolon) : mimeType).trim();
        if mimeType.startsWith("multipart/") || mimeType == "message/rfc822" {
            return emailConnectorFailure(ctx, "700203", "EMAIL:CONNECTIVITY",
                    string `Error occurred while sending the email with subject ${subject} to ${to}.`, responseVariable,
                    overwriteBody, error(string `MIME part of type "${bodyType}" holds text`), legacyResult);
        }
        return error(string `The email's content type ${bodyType} is not text: the Micro Integrator sends the content under it, email:SmtpClient sends only text (SB0622)`);
    }
    email:Error? sent = connection->sendMessage(message);
    if sent is email:Error {
        return emailConnectorFailure(ctx, "700203", "EMAIL:CONNECTIVITY",
                string `Error occurred while sending the email with subject ${subject} to ${to}.`, responseVariable,
                overwriteBody, sent, legacyResult);
    }
    if legacyResult {
        // Connector 1.x (EmailUtils.generateOutput): the body becomes the result element.
        connectorResult(ctx, xml `<result><success>true</success></result>`);
        return;
    }
    emailConnectorResult(ctx, {success: true}, responseVariable, overwriteBody, true);
}

# Records an email connector failure as AbstractEmailConnectorOperation does: the ERROR_CODE and ERROR_MESSAGE
# properties, status 500 and the failed result; then the error fails the flow. Connector 1.x (`legacyResult`,
# EmailUtils.setErrorsInMessage) sets the two properties only.
function emailConnectorFailure(Context ctx, string code, string detail, string message, string responseVariable,
        boolean overwriteBody, error? cause = (), boolean legacyResult = false) returns error {
    ctx.properties["ERROR_CODE"] = code;
    ctx.properties["ERROR_MESSAGE"] = detail;
    if legacyResult {
        return error(message, cause);
    }
    ctx.statusCode = 500;
    emailConnectorResult(ctx, {success: false, 'error: {code, message: detail}}, responseVariable, overwriteBody,
            false);
    return error(message, cause);
}

# An email connector's result, as the connector's handleConnectorResponse and the Micro Integrator's
# InvokeMediator.processConnectorResponse leave it. Without `overwriteBody` the response variable is
# `{payload}` (the connector's header and attribute maps are empty, so they are left out). With `overwriteBody`
# the result replaces the message as JSON and the connector stores no response: once the operation succeeded,
# the variable receives the message as an enrich to a variable does, less its payload, that is the transport
# headers as the connector left them and the attributes (`statusCode` when `HTTP_SC` is set); a failed one sets
# no variable (the flow fails before the Micro Integrator writes it).
function emailConnectorResult(Context ctx, json result, string responseVariable, boolean overwriteBody,
        boolean succeeded) {
    if !overwriteBody {
        ResponseVariable response = {payload: result};
        ctx.variables[responseVariable] = response;
        return;
    }
    map<string> headers = ctx.headers.clone();
    setJsonPayload(ctx, result);
    if !succeeded {
        return;
    }
    map<json> attributes = {};
    string? httpSc = ctx.httpSc;
    if httpSc is string {
        int|error status = int:fromString(httpSc);
        attributes["statusCode"] = status is int ? status : httpSc;
    }
    ResponseVariable response = {headers, attributes};
    ctx.variables[responseVariable] = response;
}

# The addresses of a comma-separated list, as InternetAddress.parse reads it: a comma inside quotes, angle
# brackets or a comment separates nothing; empty entries are skipped.
function emailAddressList(string list) returns string[] {
    string[] addresses = [];
    string current = "";
    boolean quoted = false;
    int depth = 0;
    foreach string c in list {
        if c == "\"" {
            quoted = !quoted;
        } else if !quoted && (c == "<" || c == "(") {
            depth += 1;
        } else if !quoted && (c == ">" || c == ")") && depth > 0 {
            depth -= 1;
        } else if c == "," && !quoted && depth == 0 {
            if current.trim() != "" {
                addresses.push(current.trim());
            }
            current = "";
            continue;
        }
        current += c;
    }
    if current.trim() != "" {
        addresses.push(current.trim());
    }
    return addresses;
}

# The SMTP settings of one of the Micro Integrator's mail transport senders (Axis2's MailTransportSender, a
# `[[transport.mail.sender]]` of its deployment.toml): the server (mail.smtp.host, mail.smtp.port), the login
# (mail.smtp.user, mail.smtp.password), the From address of mails whose message names none (mail.smtp.from), how the
# connection is secured (the name of an `email:Security`: START_TLS_AUTO for mail.smtp.starttls.enable, SSL for
# mail.smtp.ssl.enable, START_TLS_NEVER for neither) and the addresses every mail also goes to as Bcc
# (transport.mail.SMTPBccAddresses, comma-separated; "" for none).
type MailSmtpSettings record {|
    string host;
    int port;
    string username;
    string password;
    string 'from;
    string security;
    string bcc;
|};

# Mails the message to a `mailto:` endpoint as Axis2's MailTransportSender.sendMail writes it, over an
# `email:SmtpClient` on the sender's settings `smtp`:
# - To: the `To` transport header, else `address` (the address list after `mailto:`); From and Reply-To: the `From`
#   transport header, else `smtp.from` (no From at all fails the send); Cc: the `Cc` transport header; Bcc: the `Bcc`
#   transport header and `smtp.bcc`; Subject: the `Subject` transport header, else `SOAPAction: ` and the message's
#   SOAP action (`null` when it has none, as Java writes a missing one); a `SOAPAction` mail header with the action;
# - with the `From`, `mail.smtp.user` and `mail.smtp.password` transport headers all set, the mail is sent with that
#   user and password instead of the sender's;
# - the body: when the body's first element is Axis2's text wrapper, its text as `text/plain; charset=UTF-8`, whatever
#   the content type (BaseUtils.getMessageFormatter picks the PlainTextFormatter for it; the binary wrapper's
#   BinaryFormatter has no counterpart here: the send fails); otherwise the message as the formatter of its content
#   type writes it (`entityBody`), with that content type when it is text/*. The email module sends text bodies only: any other content type (application/xml, application/json,
#   application/soap+xml) goes out as text/plain with the same text, and a binary body that is not UTF-8 text fails.
#   The Multipart and Attachment mail formats (the axis2 property transport.mail.Format) and custom mail headers are
#   not reproduced: the body is the mail.
# A failure to build or send the mail fails the send (the flow's fault handling runs), as Axis2Sender turns the
# sender's error into a fault. Without OUT_ONLY "true" (`awaitsReply`) the Micro Integrator then waits for a reply
# mail (MailTransportSender.waitForReply, up to the client's timeout) and fails the send when none comes: the mail goes,
# and this fails as that timeout does, at once (a reply mail is never awaited). Out-only, the message is left as it was.
function sendMail(Context ctx, MailSmtpSettings smtp, string address, boolean awaitsReply = false) returns error? {
    // The send marks the request as answered elsewhere (Axis2FlexibleMEPClient sets RESPONSE_WRITTEN "SKIP" before it
    // sends, on every transport), as `callEndpoint` says.
    ctx.ack.skipped = true;
    string? fromHeader = ctx.headers["from"];
    string? userHeader = ctx.headers["mail.smtp.user"];
    string? passwordHeader = ctx.headers["mail.smtp.password"];
    string username = smtp.username;
    string password = smtp.password;
    if fromHeader is string && userHeader is string && passwordHeader is string {
        username = userHeader;
        password = passwordHeader;
    }
    string 'from = fromHeader ?: smtp.'from;
    if 'from.trim() == "" {
        return error("Unexpected error during sending message out. From address for outgoing message cannot be determined");
    }
    string action = soapAction(ctx);
    if action == "" && ctx.headers["soapaction"] is () {
        action = "null";
    }
    xml|byte[]? body;
    string contentType;
    xml:Element? wrapper = ctx.payload is xml ? payloadWrapper(check bodyFirstElement(ctx)) : ();
    if wrapper is xml:Element && wrapper.getName() == "{http://ws.apache.org/commons/ns/payload}binary" {
        return error("Unexpected error during sending message out. The email module sends text mail bodies only: a binary payload cannot be mailed here");
    }
    if wrapper is xml:Element {
        // Axis2's text wrapper goes out through the PlainTextFormatter, whatever the message's content type.
        xml inner = wrapper.getChildren().elements();
        body = (inner.length() > 0 ? inner.get(0).toString() : wrapper.data()).toBytes();
        contentType = "text/plain; charset=UTF-8";
    } else {
        body = check entityBody(ctx);
        contentType = ctx.contentType.trim().toLowerAscii().startsWith("text/") ? ctx.contentType : "text/plain";
    }
    email:Message message = {
        to: emailAddressList(ctx.headers["to"] ?: address),
        subject: ctx.headers["subject"] ?: "SOAPAction: " + action,
        'from,
        replyTo: 'from,
        body: body is xml ? body.toString() : body is byte[] ? check string:fromBytes(body) : "",
        contentType,
        headers: {"SOAPAction": action}
    };
    string? cc = ctx.headers["cc"];
    if cc is string {
        message.cc = emailAddressList(cc);
    }
    string[] bcc = [...emailAddressList(ctx.headers["bcc"] ?: ""), ...emailAddressList(smtp.bcc)];
    if bcc.length() > 0 {
        message.bcc = bcc;
    }
    do {
        email:Security security = check smtp.security.ensureType();
        email:SmtpClient sender = check new (smtp.host, username, password, port = smtp.port, security = security);
        check sender->sendMessage(message);
    } on fail error e {
        return error("Unexpected error during sending message out. Error creating mail message or sending it to the configured server", e);
    }
    if awaitsReply {
        return error("Unexpected error during sending message out. Timeout while waiting for a response");
    }
}

# The Salesforce REST connector's query (1.x/2.x, `salesforcerest.query`: GET `query?q=`) on a `salesforce:Client`.
# The module reads every page of the result (following `nextRecordsUrl`), so the message becomes
# `{"totalSize", "done": true, "records"}` with the records of all pages, status 200; the connector's answer for a
# result of one page (2,000 records by default) is the same.
function salesforceQuery(Context ctx, salesforce:Client connection, string queryString) returns error? {
    stream<record {}, error?>|error rows = connection->query(queryString);
    if rows is error {
        return jsonApiFailure(ctx, rows);
    }
    record {}[]|error records = from record {} row in rows
        select row;
    if records is error {
        return jsonApiFailure(ctx, records);
    }
    jsonApiResponse(ctx, 200, {totalSize: records.length(), done: true, records: records.toJson()});
}

# The Salesforce REST connector's create (`salesforcerest.create`: POST `sobjects/{sObjectName}` with the
# fieldAndValue JSON): the message becomes Salesforce's answer `{"id", "success", "errors"}`, status 201.
function salesforceCreate(Context ctx, salesforce:Client connection, string sObjectName, string fieldAndValue)
        returns error? {
    map<json> fields = check salesforceFields(fieldAndValue);
    salesforce:CreationResponse|error created = connection->create(sObjectName, fields);
    if created is error {
        return jsonApiFailure(ctx, created);
    }
    jsonApiResponse(ctx, 201, created.toJson());
}

# The Salesforce REST connector's update (`salesforcerest.update`: PATCH `sobjects/{sObjectName}/{Id}` with the
# fieldAndValue JSON): Salesforce answers 204 without a body, and so does the message.
function salesforceUpdate(Context ctx, salesforce:Client connection, string sObjectName, string id,
        string fieldAndValue) returns error? {
    map<json> fields = check salesforceFields(fieldAndValue);
    error? updated = connection->update(sObjectName, id, fields);
    if updated is error {
        return jsonApiFailure(ctx, updated);
    }
    jsonApiResponse(ctx, 204, ());
}

# The Salesforce REST connector's delete (`salesforcerest.delete`: DELETE `sobjects/{sObjectName}/{idToDelete}`):
# Salesforce answers 204 without a body, and so does the message.
function salesforceDelete(Context ctx, salesforce:Client connection, string sObjectName, string idToDelete)
        returns error? {
    error? deleted = connection->delete(sObjectName, idToDelete);
    if deleted is error {
        return jsonApiFailure(ctx, deleted);
    }
    jsonApiResponse(ctx, 204, ());
}

# The Salesforce REST connector's describeSObject (`salesforcerest.describeSObject`: GET
# `sobjects/{sObjectName}/describe`): the message becomes Salesforce's description of the object, status 200.
function salesforceDescribeSObject(Context ctx, salesforce:Client connection, string sObjectName) returns error? {
    salesforce:SObjectMetaData|error described = connection->describe(sObjectName);
    if described is error {
        return jsonApiFailure(ctx, described);
    }
    jsonApiResponse(ctx, 200, described.toJson());
}

# The fieldAndValue parameter of a create or update: the JSON object the connector's payloadFactory sends.
function salesforceFields(string fieldAndValue) returns map<json>|error {
    json fields = check value:fromJsonString(fieldAndValue);
    if fields !is map<json> {
        return error(string `fieldAndValue is not a JSON object: ${fieldAndValue}`);
    }
    return fields;
}

# A call of a JSON REST API's client (salesforce:Client, gmail:Client) that failed: when the service answered with an
# error status, its answer (Salesforce: the JSON array of `{"message", "errorCode", ...}`; Gmail:
# `{"error": {"code", "message", "errors", "status"}}`) becomes the message with that status, as it does after the
# connector's call, and the flow goes on; any other failure (no connection, no token) fails the flow, as the
# connector's call does.
function jsonApiFailure(Context ctx, error failure) returns error? {
    if failure is http:ApplicationResponseError {
        anydata body = failure.detail().body;
        jsonApiResponse(ctx, failure.detail().statusCode, body is json ? body : body.toString());
        return;
    }
    return failure;
}

# The message after a Salesforce or Gmail call: the answer's status and JSON body (none for `()`), as a backend
# response (fresh transport headers and axis2 state, as after a call).
function jsonApiResponse(Context ctx, int status, json body) {
    ctx.statusCode = status;
    ctx.httpSc = status.toString();
    ctx.headers = {};
    ctx.excessHeaders = {};
    if body is () {
        ctx.payload = ();
        ctx.contentType = "";
    } else {
        ctx.payload = body;
        ctx.contentType = "application/json";
        ctx.headers["content-type"] = ctx.contentType;
    }
    becomeResponse(ctx);
}

# The Gmail connector's sendMail (3.x/4.x, `gmail.sendMail`: POST `users/{userId}/messages/send` with the `raw`
# MIME text CreateMail builds). The connector writes a `to:`, `subject:`, `from:`, `cc:` and `bcc:` header for each
# parameter that is not empty, then the body after a blank line; gmail:Client's MessageRequest writes the same headers
# in the same order, and the body under a `Content-Type` of text/plain (no contentType, or text/plain) or text/html,
# charset UTF-8. Another content type fails the flow (the client writes no other). The message becomes Gmail's answer
# `{"id", "threadId", "labelIds"}`, status 200, as after the connector's call.
function gmailSendMail(Context ctx, gmail:Client connection, string userId, string to, string subject, string 'from,
        string cc, string bcc, string messageBody, string contentType) returns error? {
    gmail:MessageRequest request = {};
    if to != "" {
        request.to = [to];
    }
    if subject != "" {
        request.subject = subject;
    }
    if 'from != "" {
        request.'from = 'from;
    }
    if cc != "" {
        request.cc = [cc];
    }
    if bcc != "" {
        request.bcc = [bcc];
    }
    if messageBody != "" {
        string kind = contentType.trim().toLowerAscii();
        if kind == "" || kind.startsWith("text/plain") {
            request.bodyInText = messageBody;
        } else if kind.startsWith("text/html") {
            request.bodyInHtml = messageBody;
        } else {
            return error(string `gmail sendMail: gmail:Client sends a text/plain or text/html body, not ${contentType}`);
        }
    }
    gmail:Message|error sent = connection->/users/[userId]/messages/send.post(request);
    if sent is error {
        return jsonApiFailure(ctx, sent);
    }
    jsonApiResponse(ctx, 200, sent.toJson());
}

# The Gmail connector's listAllMails (`gmail.listAllMails`: GET `users/{userId}/messages` with the query parameters
# that are not empty): the message becomes Gmail's answer
# `{"messages": [{"id", "threadId"}], "nextPageToken", "resultSizeEstimate"}`, status 200. includeSpamTrash and maxResults that are not a boolean or a number fail the flow
# (Gmail answers the connector's call 400).
function gmailListAllMails(Context ctx, gmail:Client connection, string userId, string includeSpamTrash,
        string labelIds, string maxResults, string pageToken, string q) returns error? {
    boolean? spamTrash = includeSpamTrash == "" ? () : check boolean:fromString(includeSpamTrash);
    int? maximum = maxResults == "" ? () : check int:fromString(maxResults);
    gmail:ListMessagesResponse|error listed = connection->/users/[userId]/messages(includeSpamTrash = spamTrash,
        labelIds = labelIds == "" ? () : [labelIds], maxResults = maximum, pageToken = pageToken == "" ? () : pageToken,
        q = q == "" ? () : q);
    if listed is error {
        return jsonApiFailure(ctx, listed);
    }
    jsonApiResponse(ctx, 200, listed.toJson());
}

# The Gmail connector's listDrafts (`gmail.listDrafts`: GET `users/{userId}/drafts`): the message becomes Gmail's
# answer `{"drafts": [{"id", "message": {"id", "threadId"}}], "nextPageToken", "resultSizeEstimate"}`, status 200.
function gmailListDrafts(Context ctx, gmail:Client connection, string userId, string includeSpamTrash,
        string maxResults, string pageToken) returns error? {
    boolean? spamTrash = includeSpamTrash == "" ? () : check boolean:fromString(includeSpamTrash);
    int? maximum = maxResults == "" ? () : check int:fromString(maxResults);
    gmail:ListDraftsResponse|error listed = connection->/users/[userId]/drafts(includeSpamTrash = spamTrash,
        maxResults = maximum, pageToken = pageToken == "" ? () : pageToken);
    if listed is error {
        return jsonApiFailure(ctx, listed);
    }
    jsonApiResponse(ctx, 200, listed.toJson());
}

# The Gmail connector's listLabels (`gmail.listLabels`: GET `users/{userId}/labels`): the message becomes Gmail's
# answer `{"labels": [...]}`, status 200.
function gmailListLabels(Context ctx, gmail:Client connection, string userId) returns error? {
    gmail:ListLabelsResponse|error listed = connection->/users/[userId]/labels;
    if listed is error {
        return jsonApiFailure(ctx, listed);
    }
    jsonApiResponse(ctx, 200, listed.toJson());
}

# The Gmail connector's readLabel (`gmail.readLabel`: GET `users/{userId}/labels/{id}`): the message becomes the
# label as Gmail answers it, status 200.
function gmailReadLabel(Context ctx, gmail:Client connection, string userId, string id) returns error? {
    gmail:Label|error label = connection->/users/[userId]/labels/[id];
    if label is error {
        return jsonApiFailure(ctx, label);
    }
    jsonApiResponse(ctx, 200, label.toJson());
}

# The Gmail connector's getUserProfile (`gmail.getUserProfile`: GET `users/{userId}/profile`): the message becomes
# Gmail's answer `{"emailAddress", "messagesTotal", "threadsTotal", "historyId"}`, status 200.
function gmailGetUserProfile(Context ctx, gmail:Client connection, string userId) returns error? {
    gmail:Profile|error profile = connection->/users/[userId]/profile;
    if profile is error {
        return jsonApiFailure(ctx, profile);
    }
    jsonApiResponse(ctx, 200, profile.toJson());
}

# The Gmail connector's trashMessage(s) (`gmail.trashMessages`, 4.x `gmail.trashMessage`: POST
# `users/{userId}/messages/{id}/trash`): the message becomes Gmail's answer `{"id", "threadId", "labelIds"}`, 200.
function gmailTrashMessage(Context ctx, gmail:Client connection, string userId, string id) returns error? {
    gmail:Message|error trashed = connection->/users/[userId]/messages/[id]/trash.post();
    if trashed is error {
        return jsonApiFailure(ctx, trashed);
    }
    jsonApiResponse(ctx, 200, trashed.toJson());
}

# The Gmail connector's unTrashMessage(s) (`gmail.unTrashMessages`, 4.x `gmail.unTrashMessage`: POST
# `users/{userId}/messages/{id}/untrash`): the message becomes Gmail's answer `{"id", "threadId", "labelIds"}`, 200.
function gmailUnTrashMessage(Context ctx, gmail:Client connection, string userId, string id) returns error? {
    gmail:Message|error restored = connection->/users/[userId]/messages/[id]/untrash.post();
    if restored is error {
        return jsonApiFailure(ctx, restored);
    }
    jsonApiResponse(ctx, 200, restored.toJson());
}

# The Gmail connector's deleteMessage(s) (`gmail.deleteMessages`, 4.x `gmail.deleteMessage`: DELETE
# `users/{userId}/messages/{id}`): Gmail answers 204 without a body, and so does the message.
function gmailDeleteMessage(Context ctx, gmail:Client connection, string userId, string id) returns error? {
    error? deleted = connection->/users/[userId]/messages/[id].delete();
    if deleted is error {
        return jsonApiFailure(ctx, deleted);
    }
    jsonApiResponse(ctx, 204, ());
}

# The Gmail connector's deleteThread(s) (`gmail.deleteThreads`, 4.x `gmail.deleteThread`: DELETE
# `users/{userId}/threads/{id}`): Gmail answers 204 without a body, and so does the message.
function gmailDeleteThread(Context ctx, gmail:Client connection, string userId, string id) returns error? {
    error? deleted = connection->/users/[userId]/threads/[id].delete();
    if deleted is error {
        return jsonApiFailure(ctx, deleted);
    }
    jsonApiResponse(ctx, 204, ());
}

# The Gmail connector's deleteLabel (`gmail.deleteLabel`: DELETE `users/{userId}/labels/{id}`): Gmail answers 204
# without a body, and so does the message.
function gmailDeleteLabel(Context ctx, gmail:Client connection, string userId, string id) returns error? {
    error? deleted = connection->/users/[userId]/labels/[id].delete();
    if deleted is error {
        return jsonApiFailure(ctx, deleted);
    }
    jsonApiResponse(ctx, 204, ());
}

# The Gmail connector's deleteDraft (`gmail.deleteDraft`: DELETE `users/{userId}/drafts/{id}`): Gmail answers 204
# without a body, and so does the message.
function gmailDeleteDraft(Context ctx, gmail:Client connection, string userId, string id) returns error? {
    error? deleted = connection->/users/[userId]/drafts/[id].delete();
    if deleted is error {
        return jsonApiFailure(ctx, deleted);
    }
    jsonApiResponse(ctx, 204, ());
}

# Reads a path inside an MI 4.4 variable (`${vars.x.payload.id}`, `${vars.x.attributes.statusCode}`): the
# variable as JSON (XML as its text; a string holding JSON text parsed, as PayloadAccessNode parses any variable
# that is not a map with `JsonPath.parse(variable.toString())`), then the members and indexes of the path; a string
# as it is, any other value as Gson's JSON text (ExpressionResult.asString: the JsonElement's toString, compact:
# `gsonText`), a missing member as "".
function variablePath(Context ctx, string name, string path) returns string|error {
    [boolean, json] [found, current] = check variableMember(ctx, name, path);
    if !found || current is () {
        return "";
    }
    return gsonText(current);
}

# MI 4.4 `exists(vars.x.a.b)`: PredefinedFunctionNode.handleExistsCheck is true unless evaluating the path fails (the
# variable is not set, a member or index is not there) or gives null.
function variablePathExists(Context ctx, string name, string path) returns boolean {
    [boolean, json]|error member = variableMember(ctx, name, path);
    return member is [boolean, json] && member[0] && member[1] !is ();
}

# The value at a path inside an MI 4.4 variable, as `variablePath` reads it, and whether the path is there.
function variableMember(Context ctx, string name, string path) returns [boolean, json]|error {
    json current = ctx.variables[name].toJson();
    if current is string {
        json|error parsed = current.fromJsonString();
        if parsed is map<json>|json[] {
            current = parsed;
        }
    }
    boolean inHeaders = false;
    int index = 0;
    foreach string|int segment in check jsonPathSegments(path) {
        boolean first = index == 0;
        index += 1;
        if segment is string && current is map<json> && current.hasKey(segment) {
            current = current.get(segment);
            inHeaders = first && segment == "headers";
        } else if segment is string && current is map<json> && inHeaders {
            // The headers keep the backend's names; HTTP header names compare without case.
            string? key = ();
            foreach string candidate in current.keys() {
                if candidate.equalsIgnoreCaseAscii(segment) {
                    key = candidate;
                    break;
                }
            }
            if key is () {
                return [false, ()];
            }
            current = current.get(key);
            inHeaders = false;
        } else if segment is int && current is json[] && segment >= 0 && segment < current.length() {
            current = current[segment];
        } else {
            return [false, ()];
        }
    }
    return [true, current];
}

# The formats an endpoint can force on the messages it sends (its `format` attribute). `rest` only marks the message
# REST (Axis2's doingREST): the URL postfix is appended (`restPostfix`), a `text/xml` message is written as its body's
# first element under its own content type (`entityBody`), and the response is taken as REST (`restCall`). `get`
# sends a GET without a body, the payload's fields in the URL's query (`formGetPath`), and takes the response as REST.
type EndpointFormat "soap11"|"soap12"|"pox"|"rest"|"get";

# Prepares the message for an endpoint with a `format`, as Synapse does before sending (semantics §8): a
# SOAP 1.1 envelope (`text/xml`, with the action as the SOAPAction header when there is one), a SOAP 1.2
# envelope (`application/soap+xml`, the action as its `action` parameter) or plain XML. The body is
# converted when it is written (`entityBody`); the response then has its own content type.
function applyEndpointFormat(Context ctx, EndpointFormat format) {
    match format {
        "soap11" => {
            // Synapse's TargetRequest writes the SOAPAction header (quoted) only for a non-empty action.
            string actionName = soapAction(ctx);
            ctx.contentType = "text/xml";
            if actionName != "" {
                ctx.headers["soapaction"] = string `"${actionName}"`;
            }
        }
        "soap12" => {
            string actionName = soapAction(ctx);
            _ = ctx.headers.removeIfHasKey("soapaction");
            ctx.contentType = actionName == "" ? "application/soap+xml" : string `application/soap+xml; action="${actionName}"`;
        }
        "pox" => {
            ctx.contentType = "application/xml";
        }
        "rest"|"get" => {
            // Axis2FlexibleMEPClient only marks the message REST (setDoingREST); the message keeps its content type.
            // For get it sets the clone's messageType to form data, which only writes the query (`formGetPath`).
        }
    }
}

# Prepares the message for a JMS endpoint with a `format`, as Axis2FlexibleMEPClient prepares the clone it hands to
# Axis2's JMSSender: `soap11` and `soap12` make the message SOAP of that version (its message type removed, so that the
# SOAP formatter writes the whole envelope, converted to that version) and `pox` makes it `application/xml` (the POX
# formatter writes the body's first element, no envelope); the JMS message's content type property is then what the
# formatter's getContentType gives (`jmsFormatterContentType`). The `Content-Type` transport header, which
# JMSUtils.setTransportHeaders writes as a message property, becomes `application/xml` for `pox` (followed by `;` and
# the endpoint's `encoding` when it has one, as Axis2FlexibleMEPClient joins them); for `soap11` and `soap12` it becomes
# the version's media type (keeping the header's charset, the SOAP 1.2 action joined to it as `;action="..."`), set
# when the message has none and left alone on a multipart/related message. `encoding` is the endpoint's `encoding`
# attribute, which Axis2FlexibleMEPClient sets as the clone's CHARACTER_SET_ENCODING.
function applyJmsEndpointFormat(Context ctx, EndpointFormat format, string? encoding = ()) {
    string? header = ctx.headers["content-type"];
    string actionName = soapAction(ctx);
    ctx.contentType = jmsFormatterContentType(ctx, format, encoding);
    if format == "pox" {
        ctx.headers["content-type"] = "application/xml" + (encoding is string ? ";" + encoding : "");
        return;
    }
    string mediaType = format == "soap11" ? "text/xml" : "application/soap+xml";
    if header is () {
        ctx.headers["content-type"] = mediaType;
    } else if !header.toLowerAscii().includes("multipart/related") {
        string? charset = contentTypeCharset(header);
        string action = format == "soap12" && actionName != "" ? string `;action="${actionName}"` : "";
        ctx.headers["content-type"] = mediaType + action + (charset is string ? "; charset=" + charset : "");
    }
}

# The content type JMSSender gives a message sent in `format` (messageFormatter.getContentType with the message's
# SOAP action), which goes out as the message's content type property. SOAPMessageFormatter: the version's media type
# (`text/xml`, `application/soap+xml`), then `; charset=` and the charset (`jmsFormatterCharset`) unless the axis2
# property setCharacterEncoding is "false", then for SOAP 1.2 only `; action="..."` with an action that is neither
# empty (after trimming) nor `""`: SOAP 1.1 carries no action in its content type, and an empty action adds none.
# ApplicationXMLFormatter (`pox`): `application/xml` and the charset; it never adds an action.
function jmsFormatterContentType(Context ctx, EndpointFormat format, string? encoding = ()) returns string {
    string mediaType = format == "soap11" ? "text/xml" : format == "soap12" ? "application/soap+xml" : "application/xml";
    anydata setEncoding = ctx.axis2["setCharacterEncoding"];
    string contentType = setEncoding == "false" ? mediaType : mediaType + "; charset=" + jmsFormatterCharset(ctx, encoding);
    string action = soapAction(ctx);
    if format == "soap12" && action.trim() != "" && action.trim() != "\"\"" {
        contentType += string `; action="${action}"`;
    }
    return contentType;
}

# The charset Axis2 writes a message with (BaseUtils.getOMOutputFormat, TransportUtils.getCharSetEncoding): the
# endpoint's `encoding` (Axis2FlexibleMEPClient sets it as CHARACTER_SET_ENCODING), else the message's axis2
# CHARACTER_SET_ENCODING property, else the charset of the content type the message arrived with (which Axis2's builder
# sets as that property when it reads the message), else UTF-8 (MessageContext.DEFAULT_CHAR_SET_ENCODING).
function jmsFormatterCharset(Context ctx, string? encoding = ()) returns string {
    if encoding is string {
        return encoding;
    }
    anydata property = ctx.axis2["CHARACTER_SET_ENCODING"];
    if property is string {
        return property;
    }
    string? header = ctx.headers["content-type"];
    string? received = header is string ? contentTypeCharset(header) : ();
    return received ?: "UTF-8";
}

# The `charset` parameter of a content type, without quotes, or `()` when there is none.
function contentTypeCharset(string contentType) returns string? {
    foreach string part in re `;`.split(contentType) {
        string setting = part.trim();
        if setting.toLowerAscii().startsWith("charset=") {
            string value = setting.substring(8).trim();
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }
    }
    return ();
}

# True for a SOAP 1.2 content type (`application/soap+xml`); `text/xml` is SOAP 1.1.
function isSoap12(string contentType) returns boolean => contentType.trim().toLowerAscii().startsWith("application/soap+xml");

# The URL postfix an address endpoint appends: only for a REST request, as Synapse decides
# (Axis2FlexibleMEPClient.isRequestRest, semantics §3.5): the client's request was not SOAP (`restRequest`,
# whatever the message has become since), the outgoing method is GET, DELETE, PUT, PATCH, HEAD or OPTIONS,
# a POST whose message type is not SOAP (a SOAP request turned into JSON, say), or a `text/xml` message
# without a SOAP action (the MI tests the message's action; neither a SOAPAction header nor an action a header
# mediator set). A SOAP client's POST that stays SOAP goes to the endpoint's address as it is. Through an
# endpoint with `format="rest"` (`format`) the postfix is appended whatever the request (Axis2FlexibleMEPClient and
# BlockingMsgSenderUtils take the format for isRest before they ask isRequestRest).
function restPostfix(Context ctx, EndpointFormat? format = ()) returns string {
    if format == "rest" {
        return ctx.urlPostfix;
    }
    string baseType = messageType(ctx).toLowerAscii();
    boolean rest = ctx.restRequest
        || ["GET", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"].indexOf(ctx.method) is int
        || (ctx.method == "POST" && baseType != "" && baseType != "text/xml" && baseType != "application/soap+xml")
        || (baseType == "text/xml" && !ctx.headers.hasKey("soapaction") && soapAction(ctx) == "");
    return rest ? ctx.urlPostfix : "";
}

# The URL (or path) an http endpoint sends to with the URL postfix `postfix` (`restPostfix`: empty unless the
# request is REST): the expanded uri-template `address` joined to it as Axis2FlexibleMEPClient and
# BlockingMsgSenderUtils.getEPRWithRestURLPostfix join them (semantics §3.5): a `/` between them when neither
# has one, one `/` when both have it, and a query postfix replacing a trailing `/`. An empty postfix leaves the
# address as it is.
function withRestPostfix(string address, string postfix) returns string {
    if postfix == "" {
        return address;
    }
    boolean slash = address.endsWith("/");
    if !slash && !postfix.startsWith("/") && !postfix.startsWith("?") {
        return address + "/" + postfix;
    }
    if slash && postfix.startsWith("/") {
        return address + postfix.substring(1);
    }
    if slash && postfix.startsWith("?") {
        return address.substring(0, address.length() - 1) + postfix;
    }
    return address + postfix;
}

# The path an `http:Client` whose URL is `url` is given so that it sends where Synapse sends `url` with the postfix
# `path` (`withRestPostfix`): the client puts its URL and the path side by side without merging their slashes, so
# an address ending in `/` with a postfix starting with `/` would go out with `//`, and one without a `/` at either
# side would lose the separator. A query postfix replaces the address's trailing `/` in Synapse; the client cannot
# drop a character of its URL, so that one is sent as `<url>?query` (the same request when the URL's path is `/`).
function clientPath(string url, string path) returns string {
    if path == "" {
        return path;
    }
    string joined = withRestPostfix(url, path);
    return joined.startsWith(url) ? joined.substring(url.length()) : path;
}

# Calls a backend as Synapse's blocking sender does (`call blocking="true"`): like `callEndpoint`, with the
# statuses Axis2's HTTPSender.handleResponse reads as a response (`blockingStatusRead`: the MI's
# axis2_blocking_client.xml sends blocking calls through Axis2's CommonsHTTPTransportSender, not the
# pass-through sender). Any other status fails the call: HTTPSender throws an AxisFault whose fault code is the
# status, so BlockingMsgSender.send sets ERROR_CODE to the status itself (404, 502, ...; not 401002)
# and ERROR_MESSAGE "Transport error: <status> Error: <reason phrase>" (here a fixed text in place of the
# reason phrase, which the response does not keep); the fault's message context is the outgoing
# one, so the request stays the message (its body, content type and headers). A transport failure (connection
# refused, timeout, a response that cannot be read) is an AxisFault without a fault code: ERROR_CODE 401002
# (`blockingTransportFailure`), which is also the code the endpoint's suspension state gets. The blocking sender copies the
# response headers only when BLOCKING_SENDER_PRESERVE_REQ_HEADERS is "false" (`blockingSend`): by default the
# request headers stay on the message.
# On success BlockingMsgSender.send only sets the response's envelope (and JSON payload) and HTTP_SC on the message:
# it stays the request it was. Its messageType, its axis2 properties (REST_URL_POSTFIX among them), its To, ReplyTo,
# FaultTo and action and its direction are kept, on success and on failure alike, so the response body is written
# out in the request's content type (a SOAP backend's answer to a JSON client goes back as JSON, converted as the
# JSON formatter converts the body).
function callBlocking(Context ctx, http:ClientObject endpoint, string path = "", string? method = (), EndpointFormat? format = (), int[] nonErrorCodes = [], string? soapAction = (), boolean soapFault = false,
        EndpointState? state = (), // Only with: argument state
        function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
    if state is EndpointState { // Only with: argument state
        // Through an endpoint that keeps a suspension state (`state`): AddressEndpoint.send refuses it before the blocking
        // sender runs (`endpointReady`), and BlockingMsgSender.send hands a failure to the endpoint's onFault and a
        // response to its onSuccess (`endpointCalled`).
        check endpointReady(ctx, state);
        return endpointCalled(state, callBlocking(ctx, endpoint, path, method, format, nonErrorCodes, soapAction, soapFault, headers = headers));
    }
    return blockingSend(ctx, nonErrorCodes, soapAction, soapFault, () => callEndpoint(ctx, endpoint, path, method, format, headers = headers));
}

# `callBlocking` when the message's OUT_ONLY is "true": see `blockingSendOutOnly`; `calloutUrl` (the endpoint's
# address) says a callout sends it.
function callBlockingOutOnly(Context ctx, http:ClientObject endpoint, string path = "", string? method = (), EndpointFormat? format = (), int[] nonErrorCodes = [], string? soapAction = (),
        string? calloutUrl = (),
        EndpointState? state = (), // Only with: argument state
        function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
    if state is EndpointState { // Only with: argument state
        // Through the endpoint's suspension state, as `callBlocking` goes through it (BlockingMsgSender.send calls the
        // endpoint's onSuccess for an out-only send too).
        check endpointReady(ctx, state);
        return endpointCalled(state, callBlockingOutOnly(ctx, endpoint, path, method, format, nonErrorCodes, soapAction, calloutUrl, headers = headers));
    }
    return blockingSendOutOnly(ctx, nonErrorCodes, soapAction, calloutUrl, () => callEndpoint(ctx, endpoint, path, method, format, headers = headers));
}

# `callBlocking` with the WS-Addressing header blocks `callEndpointAddressed` adds (`wsAddressing`, `wsaTo` the
# wsa:To): a forwarding processor's endpoint with `enableAddressing` when the stored message's PRESERVE_WS_ADDRESSING
# is "true" (BlockingMsgSenderUtils.fillMessageContext keeps addressing on only then), or a failover or loadbalance
# member's with a blocking send (`callGroup`); `soapFault`, `method` and `soapAction` as for `callBlocking`.
function callBlockingAddressed(Context ctx, http:ClientObject endpoint, string path = "", EndpointFormat? format = (), int[] nonErrorCodes = [],
        WsAddressing wsAddressing = "default", string wsaTo = "", boolean soapFault = false, string? method = (), string? soapAction = (),
        function (Context ctx, http:Request request) headers = passThroughHeaders) returns error?
    => blockingSend(ctx, nonErrorCodes, soapAction, soapFault, () => callEndpointAddressed(ctx, endpoint, path, method, format, wsAddressing = wsAddressing, wsaTo = wsaTo, headers = headers));

# Whether the blocking sender keeps WS-Addressing on for the message: its PRESERVE_WS_ADDRESSING is "true" in any
# case, as BlockingMsgSenderUtils.fillMessageContext reads it with Boolean.parseBoolean.
function preservesWsAddressing(Context ctx) returns boolean {
    anydata preserve = ctx.properties["PRESERVE_WS_ADDRESSING"];
    return preserve is string && preserve.toLowerAscii() == "true";
}

# The blocking sender around one send (`call`, which sends the message as `callEndpoint` does): see `callBlocking`.
function blockingSend(Context ctx, int[] nonErrorCodes, string? soapAction, boolean soapFault, function () returns error? sendRequest) returns error? {
    // The request as it is: the endpoint's format edits the headers it sends, the message keeps its own.
    RequestState request = requestState(ctx);
    if soapAction is string {
        // A callout's action goes on the copy it sends only (CalloutMediator: setWSAAction on the clone); the
        // request's is put back after the send.
        setAction(ctx, soapAction);
    }
    // The blocking sender does not mark the request as answered elsewhere (`Context.ack`): its send marks a mark of
    // its own, so the request's, which parallel copies share and may mark meanwhile, is left as they make it.
    AckMark requestAck = ctx.ack;
    ctx.ack = {};
    error? called = sendRequest();
    ctx.ack = requestAck;
    map<string> responseHeaders = ctx.headers;
    // The message stays the request, with the response's body and status (BlockingMsgSender.send).
    restoreRequestState(ctx, request, keepResponse = true);
    if called is error {
        return blockingTransportFailure(ctx, called);
    }
    if !blockingStatusRead(ctx.statusCode, nonErrorCodes) {
        ctx.payload = request.payload;
        return blockingFault(ctx, string `Transport error: ${ctx.statusCode} Error: the backend answered with an error status`, ctx.statusCode);
    }
    // A SOAP fault the blocking sender is told to fail on fails inside sendReceive (FORCE_ERROR_ON_SOAP_FAULT), before
    // BlockingMsgSender.send would copy the response's headers.
    if soapFault {
        check failOnBlockingSoapFault(ctx);
    }
    if ctx.properties["BLOCKING_SENDER_PRESERVE_REQ_HEADERS"] == "false" {
        // BlockingMsgSender.send (and CalloutMediator) on a response when the property is the string "false":
        // MessageHelper.copyResponseMessageHeaders puts the response's transport headers on the message in place of
        // the request's (so `$trp:Set-Cookie` reads the backend's), and a Content-Type among them sets the message's
        // content type to its media type. The request's further values of repeated headers stay (the axis2
        // EXCESS_TRANSPORT_HEADERS is not copied).
        ctx.headers = responseHeaders;
        string? contentType = responseHeaders["content-type"];
        if contentType is string {
            ctx.contentType = mediaTypeOf(contentType);
        }
    }
}

# A blocking send when the message's OUT_ONLY is "true" (BlockingMsgSender.isOutOnly): the blocking sender sends
# with sendRobust and puts no response on the message, which keeps its body and headers. A `call blocking="true"`
# sends the message itself: HTTP_SC becomes the response's status, and a failure records its ERROR_* properties as
# `blockingSend` does before the flow fails. A callout (`calloutUrl`, its endpoint's address) sends a clone
# (CalloutMediator), so nothing of the send reaches the message, properties included; a failure fails the flow with
# the blocking sender's "Error sending Message to url : <address>", to which the fault handling adds ERROR_CODE 0
# (FaultHandler). A SOAP fault in a response whose status is read is not checked here (Axis2's robust out-only client
# throws it as a fault).
function blockingSendOutOnly(Context ctx, int[] nonErrorCodes, string? soapAction, string? calloutUrl, function () returns error? sendRequest) returns error? {
    RequestState request = requestState(ctx);
    var properties = ctx.properties.clone();
    if soapAction is string {
        setAction(ctx, soapAction);
    }
    // The blocking sender does not mark the request as answered elsewhere (`Context.ack`): its send marks a mark of
    // its own, so the request's, which parallel copies share and may mark meanwhile, is left as they make it.
    AckMark requestAck = ctx.ack;
    ctx.ack = {};
    error? called = sendRequest();
    ctx.ack = requestAck;
    int status = ctx.statusCode;
    string? httpSc = ctx.httpSc;
    restoreRequestState(ctx, request);
    boolean read = called is () && blockingStatusRead(status, nonErrorCodes);
    if calloutUrl is string {
        ctx.properties = properties;
        return read ? () : error(string `Error sending Message to url : ${calloutUrl}`);
    }
    ctx.statusCode = status;
    ctx.httpSc = httpSc;
    if called is error {
        return blockingTransportFailure(ctx, called);
    }
    if !read {
        return blockingFault(ctx, string `Transport error: ${status} Error: the backend answered with an error status`, status);
    }
}

# A blocking send (`callBlocking`, a callout, a forwarding processor's attempt) that failed with `e`: an
# `http:ClientError` Synapse gives no code of its own (connection refused or closed, timeout, a response that
# cannot be read) is, in the Micro Integrator, an AxisFault without a fault code that BlockingMsgSender.send
# (EndpointDefinition, the one the call, callout and ForwardingService reach through AbstractEndpoint.send)
# records as ERROR_CODE 401002 (SynapseConstants.BLOCKING_SENDER_OPERATION_FAILED), not the pass-through
# sender's 101503 / 101504 (`blockingFault`); it also sets the axis2 HTTP_SC to "" (extractStatusCodeFromException
# finds no `Transport error: <status>` in the message), which `httpSc` holds as `()`. Any other error is returned as
# it is.
function blockingTransportFailure(Context ctx, error e) returns error {
    if e !is http:ClientError || e.detail()["synapseErrorCode"] is int {
        return e;
    }
    ctx.httpSc = ();
    return blockingFault(ctx, e.message(), 401002);
}

# Records a failed blocking send as BlockingMsgSender.send's catch does, over what the message held (it sets the
# properties on every failure, where `recordError` keeps the first): ERROR_CODE `code`, ERROR_MESSAGE the fault's
# message, ERROR_DETAIL "" (fault.getDetail() is null for a transport failure) and ERROR_EXCEPTION the fault. The
# returned error carries `code` for the endpoint's suspension state (`endpointCalled`) and the fault handling.
function blockingFault(Context ctx, string message, int code) returns error {
    error e = error(message, synapseErrorCode = code);
    ctx.properties["ERROR_CODE"] = code;
    ctx.properties["ERROR_MESSAGE"] = message;
    ctx.properties["ERROR_DETAIL"] = "";
    ctx.properties["ERROR_EXCEPTION"] = e.toString();
    return e;
}

# Whether Axis2's HTTPSender.handleResponse (the blocking sender's transport) reads a response of status `status`
# as the response: a 2xx status; 400, 409 and 500 (it reads their body when they have a content type: a SOAP fault
# comes with 500, and without FORCE_ERROR_ON_SOAP_FAULT the fault is the response); a status the endpoint lists in
# `non.error.http.status.codes` (`nonErrorCodes`). Any other status is a transport error.
function blockingStatusRead(int status, int[] nonErrorCodes) returns boolean =>
    (status >= 200 && status < 300) || status == 400 || status == 409 || status == 500
        || nonErrorCodes.indexOf(status) !is ();

# The body to write out in the message's content type (Synapse's `messageType`), or `()` for none. A
# received body whose format the content type keeps goes out byte for byte (semantics §1.2, §1.4);
# otherwise the message is converted as the Micro Integrator's formatter for that type does (§1.5):
# JSON from the XML body, a SOAP envelope around plain XML, plain XML without the envelope, the text of
# a `<text>` element. `rest`: the message is sent as REST (`outboundRequest`), so a `text/xml` one a step has read
# is written as plain XML (MessageProcessorSelector.getContentTypeForFormatterSelection picks the application/xml
# formatter, ApplicationXMLFormatter writes the body's first element); one nothing has read goes out as received,
# as the pass-through sender streams a message that was not built (AbstractEndpoint: an endpoint with format="rest"
# is not content-aware, so sending does not build it).
function entityBody(Context ctx, boolean rest = false) returns xml|byte[]|error? {
    json|xml|ReceivedBody payload = ctx.payload;
    boolean unread = payload is ReceivedBody && payload.parsed is ();
    BodyFormat format = rest && !unread && messageType(ctx) == "text/xml" ? "xml" : bodyFormat(ctx.contentType);
    // Form data a step has read goes out as the formatter writes what was built (the query's parameters too), and so
    // does multipart/form-data a step has read (the pass-through sender writes a built message with its formatter).
    if payload is ReceivedBody && !((format == "form" || isMultipartFormData(ctx.contentType)) && payload.parsed !is ()) && (payload.bytes.length() == 0
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
        string version = isSoap12(ctx.contentType) ? SOAP12_NS : SOAP11_NS;
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
    if format == "form" {
        return formEncoded(content);
    }
    if isMultipartFormData(ctx.contentType) {
        return multipartFormData(ctx, content);
    }
    return content;
}

# The status the Micro Integrator answers with (PassThroughTransportUtils.determineHttpStatusCode): a message with no
# status of its own (no `HTTP_SC` set in the flow, not a backend's response) whose body is a SOAP fault, or that a
# POX makefault marked, is answered 500; otherwise its status (200 unless set).
function responseStatus(Context ctx) returns int {
    if ctx.httpSc is () && ctx.statusCode == 200 && (ctx.processingFault || (ctx.payload is xml && soapFaultElement(ctx) is xml:Element)) {
        return 500;
    }
    return ctx.statusCode;
}

# The reason phrase of the status line the Micro Integrator answers with (SourceResponseFactory): `$axis2:HTTP_SC_DESC`
# (a backend's response sets it, a property mediator may write it), unless the answer's status is not the backend
# response's (ORIGINAL_HTTP_SC) while the phrase is still the one it came with (ORIGINAL_HTTP_REASON_PHRASE); "" (the
# http module's phrase for the status) when there is none.
function responseReasonPhrase(Context ctx, int status) returns string {
    anydata phrase = ctx.axis2["HTTP_SC_DESC"];
    if phrase !is string {
        return "";
    }
    anydata original = ctx.axis2["ORIGINAL_HTTP_SC"];
    if original is int && original != status && phrase == ctx.axis2["ORIGINAL_HTTP_REASON_PHRASE"] {
        return "";
    }
    return phrase;
}

# The answer of Synapse's `respond` (RespondMediator), and of a response that came back through the API resource with no
# out flow to run (Resource.process): the CORS headers the API resource recorded on the request are put on the message
# first (`writeCorsHeaders`, CORSHelper.handleCORSHeadersForResponse; a proxy's or the main sequence's message has none
# recorded), then it is sent back as `sendBackToClient` sends it.
function respond(Context ctx, function (Context ctx, http:Response response) headers = passBackHeaders) returns http:Response|error {
    writeCorsHeaders(ctx); // Only with: CorsConfig
    return sendBackToClient(ctx, headers);
}

# The answer the Micro Integrator sends with Axis2Sender.sendBack alone, which writes no CORS headers: an endpoint-less
# `send` that answers (in an out or fault flow, or on a request marked as a response), a cache hit, a proxy's response
# with no out flow. The current status, the headers `headers` puts on it (`passBackHeaders` unless the call names
# another) and the payload.
function sendBackToClient(Context ctx, function (Context ctx, http:Response response) headers = passBackHeaders) returns http:Response|error {
    (function (Context ctx) returns error?)? sendBack = ctx.sendBack;
    if sendBack !is () {
        // A message that came over JMS is answered over JMS; the listener that runs the flow ignores what it returns.
        check sendBack(ctx);
        http:Response sent = new;
        sent.statusCode = http:STATUS_ACCEPTED;
        return sent;
    }
    answerInClientSoapVersion(ctx);
    http:Response response = new;
    response.statusCode = responseStatus(ctx);
    response.reasonPhrase = responseReasonPhrase(ctx, response.statusCode);
    headers(ctx, response);
    xml|byte[]? body = check entityBody(ctx);
    if body is xml|byte[] {
        response.setPayload(body);
        if body is byte[] && isMultipartFormData(ctx.contentType) {
            check response.setContentType(multipartFormDataType(ctx, body));
        } else if ctx.contentType != "" {
            check response.setContentType(ctx.contentType);
        }
    }
    return response;
}

# A SOAP client is answered in its own SOAP version, as Synapse's Axis2Sender.sendBack converts the message
# (doSOAPFormatConversion): a SOAP 1.1 client gets SOAP 1.1 (`text/xml`) when the message's Content-Type header
# is SOAP 1.2 or a call sent it as REST (`restCall`), a SOAP 1.2 client gets SOAP 1.2 (`application/soap+xml`)
# when the header is SOAP 1.1 (and no call sent it as REST) or a call sent it as REST. The envelope is rewritten
# in that version when the body is written (`entityBody`). REST clients and messages no client sent are left as
# they are.
function answerInClientSoapVersion(Context ctx) {
    "soap11"|"soap12"? clientVersion = ctx.clientSoap;
    if clientVersion is () {
        return;
    }
    string header = getHeader(ctx, "Content-Type").trim();
    boolean soap11 = header.startsWith("text/xml") && !ctx.restCall;
    boolean soap12 = header.startsWith("application/soap+xml");
    if clientVersion == "soap11" && (soap12 || ctx.restCall) {
        ctx.contentType = "text/xml";
    } else if clientVersion == "soap12" && (soap11 || ctx.restCall) {
        ctx.contentType = "application/soap+xml";
    }
}

# Whether the message is a non-blocking call's or send's response (`backendResponse`) still addressed to the anonymous
# address SynapseCallbackReceiver.handleMessage gives every such response (setTo(WSA_ANONYMOUS_URL), "" here). An
# endpoint-less `send` of it on a request (a call's response keeps the request's direction) answers the client:
# Axis2SynapseEnvironment.send hands a request to Axis2Sender.sendOn, and PassThroughHttpSender.invoke finds no
# destination for an anonymous To (PassThroughTransportUtils.getDestinationEPR), so it submits the message on the
# client's connection (submitResponse, through the OUT_TRANSPORT_INFO handleMessage copies onto the response).
function anonymousTo(Context ctx) returns boolean => ctx.backendResponse && ctx.to == "";

# Continues a sent message with the resource's out flow, or answers the client when there is none. The response comes
# back through the API resource that took the request first (`throughApiResource`). A send's response is a response
# (SynapseCallbackReceiver.handleMessage: setResponse(true), with no CONTINUATION_CALL to put the request's direction
# back), as a loopback's message is.
function continueWithResponse(Context ctx) returns http:Response|error {
    ctx.isResponse = true;
    throughApiResource(ctx);
    (function (Context ctx) returns http:Response|error)? outFlow = ctx.outFlow;
    if outFlow is () {
        return sendBackToClient(ctx);
    }
    return outFlow(ctx);
}

# A value for a `{name}` slot of an HTTP endpoint's uri-template, percent-encoded as RFC 6570 asks.
function pathValue(string value) returns string|error {
    string encoded = check url:encode(value, "UTF-8");
    return regexp:replaceAll(check regexp:fromString("\\+"), encoded, "%20");
}

# A uri-template's `{+x}` (RFC 6570 reserved expansion, as the UriTemplate library HTTPEndpoint expands with): reserved
# and unreserved characters and `%XX` triplets pass as they are, except `[` and `]`, which that library's reserved
# expansion (UriUtil.encodeFragment) percent-encodes as it does a space, `"`, `<`, `>`, `{`, `}`, `|`, `\`, `^` and a
# backquote; any other character (non-ASCII too) is percent-encoded in UTF-8.
function reservedValue(string value) returns string|error {
    string result = "";
    int index = 0;
    int length = value.length();
    while index < length {
        string c = value.substring(index, index + 1);
        if c == "%" && index + 3 <= length && URI_HEX_DIGITS.includes(value.substring(index + 1, index + 2))
                && URI_HEX_DIGITS.includes(value.substring(index + 2, index + 3)) {
            result += value.substring(index, index + 3);
            index += 3;
            continue;
        }
        result += URI_RESERVED_EXPANSION.includes(c) ? c : check pathValue(c);
        index += 1;
    }
    return result;
}

# The characters a reserved expansion (`{+x}`) passes: RFC 3986's unreserved and reserved characters but `[` and `]`
# (UriUtil.encodeFragment of the UriTemplate library encodes those).
const string URI_RESERVED_EXPANSION = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=";

const string URI_HEX_DIGITS = "0123456789ABCDEFabcdef";

# The log of the Micro Integrator's default `fault` sequence, which the server runs for a flow that fails with no fault
# handling of its own when the project defines no `fault` sequence (the `synapse-configs/default/sequences/fault.xml` MI
# 4.x and EI 6.x ship; SynapseConfigUtils.setDefaultFaultSequence): `<log level="full">` with the properties MESSAGE
# ("Executing default 'fault' sequence"), ERROR_CODE and ERROR_MESSAGE (`get-property`, which `recordError` has just
# set). The full log is written as the log mediator's translation writes one (LogMediator's To, MessageID, Direction,
# the properties and the envelope; MESSAGE is the log's message); a payload that cannot be read fails here as the log
# mediator fails there. The sequence's `<drop/>` follows in the generated fault function: 202 with no body when the
# failure came before anything was sent (ServerWorker.sendAck), `unansweredFault` after a non-blocking send.
function defaultFaultLog(Context ctx) returns error? {
    log:printInfo("Executing default 'fault' sequence", to = ctx.to, messageId = ctx.messageId, direction = ctx.isResponse ? "response" : "request", ERROR_CODE = getProperty(ctx, "ERROR_CODE"), ERROR_MESSAGE = getProperty(ctx, "ERROR_MESSAGE"), payload = check payloadText(ctx));
}

# A `<drop/>` in a function a copy of an iterate or clone may run (a split without continueParent): DropMediator ends
# the mediation and writes nothing. The split set RESPONSE_WRITTEN to "SKIP" in the operation context its copies share
# (CloneMediator, IterateMediator), so the listener writes no 202 for the copy either: the copy is marked, and the
# split takes no answer from it. On a message that was not split it is the 202 of `accepted` (ServerWorker.sendAck).
function dropped(Context ctx) returns http:Response {
    ctx.dropped = true;
    return accepted();
}

# What the Micro Integrator answers when a flow ends without responding: 202 with no body.
function accepted() returns http:Response {
    http:Response response = new;
    response.statusCode = http:STATUS_ACCEPTED;
    return response;
}

# The end of a fault flow that answers nothing, in a proxy or API resource whose in flow sends to a backend without
# blocking (SB0260). Once a non-blocking send or call went out (or a store mediator stored the message), the send
# marked the request as answered elsewhere (RESPONSE_WRITTEN "SKIP", `Context.ack`): a failure after it (the
# backend's own, raised in the send's callback, or a mediator's after the call's response came back) runs the
# fault sequence and nothing is written; the client waits until its own timeout or until the listener's socket
# timeout closes the connection without a response. A resource here must answer, and 202 would tell the client its
# request was accepted: it is answered 502 Bad Gateway with no body. A failure before anything was sent returns to the
# listener, whose sendAck answers 202 with no body, as here. Either way the failure is logged at ERROR level, as the
# Micro Integrator logs it (a mediator's AbstractMediator.handleException, the transport's failed connection).
function unansweredFault(Context ctx, error e) returns http:Response {
    int code = errorCode(e);
    if !ctx.ack.skipped {
        log:printError("The flow failed and its fault flow answers nothing: answered 202, as the Micro Integrator's listener answers it", 'error = e, messageId = ctx.messageId, errorCode = code);
        return accepted();
    }
    log:printError("The flow failed after a send and its fault flow answers nothing: the Micro Integrator sends the client no response; answered 502 Bad Gateway", 'error = e, messageId = ctx.messageId, errorCode = code);
    http:Response response = new;
    response.statusCode = http:STATUS_BAD_GATEWAY;
    return response;
}

# A call through an endpoint whose `<timeout>` has a `responseAction` (fault or discard) timed out before the
# socket timeout: Synapse's TimeoutHandler empties the message (an empty envelope of its SOAP version; no body
# for a message that is not SOAP), sets ERROR_CODE 101504 and ERROR_MESSAGE "Send timeout" (no ERROR_DETAIL or
# ERROR_EXCEPTION) and runs the fault handler.
function sendTimeout(Context ctx) returns error {
    json|xml|ReceivedBody payload = ctx.payload;
    string? version = payload is xml ? soapVersion(payload)
        : payload is ReceivedBody && isSoap12(payload.contentType) ? SOAP12_NS
        : payload is ReceivedBody && payload.contentType.trim().toLowerAscii().startsWith("text/xml") ? SOAP11_NS
        : ();
    ctx.payload = version == SOAP12_NS
        ? xml `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body/></soapenv:Envelope>`
        : version == SOAP11_NS
            ? xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>`
            : ();
    return error("Send timeout", synapseErrorCode = 101504, withoutDetail = true);
}

# Records a failure the way Synapse's fault handler does before a fault sequence runs (semantics §5.3):
# `ERROR_CODE`, `ERROR_MESSAGE` (the transport's fixed text for a failed connection or a timeout, else the
# first line of the message), `ERROR_DETAIL` (Synapse writes the
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
    int code = errorCode(e);
    ctx.properties["ERROR_CODE"] = code;
    // A transport failure has the pass-through transport's fixed message (DeliveryAgent.errorConnecting,
    // TargetHandler.timeout); an error the flow raised keeps its own.
    ctx.properties["ERROR_MESSAGE"] = e.detail()["synapseErrorCode"] is int ? (newline is int ? message.substring(0, newline) : message)
        : code == 101503 ? "Error connecting to the back end"
        : code == 101504 ? "Error in Sender"
        : newline is int ? message.substring(0, newline) : message;
    if e.detail()["withoutDetail"] is true {
        return;
    }
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

# An endpoint's suspension settings, as Synapse's EndpointDefinition holds them (EndpointDefinitionFactory reads
# `suspendOnFailure` and `markForSuspension`); a field the endpoint does not set keeps the EndpointDefinition default.
# `suspendCodes`: the errors that suspend it (empty: every error, AbstractEndpoint.isSuspendFault); `initialDuration`,
# `maximumDuration` (ms) and `progressionFactor`: how long (below 0: 30 s, SynapseConstants.DEFAULT_ENDPOINT_SUSPEND_TIME);
# `timeoutCodes`: the errors that mark it for suspension (empty: 101504 and 101505, AbstractEndpoint.isTimeout);
# `retriesBeforeSuspension` and `retryDelay` (ms): how many such errors it takes, and how long it refuses calls after each.
type SuspensionSettings record {|
    int[] suspendCodes = [];
    int initialDuration = -1;
    float progressionFactor = 1.0;
    int maximumDuration = int:MAX_VALUE;
    int[] timeoutCodes = [];
    int retriesBeforeSuspension = 0;
    int retryDelay = 0;
|};

# The state Synapse keeps for one endpoint definition (EndpointContext, not clustered), shared by every message
# sent through it: ACTIVE, TIMEOUT (marked for suspension) or SUSPENDED, the next retry time, the retries left and
# the last suspension. `kind` is the endpoint's element (`address`, `http` or `wsdl`), `name` its name
# (`AnonymousEndpoint` for an inline one), both for the message a refused call fails with.
isolated class EndpointState {
    private final string prefix;
    private final string name;
    private final SuspensionSettings & readonly settings;
    private "ACTIVE"|"TIMEOUT"|"SUSPENDED" state = "ACTIVE";
    private int remainingRetries = -1;
    private int lastSuspendDuration = -1;
    private decimal nextRetryTime = 0;

    isolated function init("address"|"http"|"wsdl" kind, string name, SuspensionSettings settings) {
        self.prefix = kind == "address" ? "Currently , Address endpoint : "
            : kind == "http" ? "Currently, HTTP endpoint : " : "Currently , WSDL endpoint : ";
        self.name = name;
        self.settings = settings.cloneReadOnly();
    }

    # The failure message while the endpoint takes no message (EndpointContext.readyToSend is false: TIMEOUT or
    # SUSPENDED and the next retry time not reached), as AddressEndpoint.send (HTTPEndpoint, WSDLEndpoint) words it;
    # `()` when a message may go. A message let through after the period changes no state: its result does.
    isolated function refusal() returns string? {
        lock {
            if self.state == "ACTIVE" || time:monotonicNow() >= self.nextRetryTime {
                return ();
            }
            return string `${self.prefix}[ Name : ${self.name} ] [ State : ${self.state} ]`;
        }
    }

    # A response arrived (EndpointContext.onSuccess, called by SynapseCallbackReceiver): the endpoint is ACTIVE
    # again, with all its retries and its first suspension duration.
    isolated function onSuccess() {
        lock {
            if self.state != "ACTIVE" {
                self.state = "ACTIVE";
                self.remainingRetries = self.settings.retriesBeforeSuspension;
                self.lastSuspendDuration = -1;
            }
        }
    }

    # A call failed with Synapse error `code` (AddressEndpoint.onFault): a timeout code marks the endpoint
    # (EndpointContext.onTimeout: TIMEOUT for `retryDelay` while retries remain, then SUSPENDED), a suspend code
    # suspends it (onFault), any other error leaves it as it is.
    isolated function onFault(int code) {
        lock {
            int[] timeoutCodes = self.settings.timeoutCodes;
            int[] suspendCodes = self.settings.suspendCodes;
            boolean timeout = timeoutCodes.length() == 0 ? code == 101504 || code == 101505 : timeoutCodes.indexOf(code) !is ();
            if timeout {
                int retries = self.remainingRetries == -1 ? self.settings.retriesBeforeSuspension : self.remainingRetries;
                if retries > 0 {
                    self.state = "TIMEOUT";
                    self.remainingRetries = retries - 1;
                    self.nextRetryTime = time:monotonicNow() + <decimal>self.settings.retryDelay / 1000d;
                    return;
                }
            } else if suspendCodes.length() > 0 && suspendCodes.indexOf(code) is () {
                return;
            }
            // EndpointContext.computeNextRetryTimeForSuspended: the initial duration, then the last one times the
            // progression factor (a Java long cast: toward zero), at most the maximum; below 0 it is 30 s.
            self.state = "SUSPENDED";
            float next = <float>self.settings.initialDuration;
            if self.lastSuspendDuration > 0 {
                next = <float>self.lastSuspendDuration * self.settings.progressionFactor;
                next = next < 0.0 ? next.ceiling() : next.floor();
            }
            int duration = next >= <float>self.settings.maximumDuration ? self.settings.maximumDuration
                : next < 0.0 ? 30000 : <int>next;
            self.lastSuspendDuration = duration;
            self.nextRetryTime = time:monotonicNow() + <decimal>duration / 1000d;
        }
    }
}

# Before a call through an endpoint with suspension settings: Synapse's AddressEndpoint.send (HTTPEndpoint, WSDLEndpoint
# alike) sends nothing while the endpoint is not ready (`EndpointState.refusal`) and fails the message into the fault
# handling at once: informFailure sets ERROR_CODE 303001 (ENDPOINT_ADDRESS_NONE_READY) and ERROR_MESSAGE, ERROR_DETAIL
# and ERROR_EXCEPTION to its message, over what they held: the call, send, callout and forwarding processor remove
# LAST_ENDPOINT before they send, so informFailure always writes them for an endpoint outside a group.
function endpointReady(Context ctx, EndpointState endpoint) returns error? {
    string? refusal = endpoint.refusal();
    if refusal is () {
        return;
    }
    ctx.properties["ERROR_CODE"] = 303001;
    ctx.properties["ERROR_MESSAGE"] = refusal;
    ctx.properties["ERROR_DETAIL"] = refusal;
    ctx.properties["ERROR_EXCEPTION"] = refusal;
    return error(refusal, synapseErrorCode = 303001, withoutDetail = true);
}

# After a call through an endpoint (every address, http and wsdl endpoint keeps a state, with EndpointDefinition's
# defaults when it sets no suspension), with its result: a failure with a Synapse error code
# (`errorCode`: 101503 connection failed, 101504 timeout, ...) goes to the endpoint's state as AddressEndpoint.onFault
# takes it, a response makes it ACTIVE (SynapseCallbackReceiver calls onSuccess; an `outOnly` send registers no callback,
# so it does not). With `soapFaultOf` (the input sets FORCE_ERROR_ON_SOAP_FAULT) the response is checked first
# (`failOnSoapFault`): a SOAP fault while the message holds the property as "true" is a failure with 500000, which
# SynapseCallbackReceiver hands to the endpoint's onFault instead of its onSuccess. Returns the result, so the
# failure goes on into the fault handling.
function endpointCalled(EndpointState endpoint, error? result, boolean outOnly = false, Context? soapFaultOf = ()) returns error? {
    error? outcome = result;
    if outcome is () && !outOnly && soapFaultOf is Context {
        outcome = failOnSoapFault(soapFaultOf);
    }
    if outcome is error {
        int code = errorCode(outcome);
        // A non-blocking call's timeout reaches the endpoint only through its responseAction: TimeoutHandler runs the
        // endpoint's onFault only when the action is not NONE (`callEndpoint(..., timeoutFault = true)` turns the
        // timeout into "Send timeout" then). A bare http:IdleTimeoutError is a timeout whose callback the MI dropped
        // (responseAction NONE, the default): the state is left as it is. A blocking call's timeout arrives as its
        // blocking fault and counts.
        if code != 0 && outcome !is http:IdleTimeoutError {
            endpoint.onFault(code);
        }
        return outcome;
    }
    if !outOnly {
        endpoint.onSuccess();
    }
}

# One member of a failover or loadbalance endpoint, as its `EndpointGroup` is given it: the member's URL and
# timeout (s), the state Synapse keeps for it (its own `EndpointState`: every member has an EndpointContext, with
# EndpointDefinition's defaults when it sets no suspendOnFailure / markForSuspension), its retryConfig
# (`retryDisabledCodes`, `retryEnabledCodes`: AbstractEndpoint.isRetry) and its enableAddressing (`()` without).
type GroupMember record {|
    string url;
    decimal timeout;
    EndpointState state;
    int[] retryDisabledCodes = [];
    int[] retryEnabledCodes = [];
    WsAddressing? addressing = ();
|};

# What a group keeps of a member beside its client and its state.
type GroupMemberSettings readonly & record {|
    string url;
    int[] retryDisabledCodes;
    int[] retryEnabledCodes;
    WsAddressing? addressing;
|};

# Synapse's FailoverEndpoint or LoadbalanceEndpoint with the state of each member (semantics §5.1). A failover
# group tries its members in order and takes the first one that is ready (EndpointContext.readyToSend): with
# `dynamic` (the default) it starts from the first member for every message, so it goes back to the first
# member as soon as its suspension ends; without, it stays on the member it last used while that one is ready.
# A loadbalance group takes the members in turn (RoundRobin.getNextEndpoint skips a member that is not ready);
# with `weights` (WeightedRoundRobin) each member gets as many consecutive calls as its weight, ready or not, as
# that algorithm does not look at the members' state. `retryNextMember` is the loadbalance `failover` attribute.
isolated class EndpointGroup {
    final "failover"|"loadbalance" kind;
    final string name;
    final boolean dynamic;
    final boolean retryNextMember;
    private final http:Client[] clients = [];
    private final EndpointState[] states = [];
    private final GroupMemberSettings[] settings = [];
    private final int[] & readonly weights;
    private int cursor = 0;
    private int remaining = 0;

    isolated function init("failover"|"loadbalance" kind, string name, GroupMember[] members, boolean dynamic = true,
            boolean retryNextMember = true, int[] weights = []) returns error? {
        self.kind = kind;
        self.name = name;
        self.dynamic = dynamic;
        self.retryNextMember = retryNextMember;
        self.weights = weights.cloneReadOnly();
        int first = weights.length() > 0 ? weights[0] : 0;
        lock {
            self.remaining = first;
        }
        foreach GroupMember member in members {
            http:Client memberClient = check new (member.url, {timeout: member.timeout, httpVersion: http:HTTP_1_1});
            EndpointState state = member.state;
            GroupMemberSettings setting = {url: member.url, retryDisabledCodes: member.retryDisabledCodes.cloneReadOnly(),
                retryEnabledCodes: member.retryEnabledCodes.cloneReadOnly(), addressing: member.addressing};
            lock {
                self.clients.push(memberClient);
                self.states.push(state);
                self.settings.push(setting);
            }
        }
    }

    # The member the next attempt goes to, or `()` when none is ready (FailoverEndpoint.send, LoadbalanceEndpoint.send).
    isolated function next() returns int? {
        lock {
            int count = self.states.length();
            if count == 0 {
                return ();
            }
            if self.kind == "failover" {
                if !self.dynamic && self.states[self.cursor].refusal() is () {
                    return self.cursor;
                }
                foreach int index in 0 ..< count {
                    if self.states[index].refusal() is () {
                        self.cursor = index;
                        return index;
                    }
                }
                return ();
            }
            if self.weights.length() > 0 {
                if self.remaining <= 0 {
                    self.cursor = self.cursor >= count - 1 ? 0 : self.cursor + 1;
                    self.remaining = self.weights[self.cursor];
                }
                self.remaining -= 1;
                return self.cursor;
            }
            int attempts = 0;
            while attempts < count {
                int index = self.cursor;
                self.cursor = index >= count - 1 ? 0 : index + 1;
                attempts += 1;
                if self.states[index].refusal() is () {
                    return index;
                }
            }
            return ();
        }
    }

    isolated function memberClient(int index) returns http:Client {
        lock {
            return self.clients[index];
        }
    }

    isolated function memberState(int index) returns EndpointState {
        lock {
            return self.states[index];
        }
    }

    isolated function memberSettings(int index) returns GroupMemberSettings {
        lock {
            return self.settings[index];
        }
    }
}

# A call through a failover or loadbalance endpoint (`EndpointGroup`), as Synapse's FailoverEndpoint /
# LoadbalanceEndpoint sends it (semantics §5.1): each attempt goes to the next ready member (`EndpointGroup.next`);
# its result goes to that member's state as AddressEndpoint.onFault / onSuccess take it. With `soapFault` (the
# input sets FORCE_ERROR_ON_SOAP_FAULT) a SOAP fault response is a failure of the member when the message holds the
# property as "true" (SynapseCallbackReceiver: ERROR_CODE 500000, a suspend fault unless the member's suspend codes
# leave it out). A failed member's request goes to the next ready member (onChildEndpointFail) unless the member's
# retryConfig makes the error a non-retry one, or the loadbalance group has failover="false"; the request is sent
# again as it was (LB_FO_ENDPOINT_ORIGINAL_MESSAGE). A member whose settings leave it ready after a failure is
# tried again, as Synapse does. When no member is ready, the first attempt fails with 303000 and the group's
# message (informFailure); a later one fails with the last member's error, as Synapse leaves its ERROR_* properties.
# A dynamic failover and a loadbalance group remove the ERROR_* properties before each attempt; with `outOnly` they
# stay: CallMediator.handleNonBlockingCall sends an OUT_ONLY message as a clone (MessageHelper.cloneMessageContext),
# so the group clears them on the clone and the flow goes on with the message's own.
# With `blocking` (a `call blocking="true"`, a callout, a forwarding processor's attempt) each member is sent to as
# `callBlocking` sends (`nonErrorCodes`, `soapAction`, `soapFault` as there): since Synapse 2.1.7-wso2v6x (EI 6.4, every
# Micro Integrator) the call, the callout and ForwardingService send through `endpoint.send` with the blocking sender
# on the message (BLOCKING_MSG_SENDER), so the group picks its members as for a non-blocking send and each member
# sends with BlockingMsgSender.send(EndpointDefinition, ...), whose failure (its ERROR_CODE: 401002 or the status)
# reaches the member's onFault and the group's onChildEndpointFail through the fault stack. A blocking member send
# adds the member's WS-Addressing header blocks (its `enableAddressing`) only when the message's PRESERVE_WS_ADDRESSING
# is "true" (`preservesWsAddressing`: BlockingMsgSenderUtils.fillMessageContext disables addressing otherwise), as
# `forwardAttemptAddressed` does. Every member is sent the headers `headers` puts on the request (`passThroughHeaders`
# unless the call names another), as each member's send passes the message's transport headers through.
function callGroup(Context ctx, EndpointGroup group, string path = "", string? method = (), EndpointFormat? format = (),
        boolean outOnly = false, boolean soapFault = false, boolean blocking = false, int[] nonErrorCodes = [],
        string? soapAction = (), function (Context ctx, http:Request request) headers = passThroughHeaders) returns error? {
    RequestState request = requestState(ctx);
    error? failure = ();
    while true {
        int? index = group.next();
        if index is () {
            if failure is error {
                return failure;
            }
            string message = string `${group.kind == "failover" ? "Failover" : "Loadbalance"} endpoint : ${group.name} - no ready child endpoints`;
            ctx.properties["ERROR_CODE"] = 303000;
            ctx.properties["ERROR_MESSAGE"] = message;
            ctx.properties["ERROR_DETAIL"] = message;
            ctx.properties["ERROR_EXCEPTION"] = message;
            return error(message, synapseErrorCode = 303000, withoutDetail = true);
        }
        if (group.kind == "loadbalance" || group.dynamic) && !outOnly {
            foreach string key in ["ERROR_CODE", "ERROR_MESSAGE", "ERROR_DETAIL", "ERROR_EXCEPTION"] {
                _ = ctx.properties.removeIfHasKey(key);
            }
        }
        GroupMemberSettings member = group.memberSettings(index);
        WsAddressing? addressing = member.addressing;
        // The path joined to this member's URL as Synapse joins an address and its postfix (`clientPath`); with
        // format="get" the payload's fields as its query (`formGetPath`).
        string memberPath = clientPath(member.url, path);
        if format == "get" {
            memberPath = check formGetPath(ctx, member.url, memberPath);
        }
        error? result = blocking
            ? (addressing is WsAddressing && preservesWsAddressing(ctx)
                ? callBlockingAddressed(ctx, group.memberClient(index), memberPath, format, nonErrorCodes, addressing, member.url, soapFault, method, soapAction, headers)
                : callBlocking(ctx, group.memberClient(index), memberPath, method, format, nonErrorCodes, soapAction, soapFault, headers = headers))
            : addressing is WsAddressing
            ? callEndpointAddressed(ctx, group.memberClient(index), memberPath, method, format, outOnly = outOnly, wsAddressing = addressing, wsaTo = member.url, headers = headers)
            : callEndpoint(ctx, group.memberClient(index), memberPath, method, format, outOnly = outOnly, headers = headers);
        if result is () && soapFault && !outOnly && !blocking {
            result = failOnSoapFault(ctx);
        }
        EndpointState state = group.memberState(index);
        if result is () {
            if !outOnly {
                state.onSuccess();
            }
            return;
        }
        int code = errorCode(result);
        if code != 0 {
            state.onFault(code);
        }
        // A failure that is no send failure (code 0: a body that cannot be built or written, a missing wsa:Action) is
        // thrown by the send itself in Synapse and goes to the fault handling: only a failed send's callback reaches
        // the group (AbstractEndpoint.onFault, onChildEndpointFail). Tried again, it would fail the same way for ever,
        // as the member stays ready.
        if code == 0 || !group.retryNextMember {
            return result;
        }
        restoreRequestState(ctx, request);
        if member.retryDisabledCodes.indexOf(code) !is () || (member.retryEnabledCodes.length() > 0 && member.retryEnabledCodes.indexOf(code) is ()) {
            return result;
        }
        failure = result;
    }
}

# The request as a call leaves it (semantics §5.1): what `callEndpoint` and its response change in the message. A
# blocking call puts it back after the call (the message stays the request, `restoreRequestState` with
# `keepResponse`); a failover or loadbalance group before sending it again to its next member (FailoverEndpoint /
# LoadbalanceEndpoint onChildEndpointFail restore LB_FO_ENDPOINT_ORIGINAL_MESSAGE).
type RequestState record {|
    json|xml|ReceivedBody payload;
    string contentType;
    map<string> headers;
    map<string[]> excessHeaders;
    map<anydata> axis2;
    string urlPostfix;
    string method;
    string to;
    string replyTo;
    string faultTo;
    string? addressingFault;
    string? wsaAction;
    string action;
    boolean restCall;
    int statusCode;
    string? httpSc;
    boolean isResponse;
    boolean backendResponse;
|};

# The request the message holds now, copied, so that what the call changes in place does not reach it.
function requestState(Context ctx) returns RequestState => {
    payload: ctx.payload.clone(),
    contentType: ctx.contentType,
    headers: ctx.headers.clone(),
    excessHeaders: ctx.excessHeaders.clone(),
    axis2: ctx.axis2.clone(),
    urlPostfix: ctx.urlPostfix,
    method: ctx.method,
    to: ctx.to,
    replyTo: ctx.replyTo,
    faultTo: ctx.faultTo,
    addressingFault: ctx.addressingFault,
    wsaAction: ctx.wsaAction,
    action: ctx.action,
    restCall: ctx.restCall,
    statusCode: ctx.statusCode,
    httpSc: ctx.httpSc,
    isResponse: ctx.isResponse,
    backendResponse: ctx.backendResponse
};

# Puts the request back in the message. With `keepResponse` the response's body, status and HTTP_SC stay, as
# BlockingMsgSender.send sets only those on the message (the rest stays the request); without it the whole request
# comes back (a copy, so it can be put back again), as a group sends it to its next member.
function restoreRequestState(Context ctx, RequestState state, boolean keepResponse = false) {
    if !keepResponse {
        ctx.payload = state.payload.clone();
        ctx.statusCode = state.statusCode;
        ctx.httpSc = state.httpSc;
    }
    ctx.contentType = state.contentType;
    ctx.headers = state.headers.clone();
    ctx.excessHeaders = state.excessHeaders.clone();
    ctx.axis2 = state.axis2.clone();
    ctx.urlPostfix = state.urlPostfix;
    ctx.method = state.method;
    ctx.to = state.to;
    ctx.replyTo = state.replyTo;
    ctx.faultTo = state.faultTo;
    ctx.addressingFault = state.addressingFault;
    ctx.wsaAction = state.wsaAction;
    ctx.action = state.action;
    ctx.restCall = state.restCall;
    ctx.isResponse = state.isResponse;
    ctx.backendResponse = state.backendResponse;
}

# Stands in for an expression SynapseToBal could not translate: it fails at run time, so the gap is
# found by the first test rather than hidden.
function notTranslated(string expression) returns string|error {
    return error(string `not translated from Synapse: ${expression}`);
}

# Stands in for a mediator SynapseToBal could not translate (the TODO above its call holds it) that changes the
# message or its properties or calls or sends something: the flow fails there, into its fault handling, rather than
# going on and answering as if the work had been done.
function notTranslatedMediator(string mediator, string code) returns error? {
    return error(string `not translated from Synapse: the <${mediator}> mediator (TODO ${code})`);
}

# A string field of the data mapper's input that the mapping calls a method on (issue 10): JavaScript throws a
# TypeError for a method called on undefined, so the Micro Integrator's mapping fails when the input does not have it.
function dataMapperOperand(string? value, string member) returns string|error {
    if value is string {
        return value;
    }
    return error(string `TypeError: the data mapping calls a method on the input member '${member}', which the input does not have`);
}

# The input array of a data mapping's `input.items.map(item => ...)` (the MI 4.4 data mapper's array-to-array form):
# JavaScript's Array.prototype.map called on an absent member (undefined) throws a TypeError, so the Micro
# Integrator's mapping fails when the input does not have the array.
function dataMapperMapSource(anydata value, string member) returns error? {
    if value is () {
        return error(string `TypeError: the data mapping calls map on the input member '${member}', which the input does not have`);
    }
}

# JavaScript's `toUpperCase()` in a data mapping (issue 10): the locale-independent Unicode case mapping ("straße" is
# "STRASSE"), which the data mapper's JavaScript engines (Nashorn, Rhino) take from Java's
# `String.toUpperCase(Locale.ROOT)`; lang.string's toUpperAscii maps ASCII letters only. The same Java method, through interop.
function dataMapperUpperCase(string value) returns string =>
    java:toString(javaStringToUpperCaseIn(java:fromString(value), javaLocaleRoot())) ?: "";

# JavaScript's `toLowerCase()` in a data mapping: Java's `String.toLowerCase(Locale.ROOT)`, as dataMapperUpperCase.
function dataMapperLowerCase(string value) returns string =>
    java:toString(javaStringToLowerCaseIn(java:fromString(value), javaLocaleRoot())) ?: "";

isolated function javaLocaleRoot() returns handle = @java:FieldGet {
    'class: "java.util.Locale",
    name: "ROOT"
} external;

# JavaScript's `trim()` in a data mapping (issue 10): removes its white space and line terminators from both ends
# (tab, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF), where
# `string:trim` removes the ASCII ones only.
function dataMapperTrim(string value) returns string {
    int first = 0;
    int end = value.length();
    while first < end && dataMapperWhiteSpace(value.getCodePoint(first)) {
        first += 1;
    }
    while end > first && dataMapperWhiteSpace(value.getCodePoint(end - 1)) {
        end -= 1;
    }
    return value.substring(first, end);
}

# True for the code points JavaScript's `trim()` removes (its WhiteSpace and LineTerminator characters).
function dataMapperWhiteSpace(int c) returns boolean =>
    c >= 0x09 && c <= 0x0D || c == 0x20 || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A
        || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;

# JavaScript's `substring(start[, end])` in a data mapping (issue 10): each index clamped to 0..length, the two
# swapped when start is after end. JavaScript counts UTF-16 units: a string with a character outside the Basic
# Multilingual Plane (which takes two) is an error rather than cut elsewhere.
function dataMapperSubstring(string value, int startIndex, int? endIndex = ()) returns string|error {
    foreach string:Char c in value {
        if c.toCodePointInt() > 0xFFFF {
            return error(string `the data mapping's substring() is translated for text of the Basic Multilingual Plane only: '${value}' has other characters`);
        }
    }
    int length = value.length();
    int low = int:min(int:max(startIndex, 0), length);
    int high = endIndex is int ? int:min(int:max(endIndex, 0), length) : length;
    return low <= high ? value.substring(low, high) : value.substring(high, low);
}

# JavaScript's `replace('text', 'replacement')` in a data mapping (issue 10): the first occurrence of the text only
# (the replacement has no `$` patterns; the translation keeps those as TODOs).
function dataMapperReplace(string value, string pattern, string replacement) returns string {
    int? index = value.indexOf(pattern);
    if index is () {
        return value;
    }
    return value.substring(0, index) + replacement + value.substring(index + pattern.length());
}

# JavaScript's `Number(text)` in a data mapping (issue 10), its ToNumber of a string: the text without JavaScript's
# white space (dataMapperTrim) is 0 when empty, a decimal literal with an optional sign (`12`, `-1.5e3`, `.5`, `007`)
# read as the nearest double, `Infinity` with an optional sign, or a `0x`/`0o`/`0b` integer; anything else is NaN.
# An absent input member is `undefined`, whose Number is NaN.
function dataMapperNumber(string? text) returns float {
    if text is () {
        return float:NaN;
    }
    string s = dataMapperTrim(text);
    if s == "" {
        return 0.0;
    }
    if s == "Infinity" || s == "+Infinity" {
        return float:Infinity;
    }
    if s == "-Infinity" {
        return -float:Infinity;
    }
    if re `[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?`.isFullMatch(s) {
        return javaParseDouble(s) ?: float:NaN;
    }
    int radix = re `0[xX][0-9a-fA-F]+`.isFullMatch(s) ? 16 : re `0[oO][0-7]+`.isFullMatch(s) ? 8 : re `0[bB][01]+`.isFullMatch(s) ? 2 : 0;
    if radix == 0 {
        return float:NaN;
    }
    // The digits' value, correctly rounded to a double as JavaScript reads it (java.math.BigInteger.doubleValue).
    return javaBigIntegerDoubleValue(javaNewBigInteger(java:fromString(s.substring(2)), radix));
}

isolated function javaNewBigInteger(handle digits, int radix) returns handle = @java:Constructor {
    'class: "java.math.BigInteger",
    paramTypes: ["java.lang.String", "int"]
} external;

isolated function javaBigIntegerDoubleValue(handle value) returns float = @java:Method {
    'class: "java.math.BigInteger",
    name: "doubleValue"
} external;

# JavaScript's `Math.round(x)` in a data mapping (issue 10): the integer closest to `x`, a tie going toward +Infinity
# (2.5 is 3, -2.5 is -2), where float:round rounds a tie to even; -0.5 up to -0 give -0, NaN and the infinities
# stay as they are.
function dataMapperRound(float x) returns float {
    float floor = float:floor(x);
    float rounded = x - floor >= 0.5 ? floor + 1.0 : floor;
    return rounded == 0.0 && x < 0.0 ? -0.0 : rounded;
}

# JavaScript's `Math.max(a, b)` in a data mapping: Java's Math.max, which is the same (NaN if either is, +0 above -0).
function dataMapperMax(float a, float b) returns float => javaMathMax(a, b);

# JavaScript's `Math.min(a, b)` in a data mapping: Java's Math.min (NaN if either is, -0 below +0).
function dataMapperMin(float a, float b) returns float => javaMathMin(a, b);

isolated function javaMathMax(float a, float b) returns float = @java:Method {
    'class: "java.lang.Math",
    name: "max",
    paramTypes: ["double", "double"]
} external;

isolated function javaMathMin(float a, float b) returns float = @java:Method {
    'class: "java.lang.Math",
    name: "min",
    paramTypes: ["double", "double"]
} external;

# A JavaScript number the data mapping writes into a string field of an XML output (issue 10), as the data mapper's
# XMLWriter prints what the script engine hands it: GraalJS hands an integral value within 32 bits as an Integer
# (printed `57`), another value as a Double, printed by Double.toString (`3.5`, `-0.0`, `NaN`, `1.0E-7`); an integral
# value beyond 32 bits comes as a Long, which the writer refuses ("Unsupported value type found").
function dataMapperNumberText(float x) returns string|error {
    if dataMapperInt32(x) is int {
        return (<int>x).toString();
    }
    if float:isFinite(x) && x == float:floor(x) && x >= -9223372036854775808.0 && x < 9223372036854775808.0 && x != 0.0 {
        return error(string `Unsupported value type found: ${(<int>x).toString()}: the data mapping's number is an integer beyond 32 bits, which the data mapper's writer does not write`);
    }
    return javaDoubleString(x);
}

# A JavaScript number the data mapping writes into an integer field (issue 10): an integral value within 32 bits,
# which the data mapper's writers print as an integer; any other value (a fraction, NaN, an infinity, -0, beyond
# 32 bits) is written otherwise or not at all there, and fails here.
function dataMapperInteger(float x) returns int|error {
    int? value = dataMapperInt32(x);
    if value is int {
        return value;
    }
    return error(string `the data mapping gives the integer field the number ${javaDoubleString(x)}, which the data mapper does not write as an integer; not reproduced`);
}

# A JavaScript number the data mapping writes into a number field (issue 10): an integral value within 32 bits as that
# integer, another finite value as the decimal Double.toString prints when it has no exponent (the data mapper's
# writers print the Double that way); NaN, an infinity, -0, an integral value beyond 32 bits or an exponent fail.
function dataMapperDecimal(float x) returns decimal|error {
    int? value = dataMapperInt32(x);
    if value is int {
        return <decimal>value;
    }
    string text = javaDoubleString(x);
    if float:isFinite(x) && x != float:floor(x) && !text.includes("E") {
        return decimal:fromString(text);
    }
    return error(string `the data mapping gives the number field the number ${text}, which is not reproduced as the data mapper writes it`);
}

# The integer a JavaScript number is when the data mapper's script engine hands it over as an Integer: integral,
# within 32 bits and not -0; () otherwise.
function dataMapperInt32(float x) returns int? {
    if float:isFinite(x) && x == float:floor(x) && x >= -2147483648.0 && x <= 2147483647.0 && !(x == 0.0 && 1.0 / x < 0.0) {
        return <int>x;
    }
    return ();
}

# Enrich into the XML form of the message, as Synapse's `Target.insert` does (semantics §6.5): `path`
# navigates from where `startAt` says (`xpathStart`: the SOAP body, or, as SynapseXPath evaluates a target over the
# envelope, the Envelope for `//a` and a relative path, the SOAP Header for `$header/a`, so a target in the header is
# written there) to the target elements, in document order (`()`: the body's first element,
# Synapse's body target; an empty body receives the source elements). `replace` puts the source elements in place of the target (source text
# replaces its content), `child` appends them to it, `sibling` inserts them after it (Synapse inserts each
# right after the target, so they end up in reverse order). With `text` the target is the first element's
# text: source text replaces the content, a source element replaces that text node, at the element's end.
# An empty source changes nothing; a target that does not exist is an error, as in Synapse. A JSON message
# is edited in its XML form and goes out converted back, as Synapse's JSON formatter does; with `nativeJson`
# (Synapse's JSON path is on) a body target leaves a JSON payload as it is: Synapse supports only replace
# there and logs an error. With `moved` (clone="false", `src` the elements an XPath selected below the SOAP body)
# the source elements themselves are inserted, and AXIOM detaches a node added elsewhere: each element inserted
# leaves the place it was (`detachFromBody`). That is reproduced on an XML message only, and not when the target is
# one of the source elements or inside one (an error: the Micro Integrator would insert an element into itself).
function enrichXml(Context ctx, (function (xml:Element body) returns xml)? path, anydata src,
        "replace"|"child"|"sibling" action, boolean text = false, boolean nativeJson = false,
        boolean moved = false, XPathStart startAt = "body") returns error? {
    json|xml payload = check parsedPayload(ctx);
    if nativeJson && payload !is xml && payload !is () {
        return;
    }
    if moved && payload !is xml {
        return error("enrich: clone=\"false\" on a message that is not XML is not reproduced (the Micro Integrator moves the source nodes in the XML form of the message)");
    }
    xml nodes = moved && src is xml ? src : enrichNodes(src);
    if nodes.length() == 0 {
        return;
    }
    xml body = check soapBody(ctx);
    if body !is xml:Element {
        return error("enrich: the message has no SOAP body");
    }
    xml:Element? target = ();
    // Where the target's parent is looked for: the body, or the whole envelope for a path from the envelope or header.
    xml:Element scope = body;
    if path is () {
        xml<xml:Element> first = body.getChildren().elements();
        if first.length() == 0 {
            body.setChildren(body.getChildren() + nodes.elements());
            return commitBody(ctx, body);
        }
        target = first.get(0);
    } else {
        if startAt != "body" {
            scope = check envelopeOf(ctx, body);
        }
        xml:Element? origin = xpathStart(scope, startAt);
        if origin is xml:Element {
            foreach xml:Element candidate in path(origin).elements() {
                if !text || candidate.getChildren().filter(item => item is xml:Text).length() > 0 {
                    target = candidate;
                    break;
                }
            }
        }
    }
    if target is () {
        return error("enrich: Invalid Target object to be enrich.");
    }
    if moved {
        // Synapse inserts only elements (a text node's text is copied); in the text form only the first item.
        xml inserted = text ? (nodes.get(0) is xml:Element ? nodes.get(0) : xml ``) : nodes.elements();
        foreach xml:Element element in inserted.elements() {
            if element === target || xmlParent(element, target) is xml:Element {
                return error("enrich: clone=\"false\" with a target inside the source is not reproduced");
            }
        }
        check detachFromBody(body, inserted);
    }
    if text {
        xml first = nodes.get(0);
        if first is xml:Element {
            boolean removed = false;
            xml rest = xml ``;
            foreach xml item in target.getChildren() {
                if !removed && item is xml:Text {
                    removed = true;
                } else {
                    rest += item;
                }
            }
            target.setChildren(rest + first);
        } else if first is xml:Text {
            target.setChildren(first);
        }
        return commitBody(ctx, body);
    }
    if action == "child" {
        target.setChildren(target.getChildren() + nodes.elements());
        return commitBody(ctx, body);
    }
    xml:Element? parent = xmlParent(scope, target);
    if parent is () {
        return error("enrich: the target element has no parent");
    }
    if action == "sibling" {
        xml after = xml ``;
        foreach xml:Element element in nodes.elements() {
            after = element + after;
        }
        replaceChild(parent, target, target + after);
        return commitBody(ctx, body);
    }
    xml inserted = xml ``;
    foreach xml item in nodes {
        if item is xml:Element {
            inserted += item;
        } else if item is xml:Text {
            target.setChildren(item);
        }
    }
    if inserted.length() > 0 {
        replaceChild(parent, target, inserted);
    }
    return commitBody(ctx, body);
}

# Removes the elements of `nodes` from where they are below `body` (compared by identity), as AXIOM detaches a node
# that is added elsewhere (enrich clone="false"). An element that is not found there is an error: its move is not
# reproduced.
function detachFromBody(xml:Element body, xml nodes) returns error? {
    foreach xml:Element element in nodes.elements() {
        xml:Element? parent = xmlParent(body, element);
        if parent is () {
            return error("enrich: clone=\"false\" with a source that is not in the message body is not reproduced");
        }
        replaceChild(parent, element, xml ``);
    }
}

# The nodes an enrich source gives in Synapse's XML mode (`Source.evaluate`): XML as a copy (clone="true"),
# any other value as one text node (a string as it is, JSON as its text), nothing for `()`.
function enrichNodes(anydata src) returns xml {
    if src is xml {
        return src.clone();
    }
    if src is () {
        return xml ``;
    }
    if src is string {
        return xml:createText(src);
    }
    return xml:createText(src.toJsonString());
}

# `first` when it is Axis2's text or binary wrapper (`{http://ws.apache.org/commons/ns/payload}text` / `binary`), the
# elements Axis2's BaseUtils.getMessageFormatter looks for to pick the plain-text or binary formatter; `()` otherwise.
function payloadWrapper(xml first) returns xml:Element? {
    if first is xml:Element && (first.getName() == "{http://ws.apache.org/commons/ns/payload}text"
            || first.getName() == "{http://ws.apache.org/commons/ns/payload}binary") {
        return first;
    }
    return ();
}

# The first element of the SOAP body, as enrich reads a body source in Synapse's XML mode.
function bodyFirstElement(Context ctx) returns xml|error {
    xml<xml:Element> elements = (check xmlPayload(ctx)).elements();
    return elements.length() > 0 ? elements.get(0) : xml ``;
}

# The element whose child `target` is (compared by identity), searching below `root`.
function xmlParent(xml:Element root, xml:Element target) returns xml:Element? {
    foreach xml:Element child in root.getChildren().elements() {
        if child === target {
            return root;
        }
        xml:Element? found = xmlParent(child, target);
        if found is xml:Element {
            return found;
        }
    }
    return ();
}

# Replaces the child `child` of `parent` (compared by identity) with `replacement`.
function replaceChild(xml:Element parent, xml:Element child, xml replacement) {
    xml rebuilt = xml ``;
    foreach xml item in parent.getChildren() {
        if item is xml:Element && item === child {
            rebuilt += replacement;
        } else {
            rebuilt += item;
        }
    }
    parent.setChildren(rebuilt);
}

# Makes an edited SOAP body the message: a SOAP message keeps its envelope (the body was edited in place),
# any other message becomes the body's content (a JSON message its XML form, converted back when it goes out).
function commitBody(Context ctx, xml:Element body) returns error? {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml {
        xml:Element? current = envelopePart(payload, "Body");
        if current is xml:Element && current === body {
            ctx.payload = payload;
            return;
        }
    }
    ctx.payload = body.getChildren();
}

# The whole message as a SOAP envelope, as an enrich envelope source reads it: a SOAP message's own
# envelope (a copy), any other message in a new SOAP 1.1 envelope around its body.
function envelopeValue(Context ctx) returns xml|error {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml && soapVersion(payload) is string {
        return payload.clone();
    }
    xml body = (check soapBody(ctx)).clone();
    return xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">${body}</soapenv:Envelope>`;
}

# Replaces the whole message with a SOAP envelope, as an enrich envelope target does: anything but an
# envelope is an error ("A SOAPEnvelope is expected"). The content type is left as it was.
function setEnvelope(Context ctx, anydata src) returns error? {
    xml<xml:Element> roots = enrichNodes(src).elements();
    if roots.length() == 0 || soapVersion(roots.get(0)) is () {
        return error("enrich: A SOAPEnvelope is expected");
    }
    ctx.payload = roots.get(0);
}

# Enrich at a JSONPath of a JSON payload, as Synapse's JSON path does (`Target.insertJson`, Jayway JsonPath
# without options): `replace` sets an existing member or array item (a missing last member or index
# changes nothing, a missing member on the way is an error); `child` appends the source to the array at
# the path or merges a source object into the object there (anything else changes nothing; a missing path
# is an error); `sibling` changes nothing (Synapse logs that it is not supported). A payload that is not
# JSON, or an XML source, is an error: Synapse would look for the JSONPath in the XML form of the message.
function enrichJson(Context ctx, string path, anydata src, "replace"|"child"|"sibling" action) returns error? {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml || payload is () {
        return error(string `enrich: the JSONPath target '${path}' needs a JSON payload`);
    }
    json root = check payload.ensureType(json);
    if src is xml {
        return error(string `enrich: an XML source cannot be written at the JSONPath '${path}'`);
    }
    json value = check enrichJsonValue(src);
    if action == "sibling" {
        return;
    }
    (string|int)[] segments = check jsonPathSegments(path);
    json current = root;
    foreach int i in 0 ..< segments.length() - 1 {
        [boolean, json] [found, member] = jsonMember(current, segments[i]);
        if !found {
            return error(string `enrich: Missing property in path ${path}`);
        }
        current = member;
    }
    if segments.length() == 0 {
        if action == "replace" {
            return error(string `enrich: cannot replace the root of the payload at '${path}'`);
        }
        jsonAppend(root, value);
        ctx.payload = root;
        return;
    }
    string|int last = segments[segments.length() - 1];
    if action == "child" {
        [boolean, json] [found, member] = jsonMember(current, last);
        if !found {
            return error(string `enrich: No results for path: ${path}`);
        }
        jsonAppend(member, value);
    } else if current is map<json> && last is string {
        if current.hasKey(last) {
            current[last] = value;
        }
    } else if current is json[] && last is int {
        if last >= 0 && last < current.length() {
            current[last] = value;
        }
    } else {
        return error(string `enrich: the path '${path}' does not lead to an object or array`);
    }
    ctx.payload = root;
}

# The source of an enrich in Synapse's JSON path: a string is parsed as JSON when it is JSON, and is a
# JSON string otherwise (as Synapse reads a property); other values are copied.
function enrichJsonValue(anydata src) returns json|error {
    if src is string {
        json|error parsed = value:fromJsonString(src);
        return parsed is error ? src : parsed;
    }
    return src.cloneWithType(json);
}

# `child` into a JSON value: a source added to an array, a source object's members put into an object.
function jsonAppend(json target, json value) {
    if target is json[] {
        target.push(value);
    } else if target is map<json> && value is map<json> {
        foreach [string, json] [key, member] in value.entries() {
            target[key] = member;
        }
    }
}

# The member `key` of an object or the item `key` of an array: whether it exists, and its value.
function jsonMember(json container, string|int key) returns [boolean, json] {
    if container is map<json> && key is string && container.hasKey(key) {
        return [true, container.get(key)];
    }
    if container is json[] && key is int && key >= 0 && key < container.length() {
        return [true, container[key]];
    }
    return [false, ()];
}

# The members and indexes of a simple JSONPath (`$`, `.name`, `['name']`, `[0]`).
function jsonPathSegments(string path) returns (string|int)[]|error {
    string rest = path.trim();
    if !rest.startsWith("$") {
        return error(string `unsupported JSONPath '${path}'`);
    }
    rest = rest.substring(1);
    (string|int)[] segments = [];
    while rest.length() > 0 {
        if rest.startsWith("[") {
            int? close = rest.indexOf("]");
            if close is () {
                return error(string `unsupported JSONPath '${path}'`);
            }
            string inner = rest.substring(1, close).trim();
            rest = rest.substring(close + 1);
            if inner.startsWith("'") || inner.startsWith("\"") {
                segments.push(inner.substring(1, inner.length() - 1));
            } else {
                segments.push(check int:fromString(inner));
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
            if end > 0 {
                segments.push(rest.substring(0, end));
            }
            rest = rest.substring(end);
        } else {
            return error(string `unsupported JSONPath '${path}'`);
        }
    }
    return segments;
}

# A place a JSONPath selects: the object member or array item `key` of `container`, or the root (`container`
# `()`), and the value there.
type JsonPathMatch record {|
    map<json>|json[]? container;
    string|int key;
    json value;
|};

# The steps of a JSONPath of members, indexes and wildcards (`$`, `.name`, `['name']`, `[0]`, `.*`, `[*]`); `()`
# is the wildcard.
function jsonPathWildSegments(string path) returns (string|int|())[]|error {
    string rest = path.trim();
    if !rest.startsWith("$") {
        return error(string `unsupported JSONPath '${path}'`);
    }
    rest = rest.substring(1);
    (string|int|())[] segments = [];
    while rest.length() > 0 {
        if rest.startsWith(".*") || rest.startsWith("[*]") {
            segments.push(());
            rest = rest.substring(rest.startsWith(".*") ? 2 : 3);
            continue;
        }
        int? stop = ();
        foreach int i in 1 ..< rest.length() {
            string c = rest.substring(i, i + 1);
            if c == "." || c == "[" {
                stop = i;
                break;
            }
        }
        string token = stop is int ? rest.substring(0, stop) : rest;
        if token.startsWith("[") && !token.endsWith("]") {
            int? close = rest.indexOf("]");
            if close is () {
                return error(string `unsupported JSONPath '${path}'`);
            }
            token = rest.substring(0, close + 1);
        }
        (string|int)[] one = check jsonPathSegments("$" + token);
        segments.push(...one);
        rest = rest.substring(token.length());
    }
    return segments;
}

# Every place a JSONPath of members, indexes and wildcards selects in `root`, as Jayway JsonPath (no options, as
# Synapse configures it: EIPUtils.setJsonPathConfiguration) evaluates it: a missing last member or an index out of
# range selects nothing; a missing member on the way, or a step into something that is not an object or array,
# is an error while no wildcard came before it, and selects nothing after one (PathToken.handleObjectProperty).
function jsonPathMatches(json root, (string|int|())[] segments) returns JsonPathMatch[]|error {
    JsonPathMatch[] current = [{container: (), key: "$", value: root}];
    boolean definite = true;
    foreach int i in 0 ..< segments.length() {
        string|int|() segment = segments[i];
        boolean leaf = i == segments.length() - 1;
        JsonPathMatch[] next = [];
        foreach JsonPathMatch 'match in current {
            json model = 'match.value;
            if segment is () {
                if model is map<json> {
                    foreach [string, json] [key, member] in model.entries() {
                        next.push({container: model, key, value: member});
                    }
                } else if model is json[] {
                    foreach int index in 0 ..< model.length() {
                        next.push({container: model, key: index, value: model[index]});
                    }
                }
            } else if segment is string {
                if model !is map<json> {
                    if definite {
                        return error(string `Expected to find an object with property ['${segment}'] but found '${model is () ? "null" : (typeof model).toString()}'`);
                    }
                } else if model.hasKey(segment) {
                    next.push({container: model, key: segment, value: model.get(segment)});
                } else if !leaf && definite {
                    return error(string `Missing property in path ['${segment}']`);
                }
            } else {
                if model !is json[] {
                    if definite {
                        return error(string `Filter: [${segment}] can only be applied to arrays`);
                    }
                } else if segment >= 0 && segment < model.length() {
                    next.push({container: model, key: segment, value: model[segment]});
                }
            }
        }
        if segment is () {
            definite = false;
        }
        current = next;
    }
    return current;
}

# enrich `action="remove"` (MI 4.x), as EnrichMediator's JSON path runs it (Target.removeJsonFromBody /
# removeJsonFromProperty / removeJSONFromString, semantics §6.5): each path in turn is read from the JSON
# payload, or from the JSON a property holds (its text read as Gson reads it, or a JSON value, copied); a path without a wildcard that
# selects nothing fails the mediator ("Error occurred while executing the action : remove", Jayway's
# PathNotFoundException, as `synapse.jsonpath.ignore.not.found.error` is false by default), a selected empty array
# and a wildcard path that selects nothing are left as they are (Synapse logs it), anything else selected is
# deleted (array items from the last). The property gets the result back as Gson's text when it held text. A message that
# is not JSON takes Synapse's XML path, where remove changes nothing in the body; for a property target that path
# sets the property to the source's nodes, which is not reproduced (an error).
function enrichRemove(Context ctx, string[] paths, string? property = ()) returns error? {
    json|xml payload = check parsedPayload(ctx);
    boolean jsonPayload = payload !is xml && payload !is ();
    if !jsonPayload {
        if property is string {
            return error(string `enrich: action="remove" on the property '${property}' of a message that is not JSON is not reproduced (the Micro Integrator sets the property to the nodes the source selects)`);
        }
        return;
    }
    json root;
    boolean text = false;
    if property is string {
        anydata held = ctx.properties[property];
        if held is string {
            // Jayway parses the text with Gson's lenient parser.
            root = check gsonLenient(held);
            text = true;
        } else if held is map<json>|json[] {
            root = held.clone();
        } else {
            return error(string `Cannot perform the remove operation. Data type of the property ${property} is not string | JSON`);
        }
    } else {
        root = check payload.ensureType(json);
    }
    foreach string path in paths {
        (string|int|())[] segments = check jsonPathWildSegments(path);
        JsonPathMatch[]|error matches = jsonPathMatches(root, segments);
        if matches is error {
            return error("Error occurred while executing the action : remove", matches);
        }
        boolean definite = segments.indexOf(()) is ();
        if definite && matches.length() == 0 {
            return error("Error occurred while executing the action : remove", error(string `No results for path: ${path}`));
        }
        if matches.length() == 0 || (definite && matches[0].value is json[] && (<json[]>matches[0].value).length() == 0) {
            continue;
        }
        // Array items from the highest index down, as Jayway sorts its update operations.
        JsonPathMatch[] ordered = from JsonPathMatch 'match in matches
            order by ('match.key is int ? <int>'match.key : -1) descending
            select 'match;
        foreach JsonPathMatch 'match in ordered {
            map<json>|json[]? container = 'match.container;
            string|int key = 'match.key;
            if container is map<json> && key is string {
                _ = container.removeIfHasKey(key);
            } else if container is json[] && key is int {
                _ = container.remove(key);
            }
        }
    }
    if property is string {
        ctx.properties[property] = text ? gsonJson(root) : root;
    } else {
        ctx.payload = root;
    }
}

# enrich `action="child"` or `"sibling"` into the property `property`, as EnrichMediator runs it (semantics §6.5).
# Its JSON path (`nativeJson`: the factory allows it for this source, the message is JSON and the source is not XML;
# Target.insertJson): child reads the property's text as EIPUtils.tryParseJsonString does (text that is no number,
# boolean, `[...]`, `{...}` or quoted string is read as a JSON string) and, when that is an array, appends the source
# to it and sets the property to the array's compact text; anything else held (no property, no array) changes nothing
# (Synapse logs it), and a `[...]` or `{...}` text that does not parse fails the flow (tryParseJsonString gives null).
# Sibling changes nothing there (Synapse logs that it is not supported). Its XML path (Target.insert): child into a
# property holding text that parses as one XML element adds the source elements to that element and sets the
# property to the element's text (AXIOM's getText: its text children, which the inserted elements do not change);
# with any other value, and always for sibling, the property becomes the source's nodes, as a replace stores them.
# A property holding XML is not reproduced (an error): Synapse appends to an element it holds (a property of type
# OM) but replaces a node list (an earlier enrich's), and the generated properties do not tell the two apart.
# `body`: the source is the message body (the JSON payload on the JSON path, the body's first element on the XML
# path); `src` is the source's value otherwise. `moved` (clone="false" with a body source, or `src` the elements an
# XPath selected below the SOAP body): the XML path's child into the parsed element takes the source elements
# themselves, so they leave the message body (AXIOM detaches a node added elsewhere; on an XML message only, an error
# otherwise); everywhere else the property holds the nodes themselves, which stay where they are.
function enrichProperty(Context ctx, string property, anydata src, "child"|"sibling" action, boolean nativeJson = false,
        boolean body = false, boolean moved = false) returns error? {
    json|xml payload = check parsedPayload(ctx);
    anydata held = ctx.properties[property];
    boolean jsonPath = nativeJson && payload !is xml && payload !is ();
    if jsonPath && !body && src is xml {
        // A property source holding XML turns the JSON path off (isSourcePropertyXML).
        jsonPath = false;
    }
    if jsonPath {
        if action == "sibling" || held is () {
            return;
        }
        json value = check enrichJsonValue(body ? check payloadValue(ctx) : src);
        json target;
        if held is string {
            if !((held.startsWith("[") && held.endsWith("]")) || (held.startsWith("{") && held.endsWith("}"))) {
                // A number, a boolean, a quoted string or text Gson reads as a string: no array.
                return;
            }
            json|error parsed = gsonLenient(held);
            if parsed is error {
                return error(string `enrich: the property '${property}' holds text that is not valid JSON`, parsed);
            }
            target = parsed;
        } else if held is json[] {
            target = held.clone();
        } else if held is xml {
            return error(string `enrich: action="${action}" into the property '${property}' holding XML is not reproduced`);
        } else {
            return;
        }
        if target is json[] {
            target.push(value);
            ctx.properties[property] = gsonJson(target);
        }
        return;
    }
    anydata nodes = body ? (moved ? check bodyFirstElement(ctx) : (check bodyFirstElement(ctx)).clone()) : src;
    if action == "child" {
        if held is xml {
            return error(string `enrich: action="child" into the property '${property}' holding XML is not reproduced: the Micro Integrator appends to an element (a property of type OM) and replaces a node list (an earlier enrich's), which the generated properties do not tell apart`);
        }
        if held is string {
            xml|error parsed = xml:fromString(held);
            if parsed is xml {
                xml<xml:Element> roots = parsed.elements();
                if roots.length() == 1 && parsed.filter(item => item is xml:Text && item.toString().trim() != "").length() == 0 {
                    string text = "";
                    foreach xml item in roots.get(0).getChildren() {
                        if item is xml:Text {
                            // The character data, as OMElement.getText gives it (toString would escape `&` and `<`).
                            text += item.data();
                        }
                    }
                    ctx.properties[property] = text;
                    if moved && nodes is xml && nodes.elements().length() > 0 {
                        // Added to the parsed element, the source elements leave the message (AXIOM detaches them).
                        if payload !is xml {
                            return error("enrich: clone=\"false\" on a message that is not XML is not reproduced (the Micro Integrator moves the source nodes out of the XML form of the message)");
                        }
                        xml messageBody = check soapBody(ctx);
                        if messageBody !is xml:Element {
                            return error("enrich: the message has no SOAP body");
                        }
                        check detachFromBody(messageBody, nodes.elements());
                        return commitBody(ctx, messageBody);
                    }
                    return;
                }
            }
        }
    }
    ctx.properties[property] = nodes;
}

# enrich `target type="key"` (MI 4.x), as EnrichMediator's JSON path runs it (Target.renameKey over Jayway's
# renameKey, semantics §6.5): in every object `path` selects in the JSON payload the member `key` is renamed to
# the source's value, which must be a JSON string, number or boolean ("Failed to get the new key name from source
# for Enriching. Key name must be a string."). The renamed member is put under the new name (at the end of the
# object, or in place of a member that already has that name) and the old one removed, so renaming a key to its
# own name removes it, as Gson's JsonObject does. A selected null is skipped; a selected value that is not an
# object, or an object without the key, fails ("Can only rename properties in a map", "No results for Key ...
# found in map!"). A message that is not JSON, or an XML source, takes Synapse's XML path, which fails with
# "Invalid Target type".
function enrichRenameKey(Context ctx, string path, string key, anydata src) returns error? {
    json|xml payload = check parsedPayload(ctx);
    if payload is xml || payload is () || src is xml {
        return error("Invalid Target type");
    }
    json root = check payload.ensureType(json);
    json name = check enrichJsonValue(src);
    if name is () || name is map<json> || name is json[] {
        return error("Failed to get the new key name from source for Enriching. Key name must be a string.");
    }
    string newKey = name is string ? name : gsonJson(name);
    JsonPathMatch[] matches = check jsonPathMatches(root, check jsonPathWildSegments(path));
    foreach JsonPathMatch 'match in matches {
        json target = 'match.value;
        if target is () {
            continue;
        }
        if target !is map<json> {
            return error("Can only rename properties in a map");
        }
        if !target.hasKey(key) {
            return error(string `No results for Key ${key} found in map!`);
        }
        json member = target.get(key);
        target[newKey] = member;
        _ = target.remove(key);
    }
    ctx.payload = root;
}

# A Synapse evaluator, as a rewrite rule's condition holds it: `equal` (the text equals `value`, ignoring
# case) and `match` (the whole text matches the regular expression `value`) read the URL being rewritten
# (or its `src` fragment), a transport header, a query parameter of that URL or a property; `not`,
# `and` and `or` combine `operands`.
type UrlCondition record {|
    "equal"|"match"|"not"|"and"|"or" test;
    "url"|"header"|"param"|"property" sourceType = "url";
    string? src = ();
    string value = "";
    UrlCondition[] operands = [];
|};

# A rewrite action: Synapse's `RewriteAction`.
type UrlRewriteAction record {|
    "set"|"append"|"prepend"|"replace"|"remove"|"removeQueryParam" action = "set";
    "full"|"protocol"|"user"|"host"|"port"|"path"|"query"|"ref" fragment = "full";
    string? value = ();
    string regex = "";
    boolean resolve = false;
|};

# A rewrite rule: its actions run when its condition holds (always without one).
type UrlRewriteRule record {|
    UrlCondition? condition = ();
    UrlRewriteAction[] actions;
|};

# The fragments of a URI, as Synapse's `URIFragments` keeps them (`()` for a missing one; port -1).
type UriParts record {|
    string? protocol = ();
    string? user = ();
    string? host = ();
    int port = -1;
    string? path = ();
    string? query = ();
    string? ref = ();
|};

# Rewrites a URL as Synapse's URLRewriteMediator does (semantics §6.21): the input is the To address, or the
# string property `inProperty` (any other value, or none, starts from an empty URL); each rule whose
# condition holds runs its actions on the fragments; the result goes to the To address or to the property
# `outProperty`. Actions on `full` and `port` set the value whatever their type, as in Synapse.
function rewriteUrl(Context ctx, UrlRewriteRule[] rules, string? inProperty = (), string? outProperty = ()) returns error? {
    string? input = ctx.to;
    if inProperty is string {
        anydata property = ctx.properties[inProperty];
        input = property is string ? property : ();
    }
    UriParts parts = {};
    if input is string {
        parts = check parseUri(input);
    }
    foreach UrlRewriteRule rule in rules {
        UrlCondition? condition = rule.condition;
        if condition is UrlCondition {
            // An evaluator that fails skips the rule, as Synapse does.
            boolean|error holds = urlConditionHolds(ctx, condition, check uriString(parts));
            if holds is error || !holds {
                continue;
            }
        }
        foreach UrlRewriteAction action in rule.actions {
            parts = check rewriteFragment(ctx, parts, action);
        }
    }
    string result = check uriString(parts);
    if outProperty is string {
        ctx.properties[outProperty] = result;
    } else {
        ctx.to = result;
    }
}

# Java's `String.replaceAll(regex, replacement)`, which Synapse's rewrite action runs for a replace: in the
# replacement, `$n` stands for the text of capturing group n (the longest run of digits that names a group of
# the regex; nothing when that group took no part in the match) and `\c` for the character c itself. When the
# regex matches, a `$` without a group number after it, a group the regex does not have, a named reference
# (`${name}`: the translated regexes have no named groups) or a backslash at the end is an error, as Java throws
# then; without a match the input comes back unchanged, as Java does not read the replacement then.
function javaReplaceAll(string regex, string input, string replacement) returns string|error {
    regexp:RegExp pattern = check regexp:fromString(regex);
    if pattern.find(input) is () {
        return input;
    }
    int groupCount = capturingGroups(regex);
    (string|int)[] parts = [];
    string literal = "";
    int i = 0;
    int length = replacement.length();
    while i < length {
        string c = replacement.substring(i, i + 1);
        if c == "\\" {
            i += 1;
            if i == length {
                return error("character to be escaped is missing");
            }
            literal += replacement.substring(i, i + 1);
            i += 1;
        } else if c == "$" {
            i += 1;
            if i == length {
                return error("Illegal group reference: group index is missing");
            }
            int? first = decimalDigit(replacement, i);
            if first is () {
                return error("Illegal group reference");
            }
            int group = first;
            i += 1;
            while i < length {
                int? next = decimalDigit(replacement, i);
                if next is () || group * 10 + next > groupCount {
                    break;
                }
                group = group * 10 + next;
                i += 1;
            }
            if group > groupCount {
                return error(string `No group ${group}`);
            }
            parts.push(literal, group);
            literal = "";
        } else {
            literal += c;
            i += 1;
        }
    }
    parts.push(literal);
    final readonly & (string|int)[] template = parts.cloneReadOnly();
    return pattern.replaceAll(input, isolated function(regexp:Groups groups) returns string {
        string text = "";
        foreach string|int part in template {
            if part is string {
                text += part;
            } else if part < groups.length() {
                regexp:Span? span = groups[part];
                if span is regexp:Span {
                    text += span.substring();
                }
            }
        }
        return text;
    });
}

# The value of the ASCII digit at `index` of `text`, or `()` when it is another character.
function decimalDigit(string text, int index) returns int? {
    int code = text.getCodePoint(index);
    return code >= 48 && code <= 57 ? code - 48 : ();
}

# The number of capturing groups of a regex (Java's `Matcher.groupCount`): the opening parentheses not
# escaped, not inside a character class and not followed by `?` (the translated regexes have no named groups).
function capturingGroups(string regex) returns int {
    int count = 0;
    boolean inClass = false;
    int i = 0;
    int length = regex.length();
    while i < length {
        string c = regex.substring(i, i + 1);
        if c == "\\" {
            i += 2;
            continue;
        }
        if inClass {
            inClass = c != "]";
        } else if c == "[" {
            inClass = true;
        } else if c == "(" && (i + 1 == length || regex.substring(i + 1, i + 2) != "?") {
            count += 1;
        }
        i += 1;
    }
    return count;
}

# One action on the fragments (Synapse's `RewriteAction.execute`).
function rewriteFragment(Context ctx, UriParts parts, UrlRewriteAction action) returns UriParts|error {
    string? result = action.value;
    if action.fragment == "full" {
        return parseUri(result ?: "");
    }
    UriParts next = parts.clone();
    if action.fragment == "port" {
        next.port = -1;
        if result is string {
            next.port = check int:fromString(result);
        }
        return next;
    }
    string current = uriFragment(parts, action.fragment) ?: "";
    // A missing value empties the fragment (Synapse's `str = ""`), except for set and remove.
    string? text = "";
    string separator = action.fragment == "query" && current != "" ? "&" : "";
    if action.action == "set" {
        text = result;
    } else if action.action == "remove" {
        text = ();
    } else if action.action == "removeQueryParam" {
        if current != "" {
            // The regex Synapse compiles from the value ("<value>=.*"): translated when the value is literal.
            text = check removeQueryParam(current, action.regex != "" ? action.regex : (result ?: "null") + "=.*");
        }
    } else if result is string {
        if action.action == "prepend" {
            text = result + separator + current;
        } else if action.action == "append" {
            text = current + separator + result;
        } else {
            text = check javaReplaceAll(action.regex, current, result);
        }
    }
    if action.resolve && text is string {
        text = resolvePathParams(ctx, text);
    }
    match action.fragment {
        "protocol" => {
            next.protocol = text;
        }
        "user" => {
            next.user = text;
        }
        "host" => {
            next.host = text;
        }
        "path" => {
            next.path = text;
        }
        "query" => {
            next.query = text;
        }
        _ => {
            next.ref = text;
        }
    }
    return next;
}

# A URI fragment by name.
function uriFragment(UriParts parts, string fragment) returns string? {
    match fragment {
        "protocol" => {
            return parts.protocol;
        }
        "user" => {
            return parts.user;
        }
        "host" => {
            return parts.host;
        }
        "port" => {
            return parts.port.toString();
        }
        "path" => {
            return parts.path;
        }
        "query" => {
            return parts.query;
        }
        "ref" => {
            return parts.ref;
        }
    }
    return ();
}

# The query without the first parameter `pattern` is found in, as Synapse's remove-query-param runs
# `Pattern.compile(value + "=.*")` with `find` on each `&`-separated parameter (so "id" also removes
# "userid=7"). Java's split drops the empty parameters at the end.
function removeQueryParam(string query, string pattern) returns string|error {
    regexp:RegExp search = check regexp:fromString(pattern);
    string[] params = re `&`.split(query);
    while params.length() > 0 && params[params.length() - 1] == "" {
        _ = params.pop();
    }
    string[] kept = [];
    boolean removed = false;
    foreach string param in params {
        if !removed && search.find(param) is regexp:Span {
            removed = true;
        } else {
            kept.push(param);
        }
    }
    return string:'join("&", ...kept);
}

# Replaces each `{name}` with the property `name`; a missing or empty one makes the whole value empty, as
# Synapse's `resolve` does.
function resolvePathParams(Context ctx, string text) returns string {
    string result = text;
    foreach regexp:Groups groups in re `\{([^{}]*)\}`.findAllGroups(text) {
        regexp:Span? name = groups[1];
        if name is () {
            continue;
        }
        string value = getProperty(ctx, name.substring());
        if value == "" {
            return "";
        }
        result = replaceText(result, "{" + name.substring() + "}", value);
    }
    return result;
}

# Splits a URI into its fragments as `java.net.URI` does (the fragments are kept as written, not decoded).
function parseUri(string text) returns UriParts|error {
    UriParts parts = {};
    string rest = text;
    int? hash = rest.indexOf("#");
    if hash is int {
        parts.ref = rest.substring(hash + 1);
        rest = rest.substring(0, hash);
    }
    int? question = rest.indexOf("?");
    if question is int {
        parts.query = rest.substring(question + 1);
        rest = rest.substring(0, question);
    }
    int? colon = rest.indexOf(":");
    int? slash = rest.indexOf("/");
    if colon is int && colon > 0 && (slash is () || colon < slash) {
        parts.protocol = rest.substring(0, colon);
        rest = rest.substring(colon + 1);
    }
    if rest.startsWith("//") {
        rest = rest.substring(2);
        int? end = rest.indexOf("/");
        string authority = end is int ? rest.substring(0, end) : rest;
        rest = end is int ? rest.substring(end) : "";
        int? at = authority.lastIndexOf("@");
        if at is int {
            parts.user = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        int? portColon = authority.lastIndexOf(":");
        if portColon is int && !authority.endsWith("]") {
            string port = authority.substring(portColon + 1);
            authority = authority.substring(0, portColon);
            if port != "" {
                parts.port = check int:fromString(port);
            }
        }
        parts.host = authority == "" ? () : authority;
    }
    parts.path = rest == "" ? () : rest;
    return parts;
}

# Joins the fragments into a URI as `java.net.URI`'s seven-part constructor does: the user and port only
# with a host, and an error for a relative path after a protocol.
function uriString(UriParts parts) returns string|error {
    string text = "";
    string? protocol = parts.protocol;
    if protocol is string {
        text += protocol + ":";
    }
    string? host = parts.host;
    if host is string {
        text += "//";
        string? user = parts.user;
        if user is string {
            text += user + "@";
        }
        text += host;
        if parts.port != -1 {
            text += ":" + parts.port.toString();
        }
    }
    string? path = parts.path;
    if path is string {
        if protocol is string && path != "" && !path.startsWith("/") {
            return error(string `Relative path in absolute URI: ${text}${path}`);
        }
        text += path;
    }
    string? query = parts.query;
    if query is string {
        text += "?" + query;
    }
    string? ref = parts.ref;
    if ref is string {
        text += "#" + ref;
    }
    return text;
}

# Whether a Synapse evaluator holds for the message and the URL as rewritten so far.
function urlConditionHolds(Context ctx, UrlCondition condition, string url) returns boolean|error {
    match condition.test {
        "not" => {
            boolean operand = check urlConditionHolds(ctx, condition.operands[0], url);
            return !operand;
        }
        "and" => {
            foreach UrlCondition operand in condition.operands {
                boolean holds = check urlConditionHolds(ctx, operand, url);
                if !holds {
                    return false;
                }
            }
            return true;
        }
        "or" => {
            foreach UrlCondition operand in condition.operands {
                boolean holds = check urlConditionHolds(ctx, operand, url);
                if holds {
                    return true;
                }
            }
            return false;
        }
    }
    string? text = check conditionText(ctx, condition, url);
    if text is () {
        return false;
    }
    if condition.test == "equal" {
        return text.equalsIgnoreCaseAscii(condition.value);
    }
    return matches(text, condition.value);
}

# The text an `equal` or `match` evaluator reads, `()` when there is none.
function conditionText(Context ctx, UrlCondition condition, string url) returns string?|error {
    string? src = condition.src;
    match condition.sourceType {
        "header" => {
            return ctx.headers[(src ?: "").toLowerAscii()];
        }
        "property" => {
            anydata value = ctx.properties[src ?: ""];
            if value is () || value is string {
                return value;
            }
            return value.toString();
        }
        "param" => {
            int? question = url.indexOf("?");
            if question is () {
                return ();
            }
            // The last parameter of that name counts, as Synapse's EvaluatorContext keeps it.
            string? found = ();
            foreach string param in re `&`.split(url.substring(question + 1)) {
                string[] pair = re `=`.split(param);
                if pair.length() >= 2 && pair[0] == src {
                    found = check url:decode(pair[1], "UTF-8");
                }
            }
            return found;
        }
    }
    if src is () {
        return url;
    }
    return uriFragment(check parseUri(url), src);
}

# A copy of the message for one branch of an iterate, clone or scatter-gather (semantics §6.7, §6.9): the
# body, headers, properties and variables are copied, so what a branch changes stays in that branch, as
# Synapse's cloned message contexts; the copy gets a message ID of its own. Operation-scope properties are
# not copied: every copy shares the one operation context, as in Synapse. A copy's correlation ID is the message's
# with `_` and a new UUID appended (MessageHelper.cloneMessageContext), none when the message has none.
function branchContext(Context ctx) returns Context => {
    messageId: "urn:uuid:" + uuid:createType4AsString(),
    correlationId: ctx.correlationId == "" ? "" : ctx.correlationId + "_" + uuid:createType4AsString(),
    to: ctx.to,
    replyTo: ctx.replyTo,
    faultTo: ctx.faultTo,
    addressingFault: ctx.addressingFault,
    wsaAction: ctx.wsaAction,
    action: ctx.action,
    payload: ctx.payload.clone(),
    contentType: ctx.contentType,
    headers: ctx.headers.clone(),
    excessHeaders: ctx.excessHeaders.clone(),
    properties: ctx.properties.clone(),
    axis2: ctx.axis2.clone(),
    // Not a copy: the copies share the operation context (MessageHelper.cloneMessageContext), and with it the
    // RESPONSE_WRITTEN mark, so a copy's send marks the request as answered elsewhere.
    operation: ctx.operation,
    ack: ctx.ack,
    variables: ctx.variables.clone(),
    method: ctx.method,
    urlPostfix: ctx.urlPostfix,
    restRequest: ctx.restRequest,
    clientSoap: ctx.clientSoap,
    restCall: ctx.restCall,
    statusCode: ctx.statusCode,
    httpSc: ctx.httpSc,
    isResponse: ctx.isResponse,
    backendResponse: ctx.backendResponse,
    outFlow: ctx.outFlow,
    sendBack: ctx.sendBack
};

# A recipient list whose members are computed at run time (`<endpoints value="{expr}"/>`): as
# RecipientListEndpoint.sendToDynamicMembers does, the value is split on commas and each non-blank URL gets a copy
# of the message (`branchContext`), in that order, addressed to it (its To), for an address endpoint of that URL
# to send (`callAddress`). No URL: no copy, nothing is sent.
function recipientMessages(Context ctx, string urls) returns Context[] {
    Context[] messages = [];
    foreach string url in re `,`.split(urls) {
        if url.trim() != "" {
            Context copy = branchContext(ctx);
            copy.to = url;
            messages.push(copy);
        }
    }
    return messages;
}

# iterate with an XPath and without preservePayload (semantics §6.7): one copy of the message per matched
# node, in document order, with that node as its whole body (a SOAP envelope and its header are kept).
function iteratedMessages(Context ctx, xml parts) returns Context[]|error {
    Context[] messages = [];
    foreach xml part in parts {
        Context message = branchContext(ctx);
        message.payload = replaceBody(message, part.clone());
        messages.push(message);
    }
    return messages;
}

# iterate with a JSONPath (semantics §6.7): the path must select an array, as Synapse requires; one copy of
# the message per item, with the item as its JSON payload.
function iteratedJsonMessages(Context ctx, json items, string path) returns Context[]|error {
    if items !is json[] {
        return error(string `JSON element expressed by the path ${path} is not a valid JSON array that can be iterated`);
    }
    Context[] messages = [];
    foreach json item in items {
        Context message = branchContext(ctx);
        message.payload = item.clone();
        messages.push(message);
    }
    return messages;
}

# Synapse's aggregate completing (semantics §6.8). Each branch has kept only the part the aggregate
# collects (`setPayloadValue` with the onComplete expression). The message becomes a copy of the first
# collected message (its properties, headers, status and envelope) whose body holds every part in order:
# XML parts one after the other, or (`asJson`) JSON parts as one array. `enclosing` names a property
# holding an element that encloses the XML parts (for JSON, `{"<its local name>": [...]}`); `count`
# completes after that many messages (the aggregate's smallest positive min/max), the later ones are
# ignored. With no message at all Synapse never completes and the client gets no answer; here it fails.
function aggregateMessages(Context ctx, Context[] messages, boolean asJson, string? enclosing = (), int? count = ()) returns error? {
    Context[] collected = count is int && count < messages.length() ? messages.slice(0, count) : messages;
    if collected.length() == 0 {
        return error("no message to aggregate: the split produced none, so the aggregate never completes");
    }
    Context first = collected[0];
    xml:Element? wrapper = ();
    if enclosing is string {
        anydata holder = first.properties[enclosing];
        if holder is () {
            return error(string `Enclosing Element property: ${enclosing} not found`);
        }
        if holder !is xml:Element {
            return error(string `Enclosing Element defined in the property: ${enclosing} is not an OMElement`);
        }
        wrapper = holder.clone();
    }
    adoptMessage(ctx, first);
    if asJson {
        json[] items = [];
        foreach Context message in collected {
            json|xml part = check parsedPayload(message);
            items.push(aggregatedJsonPart(part is xml ? xmlToJson(part) : part));
        }
        json result = wrapper is xml:Element ? {[localName(wrapper.getName())]: items} : items;
        ctx.payload = result;
        return;
    }
    xml parts = xml ``;
    foreach Context message in collected {
        parts = parts + (check xmlPayload(message));
    }
    if wrapper is xml:Element {
        wrapper.setChildren(parts);
        parts = wrapper;
    }
    ctx.payload = first.payload.clone();
    ctx.payload = replaceBody(ctx, parts);
}

# One message's part as the aggregate adds it (EIPUtils.getJSONElement): Synapse's JSONPath evaluation lists an
# array result's items, so an array of one item is added as that item and an empty array as null.
function aggregatedJsonPart(json part) returns json {
    if part is json[] {
        if part.length() == 0 {
            return ();
        }
        if part.length() == 1 {
            return part[0];
        }
    }
    return part;
}

# The message takes over what `copy` (a branch's copy) carries: content type, headers, properties,
# variables, method, URL postfix, status and direction (the body is set by the caller).
function adoptMessage(Context ctx, Context copy) {
    ctx.to = copy.to;
    ctx.replyTo = copy.replyTo;
    ctx.faultTo = copy.faultTo;
    ctx.addressingFault = copy.addressingFault;
    ctx.wsaAction = copy.wsaAction;
    ctx.action = copy.action;
    ctx.contentType = copy.contentType;
    ctx.headers = copy.headers.clone();
    ctx.excessHeaders = copy.excessHeaders.clone();
    ctx.properties = copy.properties.clone();
    ctx.axis2 = copy.axis2.clone();
    ctx.variables = copy.variables.clone();
    ctx.method = copy.method;
    ctx.urlPostfix = copy.urlPostfix;
    ctx.restCall = copy.restCall;
    ctx.statusCode = copy.statusCode;
    ctx.httpSc = copy.httpSc;
    ctx.isResponse = copy.isResponse;
    ctx.backendResponse = copy.backendResponse;
}

# The copies of a split that reached its aggregate, in the order they arrived, with what each branch
# returned; guarded by its lock, as Synapse's Aggregate adds each message under its own lock.
isolated class BranchArrivals {
    private int[] arrived = [];
    private error?[] results = [];
    private decimal? first = ();

    # Notes that the branch of copy `index` ended with `result`; the first arrival starts the timeout.
    isolated function arrive(int index, error? result) {
        lock {
            self.arrived.push(index);
            self.results.push(result);
            if self.first is () {
                self.first = time:monotonicNow();
            }
        }
    }

    # The copies arrived so far (in arrival order), the first error among them with its copy's index, and when the
    # first arrived.
    isolated function state() returns [int[], [int, error]?, decimal?] {
        lock {
            [int, error]? failure = ();
            foreach int i in 0 ..< self.results.length() {
                error? result = self.results[i];
                if result is error {
                    failure = [self.arrived[i], result];
                    break;
                }
            }
            return [self.arrived.clone(), failure.clone(), self.first];
        }
    }
}

# Waits for one branch of a split (once: a future gives its result to one wait only) and notes its arrival.
isolated function observeBranch(future<error?> branch, int index, BranchArrivals arrivals) {
    error? result = wait branch;
    arrivals.arrive(index, result);
}

# An aggregate's completeCondition `timeout` (semantics §6.8; Aggregate.isComplete and its timer): the
# aggregation starts when the first copy reaches the aggregate and completes `timeout` seconds later
# with the copies collected by then, even when min is not reached, or earlier when every copy arrived
# (`countsCopies`: the aggregate reads the split's count, i.e. its id matches the split's) or `count`
# copies did (the smallest positive min/max). A copy arriving after that is dropped, as
# AggregateMediator.isAggregationCompleted drops it: its branch goes on running, its result is ignored.
# Returns the copies collected, in the order they arrived (the order Synapse merges them in); a
# branch that failed before completion fails the flow, as `check wait` does without a timeout (with `faultTarget`,
# the split's message, a copy's SOAP fault becomes that message first, as `copyFailure` does there). Ballerina
# has no condition variable to block on until the first of these happens, so the arrivals, noted by one
# strand per branch, are looked at every 10 ms.
function awaitAggregation(Context[] messages, future<error?>[] running, decimal timeout, boolean countsCopies = true, int? count = (), Context? faultTarget = ()) returns Context[]|error {
    if running.length() == 0 {
        return [];
    }
    BranchArrivals arrivals = new;
    foreach int i in 0 ..< running.length() {
        _ = start observeBranch(running[i], i, arrivals);
    }
    Context[] collected = [];
    boolean waiting = true;
    while waiting {
        [int[], [int, error]?, decimal?] [arrived, failure, first] = arrivals.state();
        if failure is [int, error] {
            // With FORCE_ERROR_ON_SOAP_FAULT the failing copy's fault response is the message the fault flow sees,
            // as without a timeout (`copyFailure`).
            [int, error] [index, err] = failure;
            if faultTarget is Context {
                check copyFailure(faultTarget, messages[index], err);
            }
            return err;
        }
        waiting = !((countsCopies && arrived.length() >= running.length())
            || (count is int && count > 0 && arrived.length() >= count)
            || (first is decimal && time:monotonicNow() - first >= timeout));
        if waiting {
            runtime:sleep(0.01);
        } else {
            collected = from int index in arrived
                select messages[index];
        }
    }
    return collected;
}

# MI 4.4 scatter-gather completing. Each branch has kept only its part (the aggregation expression):
# JSON parts become one array, XML parts the children of a new `rootElement`. With a `variable` the
# message goes on unchanged and the variable holds the result; otherwise the message becomes a copy of
# the last collected message with the result as its body, marked JSON or XML (application/json,
# application/xml), as Synapse's ScatterGather does. `count` completes after that many messages.
function gatherMessages(Context ctx, Context[] messages, boolean asJson, string rootElement = "", string? variable = (), int? count = ()) returns error? {
    Context[] collected = count is int && count < messages.length() ? messages.slice(0, count) : messages;
    json|xml result;
    if asJson {
        json[] items = [];
        foreach Context message in collected {
            json|xml part = check parsedPayload(message);
            items.push(part is xml ? xmlToJson(part) : part);
        }
        result = items;
    } else {
        xml parts = xml ``;
        foreach Context message in collected {
            parts = parts + (check xmlPayload(message));
        }
        result = xml:createElement(rootElement, {}, parts);
    }
    if variable is string {
        ctx.variables[variable] = result;
        return;
    }
    if collected.length() == 0 {
        return error("no message to aggregate: the scatter-gather has no branch result");
    }
    adoptMessage(ctx, collected[collected.length() - 1]);
    ctx.payload = result;
    ctx.contentType = asJson ? "application/json" : "application/xml";
    ctx.headers["content-type"] = ctx.contentType;
}

# The classic foreach over the elements an XPath selects (semantics §6.10, Synapse's ForEachMediator). The
# matches are detached from the message; the sequence then runs on the message itself, not on a copy (what
# it sets in properties, variables and headers stays), once per element, with that element as the whole body
# (a SOAP message gets a new envelope of its version, without its header). The first element of each result
# is appended to the parent of the first match, in order, and the message, with its own envelope, goes on.
# `<id>_FOREACH_ORIGINAL_MESSAGE` holds a copy of the envelope before the loop and `<id>_FOREACH_COUNTER` the
# number of elements done (without an id, no prefix). No match leaves the message as it is. A failing element
# fails the flow, unless `continueOnFailure` (continueLoopOnFailure), when its body is merged as it stands
# and the loop goes on; Synapse also logs a warning then, the generated code does not.
function forEachElements(Context ctx, function (xml:Element body) returns xml matches, string? id, boolean continueOnFailure,
        function (Context ctx) returns error? sequence, XPathStart startAt = "body") returns error? {
    string prefix = id is string ? id + "_" : "";
    ctx.properties[prefix + "FOREACH_ORIGINAL_MESSAGE"] = check envelopeValue(ctx);
    ctx.properties[prefix + "FOREACH_COUNTER"] = 0;
    json|xml payload = check parsedPayload(ctx);
    xml bodyValue = check soapBody(ctx);
    if bodyValue !is xml:Element {
        return error("foreach: the message has no SOAP body");
    }
    xml:Element body = bodyValue;
    // The expression is evaluated over the envelope (ForEachMediator's getDetachedMatchingElements): `startAt`.
    xml:Element scope = startAt == "body" ? body : check envelopeOf(ctx, body);
    xml:Element? origin = xpathStart(scope, startAt);
    xml:Element[] matched = [];
    if origin is xml:Element {
        matched = from xml:Element element in matches(origin).elements()
            select element;
    }
    if matched.length() == 0 {
        return;
    }
    xml:Element? parent = xmlParent(scope, matched[0]);
    if parent is () {
        return error("Error detecting parent element to merge");
    }
    foreach xml:Element element in matched {
        xml:Element? owner = xmlParent(scope, element);
        if owner is xml:Element {
            replaceChild(owner, element, xml ``);
        }
    }
    string? soap = payload is xml ? soapVersion(payload) : ();
    int counter = 0;
    foreach xml:Element element in matched {
        if soap is string {
            ctx.payload = soap == SOAP12_NS
                ? xml `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body>${element}</soapenv:Body></soapenv:Envelope>`
                : xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${element}</soapenv:Body></soapenv:Envelope>`;
        } else {
            ctx.payload = element;
        }
        error? failure = sequence(ctx);
        if failure is error && !continueOnFailure {
            return failure;
        }
        xml<xml:Element> results = (check xmlPayload(ctx)).elements();
        if results.length() == 0 {
            return error("foreach: the sequence left no element in the body to merge back");
        }
        parent.setChildren(parent.getChildren() + results.get(0));
        counter += 1;
        ctx.properties[prefix + "FOREACH_COUNTER"] = counter;
    }
    ctx.payload = payload;
    check commitBody(ctx, body);
}

# The classic foreach with a JSONPath (semantics §6.10, Synapse's ForEachMediator): the path must select a
# JSON array. The sequence runs on the message itself, not on a copy (what it sets in properties, variables
# and headers stays), once per item, with that item as the payload; its payload afterwards, as JSON, is the
# item's result. The results then replace the array in the payload as it was before the loop (`$` makes
# them the whole payload). `<id>_FOREACH_ORIGINAL_MESSAGE` and `<id>_FOREACH_COUNTER` are set as for
# `forEachElements`. An empty array leaves the message as it is. A failing item fails the flow, unless
# `continueOnFailure` (continueLoopOnFailure), when that item is left out of the results and the loop goes
# on; Synapse also logs a warning then, the generated code does not.
function forEachJsonItems(Context ctx, string path, string? id, boolean continueOnFailure,
        function (Context ctx) returns error? sequence) returns error? {
    string prefix = id is string ? id + "_" : "";
    ctx.properties[prefix + "FOREACH_ORIGINAL_MESSAGE"] = check envelopeValue(ctx);
    ctx.properties[prefix + "FOREACH_COUNTER"] = 0;
    json original = (check jsonPayload(ctx)).clone();
    json items = check jsonPath(ctx, path);
    if items !is json[] {
        return error(string `JSON element expressed by the path ${path} is not a valid JSON array`);
    }
    if items.length() == 0 {
        return;
    }
    json[] results = [];
    int counter = 0;
    foreach json item in items.clone() {
        ctx.payload = item;
        error? failure = sequence(ctx);
        if failure is error {
            if continueOnFailure {
                continue;
            }
            return failure;
        }
        results.push(check jsonPayload(ctx));
        counter += 1;
        ctx.properties[prefix + "FOREACH_COUNTER"] = counter;
    }
    string trimmed = path.trim();
    if trimmed == "$" || trimmed == "$." {
        ctx.payload = results;
        return;
    }
    ctx.payload = original;
    check enrichJson(ctx, path, results, "replace");
}

# The MI 4.4 foreach over a JSON array (semantics §6.10, Synapse's ForEachMediatorV2): the array at `path`
# in the payload must be a JSON array; each item runs the sequence on its own copy of the message
# (`branchContext`: what a copy sets stays in it) with the item as its JSON payload, one after the other
# (`counter` names a variable holding the item's index) or, when `parallel`, started together and awaited.
# Then each copy's payload (`()` when it is not JSON) replaces its item, in the order of the items: in the
# array at `path`, or, with `variable` (update-original="false"), in a new array held by that variable.
# Otherwise the message goes on as it was before the foreach. An empty array leaves it as it is. Without
# `aggregate` (continue-without-aggregation) nothing is collected and parallel copies are not awaited. A
# failing item fails the flow (the Micro Integrator runs the fault sequence on that copy and never completes
# the aggregation).
function forEachJson(Context ctx, string path, function (Context ctx) returns error? sequence, boolean parallel = true,
        boolean aggregate = true, string? variable = (), string? counter = ()) returns error? {
    Context[] messages = check iteratedJsonMessages(ctx, check jsonPath(ctx, path), path);
    if messages.length() == 0 {
        return;
    }
    check runForEachCopies(messages, sequence, parallel, aggregate, counter);
    if !aggregate {
        return;
    }
    json[] results = [];
    foreach Context message in messages {
        json|xml part = check parsedPayload(message);
        results.push(part is xml ? () : part);
    }
    if variable is string {
        ctx.variables[variable] = results;
        return;
    }
    string trimmed = path.trim();
    if trimmed == "$" || trimmed == "$." {
        ctx.payload = results;
        return;
    }
    check enrichJson(ctx, path, results, "replace");
}

# The MI 4.4 foreach over a JSON array held by a variable (`collection="${vars.x}"`, `${vars.x.items}`; Synapse's
# ForEachMediatorV2): the array at `path` inside the variable `name` (`$`: the variable itself) must be a JSON array;
# each item runs the sequence on its own copy of the message as `forEachJson` runs them. Then each copy's payload
# (`()` when it is not JSON) takes its item's place, in the order of the items, in a new array held by `variable`
# (update-original="false") or, without one, by the collection's own variable (the lowering allows that only for a
# whole variable, as updateOriginalPayload sets the variable to the array then). The message otherwise goes on as it
# was before the foreach; an empty array leaves everything as it is.
function forEachJsonVariable(Context ctx, string name, string path, function (Context ctx) returns error? sequence,
        boolean parallel = true, boolean aggregate = true, string? variable = (), string? counter = ()) returns error? {
    json items = ();
    if path == "$" {
        items = ctx.variables[name].toJson();
    } else {
        [boolean, json] [_, member] = check variableMember(ctx, name, path);
        items = member;
    }
    if items !is json[] {
        return error(string `Expression vars.${name}${path.substring(1)} did not resolve to a valid array`);
    }
    Context[] messages = check iteratedJsonMessages(ctx, items, path);
    if messages.length() == 0 {
        return;
    }
    check runForEachCopies(messages, sequence, parallel, aggregate, counter);
    if !aggregate {
        return;
    }
    json[] results = [];
    foreach Context message in messages {
        json|xml part = check parsedPayload(message);
        results.push(part is xml ? () : part);
    }
    ctx.variables[variable ?: name] = results;
}

# The MI 4.4 foreach over the elements an XPath selects in the payload (semantics §6.10, Synapse's
# ForEachMediatorV2): each element runs the sequence on its own copy of the message (`branchContext`: what a
# copy sets stays in it) with a copy of that element as its whole body, as `forEachJson` runs the items.
# Then the selected elements are detached from the message and the first element of each copy's body is
# appended, in the order of the elements, to the parent of the first one; the message otherwise goes on as
# it was before the foreach. No match leaves the message as it is. Without `aggregate`
# (continue-without-aggregation) nothing is merged and parallel copies are not awaited.
function forEachXmlCopies(Context ctx, function (xml:Element body) returns xml matches, function (Context ctx) returns error? sequence,
        boolean parallel = true, boolean aggregate = true, string? counter = (), XPathStart startAt = "body") returns error? {
    json|xml payload = check parsedPayload(ctx);
    xml bodyValue = check soapBody(ctx);
    if bodyValue !is xml:Element {
        return error("foreach: the message has no SOAP body");
    }
    xml:Element body = bodyValue;
    // The collection is evaluated over the envelope (ForEachMediatorV2: SynapseXPath over the message): `startAt`.
    xml:Element scope = startAt == "body" ? body : check envelopeOf(ctx, body);
    xml:Element? origin = xpathStart(scope, startAt);
    xml:Element[] matched = [];
    if origin is xml:Element {
        matched = from xml:Element element in matches(origin).elements()
            select element;
    }
    if matched.length() == 0 {
        return;
    }
    string? soap = payload is xml ? soapVersion(payload) : ();
    Context[] messages = [];
    foreach xml:Element element in matched {
        Context message = branchContext(ctx);
        if soap is string {
            message.payload = soap == SOAP12_NS
                ? xml `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body>${element.clone()}</soapenv:Body></soapenv:Envelope>`
                : xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${element.clone()}</soapenv:Body></soapenv:Envelope>`;
        } else {
            message.payload = element.clone();
        }
        messages.push(message);
    }
    check runForEachCopies(messages, sequence, parallel, aggregate, counter);
    if !aggregate {
        return;
    }
    xml results = xml ``;
    foreach Context message in messages {
        xml<xml:Element> elements = (check xmlPayload(message)).elements();
        if elements.length() == 0 {
            return error("foreach: a copy's sequence left no element in the body to merge back");
        }
        results += elements.get(0);
    }
    xml:Element? parent = xmlParent(scope, matched[0]);
    foreach xml:Element element in matched {
        xml:Element? owner = xmlParent(scope, element);
        if owner is xml:Element {
            replaceChild(owner, element, xml ``);
        }
    }
    if parent is xml:Element {
        parent.setChildren(parent.getChildren() + results);
    }
    ctx.payload = payload;
    check commitBody(ctx, body);
}

# Runs a foreach's sequence on each copy: one after the other (`counter` names a variable holding the
# copy's index), or started together and, when `awaited`, awaited. A failing copy fails the flow.
function runForEachCopies(Context[] messages, function (Context ctx) returns error? sequence, boolean parallel, boolean awaited,
        string? counter) returns error? {
    if parallel {
        future<error?>[] running = [];
        foreach Context message in messages {
            future<error?> started = start sequence(message);
            running.push(started);
        }
        if !awaited {
            return;
        }
        foreach future<error?> branch in running {
            check wait branch;
        }
        return;
    }
    foreach int index in 0 ..< messages.length() {
        if counter is string {
            messages[index].variables[counter] = index;
        }
        check sequence(messages[index]);
    }
}

# A message store in this program (Synapse's InMemoryStore, the default message store): a first-in
# first-out queue of message copies that store mediators add to and message processors take from. Like
# Synapse's in-memory store, it is empty again when the program restarts.
class MessageQueue {
    private Context[] messages = [];

    # Adds a copy of the message, as the store mediator stores a clone of the message context: the clone has a message
    # ID of its own (MessageHelper.clonePartially), which the message keeps in the store and when a processor takes it.
    function store(Context ctx) {
        Context copy = copyMessage(ctx);
        copy.messageId = "urn:uuid:" + uuid:createType4AsString();
        lock {
            self.messages.push(copy);
        }
        // A stored message marks the request as answered elsewhere (MessageStoreMediator: RESPONSE_WRITTEN "SKIP").
        ctx.ack.skipped = true;
    }

    # A copy of the oldest message, left in the store: a forwarding processor removes it once delivered.
    function peek() returns Context? {
        lock {
            if self.messages.length() == 0 {
                return ();
            }
            return copyMessage(self.messages[0]);
        }
    }

    # Removes and returns the oldest message, as a sampling processor takes it.
    function take() returns Context? {
        lock {
            if self.messages.length() == 0 {
                return ();
            }
            return self.messages.shift();
        }
    }

    # Removes the oldest message (delivered, or dropped after the last attempt).
    function remove() {
        lock {
            if self.messages.length() > 0 {
                _ = self.messages.shift();
            }
        }
    }
}

# A copy of a message for a message store: Synapse stores a clone, so later steps do not change it. The
# out flow of the resource that received it is not kept: a processor has no client to answer.
function copyMessage(Context ctx) returns Context => {
    messageId: ctx.messageId,
    to: ctx.to,
    replyTo: ctx.replyTo,
    faultTo: ctx.faultTo,
    addressingFault: ctx.addressingFault,
    wsaAction: ctx.wsaAction,
    action: ctx.action,
    payload: ctx.payload.clone(),
    contentType: ctx.contentType,
    headers: ctx.headers.clone(),
    excessHeaders: ctx.excessHeaders.clone(),
    properties: ctx.properties.clone(),
    axis2: ctx.axis2.clone(),
    variables: ctx.variables.clone(),
    method: ctx.method,
    urlPostfix: ctx.urlPostfix,
    restRequest: ctx.restRequest,
    statusCode: ctx.statusCode,
    httpSc: ctx.httpSc,
    isResponse: ctx.isResponse
};

# A message as a JMS message store keeps it: the generated package's own format, a JSON text (see
# `storedMessageText`), not the Java-serialized StorableMessage of the Micro Integrator. `payloadKind` says how
# `payload` holds the body: "json" (the JSON value), "xml" (the XML as text), "bytes" (a body as received, in
# base64, with the content type it arrived with in `bodyContentType`) or "none". The out flow of the
# resource that received the message is not kept, as in `copyMessage`.
type StoredMessage record {|
    # The version of this format.
    int storedMessage = 1;
    string messageId;
    string to;
    string payloadKind;
    json payload;
    string bodyContentType = "";
    string contentType;
    map<string> headers;
    map<json> properties;
    map<json> axis2;
    map<json> variables;
    string method;
    string urlPostfix;
    # The message's action, ReplyTo and FaultTo addresses, as MessageConverter.toStorableMessage keeps them (its
    # options' action, which is the SOAP action or the WS-Addressing action AddressingInHandler set; `getReplyTo` and
    # `getFaultTo`) and toMessageContext gives them back (Options.setAction, setReplyTo, setFaultTo): a processor's
    # message has the same `get-property('Action')`. Absent ("") in messages stored before.
    string action = "";
    string replyTo = "";
    string faultTo = "";
    # Whether the client's request was REST (Synapse keeps REST_REQUEST_CONTENT_TYPE and doingREST with a
    # stored message, so its forwarding still appends the URL postfix); absent in messages stored before.
    boolean restRequest = false;
    int statusCode;
    boolean isResponse;
|};

# The JSON text a message store keeps for a message (`StoredMessage`). Property, axis2 and variable values
# are written as JSON: an XML value becomes its text, as `toJson` converts it. Only the string and XML
# default-scope properties are kept (`storableProperties`). The message ID is `messageId`, a new one:
# MessageConverter.toStorableMessage gives the stored message a new UUID, which the restored message has
# (toMessageContext), not the ID of the message the store mediator stored.
function storedMessageText(Context ctx, string messageId) returns string {
    json|xml|ReceivedBody payload = ctx.payload;
    string kind = "none";
    json body = ();
    string bodyContentType = "";
    if payload is ReceivedBody {
        kind = "bytes";
        body = payload.bytes.toBase64();
        bodyContentType = payload.contentType;
    } else if payload is xml {
        kind = "xml";
        body = payload.toString();
    } else if payload is json && payload !is () {
        kind = "json";
        body = payload;
    }
    StoredMessage stored = {
        messageId: messageId,
        to: ctx.to,
        payloadKind: kind,
        payload: body,
        bodyContentType: bodyContentType,
        contentType: ctx.contentType,
        headers: ctx.headers.clone(),
        properties: storableProperties(ctx.properties),
        axis2: jsonMap(ctx.axis2),
        variables: jsonMap(ctx.variables),
        method: ctx.method,
        urlPostfix: ctx.urlPostfix,
        action: messageAction(ctx),
        replyTo: ctx.replyTo,
        faultTo: ctx.faultTo,
        restRequest: ctx.restRequest,
        statusCode: ctx.statusCode,
        isResponse: ctx.isResponse
    };
    return stored.toJsonString();
}

# The default-scope properties a serialised message store (JMS, JDBC) keeps: Synapse's
# MessageConverter.toStorableMessage keeps a String property, and an XML one (a list of OMElements, kept as its
# bytes), and drops any other (a number, a boolean, a map, ...), which the restored message then lacks. The
# in-memory store keeps the message itself, every property included.
function storableProperties(map<anydata> properties) returns map<json> {
    map<json> result = {};
    foreach [string, anydata] [key, value] in properties.entries() {
        if value is string|xml {
            result[key] = value.toJson();
        }
    }
    return result;
}

# The values of a map as JSON (`toJson`: an XML value becomes its text).
function jsonMap(map<anydata> values) returns map<json> {
    map<json> result = {};
    foreach [string, anydata] [key, value] in values.entries() {
        result[key] = value.toJson();
    }
    return result;
}

# The message a message store kept as `storedMessageText` wrote it; an error for any other text.
function restoreMessage(string text) returns Context|error {
    StoredMessage stored = check value:fromJsonStringWithType(text);
    json|xml|ReceivedBody payload = ();
    match stored.payloadKind {
        "json" => {
            payload = stored.payload;
        }
        "xml" => {
            payload = check xml:fromString(check stored.payload.ensureType(string));
        }
        "bytes" => {
            ReceivedBody received = {bytes: check array:fromBase64(check stored.payload.ensureType(string)), contentType: stored.bodyContentType};
            payload = received;
        }
    }
    map<anydata> axis2 = check stored.axis2.cloneWithType();
    map<anydata> variables = check stored.variables.cloneWithType();
    Context restored = {
        messageId: stored.messageId,
        to: stored.to,
        payload: payload,
        contentType: stored.contentType,
        headers: stored.headers.clone(),
        axis2: axis2,
        variables: variables,
        method: stored.method,
        urlPostfix: stored.urlPostfix,
        action: stored.action,
        replyTo: stored.replyTo,
        faultTo: stored.faultTo,
        restRequest: stored.restRequest,
        statusCode: stored.statusCode,
        isResponse: stored.isResponse
    };
    // The properties are converted to the type of the context's field (inferred from it): a `map<anydata>`, or the
    // package's typed `Properties` record (properties.bal), rebuilt field by field, where a stored value that does not
    // fit its field's type (a message stored by an earlier version of the package) is an error, not a panic.
    restored.properties = check stored.properties.cloneWithType();
    return restored;
}

# A message store kept in a JMS queue (Synapse's JmsStore), with the same operations as `MessageQueue`.
# Storing sends a text message holding `storedMessageText` (and the `OrigMessageID` property, as
# JmsProducer sets it) on a session that acknowledges automatically. Processors read with a consumer made on
# first use, on a session the store acknowledges itself (CLIENT_ACKNOWLEDGE, as JmsStore's consumer): the
# message read stays unacknowledged, and is read again, until it is removed, as JmsConsumer caches it;
# the broker delivers it again after a restart. The queue's messages are not interchangeable with the
# Micro Integrator's: a message it did not write is acknowledged and dropped with a warning, as JmsConsumer
# drops a message that is not an ObjectMessage.
class JmsMessageStore {
    private final string name;
    private final jms:Connection connection;
    private final jms:Destination queue;
    private final jms:Session session;
    private final jms:MessageProducer producer;
    # One consumer per message processor that reads the store (`consumer`), as JmsStore.getConsumer opens a
    # connection, session and consumer for each: the queue's consumers compete, so each message goes to one of them.
    private final map<JmsStoreConsumer> consumers = {};

    function init(string name, jms:Connection connection, string queue) returns error? {
        self.name = name;
        self.connection = connection;
        jms:Destination destination = {'type: jms:QUEUE, name: queue};
        self.queue = destination;
        jms:Session session = check connection->createSession(jms:AUTO_ACKNOWLEDGE);
        self.session = session;
        self.producer = check session.createProducer(destination);
    }

    # Stores a copy of the message, as the store mediator does. When the queue cannot take it, the message
    # goes to the `failover` store when there is one (guaranteed delivery); otherwise the status becomes 500
    # and the flow fails with Synapse's message (its fault handler then sets ERROR_MESSAGE).
    function store(Context ctx, MessageQueue? failover = ()) returns error? {
        // OrigMessageID (JmsProducer's OriginalMessageID constant) is the ID of the clone the store mediator hands to the
        // store, not the flow's.
        string cloneId = "urn:uuid:" + uuid:createType4AsString();
        handle|error sent = jmsSend({session: self.session, producer: self.producer}, {content: storedMessageText(ctx, "urn:uuid:" + uuid:createType4AsString()), properties: {"OrigMessageID": cloneId}});
        if sent is handle {
            ctx.ack.skipped = true; // As `MessageQueue.store` says.
            return;
        }
        if failover is MessageQueue {
            failover.store(ctx);
            return;
        }
        // MessageStoreMediator sets HTTP_SC as a default-scope property, which a fault sequence reads.
        ctx.properties["HTTP_SC"] = 500;
        ctx.statusCode = 500;
        return error(string `Failed to store message [${ctx.messageId}] in store [${self.name}].`, sent);
    }

    # The consumer of message processor `processor`, made at its first use and kept.
    function consumer(string processor) returns JmsStoreConsumer {
        lock {
            JmsStoreConsumer? known = self.consumers[processor];
            if known is JmsStoreConsumer {
                return known;
            }
            JmsStoreConsumer created = new (self.name, self.connection, self.queue);
            self.consumers[processor] = created;
            return created;
        }
    }

    # The oldest message, left in the queue (the store's one processor's consumer): see `JmsStoreConsumer.peek`.
    function peek() returns Context? => self.consumer("").peek();

    # Removes and returns the oldest message: see `JmsStoreConsumer.take`.
    function take() returns Context? => self.consumer("").take();

    # Removes the oldest message: see `JmsStoreConsumer.remove`.
    function remove() {
        self.consumer("").remove();
    }
}

# A message processor's consumer of a JMS message store: its own CLIENT_ACKNOWLEDGE session and consumer, and the
# message it has received and not yet removed (JmsConsumer).
class JmsStoreConsumer {
    private final string name;
    private final jms:Connection connection;
    private final jms:Destination queue;
    private jms:Session? session = ();
    private jms:MessageConsumer? consumer = ();
    private jms:Message? received = ();

    function init(string name, jms:Connection connection, jms:Destination queue) {
        self.name = name;
        self.connection = connection;
        self.queue = queue;
    }

    # The oldest message, left in the queue: a forwarding processor removes it once delivered. `()` when
    # the queue has none within a second (JmsConsumer waits as long) or cannot be read (logged).
    function peek() returns Context? {
        lock {
            return self.next();
        }
    }

    # Removes and returns the oldest message, as a sampling processor takes it.
    function take() returns Context? {
        lock {
            Context? ctx = self.next();
            if ctx is Context {
                self.acknowledge();
            }
            return ctx;
        }
    }

    # Removes the oldest message (delivered, or dropped after the last attempt).
    function remove() {
        lock {
            self.acknowledge();
        }
    }

    # The oldest message (read again while it is not removed); a message this package did not write is
    # acknowledged and skipped.
    function next() returns Context? {
        Context? found = ();
        boolean skipped = true;
        while skipped {
            skipped = false;
            jms:Message? cached = self.received;
            jms:Message message;
            if cached is jms:Message {
                message = cached;
            } else {
                jms:Message|error? received = self.receive();
                if received is error {
                    log:printError(string `Message store '${self.name}' cannot read its JMS queue`, 'error = received);
                    return ();
                }
                if received is () {
                    return ();
                }
                message = received;
                self.received = received;
            }
            Context|error ctx = message is jms:TextMessage ? restoreMessage(message.content) : error("not a text message");
            if ctx is Context {
                found = ctx;
            } else {
                log:printWarn(string `Message store '${self.name}' dropped a message it did not store`, 'error = ctx);
                self.acknowledge();
                skipped = true;
            }
        }
        return found;
    }

    function receive() returns jms:Message|error? {
        jms:MessageConsumer? consumer = self.consumer;
        if consumer is jms:MessageConsumer {
            return consumer->receive(1000);
        }
        jms:Session session = check self.connection->createSession(jms:CLIENT_ACKNOWLEDGE);
        jms:MessageConsumer created = check session.createConsumer(destination = self.queue);
        self.session = session;
        self.consumer = created;
        return created->receive(1000);
    }

    # Closes the consumer and its session, as ScheduledMessageProcessor.deactivate does (cleanupLocalResources): the
    # message it received and did not remove goes back to the queue, for the store's other processors.
    function close() {
        lock {
            jms:MessageConsumer? consumer = self.consumer;
            jms:Session? session = self.session;
            self.consumer = ();
            self.session = ();
            self.received = ();
            if consumer is jms:MessageConsumer {
                jms:Error? closed = consumer->close();
                if closed is jms:Error {
                    log:printError(string `Message store '${self.name}' could not close a processor's consumer`, 'error = closed);
                }
            }
            if session is jms:Session {
                jms:Error? closed = session->close();
                if closed is jms:Error {
                    log:printError(string `Message store '${self.name}' could not close a processor's session`, 'error = closed);
                }
            }
        }
    }

    function acknowledge() {
        jms:Message? message = self.received;
        jms:MessageConsumer? consumer = self.consumer;
        self.received = ();
        if message is jms:Message && consumer is jms:MessageConsumer {
            jms:Error? acknowledged = consumer->acknowledge(message);
            if acknowledged is jms:Error {
                log:printError(string `Message store '${self.name}' could not acknowledge a message: the broker may deliver it again`, 'error = acknowledged);
            }
        }
    }
}

# A message store kept in a RabbitMQ queue (Synapse's RabbitMQStore), with the same operations as `MessageQueue`.
# At start-up it declares the queue durable (neither exclusive nor auto-delete) and, with an exchange, declares
# that exchange (direct and durable, unless its name starts with "amq.") and binds the queue to it with the routing
# key, as RabbitMQStore.init does; a declaration that fails is logged and tried again before the next publish.
# Storing publishes `storedMessageText` to the exchange (the default one without) with the routing key (the
# queue's name without one). Processors read with a client of their own (`consumer`), made on first use, with
# `basicGet` without acknowledging, as RabbitMQConsumer does: the message read stays unacknowledged, and is read
# again, until it is removed; the broker delivers it again once that client is closed. The queue's messages are
# not interchangeable with the Micro Integrator's: a message this package did not write is logged and put back
# (its processors make no progress until it is removed), as RabbitMQConsumer cannot deserialize it either.
class RabbitMqMessageStore {
    private final string name;
    private final string host;
    private final int port;
    private final rabbitmq:ConnectionConfiguration & readonly connection;
    private final string queue;
    private final string exchange;
    private final string routingKey;
    # The publishing channel; `()` after a failed publish, which closes it: the next store makes a new one, as
    # RabbitMQProducer drops its channel and connection on a failure.
    private rabbitmq:Client? producer = ();
    private boolean declared = false;
    # One consumer per message processor that reads the store (`consumer`), as RabbitMQStore.getConsumer opens a
    # connection and channel for each: the queue's consumers compete, so each message goes to one of them.
    private final map<RabbitMqStoreConsumer> consumers = {};

    function init(string name, string host, int port, rabbitmq:ConnectionConfiguration connection, string queue,
            string exchange = "", string? routingKey = ()) returns error? {
        self.name = name;
        self.host = host;
        self.port = port;
        self.connection = connection.cloneReadOnly();
        self.queue = queue;
        self.exchange = exchange;
        self.routingKey = routingKey ?: queue;
        rabbitmq:Client producer = check new (host, port, self.connection);
        self.producer = producer;
        error? declared = self.declare(producer);
        if declared is error {
            log:printWarn(string `Message store '${name}' could not declare its queue: it tries again before publishing`, 'error = declared);
        }
    }

    function declare(rabbitmq:Client producer) returns error? {
        check producer->queueDeclare(self.queue, {durable: true, exclusive: false, autoDelete: false});
        if self.exchange != "" {
            if !self.exchange.startsWith("amq.") {
                check producer->exchangeDeclare(self.exchange, rabbitmq:DIRECT_EXCHANGE, {durable: true, autoDelete: false});
            }
            check producer->queueBind(self.queue, self.exchange, self.routingKey);
        }
        self.declared = true;
    }

    # Stores a copy of the message, as the store mediator does. When the queue cannot take it, the message
    # goes to the `failover` store when there is one; otherwise the status becomes 500 and the flow fails with
    # Synapse's message (its fault handler then sets ERROR_MESSAGE).
    function store(Context ctx, MessageQueue? failover = ()) returns error? {
        error? sent;
        lock {
            // The AMQP message id is the Synapse message's ID (RabbitMQProducer.getBasicProperties: synCtx.getMessageID());
            // the stored message itself gets a new one (MessageConverter.toStorableMessage).
            sent = self.publish(storedMessageText(ctx, "urn:uuid:" + uuid:createType4AsString()), ctx.messageId, storedPriority(ctx));
        }
        if sent is () {
            ctx.ack.skipped = true; // As `MessageQueue.store` says.
            return;
        }
        if failover is MessageQueue {
            failover.store(ctx);
            return;
        }
        // MessageStoreMediator sets HTTP_SC as a default-scope property, which a fault sequence reads.
        ctx.properties["HTTP_SC"] = 500;
        ctx.statusCode = 500;
        return error(string `Failed to store message [${ctx.messageId}] in store [${self.name}].`, sent);
    }

    # Publishes as RabbitMQProducer.getBasicProperties does: the Synapse message's ID as the message id, delivery mode 2
    # (persistent, MessageProperties.MINIMAL_PERSISTENT_BASIC) and its priority; no content type, correlation id or
    # headers. ballerinax/rabbitmq's `publishMessage` sets none of these, so the message goes out on the client's own
    # channel through the RabbitMQ Java client (`rabbitMqPublish`).
    function publish(string message, string messageId, int priority) returns error? {
        rabbitmq:Client producer;
        rabbitmq:Client? current = self.producer;
        if current is rabbitmq:Client {
            producer = current;
        } else {
            producer = check new (self.host, self.port, self.connection);
            self.producer = producer;
        }
        if !self.declared {
            error? declared = self.declare(producer);
            if declared is error {
                log:printWarn(string `Message store '${self.name}' could not declare its queue`, 'error = declared);
            }
        }
        // trap: a channel the broker closed throws an exception Java interop does not turn into an error (RabbitMQProducer
        // catches it and fails the store).
        error? published = trap rabbitMqPublish(producer, self.exchange, self.routingKey, message, messageId, priority);
        if published is error {
            self.producer = ();
            rabbitmq:Error? aborted = producer->'abort();
            if aborted is rabbitmq:Error {
                log:printWarn(string `Message store '${self.name}' could not close its failed connection`, 'error = aborted);
            }
            return published;
        }
    }

    # The consumer of message processor `processor`, made at its first use and kept.
    function consumer(string processor) returns RabbitMqStoreConsumer {
        lock {
            RabbitMqStoreConsumer? known = self.consumers[processor];
            if known is RabbitMqStoreConsumer {
                return known;
            }
            RabbitMqStoreConsumer created = new (self.name, self.host, self.port, self.connection, self.queue);
            self.consumers[processor] = created;
            return created;
        }
    }

    # The oldest message, left in the queue (the store's one processor's consumer): see `RabbitMqStoreConsumer.peek`.
    function peek() returns Context? => self.consumer("").peek();

    # Removes and returns the oldest message: see `RabbitMqStoreConsumer.take`.
    function take() returns Context? => self.consumer("").take();

    # Removes the oldest message: see `RabbitMqStoreConsumer.remove`.
    function remove() {
        self.consumer("").remove();
    }
}

# The priority RabbitMQProducer gives a stored message: MessageConverter.toStorableMessage takes the default-scope
# property JMS_PRIORITY (an int, or a string Integer.parseInt reads), else RabbitMQProducer's default 0.
function storedPriority(Context ctx) returns int {
    anydata priority = ctx.properties["JMS_PRIORITY"];
    if priority is int {
        return priority;
    }
    if priority is string {
        int|error parsed = int:fromString(priority);
        if parsed is int && parsed >= -2147483648 && parsed <= 2147483647 {
            return parsed;
        }
    }
    return 0;
}

# `basicPublish` on the channel of `producer` (the RabbitMQ Java client's Channel, which ballerinax/rabbitmq keeps as
# the client object's native data `rabbitmq_channel_object`) with the properties RabbitMQProducer sets: `messageId`,
# delivery mode 2 and `priority`. The body is the text's UTF-8 bytes, to `exchange` ("" the default exchange) with
# `routingKey`.
function rabbitMqPublish(rabbitmq:Client producer, string exchange, string routingKey, string body, string messageId, int priority) returns error? {
    handle channel = javaNativeData(javaObjectHandle(producer), java:fromString("rabbitmq_channel_object"));
    handle builder = javaRabbitBasicPropertiesBuilder(javaRabbitMinimalPersistentBasic());
    builder = javaRabbitBuilderMessageId(builder, java:fromString(messageId));
    builder = javaRabbitBuilderPriority(builder, javaIntegerValueOf(priority));
    handle bytes = check javaStringBytes(java:fromString(body), java:fromString("UTF-8"));
    check javaRabbitBasicPublish(channel, java:fromString(exchange), java:fromString(routingKey), javaRabbitBuild(builder), bytes);
}

function javaRabbitMinimalPersistentBasic() returns handle = @java:FieldGet {
    'class: "com.rabbitmq.client.MessageProperties",
    name: "MINIMAL_PERSISTENT_BASIC"
} external;

function javaRabbitBasicPropertiesBuilder(handle properties) returns handle = @java:Method {
    'class: "com.rabbitmq.client.AMQP$BasicProperties",
    name: "builder"
} external;

function javaRabbitBuilderMessageId(handle builder, handle messageId) returns handle = @java:Method {
    'class: "com.rabbitmq.client.AMQP$BasicProperties$Builder",
    name: "messageId",
    paramTypes: ["java.lang.String"]
} external;

function javaRabbitBuilderPriority(handle builder, handle priority) returns handle = @java:Method {
    'class: "com.rabbitmq.client.AMQP$BasicProperties$Builder",
    name: "priority",
    paramTypes: ["java.lang.Integer"]
} external;

function javaRabbitBuild(handle builder) returns handle = @java:Method {
    'class: "com.rabbitmq.client.AMQP$BasicProperties$Builder",
    name: "build"
} external;

function javaIntegerValueOf(int value) returns handle = @java:Method {
    'class: "java.lang.Integer",
    name: "valueOf",
    paramTypes: ["int"]
} external;

function javaRabbitBasicPublish(handle channel, handle exchange, handle routingKey, handle properties, handle body) returns error? = @java:Method {
    'class: "com.rabbitmq.client.Channel",
    name: "basicPublish",
    paramTypes: ["java.lang.String", "java.lang.String", "com.rabbitmq.client.AMQP$BasicProperties", {'class: "byte", dimensions: 1}]
} external;

# A message processor's consumer of a RabbitMQ message store: its own channel (connection and channel), and the
# message it has received and not yet acknowledged (RabbitMQConsumer's cached message).
class RabbitMqStoreConsumer {
    private final string name;
    private final string host;
    private final int port;
    private final rabbitmq:ConnectionConfiguration & readonly connection;
    private final string queue;
    private rabbitmq:Client? amqp = ();
    private rabbitmq:BytesMessage? received = ();

    function init(string name, string host, int port, rabbitmq:ConnectionConfiguration & readonly connection, string queue) {
        self.name = name;
        self.host = host;
        self.port = port;
        self.connection = connection;
        self.queue = queue;
    }

    # The oldest message, left in the queue: a forwarding processor removes it once delivered. `()` when the
    # queue has none or cannot be read (logged).
    function peek() returns Context? {
        lock {
            return self.next();
        }
    }

    # Removes and returns the oldest message, as a sampling processor takes it.
    function take() returns Context? {
        lock {
            Context? ctx = self.next();
            if ctx is Context {
                self.acknowledge();
            }
            return ctx;
        }
    }

    # Removes the oldest message (delivered, or dropped after the last attempt).
    function remove() {
        lock {
            self.acknowledge();
        }
    }

    # The message received and not yet removed, else the next one the queue holds (`basicGet` without
    # acknowledging, as RabbitMQConsumer.receive reads it).
    function next() returns Context? {
        rabbitmq:BytesMessage? cached = self.received;
        if cached is rabbitmq:BytesMessage {
            // Restored again: the processor may have changed the copy it had.
            Context|error ctx = restoreBytes(cached.content);
            return ctx is Context ? ctx : ();
        }
        rabbitmq:Client|error amqp = self.connect();
        if amqp is error {
            log:printError(string `Message store '${self.name}' cannot connect to its broker`, 'error = amqp);
            return ();
        }
        rabbitmq:BytesMessage|rabbitmq:Error message = amqp->consumeMessage(self.queue, false);
        if message is rabbitmq:Error {
            // consumeMessage reports an empty queue as an error with this message.
            if !message.message().startsWith("No messages are found") {
                log:printError(string `Message store '${self.name}' cannot read its RabbitMQ queue`, 'error = message);
                self.close();
            }
            return ();
        }
        Context|error ctx = restoreBytes(message.content);
        if ctx is error {
            log:printError(string `Message store '${self.name}' cannot read a message it did not store: it stays in the queue, remove it`, 'error = ctx);
            rabbitmq:Error? returned = amqp->basicNack(message, requeue = true);
            if returned is rabbitmq:Error {
                log:printError(string `Message store '${self.name}' could not put the message back`, 'error = returned);
            }
            return ();
        }
        self.received = message;
        return ctx;
    }

    function connect() returns rabbitmq:Client|error {
        rabbitmq:Client? amqp = self.amqp;
        if amqp is rabbitmq:Client {
            return amqp;
        }
        rabbitmq:Client created = check new (self.host, self.port, self.connection);
        self.amqp = created;
        return created;
    }

    # Closes the consumer's channel, as ScheduledMessageProcessor.deactivate does (RabbitMQConsumer.cleanup): the
    # message it received and did not remove goes back to the queue, for the store's other processors.
    function close() {
        lock {
            rabbitmq:Client? amqp = self.amqp;
            self.amqp = ();
            self.received = ();
            if amqp is rabbitmq:Client {
                rabbitmq:Error? closed = amqp->'abort();
                if closed is rabbitmq:Error {
                    log:printError(string `Message store '${self.name}' could not close a processor's connection`, 'error = closed);
                }
            }
        }
    }

    function acknowledge() {
        rabbitmq:BytesMessage? message = self.received;
        rabbitmq:Client? amqp = self.amqp;
        self.received = ();
        if message is rabbitmq:BytesMessage && amqp is rabbitmq:Client {
            rabbitmq:Error? acknowledged = amqp->basicAck(message);
            if acknowledged is rabbitmq:Error {
                log:printError(string `Message store '${self.name}' could not acknowledge a message: the broker may deliver it again`, 'error = acknowledged);
            }
        }
    }
}

# The message a RabbitMQ store published (`storedMessageText` as UTF-8 bytes); an error for any other body.
function restoreBytes(byte[] body) returns Context|error => restoreMessage(check string:fromBytes(body));

# A message store kept in a database table (Synapse's JDBCMessageStore, semantics §9), with the same
# operations as `MessageQueue`, on JDBCMessageStore's table layout (indexId, an auto-increment key; msg_id;
# message). Storing inserts the message id and `storedMessageText` as UTF-8 bytes. Processors read the row
# with the lowest indexId, as JDBCMessageStore.peek does, and removing deletes the rows of that message's id,
# as JDBCConsumer.ack does. A row this package did not write (the Micro Integrator's Java-serialized
# StorableMessage) cannot be read: it is logged and left in the table, and the processors make no progress
# until it is removed, as the Micro Integrator's consumer fails on a row it cannot deserialize. Its database
# connection is made on first use and again after a failure (`DbConnection`), as JDBCConfiguration.buildDataSource
# makes a pooled data source that connects on use: a database that is down fails the stores and reads, not the module.
class JdbcMessageStore {
    private final string name;
    private final DbConnection db;
    private final string tableName;
    # The msg_id of the message the last read returned: `remove()` deletes it.
    private string? current = ();

    function init(string name, DbConnection db, string tableName) {
        self.name = name;
        self.db = db;
        self.tableName = tableName;
    }

    # Stores a copy of the message, as the store mediator does. When the table cannot take it, the message
    # goes to the `failover` store when there is one; otherwise the status becomes 500 and the flow fails
    # with Synapse's message (its fault handler then sets ERROR_MESSAGE).
    function store(Context ctx, MessageQueue? failover = ()) returns error? {
        // The row's msg_id is the stored message's new ID (JDBCMessageStore.getStoreMessageStatement).
        string messageId = "urn:uuid:" + uuid:createType4AsString();
        byte[] message = storedMessageText(ctx, messageId).toBytes();
        sql:ParameterizedQuery statement = sql:queryConcat(sqlText(string `INSERT INTO ${self.tableName} (msg_id, message) VALUES (`), `${messageId}, ${message})`);
        jdbc:Client|error db = self.db.jdbcClient();
        sql:ExecutionResult|error inserted = db is error ? db : db->execute(statement);
        if inserted is sql:ExecutionResult {
            ctx.ack.skipped = true; // As `MessageQueue.store` says.
            return;
        }
        if failover is MessageQueue {
            failover.store(ctx);
            return;
        }
        // MessageStoreMediator sets HTTP_SC as a default-scope property, which a fault sequence reads.
        ctx.properties["HTTP_SC"] = 500;
        ctx.statusCode = 500;
        return error(string `Failed to store message [${ctx.messageId}] in store [${self.name}].`, inserted);
    }

    # The oldest message, left in the table: a forwarding processor removes it once delivered. `()` when the
    # table has none or cannot be read (logged).
    function peek() returns Context? {
        lock {
            return self.next();
        }
    }

    # Removes and returns the oldest message, as a sampling processor takes it.
    function take() returns Context? {
        lock {
            Context? ctx = self.next();
            if ctx is Context {
                self.deleteCurrent();
            }
            return ctx;
        }
    }

    # Removes the message the last read returned (delivered, or dropped after the last attempt).
    function remove() {
        lock {
            self.deleteCurrent();
        }
    }

    function next() returns Context? {
        self.current = ();
        sql:ParameterizedQuery query = sqlText(string `SELECT msg_id, message FROM ${self.tableName} WHERE indexId = (SELECT MIN(indexId) FROM ${self.tableName})`);
        jdbc:Client|error db = self.db.jdbcClient();
        if db is error {
            log:printError(string `Message store '${self.name}' cannot read its table`, 'error = db);
            return ();
        }
        stream<record {}, sql:Error?> rows = db->query(query);
        record {|record {} value;|}|sql:Error? first = rows.next();
        sql:Error? closed = rows.close();
        if first is sql:Error {
            log:printError(string `Message store '${self.name}' cannot read its table`, 'error = first);
            return ();
        }
        if closed is sql:Error {
            log:printWarn(string `Message store '${self.name}' could not close a query`, 'error = closed);
        }
        if first is () {
            return ();
        }
        anydata id = columnIgnoringCase(first.value, "msg_id");
        anydata message = columnIgnoringCase(first.value, "message");
        string|error text = message is byte[] ? string:fromBytes(message) : message is string ? message : error("the message column is empty");
        Context|error ctx = text is string ? restoreMessage(text) : text;
        if ctx is error {
            log:printError(string `Message store '${self.name}' cannot read the message [${id.toString()}] it did not store: remove it from the table`, 'error = ctx);
            return ();
        }
        self.current = id is string ? id : ctx.messageId;
        return ctx;
    }

    function deleteCurrent() {
        string? id = self.current;
        self.current = ();
        if id is () {
            return;
        }
        sql:ParameterizedQuery statement = sql:queryConcat(sqlText(string `DELETE FROM ${self.tableName} WHERE msg_id = `), `${id}`);
        jdbc:Client|error db = self.db.jdbcClient();
        sql:ExecutionResult|error deleted = db is error ? db : db->execute(statement);
        if deleted is error {
            log:printError(string `Message store '${self.name}' could not remove message [${id}]: it will be read again`, 'error = deleted);
        }
    }
}

# A query holding SQL text with no parameters (a table name is no parameter).
function sqlText(string text) returns sql:ParameterizedQuery {
    sql:ParameterizedQuery query = ``;
    query.strings = [text];
    return query;
}

# A query from its SQL text parts and the parameters between them, for SQL a raw template cannot hold as text (a
# MySQL backtick-quoted name, a `${`): ballerina/sql reads any `sql:ParameterizedQuery` by its `strings` and
# `insertions`, as it reads a template's (Utils.getParameterizedSQLQuery: each string, then `?` for its insertion).
class SqlQuery {
    *sql:ParameterizedQuery;
    public final string[] & readonly strings;
    public sql:Value[] insertions;

    function init(string[] & readonly strings, sql:Value[] insertions) {
        self.strings = strings;
        self.insertions = insertions;
    }
}

# The value of a row's column, its name matched ignoring case as JDBC matches column labels; `()` when the row
# has no such column.
function columnIgnoringCase(record {} row, string column) returns anydata {
    foreach [string, anydata] [key, value] in row.entries() {
        if key.equalsIgnoreCaseAscii(column) {
            return value;
        }
    }
    return ();
}

# One delivery attempt of a forwarding message processor (Synapse's ForwardingService): the stored message is
# sent to the endpoint through Synapse's blocking sender (ForwardingService sets BLOCKING_MSG_SENDER and calls
# `endpoint.send`), as `callBlocking` sends: the URL postfix appended as for any REST call, a 2xx status, 400, 409,
# 500 or one of the endpoint's `non.error.http.status.codes` (`nonErrorCodes`; without them the processor's
# `non.retry.status.codes`, which ForwardingService sets as the message's NON_ERROR_HTTP_STATUS_CODES) read as the response (the message
# stays the request with the response's body and status); any other status, or a transport failure, fails the
# send with the blocking sender's ERROR_CODE (the status, or 401002), ERROR_MESSAGE and an empty ERROR_DETAIL,
# written over what the stored message held (BLOCKING_SENDER_ERROR: a failed attempt). A response is delivered
# when its status is 2xx or one of the processor's `non.retry.status.codes` (ForwardingService.validateResponse);
# any other is a failed attempt.
# A SOAP fault response fails the attempt when the stored message's FORCE_ERROR_ON_SOAP_FAULT is "true"
# (`failOnBlockingSoapFault`: BlockingMsgSenderUtils.fillClientOptions reads the property on every blocking send).
# With `state` (the endpoint's suspension settings) the attempt goes through the endpoint's `EndpointState` as a
# blocking call does: AddressEndpoint.send refuses it while the endpoint is not ready (ERROR_CODE 303001, a failed
# attempt that never reaches the backend) and the blocking sender hands the result to the endpoint's onFault /
# onSuccess.
# The stored message's transport headers go to the endpoint as a blocking call sends them (`headers`,
# `passThroughHeaders` unless the processor names another): the store keeps them with the message.
# An http endpoint's uri-template expanded for each forwarded message (`template`, see `ForwardTemplate`).
function forwardAttempt(Context ctx, http:ClientObject endpoint, int[] nonRetryCodes = [], EndpointFormat? format = (),
        int[] nonErrorCodes = [], EndpointState? state = (), ForwardTemplate? template = (), string? url = (),
        function (Context ctx, http:Request request) headers = passThroughHeaders) returns boolean {
    string|error path = forwardPath(ctx, template, url, format);
    if path is error {
        return forwardOutcome(ctx, blockingFault(ctx, path.message(), 401002), nonRetryCodes);
    }
    return forwardAttemptTo(ctx, endpoint, path, template?.method, nonRetryCodes, format, nonErrorCodes, state, headers);
}

# `forwardAttempt` to a path already expanded, with the endpoint's method (`()`: the stored message's own).
function forwardAttemptTo(Context ctx, http:ClientObject endpoint, string path, string? method, int[] nonRetryCodes, EndpointFormat? format,
        int[] nonErrorCodes, EndpointState? state, function (Context ctx, http:Request request) headers) returns boolean {
    if state is EndpointState && endpointReady(ctx, state) is error {
        return false;
    }
    error? sent = callBlocking(ctx, endpoint, path, method, format = format, nonErrorCodes = forwardReadCodes(nonErrorCodes, nonRetryCodes), soapFault = !forwardOutOnly(ctx), headers = headers);
    if state is EndpointState {
        sent = endpointCalled(state, sent);
    }
    return forwardOutcome(ctx, sent, nonRetryCodes);
}

# The uri-template of an http endpoint a forwarding processor sends to. ForwardingService sends through
# `endpoint.send`, so HTTPEndpoint expands its template for each stored message (executeEpTypeSpecificFunctions,
# also run by BlockingMsgSender.send) from the message's `uri.var.*` and `query.param.*` properties, which the stores
# keep (a string property survives a JMS or JDBC store, MessageConverter.toStorableMessage; the in-memory store keeps
# them all), and sends with the endpoint's method (`method`; without one the message's own, and the URL postfix of a
# REST request joined as for an address). `template` is the path after the client's base URL, or, for an endpoint whose
# template takes the scheme, host or port from the message (`UrlTemplateEndpoint`), the whole URL. `bound` holds the
# endpoint's own `uri.var.*` and `query.param.*` properties, which resolveUrlTemplate puts into the variables after the
# message's (`()` for one whose value is no literal, which leaves the variable undefined).
type ForwardTemplate record {|
    string template;
    string? method = ();
    map<string?> bound = {};
|};

# An http endpoint whose uri-template takes the scheme, host or port from the message, as a forwarding processor
# sends to it: the name and configuration `urlTemplateClient` keeps its clients by, and its whole template.
type UrlTemplateEndpoint record {|
    string name;
    http:ClientConfiguration config;
    ForwardTemplate template;
|};

# The path a forwarding attempt sends to: the URL postfix of a REST request without a template, as for an address;
# else the expanded template, the postfix joined when the endpoint has no method (`withRestPostfix`).
function forwardPath(Context ctx, ForwardTemplate? template, string? url = (), EndpointFormat? format = ()) returns string|error {
    if template is () {
        // An address endpoint: the postfix joined to the client's URL as Axis2FlexibleMEPClient joins them (`clientPath`);
        // with format="get" the stored payload's fields as its query (`formGetPath`; a group adds them in `callGroup`).
        string path = url is string ? clientPath(url, restPostfix(ctx, format)) : restPostfix(ctx, format);
        return format == "get" && url is string ? formGetPath(ctx, url, path) : path;
    }
    string expanded = check expandUriTemplate(ctx, template.template, false, template.bound);
    return template.method is () ? withRestPostfix(expanded, restPostfix(ctx, format)) : expanded;
}

# `forwardAttempt` to an http endpoint whose uri-template takes the scheme, host or port from the message: the whole
# template expanded from the stored message (`expandUriTemplate`), the client kept for the URL's base
# (`urlTemplateClient`). An expansion that is not an absolute HTTP(S) URL fails the attempt with 401002, as the
# blocking sender finds no transport for it.
function forwardAttemptUrl(Context ctx, UrlTemplateEndpoint endpoint, int[] nonRetryCodes = [], EndpointFormat? format = (),
        int[] nonErrorCodes = [], EndpointState? state = (), function (Context ctx, http:Request request) headers = passThroughHeaders) returns boolean {
    ForwardTemplate template = endpoint.template;
    string|error url = expandUriTemplate(ctx, template.template, true, template.bound);
    if url is string && template.method is () {
        url = withRestPostfix(url, restPostfix(ctx, format));
    }
    [http:Client, string]|error target = url is string ? urlTemplateClient(endpoint.name, url, endpoint.config) : url;
    if target is error {
        return forwardOutcome(ctx, blockingFault(ctx, target.message(), 401002), nonRetryCodes);
    }
    return forwardAttemptTo(ctx, target[0], target[1], template.method, nonRetryCodes, format, nonErrorCodes, state, headers);
}

# HTTPEndpoint.resolveUrlTemplate at run time (RFC 6570 level 2, the subset the converter accepts): `{x}` is the
# message's property `x` percent-encoded (`pathValue`), `{+x}` with reserved characters kept (`reservedValue`); only `uri.var.*` and
# `query.param.*` properties are variables, an unset one expands to nothing, and a message holding no such property
# at all gets the template unexpanded, as HTTPEndpoint returns it then. A whole template (`whole`) that starts with
# `{` (not `{+`) is rewritten to start with `{+`, as HTTPEndpoint rewrites it before it expands or returns it: expanded
# as a reserved expansion (a space is still `%20`), and returned unexpanded with the `{+`. The endpoint's own variables
# (`bound`) take the place of the message's properties of their names, and with any the template is always expanded.
function expandUriTemplate(Context ctx, string template, boolean whole, map<string?> bound = {}) returns string|error {
    if bound.length() == 0 && !uriVariablesSet(ctx) {
        return whole && template.startsWith("{") && !template.startsWith("{+") ? "{+" + template.substring(1) : template;
    }
    string result = "";
    int index = 0;
    while index < template.length() {
        int? open = template.indexOf("{", index);
        if open is () {
            result += template.substring(index);
            break;
        }
        int? close = template.indexOf("}", open);
        if close is () {
            return error(string `the uri-template '${template}' has an unclosed '{'`);
        }
        result += template.substring(index, open);
        string name = template.substring(open + 1, close);
        boolean operator = name.startsWith("+");
        if operator {
            name = name.substring(1);
        }
        anydata value = bound.hasKey(name) ? bound[name] : ctx.properties[name];
        if value !is () {
            string text = propertyText(value, "");
            result += operator || (whole && open == 0) ? check reservedValue(text) : check pathValue(text);
        }
        index = close + 1;
    }
    return result;
}

# Whether the message holds a property HTTPEndpoint.resolveUrlTemplate binds as a uri-template variable (a
# `uri.var.*` or `query.param.*` one): without any, it sends the template unexpanded.
function uriVariablesSet(Context ctx) returns boolean {
    foreach [string, anydata] [key, value] in ctx.properties.entries() {
        if value !is () && (key.startsWith("uri.var.") || key.startsWith("query.param.")) {
            return true;
        }
    }
    return false;
}

# An http endpoint's uri-template: `expanded` from the message's properties (an unset variable expands to nothing,
# RFC 6570), or the template as written (`written`) when the message holds no `uri.var.*` or `query.param.*` property
# at all, as HTTPEndpoint.resolveUrlTemplate returns the template unexpanded when it binds no variable.
function uriTemplateText(Context ctx, string expanded, string written) returns string =>
    uriVariablesSet(ctx) ? expanded : written;

# Whether a stored message is forwarded out-only: ForwardingService tests "true".equals(OUT_ONLY), the string "true"
# only, not a typed boolean. The blocking sender then sends it out-only (sendRobust): a SOAP fault answer fails
# nothing (no FORCE_ERROR_ON_SOAP_FAULT check), the status alone is judged and the reply sequence does not run.
function forwardOutOnly(Context ctx) returns boolean => ctx.properties["OUT_ONLY"] == "true";

# Whether a failed forwarding attempt runs the fault sequence: always for a message that is not out-only
# (handleFailedInvocations); for an out-only one only when the send failed (BLOCKING_SENDER_ERROR "true": ForwardingService
# throws), not when a status read fails validation (onForwardFailure only logs).
function forwardFaultRuns(Context ctx) returns boolean => !forwardOutOnly(ctx) || ctx.properties["BLOCKING_SENDER_ERROR"] == "true";

# `forwardAttempt` to an endpoint with `enableAddressing` (`wsAddressing`, its version, and `wsaTo`, its URL; `()` for
# an endpoint without it): the header blocks are added (`callBlockingAddressed`) only when the stored message's
# PRESERVE_WS_ADDRESSING is "true" (in any case, as Boolean.parseBoolean reads it).
function forwardAttemptAddressed(Context ctx, http:ClientObject endpoint, int[] nonRetryCodes = [], EndpointFormat? format = (),
        int[] nonErrorCodes = [], EndpointState? state = (), WsAddressing? wsAddressing = (), string wsaTo = "",
        ForwardTemplate? template = (), string? url = (), function (Context ctx, http:Request request) headers = passThroughHeaders) returns boolean {
    if wsAddressing is () || !preservesWsAddressing(ctx) {
        return forwardAttempt(ctx, endpoint, nonRetryCodes, format, nonErrorCodes, state, template, url, headers);
    }
    if state is EndpointState && endpointReady(ctx, state) is error {
        return false;
    }
    string|error path = forwardPath(ctx, template, url, format);
    if path is error {
        return forwardOutcome(ctx, blockingFault(ctx, path.message(), 401002), nonRetryCodes);
    }
    error? sent = callBlockingAddressed(ctx, endpoint, path, format, forwardReadCodes(nonErrorCodes, nonRetryCodes), wsAddressing, wsaTo, soapFault = !forwardOutOnly(ctx), method = template?.method, headers = headers);
    if state is EndpointState {
        sent = endpointCalled(state, sent);
    }
    return forwardOutcome(ctx, sent, nonRetryCodes);
}

# `forwardAttempt` to a failover or loadbalance endpoint: ForwardingService's `endpoint.send` reaches the group, which
# sends to its members with the blocking sender (`callGroup` with `blocking`): each member's state, the next member
# after a failed one, 303000 when none is ready.
function forwardAttemptGroup(Context ctx, EndpointGroup group, int[] nonRetryCodes = [], EndpointFormat? format = (),
        int[] nonErrorCodes = [], function (Context ctx, http:Request request) headers = passThroughHeaders) returns boolean
    => forwardOutcome(ctx, callGroup(ctx, group, restPostfix(ctx, format), format = format, soapFault = !forwardOutOnly(ctx), blocking = true, nonErrorCodes = forwardReadCodes(nonErrorCodes, nonRetryCodes), headers = headers), nonRetryCodes);

# The statuses the blocking sender reads as a response during a forwarding attempt: ForwardingService sets the
# processor's `non.retry.status.codes` as the message's NON_ERROR_HTTP_STATUS_CODES before each attempt
# (updateAxis2MessageContext), and the endpoint's own `non.error.http.status.codes` property, set when the endpoint
# sends, replaces them.
function forwardReadCodes(int[] endpointCodes, int[] nonRetryCodes) returns int[] => endpointCodes.length() > 0 ? endpointCodes : nonRetryCodes;

# Whether a forwarding attempt delivered the message: a response whose status is 2xx or a non-retry one. A failed
# blocking send has recorded its ERROR_* properties (`blockingFault`), a refused one its 303001 / 303000
# (`endpointReady`, `callGroup`); any other failure (a body that cannot be written) is recorded as the flow records it.
# The blocking sender sets BLOCKING_SENDER_ERROR to "true" when the send failed and "false" when it returned
# (BlockingMsgSender.send); a refused attempt never reaches it and leaves the property unset. The job reads it for an
# out-only message: only a failed send runs the fault sequence (ForwardingService throws), a status that fails
# validation is retried without it.
function forwardOutcome(Context ctx, error? sent, int[] nonRetryCodes) returns boolean {
    if sent is error {
        if errorCode(sent) == 0 {
            recordError(ctx, sent);
        }
        if errorCode(sent) != 303000 && errorCode(sent) != 303001 {
            ctx.properties["BLOCKING_SENDER_ERROR"] = "true";
        }
        return false;
    }
    ctx.properties["BLOCKING_SENDER_ERROR"] = "false";
    return (ctx.statusCode >= 200 && ctx.statusCode < 300) || nonRetryCodes.indexOf(ctx.statusCode) is int;
}

# `forwardAttempt` to a default endpoint, which has no address: the blocking sender sends to the stored message's To
# address (BlockingMsgSender.send), with the URL postfix appended as for any REST call, and ForwardingService judges the
# response as for an address endpoint (a default endpoint leaves its isResponseValidationNotRequired at false). A To that
# is not an absolute HTTP URL (the request's own path, when nothing set a `header To`) fails the attempt with 401002,
# as the blocking sender finds no transport for it. A client is made for each attempt, as `callAddress` makes one.
function forwardAttemptAddress(Context ctx, int[] nonRetryCodes = [], function (Context ctx, http:Request request) headers = passThroughHeaders) returns boolean {
    string address = ctx.to;
    if !address.startsWith("http://") && !address.startsWith("https://") {
        return forwardOutcome(ctx, blockingFault(ctx, string `the message has no HTTP address to send to (To is '${address}')`, 401002), nonRetryCodes);
    }
    http:Client|error endpoint = new (address, {timeout: 120, httpVersion: http:HTTP_1_1});
    if endpoint is error {
        return forwardOutcome(ctx, blockingFault(ctx, endpoint.message(), 401002), nonRetryCodes);
    }
    error? sent = callBlocking(ctx, endpoint, clientPath(address, restPostfix(ctx)), nonErrorCodes = nonRetryCodes, soapFault = !forwardOutOnly(ctx), headers = headers);
    return forwardOutcome(ctx, sent, nonRetryCodes);
}

# The endpoint of a `ForwardRoute` that is a default endpoint: the stored message's To address (`forwardAttemptAddress`).
const FORWARD_TO = "To";

# The endpoint a stored message names in its `target.endpoint` property, as a forwarding processor without a
# targetEndpoint sends to it (`forwardRoute`): its client (or its failover / loadbalance group, or `FORWARD_TO` for a
# default endpoint), the format it writes, its `non.error.http.status.codes`, its suspension state and its
# `enableAddressing`. `url` is an address endpoint's URL, to which the stored message's URL postfix is joined as
# for a processor's targetEndpoint (`forwardPath`, `clientPath`): the blocking sender joins them
# (BlockingMsgSenderUtils.getEPRWithRestURLPostfix) whichever way ForwardingService found the endpoint.
type ForwardRoute record {|
    http:Client|EndpointGroup|UrlTemplateEndpoint|FORWARD_TO endpoint;
    ForwardTemplate? template = ();
    string? url = ();
    EndpointFormat? format = ();
    int[] nonErrorCodes = [];
    EndpointState? state = ();
    WsAddressing? wsAddressing = ();
    string wsaTo = "";
|};

# One delivery attempt to the endpoint a stored message names (`ForwardRoute`): `forwardAttempt`, or
# `forwardAttemptGroup` for a group, `forwardAttemptAddress` for a default endpoint.
function forwardRoute(Context ctx, ForwardRoute route, int[] nonRetryCodes = [], function (Context ctx, http:Request request) headers = passThroughHeaders) returns boolean {
    http:Client|EndpointGroup|UrlTemplateEndpoint|FORWARD_TO endpoint = route.endpoint;
    if endpoint is EndpointGroup {
        return forwardAttemptGroup(ctx, endpoint, nonRetryCodes, route.format, route.nonErrorCodes, headers);
    }
    if endpoint is FORWARD_TO {
        return forwardAttemptAddress(ctx, nonRetryCodes, headers);
    }
    if endpoint is UrlTemplateEndpoint {
        return forwardAttemptUrl(ctx, endpoint, nonRetryCodes, route.format, route.nonErrorCodes, route.state, headers);
    }
    return forwardAttempt(ctx, endpoint, nonRetryCodes, route.format, route.nonErrorCodes, route.state, route.template, route.url, headers);
}

# `forwardRoute` when some endpoint a message may name has `enableAddressing` (`forwardAttemptAddressed`).
function forwardRouteAddressed(Context ctx, ForwardRoute route, int[] nonRetryCodes = [], function (Context ctx, http:Request request) headers = passThroughHeaders) returns boolean {
    http:Client|EndpointGroup|UrlTemplateEndpoint|FORWARD_TO endpoint = route.endpoint;
    if endpoint is EndpointGroup {
        return forwardAttemptGroup(ctx, endpoint, nonRetryCodes, route.format, route.nonErrorCodes, headers);
    }
    if endpoint is FORWARD_TO {
        return forwardAttemptAddress(ctx, nonRetryCodes, headers);
    }
    if endpoint is UrlTemplateEndpoint {
        return forwardAttemptUrl(ctx, endpoint, nonRetryCodes, route.format, route.nonErrorCodes, route.state, headers);
    }
    return forwardAttemptAddressed(ctx, endpoint, nonRetryCodes, route.format, route.nonErrorCodes, route.state, route.wsAddressing, route.wsaTo, route.template, route.url, headers);
}

# A forwarding processor's send to an endpoint whose address is neither http(s) nor hl7: a JMS endpoint's `sendJms`, a
# vfs endpoint's `vfsWriteFile` / `vfsWriteRemote`, with the endpoint's settings.
type ForwardSend function (Context ctx) returns error?;

# Whether a forwarding attempt to an endpoint whose address is neither http(s) nor hl7 (a JMS or vfs endpoint) delivered
# the message, as ForwardingService judges it: it validates no response from such an address
# (isResponseValidationRequiredEndpoint), so the message is delivered once the blocking sender returns and no reply
# sequence runs. Only a message whose OUT_ONLY is "true" (the string) fails the attempt when the send failed: the
# blocking sender records BLOCKING_SENDER_ERROR (here ERROR_CODE 401002, ERROR_MESSAGE the failure, ERROR_DETAIL "")
# and ForwardingService throws, so the fault sequence and the retries follow. Without OUT_ONLY the failure does not
# count: the message is removed as the Micro Integrator removes it, with a warning.
function forwardSent(Context ctx, error? sent) returns boolean {
    if sent is () {
        return true;
    }
    if ctx.properties["OUT_ONLY"] != "true" {
        log:printWarn("The send of a forwarded message without OUT_ONLY failed; as in the Micro Integrator it counts as delivered and the message is removed", 'error = sent, messageId = ctx.messageId);
        return true;
    }
    return forwardOutcome(ctx, blockingFault(ctx, sent.message(), 401002), []);
}

# What a forwarding attempt to an endpoint a message names gave: "response" (a response judged delivered: the reply
# sequence runs with it), "sent" (delivered to a JMS or vfs endpoint, where no response is judged: the message is
# removed without the reply sequence) or "failed" (a failed attempt).
type ForwardOutcome "response"|"sent"|"failed";

# One delivery attempt to the endpoint a stored message names, when it may be a JMS or vfs endpoint (`ForwardSend`,
# judged by `forwardSent`) as well as an HTTP one (`forwardRoute`).
function forwardChosen(Context ctx, ForwardRoute|ForwardSend route, int[] nonRetryCodes = [], function (Context ctx, http:Request request) headers = passThroughHeaders) returns ForwardOutcome {
    if route is ForwardSend {
        return forwardSent(ctx, route(ctx)) ? "sent" : "failed";
    }
    return forwardRoute(ctx, route, nonRetryCodes, headers) ? "response" : "failed";
}

# `forwardChosen` when some endpoint a message may name has `enableAddressing` (`forwardRouteAddressed`).
function forwardChosenAddressed(Context ctx, ForwardRoute|ForwardSend route, int[] nonRetryCodes = [], function (Context ctx, http:Request request) headers = passThroughHeaders) returns ForwardOutcome {
    if route is ForwardSend {
        return forwardSent(ctx, route(ctx)) ? "sent" : "failed";
    }
    return forwardRouteAddressed(ctx, route, nonRetryCodes, headers) ? "response" : "failed";
}

# A database connection of the dblookup/dbreport mediators, a data service or a DB connector `<db.init>`, made on first
# use and again after a failure (the DB connector's connector-core pool also opens its connections when an operation
# borrows one): AbstractDBMediator.init makes a DBCP BasicDataSource, which connects only when a statement asks for a
# connection and tries again on each use, so a database that is down fails the mediators that use it (into their
# fault handling) until it is back, and stops no service. A jdbc:Client opens its pool when it is made.
isolated class DbConnection {
    private final string url;
    private final string? user;
    private final string? password;
    private jdbc:Client? made = ();

    isolated function init(string url, string? user, string? password) {
        self.url = url;
        self.user = user;
        self.password = password;
    }

    # The client, made now when no earlier use made it.
    isolated function jdbcClient() returns jdbc:Client|error {
        lock {
            jdbc:Client? made = self.made;
            if made is jdbc:Client {
                return made;
            }
            jdbc:Client created = check new (self.url, self.user, self.password);
            self.made = created;
            return created;
        }
    }
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

# A dblookup/dbreport DATE parameter (Synapse binds `java.sql.Date.valueOf`, `yyyy-[m]m-[d]d`); an empty text
# binds NULL, as AbstractDBMediator does.
function sqlDate(string value) returns sql:DateValue => new (value == "" ? () : value);

# A dblookup/dbreport TIME parameter (Synapse binds `java.sql.Time.valueOf`, `hh:mm:ss`); an empty text binds NULL.
function sqlTime(string value) returns sql:TimeValue => new (value == "" ? () : value);

# A dblookup/dbreport TIMESTAMP parameter (Synapse binds `java.sql.Timestamp.valueOf`,
# `yyyy-[m]m-[d]d hh:mm:ss[.f...]`); an empty text binds NULL.
function sqlTimestamp(string value) returns sql:TimestampValue => new (value == "" ? () : value);

# A dblookup/dbreport CHAR/VARCHAR parameter: the text, or NULL when it is empty (AbstractDBMediator binds
# `setString(null)` for an empty value).
function dbString(string value) returns string|sql:VarcharValue => value == "" ? new sql:VarcharValue() : value;

# A dblookup/dbreport TINYINT/SMALLINT/INTEGER/BIGINT parameter: the integer, or NULL when the text is empty
# (AbstractDBMediator binds `setNull` then; other text that is no integer fails, as `Integer.parseInt` does).
function dbInteger(string value) returns int|sql:IntegerValue|error =>
    value == "" ? new sql:IntegerValue() : int:fromString(value);

# A dblookup/dbreport NUMERIC/DECIMAL parameter: the decimal, or NULL when the text is empty.
function dbDecimal(string value) returns decimal|sql:DecimalValue|error =>
    value == "" ? new sql:DecimalValue() : decimal:fromString(value);

# A dblookup/dbreport REAL/FLOAT/DOUBLE parameter: the float, or NULL when the text is empty.
function dbFloat(string value) returns float|sql:DoubleValue|error =>
    value == "" ? new sql:DoubleValue() : float:fromString(value);

# A dblookup/dbreport BIT parameter: true when the text is "true" in any case (`Boolean.parseBoolean`), or NULL
# when it is empty.
function dbBoolean(string value) returns boolean|sql:BitValue => value == "" ? new sql:BitValue() : value.equalsIgnoreCaseAscii("true");

# The MI 4.x DB connector's select, insert, update, delete and executeQuery operations (wso2-extensions/mi-connector-db
# ExecuteQuery.connect) on a `<db.init>` connection. The statement is prepared with its `?` markers and the parameters
# are bound in order: each entry `[name, value, type]` (`dataWidth` 3: the offline `columns`) or `[value, type]` (2:
# executeQuery's `parameters`) of the JSON array `data`, entries of another length skipped (processOfflineQuery,
# processExecuteQueryParameters), or each of the online `columns` `[value, type]` (processColumnParameters), then
# select's `limit` and `offset` as INTEGERs; each value is converted by its JDBC
# type as getPreparedStatement converts it, an empty one bound as SQL NULL (`dbConnectorBind`). A statement with rows
# (`resultSet`) leaves `{"rows": [...]}`, or `{}` when it has none (each row's columns by label as
# ResultSetMapper.mapResultSetToJsonArray writes them, no more than `maxRows` rows as setMaxRows keeps); any other
# leaves `{"affectedRows": n}`, an insert also its `generatedKeys`. The result goes to the response variable as
# `{payload}`, or replaces the body as JSON with `overwriteBody`, as Utils.handleConnectorResponse and
# InvokeMediator.processConnectorResponse leave it (`emailConnectorResult`, which the email connector shares). A failure
# is recorded as ExecuteQuery.handleError records it (`dbConnectorFailure`) and fails the flow, so the fault sequence runs.
function dbConnectorOperation(Context ctx, DbConnection connection, string operation, string statement,
        string? data = (), int dataWidth = 0, [string, string][] columns = [], boolean resultSet = false,
        string 'limit = "", string offset = "",
        int maxRows = 0, string responseVariable = "", boolean overwriteBody = false) returns error? {
    // prepareTransactionEnvironment borrows the connection first: connector-core's ConnectionPool.borrowObject fails
    // with a ConnectException, which Utils.getErrorCode makes CONNECTION_ERROR.
    jdbc:Client|error db = connection.jdbcClient();
    if db is error {
        return dbConnectorFailure(ctx, "701101", "DB:CONNECTIVITY", "Error occurred while borrowing connection from the pool.",
                responseVariable, overwriteBody, db);
    }
    [string, string][] parameters = [];
    if data is string {
        [string, string][]|error read = dbConnectorParameters(data, dataWidth, operation == "EXECUTE_QUERY");
        if read is error {
            // In ExecuteQuery's inner try: handleError's SynapseException reaches the outer catch (Exception), which
            // Utils.getErrorCode makes UNKNOWN_EXCEPTION with the SynapseException's message.
            return dbConnectorFailure(ctx, "701112", "DB:UNKNOWN_EXCEPTION", "DB connector encountered an error: " + read.message(),
                    responseVariable, overwriteBody, read);
        }
        parameters = read;
    }
    // The online columns (processColumnParameters): each value with its type name, which Statement.Parameter checks.
    foreach var [value, jdbcType] in columns {
        if dbConnectorTypes.indexOf(jdbcType) is () {
            return dbConnectorFailure(ctx, "701112", "DB:UNKNOWN_EXCEPTION",
                    "DB connector encountered an error: Error processing statement parameters: Unknown or unsupported JDBC type : " + jdbcType,
                    responseVariable, overwriteBody);
        }
        parameters.push([value, jdbcType]);
    }
    if 'limit != "" {
        parameters.push(['limit, "INTEGER"]);
    }
    if offset != "" {
        parameters.push([offset, "INTEGER"]);
    }
    string[] parts = dbConnectorStatementParts(statement);
    sql:Value[] values = [];
    foreach int i in 0 ..< parameters.length() {
        var [value, jdbcType] = parameters[i];
        if i + 1 >= parts.length() {
            return dbConnectorFailure(ctx, "701104", "DB:QUERY_EXECUTION_FAILURE",
                    string `Parameter index out of range (${i + 1} > number of parameters, which is ${parts.length() - 1}).`,
                    responseVariable, overwriteBody);
        }
        sql:Value|error bound = dbConnectorBind(value, jdbcType);
        if bound is error {
            // A NumberFormatException or IllegalArgumentException is INVALID_INPUT (Utils.getErrorCode); a type
            // getPreparedStatement does not bind (BINARY) is its SQLException, QUERY_EXECUTION_FAILURE.
            boolean unsupported = jdbcType == "BINARY";
            return dbConnectorFailure(ctx, unsupported ? "701104" : "701102", unsupported ? "DB:QUERY_EXECUTION_FAILURE" : "DB:INVALID_INPUT",
                    unsupported ? string `Trying to set an unsupported JDBC Type : -2 against column : ${i + 1} and statement : ${statement} used by a DB connector (see java.sql.Types for valid type values)`
                        : bound.message(), responseVariable, overwriteBody, bound);
        }
        values.push(bound);
    }
    if values.length() < parts.length() - 1 {
        return dbConnectorFailure(ctx, "701104", "DB:QUERY_EXECUTION_FAILURE",
                string `No value specified for parameter ${values.length() + 1}`, responseVariable, overwriteBody);
    }
    map<json> result = {};
    if operation == "CALL" {
        // The statement is prepared with prepareCall and run with execute: the first result, when it is a result
        // set, is `resultSets` (its rows, no more than maxRows), then `updateCount` is the statement's getUpdateCount
        // (-1 after a result set).
        sql:ProcedureCallResult|sql:Error called = db->call(new SqlCallQuery(parts.cloneReadOnly(), values));
        if called is sql:Error {
            return dbConnectorSqlFailure(ctx, called, responseVariable, overwriteBody);
        }
        stream<record {}, sql:Error?>? rowStream = called.queryResult;
        int updateCount = -1;
        if rowStream is stream<record {}, sql:Error?> {
            record {}[]|sql:Error rows = from record {} row in rowStream select row;
            if rows is sql:Error {
                sql:Error? discarded = called.close();
                return dbConnectorSqlFailure(ctx, rows, responseVariable, overwriteBody);
            }
            json[] mapped = [];
            foreach record {} row in rows {
                if maxRows > 0 && mapped.length() == maxRows {
                    break;
                }
                map<json> mappedRow = {};
                foreach [string, anydata] [name, value] in row.entries() {
                    mappedRow[name] = dbConnectorColumn(value);
                }
                mapped.push(mappedRow);
            }
            result["resultSets"] = [mapped];
        } else {
            updateCount = called.executionResult?.affectedRowCount ?: -1;
        }
        sql:Error? closed = called.close();
        if closed is sql:Error {
            return dbConnectorSqlFailure(ctx, closed, responseVariable, overwriteBody);
        }
        result["updateCount"] = updateCount;
        emailConnectorResult(ctx, result, responseVariable, overwriteBody, true);
        return;
    }
    sql:ParameterizedQuery query = new SqlQuery(parts.cloneReadOnly(), values);
    if resultSet {
        stream<record {}, sql:Error?> rowStream = db->query(query);
        record {}[]|sql:Error rows = from record {} row in rowStream select row;
        if rows is sql:Error {
            return dbConnectorSqlFailure(ctx, rows, responseVariable, overwriteBody);
        }
        json[] mapped = [];
        foreach record {} row in rows {
            if maxRows > 0 && mapped.length() == maxRows {
                break;
            }
            map<json> mappedRow = {};
            foreach [string, anydata] [name, value] in row.entries() {
                mappedRow[name] = dbConnectorColumn(value);
            }
            mapped.push(mappedRow);
        }
        if mapped.length() > 0 {
            result["rows"] = mapped;
        }
    } else {
        sql:ExecutionResult|sql:Error executed = db->execute(query);
        if executed is sql:Error {
            return dbConnectorSqlFailure(ctx, executed, responseVariable, overwriteBody);
        }
        result["affectedRows"] = executed.affectedRowCount ?: 0;
        if operation == "INSERT" {
            // The driver's generated keys (Statement.getGeneratedKeys) as rows: the one key sql:ExecutionResult reports.
            string|int? key = executed.lastInsertId;
            json[] keys = [];
            if key !is () {
                keys.push({"GENERATED_KEY": key});
            }
            result["generatedKeys"] = keys;
        }
    }
    emailConnectorResult(ctx, result, responseVariable, overwriteBody, true);
}

# The parameters of a DB connector operation, `[value, type]` each, from the JSON array `data` (with its `${...}`
# parts evaluated) whose entries of `width` items are read, others skipped: `[name, value, type]` (the offline
# `columns`, processOfflineQuery) or `[value, type]` (executeQuery's `parameters`, processExecuteQueryParameters), each
# item a string, trimmed. The error messages are those ExecuteQuery's inner try leaves: no data, an empty array, a type
# Statement.Parameter does not know (case-sensitively), JSON org.json cannot read.
function dbConnectorParameters(string data, int width, boolean executeQuery) returns [string, string][]|error {
    if data == "" {
        return error("Error processing statement parameters: "
                + (executeQuery ? "Parameters are required for execute query" : "Query data is required for offline query"));
    }
    json|error parsed = data.fromJsonString();
    if parsed !is json[] {
        return error("Malformed JSON in query data: " + (parsed is error ? parsed.message() : "the data is not a JSON array"));
    }
    if parsed.length() == 0 {
        return error("Error processing statement parameters: DB connector encountered an error: Query data is empty");
    }
    [string, string][] parameters = [];
    foreach int i in 0 ..< parsed.length() {
        json entry = parsed[i];
        if entry !is json[] {
            return error(string `Malformed JSON in query data: JSONArray[${i}] is not a JSONArray.`);
        }
        if entry.length() != width {
            continue;
        }
        string[] items = [];
        foreach int j in 0 ..< width {
            json item = entry[j];
            if item !is string {
                return error(string `Malformed JSON in query data: JSONArray[${j}] is not a string.`);
            }
            items.push(item.trim());
        }
        string value = items[width - 2];
        string jdbcType = items[width - 1];
        if dbConnectorTypes.indexOf(jdbcType) is () {
            return error("Error processing statement parameters: Unknown or unsupported JDBC type : " + jdbcType);
        }
        parameters.push([value, jdbcType]);
    }
    return parameters;
}

# The JDBC type names the DB connector's Statement.Parameter knows, written as is (INT is INTEGER).
final string[] & readonly dbConnectorTypes = ["CHAR", "VARCHAR", "LONGVARCHAR", "NUMERIC", "DECIMAL", "BIT", "TINYINT", "SMALLINT",
    "INT", "INTEGER", "BIGINT", "REAL", "FLOAT", "DOUBLE", "DATE", "TIME", "TIMESTAMP", "BINARY"];

# A DB connector parameter bound as ExecuteQuery.getPreparedStatement binds its JDBC type: an empty value is SQL NULL;
# TINYINT, SMALLINT, INTEGER and BIGINT are read as Java's parseByte, parseShort, parseInt and parseLong read them
# (their messages), NUMERIC and DECIMAL as a decimal, REAL, FLOAT and DOUBLE as a float, BIT true for "true" in any
# case, DATE, TIME and TIMESTAMP in the forms `Date.valueOf`, `Time.valueOf` and `Timestamp.valueOf` read. BINARY is
# not bound (an error).
function dbConnectorBind(string value, string jdbcType) returns sql:Value|error {
    match jdbcType {
        "CHAR"|"VARCHAR"|"LONGVARCHAR" => {
            return dbString(value);
        }
        "NUMERIC"|"DECIMAL" => {
            return value == "" ? new sql:DecimalValue() : decimal:fromString(value);
        }
        "BIT" => {
            return dbBoolean(value);
        }
        "TINYINT"|"SMALLINT"|"INT"|"INTEGER"|"BIGINT" => {
            if value == "" {
                return new sql:IntegerValue();
            }
            int|error number = int:fromString(value);
            if number is error {
                return error(string `For input string: "${value}"`);
            }
            int bits = jdbcType == "TINYINT" ? 8 : jdbcType == "SMALLINT" ? 16 : jdbcType == "BIGINT" ? 64 : 32;
            if bits < 64 {
                int range = 1 << (bits - 1);
                if number < -range || number >= range {
                    return error(bits == 32 ? string `For input string: "${value}"` : string `Value out of range. Value:"${value}" Radix:10`);
                }
            }
            return number;
        }
        "REAL"|"FLOAT"|"DOUBLE" => {
            if value == "" {
                return new sql:DoubleValue();
            }
            float|error number = float:fromString(value);
            return number is error ? error(string `For input string: "${value}"`) : number;
        }
        "DATE" => {
            if value != "" && !re `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`.isFullMatch(value) {
                return error("Date.valueOf: not a date in the form yyyy-[m]m-[d]d");
            }
            return sqlDate(value);
        }
        "TIME" => {
            if value != "" && !re `[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}`.isFullMatch(value) {
                return error("Time.valueOf: not a time in the form hh:mm:ss");
            }
            return sqlTime(value);
        }
        "TIMESTAMP" => {
            if value != "" && !re `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]{0,9})?`.isFullMatch(value) {
                return error("Timestamp format must be yyyy-mm-dd hh:mm:ss[.fffffffff]");
            }
            return sqlTimestamp(value);
        }
    }
    return error(string `the JDBC type ${jdbcType} is not bound`);
}

# A DB connector statement cut at its `?` parameter markers, those outside quoted text (`'...'`, `"..."`), as the
# JDBC driver finds them.
function dbConnectorStatementParts(string statement) returns string[] {
    string[] parts = [];
    string current = "";
    // The quote that opened the quoted text the character is in, "" outside.
    string quote = "";
    foreach string c in statement {
        if quote != "" {
            if c == quote {
                quote = "";
            }
        } else if c == "'" || c == "\"" {
            quote = c;
        } else if c == "?" {
            parts.push(current);
            current = "";
            continue;
        }
        current += c;
    }
    parts.push(current);
    return parts;
}

# A column of a DB connector row as ResultSetMapper.mapResultSetToJsonArray writes it: null, a boolean and a number as
# they are, a date, time or timestamp as java.sql.Date, Time and Timestamp print themselves, anything else as text.
function dbConnectorColumn(anydata value) returns json {
    if value is ()|boolean|int|float|decimal|string {
        return value;
    }
    if value is time:Civil {
        decimal second = value?.second ?: 0d;
        int whole = <int>second.floor();
        // Timestamp.toString: the nanoseconds without their trailing zeros, ".0" when there are none.
        string fraction = (second - <decimal>whole).toString();
        int? point = fraction.indexOf(".");
        string digits = point is int ? fraction.substring(point + 1) : "";
        while digits.endsWith("0") {
            digits = digits.substring(0, digits.length() - 1);
        }
        return string `${dbConnectorDigits(value.year, 4)}-${twoDigits(value.month)}-${twoDigits(value.day)} ${twoDigits(value.hour)}:${twoDigits(value.minute)}:${twoDigits(whole)}.`
            + (digits == "" ? "0" : digits);
    }
    if value is time:Date {
        return string `${dbConnectorDigits(value.year, 4)}-${twoDigits(value.month)}-${twoDigits(value.day)}`;
    }
    if value is time:TimeOfDay {
        decimal second = value?.second ?: 0d;
        return string `${twoDigits(value.hour)}:${twoDigits(value.minute)}:${twoDigits(<int>second.floor())}`;
    }
    return value.toString();
}

# A number written with at least `width` digits.
function dbConnectorDigits(int value, int width) returns string {
    string text = value.toString();
    while text.length() < width {
        text = "0" + text;
    }
    return text;
}

# A DB connector statement's failure as ExecuteQuery's catches record it: an SQLSyntaxErrorException (the SQLState
# class 42 of JDBC 4) as SQL_SYNTAX_ERROR, any other SQLException as QUERY_EXECUTION_FAILURE.
function dbConnectorSqlFailure(Context ctx, sql:Error e, string responseVariable, boolean overwriteBody) returns error {
    string? sqlState = e is sql:DatabaseError ? e.detail().sqlState : ();
    boolean syntax = sqlState is string && sqlState.startsWith("42");
    return dbConnectorFailure(ctx, syntax ? "701111" : "701104", syntax ? "DB:SQL_SYNTAX_ERROR" : "DB:QUERY_EXECUTION_FAILURE",
            e.message(), responseVariable, overwriteBody, e);
}

# Records a DB connector failure as ExecuteQuery.handleError does: Utils.generateErrorResult's ERROR_CODE and
# ERROR_MESSAGE (the exception's message) and the result `{"error": {code, message}}` written as a result is
# (Utils.handleConnectorResponse); then the error fails the flow (handleException's SynapseException).
function dbConnectorFailure(Context ctx, string code, string detail, string message, string responseVariable,
        boolean overwriteBody, error? cause = ()) returns error {
    ctx.properties["ERROR_CODE"] = code;
    ctx.properties["ERROR_MESSAGE"] = message;
    emailConnectorResult(ctx, {'error: {code, message: detail}}, responseVariable, overwriteBody, false);
    return error(message, cause);
}

# Whether the data services engine gets the request element built from the request's URL: the pass-through
# ServerWorker.handleRESTUrlPost builds the message with Axis2's XFormURLEncodedBuilder when the request has no
# Content-Type header (a GET or DELETE, a body-less POST; a GET or DELETE whose header is empty too) or its media type is
# `application/x-www-form-urlencoded`. The builder's BuilderUtil.buildsoapMessage writes the request element from the
# operation's input schema (DataServiceDocLitWrappedSchemaGenerator), not from the request.
function dataServiceFormRequest(Context ctx) returns boolean {
    string? contentType = ctx.headers["content-type"];
    if contentType is () {
        return true;
    }
    if contentType.trim() == "" {
        return ctx.method == "GET" || ctx.method == "DELETE";
    }
    string mediaType = contentType;
    int? semicolon = contentType.indexOf(";");
    if semicolon is int {
        mediaType = contentType.substring(0, semicolon);
    }
    return mediaType.trim() == "application/x-www-form-urlencoded";
}

# Every value the request gives a data service parameter, as the data services engine reads the request element
# (DataServiceRequest.getSingleInputValuesFromOM: each child element of that name, in order; `()` for one with
# `xsi:nil` "true" or "1"). A request built from its URL (`dataServiceFormRequest`) has, for each parameter of the
# schema, the path's template variable and then every URL query entry whose name is `name` exactly (BuilderUtil looks
# each schema element's name up in the request's parameters; XFormURLEncodedBuilder takes an entry `name=value` with
# `=` after its first character, the name as written, the value percent-decoded by URIEncoderDecoder with `+` kept),
# and an `xsi:nil` element when it has none (every with-param element is nillable with minOccurs 1): one `()`.
# Otherwise: the path parameter of that name, else every URL query entry of that name, else every child element of
# that local name of the XML (or JSON, as XML) payload's request element; names match without regard to case there
# (DataService.extractParams lower-cases the request's names, QueryFactory.createWithParam the `query-param`), and
# no value is none.
function dataServiceRequestValues(Context ctx, string name) returns (string?)[]|error {
    boolean form = dataServiceFormRequest(ctx);
    string key = name.toLowerAscii();
    (string?)[] values = [];
    foreach [string, anydata] [property, value] in ctx.properties.entries() {
        if value is string && property.startsWith("uri.var.")
                && (form ? property.substring(8) == name : property.substring(8).toLowerAscii() == key) {
            values.push(value);
        }
    }
    if values.length() > 0 && !form {
        return values;
    }
    int? queryIndex = ctx.to.indexOf("?");
    if queryIndex is int {
        foreach string entry in re `&`.split(ctx.to.substring(queryIndex + 1)) {
            int? index = entry.indexOf("=");
            if index is int && index > 0
                    && (form ? entry.substring(0, index) == name : entry.substring(0, index).toLowerAscii() == key) {
                values.push(check urlDecodeText(entry.substring(index + 1), plusAsSpace = false));
            }
        }
    }
    if form && values.length() == 0 {
        values.push(());
    }
    if form || values.length() > 0 {
        return values;
    }
    xml|error payload = xmlPayload(ctx);
    if payload is xml {
        foreach xml:Element request in payload.elements() {
            xml:Element[] parents = [request];
            if localName(request.getName()) == "jsonObject" {
                foreach xml:Element inner in request.children().elements() {
                    parents.push(inner);
                }
            }
            foreach xml:Element parent in parents {
                foreach xml:Element child in parent.children().elements() {
                    if localName(child.getName()).toLowerAscii() == key {
                        string? nilAttribute = child.getAttributes()["{http://www.w3.org/2001/XMLSchema-instance}nil"];
                        values.push(nilAttribute == "true" || nilAttribute == "1" ? () : child.data());
                    }
                }
                if values.length() > 0 {
                    return values;
                }
            }
        }
    }
    return values;
}

# A data service query parameter, bound as its sqlType (`string`, `integer`, `decimal`, `float`, `boolean`, `date`,
# `time` or `timestamp`) from the values the request gives it (`dataServiceRequestValues`). One value is bound in the
# parameter's place, `()` as SQL NULL of the type (SQLQuery's setters call setNull for a null value); several, as for
# a repeated element or URL query entry, are an array whose placeholder becomes one per value (the engine makes
# repeated elements an array, ExpressionQuery.createProcessedQuery expands the `?` of any parameter whose value is an
# array). A request without the parameter takes its `defaultValue` (CallQuery.processDefaultValues), and without one
# fails, as CallQuery.extractParams does. A NULL or array value (no scalar value) of a parameter with a default takes
# the default with `forceDefault`, and fails with `nullFails`: CallQuery.extractParams reads forceDefault from the
# query parameter named as the request parameter, and where the query has none it fails on a NullPointerException.
function dataServiceParam(Context ctx, string name, string sqlType = "string", string? defaultValue = (),
        boolean forceDefault = false, boolean nullFails = false) returns sql:Value|DataServiceArray|error {
    (string?)[] values = check dataServiceRequestValues(ctx, name);
    boolean noScalar = values.length() > 1 || (values.length() == 1 && values[0] is ());
    if nullFails && noScalar && defaultValue is string {
        return error(string `data service: no query parameter is named '${name}' to read forceDefault from (NullPointerException in CallQuery.extractParams)`);
    }
    if values.length() == 0 || (forceDefault && noScalar) {
        if defaultValue is string {
            return dataServiceValue(defaultValue, sqlType);
        }
        return error(string `Error in 'CallQuery.extractParams', cannot find parameter with type:query-param name:${name}`);
    }
    if values.length() == 1 {
        return dataServiceValue(values[0], sqlType);
    }
    sql:Value[] bound = [];
    foreach string? value in values {
        bound.push(check dataServiceValue(value, sqlType));
    }
    DataServiceArray arrayValue = {arrayValues: bound};
    return arrayValue;
}

# A query parameter no with-param of the call-query gives and without a default value: Query.extractParams fails every
# request on it (INCOMPATIBLE_PARAMETERS_ERROR) before the query runs.
function dataServiceUnmappedParam(string name) returns sql:Value|error =>
    error(string `Error in 'Query.extractParams', cannot find query param with name:${name}`);

# One value of a data service parameter bound as its sqlType, as SQLQuery.setParamInPreparedStatement binds it:
# `()` is SQL NULL of that type, a text is parsed (a boolean is true when "true" in any case, `Boolean.valueOf`).
function dataServiceValue(string? value, string sqlType) returns sql:Value|error {
    if value is () {
        match sqlType {
            "integer" => {
                return new sql:IntegerValue();
            }
            "decimal" => {
                return new sql:DecimalValue();
            }
            "float" => {
                return new sql:DoubleValue();
            }
            "boolean" => {
                return new sql:BitValue();
            }
            "date" => {
                return new sql:DateValue();
            }
            "time" => {
                return new sql:TimeValue();
            }
            "timestamp" => {
                return new sql:TimestampValue();
            }
        }
        return new sql:VarcharValue();
    }
    match sqlType {
        "integer" => {
            return int:fromString(value);
        }
        "decimal" => {
            return decimal:fromString(value);
        }
        "float" => {
            return float:fromString(value);
        }
        "boolean" => {
            return value.equalsIgnoreCaseAscii("true");
        }
        "date" => {
            // SQLQuery.setDateValue binds an empty value as NULL (setNull(DATE)).
            return value == "" ? new sql:DateValue() : new sql:DateValue(value);
        }
        "time" => {
            return new sql:TimeValue(value);
        }
        "timestamp" => {
            return new sql:TimestampValue(value);
        }
    }
    return value;
}

# The values of a data service parameter the request gives several values, bound one placeholder each.
type DataServiceArray record {|
    sql:Value[] arrayValues;
|};

# A data service query with ARRAY parameters: the SQL's text parts around its placeholders, each placeholder of an
# ARRAY parameter replaced by one per value joined with `,` (ExpressionQuery.createProcessedQuery, generateQuestionMarks),
# each value bound in its place (SQLQuery.createProcessedPreparedStatement).
function dataServiceQuery(string[] parts, (sql:Value|DataServiceArray)[] arguments) returns SqlQuery {
    string[] strings = [parts[0]];
    sql:Value[] insertions = [];
    foreach int i in 0 ..< arguments.length() {
        sql:Value|DataServiceArray argument = arguments[i];
        sql:Value[] values = [];
        if argument is DataServiceArray {
            values = argument.arrayValues;
        } else {
            values.push(argument);
        }
        if values.length() == 0 {
            strings[strings.length() - 1] = strings[strings.length() - 1] + parts[i + 1];
        }
        foreach int j in 0 ..< values.length() {
            insertions.push(values[j]);
            strings.push(j + 1 < values.length() ? "," : parts[i + 1]);
        }
    }
    return new SqlQuery(strings.cloneReadOnly(), insertions);
}

# One output of a data service result: the column it takes and the element (or row or group attribute) it writes;
# an optional one is left out of a row without that column.
type DataServiceOutput record {|
    string column;
    string name;
    boolean attribute = false;
    boolean optional = false;
|};

# An element group of a data service result (OutputElementGroup): the element `elementGroup` in `namespace`, written
# for every row with its own entries in it.
type DataServiceGroup record {|
    string elementGroup;
    string namespace;
    DataServiceEntry[] entries;
|};

# One entry of a data service result row: an output or an element group.
type DataServiceEntry DataServiceOutput|DataServiceGroup;

# A data service query with an XML result: the rows as `<element xmlns=namespace><rowName><name>value</name>...</rowName>...</element>`
# (the columns straight under the element when there is no row name), a null column as `xsi:nil="true"`, as the
# data services engine writes them (XMLWriterHelper). The result becomes the message, answered as application/xml, or
# as JSON (the XML written by the JSON formatter, as for any message whose messageType is JSON) when the client accepts
# JSON (`dataServiceAcceptsJson`).
function dataServiceSelect(Context ctx, jdbc:Client db, sql:ParameterizedQuery query, string element, string rowName,
        string namespace, DataServiceEntry[] outputs, boolean useColumnNumbers = false) returns error? {
    stream<record {}, sql:Error?> rows = db->query(query);
    xml entries = xml ``;
    check from record {} row in rows
        do {
            entries += check dataServiceRow(useColumnNumbers ? dataServiceNumberedColumns(row) : row, rowName, namespace, outputs);
        };
    ctx.payload = xml:createElement(string `{${namespace}}${element}`, {}, entries);
    ctx.contentType = dataServiceAcceptsJson(ctx) ? "application/json" : "application/xml";
}

# A row whose columns are named by their position, `1`, `2`, ..., as SQLQuery.getDataEntryFromRS names them for a
# result with `useColumnNumbers="true"` (the columns in the order the client gives them, the statement's).
function dataServiceNumberedColumns(record {} row) returns record {} {
    record {} numbered = {};
    int position = 1;
    foreach anydata value in row {
        numbered[position.toString()] = value;
        position += 1;
    }
    return numbered;
}

# A data service query with `returnGeneratedKeys` and a result: the statement is run as an update and its result is
# the row of the key it generated, under the column name `keyColumn` (`1` with useColumnNumbers, MySQL's
# `GENERATED_KEY`), as SQLQuery.writeOutGeneratedKeys writes the statement's generated keys; no row when it generated
# none. The ballerina/sql client gives the first column of the first generated row (`lastInsertId`).
function dataServiceGeneratedKey(Context ctx, jdbc:Client db, sql:ParameterizedQuery statement, string keyColumn,
        string element, string rowName, string namespace, DataServiceEntry[] outputs) returns error? {
    sql:ExecutionResult result = check db->execute(statement);
    string|int? key = result.lastInsertId;
    xml entries = key is () ? xml `` : check dataServiceRow({[keyColumn]: key}, rowName, namespace, outputs);
    ctx.payload = xml:createElement(string `{${namespace}}${element}`, {}, entries);
    ctx.contentType = dataServiceAcceptsJson(ctx) ? "application/json" : "application/xml";
}

# One row of a data service result. A column the row does not have leaves an optional output out and fails any
# other, as StaticOutputElement.getParamValue does (a column that is present but NULL is written, as `xsi:nil`).
function dataServiceRow(record {} row, string rowName, string namespace, DataServiceEntry[] outputs) returns xml|error {
    [xml, map<string>] [fields, attributes] = check dataServiceEntries(row, namespace, outputs);
    return rowName == "" ? fields : xml:createElement(string `{${namespace}}${rowName}`, attributes, fields);
}

# A column's value as the data service writes it: a BINARY or BLOB column (`byte[]`) as base64, as
# SQLQuery.getDataEntryFromRS writes it (getBase64StringFromInputStream); anything else as `valueText`.
function dataServiceValueText(anydata value) returns string {
    return value is byte[] ? value.toBase64() : valueText(value);
}

# The elements and the attributes the entries of a row or of an element group write, each element in `namespace`. An
# element group is written for every row, whatever its columns hold (OutputElementGroup.executeElement): its element
# in its own namespace with its attributes and then its elements and groups, in order.
function dataServiceEntries(record {} row, string namespace, DataServiceEntry[] entries) returns [xml, map<string>]|error {
    xml fields = xml ``;
    map<string> attributes = {};
    foreach DataServiceEntry entry in entries {
        if entry is DataServiceGroup {
            [xml, map<string>] [content, groupAttributes] = check dataServiceEntries(row, entry.namespace, entry.entries);
            fields += xml:createElement(string `{${entry.namespace}}${entry.elementGroup}`, groupAttributes, content);
        } else {
            string? key = dataServiceColumnKey(row, entry.column);
            if key is () {
                if entry.optional {
                    continue;
                }
                return error(string `Error in 'StaticOutputElement.execute', cannot find parameter with type:column name:${entry.column}`);
            }
            anydata value = row[key];
            if entry.attribute {
                if value !is () {
                    attributes[entry.name] = dataServiceValueText(value);
                }
            } else if value is () {
                fields += xml:createElement(string `{${namespace}}${entry.name}`,
                        {"{http://www.w3.org/2001/XMLSchema-instance}nil": "true"});
            } else {
                fields += xml:createElement(string `{${namespace}}${entry.name}`, {}, xml:createText(dataServiceValueText(value)));
            }
        }
    }
    return [fields, attributes];
}

# The key of a row's column by its name in any case (JDBC column labels are matched without case); `()` when the row
# has no such column.
function dataServiceColumnKey(record {} row, string column) returns string? {
    foreach string key in row.keys() {
        if key.equalsIgnoreCaseAscii(column) {
            return key;
        }
    }
    return ();
}

# A data service query with no result (an insert, update or delete): the Micro Integrator answers 202 Accepted.
function dataServiceUpdate(jdbc:Client db, sql:ParameterizedQuery statement) returns error? {
    _ = check db->execute(statement);
}

# A data service query parameter a stored procedure sets: OUT, or INOUT with the value it is given (`inValue`). The
# procedure's value is read back after the call as `sqlType` (the data service's sqlType, upper-cased) and given to the
# result under `name`, as SQLQuery.getDataEntryFromOutParams does.
type DataServiceOutParam record {|
    string name;
    string sqlType;
    boolean inOut = false;
    sql:Value inValue = ();
|};

# An OUT parameter of a stored procedure call: no value is bound, it is registered as its sqlType.
function dataServiceOut(string name, string sqlType) returns DataServiceOutParam => {name, sqlType};

# An INOUT parameter of a stored procedure call: its value (read as an IN parameter's) is bound, and it is read back.
function dataServiceInOut(string name, string sqlType, sql:Value|DataServiceArray value) returns DataServiceOutParam|error {
    if value is DataServiceArray {
        return error(string `data service: the INOUT parameter '${name}' is given several values`);
    }
    return {name, sqlType, inOut: true, inValue: value};
}

# A call query from its SQL text parts and the parameters between them: ballerina/sql prepares it as a
# CallableStatement (`sql:call`), as SQLQuery.createProcessedPreparedStatement does for a stored procedure.
class SqlCallQuery {
    *sql:ParameterizedCallQuery;
    public final string[] & readonly strings;
    public sql:Parameter[] insertions;

    function init(string[] & readonly strings, sql:Parameter[] insertions) {
        self.strings = strings;
        self.insertions = insertions;
    }
}

# An OUT or INOUT parameter of a call and the name and sqlType it is read back as.
type DataServiceOutRead record {|
    string name;
    string sqlType;
    sql:OutParameter? outParameter = ();
    sql:InOutParameter? inOutParameter = ();
|};

# The call query of a stored procedure's text parts and parameters (a parameter given several values takes one
# placeholder each, as in `dataServiceQuery`), with the OUT and INOUT parameters to read back after the call.
function dataServiceCallQuery(string[] parts, (sql:Value|DataServiceArray|DataServiceOutParam)[] arguments)
        returns [SqlCallQuery, DataServiceOutRead[]] {
    string[] strings = [parts[0]];
    sql:Parameter[] insertions = [];
    DataServiceOutRead[] reads = [];
    foreach int i in 0 ..< arguments.length() {
        sql:Value|DataServiceArray|DataServiceOutParam argument = arguments[i];
        if argument is DataServiceOutParam {
            if argument.inOut {
                sql:InOutParameter inOutParameter = new (argument.inValue);
                insertions.push(inOutParameter);
                reads.push({name: argument.name, sqlType: argument.sqlType, inOutParameter});
            } else {
                sql:OutParameter outParameter = dataServiceOutParameter(argument.sqlType);
                insertions.push(outParameter);
                reads.push({name: argument.name, sqlType: argument.sqlType, outParameter});
            }
            strings.push(parts[i + 1]);
        } else {
            sql:Value[] values = [];
            if argument is DataServiceArray {
                values = argument.arrayValues;
            } else {
                values.push(argument);
            }
            if values.length() == 0 {
                strings[strings.length() - 1] = strings[strings.length() - 1] + parts[i + 1];
            }
            foreach int j in 0 ..< values.length() {
                insertions.push(values[j]);
                strings.push(j + 1 < values.length() ? "," : parts[i + 1]);
            }
        }
    }
    return [new SqlCallQuery(strings.cloneReadOnly(), insertions), reads];
}

# The OUT parameter registered as the JDBC type of a data service sqlType (SQLQuery's setters register TINYINT as
# Types.TINYINT, which ballerina/sql has no OUT parameter for: it is registered as SMALLINT).
function dataServiceOutParameter(string sqlType) returns sql:OutParameter {
    match sqlType {
        "INTEGER" => {
            return new sql:IntegerOutParameter();
        }
        "BIGINT" => {
            return new sql:BigIntOutParameter();
        }
        "SMALLINT"|"TINYINT" => {
            return new sql:SmallIntOutParameter();
        }
        "DOUBLE" => {
            return new sql:DoubleOutParameter();
        }
        "REAL" => {
            return new sql:RealOutParameter();
        }
        "NUMERIC" => {
            return new sql:NumericOutParameter();
        }
        "BIT" => {
            return new sql:BitOutParameter();
        }
        "DATE" => {
            return new sql:DateOutParameter();
        }
        "TIME" => {
            return new sql:TimeOutParameter();
        }
        "TIMESTAMP" => {
            return new sql:TimestampOutParameter();
        }
    }
    return new sql:VarcharOutParameter();
}

# The values of a call's OUT and INOUT parameters by their names, each read as its sqlType (SQLQuery.getOutparameterValue:
# integers, floats, decimals and booleans as such, dates, times and text as text).
function dataServiceOutValues(DataServiceOutRead[] reads) returns record {}|error {
    record {} values = {};
    foreach DataServiceOutRead read in reads {
        sql:OutParameter? outParameter = read.outParameter;
        sql:InOutParameter? inOutParameter = read.inOutParameter;
        if outParameter is sql:OutParameter {
            values[read.name] = check dataServiceOutValue(outParameter, read.sqlType);
        } else if inOutParameter is sql:InOutParameter {
            values[read.name] = check dataServiceInOutValue(inOutParameter, read.sqlType);
        }
    }
    return values;
}

# The value of an OUT parameter read as its sqlType. SQLQuery.getOutparameterValue reads an integer, float or boolean
# with the JDBC getter of a primitive (getInt, getLong, getShort, getByte, getDouble, getFloat, getBoolean), which gives
# 0, 0.0 or false for SQL NULL, so such a NULL is that value; a NUMERIC (getBigDecimal), text, date or time NULL stays
# null. ballerina/sql's `get` refuses a union type descriptor (`int?`: OutParameterProcessor.get, "does not support
# union return type") and returns nil for a NULL integer, float or boolean whatever the type asked for, so the value is
# read as `anydata` and tested for nil.
function dataServiceOutValue(sql:OutParameter outParameter, string sqlType) returns anydata|error {
    match sqlType {
        "INTEGER"|"BIGINT"|"SMALLINT"|"TINYINT" => {
            anydata value = check outParameter.get(int);
            return value is () ? 0 : value;
        }
        "DOUBLE"|"REAL" => {
            anydata value = check outParameter.get(float);
            return value is () ? 0.0 : value;
        }
        "NUMERIC" => {
            return outParameter.get(decimal);
        }
        "BIT" => {
            anydata value = check outParameter.get(boolean);
            return value is () ? false : value;
        }
    }
    return outParameter.get(string);
}

# The value of an INOUT parameter read as its sqlType (a NULL integer, float or boolean as `dataServiceOutValue` reads it).
function dataServiceInOutValue(sql:InOutParameter inOutParameter, string sqlType) returns anydata|error {
    match sqlType {
        "INTEGER"|"BIGINT"|"SMALLINT"|"TINYINT" => {
            anydata value = check inOutParameter.get(int);
            return value is () ? 0 : value;
        }
        "DOUBLE"|"REAL" => {
            anydata value = check inOutParameter.get(float);
            return value is () ? 0.0 : value;
        }
        "NUMERIC" => {
            return inOutParameter.get(decimal);
        }
        "BIT" => {
            anydata value = check inOutParameter.get(boolean);
            return value is () ? false : value;
        }
    }
    return inOutParameter.get(string);
}

# Whether a call reads back a parameter of the name `column` (in any case).
function dataServiceReadsColumn(DataServiceOutRead[] reads, string column) returns boolean {
    foreach DataServiceOutRead read in reads {
        if read.name.equalsIgnoreCaseAscii(column) {
            return true;
        }
    }
    return false;
}

# The rows of the first result set a call returns, passing over update counts before it, as
# SQLQuery.getFirstRSOfStoredProc does; none when the procedure returns no result set.
function dataServiceCallRows(sql:ProcedureCallResult result, boolean useColumnNumbers) returns record {}[]|error {
    while result.queryResult is () {
        sql:ExecutionResult? summary = result.executionResult;
        if summary is () || summary.affectedRowCount == -1 {
            return [];
        }
        _ = check result.getNextQueryResult();
    }
    record {}[] rows = [];
    stream<record {}, sql:Error?>? queryResult = result.queryResult;
    if queryResult is stream<record {}, sql:Error?> {
        check from record {} row in queryResult
            do {
                rows.push(useColumnNumbers ? dataServiceNumberedColumns(row) : row);
            };
    }
    return rows;
}

# A data service query the Micro Integrator runs as a stored procedure call (SQLQuery.processPreStoredProcQuery and
# processPostStoredProcQuery), with an XML result as `dataServiceSelect` writes it: a row per row of the first result
# set the procedure returns, each with the values of the OUT and INOUT parameters under their names (a column of the
# same name, in any case, replaced); one row of those values when it returns no row; no row when it has neither.
# With `outParamsOnly` (the result has as many outputs as there are OUT and INOUT parameters) no result set is read and
# the row is those values.
function dataServiceCall(Context ctx, jdbc:Client db, string[] parts, (sql:Value|DataServiceArray|DataServiceOutParam)[] arguments,
        string element, string rowName, string namespace, DataServiceEntry[] outputs, boolean outParamsOnly = false,
        boolean useColumnNumbers = false) returns error? {
    [SqlCallQuery, DataServiceOutRead[]] prepared = dataServiceCallQuery(parts, arguments);
    DataServiceOutRead[] reads = prepared[1];
    sql:ProcedureCallResult result = check db->call(prepared[0]);
    record {}[]|error rows = outParamsOnly ? [] : dataServiceCallRows(result, useColumnNumbers);
    record {}|error outValues = dataServiceOutValues(reads);
    check result.close();
    record {} values = check outValues;
    xml entries = xml ``;
    record {}[] resultRows = check rows;
    if resultRows.length() == 0 {
        if reads.length() > 0 {
            entries = check dataServiceRow(values, rowName, namespace, outputs);
        }
    } else {
        foreach record {} row in resultRows {
            record {} merged = {};
            foreach [string, anydata] [column, value] in row.entries() {
                if !dataServiceReadsColumn(reads, column) {
                    merged[column] = value;
                }
            }
            foreach [string, anydata] [name, value] in values.entries() {
                merged[name] = value;
            }
            entries += check dataServiceRow(merged, rowName, namespace, outputs);
        }
    }
    ctx.payload = xml:createElement(string `{${namespace}}${element}`, {}, entries);
    ctx.contentType = dataServiceAcceptsJson(ctx) ? "application/json" : "application/xml";
}

# A data service query with no result that the Micro Integrator runs as a stored procedure call: it answers 202 Accepted.
function dataServiceCallUpdate(jdbc:Client db, string[] parts, (sql:Value|DataServiceArray|DataServiceOutParam)[] arguments)
        returns error? {
    [SqlCallQuery, DataServiceOutRead[]] prepared = dataServiceCallQuery(parts, arguments);
    sql:ProcedureCallResult result = check db->call(prepared[0]);
    check result.close();
}

# The operation of `operations` a request to a data service names, looked for where the Micro Integrator's Axis2
# dispatchers look, in their order (axis2.xml): the SOAP action (`soapAction`, else the `action` parameter of a
# SOAP 1.2 content type), the WS-Addressing `Action` header of the envelope (each naming `urn:<operation>` or
# `<operation>`, the SOAP action DBDeployer gives an operation), the first segment of the URL after the service
# address (`/services/<name>/<operation>`), then the local name of the body's first element. `""` when none names one.
function dataServiceOperation(Context ctx, string[] operations) returns string {
    foreach string action in [soapAction(ctx), dataServiceAddressingAction(ctx)] {
        foreach string operation in operations {
            if action != "" && (action == operation || action == "urn:" + operation) {
                return operation;
            }
        }
    }
    int? query = ctx.urlPostfix.indexOf("?");
    string path = query is int ? ctx.urlPostfix.substring(0, query) : ctx.urlPostfix;
    foreach string segment in re `/`.split(path) {
        if segment != "" {
            if operations.indexOf(segment) is int {
                return segment;
            }
            break;
        }
    }
    xml|error payload = xmlPayload(ctx);
    if payload is xml {
        xml<xml:Element> elements = payload.elements();
        if elements.length() > 0 {
            string name = localName(elements.get(0).getName());
            if operations.indexOf(name) is int {
                return name;
            }
        }
    }
    return "";
}

# The WS-Addressing `Action` header block of the request's envelope (2005/08 or 2004/08 addressing), `""` when none.
function dataServiceAddressingAction(Context ctx) returns string {
    xml|error header = soapHeader(ctx);
    if header is xml {
        foreach xml:Element block in header.children().elements() {
            string name = block.getName();
            if name == string `{${WSA_NS}}Action` || name == string `{${WSA_SUBMISSION_NS}}Action` {
                return block.data().trim();
            }
        }
    }
    return "";
}

# Whether a data service answers the request in JSON, REST resources and SOAP operations alike (DBDeployer gives both
# a DBInOutMessageReceiver): DBInOutMessageReceiver.invokeBusinessLogic cuts the Accept header at its first `;` (so a
# `;q=` there hides the items after it), splits it at `,` and, when a trimmed item is exactly `application/json` (a
# formatter is registered for it in the MI's axis2.xml, its JsonStreamFormatter), sets the response's messageType to
# `application/json`, so the result element is written by the JSON formatter instead of as XML. Otherwise the response
# keeps the request's messageType (MessageContextBuilder.createOutMessageContext copies MESSAGE_TYPE): the media type of
# the Content-Type of a request with a body (ServerWorker.processEntityEnclosingRequest; POST, PUT, PATCH and DELETE,
# SynapseHTTPRequestFactory), `application/xml` for one without (processNonEntityEnclosingRESTHandler), so a JSON body
# is answered in JSON too.
function dataServiceAcceptsJson(Context ctx) returns boolean {
    string accept = getHeader(ctx, "Accept");
    int? semicolon = accept.indexOf(";");
    if semicolon is int && semicolon > 0 {
        accept = accept.substring(0, semicolon);
    }
    foreach string item in re `,`.split(accept) {
        if item.trim() == "application/json" {
            return true;
        }
    }
    return (ctx.method == "POST" || ctx.method == "PUT" || ctx.method == "PATCH" || ctx.method == "DELETE")
        && messageType(ctx) == "application/json";
}

# The content type a data service answers an operation in: the request's SOAP version (`text/xml` or
# `application/soap+xml`), `application/xml` for a POX or REST-style request, and `application/json` when the
# Accept header (up to its first `;`) lists `application/json`, as DBInOutMessageReceiver switches the message type.
function dataServiceReplyType(Context ctx) returns string {
    if dataServiceAcceptsJson(ctx) {
        return "application/json";
    }
    if bodyFormat(ctx.contentType) == "soap" {
        return isSoap12(ctx.contentType) ? "application/soap+xml" : "text/xml";
    }
    return "application/xml";
}

# The answer of a data service operation with a result: the message (the result element `dataServiceSelect` made) in
# `replyType`, in a SOAP envelope of the request's version with no header, as DBInOutMessageReceiver builds it, or as
# plain XML or JSON. No request header is copied to the response.
function dataServiceReply(Context ctx, string replyType) returns http:Response|error {
    ctx.contentType = replyType;
    http:Response response = new;
    xml|byte[]? body = check entityBody(ctx);
    if body is xml|byte[] {
        response.setPayload(body);
        check response.setContentType(replyType);
    }
    return response;
}

# The answer of an operation with no result whose `returnRequestStatus` is set: `<REQUEST_STATUS>SUCCESSFUL</REQUEST_STATUS>`
# in the data service namespace (DataServiceProcessor).
function dataServiceRequestStatus(Context ctx, string replyType) returns http:Response|error {
    ctx.payload = xml `<REQUEST_STATUS xmlns="http://ws.wso2.org/dataservice">SUCCESSFUL</REQUEST_STATUS>`;
    return dataServiceReply(ctx, replyType);
}

# The request a `dataServiceCall` mediator gives a data service of the project (DataServiceCallMediator.addRootOperation
# with an inline source): the operation element in the `http://ws.wso2.org/dataservice` namespace with one child per
# parameter, its text the parameter's value (`addParams`), as the body of a new message that has no URL parameters,
# headers or properties, so the operation's query reads its parameters from those children alone
# (DataServiceRequest.getSingleInputValuesFromOM, a parameter given twice being an array).
function dataServiceCallRequest(Context ctx, string operation, [string, string][] params) returns Context {
    xml children = xml ``;
    foreach [string, string] [name, value] in params {
        children += xml:createElement(string `{http://ws.wso2.org/dataservice}${name}`, {}, xml:createText(value));
    }
    xml request = xml:createElement(string `{http://ws.wso2.org/dataservice}${operation}`, {}, children);
    return {messageId: ctx.messageId, payload: request, contentType: "application/xml", headers: {"content-type": "application/xml"}};
}

# Places the result of a `dataServiceCall` as DataServiceCallMediator.dispatchToService does: the result element of
# `request` (the message a data service query left its result in; `()` for an operation with no result, which is
# `<REQUEST_STATUS>SUCCESSFUL</REQUEST_STATUS>` with `requestStatus`, DataServiceProcessor.dispatch; with `requestBox`
# the result inside `<DATA_SERVICE_REQUEST_BOX_RESPONSE>`, empty for no result, RequestBox.execute and
# DBUtils.wrapBoxCarringResponse) into the `property` (none leaves it as it was: Axis2MessageContext.setProperty
# ignores a null value; a name evaluated to "" fails, as dispatchToService does for a dynamic name), or as the SOAP
# body's only child (JsonUtil.removeJsonPayload removes every child of the body and the JSON stream, then addChild).
# With no result and the body target the message becomes an empty envelope of its SOAP version (none for a message
# that is not SOAP) whose content type is application/xml (createDefaultSOAPEnvelope).
function dataServiceCallTarget(Context ctx, Context? request, boolean requestStatus = false, boolean requestBox = false,
        string? property = ()) returns error? {
    xml? result = ();
    if request is Context {
        json|xml|ReceivedBody payload = request.payload;
        if payload is xml {
            result = payload;
        }
    } else if requestStatus {
        result = xml `<REQUEST_STATUS xmlns="http://ws.wso2.org/dataservice">SUCCESSFUL</REQUEST_STATUS>`;
    }
    if requestBox {
        result = xml:createElement("{http://ws.wso2.org/dataservice}DATA_SERVICE_REQUEST_BOX_RESPONSE", {}, result ?: xml ``);
    }
    if property == "" {
        return error("Target type is set to property. Evaluated value for target property name is null or empty");
    }
    if property is string {
        if result is xml {
            ctx.properties[property] = result;
        }
        return;
    }
    if result is xml {
        xml body = check soapBody(ctx);
        if body !is xml:Element {
            return error("dataServiceCall: the message has no SOAP body");
        }
        body.setChildren(result);
        return commitBody(ctx, body);
    }
    json|xml|ReceivedBody payload = ctx.payload;
    string? version = payload is xml ? soapVersion(payload)
        : payload is ReceivedBody && isSoap12(payload.contentType) ? SOAP12_NS
        : payload is ReceivedBody && payload.contentType.trim().toLowerAscii().startsWith("text/xml") ? SOAP11_NS
        : ();
    ctx.payload = version == SOAP12_NS
        ? xml `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body/></soapenv:Envelope>`
        : version == SOAP11_NS
            ? xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>`
            : ();
    ctx.contentType = "application/xml";
}

# The request a `dataServiceCall` with `<source type="body"/>` gives the data service, and the operation it names
# (DataServiceCallMediator.handleSourceTypeBody): the body's first element, or for a JSON message the first element
# inside `jsonObject` (handleJsonObject), whose local name is the operation; the data service reads the parameters
# from its children by local name (DataServiceRequest.getSingleInputValuesFromOM). A body without an element fails as
# the mediator does; a request whose first child has child elements is a batch request (DataServiceRequest.
# isBatchRequest), and one named `...request_box` a request box, which this translation does not run: both fail.
function dataServiceCallBodyRequest(Context ctx) returns [string, Context]|error {
    xml first = check bodyFirstElement(ctx);
    if first !is xml:Element {
        return error("Source type is set to body. Received empty payload for request.");
    }
    xml:Element operation = first;
    if localName(first.getName()) == "jsonObject" {
        xml<xml:Element> inner = first.getChildren().elements();
        if inner.length() == 0 {
            return error("dataServiceCall: the JSON body holds no operation element (jsonObject has no child element)");
        }
        operation = inner.get(0);
    }
    string name = localName(operation.getName());
    xml<xml:Element> params = operation.getChildren().elements();
    if name.endsWith("request_box") || (params.length() > 0 && params.get(0).getChildren().elements().length() > 0) {
        return error(string `dataServiceCall: the body's request '${name}' is a ${name.endsWith("request_box") ? "request box" : "batch request"}, which this translation does not run for a body source (not translated)`);
    }
    return [name, {messageId: ctx.messageId, payload: operation, contentType: "application/xml", headers: {"content-type": "application/xml"}}];
}

# A body source's request naming no operation the translation runs: one of `untranslated` (the operation's reason) is
# not translated, any other name the data service does not have, which fails the call as DataServiceRequest does.
function dataServiceCallNoOperation(string serviceName, string operation, map<string> untranslated) returns error {
    string? reason = untranslated[operation];
    if reason is string {
        return error(string `dataServiceCall: the operation '${operation}' of data service '${serviceName}' is not translated: ${reason}`);
    }
    return error(string `A data service request named '${operation}' does not exist in data service '${serviceName}'`);
}

# A failed data service operation answered as DBUtils.createAxisFault makes it: a fault (500) whose code is in the
# data service namespace, `DATABASE_ERROR` for a failed query and `INCOMPATIBLE_PARAMETERS_ERROR` otherwise (a
# missing or malformed parameter), and whose reason is the error's message.
function dataServiceFault(Context ctx, string replyType, error e) returns http:Response|error =>
    dataServiceFaultResponse(ctx, replyType, e is sql:Error ? "DATABASE_ERROR" : "INCOMPATIBLE_PARAMETERS_ERROR", e.message());

# What Axis2 answers a request naming no operation of the data service (DispatchPhase): a Client fault (500).
function dataServiceNoOperation(Context ctx, string replyType) returns http:Response|error {
    string action = dataServiceAddressingAction(ctx);
    action = action != "" ? action : soapAction(ctx);
    string reason = string `The endpoint reference (EPR) for the Operation not found is ${ctx.to} and the WSA Action = ${action != "" ? action : "null"}. If this EPR was previously reachable, please contact the server administrator.`;
    return dataServiceFaultResponse(ctx, replyType, (), reason);
}

# A SOAP fault answered with 500 in `replyType`: its code the data service's `dataServiceCode`, or the SOAP Client
# (Sender) code when `()`. A POX or JSON reply carries the SOAP 1.1 `Fault` element, as Axis2 writes a fault to a
# REST client.
function dataServiceFaultResponse(Context ctx, string replyType, string? dataServiceCode, string reason) returns http:Response|error {
    if isSoap12(replyType) {
        xml code = dataServiceCode is string
            ? xml `<soapenv:Value xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope" xmlns:axis2ns1="http://ws.wso2.org/dataservice">axis2ns1:${dataServiceCode}</soapenv:Value>`
            : xml `<soapenv:Value xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope">soapenv:Sender</soapenv:Value>`;
        ctx.payload = xml `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body><soapenv:Fault><soapenv:Code>${code}</soapenv:Code><soapenv:Reason><soapenv:Text xml:lang="en">${reason}</soapenv:Text></soapenv:Reason></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
    } else {
        xml code = dataServiceCode is string
            ? xml `<faultcode xmlns:axis2ns1="http://ws.wso2.org/dataservice">axis2ns1:${dataServiceCode}</faultcode>`
            : xml `<faultcode xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">soapenv:Client</faultcode>`;
        ctx.payload = xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>${code}<faultstring>${reason}</faultstring><detail/></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
    }
    http:Response response = check dataServiceReply(ctx, replyType);
    response.statusCode = http:STATUS_INTERNAL_SERVER_ERROR;
    return response;
}

# The property the cache finder keeps the request key in for the collector (Synapse's `requestHash`).
const CACHE_REQUEST_HASH = "requestHash";

# The property the cache finder leaves its settings in for the collector (Synapse's `CachableResponse`).
const CACHABLE_RESPONSE = "CachableResponse";

# A response the cache collector stored (semantics §6.18): status code, headers, content type and body.
type CachedResponse record {|
    int statusCode;
    map<string> headers;
    string contentType;
    byte[] bytes;
    # When the entry expires, in seconds of `time:monotonicNow()`.
    decimal expires;
    # When the response was fetched, in milliseconds since the epoch (CachableResponse.responseFetchedTime): its
    # `Date` header, else the time it was stored; 0 when neither Cache-Control nor the Age header is enabled.
    int fetchedMillis;
|};

# What a cache finder leaves on a missed request for the collector of its response.
type PendingCache record {|
    string cache;
    string key;
    decimal timeout;
    int? maxSize;
    int? maxMessageSize;
    string responseCodes;
    # `enableCacheControl`: the response's `no-store` is honoured.
    boolean cacheControl;
    # `includeAgeHeader`: a response served from the cache carries an `Age` header.
    boolean ageHeader;
|};

# The responses the cache mediators stored, by cache and then by request key. Like the Micro Integrator's
# in-memory cache, it is empty again when the program restarts.
isolated map<map<CachedResponse & readonly>> responseCaches = {};

# Headers no request key includes: HttpRequestHashGenerator.getDigest skips Date and User-Agent, and
# getTransportHeaders removes CachingConstants.PERMANENTLY_EXCLUDED_HEADERS, the pass-through correlation header
# (`activityid` unless `http.correlation.header.name` renames it in the Micro Integrator's configuration).
final string[] & readonly CACHE_KEY_SKIPPED_HEADERS = ["date", "user-agent", "activityid"];

# Synapse's cache finder (`<cache collector="false">`, semantics §6.18). A request whose method is not in
# `methods` (empty: every method) is not cached. Otherwise the key is the request itself: its SOAP Body as built (a
# JSON or plain XML payload in the envelope Axis2 builds for it), and unless `payloadOnly` (DOMHASHGenerator) also
# the To address and the headers (`includedHeaders` only when given, never `excludedHeaders`, nor
# `CACHE_KEY_SKIPPED_HEADERS`), as HttpRequestHashGenerator hashes them: not the method, and no payload for a REST
# GET, DELETE or HEAD request. On a hit within `timeout` seconds the message becomes the cached response
# (status code, headers, body; with `ageHeader` also an `Age` header, as HttpCachingFilter.setAgeHeader adds it)
# and true is returned; on a miss the key and the settings stay on the context for `cacheStore`. With
# `cacheControl` (`enableCacheControl`) a hit the cached response's Cache-Control says to revalidate is a miss, as
# HttpCachingFilter.isValidCacheEntry decides it (see `cacheEntryRevalidates`).
function cacheLookup(Context ctx, string cache, decimal timeout, boolean payloadOnly = false, int? maxSize = (),
        int? maxMessageSize = (), string[] methods = [], string[] includedHeaders = [], string[] excludedHeaders = [],
        string responseCodes = ".*", boolean cacheControl = false, boolean ageHeader = false) returns boolean|error {
    _ = ctx.properties.removeIfHasKey(CACHE_REQUEST_HASH);
    _ = ctx.properties.removeIfHasKey(CACHABLE_RESPONSE);
    if methods.length() > 0 && methods.indexOf(ctx.method.toUpperAscii()) is () {
        return false;
    }
    // DOMHASHGenerator and HttpRequestHashGenerator hash the SOAP Body as built (getEnvelope().getBody()), not the
    // bytes received (a SOAP header block or the XML declaration changes no key); HttpRequestHashGenerator hashes no
    // payload for a REST GET, DELETE or HEAD request (isGet).
    boolean bodyless = !payloadOnly && ctx.restRequest && ["GET", "DELETE", "HEAD"].indexOf(ctx.method.toUpperAscii()) !is ();
    string key = bodyless ? "" : (check soapBody(ctx)).toString();
    if !payloadOnly {
        // HttpRequestHashGenerator: a first list entry `*` includes every header, or excludes them all.
        boolean allIncluded = includedHeaders.length() > 0 && includedHeaders[0] == "*";
        boolean allExcluded = excludedHeaders.length() > 0 && excludedHeaders[0] == "*";
        string[] names = from string name in ctx.headers.keys()
            where !allExcluded && (includedHeaders.length() == 0 || allIncluded || includedHeaders.indexOf(name) !is ())
                && excludedHeaders.indexOf(name) is () && CACHE_KEY_SKIPPED_HEADERS.indexOf(name) is ()
            order by name ascending
            select name;
        string headers = "";
        foreach string name in names {
            headers += name + ":" + (ctx.headers[name] ?: "") + "\n";
        }
        key = ctx.to + "\n" + headers + "\n" + key;
    }
    ctx.properties[CACHE_REQUEST_HASH] = key;
    decimal now = time:monotonicNow();
    CachedResponse & readonly|() hit = ();
    lock {
        map<CachedResponse & readonly>? entries = responseCaches[cache];
        if entries is map<CachedResponse & readonly> {
            CachedResponse & readonly|() entry = entries[key];
            if entry is CachedResponse & readonly && entry.expires > now {
                hit = entry;
            }
        }
    }
    PendingCache pending = {cache, key, timeout, maxSize, maxMessageSize, responseCodes, cacheControl, ageHeader};
    if hit is () || (cacheControl && check cacheEntryRevalidates(ctx, hit)) {
        ctx.properties[CACHABLE_RESPONSE] = pending;
        return false;
    }
    serveCachedResponse(ctx, hit, ageHeader);
    return true;
}

# The message becomes a cached response (CacheMediator.replaceEnvelopeWithCachedResponse): its body, content type,
# headers and status code; with `ageHeader` an `Age` header, the seconds since the response was fetched.
function serveCachedResponse(Context ctx, CachedResponse hit, boolean ageHeader) {
    ReceivedBody received = {bytes: [...hit.bytes], contentType: hit.contentType};
    ctx.payload = received;
    ctx.contentType = hit.contentType;
    map<string> headers = {};
    foreach [string, string] [name, value] in hit.headers.entries() {
        headers[name] = value;
    }
    ctx.headers = headers;
    ctx.excessHeaders = {};
    ctx.statusCode = hit.statusCode;
    ctx.httpSc = hit.statusCode.toString();
    ctx.isResponse = true;
    if ageHeader {
        ctx.headers["age"] = int:abs((hit.fetchedMillis - nowMillis()) / 1000).toString();
    }
}

# Whether a cached response must be fetched again, as HttpCachingFilter.isValidCacheEntry decides it from the
# cached response's headers: its Cache-Control `max-age` has passed since it was fetched, or it says `no-cache`
# and has an ETag, in which case the request's transport headers are replaced by `If-None-Match` with that ETag
# alone (so the backend can answer 304, and `cacheStore` then serves the cached response). The Cache-Control
# value is split at commas as Java's `split("\\s*,\\s*")` does; `no-cache` is matched ignoring case, and a part
# containing `max-age` is read after its first `=` (a malformed one fails the flow, as Long.parseLong does).
function cacheEntryRevalidates(Context ctx, CachedResponse entry) returns boolean|error {
    boolean noCache = false;
    int maxAge = -1;
    string? cacheControl = entry.headers["cache-control"];
    if cacheControl is string {
        foreach string part in re `\s*,\s*`.split(cacheControl) {
            if part.equalsIgnoreCaseAscii("no-cache") {
                noCache = true;
            }
            if part.includes("max-age") {
                string[] pieces = re `=`.split(part);
                if pieces.length() < 2 {
                    return error(string `Index 1 out of bounds for length 1 (the Cache-Control part '${part}')`);
                }
                maxAge = check int:fromString(pieces[1]);
            }
        }
    }
    if maxAge > -1 && entry.fetchedMillis + maxAge * 1000 < nowMillis() {
        return true;
    }
    string? etag = entry.headers["etag"];
    if noCache && etag is string && etag != "" {
        ctx.headers = {"if-none-match": etag};
        return true;
    }
    return false;
}

# When a response was fetched, as HttpCachingFilter.setResponseCachedTime reads it: its `Date` header
# (`EEE, dd MMM yyyy HH:mm:ss z`, an RFC 5322 date) in milliseconds since the epoch, else the time now. A `Date`
# it cannot read leaves 0 (the Micro Integrator logs a warning and keeps the time the entry had, 0 for a new one).
function responseFetchedMillis(Context ctx) returns int {
    string? date = ctx.headers["date"];
    if date is () {
        return nowMillis();
    }
    time:Civil|time:Error civil = time:civilFromEmailString(date);
    if civil is time:Error {
        log:printWarn(string `Error occurred while parsing the date. ${civil.message()}`);
        return 0;
    }
    time:Utc|time:Error utc = time:utcFromCivil(civil);
    if utc is time:Error {
        log:printWarn(string `Error occurred while parsing the date. ${utc.message()}`);
        return 0;
    }
    return epochMillis(utc);
}

# Synapse's cache collector (`<cache collector="true">`, semantics §6.18): stores the response under the key
# its request's finder left on the context, for the finder's timeout, when its status code matches the
# finder's `responseCodes` (a regular expression) and its body is at most `maxMessageSize` bytes. Expired
# entries make room first; a cache holding `maxSize` entries then drops its oldest one. As
# CacheMediator.processResponseMessage does: with `enableCacheControl` a response whose Cache-Control contains
# `no-store` is not stored and empties the entry cached under its key; a 304 (Not Modified) response is replaced
# by the response cached under its key (the flow goes on with it) and never stored.
function cacheStore(Context ctx) returns error? {
    anydata pending = ctx.properties[CACHABLE_RESPONSE];
    if pending !is PendingCache {
        return;
    }
    string cacheName = pending.cache;
    string cacheKey = pending.key;
    if pending.cacheControl && (ctx.headers["cache-control"] ?: "").includes("no-store") {
        lock {
            map<CachedResponse & readonly>? entries = responseCaches[cacheName];
            if entries is map<CachedResponse & readonly> {
                _ = entries.removeIfHasKey(cacheKey);
            }
        }
        return;
    }
    if ctx.statusCode == http:STATUS_NOT_MODIFIED {
        decimal current = time:monotonicNow();
        CachedResponse & readonly|() cached = ();
        lock {
            map<CachedResponse & readonly>? entries = responseCaches[cacheName];
            if entries is map<CachedResponse & readonly> {
                CachedResponse & readonly|() entry = entries[cacheKey];
                if entry is CachedResponse & readonly && entry.expires > current {
                    cached = entry;
                }
            }
        }
        if cached is CachedResponse & readonly {
            serveCachedResponse(ctx, cached, pending.ageHeader);
        }
        // With nothing cached the Micro Integrator fails to copy an empty entry; the 304 is not stored.
        return;
    }
    if !regexp:isFullMatch(check regexp:fromString(pending.responseCodes), ctx.statusCode.toString()) {
        return;
    }
    xml|byte[]? body = check entityBody(ctx);
    byte[] bytes = [];
    if body is xml {
        bytes = body.toString().toBytes();
    } else if body is byte[] {
        bytes = body;
    }
    int? maxMessageSize = pending.maxMessageSize;
    if maxMessageSize is int && bytes.length() > maxMessageSize {
        return;
    }
    decimal now = time:monotonicNow();
    CachedResponse & readonly entry = {
        statusCode: ctx.statusCode,
        headers: ctx.headers.cloneReadOnly(),
        contentType: ctx.contentType,
        bytes: bytes.cloneReadOnly(),
        expires: now + pending.timeout,
        fetchedMillis: pending.cacheControl || pending.ageHeader ? responseFetchedMillis(ctx) : 0
    };
    string cache = pending.cache;
    string key = pending.key;
    int? maxSize = pending.maxSize;
    lock {
        map<CachedResponse & readonly> entries = responseCaches[cache] ?: {};
        foreach [string, CachedResponse & readonly] [name, old] in entries.entries() {
            if old.expires <= now {
                _ = entries.remove(name);
            }
        }
        if maxSize is int && maxSize > 0 && entries.length() >= maxSize && !entries.hasKey(key) {
            // A full cache drops its oldest entry, as the Micro Integrator's size-bounded cache evicts one.
            string oldest = "";
            decimal oldestExpires = entry.expires;
            foreach [string, CachedResponse & readonly] [name, old] in entries.entries() {
                if old.expires <= oldestExpires {
                    oldest = name;
                    oldestExpires = old.expires;
                }
            }
            _ = entries.removeIfHasKey(oldest);
        }
        entries[key] = entry;
        responseCaches[cache] = entries;
    }
}

# The client's address as the Micro Integrator's HTTP transport keeps it: `REMOTE_ADDR` (its IP) and `REMOTE_HOST`
# among the message's axis2 properties (semantics §6.19: the throttle reads them, and so may any expression). The
# pass-through ServerWorker.createMessageContext sets `REMOTE_HOST` with NhttpUtil.getHostName, which does no reverse
# DNS lookup: the name the connection's address already carries, else the IP. `http:Caller`'s `remoteAddress.host` is
# InetSocketAddress.getHostString, no lookup either: for an accepted connection the IP as text, as in the MI.
function setRemoteAddress(Context ctx, http:Caller caller) {
    ctx.axis2["REMOTE_ADDR"] = caller.remoteAddress.ip;
    ctx.axis2["REMOTE_HOST"] = caller.remoteAddress.host;
}

# The property that names the throttle whose concurrency slot the message holds (Synapse's
# `synapse.concurrency.throttle.key`, set with `synapse.concurrency.throttle` while the slot is held).
const THROTTLE_SLOT_KEY = "synapse.concurrency.throttle.key";

# Set while the message holds a concurrency slot (Synapse's `synapse.concurrency.throttle`).
const THROTTLE_SLOT_HELD = "synapse.concurrency.throttle";

# Whether the last throttle admitted the message (Synapse's `synapse.is.concurrent.access.allowed`).
const THROTTLE_ALLOWED = "synapse.is.concurrent.access.allowed";

# One caller entry of a throttle policy, as ThrottleFactory reads it (semantics §6.19). `id` is an IP address (a
# range's first address, `rangeEnd` its last), `a.b.c.*`, a domain (`*.example.com` covers its subdomains), or `other`
# for every caller no entry covers. `access` is "allow", "deny" or "control": `maxCount` requests per `unitTime` ms,
# then no access for `prohibitTime` ms (0: until the unit time is over).
type ThrottleCaller record {|
    string id;
    string? rangeEnd = ();
    string access;
    int maxCount = 0;
    int unitTime = 0;
    int prohibitTime = 0;
|};

# A throttle policy: at most `maxConcurrent` messages in flight (0: no limit), and the IP and domain caller entries.
type ThrottlePolicy record {|
    int maxConcurrent = 0;
    ThrottleCaller[] ipCallers = [];
    ThrottleCaller[] domainCallers = [];
|};

# The concurrency slots of one throttle (Synapse's ConcurrentAccessController): how many are free of `maximum`.
type ThrottleSlots record {|
    int available;
    int maximum;
|};

# The access window of one caller entry (Synapse's CallerContext), times in ms.
type ThrottleWindow record {|
    int firstAccess;
    int nextWindow;
    int count;
    int nextAccess;
|};

# The concurrency slots of every throttle, by throttle. Like the Micro Integrator's in-memory counters they start
# again when the program restarts, and each running instance has its own.
isolated map<ThrottleSlots> throttleSlots = {};

# The access windows, by throttle and caller entry: as ThrottleMediator keys them, every caller one entry covers
# (all the callers `other` covers) shares that entry's window.
isolated map<ThrottleWindow> throttleWindows = {};

# Synapse's throttle mediator on a request (semantics §6.19). With a concurrency limit the message takes one of the
# throttle's `maxConcurrent` slots, or is rejected when none is free. Then the caller's rate: its domain (the
# `X-Forwarded-Host` header, else the client's host name) when a domain entry covers it, otherwise its IP (the first
# `X-Forwarded-For` address, else the client's address) when an IP entry covers it. An allowed entry admits, a denied
# one rejects, a controlled one counts the request in the entry's window. A message the rate rejects gives its slot
# back; an admitted one holds it until `throttleRelease`. An IP entry whose last part is not a number fails the
# message, as IPBaseThrottleConfiguration throws.
function throttleAdmit(Context ctx, string throttle, ThrottlePolicy & readonly policy) returns boolean|error {
    int maxConcurrent = policy.maxConcurrent;
    boolean admitted = true;
    if maxConcurrent > 0 {
        lock {
            ThrottleSlots slots = throttleSlots[throttle] ?: {available: maxConcurrent, maximum: maxConcurrent};
            if slots.available > 0 {
                slots.available -= 1;
            } else {
                admitted = false;
            }
            throttleSlots[throttle] = slots;
        }
    }
    if admitted {
        admitted = check throttleRate(ctx, throttle, policy);
        if !admitted && maxConcurrent > 0 {
            throttleGiveBack(throttle);
        } else if admitted && maxConcurrent > 0 {
            ctx.properties[THROTTLE_SLOT_HELD] = true;
            ctx.properties[THROTTLE_SLOT_KEY] = throttle;
        }
    }
    ctx.properties[THROTTLE_ALLOWED] = admitted;
    return admitted;
}

# Gives back the concurrency slot the message holds, once (semantics §6.19).
function throttleRelease(Context ctx) {
    anydata throttle = ctx.properties[THROTTLE_SLOT_KEY];
    if ctx.properties[THROTTLE_SLOT_HELD] != true || throttle !is string {
        return;
    }
    ctx.properties[THROTTLE_SLOT_HELD] = false;
    throttleGiveBack(throttle);
}

# The result of a non-blocking call, after the message's concurrency slot is given back: Synapse frees it when the
# response arrives and when the send fails (SynapseCallbackReceiver, AbstractEndpoint.informFailure), so a failed
# call must not keep the slot.
function throttleReleased(Context ctx, error? result) returns error? {
    throttleRelease(ctx);
    return result;
}

# One slot of `throttle` free again, never more than its maximum.
function throttleGiveBack(string throttle) {
    lock {
        ThrottleSlots? slots = throttleSlots[throttle];
        if slots is ThrottleSlots && slots.available < slots.maximum {
            slots.available += 1;
        }
    }
}

# The rate decision of ThrottleMediator.doThrottleByAccessRate: the domain entry, else the IP entry, that covers the
# caller; no entry admits.
function throttleRate(Context ctx, string throttle, ThrottlePolicy & readonly policy) returns boolean|error {
    anydata remoteHost = ctx.axis2["REMOTE_HOST"];
    string? domain = ctx.headers["x-forwarded-host"] ?: (remoteHost is string ? remoteHost : ());
    if domain is string && policy.domainCallers.length() > 0 {
        ThrottleCaller? domainEntry = throttleDomainEntry(policy.domainCallers, domain.trim());
        if domainEntry is ThrottleCaller {
            return throttleAccess(throttle, domainEntry);
        }
    }
    string? forwardedFor = ctx.headers["x-forwarded-for"];
    anydata remoteAddress = ctx.axis2["REMOTE_ADDR"];
    string? ip = remoteAddress is string ? remoteAddress : ();
    if forwardedFor is string && forwardedFor != "" {
        int? comma = forwardedFor.indexOf(",");
        ip = comma is int && comma > 0 ? forwardedFor.substring(0, comma) : forwardedFor;
    }
    if ip is () || policy.ipCallers.length() == 0 {
        return true;
    }
    ThrottleCaller? ipEntry = check throttleIpEntry(policy.ipCallers, ip.trim());
    return ipEntry is ThrottleCaller ? throttleAccess(throttle, ipEntry) : true;
}

# The entry whose domain is the caller's, or `*.` its parent domain (the nearest first), else `other`.
function throttleDomainEntry(readonly & ThrottleCaller[] callers, string domain) returns ThrottleCaller? {
    string name = domain;
    while true {
        foreach ThrottleCaller entry in callers {
            if entry.id != "other" && entry.id == name {
                return entry;
            }
        }
        int? dot = name.indexOf(".");
        string all = dot is int && dot > 0 ? "*." + name.substring(dot + 1) : "*." + name;
        foreach ThrottleCaller entry in callers {
            if entry.id != "other" && entry.id.endsWith(all) {
                return entry;
            }
        }
        if dot is int && dot > 0 {
            name = name.substring(dot + 1);
        } else {
            break;
        }
    }
    return throttleOther(callers);
}

# The entry of the caller's IP: the address itself, a range of its network holding it, `a.b.c.*`, else `other`.
function throttleIpEntry(readonly & ThrottleCaller[] callers, string ip) returns ThrottleCaller?|error {
    foreach ThrottleCaller entry in callers {
        if entry.id != "other" && entry.id == ip {
            return entry;
        }
    }
    int? dot = ip.lastIndexOf(".");
    if dot is int && dot > 0 {
        string net = ip.substring(0, dot);
        string host = ip.substring(dot + 1);
        foreach ThrottleCaller entry in callers {
            if entry.id == "other" || !entry.id.startsWith(net) || !(check throttleIpBound(entry.id, host, true)) {
                continue;
            }
            string? rangeEnd = entry.rangeEnd;
            if rangeEnd is string && (check throttleIpBound(rangeEnd, host, false)) {
                return entry;
            }
        }
        foreach ThrottleCaller entry in callers {
            if entry.id == net + ".*" {
                return entry;
            }
        }
    }
    return throttleOther(callers);
}

# IPBaseThrottleConfiguration.isAfter (`first`: the last part of `bound` is at most the caller's `host`) and
# isBefore (at least it); a bound without a dot holds nothing.
function throttleIpBound(string bound, string host, boolean first) returns boolean|error {
    int? dot = bound.lastIndexOf(".");
    if dot is () || dot == 0 {
        return false;
    }
    int boundPart = check throttleIpPart(bound.substring(dot + 1));
    int hostPart = check throttleIpPart(host);
    return first ? boundPart <= hostPart : boundPart >= hostPart;
}

# The last part of an IP address as a number, failing as IPBaseThrottleConfiguration.toInt does.
function throttleIpPart(string part) returns int|error {
    int|error value = int:fromString(part.trim());
    if value is error {
        return error(string `Error was occurred during ip(ip-range) processing  Invalid string '${part}' , except an integer value `);
    }
    return value;
}

# The `other` entry: every caller no other entry covers.
function throttleOther(readonly & ThrottleCaller[] callers) returns ThrottleCaller? {
    foreach ThrottleCaller entry in callers {
        if entry.id == "other" {
            return entry;
        }
    }
    return ();
}

# Synapse's AccessRateController and CallerContext: an allowed entry admits, a denied one rejects; a controlled one
# admits `maxCount` requests from the first one of its window to `unitTime` ms later. The first request over the
# count starts the prohibit period (`prohibitTime` ms, or to the end of the window), during which every request is
# rejected; the first request after it, or after the window when the count was not reached, starts a new window.
function throttleAccess(string throttle, ThrottleCaller entry) returns boolean {
    if entry.access == "allow" {
        return true;
    }
    if entry.access == "deny" {
        return false;
    }
    string key = throttle + "_" + entry.id;
    int now = <int>(time:monotonicNow() * 1000d);
    int maxCount = entry.maxCount;
    int unitTime = entry.unitTime;
    int prohibitTime = entry.prohibitTime;
    boolean admitted = false;
    lock {
        ThrottleWindow window = throttleWindows[key] ?: {firstAccess: now, nextWindow: now + unitTime, count: 0, nextAccess: 0};
        if window.nextWindow > now {
            if maxCount == 0 {
                // A count of 0 admits nothing while the window lasts, as CallerContext does.
            } else if window.count + 1 <= maxCount {
                window.count += 1;
                admitted = true;
            } else if window.nextAccess == 0 {
                window.nextAccess = prohibitTime == 0 ? window.firstAccess + unitTime : now + prohibitTime;
            } else if window.nextAccess <= now {
                window = {firstAccess: now, nextWindow: now + unitTime, count: 1, nextAccess: 0};
                admitted = true;
            }
        } else if maxCount != 0 && (window.count < maxCount || window.nextAccess == 0 || window.nextAccess <= now) {
            window = {firstAccess: now, nextWindow: now + unitTime, count: 1, nextAccess: 0};
            admitted = true;
        }
        throttleWindows[key] = window;
    }
    return admitted;
}

# iterate with preservePayload="true" and an attachPath (semantics §6.7, Synapse's IterateMediator): the
# matched elements are detached from a copy of the message; each copy of that message then gets one match,
# in document order, appended to the first element the attachPath selects in it (a SOAP envelope and its
# header are kept). Synapse evaluates both paths over the envelope (EIPUtils.getDetachedMatchingElements,
# attachPath.evaluate(newEnvelope)): `matchesFrom` and `attachFrom` say where each starts (`xpathStart`), so `//a`
# finds header blocks too. Synapse fails when the attachPath selects nothing; so does this.
function attachedMessages(Context ctx, function (xml:Element body) returns xml matches,
        function (xml:Element body) returns xml attachPath, string attachPathText,
        XPathStart matchesFrom = "body", XPathStart attachFrom = "body") returns Context[]|error {
    Context base = branchContext(ctx);
    xml bodyValue = check soapBody(base);
    if bodyValue !is xml:Element {
        return error("iterate: the message has no SOAP body");
    }
    xml:Element body = bodyValue;
    xml:Element scope = matchesFrom == "body" ? body : check envelopeOf(base, body);
    xml:Element? origin = xpathStart(scope, matchesFrom);
    xml:Element[] matched = [];
    if origin is xml:Element {
        matched = from xml:Element element in matches(origin).elements()
            select element;
    }
    foreach xml:Element element in matched {
        xml:Element? owner = xmlParent(scope, element);
        if owner is xml:Element {
            replaceChild(owner, element, xml ``);
        }
    }
    check commitBody(base, body);
    Context[] messages = [];
    foreach xml:Element part in matched {
        Context message = branchContext(base);
        xml copyValue = check soapBody(message);
        if copyValue !is xml:Element {
            return error("iterate: the message has no SOAP body");
        }
        xml:Element copyBody = copyValue;
        xml:Element copyScope = attachFrom == "body" ? copyBody : check envelopeOf(message, copyBody);
        xml:Element? copyOrigin = xpathStart(copyScope, attachFrom);
        xml<xml:Element> found = copyOrigin is xml:Element ? attachPath(copyOrigin).elements() : (xml ``).elements();
        if found.length() == 0 {
            return error(string `Error in attaching the splitted elements :: Unable to get the attach path specified by the expression ${attachPathText}`);
        }
        xml:Element at = found.get(0);
        at.setChildren(at.getChildren() + part.clone());
        check commitBody(message, copyBody);
        messages.push(message);
    }
    return messages;
}

# iterate with a JSONPath expression and preservePayload (semantics §6.7, IterateMediator's JSON branch). The
# path must select an array; when `attachPath` is another path, that array is emptied in the payload the copies
# start from. Each item gets a copy of the message whose payload is that payload with the item set at
# `attachPath` (which must exist; a null there is left as it is), or, for the attach path `$`, the item itself.
function attachedJsonMessages(Context ctx, string path, string attachPath) returns Context[]|error {
    json root = (check jsonPayload(ctx)).clone();
    (string|int)[] itemSegments = check jsonPathSegments(path);
    (string|int)[] attachSegments = check jsonPathSegments(attachPath);
    [boolean, json] [found, selected] = jsonAtSegments(root, itemSegments);
    json[] items;
    if found && selected is json[] {
        items = selected;
    } else {
        return error(string `JSON element expressed by the path ${path} is not a valid JSON array that can be iterated`);
    }
    if itemSegments != attachSegments {
        root = check jsonSetAt(root, itemSegments, []);
    }
    Context[] messages = [];
    foreach json item in items {
        Context message = branchContext(ctx);
        if attachSegments.length() == 0 {
            message.payload = item.clone();
        } else {
            json copy = root.clone();
            [boolean, json] [present, current] = jsonAtSegments(copy, attachSegments);
            if !present {
                return error(string `Error in attaching the splitted elements :: Unable to get the attach path specified by the expression ${attachPath}`);
            }
            if current !is () {
                copy = check jsonSetAt(copy, attachSegments, item.clone());
            }
            message.payload = copy;
        }
        messages.push(message);
    }
    return messages;
}

# The message count an aggregate completes after when its messageCount min or max is computed at run time
# (AggregateMediator): each value is read as a Java double and its integer part kept, a value below 1 setting no
# limit; `count` is the smallest positive literal limit, if any. A value that is not a number fails, as
# Double.parseDouble does.
function aggregateCount(int? count, string[] values) returns int?|error {
    int? result = count;
    foreach string value in values {
        float number = check float:fromString(value.trim());
        if number.isNaN() || number < 1.0 {
            continue;
        }
        int whole = number >= 2147483647.0 ? 2147483647 : <int>number.floor();
        if result is () || whole < result {
            result = whole;
        }
    }
    return result;
}

# The value at the members and indexes of a simple JSONPath: whether it exists, and the value.
function jsonAtSegments(json root, (string|int)[] segments) returns [boolean, json] {
    json current = root;
    foreach string|int segment in segments {
        [boolean, json] [found, member] = jsonMember(current, segment);
        if !found {
            return [false, ()];
        }
        current = member;
    }
    return [true, current];
}

# `root` with the value at the members and indexes of a simple JSONPath replaced by `value` (the path `$`:
# `value` itself); the path must exist.
function jsonSetAt(json root, (string|int)[] segments, json value) returns json|error {
    if segments.length() == 0 {
        return value;
    }
    [boolean, json] [found, parent] = jsonAtSegments(root, segments.slice(0, segments.length() - 1));
    string|int last = segments[segments.length() - 1];
    if found && parent is map<json> && last is string && parent.hasKey(last) {
        parent[last] = value;
        return root;
    }
    if found && parent is json[] && last is int && last >= 0 && last < parent.length() {
        parent[last] = value;
        return root;
    }
    return error("no JSON value at the path to set");
}

# The `Header` element a SOAP header edit works on (HeaderMediator, default scope): the Header of the message's
# SOAP envelope, created as its first child when absent. A plain XML message is first placed in a new SOAP 1.1
# envelope, as Synapse's builder has done (its XML formatter still writes only the body). A JSON, text or empty
# message has no envelope here: `()`, and the edit is not kept (the MI keeps it on an envelope that its JSON
# and text formatters do not write).
function soapHeaderForEdit(Context ctx) returns xml:Element|error? {
    json|xml payload = check parsedPayload(ctx);
    if payload !is xml || payload.elements().length() == 0 {
        return ();
    }
    xml envelope = payload;
    string? uri = soapVersion(payload);
    if uri is () {
        envelope = xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${payload}</soapenv:Body></soapenv:Envelope>`;
    }
    ctx.payload = envelope;
    xml:Element? header = envelopePart(envelope, "Header");
    if header is xml:Element {
        return header;
    }
    xml:Element root = envelope.elements().get(0);
    xml:Element created = uri == SOAP12_NS
        ? <xml:Element>xml `<soap:Header xmlns:soap="http://www.w3.org/2003/05/soap-envelope"/>`
        : <xml:Element>xml `<soapenv:Header xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"/>`;
    root.setChildren(created + root.getChildren());
    return created;
}

# A SOAP header block `{uri}localName` with `value` as its text, declared with the prefix the mediator used.
function soapHeaderBlock(string uri, string prefix, string localName, string value) returns xml:Element =>
    xml:createElement("{" + uri + "}" + localName, {["{http://www.w3.org/2000/xmlns/}" + prefix]: uri}, xml:createText(value));

# Adds header blocks to the SOAP Header (HeaderMediator `set`, default scope): appended after the blocks already
# there, a block of the same name included, as Axiom's `addHeaderBlock` does.
function addSoapHeader(Context ctx, xml blocks) returns error? {
    xml:Element? header = check soapHeaderForEdit(ctx);
    if header is xml:Element {
        header.setChildren(header.getChildren() + blocks);
    }
}

# Removes every SOAP header block named `{uri}localName` (HeaderMediator `remove`, default scope). A message
# without a Header is left as it is.
function removeSoapHeader(Context ctx, string uri, string localName) returns error? {
    json|xml payload = check parsedPayload(ctx);
    if payload !is xml {
        return;
    }
    xml:Element? header = envelopePart(payload, "Header");
    if header is () {
        return;
    }
    string name = uri == "" ? localName : "{" + uri + "}" + localName;
    xml kept = xml ``;
    boolean removed = false;
    foreach xml item in header.getChildren() {
        if item is xml:Element && item.getName() == name {
            removed = true;
        } else {
            kept += item;
        }
    }
    if removed {
        header.setChildren(kept);
        ctx.payload = payload;
    }
}

# The local path a file connector 2.x location names, as commons-vfs resolves it (`resolveFile`): the path of a
# `file:` URI (`file:///tmp/a.txt`, `file:/tmp/a.txt`) or an absolute path, each `%XX` escape decoded to one
# character as VFS's UriParser decodes it. An empty or relative location fails, as it does in VFS. A location on another file system (`ftp:`, `sftp:`, `smb:`, ...) or
# on another host fails: the generated code reaches local files only (ballerina/ftp reaches FTP and SFTP
# servers). The error names the scheme only, as such a URI may hold a password.
function fileConnectorPath(string location) returns string|error {
    string path = location;
    int? colon = location.indexOf(":");
    if colon is int && colon > 1 && fileConnectorIsScheme(location.substring(0, colon)) {
        string scheme = location.substring(0, colon).toLowerAscii();
        if scheme != "file" {
            return error(string `the file connector location is on a ${scheme}: file system, which the generated code does not reach (local files only)`);
        }
        path = location.substring(colon + 1);
        if path.startsWith("//") {
            if !path.startsWith("///") {
                return error("the file connector location is a file: URI naming another host, which the generated code does not reach");
            }
            path = path.substring(2);
        }
    }
    // DefaultFileSystemManager.resolveFile: a relative name (or none) fails, as there is no base file.
    boolean drive = path.length() > 2 && fileConnectorIsScheme(path.substring(0, 1)) && path.substring(1, 2) == ":"
            && (path.substring(2, 3) == "/" || path.substring(2, 3) == "\\");
    if !path.startsWith("/") && !drive {
        return error("the file connector location is a relative path, and no base URI was provided");
    }
    string decoded = "";
    int i = 0;
    while i < path.length() {
        string c = path.substring(i, i + 1);
        if c == "%" {
            if i + 3 > path.length() {
                return error("Invalid URI escape sequence in the file connector location");
            }
            decoded += check string:fromCodePointInt(check int:fromHexString(path.substring(i + 1, i + 3)));
            i += 3;
        } else {
            decoded += c;
            i += 1;
        }
    }
    return decoded;
}

# True when `text` is a URI scheme: a letter, then letters, digits, `+`, `-` and `.`.
function fileConnectorIsScheme(string text) returns boolean {
    foreach int i in 0 ..< text.length() {
        string c = text.substring(i, i + 1);
        boolean letter = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
        boolean other = (c >= "0" && c <= "9") || c == "+" || c == "-" || c == ".";
        if !letter && (i == 0 || !other) {
            return false;
        }
    }
    return true;
}

# True when the file connector treats `path` as a folder (FileConnectorUtils.isFolder): its last name has no
# extension, that is no `.` after its first character other than a last one.
function fileConnectorIsFolderName(string path) returns boolean {
    string name = path;
    while name.length() > 1 && name.endsWith("/") {
        name = name.substring(0, name.length() - 1);
    }
    int? slash = name.lastIndexOf("/");
    string base = slash is int ? name.substring(slash + 1) : name;
    int? dot = base.lastIndexOf(".");
    return dot is () || dot < 1 || dot == base.length() - 1;
}

# A connector's result element (the file connector's ResultPayloadCreate.preparePayload, the LDAP connector's
# LDAPUtils.preparePayload): it replaces the body's children; the content type is kept, so a JSON client gets
# `{"success": true}`.
function connectorResult(Context ctx, xml result) {
    ctx.payload = replaceBody(ctx, result);
}

# fileconnector.create (FileCreate, connector 2.0.7 or later) on a local file: a location whose last name has no
# extension becomes a folder (with its parents; an existing one is kept); any other a file with its parents,
# empty when `content` is empty (an existing file is kept), else holding the content (replacing the file's),
# written in UTF-8 or, with `isBinaryContent` true, decoded from base64. The payload becomes
# `<success>true</success>`; a failure fails the flow ("Unable to create a file/folder.").
function fileConnectorCreate(Context ctx, string location, string content = "", string encoding = "",
        string isBinaryContent = "") returns error? {
    string path = check fileConnectorPath(location);
    boolean binary = isBinaryContent.toLowerAscii() == "true";
    string charset = encoding.toLowerAscii();
    if !binary && charset != "" && charset != "utf8" && charset != "utf-8" {
        return error(string `the file connector's encoding ${encoding} is not UTF-8, the only one the generated code writes`);
    }
    do {
        if fileConnectorIsFolderName(path) {
            check file:createDir(path, file:RECURSIVE);
        } else if content == "" {
            boolean exists = check file:test(path, file:EXISTS);
            if !exists {
                check fileConnectorCreateParent(path);
                check file:create(path);
            } else if check file:test(path, file:IS_DIR) {
                fail error("the location is a folder");
            }
        } else {
            check fileConnectorCreateParent(path);
            byte[] bytes = binary ? check array:fromBase64(content) : content.toBytes();
            check io:fileWriteBytes(path, bytes);
        }
    } on fail error e {
        return error("Unable to create a file/folder.", e);
    }
    connectorResult(ctx, xml `<success>true</success>`);
}

# Creates the folder holding `path` and its parents when they do not exist (VFS creates them before writing).
function fileConnectorCreateParent(string path) returns error? {
    string parent = check file:parentPath(path);
    if parent != "" {
        check file:createDir(parent, file:RECURSIVE);
    }
}

# fileconnector.isFileExist (FileExist) on a local file: the payload becomes `<fileExist>true</fileExist>` or
# `<fileExist>false</fileExist>`.
function fileConnectorIsFileExist(Context ctx, string location) returns error? {
    string path = check fileConnectorPath(location);
    boolean|file:Error exists = file:test(path, file:EXISTS);
    if exists is file:Error {
        return error("Error while processing a file.", exists);
    }
    connectorResult(ctx, xml `<fileExist>${exists.toString()}</fileExist>`);
}

# fileconnector.delete (FileDelete, connector 2.0.4 or later) on a local file: a file is deleted; a folder with
# all it holds, or, with a `filePattern` other than "" and "*", only its children whose name fully matches the
# pattern (a child folder only when it is empty, as FileObject.delete does). The payload becomes
# `<success>true</success>`, or `<success>false</success>` when nothing exists there; a failure fails the
# flow ("Error occurs while deleting a file.").
function fileConnectorDelete(Context ctx, string location, string filePattern = "") returns error? {
    string path = check fileConnectorPath(location);
    boolean deleted = false;
    do {
        if check file:test(path, file:EXISTS) {
            boolean folder = check file:test(path, file:IS_DIR);
            if !folder {
                check file:remove(path);
            } else if filePattern != "" && filePattern != "*" {
                regexp:RegExp pattern = check regexp:fromString(filePattern);
                foreach file:MetaData child in check file:readDir(path) {
                    if pattern.isFullMatch(check file:basename(child.absPath))
                            && (!child.dir || (check file:readDir(child.absPath)).length() == 0) {
                        check file:remove(child.absPath);
                    }
                }
            } else {
                check file:remove(path, file:RECURSIVE);
            }
            deleted = true;
        }
    } on fail error e {
        return error("Error occurs while deleting a file.", e);
    }
    connectorResult(ctx, xml `<success>${deleted.toString()}</success>`);
}

# fileconnector.read (FileRead and ResultPayloadCreate.buildFile, connector 2.0.8 to 2.0.21) of a local file: the
# file, or the first entry of a folder (in the file system's listing order), becomes the message as the Micro
# Integrator's builder for `contentType` builds it (by the file's extension when it is blank: `xml` application/xml,
# `txt` text/plain, anything else bytes), in place of the whole envelope; the message's content type (messageType)
# is kept, as the connector keeps it. The `readingFileName` property holds the file's name. A missing location,
# an empty folder or a file that does not parse fails the flow.
function fileConnectorRead(Context ctx, string location, string contentType = "") returns error? {
    string path = check fileConnectorPath(location);
    string target = path;
    do {
        boolean exists = check file:test(path, file:EXISTS);
        if !exists {
            fail error("File/Folder does not exists");
        }
        if check file:test(path, file:IS_DIR) {
            file:MetaData[] children = check file:readDir(path);
            if children.length() == 0 {
                fail error("Empty folder.");
            }
            target = children[0].absPath;
        }
    } on fail error e {
        return error(e.message(), e);
    }
    string name = check file:basename(target);
    string 'type = contentType;
    if contentType.trim() == "" {
        string extension = fileConnectorExtension(name).toLowerAscii();
        'type = extension.endsWith("xml") ? "application/xml" : extension.endsWith("txt") ? "text/plain" : "";
    } else {
        int? charsetAt = contentType.toLowerAscii().indexOf("charset=");
        if charsetAt is int {
            string charset = contentType.substring(charsetAt + 8).toLowerAscii();
            int? end = charset.indexOf(";");
            charset = (end is int ? charset.substring(0, end) : charset).trim();
            if charset != "utf-8" && charset != "utf8" && charset != "\"utf-8\"" {
                return error(string `the file connector's content type ${contentType} names a charset other than UTF-8, the only one the generated code reads`);
            }
        }
    }
    ctx.properties["readingFileName"] = name;
    byte[]|error bytes = io:fileReadBytes(target);
    json|xml|error payload = bytes is error ? bytes : parseBody(bytes, 'type);
    if payload is error {
        return error("Error while processing the file/folder", payload);
    }
    ctx.payload = payload;
}

# The extension of a file's name as commons-vfs gives it: the text after the last `.`, empty when there is no
# `.` after the first character or it is the last one.
function fileConnectorExtension(string name) returns string {
    int? dot = name.lastIndexOf(".");
    return dot is () || dot < 1 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
}

# fileconnector.append (FileAppend, connector 2.x) on a local file, without a position: `content` is written at
# the file's end in UTF-8, the file (and its parents) created when missing. The payload becomes
# `<success>true</success>`; a failure fails the flow ("Error while appending a file.").
function fileConnectorAppend(Context ctx, string location, string content = "", string encoding = "") returns error? {
    string path = check fileConnectorPath(location);
    string charset = encoding.toLowerAscii();
    if charset != "" && charset != "utf8" && charset != "utf-8" {
        return error(string `the file connector's encoding ${encoding} is not UTF-8, the only one the generated code writes`);
    }
    do {
        check fileConnectorCreateParent(path);
        check io:fileWriteBytes(path, content.toBytes(), io:APPEND);
    } on fail error e {
        return error("Error while appending a file.", e);
    }
    connectorResult(ctx, xml `<success>true</success>`);
}

# A file connector location (`fileConnectorPath`) as commons-vfs names it: cleaned, without a trailing `/`.
function fileConnectorCleanPath(string location) returns string|error {
    return file:normalizePath(check fileConnectorPath(location), file:CLEAN);
}

# True when the name of `path` fully matches the file connector's `filePattern` (FilePattenMatcher: a Java regular
# expression that must match the whole name).
function fileConnectorMatches(string filePattern, string name) returns boolean|error {
    return regexp:isFullMatch(check regexp:fromString(filePattern), name);
}

# fileconnector.copy (FileCopy, connector 2.0.22 or later; earlier 2.x releases log a failed pattern copy and go on) of
# local files. Without a `filePattern`, a file is copied into the destination folder under its own name; a folder's tree
# is merged into the destination (into a folder of its own name there with `includeParentDirectory` true) as VFS's
# copyFrom merges it: a file replaces one of the same name, an entry of another type is deleted first, folders are
# created as needed. The payload becomes `<success>true</success>`, or `<success>false</success>` when the source does
# not exist or a file's copy fails (the connector logs it). With a `filePattern`, every file of the source folder and of
# its sub-folders whose name fully matches the pattern is copied into the destination folder itself (sub-folders are not
# kept) and the payload becomes `<success>true</success>`; a missing source, one that is not a folder or a failed copy
# fails the flow.
function fileConnectorCopy(Context ctx, string location, string destination, string filePattern = "",
        string includeParentDirectory = "") returns error? {
    string sourcePath = check fileConnectorCleanPath(location);
    string destinationPath = check fileConnectorCleanPath(destination);
    if filePattern != "" {
        check fileConnectorCopyMatching(sourcePath, destinationPath, filePattern);
        connectorResult(ctx, xml `<success>true</success>`);
        return;
    }
    boolean copied = false;
    do {
        if !check file:test(sourcePath, file:EXISTS) {
            log:printError("The File Location does not exist.");
        } else if !check file:test(sourcePath, file:IS_DIR) {
            error? failed = fileConnectorCopyTree(sourcePath, destinationPath + "/" + check file:basename(sourcePath));
            if failed is error {
                log:printError("Error while copying a file " + failed.message());
            } else {
                copied = true;
            }
        } else {
            string target = destinationPath;
            if includeParentDirectory.toLowerAscii() == "true" {
                target = destinationPath + "/" + check file:basename(sourcePath);
                check file:createDir(target, file:RECURSIVE);
            }
            check fileConnectorCopyTree(sourcePath, target);
            copied = true;
        }
    } on fail error e {
        return error("Unable to copy a file/folder", e);
    }
    connectorResult(ctx, xml `<success>${copied.toString()}</success>`);
}

# FileCopy with a pattern: the files of `folder` whose name fully matches `filePattern` are copied into
# `destination` under their own names, then the sub-folders are searched the same way.
function fileConnectorCopyMatching(string folder, string destination, string filePattern) returns error? {
    file:MetaData[]|error children = file:readDir(folder);
    if children is error {
        return error("Unable to copy a file/folder", children);
    }
    foreach file:MetaData child in children {
        string name = check file:basename(child.absPath);
        if !child.dir {
            if check fileConnectorMatches(filePattern, name) {
                error? failed = fileConnectorCopyTree(child.absPath, destination + "/" + name);
                if failed is error {
                    return error("Error occurred while copying a file.", failed);
                }
            }
        } else {
            check fileConnectorCopyMatching(child.absPath, destination, filePattern);
        }
    }
}

# Copies `origin` onto `target` as VFS's copyFrom with Selectors.SELECT_ALL does: an existing target of the other
# type (file or folder) is deleted first, a folder is created (with its parents) and its entries copied into it, a
# file's bytes replace the target's (its parent folders created).
function fileConnectorCopyTree(string origin, string target) returns error? {
    boolean folder = check file:test(origin, file:IS_DIR);
    if check file:test(target, file:EXISTS) {
        boolean targetFolder = check file:test(target, file:IS_DIR);
        if targetFolder != folder {
            check file:remove(target, targetFolder ? file:RECURSIVE : file:NON_RECURSIVE);
        }
    }
    if folder {
        check file:createDir(target, file:RECURSIVE);
        foreach file:MetaData child in check file:readDir(origin) {
            check fileConnectorCopyTree(child.absPath, target + "/" + check file:basename(child.absPath));
        }
    } else {
        check fileConnectorCreateParent(target);
        stream<byte[], io:Error?> blocks = check io:fileReadBlocksAsStream(origin);
        check io:fileWriteBlocksFromStream(target, blocks);
    }
}

# fileconnector.move (FileMove, connector 2.x) of local files. A file goes to the destination, or into it under its own
# name when the destination's last name has no extension (a folder, created when missing); a folder with a
# `filePattern` has every file of its tree whose name fully matches the pattern moved into the destination folder
# itself (a file that cannot be moved is logged and left); a folder without one replaces the destination (or, with
# `includeParentDirectory` true, a folder of its own name in it) and is created again empty, as VFS's moveTo deletes
# an existing target first. The payload becomes `<success>true</success>`, or `<success>false</success>` when the
# source does not exist; a failure fails the flow ("Unable to move a file/folder.").
function fileConnectorMove(Context ctx, string location, string destination, string filePattern = "",
        string includeParentDirectory = "") returns error? {
    string sourcePath = check fileConnectorCleanPath(location);
    string destinationPath = check fileConnectorCleanPath(destination);
    boolean moved = false;
    do {
        if !check file:test(sourcePath, file:EXISTS) {
            log:printError("The file/folder location does not exist.");
        } else if !check file:test(sourcePath, file:IS_DIR) {
            string target = destinationPath;
            if fileConnectorIsFolderName(destinationPath) {
                if !check file:test(destinationPath, file:EXISTS) {
                    check file:createDir(destinationPath, file:RECURSIVE);
                }
                target = destinationPath + "/" + check file:basename(sourcePath);
            }
            check fileConnectorMoveEntry(sourcePath, target);
            moved = true;
        } else if filePattern != "" {
            check fileConnectorMoveMatching(sourcePath, destinationPath, filePattern);
            moved = true;
        } else if includeParentDirectory.toLowerAscii() == "true" {
            string target = destinationPath + "/" + check file:basename(sourcePath);
            check file:createDir(target, file:RECURSIVE);
            check fileConnectorMoveEntry(sourcePath, target);
            moved = true;
        } else {
            if !check file:test(destinationPath, file:EXISTS) {
                check file:createDir(destinationPath, file:RECURSIVE);
            }
            check fileConnectorMoveEntry(sourcePath, destinationPath);
            check file:createDir(sourcePath, file:RECURSIVE);
            moved = true;
        }
    } on fail error e {
        return error("Unable to move a file/folder.", e);
    }
    connectorResult(ctx, xml `<success>${moved.toString()}</success>`);
}

# FileMove with a pattern: the files of `folder` whose name fully matches `filePattern` are moved into
# `destination` (created when missing) under their own names, then the sub-folders are searched the same way; a
# file that cannot be moved is logged and left, as the connector leaves it.
function fileConnectorMoveMatching(string folder, string destination, string filePattern) returns error? {
    foreach file:MetaData child in check file:readDir(folder) {
        string name = check file:basename(child.absPath);
        if !child.dir {
            if check fileConnectorMatches(filePattern, name) {
                do {
                    if !check file:test(destination, file:EXISTS) {
                        check file:createDir(destination, file:RECURSIVE);
                    }
                    check fileConnectorMoveEntry(child.absPath, destination + "/" + name);
                } on fail error e {
                    log:printError("Error occurred while moving a file. " + e.message(), 'error = e);
                }
            }
        } else {
            check fileConnectorMoveMatching(child.absPath, destination, filePattern);
        }
    }
}

# Moves `origin` to `target` as VFS's moveTo does on one file system: an existing target (other than the origin)
# is deleted with all it holds, then the origin is renamed; the target's parent folder must exist.
function fileConnectorMoveEntry(string origin, string target) returns error? {
    if target != origin && check file:test(target, file:EXISTS) {
        check file:remove(target, check file:test(target, file:IS_DIR) ? file:RECURSIVE : file:NON_RECURSIVE);
    }
    check file:rename(origin, target);
}

# fileconnector.search (FileSearch, connector 2.x) in a local folder: the payload becomes
# `<ns:result xmlns:ns="http://org.wso2.esbconnectors.FileConnector">` holding an `<ns:file>` with the absolute path of
# every file of the folder whose name fully matches `filePattern` and, when `recursiveSearch` is "true", of every
# file below it whose name in lower case matches (as the connector tests it). An empty pattern or a missing folder
# logs an error and leaves the message as it is; a location that is not a folder fails the flow ("Unable to search
# a file."), and so do a pattern that is no regular expression and a search without `recursiveSearch` (the
# connector fails on the missing parameter), after the body is emptied.
function fileConnectorSearch(Context ctx, string location, string filePattern = "", string? recursiveSearch = ())
        returns error? {
    if filePattern == "" {
        log:printError("FilePattern should not be null");
        return;
    }
    string path = check fileConnectorCleanPath(location);
    file:MetaData[] children = [];
    do {
        if !check file:test(path, file:EXISTS) {
            log:printError("File location does not exist.");
            return;
        }
        children = check file:readDir(path);
    } on fail error e {
        return error("Unable to search a file.", e);
    }
    connectorResult(ctx, xml ``);
    _ = check regexp:fromString(filePattern);
    if recursiveSearch is () {
        return error("the file connector's search has no recursiveSearch, on which FileSearch fails");
    }
    xml found = xml ``;
    foreach file:MetaData child in children {
        if !child.dir {
            if check fileConnectorMatches(filePattern, check file:basename(child.absPath)) {
                found += fileConnectorSearchEntry(child.absPath);
            }
        } else if recursiveSearch.trim() == "true" {
            found += check fileConnectorSearchBelow(child.absPath, filePattern);
        }
    }
    connectorResult(ctx, xml `<ns:result xmlns:ns="http://org.wso2.esbconnectors.FileConnector">${found}</ns:result>`);
}

# FileSearch.searchSubFolders: the files below `folder` whose name in lower case fully matches `filePattern`.
function fileConnectorSearchBelow(string folder, string filePattern) returns xml|error {
    file:MetaData[]|error children = file:readDir(folder);
    if children is error {
        return error("Unable to list all folders", children);
    }
    xml found = xml ``;
    foreach file:MetaData child in children {
        if !child.dir {
            if check fileConnectorMatches(filePattern, (check file:basename(child.absPath)).toLowerAscii()) {
                found += fileConnectorSearchEntry(child.absPath);
            }
        } else {
            found += check fileConnectorSearchBelow(child.absPath, filePattern);
        }
    }
    return found;
}

# One `<ns:file>` of FileSearch's result.
function fileConnectorSearchEntry(string path) returns xml =>
    xml `<ns:file xmlns:ns="http://org.wso2.esbconnectors.FileConnector">${path}</ns:file>`;

# fileconnector.getSize (GetSize, connector 2.0.9 or later) of a local file: the payload becomes
# `<fileSize>` holding the file's size in bytes. A missing location or a folder fails the flow ("File does not exists,
# or source is not a file in the location:" and the location).
function fileConnectorGetSize(Context ctx, string location) returns error? {
    file:MetaData entry = check fileConnectorFileEntry(location, "File does not exists, or source is not a file in the location:");
    connectorResult(ctx, xml `<fileSize>${entry.size.toString()}</fileSize>`);
}

# The metadata of the local file a file connector 2.x `location` names; `missing` and the location when it does not
# exist or is a folder.
function fileConnectorFileEntry(string location, string missing) returns file:MetaData|error {
    string path = check fileConnectorPath(location);
    file:MetaData|error entry = file:getMetaData(path);
    if entry is error {
        return error(missing + location);
    }
    if entry.dir {
        return error(missing + location);
    }
    return entry;
}

# fileconnector.getLastModifiedTime (GetLastModifiedTime, connector 2.0.9 or later) of a local file or folder: the
# payload becomes `<lastModifiedTime>` holding the time it was last modified in the system time zone (the JVM's
# default), as SimpleDateFormat("MM/dd/yyyy HH:mm:ss") writes it. A missing location fails the flow ("File/Folder
# does not exists in the location: " and the location).
function fileConnectorGetLastModifiedTime(Context ctx, string location) returns error? {
    string path = check fileConnectorPath(location);
    file:MetaData|error entry = file:getMetaData(path);
    if entry is error {
        return error("File/Folder does not exists in the location: " + location);
    }
    time:Civil civil = (check time:loadSystemZone()).utcToCivil(entry.modifiedTime);
    int second = <int>(civil?.second ?: 0d).floor();
    string text = string `${twoDigits(civil.month)}/${twoDigits(civil.day)}/${civil.year}`
        + string ` ${twoDigits(civil.hour)}:${twoDigits(civil.minute)}:${twoDigits(second)}`;
    connectorResult(ctx, xml `<lastModifiedTime>${text}</lastModifiedTime>`);
}

# A number of at least two digits, as SimpleDateFormat writes `MM`, `dd`, `HH`, `mm` and `ss`.
function twoDigits(int value) returns string => value < 10 ? "0" + value.toString() : value.toString();

# fileconnector.readALine (ReadALine, connector 2.0.9 or later) of a local file: line `lineNumber` (counted from 1,
# lines ending in `\n`, `\r` or `\r\n`, as BufferedReader reads them) becomes the whole message as text (the
# text/plain builder's `<text>` wrapper). A missing location or a folder ("File does not exists, or source is not a
# file in the location: " and the location), a missing line number ("Line number is not provided to read."), one
# that is no number or a line the file does not have fails the flow.
function fileConnectorReadALine(Context ctx, string location, string lineNumber = "") returns error? {
    _ = check fileConnectorFileEntry(location, "File does not exists, or source is not a file in the location: ");
    if lineNumber == "" {
        return error("Line number is not provided to read.");
    }
    int line = check int:fromString(lineNumber);
    string[]|io:Error lines = io:fileReadLines(check fileConnectorPath(location));
    if lines is io:Error {
        return error("Error while processing the file", lines);
    }
    if line < 1 || line > lines.length() {
        return error(string `the file has no line ${lineNumber}`);
    }
    ctx.payload = xml `<text xmlns="http://ws.apache.org/commons/ns/payload">${lines[line - 1]}</text>`;
}

# A file connector 1.0.0 location: `location` (filelocation) followed by `name` (file), joined as text as the
# connector joins them, then read as `fileConnectorPath` reads a 2.x location and cleaned (no trailing `/`).
function fileConnectorV1Path(string location, string name) returns string|error {
    return fileConnectorCleanPath(location + name);
}

# Fails unless `encoding` is empty (the connector's UTF8 default) or a name of UTF-8, the only charset the generated
# code writes.
function fileConnectorUtf8(string encoding) returns error? {
    string charset = encoding.toLowerAscii();
    if charset != "" && charset != "utf8" && charset != "utf-8" {
        return error(string `the file connector's encoding ${encoding} is not UTF-8, the only one the generated code writes`);
    }
}

# Copies `origin` onto `target` as VFS's copyFrom does with a selector `depth` levels deep (0 SELECT_SELF, 1
# SELECT_SELF_AND_CHILDREN, -1 SELECT_ALL): a missing origin fails; an existing target entry of the other type is
# deleted first, a folder is created (with its parents) and a file's bytes replace the target's.
function fileConnectorCopySelected(string origin, string target, int depth) returns error? {
    if !check file:test(origin, file:EXISTS) {
        return error("the file to copy does not exist");
    }
    boolean folder = check file:test(origin, file:IS_DIR);
    if check file:test(target, file:EXISTS) {
        boolean targetFolder = check file:test(target, file:IS_DIR);
        if targetFolder != folder {
            check file:remove(target, targetFolder ? file:RECURSIVE : file:NON_RECURSIVE);
        }
    }
    if folder {
        check file:createDir(target, file:RECURSIVE);
        if depth != 0 {
            foreach file:MetaData child in check file:readDir(origin) {
                check fileConnectorCopySelected(child.absPath, target + "/" + check file:basename(child.absPath), depth - 1);
            }
        }
    } else {
        check fileConnectorCopyContent(origin, target);
    }
}

# Streams the bytes of the file `origin` into `target` (FileObjectUtils.copyContent, IOUtils.copy): the origin is
# opened first, so a missing one or a folder fails before the target's parent folders are created.
function fileConnectorCopyContent(string origin, string target) returns error? {
    if check file:test(origin, file:IS_DIR) {
        return error("the file to copy is a folder");
    }
    stream<byte[], io:Error?> blocks = check io:fileReadBlocksAsStream(origin);
    check fileConnectorCreateParent(target);
    check io:fileWriteBlocksFromStream(target, blocks);
}

# fileconnector.create (FileCreate, connector 1.0.0) on a local file `location` + `fileName`: with `isFolder` true
# (Boolean.parseBoolean) a folder with its parents (an existing one kept); else, when `content` is empty, an empty
# file with its parents (an existing file kept); else `content` is appended to the file in UTF-8 (the file and its
# parents created when missing), as the connector opens the file to append. The payload becomes
# `<success>true</success>`; a failure fails the flow ("Unable to create a file/folder.").
function fileConnectorV1Create(Context ctx, string location = "", string fileName = "", string content = "",
        string encoding = "", string isFolder = "") returns error? {
    check fileConnectorUtf8(encoding);
    do {
        string path = check fileConnectorV1Path(location, fileName);
        if isFolder.toLowerAscii() == "true" {
            check file:createDir(path, file:RECURSIVE);
        } else if content == "" {
            if !check file:test(path, file:EXISTS) {
                check fileConnectorCreateParent(path);
                check file:create(path);
            } else if check file:test(path, file:IS_DIR) {
                fail error("the location is a folder");
            }
        } else {
            check fileConnectorCreateParent(path);
            check io:fileWriteBytes(path, content.toBytes(), io:APPEND);
        }
    } on fail error e {
        return error("Unable to create a file/folder.", e);
    }
    connectorResult(ctx, xml `<success>true</success>`);
}

# fileconnector.append (FileAppend, connector 1.0.0) on a local file `location` + `fileName`: `content` is written at
# the file's end in UTF-8, the file and its parents created when missing (the `offset` the connector parses is not
# used). The payload becomes `<success>true</success>`; a failure fails the flow ("Error while appending a file.").
function fileConnectorV1Append(Context ctx, string location = "", string fileName = "", string content = "",
        string encoding = "") returns error? {
    check fileConnectorUtf8(encoding);
    do {
        string path = check fileConnectorV1Path(location, fileName);
        check fileConnectorCreateParent(path);
        check io:fileWriteBytes(path, content.toBytes(), io:APPEND);
    } on fail error e {
        return error("Error while appending a file.", e);
    }
    connectorResult(ctx, xml `<success>true</success>`);
}

# fileconnector.isfileexist (FileExist, connector 1.0.0) on a local file `location` + `fileName`: the payload becomes
# `<fileexits>true</fileexits>` or `<fileexits>false</fileexits>` (the connector's spelling); a failure fails the
# flow ("Error while checking a file: " and the cause).
function fileConnectorV1IsFileExist(Context ctx, string location = "", string fileName = "") returns error? {
    boolean exists = false;
    do {
        exists = check file:test(check fileConnectorV1Path(location, fileName), file:EXISTS);
    } on fail error e {
        return error("Error while checking a file: " + e.message(), e);
    }
    connectorResult(ctx, xml `<fileexits>${exists.toString()}</fileexits>`);
}

# fileconnector.delete (FileDelete, connector 1.0.0) of a local file `location` + `fileName`: with `beforeProcess`
# the entry is first copied to `beforeProcess` + `fileName` (VFS copyFrom SELECT_SELF: a missing entry fails); then a
# file, or an empty folder, is deleted (a folder that holds anything is kept, as FileObject.delete keeps it). The
# payload becomes `<success>true</success>` when the entry existed, else `<success>false</success>`; a failure fails
# the flow ("Error while Deleting a file/folder").
function fileConnectorV1Delete(Context ctx, string location = "", string fileName = "", string beforeProcess = "")
        returns error? {
    boolean deleted = false;
    do {
        string path = check fileConnectorV1Path(location, fileName);
        if beforeProcess != "" {
            check fileConnectorCopySelected(path, check fileConnectorV1Path(beforeProcess, fileName), 0);
        }
        if check file:test(path, file:EXISTS) {
            if !check file:test(path, file:IS_DIR) || (check file:readDir(path)).length() == 0 {
                check file:remove(path);
            }
            deleted = true;
        }
    } on fail error e {
        return error("Error while Deleting a file/folder", e);
    }
    connectorResult(ctx, xml `<success>${deleted.toString()}</success>`);
}

# fileconnector.rename (FileRename, connector 1.0.0) of a local file `location` + `fileName` to `location` +
# `newFileName`: when the entry exists it is first copied, with `beforeProcess`, to `beforeProcess` + `fileName`
# (VFS copyFrom SELECT_SELF_AND_CHILDREN), then moved as VFS's moveTo moves it (an existing target deleted first).
# The payload becomes `<success>true</success>`, or `<success>false</success>` when the entry does not exist; a
# failure fails the flow ("Error while renaming a file").
function fileConnectorV1Rename(Context ctx, string location = "", string fileName = "", string newFileName = "",
        string beforeProcess = "") returns error? {
    boolean renamed = false;
    do {
        string path = check fileConnectorV1Path(location, fileName);
        string target = check fileConnectorV1Path(location, newFileName);
        if check file:test(path, file:EXISTS) {
            if beforeProcess != "" {
                check fileConnectorCopySelected(path, check fileConnectorV1Path(beforeProcess, fileName), 1);
            }
            check fileConnectorMoveEntry(path, target);
            renamed = true;
        }
    } on fail error e {
        return error("Error while renaming a file", e);
    }
    connectorResult(ctx, xml `<success>${renamed.toString()}</success>`);
}

# fileconnector.copy (FileCopy, connector 1.0.0) of a local file `location` + `fileName` to `newLocation` +
# `fileName`: the file's bytes replace the target's (its parent folders created), or, with `isFolder` true, the
# folder and its children are copied as VFS's copyFrom SELECT_SELF_AND_CHILDREN copies them. The payload becomes
# `<copy>true</copy>`; a missing source or any failure fails the flow ("Error while coping a file.").
function fileConnectorV1Copy(Context ctx, string location = "", string fileName = "", string newLocation = "",
        string isFolder = "") returns error? {
    do {
        string target = check fileConnectorV1Path(newLocation, fileName);
        string path = check fileConnectorV1Path(location, fileName);
        if isFolder.toLowerAscii() == "true" {
            check fileConnectorCopySelected(path, target, 1);
        } else {
            check fileConnectorCopyContent(path, target);
        }
    } on fail error e {
        return error("Error while coping a file.", e);
    }
    connectorResult(ctx, xml `<copy>true</copy>`);
}

# fileconnector.copylarge (FileCopyInStream, connector 1.0.0) of a local file `location` + `fileName` to
# `newLocation` + `fileName`: the file's bytes, streamed, replace the target's (its parent folders created). The
# payload becomes `<copylarge>true</copylarge>`; a missing source or any failure fails the flow ("Error while coping
# a large file.").
function fileConnectorV1CopyLarge(Context ctx, string location = "", string fileName = "", string newLocation = "")
        returns error? {
    do {
        string target = check fileConnectorV1Path(newLocation, fileName);
        check fileConnectorCopyContent(check fileConnectorV1Path(location, fileName), target);
    } on fail error e {
        return error("Error while coping a large file.", e);
    }
    connectorResult(ctx, xml `<copylarge>true</copylarge>`);
}

# fileconnector.move (FileMove, connector 1.0.0) of a local file `location` + `fileName` to `newLocation` +
# `fileName`: with `beforeProcess` the entry is first copied to `beforeProcess` + `fileName` (VFS copyFrom
# SELECT_SELF: a missing entry fails); an existing entry is then moved as VFS's moveTo moves it (an existing target
# deleted first, the target's folder must exist); with `afterProcess` the moved entry is copied to `afterProcess` +
# `fileName` (a missing one fails). The payload becomes `<success>true</success>`, or `<success>false</success>` when
# the entry does not exist; a failure fails the flow ("Unable to move a file/folder.").
function fileConnectorV1Move(Context ctx, string location = "", string fileName = "", string newLocation = "",
        string beforeProcess = "", string afterProcess = "") returns error? {
    boolean moved = false;
    do {
        string path = check fileConnectorV1Path(location, fileName);
        string target = check fileConnectorV1Path(newLocation, fileName);
        if beforeProcess != "" {
            check fileConnectorCopySelected(path, check fileConnectorV1Path(beforeProcess, fileName), 0);
        }
        if check file:test(path, file:EXISTS) {
            check fileConnectorMoveEntry(path, target);
            moved = true;
        }
        if afterProcess != "" {
            check fileConnectorCopySelected(target, check fileConnectorV1Path(afterProcess, fileName), 0);
        }
    } on fail error e {
        return error("Unable to move a file/folder.", e);
    }
    connectorResult(ctx, xml `<success>${moved.toString()}</success>`);
}

# The bytes Synapse's VFSTransportSender writes for the message (populateResponseFile): what the message formatter of
# its content type (messageType) writes, as `entityBody` gives it for an HTTP body: JSON text, the SOAP envelope,
# the XML payload, the text of the `<text>` wrapper, the bytes as received; for any other content type a payload
# that is Synapse's `<binary>` wrapper is written as its decoded bytes, as the ExpandingMessageFormatter of
# application/octet-stream writes it. No body is an empty file.
function vfsFileContent(Context ctx) returns byte[]|error {
    xml|byte[]? body = check entityBody(ctx);
    if body is byte[] {
        return body;
    }
    if body is () {
        return [];
    }
    if bodyFormat(ctx.contentType) == "binary" && body.elements().length() == 1 {
        xml binary = body.elements("{http://ws.apache.org/commons/ns/payload}binary");
        if binary.length() == 1 {
            return array:fromBase64(binary.data().trim());
        }
    }
    return body.toString().toBytes();
}

# The name of the file the VFS sender writes into a folder (VFSUtils.getFileName): the message's
# `transport.vfs.ReplyFileName` transport property, else `response.xml`.
function vfsReplyFileName(Context ctx) returns string => ctx.headers["transport.vfs.replyfilename"] ?: "response.xml";

# Whether the message's `transport.vfs.CreateFolder` transport property is "true", which makes the sender create the
# endpoint's folder as the URI's own option does (VFSOutTransportInfo.isForceCreateFolder).
function vfsCreateFolderHeader(Context ctx) returns boolean => ctx.headers["transport.vfs.createfolder"] == "true";

# A send to a `vfs:file:` endpoint, as Synapse's VFSTransportSender.writeFile writes it: with `createFolder` (the
# URI's transport.vfs.CreateFolder, or the message's transport property) a missing `path` is created as a folder;
# when `path` is a folder the message goes into it under `vfsReplyFileName`, otherwise `path` is the file (the
# folders above it created, as Commons VFS creates them). Unless `locking` is false (transport.vfs.Locking
# disable), a `<file>.lock` file is held while writing (`vfsLocalLock`). The file is replaced, or, with `append`
# (transport.vfs.Append), written at its end. No response comes back: the message is left as it was. A failure
# fails the send, and the flow's fault handling runs, as Axis2Sender turns the sender's error into a fault.
function vfsWriteFile(Context ctx, string path, boolean append = false, boolean createFolder = false,
        boolean locking = true, int maxRetryCount = 3, decimal reconnectTimeout = 30) returns error? {
    byte[] content = check vfsFileContent(ctx);
    string target = path;
    do {
        boolean exists = check file:test(path, file:EXISTS);
        if !exists && (createFolder || vfsCreateFolderHeader(ctx)) {
            check file:createDir(path, file:RECURSIVE);
            exists = true;
        }
        if exists && check file:test(path, file:IS_DIR) {
            target = check file:joinPath(path, vfsReplyFileName(ctx));
        }
        check fileConnectorCreateParent(target);
        if locking {
            check vfsLocalLock(target, maxRetryCount, reconnectTimeout);
        }
        io:Error? written = io:fileWriteBytes(target, content, append ? io:APPEND : io:OVERWRITE);
        if locking {
            check file:remove(target + ".lock");
        }
        if written is io:Error {
            fail written;
        }
    } on fail error e {
        return error(string `Unexpected error during sending message out. IO Error while creating response file : ${target}`, e);
    }
}

# The lock the VFS sender takes before writing a file (acquireLockForSending, VFSUtils.acquireLock): a
# `<file>.lock` file holding a random value. When one is there already (another sender writing, or a VFS
# listener reading the file) it tries again after `reconnectTimeout` seconds, up to `maxRetryCount` times, then
# fails the send.
function vfsLocalLock(string target, int maxRetryCount, decimal reconnectTimeout) returns error? {
    string lockPath = target + ".lock";
    int tries = 0;
    while check file:test(lockPath, file:EXISTS) {
        if tries == maxRetryCount {
            return error(string `Couldn't send the message to file : ${target}, unable to acquire the lock even after ${tries + 1} retries`);
        }
        tries += 1;
        runtime:sleep(reconnectTimeout);
    }
    check io:fileWriteString(lockPath, uuid:createType4AsString());
}

# A send to a `vfs:ftp:`, `vfs:sftp:` or `vfs:ftps:` endpoint over an ftp:Client on `connection` (one connection
# per send, closed after it), as `vfsWriteFile` writes a local file: the folder made with `createFolder`, the file
# named by `vfsReplyFileName` inside an existing folder, the `.lock` file held unless `locking` is false, the
# content replacing the file's or, with `append`, added at its end. A failure fails the send; its message names
# the path, never the connection's credentials.
function vfsWriteRemote(Context ctx, ftp:ClientConfiguration connection, string path, boolean append = false,
        boolean createFolder = false, boolean locking = true, int maxRetryCount = 3, decimal reconnectTimeout = 30)
        returns error? {
    byte[] content = check vfsFileContent(ctx);
    string target = path;
    do {
        ftp:Client 'client = check new (connection);
        do {
            boolean exists = check 'client->exists(path);
            if !exists && (createFolder || vfsCreateFolderHeader(ctx)) {
                check 'client->mkdir(path);
                exists = true;
            }
            boolean folder = false;
            if exists {
                folder = check 'client->isDirectory(path);
            }
            if folder {
                target = (path.endsWith("/") ? path : path + "/") + vfsReplyFileName(ctx);
            }
            string lockPath = target + ".lock";
            if locking {
                int tries = 0;
                boolean held = check 'client->exists(lockPath);
                while held {
                    if tries == maxRetryCount {
                        fail error(string `Couldn't send the message to file : ${target}, unable to acquire the lock even after ${tries + 1} retries`);
                    }
                    tries += 1;
                    runtime:sleep(reconnectTimeout);
                    held = check 'client->exists(lockPath);
                }
                check 'client->putText(lockPath, uuid:createType4AsString());
            }
            ftp:Error? written = 'client->putBytes(target, content, append ? ftp:APPEND : ftp:OVERWRITE);
            if locking {
                check 'client->delete(lockPath);
            }
            if written is ftp:Error {
                fail written;
            }
        } on fail error e {
            ftp:Error? closed = 'client->close();
            if closed is ftp:Error {
                log:printWarn("Error when closing the connection to the VFS endpoint's server", closed);
            }
            fail e;
        }
        check 'client->close();
    } on fail error e {
        return error(string `Unexpected error during sending message out. IO Error while creating response file : ${target}`, e);
    }
}

# A Redis connector 3.x connection (wso2-extensions/mi-connector-redis, a `<redis.init>` local entry in standalone
# mode): its redis:Client is made when an operation first uses it, and again after a failure to make it, as RedisConfig
# makes the connection's RedisServer when an operation first names it and RedisServer.createJedis connects for each
# operation. The URI wins over the host and port; a port that is no number fails each operation as createJedis does.
isolated class RedisConnection {
    private final string? uri;
    private final string host;
    private final string? port;
    private final string? password;
    private final int connectionTimeout;
    private final boolean ssl;
    private redis:Client? made = ();

    isolated function init(string? uri = (), string? host = (), string? port = (), string? password = (),
            int connectionTimeout = 2, boolean ssl = false) {
        self.uri = uri;
        self.host = host ?: "localhost";
        self.port = port;
        self.password = password;
        self.connectionTimeout = connectionTimeout;
        self.ssl = ssl;
    }

    # The client, made now when no earlier use made it.
    isolated function redisClient() returns redis:Client|error {
        lock {
            redis:Client? made = self.made;
            if made is redis:Client {
                return made;
            }
            redis:ConnectionConfig config;
            string? uri = self.uri;
            if uri is string {
                config = {connection: uri};
            } else {
                string portText = self.port ?: "";
                int|error port = int:fromString(portText);
                if port is error {
                    return error(string `Invalid input for "redisPort". Cannot parse ${portText} to an Integer.`, port);
                }
                redis:ConnectionParams params = {host: self.host, port, options: {connectionTimeout: self.connectionTimeout}};
                string? password = self.password;
                if password is string {
                    params.password = password;
                }
                config = {connection: params};
                if self.ssl {
                    config.secureSocket = {};
                }
            }
            redis:Client created = check new (config);
            self.made = created;
            return created;
        }
    }
}

# A Redis operation's failure as its class ends it: every operation catches what fails (the connection, a parameter
# Java does not parse, a null reply) and calls AbstractConnector.handleException with one message, which fails the
# flow (the fault sequence runs).
function redisFailure(error cause) returns error =>
    error("Error while connecting the server or calling the redis method", cause);

# The connection's client, or the operation's failure when it cannot be made.
function redisConnect(RedisConnection connection) returns redis:Client|error {
    redis:Client|error made = connection.redisClient();
    return made is error ? redisFailure(made) : made;
}

# The template's parameters become message properties, as its property mediators set them
# (`<property name="redisKey" expression="$func:redisKey"/>`, "" for a parameter not given).
function redisParameters(Context ctx, map<string> parameters) {
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties[name] = value;
    }
}

# A number parameter as the class parses it: Long.parseLong, or Integer.parseInt (`wide` false), whose failure is the
# operation's.
function redisNumber(string text, boolean wide = true) returns int|error {
    int|error value = int:fromString(text);
    if value is error {
        return redisFailure(value);
    }
    if !wide && (value < -2147483648 || value > 2147483647) {
        return redisFailure(error(string `For input string: "${text}"`));
    }
    return value;
}

# Java's List.toString: `[a, b]`.
function redisList(string[] values) returns string => "[" + string:'join(", ", ...values) + "]";

final readonly & map<string> redisEscapes = {"\\": "\\\\", "\"": "\\\"", "\u{8}": "\\b", "\u{C}": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"};

# The text a payloadFactory of media type json pastes for an XPath argument (PayloadFactoryMediator's
# prepareReplacementValue): a value starting with `{` or `[` (after spaces) as it is, any other with `\`, `"` and the
# control characters escaped (escapeSpecialChars). A value that is XML, which the mediator converts to JSON, fails the
# flow here.
function redisPasted(string value) returns string|error {
    string trimmed = value.trim();
    if trimmed.length() >= 4 && trimmed.endsWith(">") && xml:fromString(trimmed) is xml {
        return error("the Redis value is XML, which the connector's payloadFactory converts to JSON and the generated code does not");
    }
    if trimmed.startsWith("{") || trimmed.startsWith("[") {
        return value;
    }
    return redisEscaped(value);
}

# A payloadFactory argument's text escaped for a JSON string (TemplateProcessor.escapeSpecialChars), as a `literal`
# argument always is, whatever it holds.
function redisEscaped(string value) returns string {
    string escaped = "";
    foreach string:Char c in value {
        escaped += redisEscapes[c] ?: c;
    }
    return escaped;
}

# Ends an operation as its class and template do: a Redis error fails the flow; a result is recorded as the class's
# `result` property (the Java value) and the template's `redisResponse` (its text), which becomes the payload the
# template's payloadFactory builds: `quoted` `{"output":"$1"}` and `number` `{"output":$1}` (JSON text taken as
# JsonUtil.getNewJsonPayload takes it), `literal` `{"output":"$1"}` with an argument marked literal="true" (get:
# the text always escaped as a JSON string, JSON or XML included, as TemplateProcessor escapes a literal argument),
# `text` the text `$1`, `none` nothing (hSet's template builds no payload).
function redisFinish(Context ctx, string|int|boolean|redis:Error result, string payload) returns error? {
    if result is redis:Error {
        return redisFailure(result);
    }
    string text = result is string ? result : result.toString();
    ctx.properties["result"] = result;
    ctx.properties["redisResponse"] = text;
    if payload == "text" {
        setTextPayload(ctx, text);
    } else if payload == "literal" {
        check setJsonText(ctx, string `{"output":"${redisEscaped(text)}"}`);
    } else if payload != "none" {
        string pasted = check redisPasted(text);
        check setJsonText(ctx, payload == "quoted" ? string `{"output":"${pasted}"}` : string `{"output":${pasted}}`);
    }
}

# A reply Jedis gives as null, which the class refuses ("Redis server throw null response").
function redisNull() returns error => redisFailure(error("Redis server throw null response"));

# redis.get (Get): the key's value, "" for a missing key; `{"output":"$1"}` with the value always a JSON string (the
# template's argument is literal="true": a cached JSON or XML value comes back escaped, as text). With `connector2`
# (an inline init, connector 2.x) a missing key fails the flow, as 2.x's Get refuses Jedis's null reply.
function redisGet(Context ctx, RedisConnection connection, string redisKey = "", boolean connector2 = false) returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    string|redis:Error? value = rc->get(redisKey);
    if value is () && connector2 {
        return redisNull();
    }
    return redisFinish(ctx, value ?: "", "literal");
}

# redis.set (Set): the reply, OK; `{"output":"$1"}`.
function redisSet(Context ctx, RedisConnection connection, string redisKey = "", string redisValue = "") returns error? {
    redisParameters(ctx, {redisKey, redisValue});
    redis:Client rc = check redisConnect(connection);
    string|redis:Error reply = rc->set(redisKey, redisValue);
    return redisFinish(ctx, reply, "quoted");
}

# redis.getSet (GetSet): the old value (a missing key fails the flow); `{"output":"$1"}`.
function redisGetSet(Context ctx, RedisConnection connection, string redisKey = "", string redisValue = "") returns error? {
    redisParameters(ctx, {redisKey, redisValue});
    redis:Client rc = check redisConnect(connection);
    string|redis:Error? old = rc->getSet(redisKey, redisValue);
    return old is () ? redisNull() : redisFinish(ctx, old, "quoted");
}

# redis.append (Append): the value's new length; `{"output":$1}`.
function redisAppend(Context ctx, RedisConnection connection, string redisKey = "", string redisValue = "") returns error? {
    redisParameters(ctx, {redisKey, redisValue});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->append(redisKey, redisValue);
    return redisFinish(ctx, reply, "number");
}

# redis.incrBy (IncrBy): the new value; `{"output":$1}`.
function redisIncrBy(Context ctx, RedisConnection connection, string redisKey = "", string redisInteger = "") returns error? {
    redisParameters(ctx, {redisKey, redisInteger});
    redis:Client rc = check redisConnect(connection);
    int amount = check redisNumber(redisInteger);
    int|redis:Error reply = rc->incrBy(redisKey, amount);
    return redisFinish(ctx, reply, "number");
}

# redis.decrBy (DecrBy): the new value; `{"output":$1}`.
function redisDecrBy(Context ctx, RedisConnection connection, string redisKey = "", string redisInteger = "") returns error? {
    redisParameters(ctx, {redisKey, redisInteger});
    redis:Client rc = check redisConnect(connection);
    int amount = check redisNumber(redisInteger);
    int|redis:Error reply = rc->decrBy(redisKey, amount);
    return redisFinish(ctx, reply, "number");
}

# redis.strLen (StrLen): the value's length; `{"output":$1}`.
function redisStrLen(Context ctx, RedisConnection connection, string redisKey = "") returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->strLen(redisKey);
    return redisFinish(ctx, reply, "number");
}

# redis.setnX (SetnX): 1 when the key was set, 0 when it exists (Jedis's Long); `{"output":$1}`.
function redisSetNx(Context ctx, RedisConnection connection, string redisKey = "", string redisValue = "") returns error? {
    redisParameters(ctx, {redisKey, redisValue});
    redis:Client rc = check redisConnect(connection);
    boolean|redis:Error set = rc->setNx(redisKey, redisValue);
    return redisFinish(ctx, set is boolean ? (set ? 1 : 0) : set, "number");
}

# redis.del (Del): the number of keys deleted, the keys being redisKey split at spaces (String.split); the text `$1`.
function redisDel(Context ctx, RedisConnection connection, string redisKey = "") returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->del(ldapSplit(redisKey, " "));
    return redisFinish(ctx, reply, "text");
}

# redis.exists (Exists): true or false (Jedis's Boolean); the text `$1`.
function redisExists(Context ctx, RedisConnection connection, string redisKey = "") returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error count = rc->exists([redisKey]);
    return redisFinish(ctx, count is int ? count > 0 : count, "text");
}

# redis.expire (Expire): 1 when the timeout was set, 0 for a missing key (Jedis's Long); the text `$1`.
function redisExpire(Context ctx, RedisConnection connection, string redisKey = "", string redisSeconds = "") returns error? {
    redisParameters(ctx, {redisKey, redisSeconds});
    redis:Client rc = check redisConnect(connection);
    int seconds = check redisNumber(redisSeconds, false);
    boolean|redis:Error set = rc->expire(redisKey, seconds);
    return redisFinish(ctx, set is boolean ? (set ? 1 : 0) : set, "text");
}

# redis.ttl (Ttl): the seconds left, -1 for a key without a timeout, -2 for a missing key; the text `$1`.
function redisTtl(Context ctx, RedisConnection connection, string redisKey = "") returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->ttl(redisKey);
    return redisFinish(ctx, reply, "text");
}

# redis.hGet (HGet): the field's value, "null" for a missing field or key (Constants.NULL_STRING; redis:Client's
# hGet is typed to give a string, which a missing field is not, so hExists asks first); the template's switch on
# mediaType (a regular expression matching the whole text) builds JSON for json (`$1`), a SOAP envelope for xml (not
# reproduced: the flow fails), the text `$1` otherwise.
function redisHGet(Context ctx, RedisConnection connection, string redisKey = "", string redisField = "", string mediaType = "") returns error? {
    redisParameters(ctx, {redisKey, redisField, mediaType});
    redis:Client rc = check redisConnect(connection);
    boolean|redis:Error exists = rc->hExists(redisKey, redisField);
    if exists is redis:Error {
        return redisFailure(exists);
    }
    string|redis:Error value = "null";
    if exists {
        value = rc->hGet(redisKey, redisField);
    }
    if value is redis:Error {
        return redisFailure(value);
    }
    check redisFinish(ctx, value, "none");
    string text = value;
    if mediaType == "json" {
        check setJsonText(ctx, check redisPasted(text));
    } else if mediaType == "xml" {
        return error("the Redis connector's hGet with mediaType xml builds a SOAP envelope around the value, which the generated code does not");
    } else {
        setTextPayload(ctx, text);
    }
}

# redis.hSet (HSet): 1 for a new field, 0 for an updated one (Jedis's Long); the template builds no payload. With
# `connector2` (an inline init, connector 2.x) the template's payload is `{"output":$1}`.
function redisHSet(Context ctx, RedisConnection connection, string redisKey = "", string redisField = "", string redisValue = "", boolean connector2 = false) returns error? {
    redisParameters(ctx, {redisKey, redisField, redisValue});
    redis:Client rc = check redisConnect(connection);
    boolean|redis:Error added = rc->hSet(redisKey, redisField, redisValue);
    return redisFinish(ctx, added is boolean ? (added ? 1 : 0) : added, connector2 ? "number" : "none");
}

# redis.hSetnX (HSetnX): 1 when the field was set, 0 when it exists (Jedis's Long); `{"output":$1}`.
function redisHSetNx(Context ctx, RedisConnection connection, string redisKey = "", string redisField = "", string redisValue = "") returns error? {
    redisParameters(ctx, {redisKey, redisField, redisValue});
    redis:Client rc = check redisConnect(connection);
    boolean|redis:Error set = rc->hSetNx(redisKey, redisField, redisValue);
    return redisFinish(ctx, set is boolean ? (set ? 1 : 0) : set, "number");
}

# redis.hDel (HDel): the number of fields deleted, the fields being redisFields split at spaces; the class also sets
# redisResponseStatus and redisMessage; the text `$1`.
function redisHDel(Context ctx, RedisConnection connection, string redisKey = "", string redisFields = "") returns error? {
    redisParameters(ctx, {redisKey, redisFields});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error deleted = rc->hDel(redisKey, ldapSplit(redisFields, " "));
    if deleted is int {
        ctx.properties["redisResponseStatus"] = "success";
        ctx.properties["redisMessage"] = "Response received successfully.";
    }
    return redisFinish(ctx, deleted, "text");
}

# redis.hExists (HExists): true or false (Jedis's Boolean); the text `$1`.
function redisHExists(Context ctx, RedisConnection connection, string redisKey = "", string redisField = "") returns error? {
    redisParameters(ctx, {redisKey, redisField});
    redis:Client rc = check redisConnect(connection);
    boolean|redis:Error reply = rc->hExists(redisKey, redisField);
    return redisFinish(ctx, reply, "text");
}

# redis.hLen (HLen): the number of fields; `{"output":$1}`.
function redisHLen(Context ctx, RedisConnection connection, string redisKey = "") returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->hLen(redisKey);
    return redisFinish(ctx, reply, "number");
}

# redis.hIncrBy (HIncrBy): the field's new value, redisValue parsed by Integer.parseInt; `{"output":$1}`.
function redisHIncrBy(Context ctx, RedisConnection connection, string redisKey = "", string redisField = "", string redisValue = "") returns error? {
    redisParameters(ctx, {redisKey, redisField, redisValue});
    redis:Client rc = check redisConnect(connection);
    int amount = check redisNumber(redisValue, false);
    int|redis:Error reply = rc->hIncrBy(redisKey, redisField, amount);
    return redisFinish(ctx, reply, "number");
}

# redis.lPush (LPush): the list's length, the values being redisStrings split at spaces; `{"output":$1}`.
function redisLPush(Context ctx, RedisConnection connection, string redisKey = "", string redisStrings = "") returns error? {
    redisParameters(ctx, {redisKey, redisStrings});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->lPush(redisKey, ldapSplit(redisStrings, " "));
    return redisFinish(ctx, reply, "number");
}

# redis.rPush (RPush): the list's length, the values being redisStrings split at spaces; `{"output":$1}`.
function redisRPush(Context ctx, RedisConnection connection, string redisKey = "", string redisStrings = "") returns error? {
    redisParameters(ctx, {redisKey, redisStrings});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->rPush(redisKey, ldapSplit(redisStrings, " "));
    return redisFinish(ctx, reply, "number");
}

# redis.lLen (LLen): the list's length; `{"output":$1}`.
function redisLLen(Context ctx, RedisConnection connection, string redisKey = "") returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->lLen(redisKey);
    return redisFinish(ctx, reply, "number");
}

# redis.lPop (LPop): the list's first element (an empty list or a missing key fails the flow); `{"output":"$1"}`.
function redisLPop(Context ctx, RedisConnection connection, string redisKey = "") returns error? {
    redisParameters(ctx, {redisKey});
    redis:Client rc = check redisConnect(connection);
    string|redis:Error? first = rc->lPop(redisKey);
    return first is () ? redisNull() : redisFinish(ctx, first, "quoted");
}

# redis.lRange (LRange): the elements from redisStart to redisEnd (Long.parseLong) as Java's List.toString writes
# them (`[a, b]`); `{"output":"$1"}`.
function redisLRange(Context ctx, RedisConnection connection, string redisKey = "", string redisStart = "", string redisEnd = "") returns error? {
    redisParameters(ctx, {redisKey, redisStart, redisEnd});
    redis:Client rc = check redisConnect(connection);
    int first = check redisNumber(redisStart);
    int last = check redisNumber(redisEnd);
    string[]|redis:Error values = rc->lRange(redisKey, first, last);
    return redisFinish(ctx, values is string[] ? redisList(values) : values, "quoted");
}

# redis.sadd (Sadd): the number of members added, the members being redisMembers split at spaces; `{"output":$1}`.
function redisSAdd(Context ctx, RedisConnection connection, string redisKey = "", string redisMembers = "") returns error? {
    redisParameters(ctx, {redisKey, redisMembers});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->sAdd(redisKey, ldapSplit(redisMembers, " "));
    return redisFinish(ctx, reply, "number");
}

# redis.sRem (SRem): the number of members removed, the members being redisMembers split at spaces; `{"output":$1}`.
function redisSRem(Context ctx, RedisConnection connection, string redisKey = "", string redisMembers = "") returns error? {
    redisParameters(ctx, {redisKey, redisMembers});
    redis:Client rc = check redisConnect(connection);
    int|redis:Error reply = rc->sRem(redisKey, ldapSplit(redisMembers, " "));
    return redisFinish(ctx, reply, "number");
}

# redis.sIsMember (SIsMember): true or false (Jedis's Boolean); `{"output":"$1"}`.
function redisSIsMember(Context ctx, RedisConnection connection, string redisKey = "", string redisMember = "") returns error? {
    redisParameters(ctx, {redisKey, redisMember});
    redis:Client rc = check redisConnect(connection);
    boolean|redis:Error reply = rc->sIsMember(redisKey, redisMember);
    return redisFinish(ctx, reply, "quoted");
}

# redis.ping (Ping): PONG; `{"output":"$1"}`.
function redisPing(Context ctx, RedisConnection connection) returns error? {
    redis:Client rc = check redisConnect(connection);
    string|redis:Error reply = rc->ping();
    return redisFinish(ctx, reply, "quoted");
}

# redis.echo (Echo): the message; `{"output":"$1"}`.
function redisEcho(Context ctx, RedisConnection connection, string redisMessage = "") returns error? {
    redisParameters(ctx, {redisMessage});
    redis:Client rc = check redisConnect(connection);
    string|redis:Error reply = rc->echo(redisMessage);
    return redisFinish(ctx, reply, "quoted");
}

# ldap.init (LDAP connector 1.0.x, Init): the connection settings become the properties `providerUrl`,
# `securityPrincipal` and `securityCredentials` of the message, which the operations read when they connect.
function ldapInit(Context ctx, string providerUrl, string securityPrincipal, string securityCredentials) returns error? {
    ctx.properties["providerUrl"] = providerUrl;
    ctx.properties["securityPrincipal"] = securityPrincipal;
    ctx.properties["securityCredentials"] = securityCredentials;
}

# A connection property ldap.init set; the connector fails (a NullPointerException) when it is missing.
function ldapSetting(Context ctx, string name) returns string|error {
    anydata value = ctx.properties[name];
    if value is string {
        return value;
    }
    return error(string `the property ${name} is not set (ldap.init sets it): the LDAP connector fails without it`);
}

# The host and port of the JNDI provider URL `ldap://host[:port][/]` (port 389 by default, localhost when no
# host is given). An ldaps: URL, several URLs or a base DN after the host are not reproduced: they fail the flow.
function ldapServer(Context ctx) returns [string, int]|error {
    string url = (check ldapSetting(ctx, "providerUrl")).trim();
    if !url.toLowerAscii().startsWith("ldap://") {
        return error(string `the LDAP provider URL '${url}' is not an ldap:// URL, the only kind the generated code connects to`);
    }
    string server = url.substring(7);
    int? slash = server.indexOf("/");
    if slash is int {
        if server.substring(slash + 1) != "" {
            return error(string `the LDAP provider URL '${url}' names a base DN, which the generated code does not apply`);
        }
        server = server.substring(0, slash);
    }
    if server.includes(" ") || server.startsWith("[") {
        return error(string `the LDAP provider URL '${url}' is not a single host name and port, which the generated code connects to`);
    }
    string host = server;
    int port = 389;
    int? colon = server.indexOf(":");
    if colon is int {
        host = server.substring(0, colon);
        port = check int:fromString(server.substring(colon + 1));
    }
    return [host == "" ? "localhost" : host, port];
}

# Connects and binds as the connector's LDAPUtils.getDirectoryContext does, with the properties ldap.init set; a
# failure to connect or bind is the connector's INVALID_LDAP_CREDENTIALS failure (7000002).
function ldapConnect(Context ctx) returns ldap:Client|error {
    [string, int] [host, port] = check ldapServer(ctx);
    string principal = check ldapSetting(ctx, "securityPrincipal");
    string credentials = check ldapSetting(ctx, "securityCredentials");
    ldap:Client|ldap:Error connection = new (hostName = host, port = port, domainName = principal, password = credentials);
    if connection is ldap:Error {
        return ldapFailure(ctx, 7000002, connection);
    }
    return connection;
}

# The connector's result (LDAPUtils.preparePayload): `<ns:result><ns:message>` with the text replaces the body's
# children; the content type is kept, so a JSON client gets `{"result": {"message": "Success"}}`.
function ldapResult(Context ctx, string message) {
    connectorResult(ctx, xml `<ns:result xmlns:ns="http://org.wso2.esbconnectors.ldap"><ns:message>${message}</ns:message></ns:result>`);
}

# Records a failure as LDAPUtils.handleErrorResponse does: status 500, ERROR_CODE (the connector's code),
# ERROR_MESSAGE (here ballerina/ldap's message, where the Micro Integrator gives JNDI's), ERROR_EXCEPTION and the
# `<ns:error>` payload; then the error fails the flow (Synapse's fault handler keeps them, ERROR_CODE being set).
function ldapFailure(Context ctx, int code, error cause) returns error {
    string message = cause.message();
    ctx.statusCode = 500;
    ctx.properties["ERROR_CODE"] = code;
    ctx.properties["ERROR_MESSAGE"] = message;
    ctx.properties["ERROR_EXCEPTION"] = cause.toString();
    ctx.payload = replaceBody(ctx, xml `<ns:error xmlns:ns="http://org.wso2.esbconnectors.ldap"><ns:errorMessage>${message}</ns:errorMessage><ns:errorCode>${code.toString()}</ns:errorCode></ns:error>`);
    return error(message, cause);
}

# Java's String.split on a one-character separator: trailing empty strings are dropped, and a text without the
# separator is the only element (an empty text included).
function ldapSplit(string text, string separator) returns string[] {
    string[] parts = [];
    string rest = text;
    int? index = rest.indexOf(separator);
    while index is int {
        parts.push(rest.substring(0, index));
        rest = rest.substring(index + 1);
        index = rest.indexOf(separator);
    }
    parts.push(rest);
    if parts.length() == 1 {
        return parts;
    }
    while parts.length() > 0 && parts[parts.length() - 1] == "" {
        _ = parts.pop();
    }
    return parts;
}

# The attributes of connector 1.0 (`name=value` pairs separated by commas, the value ending at the next `=`); a
# later name replaces an earlier one. A pair without a value fails as the connector does (an
# ArrayIndexOutOfBoundsException); a JSON object (what later connector versions take) is not read.
function ldapAttributes(string? attributes, ldap:Entry entry) returns error? {
    if attributes is () {
        return;
    }
    if attributes.trim().startsWith("{") {
        return error("the LDAP attributes are a JSON object, as later LDAP connector versions take them; the generated code reads connector 1.0's name=value pairs");
    }
    foreach string pair in ldapSplit(attributes, ",") {
        string[] nameValue = ldapSplit(pair, "=");
        if nameValue.length() < 2 {
            return error(string `Index 1 out of bounds for length ${nameValue.length()} (the LDAP attribute '${pair}')`);
        }
        entry[nameValue[0]] = nameValue[1];
    }
}

# ldap.addEntry (AddEntry): an entry with the object classes (separated by commas) and the attributes. The payload
# becomes the connector's Success result; an entry the server refuses is its ADD_ENTRY_ERROR failure (7000003).
function ldapAddEntry(Context ctx, string objectClass, string dn, string? attributes = ()) returns error? {
    ldap:Client connection = check ldapConnect(ctx);
    string[] classes = [];
    foreach string name in ldapSplit(objectClass, ",") {
        if classes.indexOf(name) is () {
            classes.push(name);
        }
    }
    ldap:Entry entry = {objectClass: classes};
    error? read = ldapAttributes(attributes, entry);
    if read is error {
        connection->close();
        return read;
    }
    ldap:LdapResponse|ldap:Error added = connection->add(dn, entry);
    connection->close();
    if added is ldap:Error {
        return ldapFailure(ctx, 7000003, added);
    }
    ldapResult(ctx, "Success");
}

# ldap.deleteEntry (DeleteEntry): the entry, after checking that it exists (an entry the server does not find is
# the connector's ENTRY_DOESNOT_EXISTS_ERROR failure, 7000006; a refused delete DELETE_ENTRY_ERROR, 7000005).
function ldapDeleteEntry(Context ctx, string dn) returns error? {
    ldap:Client connection = check ldapConnect(ctx);
    ldap:SearchResult|ldap:Error found = connection->search(dn, "(objectClass=*)", ldap:BASE);
    // ballerina/ldap fails a search that matches nothing; the entry itself exists then (the server found the base).
    if found is ldap:Error && !found.message().startsWith("Entry is not found for DN") {
        connection->close();
        return ldapFailure(ctx, 7000006, found);
    }
    ldap:LdapResponse|ldap:Error deleted = connection->delete(dn);
    connection->close();
    if deleted is ldap:Error {
        return ldapFailure(ctx, 7000005, deleted);
    }
    ldapResult(ctx, "Success");
}

# ldap.updateEntry (UpdateEntry): mode `replace` replaces the entry's attributes with the given ones (a refused
# change is the connector's UPDATE_ENTRY_ERROR failure, 7000004); any mode but replace, add and remove changes
# nothing, as in the connector. ldap:Client has no way to add or remove values: those modes fail the flow.
function ldapUpdateEntry(Context ctx, string mode, string dn, string? attributes = ()) returns error? {
    ldap:Client connection = check ldapConnect(ctx);
    ldap:Entry entry = {};
    error? read = ldapAttributes(attributes, entry);
    if read is error {
        connection->close();
        return read;
    }
    if mode == "add" || mode == "remove" {
        connection->close();
        return error(string `the LDAP update mode '${mode}' is not reproduced: ldap:Client's modify only replaces attributes`);
    }
    if mode == "replace" {
        ldap:LdapResponse|ldap:Error modified = connection->modify(dn, entry);
        if modified is ldap:Error {
            connection->close();
            return ldapFailure(ctx, 7000004, modified);
        }
    }
    connection->close();
    ldapResult(ctx, "Success");
}

# ldap.authenticate (Authenticate): binds to the server of ldap.init's providerUrl with the DN and password; the
# payload becomes the connector's result, Success or Fail (a failed bind does not fail the flow).
function ldapAuthenticate(Context ctx, string dn, string password) returns error? {
    [string, int] [host, port] = check ldapServer(ctx);
    ldap:Client|ldap:Error connection = new (hostName = host, port = port, domainName = dn, password = password);
    if connection is ldap:Error {
        ldapResult(ctx, "Fail");
        return;
    }
    connection->close();
    ldapResult(ctx, "Success");
}

# amazonsqs.init (Amazon SQS connector 1.0.x, the init template): the settings become the properties the template
# sets and the operations read (`uri.var.accessKeyId`, `uri.var.secretAccessKey`, `uri.var.version`,
# `uri.var.region`, `uri.var.enableSSL`, `uri.var.contentType`). An operation connects with them at each call, as
# the connector signs each request with them.
function amazonSqsInit(Context ctx, string accessKeyId = "", string secretAccessKey = "", string version = "",
        string region = "", string enableSSL = "", string contentType = "") returns error? {
    ctx.properties["uri.var.accessKeyId"] = accessKeyId;
    ctx.properties["uri.var.secretAccessKey"] = secretAccessKey;
    ctx.properties["uri.var.version"] = version;
    ctx.properties["uri.var.region"] = region;
    ctx.properties["uri.var.enableSSL"] = enableSSL;
    ctx.properties["uri.var.contentType"] = contentType;
}

# A property amazonsqs.init set, "" when it is not set.
function amazonSqsSetting(Context ctx, string name) returns string {
    anydata value = ctx.properties[name];
    return value is () ? "" : value.toString();
}

# An `sqs:Client` on the keys and region amazonsqs.init set, created for one call as the connector signs each
# request with the keys of the message; without them the call fails, as the connector's signing does.
function amazonSqsClient(Context ctx) returns sqs:Client|error {
    string accessKeyId = amazonSqsSetting(ctx, "uri.var.accessKeyId");
    string secretAccessKey = amazonSqsSetting(ctx, "uri.var.secretAccessKey");
    string region = amazonSqsSetting(ctx, "uri.var.region");
    map<string> settings = {accessKeyId, secretAccessKey, region};
    foreach [string, string] [name, value] in settings.entries() {
        if value == "" {
            return error(string `the property uri.var.${name} is not set (amazonsqs.init sets it): the Amazon SQS connector cannot sign the request without it`);
        }
    }
    return new ({auth: {accessKeyId, secretAccessKey}, region});
}

# The URL of the queue `queueName` of the account `queueId` in the region of amazonsqs.init, the queue the
# connector's request path `/{queueId}/{queueName}/` names.
function amazonSqsQueueUrl(Context ctx, string queueId, string queueName) returns string|error {
    if queueId == "" || queueName == "" {
        return error("the Amazon SQS operation names no queue: its queueId and queueName are both needed");
    }
    string region = amazonSqsSetting(ctx, "uri.var.region");
    return string `https://sqs.${region}.amazonaws.com/${check url:encode(queueId, "UTF-8")}/${check url:encode(queueName, "UTF-8")}`;
}

# An integer parameter of an operation, `()` when it is empty (the connector then leaves it out of the request).
function amazonSqsInt(string name, string value) returns int?|error {
    if value == "" {
        return ();
    }
    int|error number = int:fromString(value.trim());
    if number is error {
        return error(string `the Amazon SQS parameter ${name} is not an integer: ${value}`);
    }
    return number;
}

# The name=value pairs of a multi-valued parameter (`attributeEntries`, `messageAttributes`, `attributes`, ...), as
# the connector's AmazonSQSAuthConnector splits it: at `&` (trailing empty parts dropped), each part a name and a
# value around its one `=`; any other part fails the request ("Invalid parameters").
function amazonSqsPairs(string entries) returns map<string>|error {
    map<string> pairs = {};
    string[] parts = [];
    string rest = entries;
    while true {
        int? amp = rest.indexOf("&");
        if amp is () {
            parts.push(rest);
            break;
        }
        parts.push(rest.substring(0, amp));
        rest = rest.substring(amp + 1);
    }
    while parts.length() > 0 && parts[parts.length() - 1] == "" {
        _ = parts.pop();
    }
    foreach string part in parts {
        int? eq = part.indexOf("=");
        if eq is () || eq == part.length() - 1 || part.indexOf("=", eq + 1) is int {
            return error(string `Invalid parameters: ${part}`);
        }
        pairs[part.substring(0, eq)] = part.substring(eq + 1);
    }
    return pairs;
}

# The numbered entries of a multi-valued parameter in the order of their numbers: `<prefix>.<n>.<field>=value`
# pairs grouped by `n`, each a map from `field` to the value (`""` for a pair `<prefix>.<n>=value`, as in
# `AttributeName.1=All`); a pair without the prefix and a number fails the call, as the generated call does not
# reproduce it.
function amazonSqsEntries(string entries, string prefix) returns map<string>[]|error {
    map<map<string>> groups = {};
    int[] numbers = [];
    foreach [string, string] [name, value] in (check amazonSqsPairs(entries)).entries() {
        string tail = name.startsWith(prefix + ".") ? name.substring(prefix.length() + 1) : "";
        int? dot = tail.indexOf(".");
        string number = dot is int ? tail.substring(0, dot) : tail;
        int|error n = int:fromString(number);
        if n is error || n < 1 {
            return error(string `the Amazon SQS parameter ${name} is not reproduced by the generated call (only ${prefix}.n entries are)`);
        }
        map<string>? group = groups[n.toString()];
        if group is () {
            numbers.push(n);
            groups[n.toString()] = {[dot is int ? tail.substring(dot + 1) : ""]: value};
        } else {
            group[dot is int ? tail.substring(dot + 1) : ""] = value;
        }
    }
    return from int n in numbers.sort()
        select groups.get(n.toString());
}

# The values of the numbered entries `<prefix>.<n>=value` of a multi-valued parameter (`AttributeName.1=All`).
function amazonSqsNames(string entries, string prefix) returns string[]|error {
    string[] names = [];
    foreach map<string> entry in check amazonSqsEntries(entries, prefix) {
        foreach [string, string] [key, value] in entry.entries() {
            if key != "" {
                return error(string `the Amazon SQS parameter ${prefix}.n.${key} is not reproduced by the generated call`);
            }
            names.push(value);
        }
    }
    return names;
}

# Text as XML character data (`&`, `<` and `>` escaped).
function amazonSqsText(string text) returns string => xml:createText(text).toString();

# An element of an SQS answer holding `text`, or nothing for `()` (the service leaves an absent value out).
function amazonSqsElement(string name, string|int? text) returns string =>
    text is () ? "" : string `<${name}>${amazonSqsText(text.toString())}</${name}>`;

# The message after an Amazon SQS call: the service's XML answer `<{action}Response>` (in the namespace of the API
# version amazonsqs.init set, 2012-11-05 when it set none) with `content` inside, as the query API writes it, and
# the answer's status, as the message is after the connector's call (a backend response: fresh transport headers,
# `text/xml`). The client gives no request ID on success, so the answer has no `ResponseMetadata`.
function amazonSqsAnswer(Context ctx, int status, string action, string content) {
    string version = amazonSqsSetting(ctx, "uri.var.version");
    string namespace = string `http://queue.amazonaws.com/doc/${version == "" ? "2012-11-05" : version}/`;
    string answer = string `<?xml version="1.0"?><${action}Response xmlns="${amazonSqsText(namespace)}">${content}</${action}Response>`;
    ctx.statusCode = status;
    ctx.httpSc = status.toString();
    ctx.headers = {"content-type": "text/xml"};
    ctx.excessHeaders = {};
    ctx.contentType = "text/xml";
    ctx.payload = <ReceivedBody>{bytes: answer.toBytes(), contentType: "text/xml"};
    becomeResponse(ctx);
}

# An Amazon SQS call that failed. When the service answered, its error answer (`<ErrorResponse>` with the error's
# type, code and message and the request ID) becomes the message with the answer's status, as after the
# connector's call, and the flow goes on; a failure without an answer (no connection, no keys) fails the flow, as
# the connector's call does.
function amazonSqsFailure(Context ctx, error failure) returns error? {
    if failure is sqs:Error {
        int? status = failure.detail().httpStatusCode;
        if status is int {
            string content = string `<Error><Type>${status >= 500 ? "Receiver" : "Sender"}</Type>`
                + amazonSqsElement("Code", failure.detail().errorCode ?: "")
                + amazonSqsElement("Message", failure.detail().errorMessage ?: failure.message())
                + "<Detail/></Error>" + amazonSqsElement("RequestId", failure.detail().requestId ?: "");
            amazonSqsAnswer(ctx, status, "Error", content);
            return;
        }
    }
    return failure;
}

# Closes a client made for one call (a failure to close changes nothing in the answer).
function amazonSqsClose(sqs:Client connection) {
    error? closed = connection->close();
    if closed is error {
        // The call's answer is already in hand; the client is not used again.
    }
}

# The queue attributes of `attributeEntries` (`Attribute.n.Name=...&Attribute.n.Value=...`) as sqs:QueueAttributes;
# an attribute the record does not carry as the service reads it (RedrivePolicy, RedriveAllowPolicy,
# DeduplicationScope, FifoThroughputLimit, SqsManagedSseEnabled) fails the call.
function amazonSqsQueueAttributes(string attributeEntries) returns sqs:QueueAttributes|error {
    sqs:QueueAttributes attributes = {};
    foreach map<string> entry in check amazonSqsEntries(attributeEntries, "Attribute") {
        string name = entry["Name"] ?: "";
        string value = entry["Value"] ?: "";
        match name {
            "DelaySeconds" => {
                attributes.delaySeconds = (check amazonSqsInt(name, value)) ?: 0;
            }
            "MaximumMessageSize" => {
                attributes.maximumMessageSize = (check amazonSqsInt(name, value)) ?: 0;
            }
            "MessageRetentionPeriod" => {
                attributes.messageRetentionPeriod = (check amazonSqsInt(name, value)) ?: 0;
            }
            "ReceiveMessageWaitTimeSeconds" => {
                attributes.receiveMessageWaitTimeSeconds = (check amazonSqsInt(name, value)) ?: 0;
            }
            "VisibilityTimeout" => {
                attributes.visibilityTimeout = (check amazonSqsInt(name, value)) ?: 0;
            }
            "Policy" => {
                attributes.policy = value;
            }
            "KmsMasterKeyId" => {
                attributes.kmsMasterKeyId = value;
            }
            "KmsDataKeyReusePeriodSeconds" => {
                attributes.kmsDataKeyReusePeriodSeconds = value;
            }
            "FifoQueue" => {
                attributes.fifoQueue = value.toLowerAscii() == "true";
            }
            "ContentBasedDeduplication" => {
                attributes.contentBasedDeduplication = value.toLowerAscii() == "true";
            }
            _ => {
                return error(string `the queue attribute ${name} is not reproduced by the generated call`);
            }
        }
    }
    return attributes;
}

# amazonsqs.createQueue (CreateQueue): the queue with the attributes of `attributeEntries`; the message becomes
# `<CreateQueueResponse>` with the queue's URL, status 200.
function amazonSqsCreateQueue(Context ctx, string queueName = "", string attributeEntries = "") returns error? {
    sqs:QueueAttributes? attributes = attributeEntries == "" ? () : check amazonSqsQueueAttributes(attributeEntries);
    sqs:Client connection = check amazonSqsClient(ctx);
    string|error created;
    if attributes is () {
        created = connection->createQueue(queueName);
    } else {
        created = connection->createQueue(queueName, queueAttributes = attributes);
    }
    amazonSqsClose(connection);
    if created is error {
        return amazonSqsFailure(ctx, created);
    }
    amazonSqsAnswer(ctx, 200, "CreateQueue", "<CreateQueueResult>" + amazonSqsElement("QueueUrl", created) + "</CreateQueueResult>");
}

# amazonsqs.deleteQueue (DeleteQueue): the message becomes `<DeleteQueueResponse>`, status 200.
function amazonSqsDeleteQueue(Context ctx, string queueId = "", string queueName = "") returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:Client connection = check amazonSqsClient(ctx);
    error? deleted = connection->deleteQueue(queueUrl);
    amazonSqsClose(connection);
    if deleted is error {
        return amazonSqsFailure(ctx, deleted);
    }
    amazonSqsAnswer(ctx, 200, "DeleteQueue", "");
}

# amazonsqs.purgeQueue (PurgeQueue): the message becomes `<PurgeQueueResponse>`, status 200.
function amazonSqsPurgeQueue(Context ctx, string queueId = "", string queueName = "") returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:Client connection = check amazonSqsClient(ctx);
    error? purged = connection->purgeQueue(queueUrl);
    amazonSqsClose(connection);
    if purged is error {
        return amazonSqsFailure(ctx, purged);
    }
    amazonSqsAnswer(ctx, 200, "PurgeQueue", "");
}

# amazonsqs.getQueueUrl (GetQueueUrl): the URL of the queue `queueName` (of the account `accountId` when given);
# the message becomes `<GetQueueUrlResponse>` with it, status 200.
function amazonSqsGetQueueUrl(Context ctx, string queueName = "", string accountId = "") returns error? {
    sqs:Client connection = check amazonSqsClient(ctx);
    string|error found;
    if accountId == "" {
        found = connection->getQueueUrl(queueName);
    } else {
        found = connection->getQueueUrl(queueName, queueOwnerAWSAccountId = accountId);
    }
    amazonSqsClose(connection);
    if found is error {
        return amazonSqsFailure(ctx, found);
    }
    amazonSqsAnswer(ctx, 200, "GetQueueUrl", "<GetQueueUrlResult>" + amazonSqsElement("QueueUrl", found) + "</GetQueueUrlResult>");
}

# amazonsqs.listQueues (ListQueues): the URLs of the queues (whose names start with `queueNamePrefix` when given);
# the message becomes `<ListQueuesResponse>` with a `<QueueUrl>` each, status 200.
function amazonSqsListQueues(Context ctx, string queueNamePrefix = "") returns error? {
    sqs:Client connection = check amazonSqsClient(ctx);
    sqs:ListQueuesResponse|error listed;
    if queueNamePrefix == "" {
        listed = connection->listQueues();
    } else {
        listed = connection->listQueues(queueNamePrefix = queueNamePrefix);
    }
    amazonSqsClose(connection);
    if listed is error {
        return amazonSqsFailure(ctx, listed);
    }
    string urls = "";
    foreach string queueUrl in listed.queueUrls {
        urls += amazonSqsElement("QueueUrl", queueUrl);
    }
    amazonSqsAnswer(ctx, 200, "ListQueues", "<ListQueuesResult>" + urls + "</ListQueuesResult>");
}

# The message attributes of `messageAttributes` (`MessageAttribute.n.Name`, `MessageAttribute.n.Value.DataType` and
# `MessageAttribute.n.Value.StringValue`, or `.Value.BinaryValue` in base64) as the client's map.
function amazonSqsMessageAttributes(string messageAttributes) returns map<sqs:MessageAttributeValue>|error {
    map<sqs:MessageAttributeValue> attributes = {};
    foreach map<string> entry in check amazonSqsEntries(messageAttributes, "MessageAttribute") {
        sqs:MessageAttributeValue attribute = {dataType: entry["Value.DataType"] ?: ""};
        foreach [string, string] [key, value] in entry.entries() {
            match key {
                "Name"|"Value.DataType" => {
                }
                "Value.StringValue" => {
                    attribute.stringValue = value;
                }
                "Value.BinaryValue" => {
                    attribute.binaryValue = check array:fromBase64(value);
                }
                _ => {
                    return error(string `the message attribute field ${key} is not reproduced by the generated call`);
                }
            }
        }
        attributes[entry["Name"] ?: ""] = attribute;
    }
    return attributes;
}

# amazonsqs.sendMessage (SendMessage): `messageBody` to the queue, delayed by `delaySeconds` and with the
# attributes of `messageAttributes` when given; the message becomes `<SendMessageResponse>` with the body's (and
# attributes') MD5 digest and the message ID, status 200.
function amazonSqsSendMessage(Context ctx, string queueId = "", string queueName = "", string messageBody = "",
        string delaySeconds = "", string messageAttributes = "") returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:SendMessageConfig config = {};
    int? delay = check amazonSqsInt("delaySeconds", delaySeconds);
    if delay is int {
        config.delaySeconds = delay;
    }
    if messageAttributes != "" {
        config.messageAttributes = check amazonSqsMessageAttributes(messageAttributes);
    }
    sqs:Client connection = check amazonSqsClient(ctx);
    sqs:SendMessageResponse|error sent = connection->sendMessage(queueUrl, messageBody, config);
    amazonSqsClose(connection);
    if sent is error {
        return amazonSqsFailure(ctx, sent);
    }
    amazonSqsAnswer(ctx, 200, "SendMessage", "<SendMessageResult>" + amazonSqsElement("MD5OfMessageBody", sent.md5OfMessageBody)
        + amazonSqsElement("MD5OfMessageAttributes", sent.md5OfMessageAttributes) + amazonSqsElement("MessageId", sent.messageId)
        + amazonSqsElement("SequenceNumber", sent.sequenceNumber) + "</SendMessageResult>");
}

# A received message as the query API writes it: ID, receipt handle, body and its digest, the system attributes
# (`<Attribute>`, under the service's names) and the message attributes (`<MessageAttribute>`).
function amazonSqsMessageXml(sqs:Message message) returns string {
    string content = amazonSqsElement("MessageId", message.messageId) + amazonSqsElement("ReceiptHandle", message.receiptHandle)
        + amazonSqsElement("MD5OfBody", message.md5OfBody) + amazonSqsElement("Body", message.body);
    sqs:MessageAttributes? system = message.messageSystemAttributes;
    if system is sqs:MessageAttributes {
        [string, string|int?][] named = [["SenderId", system.senderId], ["ApproximateFirstReceiveTimestamp", system.approximateFirstReceiveTimestamp],
            ["ApproximateReceiveCount", system.approximateReceiveCount], ["SentTimestamp", system.sentTimeStamp],
            ["AWSTraceHeader", system.awsTraceHeader], ["MessageDeduplicationId", system.messageDeduplicationId],
            ["MessageGroupId", system.messageGroupId], ["SequenceNumber", system.sequenceNumber],
            ["DeadLetterQueueSourceArn", system.deadLetterQueueSourceArn]];
        foreach [string, string|int?] [name, value] in named {
            if value !is () {
                content += "<Attribute>" + amazonSqsElement("Name", name) + amazonSqsElement("Value", value) + "</Attribute>";
            }
        }
    }
    content += amazonSqsElement("MD5OfMessageAttributes", message.md5OfMessageAttributes);
    foreach [string, sqs:MessageAttributeValue] [name, attribute] in (message.messageAttributes ?: {}).entries() {
        byte[]? binary = attribute.binaryValue;
        content += "<MessageAttribute>" + amazonSqsElement("Name", name) + "<Value>" + amazonSqsElement("StringValue", attribute.stringValue)
            + amazonSqsElement("BinaryValue", binary is () ? () : binary.toBase64()) + amazonSqsElement("DataType", attribute.dataType)
            + "</Value></MessageAttribute>";
    }
    return "<Message>" + content + "</Message>";
}

# amazonsqs.receiveMessage (ReceiveMessage): up to `maxNumberOfMessages` messages of the queue, waiting
# `waitTimeSeconds` and hiding them for `visibilityTimeout` when given, with the system attributes `attributes`
# (`AttributeName.n=...`) and the message attributes `messageAttributeNames` (`MessageAttributeName.n=...`) asked
# for; the message becomes `<ReceiveMessageResponse>` with a `<Message>` each, status 200.
function amazonSqsReceiveMessage(Context ctx, string queueId = "", string queueName = "", string maxNumberOfMessages = "",
        string waitTimeSeconds = "", string visibilityTimeout = "", string attributes = "",
        string messageAttributeNames = "") returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:ReceiveMessageConfig config = {};
    int? maximum = check amazonSqsInt("maxNumberOfMessages", maxNumberOfMessages);
    if maximum is int {
        config.maxNumberOfMessages = maximum;
    }
    int? waitTime = check amazonSqsInt("waitTimeSeconds", waitTimeSeconds);
    if waitTime is int {
        config.waitTimeSeconds = waitTime;
    }
    int? visibility = check amazonSqsInt("visibilityTimeout", visibilityTimeout);
    if visibility is int {
        config.visibilityTimeout = visibility;
    }
    if attributes != "" {
        sqs:MessageSystemAttributeName[] names = [];
        foreach string name in check amazonSqsNames(attributes, "AttributeName") {
            if name !is sqs:MessageSystemAttributeName {
                return error(string `the message attribute name ${name} is not one the generated call can ask for`);
            }
            names.push(name);
        }
        config.messageSystemAttributeNames = names;
    }
    if messageAttributeNames != "" {
        config.messageAttributeNames = check amazonSqsNames(messageAttributeNames, "MessageAttributeName");
    }
    sqs:Client connection = check amazonSqsClient(ctx);
    sqs:Message[]|error received = connection->receiveMessage(queueUrl, config);
    amazonSqsClose(connection);
    if received is error {
        return amazonSqsFailure(ctx, received);
    }
    string messages = "";
    foreach sqs:Message message in received {
        messages += amazonSqsMessageXml(message);
    }
    amazonSqsAnswer(ctx, 200, "ReceiveMessage", "<ReceiveMessageResult>" + messages + "</ReceiveMessageResult>");
}

# amazonsqs.deleteMessage (DeleteMessage): the message of `receiptHandle`; the message becomes
# `<DeleteMessageResponse>`, status 200.
function amazonSqsDeleteMessage(Context ctx, string queueId = "", string queueName = "", string receiptHandle = "")
        returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:Client connection = check amazonSqsClient(ctx);
    error? deleted = connection->deleteMessage(queueUrl, receiptHandle);
    amazonSqsClose(connection);
    if deleted is error {
        return amazonSqsFailure(ctx, deleted);
    }
    amazonSqsAnswer(ctx, 200, "DeleteMessage", "");
}

# amazonsqs.changeMessageVisibility (ChangeMessageVisibility): the visibility timeout of the message of
# `receiptHandle`; the message becomes `<ChangeMessageVisibilityResponse>`, status 200.
function amazonSqsChangeMessageVisibility(Context ctx, string queueId = "", string queueName = "",
        string receiptHandle = "", string visibilityTimeout = "") returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    int? timeout = check amazonSqsInt("visibilityTimeout", visibilityTimeout);
    if timeout is () {
        return error("amazonsqs.changeMessageVisibility sets no visibilityTimeout, which the service needs");
    }
    sqs:Client connection = check amazonSqsClient(ctx);
    error? changed = connection->changeMessageVisibility(queueUrl, receiptHandle, timeout);
    amazonSqsClose(connection);
    if changed is error {
        return amazonSqsFailure(ctx, changed);
    }
    amazonSqsAnswer(ctx, 200, "ChangeMessageVisibility", "");
}

# amazonsqs.getQueueAttributes (GetQueueAttributes): the attributes `attributes` (`AttributeName.n=...`) of the
# queue; the message becomes `<GetQueueAttributesResponse>` with an `<Attribute>` (name, value) each, status 200.
# A name the client does not know is left out of the request.
function amazonSqsGetQueueAttributes(Context ctx, string queueId = "", string queueName = "", string attributes = "")
        returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:QueueAttributeName[] names = [];
    foreach string name in attributes == "" ? [] : check amazonSqsNames(attributes, "AttributeName") {
        if name is sqs:QueueAttributeName {
            names.push(name);
        }
    }
    sqs:Client connection = check amazonSqsClient(ctx);
    sqs:GetQueueAttributesResponse|error read = connection->getQueueAttributes(queueUrl, attributeNames = names);
    amazonSqsClose(connection);
    if read is error {
        return amazonSqsFailure(ctx, read);
    }
    string content = "";
    foreach [string, string] [name, value] in read.queueAttributes.entries() {
        content += "<Attribute>" + amazonSqsElement("Name", name) + amazonSqsElement("Value", value) + "</Attribute>";
    }
    amazonSqsAnswer(ctx, 200, "GetQueueAttributes", "<GetQueueAttributesResult>" + content + "</GetQueueAttributesResult>");
}

# amazonsqs.setQueueAttributes (SetQueueAttributes): the attributes of `attributeEntries`; the message becomes
# `<SetQueueAttributesResponse>`, status 200.
function amazonSqsSetQueueAttributes(Context ctx, string queueId = "", string queueName = "", string attributeEntries = "")
        returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:QueueAttributes attributes = check amazonSqsQueueAttributes(attributeEntries);
    sqs:Client connection = check amazonSqsClient(ctx);
    error? set = connection->setQueueAttributes(queueUrl, attributes);
    amazonSqsClose(connection);
    if set is error {
        return amazonSqsFailure(ctx, set);
    }
    amazonSqsAnswer(ctx, 200, "SetQueueAttributes", "");
}

# The failed entries of a batch answer as the query API writes them (`<BatchResultErrorEntry>`).
function amazonSqsBatchErrors(sqs:BatchResultErrorEntry[] failed) returns string {
    string content = "";
    foreach sqs:BatchResultErrorEntry entry in failed {
        content += "<BatchResultErrorEntry>" + amazonSqsElement("Id", entry.id) + amazonSqsElement("SenderFault", entry.senderFault.toString())
            + amazonSqsElement("Code", entry.code) + amazonSqsElement("Message", entry.message) + "</BatchResultErrorEntry>";
    }
    return content;
}

# amazonsqs.sendMessageBatch (SendMessageBatch): the messages of `messageRequestEntry`
# (`SendMessageBatchRequestEntry.n.Id`, `.MessageBody`, `.DelaySeconds`, `.MessageDeduplicationId`,
# `.MessageGroupId` and `.MessageAttribute.m.*`); the message becomes `<SendMessageBatchResponse>` with an entry
# for each message sent and each refused, status 200. The client sends no request-wide `delaySeconds`: a flow that
# sets one fails.
function amazonSqsSendMessageBatch(Context ctx, string queueId = "", string queueName = "", string delaySeconds = "",
        string messageRequestEntry = "") returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    if delaySeconds != "" {
        return error("amazonsqs.sendMessageBatch sets delaySeconds for the whole request, which the generated call cannot send (set DelaySeconds in each entry)");
    }
    sqs:SendMessageBatchEntry[] entries = [];
    foreach map<string> entry in check amazonSqsEntries(messageRequestEntry, "SendMessageBatchRequestEntry") {
        sqs:SendMessageBatchEntry message = {id: entry["Id"] ?: "", body: entry["MessageBody"] ?: ""};
        string attributes = "";
        foreach [string, string] [key, value] in entry.entries() {
            if key.startsWith("MessageAttribute.") {
                attributes += (attributes == "" ? "" : "&") + key + "=" + value;
                continue;
            }
            match key {
                "Id"|"MessageBody" => {
                }
                "DelaySeconds" => {
                    message.delaySeconds = (check amazonSqsInt(key, value)) ?: 0;
                }
                "MessageDeduplicationId" => {
                    message.messageDeduplicationId = value;
                }
                "MessageGroupId" => {
                    message.messageGroupId = value;
                }
                _ => {
                    return error(string `the batch entry field ${key} is not reproduced by the generated call`);
                }
            }
        }
        if attributes != "" {
            message.messageAttributes = check amazonSqsMessageAttributes(attributes);
        }
        entries.push(message);
    }
    sqs:Client connection = check amazonSqsClient(ctx);
    sqs:SendMessageBatchResponse|error sent = connection->sendMessageBatch(queueUrl, entries);
    amazonSqsClose(connection);
    if sent is error {
        return amazonSqsFailure(ctx, sent);
    }
    string content = "";
    foreach sqs:SendMessageBatchResultEntry entry in sent.successful {
        content += "<SendMessageBatchResultEntry>" + amazonSqsElement("Id", entry.id) + amazonSqsElement("MessageId", entry.messageId)
            + amazonSqsElement("MD5OfMessageBody", entry.md5OfMessageBody) + amazonSqsElement("MD5OfMessageAttributes", entry.md5OfMessageAttributes)
            + amazonSqsElement("SequenceNumber", entry.sequenceNumber) + "</SendMessageBatchResultEntry>";
    }
    amazonSqsAnswer(ctx, 200, "SendMessageBatch", "<SendMessageBatchResult>" + content + amazonSqsBatchErrors(sent.failed) + "</SendMessageBatchResult>");
}

# amazonsqs.deleteMessageBatch (DeleteMessageBatch): the messages of `messageRequestEntry`
# (`DeleteMessageBatchRequestEntry.n.Id` and `.ReceiptHandle`); the message becomes `<DeleteMessageBatchResponse>`
# with an entry for each message deleted and each refused, status 200.
function amazonSqsDeleteMessageBatch(Context ctx, string queueId = "", string queueName = "",
        string messageRequestEntry = "") returns error? {
    string queueUrl = check amazonSqsQueueUrl(ctx, queueId, queueName);
    sqs:DeleteMessageBatchEntry[] entries = [];
    foreach map<string> entry in check amazonSqsEntries(messageRequestEntry, "DeleteMessageBatchRequestEntry") {
        foreach string key in entry.keys() {
            if key != "Id" && key != "ReceiptHandle" {
                return error(string `the batch entry field ${key} is not reproduced by the generated call`);
            }
        }
        entries.push({id: entry["Id"] ?: "", receiptHandle: entry["ReceiptHandle"] ?: ""});
    }
    sqs:Client connection = check amazonSqsClient(ctx);
    sqs:DeleteMessageBatchResponse|error deleted = connection->deleteMessageBatch(queueUrl, entries);
    amazonSqsClose(connection);
    if deleted is error {
        return amazonSqsFailure(ctx, deleted);
    }
    string content = "";
    foreach sqs:DeleteMessageBatchResultEntry entry in deleted.successful {
        content += "<DeleteMessageBatchResultEntry>" + amazonSqsElement("Id", entry.id) + "</DeleteMessageBatchResultEntry>";
    }
    amazonSqsAnswer(ctx, 200, "DeleteMessageBatch", "<DeleteMessageBatchResult>" + content + amazonSqsBatchErrors(deleted.failed) + "</DeleteMessageBatchResult>");
}

# The Amazon S3 connector 1.0.x's http endpoints: each template's `<call>` names an inline http endpoint without a
# timeout, so its client has the default one the converter gives such an endpoint.
final http:ClientConfiguration amazonS3Endpoint = {timeout: 120, httpVersion: http:HTTP_1_1};

# The endpoint of createObject and uploadPart, whose templates set FORCE_HTTP_CONTENT_LENGTH and
# COPY_CONTENT_LENGTH_FROM_INCOMING: the body goes out with a Content-Length instead of chunks (the Micro Integrator
# copies the received length; the client measures the body, which is the received one, unchanged).
final http:ClientConfiguration amazonS3LengthEndpoint = {timeout: 120, httpVersion: http:HTTP_1_1, http1Settings: {chunking: http:CHUNKING_NEVER}};

# The transport headers amazons3.init sets from its `uri.var.*` properties when they are not empty (the init
# template's filters), in the template's order: property, header. Cache-Control, Content-Disposition,
# Content-Encoding and Expires read properties an earlier multipart operation set, as the template does.
final readonly & [string, string][] amazonS3InitHeaders = [
    ["uri.var.xAmzAcl", "x-amz-acl"],
    ["uri.var.xAmzGrantRead", "x-amz-grant-read"],
    ["uri.var.xAmzGrantWrite", "x-amz-grant-write"],
    ["uri.var.xAmzGrantReadAcp", "x-amz-grant-read-acp"],
    ["uri.var.xAmzGrantWriteAcp", "x-amz-grant-write-acp"],
    ["uri.var.xAmzGrantFullControl", "x-amz-grant-full-control"],
    ["uri.var.contentLength", "content-length"],
    ["uri.var.contentType", "content-type"],
    ["uri.var.contentMD5", "content-md5"],
    ["uri.var.expect", "expect"],
    ["uri.var.host", "host"],
    ["uri.var.xAmzSecurityToken", "x-amz-security-token"],
    ["uri.var.cacheControl", "cache-control"],
    ["uri.var.contentDisposition", "content-disposition"],
    ["uri.var.contentEncoding", "content-encoding"],
    ["uri.var.expires", "expires"],
    ["uri.var.xAmzMeta", "x-amz-meta-"],
    ["uri.var.xAmzServeEncryption", "x-amz-server-side-encryption"],
    ["uri.var.xAmzStorageClass", "x-amz-storage-class"],
    ["uri.var.xAmzWebsiteLocation", "x-amz-website-redirect-location"]
];

# The x-amz-* headers AmazonS3AuthConnector signs, by the message property it reads each from (its
# getAmzHeaderKeysMap).
final readonly & map<string> amazonS3SignedHeaders = {
    xAmzSecurityToken: "x-amz-security-token",
    xAmzAcl: "x-amz-acl",
    xAmzGrantRead: "x-amz-grant-read",
    xAmzGrantWrite: "x-amz-grant-write",
    xAmzGrantReadAcp: "x-amz-grant-read-acp",
    xAmzGrantWriteAcp: "x-amz-grant-write-acp",
    xAmzGrantFullControl: "x-amz-grant-full-control",
    xAmzMeta: "x-amz-meta-",
    xAmzServeEncryption: "x-amz-server-side-encryption",
    xAmzStorageClass: "x-amz-storage-class",
    xAmzWebsiteLocation: "x-amz-website-redirect-location",
    xAmzMfa: "x-amz-mfa",
    xAmzCopySource: "x-amz-copy-source",
    xAmzMetadataDirective: "x-amz-metadata-directive",
    xAmzCopySourceIfMatch: "x-amz-copy-source-if-match",
    xAmzCopySourceIfNoneMatch: "x-amz-copy-source-if-none-match",
    xAmzCopySourceIfUnmodifiedSince: "x-amz-copy-source-if-unmodified-since",
    xAmzCopySourceIfModifiedSince: "x-amz-copy-source-if-modified-since"
};

# The response headers most operation templates remove after the call.
final readonly & string[] amazonS3ResponseHeaders = ["x-amz-id-2", "x-amz-request-id", "via"];

# amazons3.init (connector 1.0.x): sets a `uri.var.*` property for each of its template's parameters (`""` for one
# not given, as `$func:` reads it) and the transport headers its filters set from them (`amazonS3InitHeaders`).
# The request is signed later with the message's own `accessKeyId`, `secretAccessKey`, ... properties, not with
# these (`amazonS3Sign`).
function amazonS3Init(Context ctx, string accessKeyId = "", string secretAccessKey = "", string methodType = "",
        string contentLength = "", string contentType = "", string contentMD5 = "", string expect = "", string host = "",
        string isXAmzDate = "", string xAmzSecurityToken = "", string bucketName = "", string xAmzAcl = "",
        string xAmzGrantRead = "", string xAmzGrantWrite = "", string xAmzGrantReadAcp = "", string xAmzGrantWriteAcp = "",
        string xAmzGrantFullControl = "", string xAmzMeta = "", string xAmzServeEncryption = "",
        string xAmzStorageClass = "", string xAmzWebsiteLocation = "", string xAmzMfa = "", string xAmzCopySource = "",
        string xAmzMetadataDirective = "", string xAmzCopySourceIfMatch = "", string xAmzCopySourceIfNoneMatch = "",
        string xAmzCopySourceIfUnmodifiedSince = "", string xAmzCopySourceIfModifiedSince = "",
        string xAmzServerSideEncryption = "") returns error? {
    // xAmzServerSideEncryption is declared by the template but never read.
    map<string> settings = {
        accessKeyId, secretAccessKey, methodType, contentLength, contentType, contentMD5, expect, host, isXAmzDate,
        xAmzSecurityToken, bucketName, xAmzAcl, xAmzGrantRead, xAmzGrantWrite, xAmzGrantReadAcp, xAmzGrantWriteAcp,
        xAmzGrantFullControl, xAmzMeta, xAmzServeEncryption, xAmzStorageClass, xAmzWebsiteLocation, xAmzMfa,
        xAmzCopySource, xAmzMetadataDirective, xAmzCopySourceIfMatch, xAmzCopySourceIfNoneMatch,
        xAmzCopySourceIfUnmodifiedSince, xAmzCopySourceIfModifiedSince
    };
    foreach [string, string] [name, value] in settings.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    foreach [string, string] [property, header] in amazonS3InitHeaders {
        string value = getProperty(ctx, property);
        if value != "" {
            ctx.headers[header] = value;
        }
    }
}

# The date AmazonS3AuthConnector signs, as its SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss z ") writes it in GMT
# (English names), trailing space included.
function amazonS3Date(time:Utc now) returns string {
    int seconds = now[0];
    int days = seconds / 86400;
    int ofDay = seconds % 86400;
    if ofDay < 0 {
        days -= 1;
        ofDay += 86400;
    }
    time:Civil civil = time:utcToCivil([days * 86400, 0d]);
    string[] weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    int weekday = days % 7;
    return string `${weekdays[weekday < 0 ? weekday + 7 : weekday]}, ${twoDigits(civil.day)} ${months[civil.month - 1]} ${civil.year} `
        + string `${twoDigits(ofDay / 3600)}:${twoDigits(ofDay % 3600 / 60)}:${twoDigits(ofDay % 60)} GMT `;
}

# The string AmazonS3AuthConnector signs (AWS signature version 2): the lines of `methodType`, `contentMD5` and
# `contentType`, the date (an empty line when `isXAmzDate` is "true", which signs the date as an x-amz-date header
# instead), each x-amz-* header whose property is not empty (`amazonS3SignedHeaders`) as `name:value` with its white
# space removed, sorted by name, then `/`, `bucketName` and `uriRemainder`. The values are the message's properties
# (`properties`), not the `uri.var.*` ones of amazons3.init.
function amazonS3StringToSign(map<string> properties, string date, string uriRemainder) returns string {
    string trimmed = date.trim();
    string result = (properties["methodType"] ?: "") + "\n" + (properties["contentMD5"] ?: "") + "\n"
        + (properties["contentType"] ?: "") + "\n";
    map<string> amzHeaders = {};
    if (properties["isXAmzDate"] ?: "").toLowerAscii() == "true" {
        result += "\n";
        amzHeaders["x-amz-date"] = trimmed;
    } else {
        result += trimmed + "\n";
    }
    foreach [string, string] [property, header] in amazonS3SignedHeaders.entries() {
        string value = properties[property] ?: "";
        if value != "" {
            amzHeaders[header] = re `\s+`.replaceAll(value, "");
        }
    }
    foreach string header in amzHeaders.keys().sort() {
        result += header + ":" + amzHeaders.get(header) + "\n";
    }
    return result + "/" + (properties["bucketName"] ?: "") + uriRemainder;
}

# The Authorization header AmazonS3Authentication writes for a string to sign: `AWS <accessKeyId>:` and the
# base64 HMAC-SHA1 of the string with the secret key (both in UTF-8).
function amazonS3Authorization(string stringToSign, string accessKeyId, string secretAccessKey) returns string|error {
    if secretAccessKey == "" {
        // SecretKeySpec refuses an empty key; the connector records its code and fails the flow.
        return error("Empty key", synapseErrorCode = 900001);
    }
    byte[] signature = check crypto:hmacSha1(stringToSign.toBytes(), secretAccessKey.toBytes());
    return string `AWS ${accessKeyId}:${signature.toBase64()}`;
}

# AmazonS3AuthConnector: signs the request from the message's properties (`amazonS3StringToSign`) and sets the
# `authenticationCode`, `date` and (with isXAmzDate) `isXAmzDateValue` properties the template's filters read.
function amazonS3Sign(Context ctx) returns error? {
    string date = amazonS3Date(time:utcNow());
    map<string> properties = {};
    foreach string name in ["accessKeyId", "secretAccessKey", "methodType", "contentMD5", "contentType", "bucketName", "isXAmzDate"] {
        properties[name] = getProperty(ctx, name);
    }
    foreach string name in amazonS3SignedHeaders.keys() {
        properties[name] = getProperty(ctx, name);
    }
    string stringToSign = amazonS3StringToSign(properties, date, getProperty(ctx, "uri.var.uriRemainder"));
    if properties.get("isXAmzDate").toLowerAscii() == "true" {
        ctx.properties["isXAmzDateValue"] = date.trim();
    }
    ctx.properties["authenticationCode"] = check amazonS3Authorization(stringToSign, properties.get("accessKeyId"),
            properties.get("secretAccessKey"));
    ctx.properties["date"] = date;
}

# The rest of an Amazon S3 connector 1.0.x template once its `uri.var.*` properties are set: AmazonS3AuthConnector
# signs the request (`amazonS3Sign`), the template's filters set the Date, x-amz-date and Authorization transport
# headers from what it set and the operation's own headers (`headers`, when not empty), the template's `<call>`
# sends the message with `method` to its http endpoint (`template`, expanded as HTTPEndpoint expands it: a leading
# `{uri.var.x}` as it is, a later one percent-encoded), and the response headers the template lists (`removed`) are
# removed. S3's answer (its XML, or its `<Error>` document) and status are the message afterwards, as after the
# connector; a failed connection fails the flow, as the call does.
function amazonS3Call(Context ctx, string method, string template, string[] removed,
        [string, string][] headers = [], EndpointFormat? format = ()) returns error? {
    check amazonS3Sign(ctx);
    [string, string][] signed = [["date", "date"], ["isXAmzDateValue", "x-amz-date"], ["authenticationCode", "authorization"]];
    foreach [string, string] [property, header] in signed {
        string value = getProperty(ctx, property);
        if value != "" {
            ctx.headers[header] = value;
        }
    }
    return amazonS3Send(ctx, method, template, removed, headers, format = format);
}

# The `<call>` of an Amazon S3 connector 1.0.x template and what follows it: the operation's own headers (`headers`,
# when not empty) set, the message sent with `method` to the template's http endpoint (`template`, expanded as
# HTTPEndpoint expands it) over a client of `amazonS3Endpoint` (of `amazonS3LengthEndpoint` with `contentLength`, for the
# templates that set FORCE_HTTP_CONTENT_LENGTH), in the endpoint's `format` when it names one, and the response headers
# the template lists (`removed`) removed.
function amazonS3Send(Context ctx, string method, string template, string[] removed, [string, string][] headers = [],
        boolean contentLength = false, EndpointFormat? format = ()) returns error? {
    foreach [string, string] [header, value] in headers {
        if value != "" {
            ctx.headers[header] = value;
        }
    }
    [http:Client, string] [connection, path] = check urlTemplateClient(contentLength ? "amazons3 content-length" : "amazons3",
            check expandUriTemplate(ctx, template, true), contentLength ? amazonS3LengthEndpoint : amazonS3Endpoint);
    check callEndpoint(ctx, connection, path, method, format);
    foreach string header in removed {
        _ = ctx.headers.removeIfHasKey(header);
    }
}

# amazons3.getBuckets: GET `{uri.var.apiUrl}/` (the template sets no uriRemainder, so the one an earlier operation
# left is signed).
function amazonS3GetBuckets(Context ctx, string apiUrl = "") returns error? {
    ctx.properties["uri.var.apiUrl"] = apiUrl;
    return amazonS3Call(ctx, "GET", "{uri.var.apiUrl}/", ["x-amz-date", "authorization", "expect", ...amazonS3ResponseHeaders]);
}

# A bucket operation whose template sets `uri.var.bucketUrl` and a fixed `uri.var.uriRemainder` and calls
# `{uri.var.bucketUrl}{uri.var.uriRemainder}` with `method`.
function amazonS3BucketCall(Context ctx, string bucketUrl, string method, string uriRemainder) returns error? {
    ctx.properties["uri.var.bucketUrl"] = bucketUrl;
    ctx.properties["uri.var.uriRemainder"] = uriRemainder;
    return amazonS3Call(ctx, method, "{uri.var.bucketUrl}{uri.var.uriRemainder}", amazonS3ResponseHeaders);
}

# amazons3.checkBucketPermission: HEAD on the bucket.
function amazonS3CheckBucketPermission(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "HEAD", "/");

# amazons3.deleteBucket: DELETE the bucket.
function amazonS3DeleteBucket(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "DELETE", "/");

# amazons3.deleteBucketPolicy: DELETE `/?policy`.
function amazonS3DeleteBucketPolicy(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "DELETE", "/?policy");

# amazons3.deleteBucketWebsiteConfiguration: DELETE `/?website`.
function amazonS3DeleteBucketWebsiteConfiguration(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "DELETE", "/?website");

# amazons3.getBucketACL: GET `?acl` (the template's remainder has no leading slash).
function amazonS3GetBucketAcl(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "GET", "?acl");

# amazons3.getBucketLifeCycle: GET `/?lifecycle`.
function amazonS3GetBucketLifeCycle(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "GET", "/?lifecycle");

# amazons3.getBucketPolicy: GET `/?policy`.
function amazonS3GetBucketPolicy(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "GET", "/?policy");

# amazons3.getBucketRequestPayment: GET `?requestPayment` (no leading slash, as in the template).
function amazonS3GetBucketRequestPayment(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "GET", "?requestPayment");

# amazons3.getBucketVersioning: GET `/?versioning`.
function amazonS3GetBucketVersioning(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "GET", "/?versioning");

# amazons3.getWebSiteConfiguration: GET `/?website`.
function amazonS3GetWebSiteConfiguration(Context ctx, string bucketUrl = "") returns error? =>
    amazonS3BucketCall(ctx, bucketUrl, "GET", "/?website");

# A query as the listing templates build it with fn:concat: `initial`, then for each parameter that is not empty
# `before`, its name, `=`, its value (as it is) and `after`.
function amazonS3Query(string initial, [string, string][] parameters, string before, string after) returns string {
    string query = initial;
    foreach [string, string] [name, value] in parameters {
        if value != "" {
            query += before + name + "=" + value + after;
        }
    }
    return query;
}

# amazons3.getObjectsInBucket: GET `{uri.var.bucketUrl}{uri.var.query}`, the query `?name=value&...` (the template
# sets no uriRemainder, so the one an earlier operation left is signed).
function amazonS3GetObjectsInBucket(Context ctx, string bucketUrl = "", string delimiter = "", string encodingType = "",
        string marker = "", string maxKeys = "", string prefix = "") returns error? {
    map<string> parameters = {bucketUrl, delimiter, encodingType, marker, maxKeys, prefix};
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    ctx.properties["uri.var.query"] = amazonS3Query("?", [["delimiter", delimiter], ["encoding-type", encodingType],
            ["marker", marker], ["max-keys", maxKeys], ["prefix", prefix]], "", "&");
    return amazonS3Call(ctx, "GET", "{uri.var.bucketUrl}{uri.var.query}", amazonS3ResponseHeaders);
}

# amazons3.getBucketObjectVersions: GET `/?versions` and the query `&name=value...`.
function amazonS3GetBucketObjectVersions(Context ctx, string bucketUrl = "", string delimiter = "",
        string encodingType = "", string keyMarker = "", string maxKeys = "", string prefix = "",
        string versionIdMarker = "") returns error? {
    map<string> parameters = {bucketUrl, delimiter, encodingType, keyMarker, maxKeys, prefix, versionIdMarker};
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    ctx.properties["uri.var.query"] = amazonS3Query("", [["delimiter", delimiter], ["encoding-type", encodingType],
            ["key-marker", keyMarker], ["max-keys", maxKeys], ["prefix", prefix], ["version-id-marker", versionIdMarker]],
            "&", "");
    ctx.properties["uri.var.uriRemainder"] = "/?versions";
    return amazonS3Call(ctx, "GET", "{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}", amazonS3ResponseHeaders);
}

# amazons3.listMultipartUploads: GET `/?uploads` and the query `&name=value&...`.
function amazonS3ListMultipartUploads(Context ctx, string bucketUrl = "", string delimiter = "",
        string encodingType = "", string maxUploads = "", string keyMarker = "", string prefix = "",
        string uploadIdMarker = "") returns error? {
    map<string> parameters = {bucketUrl, delimiter, encodingType, maxUploads, keyMarker, prefix, uploadIdMarker};
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    ctx.properties["uri.var.uriRemainder"] = "/?uploads";
    ctx.properties["uri.var.query"] = amazonS3Query("&", [["delimiter", delimiter], ["encoding-type", encodingType],
            ["max-uploads", maxUploads], ["key-marker", keyMarker], ["prefix", prefix],
            ["upload-id-marker", uploadIdMarker]], "", "&");
    return amazonS3Call(ctx, "GET", "{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}", amazonS3ResponseHeaders);
}

# amazons3.listParts: GET `/<objectName>?uploadId=<uploadId>` and the query `&name=value&...` (no `&` after the
# last one, part-number-marker, as the template writes it).
function amazonS3ListParts(Context ctx, string bucketUrl = "", string objectName = "", string uploadId = "",
        string encodingType = "", string maxParts = "", string partNumberMarker = "") returns error? {
    map<string> parameters = {bucketUrl, objectName, uploadId, maxParts, encodingType, partNumberMarker};
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    ctx.properties["uri.var.uriRemainder"] = string `/${objectName}?uploadId=${uploadId}`;
    string query = amazonS3Query("&", [["encoding-type", encodingType], ["max-parts", maxParts]], "", "&");
    ctx.properties["uri.var.query"] = partNumberMarker == "" ? query : query + "part-number-marker=" + partNumberMarker;
    return amazonS3Call(ctx, "GET", "{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}",
            ["authorization", ...amazonS3ResponseHeaders]);
}

# amazons3.deleteObject: DELETE `/<objectName>` (`?versionId=` and the version when one is given), with the
# x-amz-mfa header of amazons3.init's xAmzMfa.
function amazonS3DeleteObject(Context ctx, string bucketUrl = "", string objectName = "", string versionId = "") returns error? {
    map<string> parameters = {bucketUrl, objectName, versionId};
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    ctx.properties["uri.var.uriRemainder"] = versionId == "" ? "/" + objectName : string `/${objectName}?versionId=${versionId}`;
    return amazonS3Call(ctx, "DELETE", "{uri.var.bucketUrl}{uri.var.uriRemainder}",
            ["x-amz-date", ...amazonS3ResponseHeaders, "x-amz-delete-marker", "x-amz-version-id"],
            [["x-amz-mfa", getProperty(ctx, "uri.var.xAmzMfa")]]);
}

# amazons3.abortMultipartUpload: DELETE `/<objectName>?uploadId=<uploadId>`.
function amazonS3AbortMultipartUpload(Context ctx, string bucketUrl = "", string objectName = "",
        string cacheControl = "", string contentDisposition = "", string contentEncoding = "", string expires = "",
        string uploadId = "") returns error? {
    map<string> parameters = {bucketUrl, cacheControl, contentDisposition, contentEncoding, expires, objectName, uploadId};
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    ctx.properties["uri.var.uriRemainder"] = string `/${objectName}?uploadId=${uploadId}`;
    return amazonS3Call(ctx, "DELETE", "{uri.var.bucketUrl}{uri.var.uriRemainder}",
            [...amazonS3ResponseHeaders, "etag", "x-amz-server-side-encryption"]);
}

# amazons3.getObjectMetaData: HEAD `/<objectName>` with the Range and conditional headers given.
function amazonS3GetObjectMetaData(Context ctx, string bucketUrl = "", string objectName = "", string range = "",
        string ifModifiedSince = "", string ifUnmodifiedSince = "", string ifMatch = "", string ifNoneMatch = "") returns error? {
    map<string> parameters = {bucketUrl, range, ifModifiedSince, ifUnmodifiedSince, ifMatch, ifNoneMatch, objectName};
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
    ctx.properties["uri.var.uriRemainder"] = "/" + objectName;
    return amazonS3Call(ctx, "HEAD", "{uri.var.bucketUrl}{uri.var.uriRemainder}", [...amazonS3ResponseHeaders, "etag"],
            [["range", range], ["if-modified-since", ifModifiedSince], ["if-unmodified-since", ifUnmodifiedSince],
            ["if-match", ifMatch], ["if-none-match", ifNoneMatch]]);
}

# amazons3.getObject: GET `/<objectName>` with the Range and conditional headers given and the response-* overrides
# as the query (`?response-content-type=..&` for each one given, `?` alone for none, as the template concatenates
# it; its `query` parameter is declared but never read), through its pox endpoint, then removes the response headers
# the template removes. A 200 answer becomes the template's `<getObjectResponse>` (Synapse namespace, from its file)
# of the response's Content-Type and the body's child nodes as SynapseXPath.stringValueOf writes them
# (`xpathNodeString`: an XML answer's element, Axis2's `<text>` or `<binary>` wrapper of a text or binary one),
# written into the format as its payloadFactory writes an argument (`xmlArg`); any other answer (S3's `<Error>`) is
# left as it is. Either way the message type becomes application/xml, as the template's last property sets it.
function amazonS3GetObject(Context ctx, string bucketUrl = "", string objectName = "", string query = "",
        string responseContentType = "", string responseContentLanguage = "", string responseExpires = "",
        string responseCacheControl = "", string responseContentDisposition = "", string responseContentEncoding = "",
        string range = "", string ifModifiedSince = "", string ifUnmodifiedSince = "", string ifMatch = "",
        string ifNoneMatch = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, responseContentType, responseContentLanguage, responseExpires,
        responseCacheControl, responseContentDisposition, responseContentEncoding, range, ifModifiedSince,
        ifUnmodifiedSince, ifMatch, ifNoneMatch, objectName});
    ctx.properties["uri.var.uriRemainder"] = "/" + objectName;
    string overrides = "?";
    [string, string][] queryParameters = [["response-content-type", responseContentType],
        ["response-content-language", responseContentLanguage], ["response-expires", responseExpires],
        ["response-cache-control", responseCacheControl], ["response-content-disposition", responseContentDisposition],
        ["response-content-encoding", responseContentEncoding]];
    foreach [string, string] [name, value] in queryParameters {
        if value != "" {
            overrides += name + "=" + value + "&";
        }
    }
    ctx.properties["uri.var.query"] = overrides;
    check amazonS3Call(ctx, "GET", "{uri.var.bucketUrl}{uri.var.uriRemainder}{uri.var.query}",
            [...amazonS3ResponseHeaders, "etag", "accept-ranges", "last-modified", "x-amz-website-redirect-location",
            "x-amz-server-side-encryption", "x-amz-version-id", "x-amz-delete-marker"],
            [["range", range], ["if-modified-since", ifModifiedSince], ["if-unmodified-since", ifUnmodifiedSince],
            ["if-match", ifMatch], ["if-none-match", ifNoneMatch]], format = "pox");
    if check matches(axis2HttpSc(ctx), "[2][0][0]") {
        setXmlPayload(ctx, xml `<getObjectResponse xmlns="http://ws.apache.org/ns/synapse"><dataType>${xmlArg(getHeader(ctx, "Content-Type"))}</dataType><data>${xmlArg(xpathNodeString(check soapBody(ctx)))}</data></getObjectResponse>`);
    }
    ctx.contentType = "application/xml";
}

# Sets the `uri.var.<name>` property of each template parameter (`""` for one not given, as `$func:` reads it).
function amazonS3SetParameters(Context ctx, map<string> parameters) {
    foreach [string, string] [name, value] in parameters.entries() {
        ctx.properties["uri.var." + name] = value;
    }
}

# A payloadFactory argument written into an XML format as the Micro Integrator's template processor writes it: into
# the format's text, XML markup as it is (so that its unprefixed elements take the format's default namespace), any
# other value escaped (`xmlArg` decides which).
function amazonS3XmlArgument(string value) returns string {
    xml argument = xmlArg(value);
    return argument is xml:Text ? argument.toString() : value.trim();
}

# The XML a template's payloadFactory builds from its filled-in format (`format`, with `amazonS3XmlArgument` for each
# argument), set as the payload as payloadFactory sets it (`setXmlPayload`: the message type becomes application/xml
# unless it is XML already). A format that does not parse fails the flow, as the mediator does.
function amazonS3XmlBody(Context ctx, string format) returns xml|error {
    xml body = check xml:fromString(format);
    setXmlPayload(ctx, body);
    return body;
}

# The empty SOAP envelope createBucket (without a region), createObjectCopy and initMultipartUpload set as the payload
# (with FORCE_POST_PUT_NOBODY) so that the request goes out with no body.
function amazonS3EmptyBody(Context ctx) {
    setXmlPayload(ctx, xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/><soapenv:Body/></soapenv:Envelope>`);
}

# amazons3.createBucket: PUT `/` with a CreateBucketConfiguration naming bucketRegion as its LocationConstraint (in S3's
# namespace), or with no body when no region is given, and removes the Location header S3 answers with.
function amazonS3CreateBucket(Context ctx, string bucketUrl = "", string bucketRegion = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, bucketRegion});
    ctx.properties["uri.var.uriRemainder"] = "/";
    if bucketRegion != "" {
        _ = check amazonS3XmlBody(ctx, string `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${amazonS3XmlArgument(bucketRegion)}</LocationConstraint></CreateBucketConfiguration>`);
    } else {
        amazonS3EmptyBody(ctx);
    }
    return amazonS3Call(ctx, "PUT", "{uri.var.bucketUrl}{uri.var.uriRemainder}",
            ["x-amz-date", "authorization", "nncoection", ...amazonS3ResponseHeaders, "location"]);
}

# amazons3.createBucketPolicy: PUT `/?policy` with the policy as the JSON payload (payloadFactory's json format `$1`:
# JSON text that does not parse fails the flow, as the mediator does).
function amazonS3CreateBucketPolicy(Context ctx, string bucketUrl = "", string bucketPolicy = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, bucketPolicy});
    ctx.properties["uri.var.uriRemainder"] = "/?policy";
    setJsonPayload(ctx, check value:fromJsonString(jsonArg(bucketPolicy)));
    return amazonS3Call(ctx, "PUT", "{uri.var.bucketUrl}{uri.var.uriRemainder}", amazonS3ResponseHeaders);
}

# amazons3.createBucketWebsiteConfiguration: PUT `/?website` with `<WebsiteConfiguration>` (no namespace) around
# websiteConfig.
function amazonS3CreateBucketWebsiteConfiguration(Context ctx, string bucketUrl = "", string websiteConfig = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, websiteConfig});
    ctx.properties["uri.var.uriRemainder"] = "/?website";
    _ = check amazonS3XmlBody(ctx, string `<WebsiteConfiguration>${amazonS3XmlArgument(websiteConfig)}</WebsiteConfiguration>`);
    return amazonS3Call(ctx, "PUT", "{uri.var.bucketUrl}{uri.var.uriRemainder}", amazonS3ResponseHeaders);
}

# amazons3.setBucketACL: PUT `/?acl` with `<AccessControlPolicy>` (no namespace) around accessControlPolicy.
function amazonS3SetBucketAcl(Context ctx, string bucketUrl = "", string accessControlPolicy = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, accessControlPolicy});
    ctx.properties["uri.var.uriRemainder"] = "/?acl";
    _ = check amazonS3XmlBody(ctx, string `<AccessControlPolicy>${amazonS3XmlArgument(accessControlPolicy)}</AccessControlPolicy>`);
    return amazonS3Call(ctx, "PUT", "{uri.var.bucketUrl}{uri.var.uriRemainder}", amazonS3ResponseHeaders);
}

# amazons3.createObjectACL: PUT `/<objectName>?acl` (`&versionId=` and the version when one is given) with an
# AccessControlPolicy of the owner and accessControlList. The template's format has no `xmlns=""`, so its elements
# (and the unprefixed ones of accessControlList) are in the Synapse namespace the template file declares (SB0272).
function amazonS3CreateObjectAcl(Context ctx, string objectName = "", string bucketUrl = "", string ownerId = "",
        string ownerDisplayName = "", string accessControlList = "", string versionId = "") returns error? {
    amazonS3SetParameters(ctx, {objectName, bucketUrl, ownerId, ownerDisplayName, accessControlList, versionId});
    string remainder = string `/${objectName}?acl`;
    ctx.properties["uri.var.uriRemainder"] = versionId == "" ? remainder : remainder + "&versionId=" + versionId;
    _ = check amazonS3XmlBody(ctx, string `<AccessControlPolicy xmlns="http://ws.apache.org/ns/synapse"><Owner><ID>${amazonS3XmlArgument(ownerId)}</ID><DisplayName>${amazonS3XmlArgument(ownerDisplayName)}</DisplayName></Owner><AccessControlList>${amazonS3XmlArgument(accessControlList)}</AccessControlList></AccessControlPolicy>`);
    return amazonS3Call(ctx, "PUT", "{uri.var.bucketUrl}{uri.var.uriRemainder}", amazonS3ResponseHeaders);
}

# amazons3.createObjectCopy: PUT `/<destinationObject>` with no body and the copy headers of the `uri.var.*`
# properties amazons3.init set (x-amz-copy-source, x-amz-metadata-directive, the x-amz-copy-source-if-* ones) and of
# `uri.var.xAmzServeEncryptionValue`, `uri.var.xAmzStorageClassValue` and `uri.var.xAmzWebsiteLocationValue`, which
# the template reads though init sets no such property.
function amazonS3CreateObjectCopy(Context ctx, string bucketUrl = "", string destinationObject = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, destinationObject});
    ctx.properties["uri.var.uriRemainder"] = "/" + destinationObject;
    [string, string][] headers = [];
    foreach [string, string] [property, header] in [["xAmzCopySource", "x-amz-copy-source"],
            ["xAmzMetadataDirective", "x-amz-metadata-directive"], ["xAmzCopySourceIfMatch", "x-amz-copy-source-if-match"],
            ["xAmzCopySourceIfNoneMatch", "x-amz-copy-source-if-none-match"],
            ["xAmzCopySourceIfUnmodifiedSince", "x-amz-copy-source-if-unmodified-since"],
            ["xAmzCopySourceIfModifiedSince", "x-amz-copy-source-if-modified-since"],
            ["xAmzServeEncryptionValue", "x-amz-server-side-encryption"], ["xAmzStorageClassValue", "x-amz-storage-class"],
            ["xAmzWebsiteLocationValue", "x-amz-website-redirect-location"]] {
        headers.push([header, getProperty(ctx, "uri.var." + property)]);
    }
    amazonS3EmptyBody(ctx);
    return amazonS3Call(ctx, "PUT", "{uri.var.bucketUrl}{uri.var.uriRemainder}",
            [...amazonS3ResponseHeaders, "x-amz-copy-source-version-id", "x-amz-version-id"], headers);
}

# AmazonS3ContentMD5Builder's Content-MD5 of a body: the base64 MD5 its loop leaves, which is the digest of the last
# 8192-byte block it reads (MessageDigest.digest() resets after each block), so it is the body's own MD5 only for a body
# of 8192 bytes or fewer; nothing for an empty body.
function amazonS3ContentMd5(string body) returns string? {
    byte[] bytes = body.toBytes();
    if bytes.length() == 0 {
        return ();
    }
    return crypto:hashMd5(bytes.slice((bytes.length() - 1) / 8192 * 8192)).toBase64();
}

# amazons3.deleteMultipleObjects: POST `/?delete` with `<Delete>` (no namespace) around deleteConfig, after a
# `<Quiet>` of quiet when it is given (the template's script also writes that into `uri.var.deleteConfig`); the
# body's Content-MD5 (`amazonS3ContentMd5`, over the XML as it is written out) becomes the `contentMD5` property, which
# the signature and the Content-MD5 header then read.
function amazonS3DeleteMultipleObjects(Context ctx, string bucketUrl = "", string deleteConfig = "", string quiet = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, deleteConfig, quiet});
    ctx.properties["uri.var.uriRemainder"] = "/?delete";
    string objects = deleteConfig;
    if quiet != "" {
        objects = "<Quiet>" + quiet + "</Quiet>" + deleteConfig;
        ctx.properties["uri.var.deleteConfig"] = objects;
    }
    xml body = check amazonS3XmlBody(ctx, string `<Delete>${amazonS3XmlArgument(objects)}</Delete>`);
    string? md5 = amazonS3ContentMd5(body.toString());
    if md5 is string {
        ctx.properties["contentMD5"] = md5;
    }
    return amazonS3Call(ctx, "POST", "{uri.var.bucketUrl}{uri.var.uriRemainder}", amazonS3ResponseHeaders,
            [["content-md5", getProperty(ctx, "contentMD5")]]);
}

# amazons3.initMultipartUpload: POST `/<objectName>?uploads` with no body.
function amazonS3InitMultipartUpload(Context ctx, string bucketUrl = "", string objectName = "", string cacheControl = "",
        string contentDisposition = "", string contentEncoding = "", string expires = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, cacheControl, contentDisposition, contentEncoding, expires, objectName});
    ctx.properties["uri.var.uriRemainder"] = string `/${objectName}?uploads`;
    amazonS3EmptyBody(ctx);
    return amazonS3Call(ctx, "POST", "{uri.var.bucketUrl}{uri.var.uriRemainder}",
            [...amazonS3ResponseHeaders, "etag", "x-amz-server-side-encryption"]);
}

# amazons3.completeMultipartUpload: POST `/<objectName>?uploadId=<uploadId>` with a CompleteMultipartUpload around
# partDetails. The template's format has no `xmlns=""`, so its elements are in the Synapse namespace the template file
# declares (SB0272).
function amazonS3CompleteMultipartUpload(Context ctx, string bucketUrl = "", string objectName = "",
        string cacheControl = "", string contentDisposition = "", string contentEncoding = "", string expires = "",
        string uploadId = "", string partDetails = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, cacheControl, contentDisposition, contentEncoding, expires, objectName,
        uploadId, partDetails});
    ctx.properties["uri.var.uriRemainder"] = string `/${objectName}?uploadId=${uploadId}`;
    _ = check amazonS3XmlBody(ctx, string `<CompleteMultipartUpload xmlns="http://ws.apache.org/ns/synapse">${amazonS3XmlArgument(partDetails)}</CompleteMultipartUpload>`);
    return amazonS3Call(ctx, "POST", "{uri.var.bucketUrl}{uri.var.uriRemainder}",
            [...amazonS3ResponseHeaders, "etag", "x-amz-server-side-encryption"]);
}

# amazons3.createObject: POSTs the message as it is (the browser-form upload the client sent, its own policy and
# signature fields included: the template signs nothing) to bucketUrl, with a Content-Length.
function amazonS3CreateObject(Context ctx, string bucketUrl = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl});
    return amazonS3Send(ctx, "POST", "{uri.var.bucketUrl}", [...amazonS3ResponseHeaders, "x-amz-server-side-encryption",
        "x-amz-date", "x-amz-storage-class", "authorization", "host", "x-amz-meta", "x-amz-version-id"], contentLength = true);
}

# amazons3.getAuthorization: signs a request for uriRemainder as AmazonS3AuthConnector does (from the message's
# properties, as every operation) and sets the payload to a `<getAuthorizationResponse>` of the Authorization value, the
# date (with the trailing space the connector's date format writes) and the x-amz-date (empty unless isXAmzDate is
# "true"), in the Synapse namespace the template's format inherits. The template then answers the client with it: the
# generated code responds right after this call, and the flow ends there.
function amazonS3GetAuthorization(Context ctx, string uriRemainder = "") returns error? {
    ctx.properties["uri.var.uriRemainder"] = uriRemainder;
    check amazonS3Sign(ctx);
    _ = check amazonS3XmlBody(ctx, string `<getAuthorizationResponse xmlns="http://ws.apache.org/ns/synapse"><authentication>${amazonS3XmlArgument(getProperty(ctx, "authenticationCode"))}</authentication><date>${amazonS3XmlArgument(getProperty(ctx, "date"))}</date><xAmzDate>${amazonS3XmlArgument(getProperty(ctx, "isXAmzDateValue"))}</xAmzDate></getAuthorizationResponse>`);
}

# amazons3.uploadPart: PUTs the message as it is (with the headers it came with, the client's Authorization included:
# the template signs nothing) to `/<objectName>?partNumber=<partNumber>&uploadId=<uploadId>`, with a Content-Length.
function amazonS3UploadPart(Context ctx, string bucketUrl = "", string objectName = "", string uploadId = "",
        string partNumber = "") returns error? {
    amazonS3SetParameters(ctx, {bucketUrl, objectName, uploadId, partNumber});
    return amazonS3Send(ctx, "PUT", "{uri.var.bucketUrl}/{uri.var.objectName}?partNumber={uri.var.partNumber}&uploadId={uri.var.uploadId}",
            [...amazonS3ResponseHeaders, "x-amz-server-side-encryption"], contentLength = true);
}

# Publishes a record as the Kafka connector's publishMessages (KafkaProduceConnector) does. Each parameter becomes
# the property `publishMessages:<name>` (Synapse's invoke mediator sets one per template parameter) and every
# property with that prefix a record header, after the transport headers when `forwardHeaders` is set
# (forwardExistingHeaders "all"). The value is the `value` parameter, else the payload written in its content type's
# format; the key the `key` parameter, else a random UUID (both without the quotes of a `'{...}'` value); the
# partition `partitionNo` when it is a number. The record's topic, partition and offset become the properties of the
# same names and the message is left as it was. A failed send sets ERROR_CODE 700509 and ERROR_MESSAGE and fails
# the flow.
function publishKafkaMessage(Context ctx, kafka:Producer producer, [string, string][] parameters,
        boolean forwardHeaders = false) returns error? {
    map<string> values = {};
    foreach [string, string] [name, value] in parameters {
        values[name] = value;
        ctx.properties["publishMessages:" + name] = value;
    }
    string? keyParameter = values["key"];
    string key = keyParameter is string ? kafkaUnquoted(keyParameter) : uuid:createType4AsString();
    string value;
    string? valueParameter = values["value"];
    if valueParameter is string {
        value = kafkaUnquoted(valueParameter);
    } else {
        xml|byte[]? body = check entityBody(ctx);
        value = body is xml ? body.toString() : body is byte[] ? check string:fromBytes(body) : "";
    }
    int? partition = ();
    string partitionText = values["partitionNo"] ?: "";
    if partitionText != "" {
        int|error number = int:fromString(partitionText);
        if number is int {
            partition = number;
        } else {
            log:printError("Invalid Partition Number, hence passing null as the partition number", number);
        }
    }
    map<string[]> headers = {};
    if forwardHeaders {
        foreach [string, string] [name, header] in ctx.headers.entries() {
            kafkaHeader(headers, name, header);
        }
    }
    foreach [string, anydata] [name, property] in ctx.properties.entries() {
        if name.startsWith("publishMessages:") {
            kafkaHeader(headers, name.substring("publishMessages:".length()), propertyText(property));
        }
    }
    kafka:AnydataProducerRecord producerRecord = {topic: values["topic"] ?: "", key, value, headers};
    if partition is int {
        producerRecord.partition = partition;
    }
    kafka:RecordMetadata|kafka:Error sent = producer->sendWithMetadata(producerRecord);
    if sent is kafka:Error {
        ctx.properties["ERROR_CODE"] = "700509";
        ctx.properties["ERROR_MESSAGE"] = sent.message();
        return error("Kafka producer connector : Error sending the message to broker", sent);
    }
    ctx.properties["topic"] = sent.topic;
    ctx.properties["offset"] = sent.offset;
    ctx.properties["partition"] = sent.partition;
    check producer->'flush();
}

# A Kafka connector parameter without the quotes of a `'{...}'` value (Utils.removeQuotesIfExist).
function kafkaUnquoted(string text) returns string =>
    text.trim().length() > 4 && text.startsWith("'{") && text.endsWith("}'") ? text.substring(1, text.length() - 1) : text;

# Adds a record header; a repeated name keeps every value.
function kafkaHeader(map<string[]> headers, string name, string value) {
    string[]? values = headers[name];
    if values is string[] {
        values.push(value);
    } else {
        headers[name] = [value];
    }
}

# The senders of the JMS endpoints, by `jmsSenderKey`: each connects on its first send, as the Micro Integrator's JMS
# sender does, and is kept for the next ones.
final map<JmsSender> jmsProducers = {};

# A session of ballerinax/java.jms and a producer made on it: `jmsSend` makes each message on the producer's session.
type JmsSender record {|
    jms:Session session;
    jms:MessageProducer producer;
|};

# What the runtime writes in a JMS message it sends (Axis2's JMSSender.createJMSMessage): the body (a text message's
# text, a bytes message's bytes), the string properties, the JMSCorrelationID and the JMSType. The released
# ballerinax/java.jms (1.2.0) writes only a message's content, JMSReplyTo and JMSCorrelationID when it sends a
# `jms:TextMessage` or `jms:BytesMessage` (message_producer.bal, getJmsMessage), so `jmsSend` writes the message itself.
type JmsOutgoing record {|
    string|byte[] content;
    map<string> properties = {};
    string correlationId?;
    string jmsType?;
    # A text content goes out as a bytes message of its bytes in this charset (Java's String.getBytes).
    string charset?;
|};

# Sends the message to a JMS endpoint without waiting for a reply (an out-only send, as the Micro
# Integrator's JMSSender does with OUT_ONLY set): the message `jmsMessage` makes (the payload in its content type's
# format, the transport headers as string properties under their lower-case names, the content type in the
# property the message's axis2 transport.jms.ContentTypeProperty names, else in the one `contentTypeProperty` names
# (the endpoint's), the correlation ID and JMS type), written in the endpoint's `format` (with its `encoding`) when it has one. The message
# itself is left as it was. A failed connection or send is an error: the flow's fault handler runs.
function sendJms(Context ctx, string endpoint, jms:ConnectionConfiguration connection, jms:Destination destination, string? contentTypeProperty = (),
        EndpointFormat? format = (), string? encoding = ()) returns error? {
    // The send marks the request as answered elsewhere (Axis2FlexibleMEPClient sets RESPONSE_WRITTEN "SKIP" before it
    // sends, on every transport), as `callEndpoint` says.
    ctx.ack.skipped = true;
    JmsSender sender = check jmsProducer(endpoint, connection, destination);
    _ = check jmsSend(sender, check jmsMessage(ctx, contentTypeProperty, format = format, encoding = encoding));
}

# `sendJms` through a transacted session, for an endpoint whose address sets transport.jms.SessionTransacted "true":
# the send is committed after it, or rolled back when it failed or the axis2 property SET_ROLLBACK_ONLY is true, as
# JMSMessageSender.transactionallySend does; a failed commit or rollback is an error too.
function sendJmsTransacted(Context ctx, string endpoint, jms:ConnectionConfiguration connection, jms:Destination destination, string? contentTypeProperty = (),
        EndpointFormat? format = (), string? encoding = ()) returns error? {
    // The send marks the request as answered elsewhere (Axis2FlexibleMEPClient sets RESPONSE_WRITTEN "SKIP" before it
    // sends, on every transport), as `callEndpoint` says.
    ctx.ack.skipped = true;
    JmsOutgoing message = check jmsMessage(ctx, contentTypeProperty, format = format, encoding = encoding);
    anydata rollbackOnly = ctx.axis2["SET_ROLLBACK_ONLY"];
    lock {
        // One send and its commit at a time on the endpoint's session, so that a commit ends only its own send.
        JmsSender sender = check jmsTransactedSender(endpoint, connection, destination);
        handle|error sent = jmsSend(sender, message);
        if sent is error || rollbackOnly == true || (rollbackOnly is string && rollbackOnly.toLowerAscii() == "true") {
            check sender.session->'rollback();
            return sent is error ? sent : ();
        }
        check sender.session->'commit();
    }
}

# The transacted senders of the JMS endpoints, by `jmsSenderKey`: each connects on its first send and is kept.
final map<JmsSender> jmsTransactedSenders = {};

# The transacted session and producer of a JMS endpoint, connecting on first use (JMSConnectionFactory creates the
# sender's session transacted when the address's transport.jms.SessionTransacted is "true").
function jmsTransactedSender(string endpoint, jms:ConnectionConfiguration configuration, jms:Destination destination) returns JmsSender|error {
    lock {
        string key = jmsSenderKey(endpoint, configuration, destination);
        JmsSender? cached = jmsTransactedSenders[key];
        if cached is JmsSender {
            return cached;
        }
        jms:Connection connection = check new (configuration);
        jms:Session session = check connection->createSession(jms:SESSION_TRANSACTED);
        JmsSender sender = {session, producer: check session.createProducer(destination)};
        jmsTransactedSenders[key] = sender;
        return sender;
    }
}

# The JMS message Axis2's JMSSender.createJMSMessage makes of the current message, for an endpoint's send and for a
# proxy's answer alike (`jmsWrittenMessage`): the payload as a text message, or a bytes message when the axis2
# JMS_MESSAGE_TYPE is JMS_BYTE_MESSAGE (in the charset `jmsFormatterCharset` gives, with the endpoint's `encoding`) or
# the payload is binary (not JSON, XML or text: the binary wrapper, whose bytes go out as they are); the transport
# headers as message properties (JMSUtils.setTransportHeaders: not the `JMS_*` ones, nor `JMSX*` but the group id and
# sequence); the content type the message's formatter gives (`jmsContentType`) in the property the message's axis2
# transport.jms.ContentTypeProperty names, else `contentTypeProperty`; the correlation ID from the axis2
# JMS_COORELATION_ID, else `relatesTo`, a JMS_COORELATION_ID transport header overriding both; the JMS type from a
# JMS_MESSAGE_TYPE transport header. With the endpoint's `format`, the message is written as
# `applyJmsEndpointFormat` prepares it (with the endpoint's `encoding`), and the context is left as it was (the Micro
# Integrator applies the format to the clone it sends).
function jmsMessage(Context ctx, string? contentTypeProperty, string? relatesTo = (), EndpointFormat? format = (), string? encoding = ()) returns JmsOutgoing|error {
    string charset = jmsFormatterCharset(ctx, encoding);
    if format is EndpointFormat {
        string contentType = ctx.contentType;
        map<string> headers = ctx.headers.clone();
        applyJmsEndpointFormat(ctx, format, encoding);
        JmsOutgoing|error message = jmsWrittenMessage(ctx, contentTypeProperty, relatesTo, ctx.contentType, charset);
        ctx.contentType = contentType;
        ctx.headers = headers;
        return message;
    }
    return jmsWrittenMessage(ctx, contentTypeProperty, relatesTo, jmsContentType(ctx, encoding), charset);
}

# The content type the message formatter of the message's content type (messageType) gives JMSSender
# (MessageProcessorSelector.getMessageFormatter, then getContentType with the message's SOAP action), or `()` for a
# payload JMSSender writes without a formatter (guessMessageType: Synapse's `<text>` wrapper of a text/plain message,
# the `<binary>` wrapper of bytes), which gets no content type property. SOAPMessageFormatter (text/xml,
# application/soap+xml): `jmsFormatterContentType` in the message's SOAP version. ApplicationXMLFormatter
# (application/xml): the axis2 ContentType (the message's content type here), then `; charset=` and the charset, even
# when it names one already. JsonStreamFormatter (application/json): the content type, then `; charset=` and the
# charset unless it names one. XFormURLEncodedFormatter: `application/x-www-form-urlencoded; charset=` and the
# charset, then `;action="..."`; with a SOAP action. The charset is `jmsFormatterCharset`'s, left out when the axis2
# property setCharacterEncoding is "false". Any other content type is kept as it is.
function jmsContentType(Context ctx, string? encoding = ()) returns string? {
    BodyFormat kind = bodyFormat(ctx.contentType);
    boolean setEncoding = ctx.axis2["setCharacterEncoding"] != "false";
    string charset = "; charset=" + jmsFormatterCharset(ctx, encoding);
    match kind {
        "soap" => {
            return jmsFormatterContentType(ctx, isSoap12(ctx.contentType) ? "soap12" : "soap11", encoding);
        }
        "xml" => {
            return setEncoding ? ctx.contentType + charset : ctx.contentType;
        }
        "json" => {
            return setEncoding && !ctx.contentType.includes("charset") ? ctx.contentType + charset : ctx.contentType;
        }
        "form" => {
            string form = setEncoding ? "application/x-www-form-urlencoded" + charset : "application/x-www-form-urlencoded";
            string action = soapAction(ctx);
            return action.trim() != "" && action.trim() != "\"\"" ? form + string `;action="${action}";` : form;
        }
        "text" => {
            return ();
        }
    }
    // Bytes of another content type are the binary wrapper's (written without a formatter); XML goes out in its own.
    json|xml|ReceivedBody payload = ctx.payload;
    return payload is xml ? ctx.contentType : ();
}

# The JMS message of `jmsMessage`, its content type property `contentType` (`()`: a payload written without a
# formatter, no such property) and its charset `charset`. A text/plain message (Synapse's `<text>` wrapper) is a
# TextMessage of its text and a binary payload (the `<binary>` wrapper) a BytesMessage of its bytes, whatever the axis2
# JMS_MESSAGE_TYPE says (guessMessageType). Otherwise the formatter's output is a BytesMessage when JMS_MESSAGE_TYPE is
# `JMS_BYTE_MESSAGE` or the content type is multipart/related, written in `charset` (the formatter writes its bytes in
# that charset; a body as it was received keeps its bytes), else a TextMessage (a Java string: JMSSender decodes the
# formatter's bytes with the same charset).
function jmsWrittenMessage(Context ctx, string? contentTypeProperty, string? relatesTo, string? contentType, string charset) returns JmsOutgoing|error {
    xml|byte[]? body = check entityBody(ctx);
    string|byte[] content;
    string? bytesCharset = ();
    if contentType is () && body is byte[] && bodyFormat(ctx.contentType) == "binary" {
        // A binary payload (Synapse's binary wrapper element): its bytes as they are (JMSSender.guessMessageType).
        content = body;
    } else if contentType is string && (ctx.axis2["JMS_MESSAGE_TYPE"] == "JMS_BYTE_MESSAGE" || contentType.includes("multipart/related")) {
        json|xml|ReceivedBody payload = ctx.payload;
        if body is byte[] && payload is ReceivedBody {
            // The body as it was received: its bytes, in the charset it came in.
            content = body;
        } else {
            content = body is xml ? body.toString() : body is byte[] ? check string:fromBytes(body) : "";
            bytesCharset = charset;
        }
    } else {
        string text = body is xml ? body.toString() : body is byte[] ? check string:fromBytes(body) : "";
        if contentType is string {
            // The formatter's text, as it survives being written in the charset and read back with it.
            json|xml|ReceivedBody payload = ctx.payload;
            BodyFormat kind = bodyFormat(ctx.contentType);
            "xml"|"json stream"|"text" written = kind == "json" && payload !is xml ? "json stream"
                : body is xml || kind is "soap"|"xml" ? "xml" : "text";
            text = check jmsTextInCharset(text, charset, written);
        }
        content = text;
    }
    map<string> properties = {};
    foreach [string, string] [name, value] in ctx.headers.entries() {
        if !name.startsWith("jms_") && (!name.startsWith("jmsx") || name == "jmsxgroupid" || name == "jmsxgroupseq") {
            properties[name] = value;
        }
    }
    anydata messageContentTypeProperty = ctx.axis2["transport.jms.ContentTypeProperty"];
    string? contentTypeName = messageContentTypeProperty is string ? messageContentTypeProperty : contentTypeProperty;
    if contentTypeName is string && contentType is string {
        properties[contentTypeName] = contentType;
    }
    JmsOutgoing message = {content, properties};
    if bytesCharset is string {
        message.charset = bytesCharset;
    }
    anydata correlation = ctx.axis2["JMS_COORELATION_ID"];
    string? correlationId = correlation is string ? correlation : relatesTo;
    string? headerCorrelation = ctx.headers["jms_coorelation_id"];
    if headerCorrelation is string {
        correlationId = headerCorrelation;
    }
    if correlationId is string {
        message.correlationId = correlationId;
    }
    string? jmsType = ctx.headers["jms_message_type"];
    if jmsType is string {
        message.jmsType = jmsType;
    }
    return message;
}

# The text of a TextMessage JMSSender makes from a message formatter's output: the formatter writes its bytes in
# `charset` to a commons-io WriterOutputStream that decodes them with the same charset (a byte it cannot map becoming
# `?`) into the message's string, so only what `charset` can carry survives. A Unicode charset (UTF-8, UTF-16, UTF-32)
# keeps the text. XML (the SOAP and application/xml formatters, through Axiom's Woodstox writer): a character from
# U+0100 (from U+0080 for US-ASCII) is written as a character reference `&#N;` (BufferingXmlWriter's mEncHighChar:
# 8 bits for ISO-8859-1 and any charset it does not know, 7 for US-ASCII), one below that the charset cannot encode
# as `?` (the Java encoder's replacement). A JSON stream (JsonUtil.writeJsonStream copies the stream's UTF-8 bytes
# whatever the charset): those bytes read in `charset` (in ISO-8859-1 `é` reads `Ã©`), `?` for a byte it cannot map.
# Other text (a JSON payload built from XML, form data) goes through the charset's encoder: `?` for what it lacks.
function jmsTextInCharset(string text, string charset, "xml"|"json stream"|"text" kind) returns string|error {
    string name = charset.trim().toLowerAscii();
    if name.startsWith("utf") {
        return text;
    }
    boolean ascii = name is "us-ascii"|"ascii"|"us"|"iso646-us"|"646"|"ascii7"|"cp367"|"ibm367";
    boolean latin1 = name is "iso-8859-1"|"iso8859-1"|"iso8859_1"|"iso_8859_1"|"iso_8859-1"|"8859_1"|"latin1"|"l1"|"cp819"|"ibm819"|"iso-ir-100"|"csisolatin1";
    if kind == "json stream" {
        int[] codes = from byte b in text.toBytes() select <int>b;
        if latin1 {
            return string:fromCodePointInts(codes);
        }
        if ascii {
            return string:fromCodePointInts(from int c in codes select c < 0x80 ? c : 0x3F);
        }
        // The bytes as a Java byte[] (ISO-8859-1 writes each code point below U+0100 as that byte), read in the charset.
        handle bytes = check javaStringBytes(java:fromString(check string:fromCodePointInts(codes)), java:fromString("ISO-8859-1"));
        string decoded = java:toString(check javaBytesString(bytes, java:fromString(charset))) ?: "";
        return re `\u{FFFD}`.replaceAll(decoded, "?");
    }
    // Text that is all ASCII (as many UTF-8 bytes as characters) survives every charset here unchanged.
    if text.toBytes().length() == text.length() {
        return text;
    }
    int high = ascii ? 0x80 : 0x100;
    // The parts are joined once: concatenating in the loop copies the text so far for every character.
    string[] parts = [];
    foreach string:Char c in text {
        int code = c.toCodePointInt();
        if code < 0x80 || latin1 && code < 0x100 {
            parts.push(c);
        } else if kind == "xml" && code >= high {
            parts.push(string `&#${code};`);
        } else if ascii {
            parts.push("?");
        } else {
            // A Java round trip in the charset: the character itself, or the encoder's `?`.
            handle bytes = check javaStringBytes(java:fromString(c), java:fromString(charset));
            parts.push(java:toString(check javaBytesString(bytes, java:fromString(charset))) ?: "?");
        }
    }
    return string:'join("", ...parts);
}

# Sends `message` through `sender`, to the producer's destination or, for a producer made without one, to
# `destination`, with `replyTo` (if any) as its JMSReplyTo, and returns the JMS message sent (a javax.jms.Message,
# whose JMSMessageID the provider has set). As ballerinax/java.jms 1.2.0's `MessageProducer->send` and `sendTo` do, the
# message is made on the sender's session and sent through the module's producer, but its body, properties,
# JMSCorrelationID and JMSType are written here (`jmsNativeMessage`), as that `send` would drop the properties and
# the type; the JMSReplyTo is set as the module sets it.
function jmsSend(JmsSender sender, JmsOutgoing message, jms:Destination? destination = (), jms:Destination? replyTo = ()) returns handle|error {
    handle native = check jmsNativeMessage(sender.session, message);
    if replyTo is jms:Destination {
        check javaJmsSetReplyTo(sender.session, native, replyTo);
    }
    if destination is jms:Destination {
        check javaJmsSendTo(sender.producer, sender.session, destination, native);
    } else {
        check javaJmsSend(sender.producer, native);
    }
    return native;
}

# The JMS message (javax.jms) of `message`, made on `session` as ballerinax/java.jms makes the message it sends (a
# TextMessage for a string, else a BytesMessage), with its properties (as strings), correlation ID and JMS type.
function jmsNativeMessage(jms:Session session, JmsOutgoing message) returns handle|error {
    string|byte[] content = message.content;
    handle native;
    string? charset = message?.charset;
    if content is string && charset is string {
        native = check javaJmsCreateMessage(session, "BYTES");
        check javaJmsWriteJavaBytes(native, check javaStringBytes(java:fromString(content), java:fromString(charset)));
    } else if content is string {
        native = check javaJmsCreateMessage(session, "TEXT");
        check javaJmsSetText(native, java:fromString(content));
    } else {
        native = check javaJmsCreateMessage(session, "BYTES");
        check javaJmsWriteBytes(native, content);
    }
    foreach [string, string] [name, value] in message.properties.entries() {
        check javaJmsSetStringProperty(native, java:fromString(name), java:fromString(value));
    }
    string? correlationId = message?.correlationId;
    if correlationId is string {
        check javaJmsSetCorrelationId(native, java:fromString(correlationId));
    }
    string? jmsType = message?.jmsType;
    if jmsType is string {
        check javaJmsSetType(native, java:fromString(jmsType));
    }
    return native;
}

# The body of a JMS message ballerinax/java.jms 1.2.0 received: a `jms:TextMessage`'s text or a `jms:BytesMessage`'s
# bytes. A `jms:MapMessage` is an error (the Micro Integrator reads it as XML), `prefix` opening its message.
function jmsBody(jms:Message message, string prefix = "") returns string|byte[]|error {
    if message is jms:TextMessage {
        return message.content;
    }
    if message is jms:BytesMessage {
        return message.content;
    }
    return error(prefix + "A JMS MapMessage is not translated: the Micro Integrator reads it as XML; convert it by hand");
}

# The producer of a JMS endpoint, connecting on first use.
function jmsProducer(string endpoint, jms:ConnectionConfiguration configuration, jms:Destination destination) returns JmsSender|error {
    lock {
        string key = jmsSenderKey(endpoint, configuration, destination);
        JmsSender? cached = jmsProducers[key];
        if cached is JmsSender {
            return cached;
        }
        jms:Connection connection = check new (configuration);
        jms:Session session = check connection->createSession(jms:AUTO_ACKNOWLEDGE);
        JmsSender sender = {session, producer: check session.createProducer(destination)};
        jmsProducers[key] = sender;
        return sender;
    }
}

# The key a JMS endpoint's sender is kept under: the endpoint's name with its connection settings and destination,
# as two endpoints of one name (the anonymous endpoints of one sequence) may send to different destinations, and the
# Micro Integrator's JMSSender takes each message's destination from that message's own address.
function jmsSenderKey(string endpoint, jms:ConnectionConfiguration configuration, jms:Destination destination) returns string =>
    string:'join("\n", jmsConnectionKey(endpoint, configuration), destination.'type, destination?.name ?: "");

# The key a JMS endpoint's request-reply connection is kept under: the endpoint's name with its connection settings,
# as two endpoints of one name may connect to different brokers (JMSSender.sendOverJMS takes the connection
# factory from each message's own address).
function jmsConnectionKey(string endpoint, jms:ConnectionConfiguration configuration) returns string =>
    string:'join("\n", endpoint, configuration.initialContextFactory, configuration.providerUrl,
            configuration.connectionFactoryName, configuration?.username ?: "");

# The connections request-replies to the JMS endpoints go through, by `jmsConnectionKey`: each connects on the first
# request and is kept; every request has a session of its own, closed once its reply came or did not (JMSSender
# closes its message sender after each send and wait).
final map<jms:Connection> jmsRequestConnections = {};

# Sends the message to a JMS endpoint and waits for the reply, which becomes the message, as Axis2's JMSSender does
# for a send that is not out-only (sendOverJMS, waitForResponseAndProcess, processSyncResponse). The message goes out
# as `sendJms` sends it (`jmsMessage`), with a JMSReplyTo: the axis2 property JMS_REPLY_TO (a queue, or a topic when
# JMS_REPLY_TO_TYPE is "topic") if set, else `replyDestination` (the endpoint's transport.jms.ReplyDestination), else
# a temporary queue made for this request (JMSUtils.setReplyDestination; `jmsTemporaryExchange`); a JMS_REPLY_TO
# without JMS_REPLY_TO_TYPE is a topic when the address's transport.jms.ReplyDestinationType is "topic" (`replyTopic`),
# as JMSSender falls back to the connection factory's reply destination type. After the send a
# consumer on that destination waits for the message whose JMSCorrelationID is the request's: the axis2 property
# JMS_WAIT_REPLY milliseconds (a number, read after the send as JMSSender does), else 30000 (Axis2's default
# timeout). The reply is selected by the request's JMSCorrelationID, else by the JMSMessageID the provider gave the
# request when it was sent (JMSSender.sendOverJMS), on a named reply destination as on a temporary queue. No reply in time fails
# the flow with the Micro Integrator's message, as does a failed connection, send or receive. The reply is the
# response, as SynapseCallbackReceiver hands it on: its body read in its content type, the message property the
# content type property names (the axis2 transport.jms.ContentTypeProperty, else `contentTypeProperty`), else without
# one the message's own content type; failing those `text/plain` for a text message (which then becomes the
# message's content type) and `application/octet-stream` for a bytes message (JMSUtils.setSOAPEnvelope); its JMS
# headers and properties are the transport headers (JMSUtils.getTransportHeaders), the status 200 as the client gets
# it. A MapMessage reply is not read (an error, as the listeners here refuse one).
function requestJms(Context ctx, string endpoint, jms:ConnectionConfiguration connection, jms:Destination destination,
        jms:Destination? replyDestination, string? contentTypeProperty = (), boolean replyTopic = false, EndpointFormat? format = (), string? encoding = ()) returns error? {
    JmsOutgoing message = check jmsMessage(ctx, contentTypeProperty, format = format, encoding = encoding);
    anydata replyName = ctx.axis2["JMS_REPLY_TO"];
    anydata replyType = ctx.axis2["JMS_REPLY_TO_TYPE"];
    // Without JMS_REPLY_TO_TYPE, the address's transport.jms.ReplyDestinationType (`replyTopic`) gives the type.
    boolean topic = replyType is string ? replyType.toLowerAscii() == "topic" : replyTopic;
    jms:Destination? replyTo = replyName is string ? {'type: topic ? jms:TOPIC : jms:QUEUE, name: replyName} : replyDestination;
    anydata contentTypeName = ctx.axis2["transport.jms.ContentTypeProperty"];
    string? replyContentTypeProperty = contentTypeName is string ? contentTypeName : contentTypeProperty;
    jms:Connection jmsConnection = check jmsRequestConnection(endpoint, connection);
    jms:Session session = check jmsConnection->createSession(jms:AUTO_ACKNOWLEDGE);
    jms:Message|error reply;
    if replyTo is () {
        reply = jmsTemporaryExchange(ctx, session, destination, message);
    } else {
        reply = jmsSendAndReceive(ctx, session, destination, message, replyTo);
    }
    error? closed = session->close();
    jms:Message received = check reply;
    check closed;
    string|byte[] content = check jmsBody(received, "Unexpected error during sending message out. ");
    string? contentType = ();
    if replyContentTypeProperty is string {
        map<anydata>? properties = received?.properties;
        anydata value = properties is map<anydata> ? properties[replyContentTypeProperty] : ();
        contentType = value is string ? value : ();
    } else if ctx.contentType != "" {
        contentType = ctx.contentType;
    }
    if contentType is () {
        contentType = content is string ? "text/plain" : "application/octet-stream";
        if content is string {
            // JMSUtils.setSOAPEnvelope sets the response's ContentType, which SynapseCallbackReceiver makes its messageType.
            ctx.contentType = "text/plain";
        }
    }
    ctx.payload = <ReceivedBody>{bytes: content is string ? content.toBytes() : content, contentType: contentType ?: ""};
    ctx.headers = jmsTransportHeaders(received, true);
    ctx.excessHeaders = {};
    ctx.restCall = false;
    ctx.statusCode = 200;
    ctx.httpSc = ();
    becomeResponse(ctx);
}

# The send of a request-reply and the wait for its reply on `session` (JMSSender.sendOverJMS and
# waitForResponseAndProcess): the consumer is made after the send, with the selector the Micro Integrator uses.
function jmsSendAndReceive(Context ctx, jms:Session session, jms:Destination destination, JmsOutgoing message,
        jms:Destination replyTo) returns jms:Message|error {
    jms:MessageProducer producer = check session.createProducer(destination);
    handle request = check jmsSend({session, producer}, message, replyTo = replyTo);
    string? ownCorrelation = message?.correlationId;
    string correlationId = ownCorrelation is string && ownCorrelation != "" ? ownCorrelation : java:toString(check javaJmsMessageId(request)) ?: "";
    int timeout = check jmsReplyTimeout(ctx);
    jms:MessageConsumer consumer = check session.createConsumer(destination = replyTo, messageSelector = string `JMSCorrelationID = '${correlationId}'`);
    jms:Message|jms:Error? reply = consumer->receive(timeout);
    check consumer->close();
    if reply is () {
        return error(string `Unexpected error during sending message out. Did not receive a JMS response within ${timeout} ms to destination : ${replyTo?.name ?: ""} with JMS correlation ID : ${correlationId}`);
    }
    return reply;
}

# How long a request-reply waits for its reply: the axis2 property JMS_WAIT_REPLY milliseconds, read after the send
# (a string that is no number fails the flow, as JMSSender's `Long.valueOf` does), else 30000.
function jmsReplyTimeout(Context ctx) returns int|error {
    anydata waitReply = ctx.axis2["JMS_WAIT_REPLY"];
    if waitReply is int {
        return waitReply;
    }
    if waitReply is string {
        int|error parsed = int:fromString(waitReply);
        if parsed is error {
            return error(string `Unexpected error during sending message out. For input string: "${waitReply}"`);
        }
        return parsed;
    }
    return 30000;
}

# A request-reply whose JMSReplyTo is a temporary queue, as JMSUtils.setReplyDestination makes one when neither the
# axis2 property JMS_REPLY_TO nor the address's transport.jms.ReplyDestination names the reply destination. A
# temporary queue can be read only through the session object that made it, which ballerinax/java.jms does not hand
# out (each use of its TEMPORARY_QUEUE destination type makes a new queue), so the queue and its consumer are made
# through the JMS API by Java interoperability on the request's own session (the javax.jms.Session inside the
# `jms:Session`, `jmsNativeSession`). The request goes out as `sendJms` writes it, with the temporary queue as its
# JMSReplyTo; after the send a consumer on the queue waits for the message whose JMSCorrelationID is the request's
# JMSCorrelationID, else the JMSMessageID the provider gave it (JMSSender.sendOverJMS), for `jmsReplyTimeout`
# milliseconds, and the reply is read as a `jms:MessageConsumer` reads one (the module's CommonUtils.getBallerinaMessage).
# The queue is deleted once the reply came or did not, a failed deletion only logged, as JMSSender does. Differs: a
# provider whose plain session is no QueueSession gets a temporary topic from the Micro Integrator
# (JMSUtils.createTemporaryDestination), a queue here. The native classes and the native-data key bound here are
# those of ballerinax/java.jms 1.2.0: check them when upgrading the module.
function jmsTemporaryExchange(Context ctx, jms:Session session, jms:Destination destination, JmsOutgoing message) returns jms:Message|error {
    handle nativeSession = check jmsNativeSession(session);
    handle replyTo = check javaJmsCreateTemporaryQueue(nativeSession);
    jms:Message|error reply = jmsTemporarySendAndReceive(ctx, session, nativeSession, destination, message, replyTo);
    error? deleted = javaJmsDeleteTemporaryQueue(replyTo);
    if deleted is error {
        log:printError(string `Error while deleting the temporary queue ${java:toString(replyTo) ?: ""}`, 'error = deleted, messageId = ctx.messageId);
    }
    return reply;
}

function jmsTemporarySendAndReceive(Context ctx, jms:Session session, handle nativeSession, jms:Destination destination,
        JmsOutgoing message, handle replyTo) returns jms:Message|error {
    handle request = check jmsNativeMessage(session, message);
    check javaJmsSetNativeReplyTo(request, replyTo);
    jms:MessageProducer producer = check session.createProducer(destination);
    error? sent = javaJmsSend(producer, request);
    error? producerClosed = producer->close();
    check sent;
    check producerClosed;
    string? ownCorrelation = message?.correlationId;
    string correlationId = ownCorrelation is string && ownCorrelation != "" ? ownCorrelation : java:toString(check javaJmsMessageId(request)) ?: "";
    int timeout = check jmsReplyTimeout(ctx);
    handle consumer = check javaJmsCreateConsumer(nativeSession, replyTo, java:fromString(string `JMSCorrelationID = '${correlationId}'`));
    handle|error reply = javaJmsReceive(consumer, timeout);
    error? consumerClosed = javaJmsCloseConsumer(consumer);
    handle received = check reply;
    check consumerClosed;
    if java:isNull(received) {
        return error(string `Unexpected error during sending message out. Did not receive a JMS response within ${timeout} ms to destination : ${java:toString(replyTo) ?: ""} with JMS correlation ID : ${correlationId}`);
    }
    return javaJmsBallerinaMessage(received);
}

# The javax.jms.Session a `jms:Session` holds: ballerinax/java.jms 1.2.0 keeps it as the object's native data under
# "session" (JmsSession.init, Constants.NATIVE_SESSION).
function jmsNativeSession(jms:Session session) returns handle|error {
    handle native = javaNativeData(javaObjectHandle(session), java:fromString("session"));
    if java:isNull(native) {
        return error("Unexpected error during sending message out. The ballerinax/java.jms session holds no JMS session");
    }
    return native;
}

// ballerinax/java.jms 1.2.0's native classes (io.ballerina.stdlib.java.jms), bound as the module binds them.
function javaJmsCreateMessage(jms:Session session, string kind) returns handle|error = @java:Method {
    'class: "io.ballerina.stdlib.java.jms.JmsSession",
    name: "createJmsMessage"
} external;

function javaJmsWriteBytes(handle message, byte[] value) returns error? = @java:Method {
    'class: "io.ballerina.stdlib.java.jms.JmsMessageUtils",
    name: "writeBytes"
} external;

function javaJmsSetReplyTo(jms:Session session, handle message, jms:Destination replyTo) returns error? = @java:Method {
    'class: "io.ballerina.stdlib.java.jms.JmsMessageUtils",
    name: "setReplyTo"
} external;

function javaJmsSend(jms:MessageProducer producer, handle message) returns error? = @java:Method {
    'class: "io.ballerina.stdlib.java.jms.producer.Actions",
    name: "send"
} external;

function javaJmsSendTo(jms:MessageProducer producer, jms:Session session, jms:Destination destination, handle message) returns error? = @java:Method {
    'class: "io.ballerina.stdlib.java.jms.producer.Actions",
    name: "sendTo"
} external;

function javaJmsBallerinaMessage(handle message) returns jms:Message|error = @java:Method {
    'class: "io.ballerina.stdlib.java.jms.CommonUtils",
    name: "getBallerinaMessage"
} external;

// The Ballerina runtime API: a Ballerina object as a Java object (BObject), and its native data. The parameter is
// `any`: interop accepts a Ballerina object type only for a Java parameter that is a BObject (JMethodResolver), and a
// value of type `any` for java.lang.Object.
function javaObjectHandle(any session) returns handle = @java:Method {
    'class: "java.util.Objects",
    name: "requireNonNull",
    paramTypes: ["java.lang.Object"]
} external;

function javaNativeData(handle bObject, handle key) returns handle = @java:Method {
    'class: "io.ballerina.runtime.api.values.BObject",
    name: "getNativeData",
    paramTypes: ["java.lang.String"]
} external;

// The JMS API (javax.jms 2.0, the API ballerinax/java.jms depends on).
function javaJmsWriteJavaBytes(handle message, handle bytes) returns error? = @java:Method {
    'class: "javax.jms.BytesMessage",
    name: "writeBytes",
    paramTypes: [{'class: "byte", dimensions: 1}]
} external;

// Java's String.getBytes(charsetName): an unknown charset is an error, a character the charset cannot encode is
// written as the charset's replacement.
function javaStringBytes(handle text, handle charset) returns handle|error = @java:Method {
    'class: "java.lang.String",
    name: "getBytes",
    paramTypes: ["java.lang.String"]
} external;

// Java's new String(bytes, charsetName): the bytes decoded in that charset (an unknown charset is an error).
function javaBytesString(handle bytes, handle charset) returns handle|error = @java:Constructor {
    'class: "java.lang.String",
    paramTypes: [{'class: "byte", dimensions: 1}, "java.lang.String"]
} external;

function javaJmsSetText(handle message, handle text) returns error? = @java:Method {
    'class: "javax.jms.TextMessage",
    name: "setText",
    paramTypes: ["java.lang.String"]
} external;

function javaJmsSetStringProperty(handle message, handle name, handle value) returns error? = @java:Method {
    'class: "javax.jms.Message",
    name: "setStringProperty",
    paramTypes: ["java.lang.String", "java.lang.String"]
} external;

function javaJmsSetCorrelationId(handle message, handle correlationId) returns error? = @java:Method {
    'class: "javax.jms.Message",
    name: "setJMSCorrelationID",
    paramTypes: ["java.lang.String"]
} external;

function javaJmsSetType(handle message, handle jmsType) returns error? = @java:Method {
    'class: "javax.jms.Message",
    name: "setJMSType",
    paramTypes: ["java.lang.String"]
} external;

function javaJmsCreateTemporaryQueue(handle session) returns handle|error = @java:Method {
    'class: "javax.jms.Session",
    name: "createTemporaryQueue",
    paramTypes: []
} external;

function javaJmsDeleteTemporaryQueue(handle queue) returns error? = @java:Method {
    'class: "javax.jms.TemporaryQueue",
    name: "delete",
    paramTypes: []
} external;

function javaJmsSetNativeReplyTo(handle message, handle destination) returns error? = @java:Method {
    'class: "javax.jms.Message",
    name: "setJMSReplyTo",
    paramTypes: ["javax.jms.Destination"]
} external;

function javaJmsMessageId(handle message) returns handle|error = @java:Method {
    'class: "javax.jms.Message",
    name: "getJMSMessageID",
    paramTypes: []
} external;

function javaJmsCreateConsumer(handle session, handle destination, handle selector) returns handle|error = @java:Method {
    'class: "javax.jms.Session",
    name: "createConsumer",
    paramTypes: ["javax.jms.Destination", "java.lang.String"]
} external;

function javaJmsReceive(handle consumer, int timeout) returns handle|error = @java:Method {
    'class: "javax.jms.MessageConsumer",
    name: "receive",
    paramTypes: ["long"]
} external;

function javaJmsCloseConsumer(handle consumer) returns error? = @java:Method {
    'class: "javax.jms.MessageConsumer",
    name: "close",
    paramTypes: []
} external;

# The connection of a JMS endpoint's request-replies, connecting on first use.
function jmsRequestConnection(string endpoint, jms:ConnectionConfiguration configuration) returns jms:Connection|error {
    lock {
        string key = jmsConnectionKey(endpoint, configuration);
        jms:Connection? cached = jmsRequestConnections[key];
        if cached is jms:Connection {
            return cached;
        }
        jms:Connection connection = check new (configuration);
        jmsRequestConnections[key] = connection;
        return connection;
    }
}

# Where a proxy's JMS listener sends the answer to a message, as Axis2's JMSMessageReceiver sets it up
# (JMSOutTransportInfo): the producer made for the listener (`producerKey`, `connection`), the destination (the
# request's JMSReplyTo, else the proxy's transport.jms.ReplyDestination; `()` for neither), the request's JMS
# message ID, the message property the request's content type was read from (a `jmsProperty` rule), and whether
# the answer went (Synapse answers a request once: Axis2Sender.preventMultipleResponses).
type JmsReplyTarget record {|
    string producerKey;
    jms:ConnectionConfiguration connection;
    jms:Destination? destination;
    string? requestMessageId;
    string? contentTypeProperty;
    boolean inbound = false;
    boolean sent = false;
|};

# Makes `respond` answer a message a proxy's JMS listener received over JMS (`sendJmsReply`): to the message's
# JMSReplyTo, else to `replyDestination` (the proxy's transport.jms.ReplyDestination), as Axis2's
# JMSMessageReceiver chooses. Copies of the message (clone, iterate) answer through the same target. For a JMS inbound
# endpoint (`inbound`), JMSInjectHandler.invoke chooses the same way and answers through a JMSReplySender.
function setJmsReply(Context ctx, jms:Message message, string producerKey, jms:ConnectionConfiguration connection,
        jms:Destination? replyDestination = (), string? contentTypeProperty = (), boolean inbound = false) {
    jms:Destination? replyTo = message?.replyTo;
    JmsReplyTarget target = {
        producerKey,
        connection,
        destination: replyTo is jms:Destination ? replyTo : replyDestination,
        requestMessageId: message?.messageId,
        contentTypeProperty,
        inbound
    };
    ctx.sendBack = function (Context answer) returns error? {
        return sendJmsReply(answer, target);
    };
}

# The senders answers to proxies' JMS messages go out on, by listener: each connects on the first answer and is
# kept (the Micro Integrator's JMS sender connects per answer unless its factory caches).
final map<JmsSender> jmsReplyProducers = {};

# Sends the answer to a message a proxy received over JMS, as Axis2's JMSSender sends a response: the payload
# written in its content type's format as a text message (a bytes message when the axis2 property JMS_MESSAGE_TYPE
# is "JMS_BYTE_MESSAGE"); the transport headers as string properties (lower-case names; `jms_*` and `jmsx*` ones
# are not copied, but `jms_coorelation_id` sets the correlation ID and `jms_message_type` the JMS type, as
# JMSUtils.setTransportHeaders does); the content type in the property the axis2 property
# transport.jms.ContentTypeProperty names, else in the one the request's content type was read from. The
# correlation ID is the axis2 property JMS_COORELATION_ID (the request's JMSCorrelationID, else its JMSMessageID),
# which a backend's response no longer has: an answer after a call correlates with the request's JMSMessageID
# (the response's RelatesTo). A second answer to the same request is not sent, as Synapse sends one. The Micro
# Integrator fails the flow when there is no destination (its JMS sender has no reply transport information); a
# temporary JMSReplyTo cannot be answered here, as the ballerinax/java.jms module cannot name it: both are errors
# (the fault sequence runs), as is a failed connection or send. An inbound endpoint's answer is sent as its
# JMSReplySender.sendBack does: the correlation ID is the default-scope JMS_COORELATION_ID property (the request's
# JMSCorrelationID, else its JMSMessageID, set by setJmsInboundFacts), and a failed connection or send is logged.
function sendJmsReply(Context ctx, JmsReplyTarget target) returns error? {
    if target.sent {
        log:printWarn("Trying to send a response to an already responded client request", messageId = ctx.messageId);
        return;
    }
    target.sent = true;
    jms:Destination? destination = target.destination;
    if destination is () {
        return error("Unable to send the response over JMS: the request has no JMSReplyTo and the proxy no transport.jms.ReplyDestination");
    }
    if destination.'type == jms:TEMPORARY_QUEUE || destination.'type == jms:TEMPORARY_TOPIC {
        return error("Unable to send the response over JMS: the request's JMSReplyTo is a temporary destination, which the ballerinax/java.jms module cannot address; give the requests a named reply destination");
    }
    if target.inbound {
        error? sent = sendInboundJmsReply(ctx, target, destination);
        if sent is error {
            log:printError("Error sending JMS response", 'error = sent, messageId = ctx.messageId);
        }
        return;
    }
    JmsSender sender = check jmsReplyProducer(target.producerKey, target.connection);
    // After a backend call the answer relates to the request's JMSMessageID (its RelatesTo).
    JmsOutgoing reply = check jmsMessage(ctx, target.contentTypeProperty, ctx.backendResponse ? target.requestMessageId : ());
    _ = check jmsSend(sender, reply, destination);
}

# The send of a JMS inbound endpoint's answer (JMSReplySender.createJMSMessage and sendBack).
function sendInboundJmsReply(Context ctx, JmsReplyTarget target, jms:Destination destination) returns error? {
    JmsSender sender = check jmsReplyProducer(target.producerKey, target.connection);
    // The property first; a JMS_COORELATION_ID transport header overrides it (JMSUtils.setTransportHeaders runs after).
    anydata correlation = ctx.properties["JMS_COORELATION_ID"];
    JmsOutgoing reply = check jmsMessage(ctx, target.contentTypeProperty, correlation is string ? correlation : ());
    _ = check jmsSend(sender, reply, destination);
}

# The sender answers to a proxy's JMS messages go out on (a producer with no destination of its own), connecting on
# first use.
function jmsReplyProducer(string key, jms:ConnectionConfiguration configuration) returns JmsSender|error {
    lock {
        JmsSender? cached = jmsReplyProducers[key];
        if cached is JmsSender {
            return cached;
        }
        jms:Connection connection = check new (configuration);
        jms:Session session = check connection->createSession(jms:AUTO_ACKNOWLEDGE);
        JmsSender sender = {session, producer: check session.createProducer()};
        jmsReplyProducers[key] = sender;
        return sender;
    }
}

# The operation of a proxy's published WSDL Axis2 dispatches the request to, as the Micro Integrator's axis2.xml orders
# its dispatchers; `()` when none finds one. By the request's SOAP action (the SOAPAction header without its quotes,
# or a SOAP 1.2 content type's `action`: AddressingBasedDispatcher and SOAPActionBasedDispatcher, both through
# AxisService.getOperationBySOAPAction, whose aliases and operation names `actions` holds), else by the first path
# segment after the service's address (RequestURIOperationDispatcher: AxisService.getOperation, an operation's name
# first, then an alias). The pass-through transport has not built the body then, so its first element dispatches
# nothing (SOAPMessageBodyBasedDispatcher). Read before the flow runs.
function wsdlOperation(Context ctx, string[] postfix, WsdlOperations wsdl) returns string? {
    string? byAction = wsdl.actions[soapAction(ctx)];
    if byAction is string {
        return byAction;
    }
    if postfix.length() == 0 {
        return ();
    }
    return operationByName(wsdl, postfix[0]);
}

# The operation of a proxy's published WSDL a name gives, as AxisService.getOperation finds it
# (RequestURIOperationDispatcher, SOAPMessageBodyBasedDispatcher): the operation of that name, else the one it is an
# alias of (`actions`); `()` for none.
function operationByName(WsdlOperations wsdl, string name) returns string? {
    return wsdl.operations.indexOf(name) is int ? name : wsdl.actions[name];
}

# The operations of a proxy's published WSDL as Axis2 dispatches a request to them (`wsdlOperation`).
type WsdlOperations record {|
    # The SOAP actions that name an operation (AxisService.getOperationBySOAPAction): each alias of one operation only
    # (a binding's soapAction, an input's explicit or default WS-Addressing action), then each operation's own name.
    map<string> actions;
    # The operations' names, which the path after the service's address names first (AxisService.getOperation).
    string[] operations;
    # The input message elements (`{namespace}local`) that name an operation (AxisService.getOperationByMessageElementQName),
    # which a message a JMS or file listener received is dispatched by (`transportOperation`).
    map<string> elements = {};
|};

# Whether the segment after /services in the request's path is written otherwise than as `name`, the path parameter the
# listener decoded (with escapes, `%4Frder`): the listener matches a service's base path on the path as the client wrote
# it, so such a segment reached no proxy's own service.
function escapedSegment(http:Request request, string name) returns boolean {
    string rawPath = request.rawPath;
    int? at = rawPath.indexOf("/services/");
    if at is () {
        return false;
    }
    string rest = rawPath.substring(at + "/services/".length());
    int end = rest.length();
    foreach string stop in ["/", "?", ";"] {
        int? found = rest.indexOf(stop);
        if found is int && found < end {
            end = found;
        }
    }
    return rest.substring(0, end) != name;
}

# URITemplate.matches for the query of an API resource's uri-template (`/jobs?email={email}&password={password}`):
# the Micro Integrator matches the whole template, query included, against the raw request path after the API's
# context (URITemplateBasedDispatcher), so a template with a query dispatches only a request with a query that has
# the template's literal text, in its order, each `{x}` a value up to the next reserved character, nothing missing
# or added (a template without a query takes any). `query` is that match as a regular expression of the raw query,
# which the converter writes from the template (docs/mapping.md, "API resources").
function uriQueryMatches(http:Request request, regexp:RegExp query) returns boolean {
    string? raw = rawQuery(request);
    return raw is string && query.isFullMatch(raw);
}

# The request's path as the client wrote it (`rawPath`) without its query: the text before its first `?`.
function rawPathWithoutQuery(http:Request request) returns string {
    string rawPath = request.rawPath;
    int? mark = rawPath.indexOf("?");
    return mark is int ? rawPath.substring(0, mark) : rawPath;
}

# The request's query as the client wrote it: the text after the first `?` of its raw path, `()` when it has none.
function rawQuery(http:Request request) returns string? {
    string rawPath = request.rawPath;
    int? mark = rawPath.indexOf("?");
    return mark is int ? rawPath.substring(mark + 1) : ();
}

# The raw path of a request to an API without its query, after the API's context `context` (the path the dispatchers
# of API.process match the resources' templates and mappings against).
function apiSubPath(http:Request request, string context) returns string {
    string path = rawPathWithoutQuery(request);
    return path.startsWith(context) ? path.substring(context.length()) : path;
}

# The value of a `{+x}` that ends an API resource's uri-template without a query (`/files/{+path}`): the
# Micro Integrator's ReservedStringExpression takes the rest of the raw request path, its `?` and query too, decoded as
# URITemplate decodes it (URLDecoder, a `+` kept as it is).
function reservedPathValue(http:Request request, string[] path) returns string|error {
    string value = string:'join("/", ...path);
    string? query = rawQuery(request);
    if query is () {
        return value;
    }
    return value + "?" + check url:decode(re `\+`.replaceAll(query, "%2B"), "UTF-8");
}

# Whether the request's path (its query left out) ends with `/`: a uri-template whose last literal is longer than
# `/*` (`/files/*`) matches a path with nothing after that literal only with its `/` (Literal.match compares the whole
# text before the `*`: `/files/` matches, `/files` does not).
function pathEndsWithSlash(http:Request request) returns boolean {
    return rawPathWithoutQuery(request).endsWith("/");
}

# The value of the variable of a uri-template path segment that holds literal text around it (`x{id}`, `{id}.json`,
# `{id}*`), as URITemplate matches the segment: it must start with `prefix`; the variable takes the text after that
# up to the first character of `suffix` (SimpleStringExpression stops there), and the rest of the segment must then
# be `suffix`, or, when `suffix` ends with `*`, start with the text before the `*` (Literal.match: that literal takes
# the rest of the path, which the resource's rest parameter holds), unless `literalSuffix` says that `*` is literal text
# (the template goes on after it, `{id}*?q={q}`: the literal holding it does not end with it, and Literal.match compares
# it as written). With no `suffix` the variable takes the rest of the segment, which must not be empty (Node.matchAll:
# a variable left with no text fails). `()` when the segment does not match. The segment is the decoded path
# parameter: a reserved character inside it (`:`, `@`, `!`, ...), where the Micro Integrator's variable also stops on
# the raw path, does not stop it here, as for a plain `{id}` segment.
function templateSegmentValue(string segment, string prefix, string suffix, boolean literalSuffix = false) returns string? {
    if !segment.startsWith(prefix) {
        return ();
    }
    string rest = segment.substring(prefix.length());
    if suffix == "" {
        return rest == "" ? () : rest;
    }
    int end = rest.indexOf(suffix.substring(0, 1)) ?: rest.length();
    string after = rest.substring(end);
    if suffix.endsWith("*") && !literalSuffix {
        return after.startsWith(suffix.substring(0, suffix.length() - 1)) ? rest.substring(0, end) : ();
    }
    return after == suffix ? rest.substring(0, end) : ();
}

# What the Micro Integrator answers a request to an API that none of its resources match when the project has no
# `_resource_mismatch_handler_` sequence (API.handleResourceNotFound): 404 with no body.
function resourceNotFound() returns http:Response {
    http:Response response = new;
    response.statusCode = http:STATUS_NOT_FOUND;
    return response;
}

# What the Micro Integrator answers a request to an API whose method none of its resources takes while some resource's
# path matches it, when the project has no `_method_not_allowed_handler_` sequence (API.handleMethodNotAllowed): 405
# with no body.
function methodNotAllowed() returns http:Response {
    http:Response response = new;
    response.statusCode = http:STATUS_METHOD_NOT_ALLOWED;
    return response;
}

# Whether the path of a request to an API (the raw path without its query, after the API's context) is one of the
# paths of the API's resources, each given as a regular expression, or, for a uri-template with a query, as a
# `DispatchPath` whose query must match the request's too (URITemplateBasedDispatcher matches the template whole):
# API.process answers a request whose method no resource takes as method not allowed when some resource's path matches
# it, as no matching resource otherwise.
function requestPathMatches(http:Request request, string context, (regexp:RegExp|DispatchPath)[] paths) returns boolean {
    string path = apiSubPath(request, context);
    foreach regexp:RegExp|DispatchPath candidate in paths {
        if candidate is regexp:RegExp {
            if candidate.isFullMatch(path) {
                return true;
            }
            continue;
        }
        regexp:RegExp? query = candidate.query;
        if candidate.path.isFullMatch(path) && (query is () || uriQueryMatches(request, query)) {
            return true;
        }
    }
    return false;
}

# A resource of an API as API.process's dispatchers match it by path alone: its path after the API's context (a regular
# expression of the raw path, as `requestPathMatches` takes them) and the methods it takes (upper case; empty: any).
type DispatchPath record {|
    regexp:RegExp path;
    string[] methods = [];
    # The query of a uri-template that has one (as `uriQueryMatches` takes it): URITemplateBasedDispatcher matches the
    # path with its query, so the resource matches only a request whose query matches too.
    regexp:RegExp? query = ();
|};

# Whether the first resource of an API whose path matches a request (the raw path without its query, after the API's
# context) takes the request's method, or `()` when no resource's path matches. API.process asks it when no resource
# that accepts the request takes its method: the dispatchers (URLMappingBasedDispatcher, URITemplateBasedDispatcher,
# DefaultDispatcher) try every resource of the API by path, resources refused by their protocol included, and only the
# first one found is judged (Resource.hasMatchingMethod: OPTIONS always, a resource without methods any): `false` is
# method not allowed (405), `true` a resource refused for another reason (its protocol, content-type or user-agent: 400). `resources` are in the
# order the dispatchers try them (url-mappings, then uri-templates in declaration order, then the default resource).
function firstPathMatchTakesMethod(http:Request request, string context, DispatchPath[] resources) returns boolean? {
    string path = apiSubPath(request, context);
    foreach DispatchPath candidate in resources {
        regexp:RegExp? query = candidate.query;
        if candidate.path.isFullMatch(path) && (query is () || uriQueryMatches(request, query)) {
            return request.method == "OPTIONS" || candidate.methods.length() == 0 || candidate.methods.indexOf(request.method) is int;
        }
    }
    return ();
}

# Whether Resource.canProcess lets a request through to a resource with a `content-type` (`contentType`) or a
# `user-agent` (`userAgent`, the Java pattern translated): an OPTIONS request always; otherwise the Content-Type header
# must be exactly the resource's when the request is of a method whose requests carry a body (NO_ENTITY_BODY is unset
# for POST, PUT, PATCH and DELETE: SynapseHTTPRequestFactory), and the whole User-Agent header must match the pattern
# (String.matches). A missing header refuses the request.
function resourceAccepts(http:Request request, string? contentType, regexp:RegExp? userAgent) returns boolean {
    string method = request.method;
    if method == "OPTIONS" {
        return true;
    }
    if contentType is string && (method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE") {
        string|http:HeaderNotFoundError header = request.getHeader("Content-Type");
        if header !is string || header != contentType {
            return false;
        }
    }
    if userAgent is regexp:RegExp {
        string|http:HeaderNotFoundError agent = request.getHeader("User-Agent");
        if agent !is string || !userAgent.isFullMatch(agent) {
            return false;
        }
    }
    return true;
}

# A resource of an API as API.process matches an OPTIONS request to it: its path after the API's context and the query
# of its uri-template (as `DispatchPath` has them), and the `Allow` it answers (Resource.getSupportedMethods: its
# methods but OPTIONS, in the order of the Micro Integrator's set of them).
type OptionsPath record {|
    regexp:RegExp path;
    regexp:RegExp? query = ();
    string allow;
|};

# The Micro Integrator's CORS configuration (synapse.properties: synapse.rest.CORSConfig.enabled,
# .Access-Control-Allow-Origin, .Access-Control-Allow-Headers), which its OPTIONS answers follow.
type CorsConfig record {|
    boolean enabled;
    string allowedOrigins;
    string allowedHeaders;
|};

# What the Micro Integrator answers an OPTIONS request to an API (Resource.sendOptions), or `()` when no resource's path
# matches it (the caller answers as no matching resource). API.process gives the request to the first of `resources`
# (the order the dispatchers try them) whose path and query match; that resource sends the request back as the
# response (Axis2Sender.sendBack): 200 with the request's own headers and no body, `Allow` set to the resource's
# methods. With CORS enabled (CORSHelper.handleCORSHeaders) it also sets Access-Control-Allow-Methods (the same
# methods), Access-Control-Allow-Origin (`*` when the configuration allows any origin, the request's Origin when it is
# one of the allowed ones, else empty) and Access-Control-Allow-Headers, and answers 403 when the origin is not allowed
# (a request without Origin included). Resource.process answers OPTIONS before it sets the `query.param.*` properties
# and before any mediation reads the body, so nothing the request carries (a query that cannot be decoded, a body) can
# make this fail: only the request's headers are read (the message context is not made).
function optionsResponse(http:Request request, string context, OptionsPath[] resources, CorsConfig cors) returns http:Response|error? {
    string path = apiSubPath(request, context);
    foreach OptionsPath candidate in resources {
        regexp:RegExp? query = candidate.query;
        if !candidate.path.isFullMatch(path) || (query is regexp:RegExp && !uriQueryMatches(request, query)) {
            continue;
        }
        http:Response response = new;
        Context echoed = {messageId: ""};
        check receiveHeaders(echoed, request);
        // The request's headers as the transport read them: with the `activityid` it set when the client sent none.
        takeCorrelationId(echoed);
        passBackHeaders(echoed, response);
        response.setHeader("Allow", candidate.allow);
        if cors.enabled {
            string allowedOrigin = corsAllowedOrigin(request, cors.allowedOrigins);
            response.setHeader("Access-Control-Allow-Methods", candidate.allow);
            response.setHeader("Access-Control-Allow-Origin", allowedOrigin);
            response.setHeader("Access-Control-Allow-Headers", cors.allowedHeaders);
            if allowedOrigin == "" {
                response.statusCode = http:STATUS_FORBIDDEN;
            }
        }
        return response;
    }
    return ();
}

# The server's CORS configuration with the methods of the API resource that took a request (Resource.getSupportedMethods,
# as `OptionsPath.allow` has them), which `newContext` records on the request's message.
type ResourceCors record {|
    *CorsConfig;
    string allow;
|};

# What Resource.process records for a request of an API resource it does not answer itself (any method but the OPTIONS
# that Resource.sendOptions answers; CORSHelper.handleCORSHeaders with updateHeaders false), when the server's CORS
# configuration is enabled: the internal properties `_SYNAPSE_INTERNAL_REST_Access-Control-Allow-Methods` (the
# resource's methods), `-Allow-Origin` (`*`, the request's Origin when it is allowed, else empty: the request is still
# mediated), `-Allow-Headers` (the configured ones, "" when none is) and `_SYNAPSE_INTERNAL_REST_Origin` (the request's
# Origin, left unset without one), which `writeCorsHeaders` puts on the answer. An OPTIONS request (a resource that
# lists OPTIONS runs its flow for it) from an origin that is not allowed also gets HTTP_SC 403.
function recordCors(Context ctx, http:Request request, ResourceCors cors) {
    if !cors.enabled {
        return;
    }
    string allowedOrigin = corsAllowedOrigin(request, cors.allowedOrigins);
    ctx.properties[CORS_ALLOW_METHODS] = cors.allow;
    ctx.properties[CORS_ALLOW_ORIGIN] = allowedOrigin;
    ctx.properties[CORS_ALLOW_HEADERS] = cors.allowedHeaders;
    string|http:HeaderNotFoundError origin = request.getHeader("Origin");
    if origin is string {
        ctx.properties[CORS_ORIGIN] = origin;
    }
    if request.method == "OPTIONS" && allowedOrigin == "" {
        setHttpSc(ctx, http:STATUS_FORBIDDEN);
    }
}

# The properties Resource.process records the CORS headers of the answer in (RESTConstants.INTERNAL_CORS_*).
const string CORS_ALLOW_METHODS = "_SYNAPSE_INTERNAL_REST_Access-Control-Allow-Methods";

const string CORS_ALLOW_ORIGIN = "_SYNAPSE_INTERNAL_REST_Access-Control-Allow-Origin";

const string CORS_ALLOW_HEADERS = "_SYNAPSE_INTERNAL_REST_Access-Control-Allow-Headers";

const string CORS_ORIGIN = "_SYNAPSE_INTERNAL_REST_Origin";

# What the API resource that took the request does to a response that comes back through it: the Micro Integrator injects
# a send's (or loopback's) response with no receiving sequence and no continuation into the REST handler
# (Axis2SynapseEnvironment.injectMessage), where API.process sets the correlation header (`activityid`, the pass-through
# `correlation_header_name`) of the response to the message's correlation ID (unless the restricted headers system
# property lists that header, which is not read here) and Resource.process writes the CORS headers recorded on the
# request (`writeCorsHeaders`) before the out flow runs on it, or, with no out flow, sends it back. The REST handler finds
# the API by the message's SYNAPSE_REST_API property: a proxy's or the main sequence's response (a shared sequence's
# `continueWithResponse`) does not pass through API.process and keeps the backend's headers.
function throughApiResource(Context ctx) {
    if ctx.correlationId != "" && ctx.properties["SYNAPSE_REST_API"] is string {
        ctx.headers[CORRELATION_HEADER] = ctx.correlationId;
    }
    writeCorsHeaders(ctx); // Only with: CorsConfig
}

# CORSHelper.handleCORSHeadersForResponse: the CORS values `recordCors` recorded on the message become its transport
# headers Access-Control-Allow-Methods, Access-Control-Allow-Origin, Access-Control-Allow-Headers and Origin (each only
# when recorded, replacing a header of that name). The Micro Integrator does it when a backend's response to a `send`
# (to an endpoint or the To address), a `loopback` or a copy's response comes back through the API resource
# (Resource.process, before the out flow) and when `respond` answers (RespondMediator, outside a proxy service); a
# message without them (a proxy's, the main sequence's, a request no resource took) is left as it is. Axis2Sender.sendBack
# alone (`sendBackToClient`) does not write them.
function writeCorsHeaders(Context ctx) {
    foreach [string, string] [property, header] in [[CORS_ALLOW_METHODS, "access-control-allow-methods"],
            [CORS_ALLOW_ORIGIN, "access-control-allow-origin"], [CORS_ALLOW_HEADERS, "access-control-allow-headers"],
            [CORS_ORIGIN, "origin"]] {
        anydata value = ctx.properties[property];
        if value is string {
            ctx.headers[header] = value;
        }
    }
}

# CORSHelper.getAllowedOrigins: `*` when the allowed origins (separated by commas, each trimmed) hold `*`, the request's
# Origin header when they hold it, else the empty string.
function corsAllowedOrigin(http:Request request, string allowedOrigins) returns string {
    string[] origins = from string origin in re `,`.split(allowedOrigins) select origin.trim();
    if origins.indexOf("*") is int {
        return "*";
    }
    string|http:HeaderNotFoundError origin = request.getHeader("Origin");
    return origin is string && origins.indexOf(origin) is int ? origin : "";
}

# What the Micro Integrator answers a request to an API when the first resource whose path matches takes its method but
# was not among the resources accepting the request (its `protocol` is the other transport, or its `content-type` or
# `user-agent` refused it): API.process sets HTTP_SC
# 400 and acknowledges the request (NIO-ACK-Requested): no body, and, as the request's transport headers are left on
# the message (unlike the 404 and 405 answers), they are echoed back as `passBackHeaders` echoes them.
function resourceRefused(Context ctx) returns http:Response {
    http:Response response = new;
    response.statusCode = http:STATUS_BAD_REQUEST;
    passBackHeaders(ctx, response);
    return response;
}

# What the Micro Integrator answers a request under /services that names no proxy service (the proxies are one
# service at /services that dispatches by the name): Axis2 hands it to __SynapseService (SynapseDispatcher), which runs
# the main sequence, and the main sequence the MI ships (the input has none, else every proxy address keeps a service
# of its own) answers 404 with no body (HTTP_SC 404, NO_ENTITY_BODY).
function serviceNotFound(http:Request request) returns http:Response {
    http:Response response = new;
    response.statusCode = http:STATUS_NOT_FOUND;
    return response;
}

# What the Micro Integrator answers a request to a proxy with a published WSDL that names none of its operations
# (DispatchPhase.checkPostConditions: an AxisFault with the fault code `Client`, which ServerWorker.handleException
# sends back through MessageContextBuilder.createFaultMessageContext): a fault in the request's SOAP version (SOAP 1.1
# for a REST request) with status 500, its reason "The endpoint reference (EPR) for the Operation not found is <the
# request URI> and the WSA Action = <the SOAP action, `null` when the request has none>. If this EPR was previously
# reachable, please contact the server administrator.". Axiom declares the code's namespace (the envelope's) under a
# prefix it numbers (`axis2ns1`, counting up in the server's life). No header of the request is copied back.
function operationNotFound(Context ctx) returns http:Response|error {
    setOperationNotFoundFault(ctx, ctx.clientSoap == "soap12", ctx.clientSoap == "soap11");
    http:Response response = new;
    response.statusCode = http:STATUS_INTERNAL_SERVER_ERROR;
    xml|byte[]? body = check entityBody(ctx);
    if body is xml|byte[] {
        response.setPayload(body);
        check response.setContentType(ctx.contentType);
    }
    return response;
}

# Makes the message the fault DispatchPhase refuses a message naming no operation of a proxy's published WSDL with
# (`operationNotFound`, `refuseJmsMessage`): SOAP 1.2 for a SOAP 1.2 message (`soap12`), else SOAP 1.1, in text/xml
# for a SOAP 1.1 message (`soap11`) and in the message's own content type otherwise (application/xml without one).
# The action in the reason is the message's (MessageContext.getWSAAction: its SOAP action, else the `wsa:Action` of a
# message its transport built), `null` when it has none.
function setOperationNotFoundFault(Context ctx, boolean soap12, boolean soap11) {
    string reason = operationNotFoundReason(ctx);
    if soap12 {
        ctx.contentType = "application/soap+xml";
        ctx.payload = xml `<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body><soapenv:Fault xmlns:axis2ns1="http://www.w3.org/2003/05/soap-envelope"><soapenv:Code><soapenv:Value>axis2ns1:Client</soapenv:Value></soapenv:Code><soapenv:Reason><soapenv:Text xml:lang="en-US">${reason}</soapenv:Text></soapenv:Reason><soapenv:Detail/></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
    } else {
        // A SOAP 1.1 client gets text/xml; a REST client the fault in its own format, as the formatter of its content
        // type writes the envelope (its body's first element for XML, that element as JSON for JSON).
        ctx.contentType = soap11 ? "text/xml" : ctx.contentType == "" ? "application/xml" : ctx.contentType;
        ctx.payload = xml `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault xmlns:axis2ns1="http://schemas.xmlsoap.org/soap/envelope/"><faultcode>axis2ns1:Client</faultcode><faultstring>${reason}</faultstring><detail/></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
    }
}

# The operation of a proxy's published WSDL Axis2 dispatches a message one of the proxy's listeners (JMS, file, mail,
# RabbitMQ) received to, as the Micro Integrator's axis2.xml orders its dispatchers; the transport has built the message
# first (JMSUtils.setSOAPEnvelope, VFSTransportListener.processFile, MailTransportListener.processMail,
# RabbitMQUtils.buildMessage), so a body that cannot be built fails here. By the message's SOAP action (the JMS
# message's `SOAPAction` property, the mail's SOAPAction header or subject, the RabbitMQ message's SOAP_ACTION header;
# the VFS transport gives none: SOAPActionBasedDispatcher), else its `wsa:Action` (AddressingBasedDispatcher;
# `addressingAction`), both through AxisService.getOperationBySOAPAction, whose aliases and operation names `actions`
# holds; else by the path of its `wsa:To` (RequestURIOperationDispatcher: the transports set no To address, so only
# the one AddressingInHandler takes from the envelope's header, `uriOperationName`), an operation's name first, then
# an alias; else by the body's first element (SOAPMessageBodyBasedDispatcher: the operation whose input message is that
# element, `elements`, else AxisService.getOperation of its local name, an operation's name first, then an alias). `()`
# when none finds one. `serviceName` is the proxy's name.
function transportOperation(Context ctx, WsdlOperations wsdl, string serviceName) returns string?|error {
    xml body = check soapBody(ctx);
    string? byAction = wsdl.actions[check addressingAction(ctx)];
    if byAction is string {
        return byAction;
    }
    string? named = uriOperationName(ctx.to, serviceName);
    if named is string {
        string? byUri = operationByName(wsdl, named);
        if byUri is string {
            return byUri;
        }
    }
    xml<xml:Element> children = body.elementChildren();
    if children.length() == 0 {
        return ();
    }
    string name = children.get(0).getName();
    string? byElement = wsdl.elements[name];
    if byElement is string {
        return byElement;
    }
    int? brace = name.indexOf("}");
    string local = brace is int ? name.substring(brace + 1) : name;
    return operationByName(wsdl, local);
}

# The operation name Axis2's Utils.getOperationName reads from a To address for the service `serviceName`
# (RequestURIOperationDispatcher): the text after the last `<serviceName>/` (Java's String.split, trailing empty parts
# dropped), else after the first `/` that follows the last `<serviceName>.` (an Axis2 endpoint name,
# `<serviceName>.<serviceName>HttpSoap11Endpoint/op`), up to a `?` that is not its first character and then up to a `/`.
# `()` when the address names the service neither way. The name is split on as Java splits on it as a pattern, which
# is the same for the letters, digits, `_`, `-` and `.` proxy names are made of.
function uriOperationName(string address, string serviceName) returns string? {
    json[]|error pieces = javaSplit(address, serviceName + "/");
    string? operation = ();
    if pieces is json[] && pieces.length() > 1 {
        operation = pieces[pieces.length() - 1].toString();
    } else {
        json[]|error endpointPieces = javaSplit(address, serviceName + "\\.");
        if endpointPieces is json[] && endpointPieces.length() > 1 {
            string last = endpointPieces[endpointPieces.length() - 1].toString();
            int? slash = last.indexOf("/");
            operation = slash is int ? last.substring(slash + 1) : last;
        }
    }
    if operation is () {
        return ();
    }
    int? query = operation.indexOf("?");
    string name = query is int && query > 0 ? operation.substring(0, query) : operation;
    int? slash = name.indexOf("/");
    return slash is int ? name.substring(0, slash) : name;
}

# The reason of the fault DispatchPhase refuses a message naming no operation of a proxy's published WSDL with
# (`setOperationNotFoundFault`), for a listener that cannot send the fault where the Micro Integrator sends it (a
# RabbitMQ listener: the request's reply-to queue) and logs it instead.
function operationNotFoundReason(Context ctx) returns string {
    string|error given = addressingAction(ctx);
    string action = given is string ? given : soapAction(ctx);
    boolean none = ctx.headers["soapaction"] is () && action == "";
    return string `The endpoint reference (EPR) for the Operation not found is ${ctx.to} and the WSA Action = ${none ? "null" : action}. If this EPR was previously reachable, please contact the server administrator.`;
}

# What the Micro Integrator does with a message a proxy's JMS listener received that names no operation of its
# published WSDL (`transportOperation`): DispatchPhase refuses it with an AxisFault, and AbstractTransportListener.
# handleIncomingMessage sends the fault (MessageContextBuilder.createFaultMessageContext, `setOperationNotFoundFault`)
# where an answer to the message goes (its JMSReplyTo, else the proxy's transport.jms.ReplyDestination: `sendJmsReply`);
# the flow does not run. The message is consumed (the listener's session acknowledges it); without a reply destination
# the fault cannot be sent, and the error is the listener's, as the Micro Integrator logs its sender's failure.
function refuseJmsMessage(Context ctx) returns error? {
    setOperationNotFoundFault(ctx, isSoap12(ctx.contentType), messageType(ctx) == "text/xml");
    (function (Context ctx) returns error?)? sendBack = ctx.sendBack;
    if sendBack is () {
        return error("Unable to send the fault over JMS: the message names no operation of the proxy's WSDL and has nowhere to be answered");
    }
    return sendBack(ctx);
}

# What the Micro Integrator does with a mail a proxy's mail listener received that names no operation of its published
# WSDL (`transportOperation`): DispatchPhase refuses it with an AxisFault, and AbstractTransportListener.
# handleIncomingMessage sends the fault (MessageContextBuilder.createFaultMessageContext, `setOperationNotFoundFault`)
# back through the mail transport sender `smtp` (MailTransportSender) with the out transport information
# MailTransportListener.buildOutTransportInfo made from the mail, and none of the mail's headers (the fault's message
# context has no transport headers):
# - To: the mail's Reply-To, else its From, else the proxy's transport.mail.ReplyAddress (`replyAddress`); Cc: the
#   mail's Cc; Bcc: the sender's transport.mail.SMTPBccAddresses;
# - From and Reply-To: the proxy's address (transport.mail.Address, `address`);
# - Subject: `Re: ` and the mail's subject; without one, `SOAPAction: ` and the fault's action;
# - In-Reply-To and References: the mail's X-Message-ID header, else its Message-ID;
# - a SOAPAction header with the fault's action, http://www.w3.org/2005/08/addressing/soap/fault (the message has no
#   operation whose fault action MessageContextBuilder could take);
# - the body: the fault in the mail's SOAP version, as `sendMail` writes a body (text/xml for SOAP 1.1; the email
#   module sends text bodies only, so a SOAP 1.2 fault goes out as text/plain).
# The flow does not run. A mail with nowhere to answer, or a fault that cannot be mailed, is an error, which the
# listener logs as the Micro Integrator logs its failure ("Failed to process message"); the mail is processed either way.
function refuseMail(Context ctx, MailSmtpSettings smtp, string address, string? replyAddress) returns error? {
    string? subject = ctx.headers["subject"];
    string? cc = ctx.headers["cc"];
    string? requestId = ctx.headers["x-message-id"] ?: ctx.headers["message-id"];
    string[] to = emailAddressList(ctx.headers["reply-to"] ?: ctx.headers["from"] ?: replyAddress ?: "");
    setOperationNotFoundFault(ctx, isSoap12(ctx.contentType), messageType(ctx) == "text/xml");
    if to.length() == 0 {
        return error("Unexpected error during sending message out. To address for outgoing message cannot be determined");
    }
    string action = "http://www.w3.org/2005/08/addressing/soap/fault";
    xml|byte[]? body = check entityBody(ctx);
    map<string> headers = {"SOAPAction": action};
    if requestId is string {
        headers["In-Reply-To"] = requestId;
        headers["References"] = requestId;
    }
    email:Message message = {
        to,
        subject: subject is string ? "Re: " + subject : "SOAPAction: " + action,
        'from: address,
        replyTo: address,
        body: body is xml ? body.toString() : body is byte[] ? check string:fromBytes(body) : "",
        contentType: ctx.contentType.trim().toLowerAscii().startsWith("text/") ? ctx.contentType : "text/plain",
        headers
    };
    if cc is string {
        message.cc = emailAddressList(cc);
    }
    string[] bcc = emailAddressList(smtp.bcc);
    if bcc.length() > 0 {
        message.bcc = bcc;
    }
    do {
        email:Security security = check smtp.security.ensureType();
        email:SmtpClient sender = check new (smtp.host, smtp.username, smtp.password, port = smtp.port, security = security);
        check sender->sendMessage(message);
    } on fail error e {
        return error("Unexpected error during sending message out. Error creating mail message or sending it to the configured server", e);
    }
}

# Runs a proxy's in flow for a request to a one-way (in-only) operation of its WSDL, after the service has answered it
# 202 Accepted with no body: DispatchPhase acknowledges an in-only operation and the pass-through ServerWorker writes
# the 202 (sendAck) whatever the flow does, so what the flow answers is dropped. A failure no fault sequence handled
# is logged, as the Micro Integrator logs it; the client has had its answer.
function runOneWay(Context ctx, function (Context ctx) returns http:Response|error flow) {
    http:Response|error result = flow(ctx);
    if result is error {
        log:printError(result.message(), 'error = result, messageId = ctx.messageId);
    }
}

# The validate mediator's XSD check (ValidateMediator): true when the message fails it, with ERROR_MESSAGE and
# ERROR_DETAIL set as Synapse sets them before its on-fail flow runs. `selected` is what the source XPath selects
# (its first element is validated), `()` for the default source, the first element of the SOAP body; `xpath` is the
# source XPath as written. The XSD is read from `schemaPath` by `xmldata:validate`, which validates with the JDK's
# javax.xml.validation as Synapse does. A message with a JSON payload goes to Synapse's JSON branch, which reads the
# key as a JSON schema: for an XSD it fails (SynapseException "Can not find valid JSON Schema content"), and so does
# this. A source that selects no element runs on-fail with the message Synapse gives; an empty body fails.
# ERROR_MESSAGE holds the first error the validator reports followed by a line break (Synapse lists every error, one
# a line); ERROR_DETAIL holds the same text (Synapse: the Java stack trace of the last error); ERROR_EXCEPTION the
# string form of an error with that message (Synapse: the SAXParseException itself).
function validationFails(Context ctx, xml? selected, string? xpath, string schemaPath) returns boolean|error {
    json|xml payload = check parsedPayload(ctx);
    if payload !is xml && payload !is () {
        return error("Can not find valid JSON Schema content");
    }
    xml<xml:Element> candidates = selected is xml ? selected.elements() : (check xmlPayload(ctx)).elements();
    if candidates.length() == 0 {
        if xpath is () {
            return error("validate: the SOAP body has no element to validate");
        }
        ctx.properties["ERROR_MESSAGE"] = "Error occurred while accessing source element: " + xpath;
        ctx.properties["ERROR_DETAIL"] = string `The evaluation of the XPath expression ${xpath} did not result in an OMNode : null`;
        return true;
    }
    xmldata:Error? invalid = xmldata:validate(candidates.get(0), schemaPath);
    if invalid is () {
        return false;
    }
    // xmldata reports "Invalid XML found: '<the validator's message>'".
    string message = invalid.message();
    string prefix = "Invalid XML found: '";
    if message.startsWith(prefix) && message.endsWith("'") {
        message = message.substring(prefix.length(), message.length() - 1);
    }
    ctx.properties["ERROR_MESSAGE"] = message + "\n";
    // ValidateMediator sets ERROR_EXCEPTION to the validator's SAXParseException: here an error with its message.
    ctx.properties["ERROR_EXCEPTION"] = error(message).toString();
    ctx.properties["ERROR_DETAIL"] = message;
    return true;
}

# The WSDL a proxy publishes (publishWSDL), read from the package's resources, answered as the Micro Integrator
# answers `?wsdl`: 200 with `text/xml`.
function wsdlResponse(string path) returns http:Response|error {
    byte[] content = check io:fileReadBytes(path);
    http:Response response = new;
    response.setBinaryPayload(content, "text/xml");
    return response;
}

# The metadata query of a GET that the Micro Integrator's PassThroughNHttpGetProcessor answers instead of running a
# proxy's flow, or `()`: a GET of the service's own address or of one of its Axis2 endpoint addresses (no path after
# it: `postfix` empty) whose query starts with one of the processors' items of its carbon.xml, in their order (`wsdl`,
# `wsdl2`, `xsd`; the `info` one is commented out there and there is none for `policy`, so `?info` and `?policy` run
# the flow), followed by its end, `&` or `=` (`?wsdl`, `?wsdl2&x=1`; `?a=1&wsdl` or `/services/P/x?wsdl` run the flow).
function proxyMetadataQuery(http:Request request, string[] postfix = []) returns "wsdl"|"wsdl2"|"xsd"? {
    if request.method != "GET" || postfix.length() > 0 {
        return ();
    }
    string? query = rawQuery(request);
    if query is () {
        return ();
    }
    ("wsdl"|"wsdl2"|"xsd")[] items = ["wsdl", "wsdl2", "xsd"];
    foreach "wsdl"|"wsdl2"|"xsd" item in items {
        if query.startsWith(item) {
            string rest = query.substring(item.length());
            if rest == "" || rest.startsWith("&") || rest.startsWith("=") {
                return item;
            }
        }
    }
    return ();
}

# What the generated service answers a metadata query the Micro Integrator answers with a document the converter does
# not write, so that the flow does not run for it, as it does not there: `?wsdl2`, the WSDL 2.0 the Micro Integrator
# generates from the proxy's Axis2 service (Wsdl20Processor, AxisService.printWSDL2, whatever follows `wsdl2`: 200
# `text/xml`), and, for a proxy with a published WSDL, `?xsd`, that WSDL's schemas (XsdUtil.printXsd). 501 Not
# Implemented with a text saying so (docs/mapping.md). Without `held`, the proxy publishes a WSDL the conversion does not
# hold (a publishWSDL naming a document outside the input): none of the three is answered, the flow not running either.
function metadataNotReproduced("wsdl"|"wsdl2"|"xsd" item, boolean held = true) returns http:Response {
    http:Response response = new;
    response.statusCode = http:STATUS_NOT_IMPLEMENTED;
    if !held {
        response.setTextPayload(string `The migrated service does not hold the WSDL this proxy publishes (?${item}).`);
        return response;
    }
    string what = item == "wsdl2" ? "the WSDL 2.0 document (?wsdl2) the Micro Integrator generates for this proxy"
        : "the schemas of this proxy's published WSDL (?xsd)";
    response.setTextPayload(string `The migrated service does not produce ${what}; ?wsdl answers its WSDL 1.1.`);
    return response;
}

# What the Micro Integrator answers a metadata query (`proxyMetadataQuery`). For a proxy with a published WSDL
# (`published`): `?wsdl` (`?wsdl=<name>` too) the document, read from `wsdlPath` (`wsdlResponse`); `?wsdl2` and `?xsd`
# are not reproduced (`metadataNotReproduced`). For a proxy without one, whose Axis2 service has the one operation
# `mediate`, no WSDL document of its own and no schema:
# - `?wsdl`: the WSDL it generates (Wsdl11Processor, AxisService.printWSDL), 200 `text/xml`, read from `wsdlPath`;
# - `?wsdl=<name>` (a document the WSDL imports): the service has no document to look `<name>` up in
#   (AxisService.printUserWSDL), so Axis2's error document, 200 `text/xml`;
# - `?xsd` (XsdUtil.printXsd, no schema): 200 with no body; `?xsd=<name>.xsd`: 404 `text/xml` with no body; `?xsd=<name>`
#   (no `.xsd`) and `?xsd&id=<n>` fail in the processor: 500 "Error processing request" with that text as its body, and
#   the Micro Integrator closes the connection (handleBrowserException);
# - `?wsdl2`: not reproduced (`metadataNotReproduced`).
# The query's parameters are split as CarbonHttpRequest takes them: at each `&`, then at the first `=`, not decoded,
# the last of a name winning.
function proxyMetadataResponse(http:Request request, "wsdl"|"wsdl2"|"xsd" item, string wsdlPath, boolean published = false) returns http:Response|error {
    if item is "wsdl2" {
        return metadataNotReproduced(item);
    }
    if published {
        return item is "xsd" ? metadataNotReproduced(item) : wsdlResponse(wsdlPath);
    }
    map<string> parameters = {};
    string[] entries = re `&`.split(rawQuery(request) ?: "");
    foreach string entry in entries {
        int? index = entry.indexOf("=");
        if index is int {
            parameters[entry.substring(0, index)] = entry.substring(index + 1);
        } else if entry != "" {
            parameters[entry] = "";
        }
    }
    http:Response response = new;
    string? imported = parameters["wsdl"];
    if item == "wsdl" {
        if imported is () || imported == "" {
            return wsdlResponse(wsdlPath);
        }
        response.setTextPayload("<error><description>Unable to generate WSDL 1.1 for this service</description><reason>If you wish Axis2 to automatically generate the WSDL 1.1, then please set useOriginalwsdl as false in your services.xml</reason></error>", "text/xml");
        return response;
    }
    string? named = parameters["xsd"];
    string xsd = named is string ? named.trim() : "";
    if xsd.endsWith(".xsd") && !xsd.includes("..") {
        response.statusCode = http:STATUS_NOT_FOUND;
        response.setHeader("Content-Type", "text/xml");
        return response;
    }
    if xsd != "" || parameters.hasKey("id") {
        response.statusCode = http:STATUS_INTERNAL_SERVER_ERROR;
        response.reasonPhrase = "Error processing request";
        response.setTextPayload("Error processing request");
        response.setHeader("Connection", "close");
    }
    return response;
}

# The validate mediator's JSON-schema check (ValidateMediator's JSON branch, which runs for a JSON message or any
# message with `json-source="true"`): true when the JSON fails the schema read from `schemaPath`, with ERROR_MESSAGE
# and ERROR_DETAIL set as Synapse sets them before on-fail runs (ERROR_CODE and ERROR_EXCEPTION untouched). The JSON
# is the text `json-eval(sourcePath)` gives, parsed (an empty text is `{}`; text that is not JSON fails the flow, as
# Synapse's IOException does), or the JSON payload (`{}` for a message that is not JSON, with `jsonSource`). A message
# that is not JSON without `jsonSource` fails the flow: Synapse's XSD branch cannot read a JSON schema. The check is
# `jsonSchemaFailure`'s (draft 4, as the fge json-schema-validator the Micro Integrator uses).
function jsonValidationFails(Context ctx, string? sourcePath, boolean jsonSource, string schemaPath) returns boolean|error {
    json schema = check io:fileReadJson(schemaPath);
    json|xml payload = check parsedPayload(ctx);
    boolean isJson = payload !is xml && payload !is ();
    if !isJson && !jsonSource {
        return error(string `validate: the message is not JSON, and Synapse's XSD validation cannot read the JSON schema ${schemaPath}`);
    }
    json instance = {};
    if sourcePath is string {
        string text = check jsonEval(ctx, sourcePath);
        json|error parsed = value:fromJsonString(text == "" ? "{}" : text);
        if parsed is error {
            return error(string `Error while validating the JSON Schema for JSONPath ${sourcePath}`, parsed);
        }
        instance = parsed;
    } else if payload !is xml {
        instance = payload is () ? {} : payload;
    }
    JsonSchemaFailure? failure = check jsonSchemaFailure(instance, schema, schema, "", "", 0);
    if failure is () {
        return false;
    }
    ctx.properties["ERROR_MESSAGE"] = failure.message;
    ctx.properties["ERROR_DETAIL"] = "Error while validating Json message " + jsonSchemaFailureText(failure);
    return true;
}

# The first error the fge validator reports: its message, the keyword, the JSON pointers into the schema and the
# instance, and the arguments it adds to the report (ProcessingMessage).
type JsonSchemaFailure record {|
    string message;
    string keyword;
    string schemaPointer;
    string instancePointer;
    [string, json][] arguments = [];
|};

# A failure as fge's ProcessingMessage.toString() prints it: `error: <message>` and its fields, one a line.
function jsonSchemaFailureText(JsonSchemaFailure failure) returns string {
    string text = string `error: ${failure.message}
    level: "error"
    schema: {"loadingURI":"#","pointer":${failure.schemaPointer.toJsonString()}}
    instance: {"pointer":${failure.instancePointer.toJsonString()}}
    domain: "validation"
    keyword: ${failure.keyword.toJsonString()}`;
    foreach [string, json] [name, value] in failure.arguments {
        text += string `${"\n"}    ${name}: ${compactJson(value)}`;
    }
    return text + "\n";
}

# JSON text without spaces, as Jackson prints a node (fge's messages quote values so).
function compactJson(json value) returns string {
    if value is json[] {
        return "[" + string:'join(",", ...value.'map(item => compactJson(item))) + "]";
    }
    if value is map<json> {
        string[] members = [];
        foreach [string, json] [name, item] in value.entries() {
            members.push(name.toJsonString() + ":" + compactJson(item));
        }
        return "{" + string:'join(",", ...members) + "}";
    }
    return value.toJsonString();
}

# The keywords a draft-4 schema may hold that `jsonSchemaFailure` applies, and the annotations it ignores as fge does.
final readonly & string[] JSON_SCHEMA_KEYWORDS = ["$ref", "additionalItems", "additionalProperties", "allOf", "anyOf",
    "enum", "items", "maxItems", "maxLength", "maxProperties", "maximum", "exclusiveMaximum", "minItems", "minLength",
    "minProperties", "minimum", "exclusiveMinimum", "multipleOf", "not", "oneOf", "pattern", "patternProperties",
    "properties", "required", "type", "uniqueItems", "$schema", "id", "title", "description", "default",
    "definitions"];

# The first error of `instance` against the draft-4 JSON schema `schema` (at `schemaPointer` in `root`), as the fge
# json-schema-validator the Micro Integrator uses reports it, or `()` when it is valid. As fge does, a `$ref`
# (local, `#/...`) replaces the schema it is in; the keywords of one schema are checked in alphabetical order, each
# only on the instance types it applies to, and the members (in name order) or items of an object or array only when
# the schema's own keywords pass. A keyword outside JSON_SCHEMA_KEYWORDS, a `$ref` to another document, an invalid
# keyword value or a pattern Ballerina cannot read is an error: the check is never made looser than the schema.
function jsonSchemaFailure(json instance, json schema, json root, string instancePointer, string schemaPointer, int refs) returns JsonSchemaFailure|error? {
    if schema !is map<json> {
        return error(string `invalid JSON schema at #${schemaPointer}: not an object`);
    }
    json ref = schema["$ref"];
    if ref !is () {
        if ref !is string {
            return error(string `invalid JSON schema at #${schemaPointer}: $ref is not a string`);
        }
        if !ref.startsWith("#") {
            return error(string `unsupported JSON schema $ref at #${schemaPointer}: only "#/..." references are read`);
        }
        if refs > 64 {
            return error(string `JSON schema $ref loop at #${schemaPointer}`);
        }
        // The fragment as java.net.URI decodes it (fge's JsonRef): only `%XX` escapes; a `+` stays a `+` (url:decode,
        // Java's URLDecoder, would read it as a space).
        string target = check url:decode(re `\+`.replaceAll(ref.substring(1), "%2B"), "UTF-8");
        return jsonSchemaFailure(instance, check jsonPointerValue(root, target), root, instancePointer, target, refs + 1);
    }
    foreach string keyword in schema.keys() {
        if JSON_SCHEMA_KEYWORDS.indexOf(keyword) is () {
            return error(string `JSON schema keyword "${keyword}" at #${schemaPointer} is not supported by the translated validator`);
        }
    }
    string found = jsonSchemaType(instance);
    string[] keywords = schema.keys().sort();
    foreach string keyword in keywords {
        JsonSchemaFailure? failure = check jsonSchemaKeywordFailure(keyword, instance, found, schema, root, instancePointer, schemaPointer);
        if failure !is () {
            return failure;
        }
    }
    if instance is map<json> {
        map<json> properties = check jsonSchemaObject(schema["properties"], "properties", schemaPointer);
        map<json> patterns = check jsonSchemaObject(schema["patternProperties"], "patternProperties", schemaPointer);
        json additional = schema["additionalProperties"];
        foreach string name in instance.keys().sort() {
            [json, string][] applied = [];
            if properties.hasKey(name) {
                applied.push([properties.get(name), string `${schemaPointer}/properties/${jsonPointerToken(name)}`]);
            }
            foreach [string, json] [pattern, patternSchema] in patterns.entries() {
                if regexp:find(check jsonSchemaRegex(pattern, schemaPointer), name) !is () {
                    applied.push([patternSchema, string `${schemaPointer}/patternProperties/${jsonPointerToken(pattern)}`]);
                }
            }
            if applied.length() == 0 && additional is map<json> {
                applied.push([additional, schemaPointer + "/additionalProperties"]);
            }
            foreach [json, string] [memberSchema, pointer] in applied {
                JsonSchemaFailure? failure = check jsonSchemaFailure(instance.get(name), memberSchema, root,
                    string `${instancePointer}/${jsonPointerToken(name)}`, pointer, 0);
                if failure !is () {
                    return failure;
                }
            }
        }
    } else if instance is json[] {
        json items = schema["items"];
        json additional = schema["additionalItems"];
        foreach int i in 0 ..< instance.length() {
            json itemSchema = ();
            string pointer = "";
            if items is map<json> {
                itemSchema = items;
                pointer = schemaPointer + "/items";
            } else if items is json[] && i < items.length() {
                itemSchema = items[i];
                pointer = string `${schemaPointer}/items/${i}`;
            } else if items is json[] && additional is map<json> {
                itemSchema = additional;
                pointer = schemaPointer + "/additionalItems";
            }
            if itemSchema !is () {
                JsonSchemaFailure? failure = check jsonSchemaFailure(instance[i], itemSchema, root,
                    string `${instancePointer}/${i}`, pointer, 0);
                if failure !is () {
                    return failure;
                }
            }
        }
    }
    return ();
}

# One keyword of a schema checked on the instance (whose fge type name is `found`), with fge's message on failure.
function jsonSchemaKeywordFailure(string keyword, json instance, string found, map<json> schema, json root,
        string instancePointer, string schemaPointer) returns JsonSchemaFailure|error? {
    json value = schema[keyword];
    string? message = ();
    [string, json][] arguments = [];
    match keyword {
        "additionalItems" => {
            json items = schema["items"];
            if instance is json[] && value == false && items is json[] && instance.length() > items.length() {
                message = string `schema only allows ${items.length()} elements in array but instance has ${instance.length()} elements`;
                arguments = [["allowed", items.length()], ["found", instance.length()]];
            }
        }
        "additionalProperties" => {
            if instance is map<json> && value == false {
                map<json> properties = check jsonSchemaObject(schema["properties"], "properties", schemaPointer);
                map<json> patterns = check jsonSchemaObject(schema["patternProperties"], "patternProperties", schemaPointer);
                json[] unwanted = [];
                foreach string name in instance.keys().sort() {
                    boolean matched = properties.hasKey(name);
                    foreach string pattern in patterns.keys() {
                        matched = matched || regexp:find(check jsonSchemaRegex(pattern, schemaPointer), name) !is ();
                    }
                    if !matched {
                        unwanted.push(name);
                    }
                }
                if unwanted.length() > 0 {
                    message = "object instance has properties which are not allowed by the schema: " + compactJson(unwanted);
                    arguments = [["unwanted", unwanted]];
                }
            }
        }
        "allOf"|"anyOf"|"oneOf" => {
            if value !is json[] {
                return error(string `invalid JSON schema at #${schemaPointer}: ${keyword} is not an array`);
            }
            int matched = 0;
            foreach int i in 0 ..< value.length() {
                if check jsonSchemaFailure(instance, value[i], root, instancePointer, string `${schemaPointer}/${keyword}/${i}`, 0) is () {
                    matched += 1;
                }
            }
            int total = value.length();
            if keyword == "allOf" && matched < total {
                message = string `instance failed to match all required schemas (matched only ${matched} out of ${total})`;
                arguments = [["matched", matched], ["nrSchemas", total]];
            } else if keyword == "anyOf" && matched == 0 {
                message = string `instance failed to match at least one required schema among ${total}`;
                arguments = [["nrSchemas", total]];
            } else if keyword == "oneOf" && matched != 1 {
                message = string `instance failed to match exactly one schema (matched ${matched} out of ${total})`;
                arguments = [["matched", matched], ["nrSchemas", total]];
            }
        }
        "not" => {
            if check jsonSchemaFailure(instance, value, root, instancePointer, schemaPointer + "/not", 0) is () {
                message = "instance matched a schema which it should not have";
            }
        }
        "enum" => {
            if value !is json[] {
                return error(string `invalid JSON schema at #${schemaPointer}: enum is not an array`);
            }
            boolean listed = false;
            foreach json item in value {
                listed = listed || jsonSchemaEquals(instance, item);
            }
            if !listed {
                message = string `instance value (${compactJson(instance)}) not found in enum (possible values: ${compactJson(value)})`;
                arguments = [["value", instance], ["enum", value]];
            }
        }
        "type" => {
            string[] allowed = [];
            if value is string {
                allowed = [value];
            } else if value is json[] {
                foreach json item in value {
                    if item !is string {
                        return error(string `invalid JSON schema at #${schemaPointer}: type lists a non-string`);
                    }
                    allowed.push(item);
                }
            } else {
                return error(string `invalid JSON schema at #${schemaPointer}: type is neither a string nor an array`);
            }
            if allowed.indexOf("number") !is () && allowed.indexOf("integer") is () {
                allowed.push("integer");
            }
            if allowed.indexOf("any") !is () {
                return error(string `invalid JSON schema at #${schemaPointer}: "any" is a draft-3 type`);
            }
            if allowed.indexOf(found) is () {
                // fge lists the allowed types in its NodeType order, which is alphabetical.
                json[] expected = from string name in allowed.sort() select name;
                message = string `instance type (${found}) does not match any allowed primitive type (allowed: ${compactJson(expected)})`;
                arguments = [["found", found], ["expected", expected]];
            }
        }
        "maxItems"|"minItems" => {
            if instance is json[] {
                int bound = check jsonSchemaCount(value, keyword, schemaPointer);
                if keyword == "maxItems" && instance.length() > bound {
                    message = string `array is too long: must have at most ${bound} elements but instance has ${instance.length()} elements`;
                } else if keyword == "minItems" && instance.length() < bound {
                    message = string `array is too short: must have at least ${bound} elements but instance has ${instance.length()} elements`;
                }
                arguments = [[keyword, bound], ["found", instance.length()]];
            }
        }
        "uniqueItems" => {
            if instance is json[] && value == true {
                foreach int i in 0 ..< instance.length() {
                    foreach int j in i + 1 ..< instance.length() {
                        if message is () && jsonSchemaEquals(instance[i], instance[j]) {
                            message = "array must not contain duplicate elements";
                        }
                    }
                }
            }
        }
        "maxProperties"|"minProperties" => {
            if instance is map<json> {
                int bound = check jsonSchemaCount(value, keyword, schemaPointer);
                if keyword == "maxProperties" && instance.length() > bound {
                    message = string `object has too many properties (found ${instance.length()} but schema requires at most ${bound})`;
                } else if keyword == "minProperties" && instance.length() < bound {
                    message = string `object has too few properties (found ${instance.length()} but schema requires at least ${bound})`;
                }
                arguments = [["found", instance.length()], ["required", bound]];
            }
        }
        "maxLength"|"minLength" => {
            if instance is string {
                int bound = check jsonSchemaCount(value, keyword, schemaPointer);
                if keyword == "maxLength" && instance.length() > bound {
                    message = string `string "${instance}" is too long (length: ${instance.length()}, maximum allowed: ${bound})`;
                } else if keyword == "minLength" && instance.length() < bound {
                    message = string `string "${instance}" is too short (length: ${instance.length()}, required minimum: ${bound})`;
                }
                arguments = [["value", instance], ["found", instance.length()], [keyword, bound]];
            }
        }
        "pattern" => {
            if instance is string {
                if value !is string {
                    return error(string `invalid JSON schema at #${schemaPointer}: pattern is not a string`);
                }
                if regexp:find(check jsonSchemaRegex(value, schemaPointer), instance) is () {
                    message = string `ECMA 262 regex "${value}" does not match input string "${instance}"`;
                    arguments = [["regex", value], ["string", instance]];
                }
            }
        }
        "maximum"|"minimum" => {
            if instance is int|float|decimal {
                if value !is int|float|decimal {
                    return error(string `invalid JSON schema at #${schemaPointer}: ${keyword} is not a number`);
                }
                json exclusive = schema[keyword == "maximum" ? "exclusiveMaximum" : "exclusiveMinimum"];
                if exclusive !is () && exclusive !is boolean {
                    return error(string `invalid JSON schema at #${schemaPointer}: exclusive${keyword == "maximum" ? "Maximum" : "Minimum"} is not a boolean (draft 4)`);
                }
                decimal bound = jsonSchemaDecimal(value);
                decimal number = jsonSchemaDecimal(instance);
                if keyword == "maximum" && number > bound {
                    message = string `numeric instance is greater than the required maximum (maximum: ${compactJson(value)}, found: ${compactJson(instance)})`;
                } else if keyword == "minimum" && number < bound {
                    message = string `numeric instance is lower than the required minimum (minimum: ${compactJson(value)}, found: ${compactJson(instance)})`;
                } else if number == bound && exclusive == true {
                    message = keyword == "maximum"
                        ? string `numeric instance is not strictly lower than the required maximum ${compactJson(value)}`
                        : string `numeric instance is not strictly greater than the required minimum ${compactJson(value)}`;
                }
                arguments = [[keyword, value], ["found", instance]];
            }
        }
        "exclusiveMaximum"|"exclusiveMinimum" => {
            if value !is boolean {
                return error(string `invalid JSON schema at #${schemaPointer}: ${keyword} is not a boolean (draft 4)`);
            }
        }
        "multipleOf" => {
            if instance is int|float|decimal {
                if value !is int|float|decimal {
                    return error(string `invalid JSON schema at #${schemaPointer}: multipleOf is not a number`);
                }
                decimal divisor = jsonSchemaDecimal(value);
                if divisor <= 0d {
                    return error(string `invalid JSON schema at #${schemaPointer}: multipleOf is not a positive number`);
                }
                if jsonSchemaDecimal(instance) % divisor != 0d {
                    message = string `remainder of division is not zero (${compactJson(instance)} / ${compactJson(value)})`;
                    arguments = [["value", instance], ["divisor", value]];
                }
            }
        }
        "required" => {
            if value !is json[] {
                return error(string `invalid JSON schema at #${schemaPointer}: required is not an array`);
            }
            if instance is map<json> {
                map<json> members = instance;
                string[] names = [];
                foreach json name in value {
                    if name !is string {
                        return error(string `invalid JSON schema at #${schemaPointer}: required lists a non-string`);
                    }
                    if names.indexOf(name) is () {
                        names.push(name);
                    }
                }
                json[] missing = from string name in names.sort() where !members.hasKey(name) select name;
                if missing.length() > 0 {
                    message = string `object has missing required properties (${compactJson(missing)})`;
                    json[] required = from string name in names.sort() select name;
                    arguments = [["required", required], ["missing", missing]];
                }
            }
        }
    }
    if message is () {
        return ();
    }
    return {message, keyword, schemaPointer, instancePointer, arguments};
}

# The fge type name of a JSON value: an integral number is "integer", any other "number".
function jsonSchemaType(json value) returns string {
    if value is () {
        return "null";
    } else if value is boolean {
        return "boolean";
    } else if value is int {
        return "integer";
    } else if value is float|decimal {
        return "number";
    } else if value is string {
        return "string";
    } else if value is json[] {
        return "array";
    }
    return "object";
}

# Equality as fge's enum and uniqueItems read it: numbers by value (1 equals 1.0), the rest structurally.
function jsonSchemaEquals(json a, json b) returns boolean {
    if a is int|float|decimal && b is int|float|decimal {
        return jsonSchemaDecimal(a) == jsonSchemaDecimal(b);
    }
    if a is json[] && b is json[] {
        if a.length() != b.length() {
            return false;
        }
        foreach int i in 0 ..< a.length() {
            if !jsonSchemaEquals(a[i], b[i]) {
                return false;
            }
        }
        return true;
    }
    if a is map<json> && b is map<json> {
        if a.length() != b.length() {
            return false;
        }
        foreach [string, json] [name, item] in a.entries() {
            if !b.hasKey(name) || !jsonSchemaEquals(item, b.get(name)) {
                return false;
            }
        }
        return true;
    }
    return a == b;
}

function jsonSchemaDecimal(int|float|decimal value) returns decimal => value is decimal ? value : <decimal>value;

# A keyword's non-negative integer value (maxItems, minLength, ...).
function jsonSchemaCount(json value, string keyword, string schemaPointer) returns int|error {
    if value is int && value >= 0 {
        return value;
    }
    return error(string `invalid JSON schema at #${schemaPointer}: ${keyword} is not a non-negative integer`);
}

# A keyword's object value (properties, patternProperties), `{}` when the schema has none.
function jsonSchemaObject(json value, string keyword, string schemaPointer) returns map<json>|error {
    if value is () {
        return {};
    }
    if value is map<json> {
        return value;
    }
    return error(string `invalid JSON schema at #${schemaPointer}: ${keyword} is not an object`);
}

# A schema's pattern as a Ballerina regular expression (searched, as the ECMA 262 `test` fge runs), or an error
# naming it when Ballerina does not read it.
function jsonSchemaRegex(string pattern, string schemaPointer) returns regexp:RegExp|error {
    regexp:RegExp|error compiled = regexp:fromString(pattern);
    if compiled is error {
        return error(string `JSON schema pattern "${pattern}" at #${schemaPointer} is not a Ballerina regular expression`, compiled);
    }
    return compiled;
}

# The value a JSON pointer (RFC 6901, already URL-decoded) selects in `root`.
function jsonPointerValue(json root, string pointer) returns json|error {
    if pointer == "" {
        return root;
    }
    if !pointer.startsWith("/") {
        return error(string `unsupported JSON schema $ref "#${pointer}"`);
    }
    json current = root;
    foreach string raw in re `/`.split(pointer.substring(1)) {
        string token = re `~0`.replaceAll(re `~1`.replaceAll(raw, "/"), "~");
        json next;
        if current is map<json> && current.hasKey(token) {
            next = current.get(token);
        } else if current is json[] && re `[0-9]+`.isFullMatch(token) && token.length() < 10 && (check int:fromString(token)) < current.length() {
            next = current[check int:fromString(token)];
        } else {
            return error(string `JSON schema $ref "#${pointer}" names nothing in the schema`);
        }
        current = next;
    }
    return current;
}

# A name as a JSON pointer token: `~` as `~0`, `/` as `~1`.
function jsonPointerToken(string name) returns string => re `/`.replaceAll(re `~`.replaceAll(name, "~0"), "~1");
