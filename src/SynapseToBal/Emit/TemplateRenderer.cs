using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace SynapseToBal.Emit;

/// <summary>
/// Loads the Scriban templates (embedded in the assembly, or overridden by name from a folder) once, and
/// renders flat view models through them. Templates only loop and branch; every value they print is
/// precomputed and already escaped.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly string? _overrideDirectory;
    private readonly ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _sources = new(StringComparer.Ordinal);

    public TemplateRenderer(string? overrideDirectory = null) => _overrideDirectory = overrideDirectory;

    /// <summary>Names of the templates shipped in the assembly.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(TemplateRenderer).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
        .Select(n => n["templates/".Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Scriban's built-in functions, built once (by reflection over its function classes) and shared read-only by
    /// every render: a default <see cref="TemplateContext"/> builds its own set each time, which cost a sixth of a
    /// corpus conversion.
    /// </summary>
    private static readonly ScriptObject Builtins = CreateBuiltins();

    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.IsReadOnly = true;
        return builtins;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Scriban imports the model's public properties by reflection (and reads "
        + "nested models the same way while rendering). Every model is a view model of this assembly (anonymous types and records built by the "
        + "emitter and the report writer), and a trimmed or Native AOT publish keeps this assembly whole (the CLI roots it: TrimmerRootAssembly in "
        + "SynapseToBal.Cli.csproj).")]
    public string Render(string name, object model)
    {
        var template = _cache.GetOrAdd(name, Load);

        // One context per thread, reused: a render per construct made a context (its stacks, caches and output
        // buffer) thousands of times per conversion. Each render pushes its own globals and pops them; a render that
        // throws leaves the context to be dropped.
        var context = _contexts.Value ?? NewContext();
        _contexts.Value = null;
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        context.PushGlobal(globals);

        // Each render writes into its own output, dropped afterwards: with the context's own StringBuilder output,
        // Scriban empties the builder after a render, and emptying a StringBuilder that grew past one chunk allocates one
        // array as large as the text again and keeps it in the context (per thread, for the rest of the conversion: the
        // size of the largest file, main.bal or functions.bal, twice over). Chunks of a fresh builder stay small.
        var output = new ChunkedOutput();
        context.PushOutput(output);
        template.Render(context);
        context.PopOutput();
        context.PopGlobal();
        _contexts.Value = context;
        return NormalizeBlankLines(output.Builder);
    }

    /// <summary>A render's output: a StringBuilder that Scriban does not recognise, so it is never emptied in place (see <see cref="Render"/>).</summary>
    private sealed class ChunkedOutput : IScriptOutput
    {
        public System.Text.StringBuilder Builder { get; } = new();

        public void Write(string text, int offset, int count) => Builder.Append(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Builder.Append(text, offset, count);
            return default;
        }

        /// <summary>
        /// Empty: <c>Template.Render(context)</c> returns its output's <c>ToString()</c>, which <see cref="Render"/> does not
        /// use (it reads <see cref="Builder"/>'s chunks), so the whole text is not copied once more for nothing.
        /// </summary>
        public override string ToString() => string.Empty;
    }

    private readonly ThreadLocal<TemplateContext?> _contexts = new();

    private static TemplateContext NewContext() => new(Builtins)
    {
        StrictVariables = true,
        LoopLimit = int.MaxValue,
        RecursiveLimit = 100,
        LimitToString = 0, // Scriban otherwise cuts the output at 1 MiB and appends "..."
        NewLine = "\n",
        MemberRenamer = StandardMemberRenamer.Default,
    };

    /// <summary>
    /// The text of a file shipped as is (not a template), such as <c>runtime/support.bal</c>: the file of that
    /// relative name in the override folder when there is one, otherwise the built-in one. Read once per renderer.
    /// </summary>
    public string ReadSource(string name) => _sources.GetOrAdd(name, n =>
    {
        var path = _overrideDirectory is null ? null : Path.Combine(_overrideDirectory, n);
        return path is not null && File.Exists(path) ? File.ReadAllText(path) : ReadBuiltIn(n);
    });

    public static string ReadBuiltIn(string name)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream("templates/" + name)
            ?? throw new InvalidOperationException($"No built-in template named '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private Template Load(string name)
    {
        string text;
        var path = _overrideDirectory is null ? null : Path.Combine(_overrideDirectory, name);
        if (path is not null && File.Exists(path))
        {
            text = File.ReadAllText(path);
        }
        else
        {
            text = ReadBuiltIn(name);
        }

        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            throw new TemplateException(name, string.Join("; ", template.Messages.Select(m => m.ToString())));
        }

        return template;
    }

    /// <summary>Output ends with exactly one newline and never has more than one blank line in a row.</summary>
    /// <summary>
    /// The rendered text with each line's trailing white space removed (a line ending's '\r' included), a run of blank
    /// lines kept as one blank line between two non-blank ones, none at the start or the end, and a final newline. Read
    /// from the render's chunks and written into a builder of small chunks, so the only copy of a large file's whole
    /// text is the returned string (the rendered text is never materialised).
    /// </summary>
    private static string NormalizeBlankLines(System.Text.StringBuilder rendered)
    {
        // The line being read is kept in a plain array (a StringBuilder that grew past one chunk allocated a new
        // array of its whole capacity on every Clear: a few per cent of a corpus conversion).
        var result = new System.Text.StringBuilder();
        var line = new char[256];
        var length = 0;
        var any = false;
        var blank = false;
        void Append(ReadOnlySpan<char> text)
        {
            if (length + text.Length > line.Length)
            {
                Array.Resize(ref line, Math.Max(line.Length * 2, length + text.Length));
            }

            text.CopyTo(line.AsSpan(length));
            length += text.Length;
        }

        void EndLine()
        {
            var end = length;
            while (end > 0 && char.IsWhiteSpace(line[end - 1]))
            {
                end--;
            }

            if (end == 0)
            {
                blank = any;
            }
            else
            {
                if (any)
                {
                    result.Append(blank ? "\n\n" : "\n");
                }

                result.Append(line, 0, end);
                any = true;
                blank = false;
            }

            length = 0;
        }

        foreach (var chunk in rendered.GetChunks())
        {
            var span = chunk.Span;
            while (!span.IsEmpty)
            {
                var newline = span.IndexOf('\n');
                if (newline < 0)
                {
                    Append(span);
                    break;
                }

                Append(span[..newline]);
                EndLine();
                span = span[(newline + 1)..];
            }
        }

        EndLine();
        return result.Append('\n').ToString();
    }
}

public sealed class TemplateException(string template, string message) : Exception($"Template '{template}': {message}")
{
    public string TemplateName { get; } = template;
}
