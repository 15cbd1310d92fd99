using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.Project;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The custom message formatters and builders of the server's deployment.toml (issue 9): the Micro Integrator's config
/// tool registers each in axis2.xml for its content type, and Axis2 reads or writes every message of that content type
/// with the class; the conversion has no such class, so each is reported (SB0605).
/// </summary>
public sealed class CustomMessageHandlerTests
{
    private const string Toml = """
        [server]
        hostname = "localhost"

        [[custom_message_formatters]]
        class = "org.wso2.micro.integrator.business.messaging.hl7.message.HL7MessageFormatter"
        content_type = "application/edi-hl7"

        [[custom_message_builders]]
        class = "org.wso2.micro.integrator.business.messaging.hl7.message.HL7MessageBuilder"
        content_type = 'application/edi-hl7'

        [[custom_message_formatters]]
        content_type = "text/csv"

        [transport.http]
        socket_timeout = 180000
        """;

    [Fact]
    public void The_entries_with_a_class_and_a_content_type_are_read()
    {
        var entries = CustomMessageHandlers.Read(Toml);
        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].Formatter);
        Assert.Equal("application/edi-hl7", entries[0].ContentType);
        Assert.Equal("org.wso2.micro.integrator.business.messaging.hl7.message.HL7MessageFormatter", entries[0].ClassName);
        Assert.Equal(3, entries[0].Line);
        Assert.False(entries[1].Formatter);
        Assert.Equal("org.wso2.micro.integrator.business.messaging.hl7.message.HL7MessageBuilder", entries[1].ClassName);
    }

    [Fact]
    public void The_loader_reports_each_of_a_server_configuration_only()
    {
        var folder = Directory.CreateTempSubdirectory("fmt-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "A.xml"), "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"A\" context=\"/a\"/>");
            Directory.CreateDirectory(Path.Combine(folder.FullName, "conf"));
            File.WriteAllText(Path.Combine(folder.FullName, "conf", "deployment.toml"), Toml);
            // A copy elsewhere (a test resource) says nothing of the server.
            Directory.CreateDirectory(Path.Combine(folder.FullName, "tests"));
            File.WriteAllText(Path.Combine(folder.FullName, "tests", "deployment.toml"), Toml);
            var diagnostics = new DiagnosticBag();
            ProjectLoader.Load(folder.FullName, diagnostics);
            var reported = diagnostics.Items.Where(d => d.Descriptor == DiagnosticCatalog.CustomMessageHandler).ToList();
            Assert.Equal(2, reported.Count);
            Assert.All(reported, d => Assert.EndsWith(Path.Combine("conf", "deployment.toml"), d.Location.GetLineSpan().Path, StringComparison.Ordinal));
            Assert.Contains("custom message formatter 'org.wso2.micro.integrator.business.messaging.hl7.message.HL7MessageFormatter' for the content type 'application/edi-hl7'", reported[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Contains("the Micro Integrator reads every message of that content type", reported[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
