using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Project;

/// <summary>
/// The data sources a Micro Integrator's <c>deployment.toml</c> declares (<c>[[datasource]]</c>). The config tool renders
/// each into <c>conf/datasources/master-datasources.xml</c> (template <c>conf/datasources/master-datasources.xml.j2</c>):
/// a Carbon data source named <c>id</c>, of type RDBMS, published in JNDI as <c>jdbc/&lt;id&gt;</c>, whose configuration
/// is <c>url</c>, <c>username</c>, <c>password</c>, <c>driverClassName</c> (the key <c>driver</c>), every
/// <c>pool_options.X</c> as an element <c>X</c>, and <c>jmxEnabled</c> (the key <c>jmx_enable</c>). Each becomes a
/// <see cref="DataSourceSyntax"/> located in the TOML, read as a data-source artifact is: a data service's
/// <c>carbon_datasource_name</c> and a dblookup/dbreport <c>dsName</c> of its JNDI name find it. What the template does
/// not read (another key of a <c>[[datasource]]</c>, one without an id) is reported (SB0114), and so are the other
/// tables of the file, the server's settings, which are not converted (SB0115).
/// </summary>
public static class ServerDataSources
{
    /// <summary>The keys of a <c>[[datasource]]</c> the template reads, with the configuration element each becomes.</summary>
    private static readonly Dictionary<string, string> Elements = new(StringComparer.Ordinal)
    {
        ["url"] = "url",
        ["username"] = "username",
        ["password"] = "password",
        ["driver"] = "driverClassName",
        ["jmx_enable"] = "jmxEnabled",
    };

    /// <summary>The tables of deployment.toml other readers of the converter take (<see cref="CustomMessageHandlers"/>).</summary>
    private static readonly HashSet<string> ReadElsewhere = new(StringComparer.Ordinal) { "custom_message_formatters", "custom_message_builders" };

    /// <summary>
    /// The data sources of one deployment.toml as a document of <see cref="DataSourceSyntax"/> (null when it declares
    /// none), with SB0114 for what a <c>[[datasource]]</c> holds that is not read, SB0115 for the file's other tables,
    /// and SB0115 too for lines the reader does not understand.
    /// </summary>
    /// <param name="path">The file's path, as the locations carry it.</param>
    public static SynapseDocument? Read(string path, string text, DiagnosticBag diagnostics) => Read(path, text, TomlText.Parse(text), diagnostics);

    /// <summary>As <see cref="Read(string, string, DiagnosticBag)"/>, from the file's TOML already parsed (the loader parses it once for every reader).</summary>
    public static SynapseDocument? Read(string path, string text, TomlText toml, DiagnosticBag diagnostics)
    {
        var sources = ImmutableArray.CreateBuilder<ArtifactSyntax>();
        var other = new List<string>();
        var lines = new SourceLines(text);
        // A line of the server's other settings is not read anyway; one in a data source's table may lose a setting of it.
        foreach (var problem in toml.Problems.Where(p => p.Header == "datasource" || p.Header.StartsWith("datasource.", StringComparison.Ordinal)))
        {
            diagnostics.Report(DiagnosticCatalog.ServerConfigurationNotRead, lines.At(path, problem.Line, problem.Column, 0),
                $"line {(problem.Line + 1).ToString(CultureInfo.InvariantCulture)} is not read ({problem.Reason})");
        }

        for (var i = 0; i < toml.Tables.Count; i++)
        {
            var table = toml.Tables[i];
            if (table.Header == "datasource" && table.ArrayElement)
            {
                // Its sub-tables ([datasource.pool_options]) belong to it, up to the next [[datasource]].
                var parts = new List<TomlTable> { table };
                while (i + 1 < toml.Tables.Count && toml.Tables[i + 1].Header.StartsWith("datasource.", StringComparison.Ordinal) && !toml.Tables[i + 1].ArrayElement)
                {
                    parts.Add(toml.Tables[++i]);
                }

                if (DataSource(path, text, lines, parts, diagnostics) is { } source)
                {
                    sources.Add(source);
                }

                continue;
            }

            var top = table.Header.Split('.')[0];
            if (table.Header.Length == 0)
            {
                other.AddRange(table.Entries.Select(e => e.Key.Split('.')[0]));
            }
            else if (top == "datasource")
            {
                diagnostics.Report(DiagnosticCatalog.DataSourceEntryNotRead, lines.At(path, table.Line, 0, 0), table.Header,
                    "it is not a [[datasource]] entry or a table of one (the config tool renders only the [[datasource]] array)");
            }
            else if (table.ArrayElement && table.Header is "transport.jms.listener" or "transport.jms.sender")
            {
                // Read for the JMS connection factories a proxy listens with (ServerJmsFactories).
            }
            else if (!ReadElsewhere.Contains(top))
            {
                other.Add(top);
            }
        }

        var unread = other.Distinct(StringComparer.Ordinal).ToList();
        if (unread.Count > 0)
        {
            diagnostics.Report(DiagnosticCatalog.ServerConfigurationNotRead, SourceLocation.FileStart(path),
                $"its {(unread.Count == 1 ? "table" : "tables")} {string.Join(", ", unread.Select(t => "[" + t + "]"))} {(unread.Count == 1 ? "is" : "are")} the server's settings, not converted"
                + (sources.Count > 0 ? $"; its {sources.Count.ToString(CultureInfo.InvariantCulture)} [[datasource]] {(sources.Count == 1 ? "entry is" : "entries are")} read" : string.Empty));
        }

        return sources.Count == 0 ? null : new SynapseDocument(path, sources.ToImmutable());
    }

    /// <summary>One <c>[[datasource]]</c> (and its sub-tables) as the data source the template renders; null without an id.</summary>
    private static DataSourceSyntax? DataSource(string path, string text, SourceLines lines, List<TomlTable> parts, DiagnosticBag diagnostics)
    {
        var header = parts[0];
        var location = lines.At(path, header.Line, 0, "[[datasource]]".Length);
        var entries = parts.SelectMany(p => p.Entries.Select(e => p.Header == "datasource" ? e : e with { Key = p.Header["datasource.".Length..] + "." + e.Key })).ToList();
        var id = entries.FirstOrDefault(e => e.Key == "id");
        if (id is null || id.Value.Text is not { Length: > 0 } name)
        {
            diagnostics.Report(DiagnosticCatalog.DataSourceEntryNotRead, location, "[[datasource]]",
                "it has no id, the data source's name (<name>{{data.id}}</name>): the Micro Integrator refuses a data source without a name, and nothing can look it up");
            return null;
        }

        var properties = ImmutableArray.CreateBuilder<NamedTextSyntax>();
        var aliases = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var at = lines.At(path, entry.Line, entry.Column, entry.Key.Length);
            string? element = null;
            if (Elements.TryGetValue(entry.Key, out var known))
            {
                element = known;
            }
            else if (entry.Key.StartsWith("pool_options.", StringComparison.Ordinal) && entry.Key.Length > "pool_options.".Length && !entry.Key["pool_options.".Length..].Contains('.'))
            {
                element = entry.Key["pool_options.".Length..];
            }
            else if (entry.Key == "pool_options")
            {
                // An inline table (`pool_options = {maxActive = 50}`): the config tool's template renders its pairs, but
                // this reader keeps an inline table as written without reading it.
                diagnostics.Report(DiagnosticCatalog.DataSourceEntryNotRead, at, $"{entry.Key} of [[datasource]] '{name}'",
                    "an inline table, which the converter does not read (the Micro Integrator does); write it as a [datasource.pool_options] table or as pool_options.x keys");
                continue;
            }
            else if (entry.Key != "id")
            {
                diagnostics.Report(DiagnosticCatalog.DataSourceEntryNotRead, at, $"{entry.Key} of [[datasource]] '{name}'",
                    "the config tool's template writes id, url, username, password, driver, pool_options.* and jmx_enable only, so the Micro Integrator never sees it");
                continue;
            }

            if (element is null)
            {
                continue;
            }

            var secret = SecretNames.IsSecret(element);
            if (entry.Value.Text is not { } written)
            {
                // A credential's text never reaches a diagnostic.
                diagnostics.Report(DiagnosticCatalog.DataSourceEntryNotRead, at, $"{entry.Key} of [[datasource]] '{name}'", $"its value ({(secret ? "****" : entry.Value.Raw)}) is not a string, number or boolean");
                continue;
            }

            // The config tool pastes the value into master-datasources.xml as it is, and the Micro Integrator reads that XML:
            // `&amp;` in a JDBC URL is `&` there, and a bare `&` or `<` makes the file invalid.
            if (XmlDecoded(written) is not { } value)
            {
                diagnostics.Report(DiagnosticCatalog.DataSourceEntryNotRead, at, $"{entry.Key} of [[datasource]] '{name}'",
                    "its value holds a bare & or < (write &amp; and &lt;): the data-source file the config tool writes from it is no XML, and the Micro Integrator does not deploy the data source");
                continue;
            }

            // "$secret{alias}": the config tool writes the value from the server's secure vault (ciphertool's [secrets]).
            if (entry.Value.IsString && value.StartsWith("$secret{", StringComparison.Ordinal) && value.EndsWith('}'))
            {
                aliases.TryAdd(element, value["$secret{".Length..^1]);
            }

            properties.Add(new NamedTextSyntax(element, value, at));
        }

        var start = lines.Offset(header.Line, 0);
        var end = parts[^1].EndLine + 1 < lines.Count ? lines.Offset(parts[^1].EndLine + 1, 0) : text.Length;
        var raw = new RawXmlText(Masked(text[start..end].TrimEnd()));
        return new DataSourceSyntax(location, raw, name, "RDBMS", properties.ToImmutable())
        {
            SecretAliases = aliases.ToImmutable(),
            JndiName = "jdbc/" + name,
        };
    }

    /// <summary>
    /// A value as the XML parser reads the text the config tool pastes into master-datasources.xml: the predefined entities
    /// and character references decoded; null when it holds a bare <c>&amp;</c> or <c>&lt;</c>.
    /// </summary>
    internal static string? XmlDecoded(string value)
    {
        if (!value.Contains('&', StringComparison.Ordinal) && !value.Contains('<', StringComparison.Ordinal))
        {
            return value;
        }

        if (value.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '&')
            {
                result.Append(value[i]);
                continue;
            }

            var end = value.IndexOf(';', i + 1);
            if (end < 0)
            {
                return null;
            }

            var name = value[(i + 1)..end];
            string? decoded = name switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF => char.ConvertFromUtf32(code),
                ['#', .. var dec] when dec.All(char.IsAsciiDigit) && int.TryParse(dec, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF => char.ConvertFromUtf32(code),
                _ => null,
            };
            if (decoded is null)
            {
                return null;
            }

            result.Append(decoded);
            i = end;
        }

        return result.ToString();
    }

    /// <summary>
    /// The text of an entry with the value of every key named like a credential, and URI passwords, replaced by <c>****</c>;
    /// the further lines of a credential's multi-line value are left out.
    /// </summary>
    private static string Masked(string text)
    {
        var result = new StringBuilder();
        string? openQuotes = null;
        foreach (var line in text.Split('\n'))
        {
            if (openQuotes is not null)
            {
                if (line.Contains(openQuotes, StringComparison.Ordinal))
                {
                    openQuotes = null;
                }

                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? line[..eq].Trim().Trim('"', '\'') : string.Empty;
            var last = key.Contains('.') ? key[(key.LastIndexOf('.') + 1)..] : key;
            var value = eq > 0 ? line[(eq + 1)..].Trim() : string.Empty;
            if (key.Length > 0 && SecretNames.IsSecret(last) && value.Length > 0 && !value.Contains("$secret{", StringComparison.Ordinal))
            {
                result.Append(line[..(eq + 1)]).Append(" \"****\"");
                foreach (var quotes in (string[])["\"\"\"", "'''"])
                {
                    if (value.StartsWith(quotes, StringComparison.Ordinal) && !value[quotes.Length..].Contains(quotes, StringComparison.Ordinal))
                    {
                        openQuotes = quotes;
                    }
                }
            }
            else
            {
                result.Append(SecretNames.MaskXml(line));
            }

            result.Append('\n');
        }

        return result.ToString().TrimEnd('\n');
    }

    /// <summary>Line starts of a text, for locations.</summary>
    private sealed class SourceLines
    {
        private readonly List<int> _starts = [0];

        public SourceLines(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public int Count => _starts.Count;

        public int Offset(int line, int column) => _starts[Math.Min(line, _starts.Count - 1)] + column;

        public SourceLocation At(string path, int line, int column, int length)
        {
            var start = new LinePosition(line, column);
            var end = new LinePosition(line, column + length);
            return new SourceLocation(path, new TextSpan(Offset(line, column), length), new LinePositionSpan(start, end));
        }
    }
}

/// <summary>A value of a TOML key: its text (null for a kind the reader does not take), whether it was a string, and as written.</summary>
public sealed record TomlValue(string? Text, bool IsString, string Raw);

/// <summary>A <c>key = value</c> line; the key's dotted parts joined by '.', its line and column 0-based.</summary>
public sealed record TomlEntry(string Key, TomlValue Value, int Line, int Column);

/// <summary>A table: its header's dotted name ("" for the keys before the first header), array element or not, its lines.</summary>
public sealed record TomlTable(string Header, bool ArrayElement, int Line, List<TomlEntry> Entries)
{
    /// <summary>The last line of the table (0-based), its header's when it has no entries.</summary>
    public int EndLine { get; set; } = Line;
}

/// <summary>A line the reader did not understand, the header of the table it stands in, and why.</summary>
public sealed record TomlProblem(int Line, int Column, string Header, string Reason);

/// <summary>
/// A minimal TOML reader for the subset deployment.toml uses: comments, <c>[table]</c> and <c>[[array]]</c> headers,
/// <c>key = value</c> lines with bare, quoted and dotted keys, and values that are basic or literal strings, integers,
/// floats and booleans (on one line). An array, inline table, multi-line string or date is kept as written with no text;
/// a line it cannot read at all is a <see cref="TomlProblem"/>.
/// </summary>
public sealed class TomlText
{
    public List<TomlTable> Tables { get; } = [];

    public List<TomlProblem> Problems { get; } = [];

    public static TomlText Parse(string text)
    {
        var toml = new TomlText();
        var current = new TomlTable(string.Empty, false, 0, []);
        toml.Tables.Add(current);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                var array = trimmed.StartsWith("[[", StringComparison.Ordinal);
                var close = trimmed.IndexOf(array ? "]]" : "]", StringComparison.Ordinal);
                if (close < 0 || !IsBlankOrComment(trimmed[(close + (array ? 2 : 1))..]) || Key(trimmed[(array ? 2 : 1)..close]) is not { } header)
                {
                    toml.Problems.Add(new TomlProblem(i, indent, current.Header, "a table header the reader does not take"));
                    continue;
                }

                current = new TomlTable(header, array, i, []);
                toml.Tables.Add(current);
                continue;
            }

            var eq = EqualsOutsideQuotes(trimmed);
            if (eq <= 0 || Key(trimmed[..eq]) is not { } key)
            {
                toml.Problems.Add(new TomlProblem(i, indent, current.Header, "not a table header or a key = value line"));
                continue;
            }

            var rawValue = trimmed[(eq + 1)..].Trim();
            var quotes = rawValue.StartsWith("\"\"\"", StringComparison.Ordinal) ? "\"\"\"" : rawValue.StartsWith("'''", StringComparison.Ordinal) ? "'''" : null;
            var multiLine = quotes is not null ? rawValue.IndexOf(quotes, 3, StringComparison.Ordinal) < 0
                : rawValue.StartsWith('[') ? !rawValue.Contains(']', StringComparison.Ordinal) : rawValue.StartsWith('{') && !rawValue.Contains('}', StringComparison.Ordinal);
            if (multiLine)
            {
                // The value goes on to the line that closes it; its lines are no keys of their own.
                var closing = quotes ?? (rawValue[0] == '[' ? "]" : "}");
                var first = i;
                while (i + 1 < lines.Length)
                {
                    i++;
                    if (lines[i].Contains(closing, StringComparison.Ordinal))
                    {
                        break;
                    }
                }

                toml.Problems.Add(new TomlProblem(first, indent, current.Header, $"the value of '{key}' spans several lines, which the reader does not take"));
                current.Entries.Add(new TomlEntry(key, new TomlValue(null, false, rawValue), first, indent));
                current.EndLine = i;
                continue;
            }

            current.Entries.Add(new TomlEntry(key, Value(rawValue), i, indent));
            current.EndLine = i;
        }

        return toml;
    }

    private static bool IsBlankOrComment(string rest) => rest.Trim() is { Length: 0 } or ['#', ..];

    /// <summary>The index of the first '=' outside a quoted key part, or -1.</summary>
    private static int EqualsOutsideQuotes(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '=')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A bare, quoted or dotted key as its parts joined by '.'; null when it is not one.</summary>
    private static string? Key(string text)
    {
        var parts = new List<string>();
        var i = 0;
        text = text.Trim();
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= text.Length)
            {
                return null;
            }

            if (text[i] is '"' or '\'')
            {
                var end = text.IndexOf(text[i], i + 1);
                if (end < 0)
                {
                    return null;
                }

                parts.Add(text[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                if (i == start)
                {
                    return null;
                }

                parts.Add(text[start..i]);
            }

            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < text.Length)
            {
                if (text[i] != '.')
                {
                    return null;
                }

                i++;
            }
        }

        return parts.Count == 0 ? null : string.Join('.', parts);
    }

    /// <summary>A one-line value without its trailing comment.</summary>
    private static TomlValue Value(string raw)
    {
        if (raw.Length > 0 && raw[0] == '"')
        {
            var text = new StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '"')
                {
                    return IsBlankOrComment(raw[(i + 1)..]) ? new TomlValue(text.ToString(), true, raw[..(i + 1)]) : new TomlValue(null, false, raw);
                }

                if (c == '\\' && i + 1 < raw.Length)
                {
                    var next = raw[++i];
                    switch (next)
                    {
                        case 'n': text.Append('\n'); break;
                        case 't': text.Append('\t'); break;
                        case 'r': text.Append('\r'); break;
                        case 'b': text.Append('\b'); break;
                        case 'f': text.Append('\f'); break;
                        case '"': text.Append('"'); break;
                        case '\\': text.Append('\\'); break;
                        case 'u' when i + 4 < raw.Length && int.TryParse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                            text.Append((char)code);
                            i += 4;
                            break;
                        default: return new TomlValue(null, false, raw);
                    }

                    continue;
                }

                text.Append(c);
            }

            return new TomlValue(null, false, raw);
        }

        if (raw.Length > 0 && raw[0] == '\'')
        {
            var end = raw.IndexOf('\'', 1);
            return end > 0 && IsBlankOrComment(raw[(end + 1)..]) ? new TomlValue(raw[1..end], true, raw[..(end + 1)]) : new TomlValue(null, false, raw);
        }

        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var bare = (hash < 0 ? raw : raw[..hash]).Trim();
        if (bare is "true" or "false")
        {
            return new TomlValue(bare, false, bare);
        }

        var number = bare.Replace("_", string.Empty, StringComparison.Ordinal);
        if (number.Length > 0 && (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)))
        {
            return new TomlValue(number.TrimStart('+'), false, bare);
        }

        return new TomlValue(null, false, bare);
    }
}
