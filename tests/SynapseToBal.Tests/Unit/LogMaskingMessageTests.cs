using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>SB0217 names the log property whose value it withholds and says why: the name, a vault lookup, or a secret read.</summary>
public sealed class LogMaskingMessageTests
{
    [Fact]
    public void A_label_under_a_credential_name_stays_masked_and_the_message_names_the_property()
    {
        var (package, diagnostics) = ArtifactLowering.Definitions("""
            <sequence name="S">
              <log level="custom">
                <property name="1a.TOKEN CHECK" value="Checking the token"/>
                <property name="vaulted" expression="wso2:vault-lookup('db.password')"/>
              </log>
            </sequence>
            """);

        // The conservative policy: a value under a credential-shaped name stays masked, whatever it holds.
        var log = Assert.Single(package.Functions.SelectMany(f => f.Body).OfType<LogStep>());
        Assert.Null(Assert.Single(log.Fields!.Properties, f => f.Name == "1a.TOKEN CHECK").Value);

        var messages = diagnostics.Items.Where(d => d.Descriptor == DiagnosticCatalog.LogValueRedacted).Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("The value of the log property '1a.TOKEN CHECK' is withheld and the generated code logs **** instead: its name looks like a credential's, so its value is kept out of the log whatever it holds", messages[0]);
        Assert.Equal("The value of the log property 'vaulted' is withheld and the generated code logs **** instead: its expression is a vault lookup", messages[1]);

        // The value itself never reaches the message.
        Assert.DoesNotContain(messages, m => m.Contains("Checking the token", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_template_part_that_reads_a_credential_is_named_by_its_expression()
    {
        var (_, diagnostics) = ArtifactLowering.Definitions("""
            <sequence name="S">
              <log><message>Auth ${headers.Authorization}</message></log>
            </sequence>
            """);
        var message = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.LogValueRedacted).GetMessage();
        Assert.Equal("The value of the log message's '${headers.Authorization}' is withheld and the generated code logs **** instead: its expression reads a credential (a vault secret, or a property, header or variable named like one or set from one)", message);
    }
}
