using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// The rewrite the flow-inlining passes (<see cref="EmptyFlows"/>, <see cref="RespondOnlyFlows"/>) share: every
/// resource body and function body rewritten by one step rewriter, and a resource's registered out function dropped
/// when it is one of the inlined flows and nothing needs it registered. What the rewriter leaves as it was (the same
/// step list) is kept, not copied (<see cref="SharedList"/>): a resource, service or function whose body and out
/// function did not change is the same instance, and so is the package when nothing changed.
/// </summary>
internal static class FlowBodies
{
    public static PackageIr Rewrite(PackageIr package, Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> rewrite, Func<Symbol, bool> inlined)
    {
        var services = SharedList.Map(package.Services, s =>
        {
            var resources = SharedList.Map(s.Resources, r =>
            {
                var body = rewrite(r.Body);
                var outFunction = r.OutFunction is { } o && inlined(o) && !r.NeedsOutFlow ? null : r.OutFunction;
                return body == r.Body && ReferenceEquals(outFunction, r.OutFunction) ? r : r with { Body = body, OutFunction = outFunction };
            });
            return resources == s.Resources ? s : s with { Resources = resources };
        });
        var functions = SharedList.Map(package.Functions, f =>
        {
            var body = rewrite(f.Body);
            return body == f.Body ? f : f with { Body = body };
        });
        return services == package.Services && functions == package.Functions ? package : package with { Services = services, Functions = functions };
    }

    /// <summary>
    /// A step with the step lists it holds (branches, cache hit, throttle outcomes) rewritten; any other step as it is,
    /// and so is a step whose lists all come back as they were.
    /// </summary>
    public static StepIr Nested(StepIr step, Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>> rewrite)
    {
        switch (step)
        {
            case IfStep i:
                {
                    var then = rewrite(i.Then);
                    var otherwise = rewrite(i.Else);
                    return then == i.Then && otherwise == i.Else ? step : i with { Then = then, Else = otherwise };
                }

            case SwitchStep s:
                {
                    var cases = SharedList.Map(s.Cases, c =>
                    {
                        var steps = rewrite(c.Steps);
                        return steps == c.Steps ? c : c with { Steps = steps };
                    });
                    var fallback = rewrite(s.Default);
                    return cases == s.Cases && fallback == s.Default ? step : s with { Cases = cases, Default = fallback };
                }

            case DirectionStep d:
                {
                    var request = rewrite(d.Request);
                    var response = rewrite(d.Response);
                    return request == d.Request && response == d.Response ? step : d with { Request = request, Response = response };
                }

            case CacheLookupStep c:
                {
                    var onHit = rewrite(c.OnHit);
                    return onHit == c.OnHit ? step : c with { OnHit = onHit };
                }

            case ThrottleStep t:
                {
                    var onAccept = rewrite(t.OnAccept);
                    var onReject = rewrite(t.OnReject);
                    return onAccept == t.OnAccept && onReject == t.OnReject ? step : t with { OnAccept = onAccept, OnReject = onReject };
                }

            case ValidateStep v:
                {
                    var onFail = rewrite(v.OnFail);
                    return onFail == v.OnFail ? step : v with { OnFail = onFail };
                }

            case JsonValidateStep v:
                {
                    var onFail = rewrite(v.OnFail);
                    return onFail == v.OnFail ? step : v with { OnFail = onFail };
                }

            default:
                return step;
        }
    }
}
