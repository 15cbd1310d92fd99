using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>The sequence functions that cannot fail (<see cref="InfallibleFunctions"/>).</summary>
    private IReadOnlySet<Symbol> _infallible = new HashSet<Symbol>();

    /// <summary>
    /// The sequence and template functions that cannot fail (issue 14: no <c>error</c> in a return type where nothing
    /// fails): their written body has no <c>check</c>, <c>fail</c> or TODO (<see cref="FailureScan"/>) once the calls of
    /// the other functions that cannot fail are written without <c>check</c>. A greatest fixed point: every candidate is
    /// assumed not to fail, and one whose body still can is removed until none changes, so sequences that only call each
    /// other stay infallible. Such a function returns <c>http:Response?</c> when it can answer and nothing otherwise, and
    /// its callers call it without <c>check</c>. Only functions the package calls nowhere but from a statement
    /// (<see cref="InvokeStep"/>) or as a task's target are candidates: a function a store, a loop, an inbound listener or
    /// a fork names is called with the <c>error</c> union those callers expect.
    /// </summary>
    private IReadOnlySet<Symbol> InfallibleFunctions(RefinedPackage refined)
    {
        var package = refined.Package;
        var candidates = package.Functions
            .Where(f => f.Kind == FunctionKind.Sequence && !IrWalker.Steps(f.Body).Any(s => s is TodoStep))
            .Select(f => f.Name)
            .ToHashSet();
        if (candidates.Count == 0)
        {
            return candidates;
        }

        // Named anywhere but by a statement that runs it or as a task's target: the error union stays.
        var placeholder = new Symbol(SymbolKind.Function, "placeholder");
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(FlowBodies.Rewrite(package, body => WithoutInvokes(body, candidates), _ => false) with
        {
            Symbols = [],
            Functions = [],
            Jobs = package.Jobs.Select(j => j with { Target = null }).ToImmutableArray(),
        }, named);
        EmptyFlows.Collect(package.Functions.Select(f => f with { Name = placeholder, Body = WithoutInvokes(f.Body, candidates) }).ToImmutableArray(), named);
        candidates.ExceptWith(named);

        var scope = _namespaces;
        _namespaces = XmlNamespaceScope.Collecting();
        try
        {
            var changed = true;
            while (changed && candidates.Count > 0)
            {
                changed = false;
                var expressions = new ExpressionWriter(new ModuleUsage(), refined.Names, refined.Locals) { SynapseLogLines = _options.SynapseLogLines, Namespaces = _namespaces, PayloadTypes = refined.PayloadTypes, Infallible = candidates };
                foreach (var function in package.Functions.Where(f => candidates.Contains(f.Name)).ToList())
                {
                    var writer = new CodeWriter();
                    var parameters = function.Parameters.Select(p => refined.Names[p.Name]);
                    new StatementWriter(writer, expressions.For(function), new ModuleUsage(), parameters.Concat(["ctx", "e"])).DeclareLocals().Block(function.Body);
                    if (FailureScan.CanFail(writer.Body))
                    {
                        candidates.Remove(function.Name);
                        changed = true;
                    }
                }
            }
        }
        finally
        {
            _namespaces = scope;
        }

        return candidates;
    }

    /// <summary>The steps without the statements that run one of the functions (nested step lists included).</summary>
    private static ImmutableArray<StepIr> WithoutInvokes(ImmutableArray<StepIr> steps, HashSet<Symbol> functions) => steps
        .Where(s => s is not InvokeStep invoke || !functions.Contains(invoke.Function))
        .Select(s => FlowBodies.Nested(s, body => WithoutInvokes(body, functions)))
        .ToImmutableArray();
}
