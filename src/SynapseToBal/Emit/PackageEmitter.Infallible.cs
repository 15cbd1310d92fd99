using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>The sequence, template and fault functions that cannot fail (<see cref="InfallibleFunctions"/>).</summary>
    private IReadOnlySet<Symbol> _infallible = new HashSet<Symbol>();

    /// <summary>
    /// The sequence, template and fault-flow functions that cannot fail (issue 14: no <c>error</c> in a return type where
    /// nothing fails): their written body has no <c>check</c>, <c>fail</c> or TODO (<see cref="FailureScan"/>) once the
    /// calls of the other functions that cannot fail are written without <c>check</c>, or it has, but it runs in a
    /// <c>do</c>/<c>on fail</c> whose fault function cannot fail. A greatest fixed point: every candidate is assumed not
    /// to fail; a function whose body still can is removed, and only the candidates that call it (or send their failures
    /// to it) are examined again, until none changes; so sequences that only call each other stay infallible. Such a
    /// sequence returns <c>http:Response?</c> when it can answer and nothing otherwise, a fault flow
    /// <c>http:Response</c>, and the callers call it without <c>check</c> (a task, an inbound listener or a message
    /// processor with no error test). Only functions the package names nowhere but from a statement
    /// (<see cref="InvokeStep"/>), as a task's target or fault handler, as an inbound listener's or a message processor's
    /// sequence, or as the fault function of a resource, a function or an inbound listener are candidates: a function a
    /// store mediator, a loop, a fork or a registered flow names is called with the <c>error</c> union those callers
    /// expect.
    /// </summary>
    private IReadOnlySet<Symbol> InfallibleFunctions(RefinedPackage refined)
    {
        var package = refined.Package;
        var candidates = package.Functions
            .Where(f => !IrWalker.Steps(f.Body).Any(s => s is TodoStep))
            .Select(f => f.Name)
            .ToHashSet();
        if (candidates.Count == 0)
        {
            return candidates;
        }

        var (elsewhere, beyondContinuations) = NamedOutsideRuns(package, candidates);
        candidates.ExceptWith(elsewhere);

        // An in or out flow is a candidate only where every caller is a continuation (return f(ctx);): a job, an inbound
        // listener or a processor that runs one expects a sequence's return type, and a registered flow (ctx.outFlow)
        // the error union.
        var flows = package.Functions.Where(f => f.Kind is FunctionKind.InFlow or FunctionKind.OutFlow).Select(f => f.Name).ToHashSet();
        candidates.ExceptWith(beyondContinuations.Where(flows.Contains));
        var functions = package.Functions.Where(f => candidates.Contains(f.Name)).ToList();
        var callers = Callers(functions, candidates);

        var scope = _namespaces;
        _namespaces = XmlNamespaceScope.Collecting();
        try
        {
            var expressions = new ExpressionWriter(new ModuleUsage(), refined.Names, refined.Locals) { SynapseLogLines = _options.SynapseLogLines, Namespaces = _namespaces, PayloadTypes = refined.PayloadTypes, Infallible = candidates, PropertyRecord = PropertyRecordFor(refined) };

            // Every candidate is written once; afterwards only the callers of a function that left the set.
            var pending = new Queue<FunctionIr>(functions);
            var queued = functions.Select(f => f.Name).ToHashSet();
            while (pending.TryDequeue(out var function))
            {
                queued.Remove(function.Name);
                if (!CanFail(function, expressions, refined, candidates))
                {
                    continue;
                }

                candidates.Remove(function.Name);
                foreach (var caller in callers[function.Name].Where(c => candidates.Contains(c.Name) && queued.Add(c.Name)))
                {
                    pending.Enqueue(caller);
                }
            }
        }
        finally
        {
            _namespaces = scope;
        }

        return candidates;
    }

    /// <summary>
    /// Whether the function's written body can fail, given the functions assumed not to: a body that can fail inside a
    /// <c>do</c>/<c>on fail</c> (a sequence with <c>onError</c>) fails only when its fault function can (an empty fault
    /// flow written in place only answers 202).
    /// </summary>
    private static bool CanFail(FunctionIr function, ExpressionWriter expressions, RefinedPackage refined, HashSet<Symbol> infallible)
    {
        var writer = new CodeWriter();
        var parameters = function.Parameters.Select(p => refined.Names[p.Name]);
        new StatementWriter(writer, expressions.For(function), new ModuleUsage(), parameters.Concat(["ctx", "e"])).DeclareLocals().Block(function.Body);

        // An error returned as a value (a split's first failure) leaves the function whatever handles its checks.
        if (FailureScan.ReturnsError(writer.Body, name => infallible.Any(f => refined.Names[f] == name)))
        {
            return true;
        }

        if (!FailureScan.CanFail(writer.Body))
        {
            return false;
        }

        return function.FaultFunction is not { } fault || !function.CanStop
            || !(infallible.Contains(fault) || refined.InlinedFlows.ContainsKey(fault));
    }

    /// <summary>For each candidate, the candidates whose body or fault handling names it (itself left out).</summary>
    internal static Dictionary<Symbol, List<FunctionIr>> Callers(IReadOnlyList<FunctionIr> functions, IReadOnlySet<Symbol> candidates)
    {
        var placeholder = new Symbol(SymbolKind.Function, "placeholder");
        var callers = functions.ToDictionary(f => f.Name, _ => new List<FunctionIr>());
        foreach (var function in functions)
        {
            var named = new HashSet<Symbol>();
            EmptyFlows.Collect(function with { Name = placeholder }, named);
            foreach (var callee in named.Where(s => s != function.Name && callers.ContainsKey(s)))
            {
                callers[callee].Add(function);
            }
        }

        return callers;
    }

    /// <summary>
    /// The candidates the package names anywhere but in a statement that runs one (a sequence call, a continuation) or
    /// as a resource's fault function, in one walk of the package for two answers:
    /// <list type="bullet">
    /// <item><c>Elsewhere</c>: also not as a task's target or fault handler, the sequence an inbound listener or a message
    /// processor runs, or the fault function of an inbound listener (each of which the writers call with no error test
    /// when it cannot fail): their error union stays.</item>
    /// <item><c>BeyondContinuations</c>: named there too (a job, an inbound listener or a processor that runs one, a
    /// registered out flow expects a sequence's return type or the error union): an in or out flow named there keeps its
    /// error union.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// The caller reads <c>BeyondContinuations</c> only for the candidates left after removing <c>Elsewhere</c>. Walking
    /// the package without the statements that run any of the first candidates names, among those left, exactly what
    /// walking it without the statements that run only those left would: such a statement (<see cref="InvokeStep"/>,
    /// <see cref="ContinueWithStep"/>) names nothing but its function, and the walk is a union over the parts. So the
    /// package is rewritten and walked once, and only the runners' parts twice (before, the whole package was rewritten
    /// and walked for each answer: a twentieth of a corpus conversion).
    /// </remarks>
    private static (HashSet<Symbol> Elsewhere, HashSet<Symbol> BeyondContinuations) NamedOutsideRuns(PackageIr package, HashSet<Symbol> candidates)
    {
        var placeholder = new Symbol(SymbolKind.Function, "placeholder");
        var common = new HashSet<Symbol>();
        var rewritten = FlowBodies.Rewrite(package, body => WithoutInvokes(body, candidates), _ => false);
        EmptyFlows.Collect(rewritten with
        {
            Symbols = [],
            Functions = [],
            Jobs = [],
            Inbounds = [],
            MessageProcessors = [],
            Services = SharedList.Map(rewritten.Services, s =>
            {
                var resources = SharedList.Map(s.Resources, r => r.FaultFunction is null && (r.NeedsOutFlow || r.OutFunction is null)
                    ? r
                    : r with { FaultFunction = null, OutFunction = r.NeedsOutFlow ? r.OutFunction : null });
                return resources == s.Resources ? s : s with { Resources = resources };
            }),
        }, common);
        EmptyFlows.Collect(package.Functions.Select(f => f with { Name = placeholder, FaultFunction = null, Body = WithoutInvokes(f.Body, candidates) }).ToImmutableArray(), common);

        var elsewhere = new HashSet<Symbol>(common);
        EmptyFlows.Collect(package.Jobs.Select(j => j with { Target = null, Fault = null }).ToImmutableArray(), elsewhere);
        EmptyFlows.Collect(package.Inbounds.Select(i => i with { Transport = WithoutTarget(i.Transport, placeholder) }).ToImmutableArray(), elsewhere);
        EmptyFlows.Collect(package.MessageProcessors.Select(p => p with { Sequence = null, ReplySequence = null, FaultSequence = null, DeactivateSequence = null }).ToImmutableArray(), elsewhere);

        var beyond = common;
        EmptyFlows.Collect(rewritten.Jobs, beyond);
        EmptyFlows.Collect(rewritten.Inbounds, beyond);
        EmptyFlows.Collect(rewritten.MessageProcessors, beyond);
        return (elsewhere, beyond);
    }

    /// <summary>
    /// An inbound transport without the sequence it runs (<paramref name="placeholder"/> instead) and the fault function
    /// it runs when the sequence fails: the listener runs either with no error test when it cannot fail.
    /// </summary>
    private static InboundTransportIr WithoutTarget(InboundTransportIr transport, Symbol placeholder) => transport switch
    {
        InboundTransportIr.Http http => http with { Resource = http.Resource with { FaultFunction = null } },
        InboundTransportIr.Jms jms => jms with { Sequence = placeholder, FaultFunction = null },
        InboundTransportIr.Kafka kafka => kafka with { Target = kafka.Target with { Sequence = placeholder, FaultFunction = null } },
        InboundTransportIr.RabbitMq rabbit => rabbit with { Target = rabbit.Target with { Sequence = placeholder, FaultFunction = null } },
        InboundTransportIr.Mqtt mqtt => mqtt with { Target = mqtt.Target with { Sequence = placeholder, FaultFunction = null } },
        InboundTransportIr.Mail mail => mail with { Target = mail.Target with { Sequence = placeholder, FaultFunction = null } },
        InboundTransportIr.File file => file with { Target = file.Target with { Sequence = placeholder, FaultFunction = null } },
        InboundTransportIr.Ftp ftp => ftp with { Target = ftp.Target with { Sequence = placeholder, FaultFunction = null } },
        _ => throw new InvalidOperationException($"Unhandled inbound transport {transport.GetType().Name}"),
    };

    /// <summary>The steps without the statements that run one of the functions (nested step lists included); the same list when it has none.</summary>
    private static ImmutableArray<StepIr> WithoutInvokes(ImmutableArray<StepIr> steps, HashSet<Symbol> functions)
    {
        var result = new SharedList.Builder<StepIr>(steps);
        Func<ImmutableArray<StepIr>, ImmutableArray<StepIr>>? nested = null;
        foreach (var step in steps)
        {
            var runs = step switch
            {
                InvokeStep invoke => functions.Contains(invoke.Function),
                ContinueWithStep { Function: { } next } => functions.Contains(next),
                _ => false,
            };
            if (!runs)
            {
                result.Add(FlowBodies.Nested(step, nested ??= body => WithoutInvokes(body, functions)));
            }
        }

        return result.ToImmutable();
    }
}
