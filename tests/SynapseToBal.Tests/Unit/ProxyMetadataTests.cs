using System.Xml.Linq;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 9: what a proxy answers that is not a message for its flow (the WSDL the Micro Integrator generates for a
/// proxy without publishWSDL), and the end of a fault flow that answers nothing after a non-blocking send (SB0260).
/// </summary>
public sealed class ProxyMetadataTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    [Fact]
    public void Java_hash_map_order_is_by_bucket_then_by_insertion()
    {
        // "a".hashCode() = 97 (bucket 1), "b" = 98 (bucket 2), "q" = 113 (bucket 1): q and a share a bucket, kept in insertion order.
        Assert.Equal(["q", "a", "b"], Lowerer.JavaHashMapOrder(["b", "q", "a"], k => k));
    }

    [Fact]
    public void A_proxy_without_a_published_wsdl_answers_the_generated_one_with_a_port_per_exposed_transport()
    {
        var files = ArtifactConversion.Convert($"""<proxy xmlns="{Ns}" name="P" transports="http"><target><inSequence><drop/></inSequence></target></proxy>""");

        var wsdl = XElement.Parse(files["resources/P.wsdl"]);
        XNamespace w = "http://schemas.xmlsoap.org/wsdl/";
        Assert.Equal(["PHttpSoap11Endpoint", "PHttpSoap12Endpoint", "PHttpEndpoint"], wsdl.Element(w + "service")!.Elements(w + "port").Select(p => (string)p.Attribute("name")!));
        Assert.Equal("http://localhost:8290/services/P.PHttpSoap11Endpoint", (string)wsdl.Element(w + "service")!.Elements(w + "port").First().Elements().Single().Attribute("location")!);
        Assert.Equal("mediate", (string)wsdl.Element(w + "portType")!.Element(w + "operation")!.Attribute("name")!);
        Assert.Contains("proxyMetadataResponse(request, metadataQuery, pWsdlPath)", files["main.bal"], StringComparison.Ordinal);
        Assert.Contains("configurable string pWsdlPath = \"resources/P.wsdl\";", files["configs.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_on_jms_only_has_no_generated_wsdl()
    {
        var files = ArtifactConversion.Convert($"""<proxy xmlns="{Ns}" name="Q" transports="jms"><target><inSequence><drop/></inSequence></target></proxy>""");

        Assert.DoesNotContain("resources/Q.wsdl", files.Keys);
    }

    [Fact]
    public void An_empty_fault_flow_after_a_blocking_call_keeps_the_202()
    {
        var files = ArtifactConversion.Convert($"""
            <api xmlns="{Ns}" name="A" context="/a"><resource methods="POST"><inSequence><call blocking="true"><endpoint><address uri="http://b.example.com"/></endpoint></call><respond/></inSequence><faultSequence/></resource></api>
            """);

        Assert.DoesNotContain("unansweredFault", files["main.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_fault_flow_after_a_non_blocking_call_answers_a_backend_failure_502()
    {
        var files = ArtifactConversion.Convert($"""
            <api xmlns="{Ns}" name="A" context="/a"><resource methods="POST"><inSequence><call><endpoint><address uri="http://b.example.com"/></endpoint></call><respond/></inSequence><faultSequence/></resource></api>
            """);

        Assert.Contains("} on fail error e {", files["main.bal"], StringComparison.Ordinal);
        Assert.Contains("return unansweredFault(ctx, e);", files["main.bal"], StringComparison.Ordinal);
    }
}
