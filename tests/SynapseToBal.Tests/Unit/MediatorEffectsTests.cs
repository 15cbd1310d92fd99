using System.Runtime.CompilerServices;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The one table of what a mediator does itself (<see cref="MediatorEffects"/>), which the plain-flow test of a fault
/// flow (no failure after a call) and the mediators that run on each response before an aggregate both read: the two
/// lists had drifted apart when each was written out where it was used.
/// </summary>
public sealed class MediatorEffectsTests
{
    private static readonly Type[] Mediators = typeof(MediatorSyntax).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(MediatorSyntax).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    private static MediatorSyntax Instance(Type type) => (MediatorSyntax)RuntimeHelpers.GetUninitializedObject(type);

    [Fact]
    public void The_table_names_concrete_mediators_each_once()
    {
        Assert.All(MediatorEffects.OnMessageOnly.Concat(MediatorEffects.StopsWithoutCalling), t => Assert.Contains(t, Mediators));
        Assert.Empty(MediatorEffects.OnMessageOnly.Intersect(MediatorEffects.StopsWithoutCalling));
    }

    [Fact]
    public void A_mediator_that_only_works_on_the_message_never_calls_out()
    {
        foreach (var type in Mediators)
        {
            var mediator = Instance(type);
            if (MediatorEffects.WorksOnMessageOnly(mediator))
            {
                Assert.True(MediatorEffects.NeverCallsOut(mediator), type.Name);
            }
        }
    }

    [Fact]
    public void The_mediators_that_call_out_or_run_other_flows_are_in_neither_list()
    {
        var calling = new[] { "CallMediator", "SendMediator", "CalloutMediator", "CloneMediator", "IterateMediator", "LoopbackMediator", "SequenceReferenceMediator", "InlineSequenceMediator", "AggregateMediator" };
        foreach (var type in Mediators.Where(t => calling.Contains(t.Name)))
        {
            Assert.False(MediatorEffects.NeverCallsOut(Instance(type)), type.Name);
        }

        Assert.Equal(calling.Length, Mediators.Count(t => calling.Contains(t.Name)));
    }

    [Fact]
    public void The_lists_are_the_reviewed_ones()
    {
        Assert.Equal(
            ["DataMapperMediator", "EnrichMediator", "FastXsltMediator", "FilterMediator", "HeaderMediator", "JsonTransformMediator", "LogMediator", "MakeFaultMediator",
             "PayloadFactoryMediator", "PropertyGroupMediator", "PropertyMediator", "RewriteMediator", "SwitchMediator", "VariableMediator", "XsltMediator"],
            Mediators.Where(t => MediatorEffects.WorksOnMessageOnly(Instance(t))).Select(t => t.Name));
        Assert.Equal(
            ["DropMediator", "RespondMediator", "ValidateMediator"],
            Mediators.Where(t => MediatorEffects.NeverCallsOut(Instance(t)) && !MediatorEffects.WorksOnMessageOnly(Instance(t))).Select(t => t.Name));
    }
}
