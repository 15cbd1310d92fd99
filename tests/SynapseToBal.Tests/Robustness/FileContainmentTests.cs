using Microsoft.CodeAnalysis;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Report;
using SynapseToBal.Tests.Gates;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// Issue 13: rendering each whole generated file (its template, outside the guarded services, functions and
/// declarations) and computing the emitter's package-wide facts are guarded too. A fault injected into one file's render
/// (through <see cref="PackageEmitter.BeforeFile"/>) leaves that file out (SB0909, naming it and, with
/// <c>--keep-structure</c>, its artifact) and every other file is generated as without the fault; a fault in a
/// package-wide fact (<see cref="PackageEmitter.BeforeFact"/>) is SB0910 and the package is generated with the fact's
/// fallback. Before, both ended as SB0901 "emitting" with no package at all.
/// </summary>
public sealed class FileContainmentTests(ITestOutputHelper output) : IDisposable
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    /// <summary>An API calling an endpoint and a sequence with a fault sequence, a local entry, one per file.</summary>
    private static readonly (string File, string Xml)[] Inputs =
    [
        ("api.xml", $"""<api xmlns="{Ns}" name="Orders" context="/orders"><resource methods="GET"><inSequence><property name="mode" value="fast"/><sequence key="Handle"/><call><endpoint key="Backend"/></call><respond/></inSequence><faultSequence><sequence key="OnFault"/></faultSequence></resource></api>"""),
        ("seq.xml", $"""<sequence xmlns="{Ns}" name="Handle"><log level="custom"><property name="p" expression="get-property('mode')"/></log></sequence>"""),
        ("fault.xml", $$"""<sequence xmlns="{{Ns}}" name="OnFault"><payloadFactory media-type="json"><format>{"error":"failed"}</format><args/></payloadFactory><respond/></sequence>"""),
        ("ep.xml", $"""<endpoint xmlns="{Ns}" name="Backend"><address uri="http://backend.example.com/orders"/></endpoint>"""),
        ("entry.xml", $"""<localEntry xmlns="{Ns}" key="Greeting">hello</localEntry>"""),
    ];

    private readonly TempDirectory _input = TempDirectory.WithFiles(Inputs);

    public void Dispose() => _input.Dispose();

    private ConversionResult Convert(bool keepStructure, int threads, string? cursedFile = null, string? cursedFact = null)
    {
        PackageEmitter.BeforeFile.Value = cursedFile is null ? null : path =>
        {
            if (path == cursedFile)
            {
                throw new InvalidOperationException("simulated file render bug");
            }
        };
        PackageEmitter.BeforeFact.Value = cursedFact is null ? null : what =>
        {
            if (what.Contains(cursedFact, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("simulated package fact bug");
            }
        };
        try
        {
            return Converter.Convert(new ConversionOptions(_input.Path, PackageName: "filed") { KeepStructure = keepStructure, MaxDegreeOfParallelism = threads });
        }
        finally
        {
            PackageEmitter.BeforeFile.Value = null;
            PackageEmitter.BeforeFact.Value = null;
        }
    }

    [Theory]
    [InlineData("main.bal", false, 1)]
    [InlineData("main.bal", false, 4)]
    [InlineData("functions.bal", false, 4)]
    [InlineData("connections.bal", false, 1)]
    [InlineData("entries.bal", false, 4)]
    [InlineData("Config.toml", false, 4)]
    [InlineData("Ballerina.toml", false, 1)]
    [InlineData("main.bal", true, 1)]
    [InlineData("api_orders.bal", true, 1)]
    [InlineData("sequence_handle.bal", true, 4)]
    public void An_internal_error_rendering_one_file_leaves_it_out_and_the_other_files_are_unchanged(string cursed, bool keepStructure, int threads)
    {
        var plain = Convert(keepStructure, threads);
        Assert.DoesNotContain(plain.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));
        Assert.Contains(plain.Files, f => f.RelativePath == cursed);

        var result = Convert(keepStructure, threads, cursedFile: cursed);

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0909");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var message = error.GetMessage();
        Assert.Contains($"the file '{cursed}'", message, StringComparison.Ordinal);
        Assert.Contains("simulated file render bug", message, StringComparison.Ordinal);
        Assert.Contains("the file is left out and the other files of the package are generated", message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0903" or "SB0910");
        Assert.True(result.HasErrors);
        if (cursed.StartsWith("api_", StringComparison.Ordinal))
        {
            // A --keep-structure file names its artifact and points at it.
            Assert.Contains("of the api 'Orders'", message, StringComparison.Ordinal);
            Assert.EndsWith("api.xml", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        }

        // The failed file is left out; every other file is there, byte for byte as without the fault (support.bal
        // and types.bal hold the runtime helpers and types the written files use, so they may hold fewer).
        Assert.DoesNotContain(result.Files, f => f.RelativePath == cursed);
        var mayDiffer = new HashSet<string>([cursed, ReportWriter.MarkdownFileName, "support.bal", "types.bal"], StringComparer.Ordinal);
        var before = plain.Files.Where(f => !mayDiffer.Contains(f.RelativePath)).ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        var after = result.Files.Where(f => !mayDiffer.Contains(f.RelativePath)).ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        Assert.True(before.Count > 3, "expected several other files: " + string.Join(", ", before.Keys));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changed = before.Keys.Where(path => before[path] != after[path]).ToList();
        Assert.True(changed.Count == 0, "other files changed: " + string.Join(", ", changed));

        // The report is still built, and lists the failure.
        Assert.NotNull(result.Report);
        Assert.Contains(result.Files, f => f.RelativePath == ReportWriter.MarkdownFileName);
    }

    [Theory]
    [InlineData("the functions that cannot fail", false)]
    [InlineData("the fault flows nothing calls", false)]
    [InlineData("the typed record of the context's properties", false)]
    [InlineData("the functions that cannot fail", true)]
    public void An_internal_error_computing_a_package_wide_fact_takes_its_fallback_and_the_package_is_generated(string fact, bool keepStructure)
    {
        var plain = Convert(keepStructure, 2);
        Assert.DoesNotContain(plain.Diagnostics, d => d.Id.StartsWith("SB09", StringComparison.Ordinal));

        var result = Convert(keepStructure, 2, cursedFact: fact);

        var error = Assert.Single(result.Diagnostics, d => d.Id == "SB0910");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(fact + " for the whole package", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("simulated package fact bug", error.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0901" or "SB0903" or "SB0909");

        // Every file is generated: the same ones as without the fault.
        Assert.Equal(
            plain.Files.Select(f => f.RelativePath).Where(p => p != "properties.bal" && p != "support.bal").Order(StringComparer.Ordinal),
            result.Files.Select(f => f.RelativePath).Where(p => p != "properties.bal" && p != "support.bal").Order(StringComparer.Ordinal));
        Assert.NotNull(result.Report);
        AssertParses(result);
    }

    /// <summary>The fallback of a fact changes the code it decides (here, the functions' error unions), nothing else.</summary>
    [Fact]
    public void Without_the_functions_that_cannot_fail_every_function_returns_an_error_union()
    {
        var plain = Convert(false, 2);
        var result = Convert(false, 2, cursedFact: "the functions that cannot fail");
        var before = Assert.Single(plain.Files, f => f.RelativePath == "functions.bal").Content;
        var after = Assert.Single(result.Files, f => f.RelativePath == "functions.bal").Content;
        Assert.NotEqual(before, after);
        Assert.DoesNotContain(after.Split('\n'), l => l.StartsWith("function ", StringComparison.Ordinal) && l.Contains(" returns ", StringComparison.Ordinal) && !l.Contains("error", StringComparison.Ordinal));
    }

    private void AssertParses(ConversionResult result)
    {
        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check: {reason}.");
            return;
        }

        using var temp = new TempDirectory();
        Converter.Write(result, temp.Combine("out"));
        var verdict = Balcheck.Run(tool, temp.Combine("out"));
        Assert.True(verdict.Passed, "the package generated with a fact's fallback does not parse:\n" + verdict.Describe(temp.Combine("out")));
    }
}
