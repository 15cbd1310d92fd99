using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <throttle>: the onAccept/onReject flows as two branches; the policy's decision stays a TODO (SB0230).
public sealed partial class Lowerer
{
    private const string ThrottleNamespace = "http://www.wso2.org/products/wso2commons/throttle";

    /// <summary>
    /// ThrottleMediator admits a request by concurrency and by access rate (per caller IP or domain), then runs
    /// onAccept (or continues) or onReject (or stops the flow: mediate returns false, so nothing is answered but
    /// the Micro Integrator's 202). On a response it only gives a concurrency slot back and runs onAccept.
    /// </summary>
    private IEnumerable<StepIr> LowerThrottle(ThrottleMediator throttle, FlowContext context)
    {
        var id = throttle.Id is { } throttleId ? $" id=\"{throttleId}\"" : string.Empty;
        var policy = throttle.PolicyKey is { } key
            ? $"the policy '{key.Text}'"
            : throttle.InlinePolicyXml is { } inline ? PolicySummary(inline) : "no policy";
        var message = $"<throttle{id}> limits by {policy}; the decision is not translated, the onAccept and onReject flows are";
        if (throttle.OnAccept is null && throttle.OnReject is null && context.Kind == FlowKind.Out)
        {
            var release = $"<throttle{id}> on the response path gives back the concurrency slot its request took ({policy})";
            return [Todo(throttle, DiagnosticCatalog.ThrottleNotTranslated, release, id, policy)];
        }

        var todo = Todo(throttle, DiagnosticCatalog.ThrottleNotTranslated, message, id, policy);
        var accept = Branch(throttle, throttle.OnAccept, context);
        ImmutableArray<StepIr> reject;
        if (throttle.OnReject is not null)
        {
            reject = Branch(throttle, throttle.OnReject, context);
        }
        else if (context.Kind is FlowKind.In or FlowKind.Out or FlowKind.Fault)
        {
            // Without onReject the mediator returns false: the flow stops, and the client gets the 202 of a flow that sent nothing.
            _diagnostics.Report(DiagnosticCatalog.FlowEndsWithoutResponse, throttle.Location);
            reject = [new AcceptStep(throttle)];
        }
        else
        {
            // A shared sequence may not answer the client: the stop is left to write by hand.
            reject = [new TodoStep(throttle, new NotTranslatedIr(DiagnosticCatalog.ThrottleNotTranslated, "a rejected message stops the flow here (there is no onReject): the Micro Integrator answers 202 when nothing was sent"), string.Empty)];
        }

        var condition = new UntranslatedConditionIr($"throttle{id}: {policy}");
        return [todo with { RawXml = throttle.PolicyKey is null && throttle.InlinePolicyXml is { } xml ? xml : throttle.RawXml }, new IfStep(throttle, condition, accept, reject)];
    }

    private ImmutableArray<StepIr> Branch(MediatorSyntax origin, MediatorBranchSyntax? branch, FlowContext context) => branch switch
    {
        null => [],
        { SequenceKey: { } key } => LowerSequenceKey(origin, branch.Location, key, origin.RawXml),
        _ => LowerBlock(branch.Mediators, context),
    };

    /// <summary>The limits of a throttle policy in words: maximum concurrent access, and per caller the count per unit time.</summary>
    internal static string PolicySummary(string policyXml)
    {
        XElement root;
        try
        {
            root = XElement.Parse(policyXml);
        }
        catch (System.Xml.XmlException)
        {
            return "an inline policy";
        }

        XName Name(string local) => XName.Get(local, ThrottleNamespace);
        var parts = new List<string>();
        if (root.Descendants(Name("MaximumConcurrentAccess")).FirstOrDefault() is { } concurrent)
        {
            parts.Add($"at most {concurrent.Value.Trim()} concurrent requests");
        }

        foreach (var callerId in root.Descendants(Name("ID")))
        {
            var type = (string?)callerId.Attribute(Name("type")) ?? "IP";
            var scope = callerId.Parent;
            var count = scope?.Descendants(Name("MaximumCount")).FirstOrDefault()?.Value.Trim();
            var unit = scope?.Descendants(Name("UnitTime")).FirstOrDefault()?.Value.Trim();
            var prohibit = scope?.Descendants(Name("ProhibitTimePeriod")).FirstOrDefault()?.Value.Trim();
            var caller = $"{type} {callerId.Value.Trim()}";
            if (scope?.Descendants(Name("IsAllowed")).Any() == true)
            {
                parts.Add($"{caller} always allowed");
            }
            else if (scope?.Descendants(Name("Deny")).Any() == true)
            {
                parts.Add($"{caller} always denied");
            }
            else if (count is not null && unit is not null)
            {
                parts.Add($"{caller}: {count} requests per {unit} ms" + (prohibit is { Length: > 0 } ? $", then prohibited for {prohibit} ms" : string.Empty));
            }
        }

        return parts.Count == 0 ? "an inline policy" : string.Join("; ", parts);
    }
}
