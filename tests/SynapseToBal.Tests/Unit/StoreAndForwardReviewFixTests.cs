using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// What the runtime does where a review found it apart from the Micro Integrator: the properties a serialised message
/// store keeps, FORCE_ERROR_ON_SOAP_FAULT in a forwarding processor's attempts, WS-Addressing in a blocking send to a
/// failover or loadbalance member, and the decoding of a JSON schema's <c>$ref</c> fragment.
/// </summary>
public sealed class StoreAndForwardReviewFixTests
{
    private static string Function(string name) => RuntimeSourceText.Function(name);

    private static void InOrder(string text, params string[] parts) => RuntimeSourceText.InOrder(text, parts);

    [Fact]
    public void A_jdbc_store_connects_on_use_so_a_database_that_is_down_fails_its_stores_not_the_module()
    {
        // JDBCConfiguration.buildDataSource makes a pooled data source (DataSourceFactory) that connects on use.
        var store = Class("JdbcMessageStore");
        Assert.Contains("private final DbConnection db;", store, StringComparison.Ordinal);
        InOrder(store, "jdbc:Client|error db = self.db.jdbcClient();", "sql:ExecutionResult|error inserted = db is error ? db : db->execute(statement);",
            "ctx.statusCode = 500;", "jdbc:Client|error db = self.db.jdbcClient();", "if db is error {", "cannot read its table");
        Assert.DoesNotContain("self.db->", store, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jms_or_jdbc_store_keeps_only_the_string_and_xml_properties_as_message_converter_does()
    {
        // MessageConverter.toStorableMessage: a String property, or a list of OMElements; nothing else.
        var storable = Function("storableProperties");
        InOrder(storable,
            "foreach [string, anydata] [key, value] in properties.entries() {",
            "if value is string|xml {",
            "result[key] = value.toJson();");
        var stored = Function("storedMessageText");
        Assert.Contains("properties: storableProperties(ctx.properties),", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("properties: jsonMap(", stored, StringComparison.Ordinal);

        // Both serialised stores write that text; the in-memory queue keeps the context itself.
        Assert.Contains("storedMessageText(ctx, \"urn:uuid:\" + uuid:createType4AsString())", Class("JmsMessageStore"), StringComparison.Ordinal);
        Assert.Contains("storedMessageText(ctx, messageId)", Class("JdbcMessageStore"), StringComparison.Ordinal);
        Assert.DoesNotContain("storedMessageText", Class("MessageQueue"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_forwarding_attempt_fails_on_a_soap_fault_when_the_stored_message_forces_it()
    {
        // BlockingMsgSenderUtils.fillClientOptions reads FORCE_ERROR_ON_SOAP_FAULT on every blocking send; the
        // runtime checks the property itself (failOnBlockingSoapFault), so each attempt asks for the check.
        Assert.Contains("callBlocking(ctx, endpoint, path, method, format = format, nonErrorCodes = forwardReadCodes(nonErrorCodes, nonRetryCodes), soapFault = !forwardOutOnly(ctx), headers = headers);", Function("forwardAttemptTo"), StringComparison.Ordinal);
        Assert.Contains("wsAddressing, wsaTo, soapFault = !forwardOutOnly(ctx), method = template?.method, headers = headers);", Function("forwardAttemptAddressed"), StringComparison.Ordinal);
        Assert.Contains("soapFault = !forwardOutOnly(ctx), blocking = true", RuntimeSourceText.Support[RuntimeSourceText.Support.IndexOf("\nfunction forwardAttemptGroup(", StringComparison.Ordinal)..][..600], StringComparison.Ordinal);

        // The addressed blocking send passes soapFault (and a callout's action) on to blockingSend, which checks it.
        var addressed = RuntimeSourceText.Support[RuntimeSourceText.Support.IndexOf("\nfunction callBlockingAddressed(", StringComparison.Ordinal)..][..600];
        Assert.Contains("=> blockingSend(ctx, nonErrorCodes, soapAction, soapFault, () => callEndpointAddressed(ctx, endpoint, path, method, format,", addressed, StringComparison.Ordinal);
        InOrder(Function("blockingSend"), "if soapFault {", "check failOnBlockingSoapFault(ctx);");
        Assert.Contains("if ctx.properties[\"FORCE_ERROR_ON_SOAP_FAULT\"] != \"true\" {", Function("failOnBlockingSoapFault"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocking_send_to_a_group_member_with_addressing_adds_it_when_the_message_preserves_addressing()
    {
        InOrder(Function("callGroup"),
            "WsAddressing? addressing = member.addressing;",
            "error? result = blocking",
            "? (addressing is WsAddressing && preservesWsAddressing(ctx)",
            "? callBlockingAddressed(ctx, group.memberClient(index), memberPath, format, nonErrorCodes, addressing, member.url, soapFault, method, soapAction, headers)",
            ": callBlocking(ctx, group.memberClient(index), memberPath, method, format, nonErrorCodes, soapAction, soapFault, headers = headers))",
            ": addressing is WsAddressing",
            "? callEndpointAddressed(");
        // Boolean.parseBoolean: "true" in any case, a string only.
        Assert.Contains("return preserve is string && preserve.toLowerAscii() == \"true\";", Function("preservesWsAddressing"), StringComparison.Ordinal);
        Assert.Contains("if wsAddressing is () || !preservesWsAddressing(ctx) {", Function("forwardAttemptAddressed"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_schema_ref_fragment_decodes_only_percent_escapes_so_a_plus_stays_a_plus()
    {
        // fge resolves the fragment as java.net.URI decodes it; url:decode is Java's URLDecoder ('+' is a space).
        InOrder(Function("jsonSchemaFailure"),
            "string target = check url:decode(re `\\+`.replaceAll(ref.substring(1), \"%2B\"), \"UTF-8\");",
            "return jsonSchemaFailure(instance, check jsonPointerValue(root, target), root, instancePointer, target, refs + 1);");
    }

    /// <summary>The text of a top-level class of <c>support.bal</c>, to its closing brace at the start of a line.</summary>
    private static string Class(string name)
    {
        var support = RuntimeSourceText.Support;
        var start = support.IndexOf($"\nclass {name} {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no class {name}");
        var end = support.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return support[start..(end + 2)];
    }
}
