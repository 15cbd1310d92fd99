using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class DataLoweringTests
{
    private const string Pool = """
        <connection><pool><driver>org.h2.Driver</driver><url>jdbc:h2:mem:orders</url><user>esb</user><password>pw-123</password></pool></connection>
        """;

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string mediators)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(mediators, diagnostics);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    [Theory]
    [InlineData("select 1", new[] { "select 1" })]
    [InlineData("a = ? and b = ?", new[] { "a = ", " and b = ", "" })]
    [InlineData("a = '?' and \"x?\" = ? -- why?\n", new[] { "a = '?' and \"x?\" = ", " -- why?\n" })]
    [InlineData("/* ? */ ?", new[] { "/* ? */ ", "" })]
    [InlineData("select 1 -- page\rlimit ? offset ?", new[] { "select 1 -- page\rlimit ", " offset ", "" })]
    public void Sql_is_split_at_placeholders_outside_quotes_and_comments(string sql, string[] segments) =>
        Assert.Equal(segments, Lowerer.SqlSegments(sql));

    [Fact]
    public void One_client_per_connection_and_the_password_never_a_literal()
    {
        var (package, diagnostics) = Lower($"""
            <dblookup>{Pool}<statement><sql>select id from t where n = ?</sql><parameter value="7" type="INTEGER"/><result name="id" column="ID"/></statement></dblookup>
            <dbreport>{Pool}<statement><sql>delete from t</sql></statement></dbreport>
            """);

        var client = Assert.Single(package.DatabaseClients);
        var steps = Assert.Single(package.Functions).Body.OfType<DbStep>().ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s => Assert.Same(client, s.Client));
        Assert.True(steps[0].Lookup);
        Assert.False(steps[1].Lookup);
        var statement = Assert.Single(steps[0].Statements);
        Assert.Equal(DbParameterType.Integer, Assert.Single(statement.Parameters).Type);
        Assert.Equal(new DbResultIr("id", "ID"), Assert.Single(statement.Results));

        var password = Assert.Single(package.Configurables, c => c.Name == client.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "pw-123");
        Assert.Equal("jdbc:h2:mem:orders", Assert.Single(package.Configurables, c => c.Name == client.Url).DefaultValue);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);

        // Config.toml says where each value comes from: the pool of the first mediator that declares the connection.
        Assert.All(new[] { client.Url, client.User, client.Password }, name =>
            Assert.Contains("the connection pool of the <dblookup> at ", Assert.Single(package.Configurables, c => c.Name == name).Description, StringComparison.Ordinal));
        Assert.Contains("driver org.h2.Driver", Assert.Single(package.Configurables, c => c.Name == client.User).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_source_has_required_url_user_and_password()
    {
        var (package, _) = Lower("""<dbreport><connection><pool><dsName>jdbc/Orders</dsName></pool></connection><statement><sql>delete from t</sql></statement></dbreport>""");

        var client = Assert.Single(package.DatabaseClients);
        Assert.NotNull(client.User);
        Assert.All(package.Configurables.Where(c => c.Name == client.Url || c.Name == client.User || c.Name == client.Password), c => Assert.Null(c.DefaultValue));
    }

    [Fact]
    public void Sql_a_raw_template_cannot_hold_is_translated_with_its_exact_text()
    {
        var (package, _) = Lower("""<dbreport><connection><pool><dsName>ds</dsName></pool></connection><statement><sql>update t set `a` = '${x}' where id = ?</sql><parameter value="1" type="INTEGER"/></statement></dbreport>""");

        var db = Assert.IsType<DbStep>(Assert.Single(Assert.Single(package.Functions).Body, s => s is not AcceptStep));
        var statement = Assert.Single(db.Statements);
        Assert.Equal(["update t set `a` = '${x}' where id = ", ""], statement.SqlSegments.ToArray());
        Assert.Single(statement.Parameters);
    }

    [Theory]
    [InlineData("""<dbreport useTransaction="true"><connection><pool><dsName>ds</dsName></pool></connection><statement><sql>delete from t</sql></statement></dbreport>""")]
    [InlineData("""<dblookup><connection><pool><dsName>ds</dsName></pool></connection><statement><sql>select ?</sql></statement></dblookup>""")]
    [InlineData("""<dblookup><connection><pool><dsName>ds</dsName></pool></connection><statement><sql>select ?</sql><parameter value="1" type="CLOB"/></statement></dblookup>""")]
    [InlineData("""<dblookup><connection><pool><url key="conf:/db/url"/></pool></connection><statement><sql>select 1</sql></statement></dblookup>""")]
    public void What_cannot_be_run_faithfully_is_a_todo_with_no_client(string mediator)
    {
        var (package, diagnostics) = Lower(mediator);

        var todo = Assert.IsType<TodoStep>(Assert.Single(Assert.Single(package.Functions).Body, s => s is not AcceptStep));
        Assert.Equal(DiagnosticCatalog.AttributeNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        Assert.Empty(package.DatabaseClients);
    }

    [Theory]
    [InlineData("new")]
    [InlineData("use-existing-or-new")]
    [InlineData("fault-if-no-tx")]
    [InlineData("commit")]
    [InlineData("rollback")]
    public void A_transaction_boundary_is_a_todo(string action)
    {
        var (package, diagnostics) = Lower($"""<transaction action="{action}"/>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(package.Functions).Body[0]);
        Assert.Equal(DiagnosticCatalog.TransactionNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.TransactionNotTranslated);
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("resume")]
    public void Suspend_and_resume_fault_as_the_mediator_does(string action)
    {
        var (package, _) = Lower($"""<transaction action="{action}"/>""");

        var fail = Assert.Single(Assert.Single(package.Functions).Body.OfType<FailStep>());
        Assert.Equal("Invalid transaction mediator action : " + action, Assert.IsType<StringLiteralIr>(fail.Message).Value);
    }

    [Fact]
    public void A_callout_of_the_whole_message_is_a_blocking_call_to_a_client_of_its_url()
    {
        var (package, _) = Lower("""<callout serviceURL="http://localhost:9000/services/Quote"><source type="envelope"/></callout>""");

        var call = Assert.Single(Assert.Single(package.Functions).Body.OfType<CallStep>());
        Assert.True(call.Blocking);
        Assert.Equal("http://localhost:9000/services/Quote", Assert.Single(package.Clients).Url);
    }

    [Fact]
    public void A_callout_of_the_payload_with_an_action_sends_the_action_on_its_call_only()
    {
        var (package, _) = Lower("""
            <callout serviceURL="http://h/s" action="urn:getQuote">
              <source xmlns:s11="http://schemas.xmlsoap.org/soap/envelope/" xmlns:s12="http://www.w3.org/2003/05/soap-envelope" xpath="s11:Body/child::*[fn:position()=1] | s12:Body/child::*[fn:position()=1]"/>
              <target xmlns:s11="http://schemas.xmlsoap.org/soap/envelope/" xmlns:s12="http://www.w3.org/2003/05/soap-envelope" xpath="s11:Body/child::*[fn:position()=1] | s12:Body/child::*[fn:position()=1]"/>
            </callout>
            """);

        var call = Assert.Single(Assert.Single(package.Functions).Body.OfType<CallStep>());
        Assert.True(call.Blocking);
        Assert.Equal("urn:getQuote", call.SoapAction);
    }

    [Theory]
    [InlineData("""<callout serviceURL="http://h/s"><source key="req"/></callout>""")]
    [InlineData("""<callout serviceURL="http://h/s"><target key="resp"/></callout>""")]
    [InlineData("""<callout serviceURL="http://h/s"><source xpath="//a"/></callout>""")]
    [InlineData("""<callout serviceURL="http://h/s"><enableSec policy="p"/></callout>""")]
    [InlineData("""<callout/>""")]
    public void A_callout_that_is_not_a_plain_blocking_call_is_a_todo(string mediator)
    {
        var (package, diagnostics) = Lower(mediator);

        Assert.IsType<TodoStep>(Assert.Single(package.Functions).Body[0]);
        Assert.Empty(package.Clients);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
    }
}
