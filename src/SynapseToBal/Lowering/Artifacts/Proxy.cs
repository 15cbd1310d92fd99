using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <proxy>: an HTTP service at /services/<name> running the target's in, out and fault flows.
public sealed partial class Lowerer
{
    /// <summary>
    /// A proxy service becomes a service at <c>/services/&lt;name&gt;</c> with one resource for any method and
    /// path (the URL postfix is what follows the service path). Its in flow runs, and when it ends without
    /// answering the message is sent to the target endpoint (send semantics: the out flow, or the client, gets
    /// the response), as <c>ProxyServiceMessageReceiver</c> does.
    /// </summary>
    private ServiceIr LowerProxy(ProxySyntax proxy)
    {
        ReportProxySettings(proxy);
        var basePath = "/services/" + proxy.Name;
        var owner = proxy.Name;
        var target = proxy.Target;
        var (outFunction, faultFunction) = LowerResponseFlows(proxy.Name, $"proxy service {proxy.Name}", target?.OutSequence, target?.FaultSequence, owner, target?.Endpoint is not null || CallsBackend(target?.InSequence?.Mediators ?? []));
        var context = new FlowContext(FlowKind.In, _translator, outFunction, owner);
        var body = target?.InSequence is { } inFlow ? LowerFlowBody(inFlow, context) : [];
        if (target?.Endpoint is { } endpoint && !Flow.Terminates(body))
        {
            body = CallStepFor(null, endpoint, context, out var reason) is { } call
                ? [.. body, call, Reply(null, context)]
                : [.. body, new TodoStep(null, reason ?? new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the target endpoint of proxy '{proxy.Name}' is not translated"), proxy.RawXml)];
        }

        var needsOutFlow = outFunction is not null && InFlowSendsThroughSequence(target?.InSequence);
        body = WithFallThrough(body, target?.InSequence?.Location ?? proxy.Location);
        var path = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        var resource = new ResourceIr("default", path, body, faultFunction, outFunction, needsOutFlow, $"ANY {basePath}/*", proxy);
        return new ServiceIr(ServiceKind.Proxy, proxy.Name, basePath, [resource], proxy, proxy.Location.Path) { Description = proxy.Description };
    }

    /// <summary>What a proxy declares that the generated service does not do: each is reported (SB0206).</summary>
    private void ReportProxySettings(ProxySyntax proxy)
    {
        void Report(string setting, string consequence) =>
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, proxy.Location, "proxy", setting, consequence);

        foreach (var transport in proxy.Transports.Where(t => t is not ("http" or "https")))
        {
            Report($"transport '{transport}'", $"the proxy also listens on {transport} in the Micro Integrator; the generated service answers HTTP only — add a {transport} listener by hand");
        }

        if (proxy.PublishWsdl is { } wsdl)
        {
            Report("publishWSDL", $"the WSDL ({wsdl.Uri ?? wsdl.Key ?? wsdl.Endpoint ?? "inline"}) is not published at ?wsdl; serve it by hand if clients fetch it");
        }

        if (!proxy.StartOnLoad)
        {
            Report("startOnLoad=\"false\"", "the generated service starts with the package");
        }

        if (!proxy.PinnedServers.IsEmpty)
        {
            Report("pinnedServers", "the service runs wherever the package is deployed");
        }

        if (proxy.ServiceGroup is not null)
        {
            Report("serviceGroup", "Axis2 service groups have no counterpart");
        }

        foreach (var policy in proxy.Policies)
        {
            Report($"policy '{policy.Key}'", "WS-Policy is not applied; configure the service's security by hand");
        }

        if (proxy.EnableAddressing)
        {
            Report("enableAddressing", "WS-Addressing headers are not processed");
        }

        if (proxy.EnableSec is not null)
        {
            Report("enableSec", "WS-Security is not applied; secure the listener by hand (Ballerina http:ListenerSecureSocket, auth)");
        }

        if (proxy.EnableRM is not null)
        {
            Report("enableRM", "WS-ReliableMessaging is not applied");
        }

        if (proxy.Statistics || proxy.Trace)
        {
            Report("statistics/trace", "use Ballerina observability instead");
        }

        foreach (var parameter in proxy.Parameters)
        {
            Report($"parameter '{parameter.Name}'", "proxy and transport parameters are not applied");
        }
    }
}
