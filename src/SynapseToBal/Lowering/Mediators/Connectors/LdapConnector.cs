using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The ESB LDAP connector 1.0.x (wso2-attic/esb-connectors ldap-connector-1.0.0, JNDI): init, addEntry, deleteEntry,
// updateEntry and authenticate become calls of run-time helpers built on ballerina/ldap; searchEntry, a later
// connector's settings (secureConnection, pooling, configKey connections) and anything the helpers do not
// reproduce stay TODOs that say why.
public sealed partial class Lowerer
{
    /// <summary>The operations translated, with the parameters each reads (in the helper's order) and those it cannot do without.</summary>
    private static readonly Dictionary<string, (LdapOperation Kind, string[] Parameters, string[] Required)> LdapOperations = new(StringComparer.Ordinal)
    {
        ["init"] = (LdapOperation.Init, ["providerUrl", "securityPrincipal", "securityCredentials"], ["providerUrl", "securityPrincipal", "securityCredentials"]),
        ["addEntry"] = (LdapOperation.AddEntry, ["objectClass", "dn", "attributes"], ["objectClass", "dn"]),
        ["deleteEntry"] = (LdapOperation.DeleteEntry, ["dn"], ["dn"]),
        ["updateEntry"] = (LdapOperation.UpdateEntry, ["mode", "dn", "attributes"], ["mode", "dn"]),
        ["authenticate"] = (LdapOperation.Authenticate, ["dn", "password"], ["dn", "password"]),
    };

    /// <summary>Why ldap.searchEntry stays a TODO: ballerina/ldap's search cannot give the connector's result.</summary>
    internal const string LdapSearchProblem =
        "ballerina/ldap's search returns neither the DN of each entry (the connector's <ns:dn>) nor an empty result (it fails when nothing matches), so the connector's <ns:result> cannot be rebuilt";

    /// <summary>
    /// <c>&lt;ldap.init|addEntry|deleteEntry|updateEntry|authenticate&gt;</c> of the LDAP connector 1.0.x: one call of the
    /// operation's helper with the parameters' values; a TODO (SB0232) when the operation uses a setting the helper
    /// does not reproduce.
    /// </summary>
    private IEnumerable<StepIr> LowerLdapOperation(ConnectorOperationMediator operation, FlowContext context)
    {
        if (operation.Operation == "searchEntry")
        {
            return [ConnectorTodo(operation, LdapSearchProblem)];
        }

        if (!LdapOperations.TryGetValue(operation.Operation, out var shape))
        {
            return [ConnectorTodo(operation, null)];
        }

        if (operation.ConfigKey is not null)
        {
            return [ConnectorTodo(operation, "it names a connection (configKey), which only later LDAP connector versions read (with settings the 1.0 helpers do not reproduce)")];
        }

        if (UnreadableOperationShape(operation) is { } unreadable)
        {
            return [unreadable];
        }

        var unknown = operation.PassedParameters.Select(p => p.Name).Where(n => !shape.Parameters.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is a setting" : "are settings")} of a later LDAP connector version, which the generated call does not reproduce")];
        }


        var parameters = ParametersByName(operation);
        var missing = shape.Required.Where(n => !parameters.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            return [ConnectorTodo(operation, $"it does not set {string.Join(", ", missing)}, which the connector reads without a default (it fails with a NullPointerException)")];
        }

        // UpdateEntry: ballerina/ldap's modify replaces attributes; adding or removing values has no counterpart.
        if (shape.Kind == LdapOperation.UpdateEntry && parameters["mode"].Value is ValueSyntax.Literal { Text: "add" or "remove" } mode)
        {
            return [ConnectorTodo(operation, $"its mode is '{mode.Text}', and ldap:Client's modify only replaces attributes")];
        }

        var arguments = ImmutableArray.CreateBuilder<LdapArgumentIr>();
        foreach (var name in shape.Parameters)
        {
            if (parameters.TryGetValue(name, out var parameter))
            {
                arguments.Add(new LdapArgumentIr(name, SecretSafeValue(name, parameter.Value, parameter.Location, context)));
            }
        }

        return [new LdapConnectorStep(operation, shape.Kind, arguments.ToImmutable())];
    }
}
