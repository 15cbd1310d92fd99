using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Which placeholders of a data source's value the Micro Integrator resolves: the config tool resolves every $sys{x}
/// and $env{x} of deployment.toml when the server starts (ReferenceResolver); ${x} reaches master-datasources.xml and
/// RDBMSDataSourceReader reads it from the system property x, else the environment variable x; in a data-source
/// artifact CarbonUtils.resolveSystemProperty resolves only the first $sys{x} (each occurrence), else the first $env{x},
/// else the ${x}: any other placeholder stays text.
/// </summary>
public sealed class DataServiceDataSourcePlaceholderTests
{
    /// <summary>The parts as text: a placeholder as <c>[kind:name]</c>, text as written.</summary>
    private static string Show(string value, bool fromToml) =>
        Lowerer.DataSourceParts(value, fromToml) is { } parts
            ? string.Concat(parts.Select(p => p.Kind is null ? p.Text : $"[{p.Kind}:{p.Name}]"))
            : "(as written)";

    [Theory]
    [InlineData("$env{DB_URL}", true, "[env:DB_URL]")]
    [InlineData("jdbc:mysql://$sys{db.host}:3306/x", true, "jdbc:mysql://[sys:db.host]:3306/x")]
    [InlineData("${DB_URL}", true, "[prop:DB_URL]")]
    // Every placeholder of deployment.toml: $sys and $env by the config tool, ${x} by the data-source reader.
    [InlineData("jdbc:mysql://$env{DB_HOST}:3306/$env{DB_NAME}", true, "jdbc:mysql://[env:DB_HOST]:3306/[env:DB_NAME]")]
    [InlineData("jdbc:mysql://$sys{h}:${port}/$env{db}", true, "jdbc:mysql://[sys:h]:[prop:port]/[env:db]")]
    [InlineData("$env{DB_URL}", false, "[env:DB_URL]")]
    // resolveSystemProperty takes the first $sys{x} before any $env{x}, else every ${x}, one variable a pass; a value
    // of <configuration>'s own elements goes through two passes (replaceSystemVariablesInXml).
    [InlineData("$env{A}$sys{b}", false, "[env:A][sys:b]")]
    [InlineData("jdbc:mysql://$env{DB_HOST}:3306/$env{DB_NAME}", false, "jdbc:mysql://[env:DB_HOST]:3306/[env:DB_NAME]")]
    [InlineData("$env{A}/$env{B}/$env{C}", false, "[env:A]/[env:B]/$env{C}")]
    [InlineData("$sys{a}/$sys{b}/$env{C}", false, "[sys:a]/[sys:b]/$env{C}")]
    [InlineData("$env{A}/${B}/${C}", false, "[env:A]/[prop:B]/[prop:C]")]
    [InlineData("$env{A}/$env{A}", false, "[env:A]/[env:A]")]
    [InlineData("jdbc:h2:${carbon.home}/db/${DB}", false, "jdbc:h2:[prop:carbon.home]/db/[prop:DB]")]
    [InlineData("${A}$sys{b}", false, "[prop:A][sys:b]")]
    [InlineData("${A}$sys{b}$env{c}", false, "${A}[sys:b][env:c]")]
    public void The_placeholders_the_Micro_Integrator_resolves_are_parts(string value, bool fromToml, string expected)
    {
        Assert.Equal(expected, Show(value, fromToml));
    }

    [Theory]
    [InlineData("jdbc:h2:mem:orders")]
    [InlineData("$ref{server.db_url}")]
    [InlineData("$secret{db_password}")]
    [InlineData("${}")]
    [InlineData(null)]
    public void Other_text_is_taken_as_written(string? value)
    {
        Assert.Null(Lowerer.DataSourceParts(value, fromToml: true));
        Assert.Null(Lowerer.DataSourceParts(value, fromToml: false));
    }
}
