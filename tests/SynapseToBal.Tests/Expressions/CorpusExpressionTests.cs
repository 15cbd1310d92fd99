using System.Collections;
using System.Reflection;
using System.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Expressions;

/// <summary>
/// Runs the expression front end over every expression of the shared corpus (<c>../shared/corpus</c>): each
/// <see cref="ExpressionSyntax"/> the parser finds in a document (reached by walking the AST records), every
/// payloadFactory format (interpolation, payloadFactory mode) and every endpoint uri-template (uri-template
/// mode). Reports how many parse and lists the failures. Skips with a message when the corpus is absent.
/// </summary>
public sealed class CorpusExpressionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Corpus expressions that are genuinely malformed (the Micro Integrator rejects them too), by file and
    /// text. Each entry says why. Anything else that fails to parse is a front-end bug.
    /// </summary>
    private static readonly HashSet<string> AllowedFailures = new(StringComparer.Ordinal)
    {
        // A space after the prefix: Jaxen reads '$ctx:' then fails; the connector test never evaluates it.
        "esb-connectors/spotify/spotify-connector/spotify-connector-1.0.0/org.wso2.carbon.connector/src/test/resources/artifacts/ESB/config/proxies/spotify/spotify.xml :: $ctx: artistId",
        // No '.' or '[' between 'spo[0]' and the next name: Jayway rejects the path.
        "micro-integrator/integration/mediation-tests/tests-mediator-1/src/test/resources/artifacts/ESB/server/repository/deployment/server/synapse-configs/default/api/EnrichTestAPI.xml :: json-eval(exchange.sponsor.spo[0]spo_emad_spo_srs)",
        // A stray ')' after the filter (copied from a json-eval(...) wrapper): Jayway rejects the path.
        "micro-integrator/integration/mediation-tests/tests-mediator-1/src/test/resources/artifacts/ESB/server/repository/deployment/server/synapse-configs/default/api/TestJsonPathAgainstPropertyAPI.xml :: $trp:prop.store.book[?(@.price > 20)])",
        // A path ending in '.': Jayway rejects it ('Path must not end with a .'); the test checks the error.
        "micro-integrator/integration/mediation-tests/tests-mediator-1/src/test/resources/artifacts/ESB/server/repository/deployment/server/synapse-configs/default/api/esbjava4433.xml :: $.",
        // An empty expression attribute: the test checks that the iterate mediator reports it.
        "micro-integrator/integration/mediation-tests/tests-mediator-2/src/test/resources/artifacts/ESB/mediatorconfig/iterate/iterator_expressionLess.xml ::  ",
        // '::' with no axis name: the streaming-XPath test expects the compile error.
        "micro-integrator/integration/mediation-tests/tests-sample/src/test/resources/artifacts/ESB/streamingxpath/StreamingException.xml :: $body/getSimpleQuote/::text()",
    };

    [Fact]
    public void Every_corpus_expression_parses()
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the corpus expression test did not run.");
            return;
        }

        var counts = new Dictionary<string, (int Total, int Parsed)>(StringComparer.Ordinal);
        var failures = new StringBuilder();
        var failureCount = 0;
        var allowedSeen = 0;

        void Record(string kind, string file, string text, IEnumerable<ExpressionError> errors)
        {
            var list = errors.ToList();
            var (total, parsed) = counts.GetValueOrDefault(kind);
            counts[kind] = (total + 1, parsed + (list.Count == 0 ? 1 : 0));
            if (list.Count == 0)
            {
                return;
            }

            if (AllowedFailures.Contains(file + " :: " + text))
            {
                allowedSeen++;
                return;
            }

            failureCount++;
            failures.AppendLine($"{file} :: {text}");
            failures.AppendLine($"    {kind}: {string.Join("; ", list.Select(e => e.ToString()))}");
        }

        foreach (var path in Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var document = Converter.ParseFile(path, new DiagnosticBag());
            if (document is null)
            {
                continue;
            }

            var file = Path.GetRelativePath(corpus, path).Replace('\\', '/');
            var found = new Collector();
            found.Walk(document);
            foreach (var expression in found.Expressions)
            {
                var result = expression.Parse();
                Record(expression.Language.ToString(), file, expression.Original, result.Errors);

                // MI 4.4 xpath('...') holds an XPath in a string.
                foreach (var call in ExpressionWalker.DescendantsAndSelf(result.Root).OfType<FunctionCall>())
                {
                    if (expression.Language == ExpressionLanguage.Synapse && call is { Name: "xpath", Arguments: [StringLiteral xpath, ..] })
                    {
                        Record("xpath() argument", file, xpath.Value, ExpressionParser.Parse(xpath.Value, ExpressionLanguage.XPath).Errors);
                    }
                }
            }

            foreach (var message in found.Templates)
            {
                Record("log message", file, message, EmbeddedErrors(InterpolationLexer.Split(message, InterpolationMode.Template)));
            }

            foreach (var format in found.Formats)
            {
                Record("payloadFactory format", file, format, EmbeddedErrors(InterpolationLexer.Split(format, InterpolationMode.PayloadFactory)));
            }

            foreach (var template in found.UriTemplates)
            {
                Record("uri-template", file, template, EmbeddedErrors(InterpolationLexer.Split(template, InterpolationMode.UriTemplate)));
            }
        }

        foreach (var (kind, (total, parsed)) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind}: {parsed} of {total} parse");
        }

        output.WriteLine($"{allowedSeen} allow-listed malformed inputs, {failureCount} failures.");
        output.WriteLine(failures.ToString());
        Assert.True(counts.Values.Sum(c => c.Total) > 1000, "expected over 1,000 corpus expressions");
        Assert.True(failureCount == 0, $"{failureCount} corpus expressions did not parse:\n{failures}");
    }

    /// <summary>The splitter's errors and those of each embedded ${...} expression.</summary>
    private static IEnumerable<ExpressionError> EmbeddedErrors(InterpolationResult split) =>
        split.Errors.Concat(split.Parts.OfType<SynapseExpressionPart>().SelectMany(p => ExpressionParser.Parse(p.Expression, ExpressionLanguage.Synapse).Errors));

    /// <summary>Finds expressions, payloadFactory formats, log messages and uri-templates by walking the AST's records.</summary>
    private sealed class Collector
    {
        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);

        public List<ExpressionSyntax> Expressions { get; } = new();

        public List<string> Formats { get; } = new();

        public List<string> UriTemplates { get; } = new();

        public List<string> Templates { get; } = new();

        public void Walk(object? value)
        {
            if (value is null or string or SourceLocation || value.GetType().IsPrimitive || value.GetType().IsEnum || !_seen.Add(value))
            {
                return;
            }

            switch (value)
            {
                case ExpressionSyntax expression:
                    Expressions.Add(expression);
                    return;
                case PayloadFactoryMediator { Format: { } format, TemplateType: var type } factory:
                    if (!string.Equals(type, "freemarker", StringComparison.OrdinalIgnoreCase))
                    {
                        Formats.Add(format);
                    }

                    WalkProperties(factory);
                    return;
                case LogMediator { Message: { } message } log:
                    Templates.Add(message);
                    WalkProperties(log);
                    return;
                case IDictionary:
                    return;
                case IEnumerable sequence:
                    foreach (var item in sequence)
                    {
                        Walk(item);
                    }

                    return;
            }

            if (value.GetType().Namespace?.StartsWith("SynapseToBal.Syntax", StringComparison.Ordinal) == true)
            {
                WalkProperties(value);
            }
        }

        private void WalkProperties(object value)
        {
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                var item = property.GetValue(value);
                if (property.Name == "UriTemplate" && item is string template && template.Length > 0)
                {
                    UriTemplates.Add(template);
                }

                Walk(item);
            }
        }
    }
}
