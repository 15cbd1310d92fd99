using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <conditionalRouter> (ConditionalRouterMediator): each route's evaluator as an if over the To address,
// headers and properties, its target run in place; breakRoute makes the rest an else branch.
public sealed partial class Lowerer
{
    /// <summary>
    /// ConditionalRouterMediator evaluates the routes in order against the To address, the transport headers and the
    /// properties; a route whose evaluator holds runs its target on the same message (synchronously), and a route
    /// with breakRoute (the default) ends the routing. What a target returns is ignored. The mediator then returns
    /// continueAfter (false by default): false stops the flow. An evaluator error is a fault (handleException).
    /// </summary>
    private IEnumerable<StepIr> LowerConditionalRouter(ConditionalRouterMediator router, FlowContext context)
    {
        var routes = new List<(UrlConditionIr Condition, ImmutableArray<StepIr> Target, bool Break)>();
        foreach (var route in router.Routes)
        {
            if (RouteProblem(route) is { } problem)
            {
                return [Todo(router, DiagnosticCatalog.AttributeNotTranslated, problem, "conditionalRouter", "a route", problem)];
            }

            if (UrlCondition(route.ConditionXml!, out var conditionProblem) is not { } condition)
            {
                return [Todo(router, DiagnosticCatalog.AttributeNotTranslated, conditionProblem, "conditionalRouter", "a route condition", conditionProblem)];
            }

            var target = route.Target!;
            var steps = target.Sequence is { } inline
                ? LowerBlock(inline, context)
                : LowerSequenceKey(null, target.Location, target.SequenceKey!, $"<sequence key=\"{target.SequenceKey!.Text}\"/>");
            routes.Add((condition, steps, route.BreakRoute ?? true));
        }

        var result = new List<StepIr>(Routes(router, routes, 0));
        if (router.ContinueAfter != true)
        {
            result.AddRange(StopAfterRouter(router, context));
        }

        return result;
    }

    /// <summary>Route <paramref name="index"/> and those after it: a breaking route holds the rest in its else branch.</summary>
    private static ImmutableArray<StepIr> Routes(ConditionalRouterMediator router, List<(UrlConditionIr Condition, ImmutableArray<StepIr> Target, bool Break)> routes, int index)
    {
        if (index == routes.Count)
        {
            return [];
        }

        var (condition, target, breaks) = routes[index];
        var rest = Routes(router, routes, index + 1);
        var test = new UrlConditionHoldsIr(condition);
        return breaks
            ? [new IfStep(router, test, target, rest)]
            : [new IfStep(router, test, target, []), .. rest];
    }

    /// <summary>Why a route is not translated, or null.</summary>
    private static string? RouteProblem(ConditionalRouteSyntax route)
    {
        if (route.ConditionXml is null)
        {
            return "a route has no condition (the Micro Integrator rejects the configuration)";
        }

        if (route.Target is not { } target)
        {
            return "a route has no target";
        }

        if (route.Asynchronous)
        {
            return "an asynchronous route runs its target in another thread on the same message";
        }

        if (target.To is not null || target.SoapAction is not null)
        {
            return "a route's target sets the To address or the SOAPAction";
        }

        if (target.Sequence is null && target.SequenceKey is null)
        {
            return "a route's target sends to an endpoint instead of running a sequence";
        }

        return null;
    }

    /// <summary>continueAfter="false": the mediator returns false and the flow ends after the routes.</summary>
    private IEnumerable<StepIr> StopAfterRouter(ConditionalRouterMediator router, FlowContext context)
    {
        if (context.Kind is FlowKind.In or FlowKind.Out or FlowKind.Fault)
        {
            _diagnostics.Report(context.Kind == FlowKind.Out ? DiagnosticCatalog.ResponseHang : DiagnosticCatalog.FlowEndsWithoutResponse, router.Location, Answers202);
            return [new AcceptStep(router)];
        }

        // A shared sequence may not answer the client: the stop is left to write by hand, as for throttle.
        const string message = "the conditionalRouter stops the flow here (continueAfter is not true): the Micro Integrator answers 202 when nothing was sent";
        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, router.Location, "conditionalRouter", "continueAfter=\"false\"", message);
        return [new TodoStep(router, new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, message), string.Empty)];
    }
}
