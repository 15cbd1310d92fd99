using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of the SOAP <operation>s of a data service: one function dispatching the operation a request names, run by
// a resource for any path under /services/<name> and by services at the Axis2 endpoint addresses of the data service.
public sealed partial class Lowerer
{
    /// <summary>
    /// The operations of a data service that are translated, dispatched by one function (<c>&lt;name&gt;Operations</c>),
    /// and the catch-all resource of the service running it; the others are reported (SB0206) and added to
    /// <paramref name="resources"/> as TODOs with their XML and their query's. Null when no operation is translated.
    /// </summary>
    private Symbol? LowerDataServiceOperations(DataServiceSyntax service, IReadOnlyDictionary<string, DataServiceConnection> connections, string basePath, ImmutableArray<ResourceIr>.Builder resources)
    {
        var operations = ImmutableArray.CreateBuilder<DataServiceOperationIr>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in service.Operations)
        {
            if (DataServiceOperationFor(service, connections, operation, out var why) is { } translated && seen.Add(translated.Name))
            {
                operations.Add(translated);
                continue;
            }

            why ??= "a second operation with this name: the data service dispatches to one of them only";
            _dataServiceOperationReasons.TryAdd((service, operation.Name), why);
            var message = $"the SOAP operation '{operation.Name}' of data service '{service.Name}' (query '{operation.CallQuery?.Href}') is not translated: {why}";
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, operation.Location, "operation", $"'{operation.Name}'", why);
            resources.Add(new ResourceIr("post", [], [], null, null, false, $"SOAP operation {operation.Name}", WithQueryXml(service, operation, operation.CallQuery)) { Skipped = new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, message) });
        }

        _dataServiceOperations[service] = operations.ToImmutable();
        if (operations.Count == 0)
        {
            return null;
        }

        var function = _symbols.Module(SymbolKind.Function, service.Name + " operations");
        var summary = $"The SOAP operations of data service {service.Name} ({string.Join(", ", operations.Select(o => o.Name))}): the operation a request names (SOAPAction, WS-Addressing Action, the URL's last segment or the body's first element, in the order the Micro Integrator's Axis2 dispatchers look) runs its query and answers as the data service does.";
        _functions.Add(new FunctionIr(function, FunctionKind.InFlow, true, [new DataServiceDispatchStep(service.Name, operations.ToImmutable())], summary, service.Location));
        var path = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        resources.Add(new ResourceIr("default", path, [new ContinueWithStep(null, function)], null, null, false, $"ANY {basePath}/* (its SOAP operations, also called REST-style at {basePath}/<operation>)", service));
        return function;
    }

    /// <summary>The services at the Axis2 endpoint addresses of a data service (<c>/services/D.SOAP11Endpoint</c>, ...), each dispatching its operations.</summary>
    private IEnumerable<ServiceIr> DataServiceEndpointServices(DataServiceSyntax service, Symbol operations)
    {
        var path = ImmutableArray.Create<PathSegmentIr>(new PathSegmentIr.Rest("*", SymbolFactory.Local("path")));
        var (onHttp, onHttps) = Listeners(ServiceAddresses.DataServiceTransports(service));
        foreach (var alias in WithoutServiceNames(DataServiceEndpointPaths(service)))
        {
            var resource = new ResourceIr("default", path, [new ContinueWithStep(null, operations)], null, null, false, $"ANY {alias}/* (an Axis2 endpoint address of the data service: its SOAP operations)", service);
            yield return new ServiceIr(ServiceKind.DataService, service.Name, alias, [resource], service, service.Location.Path) { HttpsOnly = !onHttp, OnHttps = onHttps };
        }
    }

    /// <summary>
    /// The Axis2 endpoint addresses of a data service: <c>.SOAP11Endpoint</c>, <c>.SOAP12Endpoint</c>,
    /// <c>.HTTPEndpoint</c>, their <c>Secure</c> and <c>VFS</c> forms (DBDeployer's default endpoints, one set per
    /// listener of the server): <see cref="ServiceAddresses.DataServiceEndpointPaths"/>.
    /// </summary>
    internal static ImmutableArray<string> DataServiceEndpointPaths(DataServiceSyntax service) =>
        ServiceAddresses.DataServiceEndpointPaths(service.Name, ServiceAddresses.DataServiceTransports(service));

    /// <summary>
    /// The attributes of a data service, operation or resource without <c>disableStreaming</c>, which changes nothing
    /// the generated service does. In the Micro Integrator it only decides whether the answer is built before it is
    /// sent: DataServiceRequest.dispatch builds the result element in full (DBUtils.cloneAndReturnBuiltElement) when
    /// the request's disableStreaming is on (OperationFactory/ResourceFactory: the element's own, read with
    /// Boolean.parseBoolean so any value is taken, or the data service's, DataServiceFactory), and otherwise leaves it
    /// to be streamed row by row as it is written out. The generated service always reads the whole result first.
    /// </summary>
    private static ImmutableArray<DataServiceAttributeSyntax> WithoutStreamingSwitch(ImmutableArray<DataServiceAttributeSyntax> attributes) =>
        attributes.RemoveAll(a => a.Name == "disableStreaming");

    /// <summary>An operation with the query it runs, or null with the reason it stays a TODO.</summary>
    private DataServiceOperationIr? DataServiceOperationFor(DataServiceSyntax service, IReadOnlyDictionary<string, DataServiceConnection> connections, DataServiceOperationDefSyntax operation, out string? reason)
    {
        reason = null;
        if (!IsXmlName(operation.Name))
        {
            reason = $"the name '{operation.Name}' is not a plain XML name (the operation a SOAP request names by its body element)";
            return null;
        }

        var returnStatus = false;
        var others = WithoutStreamingSwitch(operation.OtherAttributes);
        if (others.FirstOrDefault(a => a.Name == "returnRequestStatus") is { } status && status.Value.Trim() is "true" or "false")
        {
            returnStatus = status.Value.Trim() == "true";
            others = others.Remove(status);
        }

        if (!others.IsEmpty || !operation.Unknown.IsEmpty)
        {
            reason = $"it uses {Describe(others, operation.Unknown)}";
            return null;
        }

        if (operation.CallQuery is not { Href: not null } call)
        {
            reason = "it calls no query";
            return null;
        }

        if (WithParamsReason(call) is { } withReason)
        {
            reason = withReason;
            return null;
        }

        if (service.Queries.LastOrDefault(q => q.Id == call.Href) is not { } query)
        {
            reason = $"the query '{call.Href}' is not in the data service";
            return null;
        }

        if (DataServiceQueryStepFor(service, connections, query, WithParamNames(call), out var queryReason) is not { } step)
        {
            reason = queryReason;
            return null;
        }

        ReportUnboundPlaceholders(query);
        ReportUnmappedParameters(call, query, step, $"the operation '{operation.Name}'");

        return new DataServiceOperationIr(operation.Name, step, returnStatus);
    }
}
