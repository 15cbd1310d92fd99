using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Golden;

/// <summary>
/// Each folder under Cases/ is one golden case: <c>input/</c> holds Synapse XML, <c>expected/</c> the whole
/// generated Ballerina package plus <c>diagnostics.txt</c> and <c>ir.txt</c> (the IR the package was emitted from,
/// as <see cref="IrPrinter"/> prints it). The runtime module is tested once (<c>Runtime/</c>), so a
/// case keeps no copy of it: <c>support.used.txt</c> stands for the generated <c>support.bal</c> (the declarations the
/// package uses, sorted; no file when the package gets no <c>support.bal</c>), and <c>types.used.txt</c> for the generated
/// <c>types.bal</c> (the types and record fields the package names, sorted; no file when it gets no <c>types.bal</c>; its
/// <c>properties</c> field typed <c>Properties</c> when the package has a <c>properties.bal</c>, checked here). An <c>options.txt</c> beside <c>input/</c> asks for conversion options
/// (<see cref="GoldenCaseOptions"/>).
/// </summary>
public sealed class GoldenCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(TestPaths.Cases).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var caseDirectory = Path.Combine(TestPaths.Cases, name);
        var input = Path.Combine(caseDirectory, "input");
        Assert.True(Directory.Exists(input), $"{name} has no input folder");
        GoldenFiles.AssertDirectory(Path.Combine(caseDirectory, "expected"), Generate(input, name));
    }

    /// <summary>The bundled examples: the MI order API, and an EI 6.x project (proxies, a JMS inbound endpoint, a task, a store and its processor).</summary>
    [Theory]
    [InlineData("order-api")]
    [InlineData("ei6-orders")]
    public void Example_matches_its_golden_output(string name)
    {
        var example = Path.Combine(TestPaths.Examples, name);
        GoldenFiles.AssertDirectory(Path.Combine(TestPaths.RepositoryRoot, "tests", "SynapseToBal.Tests", "Examples", name), Generate(example, name));
    }

    [Fact]
    public void Every_case_has_expected_output()
    {
        foreach (var directory in Directory.EnumerateDirectories(TestPaths.Cases))
        {
            Assert.True(Directory.Exists(Path.Combine(directory, "expected")), $"{Path.GetFileName(directory)} has no expected folder");
        }

        Assert.True(Directory.EnumerateDirectories(TestPaths.Cases).Count() >= 20, "the golden suite covers at least 20 cases");
    }

    internal static Dictionary<string, string> Generate(string input, string name)
    {
        var result = Converter.Convert(GoldenCaseOptions.Apply(new ConversionOptions(input, PackageName: name), input));
        var files = result.Files.ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        var diagnostics = result.Diagnostics.Select(d => DiagnosticBag.Format(d, input)).ToList();
        files["diagnostics.txt"] = diagnostics.Count == 0 ? "(none)\n" : string.Join("\n", diagnostics) + "\n";
        if (files.Remove("support.bal", out var support))
        {
            GeneratedCodeShapeTests.AssertWellShaped(name + "/support.bal", support.TrimEnd('\n').Split('\n'));
            files["support.used.txt"] = string.Join("\n", RuntimeModule.DeclarationNames(support).Order(StringComparer.Ordinal)) + "\n";
        }

        if (files.Remove("types.bal", out var types))
        {
            // The runtime's types.bal pruned to the types and record fields the package names, with the Context's
            // properties typed by the Properties record when the package has one (and keeps the field).
            GeneratedCodeShapeTests.AssertWellShaped(name + "/types.bal", types.TrimEnd('\n').Split('\n'));
            Assert.False(files.ContainsKey("properties.bal") && types.Contains("\n    map<anydata> properties = {};\n", StringComparison.Ordinal), $"{name}: the Context's properties are not typed by its Properties record");
            files["types.used.txt"] = string.Join("\n", RuntimeModule.TypeMembers(types)) + "\n";
        }

        files["ir.txt"] = IrPrinter.Print(result.Package, result.SourceRoot);
        return files;
    }
}
