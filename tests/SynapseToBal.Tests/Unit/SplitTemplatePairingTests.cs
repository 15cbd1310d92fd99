using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>EI 6.x splits paired with an aggregate across sequence templates: the out flow starting by calling a template whose aggregate gathers the copies, and a split inside a template the in flow calls.</summary>
public sealed class SplitTemplatePairingTests
{
    private const string Send = """<send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send>""";

    private const string Aggregate = """<aggregate><onComplete expression="//r"><send/></onComplete></aggregate>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string inFlow, string outFlow, string templates)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><proxy name="P"><target><inSequence>{inFlow}</inSequence><outSequence>{outFlow}</outSequence></target></proxy>{templates}</definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static IEnumerable<ForkStep> Forks(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body)).Concat(package.Functions.SelectMany(f => IrWalker.Steps(f.Body))).OfType<ForkStep>();

    private static string[] Refusals(DiagnosticBag diagnostics) =>
        [.. diagnostics.Items.Where(d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id).Select(d => d.GetMessage())];

    [Fact]
    public void An_out_flow_starting_with_a_template_whose_aggregate_comes_first_pairs_with_the_in_flow_split()
    {
        var (package, diagnostics) = Lower(
            $"""<iterate expression="//item"><target><sequence>{Send}</sequence></target></iterate>""",
            """<call-template target="T"/>""",
            $"""<template name="T"><sequence><log level="custom"><property name="p" value="v"/></log>{Aggregate}</sequence></template>""");

        var fork = Assert.Single(Forks(package));
        Assert.NotNull(fork.Aggregation);
        Assert.Null(fork.Answering);
        // The template's log runs on each response in its branch, before the part is kept.
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.Contains(branch.Body, step => step is LogStep);
        Assert.IsType<ReplacePayloadStep>(branch.Body[^1]);
        Assert.Empty(Refusals(diagnostics));
    }

    [Fact]
    public void A_split_in_a_template_the_in_flow_calls_pairs_with_the_out_flow_aggregate()
    {
        var (package, diagnostics) = Lower(
            """<call-template target="S"><with-param name="x" value="1"/></call-template>""",
            Aggregate,
            $"""<template name="S"><parameter name="x"/><sequence><property name="x" expression="$func:x"/><clone><target><sequence>{Send}</sequence></target><target><sequence>{Send}</sequence></target></clone></sequence></template>""");

        var fork = Assert.Single(Forks(package));
        Assert.NotNull(fork.Aggregation);
        Assert.Equal(2, fork.Branches.Length);
        Assert.Empty(Refusals(diagnostics));
    }

    [Fact]
    public void A_template_aggregate_reading_its_parameters_keeps_the_split_a_todo_instead_of_answering_copies()
    {
        var (package, diagnostics) = Lower(
            $"""<iterate expression="//item"><target><sequence>{Send}</sequence></target></iterate>""",
            """<call-template target="T"><with-param name="e" value="//r"/></call-template>""",
            """<template name="T"><parameter name="e"/><sequence><aggregate><onComplete expression="$func:e"><send/></onComplete></aggregate></sequence></template>""");

        Assert.Empty(Forks(package));
        var refusals = Refusals(diagnostics);
        Assert.Contains(refusals, m => m.StartsWith("<iterate> is not translated here: no aggregate pairs with it here, and the <aggregate> at test.xml:1 first in the template 'T' the out flow starts by calling would gather its copies' responses, but the template's mediators up to it, or the aggregate, read the template's parameters ($func:)", StringComparison.Ordinal));
        Assert.Contains(refusals, m => m.StartsWith("<aggregate> is not translated here: it is first in the template 'T' an out flow starts by calling, but", StringComparison.Ordinal));
    }

    [Fact]
    public void A_split_in_a_template_whose_target_reads_a_template_parameter_passes_it_to_the_branch()
    {
        var (package, diagnostics) = Lower(
            """<call-template target="S"><with-param name="x" value="1"/></call-template>""",
            Aggregate,
            $"""<template name="S"><parameter name="x"/><sequence><clone><target><sequence><property name="x" expression="$func:x"/>{Send}</sequence></target></clone></sequence></template>""");

        // Synapse's clones keep the template stack (MessageHelper.cloneMessageContext), so the target reads the value.
        var fork = Assert.Single(Forks(package));
        Assert.NotNull(fork.Aggregation);
        var parameter = Assert.Single(fork.Arguments).Parameter;
        Assert.Equal([parameter], package.Functions.Single(f => f.Name == Assert.Single(fork.Branches)).Parameters.Select(p => p.Name));
        Assert.Empty(Refusals(diagnostics));
    }

    [Fact]
    public void A_split_whose_target_calls_a_template_that_drops_the_copy_marks_that_drop_as_the_copys()
    {
        // The template is followed to what the copies run: its drop ends a copy, which answers nothing (CloneMediator
        // set RESPONSE_WRITTEN "SKIP" on the operation context the copies share), so the fork skips that copy's 202.
        var (package, diagnostics) = Lower(
            """<clone><target><sequence><call-template target="D"/></sequence></target><target><sequence><respond/></sequence></target></clone>""",
            "<send/>",
            """<template name="D"><sequence><drop/></sequence></template>""");

        Assert.Empty(Refusals(diagnostics));
        var refined = SynapseToBal.Refine.CopyDrops.Mark(package);
        var fork = Assert.Single(Forks(refined));
        Assert.True(fork.Answering!.SkipsDropped);
        // The template's drop, and the default fault sequence's: it is the flow's fault handling, which a failing copy
        // runs on itself (answeringCopy), so its drop ends that copy without an answer too.
        var drops = refined.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<AcceptStep>().Where(d => d.Origin is DropMediator).ToList();
        Assert.True(Assert.Single(drops, d => d.Origin!.Location.Path == "test.xml").MarksDropped);
        var faultDrops = drops.Where(d => d.Origin!.Location.Path != "test.xml").ToList();
        Assert.NotEmpty(faultDrops);
        Assert.All(faultDrops, d => Assert.True(d.MarksDropped));
        // Unmarked without the split: the same flows keep the fault sequence's 202.
        var unsplit = Lower("""<call-template target="D"/>""", "<send/>", """<template name="D"><sequence><drop/></sequence></template>""").Package;
        var unsplitDrops = SynapseToBal.Refine.CopyDrops.Mark(unsplit).Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<AcceptStep>().Where(d => d.Origin is DropMediator).ToList();
        Assert.NotEmpty(unsplitDrops);
        Assert.All(unsplitDrops, d => Assert.False(d.MarksDropped));
    }
}
