using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

// A forwarding processor sends to an http endpoint as HTTPEndpoint does for each stored message: its uri-template
// expanded from the message's uri.var.* / query.param.* properties and its method. A template holding what the runtime's
// expansion does not do is reported instead of sending elsewhere silently.
public sealed class ForwardingHttpTargetTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static (PackageIr Package, List<string> Warnings) Lower(string endpoint, bool fixedTarget = true)
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics,
            $"""<messageStore xmlns="{Ns}" name="Orders"/>""",
            endpoint,
            $"""
            <messageProcessor xmlns="{Ns}" name="Forwarder" class="org.apache.synapse.message.processor.impl.forwarder.ScheduledMessageForwardingProcessor" {(fixedTarget ? "targetEndpoint=\"Backend\"" : string.Empty)} messageStore="Orders">
              <parameter name="interval">1000</parameter>
            </messageProcessor>
            """);
        return (package, diagnostics.Items.Where(d => d.Id == "SB0206").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList());
    }

    [Fact]
    public void An_http_endpoint_with_a_path_and_method_forwards_to_its_expanded_template()
    {
        var (package, warnings) = Lower($"""<endpoint xmlns="{Ns}" name="Backend"><http method="put" uri-template="http://backend.example.com/orders/{"{uri.var.id}"}"/></endpoint>""");
        Assert.DoesNotContain(warnings, w => w.Contains("it is an http endpoint", StringComparison.Ordinal));
        var route = Assert.IsType<ForwardRouteIr.Http>(Assert.Single(package.MessageProcessors).Target);
        Assert.Equal(new ForwardTemplateIr("/orders/{uri.var.id}", "PUT", Whole: false), route.Template);
    }

    [Fact]
    public void An_http_endpoint_taking_its_host_from_the_message_forwards_to_the_whole_expansion()
    {
        var (package, warnings) = Lower($"""<endpoint xmlns="{Ns}" name="Backend"><http method="post" uri-template="http://{"{uri.var.host}"}/orders"/></endpoint>""");
        Assert.Empty(warnings);
        var route = Assert.IsType<ForwardRouteIr.Http>(Assert.Single(package.MessageProcessors).Target);
        Assert.Equal(new ForwardTemplateIr("http://{uri.var.host}/orders", "POST", Whole: true), route.Template);
    }

    [Fact]
    public void A_named_http_endpoint_taking_its_host_from_the_message_is_a_choice()
    {
        var (package, warnings) = Lower($"""<endpoint xmlns="{Ns}" name="Backend"><http uri-template="{"{uri.var.base}"}/orders"/></endpoint>""", fixedTarget: false);
        Assert.Empty(warnings);
        var route = Assert.IsType<ForwardRouteIr.Http>(Assert.Single(Assert.Single(package.MessageProcessors).TargetChoices));
        Assert.Equal(new ForwardTemplateIr("{uri.var.base}/orders", null, Whole: true), route.Template);
    }

    [Fact]
    public void A_template_the_job_does_not_expand_is_reported()
    {
        var (package, warnings) = Lower($"""<endpoint xmlns="{Ns}" name="Backend"><http method="get" uri-template="http://backend.example.com/orders{"{?query.param.a,query.param.b}"}"/></endpoint>""");
        Assert.Contains(warnings, w => w.Contains("it is an http endpoint", StringComparison.Ordinal) && w.Contains("and method GET", StringComparison.Ordinal));
        Assert.Null(Assert.IsType<ForwardRouteIr.Http>(Assert.Single(package.MessageProcessors).Target).Template);
    }

    [Fact]
    public void A_host_template_the_job_does_not_expand_leaves_the_job_without_a_sender()
    {
        var (package, warnings) = Lower($"""<endpoint xmlns="{Ns}" name="Backend"><http method="get" uri-template="http://{"{uri.var.host}"}/r{"{#uri.var.part}"}"/></endpoint>""");
        Assert.Contains(warnings, w => w.Contains("the job has no sender for it", StringComparison.Ordinal));
        Assert.Null(Assert.Single(package.MessageProcessors).Target);
    }

    [Fact]
    public void An_http_endpoint_without_path_or_method_is_sent_to_as_an_address()
    {
        var (package, warnings) = Lower($"""<endpoint xmlns="{Ns}" name="Backend"><http uri-template="http://backend.example.com"/></endpoint>""");
        Assert.Empty(warnings);
        Assert.Null(Assert.IsType<ForwardRouteIr.Http>(Assert.Single(package.MessageProcessors).Target).Template);
    }

    [Fact]
    public void An_address_endpoint_is_not_reported()
    {
        var (package, warnings) = Lower($"""<endpoint xmlns="{Ns}" name="Backend"><address uri="http://backend.example.com/orders/submit"/></endpoint>""");
        Assert.DoesNotContain(warnings, w => w.Contains("it is an http endpoint", StringComparison.Ordinal));
        Assert.Null(Assert.IsType<ForwardRouteIr.Http>(Assert.Single(package.MessageProcessors).Target).Template);
    }
}
