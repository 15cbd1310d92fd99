using SynapseToBal.Cli;
using Xunit;

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

    /// <summary>Copies every file under <paramref name="source"/> into <paramref name="target"/>, keeping relative paths.</summary>
    public static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>Replaces text the file must hold, as a developer's edit or a change of the Synapse project.</summary>
    public static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Runs the CLI in process: its exit code, standard output (\n line ends) and standard error.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString());
    }
}
