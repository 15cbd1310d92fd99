using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14, "output a Ballerina developer keeps": the proxies' addresses are one service at /services that matches the
/// proxy's name, a sequence only tasks run has no answer to return, and a property a log and the next statement both
/// read is read once.
/// </summary>
public sealed class ProxyRouterTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    private static string Proxy(string name, string transports = "") =>
        $"""<proxy {Ns} name="{name}"{(transports.Length > 0 ? $" transports=\"{transports}\"" : string.Empty)}><target><inSequence><log level="full"/><respond/></inSequence></target></proxy>""";

    [Fact]
    public void The_proxies_are_one_service_at_services_matching_every_address_of_each()
    {
        var main = ArtifactConversion.Convert(Proxy("OrderProxy"), Proxy("StockProxy"))["main.bal"];

        Assert.Equal(1, Count(main, "\nservice "));
        // One rest parameter: a `[string name]/[string... path]` resource would not match /services/OrderProxy itself.
        Assert.Contains("    resource function 'default [string... segments](http:Request request) returns http:Response|error {\n", main, StringComparison.Ordinal);
        Assert.Contains("        if segments.length() == 0 || escapedSegment(request, segments[0]) {\n            return serviceNotFound(request);\n        }\n"
            + "        string name = segments[0];\n", main, StringComparison.Ordinal);
        // These proxies publish no WSDL: the path after the name is read only for the ?wsdl / ?xsd queries the Micro
        // Integrator answers with the WSDL it generates (proxyMetadataQuery: a query on the address itself only).
        Assert.Contains("        string name = segments[0];\n        // What follows the name: the path the ?wsdl answer and the published WSDL's operation dispatch read.\n"
            + "        string[] path = segments.slice(1);\n        match name {\n", main, StringComparison.Ordinal);
        Assert.DoesNotContain("resource function 'default [string name]", main, StringComparison.Ordinal);
        Assert.Contains(
            "            \"OrderProxy\"\n"
            + "              | \"OrderProxy.OrderProxyHttpSoap11Endpoint\"\n"
            + "              | \"OrderProxy.OrderProxyHttpSoap12Endpoint\"\n"
            + "              | \"OrderProxy.OrderProxyHttpEndpoint\" => {\n"
            + "                // GET ...?wsdl and ?xsd: what the Micro Integrator answers for a proxy that publishes no WSDL;\n"
            + "                // ?wsdl2 (its WSDL 2.0) is not reproduced: 501. The flow does not run for any of them, as there.\n"
            + "                \"wsdl\"|\"wsdl2\"|\"xsd\"? metadataQuery = proxyMetadataQuery(request, path);\n"
            + "                if metadataQuery !is () {\n"
            + "                    return proxyMetadataResponse(request, metadataQuery, orderProxyWsdlPath);\n"
            + "                }\n"
            + "                return orderFlow(check newContext(request, (), \"/services/\" + name));\n"
            + "            }\n",
            main,
            StringComparison.Ordinal);
        Assert.Contains("return proxyMetadataResponse(request, metadataQuery, stockProxyWsdlPath);\n                }\n                return stockFlow(check newContext(request, (), \"/services/\" + name));\n", main, StringComparison.Ordinal);
        Assert.Contains("            // Proxy service 'OrderProxy' (a0.xml, line 1).\n", main, StringComparison.Ordinal);
        Assert.Contains("        }\n        // Any other name is no proxy service: answered 404 with no body, as the Micro Integrator's shipped main\n        // sequence answers it.\n        return serviceNotFound(request);\n    }\n}", main, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_gets_the_404_without_body_of_the_micro_integrators_main_sequence()
    {
        var files = ArtifactConversion.Convert(Proxy("OrderProxy"));

        Assert.Contains("function serviceNotFound(http:Request request) returns http:Response {", files["support.bal"], StringComparison.Ordinal);
        Assert.Contains("response.statusCode = http:STATUS_NOT_FOUND;", files["support.bal"], StringComparison.Ordinal);
        Assert.Contains("function escapedSegment(http:Request request, string name) returns boolean {", files["support.bal"], StringComparison.Ordinal);
        var notFound = files["support.bal"][files["support.bal"].IndexOf("function serviceNotFound(", StringComparison.Ordinal)..];
        notFound = notFound[..(notFound.IndexOf("\n}\n", StringComparison.Ordinal) + 3)];
        Assert.DoesNotContain("setPayload", notFound, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_at_the_root_keeps_a_service_per_address_as_it_answers_the_other_names()
    {
        // The main sequence's service (/) answers /services/X for an X no proxy has: one /services service would take it.
        var main = ArtifactConversion.Convert(Proxy("OrderProxy"), $"""<sequence {Ns} name="main"><log/><drop/></sequence>""")["main.bal"];
        Assert.Equal(5, Count(main, "\nservice "));
        Assert.DoesNotContain("service /services on", main, StringComparison.Ordinal);
        Assert.Contains("return orderFlow(check newContext(request, (), \"/services/OrderProxy.OrderProxyHttpEndpoint\"));", main, StringComparison.Ordinal);

        // An API at /services itself would be two services at one base path.
        var api = ArtifactConversion.Convert(Proxy("OrderProxy"), $"""<api {Ns} name="S" context="/services"><resource methods="GET" uri-template="/x"><inSequence><respond/></inSequence></resource></api>""")["main.bal"];
        Assert.DoesNotContain("match name", api, StringComparison.Ordinal);
        Assert.Equal(1, Count(api, "service /services on httpListener {"));
        Assert.Contains("service /services/OrderProxy on httpListener {", api, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_under_services_keeps_its_own_longer_base_path()
    {
        var main = ArtifactConversion.Convert(Proxy("OrderProxy"), $"""<api {Ns} name="S" context="/services/status"><resource methods="GET" uri-template="/x"><inSequence><respond/></inSequence></resource></api>""")["main.bal"];
        Assert.Contains("service /services/status on httpListener {", main, StringComparison.Ordinal);
        Assert.Contains("service /services on httpListener {", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Proxies_on_other_listeners_than_most_keep_their_services()
    {
        var main = ArtifactConversion.Convert(Proxy("OrderProxy", "http https"), Proxy("StockProxy", "http https"), Proxy("SecureProxy", "https"))["main.bal"];

        Assert.Contains("service /services on httpListener, httpsListener {", main, StringComparison.Ordinal);
        Assert.Contains("service /services/SecureProxy on httpsListener {", main, StringComparison.Ordinal);
        Assert.Contains("service \"/services/SecureProxy.SecureProxyHttpsEndpoint\" on httpsListener {", main, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SecureProxy\"", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_structure_keeps_each_proxys_services_in_its_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "OrderProxy.xml"), Proxy("OrderProxy"));
            File.WriteAllText(Path.Combine(folder, "StockProxy.xml"), Proxy("StockProxy"));
            var files = Converter.Convert(new ConversionOptions(folder) { KeepStructure = true }).Files.ToDictionary(f => f.RelativePath, f => f.Content);
            var all = string.Concat(files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal)).Select(f => f.Value));
            Assert.DoesNotContain("service /services on", all, StringComparison.Ordinal);
            Assert.Equal(8, Count(all, "\nservice "));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_sequence_only_tasks_run_ends_at_its_drop_with_nothing_to_return()
    {
        var files = ArtifactConversion.Convert(
            $"""<sequence {Ns} name="Heartbeat"><log level="custom"><property name="beat" value="x"/></log><filter source="get-property('stop')" regex="yes"><then><drop/></then></filter><log/><drop/></sequence>""",
            $"""<task {Ns} name="Beat" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="60"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Heartbeat"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><beat xmlns="">ping</beat></property></task>""");

        var functions = files["functions.bal"];
        Assert.Contains("function heartbeat(Context ctx) {\n", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted()", functions, StringComparison.Ordinal);
        Assert.Contains("        return;\n    }\n", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("    return;\n}", functions, StringComparison.Ordinal);
        Assert.Contains("        heartbeat(ctx);\n", files["tasks.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequence_a_proxy_also_runs_keeps_its_answer()
    {
        var files = ArtifactConversion.Convert(
            $"""<sequence {Ns} name="Heartbeat"><log/><drop/></sequence>""",
            $"""<task {Ns} name="Beat" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="60"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Heartbeat"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><beat xmlns="">ping</beat></property></task>""",
            $"""<proxy {Ns} name="BeatProxy"><target><inSequence><sequence key="Heartbeat"/></inSequence></target></proxy>""");

        Assert.Contains("return accepted();", files["functions.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("function heartbeat(Context ctx) {\n", files["functions.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_a_log_and_the_next_statement_read_is_read_once()
    {
        var functions = ArtifactConversion.Convert($"""
            <sequence {Ns} name="Fault">
              <log level="custom"><property name="error" expression="get-property('ERROR_MESSAGE')"/></log>
              <payloadFactory media-type="json"><format>{"{"}"detail": "$1"{"}"}</format><args><arg evaluator="xml" expression="get-property('ERROR_MESSAGE')"/></args></payloadFactory>
              <respond/>
            </sequence>
            """)["functions.bal"];

        // The log prints "null" for the property unset (SynapseXPath.stringValueOf's null), the payload "": the local
        // keeps that apart.
        Assert.Contains("    string? errorMessage = optionalPropertyText(ctx.properties[\"ERROR_MESSAGE\"]);\n    log:printInfo(", functions, StringComparison.Ordinal);
        Assert.Equal(1, Count(functions, "\"ERROR_MESSAGE\""));
        Assert.Equal(1, Count(functions, "(errorMessage ?: \"null\")"));
        Assert.Equal(1, Count(functions, "(errorMessage ?: \"\")"));
        Assert.Equal(3, Count(functions, "errorMessage"));
    }

    [Fact]
    public void A_property_is_read_again_when_something_between_may_set_it()
    {
        // A sequence call between the reads may set it.
        var called = ArtifactConversion.Convert(
            $"""<sequence {Ns} name="Other"><property name="ERROR_MESSAGE" value="changed"/></sequence>""",
            $"""
            <sequence {Ns} name="Fault">
              <log level="custom"><property name="error" expression="get-property('ERROR_MESSAGE')"/></log>
              <sequence key="Other"/>
              <payloadFactory media-type="json"><format>{"{"}"detail": "$1"{"}"}</format><args><arg evaluator="xml" expression="get-property('ERROR_MESSAGE')"/></args></payloadFactory>
              <respond/>
            </sequence>
            """)["functions.bal"];
        Assert.DoesNotContain("string errorMessage", called, StringComparison.Ordinal);
        Assert.Equal(2, Count(called, "getProperty(ctx, \"ERROR_MESSAGE\""));

        // The next statement reads it in a branch: the branch runs after the test, not with the read.
        var branch = ArtifactConversion.Convert($"""
            <sequence {Ns} name="Fault">
              <log level="custom"><property name="error" expression="get-property('ERROR_MESSAGE')"/></log>
              <filter source="get-property('x')" regex="y"><then><property name="ERROR_MESSAGE" value="z"/><log level="custom"><property name="again" expression="get-property('ERROR_MESSAGE')"/></log></then></filter>
              <respond/>
            </sequence>
            """)["functions.bal"];
        Assert.DoesNotContain("string errorMessage", branch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ERROR_MESSAGE", "errorMessage")]
    [InlineData("orderId", "orderId")]
    [InlineData("MessageID", "messageID")]
    [InlineData("order-total", "orderTotal")]
    [InlineData("error", null)]
    [InlineData("a:b", null)]
    [InlineData("1st", null)]
    public void The_local_is_named_after_the_property(string property, string? expected) =>
        Assert.Equal(expected, Emit.StatementWriter.PropertyLocalName(property));

    [Fact]
    public void An_endpoint_address_that_is_another_proxys_name_is_that_proxys()
    {
        // AxisConfiguration.getService looks among the services before the endpoint names: /services/A.AHttpEndpoint runs
        // the proxy named so, and two services at one base path would stop the listener from starting.
        var routed = ArtifactConversion.Convert(Proxy("A"), Proxy("A.AHttpEndpoint"))["main.bal"];
        Assert.Equal(1, Count(routed, "\"A.AHttpEndpoint\""));
        Assert.Contains("            \"A.AHttpEndpoint\"\n              | \"A.AHttpEndpoint.A.AHttpEndpointHttpSoap11Endpoint\"", routed, StringComparison.Ordinal);
        Assert.Contains("              | \"A.AHttpSoap12Endpoint\" => {", routed, StringComparison.Ordinal);

        var perAddress = ArtifactConversion.Convert(Proxy("A"), Proxy("A.AHttpEndpoint"), $"""<sequence {Ns} name="main"><log/><drop/></sequence>""")["main.bal"];
        Assert.Equal(1, Count(perAddress, "service \"/services/A.AHttpEndpoint\" on"));
        Assert.Contains("return aAHttpEndpointFlow(", perAddress[perAddress.IndexOf("service \"/services/A.AHttpEndpoint\" on", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

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
