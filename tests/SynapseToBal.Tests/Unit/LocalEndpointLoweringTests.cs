using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class LocalEndpointLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static IReadOnlyList<StepIr> Body(PackageIr package, string summaryPart) => package.Functions.Single(f => f.Summary.Contains(summaryPart, StringComparison.Ordinal)).Body;

    private const string Callee = $"""
        <proxy xmlns="{Ns}" name="Quotes" transports="http">
          <target><endpoint><address uri="http://backend:9000/services/Quotes"/></endpoint><outSequence><send/></outSequence></target>
        </proxy>
        """;

    [Theory]
    [InlineData("local://services/Quotes", "Quotes")]
    [InlineData("local://localhost/services/Quotes", "Quotes")]
    [InlineData("local:///services/Quotes/", "Quotes")]
    [InlineData("local://services/Quotes.QuotesHttpSoap11Endpoint", "Quotes.QuotesHttpSoap11Endpoint")]
    [InlineData("local://services/Quotes?wsdl", "Quotes")]
    [InlineData("local://localhost/", null)]
    public void The_service_a_local_address_names_is_the_segment_after_services(string uri, string? service) =>
        Assert.Equal(service, Lowerer.LocalServiceName(uri));

    [Fact]
    public void A_call_and_a_send_to_a_proxy_of_the_input_run_its_flow_function()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, Callee,
            $"""<endpoint xmlns="{Ns}" name="QuotesLocal"><address uri="local://localhost/services/Quotes.QuotesHttpSoap11Endpoint"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="Ask"><call><endpoint key="QuotesLocal"/></call><send><endpoint key="QuotesLocal"/></send></sequence>""");

        var calls = Body(package, "'Ask'").OfType<LocalCallStep>().ToList();
        Assert.Equal(2, calls.Count);
        var flow = package.Functions.Single(f => f.Summary.StartsWith("In flow of proxy service Quotes", StringComparison.Ordinal)).Name;
        Assert.All(calls, c =>
        {
            Assert.Same(flow, c.Flow);
            Assert.Equal("Quotes", c.Proxy);
            Assert.Equal("local://localhost/services/Quotes.QuotesHttpSoap11Endpoint", c.Address);
        });
        Assert.Empty(package.PendingEndpoints);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0218");
        Assert.Equal(2, diagnostics.Items.Count(d => d.Id == "SB0276"));
    }

    [Fact]
    public void A_proxy_target_endpoint_over_local_runs_the_called_proxy_then_its_out_flow()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, Callee,
            $"""
            <proxy xmlns="{Ns}" name="Front">
              <target><endpoint><address uri="local://services/Quotes"/></endpoint><outSequence><send/></outSequence></target>
            </proxy>
            """);

        var body = Body(package, "In flow of proxy service Front");
        var index = body.ToList().FindIndex(s => s is LocalCallStep);
        Assert.True(index >= 0);
        Assert.Equal("Quotes", ((LocalCallStep)body[index]).Proxy);
        Assert.IsType<ContinueWithStep>(body[index + 1]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0218");
    }

    [Fact]
    public void Uses_the_local_transport_does_not_answer_through_callLocal_stay_todos_saying_why()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics, Callee,
            $"""<endpoint xmlns="{Ns}" name="QuotesLocal"><address uri="local://services/Quotes"/></endpoint>""",
            $"""<sequence xmlns="{Ns}" name="Blocking"><call blocking="true"><endpoint key="QuotesLocal"/></call></sequence>""",
            $"""<sequence xmlns="{Ns}" name="OutOnly"><property name="OUT_ONLY" value="true"/><send><endpoint key="QuotesLocal"/></send></sequence>""",
            $"""<sequence xmlns="{Ns}" name="Callout"><callout endpointKey="QuotesLocal"/></sequence>""");

        Assert.Contains("blocking <call>", Assert.Single(Body(package, "'Blocking'").OfType<TodoStep>()).Reason.Message, StringComparison.Ordinal);
        Assert.Contains("OUT_ONLY is set", Assert.Single(Body(package, "'OutOnly'").OfType<TodoStep>()).Reason.Message, StringComparison.Ordinal);
        Assert.Contains("<callout>", Assert.Single(Body(package, "'Callout'").OfType<TodoStep>()).Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)), s => s is LocalCallStep);
        Assert.Equal(3, diagnostics.Items.Count(d => d.Id == "SB0218"));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0276");
    }

    [Fact]
    public void A_service_the_input_does_not_hold_is_named_in_the_todo()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<sequence xmlns="{Ns}" name="Ask"><call><endpoint><address uri="local:///services/Dataservice/"/></endpoint></call></sequence>""");

        var todo = Assert.Single(Body(package, "'Ask'").OfType<TodoStep>());
        Assert.Equal("SB0218", todo.Reason.Descriptor.Id);
        Assert.Contains("'Dataservice'", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("not a proxy service of the input", Message(Assert.Single(diagnostics.Items, d => d.Id == "SB0218")), StringComparison.Ordinal);
    }
}
