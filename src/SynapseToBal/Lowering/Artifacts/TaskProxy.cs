using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// A task's injectTo="proxy": the job runs the proxy's flow function.
public sealed partial class Lowerer
{
    /// <summary>The in-flow function of each proxy by name, created by whichever needs it first (the proxy or a task injecting into it).</summary>
    private readonly Dictionary<string, Symbol> _proxyFlows = new(StringComparer.Ordinal);

    private Symbol ProxyFlowFunction(string proxyName)
    {
        if (!_proxyFlows.TryGetValue(proxyName, out var flow))
        {
            flow = _symbols.Module(SymbolKind.Function, proxyName + " flow", shorter: ProxyShorter(proxyName, "flow"));
            _proxyFlows[proxyName] = flow;
        }

        return flow;
    }

    /// <summary>
    /// The flow a task's message goes to when it injects into a proxy. MessageInjector hands the message to Axis2
    /// (<c>AxisEngine.receive</c> on the local transport, the proxy as the Axis service, the task's <c>to</c> and
    /// <c>soapAction</c> set): the proxy's whole pipeline runs as for a request (in flow, target endpoint, fault flow),
    /// and its response goes to no one. The job calls the proxy's flow function and drops its response. Null, with
    /// the reason, when the proxy is not in the input or its response runs an out flow the function does not run.
    /// </summary>
    private Symbol? TaskProxyTarget(string? proxyName, out string? setting, out string? why)
    {
        (setting, why) = (null, null);
        if (proxyName is null)
        {
            (setting, why) = ("injectTo 'proxy'", "the task names no proxyName, so the Micro Integrator fails ('Proxy service name not specified')");
            return null;
        }

        if (_model.Symbols.Proxy(proxyName) is not { } proxy)
        {
            (setting, why) = ($"proxyName '{proxyName}'", "the proxy service is not part of the input");
            return null;
        }

        if (proxy.Target?.OutSequence is not null && InFlowSendsThroughSequence(proxy.Target.InSequence))
        {
            (setting, why) = ($"injectTo proxy '{proxyName}'", "the proxy's in flow sends through a sequence, so the response runs the proxy's out flow, which its flow function leaves to its caller; run the out flow by hand");
            return null;
        }

        return ProxyFlowFunction(proxyName);
    }
}
