using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14, "output a Ballerina developer keeps": a proxy's services read as one group, a value a log and the test
/// after it both read is read once, and a proxy's own helpers are named without its Proxy suffix.
/// </summary>
public sealed class ProxyGroupAndRepeatedReadTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void A_proxys_services_are_documented_once_and_each_runs_its_flow_in_one_statement()
    {
        // With the main sequence's service at / (which answers the names no proxy has), the proxy keeps a service per
        // address (ProxyRouterTests: without it, the addresses are one service at /services).
        var main = ArtifactConversion.Convert($"""
            <proxy {Ns} name="OrderProxy"><target><inSequence><log level="full"/><respond/></inSequence></target></proxy>
            """, $"""<sequence {Ns} name="main"><log/><drop/></sequence>""")["main.bal"];

        // Every address is still answered, by a service of its own.
        foreach (var path in new[] { "/services/OrderProxy", "/services/OrderProxy.OrderProxyHttpSoap11Endpoint", "/services/OrderProxy.OrderProxyHttpSoap12Endpoint", "/services/OrderProxy.OrderProxyHttpEndpoint" })
        {
            Assert.Contains($"        return orderFlow(check newContext(request, (), \"{path}\"));\n", main, StringComparison.Ordinal);
        }

        Assert.Equal(5, Count(main, "\nservice "));
        Assert.Equal(4, Count(main, "return orderFlow(check newContext(request, (), "));

        // One documentation for the group, on the first service; the others have none.
        Assert.Equal(1, Count(main, "# Proxy service 'OrderProxy'"));
        Assert.Contains("# The 3 services that follow answer it at its Axis2 endpoint addresses as well\n# (/services/OrderProxy.OrderProxyHttpSoap11Endpoint, ...)", main, StringComparison.Ordinal);
        Assert.Contains("}\n\nservice \"/services/OrderProxy.OrderProxyHttpSoap11Endpoint\" on httpListener {\n    resource function", main, StringComparison.Ordinal);
        Assert.Equal(1, Count(main, "# ANY /services/"));
        Assert.DoesNotContain("Context ctx = check newContext(request, (), \"/services", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_service_that_registers_its_out_flow_keeps_its_context_local()
    {
        // The in flow calls a sequence that sends: the resource registers the out flow in the context first.
        var main = ArtifactConversion.Convert(
            $"""<sequence {Ns} name="Forward"><send><endpoint><address uri="http://backend.example.com/q"/></endpoint></send></sequence>""",
            $"""
            <proxy {Ns} name="QuoteProxy"><target><inSequence><sequence key="Forward"/></inSequence><outSequence><log/><respond/></outSequence></target></proxy>
            """)["main.bal"];

        // One arm of the /services service for the proxy's four addresses.
        Assert.Equal(1, Count(main, "Context ctx = check newContext(request, (), \"/services/\" + name);"));
        Assert.Equal(1, Count(main, "ctx.outFlow = "));
        Assert.DoesNotContain("(check newContext(", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_a_log_and_the_next_test_read_is_read_once_into_a_local()
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy {Ns} name="PingProxy"><target><inSequence>
              <log level="custom"><property name="action" expression="get-property('Action')"/></log>
              <filter source="get-property('Action')" regex="urn:ping"><then><respond/></then><else><drop/></else></filter>
            </inSequence></target></proxy>
            """)["functions.bal"];

        // Inside the do whose on fail runs the default fault sequence (the project defines no 'fault').
        Assert.Contains("        string action = check addressingAction(ctx);\n        log:printInfo(", functions, StringComparison.Ordinal);
        Assert.Contains("action = action);", functions, StringComparison.Ordinal);
        Assert.Contains("if action == \"urn:ping\" {", functions, StringComparison.Ordinal);
        Assert.Equal(1, Count(functions, "addressingAction(ctx)"));
    }

    [Fact]
    public void A_read_is_not_shared_when_the_log_can_fail_before_it_or_the_branches_read_it_again()
    {
        // Another argument of the log can fail before the read: reading it first would change which error is raised.
        var failing = ArtifactConversion.Convert($"""
            <proxy {Ns} name="PingProxy"><target><inSequence>
              <log level="custom"><property name="id" expression="json-eval($.id)"/><property name="action" expression="get-property('Action')"/></log>
              <filter source="get-property('Action')" regex="urn:ping"><then><respond/></then><else><drop/></else></filter>
            </inSequence></target></proxy>
            """)["functions.bal"];
        Assert.Equal(2, Count(failing, "check addressingAction(ctx)"));
        Assert.DoesNotContain("string action", failing, StringComparison.Ordinal);

        // The test reads the local; a statement in a branch, which runs after the branch may have changed things, does not.
        var branches = ArtifactConversion.Convert($"""
            <proxy {Ns} name="PingProxy"><target><inSequence>
              <log level="custom"><property name="action" expression="get-property('Action')"/></log>
              <filter source="get-property('Action')" regex="urn:ping"><then><header name="Action" value="urn:pong"/><log level="custom"><property name="now" expression="get-property('Action')"/></log><respond/></then><else><drop/></else></filter>
            </inSequence></target></proxy>
            """)["functions.bal"];
        Assert.Contains("if action == \"urn:ping\" {", branches, StringComparison.Ordinal);
        Assert.Contains("now = check addressingAction(ctx)", branches, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxys_own_helpers_drop_its_proxy_suffix_and_keep_their_configurables()
    {
        var files = ArtifactConversion.Convert($"""
            <proxy {Ns} name="QuoteProxy"><target><inSequence>
              <clone><target><endpoint><address uri="http://a.example.com/q"/></endpoint></target><target><endpoint><address uri="http://b.example.com/q"/></endpoint></target></clone>
            </inSequence><outSequence><aggregate><onComplete expression="//price"><respond/></onComplete></aggregate></outSequence>
            <endpoint><address uri="http://backend.example.com/q"/></endpoint></target></proxy>
            """);
        var all = string.Concat(files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));

        Assert.Contains("function quoteCloneTarget1(", all, StringComparison.Ordinal);
        Assert.DoesNotContain("quoteProxyCloneTarget", all, StringComparison.Ordinal);
        // The proxy's own flow drops the suffix too (NameStabilityTests); the URL configurables (Config.toml keys) keep their names.
        Assert.Contains("function quoteFlow(", all, StringComparison.Ordinal);
        Assert.Contains("configurable string quoteProxy", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QuoteProxy", "Quote")]
    [InlineData("quote-proxy", "quote")]
    [InlineData("QUOTE_PROXY", "QUOTE")]
    [InlineData("StockQuoteProxy", "StockQuote")]
    [InlineData("Proxy", null)]
    [InlineData("Galaxyproxy", null)]
    [InlineData("SOAPProxy", null)]
    [InlineData("PassThrough", null)]
    public void A_proxy_name_loses_only_a_whole_trailing_proxy_word(string name, string? expected) =>
        Assert.Equal(expected, IR.SymbolWords.ShortProxyName(name));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
