using Microsoft.CodeAnalysis;
using SynapseToBal.Driver;
using SynapseToBal.Lowering;
using SynapseToBal.Refine;
using SynapseToBal.Report;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Project;
using SemanticModel = SynapseToBal.Semantics.SemanticModel;
using Xunit;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Issue 13: the passes that work on the whole package are guarded per artifact too (the semantic model's walk of each
/// artifact's mediators and its flow facts, the lowering's passes over the whole project, the refiner's naming rule).
/// Each test injects a fault into one artifact through the stage's test seam and checks the diagnostic, the artifact's
/// name, its fallback form, and that every other artifact's file (one file per artifact, <c>--keep-structure</c>) is
/// byte-identical to a run without the fault.
/// </summary>
public sealed class PassContainmentTests : IDisposable
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    /// <summary>An API, a main sequence, a store, two sequences and a template, one per file.</summary>
    private static readonly (string File, string Xml)[] Inputs =
    [
        ("good.xml", $"""<api xmlns="{Ns}" name="GoodApi" context="/good"><resource methods="GET"><inSequence><log level="custom"><property name="p" value="v"/></log><respond/></inSequence></resource></api>"""),
        ("main.xml", $"""<sequence xmlns="{Ns}" name="main"><log/><respond/></sequence>"""),
        ("store.xml", $"""<messageStore xmlns="{Ns}" name="Kept"/>"""),
        ("other.xml", $"""<sequence xmlns="{Ns}" name="Other"><log level="full"/></sequence>"""),
        ("tpl.xml", $"""<template xmlns="{Ns}" name="Tpl"><parameter name="first"/><sequence><log level="custom"><property name="a" expression="$func:first"/></log></sequence></template>"""),
        ("bad.xml", $"""<sequence xmlns="{Ns}" name="Cursed"><log/><property name="x" value="1"/></sequence>"""),
    ];

    /// <summary>The inputs, written once per test: both runs convert the same folder (its name is in Ballerina.toml).</summary>
    private readonly TempDirectory _input = TempDirectory.WithFiles(Inputs);

    public void Dispose() => _input.Dispose();

    private ConversionResult Convert() =>
        Converter.Convert(new ConversionOptions(_input.Path, PackageName: "contained") { KeepStructure = true });

    /// <summary>Every file of <paramref name="plain"/> but <paramref name="own"/> and the report is in <paramref name="faulted"/>, byte for byte, and nothing else is.</summary>
    private static void AssertOthersUnchanged(ConversionResult plain, ConversionResult faulted, params string[] own)
    {
        var mayDiffer = new HashSet<string>(own.Append(ReportWriter.MarkdownFileName), StringComparer.Ordinal);
        var before = plain.Files.Where(f => !mayDiffer.Contains(f.RelativePath)).ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        var after = faulted.Files.Where(f => !mayDiffer.Contains(f.RelativePath)).ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        Assert.True(before.Count > 3, "expected several files besides the failed artifact's: " + string.Join(", ", before.Keys));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changed = before.Keys.Where(path => before[path] != after[path]).ToList();
        Assert.True(changed.Count == 0, "files of other artifacts changed: " + string.Join(", ", changed) + "\n" + string.Join("\n----\n", changed.Select(p => after[p])));
    }

    /// <summary>The one diagnostic of <paramref name="code"/>: an error at the artifact's file naming it, and no whole-package error.</summary>
    private static Diagnostic AssertReported(ConversionResult result, string code, string file, params string[] says)
    {
        var error = Assert.Single(result.Diagnostics, d => d.Id == code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.EndsWith(file, error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        foreach (var text in says)
        {
            Assert.Contains(text, error.GetMessage(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0901");
        Assert.True(result.HasErrors);
        Assert.NotNull(result.Report);
        return error;
    }

    private ConversionResult With<T>(AsyncLocal<T?> seam, T fault)
        where T : class
    {
        seam.Value = fault;
        try
        {
            return Convert();
        }
        finally
        {
            seam.Value = null;
        }
    }

    [Theory]
    [InlineData(SemanticModel.WalkingStep)]
    [InlineData(SemanticModel.AnalysingStep)]
    public void An_internal_error_walking_or_analysing_one_artifacts_flows_makes_it_a_todo_and_the_others_are_unchanged(string step)
    {
        var plain = Convert();
        var seen = new List<string>();
        var result = With<Action<ArtifactSyntax, string>>(SemanticModel.BeforeFlowStep, (artifact, at) =>
        {
            seen.Add(at);
            if (artifact.Name == "Cursed" && at == step)
            {
                throw new InvalidOperationException("simulated flow analysis bug");
            }
        });

        Assert.Contains(step, seen);
        AssertReported(result, "SB0908", "bad.xml", step, "sequence 'Cursed'", "simulated flow analysis bug", "kept whole as a TODO");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0902" or "SB0903" or "SB0906");
        var own = Assert.Single(result.Files, f => f.Content.Contains("TODO(SB0908)", StringComparison.Ordinal));
        Assert.Contains("name=\"Cursed\"", own.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("function cursed(", StringComparison.Ordinal));
        Assert.Equal(ArtifactStatus.NotConverted, Assert.Single(result.Report!.Artifacts, a => a.Name == "Cursed").Status);
        Assert.Equal(ArtifactStatus.Converted, Assert.Single(result.Report!.Artifacts, a => a.Name == "Other").Status);
        AssertOthersUnchanged(plain, result, own.RelativePath);
    }

    [Fact]
    public void An_internal_error_declaring_one_sequences_function_makes_it_a_todo_and_the_others_are_unchanged()
    {
        var plain = Convert();
        var result = With<Action<ArtifactSyntax, string>>(Lowerer.BeforePass, (artifact, step) =>
        {
            if (artifact.Name == "Cursed" && step == Lowerer.DeclaringStep)
            {
                throw new InvalidOperationException("simulated declaration bug");
            }
        });

        AssertReported(result, "SB0908", "bad.xml", "declaring the function of the sequence 'Cursed'", "simulated declaration bug", "kept whole as a TODO");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0902" or "SB0903");
        var own = Assert.Single(result.Files, f => f.Content.Contains("TODO(SB0908)", StringComparison.Ordinal));
        Assert.Contains("name=\"Cursed\"", own.Content, StringComparison.Ordinal);
        Assert.Equal(ArtifactStatus.NotConverted, Assert.Single(result.Report!.Artifacts, a => a.Name == "Cursed").Status);
        AssertOthersUnchanged(plain, result, own.RelativePath);
    }

    [Fact]
    public void An_internal_error_declaring_one_templates_function_makes_it_a_todo_and_the_others_are_unchanged()
    {
        var plain = Convert();
        var result = With<Action<ArtifactSyntax, string>>(Lowerer.BeforePass, (artifact, step) =>
        {
            if (artifact.Name == "Tpl" && step == Lowerer.DeclaringStep)
            {
                throw new InvalidOperationException("simulated declaration bug");
            }
        });

        AssertReported(result, "SB0908", "tpl.xml", "declaring the function of the template 'Tpl'", "simulated declaration bug");
        var own = Assert.Single(result.Files, f => f.Content.Contains("TODO(SB0908)", StringComparison.Ordinal));
        Assert.Contains("name=\"Tpl\"", own.Content, StringComparison.Ordinal);
        AssertOthersUnchanged(plain, result, own.RelativePath);
    }

    [Fact]
    public void An_internal_error_making_the_main_sequences_service_leaves_it_out_and_the_others_are_unchanged()
    {
        var plain = Convert();
        Assert.Contains(plain.Files, f => f.Content.Contains("The main sequence: every request no API matches", StringComparison.Ordinal));
        var result = With<Action<ArtifactSyntax, string>>(Lowerer.BeforePass, (artifact, step) =>
        {
            if (step == Lowerer.MainServiceStep)
            {
                throw new InvalidOperationException("simulated main service bug");
            }
        });

        AssertReported(result, "SB0908", "main.xml", "making the service of the main sequence of the sequence 'main'", "simulated main service bug", "no service is made for it");
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("The main sequence: every request no API matches", StringComparison.Ordinal));
        // support.bal holds only the runtime lines the package uses: newContext's REST_FULL_REQUEST_PATH lines go with
        // the main sequence's service (its `fullRequestPath = true`).
        var own = plain.Files.Where(f => f.Content.Contains("The main sequence: every request no API matches", StringComparison.Ordinal)).Select(f => f.RelativePath).Append("support.bal").ToArray();
        AssertOthersUnchanged(plain, result, own);
    }

    [Fact]
    public void An_internal_error_lowering_one_message_store_makes_it_a_todo_and_the_others_are_unchanged()
    {
        var plain = Convert();
        var result = With<Action<ArtifactSyntax>>(Lowerer.BeforeArtifact, artifact =>
        {
            if (artifact.Name == "Kept")
            {
                throw new InvalidOperationException("simulated store bug");
            }
        });

        AssertReported(result, "SB0902", "store.xml", "messageStore 'Kept'", "simulated store bug");
        var own = Assert.Single(result.Files, f => f.Content.Contains("TODO(SB0902)", StringComparison.Ordinal));
        Assert.Contains("name=\"Kept\"", own.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0908");

        // support.bal and types.bal hold only the runtime helpers and types the package uses: the store's go with it.
        AssertOthersUnchanged(plain, result, own.RelativePath, "support.bal", "types.bal");
    }

    [Fact]
    public void An_internal_error_choosing_one_symbols_name_gives_it_a_fallback_name_and_every_other_name_is_kept()
    {
        var plain = Convert();
        var result = With<Action<SynapseToBal.IR.Symbol>>(BallerinaRefiner.BeforeChoose, symbol =>
        {
            if (symbol is { Kind: SynapseToBal.IR.SymbolKind.Function, Hint: "Cursed" })
            {
                throw new InvalidOperationException("simulated naming rule bug");
            }
        });

        AssertReported(result, "SB0906", "bad.xml", "naming the function 'Cursed' of the artifact 'Cursed'", "simulated naming rule bug");
        var index = plain.ModuleNames.IndexOf("cursed");
        Assert.True(index >= 0);
        var fallback = "function" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([.. plain.ModuleNames.SetItem(index, fallback)], result.ModuleNames.ToList());
        var own = Assert.Single(result.Files, f => f.Content.Contains($"function {fallback}(", StringComparison.Ordinal));
        AssertOthersUnchanged(plain, result, own.RelativePath);
    }
}
