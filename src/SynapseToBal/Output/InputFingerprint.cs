namespace SynapseToBal.Output;

/// <summary>
/// The content hash of every file of an input (a folder's files, recursively, or the one file given), by path
/// relative to the input, '/'-separated and in ordinal order. Computed without parsing anything, so an unchanged
/// input is recognised at the cost of reading its bytes. The output folder and <c>.git</c>/<c>.synapse2bal</c>
/// folders are left out.
/// </summary>
public static class InputFingerprint
{
    public static IReadOnlyList<(string Path, string Hash)> Compute(string input, string outputRoot)
    {
        var full = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(full))
        {
            return [(Path.GetFileName(full), Manifest.Hash(File.ReadAllBytes(full)))];
        }

        if (!Directory.Exists(full))
        {
            return [];
        }

        var output = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var result = new List<(string Path, string Hash)>();
        foreach (var file in Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
        {
            if (file.StartsWith(output, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(full, file).Replace('\\', '/');
            if (relative.Split('/').Any(s => s is ".git" or Manifest.Folder))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue; // the loader reports unreadable files; a changed-but-unreadable file still differs by its absence
            }

            result.Add((relative, Manifest.Hash(bytes)));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return result;
    }
}
