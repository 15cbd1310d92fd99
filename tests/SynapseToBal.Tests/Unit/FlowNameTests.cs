using System.Text.RegularExpressions;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Names a Ballerina developer would give (issue 14): an API's only out or fault flow is named after the API (without
/// its API suffix), a resource's after its path, resources with the same fault flow share one function, a short name
/// never depends on which artifact came first, and a fault function nothing can call is not declared.
/// </summary>
public sealed partial class FlowNameTests
{
    private const string Fault = """<faultSequence><log level="custom"><property name="event" value="failed"/></log><respond/></faultSequence>""";

    [Fact]
    public void A_short_name_is_kept_only_when_no_other_symbol_asks_for_it_whatever_the_order()
    {
        foreach (var shortFirst in new[] { true, false })
        {
            var symbols = new SymbolFactory();
            Symbol? sequence = shortFirst ? null : symbols.Module(SymbolKind.Function, "OrderAPIFault", "sequence");
            var flow = symbols.Module(SymbolKind.Function, "OrderAPI fault", fallbackHint: "OrderAPI GET /by id} fault");
            sequence ??= symbols.Module(SymbolKind.Function, "OrderAPIFault", "sequence");
            var unique = symbols.Module(SymbolKind.Function, "StockAPI fault", fallbackHint: "StockAPI POST root fault");
            var reserved = symbols.Module(SymbolKind.Function, "respond", fallbackHint: "respond api fault");
            var names = BallerinaRefiner.Refine(Package(symbols), RuntimeModule.BuiltIn.DeclaredNames).Names;

            Assert.Equal("orderApiFault", names[sequence]);
            Assert.Equal("orderApiGetByIdFault", names[flow]);
            Assert.Equal("stockApiFault", names[unique]);
            Assert.Equal("respondApiFault", names[reserved]);
        }
    }

    [Fact]
    public void An_apis_only_fault_and_out_flows_are_named_after_the_api_without_its_suffix()
    {
        var files = Convert("""
            <api xmlns="http://ws.apache.org/ns/synapse" name="StockAPI" context="/stock">
              <resource methods="GET" uri-template="/{sku}"><inSequence><call><endpoint><address uri="http://localhost:9000/stock"/></endpoint></call><respond/></inSequence>
              <faultSequence><log level="custom"><property name="event" value="failed"/></log><respond/></faultSequence></resource>
              <resource methods="POST" uri-template="/"><inSequence><send><endpoint><address uri="http://localhost:9000/stock"/></endpoint></send></inSequence>
              <outSequence><log/><send/></outSequence></resource>
            </api>
            """);
        Assert.Contains("function stockFault(Context ctx, error e)", files["functions.bal"]);
        Assert.Contains("function stockOut(Context ctx)", files["functions.bal"]);
        Assert.Contains("return stockFault(ctx, e);", files["main.bal"]);
    }

    [Fact]
    public void Resources_with_the_same_fault_flow_share_one_function_and_different_ones_keep_their_own()
    {
        var same = Convert(Api("StockAPI", Resource("GET", "/a", Fault), Resource("PUT", "/b", Fault)));
        Assert.Single(FaultFunctions().Matches(same["functions.bal"]));
        Assert.Contains("# Fault flow of StockAPI GET /a, PUT /b: runs when the in or out flow fails.", same["functions.bal"]);
        Assert.Equal(2, Regex.Matches(same["main.bal"], @"return stockFault\(ctx, e\);").Count);

        var different = Convert(Api("StockAPI", Resource("GET", "/a", Fault), Resource("PUT", "/b", Fault.Replace("failed", "other", StringComparison.Ordinal))));
        Assert.Equal(["aFault", "bFault"], FaultFunctions().Matches(different["functions.bal"]).Select(m => m.Groups[1].Value));

        // Two methods on one path: the path alone is asked for twice, so both take the method too.
        var samePath = Convert(Api("StockAPI", Resource("GET", "/items", Fault), Resource("PUT", "/items", Fault.Replace("failed", "other", StringComparison.Ordinal))));
        Assert.Equal(["getItemsFault", "putItemsFault"], FaultFunctions().Matches(samePath["functions.bal"]).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void An_unrelated_artifact_changes_no_name_and_a_colliding_one_takes_a_longer_name_not_a_number()
    {
        var api = Api("StockAPI", Resource("GET", "/a", Fault));
        var alone = Convert(api);
        var withOther = Convert("""<sequence xmlns="http://ws.apache.org/ns/synapse" name="Audit"><log/></sequence>""", api);
        Assert.Contains("function stockFault(", alone["functions.bal"]);
        Assert.Contains("function stockFault(", withOther["functions.bal"]);

        var colliding = Convert("""<sequence xmlns="http://ws.apache.org/ns/synapse" name="StockFault"><log/></sequence>""", api);
        Assert.Contains("function stockFault(Context ctx) {", colliding["functions.bal"]);
        Assert.Contains("function stockApiFault(Context ctx, error e)", colliding["functions.bal"]);
        Assert.DoesNotContain("stockFault2", colliding["functions.bal"]);
    }

    [Fact]
    public void A_fault_function_no_body_can_call_is_not_declared()
    {
        // A respond can fail (writing the response), which runs the fault flow as in the MI: this flow ends with a drop.
        var files = Convert(Api("PingAPI", Resource("GET", "/ping", Fault, """<log level="custom"><property name="event" value="ping"/></log>""", "<drop/>")));
        Assert.DoesNotContain("Fault(", files["functions.bal"] + files["main.bal"]);
        Assert.DoesNotContain("on fail", files["main.bal"]);
        Assert.DoesNotContain("function recordError(", files["support.bal"]);

        var failing = Convert(Api("PingAPI", Resource("GET", "/ping", Fault, """<property name="x" expression="json-eval($.x)"/>""")));
        Assert.Contains("function pingFault(Context ctx, error e)", failing["functions.bal"]);
        Assert.Contains("return pingFault(ctx, e);", failing["main.bal"]);
    }

    [Fact]
    public void A_fault_flow_whose_lowering_reports_something_is_not_shared_and_a_todo_is_never_dropped()
    {
        const string classFault = """<faultSequence><class name="com.example.Audit"/><respond/></faultSequence>""";
        var result = ConvertWithDiagnostics(Api("StockAPI", Resource("GET", "/a", classFault), Resource("PUT", "/b", classFault)));
        // Both asked for the API's one fault name (the flows are the same), so both take their resource's long name.
        Assert.Equal(["stockApiGetAFault", "stockApiPutBFault"], FaultFunctions().Matches(result.Files["functions.bal"]).Select(m => m.Groups[1].Value));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "SB0231"));

        var uncallable = ConvertWithDiagnostics(Api("PingAPI", Resource("GET", "/ping", classFault, """<log level="custom"><property name="event" value="ping"/></log>""", "<drop/>")));
        Assert.DoesNotContain("on fail", uncallable.Files["main.bal"]);
        Assert.Contains("TODO(SB0231)", uncallable.Files["functions.bal"]);
    }

    private static string Api(string name, params string[] resources) =>
        $"""<api xmlns="http://ws.apache.org/ns/synapse" name="{name}" context="/{name.ToLowerInvariant()}">{string.Concat(resources)}</api>""";

    private static string Resource(string method, string path, string fault, string inFlow = """<property name="x" expression="json-eval($.x)"/>""", string end = "<respond/>") =>
        $"""<resource methods="{method}" uri-template="{path}"><inSequence>{inFlow}{end}</inSequence>{fault}</resource>""";

    private static PackageIr Package(SymbolFactory symbols)
    {
        var listener = symbols.Module(SymbolKind.Listener, "http listener");
        var port = symbols.Module(SymbolKind.Configurable, "http port");
        return new PackageIr(new ListenerIr(listener, new ConfigurableIr(port, ConfigurableType.Integer, "8290", "", false)), [], [], [], [], [], [], [.. symbols.ModuleSymbols]);
    }

    private static Dictionary<string, string> Convert(params string[] artifacts) => ConvertWithDiagnostics(artifacts).Files;

    private static (Dictionary<string, string> Files, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics) ConvertWithDiagnostics(params string[] artifacts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-names-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < artifacts.Length; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"a{i}.xml"), artifacts[i]);
            }

            var result = Converter.Convert(new ConversionOptions(folder));
            return (result.Files.ToDictionary(f => f.RelativePath, f => f.Content), result.Diagnostics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^function (\w+)\(Context ctx, error e\)", RegexOptions.Multiline)]
    private static partial Regex FaultFunctions();
}
