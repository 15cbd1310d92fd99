using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>One parameter of a JMS connection factory: its Axis2 name, its value, and the key that gave it in its file.</summary>
/// <param name="Name">The parameter as Axis2's JMS transport reads it (<c>java.naming.provider.url</c>).</param>
/// <param name="Value">Its value as the file gives it (an axis2.xml parameter's text as written).</param>
/// <param name="Key">How the file names it: the TOML key (<c>parameter.provider_url</c>) or the axis2.xml parameter name.</param>
public sealed record ServerJmsParameter(string Name, string Value, string Key);

/// <summary>
/// A JMS connection factory of the server's configuration: a <c>[[transport.jms.listener]]</c> or
/// <c>[[transport.jms.sender]]</c> of deployment.toml, or a parameter group of axis2.xml's <c>transportReceiver</c> /
/// <c>transportSender</c> named <c>jms</c>.
/// </summary>
/// <param name="Name">The factory's name (a proxy's <c>transport.jms.ConnectionFactory</c> names it).</param>
/// <param name="Listener">A listener's factory (transportReceiver); false for a sender's.</param>
/// <param name="Origin">The file it comes from, as the input shows it (relative to the input).</param>
/// <param name="Path">The file's path as source locations carry it.</param>
/// <param name="Table">How the file names the factory: <c>[[transport.jms.listener]] name = "X"</c> or <c>transportReceiver jms, parameter X</c>.</param>
/// <param name="Parameters">Its parameters in file order.</param>
/// <param name="Unread">What the file holds for the factory that the Micro Integrator never makes a parameter of it (a TOML key the config tool does not write, a value that would break the XML it writes, or the whole factory when [transport.jms] listener_enable is not true), with why.</param>
public sealed record ServerJmsFactory(string Name, bool Listener, string Origin, string Path, string Table, ImmutableArray<ServerJmsParameter> Parameters, ImmutableArray<string> Unread)
{
    /// <summary>The value of a parameter, or null.</summary>
    public ServerJmsParameter? Parameter(string name) => Parameters.LastOrDefault(p => p.Name == name);
}
