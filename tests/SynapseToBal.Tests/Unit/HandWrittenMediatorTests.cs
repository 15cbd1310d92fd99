using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>Mediators that run user code or an external product stay TODOs (SB0231) that say what to write by hand.</summary>
public sealed class HandWrittenMediatorTests
{
    private static (TodoStep Todo, Microsoft.CodeAnalysis.Diagnostic Diagnostic) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var document = Document(xml, diagnostics);
        var body = Assert.Single(Lowerer.Lower([document], diagnostics).Functions).Body;
        var todo = Assert.IsType<TodoStep>(body[0]);
        var diagnostic = Assert.Single(diagnostics.Items, d => d.Id is "SB0231" or "SB0232" or "SB0201");
        return (todo, diagnostic);
    }

    private static string Message(Microsoft.CodeAnalysis.Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void An_inline_script_names_its_language_and_asks_for_ballerina()
    {
        var (todo, diagnostic) = Lower("""<script language="js"><![CDATA[mc.setProperty("a", "b");]]></script>""");

        Assert.Equal(DiagnosticCatalog.MediatorNeedsCode.Id, diagnostic.Id);
        Assert.Same(DiagnosticCatalog.MediatorNeedsCode, todo.Reason.Descriptor);
        Assert.Equal("<script> runs inline JavaScript (the script below): write this logic in Ballerina (a function that reads and updates the Context)", todo.Reason.Message);
        Assert.Contains("mc.setProperty", todo.RawXml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_script_names_its_key_function_and_includes()
    {
        var (todo, _) = Lower("""<script language="nashornJs" key="conf:/a.js" function="transform"><include key="conf:/lib.js"/></script>""");

        Assert.StartsWith("<script> runs the JavaScript (Nashorn) function 'transform' of the script at key 'conf:/a.js', including 'conf:/lib.js':", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_script_without_a_function_runs_mediate()
    {
        var (todo, _) = Lower("""<script language="groovy" key="gov:/s.groovy"/>""");

        Assert.Contains("the Groovy function 'mediate'", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_mediator_lists_its_properties_and_masks_credentials_in_the_ir()
    {
        var (todo, diagnostic) = Lower("""<class name="org.example.Discount"><property name="factor" value="10"/><property name="apiPassword" value="hunter2secret"/></class>""");

        Assert.Equal("SB0231", diagnostic.Id);
        Assert.Contains("runs the Java class 'org.example.Discount' with the properties factor, apiPassword", todo.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", todo.RawXml, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void An_xquery_lists_its_key_variables_and_target()
    {
        var (todo, _) = Lower("""<xquery key="q1" target="//order"><variable name="payload" type="ELEMENT"/><variable name="n" type="INT" value="3"/></xquery>""");

        Assert.Contains("runs the XQuery at key 'q1' with the variables payload (ELEMENT), n (INT), the result replacing '//order'", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("query expression over xml", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<spring bean="quoteBean" key="conf:/spring.xml"/>""", "the Spring bean 'quoteBean'")]
    [InlineData("""<bean action="SET_PROPERTY" var="loc" property="latitude" value="{//lat}"/>""", "sets the field 'latitude' of the Java bean in the property 'loc'")]
    [InlineData("""<annotatedCommand name="c.C"/>""", "the Java command class 'c.C'")]
    [InlineData("""<smooks config-key="smooks-csv"><input type="text" expression="//text"/><output type="xml" action="replace" property="p"/></smooks>""", "the Smooks transformation configured at key 'smooks-csv'")]
    [InlineData("""<builder class="b.Builder" formatterClass="b.Formatter"/>""", "the builder class 'b.Builder'")]
    [InlineData("""<router continueAfter="true"><route expression="//a" match="x.*" breakRouter="false"><target sequence="s"/></route></router>""", "through 1 route(s)")]
    [InlineData("""<sampler id="s1" rate="5" unitTime="1000"><messageQueue class="q.Queue"/><target sequence="slow"/></sampler>""", "at most 5 per 1000 ms")]
    [InlineData("""<enqueue executor="exec" priority="2" sequence="later"/>""", "for the sequence 'later' on the priority executor 'exec'")]
    [InlineData("""<eventPublisher eventSourceName="stockEvents"/>""", "the event source 'stockEvents'")]
    [InlineData("""<event topic="stock"/>""", "to the topic 'stock'")]
    [InlineData("""<bam><serverProfile name="bamProfile"><streamConfig name="stream" version="1.0.0"/></serverProfile></bam>""", "the BAM stream 'stream:1.0.0' of the server profile 'bamProfile'")]
    [InlineData("""<oauthService remoteServiceUrl="https://is/services" username="admin" password="pw"/>""", "OAuth2 introspection")]
    [InlineData("""<NTLM username="{$ctx:user}" password="pw" host="h" domain="d" ntlmVersion="v2"/>""", "no NTLM authentication")]
    public void Each_mediator_that_runs_code_is_a_todo_of_its_own_code(string xml, string expected)
    {
        var (todo, diagnostic) = Lower(xml);

        Assert.Equal(DiagnosticCatalog.MediatorNeedsCode.Id, diagnostic.Id);
        Assert.Contains(expected, todo.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"pw\"", todo.RawXml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connector_operation_with_a_counterpart_names_the_module_and_its_parameters()
    {
        var (todo, diagnostic) = Lower("""<salesforce.query configKey="sf"><queryString>{$ctx:q}</queryString></salesforce.query>""");

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated.Id, diagnostic.Id);
        Assert.Equal("connector operation <salesforce.query>: use a salesforce:Client of ballerinax/salesforce; the connection is the local entry 'sf'; parameters: queryString", todo.Reason.Message);
    }

    [Theory]
    [InlineData("""<email.send configKey="smtp"><to>a@example.com</to><subject>s</subject></email.send>""", "use email:SmtpClient's sendMessage (ballerina/email)")]
    [InlineData("""<fileconnector.read><source>file:///tmp/in.txt</source><filePattern>in.*</filePattern></fileconnector.read>""", "use io:fileReadString or io:fileReadBytes for a local file, ftp:Client's get for a remote one (ballerina/file and ballerina/io (local files), ballerina/ftp (FTP and SFTP))")]
    [InlineData("""<fileconnector.unzip><source>file:///tmp/a.zip</source><destination>file:///tmp/b</destination></fileconnector.unzip>""", "use java.util.zip's ZipInputStream through Java interop for a local archive, as ballerina/file and ballerina/io read no zip archive; ftp:Client's get for a remote one (")]
    [InlineData("""<jms.receiveMessage configKey="JMS_CONNECTION"><timeout>1000</timeout></jms.receiveMessage>""", "use jms:MessageConsumer's receive (with the operation's timeout) on a jms:Session's consumer for the destination (ballerinax/java.jms)")]
    public void A_common_operation_names_the_ballerina_call_that_does_it(string xml, string expected)
    {
        var (todo, _) = Lower(xml);

        Assert.Contains(expected, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connector_without_a_counterpart_is_called_through_an_http_client()
    {
        var (todo, _) = Lower("""<facebook.getPage><pageId>1</pageId></facebook.getPage>""");

        Assert.Contains("no Ballerina connector is known for it: call the service's API with an http:Client", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_init_operation_gives_the_client_settings_and_masks_its_credentials()
    {
        var (todo, diagnostic) = Lower("""<gmail.init><userId>me</userId><accessToken>ya29.secretvalue</accessToken></gmail.init>""");

        Assert.Equal("SB0232", diagnostic.Id);
        Assert.Contains("create a gmail:Client of ballerinax/googleapis.gmail with these settings", todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("settings: userId, accessToken", todo.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ya29.secretvalue", todo.RawXml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ejb_connector_is_not_sent_to_an_http_client()
    {
        var (todo, _) = Lower("""<ejb2.stateful><beanName>b</beanName></ejb2.stateful>""");

        Assert.Contains("Ballerina cannot call", todo.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no Ballerina connector is known", todo.Reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("js", "JavaScript")]
    [InlineData("rhinoJs", "JavaScript")]
    [InlineData("groovy", "Groovy")]
    [InlineData("rb", "Ruby")]
    [InlineData("py", "Python")]
    [InlineData("lua", "'lua'")]
    public void Script_languages_are_named(string language, string name) => Assert.Equal(name, Lowerer.ScriptLanguage(language));
}
