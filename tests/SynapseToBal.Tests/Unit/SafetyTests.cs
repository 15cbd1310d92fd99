using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>Which names are credentials, which addresses are not HTTP, how URI credentials are masked, and the MI 4.4 log attributes.</summary>
public sealed class SafetyTests
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("basicCredentialsPassword", true)]
    [InlineData("clientSecret", true)]
    [InlineData("accessToken", true)]
    [InlineData("refresh_token", true)]
    [InlineData("apiKey", true)]
    [InlineData("X-Api-Key", true)]
    [InlineData("privateKey", true)]
    [InlineData("Authorization", true)]
    [InlineData("Set-Cookie", true)]
    [InlineData("java.naming.security.credentials", true)]
    [InlineData("urn:password", true)]
    [InlineData("APPID", true)]
    [InlineData("appKey", true)]
    [InlineData("Ocp-Apim-Subscription-Key", true)]
    [InlineData("username", false)]
    [InlineData("tokenEndpointHostname", false)]
    [InlineData("accessTokenRegistryPath", false)]
    [InlineData("generateSecretUrl", false)]
    [InlineData("pageToken", false)]
    [InlineData("authType", false)]
    [InlineData("host", false)]
    [InlineData("sha_request_phrase", true)]
    [InlineData("shaResponsePhrase", true)]
    [InlineData("passphrase", true)]
    [InlineData("signing.phrase", true)]
    [InlineData("access_code", true)]
    [InlineData("accessCode", true)]
    [InlineData("ACCESS-CODE", true)]
    [InlineData("phrase", false)]
    [InlineData("phrasebook", false)]
    [InlineData("reasonPhrase", false)]
    [InlineData("HTTP_SC_REASON_PHRASE", false)]
    [InlineData("searchPhrase", false)]
    [InlineData("accessCodeUrl", false)]
    [InlineData("access_code_length", false)]
    [InlineData("accessLevel", false)]
    [InlineData("api_token", true)]
    [InlineData("ACCESS_TOKEN", true)]
    [InlineData("ACCESS_TOKEN_VALUE", true)]
    [InlineData("clientSecret2", true)]
    [InlineData("client_secrets", true)]
    [InlineData("sasl.jaas.config", true)]
    [InlineData("dbPassword", true)]
    [InlineData("nextPageToken", false)]
    [InlineData("TOKEN_CACHE_STATUS", false)]
    [InlineData("ACCESS_TOKEN_LENGTH", false)]
    [InlineData("ACCESS_TOKEN_LENGTH_DEBUG", false)]
    [InlineData("TTL_TOKEN", false)]
    [InlineData("TTL_TOKEN_SECONDS", false)]
    [InlineData("TTL_TOKEN_VALUE_DEBUG", false)]
    [InlineData("tokenCount", false)]
    [InlineData("passwordExpiry", false)]
    [InlineData("secretCache", false)]
    [InlineData("tokenizer", false)]
    [InlineData("DB_PASSWORD_PROD", true)]
    [InlineData("clientSecretEncoded", true)]
    [InlineData("apiKeySandbox", true)]
    [InlineData("max_tokens", false)]
    [InlineData("hasPassword", false)]
    // Token counts of a language model's usage are numbers; tokens themselves stay credentials.
    [InlineData("inputTokens", false)]
    // OAuth 1.0 request tokens are credentials.
    [InlineData("requestTokens", true)]
    [InlineData("outputTokens", false)]
    [InlineData("maxTokens", false)]
    [InlineData("totalTokens", false)]
    [InlineData("TOTAL_TOKENS", false)]
    [InlineData("prompt_tokens", false)]
    [InlineData("completionTokens", false)]
    [InlineData("x-ratelimit-remaining-tokens", false)]
    [InlineData("tokenUsage", false)]
    [InlineData("tokensRemaining", false)]
    [InlineData("tokenLimit", false)]
    [InlineData("token", true)]
    [InlineData("tokens", true)]
    [InlineData("accessTokens", true)]
    [InlineData("refresh_tokens", true)]
    [InlineData("refreshToken", true)]
    [InlineData("idToken", true)]
    [InlineData("x-auth-token", true)]
    [InlineData("apiToken", true)]
    [InlineData("inputToken", true)]
    [InlineData("totaltokens", true)]
    public void Names_that_suggest_a_credential(string name, bool secret) => Assert.Equal(secret, SecretNames.IsSecret(name));

    [Theory]
    [InlineData("", true)]
    [InlineData("$ctx:password", true)]
    [InlineData("{$func:apiKey}", true)]
    [InlineData("{wso2:vault-lookup('x')}", true)]
    [InlineData("${secret('x')}", true)]
    [InlineData("s3cr3t", false)]
    [InlineData("****MASKED****", true)]
    [InlineData("********** MASKED *********", true)]
    [InlineData("*** redacted ***", true)]
    [InlineData("****", true)]
    [InlineData("MASKED", false)]
    [InlineData("**", false)]
    [InlineData("pa**word", false)]
    [InlineData("repository/resources/security/client-truststore.jks", false)]
    [InlineData("/opt/keys/server.pem", false)]
    [InlineData("Summer2024.key", false)]
    [InlineData("wso2carbon", false)]
    public void Placeholders_are_not_literal_secrets(string value, bool placeholder) => Assert.Equal(placeholder, SecretNames.IsPlaceholder(value));

    [Fact]
    public void Masks_are_kept_and_values_under_a_credentials_name_masked_whatever_their_shape()
    {
        // rev12: an author's ****MASKED**** was masked (and made a required secret) as if it were a credential. A value
        // shaped like a key file's path under a credential's name stays masked: a password can have that shape.
        var xml = "<property name=\"privateKey\" value=\"/opt/keys/client.pem\"/>"
            + "<property name=\"password\" value=\"Summer2024.key\"/>"
            + "<property name=\"keyStorePassword\" value=\"wso2carbon\"/>"
            + "<parameter name=\"access_token\">****MASKED****</parameter>"
            + "<trustStorePassword>changeit</trustStorePassword>";
        var masked = SecretNames.MaskXml(xml);
        Assert.Contains(">****MASKED****<", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("/opt/keys/client.pem", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("Summer2024.key", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("wso2carbon\"", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("changeit", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://a.example.com/x", null)]
    [InlineData("https://a.example.com/x", null)]
    [InlineData("HTTPS://a.example.com/x", null)]
    [InlineData("{uri.var.base}/x", null)]
    [InlineData("jms:/orders?transport.jms.DestinationType=queue", "jms")]
    [InlineData("vfs:sftp://u:p@h/x", "vfs")]
    [InlineData("mailto:ops@example.com", "mailto")]
    [InlineData("rabbitmq:/q?rabbitmq.queue.name=q", "rabbitmq")]
    [InlineData("kafka:/events", "kafka")]
    [InlineData("local:///services/P", "local")]
    [InlineData("tcp://h:6060/s", "tcp")]
    [InlineData("udp://h:9999/s", "udp")]
    [InlineData("fix://h:19876?BeginString=FIX.4.0", "fix")]
    [InlineData("gopher://h/x", "gopher")]
    public void Only_http_and_https_addresses_are_http(string uri, string? scheme) => Assert.Equal(scheme, Transports.NonHttp(uri)?.Scheme);

    [Fact]
    public void Uri_credentials_are_masked_and_other_parameters_kept()
    {
        var xml = "<address uri=\"jms:/q?java.naming.security.principal=mq&amp;java.naming.security.credentials=jmsS3cret&amp;x.password={$ctx:p}\"/>"
            + "<address uri=\"vfs:sftp://reports:ftpPa55@files.example.com/out\"/>";
        var masked = Transports.RedactUriSecrets(xml);
        Assert.DoesNotContain("jmsS3cret", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("ftpPa55", masked, StringComparison.Ordinal);
        Assert.Contains("java.naming.security.principal=mq", masked, StringComparison.Ordinal);
        Assert.Contains("x.password={$ctx:p}", masked, StringComparison.Ordinal);
        Assert.Contains("sftp://reports:****@files.example.com", masked, StringComparison.Ordinal);
        Assert.Equal(["java.naming.security.principal", "java.naming.security.credentials", "x.password"], Transports.ParameterNames("jms:/q?java.naming.security.principal=mq&java.naming.security.credentials=s&x.password=p"));
    }

    [Fact]
    public void Credentials_assigned_in_scripts_are_masked()
    {
        // A script mediator's basic-auth literals (rev5: the password reached the TODO comment as written).
        var xml = """
            <script language="js">var usuario = "uatacfov";
            var pass = "TOR7$ZB8bt";
            var apiToken='tok3n'; var pwd = &quot;pw9&quot;;
            var base = usuario + ":" + pass;</script>
            """;
        // A second mediator's TODO, masked on its own as each TODO is.
        var second = """
            <script language="js"><![CDATA[mc.setProperty('password', 'sp1'); cfg.password = "mp2"; var o = {password: "ok3", 'apiKey': 'ak4'};
            var userPass = "up5"; var esc = 'x'; var pwd2 = "a\"b6"; if (role == "admin") { x = 1; } var user = "visible";]]></script>
            """;
        var masked = SecretNames.MaskXml(xml) + "\n" + SecretNames.MaskXml(second);
        foreach (var secret in new[] { "TOR7$ZB8bt", "tok3n", "pw9", "sp1", "mp2", "ok3", "ak4", "up5", "b6" })
        {
            Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
        }

        Assert.Contains("var usuario = \"uatacfov\";", masked, StringComparison.Ordinal);
        Assert.Contains("var pass = \"****\";", masked, StringComparison.Ordinal);
        Assert.Contains("<script language=\"js\">", masked, StringComparison.Ordinal);
        Assert.Contains("var base = usuario + \":\" + pass;", masked, StringComparison.Ordinal);
        Assert.Contains("if (role == \"admin\")", masked, StringComparison.Ordinal);
        Assert.Contains("var user = \"visible\";", masked, StringComparison.Ordinal);
        Assert.Contains("mc.setProperty('password', '****');", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_phrases_and_access_codes_in_xml_are_masked()
    {
        var xml = """<payfort><sha_request_phrase>reqPhrase1</sha_request_phrase><property name="access_code" value="code123"/><reasonPhrase>Not Found</reasonPhrase></payfort>""";
        var masked = SecretNames.MaskXml(xml);
        Assert.DoesNotContain("reqPhrase1", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("code123", masked, StringComparison.Ordinal);
        Assert.Contains("<reasonPhrase>Not Found</reasonPhrase>", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_xml_are_masked_and_placeholders_kept()
    {
        var xml = """
            <email.send configKey="c" password="attrPw1"><to>a@b.c</to><password>elemPw1</password><apiKey>{$ctx:k}</apiKey>
            <parameter name="transport.vfs.Password">paramPw1</parameter><property name="clientSecret" value="propPw1"/></email.send>
            """;
        var masked = SecretNames.MaskXml(xml);
        foreach (var secret in new[] { "attrPw1", "elemPw1", "paramPw1", "propPw1" })
        {
            Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
        }

        Assert.Contains("<apiKey>{$ctx:k}</apiKey>", masked, StringComparison.Ordinal);
        Assert.Contains("<to>a@b.c</to>", masked, StringComparison.Ordinal);
        Assert.Contains("<password>****</password>", masked, StringComparison.Ordinal);
        Assert.Contains("name=\"clientSecret\" value=\"****\"", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_json_pairs_of_element_text_are_masked()
    {
        var xml = """
            <http.post configKey="c"><headers>[["Authorization","Bearer tok123"],["X-Trace","t-1"]]</headers>
            <requestBodyJson>{"apiKey": "key456", "name": "n", "token": "${vars.t}"}</requestBodyJson></http.post>
            """;
        var masked = SecretNames.MaskXml(xml);
        Assert.DoesNotContain("tok123", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("key456", masked, StringComparison.Ordinal);
        Assert.Contains("[\"Authorization\",\"****\"]", masked, StringComparison.Ordinal);
        Assert.Contains("[\"X-Trace\",\"t-1\"]", masked, StringComparison.Ordinal);
        Assert.Contains("\"apiKey\": \"****\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"n\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"token\": \"${vars.t}\"", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_of_a_json_list_after_a_credential_name_are_not_masked()
    {
        // A comma pairs a name with its value only in a two-string array (an HTTP connector header); in a longer list
        // (the keys a script signs) the item after a credential-like name is data, and masking it changes the code.
        var xml = """
            <script language="js"><![CDATA[var keys = ["access_code","language","merchant_identifier"]; var h = ["token", "t-9"];]]></script>
            """;
        var masked = SecretNames.MaskXml(xml);
        Assert.Contains("[\"access_code\",\"language\",\"merchant_identifier\"]", masked, StringComparison.Ordinal);
        Assert.Contains("[\"token\", \"****\"]", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("t-9", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_reads_the_mi_4_4_attributes_as_synapse_does()
    {
        var full = MediatorParsing.Single<LogMediator>("<log level=\"simple\" logFullPayload=\"true\"/>");
        Assert.Equal(LogLevel.Full, full.Level);
        Assert.True(full.LogFullPayload);

        var custom = MediatorParsing.Single<LogMediator>("<log level=\"custom\" logMessageID=\"TRUE\"><property name=\"a\" value=\"1\"/></log>");
        Assert.True(custom.LogMessageId);
        Assert.False(custom.LogFullPayload);

        // A <message> without a level is Synapse's message-template level, which logs like custom.
        var template = MediatorParsing.Single<LogMediator>("<log><message>hello</message></log>");
        Assert.Equal(LogLevel.Custom, template.Level);
        Assert.Equal(LogLevel.Simple, MediatorParsing.Single<LogMediator>("<log/>").Level);
    }
}
