using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <throttle>: the policy's decision (throttleAdmit) with the onAccept/onReject flows as its branches, and
// on the response path the release of the concurrency slot; a policy this translation cannot read stays a TODO (SB0230).
public sealed partial class Lowerer
{
    /// <summary>The run-time names of the throttles lowered so far, so that each mediator keeps its own counters as in Synapse.</summary>
    private readonly HashSet<string> _throttleNames = new(StringComparer.Ordinal);

    /// <summary>
    /// ThrottleMediator on a request admits the message by concurrency and then by access rate (per caller IP or
    /// domain), then runs onAccept (or continues) or onReject (or stops the flow: mediate returns false, so nothing is
    /// answered but the Micro Integrator's 202). On a response it does nothing: the concurrency slot goes back when the
    /// response arrives (SynapseCallbackReceiver), which the generated code does where the response-path throttle is.
    /// </summary>
    private IEnumerable<StepIr> LowerThrottle(ThrottleMediator throttle, FlowContext context)
    {
        var id = throttle.Id is { } throttleId ? $" id=\"{throttleId}\"" : string.Empty;
        // Whether the message is a response here (ThrottleMediator tests isResponse()): known in a resource's flows (a
        // call leaves it as it was: SynapseCallbackReceiver.handleMessage puts a continuation call's direction back),
        // at run time in a shared sequence or a fault flow.
        var direction = context.Kind == FlowKind.Fault ? Known.Maybe : context.Exchange.Current.IsResponse;
        if (context.Kind == FlowKind.Out || direction == Known.Yes)
        {
            return ResponseThrottle(throttle);
        }

        var (policy, problem) = ThrottlePolicy(throttle);
        if (problem is not null)
        {
            return NotTranslatedThrottle(throttle, context, id, problem);
        }

        var accept = Branch(throttle, throttle.OnAccept, context);
        IEnumerable<StepIr> request;
        if (policy is null || (policy.MaxConcurrent == 0 && !policy.ReadsCaller))
        {
            // No throttle object (no policy, or none the mediator reads): every message is accepted.
            var reason = policy is null
                ? throttle.PolicyKey is null && throttle.InlinePolicyXml is null ? "it has no policy" : "its policy holds no MediatorThrottleAssertion or ThrottleAssertion of the throttle namespace"
                : "its policy sets no limit";
            _diagnostics.Report(DiagnosticCatalog.ThrottleAcceptsAll, throttle.Location, id, reason);
            request = throttle.OnReject is null
                ? [new CommentStep(throttle, $"<throttle{id}> accepts every message: {reason}."), .. accept]
                : [new CommentStep(throttle, $"<throttle{id}> accepts every message: {reason}."), new DeadCodeStep(throttle, "this throttle rejects nothing, so its onReject never runs"), .. accept];
        }
        else
        {
            var reject = RejectBranch(throttle, context);
            request = [new ThrottleStep(throttle, ThrottleName(throttle, context), policy, accept, reject)];
        }

        // In a shared sequence the direction is known at run time only: on a response the mediator does nothing but
        // let the flow go on, and the slot of the request is given back.
        return direction == Known.No
            ? request
            : [new DirectionStep(throttle, [.. request], [new ThrottleReleaseStep(throttle)])];
    }

    /// <summary>A throttle on the response path: the concurrency slot of the request goes back; onAccept and onReject do not run.</summary>
    private IEnumerable<StepIr> ResponseThrottle(ThrottleMediator throttle)
    {
        StepIr release = new ThrottleReleaseStep(throttle);
        return throttle.OnAccept is null && throttle.OnReject is null
            ? [release]
            : [release, new DeadCodeStep(throttle, "on a response the throttle mediator runs neither onAccept nor onReject")];
    }

    /// <summary>The policy the mediator reads: inline, or the local entry or registry resource its key names.</summary>
    private (ThrottlePolicyIr? Policy, string? Problem) ThrottlePolicy(ThrottleMediator throttle)
    {
        string? xml;
        if (throttle.PolicyKey is { } key)
        {
            if (key.IsDynamic)
            {
                return (null, $"the policy key '{key.Text}' is computed at run time");
            }

            xml = _model.Symbols.LocalEntry(key.Text) is { } entry ? entry.Xml : _model.RegistryText(key.Text);
            if (xml is null)
            {
                return (null, _model.Symbols.LocalEntry(key.Text) is not null
                    ? $"the local entry '{key.Text}' holding the policy has no inline XML (it is loaded from a URL)"
                    : "it is not in the input (a registry resource of the server): copy it into the project");
            }
        }
        else
        {
            xml = throttle.InlinePolicyXml;
        }

        if (xml is null)
        {
            return (null, null);
        }

        var reading = ThrottlePolicyReader.Read(StripDeclaration(xml));
        return reading.Problem is { } problem ? (null, problem) : (reading.Policy, null);
    }

    private static string StripDeclaration(string xml)
    {
        var trimmed = xml.TrimStart('\uFEFF').Trim();
        return trimmed.StartsWith("<?xml", StringComparison.Ordinal) && trimmed.IndexOf("?>", StringComparison.Ordinal) is var end and > 0
            ? trimmed[(end + 2)..].TrimStart()
            : trimmed;
    }

    /// <summary>The name of a throttle's counters: its id and artifact, as ThrottleMediator keys its callers, made unique per mediator.</summary>
    private string ThrottleName(ThrottleMediator throttle, FlowContext context)
    {
        var name = $"{throttle.Id ?? "throttle"}@{context.Owner}";
        var unique = name;
        for (var n = 2; !_throttleNames.Add(unique); n++)
        {
            unique = $"{name}#{n}";
        }

        return unique;
    }

    /// <summary>A policy this translation does not read: the flows as the two branches of an if that fails at run time, with a TODO (SB0230).</summary>
    private IEnumerable<StepIr> NotTranslatedThrottle(ThrottleMediator throttle, FlowContext context, string id, string problem)
    {
        var policy = throttle.PolicyKey is { } key
            ? $"the policy '{key.Text}' ({problem})"
            : throttle.InlinePolicyXml is { } inline ? $"{PolicySummary(inline)} ({problem})" : "no policy";
        var todo = Todo(throttle, DiagnosticCatalog.ThrottleNotTranslated, $"<throttle{id}> limits by {policy}; the decision is not translated, the onAccept and onReject flows are", id, policy);
        var accept = Branch(throttle, throttle.OnAccept, context);
        var reject = RejectBranch(throttle, context);
        var condition = new UntranslatedConditionIr($"throttle{id}: {policy}");
        return [todo with { RawXml = throttle.PolicyKey is null && throttle.InlinePolicyXml is { } xml ? xml : throttle.RawXml }, new IfStep(throttle, condition, accept, reject)];
    }

    private ImmutableArray<StepIr> Branch(MediatorSyntax origin, MediatorBranchSyntax? branch, FlowContext context) => branch switch
    {
        null => [],
        { SequenceKey: { } key } => LowerSequenceKey(origin, branch.Location, key, origin.RawXml),
        _ => LowerBlock(branch.Mediators, context),
    };

    /// <summary>The limits of a throttle policy in words, for a policy this translation does not read.</summary>
    internal static string PolicySummary(string policyXml) =>
        ThrottlePolicyReader.Read(policyXml) is { Policy: { } policy } ? ThrottlePolicyReader.Describe(policy) : "an inline policy";

    /// <summary>
    /// What a rejected message does: the onReject flow; without one the mediator returns false and the flow stops,
    /// which an in or fault flow answers with the 202 of a flow that sent nothing (SB0215); a shared sequence may not
    /// answer the client, so there the stop is a TODO.
    /// </summary>
    private ImmutableArray<StepIr> RejectBranch(ThrottleMediator throttle, FlowContext context)
    {
        if (throttle.OnReject is not null)
        {
            return Branch(throttle, throttle.OnReject, context);
        }

        if (context.Kind is FlowKind.In or FlowKind.Fault)
        {
            _diagnostics.Report(DiagnosticCatalog.FlowEndsWithoutResponse, throttle.Location, Answers202);
            return [new AcceptStep(throttle)];
        }

        return [new TodoStep(throttle, new NotTranslatedIr(DiagnosticCatalog.ThrottleNotTranslated, "a rejected message stops the flow here (there is no onReject): the Micro Integrator answers 202 when nothing was sent"), string.Empty)];
    }
}
