using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>An operation of the ESB LDAP connector 1.0.x (<c>ldap.*</c>, JNDI) that the generated code performs with ballerina/ldap.</summary>
public enum LdapOperation
{
    /// <summary>ldap.init (Init): the providerUrl, securityPrincipal and securityCredentials properties the operations read.</summary>
    Init,

    /// <summary>ldap.addEntry (AddEntry): an entry with its object classes and attributes.</summary>
    AddEntry,

    /// <summary>ldap.deleteEntry (DeleteEntry): an existing entry.</summary>
    DeleteEntry,

    /// <summary>ldap.updateEntry (UpdateEntry): the entry's attributes replaced (mode replace).</summary>
    UpdateEntry,

    /// <summary>ldap.authenticate (Authenticate): whether a bind with the DN and password succeeds.</summary>
    Authenticate,
}

/// <summary>
/// An LDAP connector 1.0.x operation: the run-time helper of <see cref="Operation"/> called with the operation's
/// parameters, each evaluated to a string as the connector reads its template parameters. The operations connect
/// with the properties <c>ldap.init</c> set, and leave the connector's result (<c>&lt;ns:result&gt;</c>, or its
/// <c>&lt;ns:error&gt;</c> with ERROR_CODE, ERROR_MESSAGE and status 500 before the flow fails) as the payload.
/// </summary>
/// <param name="Arguments">The parameters given, by the helper's parameter name, in the helper's order.</param>
public sealed record LdapConnectorStep(
    MediatorSyntax Origin,
    LdapOperation Operation,
    ImmutableArray<LdapArgumentIr> Arguments) : StepIr(Origin);

/// <summary>A parameter of an LDAP connector operation: its name (the connector's, also the helper's) and its value.</summary>
public sealed record LdapArgumentIr(string Name, ExprIr Value);
