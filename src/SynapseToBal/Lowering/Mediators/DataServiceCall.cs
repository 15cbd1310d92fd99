using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <dataServiceCall> (MI 4.x DataServiceCallMediator): a call of one operation of a data service of the
// project, run in process on the operation's generated query; any other call stays a TODO that says why.
public sealed partial class Lowerer
{
    /// <summary>The translated SOAP operations of each data service lowered (LowerDataServiceOperations).</summary>
    private readonly Dictionary<DataServiceSyntax, ImmutableArray<DataServiceOperationIr>> _dataServiceOperations = new(ReferenceEqualityComparer.Instance);

    /// <summary>Why an operation of a data service is not translated, by service and operation name.</summary>
    private readonly Dictionary<(DataServiceSyntax Service, string Operation), string> _dataServiceOperationReasons = new();

    /// <summary>The services each data service became (null: kept as a TODO), lowered once, when first needed.</summary>
    private readonly Dictionary<DataServiceSyntax, List<ServiceIr>?> _loweredDataServices = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the HTTPS listener is decided (it is before the first service is lowered).</summary>
    private bool _httpsListenerDecided;

    /// <summary>The HTTPS listener, decided once (<see cref="HttpsListener"/>).</summary>
    private void DecideHttpsListener()
    {
        if (!_httpsListenerDecided)
        {
            _httpsListenerDecided = true;
            _httpsListener = HttpsListener();
        }
    }

    /// <summary>The services of a data service: lowered the first time it is asked for (by a dataServiceCall, or with the other services).</summary>
    private List<ServiceIr>? LoweredDataService(DataServiceSyntax service)
    {
        if (!_loweredDataServices.TryGetValue(service, out var lowered))
        {
            DecideHttpsListener();
            lowered = Guarded(service, () => LowerDataService(service).ToList());
            _loweredDataServices[service] = lowered;
        }

        return lowered;
    }

    /// <summary>
    /// A dataServiceCall (DataServiceCallMediator.mediate) of a data service of the project, run in process on the
    /// generated queries of its operations (<see cref="DataServiceCallStep"/>): an inline source of a single operation,
    /// a batch (the first operation's <c>_batch_req</c>, which the data service has with enableBatchRequests) or a
    /// request box (which it has with enableBoxcarring), each of translated operations; or a body source, the operation
    /// the body's first element names, chosen at run time among the translated ones. A data service that is not in the
    /// project is one the server has deployed otherwise: a TODO (SB0231) that says so. Any other shape a TODO (SB0619)
    /// naming what is not reproduced.
    /// </summary>
    private StepIr LowerDataServiceCall(DataServiceCallMediator call, FlowContext context)
    {
        var candidates = _model.Artifacts.OfType<DataServiceSyntax>().Where(d => d.Name == call.ServiceName).ToList();
        if (candidates.Count == 0)
        {
            return HandWritten(call, DescribeDataServiceCall(call) + $"; no data service of this input is named '{call.ServiceName}' (the Micro Integrator calls the one deployed on the server, which is not converted with this project, and fails the mediation when there is none: \"The data service, named '{call.ServiceName}' does not exist.\")",
                "call the service's operations over HTTP, or convert the project that holds the data service with this one");
        }

        TodoStep NotTranslated(string why) =>
            Todo(call, DiagnosticCatalog.DataServiceCallNotTranslated, $"<dataServiceCall> of data service '{call.ServiceName}' is not translated: {why}", call.ServiceName, why);

        // DataServiceCallMediatorFactory.configureSourceElement: a source type other than inline (in any case) is body.
        var inline = string.Equals(call.SourceType, "inline", StringComparison.OrdinalIgnoreCase);
        if (!inline && call.Operations is not null)
        {
            return NotTranslated("the source is the message body but <operations> is written, which the Micro Integrator refuses when it deploys the artifact (DataServiceCallMediatorFactory.configureSourceElement: \"Inline configurations are only applicable for source type 'inline'\")");
        }

        var kind = DataServiceCallKind.Body;
        if (inline)
        {
            if (call.Operations is not { } group || group.Type is null)
            {
                return NotTranslated("the inline source has no <operations type>, which the Micro Integrator refuses when it deploys the artifact (DataServiceCallMediatorFactory.configureInlineSource)");
            }

            kind = group.Type switch
            {
                "single" => DataServiceCallKind.Single,
                "batch" => DataServiceCallKind.Batch,
                "request-box" => DataServiceCallKind.RequestBox,
                _ => (DataServiceCallKind)(-1),
            };
            if ((int)kind < 0)
            {
                // addRootOperation's switch sends any other type as a single operation; addOperations then wraps
                // each operation in an element of its own, which the data service reads as a batch of entries.
                return NotTranslated($"its operations type '{group.Type}' is none the Micro Integrator knows: it names the request after the first operation and wraps each operation's parameters in an element of their own, which the data service reads as a batch request of that operation (DataServiceCallMediator.addRootOperation, DataServiceRequest.isBatchRequest)");
            }

            if (!group.Groups.IsEmpty)
            {
                return NotTranslated("its <operations> nests further <operations>, whose request elements the Micro Integrator names after their type or first operation (DataServiceCallMediator.addOperations) and the data service then runs as batch requests of those names; nested groups are not translated");
            }

            if (group.Operations.IsEmpty)
            {
                return NotTranslated("its <operations> holds no <operation> (DataServiceCallMediator.addRootOperation fails on it: IndexOutOfBoundsException)");
            }

            if (kind == DataServiceCallKind.Single && group.Operations.Length != 1)
            {
                return NotTranslated("a single operation holds one <operation> (DataServiceCallMediatorFactory refuses more than one when it deploys the artifact)");
            }

            if (ParamRefusal(group) is { } refusal)
            {
                return NotTranslated(refusal);
            }

            foreach (var param in group.Operations.SelectMany(o => o.Params).Where(p => p.Type is not null))
            {
                _diagnostics.Report(DiagnosticCatalog.SettingWithoutEffect, param.Location, "param", $"'{param.Name}' type=\"{param.Type}\"",
                    "DataServiceCallMediatorFactory.extractParams reads a parameter's name, value, expression and evaluator only, and addParams sends every value as the element's text; the data service binds it as its query parameter's sqlType");
            }
        }

        ExprIr? property = null;
        if (call.TargetType == "property")
        {
            if (call.TargetName is not { Length: > 0 } name)
            {
                return NotTranslated("the property target has no name, which the Micro Integrator refuses when it deploys the artifact (configureTargetElement)");
            }

            if (call.TargetNameExpression is { } dynamic)
            {
                // createDynamicNameValue: the name between the braces, json-eval(...) a JSONPath, anything else an XPath.
                if (dynamic.Text.Length == 0 || dynamic.Language == ExpressionLanguage.Synapse)
                {
                    return NotTranslated($"the target property's name '{name}' is no expression the Micro Integrator compiles (createDynamicNameValue refuses it when it deploys the artifact)");
                }

                if (IrWalker.ContainsUntranslated(context.Translator.Value(dynamic)))
                {
                    return NotTranslated($"the target property's name '{name}' is an expression that is not translated");
                }

                property = Expr(dynamic, context);
            }
            else
            {
                property = new StringLiteralIr(name);
            }
        }

        // AxisConfiguration.getService: the data service deployed under that name; one the Micro Integrator does not
        // deploy (faulty, or shadowed by a service of the same name) is none.
        var service = candidates.FirstOrDefault(d => _model.ServiceNameHolder(d) is null);
        if (service is null || LoweredDataService(service) is null || !_dataServiceOperations.TryGetValue(service, out var translated) || translated.IsEmpty)
        {
            var why = service is null || DataServiceDeployRefusal(service) is not null
                ? "the data service is not deployed by the Micro Integrator (see its own diagnostic), so the call fails there (\"does not exist\")"
                : !DataServiceServed(service)
                ? "the data service is not translated (see its own diagnostic)"
                : "none of the data service's operations is translated";
            return NotTranslated(why);
        }

        string? Absent(string operation) =>
            translated.Any(o => o.Name == operation) ? null
            : _dataServiceOperationReasons.TryGetValue((service, operation), out var reason) ? $"its operation '{operation}' is not translated: {reason}"
            : $"the data service has no operation '{operation}', so the Micro Integrator fails the call (DataServiceRequest: \"A data service request named '{operation}' does not exist in data service '{service.Name}'\")";

        if (kind == DataServiceCallKind.Body)
        {
            var misses = service.Operations.Select(o => o.Name).Distinct().Where(n => Absent(n) is not null)
                .Select(n => new DataServiceCallMissIr(n, _dataServiceOperationReasons.TryGetValue((service, n), out var reason) ? reason : "it is not translated"))
                .ToList();
            if (JavaTrue(service.OtherAttributes.FirstOrDefault(a => a.Name == "enableBatchRequests")?.Value))
            {
                misses.AddRange(service.Operations.Where(o => BatchCompatible(service, o.CallQuery)).Select(o => o.Name).Distinct()
                    .Select(n => new DataServiceCallMissIr(n + "_batch_req", $"it is the batch operation of '{n}' (enableBatchRequests), which a body source runs only in the Micro Integrator")));
            }

            if (JavaTrue(service.OtherAttributes.FirstOrDefault(a => a.Name == "enableBoxcarring")?.Value))
            {
                misses.Add(new DataServiceCallMissIr("request_box", "it is the request box (enableBoxcarring), which a body source runs only in the Micro Integrator"));
            }

            var entries = translated.Select(o => new DataServiceCallEntryIr(o.Name, [], o.Query, o.ReturnRequestStatus)).ToImmutableArray();
            return new DataServiceCallStep(call, service.Name, kind, entries, [.. misses], property);
        }

        var operations = call.Operations!.Operations;
        if (kind == DataServiceCallKind.Batch)
        {
            // addRootOperation names the request after the first operation (<first>_batch_req) and each entry runs
            // that operation, whatever the entry's own name (BatchDataServiceRequest makes every entry a request of
            // the batch operation); DataServiceRequest.isBatchRequest takes it as a batch when the first entry has a
            // parameter element.
            var first = operations[0];
            var batchName = first.Name + "_batch_req";
            var enabled = JavaTrue(service.OtherAttributes.FirstOrDefault(a => a.Name == "enableBatchRequests")?.Value);
            var definition = service.Operations.LastOrDefault(o => o.Name == first.Name);
            if (!enabled || definition is null || !BatchCompatible(service, definition.CallQuery))
            {
                var reason = !enabled ? "the data service does not enable batch requests (enableBatchRequests is not \"true\")"
                    : definition is null ? $"the data service has no operation '{first.Name}'"
                    : $"its operation '{first.Name}' is not one the Micro Integrator makes a batch operation of (DataServiceFactory.isBatchCompatible: it needs with-params and a query without a result or returning generated keys)";
                return NotTranslated($"it is a batch request, which runs the data service's operation '{batchName}', and {reason}, so the Micro Integrator fails the call (\"A data service request named '{batchName}' does not exist in data service '{service.Name}'\")");
            }

            if (Absent(first.Name) is { } missing)
            {
                return NotTranslated(missing);
            }

            var target = translated.First(o => o.Name == first.Name);
            if (target.Query.Result is not null)
            {
                return NotTranslated($"it is a batch request of '{first.Name}', whose query returns generated keys: the Micro Integrator answers the last entry's keys (BatchDataServiceRequest.processRequest), which is not translated");
            }

            if (first.Params.IsEmpty)
            {
                return NotTranslated($"it is a batch request whose first operation has no parameter, which the data service does not read as a batch (DataServiceRequest.isBatchRequest) but as one request of '{batchName}' whose parameters are the entries' empty elements; not translated");
            }

            var entries = operations.Select(o => new DataServiceCallEntryIr(first.Name, Params(o), target.Query, target.ReturnRequestStatus)).ToImmutableArray();
            return new DataServiceCallStep(call, service.Name, kind, entries, [], property);
        }

        if (kind == DataServiceCallKind.RequestBox && !JavaTrue(service.OtherAttributes.FirstOrDefault(a => a.Name == "enableBoxcarring")?.Value))
        {
            return NotTranslated($"it is a request box, which runs the data service's operation 'request_box', and the data service does not enable boxcarring (enableBoxcarring is not \"true\": DataService.init adds request_box only then), so the Micro Integrator fails the call (\"A data service request named 'request_box' does not exist in data service '{service.Name}'\")");
        }

        // A request box builds every entry's request before any runs (RequestBoxRequest), so an operation the data
        // service does not have fails the call before the first query.
        foreach (var operation in operations)
        {
            if (Absent(operation.Name) is { } missing)
            {
                return NotTranslated(missing);
            }
        }

        var calls = operations.Select(o => translated.First(t => t.Name == o.Name) is var t ? new DataServiceCallEntryIr(t.Name, Params(o), t.Query, t.ReturnRequestStatus) : throw new InvalidOperationException()).ToImmutableArray();
        // TLConnectionStore.commitAll commits each config's connection in turn, without a two-phase commit; a
        // Ballerina transaction over two JDBC clients that are not XA is not that, so only one database is translated.
        if (calls.Select(c => c.Query.Client.Name).Distinct().Count() > 1)
        {
            return NotTranslated("it is a request box whose operations run on more than one config (database): the Micro Integrator commits or rolls back each connection in turn (TLConnectionStore.commitAll, no two-phase commit), which a Ballerina transaction over several JDBC clients does not reproduce; a request box on one config is translated");
        }

        return new DataServiceCallStep(call, service.Name, kind, calls, [], property);

        ImmutableArray<DataServiceCallParamIr> Params(DataServiceOperationSyntax operation) =>
            operation.Params.Select(p => new DataServiceCallParamIr(p.Name, Value(p.Value, context))).ToImmutableArray();
    }

    /// <summary>
    /// Why the Micro Integrator refuses a parameter of an inline source when it deploys the artifact, or null
    /// (DataServiceCallMediatorFactory.extractParams): without <c>evaluator="json"</c> the expression is compiled as an
    /// XPath (SynapseXPathFactory.getSynapseXPath), which Jaxen refuses for a <c>json-eval(...)</c> (<c>$.</c> is no
    /// variable name) or a <c>${...}</c>; with it, the expression (a <c>json-eval(</c> wrapper removed) is a JSONPath
    /// (SynapseJsonPathFactory), which Jayway refuses for a <c>${...}</c> (InvalidPathException, not caught).
    /// </summary>
    private static string? ParamRefusal(DataServiceOperationsSyntax group)
    {
        foreach (var param in group.Operations.SelectMany(o => o.Params))
        {
            if (param.Value is not ValueSyntax.Expression { Syntax: var expression })
            {
                continue;
            }

            var json = param.Evaluator == "json";
            if (!json && expression.Language != ExpressionLanguage.XPath)
            {
                return $"the parameter '{param.Name}' has the expression '{expression.Original}' without evaluator=\"json\": DataServiceCallMediatorFactory.extractParams compiles it as an XPath, which Jaxen refuses, so the Micro Integrator does not deploy the artifact (\"Invalid XPath expression for attribute expression\"); write evaluator=\"json\" for a JSONPath";
            }

            if (json && expression.Language == ExpressionLanguage.Synapse)
            {
                return $"the parameter '{param.Name}' has the expression '{expression.Original}' with evaluator=\"json\": DataServiceCallMediatorFactory.extractParams compiles it as a JSONPath, which Jayway refuses (InvalidPathException), so the Micro Integrator does not deploy the artifact";
            }
        }

        return null;
    }

    /// <summary>Whether DataServiceFactory.isBatchCompatible makes a <c>_batch_req</c> operation of a call-query: with-params, and a query without a result or returning generated keys.</summary>
    private static bool BatchCompatible(DataServiceSyntax service, DataServiceCallQuerySyntax? call) =>
        call is { WithParams.IsEmpty: false } && service.Queries.LastOrDefault(q => q.Id == call.Href) is { } query
        && (query.Result is null || JavaTrue(query.OtherAttributes.FirstOrDefault(a => a.Name == "returnGeneratedKeys")?.Value));

    /// <summary>What a dataServiceCall does, for its TODO.</summary>
    private static string DescribeDataServiceCall(DataServiceCallMediator call)
    {
        var operations = call.Operations is { } group ? OperationNames(group).ToList() : [];
        return $"calls the data service '{call.ServiceName}'"
            + (call.Operations?.Type is { } type ? $" ({type})" : string.Empty)
            + Names(", operations ", operations)
            + (call.TargetType is { } targetType ? $", the result into the {targetType}" + (call.TargetName is { } name ? $" '{name}'" : string.Empty) : string.Empty);
    }
}
