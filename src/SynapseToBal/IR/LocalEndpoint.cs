using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// A non-blocking send or call through an address endpoint <c>local://.../services/&lt;proxy&gt;</c> (Axis2's local
/// transport): the runtime's callLocal runs the proxy's flow function on a context built from the message as the
/// local transport hands it over, and its answer becomes the response.
/// </summary>
/// <param name="Origin">The send or call; null for a proxy's target endpoint.</param>
/// <param name="Address">The endpoint's address as written (the To address the proxy gets).</param>
/// <param name="Proxy">The name of the proxy service called.</param>
/// <param name="Flow">The proxy's flow function.</param>
public sealed record LocalCallStep(MediatorSyntax? Origin, string Address, string Proxy, Symbol Flow) : StepIr(Origin);
