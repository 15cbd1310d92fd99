using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// Where a message gives a concurrency throttle's slot back (issue 9). ThrottleMediator.mediate takes a slot of a
/// throttle with a concurrency limit and marks the message context (SYNAPSE_CONCURRENCY_THROTTLE); only a context so
/// marked gives one back, once (ConcurrencyThrottlingUtils.decrementConcurrencyThrottleAccessController clears the
/// mark): when a non-blocking call's response arrives or its send fails (SynapseCallbackReceiver.handleMessage,
/// AbstractEndpoint.informFailure), when an OUT_ONLY message is sent (Axis2FlexibleMEPClient.send), when the answer
/// goes back to the client (Axis2Sender.sendBack, handleConcurrentThrottleCount) and when the fault handler runs
/// (MediatorFaultHandler.handleFault). A blocking call sends through BlockingMsgSender, which gives nothing back.
/// <para>
/// The bodies that may run on a marked context are those sharing a context with a body holding such a throttle
/// (<see cref="ContextGraph.Sharing"/>); every other body releases nothing. Inside those bodies a release is marked
/// (<see cref="CallStep.ReleasesThrottle"/>, <see cref="CallAddressStep.ReleasesThrottle"/>,
/// <see cref="RespondStep.ReleasesThrottle"/>) only where the message may still hold the slot on some path: a resource
/// starts with none (a new context), a fault flow has given it back when it starts, and after a release the slot is
/// held again only past a throttle that takes one or a call of a function that may run holding one.
/// </para>
/// </summary>
public static class ThrottleSlots
{
    public static PackageIr Mark(PackageIr package)
    {
        var throttled = package.Services.SelectMany(s => s.Resources).Select(r => r.Body)
            .Concat(package.Inbounds.Select(i => i.Transport).OfType<InboundTransportIr.Http>().Select(h => h.Resource.Body))
            .Concat(package.Functions.Select(f => f.Body))
            .Any(TakesSlot);
        if (!throttled)
        {
            return package;
        }

        var (graph, bodies) = PropertyLocalAnalysis.ContextGraphOf(package);
        var held = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < bodies.Count; i++)
        {
            if (TakesSlot(BodyOf(bodies[i])))
            {
                // The graph's nodes past the bodies are artifacts left as TODOs: they hold no step to mark.
                foreach (var j in graph.Sharing(i).Where(j => j < bodies.Count))
                {
                    held.Add(bodies[j]);
                }
            }
        }

        var summaries = new Summaries(package.Functions, held.OfType<FunctionIr>().Select(f => f.Name));
        ResourceIr Resource(ResourceIr resource)
        {
            if (!held.Contains(resource))
            {
                return resource;
            }

            var walk = new Walk(summaries);
            var body = walk.Block(resource.Body, false, out _);
            return resource with { Body = body, HoldsThrottleSlot = walk.Held };
        }

        FunctionIr Function(FunctionIr function)
        {
            if (!held.Contains(function))
            {
                return function;
            }

            // An in flow starts on the new context of its resource; a fault flow has given the slot back first.
            var walk = new Walk(summaries);
            var body = walk.Block(function.Body, function.Kind is FunctionKind.Sequence or FunctionKind.OutFlow, out _);
            return function with { Body = body, HoldsThrottleSlot = function.Kind == FunctionKind.InFlow ? walk.Held : true };
        }

        return package with
        {
            Services = [.. package.Services.Select(s => s with { Resources = [.. s.Resources.Select(Resource)] })],
            Inbounds = [.. package.Inbounds.Select(i => i.Transport is InboundTransportIr.Http http ? i with { Transport = http with { Resource = Resource(http.Resource) } } : i)],
            Functions = [.. package.Functions.Select(Function)],
        };
    }

    /// <summary>
    /// What the refiner takes when <see cref="Mark"/> fails (a bug in the converter): every flow may hold a slot, so
    /// every non-blocking call and answer gives it back and every fault flow and unhandled failure too; the runtime's
    /// release does nothing for a message that holds none.
    /// </summary>
    public static PackageIr Everywhere(PackageIr package)
    {
        ResourceIr Resource(ResourceIr resource) => resource with { Body = Released(resource.Body), HoldsThrottleSlot = true };
        return package with
        {
            Services = [.. package.Services.Select(s => s with { Resources = [.. s.Resources.Select(Resource)] })],
            Inbounds = [.. package.Inbounds.Select(i => i.Transport is InboundTransportIr.Http http ? i with { Transport = http with { Resource = Resource(http.Resource) } } : i)],
            Functions = [.. package.Functions.Select(f => f with { Body = Released(f.Body), HoldsThrottleSlot = true })],
        };
    }

    private static ImmutableArray<StepIr> Released(ImmutableArray<StepIr> steps) => [.. steps.Select(step => step switch
    {
        CallStep { Blocking: false } call => call with { ReleasesThrottle = true },
        CallAddressStep { Blocking: false } address => address with { ReleasesThrottle = true },
        RespondStep respond => respond with { ReleasesThrottle = true },
        TransactionStep transaction => transaction with { Body = Released(transaction.Body) },
        _ => FlowBodies.Nested(step, Released),
    })];

    private static ImmutableArray<StepIr> BodyOf(object body) => body switch
    {
        ResourceIr resource => resource.Body,
        FunctionIr function => function.Body,
        _ => [],
    };

    /// <summary>A throttle with a concurrency limit is in the body (ThrottleMediator: concurrentAccessController).</summary>
    private static bool TakesSlot(ImmutableArray<StepIr> body) =>
        IrWalker.Steps(body).Any(step => step is ThrottleStep { Policy.MaxConcurrent: > 0 });

    /// <summary>
    /// Whether the slot may be held when a function returns, by whether it was held when it was called (a walk of its
    /// body, each once): a sequence whose call gives the slot back returns without it, one with a throttle may return
    /// holding one. A function being walked (a recursion) is taken to return holding one.
    /// </summary>
    /// <param name="holding">The functions that may run on a context holding a slot: a body that runs one may fail holding it.</param>
    private sealed class Summaries(IEnumerable<FunctionIr> functions, IEnumerable<Symbol> holding)
    {
        public IReadOnlySet<Symbol> Holding { get; } = holding.ToHashSet();

        private readonly Dictionary<Symbol, FunctionIr> _functions = functions.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<(Symbol, bool), bool> _exits = [];
        private readonly HashSet<(Symbol, bool)> _walking = [];

        public bool IsFunction(Symbol symbol) => _functions.ContainsKey(symbol);

        public bool Exit(Symbol function, bool held)
        {
            if (!_functions.TryGetValue(function, out var body))
            {
                return held;
            }

            var key = (function, held);
            if (_exits.TryGetValue(key, out var exit))
            {
                return exit;
            }

            if (!_walking.Add(key))
            {
                return true;
            }

            new Walk(this).Block(body.Body, held, out exit);
            _walking.Remove(key);
            _exits[key] = exit;
            return exit;
        }
    }

    /// <summary>One body's walk: whether the slot may be held at each step, in source order.</summary>
    private sealed class Walk(Summaries summaries)
    {
        /// <summary>The slot may be held somewhere in the body, or in a function it runs (its failure may come from there).</summary>
        public bool Held { get; private set; }

        /// <summary>The steps with their releases marked; <paramref name="after"/>: whether the slot may be held at the end of a path that goes on.</summary>
        public ImmutableArray<StepIr> Block(ImmutableArray<StepIr> steps, bool held, out bool after)
        {
            var result = ImmutableArray.CreateBuilder<StepIr>(steps.Length);
            foreach (var step in steps)
            {
                Held |= held;
                result.Add(Step(step, ref held));
                Held |= held;
            }

            after = held;
            return result.MoveToImmutable();
        }

        private StepIr Step(StepIr step, ref bool held)
        {
            var entry = held;
            StepIr result;
            switch (step)
            {
                case CallStep { Blocking: false } call:
                    held = false;
                    return entry ? call with { ReleasesThrottle = true } : call;
                case CallAddressStep { Blocking: false } address:
                    held = false;
                    return entry ? address with { ReleasesThrottle = true } : address;
                case RespondStep respond:
                    held = false;
                    return entry ? respond with { ReleasesThrottle = true } : respond;
                case ThrottleReleaseStep:
                    held = false;
                    return step;
                case ThrottleStep throttle:
                {
                    var accept = Block(throttle.OnAccept, entry || throttle.Policy.MaxConcurrent > 0, out var afterAccept);
                    var reject = Block(throttle.OnReject, entry, out var afterReject);
                    held = Merge((throttle.OnAccept, afterAccept), (throttle.OnReject, afterReject));
                    result = throttle with { OnAccept = accept, OnReject = reject };
                    break;
                }

                case IfStep branch:
                {
                    var then = Block(branch.Then, entry, out var afterThen);
                    var otherwise = Block(branch.Else, entry, out var afterElse);
                    held = Merge((branch.Then, afterThen), (branch.Else, afterElse));
                    result = branch with { Then = then, Else = otherwise };
                    break;
                }

                case SwitchStep choice:
                {
                    var ends = new List<(ImmutableArray<StepIr>, bool)>();
                    var cases = choice.Cases.Select(c =>
                    {
                        var steps = Block(c.Steps, entry, out var afterCase);
                        ends.Add((c.Steps, afterCase));
                        return c with { Steps = steps };
                    }).ToImmutableArray();
                    var fallback = Block(choice.Default, entry, out var afterDefault);
                    ends.Add((choice.Default, afterDefault));
                    held = Merge([.. ends]);
                    result = choice with { Cases = cases, Default = fallback };
                    break;
                }

                case DirectionStep direction:
                {
                    var request = Block(direction.Request, entry, out var afterRequest);
                    var response = Block(direction.Response, entry, out var afterResponse);
                    held = Merge((direction.Request, afterRequest), (direction.Response, afterResponse));
                    result = direction with { Request = request, Response = response };
                    break;
                }

                case TransactionStep transaction:
                {
                    var body = Block(transaction.Body, entry, out var afterBody);
                    held = entry || afterBody;
                    result = transaction with { Body = body };
                    break;
                }

                default:
                {
                    // A list that may not run (a cache hit, a failed validation): the slot is as before, or as the list left it.
                    var ends = false;
                    result = FlowBodies.Nested(step, steps =>
                    {
                        var marked = Block(steps, entry, out var afterList);
                        ends |= afterList && !Flow.Terminates(steps);
                        return marked;
                    });
                    held = entry || ends;
                    break;
                }
            }

            // An invoked sequence returns holding the slot or not (Summaries); another function the step names (a fork
            // branch, a loop body, a continuation) may have taken one when the flow goes on.
            var named = new HashSet<Symbol>();
            EmptyFlows.Collect(step, named);
            Held |= named.Overlaps(summaries.Holding);
            if (step is InvokeStep invoke)
            {
                held = summaries.Exit(invoke.Function, held);
                return result;
            }

            foreach (var function in named.Where(summaries.IsFunction))
            {
                held |= summaries.Exit(function, entry);
            }

            return result;
        }

        /// <summary>Whether the slot may be held after branches that cover every path: on one that goes on.</summary>
        private static bool Merge(params (ImmutableArray<StepIr> Steps, bool After)[] branches) =>
            branches.Any(b => b.After && !Flow.Terminates(b.Steps));
    }
}
