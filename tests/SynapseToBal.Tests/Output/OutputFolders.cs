namespace SynapseToBal.Tests.Output;

/// <summary>What the incremental-output tests read of an output folder: its files' text, and which files a run wrote.</summary>
internal static class OutputFolders
{
    /// <summary>The time stamp <see cref="Age"/> gives every file, so a later write shows.</summary>
    public static readonly DateTime Old = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Every file of a folder by relative path ('/'); the manifest folders (at any depth) left out unless asked.</summary>
    public static Dictionary<string, string> Snapshot(string folder, bool withManifest = false) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(folder, f).Replace('\\', '/'), File: f))
            .Where(f => withManifest || !f.Path.Split('/').Contains(SynapseToBal.Output.Manifest.Folder))
            .ToDictionary(f => f.Path, f => File.ReadAllText(f.File), StringComparer.Ordinal);

    /// <summary>Sets every file of the folder to <see cref="Old"/>.</summary>
    public static void Age(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Old);
        }
    }

    /// <summary>The files of the folder written (or created) since <see cref="Age"/>.</summary>
    public static List<string> Touched(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != Old)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
