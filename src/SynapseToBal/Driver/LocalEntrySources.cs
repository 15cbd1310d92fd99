using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.Driver;

/// <summary>
/// Local entries with a <c>src</c> URL (<c>&lt;localEntry key="x" src="file:repository/conf/x.xslt"/&gt;</c>): the Micro
/// Integrator loads the content when it deploys the entry (<c>EntryFactory</c>: the URL wins over inline content;
/// <c>SynapseConfigUtils.getObject</c> opens a relative <c>file:</c> path against its working directory, then against
/// <c>synapse.home</c>). When a file of the input is at that path (the longest tail of the path that names exactly
/// one file of the input or of its registry, <see cref="InputFiles"/>; nothing outside the input is ever read), the
/// entry carries that content as an inline entry of it would.
/// </summary>
public static class LocalEntrySources
{
    public static ImmutableArray<SynapseDocument> Load(ImmutableArray<SynapseDocument> documents, Func<string, (string Display, string Text)?> inputFile)
    {
        if (!documents.Any(d => d.Artifacts.Any(a => a is LocalEntrySyntax { Src: not null })))
        {
            return documents;
        }

        return documents.Select(document => document.Artifacts.Any(a => a is LocalEntrySyntax { Src: not null })
            ? document with { Artifacts = [.. document.Artifacts.Select(a => a is LocalEntrySyntax { Src: { } src } entry && Find(src, inputFile) is { } file ? SynapseParser.WithSourceContent(entry, file.Display, file.Text) : a)] }
            : document).ToImmutableArray();
    }

    /// <summary>The file of the input a <c>file:</c> URL names; null for another scheme or a path the input does not hold.</summary>
    private static (string Display, string Text)? Find(string src, Func<string, (string Display, string Text)?> inputFile) =>
        ServerFilePath(src) is { } path ? inputFile(path) : null;

    /// <summary>The path of a <c>file:</c> URL (percent-decoded as <c>URL.openStream</c> does); null for any other URL.</summary>
    public static string? ServerFilePath(string url)
    {
        var trimmed = url.Trim();
        if (!trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || trimmed.Length == "file:".Length)
        {
            return null;
        }

        var path = trimmed["file:".Length..];
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }
}
