using System.IO.Compression;
using System.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Project;

/// <summary>One file of the input: on disk, or an entry of a Carbon Application read in memory.</summary>
internal abstract class InputEntry
{
    protected InputEntry(string relative, string location, string display)
    {
        Relative = relative;
        Location = location;
        Display = display;
    }

    /// <summary>'/'-separated path inside its container (the input folder or the archive).</summary>
    public string Relative { get; }

    /// <summary>The path source locations carry: a full path, or <c>/full/App.car!/entry</c>.</summary>
    public string Location { get; }

    /// <summary>The path shown to users, relative to the input's folder.</summary>
    public string Display { get; }

    public string FileName => Relative[(Relative.LastIndexOf('/') + 1)..];

    public abstract bool InArchive { get; }

    /// <summary>The root element, reading as little as possible; null when the content is not XML.</summary>
    public abstract XmlRoot? SniffRoot(DiagnosticBag diagnostics);

    public abstract byte[]? ReadBytes(DiagnosticBag diagnostics);

    public abstract string? ReadText(DiagnosticBag diagnostics);

    public abstract ResourceContent? Content(DiagnosticBag diagnostics);

    /// <summary>The text of an XML file's bytes (see <see cref="TextDecoding"/>); a guessed encoding is reported.</summary>
    protected string Decode(byte[] bytes, DiagnosticBag diagnostics)
    {
        var text = TextDecoding.Decode(bytes, out var problem);
        if (problem is not null)
        {
            diagnostics.Report(DiagnosticCatalog.EncodingGuessed, SourceLocation.FileStart(Location), problem);
        }

        return text;
    }

    protected void ReportUnreadable(DiagnosticBag diagnostics, string message) =>
        diagnostics.Report(DiagnosticCatalog.FileUnreadable, SourceLocation.FileStart(Location), message);
}

/// <param name="maxBytes">A larger file is not read (SB0015), so that one huge file cannot exhaust memory.</param>
internal sealed class DiskEntry(string fullPath, string relative, string display, long maxBytes) : InputEntry(relative, fullPath, display)
{
    /// <summary>What <see cref="Prefetch"/> read, each taken once by the next call that would read it.</summary>
    private Prefetched<XmlRoot?>? _root;
    private Prefetched<string?>? _text;

    public string FullPath { get; } = fullPath;

    public override bool InArchive => false;

    /// <summary>
    /// Reads now (on any thread) what the sequential classification will ask of this file: its root element and, when
    /// it will be parsed as a document (a data service, a file that is not XML, a Synapse configuration or artifact),
    /// its decoded text, each with the diagnostics that reading reports. The next <see cref="SniffRoot"/> and
    /// <see cref="ReadText"/> return them and report the diagnostics into their bag, in the classification's order.
    /// </summary>
    public void Prefetch()
    {
        var root = ReadRoot();
        _root = new Prefetched<XmlRoot?>(root, []);
        var kind = FileClassifier.KindOfName(Relative);
        if (kind == FileKind.DataService || root is null || FileClassifier.IsConverted(FileClassifier.KindOfRoot(root.Value, Relative)))
        {
            var reported = new DiagnosticBag();
            _text = new Prefetched<string?>(ReadTextNow(reported), reported.Items);
        }
    }

    public override XmlRoot? SniffRoot(DiagnosticBag diagnostics) =>
        Prefetched<XmlRoot?>.Take(ref _root, diagnostics, out var root) ? root : ReadRoot();

    private XmlRoot? ReadRoot()
    {
        try
        {
            using var stream = BoundedFile.OpenRead(FullPath, maxBytes);
            return FileClassifier.SniffRoot(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override byte[]? ReadBytes(DiagnosticBag diagnostics)
    {
        try
        {
            if (TooLarge(diagnostics))
            {
                return null;
            }

            return BoundedFile.ReadAllBytes(FullPath, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ReportUnreadable(diagnostics, ex.Message);
            return null;
        }
    }

    public override string? ReadText(DiagnosticBag diagnostics) =>
        Prefetched<string?>.Take(ref _text, diagnostics, out var text) ? text : ReadTextNow(diagnostics);

    private string? ReadTextNow(DiagnosticBag diagnostics)
    {
        try
        {
            if (TooLarge(diagnostics))
            {
                return null;
            }

            return Decode(BoundedFile.ReadAllBytes(FullPath, maxBytes), diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ReportUnreadable(diagnostics, ex.Message);
            return null;
        }
    }

    /// <summary>The file as a registry resource, read when needed; a file beyond the size limit is refused (SB0015) as any input file is.</summary>
    public override ResourceContent? Content(DiagnosticBag diagnostics)
    {
        try
        {
            return TooLarge(diagnostics) ? null : ResourceContent.FromFile(FullPath, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ReportUnreadable(diagnostics, ex.Message);
            return null;
        }
    }

    /// <summary>True (and reported) when the file is larger than the limit: it is then not read at all.</summary>
    private bool TooLarge(DiagnosticBag diagnostics)
    {
        var length = new FileInfo(FullPath).Length;
        if (length <= maxBytes)
        {
            return false;
        }

        diagnostics.Report(DiagnosticCatalog.FileTooLarge, SourceLocation.FileStart(Location),
            length.ToString(System.Globalization.CultureInfo.InvariantCulture), maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>A value read ahead and the diagnostics its reading reported.</summary>
    private sealed record Prefetched<T>(T Value, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Reported)
    {
        /// <summary>Takes the value read ahead, if any, reporting its diagnostics; the next call reads again.</summary>
        public static bool Take(ref Prefetched<T>? slot, DiagnosticBag diagnostics, out T value)
        {
            if (slot is not { } prefetched)
            {
                value = default!;
                return false;
            }

            slot = null;
            diagnostics.AddRange(prefetched.Reported);
            value = prefetched.Value;
            return true;
        }
    }
}

/// <summary>
/// An archive entry. Its bytes are read at most once, through the archive's <see cref="ArchiveBudget"/>,
/// and only when something needs them.
/// </summary>
internal sealed class ArchiveEntry(ZipArchiveEntry entry, ArchiveBudget budget, string relative, string location, string display)
    : InputEntry(relative, location, display)
{
    private byte[]? _bytes;
    private bool _read;

    public override bool InArchive => true;

    public override XmlRoot? SniffRoot(DiagnosticBag diagnostics) =>
        ReadBytes(diagnostics) is { } bytes ? FileClassifier.SniffRoot(bytes) : null;

    public override byte[]? ReadBytes(DiagnosticBag diagnostics)
    {
        if (!_read)
        {
            _read = true;
            _bytes = budget.Read(entry, this, diagnostics);
        }

        return _bytes;
    }

    public override string? ReadText(DiagnosticBag diagnostics) => ReadBytes(diagnostics) is { } bytes ? Decode(bytes, diagnostics) : null;

    public override ResourceContent? Content(DiagnosticBag diagnostics) =>
        ReadBytes(diagnostics) is { } bytes ? ResourceContent.FromBytes(bytes) : null;
}

/// <summary>Counts the uncompressed bytes read from one archive and stops at the limits.</summary>
internal sealed class ArchiveBudget(LoadLimits limits, string archiveLocation)
{
    private long _total;
    private bool _exhausted;

    public byte[]? Read(ZipArchiveEntry entry, InputEntry input, DiagnosticBag diagnostics)
    {
        if (_exhausted)
        {
            return null;
        }

        if (entry.Length > limits.MaxEntryBytes)
        {
            ReportEntryTooLarge(input, diagnostics);
            return null;
        }

        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            long count = 0;
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                count += read;
                if (count > limits.MaxEntryBytes)
                {
                    ReportEntryTooLarge(input, diagnostics);
                    return null;
                }

                if (_total + count > limits.MaxArchiveBytes)
                {
                    _exhausted = true;
                    diagnostics.Report(DiagnosticCatalog.ArchiveTooLarge, SourceLocation.FileStart(archiveLocation),
                        $"{limits.MaxArchiveBytes} uncompressed bytes in total", $"'{input.Relative}' and the entries after it were not read");
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            _total += count;
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            diagnostics.Report(DiagnosticCatalog.FileUnreadable, SourceLocation.FileStart(input.Location), ex.Message);
            return null;
        }
    }

    private void ReportEntryTooLarge(InputEntry input, DiagnosticBag diagnostics) =>
        diagnostics.Report(DiagnosticCatalog.ArchiveTooLarge, SourceLocation.FileStart(archiveLocation),
            $"{limits.MaxEntryBytes} uncompressed bytes per entry", $"'{input.Relative}' was not read");
}
