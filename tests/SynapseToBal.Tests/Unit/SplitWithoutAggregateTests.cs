using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>iterate/clone with no aggregate (the copies answer on their own), preservePayload with attachPath, and pairing through main's out branch.</summary>
public sealed class SplitWithoutAggregateTests
{
    private const string Send = """<send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send>""";

    private static (FunctionIr Sequence, PackageIr Package, DiagnosticBag Diagnostics) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), package, diagnostics);
    }

    [Fact]
    public void An_iterate_without_aggregate_stops_the_flow_and_answers_with_its_copies()
    {
        var (sequence, package, diagnostics) = Lower($"""<iterate sequential="true" expression="//item"><target><sequence>{Send}</sequence></target></iterate><log/>""");

        var fork = Assert.IsType<ForkStep>(sequence.Body[1]);
        Assert.NotNull(fork.Answering);
        Assert.True(fork.Terminates);
        Assert.False(fork.Parallel);
        Assert.Null(fork.Aggregation);
        Assert.IsType<DeadCodeStep>(sequence.Body[2]);
        Assert.True(sequence.CanStop);

        // The branch sends: the call, then the response runs the out flow (known at run time in a named sequence).
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.True(branch.CanStop);
        Assert.IsType<CallStep>(branch.Body[0]);
        Assert.IsType<ContinueWithStep>(branch.Body[^1]);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.SplitAnswersFirst.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_clone_without_aggregate_runs_one_branch_per_target()
    {
        var (sequence, _, _) = Lower("""<clone><target><endpoint><address uri="http://localhost:9000/a"/></endpoint></target><target><sequence><respond/></sequence></target></clone>""");

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, s => s is ForkStep));
        Assert.IsType<ForkSourceIr.Copies>(fork.Source);
        Assert.Equal(2, fork.Branches.Length);
        Assert.True(fork.Parallel);
        Assert.NotNull(fork.Answering);
    }

    [Fact]
    public void A_copy_that_drops_answers_nothing_and_only_drops_a_branch_may_run_are_marked()
    {
        var diagnostics = new DiagnosticBag();
        var xml = """<definitions xmlns="http://ws.apache.org/ns/synapse">"""
            + """<sequence name="test"><iterate expression="//item"><target><sequence><filter xpath="//item/@skip = 'true'"><then><drop/></then></filter><respond/></sequence></target></iterate></sequence>"""
            + """<sequence name="other"><drop/></sequence></definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = SynapseToBal.Refine.CopyDrops.Mark(Lowerer.Lower([document], diagnostics));

        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
        var fork = Assert.Single(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)).OfType<ForkStep>());
        Assert.True(fork.Answering!.SkipsDropped);
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.True(Assert.Single(IrWalker.Steps(branch.Body).OfType<AcceptStep>()).MarksDropped);

        // A sequence no copy runs keeps its plain 202.
        var other = package.Functions.Single(f => f.Summary == "Sequence 'other'.");
        Assert.False(Assert.Single(IrWalker.Steps(other.Body).OfType<AcceptStep>()).MarksDropped);
    }

    [Fact]
    public void The_drop_of_a_copy_is_not_reported_as_answering_202()
    {
        // SB0215 at a drop a copy may end at says the copy answers nothing (CloneMediator sets RESPONSE_WRITTEN to SKIP).
        var result = ArtifactConversion.Result(
            """<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="POST"><inSequence><iterate expression="//item"><target><sequence><filter xpath="//item/@skip = 'true'"><then><drop/></then></filter><respond/></sequence></target></iterate></inSequence></resource>"""
            + """<resource methods="GET" uri-template="/other"><inSequence><drop/></inSequence></resource></api>""");
        var ends = result.Diagnostics.Where(d => d.Id == DiagnosticCatalog.FlowEndsWithoutResponse.Id).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(2, ends.Count);
        Assert.Single(ends, m => m.Contains("except where the drop ends a copy of an iterate or clone", StringComparison.Ordinal));
        Assert.Single(ends, m => m.EndsWith("; " + Lowerer.Answers202, StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_ending_at_a_nested_split_whose_copies_all_drop_answers_nothing()
    {
        // The inner clone marks the request answered elsewhere (CloneMediator: RESPONSE_WRITTEN "SKIP"); when none of its
        // copies answers, the outer copy gave no answer either: `answer ?: dropped(ctx)`, and the outer fork skips it.
        var diagnostics = new DiagnosticBag();
        var xml = """<definitions xmlns="http://ws.apache.org/ns/synapse">"""
            + """<sequence name="test"><clone><target sequence="Inner"/><target><sequence><respond/></sequence></target></clone></sequence>"""
            + """<sequence name="Inner"><clone><target><sequence><drop/></sequence></target><target><sequence><drop/></sequence></target></clone></sequence></definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = SynapseToBal.Refine.CopyDrops.Mark(Lowerer.Lower([document], diagnostics));

        var inner = package.Functions.Single(f => f.Summary == "Sequence 'Inner'.");
        var innerFork = Assert.Single(IrWalker.Steps(inner.Body).OfType<ForkStep>());
        Assert.True(innerFork.Answering!.MarksDropped);
        var outer = package.Functions.Single(f => f.Summary == "Sequence 'test'.");
        var outerFork = Assert.Single(IrWalker.Steps(outer.Body).OfType<ForkStep>());
        Assert.True(outerFork.Answering!.SkipsDropped);
        Assert.False(outerFork.Answering.MarksDropped);
    }

    [Theory]
    [InlineData("""<iterate expression="//item"><target><sequence><call><endpoint><address uri="http://localhost:9000/x"/></endpoint></call><respond/></sequence></target></iterate>""", "non-blocking call")]
    [InlineData("""<iterate id="s" expression="//item"><target><sequence><send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send></sequence></target></iterate><filter xpath="true()"><aggregate id="s"><onComplete expression="//r"><respond/></onComplete></aggregate></filter>""", "would gather its copies' responses")]
    [InlineData("""<iterate id="s" expression="//item"><target><sequence><send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send></sequence></target></iterate><filter xpath="true()"><aggregate id="t"><onComplete expression="//r"><aggregate id="s"><onComplete expression="//r"><respond/></onComplete></aggregate></onComplete></aggregate></filter>""", "would gather its copies' responses")]
    public void A_split_whose_copies_would_not_answer_on_their_own_stays_a_todo(string xml, string why)
    {
        var (sequence, _, diagnostics) = Lower(xml);

        Assert.IsType<TodoStep>(sequence.Body[0]);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(why, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.SplitAnswersFirst.Id);
    }

    [Fact]
    public void Preserve_payload_attaches_each_part_under_the_attach_path()
    {
        var (sequence, _, diagnostics) = Lower("""<iterate preservePayload="true" attachPath="//orders" expression="//orders/order"><target><sequence><respond/></sequence></target></iterate>""");

        var fork = Assert.IsType<ForkStep>(sequence.Body[1]);
        var attached = Assert.IsType<ForkSourceIr.Attached>(fork.Source);
        Assert.Equal("//orders", attached.AttachPathText);
        Assert.Equal("order", attached.Items.Navigation.Steps[^1].LocalName);
        Assert.Equal("orders", Assert.Single(attached.AttachPath.Navigation.Steps).LocalName);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }
    [Fact]
    public void A_split_in_a_template_passes_the_parameters_its_branches_read_to_its_branch_functions()
    {
        var diagnostics = new DiagnosticBag();
        var xml = """<definitions xmlns="http://ws.apache.org/ns/synapse"><sequence name="caller"><call-template target="T"><with-param name="channel" value="email"/></call-template></sequence>"""
            + """<template name="T"><parameter name="channel"/><parameter name="unused"/><sequence><clone><target><sequence><header name="X-Channel" scope="transport" expression="$func:channel"/><respond/></sequence></target><target><sequence><respond/></sequence></target></clone></sequence></template></definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);

        var template = package.Functions.Single(f => f.Summary == "Sequence template 'T'.");
        var fork = Assert.Single(IrWalker.Steps(template.Body).OfType<ForkStep>());
        Assert.NotNull(fork.Answering);
        var channel = template.Parameters.Single(p => p.SynapseName == "channel");

        // The fork passes the template's own parameter, and only the one the branches read.
        Assert.Equal([channel.Name], fork.Arguments.Select(a => a.Parameter));
        foreach (var symbol in fork.Branches)
        {
            var branch = package.Functions.Single(f => f.Name == symbol);
            Assert.Equal([channel.Name], branch.Parameters.Select(p => p.Name));

            // Every parameter the branch reads is declared by it.
            var read = IrWalker.Steps(branch.Body).SelectMany(IrWalker.Expressions).SelectMany(IrWalker.Descendants).OfType<ParameterReadIr>();
            Assert.All(read, r => Assert.Contains(branch.Parameters, p => p.Name == r.Parameter));
        }

        Assert.Contains(IrWalker.Steps(package.Functions.Single(f => f.Name == fork.Branches[0]).Body).SelectMany(IrWalker.Expressions).SelectMany(IrWalker.Descendants), e => e is ParameterReadIr);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_split_in_a_template_paired_with_the_out_flow_aggregate_passes_the_parameters_its_targets_read()
    {
        var diagnostics = new DiagnosticBag();
        var xml = """<definitions xmlns="http://ws.apache.org/ns/synapse"><proxy name="P"><target><inSequence><call-template target="T"><with-param name="channel" value="quotes"/></call-template></inSequence>"""
            + """<outSequence><aggregate><completeCondition><messageCount min="-1" max="-1"/></completeCondition><onComplete expression="//result"><send/></onComplete></aggregate></outSequence></target></proxy>"""
            + """<template name="T"><parameter name="channel"/><sequence><iterate expression="//orders/order"><target><sequence><header name="X-Channel" scope="transport" expression="$func:channel"/><send><endpoint><address uri="http://localhost:9000/orders"/></endpoint></send></sequence></target></iterate></sequence></template></definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);

        var template = package.Functions.Single(f => f.Summary == "Sequence template 'T'.");
        var fork = Assert.Single(IrWalker.Steps(template.Body).OfType<ForkStep>());
        Assert.NotNull(fork.Aggregation);
        var channel = template.Parameters.Single(p => p.SynapseName == "channel");
        Assert.Equal([channel.Name], fork.Arguments.Select(a => a.Parameter));
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        Assert.Equal([channel.Name], branch.Parameters.Select(p => p.Name));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void An_iterate_whose_expression_uses_an_undeclared_prefix_fails_the_flow_as_the_Micro_Integrator_does()
    {
        var diagnostics = new DiagnosticBag();
        var xml = """<definitions xmlns="http://ws.apache.org/ns/synapse"><sequence name="s"><iterate expression="//m1:order" xmlns:m0="urn:o"><target><sequence><log/></sequence></target></iterate>"""
            + """<aggregate><completeCondition><messageCount min="-1" max="-1"/></completeCondition><onComplete expression="//result"><respond/></onComplete></aggregate></sequence></definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);

        var body = package.Functions.Single(f => f.Summary.Contains("'s'", StringComparison.Ordinal)).Body;
        Assert.IsType<DeadCodeStep>(body[0]);
        var fail = Assert.IsType<FailStep>(body[1]);
        Assert.Equal(new StringLiteralIr("Evaluation of the XPath expression //m1:order resulted in an error"), fail.Message);
        Assert.Equal(body[1].Origin, body[0].Origin);
        Assert.IsType<AggregateMediator>(Assert.IsType<DeadCodeStep>(body[2]).Origin);
        Assert.Contains(diagnostics.Items, d => d.Id == DiagnosticCatalog.MediatorAlwaysFails.Id);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }
}
