using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

public sealed partial class PackageEmitter
{
    /// <summary>
    /// No function for a fault flow nothing calls (issue 14): a fault function is called only from the <c>on fail</c> of a
    /// resource or an in flow, and that block is written only when something in the body can fail
    /// (<see cref="FailureScan"/>). A fault function named nowhere else whose every such body cannot fail is not
    /// declared, unless it holds a TODO; so is the fault function of a task or an inbound listener whose target cannot
    /// fail (<see cref="InfallibleFunctions"/>). The IR (and <c>ir.txt</c>) keeps it: only the writers leave it out.
    /// </summary>
    private RefinedPackage WithoutUncalledFaultFlows(RefinedPackage refined)
    {
        var package = refined.Package;
        var handlers = package.Services.SelectMany(s => s.Resources).Where(r => r.Skipped is null).Select(r => (Body: (object)r, r.FaultFunction, Steps: r.Body))
            .Concat(package.Functions.Select(f => (Body: (object)f, f.FaultFunction, Steps: f.Body)))
            .Where(h => h.FaultFunction is not null)
            .ToList();
        if (!package.Functions.Any(f => f.Kind == FunctionKind.FaultFlow))
        {
            return refined;
        }

        // Named anywhere but as a handler (an inbound listener's fault function, a registered flow): it stays. A task or
        // an inbound listener whose target cannot fail never runs its fault function (InfallibleFunctions).
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(package with
        {
            Symbols = [],
            Jobs = package.Jobs.Select(j => j.Target is { } target && _infallible.Contains(target) ? j with { Fault = null } : j).ToImmutableArray(),
            Inbounds = package.Inbounds.Select(i => i with { Transport = WithoutUnreachableFault(i.Transport) }).ToImmutableArray(),
            Services = package.Services.Select(s => s with { Resources = s.Resources.Select(r => r with { FaultFunction = null }).ToImmutableArray() }).ToImmutableArray(),
            Functions = package.Functions.Where(f => f.Kind != FunctionKind.FaultFlow).Select(f => f with { FaultFunction = null }).ToImmutableArray(),
        }, named);
        var called = new HashSet<Symbol>(named);
        var scope = _namespaces;
        _namespaces = XmlNamespaceScope.Collecting();
        try
        {
            var expressions = new ExpressionWriter(new ModuleUsage(), refined.Names, refined.Locals) { SynapseLogLines = _options.SynapseLogLines, Namespaces = _namespaces, PayloadTypes = refined.PayloadTypes, Infallible = _infallible, PropertyRecord = PropertyRecordFor(refined) };
            foreach (var (body, fault, steps) in handlers)
            {
                if (called.Contains(fault!))
                {
                    continue;
                }

                // A split the flow goes on without, or one that stops it, hands a failed copy to the fault function
                // (StatementWriter.CopyFaultHandler).
                if (IrWalker.Steps(steps).Any(s => s is ForkStep { Aggregation: null, Answering: null, CopyFaults: false } or ForkStep { Answering: not null }))
                {
                    called.Add(fault!);
                    continue;
                }

                var writer = new CodeWriter();
                new StatementWriter(writer, expressions.For(body), new ModuleUsage()).DeclareLocals().Block(steps);
                if (FailureScan.CanFail(writer.Body))
                {
                    called.Add(fault!);
                }
            }
        }
        finally
        {
            _namespaces = scope;
        }

        // A TODO in the flow stays in the code, where its original XML is read, even when nothing can call it.
        var uncalled = package.Functions
            .Where(f => f.Kind == FunctionKind.FaultFlow && !called.Contains(f.Name) && !IrWalker.Steps(f.Body).Any(s => s is TodoStep))
            .Select(f => f.Name).ToHashSet();
        return uncalled.Count == 0
            ? refined
            : refined with { Package = package with { Functions = package.Functions.Where(f => !uncalled.Contains(f.Name)).ToImmutableArray() } };
    }

    /// <summary>An inbound transport without its fault function when the sequence it runs cannot fail (nothing calls it then).</summary>
    private InboundTransportIr WithoutUnreachableFault(InboundTransportIr transport) => transport switch
    {
        InboundTransportIr.Http http => http,
        InboundTransportIr.Jms jms => _infallible.Contains(jms.Sequence) ? jms with { FaultFunction = null } : jms,
        InboundTransportIr.Kafka kafka => kafka with { Target = WithoutUnreachableFault(kafka.Target) },
        InboundTransportIr.RabbitMq rabbit => rabbit with { Target = WithoutUnreachableFault(rabbit.Target) },
        InboundTransportIr.Mqtt mqtt => mqtt with { Target = WithoutUnreachableFault(mqtt.Target) },
        InboundTransportIr.Mail mail => mail with { Target = WithoutUnreachableFault(mail.Target) },
        InboundTransportIr.File file => file with { Target = WithoutUnreachableFault(file.Target) },
        InboundTransportIr.Ftp ftp => ftp with { Target = WithoutUnreachableFault(ftp.Target) },
        _ => throw new InvalidOperationException($"Unhandled inbound transport {transport.GetType().Name}"),
    };

    private InboundTargetIr WithoutUnreachableFault(InboundTargetIr target) =>
        _infallible.Contains(target.Sequence) ? target with { FaultFunction = null } : target;
}
