using System.Text.RegularExpressions;
using SynapseToBal.Driver;
using SynapseToBal.Refine;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The escape analysis that turns default-scope properties into typed locals (docs/design.md, "Properties as typed locals").</summary>
public sealed partial class PropertyLocalTests
{
    private const string Head = """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST" uri-template="/{id}"><inSequence>""";
    private const string Tail = """<respond/></inSequence></resource></api>""";

    [Fact]
    public void A_property_set_and_read_in_one_resource_is_a_typed_local()
    {
        var main = Convert(Head + """
            <property name="sku" expression="json-eval($.sku)"/>
            <property name="count" value="3" type="INTEGER"/>
            <log level="custom"><property name="sku" expression="$ctx:sku"/></log>
            <property name="HTTP_SC" expression="get-property('count')" scope="axis2" type="INTEGER"/>
            """ + Tail)["main.bal"];
        Assert.Contains("string sku = check jsonEval(ctx, \"$.sku\");", main);
        Assert.Contains("int count = 3;", main);
        Assert.Contains("sku = sku", main);
        Assert.Contains("setHttpSc(ctx, count);", main);
        Assert.DoesNotContain("ctx.properties[", main);
        Assert.DoesNotContain("getProperty(", main);
    }

    [Fact]
    public void A_property_a_called_sequence_reads_stays_in_the_context()
    {
        var files = Convert(Head + """<property name="sku" value="x"/><sequence key="Audit"/>""" + Tail,
            """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Audit"><log><property name="sku" expression="get-property('sku')"/></log></sequence>""");
        // In the context: a typed field of the Properties record (every write of it sets a string).
        Assert.Contains("ctx.properties.sku = \"x\";", files["main.bal"]);
        Assert.Contains("valueText(ctx.properties.sku, \"null\")", files["functions.bal"]);
    }

    [Fact]
    public void A_property_the_fault_sequence_reads_stays_in_the_context()
    {
        var files = Convert("""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><property name="step" value="validate"/><respond/></inSequence><faultSequence><log><property name="step" expression="$ctx:step"/></log><respond/></faultSequence></resource></api>""");
        Assert.Contains("ctx.properties.step = \"validate\";", files["main.bal"]);
    }

    [Fact]
    public void A_class_mediator_keeps_every_property_in_the_context()
    {
        var main = Convert(Head + """<property name="sku" value="x"/><class name="com.example.Audit"/><log><property name="sku" expression="$ctx:sku"/></log>""" + Tail)["main.bal"];
        Assert.Contains("ctx.properties[\"sku\"] = \"x\";", main);
    }

    [Fact]
    public void A_computed_property_name_keeps_every_property_in_the_context()
    {
        var main = Convert(Head + """<property name="sku" value="x"/><property name="which" expression="get-property(concat('s', 'ku'))"/><log><property name="sku" expression="$ctx:sku"/></log>""" + Tail)["main.bal"];
        // In the context, where the computed-name read sees it: a typed field (a read by name does not keep the map).
        Assert.Contains("ctx.properties.sku = \"x\";", main);
        Assert.Contains("check notTranslated(\"get-property(concat('s', 'ku'))\")", main);
    }

    [Fact]
    public void A_property_first_set_in_a_branch_starts_as_the_empty_string()
    {
        var main = Convert(Head + """
            <filter source="$trp:X-Mode" regex="strict"><then><property name="mode" value="strict"/></then></filter>
            <log><property name="mode" expression="$ctx:mode"/></log>
            """ + Tail)["main.bal"];
        Assert.Matches(@"string mode = """";\s+if ", main);
        Assert.Contains("mode = \"strict\";", main);
        Assert.Contains("mode = mode", main);
    }

    [Fact]
    public void A_property_holding_a_path_parameter_is_the_parameter()
    {
        var main = Convert(Head + """<property name="orderId" expression="$ctx:uri.var.id"/><log><property name="o" expression="$ctx:orderId"/></log>""" + Tail)["main.bal"];
        Assert.DoesNotContain("orderId", main);
        Assert.Contains("o = id", main);
    }

    [Fact]
    public void A_removed_property_stays_in_the_context()
    {
        var main = Convert(Head + """<property name="a" value="1"/><property name="a" action="remove"/><log><property name="a" expression="$ctx:a"/></log>""" + Tail)["main.bal"];
        Assert.Contains("ctx.properties[\"a\"] = \"1\";", main);
        Assert.Contains("getProperty(ctx, \"a\", \"null\")", main);
    }

    [Fact]
    public void A_value_stored_by_enrich_and_used_as_an_enrich_source_is_a_local_of_its_type()
    {
        var main = Convert(Head + """
            <enrich><source type="body"/><target type="property" property="original"/></enrich>
            <enrich><source type="custom" xpath="$body//id"/><target type="property" property="ids"/></enrich>
            <enrich><source type="property" property="original"/><target type="body"/></enrich>
            <log><property name="ids" expression="$ctx:ids"/></log>
            """ + Tail)["main.bal"];
        // clone="true" (the default): each source is read as a copy, as Synapse's enrich Source clones it.
        Assert.Contains("anydata original = (check bodySource(ctx)).clone();", main);
        Assert.Contains("xml ids = ", main);
        // A property may hold a JSON primitive: on the JSON path only an object or array replaces the body.
        Assert.Contains("check setPayloadPrimitive(ctx, original.clone());", main);
        // get-property of XML prints the nodes as SynapseXPath.stringValueOf does (one element: its own text).
        Assert.Contains("ids = xmlNodesText(ids)", main);
        Assert.DoesNotContain("ctx.properties[", main);
    }

    [Fact]
    public void Every_property_the_runtime_module_reads_by_name_is_a_system_property()
    {
        var support = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "runtime", "support.bal"));
        var constants = Constant().Matches(support).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        var names = PropertyKey().Matches(support).Select(m => m.Groups["literal"].Success ? m.Groups["literal"].Value : constants.GetValueOrDefault(m.Groups["const"].Value)).OfType<string>().ToList();
        Assert.NotEmpty(names);
        Assert.Contains("uri.var.", names);
        Assert.All(names, name => Assert.True(PropertyLocalAnalysis.IsSystem(name.EndsWith('.') ? name + "x" : name), name));

        // A loop over the properties that picks them by a prefix (the email connector's EMAIL-HEADER:, the Kafka
        // connector's publishMessages:) reads every property with that prefix: such properties stay in the context.
        var prefixes = PrefixRead().Matches(support).Select(m => m.Groups["prefix"].Value).ToList();
        Assert.Contains("EMAIL-HEADER", prefixes);
        Assert.All(prefixes, prefix => Assert.True(PropertyLocalAnalysis.IsSystem(prefix + ":X-Priority"), prefix));
    }

    [Fact]
    public void An_aggregate_branch_writes_nothing_for_a_property_nothing_reads()
    {
        // The out-flow mediators before the aggregate run in each branch: the sets nothing reads leave no local; a value
        // that can fail is still evaluated, as the property mediator fails the flow when its expression does.
        var functions = Convert("""
            <proxy xmlns="http://ws.apache.org/ns/synapse" name="QuoteProxy" transports="http"><target>
              <inSequence><iterate id="quotes" expression="//quote"><target><sequence><send><endpoint><address uri="http://localhost:9000/quotes"/></endpoint></send></sequence></target></iterate></inSequence>
              <outSequence><property name="tag" value="q"/><property name="sym" expression="json-eval($.symbol)"/>
                <aggregate id="quotes"><onComplete expression="//quoteResponse"><send/></onComplete></aggregate></outSequence>
            </target></proxy>
            """)["functions.bal"];
        var branch = Regex.Match(functions, @"function quoteIterateTarget\(Context ctx\)[^{]*\{\n(.*?)\n\}", RegexOptions.Singleline);

        Assert.True(branch.Success, functions);
        Assert.DoesNotContain("tag", branch.Groups[1].Value);
        Assert.DoesNotContain("string sym", branch.Groups[1].Value);
        Assert.Contains("_ = check jsonEval(ctx, \"$.symbol\");", branch.Groups[1].Value);

        // Elsewhere too: a property nothing reads has no local (docs/design.md, "Properties as typed locals"); one a log
        // reads keeps it.
        var unread = Convert(Head + """<property name="tag" value="q"/>""" + Tail)["main.bal"];
        Assert.DoesNotContain("string tag", unread);
        Assert.DoesNotContain("\"q\"", unread);
        Assert.Contains("string tag = \"q\";", Convert(Head + """<property name="tag" value="q"/><log level="custom"><property name="t" expression="get-property('tag')"/></log>""" + Tail)["main.bal"]);
    }

    private static Dictionary<string, string> Convert(params string[] artifacts) => ArtifactConversion.Convert(artifacts);

    [GeneratedRegex(@"^const (?<name>[A-Z_]+) = ""(?<value>[^""]*)"";", RegexOptions.Multiline)]
    private static partial Regex Constant();

    [GeneratedRegex(@"foreach \[string, anydata\] \[(?<key>\w+), \w+\] in ctx\.properties\.entries\(\) \{\s*if \k<key>\.startsWith\(""(?<prefix>[^""]+)""\)")]
    private static partial Regex PrefixRead();

    [GeneratedRegex(@"properties(?:\[|\.hasKey\(|\.removeIfHasKey\()(?:""(?<literal>[^""]+)""|(?<const>[A-Z_]+)\b)")]
    private static partial Regex PropertyKey();
}
