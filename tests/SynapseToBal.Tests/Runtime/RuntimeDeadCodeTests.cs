using System.Text;
using System.Text.RegularExpressions;
using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// Issue 14, "no helper in the runtime module that the package does not use": over every golden package and example,
/// the <c>support.bal</c> the package gets (rebuilt from its expected files, as the converter builds it) holds no top-level
/// declaration that nothing in the package reaches from its own files (through <c>types.bal</c> too), and no optional
/// parameter line (<c>// Only with: ...</c>) that no call of the function passes. <c>types.bal</c> is pruned too (its
/// types and defaulted fields the package names; see <c>RuntimeModuleTests</c> and the cases' <c>types.used.txt</c>).
/// </summary>
public sealed partial class RuntimeDeadCodeTests
{
    public static TheoryData<string> Packages()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(TestPaths.Cases).Select(c => Path.Combine(c, "expected"))
            .Concat(Directory.EnumerateDirectories(Path.Combine(TestPaths.TestProject, "Examples")))
            .Where(f => Directory.Exists(f) && Directory.EnumerateFiles(f, "*.bal").Any())
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.TestProject, folder).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void The_packages_are_found() => Assert.True(Packages().Count >= 300, $"{Packages().Count} golden packages");

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_runtime_declaration_a_package_gets_is_reached_from_its_own_files(string package)
    {
        var (files, support, types) = Load(package);
        if (support is null)
        {
            return;
        }

        // types.bal's declarations only carry the reach here; support.bal's must each be reached.
        var helpers = RuntimeModule.Parse(support, "support.bal").Declarations.Where(d => !d.Names.IsEmpty).ToList();
        var declarations = helpers.Concat(RuntimeModule.Parse(types, "types.bal").Declarations.Where(d => !d.Names.IsEmpty)).ToList();
        var reached = new HashSet<string>(files.SelectMany(CodeIdentifiers), StringComparer.Ordinal);
        var kept = new HashSet<int>();
        bool added;
        do
        {
            added = false;
            for (var i = 0; i < declarations.Count; i++)
            {
                if (!kept.Contains(i) && declarations[i].Names.Any(reached.Contains))
                {
                    kept.Add(i);
                    reached.UnionWith(declarations[i].Identifiers);
                    added = true;
                }
            }
        }
        while (added);

        var dead = helpers.Where((d, i) => !kept.Contains(i)).Select(d => d.Names[0]).ToList();
        Assert.True(dead.Count == 0, $"{package}: the runtime module keeps {string.Join(", ", dead)}, which nothing in the package reaches");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_optional_parameter_a_package_keeps_is_passed_by_one_of_its_calls(string package)
    {
        var (files, support, _) = Load(package);
        if (support is null)
        {
            return;
        }

        var code = string.Join("\n", files.Append(support).Select(WithoutCommentsAndStrings));
        var problems = new List<string>();
        foreach (var declaration in RuntimeModule.Parse(support, "support.bal").Declarations.Where(d => d.Names.Length == 1))
        {
            foreach (var line in declaration.Text.Split('\n').Where(l => l.Contains(RuntimeModule.OptionalMarker, StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')))
            {
                var code0 = line[..line.IndexOf(RuntimeModule.OptionalMarker, StringComparison.Ordinal)];
                // A block, or a call statement kept with a declaration (`writeCorsHeaders(ctx); // Only with: CorsConfig`):
                // no parameter of its own.
                if (code0.TrimEnd().EndsWith('{') || Regex.IsMatch(code0.Trim(), @"^[A-Za-z_][A-Za-z0-9_]*\([^=]*\);$"))
                {
                    continue;
                }

                // A parameter line: `Type? name = default, ...`; one of its parameters is passed by name to a call of the function.
                var parameters = Parameter().Matches(code0).Select(m => m.Groups[1].Value).ToList();
                Assert.NotEmpty(parameters);
                var name = declaration.Names[0];
                if (!Calls(code, name).Any(arguments => parameters.Any(p => Regex.IsMatch(arguments, @"(?:^|[(,])\s*" + p + @"\s*=(?![=>])"))))
                {
                    problems.Add($"{name}: no call passes {string.Join(" or ", parameters)}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{package}: {string.Join("; ", problems)}");
    }

    private static (List<string> Files, string? Support, string Types) Load(string package)
    {
        var folder = Path.Combine(TestPaths.TestProject, package);
        var files = Directory.EnumerateFiles(folder, "*.bal", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("support.bal" or "types.bal"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        var support = RuntimeModule.BuiltIn.Support(files);
        var types = RuntimeModule.BuiltIn.Types(typedProperties: File.Exists(Path.Combine(folder, "properties.bal")));
        return (files, support, types);
    }

    /// <summary>The identifiers of a file's code (not comments, strings or template text), without members after a '.'.</summary>
    private static IEnumerable<string> CodeIdentifiers(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lexer = new RuntimeModule.Lexer(normalized);
        lexer.Run();
        return lexer.Tokens
            .Where(t => t.Kind == RuntimeModule.TokenKind.Identifier && !(t.Start > 0 && normalized[t.Start - 1] == '.' && (t.Start < 2 || normalized[t.Start - 2] != '.')))
            .Select(t => t.Text);
    }

    /// <summary>The text with comments dropped and string literals emptied (template text stays: its interpolations are code).</summary>
    private static string WithoutCommentsAndStrings(string text)
    {
        var builder = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(StringLiteral().Replace(line, "\"\"")).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The argument lists (without the outer parentheses) of the calls of <paramref name="function"/> in <paramref name="code"/>.</summary>
    private static IEnumerable<string> Calls(string code, string function)
    {
        foreach (Match match in Regex.Matches(code, @"(?<![\w.])" + Regex.Escape(function) + @"\("))
        {
            if (code.AsSpan(0, match.Index).TrimEnd().EndsWith("function", StringComparison.Ordinal))
            {
                continue;
            }

            var depth = 0;
            var start = match.Index + match.Length;
            for (var i = start - 1; i < code.Length; i++)
            {
                depth += code[i] switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    yield return code[start..i];
                    break;
                }
            }
        }
    }

    [GeneratedRegex(@"(\w+)\s*=\s*[^,]+")]
    private static partial Regex Parameter();

    [GeneratedRegex("\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
