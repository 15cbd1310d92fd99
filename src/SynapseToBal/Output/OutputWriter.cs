using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Emit;

namespace SynapseToBal.Output;

/// <summary>What converting again did (or, with <c>--check</c>, would do) to one file of the output folder.</summary>
public enum FileAction
{
    /// <summary>The file already holds what would be written: not touched.</summary>
    Unchanged,

    /// <summary>Edited by hand and its generation did not change: kept as it is.</summary>
    KeptEdited,

    Created,
    Updated,

    /// <summary>Edited by hand, its generation changed: the edits and the new generation merged cleanly.</summary>
    Merged,

    /// <summary>Edited by hand, its generation changed the same lines: merged with conflict markers (SB0305).</summary>
    Conflicted,

    /// <summary>Left as it is; the new generation written to <c>&lt;file&gt;.new</c> (SB0306).</summary>
    NewWrittenBeside,

    /// <summary>Edited by hand and overwritten because of <c>--force</c>.</summary>
    Forced,

    /// <summary>No longer generated and not edited: deleted.</summary>
    Removed,

    /// <summary>No longer generated but edited: kept and no longer tracked (SB0307).</summary>
    KeptNoLongerGenerated,
}

public sealed record FileOutcome(string Path, FileAction Action, IReadOnlyList<MergeConflict> Conflicts);

/// <param name="Force">Overwrite edited files with the new generation.</param>
/// <param name="NoMerge">Write the new generation of an edited file to <c>&lt;file&gt;.new</c> instead of merging.</param>
/// <param name="Check">Write nothing; only say what would change.</param>
public sealed record OutputOptions(bool Force = false, bool NoMerge = false, bool Check = false)
{
    /// <summary>Keep rendered constructs in the manifest folder and reuse them on a rerun (<c>Emit/RenderCache.cs</c>); off by default: measured slower than rendering (docs/performance.md).</summary>
    public bool ReuseRenders { get; init; }

    /// <summary>
    /// Keep a record of each API file's text and sections in the manifest folder, and splice a rerun whose only change
    /// is confined to one API's file instead of converting the whole project (<c>Output/ArtifactSplice.cs</c>); off by
    /// default here, on in the CLI (which writes its reports from <see cref="IncrementalRun.SplicedReport"/> after a splice).
    /// </summary>
    public bool ReuseArtifacts { get; init; }

    /// <summary>With <see cref="ReuseArtifacts"/>: keep the record but convert the whole project (the CLI's <c>--no-splice</c>).</summary>
    public bool NoSplice { get; init; }
}

public sealed record OutputOutcome(IReadOnlyList<FileOutcome> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>A file would be (or was) written, deleted or given a <c>.new</c> twin.</summary>
    public bool Changed => Files.Any(f => f.Action is not (FileAction.Unchanged or FileAction.KeptEdited));

    public int Count(FileAction action) => Files.Count(f => f.Action == action);
}

/// <summary>
/// Writes a generated package into an output folder without losing a developer's edits. The manifest of the last
/// conversion (<see cref="Manifest"/>) says which text each file was generated with; a file whose content still
/// has that hash was not edited and is replaced, an edited one is merged three ways (base: the previous
/// generation, kept in <c>.synapse2bal/base/</c>; ours: the file; theirs: the new generation). A file that would
/// not change is not written, so its time stamp stays.
/// </summary>
public sealed class OutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _root;
    private readonly OutputOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<FileOutcome> _outcomes = [];

    public OutputWriter(string outputRoot, OutputOptions options)
    {
        _root = Path.GetFullPath(outputRoot);
        _options = options;
    }

    /// <summary>Writes <paramref name="files"/> (unless checking) and the new manifest built from <paramref name="manifest"/>, whose file list is completed here.</summary>
    public OutputOutcome Write(IReadOnlyList<GeneratedFile> files, Manifest manifest, Manifest? previous)
    {
        var previousFiles = (previous?.Files ?? []).GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entries = new List<ManifestFile>();
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Target(file.RelativePath) is not { } target)
            {
                continue;
            }

            var sources = Sources(file);
            var generatedHash = Manifest.Hash(file.Content);
            previousFiles.TryGetValue(file.RelativePath, out var before);
            previousFiles.Remove(file.RelativePath);
            var (action, conflicts, keepPrevious) = Place(file, target, before);
            _outcomes.Add(new FileOutcome(file.RelativePath, action, conflicts));
            if (keepPrevious)
            {
                if (before is not null)
                {
                    entries.Add(before);
                }

                continue;
            }

            entries.Add(new ManifestFile(file.RelativePath, generatedHash, sources));
            bases[file.RelativePath] = file.Content;
        }

        foreach (var gone in previousFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (Target(gone.Path) is not { } target || !File.Exists(target))
            {
                continue;
            }

            if (Manifest.Hash(File.ReadAllBytes(target)) == gone.Hash)
            {
                _outcomes.Add(new FileOutcome(gone.Path, FileAction.Removed, []));
                if (!_options.Check)
                {
                    File.Delete(target);
                }
            }
            else
            {
                _outcomes.Add(new FileOutcome(gone.Path, FileAction.KeptNoLongerGenerated, []));
                Report(DiagnosticCatalog.EditedFileKept, gone.Path, null, gone.Path);
            }
        }

        if (!_options.Check)
        {
            WriteManifest(manifest with { Files = entries }, bases, previous);
        }

        return new OutputOutcome(_outcomes, _diagnostics);
    }

    /// <returns>The action, the conflicts of a merge, and whether the manifest keeps the previous entry (the file on disk still derives from the previous generation).</returns>
    private (FileAction Action, IReadOnlyList<MergeConflict> Conflicts, bool KeepPrevious) Place(GeneratedFile file, string target, ManifestFile? before)
    {
        if (!File.Exists(target))
        {
            Put(target, file.Content);
            return (FileAction.Created, [], false);
        }

        var bytes = File.ReadAllBytes(target);
        var raw = Utf8.GetString(bytes);
        if (raw == file.Content && bytes.Length == Utf8.GetByteCount(file.Content))
        {
            return (FileAction.Unchanged, [], false);
        }

        // A checkout with CRLF line endings (git core.autocrlf) or an editor's byte-order mark is not an edit of
        // every line: compare and merge the text with LF endings and no BOM, and write the result back in the
        // file's own convention.
        var bom = raw.StartsWith('\uFEFF');
        var crlf = raw.Contains("\r\n", StringComparison.Ordinal);
        var current = (bom ? raw[1..] : raw).Replace("\r\n", "\n", StringComparison.Ordinal);
        string AsOnDisk(string text) => (bom ? "\uFEFF" : string.Empty) + (crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text);
        if (current == file.Content)
        {
            return (FileAction.Unchanged, [], false);
        }

        if (before is not null && Manifest.Hash(bytes) == before.Hash)
        {
            Put(target, file.Content);
            return (FileAction.Updated, [], false);
        }

        // Edited by hand, or not ours.
        if (_options.Force)
        {
            Put(target, file.Content);
            return (FileAction.Forced, [], false);
        }

        var @base = before is null ? null : ReadBase(file.RelativePath);
        if (@base is not null && @base == file.Content)
        {
            return (FileAction.KeptEdited, [], false);
        }

        if (@base is null || _options.NoMerge)
        {
            var why = before is null ? "was not written by a previous conversion into this folder"
                : @base is null ? "was edited since it was generated and its merge base is missing"
                : "was edited since it was generated";
            var beside = target + ".new";
            var besideExists = File.Exists(beside) && File.ReadAllText(beside, Encoding.UTF8) == file.Content;
            if (!besideExists)
            {
                Put(beside, file.Content);
            }

            Report(DiagnosticCatalog.EditedFileNotOverwritten, file.RelativePath, null, file.RelativePath, why, file.RelativePath + ".new");
            return (besideExists ? FileAction.Unchanged : FileAction.NewWrittenBeside, [], true);
        }

        var merged = ThreeWayMerge.Merge(@base, current, file.Content, file.RelativePath + " (your version)", file.RelativePath + " (regenerated)");
        if (merged.Text == current)
        {
            return (FileAction.KeptEdited, [], false);
        }

        Put(target, AsOnDisk(merged.Text));
        if (merged.IsClean)
        {
            return (FileAction.Merged, [], false);
        }

        var lines = string.Join(", ", merged.Conflicts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.StartLine}-{c.EndLine}")));
        Report(DiagnosticCatalog.MergeConflict, file.RelativePath, merged.Conflicts[0], file.RelativePath, lines);
        return (FileAction.Conflicted, merged.Conflicts, false);
    }

    private void Put(string target, string content)
    {
        if (_options.Check)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content, Utf8);
    }

    private string? Target(string relative)
    {
        var target = Converter.SafeCombine(_root, relative);
        if (target is null || relative.Replace('\\', '/').Split('/')[0] == Manifest.Folder)
        {
            Report(DiagnosticCatalog.OutputPathUnsafe, null, null, relative);
            return null;
        }

        return target;
    }

    private string? ReadBase(string relative)
    {
        var path = Converter.SafeCombine(Manifest.BaseRoot(_root), relative);
        return path is not null && File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
    }

    /// <summary>Writes the manifest and the merge bases, each only when its content changes.</summary>
    private void WriteManifest(Manifest manifest, Dictionary<string, string> bases, Manifest? previous)
    {
        var baseRoot = Manifest.BaseRoot(_root);
        foreach (var (relative, text) in bases.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (Converter.SafeCombine(baseRoot, relative) is { } path && !(File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == text))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, Utf8);
            }
        }

        var kept = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (previous?.Files ?? []).Where(f => !kept.Contains(f.Path)))
        {
            if (Converter.SafeCombine(baseRoot, stale.Path) is { } path && File.Exists(path))
            {
                File.Delete(path);
            }
        }

        var json = manifest.ToJson();
        var manifestPath = Manifest.PathIn(_root);
        if (!(File.Exists(manifestPath) && File.ReadAllText(manifestPath, Encoding.UTF8) == json))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(manifestPath)!);
            File.WriteAllText(manifestPath, json, Utf8);
        }
    }

    private void Report(DiagnosticDescriptor descriptor, string? relative, MergeConflict? conflict, params object?[] args)
    {
        var location = Location.None;
        if (relative is not null && Converter.SafeCombine(_root, relative) is { } path)
        {
            var line = conflict is null ? 0 : conflict.StartLine - 1;
            var end = conflict is null ? 0 : conflict.EndLine - 1;
            location = Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(line, 0), new LinePosition(end, 0)));
        }

        _diagnostics.Add(Diagnostic.Create(descriptor, location, DiagnosticText.Bound(args)));
    }

    /// <summary>
    /// The input files a generated file came from: the ones its header lists (<c>// Generated by SynapseToBal: ..., from:</c>),
    /// none for the files that depend only on the converter and its options, every one (<c>*</c>) for the rest.
    /// </summary>
    internal static IReadOnlyList<string> Sources(GeneratedFile file)
    {
        if (file.RelativePath is "types.bal" or "support.bal" or "Ballerina.toml")
        {
            return [];
        }

        // Only the header's lines are read: splitting the whole text allocated a string for each of its lines
        // (hundreds of thousands in a large project's main.bal).
        using var lines = HeaderLines(file.Content).GetEnumerator();
        if (lines.MoveNext() && lines.Current.StartsWith("// Generated by SynapseToBal:", StringComparison.Ordinal) && lines.Current.EndsWith(", from:", StringComparison.Ordinal))
        {
            var sources = new List<string>();
            while (lines.MoveNext() && lines.Current.StartsWith("//   ", StringComparison.Ordinal))
            {
                sources.Add(lines.Current[5..]);
            }

            return sources;
        }

        return ["*"];
    }

    /// <summary>The lines of a text, one at a time, as <c>Split('\n')</c> gives them.</summary>
    private static IEnumerable<string> HeaderLines(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }

            yield return text[start..end];
            start = end + 1;
        }
    }
}
