namespace SynapseToBal.Project;

/// <summary>A file refused because it is larger than the converter reads from one file (SB0015).</summary>
public sealed class FileTooLargeException(string path, long length, long maxBytes)
    : IOException($"The file is {length} bytes long, more than the {maxBytes} bytes the converter reads from one file; it was not read")
{
    public string Path { get; } = path;

    public long Length { get; } = length;

    public long MaxBytes { get; } = maxBytes;
}

/// <summary>
/// The one way the converter reads a whole file of the input besides the artifacts (a registry resource, a local
/// entry's <c>src</c>, a WSDL, a schema, a stylesheet, the project's metadata): the length is checked on the open
/// handle before anything is read, and no more than that length is read, so a huge file never reaches memory.
/// </summary>
public static class BoundedFile
{
    /// <summary>The limit used where the run's <see cref="LoadLimits"/> are not at hand (the default's 64 MiB).</summary>
    public static long DefaultMaxBytes { get; } = new LoadLimits().MaxFileBytes;

    /// <summary>The file's bytes; throws <see cref="FileTooLargeException"/> (an <see cref="IOException"/>) beyond <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > maxBytes)
        {
            throw new FileTooLargeException(path, length, maxBytes);
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>A stream over the file; throws <see cref="FileTooLargeException"/> beyond <paramref name="maxBytes"/>.</summary>
    public static FileStream OpenRead(string path, long maxBytes)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        if (stream.Length > maxBytes)
        {
            var length = stream.Length;
            stream.Dispose();
            throw new FileTooLargeException(path, length, maxBytes);
        }

        return stream;
    }
}
