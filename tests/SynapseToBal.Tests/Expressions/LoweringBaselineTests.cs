using System.Collections.Immutable;
using System.Text;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Golden;
using Xunit;

namespace SynapseToBal.Tests.Expressions;

/// <summary>
/// Lowering baselines per dialect: every line of <c>Lowering/Inputs/&lt;dialect&gt;.txt</c> is translated (as a value,
/// or as a condition when it starts with <c>?</c>) and rendered as Ballerina into
/// <c>Lowering/Baselines/&lt;dialect&gt;.txt</c>, with the syntax error when there is one. Compared with the golden
/// harness; <c>SYNAPSE2BAL_UPDATE_GOLDEN=1</c> rewrites the baselines.
/// </summary>
public sealed class LoweringBaselineTests
{
    private static readonly string[] Dialects = ["xpath", "synapse", "jsonpath"];

    private static string Folder => Path.Combine(TestPaths.TestProject, "Expressions", "Lowering");

    private static readonly ImmutableDictionary<string, string> Namespaces = ImmutableDictionary<string, string>.Empty
        .Add("m0", "http://services.samples")
        .Add("ns", "http://example.com/ns")
        .Add("ord", "http://example.com/orders")
        .Add("soapenv", "http://schemas.xmlsoap.org/soap/envelope/")
        .Add("soap12", "http://www.w3.org/2003/05/soap-envelope");

    private static readonly Symbol Id = SymbolFactory.Local("id");

    private static readonly Symbol Param = SymbolFactory.Local("p");

    private static readonly Symbol Secret = SymbolFactory.Local("secret");

    private static readonly SequenceSyntax SourceOrigin = new(SourceLocation.FileStart("a.xml"), "<sequence/>", "s", null, [], null);

    private static readonly ExpressionTranslator Translator =
        new ExpressionTranslator(new Dictionary<string, Symbol> { ["id"] = Id }, _ => Secret)
            .WithConfigValues(_ => Secret)
            .WithFunctionParams(new Dictionary<string, Symbol> { ["p"] = Param })
            .WithXmlVariables(name => name == "doc");

    private static readonly PackageIr Package = new(
        new ListenerIr(new Symbol(SymbolKind.Listener, "l"), new ConfigurableIr(new Symbol(SymbolKind.Configurable, "port"), ConfigurableType.Integer, "1", "", false)),
        [],
        [],
        [],
        [],
        [],
        [],
        [])
    {
        Services = [new ServiceIr(ServiceKind.Api, "s", "/", [new ResourceIr("get", [new PathSegmentIr.Param("id", Id), new PathSegmentIr.Param("p", Param), new PathSegmentIr.Param("secret", Secret)], [], null, null, false, "", SourceOrigin)], SourceOrigin, "a.xml")],
    };

    private static IReadOnlyList<string> Cases(string dialect) =>
        File.ReadAllLines(Path.Combine(Folder, "Inputs", dialect + ".txt"))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .ToList();

    /// <summary>One case rendered: the Ballerina of the value or condition, and the syntax error when the text does not parse.</summary>
    public static string Render(string line, string dialect)
    {
        var condition = line.StartsWith('?');
        var text = condition ? line[1..] : line;
        var original = dialect switch
        {
            "synapse" => "${" + text + "}",
            "jsonpath" => "json-eval(" + text + ")",
            _ => text,
        };
        var expression = ExpressionSyntax.Create(original, Namespaces, SourceLocation.FileStart("test.xml"));
        var writer = new ExpressionWriter(new ModuleUsage(), BallerinaRefiner.Refine(Package, RuntimeModule.BuiltIn.DeclaredNames).Names);
        var code = condition ? writer.Condition(Translator.Condition(expression)) : writer.String(Translator.Value(expression));
        var error = ExpressionTranslator.SyntaxError(expression);
        return error is null ? code : $"{code}  // SB0214 at {error.Position}: {error.Message}";
    }

    private static string Baseline(string dialect)
    {
        var builder = new StringBuilder();
        foreach (var line in Cases(dialect))
        {
            builder.Append(line).Append('\n').Append("  => ").Append(Render(line, dialect)).Append('\n');
        }

        return builder.ToString();
    }

    [Fact]
    public void Every_dialect_lowers_as_its_baseline_says()
    {
        var actual = Dialects.ToDictionary(d => d + ".txt", Baseline);
        GoldenFiles.AssertDirectory(Path.Combine(Folder, "Baselines"), actual);
    }

    [Fact]
    public void The_baselines_hold_enough_cases() =>
        Assert.True(Dialects.Sum(d => Cases(d).Count) >= 300, "fewer than 300 lowering cases");

    [Fact]
    public void Every_translated_function_has_a_case()
    {
        var inputs = Dialects.ToDictionary(d => d, d => string.Join("\n", Cases(d)));
        var missing = Builtins.All
            .Where(f => f.Translated && f.Name != "json-eval" && f.Name != "get-property")
            .Where(f => !inputs[f.Dialect == FunctionDialect.XPath ? "xpath" : "synapse"].Contains(f.Name.Split(':')[^1] + "(", StringComparison.Ordinal))
            .Select(f => f.Name)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_signature_table_names_each_function_once_with_a_reason_when_not_translated()
    {
        Assert.Equal(Builtins.All.Count, Builtins.All.Select(f => (f.Dialect, f.Name)).Distinct().Count());
        Assert.All(Builtins.All, f => Assert.True(f.Translated || !string.IsNullOrWhiteSpace(f.NotTranslatedBecause)));
        Assert.All(Builtins.All.Where(f => f.Translated), f => Assert.True(f.MinArity <= f.MaxArity, f.Name));
    }
}
