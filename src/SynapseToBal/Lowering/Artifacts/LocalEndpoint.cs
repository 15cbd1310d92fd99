using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of address endpoints with a local: URI (Axis2's local transport, NonBlockingLocalTransportSender): an
// in-process call of a proxy service of the same server. When the proxy is part of the input, a non-blocking send or
// call through the endpoint becomes a LocalCallStep (the runtime's callLocal runs the proxy's flow function); any other
// use, and an endpoint naming a proxy the input does not hold, stays a TODO (SB0218) saying why.
public sealed partial class Lowerer
{
    /// <summary>A local endpoint whose proxy is part of the input: its address and the proxy's name and flow function.</summary>
    private sealed record LocalTarget(string EndpointName, string Address, string Proxy, Symbol Flow);

    /// <summary>The local endpoints that name a proxy of the input, by definition (a named endpoint's, or an inline one's).</summary>
    private readonly Dictionary<EndpointDefinitionSyntax, LocalTarget> _localEndpoints = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The service a <c>local:</c> address names, as Axis2 dispatches the message by its To address
    /// (RequestURIBasedDispatcher: the path segment after <c>services/</c>; a dotted name is a service's endpoint,
    /// <c>P.PHttpSoap11Endpoint</c>). Null when the address names no service.
    /// </summary>
    internal static string? LocalServiceName(string uri)
    {
        var rest = uri.Trim();
        rest = rest[(rest.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var services = rest.IndexOf("services/", StringComparison.Ordinal);
        if (services < 0)
        {
            return null;
        }

        var name = rest[(services + "services/".Length)..];
        var end = name.IndexOfAny(['/', '?', '#']);
        name = end < 0 ? name : name[..end];
        return name.Length == 0 ? null : name;
    }

    /// <summary>
    /// Records the local endpoint of a <c>local:</c> address whose proxy is part of the input and returns true, with
    /// the reason a use callLocal does not translate stays a TODO; also true, with the reason (reported, SB0218), when
    /// the address names no proxy of the input or one whose answer the flow function alone does not give.
    /// </summary>
    private bool LowerLocalEndpoint(string name, AddressEndpointSyntax address, out NotTranslatedIr notTranslated)
    {
        NotTranslatedIr NotTranslated(string why)
        {
            _diagnostics.Report(DiagnosticCatalog.NonHttpEndpoint, address.Location, name, "local (an in-process call to a proxy service)", "local", "a hand-written call; " + why);
            return new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint, $"'{name}' calls a service in-process (local transport): {why}");
        }

        var service = LocalServiceName(address.Uri);
        var proxy = service is null ? null
            : _model.Symbols.Proxy(service) ?? (service.Contains('.', StringComparison.Ordinal) ? _model.Symbols.Proxy(service[..service.IndexOf('.', StringComparison.Ordinal)]) : null);
        if (proxy is null)
        {
            notTranslated = NotTranslated(service is null
                ? $"the address '{address.Uri}' names no service (local://services/<name> expected), so Axis2 finds none to dispatch to; write the call by hand"
                : $"the service '{service}' it calls is not a proxy service of the input (a data service or a proxy deployed elsewhere): add the proxy to the input and convert again, or call its translation (or its HTTP address) here by hand");
            return true;
        }

        if (proxy.Target?.OutSequence is not null && InFlowSendsThroughSequence(proxy.Target.InSequence))
        {
            notTranslated = NotTranslated($"the proxy '{proxy.Name}' it calls sends through a sequence, so its response runs its out flow, which its flow function leaves to the service that called it; call the flow, then its out flow, by hand");
            return true;
        }

        if (address.Format is { } format)
        {
            // Axis2FlexibleMEPClient prepares the clone for the format before any transport sees it; LocalTransportSender
            // then writes it with TransportUtils.writeMessage (the envelope, or its body's first element when the
            // message is REST) and LocalTransportReceiver reads that back as a SOAP envelope (BuilderUtil.getBuilder).
            notTranslated = NotTranslated(format.Trim() switch
            {
                "soap11" or "soap12" => $"format=\"{format}\" makes the message a SOAP {(format.Trim() == "soap11" ? "1.1" : "1.2")} envelope (SOAPUtils.convertSOAP{(format.Trim() == "soap11" ? "12toSOAP11" : "11toSOAP12")} when it is the other version: header blocks and a fault converted with it) with the Content-Type {(format.Trim() == "soap11" ? "text/xml" : "application/soap+xml (the action as its parameter)")} before LocalTransportSender writes it, and the proxy receives that envelope; the generated callLocal sends the envelope in the version it has: convert it by hand before the call (its body into an envelope of that version), then callLocal",
                "pox" or "get" or "rest" => $"format=\"{format}\" marks the message REST (Axis2FlexibleMEPClient setDoingREST), so LocalTransportSender writes only its body's first element (TransportUtils.writeMessage) and LocalTransportReceiver, which reads every message as a SOAP envelope, refuses it: the Micro Integrator's send fails there; drop the format (the local transport always carries a SOAP envelope) or send to the proxy's HTTP address",
                _ => $"format=\"{format}\" converts the message before the local transport writes its envelope; write the call by hand (convert the message, then callLocal)",
            });
            return true;
        }

        _localEndpoints[address] = new LocalTarget(name, address.Uri.Trim(), proxy.Name, ProxyFlowFunction(proxy.Name));
        notTranslated = new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint, $"'{name}' calls proxy service '{proxy.Name}' in-process (local transport)");
        return true;
    }

    /// <summary>The local endpoint a send or call names (inline, lowered by <see cref="CallStepFor"/> first, or by key).</summary>
    private LocalTarget? LocalEndpointOf(EndpointReferenceSyntax? reference) =>
        EndpointDefinitionOf(reference) is { } definition ? _localEndpoints.GetValueOrDefault(definition) : null;

    /// <summary>
    /// The call step of a send, call or proxy target through a local endpoint of the input: a non-blocking exchange that
    /// waits for the answer (OUT_ONLY and FORCE_SC_ACCEPTED not set) becomes callLocal; anything else stays a TODO
    /// saying why (SB0218). Null when the endpoint is not a local one.
    /// </summary>
    /// <param name="mediator">The send or call; null for a proxy's target endpoint.</param>
    private StepIr? LocalCall(MediatorSyntax? mediator, EndpointReferenceSyntax? reference, ExchangeState.Frame state, SourceLocation? location)
    {
        if (LocalEndpointOf(reference) is not { } local)
        {
            return null;
        }

        string? why = mediator switch
        {
            CallMediator { Blocking: true } => "a blocking <call> goes through the blocking sender's local transport (LocalTransportSender), which takes the answer from the stream the proxy writes, not through the response path callLocal follows; write it by hand",
            CalloutMediator => "a <callout> goes through the blocking sender's local transport (LocalTransportSender), which takes the answer from the stream the proxy writes, not through the response path callLocal follows; write it by hand",
            _ when state.OutOnly != Known.No => $"OUT_ONLY is {(state.OutOnly == Known.Yes ? "set" : "set on some paths")}: the proxy runs and its answer goes to no one (no callback waits for it); write it by hand (run the flow function and drop its response)",
            _ when state.ForceAccepted != Known.No => $"FORCE_SC_ACCEPTED is {(state.ForceAccepted == Known.Yes ? "set" : "set on some paths")}: the client has its 202 before the proxy answers; write it by hand",
            _ => null,
        };
        if (why is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.NonHttpEndpoint, location, local.EndpointName, "local (an in-process call to a proxy service)", "local", "a hand-written call; " + why);
            return new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.NonHttpEndpoint, $"'{local.EndpointName}' calls proxy service '{local.Proxy}' in-process (local transport): {why}"), mediator?.RawXml ?? $"<address uri=\"{System.Security.SecurityElement.Escape(local.Address)}\"/>");
        }

        _diagnostics.Report(DiagnosticCatalog.LocalCallTranslated, location, local.EndpointName, local.Proxy);
        return new LocalCallStep(mediator, local.Address, local.Proxy, local.Flow);
    }
}
