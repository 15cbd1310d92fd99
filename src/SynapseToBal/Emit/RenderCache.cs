using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>
/// Rendered constructs (a service of <c>main.bal</c>, a function of <c>functions.bal</c>) kept between runs into the
/// same output folder (the output stage stores it in the manifest folder), keyed by everything the render reads
/// (<see cref="RenderKey"/>): a rerun reuses the text of every construct whose key is unchanged instead of rendering it
/// again. The entries written are exactly those the run used, so the stored cache is the same whatever the previous
/// runs were (a conversion into an empty folder stores the same bytes).
/// </summary>
public sealed class RenderCache
{
    private readonly Dictionary<string, RenderedConstruct> _previous;
    private readonly SortedDictionary<string, RenderedConstruct> _used = new(StringComparer.Ordinal);

    public RenderCache()
        : this(new Dictionary<string, RenderedConstruct>(StringComparer.Ordinal))
    {
    }

    private RenderCache(Dictionary<string, RenderedConstruct> previous) => _previous = previous;

    /// <summary>
    /// The content hash of the input file a source path belongs to (an archive entry's, <c>app.car!entry</c>, is the
    /// archive's), or null when it is not known. A syntax node of a known file is keyed by that hash and its span
    /// instead of its XML: the parse of the same bytes by the same build gives the same node at the same span, and
    /// hashing each node's XML again for every construct (a nested node's XML is inside each of its parents') was most
    /// of the cost of a key.
    /// </summary>
    public Func<string, string?>? SourceHash { get; init; }

    /// <summary>Constructs taken from the previous run's entries.</summary>
    public int Reused { get; private set; }

    /// <summary>Constructs rendered (no entry, or a construct whose render could not be keyed).</summary>
    public int Rendered { get; private set; }

    /// <summary>Constructs whose render could not be keyed (<see cref="RenderKey"/>): rendered on every run.</summary>
    public int Unkeyed { get; private set; }

    internal RenderedConstruct GetOrRender(string? key, Func<RenderedConstruct> render)
    {
        if (key is null)
        {
            Unkeyed++;
            Rendered++;
            return render();
        }

        if (_used.TryGetValue(key, out var used))
        {
            Reused++;
            return used;
        }

        if (_previous.TryGetValue(key, out var previous))
        {
            Reused++;
            _used[key] = previous;
            return previous;
        }

        Rendered++;
        var rendered = render();
        _used[key] = rendered;
        return rendered;
    }

    /// <summary>The version of the stored format and of the keys' meaning: a cache of another version is not read (everything is rendered).</summary>
    public const int FormatVersion = 2;

    /// <summary>The cache as stored: the entries this run used, ordered by key.</summary>
    public string Serialize()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartArray("entries");
            foreach (var (key, entry) in _used)
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                json.WriteString("text", entry.Text);
                json.WriteStartArray("modules");
                foreach (var module in entry.Modules)
                {
                    json.WriteStringValue(module);
                }

                json.WriteEndArray();
                json.WriteStartArray("namespaces");
                foreach (var ns in entry.Namespaces)
                {
                    json.WriteStartObject();
                    json.WriteString("uri", ns.Uri);
                    json.WriteStartArray("prefixes");
                    foreach (var prefix in ns.SourcePrefixes)
                    {
                        json.WriteStringValue(prefix);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteBoolean("inspected", entry.PlaceholderInspected);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A cache read from its stored text; an empty one when the text is not a cache of this version (it is only a speed-up).</summary>
    public static RenderCache Parse(string? text, Func<string, string?>? sourceHash = null)
    {
        var entries = new Dictionary<string, RenderedConstruct>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return new RenderCache(entries) { SourceHash = sourceHash };
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != FormatVersion)
            {
                return new RenderCache(entries) { SourceHash = sourceHash };
            }

            foreach (var entry in root.GetProperty("entries").EnumerateArray())
            {
                var namespaces = entry.GetProperty("namespaces").EnumerateArray()
                    .Select(n => new RecordedNamespace(n.GetProperty("uri").GetString()!, n.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()!).ToList()))
                    .ToList();
                entries[entry.GetProperty("key").GetString()!] = new RenderedConstruct(
                    entry.GetProperty("text").GetString()!,
                    entry.GetProperty("modules").EnumerateArray().Select(m => m.GetString()!).ToList(),
                    namespaces,
                    entry.GetProperty("inspected").GetBoolean());
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            entries.Clear();
        }

        return new RenderCache(entries) { SourceHash = sourceHash };
    }
}

/// <summary>
/// The key of a construct's render: a SHA-256 of a text that holds everything the render reads. The construct's refined
/// node is written whole, by reflection over its state (as <see cref="IrPrinter"/> reads it), with: each symbol as the
/// name the refiner gave it (so a rename elsewhere that renames a symbol it references changes the key), an empty flow
/// written inline as its body, each body's property locals and which steps declare them, each JSON payload's record
/// type, each syntax node as its kind, line and column span and XML; and the package-wide inputs given by the emitter (options,
/// throttle facts, template text, the converter's build). A value of a kind the writer does not know makes the
/// construct unkeyed: it is rendered, never reused.
/// </summary>
internal sealed class RenderKey
{
    private static readonly string Build = typeof(RenderKey).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);
    private const int MaxDepth = 300;

    private readonly StringBuilder _text = new();
    private readonly NameMap _names;
    private readonly PropertyLocals _locals;
    private readonly PayloadTypes _payloadTypes;
    private readonly IReadOnlyDictionary<Symbol, FunctionIr> _inlinedFlows;
    private readonly HashSet<object> _ancestors = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<BodyLocals> _bodies = new();

    private readonly Func<string, string?>? _sourceHash;

    private RenderKey(NameMap names, PropertyLocals locals, PayloadTypes payloadTypes, IReadOnlyDictionary<Symbol, FunctionIr> inlinedFlows, Func<string, string?>? sourceHash)
    {
        _sourceHash = sourceHash;
        _names = names;
        _locals = locals;
        _payloadTypes = payloadTypes;
        _inlinedFlows = inlinedFlows;
    }

    /// <summary>The key of a construct, or null when something it holds cannot be written.</summary>
    /// <param name="context">The package-wide inputs of the render (options, facts, template text), in a fixed order.</param>
    /// <param name="sourceHash">The content hash of the input file of a source path (<see cref="RenderCache.SourceHash"/>), or null to key syntax nodes by their XML.</param>
    public static string? Of(object node, IEnumerable<string> context, NameMap names, PropertyLocals locals, PayloadTypes payloadTypes, IReadOnlyDictionary<Symbol, FunctionIr> inlinedFlows, Func<string, string?>? sourceHash = null)
    {
        var key = new RenderKey(names, locals, payloadTypes, inlinedFlows, sourceHash);
        key._text.Append("build ").Append(Build).Append('\n');
        foreach (var part in context)
        {
            key.String(part);
        }

        if (!key.Write(node, 0))
        {
            return null;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key._text.ToString())));
    }

    private void String(string text) => _text.Append('s').Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);

    private bool Write(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (value)
        {
            case null:
                _text.Append('~');
                return true;
            case string text:
                String(text);
                return true;
            case bool b:
                _text.Append(b ? 'T' : 'F');
                return true;
            case Enum e:
                _text.Append('e').Append(e.GetType().FullName).Append('.').Append(e.ToString()).Append(';');
                return true;
            case int or long or double or decimal or float or short or byte or uint or ulong:
                _text.Append('n').Append(System.Convert.ToString(value, CultureInfo.InvariantCulture)).Append(';');
                return true;
            case char c:
                _text.Append('c').Append(c);
                return true;
            case Symbol symbol:
                return WriteSymbol(symbol, depth);
            case Syntax.SourceLocation location:
                Location(location);
                return true;
            case Syntax.ISyntaxNode node:
                _text.Append("syntax ").Append(node.GetType().FullName).Append(' ');
                Location(node.Location);
                if (_sourceHash?.Invoke(node.Location.Path) is { } hash)
                {
                    // The file's bytes and the node's span and kind fix its XML (the build is in the key); its length
                    // is written too, a check on nodes made in lowering from another node's parts.
                    _text.Append('h').Append(hash).Append(';').Append(node.RawXml.Length.ToString(CultureInfo.InvariantCulture)).Append(';');
                }
                else
                {
                    String(node.RawXml);
                }

                if (node is Syntax.ArtifactSyntax artifact)
                {
                    String(artifact.Name);
                }

                _text.Append(';');
                return true;
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            _text.Append("kv(");
            return Write(Member(type, "Key", value), depth + 1) && Write(Member(type, "Value", value), depth + 1) && Close();
        }

        if (value is IEnumerable items)
        {
            if (value is not IList)
            {
                // Not a list (a set, a dictionary): its order is not one this key can rely on being the same in every run.
                return false;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
                && (bool)Member(type, "IsDefault", value)!)
            {
                _text.Append("[default]");
                return true;
            }

            _text.Append('[');
            foreach (var item in items)
            {
                if (!Write(item, depth + 1))
                {
                    return false;
                }

                _text.Append(',');
            }

            _text.Append(']');
            return true;
        }

        if (type.Namespace is not { } ns || !ns.StartsWith("SynapseToBal.", StringComparison.Ordinal) || type.IsValueType && !IsRecordStruct(type))
        {
            return false; // a kind of value the key does not know: not keyed
        }

        if (!_ancestors.Add(value))
        {
            return false; // a cycle
        }

        try
        {
            var body = value is ResourceIr or FunctionIr;
            if (body)
            {
                var locals = _locals.For(value);
                _bodies.Push(locals);
                _text.Append("locals[");
                foreach (var (property, local) in locals.Entries)
                {
                    String(property);
                    if (!Write(local, depth + 1))
                    {
                        return false;
                    }
                }

                _text.Append(']');
            }

            _text.Append('{').Append(type.FullName).Append(' ');
            foreach (var member in IrMembers.Of(type))
            {
                _text.Append(member.Name).Append('=');
                if (!Write(member.GetValue(value), depth + 1))
                {
                    return false;
                }
            }

            if (value is JsonEvalIr path && _payloadTypes.Read(path) is { } read && !Write(read, depth + 1))
            {
                return false;
            }

            if (value is StepIr step)
            {
                if (_bodies.TryPeek(out var locals) && locals.Declares(step))
                {
                    _text.Append(" declares");
                }

                if (step is SetPayloadStep payload && _payloadTypes[payload] is { } payloadType && !Write(payloadType, depth + 1))
                {
                    return false;
                }

                if (step is JsonValidateStep validate && _payloadTypes[validate] is { } validated && !Write(validated, depth + 1))
                {
                    return false;
                }
            }

            if (body)
            {
                _bodies.Pop();
            }

            _text.Append('}');
            return true;
        }
        finally
        {
            _ancestors.Remove(value);
        }
    }

    private const string OptInJustification = "The render cache is opt-in (OutputOptions.ReuseRenders; the CLI never sets it) and reads members of this assembly's own IR types, which the CLI's publish roots whole (TrimmerRootAssembly), and the Key/Value/IsDefault properties of the KeyValuePair and ImmutableArray instantiations those types hold.";

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = OptInJustification)]
    private static bool IsRecordStruct(Type type) => type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = OptInJustification)]
    private static object? Member(Type type, string name, object value) => type.GetProperty(name)!.GetValue(value);

    private bool Close()
    {
        _text.Append(')');
        return true;
    }

    private bool WriteSymbol(Symbol symbol, int depth)
    {
        _text.Append("sym ").Append(symbol.Kind.ToString()).Append(' ');
        if (!_names.TryGet(symbol, out var name))
        {
            return false;
        }

        String(name);
        if (_inlinedFlows.TryGetValue(symbol, out var flow))
        {
            _text.Append(" inlined ");
            return Write(flow, depth + 1);
        }

        return true;
    }

    private void Location(Syntax.SourceLocation location)
    {
        _text.Append('@');
        String(location.Path);
        // Lines and columns only: a render writes line numbers and indents by the column, never the character offset
        // (which every edit earlier in the file moves).
        _text.Append(location.LineSpan.Start.Line.ToString(CultureInfo.InvariantCulture)).Append(':').Append(location.LineSpan.Start.Character.ToString(CultureInfo.InvariantCulture))
            .Append('-').Append(location.LineSpan.End.Line.ToString(CultureInfo.InvariantCulture)).Append(':').Append(location.LineSpan.End.Character.ToString(CultureInfo.InvariantCulture)).Append(';');
    }
}
