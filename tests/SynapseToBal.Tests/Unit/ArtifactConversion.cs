using SynapseToBal.Driver;

namespace SynapseToBal.Tests.Unit;

/// <summary>Converts a few artifacts written as text, each in its own file of a temporary project, and returns the generated files by relative path.</summary>
internal static class ArtifactConversion
{
    public static Dictionary<string, string> Convert(params string[] artifacts) =>
        Result(artifacts).Files.ToDictionary(f => f.RelativePath, f => f.Content);

    /// <summary>The whole conversion of the artifacts: the generated files and the diagnostics.</summary>
    public static ConversionResult Result(params string[] artifacts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < artifacts.Length; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"a{i}.xml"), artifacts[i]);
            }

            return Converter.Convert(new ConversionOptions(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
