using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.ParseHelpers;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Meaning fixes from a Micro Integrator review: a task's sent message's response runs main, inline XML keeps the
/// namespaces it inherits, registry keys written without the slash after the prefix, `//soapenv:Body` paths of one
/// SOAP version, and get-property('system', ...) logged unless named like a credential.
/// </summary>
public sealed class MiReview12Tests
{
    private const string Task = """
        <task xmlns="http://ws.apache.org/ns/synapse" name="T" class="org.apache.synapse.startup.tasks.MessageInjector">
          <trigger interval="5"/>
          <property name="injectTo" value="sequence"/>
          <property name="sequenceName" value="S"/>
          <property name="message"><a xmlns=""/></property>
        </task>
        """;

    private const string Sends = """
        <sequence xmlns="http://ws.apache.org/ns/synapse" name="S">
          <send><endpoint><address uri="http://b:8080/x"/></endpoint></send>
        </sequence>
        """;

    private const string Main = """
        <sequence xmlns="http://ws.apache.org/ns/synapse" name="main">
          <in><drop/></in>
          <out><log level="custom"><property name="got" value="response"/></log><drop/></out>
        </sequence>
        """;

    [Fact]
    public void A_task_whose_sequence_sends_runs_main_on_the_response()
    {
        var package = ArtifactLowering.Lower(new DiagnosticBag(), Task, Sends, Main);
        var job = Assert.Single(package.Jobs);
        var outFlow = Assert.IsType<Symbol>(job.OutFlow);
        var function = Assert.Single(package.Functions, f => f.Name == outFlow);
        Assert.Equal(FunctionKind.OutFlow, function.Kind);
        Assert.Contains(IrWalker.Steps(function.Body).OfType<InvokeStep>(), invoke => invoke.Function.Hint == "main");
        Assert.Contains("runs the main sequence", job.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_main_sequence_the_tasks_response_is_dropped_with_a_note()
    {
        var package = ArtifactLowering.Lower(new DiagnosticBag(), Task, Sends);
        var job = Assert.Single(package.Jobs);
        Assert.Null(job.OutFlow);
        Assert.Contains("no main sequence", job.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_whose_sequence_sends_nothing_registers_no_response_flow()
    {
        const string logs = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><log/><drop/></sequence>""";
        var package = ArtifactLowering.Lower(new DiagnosticBag(), Task, logs, Main);
        Assert.Null(Assert.Single(package.Jobs).OutFlow);
        Assert.DoesNotContain(package.Functions, f => f.Kind == FunctionKind.OutFlow);
    }

    [Fact]
    public void Inline_xml_declares_the_prefixes_and_default_namespace_it_inherits()
    {
        var sequence = Artifact<SequenceSyntax>($"""
            <sequence {Ns} xmlns:m="http://example.org/m" name="S">
              <property name="frag" type="OM"><m:order m:kind="new"><m:id>1</m:id></m:order></property>
              <property name="plain" type="OM"><note xmlns="">x</note></property>
              <property name="syn" type="OM"><note>x</note></property>
              <enrich><source type="inline"><m:added>x</m:added></source><target type="body" action="child"/></enrich>
            </sequence>
            """);
        var properties = sequence.Mediators.OfType<PropertyMediator>().Select(p => Assert.IsType<ValueSyntax.InlineXml>(p.Value).Xml).ToList();
        Assert.Equal("""<m:order xmlns:m="http://example.org/m" m:kind="new"><m:id>1</m:id></m:order>""", properties[0]);
        Assert.Equal("""<note xmlns="">x</note>""", properties[1]);
        Assert.Equal("""<note xmlns="http://ws.apache.org/ns/synapse">x</note>""", properties[2]);
        var enrich = Assert.Single(sequence.Mediators.OfType<EnrichMediator>());
        Assert.Equal("""<m:added xmlns:m="http://example.org/m">x</m:added>""", Assert.IsType<ValueSyntax.InlineXml>(enrich.Source!.Inline).Xml);
    }

    [Fact]
    public void Inline_xml_that_declares_its_namespaces_stays_as_written()
    {
        var sequence = Artifact<SequenceSyntax>($"""
            <sequence {Ns} name="S">
              <property name="frag" type="OM"><m:order xmlns:m="http://example.org/m"><m:id>1</m:id></m:order></property>
            </sequence>
            """);
        var property = Assert.Single(sequence.Mediators.OfType<PropertyMediator>());
        Assert.Equal("""<m:order xmlns:m="http://example.org/m"><m:id>1</m:id></m:order>""", Assert.IsType<ValueSyntax.InlineXml>(property.Value).Xml);
    }

    [Theory]
    [InlineData("gov:sequences/common.xml", "gov:/sequences/common.xml")]
    [InlineData("conf:endpoints/lb.xml", "conf:/endpoints/lb.xml")]
    [InlineData("local:x", "local:/x")]
    [InlineData("conf:/endpoints/lb.xml", "conf:/endpoints/lb.xml")]
    [InlineData("common", "common")]
    [InlineData("gov:", "gov:")]
    public void A_registry_key_without_the_slash_after_its_prefix_names_the_same_resource(string written, string key) =>
        Assert.Equal(key, KeySyntax.Create(written, ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("t.xml")).Text);

    [Fact]
    public void A_sequence_key_without_the_slash_reaches_the_registry_artifact()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("S.xml", """<sequence xmlns="http://ws.apache.org/ns/synapse" name="S"><sequence key="gov:sequences/common.xml"/></sequence>""", diagnostics);
        var sequence = Assert.IsType<SequenceSyntax>(Assert.Single(Assert.IsType<SynapseDocument>(document).Artifacts));
        var reference = Assert.IsType<SequenceReferenceMediator>(Assert.Single(sequence.Mediators));
        Assert.Equal("gov:/sequences/common.xml", reference.Key.Text);
    }

    private static readonly ImmutableDictionary<string, string> SoapNamespaces = ImmutableDictionary<string, string>.Empty
        .Add("m0", "http://services.samples")
        .Add("s11", "http://schemas.xmlsoap.org/soap/envelope/")
        .Add("s12", "http://www.w3.org/2003/05/soap-envelope");

    [Theory]
    [InlineData("//s11:Envelope/s11:Body/m0:getQuote", "http://schemas.xmlsoap.org/soap/envelope/")]
    [InlineData("//s12:Body/m0:getQuote/text()", "http://www.w3.org/2003/05/soap-envelope")]
    public void A_descendant_envelope_path_reads_the_body_only_in_its_soap_version(string expression, string envelope)
    {
        var written = ExpressionTranslatorTests.Value(expression, SoapNamespaces);
        Assert.Contains($"soapBodyIn(ctx, \"{envelope}\")", written, StringComparison.Ordinal);
        Assert.DoesNotContain("soapBody(ctx)", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_from_the_body_variable_reads_the_body_whatever_the_version() =>
        Assert.Contains("soapBody(ctx)", ExpressionTranslatorTests.Value("$body/m0:getQuote", SoapNamespaces), StringComparison.Ordinal);

    [Fact]
    public void A_system_property_is_logged_unless_its_name_is_a_credentials()
    {
        var (package, diagnostics) = ArtifactLowering.Definitions("""
            <sequence name="S">
              <log level="custom">
                <property name="home" expression="get-property('system', 'user.home')"/>
                <property name="store" expression="get-property('system', 'keystore.password')"/>
              </log>
            </sequence>
            """);
        var log = Assert.Single(package.Functions.SelectMany(f => f.Body).OfType<LogStep>());
        var fields = log.Fields!.Properties;
        Assert.NotNull(Assert.Single(fields, f => f.Name == "home").Value);
        Assert.Null(Assert.Single(fields, f => f.Name == "store").Value);
        Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.LogValueRedacted);
        var home = Assert.Single(package.Configurables, c => c.Description.Contains("'user.home'", StringComparison.Ordinal));
        Assert.False(home.Secret);
        Assert.Null(home.DefaultValue);
        Assert.True(Assert.Single(package.Configurables, c => c.Description.Contains("'keystore.password'", StringComparison.Ordinal)).Secret);
    }
}
