namespace SynapseToBal.Syntax;

/// <summary>
/// The text of an element exactly as written: a span of its file's source text, which every node of the file shares,
/// made into a string only when it is read (a TODO's original XML, a fingerprint). A node used to keep its own copy,
/// and a nested mediator's text was copied again into each parent's, so the syntax trees held several times the input
/// (<c>docs/performance.md</c>, "Memory at 10,000 artifacts"). It reads, compares and hashes as the string it stands
/// for: equal texts are equal whatever they were cut from, and <see cref="ToString"/> is that string.
/// </summary>
public readonly struct RawXmlText : IEquatable<RawXmlText>
{
    private readonly string? _source;
    private readonly int _start;
    private readonly int _length;

    /// <summary>The whole of <paramref name="text"/>.</summary>
    public RawXmlText(string text)
    {
        _source = text;
        _start = 0;
        _length = text.Length;
    }

    /// <summary><paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>, not copied.</summary>
    public RawXmlText(string source, int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, source.Length);
        _source = source;
        _start = start;
        _length = length;
    }

    /// <summary>The number of characters of the text.</summary>
    public int Length => _length;

    /// <summary>The text without a copy.</summary>
    public ReadOnlySpan<char> AsSpan() => _source is null ? [] : _source.AsSpan(_start, _length);

    /// <summary>Whether the text holds <paramref name="value"/>, as <see cref="string.Contains(string, StringComparison)"/>, without a copy.</summary>
    public bool Contains(string value, StringComparison comparison) => AsSpan().Contains(value.AsSpan(), comparison);

    /// <summary>The text as a string (a new string unless the span is the whole source; the default value reads as empty).</summary>
    public override string ToString() =>
        _source is null ? string.Empty : _start == 0 && _length == _source.Length ? _source : _source.Substring(_start, _length);

    public bool Equals(RawXmlText other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is RawXmlText other && Equals(other);

    /// <summary>The hash of the text's characters, as <see cref="string.GetHashCode()"/> of the string it stands for.</summary>
    public override int GetHashCode() => string.GetHashCode(AsSpan());

    public static bool operator ==(RawXmlText left, RawXmlText right) => left.Equals(right);

    public static bool operator !=(RawXmlText left, RawXmlText right) => !left.Equals(right);

    public static implicit operator string(RawXmlText text) => text.ToString();

    public static implicit operator RawXmlText(string? text) => text is null ? default : new(text);
}
