using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The Salesforce REST connector 1.x/2.x: <c>&lt;salesforcerest.init&gt;</c> connections and the operations that become calls.</summary>
public sealed class SalesforceRestConnectorLoweringTests
{
    private const string Instance = "<apiUrl>https://acme.my.salesforce.com</apiUrl><apiVersion>v59.0</apiVersion>";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string init, string operations) =>
        ArtifactLowering.Definitions($"""<localEntry key="Sf"><salesforcerest.init>{init}<name>Sf</name></salesforcerest.init></localEntry><sequence name="flow">{operations}</sequence>""");

    private static List<StepIr> Steps(PackageIr package) => Assert.Single(package.Functions).Body.ToList();

    private static ConfigurableIr Configurable(PackageIr package, Symbol symbol) => Assert.Single(package.Configurables, c => c.Name == symbol);

    private const string Query = """<salesforcerest.query configKey="Sf"><queryString>SELECT Id FROM Account</queryString></salesforcerest.query>""";

    [Fact]
    public void A_refresh_token_connection_becomes_one_client_with_the_refresh_grant_and_required_secrets()
    {
        var (package, diagnostics) = Lower(Instance + "<accessToken>tok-Sf-1</accessToken><refreshToken>ref-Sf-1</refreshToken><clientId>cid</clientId><clientSecret>sec-Sf-1</clientSecret><hostName>https://test.salesforce.com</hostName><timeout>5000</timeout>", Query + Query);

        var connection = Assert.Single(package.SalesforceConnections);
        Assert.Empty(package.LocalEntries);
        Assert.Equal("https://acme.my.salesforce.com", Configurable(package, connection.BaseUrl).DefaultValue);
        Assert.Equal("59.0", Configurable(package, connection.ApiVersion).DefaultValue);
        Assert.Equal(5m, connection.TimeoutSeconds);
        var grant = Assert.IsType<SalesforceAuthIr.RefreshToken>(connection.Auth);
        Assert.Equal("https://test.salesforce.com/services/oauth2/token", Configurable(package, grant.RefreshUrl).DefaultValue);
        Assert.Equal("cid", Configurable(package, grant.ClientId).DefaultValue);
        foreach (var secret in new[] { grant.Token, grant.ClientSecret })
        {
            Assert.True(Configurable(package, secret).Secret);
            Assert.Null(Configurable(package, secret).DefaultValue);
        }

        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is { } value && value.Contains("-Sf-", StringComparison.Ordinal));
        Assert.Equal(2, Steps(package).OfType<SalesforceRestStep>().Count(s => ReferenceEquals(s.Connection, connection)));
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
    }

    [Fact]
    public void A_password_connection_uses_the_password_grant_at_the_host_and_an_access_token_alone_a_bearer_token()
    {
        var (password, _) = Lower(Instance + "<username>u@acme.com</username><password>pw-Sf-1</password><clientId>cid</clientId><clientSecret>sec-Sf-1</clientSecret><refreshToken>ref-Sf-1</refreshToken>", Query);
        var grant = Assert.IsType<SalesforceAuthIr.PasswordGrant>(Assert.Single(password.SalesforceConnections).Auth);
        Assert.Equal("https://login.salesforce.com/services/oauth2/token", Configurable(password, grant.TokenUrl).DefaultValue);
        Assert.True(Configurable(password, grant.Password).Secret);

        var (bearer, _) = Lower(Instance + "<accessToken>tok-Sf-1</accessToken>", Query);
        var connection = Assert.Single(bearer.SalesforceConnections);
        Assert.Null(connection.TimeoutSeconds);
        Assert.True(Configurable(bearer, Assert.IsType<SalesforceAuthIr.Bearer>(connection.Auth).Token).Secret);
    }

    [Theory]
    [InlineData("v59.0", "59.0")]
    [InlineData("V60.0", "60.0")]
    [InlineData("58.0", "58.0")]
    [InlineData("v59", null)]
    [InlineData("latest", null)]
    public void The_api_version_is_given_without_its_v(string text, string? expected) =>
        Assert.Equal(expected, Lowerer.SalesforceApiVersion(text));

    [Theory]
    [InlineData("<accessToken>{$ctx:token}</accessToken>" + Instance, "evaluated on the message")]
    [InlineData("<connectionType>OAuth2</connectionType><clientId>c</clientId>" + Instance, "connector 3.x")]
    [InlineData("<accessToken>t</accessToken><apiVersion>v59.0</apiVersion>", "does not set apiUrl")]
    [InlineData("<accessToken>t</accessToken><apiUrl>https://a</apiUrl>", "does not set apiVersion")]
    [InlineData("<accessToken>t</accessToken><apiUrl>https://a</apiUrl><apiVersion>latest</apiVersion>", "is not a version")]
    [InlineData("<clientId>c</clientId>" + Instance, "sets no credentials")]
    [InlineData("<accessToken>t</accessToken><timeout>10s</timeout>" + Instance, "not a number of milliseconds")]
    public void A_connection_the_client_cannot_reproduce_leaves_its_operations_todos_that_say_why(string init, string reason)
    {
        var (package, _) = Lower(init, Query);

        Assert.Empty(package.SalesforceConnections);
        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains("its connection 'Sf' is not translated", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<salesforcerest.query configKey="Sf"><queryString>SELECT Id FROM Account</queryString></salesforcerest.query>""", SalesforceOperation.Query, "queryString")]
    [InlineData("""<salesforcerest.create configKey="Sf"><sObjectName>Account</sObjectName><fieldAndValue>{$ctx:fields}</fieldAndValue></salesforcerest.create>""", SalesforceOperation.Create, "sObjectName,fieldAndValue")]
    [InlineData("""<salesforcerest.update configKey="Sf"><fieldAndValue>{$ctx:fields}</fieldAndValue><Id>{$ctx:id}</Id><sObjectName>Account</sObjectName></salesforcerest.update>""", SalesforceOperation.Update, "sObjectName,id,fieldAndValue")]
    [InlineData("""<salesforcerest.delete configKey="Sf"><sObjectName>Account</sObjectName><idToDelete>{$ctx:id}</idToDelete></salesforcerest.delete>""", SalesforceOperation.Delete, "sObjectName,idToDelete")]
    [InlineData("""<salesforcerest.describeSObject configKey="Sf"><sObjectName>Account</sObjectName></salesforcerest.describeSObject>""", SalesforceOperation.DescribeSObject, "sObjectName")]
    public void An_operation_becomes_its_helper_with_the_parameters_in_the_helpers_order(string operation, SalesforceOperation kind, string arguments)
    {
        var (package, _) = Lower(Instance + "<accessToken>tok-Sf-1</accessToken>", operation);

        var step = Assert.IsType<SalesforceRestStep>(Assert.Single(Steps(package)));
        Assert.Equal(kind, step.Operation);
        Assert.Equal(arguments, string.Join(",", step.Arguments.Select(a => a.Name)));
    }

    [Theory]
    [InlineData("""<salesforcerest.queryMore configKey="Sf"><nextRecordsUrl>{$ctx:next}</nextRecordsUrl></salesforcerest.queryMore>""", "every page at once")]
    [InlineData("""<salesforcerest.upsert configKey="Sf"><sObjectName>A</sObjectName><externalIDField>E</externalIDField><Id>1</Id><fieldAndValue>{$ctx:f}</fieldAndValue></salesforcerest.upsert>""", "upsert returns nothing")]
    [InlineData("""<salesforcerest.search configKey="Sf"><searchString>FIND {x}</searchString></salesforcerest.search>""", "searchRecordsMetadata")]
    [InlineData("""<salesforcerest.retrieveFieldValues configKey="Sf"><sObjectName>A</sObjectName><rowId>1</rowId><fields>Name</fields></salesforcerest.retrieveFieldValues>""", "record type declared by hand")]
    [InlineData("""<salesforcerest.init><accessToken>t</accessToken></salesforcerest.init>""", "inline init")]
    [InlineData("""<salesforcerest.query configKey="Sf"><queryString>SELECT count() FROM Account</queryString></salesforcerest.query>""", "COUNT()")]
    [InlineData("""<salesforcerest.query><queryString>SELECT Id FROM Account</queryString></salesforcerest.query>""", "names no connection")]
    [InlineData("""<salesforcerest.query configKey="Other"><queryString>SELECT Id FROM Account</queryString></salesforcerest.query>""", "no local entry 'Other'")]
    [InlineData("""<salesforcerest.query configKey="Sf"><q>SELECT Id FROM Account</q><responseVariable>r</responseVariable></salesforcerest.query>""", "responseVariable")]
    [InlineData("""<salesforcerest.query configKey="Sf"><queryString>SELECT Id FROM Account</queryString><limit>5</limit></salesforcerest.query>""", "limit is not a parameter")]
    [InlineData("""<salesforcerest.create configKey="Sf"><sObjectName>Account</sObjectName></salesforcerest.create>""", "does not set fieldAndValue")]
    [InlineData("""<salesforcerest.create configKey="Sf"><sObjectName>Account</sObjectName><fieldAndValue><a>1</a></fieldAndValue></salesforcerest.create>""", "holds XML")]
    public void An_operation_the_calls_do_not_reproduce_stays_a_todo_that_says_why(string operation, string reason)
    {
        var (package, _) = Lower(Instance + "<accessToken>tok-Sf-1</accessToken>", operation);

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("ballerinax/salesforce", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_reports_that_it_reads_every_page_and_every_operation_that_the_response_headers_are_not_kept()
    {
        var (package, diagnostics) = Lower(Instance + "<accessToken>tok-Sf-1</accessToken>",
            Query + """<salesforcerest.delete configKey="Sf"><sObjectName>Account</sObjectName><idToDelete>1</idToDelete></salesforcerest.delete>""");

        Assert.Equal(2, Steps(package).OfType<SalesforceRestStep>().Count());
        var notes = diagnostics.Items.Where(d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains("salesforcerest.query", notes[0], StringComparison.Ordinal);
        Assert.Contains("every page", notes[0], StringComparison.Ordinal);
        Assert.Contains("salesforcerest.delete", notes[1], StringComparison.Ordinal);
        Assert.Contains("response headers", notes[1], StringComparison.Ordinal);
        Assert.DoesNotContain("every page", notes[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_gmail_operation_without_its_connection_stays_a_todo_naming_the_gmail_client_call_and_why()
    {
        var (package, _) = ArtifactLowering.Definitions("""<sequence name="flow"><gmail.sendMail configKey="G"><to>a@example.com</to></gmail.sendMail></sequence>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains("post users/[userId]/messages/send (ballerinax/googleapis.gmail)", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("no local entry 'G' holds an <gmail.init> connection", todo.Reason.Message, StringComparison.Ordinal);
    }
}
