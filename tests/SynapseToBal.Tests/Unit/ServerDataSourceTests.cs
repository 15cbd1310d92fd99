using SynapseToBal.Diagnostics;
using SynapseToBal.Project;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The [[datasource]] entries of a deployment.toml, read as the config tool renders them into master-datasources.xml.</summary>
public sealed class ServerDataSourceTests
{
    [Fact]
    public void The_reader_takes_strings_numbers_booleans_dotted_keys_and_arrays_of_tables()
    {
        var toml = TomlText.Parse("""
            top = 1
            [server]
            hostname = "local\"host" # a comment
            "quoted.key" = 'C:\path'
            [[datasource]]
            id = "A"
            pool_options.maxWait = 60_000
            enabled = true
            ratio = +1.5
            [[datasource]]
            id = "B"
            [datasource.pool_options]
            testOnBorrow = false
            """);
        Assert.Empty(toml.Problems);
        Assert.Equal(["", "server", "datasource", "datasource", "datasource.pool_options"], toml.Tables.Select(t => t.Header));
        Assert.Equal([false, false, true, true, false], toml.Tables.Select(t => t.ArrayElement));
        var server = toml.Tables[1].Entries;
        Assert.Equal("local\"host", server[0].Value.Text);
        Assert.Equal("quoted.key", server[1].Key);
        Assert.Equal(@"C:\path", server[1].Value.Text);
        var first = toml.Tables[2].Entries;
        Assert.Equal(("pool_options.maxWait", "60000"), (first[1].Key, first[1].Value.Text));
        Assert.Equal("true", first[2].Value.Text);
        Assert.False(first[2].Value.IsString);
        Assert.Equal("1.5", first[3].Value.Text);
    }

    [Fact]
    public void A_multi_line_value_is_a_problem_and_its_lines_are_no_keys()
    {
        var toml = TomlText.Parse("""
            [[datasource]]
            id = "A"
            hosts = [
              "a",
              "b",
            ]
            url = "jdbc:h2:mem:a"
            """);
        var problem = Assert.Single(toml.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal(["id", "hosts", "url"], toml.Tables[1].Entries.Select(e => e.Key));
        Assert.Null(toml.Tables[1].Entries[1].Value.Text);
    }

    [Fact]
    public void A_datasource_entry_becomes_the_data_source_the_template_renders()
    {
        var diagnostics = new DiagnosticBag();
        var document = ServerDataSources.Read("deployment.toml", """
            [[datasource]]
            id = "OrdersDB"
            url = "jdbc:mysql://db:3306/orders"
            username = "app"
            password = "literal-pass"
            driver = "com.mysql.cj.jdbc.Driver"
            jmx_enable = false
            pool_options.maxActive = 50

            [[datasource]]
            id = "VaultDB"
            url = "jdbc:h2:mem:v"
            password = "$secret{vault_db}"
            driver = "org.h2.Driver"
            [datasource.pool_options]
            testOnBorrow = true
            """, diagnostics);
        Assert.NotNull(document);
        var sources = document.Artifacts.Cast<DataSourceSyntax>().ToList();
        Assert.Equal(["OrdersDB", "VaultDB"], sources.Select(s => s.Name));
        var orders = sources[0];
        Assert.Equal("RDBMS", orders.Type);
        Assert.Equal("jdbc/OrdersDB", orders.JndiName);
        Assert.Equal(["url", "username", "password", "driverClassName", "jmxEnabled", "maxActive"], orders.Properties.Select(p => p.Name));
        Assert.Equal("com.mysql.cj.jdbc.Driver", orders.Properties.Single(p => p.Name == "driverClassName").Value);
        Assert.Equal(3, orders.Properties.Single(p => p.Name == "url").Location.Line);
        // The TODO of an unused data source carries this text: never the password.
        Assert.DoesNotContain("literal-pass", orders.RawXml.ToString(), StringComparison.Ordinal);
        Assert.Contains("password = \"****\"", orders.RawXml.ToString(), StringComparison.Ordinal);
        var vault = sources[1];
        Assert.Equal("vault_db", vault.SecretAliases["password"]);
        Assert.Contains(vault.Properties, p => p.Name == "testOnBorrow" && p.Value == "true");
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void What_the_template_does_not_render_and_the_other_tables_are_reported()
    {
        var diagnostics = new DiagnosticBag();
        var document = ServerDataSources.Read("deployment.toml", """
            [server]
            hostname = "localhost"
            [[custom_message_formatters]]
            content_type = "application/x"
            class = "a.B"
            [[datasource]]
            url = "jdbc:h2:mem:noid"
            [[datasource]]
            id = "A"
            url = "jdbc:h2:mem:a"
            validation_query = "SELECT 1"
            pool_options = {maxActive = 50}
            """, diagnostics);
        var source = Assert.IsType<DataSourceSyntax>(Assert.Single(document!.Artifacts));
        Assert.Equal("A", source.Name);
        var notRead = diagnostics.Items.Where(d => d.Descriptor == DiagnosticCatalog.DataSourceEntryNotRead).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, notRead.Count);
        // An inline pool_options table is rendered by the Micro Integrator's template; only this reader does not read it.
        Assert.Contains(notRead, m => m.StartsWith("deployment.toml: pool_options of [[datasource]] 'A' is not read: an inline table, which the converter does not read (the Micro Integrator does)", StringComparison.Ordinal));
        Assert.Contains(notRead, m => m.StartsWith("deployment.toml: [[datasource]] is not read: it has no id", StringComparison.Ordinal));
        Assert.Contains(notRead, m => m.StartsWith("deployment.toml: validation_query of [[datasource]] 'A' is not read", StringComparison.Ordinal));
        var other = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ServerConfigurationNotRead);
        Assert.Equal("deployment.toml: its table [server] is the server's settings, not converted; its 1 [[datasource]] entry is read", other.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_toml_without_data_sources_gives_no_document()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(ServerDataSources.Read("deployment.toml", "[server]\nhostname = \"h\"\n", diagnostics));
        Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ServerConfigurationNotRead);
    }

    [Theory]
    [InlineData("jdbc:mysql://db/a?useSSL=false&amp;x=1", "jdbc:mysql://db/a?useSSL=false&x=1")]
    [InlineData("a&lt;b&gt;&quot;&apos;&#65;&#x42;", "a<b>\"'AB")]
    [InlineData("plain", "plain")]
    [InlineData("a&b", null)]
    [InlineData("a<b", null)]
    [InlineData("a&nbsp;b", null)]
    [InlineData("a&#xD800;", null)]
    public void A_value_is_read_as_the_xml_the_config_tool_pastes_it_into(string written, string? read)
    {
        Assert.Equal(read, ServerDataSources.XmlDecoded(written));
    }

    [Fact]
    public void A_credential_never_reaches_a_diagnostic_or_the_kept_text()
    {
        var diagnostics = new DiagnosticBag();
        var document = ServerDataSources.Read("deployment.toml", """"
            [[datasource]]
            id = "A"
            url = "jdbc:h2:mem:a&b"
            password = """first-secret
            second-secret"""
            [[datasource]]
            id = "B"
            url = "jdbc:h2:mem:b"
            password = [1, 2]
            """", diagnostics);
        var texts = document!.Artifacts.Select(a => a.RawXml.ToString()).Concat(diagnostics.Items.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("secret", StringComparison.Ordinal) || t.Contains("[1, 2]", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("deployment.toml: url of [[datasource]] 'A' is not read: its value holds a bare & or <", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "deployment.toml: password of [[datasource]] 'B' is not read: its value (****) is not a string, number or boolean");
    }

    [Fact]
    public void A_server_placeholder_makes_a_required_configurable()
    {
        var folder = Directory.CreateTempSubdirectory("toml-sys-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "deployment.toml"), """
                [[datasource]]
                id = "StockDB"
                url = "$sys{db_url}"
                username = "$env{DB_USER}"
                password = "x"
                """);
            var apis = Path.Combine(folder.FullName, "src", "main", "wso2mi", "artifacts", "apis");
            Directory.CreateDirectory(apis);
            File.WriteAllText(Path.Combine(apis, "A.xml"), """
                <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a"><resource methods="GET" uri-template="/x"><inSequence>
                <dblookup><connection><pool><dsName>jdbc/StockDB</dsName></pool></connection>
                <statement><sql>SELECT 1 AS one</sql><result name="one" column="one"/></statement></dblookup><respond/></inSequence></resource></api>
                """);
            var result = SynapseToBal.Driver.Converter.Convert(new SynapseToBal.Driver.ConversionOptions(folder.FullName));
            var all = string.Concat(result.Files.Select(f => f.Content));
            Assert.DoesNotContain("= \"$sys{db_url}\"", all, StringComparison.Ordinal);
            Assert.DoesNotContain("= \"$env{DB_USER}\"", all, StringComparison.Ordinal);
            var placeholders = result.Diagnostics.Where(d => d.Descriptor == DiagnosticCatalog.DeployTimeValue).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Contains(placeholders, m => m.Contains("'$sys{db_url}' is read from the system property db_url", StringComparison.Ordinal));
            Assert.Contains(placeholders, m => m.Contains("'$env{DB_USER}' is read from the environment variable DB_USER", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Data_services_and_db_mediators_connect_through_the_toml_data_source()
    {
        var folder = Directory.CreateTempSubdirectory("toml-ds-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "deployment"));
            File.WriteAllText(Path.Combine(folder.FullName, "deployment", "deployment.toml"), """
                [[datasource]]
                id = "StockDB"
                url = "jdbc:postgresql://inventory:5432/stock"
                username = "stock"
                password = "stock-literal"
                driver = "org.postgresql.Driver"
                """);
            var apis = Path.Combine(folder.FullName, "src", "main", "wso2mi", "artifacts", "apis");
            Directory.CreateDirectory(apis);
            File.WriteAllText(Path.Combine(apis, "A.xml"), """
                <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
                  <resource methods="GET" uri-template="/x">
                    <inSequence>
                      <dblookup><connection><pool><dsName>jdbc/StockDB</dsName></pool></connection>
                        <statement><sql>SELECT 1 AS one</sql><result name="one" column="one"/></statement></dblookup>
                      <dbreport><connection><pool><dsName>StockDB</dsName></pool></connection>
                        <statement><sql>DELETE FROM t</sql></statement></dbreport>
                      <respond/>
                    </inSequence>
                  </resource>
                </api>
                """);
            var result = SynapseToBal.Driver.Converter.Convert(new SynapseToBal.Driver.ConversionOptions(folder.FullName));
            var configs = result.Files.Single(f => f.RelativePath == "configs.bal").Content;
            // The JNDI name finds the data source: its URL and user are the toml's, its password a required configurable.
            Assert.Contains("= \"jdbc:postgresql://inventory:5432/stock\";", configs, StringComparison.Ordinal);
            Assert.DoesNotContain("stock-literal", string.Concat(result.Files.Select(f => f.Content)), StringComparison.Ordinal);
            // The bare id is no JNDI name: the Micro Integrator's lookup fails, which is said.
            Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated
                && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("published under the JNDI name 'jdbc/StockDB'", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.FileNotConverted && d.Location.GetLineSpan().Path.EndsWith("deployment.toml", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.ArtifactNotTranslated);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
