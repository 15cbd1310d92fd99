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
    private IEnumerable<ServiceIr> LowerProxy(ProxySyntax proxy)
    {
        var transportPlans = PlanProxyTransports(proxy);

        // A proxy exposed on no HTTP transport has no HTTP service: the MI does not answer it over HTTP (Axis2's
        // DispatchPhase.validateTransport refuses a transport the service is not exposed on). Its flow function stays.
        var servedOverHttp = ServedOverHttp(proxy);
        ReportProxySettings(proxy, transportPlans, servedOverHttp);
        var basePath = "/services/" + proxy.Name;
        var owner = proxy.Name;
        _currentProxy = proxy;
        var target = proxy.Target;
        var (outFunction, faultFunction) = LowerResponseFlows(proxy.Name, $"proxy service {proxy.Name}", target?.OutSequence, target?.FaultSequence, owner, target?.Endpoint is not null || CallsBackend(target?.InSequence?.Mediators ?? []),
            target?.Endpoint is not null || HandsToOutFlow(target?.InSequence));
        // A proxy without a WSDL has one Axis2 operation, 'mediate' (ProxyService.buildAxisService); with a WSDL the
        // operation is the one Axis2 dispatches the request to, which the generated service does not know.
        var context = new FlowContext(FlowKind.In, _translator, outFunction, owner) { OperationName = proxy.PublishWsdl is null ? SynapseOperationName : null };
        var body = target?.InSequence is { } inFlow ? LowerFlowBody(inFlow, context) : [];
        if (target?.Endpoint is { } endpoint && !Flow.Terminates(body))
        {
            // The target is sent as a <send> is (ProxyServiceMessageReceiver: endpoint.send), in the state the in flow
            // left: OUT_ONLY and FORCE_SC_ACCEPTED apply to it as to a send.
            var ended = context.Exchange.Ended ?? context.Exchange.Current;
            ImmutableArray<StepIr> send = CallStepFor(null, endpoint, context, out var reason) is { } call
                ? [.. TargetTransportSwitchTodo(target.InSequence), .. OutOnlyOrAccepted(null, "proxy target", target.Location, call, ended, context) ?? [.. SoapFaultChecked(null, call, proxy.Location), Reply(null, context)]]
                : LocalCall(null, endpoint, ended, target.Location) is { } local ? (local is LocalCallStep ? [.. SoapFaultChecked(null, local, proxy.Location), Reply(null, context)] : [local])
                : JmsTargetSend(endpoint, target.InSequence, target.Location, context) is { } jms ? [.. jms]
                : VfsTargetSend(endpoint, ended, target.Location, context) is { } vfs ? [.. vfs]
                : MailTargetSend(endpoint, ended, target.Location, context) is { } mail ? [.. mail]
                : [new TodoStep(null, reason ?? new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the target endpoint of proxy '{proxy.Name}' is not translated"), proxy.RawXml)];
            body = [.. body, .. MarkedUnmediated(send, TargetEndpointSend(proxy.Name, endpoint))];
        }

        _currentProxy = null;
        var needsOutFlow = outFunction is not null && InFlowSendsThroughSequence(target?.InSequence);
        body = WithFallThrough(body, target?.InSequence?.Location ?? proxy.Location);
        var aliases = ProxyEndpointPaths(proxy);

        // The Micro Integrator answers the proxy at its Axis2 endpoint addresses too: one flow function every service calls.
        var flowName = ProxyFlowFunction(proxy.Name);
        _functions.Add(new FunctionIr(flowName, FunctionKind.InFlow, true, body, $"In flow of proxy service {proxy.Name}, run by the service at each of its addresses.", target?.InSequence?.Location ?? proxy.Location) { FaultFunction = faultFunction });
        foreach (var plan in transportPlans.Where(p => p.Reason is null))
        {
            if (ProxyListener(proxy, plan, flowName, needsOutFlow ? outFunction : null) is { } listener)
            {
                _proxyListeners.Add(listener);
            }
        }

        if (!servedOverHttp)
        {
            yield break;
        }

        ImmutableArray<StepIr> runFlow = [new ContinueWithStep(null, flowName)];
        var path = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        // The WSDL is answered at every address of the service (Axis2 also finds the service by an endpoint name).
        var wsdl = PublishedWsdl(proxy);
        yield return new ServiceIr(ServiceKind.Proxy, proxy.Name, basePath, [new ResourceIr("default", path, runFlow, null, outFunction, needsOutFlow, $"ANY {basePath}/*", proxy)], proxy, proxy.Location.Path) { Description = proxy.Description, Wsdl = wsdl };
        foreach (var alias in aliases)
        {
            var resource = new ResourceIr("default", path, runFlow, null, outFunction, needsOutFlow, $"ANY {alias}/* (an Axis2 endpoint address of the proxy; the URL postfix is what follows it)", proxy);
            yield return new ServiceIr(ServiceKind.Proxy, proxy.Name, alias, [resource], proxy, proxy.Location.Path) { Wsdl = wsdl };
        }
    }

    /// <summary>What a proxy's target endpoint send is, for the comment left where it never runs.</summary>
    private static string TargetEndpointSend(string proxy, EndpointReferenceSyntax endpoint) => endpoint switch
    {
        EndpointReferenceSyntax.Key key => $"the send to the target endpoint '{key.Value.Text}' of proxy '{proxy}'",
        EndpointReferenceSyntax.Inline => $"the send to the inline target endpoint of proxy '{proxy}'",
        _ => throw new InvalidOperationException($"Unhandled endpoint reference {endpoint.GetType().Name}"),
    };

    /// <summary>
    /// The steps of something no mediator stands for, the first that a refiner may remove (not a TODO or a comment,
    /// which stay) saying what it is (<see cref="StepIr.Unmediated"/>).
    /// </summary>
    private static ImmutableArray<StepIr> MarkedUnmediated(ImmutableArray<StepIr> steps, string what)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] is { Origin: null } and not (TodoStep or CommentStep or DeadCodeStep))
            {
                return steps.SetItem(i, steps[i] with { Unmediated = what });
            }
        }

        return steps;
    }

    /// <summary>
    /// The Axis2 endpoint addresses the Micro Integrator also serves a proxy at: for each exposed HTTP transport,
    /// <c>/services/P.PHttpSoap11Endpoint</c>, <c>.PHttpSoap12Endpoint</c> and <c>.PHttpEndpoint</c> (<c>Https</c> for
    /// https), the names Axis2 gives the service's default endpoints, found by <c>AxisConfiguration.getService</c>
    /// through its map of <c>service.endpoint</c> names. A proxy without <c>transports</c> is exposed on all of them.
    /// The generated services are on the HTTP listener, so the <c>Https</c> names are served only for a proxy exposed
    /// on https and not on http (the Micro Integrator's https listener serves them).
    /// </summary>
    internal static ImmutableArray<string> ProxyEndpointPaths(ProxySyntax proxy) => Axis2EndpointPaths(proxy.Name, proxy.Transports);

    /// <summary>
    /// The Axis2 default endpoint addresses of service <paramref name="name"/> exposed on <paramref name="transports"/>
    /// (all of them when empty), as <see cref="ProxyEndpointPaths"/> says; data services are named the same way (DBDeployer).
    /// </summary>
    internal static ImmutableArray<string> Axis2EndpointPaths(string name, IReadOnlyCollection<string> transports)
    {
        var paths = ImmutableArray.CreateBuilder<string>();
        // The generated service is on the HTTP listener: the Https names only when the service is not exposed on http.
        var http = transports.Count == 0 || transports.Contains("http", StringComparer.OrdinalIgnoreCase);
        var https = transports.Contains("https", StringComparer.OrdinalIgnoreCase);
        foreach (var (exposed, prefix) in new[] { (http, "Http"), (!http && https, "Https") })
        {
            if (exposed)
            {
                foreach (var suffix in new[] { "Soap11Endpoint", "Soap12Endpoint", "Endpoint" })
                {
                    paths.Add($"/services/{name}.{name}{prefix}{suffix}");
                }
            }
        }

        return paths.ToImmutable();
    }

    /// <summary>What a proxy declares that the generated service does not do: each is reported (SB0206).</summary>
    private void ReportProxySettings(ProxySyntax proxy, IReadOnlyList<ProxyTransportPlan> transportPlans, bool servedOverHttp)
    {
        void Report(string setting, string consequence) =>
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, proxy.Location, "proxy", setting, consequence);

        foreach (var plan in transportPlans.Where(p => p.Reason is not null))
        {
            switch (plan.Kind)
            {
                case UntranslatedTransport.Setting:
                    Report($"transport '{plan.Transport}'", plan.Reason!);
                    break;
                case UntranslatedTransport.RemoteFiles:
                    _diagnostics.Report(DiagnosticCatalog.ProxyRemoteFilesNotTranslated, proxy.Location, proxy.Name, plan.Reason!);
                    break;
                case UntranslatedTransport.NoListener:
                    _diagnostics.Report(DiagnosticCatalog.ProxyTransportNoListener, proxy.Location, proxy.Name, plan.Transport, plan.Reason!);
                    break;
                default:
                    throw new InvalidOperationException($"unknown transport report kind {plan.Kind}");
            }
        }

        // What a translated mail or RabbitMQ listener does not do that the Micro Integrator's does: once each.
        foreach (var plan in transportPlans.Where(p => p.Reason is null))
        {
            foreach (var (setting, consequence) in plan.Gaps)
            {
                _diagnostics.Report(plan is ProxyTransportPlan.Mail ? DiagnosticCatalog.ProxyMailSettingNotReproduced : DiagnosticCatalog.ProxyRabbitMqSettingNotReproduced, proxy.Location, proxy.Name, setting, consequence);
            }
        }

        if (proxy.PublishWsdl is { } wsdl)
        {
            var text = PublishedWsdlText(wsdl, out var reason);
            var serverFile = text is null && servedOverHttp && IsServerFileWsdl(wsdl);
            if (text is null && !serverFile)
            {
                Report("publishWSDL", $"the WSDL ({wsdl.Uri ?? wsdl.Key ?? wsdl.Endpoint ?? "inline"}) is not published at ?wsdl: {reason}");
            }
            else if (!servedOverHttp)
            {
                Report("publishWSDL", "the proxy has no HTTP service (it listens on JMS or files only), so its WSDL is not answered at ?wsdl; serve it by hand if clients fetch it");
            }
            else
            {
                if (serverFile)
                {
                    // Answered from the file a required configurable names (ProxyWsdl.cs): the file is to be copied from the server.
                    _diagnostics.Report(DiagnosticCatalog.UnresolvedReference, wsdl.Location, "The WSDL file of publishWSDL", wsdl.Uri);
                }

                foreach (var resource in wsdl.Resources)
                {
                    // Axis2 answers ?xsd=<location> with the schemas a WSDL imports (the publishWSDL resources).
                    Report($"publishWSDL resource '{resource.ResourceLocation}'", $"the imported schema (key '{resource.Key}') is not answered at ?xsd; the WSDL is answered as written");
                }

                if (wsdl.PreservePolicy == false)
                {
                    Report("publishWSDL preservePolicy=\"false\"", "the Micro Integrator removes the WS-Policy elements from the published WSDL; the generated service answers the WSDL as written");
                }
            }
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

        var applied = transportPlans.Where(p => p.Reason is null || p.Kind != UntranslatedTransport.Setting).SelectMany(p => p.Applied).ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in proxy.Parameters.Where(p => !applied.Contains(p.Name)))
        {
            var polled = transportPlans.Any(p => p.Reason is null && p.Transport == "vfs");
            Report($"parameter '{parameter.Name}'", (polled ? VfsParameterConsequence(parameter.Name) : null) ?? "proxy and transport parameters are not applied");
        }
    }

    /// <summary>
    /// What the local-folder polling job does instead of a VFS setting of PollTableEntry it does not apply; null for
    /// another parameter. Said whether or not the transport is translated: the message names the MI's behaviour.
    /// </summary>
    private static string? VfsParameterConsequence(string name) => name switch
    {
        "transport.vfs.Locking" => "the Micro Integrator locks each file while it processes it (a <file>.lock beside it, unless 'disable'); the polling job takes no lock, so run one instance of the program per folder",
        "transport.vfs.MaxRetryCount" or "transport.vfs.ReconnectTimeout" => "the Micro Integrator retries a folder it cannot reach (MaxRetryCount times, default 3, ReconnectTimeout s apart, default 30) within a poll; the polling job logs the failure and tries again at the next poll",
        "transport.vfs.FileProcessCount" or "transport.vfs.FileProcessInterval" => "the Micro Integrator processes at most FileProcessCount files a poll, FileProcessInterval ms apart; the polling job processes every matching file of the folder in each poll, one after another",
        "transport.vfs.Streaming" => "the Micro Integrator streams the file into the message (binary content types); the polling job reads the whole file first",
        "transport.vfs.Append" => "it applies to files the Micro Integrator writes (a vfs: endpoint or reply), which are not translated",
        "transport.vfs.ReplyFileURI" or "transport.vfs.ReplyFileName" => "the Micro Integrator writes the proxy's answer to the reply file; the polling job discards the answer: write it with ballerina/file or io:fileWrite* where the flow answers",
        "transport.vfs.MoveTimestampFormat" => "the Micro Integrator prefixes a moved file's name with the time in this format; the polling job moves it under its own name",
        "transport.vfs.FileSizeLimit" or "transport.vfs.MinimumAge" or "transport.vfs.MaximumAge" or "transport.vfs.CheckSizeInterval" or "transport.vfs.CheckSizeIgnoreEmpty" or "transport.vfs.UpdateLastModified"
            => "the Micro Integrator filters or checks the files with it; the polling job processes every file whose name matches",
        "transport.vfs.AutoLockRelease" or "transport.vfs.AutoLockReleaseInterval" or "transport.vfs.LockReleaseSameNode" or "transport.vfs.DistributedLock" or "transport.vfs.DistributedTimeout"
            => "the polling job takes no lock to release or share (see transport.vfs.Locking)",
        "transport.vfs.FailedRecordsFileName" or "transport.vfs.FailedRecordsFileDestination" or "transport.vfs.MoveFailedRecordTimestampFormat" or "transport.vfs.FailedRecordNextRetryDuration" or "transport.vfs.MoveAfterFailedMove"
            => "the Micro Integrator records files it failed to move and retries them; the polling job logs a failed move and leaves the file",
        _ when name.StartsWith("transport.vfs.", StringComparison.Ordinal) => "this VFS setting of the Micro Integrator is not applied by the polling job",
        _ => null,
    };
}
