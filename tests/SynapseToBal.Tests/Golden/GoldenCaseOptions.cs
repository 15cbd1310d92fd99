using SynapseToBal.Driver;

namespace SynapseToBal.Tests.Golden;

/// <summary>
/// The conversion options a golden case asks for: an <c>options.txt</c> beside its <c>input/</c> folder, one option a
/// line as the CLI spells it without dashes (<c>keep-structure</c>), <c>#</c> starting a comment. A case without the
/// file converts with the defaults.
/// </summary>
internal static class GoldenCaseOptions
{
    public const string FileName = "options.txt";

    /// <summary><paramref name="options"/> with the options of the case whose input is <paramref name="input"/>.</summary>
    public static ConversionOptions Apply(ConversionOptions options, string input)
    {
        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar)) ?? input, FileName);
        if (Path.GetFileName(input.TrimEnd(Path.DirectorySeparatorChar)) != "input" || !File.Exists(file))
        {
            return options;
        }

        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.Split('#')[0].Trim();
            options = line switch
            {
                "" => options,
                "keep-structure" => options with { KeepStructure = true },
                "synapse-log-lines" => options with { SynapseLogLines = true },
                "typed-payloads" => options with { TypedPayloads = true },
                _ => throw new InvalidOperationException($"{file}: unknown option '{line}'"),
            };
        }

        return options;
    }
}
