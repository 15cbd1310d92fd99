using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The Gmail connector 3.x/4.x: <c>&lt;gmail.init&gt;</c> connections and the operations that become gmail:Client calls.</summary>
public sealed class GmailConnectorLoweringTests
{
    private const string Api = "<apiUrl>https://www.googleapis.com/gmail</apiUrl><userId>me</userId>";

    private const string Refresh = "<refreshToken>ref-Gm-1</refreshToken><clientId>cid.apps.googleusercontent.com</clientId><clientSecret>sec-Gm-1</clientSecret>";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string init, string operations) =>
        ArtifactLowering.Definitions($"""<localEntry key="G"><gmail.init>{init}<name>G</name></gmail.init></localEntry><sequence name="flow">{operations}</sequence>""");

    private static List<StepIr> Steps(PackageIr package) => Assert.Single(package.Functions).Body.ToList();

    private static ConfigurableIr Configurable(PackageIr package, Symbol symbol) => Assert.Single(package.Configurables, c => c.Name == symbol);

    private const string List = """<gmail.listLabels configKey="G"/>""";

    [Fact]
    public void A_refresh_token_connection_becomes_one_client_with_the_refresh_grant_and_required_secrets()
    {
        var (package, diagnostics) = Lower(Api + "<apiVersion>v1</apiVersion>" + Refresh + "<tokenEndpoint>https://oauth2.googleapis.com/token</tokenEndpoint>", List + List);

        var connection = Assert.Single(package.GmailConnections);
        Assert.Empty(package.LocalEntries);
        Assert.Equal("https://www.googleapis.com/gmail/v1", Configurable(package, connection.ServiceUrl).DefaultValue);
        Assert.Equal("me", Configurable(package, connection.UserId).DefaultValue);
        var grant = Assert.IsType<GmailAuthIr.RefreshToken>(connection.Auth);
        Assert.Equal("https://oauth2.googleapis.com/token", Configurable(package, grant.RefreshUrl).DefaultValue);
        foreach (var secret in new[] { grant.Token, grant.ClientSecret })
        {
            Assert.True(Configurable(package, secret).Secret);
            Assert.Null(Configurable(package, secret).DefaultValue);
        }

        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is { } value && value.Contains("-Gm-", StringComparison.Ordinal));
        Assert.Equal(2, Steps(package).OfType<GmailStep>().Count(s => ReferenceEquals(s.Connection, connection) && s.Operation == GmailOperation.ListLabels));
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.SecretConfigurable);
    }

    [Fact]
    public void A_3x_connection_with_an_access_token_alone_uses_it_as_a_bearer_token_on_version_v1()
    {
        var (package, _) = Lower("<apiUrl>https://www.googleapis.com/gmail/</apiUrl><userId>a@acme.com</userId><accessToken>tok-Gm-1</accessToken><accessTokenRegistryPath>connectors/Gmail/accessToken</accessTokenRegistryPath>", List);

        var connection = Assert.Single(package.GmailConnections);
        Assert.Equal("https://www.googleapis.com/gmail/v1", Configurable(package, connection.ServiceUrl).DefaultValue);
        Assert.Equal("a@acme.com", Configurable(package, connection.UserId).DefaultValue);
        var bearer = Assert.IsType<GmailAuthIr.Bearer>(connection.Auth);
        Assert.True(Configurable(package, bearer.Token).Secret);
        Assert.Null(Configurable(package, bearer.Token).DefaultValue);
    }

    [Theory]
    [InlineData("<apiUrl>https://www.googleapis.com/gmail</apiUrl><accessToken>t</accessToken>", "does not set userId")]
    [InlineData("<userId>me</userId><accessToken>t</accessToken>", "does not set apiUrl")]
    [InlineData(Api, "sets no credentials")]
    [InlineData(Api + "<accessToken>{$ctx:token}</accessToken>", "expression")]
    [InlineData(Api + "<accessToken>t</accessToken><proxyHost>p</proxyHost>", "'proxyHost'")]
    public void A_connection_the_client_cannot_reproduce_leaves_its_operations_todos_that_say_why(string init, string why)
    {
        var (package, _) = Lower(init, List);

        Assert.Empty(package.GmailConnections);
        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Contains("its connection 'G' is not translated", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(why, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendMail_passes_the_header_and_body_parameters_in_the_helpers_order_empty_when_not_given()
    {
        var (package, diagnostics) = Lower(Api + Refresh, """<gmail.sendMail configKey="G"><subject>Hi</subject><to>{$ctx:to}</to><messageBody>Hello</messageBody><contentType>text/html</contentType></gmail.sendMail>""");

        var send = Assert.IsType<GmailStep>(Assert.Single(Steps(package)));
        Assert.Equal(GmailOperation.SendMail, send.Operation);
        Assert.Equal(["to", "subject", "from", "cc", "bcc", "messageBody", "contentType"], send.Arguments.Select(a => a.Name));
        Assert.IsNotType<StringLiteralIr>(send.Arguments[0].Value);
        Assert.Equal("Hi", Assert.IsType<StringLiteralIr>(send.Arguments[1].Value).Value);
        Assert.Equal(string.Empty, Assert.IsType<StringLiteralIr>(send.Arguments[2].Value).Value);
        Assert.Equal("text/html", Assert.IsType<StringLiteralIr>(send.Arguments[6].Value).Value);
        var note = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        Assert.Contains("Content-Type:text/plain", note.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("listAllMails", "", GmailOperation.ListAllMails, 5)]
    [InlineData("listDrafts", "<maxResults>5</maxResults>", GmailOperation.ListDrafts, 3)]
    [InlineData("getUserProfile", "", GmailOperation.GetUserProfile, 0)]
    [InlineData("readLabel", "<id>Label_1</id>", GmailOperation.ReadLabel, 1)]
    [InlineData("trashMessages", "<id>{$ctx:id}</id>", GmailOperation.TrashMessage, 1)]
    [InlineData("trashMessage", "<id>{$ctx:id}</id><responseVariable></responseVariable>", GmailOperation.TrashMessage, 1)]
    [InlineData("unTrashMessages", "<id>m1</id>", GmailOperation.UnTrashMessage, 1)]
    [InlineData("deleteMessages", "<id>m1</id>", GmailOperation.DeleteMessage, 1)]
    [InlineData("deleteMessage", "<id>m1</id>", GmailOperation.DeleteMessage, 1)]
    [InlineData("deleteThreads", "<id>t1</id>", GmailOperation.DeleteThread, 1)]
    [InlineData("deleteLabel", "<id>Label_1</id>", GmailOperation.DeleteLabel, 1)]
    [InlineData("deleteDraft", "<id>r1</id>", GmailOperation.DeleteDraft, 1)]
    public void The_operations_whose_answer_the_client_gives_as_gmail_does_become_their_helper(string operation, string parameters, GmailOperation kind, int arguments)
    {
        var (package, _) = Lower(Api + Refresh, $"""<gmail.{operation} configKey="G">{parameters}</gmail.{operation}>""");

        var step = Assert.IsType<GmailStep>(Assert.Single(Steps(package)));
        Assert.Equal(kind, step.Operation);
        Assert.Equal(arguments, step.Arguments.Length);
    }

    [Theory]
    [InlineData("readMail", "<id>m1</id>", "its own Message record")]
    [InlineData("readThread", "<id>t1</id>", "for each message of the thread")]
    [InlineData("listAllThreads", "", "snippet")]
    [InlineData("createLabels", "<name>Orders</name>", "cannot carry")]
    [InlineData("sendMailWithAttachment", "<to>a@x</to>", "from files")]
    [InlineData("init", "<userId>me</userId>", "an inline init")]
    [InlineData("sendMail", "<to>a@x</to><threadId>{$ctx:thread}</threadId>", "'threadId:' header")]
    [InlineData("sendMail", "<to>a@x</to><id>m1</id>", "'id:' header")]
    [InlineData("sendMail", "<to>a@x</to><contentType>multipart/mixed</contentType>", "neither text/plain nor text/html")]
    [InlineData("listLabels", "<responseVariable>labels</responseVariable>", "responseVariable")]
    [InlineData("listLabels", "<overwriteBody>{$ctx:o}</overwriteBody>", "overwriteBody")]
    [InlineData("readLabel", "", "does not set id")]
    [InlineData("deleteMessages", "<id></id>", "does not set id")]
    [InlineData("listAllMails", "<format>full</format>", "format is not a parameter")]
    public void An_operation_the_client_does_not_reproduce_stays_a_todo_that_says_why(string operation, string parameters, string why)
    {
        var (package, _) = Lower(Api + Refresh, $"""<gmail.{operation} configKey="G">{parameters}</gmail.{operation}>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Steps(package)));
        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(why, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("gmail:Client", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_credential_in_an_operation_parameter_never_becomes_a_literal()
    {
        var (package, _) = Lower(Api + Refresh, """<gmail.sendMail configKey="G"><to>a@x</to><messageBody>hello</messageBody></gmail.sendMail>""");

        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is { } value && value.Contains("-Gm-", StringComparison.Ordinal));
        Assert.Contains(package.Configurables, c => c.Secret && c.Description.Contains("refreshToken", StringComparison.Ordinal));
    }
}
