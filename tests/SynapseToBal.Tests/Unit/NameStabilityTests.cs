using System.Text.RegularExpressions;
using SynapseToBal.Driver;
using SynapseToBal.Refine;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Names stable across regenerations (issue 14): each module-level declaration takes the shortest name of its ladder
/// that no other declaration asks for, so adding an artifact whose names collide with nothing renames nothing, one
/// that collides lengthens exactly the names it collides with, and the order of the input files changes no name.
/// </summary>
public sealed partial class NameStabilityTests
{
    private const string Relay = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="RelayAPI" context="/relay">
          <resource methods="GET" uri-template="/status"><inSequence>
            <payloadFactory media-type="json"><format>{"status": "$1"}</format><args><arg evaluator="json" expression="$.status"/></args></payloadFactory>
            <respond/></inSequence>
            <faultSequence><log level="custom"><property name="event" value="status failed"/></log><respond/></faultSequence></resource>
          <resource methods="GET" uri-template="/ping"><inSequence><property name="x" expression="json-eval($.x)"/><respond/></inSequence>
            <faultSequence><log level="custom"><property name="event" value="ping failed"/></log><respond/></faultSequence></resource>
          <resource methods="POST" uri-template="/events"><inSequence><call><endpoint key="EventsEP"/></call><respond/></inSequence></resource>
        </api>
        """;

    private const string EventsEndpoint = """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="EventsEP"><address uri="http://localhost:9000/events"/></endpoint>""";

    private const string Audit = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Audit"><log level="custom"><property name="event" value="audit"/></log></sequence>""";

    /// <summary>An API of its own names only: nothing it asks for is asked for by the relay.</summary>
    private const string Inventory = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="InventoryAPI" context="/inventory">
          <resource methods="GET" uri-template="/stock"><inSequence>
            <payloadFactory media-type="json"><format>{"sku": "$1"}</format><args><arg evaluator="json" expression="$.sku"/></args></payloadFactory>
            <respond/></inSequence>
            <faultSequence><log level="custom"><property name="event" value="stock failed"/></log><respond/></faultSequence></resource>
          <resource methods="DELETE" uri-template="/stock/{sku}"><inSequence><property name="x" expression="json-eval($.x)"/><respond/></inSequence>
            <faultSequence><log level="custom"><property name="event" value="delete failed"/></log><respond/></faultSequence></resource>
        </api>
        """;

    /// <summary>An API with a GET /ping and a GET /status of its own, each with its fault flow: its names collide with the relay's.</summary>
    private const string Health = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="HealthAPI" context="/health">
          <resource methods="GET" uri-template="/ping"><inSequence><property name="x" expression="json-eval($.x)"/><respond/></inSequence>
            <faultSequence><log level="custom"><property name="event" value="health ping failed"/></log><respond/></faultSequence></resource>
          <resource methods="GET" uri-template="/status"><inSequence>
            <payloadFactory media-type="json"><format>{"healthy": "$1"}</format><args><arg evaluator="json" expression="$.healthy"/></args></payloadFactory>
            <respond/></inSequence>
            <faultSequence><log level="custom"><property name="event" value="health status failed"/></log><respond/></faultSequence></resource>
        </api>
        """;

    /// <summary>
    /// An API whose resources fan out: a scatter-gather building a JSON payload in each sequence (of two shapes, so that
    /// each sequence has a record of its own: records of one shape are one record), and an iterate.
    /// </summary>
    private const string Shelter = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="ShelterAPI" context="/shelter">
          <resource methods="POST" uri-template="/animals"><inSequence>
            <scatter-gather parallel-execution="true" result-target="animals" content-type="JSON">
              <aggregation expression="${payload.animal}"/>
              <sequence><payloadFactory media-type="json"><format>{"animal": {"name": "Rex", "ticket": ${payload.ticket}}}</format></payloadFactory></sequence>
              <sequence><payloadFactory media-type="json"><format>{"animal": {"name": "Tom", "ticket": ${payload.ticket}, "chip": "none"}}</format></payloadFactory></sequence>
            </scatter-gather>
            <respond/></inSequence></resource>
          <resource methods="POST" uri-template="/visits"><inSequence>
            <iterate expression="//visits/visit"><target><sequence><log level="custom"><property name="visit" expression="//visit/id"/></log></sequence></target></iterate>
            <respond/></inSequence></resource>
        </api>
        """;

    /// <summary>An API with a POST /animals fanning out too: its scatter-gather's names collide with the shelter's.</summary>
    private const string Zoo = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="ZooAPI" context="/zoo">
          <resource methods="POST" uri-template="/animals"><inSequence>
            <scatter-gather parallel-execution="true" result-target="animals" content-type="JSON">
              <aggregation expression="${payload.animal}"/>
              <sequence><payloadFactory media-type="json"><format>{"animal": {"name": "Leo", "cage": ${payload.cage}}}</format></payloadFactory></sequence>
            </scatter-gather>
            <respond/></inSequence></resource>
        </api>
        """;

    /// <summary>A named sequence with an iterate: a sequence's split targets keep the sequence's name.</summary>
    private const string SplitVisits = """
        <sequence xmlns="http://ws.apache.org/ns/synapse" name="SplitVisits">
          <iterate expression="//visits/visit"><target><sequence><log level="custom"><property name="visit" expression="//visit/id"/></log></sequence></target></iterate>
        </sequence>
        """;

    /// <summary>A proxy with an out and a fault flow of its own.</summary>
    private const string OrderProxy = """
        <proxy xmlns="http://ws.apache.org/ns/synapse" name="OrderProxy" transports="http"><target>
          <inSequence><property name="x" expression="//x"/><send><endpoint key="EventsEP"/></send></inSequence>
          <outSequence><log level="custom"><property name="event" value="answered"/></log><send/></outSequence>
          <faultSequence><log level="custom"><property name="event" value="order failed"/></log><respond/></faultSequence>
        </target></proxy>
        """;

    /// <summary>A proxy whose in sequence has an onError: its mediators are a function of their own.</summary>
    private const string QuoteProxy = """
        <proxy xmlns="http://ws.apache.org/ns/synapse" name="QuoteProxy" transports="http"><target>
          <inSequence onError="Audit"><property name="x" expression="//x"/><respond/></inSequence>
        </target></proxy>
        """;

    /// <summary>A sequence whose name is the order proxy's short fault function name.</summary>
    private const string OrderFault = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="OrderFault"><log level="custom"><property name="event" value="order fault"/></log></sequence>""";

    [Fact]
    public void Resource_functions_and_payload_records_take_the_shortest_name_no_other_declaration_asks_for()
    {
        var files = Convert(Relay, EventsEndpoint);
        Assert.Contains("function statusFault(Context ctx, error e)", files["functions.bal"]);
        Assert.Contains("function pingFault(Context ctx, error e)", files["functions.bal"]);
        Assert.Contains("type StatusResponse record {|", files["payloads.bal"]);
        Assert.Contains("StatusResponse payload = {", files["main.bal"]);
    }

    [Fact]
    public void Adding_an_artifact_with_unrelated_names_renames_nothing()
    {
        var before = Declarations(Convert(Relay, EventsEndpoint));
        var after = Declarations(Convert(Relay, EventsEndpoint, Audit, Inventory));
        Assert.Contains("pingFault", before);
        Assert.Contains("StatusResponse", before);
        Assert.Empty(before.Except(after));
        Assert.Contains("audit", after);
        Assert.Contains("stockFault", after);
        Assert.Contains("StockResponse", after);
    }

    [Fact]
    public void A_colliding_artifact_lengthens_only_the_names_it_collides_with_never_to_a_number()
    {
        var before = Declarations(Convert(Relay, EventsEndpoint));
        var after = Declarations(Convert(Relay, EventsEndpoint, Health));
        Assert.Equal(["StatusResponse", "pingFault", "statusFault"], before.Except(after).Order(StringComparer.Ordinal));
        Assert.Contains("relayGetPingFault", after);
        Assert.Contains("healthGetPingFault", after);
        Assert.Contains("relayGetStatusFault", after);
        Assert.Contains("healthGetStatusFault", after);
        Assert.Contains("RelayGetStatusResponse", after);
        Assert.Contains("HealthGetStatusResponse", after);
        Assert.DoesNotContain(after, n => Regex.IsMatch(n, @"(Fault|Response)\d+$"));
    }

    /// <summary>
    /// Four resources share one fault flow and a fifth has its own: the common one is named after the API, not after
    /// the four paths it serves (a real API gave a 169-character name); the fifth keeps its resource's name.
    /// </summary>
    [Fact]
    public void The_fault_flow_most_resources_share_is_named_after_the_api()
    {
        const string fault = """<faultSequence><log level="custom"><property name="failed" value="yes"/></log><respond/></faultSequence>""";
        string Resource(string method, string path) =>
            $"""<resource methods="{method}" uri-template="{path}"><inSequence><call><endpoint key="EventsEP"/></call><respond/></inSequence>{fault}</resource>""";
        var api = $$"""
            <api xmlns="http://ws.apache.org/ns/synapse" name="PlannerAPI" context="/planner">
              {{Resource("GET", "/users")}}{{Resource("POST", "/users")}}{{Resource("GET", "/plans")}}{{Resource("PUT", "/plans/{id}")}}
              <resource methods="DELETE" uri-template="/plans/{id}"><inSequence><call><endpoint key="EventsEP"/></call><respond/></inSequence><faultSequence><log level="custom"><property name="failed" value="delete"/></log><respond/></faultSequence></resource>
            </api>
            """;
        var names = Declarations(Convert(api, EventsEndpoint));
        Assert.Contains("plannerFault", names);
        Assert.Contains("plansByIdFault", names);
        Assert.DoesNotContain(names, n => n.EndsWith("Fault", StringComparison.Ordinal) && n.Length > "plansByIdFault".Length);
    }

    [Fact]
    public void Split_targets_scatter_gather_sequences_and_their_records_are_named_after_their_resource()
    {
        var files = Convert(Shelter);
        var names = Declarations(files);
        Assert.Contains("animalsScatterGather1", names);
        Assert.Contains("animalsScatterGather2", names);
        Assert.Contains("visitsIterateTarget", names);
        Assert.Contains("AnimalsScatterGather1Payload", names);
        Assert.DoesNotContain(names, n => n.StartsWith("shelterApi", StringComparison.Ordinal) || n.StartsWith("ShelterApi", StringComparison.Ordinal));

        // A named sequence's split target keeps the sequence's name: it has no resource to be named after.
        Assert.Contains("splitVisitsIterateTarget", Declarations(Convert(Shelter, SplitVisits)));
    }

    [Fact]
    public void A_fan_out_of_a_colliding_resource_lengthens_only_the_names_it_collides_with()
    {
        var before = Declarations(Convert(Shelter));
        var unrelated = Declarations(Convert(Shelter, SplitVisits, Inventory));
        Assert.Empty(before.Except(unrelated));

        var after = Declarations(Convert(Shelter, Zoo));
        Assert.Equal(["AnimalsScatterGather1Payload", "AnimalsScatterGather1PayloadAnimal", "animalsScatterGather1"], before.Except(after).Order(StringComparer.Ordinal));
        Assert.Contains("shelterPostAnimalsScatterGather1", after);
        Assert.Contains("zooPostAnimalsScatterGather1", after);
        Assert.Contains("ShelterPostAnimalsScatterGather1Payload", after);
        Assert.Contains("ZooPostAnimalsScatterGather1Payload", after);
        Assert.Contains("animalsScatterGather2", after);
        Assert.Contains("visitsIterateTarget", after);
        Assert.DoesNotContain(after, n => Regex.IsMatch(n, @"ScatterGather\d\d"));
    }

    [Fact]
    public void The_order_of_the_input_files_changes_no_name()
    {
        var forward = Convert(Relay, EventsEndpoint, Health, Inventory);
        var backward = Convert(Inventory, Health, EventsEndpoint, Relay);
        Assert.Equal(Declarations(forward).Order(StringComparer.Ordinal), Declarations(backward).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_naming_rule_is_independent_of_the_order_of_the_ladders()
    {
        IReadOnlyList<string>[] ladders =
        [
            ["pingFault", "getPingFault", "relayGetPingFault"],
            ["pingFault", "getPingFault", "healthGetPingFault"],
            ["statusFault", "getStatusFault", "relayGetStatusFault"],
            ["respond", "respondSequence"],
            ["'type", "typeFault"],
            ["orders"],
            ["orders"],
        ];
        var reserved = new HashSet<string>(["respond"], StringComparer.Ordinal);
        var forward = BallerinaRefiner.ChooseNames(ladders, reserved, [.. reserved]);
        Assert.Equal(["relayGetPingFault", "healthGetPingFault", "statusFault", "respondSequence", "typeFault", "orders", "orders2"], forward);

        var reversed = BallerinaRefiner.ChooseNames([.. Enumerable.Reverse(ladders)], reserved, [.. reserved]);
        Assert.Equal(forward.Take(5), reversed.Reverse().Take(5));
    }

    /// <summary>
    /// A shortening (a name without the path's parameters) is taken only when no other ladder holds it: two that
    /// collide both fall back to their longer names, and one that another ladder holds as an ordinary name never takes
    /// that name from it (the other declaration is named as without shortenings).
    /// </summary>
    [Fact]
    public void A_shortening_is_taken_only_where_no_other_ladder_holds_it()
    {
        (string, bool)[][] ladders =
        [
            [("OrderGetResponse", true), ("OrderGetByIdResponse", false), ("OrderApiGetByIdResponse", false)],
            [("OrderPostResponse", true), ("OrderPostByIdResponse", false), ("OrderApiPostByIdResponse", false)],
            [("OrderPostResponse", false), ("OrderApiPostResponse", false)],
            [("StockGetResponse", true), ("StockGetByIdResponse", false), ("StockApiGetByIdResponse", false)],
            [("StockGetResponse", true), ("StockGetBySkuResponse", false), ("StockApiGetBySkuResponse", false)],
        ];
        var admitted = BallerinaRefiner.AdmitShortenings(ladders);
        Assert.Equal(["OrderGetResponse", "OrderGetByIdResponse", "OrderApiGetByIdResponse"], admitted[0]);
        Assert.Equal(["OrderPostByIdResponse", "OrderApiPostByIdResponse"], admitted[1]);
        Assert.Equal(["OrderPostResponse", "OrderApiPostResponse"], admitted[2]);
        Assert.Equal(["StockGetByIdResponse", "StockApiGetByIdResponse"], admitted[3]);
        Assert.Equal(["StockGetBySkuResponse", "StockApiGetBySkuResponse"], admitted[4]);

        var names = BallerinaRefiner.ChooseNames(admitted, new HashSet<string>(StringComparer.Ordinal), []);
        Assert.Equal(["OrderGetResponse", "OrderPostByIdResponse", "OrderPostResponse", "StockGetByIdResponse", "StockGetBySkuResponse"], names);

        // Without the colliding declarations, the shortening is taken; the order of the ladders changes no name.
        var alone = BallerinaRefiner.ChooseNames(BallerinaRefiner.AdmitShortenings([ladders[1], ladders[3]]), new HashSet<string>(StringComparer.Ordinal), []);
        Assert.Equal(["OrderPostResponse", "StockGetResponse"], alone);
        var reversed = BallerinaRefiner.ChooseNames(BallerinaRefiner.AdmitShortenings([.. Enumerable.Reverse(ladders)]), new HashSet<string>(StringComparer.Ordinal), []);
        Assert.Equal(names, reversed.Reverse());
    }

    /// <summary>
    /// A proxy's own flows drop its Proxy suffix as an API's functions drop API (issue 14), each only while no other
    /// declaration asks for the short name: a sequence named OrderFault lengthens the proxy's fault function alone.
    /// </summary>
    [Fact]
    public void A_proxys_flow_functions_drop_its_proxy_suffix_where_no_other_declaration_asks_for_the_name()
    {
        var before = Declarations(Convert(OrderProxy, QuoteProxy, EventsEndpoint, Audit));
        Assert.Contains("orderFlow", before);
        Assert.Contains("orderOut", before);
        Assert.Contains("orderFault", before);
        Assert.Contains("quoteFlow", before);
        Assert.Contains("quoteInSequence", before);
        // The flows drop it; the configurable of the WSDL the proxy answers ?wsdl with names the proxy as Config.toml shows it.
        Assert.DoesNotContain(before, n => n.Contains("Proxy", StringComparison.Ordinal) && !n.EndsWith("ProxyWsdlPath", StringComparison.Ordinal));

        var after = Declarations(Convert(OrderProxy, QuoteProxy, EventsEndpoint, Audit, OrderFault));
        Assert.Empty(before.Except(after));
        Assert.Equal(["orderProxyFault"], after.Except(before));
        Assert.Contains("function orderFault(Context ctx)", string.Concat(Convert(OrderProxy, QuoteProxy, EventsEndpoint, Audit, OrderFault).Values));
    }

    /// <summary>An API whose GET /items resources differ by their query only (tried one after the other).</summary>
    private const string Shop = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="ShopAPI" context="/shop">
          <resource methods="GET" uri-template="/items?category={category}"><inSequence><log level="custom"><property name="c" expression="get-property('uri.var.category')"/></log><respond/></inSequence></resource>
          <resource methods="GET" uri-template="/items?name={name}&amp;page={page}"><inSequence><log level="custom"><property name="n" expression="get-property('uri.var.name')"/></log><respond/></inSequence></resource>
          <resource methods="GET" uri-template="/items"><inSequence><log level="custom"><property name="all" value="yes"/></log><respond/></inSequence></resource>
        </api>
        """;

    /// <summary>The same resources in another order.</summary>
    private const string ShopReordered = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="ShopAPI" context="/shop">
          <resource methods="GET" uri-template="/items?name={name}&amp;page={page}"><inSequence><log level="custom"><property name="n" expression="get-property('uri.var.name')"/></log><respond/></inSequence></resource>
          <resource methods="GET" uri-template="/items?category={category}"><inSequence><log level="custom"><property name="c" expression="get-property('uri.var.category')"/></log><respond/></inSequence></resource>
          <resource methods="GET" uri-template="/items"><inSequence><log level="custom"><property name="all" value="yes"/></log><respond/></inSequence></resource>
        </api>
        """;

    /// <summary>An API whose GET /items/{category} resource asks for the name a query alternative asks for first.</summary>
    private const string Catalog = """
        <api xmlns="http://ws.apache.org/ns/synapse" name="CatalogAPI" context="/catalog">
          <resource methods="GET POST" uri-template="/items/{category}"><inSequence><log level="custom"><property name="c" expression="get-property('uri.var.category')"/></log><respond/></inSequence></resource>
        </api>
        """;

    [Fact]
    public void Query_alternatives_are_named_after_their_query_parameters_whatever_their_order()
    {
        var names = Declarations(Convert(Shop));
        Assert.Contains("itemsByCategoryFlow", names);
        Assert.Contains("itemsByNameAndPageFlow", names);
        Assert.Contains("itemsFlow", names);
        Assert.DoesNotContain(names, n => Regex.IsMatch(n, "Flow[0-9]+$"));
        Assert.Equal(names, Declarations(Convert(ShopReordered)));
    }

    [Fact]
    public void A_query_alternative_whose_name_collides_lengthens_never_to_a_number()
    {
        var names = Declarations(Convert(Shop, Catalog));
        // Both ask for itemsByCategoryFlow first: each takes a longer name of its own ladder.
        Assert.DoesNotContain("itemsByCategoryFlow", names);
        Assert.Contains("getItemsByCategoryFlow", names);
        Assert.Contains("itemsByNameAndPageFlow", names);
        Assert.DoesNotContain(names, n => Regex.IsMatch(n, "Flow[0-9]+$"));
    }

    /// <summary>The module-level names the package declares (functions, types, classes, clients, configurables, listeners).</summary>
    private static HashSet<string> Declarations(Dictionary<string, string> files) =>
        [.. files.Where(f => f.Key.EndsWith(".bal", StringComparison.Ordinal) && f.Key is not ("support.bal" or "types.bal"))
            .SelectMany(f => Declaration().Matches(f.Value))
            .Select(m => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["value"].Value)];

    private static Dictionary<string, string> Convert(params string[] artifacts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-stable-names-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < artifacts.Length; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"a{i}.xml"), artifacts[i]);
            }

            var result = Converter.Convert(new ConversionOptions(folder));
            return result.Files.ToDictionary(f => f.RelativePath, f => f.Content);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^(?:(?:isolated|public|readonly)\s+)*(?:(?:function|class|type)\s+(?<name>'?\w+)|(?:final|configurable|listener)\s+[^=\n]*?\s(?<value>'?\w+)\s*=)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
