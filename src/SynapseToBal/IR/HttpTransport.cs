namespace SynapseToBal.IR;

/// <summary>
/// How a client writes its requests when axis2 transport switches (FORCE_HTTP_1.0, DISABLE_CHUNKING,
/// FORCE_HTTP_CONTENT_LENGTH with COPY_CONTENT_LENGTH_FROM_INCOMING) are set before the calls that use it.
/// </summary>
public enum HttpTransport
{
    /// <summary>HTTP/1.0, the body with a Content-Length (FORCE_HTTP_1.0: the pass-through sender buffers the message to measure it).</summary>
    Http10,

    /// <summary>HTTP/1.1, the body with a Content-Length instead of chunks (DISABLE_CHUNKING, FORCE_HTTP_CONTENT_LENGTH).</summary>
    Http11NoChunking,
}
