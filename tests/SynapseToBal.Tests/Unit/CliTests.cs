using SynapseToBal.Cli;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class CliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("synapse2bal-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Convert_writes_a_ballerina_package_and_exits_0()
    {
        var output = Path.Combine(_temp, "out");
        var (code, stdout, _) = Run("convert", Path.Combine(TestPaths.Examples, "order-api"), "-o", output, "-g", "acme", "-p", "orders");
        Assert.Equal(0, code);
        Assert.Contains("Converted 4 artifacts from 4 files", stdout);
        foreach (var file in new[] { "Ballerina.toml", "main.bal", "functions.bal", "types.bal", "connections.bal", "configs.bal", "support.bal", "Config.toml" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file + " was not written");
        }

        var toml = File.ReadAllText(Path.Combine(output, "Ballerina.toml"));
        Assert.Contains("org = \"acme\"", toml);
        Assert.Contains("name = \"orders\"", toml);
    }

    [Fact]
    public void Default_output_folder_is_the_input_with_a_converted_suffix()
    {
        var input = Path.Combine(_temp, "project");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "s.xml"), "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"S\"><log/></sequence>");
        var (code, _, _) = Run("convert", input);
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_temp, "project_converted", "functions.bal")));
    }

    [Fact]
    public void Error_diagnostics_exit_1_and_go_to_stderr()
    {
        var input = Path.Combine(_temp, "broken.xml");
        File.WriteAllText(input, "<api name=\"a\" context=\"/a\"><resource></api>");
        var (code, _, stderr) = Run("convert", input, "-o", Path.Combine(_temp, "out"));
        Assert.Equal(1, code);
        Assert.Contains("error SB0002", stderr);
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("frobnicate")]
    [InlineData("convert", "x.xml", "--no-such-option")]
    public void Bad_usage_exits_2(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void Missing_input_exits_2() => Assert.Equal(2, Run("convert", Path.Combine(_temp, "nope.xml")).Code);

    [Fact]
    public void Help_and_version_exit_0()
    {
        var help = Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("convert", help.Out);
        var version = Run("--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"synapse2bal \d+\.\d+\.\d+", version.Out);
    }

    [Fact]
    public void Templates_folder_overrides_a_template_by_name()
    {
        var templates = Path.Combine(_temp, "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "configs.bal.sbn"), "// custom configs\n");
        var output = Path.Combine(_temp, "out");
        var (code, _, _) = Run("convert", Path.Combine(TestPaths.Examples, "order-api"), "-o", output, "--templates", templates);
        Assert.Equal(0, code);
        Assert.Equal("// custom configs\n", File.ReadAllText(Path.Combine(output, "configs.bal")));
    }
}
