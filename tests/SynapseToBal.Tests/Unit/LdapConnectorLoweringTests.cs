using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The ESB LDAP connector 1.0.x: init, addEntry, deleteEntry, updateEntry and authenticate on ballerina/ldap.</summary>
public sealed class LdapConnectorLoweringTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string operations) =>
        ArtifactLowering.Definitions($"""<sequence name="flow">{operations}</sequence>""");

    private static StepIr Single(string operation) => Assert.Single(Assert.Single(Lower(operation).Package.Functions).Body);

    [Theory]
    [InlineData("<ldap.init><providerUrl>ldap://h:389</providerUrl><securityPrincipal>cn=admin</securityPrincipal><securityCredentials>{$ctx:p}</securityCredentials></ldap.init>", LdapOperation.Init, "providerUrl,securityPrincipal,securityCredentials")]
    [InlineData("<ldap.addEntry><dn>{$ctx:dn}</dn><objectClass>person</objectClass></ldap.addEntry>", LdapOperation.AddEntry, "objectClass,dn")]
    [InlineData("<ldap.addEntry><attributes>cn=a</attributes><dn>{$ctx:dn}</dn><objectClass>person</objectClass></ldap.addEntry>", LdapOperation.AddEntry, "objectClass,dn,attributes")]
    [InlineData("<ldap.deleteEntry><dn>{$ctx:dn}</dn></ldap.deleteEntry>", LdapOperation.DeleteEntry, "dn")]
    [InlineData("<ldap.updateEntry><mode>replace</mode><dn>{$ctx:dn}</dn><attributes>cn=a</attributes></ldap.updateEntry>", LdapOperation.UpdateEntry, "mode,dn,attributes")]
    [InlineData("<ldap.updateEntry><mode>{$ctx:mode}</mode><dn>{$ctx:dn}</dn></ldap.updateEntry>", LdapOperation.UpdateEntry, "mode,dn")]
    [InlineData("<ldap.authenticate><dn>{$ctx:dn}</dn><password>{$ctx:pw}</password></ldap.authenticate>", LdapOperation.Authenticate, "dn,password")]
    public void An_operation_becomes_its_helper_call_with_its_parameters_in_the_helpers_order(string xml, LdapOperation operation, string names)
    {
        var step = Assert.IsType<LdapConnectorStep>(Single(xml));

        Assert.Equal(operation, step.Operation);
        Assert.Equal(names.Split(','), step.Arguments.Select(a => a.Name));
    }

    [Fact]
    public void A_literal_credential_becomes_a_required_configurable()
    {
        var (package, diagnostics) = Lower("<ldap.init><providerUrl>ldap://h</providerUrl><securityPrincipal>cn=admin</securityPrincipal><securityCredentials>s3cret</securityCredentials></ldap.init>");

        var step = Assert.IsType<LdapConnectorStep>(Assert.Single(Assert.Single(package.Functions).Body));
        var read = Assert.IsType<ConfigurableReadIr>(step.Arguments.Single(a => a.Name == "securityCredentials").Value);
        var configurable = Assert.Single(package.Configurables, c => c.Name == read.Configurable);
        Assert.True(configurable.Secret);
        Assert.Null(configurable.DefaultValue);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "s3cret");
    }

    [Theory]
    [InlineData("<ldap.searchEntry><objectClass>person</objectClass><dn>dc=x</dn><attributes>cn</attributes><filters>uid=a</filters></ldap.searchEntry>", "neither the DN of each entry")]
    [InlineData("<ldap.updateEntry><mode>add</mode><dn>{$ctx:dn}</dn><attributes>cn=a</attributes></ldap.updateEntry>", "only replaces attributes")]
    [InlineData("<ldap.updateEntry><mode>remove</mode><dn>{$ctx:dn}</dn></ldap.updateEntry>", "only replaces attributes")]
    [InlineData("<ldap.init><providerUrl>ldaps://h</providerUrl><securityPrincipal>a</securityPrincipal><securityCredentials>{$ctx:p}</securityCredentials><secureConnection>true</secureConnection></ldap.init>", "secureConnection is a setting of a later LDAP connector version")]
    [InlineData("<ldap.deleteEntry configKey=\"conn\"><dn>{$ctx:dn}</dn></ldap.deleteEntry>", "configKey")]
    [InlineData("<ldap.deleteEntry/>", "it does not set dn")]
    [InlineData("<ldap.init><providerUrl>ldap://h</providerUrl></ldap.init>", "it does not set securityPrincipal, securityCredentials")]
    [InlineData("<ldap.addEntry><objectClass>person</objectClass><dn><x/></dn></ldap.addEntry>", "its dn holds XML")]
    [InlineData("<ldap.rename><dn>a</dn></ldap.rename>", "ldap:Client")]
    public void An_operation_the_helpers_do_not_reproduce_stays_a_todo_that_says_why(string xml, string reason)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<twitter.getAccountSettings/>", "twitter:Client", "API v2")]
    public void A_connector_whose_module_gives_a_different_result_stays_a_todo_that_says_so(string xml, string call, string reason)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Contains(call, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }
}
