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
    /// A dataServiceCall (DataServiceCallMediator.mediate): with an inline source of a single operation of a data service
    /// of the project whose operation is translated, that operation's query run in process on the request the mediator
    /// builds, its result placed as the target says (<see cref="DataServiceCallStep"/>). A data service that is not in
    /// the project is one the server has deployed otherwise: a TODO (SB0231) that says so. Any other shape a TODO
    /// (SB0619) naming what is not reproduced.
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

        // DataServiceCallMediatorFactory: a source type other than inline is body; target type "property" alone is a property.
        var inline = string.Equals(call.SourceType, "inline", StringComparison.OrdinalIgnoreCase);
        if (!inline)
        {
            return NotTranslated("the source is the message body (source type 'body'): the operation is the body's first element, run with the parameters its children give; the conversion runs operations named in the configuration only");
        }

        if (call.Operations is not { } operations || operations.Type is null)
        {
            return NotTranslated("the inline source has no <operations type>, which the Micro Integrator refuses when it deploys the artifact (DataServiceCallMediatorFactory.configureInlineSource)");
        }

        if (operations.Type != "single")
        {
            var kind = operations.Type == "batch" ? "a batch request (the operation '<first operation>_batch_req', BatchDataServiceRequest, which the data service has with enableBatchRequests)"
                : operations.Type == "request-box" ? "a request box (request_box: its operations run one after another in one transaction, RequestBoxRequest, the result being the last one's)"
                : $"of operations type '{operations.Type}' (the Micro Integrator sends it as a single operation)";
            return NotTranslated($"it is {kind}; only a single operation is translated");
        }

        if (operations.Operations.Length != 1 || !operations.Groups.IsEmpty)
        {
            return NotTranslated("a single operation holds one <operation> without nested <operations> (DataServiceCallMediatorFactory refuses more than one)");
        }

        var operation = operations.Operations[0];
        string? property = null;
        if (call.TargetType == "property")
        {
            if (call.TargetName is not { Length: > 0 } name)
            {
                return NotTranslated("the property target has no name, which the Micro Integrator refuses when it deploys the artifact (configureTargetElement)");
            }

            if (name.Length >= 2 && name[0] == '{' && name[^1] == '}')
            {
                return NotTranslated($"the target property's name '{name}' is an expression evaluated for each message");
            }

            property = name;
        }

        // AxisConfiguration.getService: the data service deployed under that name; one the Micro Integrator does not
        // deploy (faulty, or shadowed by a service of the same name) is none.
        var service = candidates.FirstOrDefault(d => _model.ServiceNameHolder(d) is null);
        if (service is null || LoweredDataService(service) is null || !_dataServiceOperations.TryGetValue(service, out var translated))
        {
            var why = service is null || DataServiceDeployRefusal(service) is not null
                ? "the data service is not deployed by the Micro Integrator (see its own diagnostic), so the call fails there (\"does not exist\")"
                : !DataServiceServed(service)
                ? "the data service is not translated (see its own diagnostic)"
                : "none of the data service's operations is translated";
            return NotTranslated(why);
        }

        if (translated.FirstOrDefault(o => o.Name == operation.Name) is not { } target)
        {
            var why = _dataServiceOperationReasons.TryGetValue((service, operation.Name), out var reason)
                ? $"its operation '{operation.Name}' is not translated: {reason}"
                : $"the data service has no operation '{operation.Name}' (the Micro Integrator fails the call: \"A data service request named '{operation.Name}' does not exist in data service '{service.Name}'\")";
            return NotTranslated(why);
        }

        var parameters = operation.Params.Select(p => new DataServiceCallParamIr(p.Name, Value(p.Value, context))).ToImmutableArray();
        return new DataServiceCallStep(call, service.Name, target.Name, parameters, target.Query, target.ReturnRequestStatus, property);
    }

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
