using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Driver;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Expression fixes from a Micro Integrator review: reads of the axis2 properties the runtime keeps (JMS_COORELATION_ID),
/// arithmetic on variables every variable mediator types as a number, local-name()/namespace-uri() of the element a
/// predicate tests, and a log of <c>$func:x</c> naming no parameter of its template.
/// </summary>
public sealed class ExpressionMeaningReviewTests
{
    private static (string Code, IReadOnlyList<Diagnostic> Diagnostics) Convert(params string[] artifacts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "synapse2bal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < artifacts.Length; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"a{i}.xml"), artifacts[i]);
            }

            var result = Converter.Convert(new ConversionOptions(folder));
            var code = string.Join("\n", result.Files.Where(f => f.RelativePath.EndsWith(".bal", StringComparison.Ordinal) && !f.RelativePath.Contains("support", StringComparison.Ordinal)).Select(f => f.Content));
            return (code, result.Diagnostics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Sequence(string name, string body) =>
        $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="{name}">{body}</sequence>""";

    private static IEnumerable<Diagnostic> Untranslated(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Where(d => d.Id == "SB0203");

    // 1. Axis2 properties the runtime keeps.

    [Theory]
    [InlineData("${properties.axis2.JMS_COORELATION_ID}")]
    [InlineData("${props.axis2.JMS_COORELATION_ID}")]
    [InlineData("$axis2:JMS_COORELATION_ID")]
    [InlineData("get-property('axis2', 'JMS_COORELATION_ID')")]
    public void A_read_of_the_jms_correlation_id_the_runtime_fills_is_translated(string expression)
    {
        // Read, so that the property is written (a property nothing reads is not: docs/design.md, "Properties as typed locals").
        var (code, diagnostics) = Convert(Sequence("S", $"""<property name="id" expression="{expression}"/><log level="custom"><property name="id" expression="$ctx:id"/></log>"""));
        Assert.Empty(Untranslated(diagnostics));
        Assert.DoesNotContain("notTranslated", code, StringComparison.Ordinal);
        Assert.Contains("ctx.axis2", code.Replace("getAxis2Property(ctx, ", "ctx.axis2[", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"JMS_COORELATION_ID\"", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_telkom_log_and_variable_read_the_correlation_id()
    {
        var (code, diagnostics) = Convert(Sequence("S", """
            <log category="INFO"><message>JMS Correlation ID: ${properties.axis2.JMS_COORELATION_ID}</message></log>
            <variable name="JMSCorrelationID" type="STRING" expression="${properties.axis2.JMS_COORELATION_ID}"/>
            """));
        Assert.Empty(Untranslated(diagnostics));
        Assert.Contains("getAxis2Property(ctx, \"JMS_COORELATION_ID\")", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$axis2:transport.jms.MessagePropertyHyphens", "does not fill 'transport.jms.MessagePropertyHyphens'")]
    [InlineData("${props.axis2['http.request.startTime']}", "does not fill 'http.request.startTime'")]
    [InlineData("get-property('axis2', 'JMS_DESTINATION')", "does not fill 'JMS_DESTINATION'")]
    [InlineData("$axis2:TRANSPORT_HEADERS", "'TRANSPORT_HEADERS' is an axis2 property Axis2, Synapse or the HTTP transport act on")]
    public void A_refused_axis2_read_says_why(string expression, string reason)
    {
        var (code, diagnostics) = Convert(Sequence("S", $"""<property name="p" expression="{expression}"/>"""));
        var diagnostic = Assert.Single(Untranslated(diagnostics));
        Assert.Contains(reason, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("notTranslated", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_of_jms_names_are_unchanged()
    {
        var (_, diagnostics) = Convert(Sequence("S", """<property name="JMS_DESTINATION" scope="axis2" value="q"/>"""));
        var todo = Assert.Single(diagnostics, d => d.Id == "SB0207");
        Assert.Contains("'JMS_DESTINATION'", todo.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    // 2. Arithmetic on typed variables.

    private const string Counter = """<variable name="retryCount" type="INTEGER" value="0"/><sequence key="Loop"/>""";

    [Fact]
    public void Adding_to_an_integer_variable_is_int_arithmetic()
    {
        var (code, diagnostics) = Convert(
            Sequence("Start", Counter),
            Sequence("Loop", """
                <log category="INFO"><message>Attempt: ${vars.retryCount + 1}</message></log>
                <variable name="retryCount" type="INTEGER" expression="${vars.retryCount + 1}"/>
                """));
        Assert.Empty(Untranslated(diagnostics));
        Assert.DoesNotContain("notTranslated", code, StringComparison.Ordinal);

        // The log: a failed read (the variable not set) is a warning and "", as the MI's evaluation.
        Assert.Contains("synapseValue(function () returns string|error => ((check miIntVariable(ctx, \"retryCount\")) + 1).toString(), \"vars.retryCount + 1\")", code, StringComparison.Ordinal);

        // The typed variable keeps the Java Integer; past the int range or on a failure the MI faults.
        Assert.Contains("ctx.variables[\"retryCount\"] = check miIntegerResult(function () returns int|error => (check miIntVariable(ctx, \"retryCount\")) + 1, \"vars.retryCount + 1\");", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_double_variable_adds_as_big_decimals()
    {
        var (code, diagnostics) = Convert(
            Sequence("Start", """<variable name="price" type="DOUBLE" value="0.1"/><log><message>${vars.price + 0.2}</message></log>"""));
        Assert.Empty(Untranslated(diagnostics));
        Assert.Contains("miDoubleArithmetic(check miDoubleVariable(ctx, \"price\"), \"+\", 0.2)", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<variable name="n" type="INTEGER" value="0"/><variable name="n" type="STRING" value="a"/>""")]
    [InlineData("""<variable name="n" value="1"/>""")]
    [InlineData("")]
    public void Arithmetic_on_a_variable_without_one_numeric_type_says_why(string writes)
    {
        var (_, diagnostics) = Convert(Sequence("S", writes + """<log><message>${vars.n + 1}</message></log>"""));
        var diagnostic = Assert.Single(Untranslated(diagnostics));
        Assert.Contains("the variable 'n' is not set with one numeric type by every variable mediator of the project", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_result_for_an_integer_variable_is_not_kept_as_an_integer()
    {
        // A difference wraps in Java's int arithmetic: not translated for a typed variable (the run-time check could not
        // tell it apart); as text it is translated.
        var (code, _) = Convert(Sequence("S", """<variable name="n" type="INTEGER" value="5"/><variable name="m" type="INTEGER" expression="${vars.n - 1}"/>"""));
        Assert.DoesNotContain("miIntegerResult", code, StringComparison.Ordinal);
    }

    // 3. local-name() of the element a predicate tests.

    [Theory]
    [InlineData("//*[local-name()='status']/text()", "xpathLocalName(xpathContext) == \"status\"")]
    [InlineData("//*[namespace-uri()='urn:a' and local-name()='b']", ".elements(\"{urn:a}b\")")]
    [InlineData("//*[local-name()='b' and namespace-uri()='']", ".elements(\"b\")")]
    [InlineData("//*[namespace-uri()='urn:a' or local-name()='b']", "xpathNamespaceUri(xpathContext) == \"urn:a\" || xpathLocalName(xpathContext) == \"b\"")]
    [InlineData("//*['status' = local-name()]", "xpathLocalName(xpathContext) == \"status\"")]
    public void Local_name_without_an_argument_in_a_predicate_reads_the_element_tested(string xpath, string test)
    {
        var (code, diagnostics) = Convert(Sequence("S", $"""<property name="s" expression="{xpath}"/>"""));
        Assert.Empty(Untranslated(diagnostics));
        Assert.Contains(test, code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//*[name()='status']", "name() of the element it tests")]
    [InlineData("//*[starts-with(local-name(), 'st')]", "local-name() of the element it tests, which is translated only compared with a string literal")]
    [InlineData("local-name()", "outside a predicate Synapse's context node is the SOAP Envelope")]
    [InlineData("//*[local-name()!='status']", "not for the names of the SOAP envelope's own elements")]
    [InlineData("//*[not(local-name()='status')]", "not for the names of the SOAP envelope's own elements")]
    [InlineData("//*[local-name()='Body']", "not for the names of the SOAP envelope's own elements")]
    public void What_stays_refused_names_the_reason(string xpath, string reason)
    {
        var (_, diagnostics) = Convert(Sequence("S", $"""<property name="s" expression="{xpath}"/>"""));
        var diagnostic = Assert.Single(Untranslated(diagnostics));
        Assert.Contains(reason, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>
    /// Jaxen's <c>//*</c> searches the envelope's document, whose first element is the Envelope itself, which a search
    /// below the envelope never gives: a <c>//*</c> step is translated only when its first predicate is a test the
    /// Envelope fails (a local-name or namespace-uri equality, or an and/or of them that excludes it).
    /// </summary>
    [Theory]
    [InlineData("//*[1]")]
    [InlineData("//*[not(*)][1]")]
    [InlineData("//*[@id='a' or local-name()='b']")]
    [InlineData("//*")]
    public void A_descendant_wildcard_the_envelope_may_pass_stays_untranslated(string xpath)
    {
        var (code, diagnostics) = Convert(Sequence("S", $"""<property name="s" expression="{xpath}"/>"""));
        Assert.Single(Untranslated(diagnostics));
        Assert.DoesNotContain("soapEnvelope(ctx))/**/<*>", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//*[local-name()='b' and @id='a']")]
    [InlineData("//*[namespace-uri()='urn:a' or local-name()='b']")]
    public void A_descendant_wildcard_whose_test_the_envelope_fails_searches_the_envelope(string xpath)
    {
        var (code, diagnostics) = Convert(Sequence("S", $"""<property name="s" expression="{xpath}"/>"""));
        Assert.Empty(Untranslated(diagnostics));
        Assert.Contains("soapEnvelope(ctx)", code, StringComparison.Ordinal);
    }

    // 4. $func: of a parameter the template does not declare.

    private const string Template = """
        <template xmlns="http://ws.apache.org/ns/synapse" name="LogsConsole">
          <parameter name="stage"/>
          <sequence>
            <log level="custom" separator="|">
              <property expression="$func:stage" name="Stage"/>
              <property expression="$func:body" name="BodyMessage"/>
            </log>
          </sequence>
        </template>
        """;

    [Fact]
    public void A_log_of_an_undeclared_template_parameter_prints_null_as_the_mi_does()
    {
        var (code, diagnostics) = Convert(Template);
        Assert.Empty(Untranslated(diagnostics));
        Assert.DoesNotContain("notTranslated", code, StringComparison.Ordinal);
        Assert.Contains("BodyMessage = \"null\"", code, StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics, d => d.Id == "SB0295");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'body', which the template 'LogsConsole' does not declare", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Elsewhere_an_undeclared_template_parameter_stays_untranslated_with_its_reason()
    {
        var (_, diagnostics) = Convert(Template.Replace("""<property expression="$func:body" name="BodyMessage"/>""", "", StringComparison.Ordinal)
            .Replace("</log>", """</log><property name="b" expression="$func:body"/>""", StringComparison.Ordinal));
        var diagnostic = Assert.Single(Untranslated(diagnostics));
        Assert.Contains("Synapse's TemplateContext then reads null", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SB0295");
    }
}
