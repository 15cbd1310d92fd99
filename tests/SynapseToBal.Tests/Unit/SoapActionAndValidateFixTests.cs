using SynapseToBal.Emit;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Two runtime fixes from a Micro Integrator review: the pass-through TargetRequest writes the SOAPAction header of
/// every SOAP 1.1 message anew, quoted by SOAPMessageFormatter.formatSOAPAction (not only for an endpoint with
/// format="soap11"); ValidateMediator sets ERROR_EXCEPTION (the SAXParseException) beside ERROR_MESSAGE and
/// ERROR_DETAIL before on-fail runs.
/// </summary>
public sealed class SoapActionAndValidateFixTests
{
    private static readonly string Source = RuntimeSourceText.Support;

    private static string Function(string name) => RuntimeSourceText.Function(name);

    [Fact]
    public void Every_soap11_request_carries_its_action_quoted()
    {
        var request = Function("outboundRequest");
        // A SOAP 1.1 message only: JSON and text formatters give no action, application/xml the raw one, and a
        // blocking call of a REST message writes none, so those keep the header they carry.
        Assert.Contains("if bodyFormat(ctx.contentType) == \"soap\" && !isSoap12(ctx.contentType) {", request, StringComparison.Ordinal);
        Assert.Contains("string actionName = soapAction(ctx);", request, StringComparison.Ordinal);
        // Quoted once: an action that already starts with a quote is kept as it is (formatSOAPAction).
        Assert.Contains("request.setHeader(\"SOAPAction\", rest || actionName.startsWith(\"\\\"\") ? actionName : string `\"${actionName}\"`);", request, StringComparison.Ordinal);
        // After the message's own headers are copied, so the quoted one replaces an unquoted SOAPAction header.
        var headersCopied = request.IndexOf("headers(ctx, request);", StringComparison.Ordinal);
        Assert.True(headersCopied >= 0 && headersCopied < request.IndexOf("request.setHeader(\"SOAPAction\"", StringComparison.Ordinal));
        // An empty action writes no header.
        Assert.Contains("if actionName != \"\" {", request, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_validation_sets_error_exception()
    {
        var validate = Function("validationFails");
        var message = validate.IndexOf("ctx.properties[\"ERROR_MESSAGE\"] = message + \"\\n\";", StringComparison.Ordinal);
        var exception = validate.IndexOf("ctx.properties[\"ERROR_EXCEPTION\"] = error(message).toString();", StringComparison.Ordinal);
        Assert.True(message >= 0 && exception > message, validate);
        Assert.Contains("ctx.properties[\"ERROR_DETAIL\"] = message;", validate, StringComparison.Ordinal);
    }
}
