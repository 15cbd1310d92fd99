using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;

namespace SynapseToBal.Emit;

// --keep-structure: one .bal file per source artifact (api_order.bal, sequence_common.bal, endpoint_backend.bal, ...).
public sealed partial class PackageEmitter
{
    /// <summary>The payload records more than one artifact builds (--keep-structure): declared in payloads.bal.</summary>
    private HashSet<PayloadRecord> _sharedPayloadRecords = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The package laid out by source artifact. Each artifact's part of the IR (its services, functions, clients,
    /// entries, listeners, jobs, stores and TODOs, found by the source position they came from) is rendered through
    /// the same templates as the file-per-kind layout and joined into one file: the imports and <c>xmlns</c>
    /// declarations of its parts merged (both are scoped to the source file in Ballerina), so the file has exactly the
    /// ones it uses. Module-level names are the package's, unchanged: a name declared in one file is used from another
    /// as before. What belongs to no artifact (the HTTP listener, database clients shared by connection, registry
    /// stylesheets) stays in the file of its kind; an artifact's payload records are declared in its file;
    /// <c>configs.bal</c>, <c>types.bal</c>, <c>support.bal</c> and
    /// <c>Config.toml</c> stay shared.
    /// </summary>
    private List<GeneratedFile> EmitPerArtifact(RefinedPackage refined, IReadOnlyList<SynapseDocument> documents)
    {
        var package = refined.Package;
        var names = refined.Names;
        _propertyLocals = refined.Locals;
        _payloadTypes = refined.PayloadTypes;
        _propertyRecord = GuardedFact("choosing the typed record of the context's properties", () => PropertyRecordFor(refined), PropertyRecord.Empty,
            "every property is kept in the context's map, as when a template override has no typed properties");
        _inlinedFlows = refined.InlinedFlows;
        var owners = new ArtifactOwners(documents);
        var parts = documents.SelectMany(d => d.Artifacts)
            .Select(a => (Artifact: a, Part: Part(package, a2 => ReferenceEquals(a2, a), owners)))
            .Where(p => !IsEmpty(p.Part))
            .ToList();
        var shared = Part(package, a => a is null, owners) with
        {
            DatabaseClients = package.DatabaseClients,
            UnusedConnections = package.UnusedConnections,
            Stylesheets = package.Stylesheets,
            ExternalStylesheets = package.ExternalStylesheets,
            DataMappings = package.DataMappings,
        };

        // The processors' target chooser is one function: declared with the first processor that uses it.
        var chooserOwner = package.MessageProcessors.FirstOrDefault(p => p.TargetChooser is not null) is { } first ? owners.Of(first.Origin) : null;

        var files = new List<GeneratedFile>();
        var attempted = new List<string>();

        // Each file is rendered under a guard of its own (SB0909: a file that fails is left out, the others are written,
        // and its name stays taken, so no other file's name changes).
        void Add(string path, Func<string> render, ArtifactSyntax? artifact = null)
        {
            attempted.Add(path);
            if (GuardedFile(path, render, artifact) is { } text)
            {
                files.Add(new GeneratedFile(path, text));
            }
        }

        Add("Ballerina.toml", () => BallerinaToml([]));
        Add("main.bal", () => WithXmlNamespaces(() => Main(shared, names, header: shared.Services.Length == 0 && shared.Pending.Length == 0 ? Header("the HTTP listener the services of the API and proxy service files are attached to") : null)));
        if (shared.Functions.Length > 0)
        {
            Add("functions.bal", () => WithXmlNamespaces(() => Functions(shared, names)));
        }

        if (HasConnections(shared))
        {
            Add("connections.bal", () => Connections(shared, names));
        }

        Add("configs.bal", () => Configs(package, names));
        if (shared.LocalEntries.Length > 0 || shared.Stylesheets.Length > 0 || shared.ExternalStylesheets.Length > 0)
        {
            Add("entries.bal", () => Entries(shared, names));
        }

        if (shared.Inbounds.Length > 0)
        {
            Add("inbound.bal", () => WithXmlNamespaces(() => Inbounds(shared, names)));
        }

        // A module has one init function: this file's schedules every job, whichever file declares it.
        if (shared.Jobs.Length > 0 || package.Jobs.Any(j => j.Schedule is not null || j.Cron is not null))
        {
            Add("tasks.bal", () => Tasks(shared, names, scheduled: package.Jobs));
        }

        if (HasStores(shared))
        {
            Add("stores.bal", () => Stores(shared, names, chooser: chooserOwner is null));
        }

        if (shared.DataMappings.Length > 0)
        {
            Add("datamappers.bal", () => DataMappers(shared, names));
        }

        // A payload record several artifacts build (one record for templates of the same shape) is declared once, in
        // payloads.bal; a record only one artifact builds stays in its file.
        // The part that belongs to no artifact counts as one more user: a record it and one artifact build is shared too.
        var uses = parts.Select(p => p.Part).Prepend(shared).SelectMany(part => PayloadRecords(part)).GroupBy(r => r, ReferenceEqualityComparer.Instance);
        _sharedPayloadRecords = new HashSet<PayloadRecord>(uses.Where(g => g.Count() > 1).Select(g => (PayloadRecord)g.Key!), ReferenceEqualityComparer.Instance);
        if (PayloadRecords(shared).Concat(parts.SelectMany(p => PayloadRecords(p.Part)).Where(_sharedPayloadRecords.Contains))
                .Distinct(ReferenceEqualityComparer.Instance).Cast<PayloadRecord>().OrderBy(r => r.Source, StringComparer.Ordinal).ToList() is { Count: > 0 } sharedRecords)
        {
            Add("payloads.bal", () => Payloads(sharedRecords));
        }

        if (!_propertyRecord.IsEmpty)
        {
            Add("properties.bal", () => Properties());
        }

        var taken = new HashSet<string>(attempted, StringComparer.Ordinal) { "types.bal", "support.bal" };
        foreach (var (artifact, part) in parts)
        {
            var path = ArtifactFileName(artifact, taken);
            Add(path, () => WithXmlNamespaces(() => ArtifactFile(artifact, part, names, chooser: ReferenceEquals(chooserOwner, artifact)), once: false), artifact);
        }

        Add("Config.toml", () => ConfigToml(package, names));

        // Last: only the runtime helpers the other files use, the runtime types they and the helpers name, then the
        // versions of the packages they import.
        AddSupport(files);
        AddTypes(files, ["types.bal", "support.bal", "Config.toml"]);
        PinDependencies(files);

        files.AddRange(WsdlFiles(package));
        return files;
    }

    /// <summary>
    /// The .bal files of the file-per-kind layout this layout splits by artifact or rebuilds: a kind added to that layout
    /// must be added here and to <see cref="EmitPerArtifact"/> (a test checks the list covers what the layout writes).
    /// </summary>
    internal static readonly HashSet<string> SplitKinds = new(StringComparer.Ordinal)
    {
        "main.bal", "functions.bal", "connections.bal", "configs.bal", "entries.bal", "inbound.bal", "tasks.bal", "stores.bal", "payloads.bal", "properties.bal", "datamappers.bal", "types.bal", "support.bal",
    };

    /// <summary>
    /// The file name of an artifact: its kind and name as lower-case words joined by <c>_</c> (a Ballerina package's
    /// default module is the <c>.bal</c> files of its root folder, so no subfolder), numbered from 2 when taken.
    /// </summary>
    internal static string ArtifactFileName(ArtifactSyntax artifact, ISet<string> taken)
    {
        static string Words(string text, int max) =>
            string.Join('_', BallerinaSyntax.Words(text).Select(w => w.ToLowerInvariant())) is { Length: > 0 } joined
                ? joined[..Math.Min(joined.Length, max)].TrimEnd('_')
                : string.Empty;

        var name = Words(artifact.Name, 80);
        var stem = Words(artifact.XmlName, 40) + "_" + (name.Length > 0 ? name : "unnamed");
        var path = stem + ".bal";
        for (var i = 2; !taken.Add(path); i++)
        {
            path = stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".bal";
        }

        return path;
    }

    /// <summary>The text of one artifact's file: each kind of part rendered through its template, then joined.</summary>
    private string ArtifactFile(ArtifactSyntax artifact, PackageIr part, NameMap names, bool chooser)
    {
        var sections = new List<string>();
        if (part.Services.Length > 0 || part.Pending.Length > 0)
        {
            sections.Add(Main(part, names, declareListener: false));
        }

        if (part.Functions.Length > 0)
        {
            sections.Add(Functions(part, names));
        }

        if (HasConnections(part))
        {
            sections.Add(Connections(part, names));
        }

        if (part.LocalEntries.Length > 0)
        {
            sections.Add(Entries(part, names));
        }

        if (part.Inbounds.Length > 0)
        {
            sections.Add(Inbounds(part, names));
        }

        if (part.Jobs.Length > 0)
        {
            sections.Add(Tasks(part, names, scheduled: []));
        }

        if (HasStores(part))
        {
            sections.Add(Stores(part, names, chooser));
        }

        if (PayloadRecords(part).Where(r => !_sharedPayloadRecords.Contains(r)).ToList() is { Count: > 0 } records)
        {
            sections.Add(Payloads(records));
        }

        var what = $"{artifact.Kind} '{BallerinaSyntax.CommentText(artifact.Name)}'";
        return Join(SourcesHeader(what, [artifact.Location.Path]), sections);
    }

    /// <summary>
    /// Joins rendered files into one: each one's header comment dropped, its imports and <c>xmlns</c> declarations
    /// (the lines before its first declaration) merged, sorted and deduplicated, then the declarations in order.
    /// </summary>
    internal static string Join(string header, IReadOnlyList<string> sections)
    {
        var imports = new SortedSet<string>(StringComparer.Ordinal);
        var xmlns = new List<string>();
        var bodies = new List<string>();
        foreach (var section in sections)
        {
            var lines = section.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            // The file's header (Header, SourcesHeader): its first line, the source list, the last line.
            var i = lines.Length > 0 && lines[0].StartsWith("// Generated by SynapseToBal:", StringComparison.Ordinal) ? 1 : 0;
            while (i > 0 && i < lines.Length && (lines[i].StartsWith("//   ", StringComparison.Ordinal) || lines[i] == RegenerationNote))
            {
                i++;
            }

            for (; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("import ", StringComparison.Ordinal))
                {
                    imports.Add(line);
                }
                else if (line.StartsWith("xmlns ", StringComparison.Ordinal))
                {
                    if (!xmlns.Contains(line, StringComparer.Ordinal))
                    {
                        xmlns.Add(line);
                    }
                }
                else if (line.Trim().Length > 0)
                {
                    break;
                }
            }

            var body = string.Join('\n', lines[i..]).Trim('\n');
            if (body.Length > 0)
            {
                bodies.Add(body);
            }
        }

        var text = new System.Text.StringBuilder(header).Append('\n');
        if (imports.Count > 0)
        {
            text.Append('\n').AppendJoin('\n', imports).Append('\n');
        }

        if (xmlns.Count > 0)
        {
            text.Append('\n').AppendJoin('\n', xmlns).Append('\n');
        }

        foreach (var body in bodies)
        {
            text.Append('\n').Append(body).Append('\n');
        }

        return text.ToString();
    }

    private static bool HasConnections(PackageIr part) =>
        part.Clients.Length > 0 || part.PendingEndpoints.Length > 0 || part.DatabaseClients.Length > 0 || part.HttpConnections.Length > 0 || part.EmailConnections.Length > 0 || part.KafkaConnections.Length > 0 || part.SalesforceConnections.Length > 0 || part.GmailConnections.Length > 0 || part.RedisConnections.Length > 0 || part.UnusedConnections.Length > 0;

    private static bool HasStores(PackageIr part) =>
        part.MessageStores.Length > 0 || part.MessageProcessors.Length > 0 || part.PendingStores.Length > 0;

    private static bool IsEmpty(PackageIr part) =>
        part.Services.Length == 0 && part.Pending.Length == 0 && part.Functions.Length == 0 && !HasConnections(part)
        && part.LocalEntries.Length == 0 && part.Inbounds.Length == 0 && part.Jobs.Length == 0 && !HasStores(part);

    /// <summary>The part of the package whose owning artifact (null: none of the input's) satisfies <paramref name="owned"/>.</summary>
    private static PackageIr Part(PackageIr package, Func<ArtifactSyntax?, bool> owned, ArtifactOwners owners) => package with
    {
        Services = [.. package.Services.Where(s => owned(owners.Of(s.Origin)))],
        Functions = [.. package.Functions.Where(f => owned(owners.Of(f.Origin)))],
        Clients = [.. package.Clients.Where(c => owned(owners.Of(c.Origin)))],
        Pending = [.. package.Pending.Where(p => owned(owners.Of(p.Origin)))],
        PendingEndpoints = [.. package.PendingEndpoints.Where(p => owned(owners.Of(p.Origin)))],
        LocalEntries = [.. package.LocalEntries.Where(e => owned(owners.Of(e.Origin)))],
        Stylesheets = [],
        ExternalStylesheets = [],
        DataMappings = [],
        Jobs = [.. package.Jobs.Where(j => owned(owners.Of(j.Origin)))],
        Inbounds = [.. package.Inbounds.Where(i => owned(owners.Of(i.Origin)))],
        MessageStores = [.. package.MessageStores.Where(s => owned(owners.Of(s.Origin)))],
        MessageProcessors = [.. package.MessageProcessors.Where(p => owned(owners.Of(p.Origin)))],
        PendingStores = [.. package.PendingStores.Where(p => owned(owners.Of(p.Origin)))],
        DatabaseClients = [],
        UnusedConnections = [],
        HttpConnections = [.. package.HttpConnections.Where(h => owned(owners.Of(h.Origin)))],
        EmailConnections = [.. package.EmailConnections.Where(e => owned(owners.Of(e.Origin)))],
        KafkaConnections = [.. package.KafkaConnections.Where(k => owned(owners.Of(k.Origin)))],
        SalesforceConnections = [.. package.SalesforceConnections.Where(s => owned(owners.Of(s.Origin)))],
        GmailConnections = [.. package.GmailConnections.Where(g => owned(owners.Of(g.Origin)))],
        RedisConnections = [.. package.RedisConnections.Where(r => owned(owners.Of(r.Origin)))],
    };

    /// <summary>Finds the artifact of the input a node or a source position belongs to: the one whose element contains it.</summary>
    private sealed class ArtifactOwners
    {
        private readonly Dictionary<string, ImmutableArray<ArtifactSyntax>> _byPath;
        private readonly HashSet<ArtifactSyntax> _artifacts = new(ReferenceEqualityComparer.Instance);

        public ArtifactOwners(IReadOnlyList<SynapseDocument> documents)
        {
            _byPath = documents.GroupBy(d => d.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(d => d.Artifacts).ToImmutableArray(), StringComparer.Ordinal);
            foreach (var artifact in documents.SelectMany(d => d.Artifacts))
            {
                _artifacts.Add(artifact);
            }
        }

        public ArtifactSyntax? Of(ArtifactSyntax artifact) => _artifacts.Contains(artifact) ? artifact : Of(artifact.Location);

        public ArtifactSyntax? Of(SourceLocation location) =>
            _byPath.TryGetValue(location.Path, out var artifacts)
                ? artifacts.FirstOrDefault(a => a.Location.Span.Start <= location.Span.Start && location.Span.End <= a.Location.Span.End)
                : null;
    }
}
