using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// A deterministic, readable text dump of the IR (a <see cref="PackageIr"/> or any node of it), for golden files
/// and debugging. Generic by reflection, so new or changed IR nodes need no change here:
/// <list type="bullet">
/// <item>one node per line, indented two spaces per depth: the type name (<c>Outer.Nested</c> for nested
/// records), then <c>Prop=value</c> for each scalar property (strings quoted and escaped, enums by name);</item>
/// <item>child nodes and arrays on the following lines under a <c>Prop:</c> line, one item per line;</item>
/// <item>null values and empty arrays are left out;</item>
/// <item>syntax nodes (<c>SynapseToBal.Syntax</c>, such as an <c>Origin</c>) and <see cref="SourceLocation"/>
/// values print only as <c>@line:col</c>: never their XML, never a file path;</item>
/// <item>strings under <c>sourceRoot</c> (the source files of the IR) print relative to it, with <c>/</c>.</item>
/// </list>
/// The properties printed are a node's state: public instance properties with a setter (record parameters,
/// <c>init</c> properties) or an auto-property backing field; computed properties (such as
/// <see cref="StepIr.Terminates"/>) and the record's <c>EqualityContract</c> are not. A node met again among its
/// own ancestors prints as <c>TypeName (cycle)</c>.
/// </summary>
public static class IrPrinter
{
    private const string Indent = "  ";
    private static readonly string SyntaxNamespace = typeof(SourceLocation).Namespace!;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();
    private static readonly ConcurrentDictionary<Type, HashSet<string>> OptionalByType = new();

    /// <summary>Why the reflection below is safe in a trimmed or Native AOT publish.</summary>
    private const string Reflection = "The printout is for golden files and debugging (the CLI never prints IR); it reads the public properties, "
        + "constructors and backing fields of this assembly's own node types, which a trimmed or Native AOT publish keeps whole (the CLI roots this "
        + "assembly: TrimmerRootAssembly in SynapseToBal.Cli.csproj), and ImmutableArray's IsDefault.";

    /// <param name="root">The node to print; null prints <c>(none)</c>.</param>
    /// <param name="sourceRoot">The folder the IR's source files are under; strings that are paths below it print relative to it.</param>
    public static string Print(object? root, string? sourceRoot = null)
    {
        if (root is null)
        {
            return "(none)\n";
        }

        var printer = new Printer(sourceRoot);
        printer.Item(root, 0);
        return printer.ToString();
    }

    /// <summary>A string as a quoted literal: <c>\\</c>, <c>\"</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, other control characters as <c>\uXXXX</c>.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The name a node prints under: nested types with their outer types (<c>PathSegmentIr.Literal</c>), no generic arity.</summary>
    public static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        return type.DeclaringType is { } outer ? TypeName(outer) + "." + name : name;
    }

    private sealed class Printer(string? sourceRoot)
    {
        private readonly StringBuilder _text = new();
        private readonly HashSet<object> _ancestors = new(ReferenceEqualityComparer.Instance);
        private readonly string? _rootPrefix = sourceRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot));

        public override string ToString() => _text.ToString();

        /// <summary>An item of an array or the root: an inline value on its own line, or a node.</summary>
        public void Item(object value, int depth)
        {
            if (Inline(value) is { } inline)
            {
                Line(depth, inline);
            }
            else
            {
                Node(value, depth);
            }
        }

        private void Node(object node, int depth)
        {
            var type = node.GetType();
            if (!type.IsValueType && !_ancestors.Add(node))
            {
                Line(depth, TypeName(type) + " (cycle)");
                return;
            }

            var header = new StringBuilder(TypeName(type));
            var children = new List<(string Name, object Value)>();
            foreach (var property in Properties(type))
            {
                var value = property.GetValue(node);
                if (value is null || IsEmptyArray(value) || (value is false or "" && IsOptional(type, property)))
                {
                    continue;
                }

                if (Inline(value) is { } inline)
                {
                    header.Append(' ').Append(property.Name).Append('=').Append(inline);
                }
                else
                {
                    children.Add((property.Name, value));
                }
            }

            Line(depth, header.ToString());
            foreach (var (name, value) in children)
            {
                Line(depth + 1, name + ":");
                if (value is IEnumerable items)
                {
                    foreach (var item in items)
                    {
                        if (item is not null)
                        {
                            Item(item, depth + 2);
                        }
                    }
                }
                else
                {
                    Node(value, depth + 2);
                }
            }

            if (!type.IsValueType)
            {
                _ancestors.Remove(node);
            }
        }

        /// <summary>The one-token form of a scalar, a location or a syntax node; null for nodes and arrays.</summary>
        [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Reflection)]
        private string? Inline(object value)
        {
            switch (value)
            {
                case string text:
                    return Quote(RelativePath(text));
                case RawXmlText raw:
                    return Quote(RelativePath(raw.ToString())); // printed as the string it stands for
                case char c:
                    return Quote(c.ToString());
                case bool flag:
                    return flag ? "true" : "false";
                case Enum:
                    return value.ToString();
                case SourceLocation location:
                    return At(location);
                case Symbol symbol:
                    return symbol.Kind + "(" + Quote(symbol.Hint) + ")";
                case Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor:
                    return descriptor.Id;
                case IFormattable formattable when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
            }

            var type = value.GetType();
            if (type.Namespace == SyntaxNamespace)
            {
                var location = type.GetProperty("Location", BindingFlags.Public | BindingFlags.Instance);
                return location?.PropertyType == typeof(SourceLocation) && location.GetValue(value) is SourceLocation at ? At(at) : "@?";
            }

            return null;
        }

        private static string At(SourceLocation location) =>
            "@" + location.Line.ToString(CultureInfo.InvariantCulture) + ":" + (location.LineSpan.Start.Character + 1).ToString(CultureInfo.InvariantCulture);

        private string RelativePath(string text)
        {
            if (_rootPrefix is null || !text.StartsWith(_rootPrefix, StringComparison.Ordinal))
            {
                return text;
            }

            if (text.Length == _rootPrefix.Length)
            {
                return ".";
            }

            var next = text[_rootPrefix.Length];
            return next == Path.DirectorySeparatorChar || next == Path.AltDirectorySeparatorChar
                ? text[(_rootPrefix.Length + 1)..].Replace('\\', '/')
                : text;
        }

        [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Reflection)]
        private static bool IsEmptyArray(object value)
        {
            var type = value.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
                && type.GetProperty("IsDefault")?.GetValue(value) is true)
            {
                return true;
            }

            if (value is string || value is not IEnumerable items)
            {
                return false;
            }

            var enumerator = items.GetEnumerator();
            try
            {
                return !enumerator.MoveNext();
            }
            finally
            {
                (enumerator as IDisposable)?.Dispose();
            }
        }

        private void Line(int depth, string text)
        {
            for (var i = 0; i < depth; i++)
            {
                _text.Append(Indent);
            }

            _text.Append(text).Append('\n');
        }
    }

    /// <summary>A node's state properties, base types' first, each in declaration order.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = Reflection)]
    private static PropertyInfo[] Properties(Type type) => PropertiesByType.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0 && p.GetMethod is not null && IsState(p))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => Depth(p.DeclaringType)).First())
            .OrderBy(p => Depth(p.DeclaringType))
            .ThenBy(p => p.MetadataToken)
            .ToArray());

    /// <summary>
    /// An init-only property that is not a parameter of the record's constructor: an optional setting whose default
    /// (false, or an empty text) says nothing, so the printout leaves it out.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = Reflection)]
    private static bool IsOptional(Type type, PropertyInfo property) => OptionalByType.GetOrAdd(type, static t =>
    {
        var positional = t.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        return Properties(t).Where(p => !positional.Contains(p.Name)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }).Contains(property.Name);

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Reflection)]
    private static bool IsState(PropertyInfo property) =>
        property.SetMethod is not null
        || property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static int Depth(Type? type)
    {
        var depth = 0;
        for (; type is not null; type = type.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
