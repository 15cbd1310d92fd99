using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No out flow nothing runs (issue 14: no dead code). A resource or proxy records its out flow
/// (<see cref="ResourceIr.OutFunction"/>) whether or not anything continues with it; when no continuation, registration
/// or other part of the package names the function, nothing can run it: its in flow answers without it (a
/// <c>send receive="S"</c> runs S on the response, an <c>iterate</c> or <c>clone</c> whose aggregate the out flow
/// held is aggregated in the in flow, the out flow's steps before the aggregate copied into each branch). Such a
/// function is not declared, and neither is a branch or loop body function only it named. Behaviour is unchanged: the
/// function was never called. The IR the lowering built (and <c>ir.txt</c>) keeps it; a flow holding a TODO stays, so
/// that its original XML is still in the code.
/// </summary>
public static class UnusedFlows
{
    /// <summary>The package without the out flows nothing names and the branch functions only they named.</summary>
    public static PackageIr Remove(PackageIr package)
    {
        package = WithoutUnreadOutFlowRegistrations(package);
        var removed = new HashSet<Symbol>();
        var candidates = package.Functions.Where(f => f.Kind == FunctionKind.OutFlow && !HoldsTodo(f)).Select(f => f.Name).ToHashSet();
        candidates.ExceptWith(OutFlowsOfUnfinishedFlows(package));
        while (candidates.Count > 0)
        {
            var named = Named(package, removed);
            var unused = candidates.Where(c => !named.Contains(c)).ToHashSet();
            if (unused.Count == 0)
            {
                break;
            }

            removed.UnionWith(unused);

            // The branch and loop body functions the removed flows named are the next candidates.
            candidates = package.Functions
                .Where(f => unused.Contains(f.Name))
                .SelectMany(f => IrWalker.Steps(f.Body))
                .SelectMany(s => s switch
                {
                    ForkStep fork => fork.Branches.AsEnumerable(),
                    ForEachStep loop => [loop.Body],
                    _ => [],
                })
                .Where(s => !removed.Contains(s) && package.Functions.Any(f => f.Name == s && !HoldsTodo(f)))
                .ToHashSet();
        }

        if (removed.Count == 0)
        {
            return package;
        }

        return package with
        {
            Services = package.Services.Select(s => s with
            {
                Resources = s.Resources.Select(r => r.OutFunction is { } o && removed.Contains(o) ? r with { OutFunction = null } : r).ToImmutableArray(),
            }).ToImmutableArray(),
            Functions = package.Functions.Where(f => !removed.Contains(f.Name)).ToImmutableArray(),
            Symbols = package.Symbols.Where(s => !removed.Contains(s)).ToImmutableArray(),
        };
    }

    /// <summary>
    /// Every function symbol the package names outside the removed functions, each function's own name left out (a
    /// flow that only names itself is still named by nothing), and a resource's out flow left out unless the resource
    /// registers it (<see cref="ResourceIr.NeedsOutFlow"/>).
    /// </summary>
    private static HashSet<Symbol> Named(PackageIr package, HashSet<Symbol> removed)
    {
        var placeholder = new Symbol(SymbolKind.Function, "placeholder");
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(package with
        {
            Symbols = [],
            Functions = [],
            Services = package.Services.Select(s => s with
            {
                Resources = s.Resources.Select(r => r.NeedsOutFlow ? r : r with { OutFunction = null }).ToImmutableArray(),
            }).ToImmutableArray(),
        }, named);
        foreach (var function in package.Functions.Where(f => !removed.Contains(f.Name)))
        {
            var own = new HashSet<Symbol>();
            EmptyFlows.Collect(function with { Name = placeholder }, own);
            own.Remove(function.Name);
            named.UnionWith(own);
        }

        return named;
    }

    /// <summary>
    /// The out flows of resources whose in flow holds a TODO, directly or in a function it runs: the code that finishes
    /// the TODO may run the out flow (a recipient list's responses each run it), so it stays.
    /// </summary>
    private static HashSet<Symbol> OutFlowsOfUnfinishedFlows(PackageIr package)
    {
        var functions = package.Functions.ToDictionary(f => f.Name);
        var kept = new HashSet<Symbol>();
        foreach (var resource in package.Services.SelectMany(s => s.Resources))
        {
            if (resource.OutFunction is not { } outFlow)
            {
                continue;
            }

            var seen = new HashSet<Symbol>();
            var pending = new Stack<ImmutableArray<StepIr>>([resource.Body]);
            while (pending.TryPop(out var body))
            {
                if (IrWalker.Steps(body).Any(s => s is TodoStep))
                {
                    kept.Add(outFlow);
                    break;
                }

                var named = new HashSet<Symbol>();
                EmptyFlows.Collect(body, named);
                foreach (var callee in named.Where(n => n != outFlow && functions.ContainsKey(n) && seen.Add(n)))
                {
                    pending.Push(functions[callee].Body);
                }
            }
        }

        return kept;
    }

    /// <summary>
    /// The package without the <c>ctx.outFlow</c> registrations nothing reads. A resource registers its out flow when
    /// its in flow runs a sequence or template that sends (<see cref="ResourceIr.NeedsOutFlow"/>, decided on the
    /// Synapse source): the send in the shared function continues with whatever flow the context registered
    /// (<c>continueWithResponse</c>). When nothing the in flow runs (the functions it names, their fault flows and fork
    /// branches, transitively) continues that way, nor holds a TODO whose finished code might, the registration is
    /// never read: an iterate or clone in a template whose aggregate the out flow held sends in its branches and
    /// gathers where the split stands. Behaviour is unchanged; the out flow then goes as any flow nothing runs.
    /// </summary>
    private static PackageIr WithoutUnreadOutFlowRegistrations(PackageIr package)
    {
        var functions = package.Functions.ToDictionary(f => f.Name);
        var changed = false;
        var services = package.Services.Select(service => service with
        {
            Resources = service.Resources.Select(resource =>
            {
                if (!resource.NeedsOutFlow || resource.OutFunction is not { } outFlow || ContinuesWithRegisteredFlow(resource with { OutFunction = null }, outFlow, functions))
                {
                    return resource;
                }

                changed = true;
                return resource with { NeedsOutFlow = false };
            }).ToImmutableArray(),
        }).ToImmutableArray();
        return changed ? package with { Services = services } : package;
    }

    /// <summary>Whether the resource, or a function it runs (transitively, its out flow left out), continues with the registered flow or holds a TODO.</summary>
    private static bool ContinuesWithRegisteredFlow(ResourceIr resource, Symbol outFlow, Dictionary<Symbol, FunctionIr> functions)
    {
        if (Continues(resource.Body))
        {
            return true;
        }

        var seen = new HashSet<Symbol> { outFlow };
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(resource, named);
        var pending = new Stack<Symbol>(named.Where(seen.Add));
        while (pending.TryPop(out var name))
        {
            if (!functions.TryGetValue(name, out var function))
            {
                continue;
            }

            if (Continues(function.Body))
            {
                return true;
            }

            var callees = new HashSet<Symbol>();
            EmptyFlows.Collect(function, callees);
            foreach (var callee in callees.Where(seen.Add))
            {
                pending.Push(callee);
            }
        }

        return false;

        static bool Continues(ImmutableArray<StepIr> body) => IrWalker.Steps(body).Any(s => s is ContinueWithStep { Function: null } or TodoStep or DeadCodeStep);
    }

    private static bool HoldsTodo(FunctionIr function) => IrWalker.Steps(function.Body).Any(s => s is TodoStep or DeadCodeStep);
}
