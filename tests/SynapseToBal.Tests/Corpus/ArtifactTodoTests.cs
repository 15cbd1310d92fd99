using System.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Corpus;

/// <summary>
/// Issue 9's "Done means": every proxy, endpoint, inbound endpoint, task, message store, message processor and local
/// entry of the shared corpus converts with no "not translated yet" TODO; a TODO kept for a whole artifact of these
/// kinds is allowed only for a reason docs/mapping.md gives. Each corpus file is converted on its own (as a user
/// converting it would), and every artifact TODO of those kinds must carry one of the codes below, each of which
/// docs/mapping.md names, and a message that says why (not a bare "is not translated").
/// Skips with a message when the corpus is not beside the repository.
/// </summary>
public sealed class ArtifactTodoTests(ITestOutputHelper output)
{
    /// <summary>
    /// The codes an artifact TODO of these kinds may carry, each a category docs/mapping.md explains. A new code here
    /// needs its row there (what the Micro Integrator does, why there is no translation) before it is added.
    /// </summary>
    private static readonly HashSet<string> DocumentedCodes = new(StringComparer.Ordinal)
    {
        "SB0205", // endpoint kind without a client (recipient list, class, dynamic load balancing, default reached otherwise)
        "SB0218", // an endpoint over a transport without a client (FIX, a local: endpoint the flows cannot call, ...)
        "SB0223", // a message store the generated producer cannot stand for (TLS RabbitMQ, several hosts, ...)
        "SB0226", // a failover/loadbalance group whose members one Ballerina group cannot hold
        "SB0227", // an inbound endpoint without a Ballerina listener (WebSocket, HL7, custom class)
        "SB0240", // a task or processor running a Java class the input does not hold (or one the MI does not have)
        "SB0277", // a message processor whose store the input does not define
        "SB0296", // a wsdl endpoint without a uri, whose inline WSDL the Micro Integrator never reads
    };

    [Fact]
    public void Every_corpus_artifact_todo_of_the_issue_9_kinds_has_a_documented_reason()
    {
        var corpus = TestPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus is not present beside the repository; the artifact TODO test did not run.");
            return;
        }

        var mapping = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "mapping.md"));
        var undocumented = DocumentedCodes.Where(code => !mapping.Contains(code, StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "docs/mapping.md names none of: " + string.Join(", ", undocumented));

        var failures = new StringBuilder();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var diagnostics = new DiagnosticBag();
            var document = Converter.ParseFile(file, diagnostics);
            if (document is null)
            {
                continue;
            }

            var package = Lowerer.Lower([document], diagnostics);
            foreach (var pending in package.Pending.Concat(package.PendingEndpoints).Concat(package.PendingStores))
            {
                if (KindOf(pending.Origin) is not { } kind)
                {
                    continue;
                }

                var code = pending.Reason.Descriptor.Id;
                counts[$"{kind} {code}"] = counts.GetValueOrDefault($"{kind} {code}") + 1;
                var message = pending.Reason.Message.TrimEnd();
                if (!DocumentedCodes.Contains(code) || message.EndsWith("not translated", StringComparison.Ordinal) || message.Contains("not translated yet", StringComparison.Ordinal))
                {
                    failures.AppendLine($"{Path.GetRelativePath(corpus, file)}: {kind} '{pending.Origin.Name}': {code} {message}");
                }
            }
        }

        foreach (var (key, count) in counts)
        {
            output.WriteLine($"{count,5} {key}");
        }

        Assert.True(failures.Length == 0, "Artifact TODOs without a documented reason (give the reason, and a docs/mapping.md row for a new code):\n" + failures);
    }

    /// <summary>The issue-9 kind of an artifact, or null for the kinds this test does not cover.</summary>
    private static string? KindOf(ArtifactSyntax artifact) => artifact switch
    {
        ProxySyntax => "proxy",
        EndpointArtifactSyntax => "endpoint",
        InboundEndpointSyntax => "inbound endpoint",
        TaskSyntax => "task",
        MessageStoreSyntax => "message store",
        MessageProcessorSyntax => "message processor",
        LocalEntrySyntax => "local entry",
        _ => null,
    };
}
