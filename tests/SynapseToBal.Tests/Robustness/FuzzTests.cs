using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.Lowering;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Gates;
using SynapseToBal.Tests.Project;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Robustness;

/// <summary>
/// A bounded mutation fuzzer seeded from <c>../shared/corpus</c>: each case takes a corpus file, applies one to three
/// structural XML mutations (drop, duplicate, move, swap, rename or insert elements) or value mutations (attribute
/// and text values replaced by hostile text and odd expressions, the file cut short), and runs the whole pipeline
/// (parse, resolve, lower, refine, emit). No case may throw; a sample of the generated packages goes through the
/// official Ballerina parser (balcheck), which must find no syntax error. The seed is fixed so that a failure
/// reproduces; <see cref="CasesVariable"/> and <see cref="SeedVariable"/> run a longer or different campaign
/// (docs/performance.md says how).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const string CasesVariable = "SYNAPSE2BAL_FUZZ_CASES";
    public const string SeedVariable = "SYNAPSE2BAL_FUZZ_SEED";
    private const int DefaultCases = 10_000;
    private const int DefaultSeed = 20261130;

    /// <summary>One generated package in this many is checked by balcheck.</summary>
    private const int ParseSample = 25;

    private static readonly string[] HostileValues =
    [
        "", " ", "{", "}", "${", "`", "\\", "\"'\\", "*/", "/*", "//", "\n", "a b\tc\nd", "\uFFFD",
        "{get-property('x')}", "$1$2$99999999999", "-1", "0", "1e999", "NaN", "999999999999999999999999",
        "json-eval($..a[?(@.b)])", "json-eval($.a[?(@.b > 1 && @.c == 'x')])", "//*[", "//a[1]/b[last()]", "count(//x) > 0",
        "${vars.x == 'a==b'}", "${payload.a + 1}", "${", "${}", "{{x}}", "{{ 1 + 1 }}", "{{ end }}",
        "get-property('ctx', 'x')", "$ctx:a", "$axis2:REST_URL_POSTFIX", "concat('a', $ctx:b)", "fn:lower-case('A')",
        "\"; import ballerina/io; //", "`${x}`", "function", "int", "import", "'quoted", "conf:/", "gov:/a/../../b",
        "../../etc/passwd", "/abs/path", "C:\\Windows", "CON", "NUL", "a/b", "café", "日本", "\u202Ereversed",
        "http://localhost:8280/services/x", "jms:/q?transport.jms.ConnectionFactoryJNDIName=QueueConnectionFactory",
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1",
    ];

    private static readonly string[] ElementNames =
    [
        "log", "property", "send", "call", "respond", "drop", "filter", "switch", "case", "default", "then", "else",
        "sequence", "payloadFactory", "format", "args", "arg", "enrich", "source", "target", "iterate", "aggregate",
        "clone", "foreach", "header", "makefault", "endpoint", "address", "http", "in", "out", "inSequence",
        "outSequence", "faultSequence", "resource", "api", "proxy", "xslt", "script", "class", "store", "cache",
        "throttle", "validate", "callout", "dblookup", "dbreport", "loopback", "call-template", "with-param",
        "scatter-gather", "variable", "unknownThing",
    ];

    private static readonly string[] Snippets =
    [
        "<log level=\"custom\"><property name=\"p\" expression=\"//a\"/></log>",
        "<property name=\"x\" expression=\"json-eval($.a)\" scope=\"default\" type=\"STRING\"/>",
        "<payloadFactory media-type=\"json\"><format>{\"a\":\"$1\",\"b\":${payload.b}}</format><args><arg evaluator=\"xml\" expression=\"//a\"/></args></payloadFactory>",
        "<filter xpath=\"//a = 'b'\"><then><respond/></then><else><drop/></else></filter>",
        "<send><endpoint><address uri=\"http://localhost:9000/x\"/></endpoint></send>",
        "<call><endpoint key=\"NotDefinedAnywhere\"/></call>",
        "<sequence key=\"{get-property('k')}\"/>",
        "<switch source=\"//a\"><case regex=\"(?i)a.*\"><log/></case><default/></switch>",
        "<iterate expression=\"//a\"><target><sequence><send/></sequence></target></iterate>",
        "<header name=\"Authorization\" value=\"Basic secret\"/>",
    ];

    [Fact]
    public void Mutated_corpus_files_never_crash_the_pipeline_and_still_generate_Ballerina_that_parses()
    {
        // Seeded from the shared corpus; on a clone without it (a CI machine), from the golden cases' inputs, so the
        // fuzzer always runs its cases.
        var corpus = TestPaths.Corpus ?? TestPaths.Cases;
        if (TestPaths.Corpus is null)
        {
            output.WriteLine("../shared/corpus is not present beside the repository; the fuzzer is seeded from the golden cases' inputs.");
        }

        var cases = int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var files = Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > (TestPaths.Corpus is null ? 100 : 1000), $"expected the seed files to number over {(TestPaths.Corpus is null ? 100 : 1000)}, found {files.Count}");
        var texts = files.Select(File.ReadAllText).ToList();

        using var temp = new TempDirectory();
        var renderer = new TemplateRenderer();
        var runtimeNames = RuntimeModule.BuiltIn.DeclaredNames;
        var failures = new StringBuilder();
        var failureCount = 0;
        var sampled = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Cases are independent: each derives its own random stream from (seed, case number), so a failing case
        // reproduces alone whatever the order they run in.
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            // Not HashCode.Combine: its hashes are randomised per process, so the cases would differ from run to run.
            var random = new Random(unchecked((seed * 1_000_003) + index));
            var fileIndex = random.Next(files.Count);
            var mutated = Mutate(texts[fileIndex], random, out var description);
            try
            {
                var diagnostics = new DiagnosticBag();
                var document = SynapseParser.ParseText(files[fileIndex], mutated, diagnostics);
                if (document is null)
                {
                    return;
                }

                var package = Lowerer.Lower([document], diagnostics);
                var emitter = new PackageEmitter(renderer, new EmitOptions("fuzz", "fuzz", Path.GetDirectoryName(files[fileIndex])!, "fuzz"));
                var refined = BallerinaRefiner.Refine(package, runtimeNames);
                var generated = emitter.Emit(refined);

                // The per-artifact guards turn an exception into a diagnostic (SB0906 in the symbol table, SB0904 while
                // resolving, SB0902 while lowering, a skipped refining pass, a symbol given its fallback name, SB0903
                // while generating) so that a user's run goes on; for the fuzzer it is still a crash.
                if (diagnostics.Items.FirstOrDefault(d => d.Id is "SB0901" or "SB0902" or "SB0904" or "SB0906" or "SB0907") is { } internalError)
                {
                    throw new InvalidOperationException("caught internal error: " + internalError.GetMessage(CultureInfo.InvariantCulture));
                }

                if (refined.NamingFailures.FirstOrDefault() is { } unnamed)
                {
                    throw new InvalidOperationException($"caught internal error naming the symbol {unnamed.Symbol}: {unnamed.Message}");
                }

                if (refined.Failures.FirstOrDefault() is { } skipped)
                {
                    throw new InvalidOperationException($"caught internal error in the refining pass '{skipped.Pass}': {skipped.Message}");
                }

                if (emitter.Failures.FirstOrDefault() is { } failure)
                {
                    throw new InvalidOperationException($"caught internal error generating the {failure.Kind} '{failure.Name}': {failure.Message}");
                }
                if (index % ParseSample == 0)
                {
                    Interlocked.Increment(ref sampled);
                    var folder = Path.Combine(temp.Path, "c" + index.ToString("D6", CultureInfo.InvariantCulture));
                    foreach (var file in generated.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)))
                    {
                        var path = Path.Combine(folder, file.RelativePath);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        File.WriteAllText(path, file.Content);
                    }

                    File.WriteAllText(Path.Combine(folder, "case.txt"), $"{Path.GetRelativePath(corpus, files[fileIndex])}: {description}");
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    if (++failureCount <= 20)
                    {
                        failures.AppendLine($"case {index} (seed {seed}) {Path.GetRelativePath(corpus, files[fileIndex])} [{description}]: {ex.GetType().Name}: {ex.Message}");
                        failures.AppendLine("    at " + ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
                    }
                }
            }
        });

        var converted = clock.Elapsed;
        output.WriteLine($"{cases} mutated cases (seed {seed}) from {files.Count} corpus files in {converted.TotalSeconds:F1} s; {failureCount} crashed.");
        Assert.True(failureCount == 0, $"{failureCount} mutated inputs crashed the pipeline (first 20):\n{failures}");

        if (Balcheck.Locate(out var reason) is not { } tool)
        {
            output.WriteLine($"SKIPPED the parse check of {sampled} sampled packages: {reason}.");
            return;
        }

        var verdict = Balcheck.Run(tool, temp.Path, TimeSpan.FromMinutes(5));
        output.WriteLine($"balcheck over {sampled} sampled packages in {(clock.Elapsed - converted).TotalSeconds:F1} s: {verdict.Summary}.");
        Assert.True(verdict.Passed, "balcheck found syntax errors in the Ballerina generated for mutated inputs (each folder's case.txt names the case):\n"
            + verdict.Describe(temp.Path, name => File.Exists(Path.Combine(temp.Path, name, "case.txt")) ? File.ReadAllText(Path.Combine(temp.Path, name, "case.txt")) : name));
    }

    /// <summary>One to three mutations of the text; <paramref name="description"/> names them.</summary>
    internal static string Mutate(string text, Random random, out string description)
    {
        var names = new List<string>();
        XDocument? document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            document = null;
        }

        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            if (document?.Root is not { } root || random.Next(12) == 0)
            {
                // Text-level mutations: cut the file short or corrupt one character.
                var current = document?.ToString(SaveOptions.DisableFormatting) ?? text;
                if (current.Length == 0)
                {
                    break;
                }

                var at = random.Next(current.Length);
                if (random.Next(2) == 0)
                {
                    names.Add($"cut at {at}");
                    text = current[..at];
                }
                else
                {
                    names.Add($"char {at}");
                    text = current[..at] + "<>&\"'`{}$"[random.Next(9)] + current[(at + 1)..];
                }

                document = null;
                continue;
            }

            var elements = root.DescendantsAndSelf().ToList();
            var element = elements[random.Next(elements.Count)];
            switch (random.Next(9))
            {
                case 0 when element.Attributes().Any():
                {
                    var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
                    if (attributes.Count > 0)
                    {
                        var attribute = attributes[random.Next(attributes.Count)];
                        attribute.Value = HostileValues[random.Next(HostileValues.Length)];
                        names.Add($"value of @{attribute.Name.LocalName}");
                    }

                    break;
                }

                case 1 when element.Attributes().Any():
                {
                    var attribute = element.Attributes().ElementAt(random.Next(element.Attributes().Count()));
                    names.Add($"drop @{attribute.Name.LocalName}");
                    attribute.Remove();
                    break;
                }

                case 2 when element != root:
                    names.Add($"drop <{element.Name.LocalName}>");
                    element.Remove();
                    break;
                case 3 when element != root:
                    names.Add($"duplicate <{element.Name.LocalName}>");
                    element.AddAfterSelf(new XElement(element));
                    break;
                case 4 when element != root:
                {
                    var target = elements[random.Next(elements.Count)];
                    if (!target.AncestorsAndSelf().Contains(element))
                    {
                        names.Add($"move <{element.Name.LocalName}> into <{target.Name.LocalName}>");
                        element.Remove();
                        target.Add(element);
                    }

                    break;
                }

                case 5:
                {
                    var name = ElementNames[random.Next(ElementNames.Length)];
                    names.Add($"rename <{element.Name.LocalName}> to <{name}>");
                    element.Name = element.Name.Namespace + name;
                    break;
                }

                case 6 when element.NextNode is XElement next:
                    names.Add($"swap <{element.Name.LocalName}> and <{next.Name.LocalName}>");
                    next.Remove();
                    element.AddBeforeSelf(next);
                    break;
                case 7:
                {
                    var snippet = XElement.Parse(Snippets[random.Next(Snippets.Length)]);
                    foreach (var node in snippet.DescendantsAndSelf())
                    {
                        node.Name = root.Name.Namespace + node.Name.LocalName;
                    }

                    names.Add($"insert <{snippet.Name.LocalName}> into <{element.Name.LocalName}>");
                    element.Add(snippet);
                    break;
                }

                default:
                    names.Add($"text of <{element.Name.LocalName}>");
                    if (!element.HasElements)
                    {
                        element.Value = HostileValues[random.Next(HostileValues.Length)];
                    }
                    else
                    {
                        element.AddFirst(new XText(HostileValues[random.Next(HostileValues.Length)]));
                    }

                    break;
            }
        }

        description = names.Count == 0 ? "unchanged" : string.Join("; ", names);
        return document?.ToString(SaveOptions.DisableFormatting) ?? text;
    }
}
