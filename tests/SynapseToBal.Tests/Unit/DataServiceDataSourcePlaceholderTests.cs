using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Where the Micro Integrator reads a data source's placeholder value: the config tool resolves $sys{x} and $env{x} of
/// deployment.toml when the server starts; ${x} reaches master-datasources.xml and RDBMSDataSourceReader reads it from the
/// system property x, else the environment variable x (CarbonUtils.resolveSystemProperty).
/// </summary>
public sealed class DataServiceDataSourcePlaceholderTests
{
    [Theory]
    [InlineData("$env{DB_URL}", true, "$env{DB_URL}", "the environment variable DB_URL", "when the server starts")]
    [InlineData("jdbc:mysql://$sys{db.host}:3306/x", true, "$sys{db.host}", "the system property db.host", "when the server starts")]
    [InlineData("${DB_URL}", true, "${DB_URL}", "the system property DB_URL, else the environment variable DB_URL", "writes it unchanged into master-datasources.xml")]
    [InlineData("$env{DB_URL}", false, "$env{DB_URL}", "the environment variable DB_URL", "when the server deploys the data source")]
    // CarbonUtils.resolveSystemProperty takes $sys{x} before $env{x}.
    [InlineData("$env{A}$sys{b}", false, "$sys{b}", "the system property b", "RDBMSDataSourceReader")]
    public void A_placeholder_says_where_the_value_comes_from(string value, bool fromToml, string placeholder, string source, string when)
    {
        var found = Lowerer.DataSourcePlaceholder(value, fromToml);

        Assert.NotNull(found);
        Assert.Equal(placeholder, found.Value.Placeholder);
        Assert.Equal(source, found.Value.Source);
        Assert.Contains(when, found.Value.When, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jdbc:h2:mem:orders")]
    [InlineData("$ref{server.db_url}")]
    [InlineData("$secret{db_password}")]
    [InlineData(null)]
    public void Other_text_is_taken_as_written(string? value)
    {
        Assert.Null(Lowerer.DataSourcePlaceholder(value, fromToml: true));
    }
}
