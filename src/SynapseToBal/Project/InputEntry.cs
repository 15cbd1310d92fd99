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

internal sealed class DiskEntry(string fullPath, string relative, string display) : InputEntry(relative, fullPath, display)
{
    public string FullPath { get; } = fullPath;

    public override bool InArchive => false;

    public override XmlRoot? SniffRoot(DiagnosticBag diagnostics)
    {
        try
        {
            using var stream = File.OpenRead(FullPath);
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
            return File.ReadAllBytes(FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ReportUnreadable(diagnostics, ex.Message);
            return null;
        }
    }

    public override string? ReadText(DiagnosticBag diagnostics)
    {
        try
        {
            return Decode(File.ReadAllBytes(FullPath), diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ReportUnreadable(diagnostics, ex.Message);
            return null;
        }
    }

    public override ResourceContent Content(DiagnosticBag diagnostics) => ResourceContent.FromFile(FullPath);
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
