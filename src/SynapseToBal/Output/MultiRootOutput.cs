using SynapseToBal.Driver;

namespace SynapseToBal.Output;

/// <summary>
/// The output of <c>convert --multi-root</c>: one package per child folder of the input, each in its own folder
/// with its own manifest (written through <see cref="IncrementalConversion"/>). This removes the package of a
/// project whose folder is gone from the input, as <see cref="OutputWriter"/> removes the files of a removed artifact.
/// </summary>
public static class MultiRootOutput
{
    /// <summary>The manifest option that marks a package written by a multi-root conversion: only those are ever removed.</summary>
    public const string OptionName = "multiRoot";

    /// <summary>What a multi-root conversion passes as <c>extraOptions</c> to <see cref="IncrementalConversion.Run"/>.</summary>
    public static IReadOnlyDictionary<string, string> ManifestOptions { get; } = new Dictionary<string, string> { [OptionName] = "true" };

    /// <summary>
    /// For every folder of <paramref name="outputRoot"/> that holds a manifest of a multi-root conversion (not one
    /// of a single project converted there by hand) and has no folder of the same name
    /// in <paramref name="inputRoot"/>: deletes its generated files that were not edited, keeps the edited ones
    /// (SB0307), and, unless checking, deletes its <paramref name="untracked"/> files, its <c>.synapse2bal</c> folder
    /// and the folders left empty.
    /// </summary>
    /// <returns>Each removed project's folder name and what was (or, with <c>--check</c>, would be) done to its files.</returns>
    /// <param name="untracked">Files of a package written beside it but not tracked by its manifest (its reports), removed with it.</param>
    public static IReadOnlyList<(string Name, OutputOutcome Outcome)> RemoveProjects(string inputRoot, string outputRoot, OutputOptions options, IReadOnlyList<string> untracked)
    {
        var root = Path.GetFullPath(outputRoot);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var removed = new List<(string Name, OutputOutcome Outcome)>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || Directory.Exists(Path.Combine(inputRoot, name))
                || Manifest.Read(folder) is not { } previous || !(previous.Options.TryGetValue(OptionName, out var multiRoot) && multiRoot == "true"))
            {
                continue;
            }

            var outcome = new OutputWriter(folder, options).Write([], previous with { Inputs = [], Files = [] }, previous);

            // The project's reports (MIGRATION.md) are rewritten by every run and not tracked: they go with the project.
            var reports = untracked.Where(r => Converter.SafeCombine(folder, r) is { } path && File.Exists(path)).Order(StringComparer.Ordinal).ToList();
            outcome = outcome with { Files = [.. outcome.Files, .. reports.Select(r => new FileOutcome(r, FileAction.Removed, []))] };

            removed.Add((name, outcome));
            if (!options.Check)
            {
                foreach (var report in reports)
                {
                    File.Delete(Path.Combine(folder, report));
                }

                Directory.Delete(Path.Combine(folder, Manifest.Folder), recursive: true);
                DeleteEmptyFolders(folder);
            }
        }

        return removed;
    }

    private static void DeleteEmptyFolders(string folder)
    {
        foreach (var sub in Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            DeleteEmptyFolders(sub);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
