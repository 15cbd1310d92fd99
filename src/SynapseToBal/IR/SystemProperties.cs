namespace SynapseToBal.IR;

/// <summary>
/// The default-scope property names Synapse, the Micro Integrator or the runtime module give a meaning to. The lowering
/// reads them (a get-property of such a name is no key the project forgot to set, SB0601) and so does the refiner (such a
/// property always stays in the context, <c>PropertyLocalAnalysis</c>): the list is here, in the stage both reach.
/// </summary>
public static class SystemProperties
{
    /// <summary>
    /// Default-scope properties Synapse, the Micro Integrator or the runtime module give a meaning to (they are read
    /// by name outside the generated bodies, or change how a message is sent): they always stay in the context.
    /// The runtime's own names are checked against support.bal by a test.
    /// </summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SYNAPSE_REST_API", "ERROR_CODE", "ERROR_MESSAGE", "ERROR_DETAIL", "ERROR_EXCEPTION", "DBREPORT_MODIFIED_RAW_COUNT",
        "SET_ROLLBACK_ONLY", "SET_REQUEUE_ON_ROLLBACK",
        // Set on every message an inbound endpoint injects (InboundEndpointConstants; setInboundEndpointProperties).
        "inbound.endpoint.name", "ARTIFACT_NAME", "isInbound",
        "requestHash", "CachableResponse", "OUT_ONLY", "RESPONSE", "FORCE_ERROR_ON_SOAP_FAULT", "PRESERVE_WS_ADDRESSING",
        "preserveProcessedHeaders", "FAULTS_AS_HTTP_200", "BLOCKING_SENDER_PRESERVE_REQ_HEADERS", "FORCE_SC_ACCEPTED",
        "NO_KEEPALIVE", "DISABLE_SMOOKS_RESULT_PAYLOAD", "ClientApiNonBlocking", "TRANSPORT_IN_NAME", "HTTP_SC", "HTTP_SC_DESC",
        "messageType", "ContentType", "HTTP_METHOD", "REST_URL_POSTFIX", "NO_ENTITY_BODY", "TRANSPORT_HEADERS",
        "EXCESS_TRANSPORT_HEADERS", "FORCE_HTTP_1.0", "DISABLE_CHUNKING", "FORCE_HTTP_CONTENT_LENGTH",
        "COPY_CONTENT_LENGTH_FROM_INCOMING", "enableMTOM", "enableSwA", "enableREST", "POST_TO_URI", "CHARACTER_SET_ENCODING",
        "FORCE_POST_PUT_NOBODY", "MESSAGE_FORMAT", "JSON_STREAM", "SERVICE_PREFIX", "TRANSPORT_OUT_NAME", "REQUEST_HOST_HEADER",
        "HTTP_ETAG", "NON_ERROR_HTTP_STATUS_CODES", "PASSTHROUGH_PIPE", "message.builder.invoked", "RESPONSE_WRITTEN", "FORCE_REST",
        "SYSTEM_TIME", "SYSTEM_DATE", "MESSAGE_ID", "MessageID", "To", "From", "FaultTo", "ReplyTo", "RelatesTo", "Action",
        "OperationName", "ERROR_CODE_DETAIL", "SERVER_IP", "SERVER_HOST", "_SYSTEM_ERROR_", "ENDPOINT_PREFIX", "BLOCKING_SENDER_ERROR",
        // Set on an API's request by newContext (setRestProperties), as API.process, ApiUtils and Resource.canProcess do.
        "REST_FULL_REQUEST_PATH", "REST_SUB_REQUEST_PATH", "REST_METHOD", "REST_API_CONTEXT", "REST_URL_PREFIX",
        "SYNAPSE_REST_API_VERSION", "SYNAPSE_REST_API_VERSION_STRATEGY",

        // Read or set by name in the generated templates: the forwarding processor's target, the Kafka record's facts.
        "target.endpoint", "topic", "partitionNo", "partition", "offset", "timestamp",
        // Set by the file connector's read helper (FileRead).
        "readingFileName",
        // Set by ldap.init and read by the LDAP connector helpers when they connect.
        "providerUrl", "securityPrincipal", "securityCredentials",
        // Read by the Amazon S3 connector helpers when they sign a request (AmazonS3AuthConnector reads the message's
        // own properties by name), and set by them.
        "accessKeyId", "secretAccessKey", "methodType", "contentMD5", "contentType", "bucketName", "isXAmzDate",
        "xAmzSecurityToken", "xAmzAcl", "xAmzGrantRead", "xAmzGrantWrite", "xAmzGrantReadAcp", "xAmzGrantWriteAcp",
        "xAmzGrantFullControl", "xAmzMeta", "xAmzServeEncryption", "xAmzStorageClass", "xAmzWebsiteLocation", "xAmzMfa",
        "xAmzCopySource", "xAmzMetadataDirective", "xAmzCopySourceIfMatch", "xAmzCopySourceIfNoneMatch",
        "xAmzCopySourceIfUnmodifiedSince", "xAmzCopySourceIfModifiedSince", "date", "isXAmzDateValue", "authenticationCode",
        // Set by the Redis connector helpers: the template's parameters (its property mediators), the class's result,
        // the template's redisResponse and HDel's status.
        "result", "redisResponse", "redisResponseStatus", "redisMessage", "redisKey", "redisValue", "redisInteger", "redisSeconds",
        "redisField", "redisFields", "mediaType", "redisStrings", "redisStart", "redisEnd", "redisMembers", "redisMember",
        // Set by the JMS inbound endpoint's setJmsInboundFacts, as JMSInjectHandler sets them.
        "JMS_COORELATION_ID", "jms.message.delivery.count",
    };

    private static readonly string[] Prefixes = ["uri.var.", "query.param.", "http.", "transport.", "synapse.", "axis2.", "JMS_", "MI_", "publishMessages:", "EMAIL-HEADER"];

    /// <summary>
    /// Default-scope properties Synapse sets on a message that the generated code does not model as properties (an API's
    /// dispatch, RESTConstants; a proxy's name): a get-property of one is no key the project forgot to set (SB0601),
    /// whatever the generated code reads for it. The refiner does not read this list.
    /// </summary>
    public static readonly IReadOnlySet<string> SetBySynapse = new HashSet<string>(StringComparer.Ordinal)
    {
        "rest.url.pattern", "SYNAPSE_RESOURCE", "PROCESSED_API", "SELECTED_RESOURCE",
        "RESOURCE_PATH", "proxy.name", "OriginalMessageID", "last_endpoint",
    };

    /// <summary>True for a property Synapse, the Micro Integrator or the runtime module read or set by name.</summary>
    public static bool IsSystem(string property) =>
        Names.Contains(property)
        || Prefixes.Any(p => property.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || property.Contains("FOREACH_", StringComparison.OrdinalIgnoreCase)
        || property.Any(c => c is '{' or '}' or '$');
}
