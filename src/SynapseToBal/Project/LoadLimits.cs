namespace SynapseToBal.Project;

/// <summary>Limits that keep a hostile archive (a zip bomb) or a huge file from exhausting memory.</summary>
/// <param name="MaxArchiveEntries">An archive with more entries is not read at all.</param>
/// <param name="MaxEntryBytes">The most uncompressed bytes read from one entry.</param>
/// <param name="MaxArchiveBytes">The most uncompressed bytes read from one archive in total.</param>
/// <param name="MaxFileBytes">A file on disk larger than this is not read (SB0015); an archive on disk is read entry by entry under the limits above instead.</param>
public sealed record LoadLimits(int MaxArchiveEntries = 10_000, long MaxEntryBytes = 64L * 1024 * 1024, long MaxArchiveBytes = 512L * 1024 * 1024, long MaxFileBytes = 64L * 1024 * 1024)
{
    public static readonly LoadLimits Default = new();
}
