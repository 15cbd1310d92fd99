using System.Globalization;
using SynapseToBal.Driver;
using SynapseToBal.Emit;

namespace SynapseToBal.Output;

/// <param name="Conversion">The conversion, or null when the input was unchanged and nothing ran.</param>
/// <param name="Outcome">What was written, or null when nothing ran or nothing was generated (the output is left as it is).</param>
/// <param name="UpToDate">Input, options and converter are those of the last conversion and every file it wrote is still there.</param>
public sealed record IncrementalRun(ConversionResult? Conversion, OutputOutcome? Outcome, bool UpToDate)
{
    /// <summary>The files were spliced from the previous generation and a slice of the project (<see cref="ArtifactSplice"/>): no conversion of the whole project ran.</summary>
    public bool Spliced { get; init; }

    /// <summary>For a spliced run, the report, diagnostics and counts a whole conversion would have given (null otherwise).</summary>
    public SplicedReport? SplicedReport { get; init; }

    /// <summary>The rendered constructs the conversion reused and rendered (null when nothing ran).</summary>
    public RenderCache? Cache { get; init; }
}

/// <summary>
/// <c>convert</c> into an output folder that may hold a previous conversion: recognises an unchanged input from
/// its content hashes without converting anything, and otherwise converts and hands the files to
/// <see cref="OutputWriter"/>, which writes only what changed and never overwrites an edit.
/// </summary>
public static class IncrementalConversion
{
    public static string Generator => "synapse2bal " + (typeof(Converter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>The converter's build: a deterministic build of the same source has the same module id.</summary>
    public static string Build => typeof(Converter).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);

    /// <param name="extraOptions">Other options that shape the output, recorded in the manifest (a change converts again).</param>
    /// <param name="include">Which generated files the manifest tracks and writes (the CLI writes its reports itself); all when null.</param>
    public static IncrementalRun Run(ConversionOptions options, string outputRoot, OutputOptions output, IReadOnlyDictionary<string, string>? extraOptions = null, Func<GeneratedFile, bool>? include = null)
    {
        var root = Path.GetFullPath(outputRoot);
        var previous = Manifest.Read(root);
        var fingerprint = InputFingerprint.Compute(options.Input, root);
        var settings = Settings(options, extraOptions);
        if (!output.Force && previous is not null && IsUpToDate(previous, settings, fingerprint, root))
        {
            return new IncrementalRun(null, null, UpToDate: true);
        }

        // A change confined to one API's file: its new sections spliced into the previous generation when a slice of the
        // project shows the change stays inside them (ArtifactSplice); otherwise the whole project is converted.
        var recordPath = Path.Combine(root, Manifest.Folder, ArtifactSplice.FileName);
        if (output.ReuseArtifacts && !output.NoSplice && !output.ReuseRenders && previous is not null && SameConverter(previous, settings)
            && ArtifactSplice.TrySplice(options, root, previous, fingerprint, include) is { } spliced)
        {
            var splicedOutcome = new OutputWriter(root, output).Write(spliced.Files, new Manifest(Generator, Build, settings, spliced.Inputs, []), previous);
            if (!output.Check)
            {
                WriteRecord(recordPath, spliced.Next);
            }

            return new IncrementalRun(null, splicedOutcome, UpToDate: false) { Spliced = true, SplicedReport = spliced.Report };
        }

        // The rendered constructs of the previous conversion into this folder, when the same converter made them (an
        // entry's key holds everything else its render read).
        var cachePath = Path.Combine(root, Manifest.Folder, RenderCacheFile);
        var cache = output.ReuseRenders ? RenderCache.Parse(previous is not null && previous.Build == Build && File.Exists(cachePath) ? ReadCache(cachePath) : null, SourceHashes(options.Input, fingerprint)) : null;
        var sections = output.ReuseArtifacts && !options.KeepStructure ? new SectionCollector() : null;
        var result = Converter.Convert(options with { RenderCache = options.RenderCache ?? cache, Sections = options.Sections ?? sections });
        var files = include is null ? result.Files : [.. result.Files.Where(include)];
        if (files.Count == 0)
        {
            return new IncrementalRun(result, null, UpToDate: false) { Cache = cache };
        }

        var manifest = new Manifest(Generator, Build, settings, Inputs(result, fingerprint), []);
        var outcome = new OutputWriter(root, output).Write(files, manifest, previous);
        if (output.ReuseArtifacts && !output.Check && Directory.Exists(Path.GetDirectoryName(recordPath)))
        {
            // The record a later run splices from; none (and a stale one removed) when this run cannot give one.
            if (sections is not null && !output.ReuseRenders && ArtifactSplice.Build(result, files, manifest.Inputs, sections, options.Input) is { } record)
            {
                // The constructs' texts were only needed to locate the sections: dropped before the record is written.
                sections.Clear();
                WriteRecord(recordPath, record);
            }
            else if (File.Exists(recordPath))
            {
                File.Delete(recordPath);
            }
        }
        else if (!output.ReuseArtifacts && !output.Check && File.Exists(recordPath))
        {
            // A run without the record leaves none behind: a later run with it would splice from a record that no
            // longer describes the input (its checks would fall back, but the folder would not be a fresh run's).
            File.Delete(recordPath);
        }
        if (cache is not null && !output.Check && options.RenderCache is null && Directory.Exists(Path.GetDirectoryName(cachePath)))
        {
            var text = cache.Serialize();
            if (!(File.Exists(cachePath) && File.ReadAllText(cachePath) == text))
            {
                File.WriteAllText(cachePath, text);
            }
        }

        return new IncrementalRun(result, outcome, UpToDate: false) { Cache = cache };
    }

    /// <summary>
    /// Writes the record to a temporary file beside it as it is serialized (never whole in memory), then replaces the
    /// record with it only when their bytes differ (an unchanged record keeps its file and time) and atomically (a
    /// reader never sees half a record); the temporary file is removed either way.
    /// </summary>
    internal static void WriteRecord(string path, ArtifactSplice.Record record)
    {
        var temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, CompareBuffer))
            {
                ArtifactSplice.Serialize(record, stream);
            }

            if (SameBytes(temporary, path))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, path, overwrite: true);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private const int CompareBuffer = 64 * 1024;

    /// <summary>Whether both files exist and hold the same bytes, read a buffer at a time.</summary>
    internal static bool SameBytes(string first, string second)
    {
        if (!File.Exists(first) || !File.Exists(second))
        {
            return false;
        }

        using var a = new FileStream(first, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        using var b = new FileStream(second, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        if (a.Length != b.Length)
        {
            return false;
        }

        var left = new byte[CompareBuffer];
        var right = new byte[CompareBuffer];
        while (true)
        {
            var read = a.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
            if (read != b.ReadAtLeast(right.AsSpan(0, read), read, throwOnEndOfStream: false) || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, read)))
            {
                return false;
            }

            if (read < left.Length)
            {
                return true;
            }
        }
    }

    /// <summary>The stored cache's text, or null when it cannot be read (then nothing is reused).</summary>
    private static string? ReadCache(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The content hash of the input file a document path belongs to, from the fingerprint taken before loading: the
    /// file itself, or for an archive entry (<c>app.car!entry</c>) the archive. Null for a path outside the input.
    /// </summary>
    public static Func<string, string?> SourceHashes(string input, IReadOnlyList<(string Path, string Hash)> fingerprint)
    {
        var full = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar);
        var root = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relative, hash) in fingerprint)
        {
            hashes[Path.GetFullPath(Path.Combine(root, relative))] = hash;
        }

        // The path itself first (a file whose name holds a '!' is its own input file), then the part before the first
        // '!' (the outermost archive an entry comes from).
        return path =>
        {
            if (!Path.IsPathRooted(path))
            {
                return null;
            }

            var full = Path.GetFullPath(path);
            if (hashes.TryGetValue(full, out var hash))
            {
                return hash;
            }

            var bang = full.IndexOf('!', StringComparison.Ordinal);
            return bang > 0 && hashes.TryGetValue(full[..bang], out hash) ? hash : null;
        };
    }

    /// <summary>The file in the manifest folder that keeps the rendered constructs of the last conversion (<see cref="RenderCache"/>).</summary>
    public const string RenderCacheFile = "render-cache.json";

    internal static SortedDictionary<string, string> Settings(ConversionOptions options, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["org"] = options.Org ?? string.Empty,
            ["packageName"] = options.PackageName ?? string.Empty,
            ["synapseLogLines"] = options.SynapseLogLines ? "true" : "false",
            ["templates"] = options.TemplatesDirectory is { } templates
                ? Manifest.Hash(string.Join("\n", InputFingerprint.Compute(templates, Path.Combine(templates, Manifest.Folder)).Select(f => f.Path + " " + f.Hash)))
                : string.Empty,
        };
        if (options.KeepStructure)
        {
            settings["keepStructure"] = "true"; // only when set: manifests of the default layout stay as they were
        }

        if (options.TypedPayloads)
        {
            settings["typedPayloads"] = "true"; // only when set, as keepStructure
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static bool SameConverter(Manifest previous, IReadOnlyDictionary<string, string> settings) =>
        previous.Generator == Generator
        && previous.Build == Build
        && previous.Options.Count == settings.Count
        && settings.All(s => previous.Options.TryGetValue(s.Key, out var value) && value == s.Value);

    private static bool IsUpToDate(Manifest previous, IReadOnlyDictionary<string, string> settings, IReadOnlyList<(string Path, string Hash)> fingerprint, string root) =>
        SameConverter(previous, settings)
        && previous.Inputs.Select(i => (i.Path, i.Hash)).SequenceEqual(fingerprint)
        && previous.Files.All(f => Converter.SafeCombine(root, f.Path) is { } path && File.Exists(path));

    /// <summary>Every input file with its hash, and the artifacts (<c>element:name</c>) of the Synapse documents in it.</summary>
    private static List<ManifestInput> Inputs(ConversionResult result, IReadOnlyList<(string Path, string Hash)> fingerprint)
    {
        // A document is the input file itself or an entry of it (an archive's: "file.car!entry"), so it belongs
        // to the input file its path names before any '!'. Grouped once: a scan per input file was quadratic
        // in the number of files.
        var byFile = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var document in result.Documents)
        {
            var path = Path.GetRelativePath(result.SourceRoot, document.Path).Replace('\\', '/');
            foreach (var owner in Owners(path))
            {
                if (!byFile.TryGetValue(owner, out var list))
                {
                    byFile[owner] = list = [];
                }

                list.AddRange(document.Artifacts.Select(a => a.XmlName + ":" + a.Name));
            }
        }

        return [.. fingerprint.Select(f => new ManifestInput(
            f.Path,
            f.Hash,
            byFile.TryGetValue(f.Path, out var artifacts) ? [.. artifacts.Order(StringComparer.Ordinal)] : []))];
    }

    /// <summary>The input paths a document path belongs to: itself, and every prefix that ends before a '!'.</summary>
    private static IEnumerable<string> Owners(string path)
    {
        yield return path;
        for (var bang = path.IndexOf('!', StringComparison.Ordinal); bang >= 0; bang = path.IndexOf('!', bang + 1))
        {
            yield return path[..bang];
        }
    }
}
