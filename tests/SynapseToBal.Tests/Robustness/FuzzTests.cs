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
/// structural XML mutations (drop, duplicate, move, swap, rename or insert elements, nest an element deep, read one
/// artifact kind as another, move an element to another namespace or prefix) or value mutations (attribute and text
/// values replaced by hostile text and odd expressions, attribute values put in <c>{...}</c>, <c>${...}</c> and
/// <c>json-eval(...)</c> expressions, the file cut short), and runs the whole pipeline
/// (parse, resolve, lower, refine, emit). No case may throw, every generated .bal file must pass the suite's structural
/// checks (<c>GeneratedCodeShapeTests.AssertWellShaped</c>), and a sample of the generated packages goes through the
/// official Ballerina parser (balcheck), which must find no syntax error. The seed is fixed so that a failure
/// reproduces; <see cref="CasesVariable"/> and <see cref="SeedVariable"/> run a longer or different campaign, and
/// <see cref="StartVariable"/> with <see cref="CasesVariable"/> one case or a range of them alone (docs/performance.md says how).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const string CasesVariable = "SYNAPSE2BAL_FUZZ_CASES";
    public const string SeedVariable = "SYNAPSE2BAL_FUZZ_SEED";

    /// <summary>The first case number to run (default 0): with <see cref="CasesVariable"/> it runs one case or a range alone.</summary>
    public const string StartVariable = "SYNAPSE2BAL_FUZZ_START";

    /// <summary>
    /// A folder each failing case's mutated input is written to (<c>case-N.xml</c>, every case's in a run of at most
    /// <see cref="KeepAll"/> cases), to convert it by hand; unset, nothing is written.
    /// </summary>
    public const string KeepVariable = "SYNAPSE2BAL_FUZZ_KEEP";
    private const int DefaultCases = 10_000;
    private const int DefaultSeed = 20261130;
    private const int KeepAll = 100;

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

    /// <summary>Expression forms an attribute value is put in (<c>{0}</c> is its value): attribute value templates, Synapse expressions, JSONPath, inline XPath, template syntax.</summary>
    private static readonly string[] ExpressionForms =
    [
        "{{{0}}}", "{{$ctx:{0}}}", "{{//{0}}}", "{{json-eval($.{0})}}", "${{{0}}}", "${{payload.{0}}}", "${{vars.{0} + \"}}\"}}",
        "${{properties.synapse.{0}}}", "json-eval($.{0})", "json-eval($..{0}[?(@.x == '}}')])", "{{{{{0}}}}}", "{{get-property('{0}')}}",
        "$func:{0}", "$ctx:{0}", "{{${{payload.{0}}}}}", "${{xpath('//{0}')}}", "{0}}}", "{{{0}", "${{{0}",
    ];

    /// <summary>Namespaces an element is moved to: none, Synapse's own, foreign ones and near misses.</summary>
    private static readonly string[] Namespaces =
    [
        "", Ns, "http://ws.apache.org/ns/synapse/", "http://ws.apache.org/ns/Synapse", "http://www.w3.org/2001/XMLSchema",
        "http://ws.apache.org/commons/ns/payload", "urn:unknown",
    ];

    private const string Ns = "http://ws.apache.org/ns/synapse";

    /// <summary>Root elements of the artifact kinds, and a few that are not.</summary>
    private static readonly string[] ArtifactKinds =
    [
        "api", "proxy", "sequence", "template", "endpoint", "localEntry", "messageStore", "messageProcessor", "task",
        "inboundEndpoint", "definitions", "data", "registry", "eventSource", "executor", "import", "unknownArtifact",
    ];

    private static readonly int[] NestingDepths = [2, 10, 40, 120, 255, 260];

    /// <summary>Elements a mediator is wrapped in, with the attributes they need.</summary>
    private static readonly (string Name, Dictionary<string, string> Attributes)[] Wrappers =
    [
        ("filter", new() { ["xpath"] = "true()" }),
        ("then", new()),
        ("else", new()),
        ("sequence", new()),
        ("case", new() { ["regex"] = ".*" }),
        ("switch", new() { ["source"] = "//a" }),
        ("target", new()),
        ("inSequence", new()),
        ("in", new()),
        ("foreach", new() { ["expression"] = "//a" }),
        ("onComplete", new() { ["expression"] = "//a" }),
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
        var start = int.TryParse(Environment.GetEnvironmentVariable(StartVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var first) && first >= 0 ? first : 0;
        var keep = Environment.GetEnvironmentVariable(KeepVariable) is { Length: > 0 } keepFolder ? Directory.CreateDirectory(keepFolder).FullName : null;
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
        // reproduces alone whatever the order they run in, and a range starting at StartVariable runs the same cases
        // as a longer run from 0 does.
        Parallel.For(start, start + cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            // Not HashCode.Combine: its hashes are randomised per process, so the cases would differ from run to run.
            var random = new Random(unchecked((seed * 1_000_003) + index));
            var fileIndex = random.Next(files.Count);
            var mutated = Mutate(texts[fileIndex], random, out var description);
            if (keep is not null && cases <= KeepAll)
            {
                File.WriteAllText(Path.Combine(keep, $"case-{index.ToString(CultureInfo.InvariantCulture)}.xml"), mutated);
            }

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
                // while generating; SB0912, a value that is no int about to be an int configurable's default) so that a user's run goes on; for the fuzzer it is still a crash.
                if (diagnostics.Items.FirstOrDefault(d => d.Id is "SB0901" or "SB0902" or "SB0904" or "SB0906" or "SB0907" or "SB0908" or "SB0912") is { } internalError)
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

                if (emitter.FileFailures.Concat(emitter.FactFailures).FirstOrDefault() is { } whole)
                {
                    throw new InvalidOperationException($"caught internal error {whole.What}: {whole.Message}");
                }

                // Every generated file passes the suite's structural checks (balanced braces and parentheses outside
                // literals and comments, documentation attached to a construct, no unused import, no reserved log key);
                // the official parser then reads a sample.
                foreach (var file in generated.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal)))
                {
                    Golden.GeneratedCodeShapeTests.AssertWellShaped(file.RelativePath, file.Content.Split('\n'));
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
                if (keep is not null && cases > KeepAll)
                {
                    File.WriteAllText(Path.Combine(keep, $"case-{index.ToString(CultureInfo.InvariantCulture)}.xml"), mutated);
                }

                lock (failures)
                {
                    if (++failureCount <= 20)
                    {
                        failures.AppendLine($"case {index} (seed {seed}) {Path.GetRelativePath(corpus, files[fileIndex])} [{description}]: {ex.GetType().Name}: {ex.Message}");
                        // The innermost frame, and the converter's own innermost frame when that is in the framework.
                        var frames = ex.StackTrace?.Split('\n').Select(f => f.Trim()).ToList() ?? [];
                        failures.AppendLine("    " + frames.FirstOrDefault());
                        if (frames.FirstOrDefault(f => f.Contains(" SynapseToBal.", StringComparison.Ordinal) && !f.Contains("SynapseToBal.Tests.", StringComparison.Ordinal)) is { } own && own != frames[0])
                        {
                            failures.AppendLine("    " + own);
                        }
                    }
                }
            }
        });

        var converted = clock.Elapsed;
        output.WriteLine($"{cases} mutated cases{(start > 0 ? $" from case {start}" : "")} (seed {seed}) from {files.Count} corpus files in {converted.TotalSeconds:F1} s; {failureCount} crashed.");
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
                var current = Serialized(document, text);
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
            switch (random.Next(13))
            {
                case 9 when element.Attributes().Any(a => !a.IsNamespaceDeclaration):
                {
                    // An attribute value made an expression of the kinds Synapse evaluates at run time, around its own value.
                    var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
                    var attribute = attributes[random.Next(attributes.Count)];
                    var forms = ExpressionForms[random.Next(ExpressionForms.Length)];
                    attribute.Value = string.Format(CultureInfo.InvariantCulture, forms, attribute.Value);
                    names.Add($"expression {forms} in @{attribute.Name.LocalName}");
                    break;
                }

                case 10:
                {
                    // Another namespace for one element (none, a foreign one, Synapse's under a prefix, or one close to it).
                    var ns = Namespaces[random.Next(Namespaces.Length)];
                    if (ns.Length > 0 && random.Next(2) == 0)
                    {
                        root.SetAttributeValue(XNamespace.Xmlns + "p" + random.Next(3).ToString(CultureInfo.InvariantCulture), ns);
                    }

                    names.Add($"namespace of <{element.Name.LocalName}> to '{ns}'");

                    // Its own default namespace declaration goes (the writer declares the new one where it is needed).
                    element.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None).Remove();
                    element.Name = XNamespace.Get(ns) + element.Name.LocalName;
                    break;
                }

                case 11:
                {
                    // One artifact kind read as another (the root, or a nested artifact of a definitions file).
                    var target = element.Parent is null || element.Parent == root ? element : root;
                    var kind = ArtifactKinds[random.Next(ArtifactKinds.Length)];
                    names.Add($"artifact <{target.Name.LocalName}> as <{kind}>");
                    target.Name = target.Name.Namespace + kind;
                    break;
                }

                case 12 when element != root:
                {
                    // The element nested deep in wrappers, around the depth limit too (XmlSource.MaxElementDepth).
                    var depth = NestingDepths[random.Next(NestingDepths.Length)];
                    var inner = new XElement(element);
                    XElement outer = inner;
                    for (var level = 0; level < depth; level++)
                    {
                        var wrapper = Wrappers[random.Next(Wrappers.Length)];
                        outer = new XElement(root.Name.Namespace + wrapper.Name, wrapper.Attributes.Select(a => new XAttribute(a.Key, a.Value)), outer);
                    }

                    names.Add($"nest <{element.Name.LocalName}> {depth} deep");
                    element.ReplaceWith(outer);
                    break;
                }

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
        return Serialized(document, text);
    }

    /// <summary>The mutated tree as text; a tree the XML writer refuses (a mutation the harness got wrong) leaves the text as it was.</summary>
    private static string Serialized(XDocument? document, string text)
    {
        try
        {
            return document?.ToString(SaveOptions.DisableFormatting) ?? text;
        }
        catch (XmlException)
        {
            return text;
        }
    }
}
