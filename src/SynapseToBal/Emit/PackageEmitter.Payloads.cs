using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// payloads.bal: the record types of JSON payloads with a fixed shape (issue 14; Refine/PayloadTypes.cs).
public sealed partial class PackageEmitter
{
    /// <summary>
    /// The payload records the bodies of a package (or of one artifact's part) use, by input file (the order the files
    /// are read in, so that each file's records are one section, as its services and functions are), then in order of
    /// first use.
    /// </summary>
    private IReadOnlyList<PayloadRecord> PayloadRecords(PackageIr package) =>
        _payloadTypes.UsedBy(PayloadBodies(package)).OrderBy(r => r.Source, StringComparer.Ordinal).ToList();

    private static IEnumerable<ImmutableArray<StepIr>> PayloadBodies(PackageIr package)
    {
        foreach (var resource in package.Services.SelectMany(s => s.Resources).Where(r => r.Skipped is null))
        {
            yield return resource.Body;
        }

        foreach (var inbound in package.Inbounds)
        {
            if (inbound.Transport is InboundTransportIr.Http http && http.Resource.Skipped is null)
            {
                yield return http.Resource.Body;
            }
        }

        foreach (var function in package.Functions)
        {
            yield return function.Body;
        }
    }

    /// <summary>The file declaring the records (<c>payloads.bal.sbn</c>).</summary>
    private string Payloads(IReadOnlyList<PayloadRecord> records) => _renderer.Render("payloads.bal.sbn", new
    {
        Header = SourcesHeader(
            records.All(r => !r.FromSchema) ? "record types of the JSON payloads the payloadFactory mediators build"
                : records.All(r => r.FromSchema) ? "record types of the JSON payloads the validate mediators' JSON schemas describe"
                : "record types of the JSON payloads the payloadFactory mediators build and the validate mediators' JSON schemas describe",
            records.SelectMany(r => r.AllSources).Distinct(StringComparer.Ordinal)),
        Records = records.Select(r => new
        {
            Doc = BallerinaSyntax.DocItems([BallerinaSyntax.CommentText(r.Doc)]),
            r.Name,
            Fields = r.Fields.Select(f => new { f.Type, Name = f.Identifier, f.Optional }).ToList(),
            r.Open,
        }).ToList(),
    });
}
