namespace SynapseToBal.Tests;

/// <summary>Locates the repository and the shared corpus from the test assembly's folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SynapseToBal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SynapseToBal.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>The test project's folder.</summary>
    public static string TestProject => Path.Combine(RepositoryRoot, "tests", "SynapseToBal.Tests");

    public static string Cases => Path.Combine(TestProject, "Cases");

    /// <summary>The runtime support module's tests and its one golden copy (<c>Runtime/expected/</c>).</summary>
    public static string Runtime => Path.Combine(TestProject, "Runtime");

    /// <summary>Small projects in every input form (deployment folder, Integration Studio, MI 4.x).</summary>
    public static string Inputs => Path.Combine(RepositoryRoot, "tests", "SynapseToBal.Tests", "Inputs");

    public static string Examples => Path.Combine(RepositoryRoot, "examples");

    /// <summary>The shared corpus beside the repository (<c>../shared/corpus</c>), or null when it is absent.</summary>
    public static string? Corpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }
}
