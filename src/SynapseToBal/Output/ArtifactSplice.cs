using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Report;

namespace SynapseToBal.Output;

/// <summary>
/// Per-artifact reuse (issue 12, <c>docs/design.md</c>, "Regenerating one artifact"): a change confined to the file of
/// one API, nothing else in the input. Such a rerun converts a slice of the project (every file but the other APIs'
/// files) twice, with the file's previous text (kept in the record) and its new text, and splices the API's new sections
/// into the previous generation when the two slice conversions show that the change stays inside those sections and
/// leaves every fact the rest of the package sees unchanged (module-level names, files outside the sections,
/// diagnostics, and the project-wide facts the file's text could touch). Anything else (another change, a check that
/// fails, a record that cannot be read or comes from another build) returns null: the caller converts the whole
/// project, which is always correct.
/// </summary>
internal static partial class ArtifactSplice
{
    /// <summary>The record of the last conversion, in the manifest folder.</summary>
    public const string FileName = "artifacts.json";

    /// <summary>The stored format and the meaning of its fields: a record of another version is not read.</summary>
    public const int FormatVersion = 3;

    /// <summary>The files whose constructs the emitter reports with their source file (<see cref="SectionCollector"/>).</summary>
    private static readonly string[] SectionFiles = ["main.bal", "functions.bal"];

    /// <summary>
    /// Words whose presence in the changed file's previous or new text (any case) means the file may feed a fact the
    /// whole package reads (<c>docs/design.md</c>, "project-wide lowering facts" and "package-wide emit facts"):
    /// system-scope properties, the SOAP fault check, WS-Addressing, split and aggregate flows, throttles. A slice
    /// cannot show such a fact's effect on the other APIs, so the change is not spliced.
    /// </summary>
    private static readonly string[] GlobalMarkers =
    [
        "system", "FORCE_ERROR_ON_SOAP_FAULT", "PRESERVE_WS_ADDRESSING", "aggregate", "iterate", "clone", "foreach", "scatter", "throttle",
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal sealed record Section(string File, int Start, int Length);

    /// <param name="Path">The input file, relative and '/'-separated, as the manifest names it.</param>
    /// <param name="Text">The file's text as the conversion read it (the previous text of a later change).</param>
    /// <param name="Sections">Where the file's services and functions are in the generated files, in file order.</param>
    internal sealed record ArtifactRecord(string Path, string Text, IReadOnlyList<Section> Sections);

    /// <param name="NamesAsAsked">Every module-level symbol of the package got the name it asked for (no splice otherwise).</param>
    /// <param name="ModuleNames">Those names, in symbol order.</param>
    /// <param name="Files">Every generated file the manifest tracks with the hash of its generated text, in generation order.</param>
    /// <param name="Report">The conversion's report, shares and diagnostics (null when one does not read back as reported: nothing is then spliced).</param>
    internal sealed record Record(string Build, bool NamesAsAsked, IReadOnlyList<string> ModuleNames, IReadOnlyList<(string Path, string Hash)> Files, IReadOnlyList<ArtifactRecord> Artifacts, ReportRecord? Report)
    {
        /// <summary>Something in the package may write any property, so it types none (<see cref="ConversionResult.AnyPropertyWriter"/>).</summary>
        public bool AnyPropertyWriter { get; init; }
    }

    /// <summary>What a splice produced: the files of the package, the next record and the manifest's inputs.</summary>
    internal sealed record Spliced(IReadOnlyList<GeneratedFile> Files, Record Next, IReadOnlyList<ManifestInput> Inputs, SplicedReport Report);

    /// <summary>An input file that holds one API and nothing else.</summary>
    private static bool IsSingleApi(ManifestInput input) =>
        input.Artifacts.Count == 1 && input.Artifacts[0].StartsWith("api:", StringComparison.Ordinal) && !input.Path.Contains('!', StringComparison.Ordinal);

    /// <summary>The root element's start tag (after an XML declaration and comments): an API's name, context and version.</summary>
    [GeneratedRegex(@"\A(?:\s|<\?[^>]*\?>|<!--.*?-->)*<api\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex RootStartTag();

    /// <summary>A module-level function's header line (name and signature), up to its opening brace.</summary>
    [GeneratedRegex(@"^(?:(?:public|isolated|transactional)\s+)*function\s+('?[\p{L}\p{N}_\\]+)\s*\(.*$", RegexOptions.Multiline)]
    private static partial Regex FunctionHeader();

    /// <summary>
    /// Whether every function both texts declare has the same header in each. Some facts of a function's signature are
    /// decided over the whole package (a sequence that cannot fail returns no error unless some artifact names it where
    /// it may fail: <c>PackageEmitter.InfallibleFunctions</c>), so a slice without the other APIs can decide them
    /// differently, and a call the slice writes (<c>s(ctx);</c> against <c>check s(ctx);</c>) would not match the
    /// whole package's function.
    /// </summary>
    private static bool SameFunctionHeaders(string slice, string whole)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in FunctionHeader().Matches(whole))
        {
            headers[match.Groups[1].Value] = match.Value.TrimEnd('\r');
        }

        foreach (Match match in FunctionHeader().Matches(slice))
        {
            if (headers.TryGetValue(match.Groups[1].Value, out var header) && header != match.Value.TrimEnd('\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The record of a conversion, or null when it has nothing to record (no project read).</summary>
    /// <param name="inputPath">The input as the options name it.</param>
    public static Record? Build(ConversionResult result, IReadOnlyList<GeneratedFile> files, IReadOnlyList<ManifestInput> inputs, SectionCollector sections, string inputPath)
    {
        if (result.Project is not { } project)
        {
            return null;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in project.Documents)
        {
            texts.TryAdd(document.Path, document.Text);
        }

        var located = new Dictionary<string, List<Section>>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => SectionFiles.Contains(f.RelativePath)))
        {
            foreach (var (origin, start, length) in Locate(file.Content, sections.Of(file.RelativePath)) ?? [])
            {
                var relative = Path.GetRelativePath(result.SourceRoot, origin).Replace('\\', '/');
                if (!located.TryGetValue(relative, out var list))
                {
                    located[relative] = list = [];
                }

                list.Add(new Section(file.RelativePath, start, length));
            }
        }

        // A package whose names are not all as asked is never spliced (a slice could number them otherwise): its record
        // keeps no artifact.
        var artifacts = new List<ArtifactRecord>();
        foreach (var input in result.NamesAsAsked ? inputs.Where(IsSingleApi).OrderBy(i => i.Path, StringComparer.Ordinal) : Enumerable.Empty<ManifestInput>())
        {
            // A file holding a literal credential is not recorded: the record is written beside the package, where a
            // secret must never appear (such a file's changes are converted whole).
            if (texts.TryGetValue(Path.GetFullPath(Path.Combine(result.SourceRoot, input.Path)), out var text) && !InputFiles.HoldsLiteralSecret(text))
            {
                artifacts.Add(new ArtifactRecord(input.Path, text, located.TryGetValue(input.Path, out var own) ? own : []));
            }
        }

        var folder = Path.GetFullPath(inputPath).TrimEnd(Path.DirectorySeparatorChar);
        var report = result.NamesAsAsked && Directory.Exists(folder) ? BuildReport(result, folder) : null;
        return new Record(IncrementalConversion.Build, result.NamesAsAsked, result.NamesAsAsked ? result.ModuleNames : [], [.. files.Select(f => (f.RelativePath, Manifest.Hash(f.Content)))], artifacts, report)
        {
            AnyPropertyWriter = result.AnyPropertyWriter,
        };
    }

    /// <summary>Where each recorded construct's text is in the file, in order; null when one is not found as recorded (the file was rendered twice, or its text was changed after joining).</summary>
    private static List<(string Origin, int Start, int Length)>? Locate(string content, IReadOnlyList<(string Origin, string Text)> constructs)
    {
        var result = new List<(string Origin, int Start, int Length)>(constructs.Count);
        var at = 0;
        foreach (var (origin, text) in constructs)
        {
            var found = text.Length == 0 ? -1 : content.IndexOf(text, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }

            result.Add((origin, found, text.Length));
            at = found + text.Length;
        }

        return result;
    }

    /// <summary>
    /// The package after the one change, spliced; null when the change is not of the kind handled or any check fails.
    /// </summary>
    public static Spliced? TrySplice(ConversionOptions options, string root, Manifest previous, IReadOnlyList<(string Path, string Hash)> fingerprint, Func<GeneratedFile, bool>? include)
    {
        var input = Path.GetFullPath(options.Input).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(input) || options.KeepStructure || options.RenderCache is not null || Read(Path.Combine(root, Manifest.Folder, FileName)) is not { } record || record.Build != IncrementalConversion.Build || !record.NamesAsAsked || record.Report is null)
        {
            return null;
        }

        // Exactly one input file changed, the same files otherwise.
        if (previous.Inputs.Count != fingerprint.Count)
        {
            return null;
        }

        var changed = -1;
        for (var i = 0; i < fingerprint.Count; i++)
        {
            if (previous.Inputs[i].Path != fingerprint[i].Path)
            {
                return null;
            }

            if (previous.Inputs[i].Hash != fingerprint[i].Hash)
            {
                if (changed >= 0)
                {
                    return null;
                }

                changed = i;
            }
        }

        if (changed < 0 || !IsSingleApi(previous.Inputs[changed]) || record.Artifacts.FirstOrDefault(a => a.Path == fingerprint[changed].Path) is not { } artifact)
        {
            return null;
        }

        var path = fingerprint[changed].Path;
        if (Converter.SafeCombine(input, path) is not { } file || Change(file, fingerprint[changed].Hash, previous.Inputs[changed].Hash, artifact) is not { } change)
        {
            return null;
        }

        var (oldText, newText) = change;
        if (record.Files.Any(f => f.Path == PropertiesFile))
        {
            return null; // see PropertyRecordMayChange
        }

        var temp = Directory.CreateTempSubdirectory("synapse2bal-splice-");
        try
        {
            return Splice(options, root, previous, fingerprint, include, record, artifact, changed, oldText, newText, Path.Combine(temp.FullName, Path.GetFileName(input)));
        }
        finally
        {
            try
            {
                temp.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a temporary folder left behind does not change the output
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// The changed file's previous text (from the record, checked against the previous hash) and its new text, when
    /// the API keeps its start tag (its name, context and version) and neither text names a project-wide fact
    /// (<see cref="GlobalMarkers"/>); null otherwise.
    /// </summary>
    private static (string Old, string New)? Change(string file, string hash, string previousHash, ArtifactRecord artifact)
    {
        string text;
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (Manifest.Hash(bytes) != hash || bytes is [0xEF, 0xBB, 0xBF, ..])
            {
                return null;
            }

            text = StrictUtf8.GetString(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }

        // The previous text must be the file the last conversion read.
        var oldText = artifact.Text;
        if (Manifest.Hash(Encoding.UTF8.GetBytes(oldText)) != previousHash || oldText == text)
        {
            return null;
        }

        if (RootStartTag().Match(oldText) is not { Success: true } oldTag || RootStartTag().Match(text) is not { Success: true } newTag || oldTag.Value != newTag.Value)
        {
            return null;
        }

        return GlobalMarkers.Any(m => oldText.Contains(m, StringComparison.OrdinalIgnoreCase) || text.Contains(m, StringComparison.OrdinalIgnoreCase)) ? null : (oldText, text);
    }

    /// <summary>The file declaring the typed <c>Properties</c> record of the context (<c>Emit/PackageEmitter.Properties.cs</c>).</summary>
    private const string PropertiesFile = "properties.bal";

    /// <summary>
    /// Whether the change may change which properties the whole package types (<c>Refine/PropertyRecord.cs</c>), a
    /// decision over every artifact, which a slice without the other APIs cannot make. The previous generation has no
    /// typed property and the old text no markup that may write any property (both checked before the slices are
    /// converted). A slice that types some property is not spliced (the whole package may type others, or none). What
    /// is left is a property the other APIs write into the context that the old text kept in the map (by naming it) and
    /// the new one may not: the whole package might type it now, while the slice, without those writes, cannot tell.
    /// A property the changed API still writes into the context by name is not such a case: what keeps it in the map
    /// in the slice keeps it there in the whole package. A name written with an escape in its literal counts as named,
    /// and so does a name the old text holds only through an XML reference (<c>name="a&amp;amp;b"</c>).
    /// <para>
    /// Nothing may change either when the slice after the change has something that may write any property
    /// (<see cref="ConversionResult.AnyPropertyWriter"/>: a class or script TODO, a computed name): the changed API is
    /// part of the whole package, which then types no property either, as the previous generation did not; nor when
    /// the previous package had such a writer that the slice before the change did not have: it is in another API,
    /// which the change leaves alone. A writer the slice had before the change and not after refuses the splice, and
    /// so, without any writer, does markup in the old text that may write any property
    /// (<see cref="PropertyWriterMarkup"/>): its removal may let the whole package type properties the other APIs write.
    /// </para>
    /// </summary>
    private static bool PropertyRecordMayChange(string root, Record record, SliceConversion before, SliceConversion after, string oldText)
    {
        if (before.Files.Concat(after.Files).Any(f => f.RelativePath == PropertiesFile))
        {
            return true;
        }

        if (after.AnyPropertyWriter)
        {
            return false;
        }

        // The change removes a writer the slice saw: the whole package may type properties now.
        if (before.AnyPropertyWriter)
        {
            return true;
        }

        // The previous package's writer is in another API, which the change leaves alone: the whole package types
        // nothing before and after, as the slices (neither has a properties.bal) do.
        if (record.AnyPropertyWriter)
        {
            return false;
        }

        if (PropertyWriterMarkup().IsMatch(oldText))
        {
            return true;
        }

        var stillWritten = ContextWrites(after.Files.Select(f => (f.RelativePath, (string?)f.Content)));
        var written = ContextWrites(record.Files.Select(f => (f.Path, ReadBase(root, f.Path))));
        var values = oldText.Contains('&', StringComparison.Ordinal) ? XmlValues(oldText) : [];
        return written.Any(name => !stillWritten.Contains(name)
            && (name.Contains('\\', StringComparison.Ordinal)
                || oldText.Contains(name, StringComparison.Ordinal)
                || values is null
                || values.Any(v => v.Contains(name, StringComparison.Ordinal))));
    }

    /// <summary>
    /// The attribute values, texts, comments and processing instructions of an XML text with its references resolved,
    /// or null when it does not parse (every name then counts as named).
    /// </summary>
    private static List<string>? XmlValues(string text)
    {
        try
        {
            var document = System.Xml.Linq.XDocument.Parse(text);
            var values = new List<string>();
            foreach (var node in document.DescendantNodes())
            {
                switch (node)
                {
                    case System.Xml.Linq.XElement element:
                        values.AddRange(element.Attributes().Select(a => a.Value));
                        break;
                    case System.Xml.Linq.XText t:
                        values.Add(t.Value);
                        break;
                    case System.Xml.Linq.XComment c:
                        values.Add(c.Value);
                        break;
                    case System.Xml.Linq.XProcessingInstruction pi:
                        values.Add(pi.Data);
                        break;
                }
            }

            return values;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>The literal names of the default-scope properties the generated files (not the runtime module) write by name.</summary>
    private static HashSet<string> ContextWrites(IEnumerable<(string Path, string? Text)> files)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            if (text is null || !path.EndsWith(".bal", StringComparison.Ordinal) || path is "support.bal" or "types.bal")
            {
                continue;
            }

            foreach (Match match in ContextPropertyWrite().Matches(text))
            {
                names.Add(match.Groups["name"].Value);
            }
        }

        return names;
    }

    /// <summary>A write of a default-scope property by a literal name in the generated code: <c>ctx.properties["name"] = </c>.</summary>
    [GeneratedRegex(@"\bctx\.properties\[""(?<name>(?:[^""\\]|\\.)*)""\]\s*=[^=]")]
    private static partial Regex ContextPropertyWrite();

    /// <summary>
    /// Markup that may write any property with any value: a computed name (<c>name="{...}"</c>) or a mediator running
    /// user code (the markers <c>PropertyLocalAnalysis.DynamicWrite</c> looks for).
    /// </summary>
    [GeneratedRegex(@"\bname\s*=\s*[""']\s*\{|<(?:[\w.-]+:)?(?:class|script|pojoCommand|bean|ejb|spring|xquery|smooks|datamapper|dataServiceCall|entitlementService|oauthService|kerberos|ntlm|publishEvent|bam|event|eventPublisher|rule|ruleMediator|opa|builder|sampler|enqueue|router)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyWriterMarkup();

    private static Spliced? Splice(
        ConversionOptions options,
        string root,
        Manifest previous,
        IReadOnlyList<(string Path, string Hash)> fingerprint,
        Func<GeneratedFile, bool>? include,
        Record record,
        ArtifactRecord artifact,
        int changed,
        string oldText,
        string newText,
        string slice)
    {
        // The slice: every input file but the files of the other APIs (nothing refers to an API).
        var input = Path.GetFullPath(options.Input).TrimEnd(Path.DirectorySeparatorChar);
        var path = fingerprint[changed].Path;
        foreach (var other in previous.Inputs)
        {
            if (other.Path != path && IsSingleApi(other))
            {
                continue;
            }

            if (Converter.SafeCombine(slice, other.Path) is not { } target || Converter.SafeCombine(input, other.Path) is not { } source)
            {
                return null;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (other.Path != path)
            {
                File.Copy(source, target);
            }
        }

        var changedFile = Path.GetFullPath(Converter.SafeCombine(slice, path)!);
        File.WriteAllText(changedFile, oldText, StrictUtf8);
        var before = ConvertSlice(options, slice, include, record.ModuleNames, changedFile);
        File.WriteAllText(changedFile, newText, StrictUtf8);
        var after = ConvertSlice(options, slice, include, record.ModuleNames, changedFile);

        // The same diagnostics, the same artifacts in the changed file, and every module-level symbol named as asked,
        // the same names before and after, asked for the same way (every name of every ladder, not only the ones
        // given): the whole package's names are then unchanged too (a name is a function of the names asked for, and
        // each got the first it asked for).
        if (before is null || after is null
            || !before.Value.Diagnostics.SequenceEqual(after.Value.Diagnostics, StringComparer.Ordinal)
            || !before.Value.Artifacts.SequenceEqual(after.Value.Artifacts, StringComparer.Ordinal)
            || !before.Value.NamesAsAsked || !after.Value.NamesAsAsked
            || !before.Value.ModuleNames.SequenceEqual(after.Value.ModuleNames, StringComparer.Ordinal)
            || !before.Value.AskedNames.SequenceEqual(after.Value.AskedNames, StringComparer.Ordinal)
            || !before.Value.Files.Select(f => f.RelativePath).SequenceEqual(after.Value.Files.Select(f => f.RelativePath), StringComparer.Ordinal))
        {
            return null;
        }

        if (!previous.Files.Select(f => f.Path).Order(StringComparer.Ordinal).SequenceEqual(record.Files.Select(f => f.Path).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return null;
        }

        if (PropertyRecordMayChange(root, record, before.Value, after.Value, oldText))
        {
            return null;
        }

        var files = new List<GeneratedFile>();
        var shifts = new Dictionary<string, List<(int Start, int OldLength, int NewLength)>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, (string OldText, string NewText)>(StringComparer.Ordinal);
        var own = new Dictionary<string, (List<(string Origin, int Start, int Length)> Old, List<(string Origin, int Start, int Length)> New)>(StringComparer.Ordinal);
        foreach (var (generated, hash) in record.Files)
        {
            if (previous.Files.FirstOrDefault(f => f.Path == generated)?.Hash != hash || ReadBase(root, generated) is not { } text || Manifest.Hash(text) != hash)
            {
                return null; // the merge base is not the last generation (a file kept with a .new twin) or was changed
            }

            var o = before.Value.Files.FirstOrDefault(f => f.RelativePath == generated);
            var n = after.Value.Files.FirstOrDefault(f => f.RelativePath == generated);
            if ((o is not null && !SameFunctionHeaders(o.Content, text)) || (n is not null && !SameFunctionHeaders(n.Content, text)))
            {
                return null; // a signature the whole package decides differently (see SameFunctionHeaders)
            }

            if (o is null || n is null || o.Content == n.Content)
            {
                if ((o is null) != (n is null))
                {
                    return null;
                }

                files.Add(new GeneratedFile(generated, text));
                texts[generated] = (text, text);
                continue;
            }

            if (Replace(generated, text, o.Content, n.Content, before.Value.Sections, after.Value.Sections, changedFile, artifact) is not { } replaced)
            {
                return null;
            }

            files.Add(new GeneratedFile(generated, replaced.Text));
            shifts[generated] = replaced.Shifts;
            texts[generated] = (text, replaced.Text);
            own[generated] = (replaced.Old, replaced.New);
        }

        // A file the slice generates differently but the package did not generate: not handled.
        if (after.Value.Files.Any(n => record.Files.All(r => r.Path != n.RelativePath) && before.Value.Files.First(o => o.RelativePath == n.RelativePath).Content != n.Content))
        {
            return null;
        }

        var artifacts = record.Artifacts.Select(a => a with
        {
            Text = a.Path == path ? newText : a.Text,
            Sections = [.. a.Sections.Select(s => Shift(s, shifts))],
        }).ToList();
        // The report, its totals and the TODO links, as the whole conversion would give them (ArtifactSplice.Report.cs).
        if (SpliceReport(record.Report!, input, path, before.Value, after.Value, record, texts, own, artifact, artifacts.First(a => a.Path == path).Sections, out var report) is not { } spliced
            || report is null || after.Value.Renderer is not { } renderer
            || ShiftedDiagnostics(spliced.Diagnostics, path, oldText, newText) is not { } shiftedDiagnostics
            || Diagnostics(shiftedDiagnostics, input) is not { } diagnostics)
        {
            return null;
        }

        var nextReport = spliced with { Diagnostics = shiftedDiagnostics };

        // The whole package after the change has a property writer when the slice after it has one, or when the
        // previous package had one the slice before it did not (in an API the change leaves alone; see
        // PropertyRecordMayChange, which refuses the other cases).
        var next = new Record(record.Build, record.NamesAsAsked, record.ModuleNames, [.. files.Select(f => (f.RelativePath, Manifest.Hash(f.Content)))], artifacts, nextReport)
        {
            AnyPropertyWriter = after.Value.AnyPropertyWriter || (record.AnyPropertyWriter && !before.Value.AnyPropertyWriter),
        };
        var inputs = previous.Inputs.Select((i, index) => index == changed ? i with { Hash = fingerprint[changed].Hash } : i).ToList();
        return new Spliced(files, next, inputs, new SplicedReport(report, diagnostics, nextReport.ArtifactCount, nextReport.DocumentCount, Path.GetFullPath(Path.Combine(input, nextReport.SourceRoot)), renderer));
    }

    /// <summary>
    /// The stored diagnostics with those of the changed file moved by the edit: the slice reports the same diagnostics
    /// before and after the change (checked), but one after the edited text, or around it, has another offset, length
    /// or end. The edit is the text between the common start and end of the old and new file: a diagnostic's start or
    /// end after it moves by its change in length, one before it stays, and its lines and columns are read from the new
    /// text; null (convert whole) when a start or an end falls inside the edit.
    /// </summary>
    private static List<StoredDiagnostic>? ShiftedDiagnostics(IReadOnlyList<StoredDiagnostic> stored, string path, string oldText, string newText)
    {
        var prefix = 0;
        var limit = Math.Min(oldText.Length, newText.Length);
        while (prefix < limit && oldText[prefix] == newText[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < limit - prefix && oldText[oldText.Length - 1 - suffix] == newText[newText.Length - 1 - suffix])
        {
            suffix++;
        }

        var oldEnd = oldText.Length - suffix;
        var delta = newText.Length - oldText.Length;
        int? Moved(int offset) => offset <= prefix ? offset : offset >= oldEnd ? offset + delta : null;
        (int Line, int Character) Position(int offset)
        {
            var line = 0;
            var lineStart = 0;
            for (var k = 0; k < offset && k < newText.Length; k++)
            {
                if (newText[k] == '\n')
                {
                    line++;
                    lineStart = k + 1;
                }
            }

            return (line, offset - lineStart);
        }

        var result = new List<StoredDiagnostic>(stored.Count);
        foreach (var diagnostic in stored)
        {
            if (diagnostic.Path != path || diagnostic.Start + diagnostic.Length <= prefix)
            {
                result.Add(diagnostic);
                continue;
            }

            if (Moved(diagnostic.Start) is not { } start || Moved(diagnostic.Start + diagnostic.Length) is not { } end)
            {
                return null;
            }

            var (startLine, startCharacter) = Position(start);
            var (endLine, endCharacter) = Position(end);
            result.Add(diagnostic with { Start = start, Length = end - start, StartLine = startLine, StartCharacter = startCharacter, EndLine = endLine, EndCharacter = endCharacter });
        }

        return result;
    }

    /// <summary>A section after the changed sections of its file moves by their change in length; a changed section keeps its start (moved by the earlier ones) and takes its new length.</summary>
    private static Section Shift(Section section, Dictionary<string, List<(int Start, int OldLength, int NewLength)>> shifts)
    {
        if (!shifts.TryGetValue(section.File, out var changed))
        {
            return section;
        }

        var start = section.Start;
        var length = section.Length;
        foreach (var (at, oldLength, newLength) in changed)
        {
            if (at < section.Start)
            {
                start += newLength - oldLength;
            }
            else if (at == section.Start)
            {
                length = newLength;
            }
        }

        return section with { Start = start, Length = length };
    }

    /// <summary>
    /// The previous generation of a file with the changed API's sections replaced, when the slice's two conversions of
    /// the file differ only inside those sections, and the previous generation holds each
    /// old section where the record says; null otherwise.
    /// </summary>
    private static (string Text, List<(int Start, int OldLength, int NewLength)> Shifts, List<(string Origin, int Start, int Length)> Old, List<(string Origin, int Start, int Length)> New)? Replace(
        string file,
        string previousText,
        string before,
        string after,
        SectionCollector beforeSections,
        SectionCollector afterSections,
        string changedFile,
        ArtifactRecord artifact)
    {
        if (Locate(before, beforeSections.Of(file)) is not { } oldRanges || Locate(after, afterSections.Of(file)) is not { } newRanges)
        {
            return null;
        }

        var oldOwn = oldRanges.Where(r => r.Origin == changedFile).ToList();
        var newOwn = newRanges.Where(r => r.Origin == changedFile).ToList();
        var recorded = artifact.Sections.Where(s => s.File == file).ToList();
        if (oldOwn.Count == 0 || oldOwn.Count != newOwn.Count || recorded.Count != oldOwn.Count || Cut(before, oldOwn) != Cut(after, newOwn))
        {
            return null;
        }

        var builder = new StringBuilder(previousText.Length + after.Length - before.Length);
        var shifts = new List<(int Start, int OldLength, int NewLength)>();
        var at = 0;
        for (var k = 0; k < oldOwn.Count; k++)
        {
            var oldSection = before.Substring(oldOwn[k].Start, oldOwn[k].Length);
            var newSection = after.Substring(newOwn[k].Start, newOwn[k].Length);
            var (start, length) = (recorded[k].Start, recorded[k].Length);
            if (length != oldSection.Length || start < at || start + length > previousText.Length
                || string.CompareOrdinal(previousText, start, oldSection, 0, length) != 0)
            {
                return null;
            }

            builder.Append(previousText, at, start - at).Append(newSection);
            shifts.Add((start, length, newSection.Length));
            at = start + length;
        }

        builder.Append(previousText, at, previousText.Length - at);
        return (builder.ToString(), shifts, oldOwn, newOwn);
    }

    /// <summary>The text without the given ranges (in order, not overlapping).</summary>
    private static string Cut(string text, List<(string Origin, int Start, int Length)> ranges)
    {
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (_, start, length) in ranges)
        {
            builder.Append(text, at, start - at).Append('\0');
            at = start + length;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private readonly record struct SliceConversion(
        IReadOnlyList<GeneratedFile> Files,
        IReadOnlyList<string> Diagnostics,
        SectionCollector Sections,
        IReadOnlyList<string> Artifacts,
        bool NamesAsAsked,
        IReadOnlyList<string> ModuleNames,
        IReadOnlyList<string> AskedNames,
        MigrationReportData? Report,
        ImmutableArray<ArtifactShare> Shares,
        TemplateRenderer? Renderer,
        bool AnyPropertyWriter);

    /// <param name="moduleNames">The whole package's module-level names, which the slice's locals keep clear of as the whole package's do.</param>
    private static SliceConversion? ConvertSlice(ConversionOptions options, string slice, Func<GeneratedFile, bool>? include, IReadOnlyList<string> moduleNames, string changedFile)
    {
        var sections = new SectionCollector();
        var result = Converter.Convert(new ConversionOptions(slice, options.Org, options.PackageName, options.TemplatesDirectory, options.SynapseLogLines)
        {
            TypedPayloads = options.TypedPayloads,
            Sections = sections,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            OtherModuleNames = moduleNames,
        });
        if (result.Files.Count == 0)
        {
            return null;
        }

        var artifacts = result.Documents.Where(d => Path.GetFullPath(d.Path) == changedFile).SelectMany(d => d.Artifacts.Select(a => a.XmlName + ":" + a.Name)).ToList();
        return new SliceConversion([.. include is null ? result.Files : result.Files.Where(include)], [.. result.Diagnostics.Select(d => d.ToString())], sections, artifacts, result.NamesAsAsked, result.ModuleNames, result.AskedNames, result.Report, result.ReportShares, result.Renderer, result.AnyPropertyWriter);
    }

    private static string? ReadBase(string root, string file)
    {
        try
        {
            return Converter.SafeCombine(Manifest.BaseRoot(root), file) is { } path && File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The record as JSON: fixed field order, inputs in ordinal order, <c>\n</c> line ends.</summary>
    public static string Serialize(Record record)
    {
        using var stream = new MemoryStream();
        Serialize(record, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, checked((int)stream.Length));
    }

    /// <summary>
    /// Writes the record's JSON (<see cref="Serialize(Record)"/>'s text as UTF-8, no byte order mark) to the stream as
    /// it goes: the writer hands its buffer to the stream whenever it holds more than <see cref="FlushAt"/> bytes, so
    /// the record is never held whole in memory (at 10,000 APIs it is about 21 MB).
    /// </summary>
    public static void Serialize(Record record, Stream stream)
    {
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("build", record.Build);
            writer.WriteBoolean("namesAsAsked", record.NamesAsAsked);
            writer.WriteBoolean("anyPropertyWriter", record.AnyPropertyWriter);
            writer.WriteStartArray("moduleNames");
            foreach (var name in record.ModuleNames)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("files");
            foreach (var (path, hash) in record.Files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                writer.WriteString("hash", hash);
                writer.WriteEndObject();
                FlushIfFull(writer);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("artifacts");
            foreach (var artifact in record.Artifacts)
            {
                writer.WriteStartObject();
                writer.WriteString("path", artifact.Path);
                writer.WriteString("text", artifact.Text);
                writer.WriteStartArray("sections");
                foreach (var section in artifact.Sections)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(section.File);
                    writer.WriteNumberValue(section.Start);
                    writer.WriteNumberValue(section.Length);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                FlushIfFull(writer);
            }

            writer.WriteEndArray();
            if (record.Report is { } report)
            {
                WriteReport(writer, report);
            }

            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>How many bytes the record's writer holds before it hands them to the stream.</summary>
    private const int FlushAt = 64 * 1024;

    private static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushAt)
        {
            writer.Flush();
        }
    }

    /// <summary>The stored record, or null when there is none, it cannot be read or it is of another format version.</summary>
    internal static Record? Read(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var rootElement = document.RootElement;
            if (rootElement.GetProperty("version").GetInt32() != FormatVersion)
            {
                return null;
            }

            var files = rootElement.GetProperty("files").EnumerateArray()
                .Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("hash").GetString()!)).ToList();
            var artifacts = rootElement.GetProperty("artifacts").EnumerateArray().Select(a => new ArtifactRecord(
                a.GetProperty("path").GetString()!,
                a.GetProperty("text").GetString()!,
                [.. a.GetProperty("sections").EnumerateArray().Select(s => new Section(s[0].GetString()!, s[1].GetInt32(), s[2].GetInt32()))])).ToList();
            var names = rootElement.GetProperty("moduleNames").EnumerateArray().Select(n => n.GetString()!).ToList();
            var report = rootElement.TryGetProperty("report", out var stored) ? ReadReport(stored) : null;
            return new Record(rootElement.GetProperty("build").GetString()!, rootElement.GetProperty("namesAsAsked").GetBoolean(), names, files, artifacts, report)
            {
                // A record without it (none is read from another build) only loses the shortcut it gives.
                AnyPropertyWriter = rootElement.TryGetProperty("anyPropertyWriter", out var anyWriter) && anyWriter.GetBoolean(),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException or NullReferenceException)
        {
            return null;
        }
    }
}
