using SynapseToBal.Driver;
using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>The runtime module's source, for tests that check what a runtime function does and in which order.</summary>
internal static class RuntimeSourceText
{
    /// <summary><c>support.bal</c>, with Unix line ends.</summary>
    public static readonly string Support = TemplateRenderer.ReadBuiltIn(RuntimeModule.SupportSource).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary><c>types.bal</c>, with Unix line ends.</summary>
    public static readonly string Types = TemplateRenderer.ReadBuiltIn(RuntimeModule.TypesSource).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The text of a top-level function of <c>support.bal</c>, from its signature to its closing brace.</summary>
    public static string Function(string name)
    {
        var start = Support.IndexOf($"\nfunction {name}(", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no function {name}");
        var end = Support.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return Support[start..(end + 2)];
    }

    /// <summary>Asserts that each part occurs in the text after the previous one.</summary>
    public static void InOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{part}' does not follow in order in:\n{text}");
            at = next + part.Length;
        }
    }
}
