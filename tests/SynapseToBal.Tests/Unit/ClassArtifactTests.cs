using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

// Tasks and message processors of a Java class the converter cannot translate: a TODO saying why (SB0240), not "yet".
public sealed class ClassArtifactTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    [Fact]
    public void A_task_of_a_custom_class_is_a_todo_naming_the_java_class()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <task xmlns="{Ns}" name="Cleanup" class="com.example.CleanupTask" group="synapse.simple.quartz">
              <trigger interval="5"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="days" value="7"/>
            </task>
            """);

        Assert.Empty(package.Jobs);
        var pending = Assert.Single(package.Pending, p => p.Origin is TaskSyntax);
        Assert.Same(DiagnosticCatalog.ArtifactClassNotTranslatable, pending.Reason.Descriptor);
        Assert.Contains("Java class com.example.CleanupTask", pending.Reason.Message, StringComparison.Ordinal);
        var diagnostic = Assert.Single(diagnostics.Items, d => d.Id == "SB0240");
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("Task 'Cleanup' is not translated: it runs the Java class com.example.CleanupTask", message, StringComparison.Ordinal);
        Assert.DoesNotContain("yet", message, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0202");
    }

    [Fact]
    public void The_apache_resequencing_processor_is_a_todo_saying_the_micro_integrator_has_no_such_class()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""<messageStore xmlns="{Ns}" name="MyStore"/>""",
            $"""<sequence xmlns="{Ns}" name="next_seq"><log/></sequence>""",
            $"""
            <messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processors.resequence.ResequencingProcessor" name="Reseq" messageStore="MyStore">
              <parameter name="interval">10000</parameter>
              <parameter name="nextEsbSequence">next_seq</parameter>
            </messageProcessor>
            """);

        Assert.Empty(package.MessageProcessors);
        var pending = Assert.Single(package.PendingStores, p => p.Origin is MessageProcessorSyntax);
        Assert.Same(DiagnosticCatalog.ArtifactClassNotTranslatable, pending.Reason.Descriptor);
        var message = Assert.Single(diagnostics.Items, d => d.Id == "SB0240").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Apache Synapse 2.1's resequencing processor", message, StringComparison.Ordinal);
        Assert.Contains("the Micro Integrator does not have", message, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0202");
    }

    [Fact]
    public void An_http_endpoint_whose_host_is_a_variable_has_a_per_call_client_configuration()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $$"""<endpoint xmlns="{{Ns}}" name="Dyn"><http method="get" uri-template="http://localhost:{uri.var.port}/{uri.var.path}"><timeout><duration>30000</duration></timeout></http></endpoint>""");

        // HTTPEndpoint expands the whole template per message: the base URL is chosen per call, with the endpoint's timeout.
        var client = Assert.Single(package.Clients, c => c.SynapseName == "Dyn");
        Assert.Equal("http://localhost:{uri.var.port}/{uri.var.path}", client.UrlTemplate);
        Assert.Equal(30m, client.TimeoutSeconds);
        Assert.Empty(package.PendingEndpoints);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(CultureInfo.InvariantCulture).Contains("uri-template", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0205");
    }

    [Fact]
    public void An_http_endpoint_whose_host_is_a_variable_and_whose_template_holds_a_credential_is_a_todo_saying_why()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $$"""<endpoint xmlns="{{Ns}}" name="Dyn"><http method="get" uri-template="http://{uri.var.host}/weather?access_token=abc123"/></endpoint>""");

        Assert.DoesNotContain(package.Clients, c => c.SynapseName == "Dyn");
        var pending = Assert.Single(package.PendingEndpoints);
        Assert.Same(DiagnosticCatalog.AttributeNotTranslated, pending.Reason.Descriptor);
        Assert.Contains("credential", pending.Reason.Message, StringComparison.Ordinal);
        Assert.Single(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(CultureInfo.InvariantCulture).Contains("uri-template", StringComparison.Ordinal));
    }
}
