using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
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
        var (outFunction, faultFunction) = LowerResponseFlows(proxy.Name, $"proxy service {proxy.Name}", target?.InSequence, target?.OutSequence, target?.FaultSequence, owner, target?.Endpoint is not null || SendsWithoutBlocking(target?.InSequence),
            target?.Endpoint is not null || HandsToOutFlow(target?.InSequence), AcceptedBeforeAnySend(target?.InSequence?.Mediators ?? []),
            SendsOnlyWithoutBlocking(target?.InSequence, target: target?.Endpoint is not null), proxy.Location);
        // A proxy without a WSDL has one Axis2 operation, 'mediate' (ProxyService.buildAxisService); with a WSDL the
        // operation is the one Axis2 dispatches the request to: the generated services and listeners find it
        // (ctx.operationName) when the converter reproduces the dispatch and they are the flow's only entry points (no
        // local call, which runs the flow function without it).
        var wsdlDispatch = proxy.PublishWsdl is not null ? WsdlDispatchOf(proxy).Dispatch : null;
        var fixedOperation = FixedOperation(proxy, wsdlDispatch);
        var listeners = transportPlans.Where(p => p.Reason is null).ToList();
        var dispatched = wsdlDispatch is not null && (servedOverHttp || listeners.Count > 0)
            && listeners.All(DispatchesOperations) && !CalledLocally(proxy.Name);
        var context = new FlowContext(FlowKind.In, _translator, outFunction, owner)
        {
            OperationName = proxy.PublishWsdl is null ? (ExprIr)new StringLiteralIr(SynapseOperationName) : dispatched ? new SystemValueIr(SystemValue.OperationName) : null,
        };
        var body = target?.InSequence is { } inFlow ? LowerFlowBody(inFlow, context) : [];
        if (target?.Endpoint is { } endpoint && !Flow.Terminates(body))
        {
            // The target is sent as a <send> is (ProxyServiceMessageReceiver: endpoint.send), in the state the in flow
            // left: OUT_ONLY and FORCE_SC_ACCEPTED apply to it as to a send.
            var ended = context.Exchange.Ended ?? context.Exchange.Current;
            ImmutableArray<StepIr> send = CallStepFor(null, endpoint, context, out var reason) is { } call
                ? [.. TargetTransportSwitchTodo(target.InSequence), .. OutOnlyOrAccepted(null, "proxy target", target.Location, call, ended, context) ?? [.. SoapFaultChecked(null, call, proxy.Location), SendReply(null, context, ended)]]
                : LocalCall(null, endpoint, ended, target.Location) is { } local ? (local is LocalCallStep ? [.. SoapFaultChecked(null, local, proxy.Location), SendReply(null, context, ended)] : [local])
                : JmsTargetSend(endpoint, target.InSequence, target.Location, context) is { } jms ? [.. jms]
                : VfsTargetSend(endpoint, ended, target.Location, context) is { } vfs ? [.. vfs]
                : MailTargetSend(endpoint, ended, target.Location, context) is { } mail ? [.. mail]
                : [new TodoStep(null, reason ?? new NotTranslatedIr(DiagnosticCatalog.EndpointNotTranslated, $"the target endpoint of proxy '{proxy.Name}' is not translated"), proxy.RawXml)];
            body = [.. body, .. MarkedUnmediated(send, TargetEndpointSend(proxy.Name, endpoint))];
        }

        _currentProxy = null;
        var needsOutFlow = outFunction is not null && InFlowSendsThroughSequence(target?.InSequence);
        ReportOutFlowEnd(outFunction, body, faultFunction, needsOutFlow);
        body = WithFallThrough(body, target?.InSequence?.Location ?? proxy.Location);
        var aliases = WithoutServiceNames(ServiceAddresses.Axis2EndpointPaths(proxy.Name, proxy.Transports, _httpsListener is not null));
        var (onHttp, onHttps) = Listeners(proxy.Transports);

        // The Micro Integrator answers the proxy at its Axis2 endpoint addresses too: one flow function every service calls.
        var flowName = ProxyFlowFunction(proxy.Name);
        _functions.Add(new FunctionIr(flowName, FunctionKind.InFlow, true, body, $"In flow of proxy service {proxy.Name}, run by the service at each of its addresses.", target?.InSequence?.Location ?? proxy.Location) { FaultFunction = faultFunction });
        foreach (var plan in transportPlans.Where(p => p.Reason is null))
        {
            // Axis2 dispatches such a message by its action, its wsa:To or its built body: every generated listener does
            // the same (transportOperation) when the converter reads the WSDL's operations, unless the proxy's Operation
            // parameter names one, which every message then gets.
            var listenerDispatch = wsdlDispatch is not null && fixedOperation is null && DispatchesOperations(plan) ? wsdlDispatch : null;
            if (ProxyListener(proxy, plan, flowName, needsOutFlow ? outFunction : null, listenerDispatch, fixedOperation) is { } listener)
            {
                _proxyListeners.Add(listener);
                if (proxy.PublishWsdl is not null && wsdlDispatch is null)
                {
                    _diagnostics.Report(DiagnosticCatalog.TransportOperationDispatchNotReproduced, proxy.Location, proxy.Name, plan.Transport, plan switch
                    {
                        ProxyTransportPlan.Jms => "the message's SOAPAction property, its WS-Addressing action or To, or its body's first element (the JMS transport builds the message)",
                        ProxyTransportPlan.RabbitMq => "the message's SOAP_ACTION header, its WS-Addressing action or To, or its body's first element",
                        ProxyTransportPlan.Mail => "the mail's SOAPAction header (or a subject 'SOAPAction: ...'), its WS-Addressing action or To, or its body's first element",
                        _ => "its WS-Addressing action or To, or its body's first element (the VFS transport gives no SOAP action)",
                    }, plan switch
                    {
                        ProxyTransportPlan.Jms => " with a fault sent to its reply destination",
                        ProxyTransportPlan.Mail => " with a fault mailed to its sender",
                        ProxyTransportPlan.RabbitMq => " with a fault published to its reply-to queue when the Micro Integrator's own RabbitMQ sender sent it",
                        _ => " with a fault it has no reply file for (the file fails)",
                    },
                        WsdlDispatchOf(proxy).Reason ?? "the converter does not read the WSDL's operations");
                }
            }
        }

        if (!servedOverHttp)
        {
            if (!CalledLocally(proxy.Name))
            {
                // No HTTP client waits for this proxy's answer: what SB0210 and SB0603 say a client gets (nothing, or
                // 202 / 502 from the generated code) is no one's; a listener of its transport (file, JMS, mail) takes
                // no HTTP status. Taken back for the proxy's own flows (the sequences it calls are reported for all their callers).
                _diagnostics.Revise(
                    d => (d.Id == DiagnosticCatalog.ResponseHang.Id || d.Id == DiagnosticCatalog.DefaultFaultAfterSendUnanswered.Id)
                        && d.Location.GetLineSpan().Path == proxy.Location.Path && proxy.Location.Span.Contains(d.Location.SourceSpan),
                    _ => null);
            }

            yield break;
        }

        ImmutableArray<StepIr> runFlow = [new ContinueWithStep(null, flowName)];
        var path = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        // The WSDL is answered at every address of the service (Axis2 also finds the service by an endpoint name).
        var wsdl = proxy.PublishWsdl is null ? GeneratedWsdl(proxy) : PublishedWsdl(proxy);
        var wsdlNotHeld = proxy.PublishWsdl is not null && wsdl is null;
        yield return new ServiceIr(ServiceKind.Proxy, proxy.Name, basePath, [new ResourceIr("default", path, runFlow, null, outFunction, needsOutFlow, $"ANY {basePath}/*", proxy)], proxy, proxy.Location.Path) { Description = proxy.Description, Wsdl = wsdl, WsdlNotHeld = wsdlNotHeld, HttpsOnly = !onHttp, OnHttps = onHttps };
        foreach (var alias in aliases)
        {
            var resource = new ResourceIr("default", path, runFlow, null, outFunction, needsOutFlow, $"ANY {alias}/* (an Axis2 endpoint address of the proxy; the URL postfix is what follows it)", proxy);
            yield return new ServiceIr(ServiceKind.Proxy, proxy.Name, alias, [resource], proxy, proxy.Location.Path) { Wsdl = wsdl, WsdlNotHeld = wsdlNotHeld, HttpsOnly = !onHttp, OnHttps = onHttps };
        }
    }

    /// <summary>
    /// Whether the generated listener of a translated transport dispatches a message to the operations of the proxy's
    /// published WSDL as Axis2 does (transportOperation): the JMS, file (local or remote), mail and RabbitMQ ones.
    /// </summary>
    private static bool DispatchesOperations(ProxyTransportPlan plan) =>
        plan is ProxyTransportPlan.Jms or ProxyTransportPlan.Vfs or ProxyTransportPlan.RemoteVfs or ProxyTransportPlan.Mail or ProxyTransportPlan.RabbitMq;

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
    /// The Axis2 endpoint addresses that name no proxy or data service of the project: <c>AxisConfiguration.getService</c>
    /// looks a name up among the services before the endpoints, so <c>/services/A.AHttpEndpoint</c> runs a proxy named
    /// <c>A.AHttpEndpoint</c>, not proxy <c>A</c> (and two services at one base path would stop the listener from starting).
    /// </summary>
    private ImmutableArray<string> WithoutServiceNames(ImmutableArray<string> aliases)
    {
        _axis2ServiceNames ??= _model.Artifacts.OfType<ProxySyntax>().Select(p => p.Name)
            .Concat(_model.Artifacts.OfType<DataServiceSyntax>().Select(d => d.Name)).ToHashSet(StringComparer.Ordinal);
        return aliases.RemoveAll(alias => _axis2ServiceNames.Contains(alias["/services/".Length..]));
    }

    private HashSet<string>? _axis2ServiceNames;

    /// <summary>
    /// The listeners a proxy or data service exposed on <paramref name="transports"/> is served on. The HTTP one when it
    /// is exposed on http (or on every transport); without an HTTPS listener in the package, every service is on it.
    /// The HTTPS one when it is exposed on https, and also when it is exposed on http alone: Axis2's
    /// <c>DispatchPhase.validateTransport</c> accepts a request whose incoming transport name starts with an exposed
    /// one, and <c>"https"</c> starts with <c>"http"</c>, so the Micro Integrator answers such a proxy on its https port
    /// too. A service exposed on https alone is refused over http (<c>"http"</c> does not start with <c>"https"</c>).
    /// </summary>
    private (bool Http, bool Https) Listeners(IReadOnlyCollection<string> transports)
    {
        if (_httpsListener is null)
        {
            return (true, false);
        }

        var http = transports.Count == 0 || transports.Contains("http", StringComparer.Ordinal);
        var https = transports.Count == 0 || transports.Contains("https", StringComparer.Ordinal);
        return (http, http || https);
    }

    /// <summary>
    /// The HTTPS listener, when a proxy served over HTTP or a data service names https among its transports, or an API
    /// resource's protocol is https (the author asked for it; the Micro Integrator's https listener then answers it on
    /// port 8253): a port configurable and a
    /// key store (a required path and a required secret password: the MI's is <c>[keystore.primary]</c> of
    /// deployment.toml, a JKS file that Ballerina cannot read). Null otherwise: the services stay on the HTTP listener alone.
    /// </summary>
    private ListenerIr? HttpsListener()
    {
        ArtifactSyntax? first = _model.Artifacts.OfType<ProxySyntax>().FirstOrDefault(p => ReferenceEquals(_model.Symbols.Proxy(p.Name), p) && p.Transports.Contains("https", StringComparer.Ordinal));
        // Only a data service that becomes a service: one left a TODO (or shadowed by a service of its name) serves nothing.
        first ??= _model.Artifacts.OfType<DataServiceSyntax>().FirstOrDefault(d => ServiceAddresses.DataServiceTransports(d).Contains("https", StringComparer.Ordinal)
            && _model.ServiceNameHolder(d) is null && DataServiceServed(d));
        // An API resource with protocol="https" is answered only on the Micro Integrator's https listener (Resource.canProcess).
        first ??= _model.Apis.FirstOrDefault(a => a.Transports == "https" || a.Resources.Any(r => r.Protocol == "https"));
        if (first is null)
        {
            return null;
        }

        var port = new ConfigurableIr(_symbols.Module(SymbolKind.Configurable, "https port"), ConfigurableType.Integer, ServerPort(https: true), $"Port of the HTTPS listener the services exposed on https are served on ({ServerPortDefault(https: true)}).", Secret: false);
        var path = _symbols.Module(SymbolKind.Configurable, "https key store path");
        var password = _symbols.Module(SymbolKind.Configurable, "https key store password");
        _configurables.Add(port);
        _configurables.Add(new ConfigurableIr(path, ConfigurableType.String, null, "Key store of the HTTPS listener: the Micro Integrator's https transport uses [keystore.primary] file_name of deployment.toml (repository/resources/security/wso2carbon.jks by default, a JKS file; Ballerina reads PKCS12 key stores: convert it with keytool -importkeystore -deststoretype PKCS12).", Secret: false));
        _configurables.Add(new ConfigurableIr(password, ConfigurableType.String, null, "Password of the HTTPS listener's key store ([keystore.primary] password of deployment.toml; the PKCS12 copy's key password must be the same).", Secret: true));
        _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, first.Location, "HTTPS listener key store password");
        return new ListenerIr(_symbols.Module(SymbolKind.Listener, "https listener"), port) { KeyStore = new InboundKeyStoreIr(path, password) };
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
            // A message naming no operation of the WSDL is refused as the Micro Integrator refuses it: a mail gets the
            // fault mailed back (refuseMail); over RabbitMQ the MI publishes none either (its sender fails on the fault).
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
                Report("publishWSDL", $"the WSDL ({wsdl.Uri ?? wsdl.Key ?? wsdl.Endpoint ?? "inline"}) is not published at ?wsdl{(servedOverHttp ? " (the service answers ?wsdl, ?wsdl2 and ?xsd 501 without running the flow, as the Micro Integrator runs it for none of them)" : "")}: {reason}");
            }
            else if (!servedOverHttp)
            {
                Report("publishWSDL", "the proxy has no HTTP service (it listens on JMS, files, mail or RabbitMQ only), so its WSDL is not answered at ?wsdl; serve it by hand if clients fetch it");
            }
            else
            {
                if (serverFile)
                {
                    // Answered from the file a required configurable names (ProxyWsdl.cs): the file is to be copied from the server.
                    _diagnostics.Report(DiagnosticCatalog.UnresolvedReference, wsdl.Location, "The WSDL file of publishWSDL", wsdl.Uri, "");
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
            Report("startOnLoad=\"false\"", "the Micro Integrator deploys the proxy stopped (its Axis2 service inactive: AxisConfiguration.getService refuses every request to it with a 'serviceinactive' fault until it is activated by hand); the generated service answers from the start");
        }

        if (!proxy.PinnedServers.IsEmpty)
        {
            Report("pinnedServers", $"the Micro Integrator deploys the proxy only on a server whose name is one of '{string.Join(", ", proxy.PinnedServers)}' (ProxyService.buildAxisService; the server's name is localhost unless configured); the generated service runs wherever the package is deployed");
        }

        if (proxy.ServiceGroup is not null)
        {
            Report("serviceGroup", "Axis2 service groups have no counterpart");
        }

        foreach (var policy in proxy.Policies)
        {
            Report($"policy '{policy.Key}'", "the Micro Integrator attaches the WS-Policy to the proxy's Axis2 service (security, RM or addressing assertions it enforces on each request); the generated service applies no policy: configure what it asks for by hand (ballerina/http secureSocket, auth)");
        }

        if (proxy.EnableAddressing)
        {
            Report("enableAddressing", "the Micro Integrator engages the addressing module on the proxy (it reads the request's wsa: headers and answers with wsa:RelatesTo, sending the response to wsa:ReplyTo when it is not anonymous); the generated service neither reads nor writes WS-Addressing headers and always answers on the request's connection");
        }

        if (proxy.EnableSec is not null)
        {
            Report("enableSec", "the Micro Integrator engages Rampart on the proxy, so a request without the WS-Security header its policy asks for is refused with a SOAP fault and the response is signed or encrypted; the generated service accepts and answers unsecured messages: secure it by hand (http:ListenerSecureSocket, auth, or WS-Security in the flow)");
        }

        if (proxy.EnableRM is not null)
        {
            Report("enableRM", "WS-ReliableMessaging is not applied");
        }

        ReportAnalytics(proxy.Statistics, proxy.Trace, proxy.Location, "proxy", $"proxy service '{proxy.Name}'");

        var applied = transportPlans.Where(p => p.Reason is null || p.Kind != UntranslatedTransport.Setting).SelectMany(p => p.Applied).ToHashSet(StringComparer.Ordinal);
        if (servedOverHttp || (proxy.PublishWsdl is not null && WsdlDispatchOf(proxy).Dispatch is not null && transportPlans.Any(p => p.Reason is null && DispatchesOperations(p))))
        {
            // What disableOperationValidation changes (a request naming no WSDL operation runs the flow) is what the
            // generated service (or JMS or file listener) does; without it SB0244 says where the two differ.
            applied.Add("disableOperationValidation");
        }

        if (transportPlans.Any(p => p.Reason is null && DispatchesOperations(p)))
        {
            // ProtocolEndpoint.createMessageContext reads it for every message of these listeners, as they do (the action
            // of the operation it names, which a WSDL operation then keeps: FixedOperation).
            applied.Add("Operation");
        }

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
            => "the Micro Integrator records a file it failed to move or delete after processing and leaves its lock, so no later poll takes it (its FileRemoveTask is not started for a folder scanned with a pattern); the polling job skips such a file while it runs and writes no record file",
        _ when name.StartsWith("transport.vfs.", StringComparison.Ordinal) => "this VFS setting of the Micro Integrator is not applied by the polling job",
        _ => null,
    };

    /// <summary>
    /// Whether an artifact of the input names the proxy in a <c>local:</c> address (Axis2's local transport, which
    /// hands the message to the proxy in-process: callLocal runs its flow function without the services' dispatch).
    /// </summary>
    private bool CalledLocally(string proxy) =>
        _model.Artifacts.Any(a => a.RawXml.Contains("local:", StringComparison.Ordinal)
            && LocalAddressRegex().Matches(a.RawXml.ToString()).Any(m => LocalServiceName(m.Value) is { } service
                && (service == proxy || service.StartsWith(proxy + ".", StringComparison.Ordinal))));

    [System.Text.RegularExpressions.GeneratedRegex("""local:[^"'<>\s]*""")]
    private static partial System.Text.RegularExpressions.Regex LocalAddressRegex();
}
