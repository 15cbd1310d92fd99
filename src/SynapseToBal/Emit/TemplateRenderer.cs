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

        // Each render writes into its own output, which normalizes the blank lines as the text arrives
        // (NormalizingOutput): the rendered text is never held whole before it is normalized, and a thread reuses its
        // output's small buffers from one render to the next (a render per construct made them thousands of times).
        var output = _outputs.Value ?? new NormalizingOutput();
        _outputs.Value = null;
        context.PushOutput(output);
        template.Render(context);
        context.PopOutput();
        context.PopGlobal();
        _contexts.Value = context;
        var text = output.Finish();
        _outputs.Value = output;
        return text;
    }

    private readonly ThreadLocal<NormalizingOutput?> _outputs = new();

    /// <summary>
    /// A render's output, normalized as it is written (<see cref="Normalize"/>: each line's trailing white space removed,
    /// a line ending's '\r' included, a run of blank lines kept as one blank line between two non-blank ones, none at the
    /// start or the end, and a final newline). Only the normalized text is kept, in a builder that a thread reuses while
    /// it stays one chunk (<see cref="ReusedCapacity"/>); a larger text's builder is dropped after its render (emptying a
    /// StringBuilder that grew past one chunk allocates an array as large as the text again). Scriban does not
    /// recognise this output as a StringBuilder, so it never empties it in place either.
    /// </summary>
    private sealed class NormalizingOutput : IScriptOutput
    {
        /// <summary>The capacity of a result builder kept from one render to the next: a construct's text fits, a large file's does not.</summary>
        private const int ReusedCapacity = 16 * 1024;

        private System.Text.StringBuilder _result = new(ReusedCapacity);

        // The line being read is kept in a plain array (a StringBuilder that grew past one chunk allocated a new
        // array of its whole capacity on every Clear: a few per cent of a corpus conversion).
        private char[] _line = new char[256];
        private int _length;
        private bool _any;
        private bool _blank;

        public void Write(string text, int offset, int count) => Normalize(text.AsSpan(offset, count));

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Normalize(text.AsSpan(offset, count));
            return default;
        }

        /// <summary>
        /// Empty: <c>Template.Render(context)</c> returns its output's <c>ToString()</c>, which <see cref="Render"/> does not
        /// use (it takes <see cref="Finish"/>), so the whole text is not copied once more for nothing.
        /// </summary>
        public override string ToString() => string.Empty;

        /// <summary>The normalized text of everything written since the last call; the output is then empty again.</summary>
        public string Finish()
        {
            EndLine();
            var text = _result.Append('\n').ToString();
            if (_result.Capacity == ReusedCapacity)
            {
                // Still one chunk: emptying it allocates nothing.
                _result.Clear();
            }
            else
            {
                _result = new System.Text.StringBuilder(ReusedCapacity);
            }

            if (_line.Length > 4096)
            {
                _line = new char[256];
            }

            _any = false;
            _blank = false;
            return text;
        }

        private void Normalize(ReadOnlySpan<char> span)
        {
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

        private void Append(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _line.Length)
            {
                Array.Resize(ref _line, Math.Max(_line.Length * 2, _length + text.Length));
            }

            text.CopyTo(_line.AsSpan(_length));
            _length += text.Length;
        }

        private void EndLine()
        {
            var end = _length;
            while (end > 0 && char.IsWhiteSpace(_line[end - 1]))
            {
                end--;
            }

            if (end == 0)
            {
                _blank = _any;
            }
            else
            {
                if (_any)
                {
                    _result.Append(_blank ? "\n\n" : "\n");
                }

                _result.Append(_line, 0, end);
                _any = true;
                _blank = false;
            }

            _length = 0;
        }
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
}

public sealed class TemplateException(string template, string message) : Exception($"Template '{template}': {message}")
{
    public string TemplateName { get; } = template;
}
