using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// get-property('OperationName') (GetPropertyFunction: the local name of the Axis2 message's AxisOperation) is
/// 'mediate' in the in flow of an API resource and of a proxy without a WSDL, while the flow holds the request context
/// its entry point dispatched; anywhere else it stays SB0203.
/// </summary>
public sealed class OperationNameTests
{
    private const string Read = """<property name="op" expression="get-property('OperationName')"/>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string artifacts)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("a.xml", $"<definitions xmlns=\"http://ws.apache.org/ns/synapse\">{artifacts}</definitions>", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static int Untranslated(string artifacts) => Lower(artifacts).Diagnostics.Items.Count(d => d.Id == "SB0203");

    private static string Api(string inFlow, string outFlow = "") =>
        $"""<api name="A" context="/a"><resource methods="POST"><inSequence>{inFlow}</inSequence>{(outFlow.Length > 0 ? $"<outSequence>{outFlow}</outSequence>" : "")}</resource></api>""";

    private const string Call = """<call><endpoint><http method="post" uri-template="http://b.example.com/x"/></endpoint></call>""";

    [Fact]
    public void An_api_request_is_dispatched_to_mediate()
    {
        var (package, diagnostics) = Lower(Api(Read + "<respond/>"));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0203");
        var set = package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body)).OfType<SetPropertyStep>().Single(s => s.Name == "op");
        Assert.Equal(new StringLiteralIr("mediate"), set.Value);
    }

    [Fact]
    public void A_proxy_without_a_wsdl_is_dispatched_to_mediate_one_with_a_wsdl_is_not()
    {
        Assert.Equal(0, Untranslated($"""<proxy name="P"><target><inSequence>{Read}<respond/></inSequence></target></proxy>"""));
        Assert.Equal(1, Untranslated($"""<proxy name="P"><target><inSequence>{Read}<respond/></inSequence></target><publishWSDL uri="file:repository/p.wsdl"/></proxy>"""));
    }

    [Fact]
    public void Inside_a_branch_of_the_in_flow_it_is_still_the_request()
    {
        Assert.Equal(0, Untranslated(Api($"""<filter xpath="true()"><then>{Read}</then></filter><respond/>""")));
    }

    [Fact]
    public void After_a_non_blocking_call_the_response_has_the_clients_operation()
    {
        Assert.Equal(1, Untranslated(Api(Call + Read + "<respond/>")));
        Assert.Equal(1, Untranslated(Api($"""<filter xpath="true()"><then>{Call}</then></filter>{Read}<respond/>""")));
        Assert.Equal(0, Untranslated(Api(Call.Replace("<call>", "<call blocking=\"true\">", StringComparison.Ordinal) + Read + "<respond/>")));
    }

    [Fact]
    public void Out_flows_named_sequences_and_split_copies_do_not_know_it()
    {
        Assert.Equal(1, Untranslated(Api("<send><endpoint><address uri=\"http://b.example.com/x\"/></endpoint></send>", Read + "<send/>")));
        Assert.Equal(1, Untranslated($"""<sequence name="S">{Read}</sequence>"""));
        Assert.Equal(1, Untranslated(Api($"""<clone sequential="true"><target><sequence>{Read}<respond/></sequence></target></clone>""")));
    }
}
