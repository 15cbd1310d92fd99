using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Report;

/// <summary>A TODO of the package as the IR holds it: its code, its text and the source it stands for (null when it has none).</summary>
public sealed record TodoOrigin(NotTranslatedIr Reason, SourceLocation? Location);

/// <summary>
/// How much of an input became code: every mediator of the artifacts (connector operations included, nested
/// ones too), and those that ended up inside a TODO comment — a not-translated step (with everything it nests),
/// a resource not emitted, or an artifact kept whole. The coverage test and the migration report share it.
/// </summary>
/// <param name="Mediators">Every mediator of the artifacts, in document order.</param>
/// <param name="InTodos">The mediators inside a TODO, each with the reason of the TODO that holds it (the first one).</param>
public sealed record CoverageMeasure(IReadOnlyList<MediatorSyntax> Mediators, IReadOnlyDictionary<MediatorSyntax, NotTranslatedIr> InTodos)
{
    public int Translated => Mediators.Count - InTodos.Count;

    /// <summary>The translated share, 1 when there is no mediator.</summary>
    public double Share => Mediators.Count == 0 ? 1 : (double)Translated / Mediators.Count;

    public bool IsInTodo(MediatorSyntax mediator) => InTodos.ContainsKey(mediator);
}

public static class Coverage
{
    /// <summary>
    /// Counts the mediators of <paramref name="artifacts"/> and those <paramref name="package"/> keeps inside TODOs
    /// (all of them when there is no package). A later definition of a kind and name (SB0501) is left out: it is
    /// ignored, neither code nor a TODO.
    /// </summary>
    public static CoverageMeasure Measure(IEnumerable<ArtifactSyntax> artifacts, PackageIr? package)
    {
        var list = artifacts.ToList();
        return Measure(list, package, IgnoredDuplicates(list));
    }

    /// <summary><see cref="Measure(IEnumerable{ArtifactSyntax}, PackageIr?)"/> with the ignored duplicates already found (<see cref="IgnoredDuplicates"/>).</summary>
    public static CoverageMeasure Measure(IReadOnlyList<ArtifactSyntax> list, PackageIr? package, IReadOnlySet<ArtifactSyntax> ignored)
    {
        var counted = list.Where(a => !ignored.Contains(a)).ToList();
        IReadOnlyList<MediatorSyntax> mediators = [.. MediatorCollector.Collect(counted), .. counted.OfType<DataServiceSyntax>().SelectMany(DataServiceUnits)];
        var inTodos = new Dictionary<MediatorSyntax, NotTranslatedIr>(ReferenceEqualityComparer.Instance);
        if (package is null)
        {
            return new CoverageMeasure(mediators, inTodos);
        }

        foreach (var (held, reason) in NotTranslated(package))
        {
            foreach (var mediator in held)
            {
                inTodos.TryAdd(mediator, reason);
            }
        }

        return new CoverageMeasure(mediators, inTodos);
    }

    /// <summary>
    /// The artifacts the conversion ignores as duplicates: each later definition of a kind and name (SB0501), as the
    /// semantic model's symbol table decides (the first definition in document order wins).
    /// </summary>
    public static HashSet<ArtifactSyntax> IgnoredDuplicates(IReadOnlyList<ArtifactSyntax> artifacts)
    {
        var symbols = new SymbolTable(artifacts);
        return new HashSet<ArtifactSyntax>(artifacts.Where(symbols.IsIgnoredDuplicate), ReferenceEqualityComparer.Instance);
    }

    /// <summary>The mediators each TODO of the package holds, with the reason of the TODO.</summary>
    public static IEnumerable<(IEnumerable<MediatorSyntax> Mediators, NotTranslatedIr Reason)> NotTranslated(PackageIr package)
    {
        var bodies = Bodies(package).Select(b => b.Body).ToList();

        // A TODO may stand for part of a mediator whose nested flows are translated beside it (throttle's decision,
        // with its onAccept/onReject flows in code): those mediators are code, not inside the TODO.
        var translated = new HashSet<MediatorSyntax>(bodies.SelectMany(b => IrWalker.Steps(b))
            .Where(s => s is not TodoStep and not DeadCodeStep).Select(s => s.Origin).OfType<MediatorSyntax>(), ReferenceEqualityComparer.Instance);
        foreach (var todo in bodies.SelectMany(b => IrWalker.Steps(b)).OfType<TodoStep>())
        {
            if (todo.Origin is { } origin)
            {
                yield return (Subtree(origin).Where(m => m == origin || !translated.Contains(m)), todo.Reason);
            }
        }

        // A mediator whose own expression is not translated (SB0203, SB0214, SB0239: `check notTranslated(...)`, which
        // fails at run time) is code that does not do its work until it is written by hand: not converted. Only the
        // mediator itself: the flows it nests are code.
        foreach (var step in bodies.SelectMany(b => IrWalker.Steps(b)).Where(s => s is not TodoStep and not DeadCodeStep && CarriesUntranslated(s)))
        {
            if (step.Origin is MediatorSyntax mediator)
            {
                yield return ([mediator], UntranslatedExpression);
            }
        }

        foreach (var resource in package.Services.SelectMany(s => s.Resources).Where(r => r.Skipped is not null))
        {
            if (resource.Origin is ApiResourceSyntax api)
            {
                var collector = new MediatorCollector();
                collector.WalkMediators(Flows(api).SelectMany(f => f.Mediators));
                yield return (collector.Mediators, resource.Skipped!);
            }
        }

        // A data service's resources and operations kept as TODOs (their XML with the query they call).
        foreach (var service in package.Services.Where(s => s.Kind == ServiceKind.DataService))
        {
            if (service.Origin is DataServiceSyntax dataService)
            {
                var units = DataServiceUnits(dataService);
                foreach (var resource in service.Resources.Where(r => r.Skipped is not null))
                {
                    if (units.FirstOrDefault(u => u.Location.Equals(resource.Origin.Location)) is { } unit)
                    {
                        yield return ([unit], resource.Skipped!);
                    }
                }
            }
        }

        var served = new HashSet<ArtifactSyntax>(package.Services.Where(s => s.Kind == ServiceKind.DataService).Select(s => s.Origin), ReferenceEqualityComparer.Instance);
        foreach (var pending in package.Pending.Concat(package.PendingEndpoints))
        {
            yield return (MediatorCollector.Collect([pending.Origin]), pending.Reason);

            // A data service kept whole (no service generated for it): every resource and operation is in the TODO. A
            // part of one kept beside its generated service (a query nothing calls, an element not translated) holds none.
            if (pending.Origin is DataServiceSyntax whole && !served.Contains(whole))
            {
                yield return (DataServiceUnits(whole), pending.Reason);
            }
        }
    }

    /// <summary>
    /// The units a data service counts in the coverage, as an artifact's mediators do: each REST resource and each SOAP
    /// operation (<see cref="DataServiceRequestUnit"/>), in document order; the same objects on every call.
    /// </summary>
    public static IReadOnlyList<MediatorSyntax> DataServiceUnits(DataServiceSyntax service) => DataServiceUnitsByService.GetValue(service, static walked =>
        [.. walked.Resources.Select(r => (Location: r.Location, Raw: r.RawXml, Element: DataServiceRequestUnit.Resource))
            .Concat(walked.Operations.Select(o => (Location: o.Location, Raw: o.RawXml, Element: DataServiceRequestUnit.Operation)))
            .OrderBy(u => u.Location.Span.Start)
            .Select(u => (MediatorSyntax)new DataServiceRequestUnit(u.Element, u.Location, u.Raw))]);

    /// <summary>The units of an artifact: its mediators, and for a data service its resources and operations (<see cref="DataServiceUnits"/>).</summary>
    public static IReadOnlyList<MediatorSyntax> UnitsOf(ArtifactSyntax artifact) =>
        artifact is DataServiceSyntax service ? DataServiceUnits(service) : MediatorCollector.Of(artifact);

    private static readonly ConditionalWeakTable<DataServiceSyntax, IReadOnlyList<MediatorSyntax>> DataServiceUnitsByService = new();

    /// <summary>
    /// Every TODO the package's code carries, in the order of the IR, each with the source it stands for: steps
    /// of the flows (a step without an origin takes its flow's), resources not emitted, artifacts kept whole,
    /// and the notes beside entries, inbound endpoints, jobs and processors.
    /// </summary>
    public static IEnumerable<TodoOrigin> Todos(PackageIr package)
    {
        foreach (var (body, fallback) in Bodies(package))
        {
            foreach (var todo in IrWalker.Steps(body).OfType<TodoStep>())
            {
                yield return new TodoOrigin(todo.Reason, todo.Origin?.Location ?? fallback);
            }
        }

        foreach (var resource in package.Services.SelectMany(s => s.Resources))
        {
            if (resource.Skipped is { } skipped)
            {
                yield return new TodoOrigin(skipped, resource.Origin.Location);
            }
        }

        foreach (var pending in package.Pending.Concat(package.PendingEndpoints).Concat(package.PendingStores))
        {
            yield return new TodoOrigin(pending.Reason, pending.Origin.Location);
        }

        foreach (var inbound in package.Inbounds.Where(i => i.NotTranslated is not null))
        {
            yield return new TodoOrigin(inbound.NotTranslated!, inbound.Origin.Location);
        }

        foreach (var job in package.Jobs.Where(j => j.NotTranslated is not null))
        {
            yield return new TodoOrigin(job.NotTranslated!, job.Origin.Location);
        }

        foreach (var processor in package.MessageProcessors.Where(p => p.NotTranslated is not null))
        {
            yield return new TodoOrigin(processor.NotTranslated!, processor.Origin.Location);
        }
    }

    /// <summary>The reason counted for a mediator whose expression is not translated (its diagnostic says which part and why).</summary>
    private static readonly NotTranslatedIr UntranslatedExpression = new(Diagnostics.DiagnosticCatalog.ExpressionNotTranslated, "an expression of the mediator is not translated: the generated code fails at run time until it is written by hand");

    private static bool CarriesUntranslated(StepIr step) =>
        IrWalker.Expressions(step).Any(IrWalker.ContainsUntranslated) || step is IfStep branch && IrWalker.ContainsUntranslated(branch.Condition);

    /// <summary>The flows emitted as code, each with the location its steps fall back to.</summary>
    private static IEnumerable<(ImmutableArray<StepIr> Body, SourceLocation Fallback)> Bodies(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).Where(r => r.Skipped is null).Select(r => (r.Body, r.Origin.Location))
            .Concat(package.Functions.Select(f => (f.Body, f.Origin)));

    private static IEnumerable<FlowSyntax> Flows(ApiResourceSyntax resource) =>
        new[] { resource.InSequence, resource.OutSequence, resource.FaultSequence }.OfType<FlowSyntax>();

    private static IReadOnlyList<MediatorSyntax> Subtree(MediatorSyntax mediator)
    {
        var collector = new MediatorCollector();
        collector.WalkMediators(ImmutableArray.Create(mediator));
        return collector.Mediators;
    }
}
