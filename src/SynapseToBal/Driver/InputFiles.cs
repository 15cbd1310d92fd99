using SynapseToBal.Diagnostics;
using SynapseToBal.Project;
using SynapseToBal.Syntax;

namespace SynapseToBal.Driver;

/// <summary>
/// Finds a file of the input by the tail of a path on the Micro Integrator's file system (a <c>file:</c> URI relative
/// to its home, e.g. <c>repository/conf/sample/resources/proxy/sample_proxy_1.wsdl</c>): the longest tail of the path
/// that ends exactly one file of the input (a file of the input tree on disk, or a registry resource). Ambiguous
/// tails choose nothing, and a tail shorter than the file name and its folder (when the path has a folder) neither.
/// </summary>
public static class InputFiles
{
    /// <summary>Whether an input file's XML holds a credential as a literal (what the TODO comments mask, <see cref="SecretNames.MaskXml"/>).</summary>
    public static bool HoldsLiteralSecret(string xml) => !string.Equals(SecretNames.MaskXml(xml), xml, StringComparison.Ordinal);

    /// <summary>
    /// The lookup the semantic model is given: the display path and text of the file a relative path names, or null.
    /// A file beyond the size limit is not read (SB0015, reported to <paramref name="diagnostics"/> when given).
    /// </summary>
    public static Func<string, (string Display, string Text)?> ByTail(ProjectModel project, DiagnosticBag? diagnostics = null)
    {
        var files = new List<(string Display, Func<string?> Read)>();
        var reported = new HashSet<string>(StringComparer.Ordinal); // a file refused is reported once, however often it is looked up
        foreach (var file in project.OtherFiles)
        {
            var path = file.Path;
            if (!path.Contains('!', StringComparison.Ordinal))
            {
                files.Add((file.DisplayPath, () => Read(() => BoundedFile.ReadAllBytes(path, BoundedFile.DefaultMaxBytes), diagnostics, reported)));
            }
        }

        foreach (var resource in project.Registry.Resources)
        {
            files.Add((resource.DisplayPath.Replace("!/", "/", StringComparison.Ordinal), () => Read(resource.Content.ReadBytes, diagnostics, reported)));
        }

        return relative => Find(files, relative);
    }

    private static (string Display, string Text)? Find(IReadOnlyList<(string Display, Func<string?> Read)> files, string relative)
    {
        var written = relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not ".").ToArray();
        var segments = written.Where(s => s is not "..").ToArray();

        // A path with a folder must match at least the file name and the folder holding it: a file of the same name
        // elsewhere in the input is another file, and using it silently would be worse than not finding one. A bare
        // file name matches by its name alone; a parent written as ".." cannot be checked, so nothing matches it.
        var shortest = written.Length >= 2 ? 2 : 1;
        for (var take = segments.Length; take >= shortest; take--)
        {
            var tail = "/" + string.Join('/', segments[^take..]);
            var matches = files.Where(f => ("/" + f.Display).EndsWith(tail, StringComparison.Ordinal)).ToList();
            if (matches.Count == 1)
            {
                return matches[0].Read() is { } text ? (matches[0].Display, text) : null;
            }

            if (matches.Count > 1)
            {
                return null;
            }
        }

        return null;
    }

    private static string? Read(Func<byte[]> bytes, DiagnosticBag? diagnostics, HashSet<string> reported)
    {
        try
        {
            return TextDecoding.Decode(bytes(), out _);
        }
        catch (FileTooLargeException ex)
        {
            if (reported.Add(ex.Path))
            {
                diagnostics?.Report(DiagnosticCatalog.FileTooLarge, SourceLocation.FileStart(ex.Path), ex.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
