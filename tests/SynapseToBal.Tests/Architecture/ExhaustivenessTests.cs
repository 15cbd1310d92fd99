using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Architecture;

/// <summary>
/// Every syntax node kind the parser can produce has a lowering or an explicit, documented not-translated row,
/// and every IR step kind has a writer: adding a node kind without saying what becomes of it fails here.
/// </summary>
public sealed class ExhaustivenessTests
{
    private static IEnumerable<Type> Concrete<T>() => typeof(T).Assembly.GetTypes()
        .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void Every_mediator_kind_has_a_row_in_the_mediator_table()
    {
        var missing = Concrete<MediatorSyntax>().Where(t => !Lowerer.MediatorRules.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.Empty(missing);
        Assert.All(Lowerer.MediatorRules.Values, rule =>
        {
            Assert.True(rule.Lower is not null ^ rule.NotTranslatedBecause is not null, $"{rule.Syntax.Name}: a row has either a lowering or a reason");
            Assert.False(string.IsNullOrWhiteSpace(rule.Element), $"{rule.Syntax.Name}: the row names its element");
        });
    }

    [Fact]
    public void Every_artifact_kind_has_a_row_in_the_artifact_table()
    {
        var missing = Concrete<ArtifactSyntax>().Where(t => !Lowerer.ArtifactRules.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.Empty(missing);
        Assert.DoesNotContain(Lowerer.ArtifactRules.Keys, t => t.IsAbstract);
    }

    [Fact]
    public void Every_endpoint_kind_is_translated_or_listed_as_not_translated()
    {
        foreach (var kind in Concrete<EndpointDefinitionSyntax>())
        {
            Assert.True(Lowerer.EndpointKindsTranslated.Contains(kind) ^ Lowerer.EndpointKindsNotTranslated.Contains(kind), $"{kind.Name} must be in exactly one of the endpoint lists");
        }
    }

    [Fact]
    public void Every_step_kind_has_a_writer_and_a_walker_case()
    {
        foreach (var kind in Concrete<StepIr>())
        {
            var step = (StepIr)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(kind);
            Assert.True(Handles(() => IrWalker.Branches(step).ToList()), $"IrWalker.Branches has no case for {kind.Name}");
            Assert.True(Handles(() => IrWalker.Expressions(step).ToList()), $"IrWalker.Expressions has no case for {kind.Name}");
            Assert.True(Handles(() => SynapseToBal.Emit.StatementWriter.Write(step)), $"StatementWriter has no case for {kind.Name}");
        }
    }

    /// <summary>
    /// An uninitialised node has null fields, so a case that exists may fail on them; only the "no case"
    /// failure (the exhaustive switches' default) counts as missing.
    /// </summary>
    private static bool Handles(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Unhandled", StringComparison.Ordinal))
        {
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }
}
