using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No property set from itself where it provably already holds that value (issue 14): projects copy a URI variable
/// into itself (<c>&lt;property name="uri.var.id" expression="get-property('uri.var.id')"/&gt;</c>), which the
/// Micro Integrator's PropertyMediator evaluates to the property's string (SynapseXPath.stringValueOf) and sets again.
/// That is a no-op only when the property already holds a string: a URI variable of the resource's path does when the
/// resource starts, as URITemplateBasedDispatcher.findResource sets each variable URITemplate.matches bound as a
/// <c>String</c> (<c>newContext</c>'s path parameters in the generated code). So in a resource body such a set is left
/// out while nothing before it in its block (and the blocks around it) may have changed the variable: only comments,
/// logs, field sets, response marks and plain property sets that leave it a string (another name, or a string value)
/// stand before it. Any other step (a sequence call, a TODO, a removal, a connector) may write anything, and ends the
/// proof. Elsewhere (a sequence, a proxy) nothing says what the property holds, so the set stays.
/// </summary>
public static class SelfAssignments
{
    /// <summary>The package with every provably idle self-set of a URI variable removed from its resource's body.</summary>
    public static PackageIr Remove(PackageIr package)
    {
        var services = SharedList.Map(package.Services, s =>
        {
            var resources = SharedList.Map(s.Resources, r =>
            {
                var bound = BoundVariables(r);
                if (bound.Count == 0)
                {
                    return r;
                }

                var body = Rewrite(r.Body, bound, out _);
                return body == r.Body ? r : r with { Body = body };
            });
            return resources == s.Resources ? s : s with { Resources = resources };
        });
        return services == package.Services ? package : package with { Services = services };
    }

    /// <summary>The uri.var.* properties the resource's path sets when it is dispatched (PathSegmentIr.Param not unbound, a named rest).</summary>
    private static HashSet<string> BoundVariables(ResourceIr resource) => resource.Path
        .Select(segment => segment switch
        {
            PathSegmentIr.Param { Unbound: false } param => param.SynapseName,
            PathSegmentIr.Rest { SynapseName: not "*" } rest => rest.SynapseName,
            _ => null,
        })
        .OfType<string>()
        .Select(name => "uri.var." + name)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The steps without the idle self-sets before the first step that may change a bound variable; <paramref name="stopped"/>
    /// says whether such a step was met (the steps after this block are then no longer proven).
    /// </summary>
    private static ImmutableArray<StepIr> Rewrite(ImmutableArray<StepIr> steps, HashSet<string> bound, out bool stopped)
    {
        var result = new SharedList.Builder<StepIr>(steps);
        stopped = false;
        foreach (var step in steps)
        {
            if (stopped)
            {
                result.Add(step);
                continue;
            }

            if (step is SetPropertyStep { Scope: PropertyScope.Default } set && bound.Contains(set.Name) && ReadsItself(set))
            {
                continue;
            }

            if (step is IfStep or SwitchStep)
            {
                // Each branch starts with the variables as they are here; after the test, a branch may have changed them.
                result.Add(FlowBodies.Nested(step, branch => Rewrite(branch, bound, out _)));
                stopped = true;
                continue;
            }

            result.Add(step);
            stopped = !LeavesString(step, bound);
        }

        return result.ToImmutable();
    }

    /// <summary>The value is the property's own read as get-property gives it (no local entry behind it), as it is or as a string.</summary>
    private static bool ReadsItself(SetPropertyStep set) => (set.Value is ConvertIr { To: ValueKind.String } convert ? convert.Operand : set.Value)
        is PropertyReadIr { Scope: PropertyScope.Default, Fallback: null, Required: false } read && read.Name == set.Name;

    /// <summary>A step that writes no bound variable, or writes one a string.</summary>
    private static bool LeavesString(StepIr step, HashSet<string> bound) => step switch
    {
        CommentStep or LogStep or SetFieldStep or MarkResponseStep => true,
        SetPropertyStep { Scope: not PropertyScope.Default } => true,
        SetPropertyStep set => !bound.Contains(set.Name) || set.Value.Kind == ValueKind.String,
        _ => false,
    };
}
