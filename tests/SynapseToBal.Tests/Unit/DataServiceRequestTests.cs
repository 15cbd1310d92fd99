using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Tests.Project;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// How a generated data service reads its request, as the Micro Integrator's data services engine does: the URL's
/// query parameters (Axis2's XFormURLEncodedBuilder makes them children of the request element), names matched
/// without case (DataService.extractParams, QueryFactory.createWithParam), parameter names trimmed
/// (QueryFactory.createQueryParams, createWithParam), a <c>:name</c> bound to no parameter reported (SB0116), and
/// a project's built .car beside its sources left out (SB0117).
/// </summary>
public sealed class DataServiceRequestTests
{
    private const string Config = """
        <config id="db">
          <property name="driverClassName">org.h2.Driver</property>
          <property name="url">jdbc:h2:mem:t</property>
          <property name="username">sa</property>
          <property name="password">x</property>
        </config>
        """;

    [Fact]
    public void A_parameter_is_read_from_the_path_then_the_query_then_the_body_without_regard_to_case()
    {
        // A request with a body: DataService.extractParams lower-cases the request element's names and
        // QueryFactory.createWithParam the query-param; an xsi:nil element is NULL (DataServiceRequest.getTextValueFromOMElement).
        var values = RuntimeSourceText.Function("dataServiceRequestValues");
        RuntimeSourceText.InOrder(values, "boolean form = dataServiceFormRequest(ctx);", "string key = name.toLowerAscii();",
            "property.startsWith(\"uri.var.\")",
            "(form ? property.substring(8) == name : property.substring(8).toLowerAscii() == key)",
            "if values.length() > 0 && !form {",
            // XFormURLEncodedBuilder.extractParametersFromRequest: an entry with '=' after its first character, the name
            // as written, the value percent-decoded with '+' kept (Axis2's URIEncoderDecoder.decode: urlDecodeText).
            "re `&`.split(", "if index is int && index > 0",
            "(form ? entry.substring(0, index) == name : entry.substring(0, index).toLowerAscii() == key)",
            "values.push(check urlDecodeText(entry.substring(index + 1), plusAsSpace = false));",
            // BuilderUtil.buildsoapMessage: a schema element the URL does not give is an xsi:nil element.
            "if form && values.length() == 0 {", "values.push(());",
            "if form || values.length() > 0 {",
            "xml|error payload = xmlPayload(ctx);",
            "if localName(child.getName()).toLowerAscii() == key {",
            "string? nilAttribute = child.getAttributes()[\"{http://www.w3.org/2001/XMLSchema-instance}nil\"];",
            "values.push(nilAttribute == \"true\" || nilAttribute == \"1\" ? () : child.data());");

        // ServerWorker.handleRESTUrlPost: no Content-Type (an empty one for GET and DELETE) or a form one is built
        // from the URL by XFormURLEncodedBuilder.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceFormRequest"),
            "string? contentType = ctx.headers[\"content-type\"];", "if contentType is () {", "return true;",
            "if contentType.trim() == \"\" {", "return ctx.method == \"GET\" || ctx.method == \"DELETE\";",
            "return mediaType.trim() == \"application/x-www-form-urlencoded\";");

        // CallQuery.extractParams: a missing parameter takes its default, else fails; a NULL one the default only with forceDefault.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceParam"),
            "(string?)[] values = check dataServiceRequestValues(ctx, name);",
            "if nullFails && noScalar && defaultValue is string {",
            "if values.length() == 0 || (forceDefault && noScalar) {",
            "if defaultValue is string {", "return dataServiceValue(defaultValue, sqlType);",
            "return error(string `Error in 'CallQuery.extractParams', cannot find parameter with type:query-param name:${name}`);",
            "if values.length() == 1 {", "return dataServiceValue(values[0], sqlType);",
            "DataServiceArray arrayValue = {arrayValues: bound};", "return arrayValue;");

        // SQLQuery's setters bind a null value with setNull of the parameter's type.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceValue"),
            "if value is () {", "return new sql:IntegerValue();", "return new sql:DecimalValue();", "return new sql:DoubleValue();",
            "return new sql:BitValue();", "return new sql:DateValue();", "return new sql:TimeValue();", "return new sql:TimestampValue();",
            "return new sql:VarcharValue();", "return int:fromString(value);", "return value.equalsIgnoreCaseAscii(\"true\");", "return value;");
    }

    [Fact]
    public void Padded_parameter_names_are_trimmed_and_bound()
    {
        var (main, diagnostics) = Convert($"""
            <data name="T" transports="http">{Config}
              <resource method="DELETE" path="del">
                <call-query href="q1">
                  <with-param name="id" query-param="recordId" />
                  <with-param name=" who " query-param=" who" />
                </call-query>
              </resource>
              <query id="q1" useConfig="db">
                <sql>DELETE FROM t WHERE id=:id AND who=:who</sql>
                <param name="id" sqlType="INTEGER" />
                <param name="who " sqlType="STRING" />
              </query>
            </data>
            """);
        Assert.Contains("dataServiceQuery([\"DELETE FROM t WHERE id=\", \" AND who=\", \"\"], [check dataServiceParam(ctx, \"recordId\", \"integer\"), check dataServiceParam(ctx, \"who\")])", main, StringComparison.Ordinal);
        Assert.DoesNotContain(":who", main, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticCatalog.DataServicePlaceholderUnbound.Id);
    }

    [Fact]
    public void A_placeholder_no_parameter_names_is_reported_once_and_kept_as_text()
    {
        var (main, diagnostics) = Convert($"""
            <data name="T" transports="http">{Config}
              <query id="q1" useConfig="db">
                <sql>UPDATE t SET a = :a, b = :B WHERE c = :c AND d = '10:30' AND e = x::text -- :f</sql>
                <param name="a" sqlType="STRING" />
                <param name="b" sqlType="STRING" />
              </query>
              <resource method="POST" path="one"><call-query href="q1"><with-param name="a" query-param="a"/><with-param name="b" query-param="b"/></call-query></resource>
              <operation name="two"><call-query href="q1"><with-param name="a" query-param="a"/><with-param name="b" query-param="b"/></call-query></operation>
            </data>
            """);
        // ExpressionQuery binds by name case-sensitively: ':B' and ':c' stay in the SQL; quoted text, casts and comments are no placeholders.
        Assert.Contains("b = :B WHERE c = :c AND", main, StringComparison.Ordinal);
        var unbound = diagnostics.Where(d => d.Id == DiagnosticCatalog.DataServicePlaceholderUnbound.Id).Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, unbound.Count);
        Assert.Contains("':B', which no <param> of the query names (its parameters: 'a', 'b')", unbound[0], StringComparison.Ordinal);
        Assert.Contains("':c'", unbound[1], StringComparison.Ordinal);
        Assert.Contains("a run-time error", unbound[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_with_param_of_one_name_is_the_one_used()
    {
        var (main, _) = Convert($"""
            <data name="T" transports="http">{Config}
              <query id="q1" useConfig="db"><sql>DELETE FROM t WHERE id=:id</sql><param name="id" sqlType="STRING" /></query>
              <resource method="DELETE" path="del">
                <call-query href="q1"><with-param name="id" query-param="first"/><with-param name=" id" query-param="second"/></call-query>
              </resource>
            </data>
            """);
        Assert.Contains("dataServiceParam(ctx, \"second\")", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_no_with_param_gives_is_its_default_or_fails_every_request()
    {
        // CallQuery.extractParams passes only with-params and the defaults (processDefaultValues); Query.extractParams
        // then fails on a parameter neither gives: INCOMPATIBLE_PARAMETERS_ERROR, whatever the request holds.
        var (main, diagnostics) = Convert($"""
            <data name="T" transports="http">{Config}
              <query id="q1" useConfig="db">
                <sql>DELETE FROM t WHERE id=:id AND who=:who AND kind=:kind</sql>
                <param name="id" sqlType="INTEGER" />
                <param name="who" sqlType="STRING" />
                <param name="kind" sqlType="INTEGER" defaultValue="5" />
              </query>
              <resource method="DELETE" path="del"><call-query href="q1"><with-param name="id" query-param="id"/></call-query></resource>
              <operation name="purge"><call-query href="q1"><with-param name="id" query-param="id"/></call-query></operation>
            </data>
            """);
        Assert.Contains("[check dataServiceParam(ctx, \"id\", \"integer\"), check dataServiceUnmappedParam(\"who\"), check dataServiceValue(\"5\", \"integer\")]", main, StringComparison.Ordinal);
        Assert.DoesNotContain("dataServiceParam(ctx, \"who\"", main, StringComparison.Ordinal);
        var unmapped = diagnostics.Where(d => d.Id == DiagnosticCatalog.DataServiceParameterUnmapped.Id).Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, unmapped.Count);
        Assert.Contains("Query 'q1' binds the parameter 'who', which no with-param of the call-query of the resource DELETE del gives", unmapped[0], StringComparison.Ordinal);
        Assert.Contains("of the operation 'purge' gives", unmapped[1], StringComparison.Ordinal);
        Assert.Contains("function dataServiceUnmappedParam(string name) returns sql:Value|error =>", RuntimeSourceText.Support, StringComparison.Ordinal);
        Assert.Contains("error(string `Error in 'Query.extractParams', cannot find query param with name:${name}`);", RuntimeSourceText.Support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_with_param_column_reads_the_request_parameter_as_written_and_force_default_is_read_as_the_engine_reads_it()
    {
        var (main, diagnostics) = Convert($"""
            <data name="T" transports="http">{Config}
              <query id="q1" useConfig="db">
                <sql>DELETE FROM t WHERE id=:id AND who=:who AND kind=:kind</sql>
                <param name="id" sqlType="INTEGER" />
                <param name="who" sqlType="STRING" defaultValue="me" forceDefault="TRUE" />
                <param name="kind" sqlType="STRING" defaultValue="k" />
              </query>
              <resource method="DELETE" path="del">
                <call-query href="q1">
                  <with-param name="id" column="Record" query-param="ignored"/>
                  <with-param name="who" query-param="who"/>
                  <with-param name="kind" query-param="type"/>
                </call-query>
              </resource>
            </data>
            """);
        // createWithParam: column first (not trimmed); CallQuery.extractParams reads forceDefault from the query
        // parameter named as the request parameter (none for 'type': a NULL value fails, a NullPointerException).
        Assert.Contains("[check dataServiceParam(ctx, \"Record\", \"integer\"), check dataServiceParam(ctx, \"who\", defaultValue = \"me\", forceDefault = true), check dataServiceParam(ctx, \"type\", defaultValue = \"k\", nullFails = true)]", main, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    [Fact]
    public void Columns_by_number_and_element_group_attributes_the_engine_ignores_are_translated()
    {
        var (main, diagnostics) = Convert($"""
            <data name="T" transports="http">{Config}
              <query id="q1" useConfig="db">
                <sql>SELECT id, name FROM t</sql>
                <result element="Rows" rowName="Row" useColumnNumbers="true">
                  <element column="1" name="id"/>
                  <element name="details" optional="true" xsdType="string"><element column="2" name="name"/></element>
                </result>
              </query>
              <resource method="GET" path="rows"><call-query href="q1"/></resource>
            </data>
            """);
        Assert.Contains("[{column: \"1\", name: \"id\"}, {elementGroup: \"details\", namespace: \"http://ws.wso2.org/dataservice\", entries: [{column: \"2\", name: \"name\"}]}], useColumnNumbers = true);", main, StringComparison.Ordinal);
        Assert.Contains("`SELECT id, name FROM t`", main, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id);
    }

    private const string Sequence = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="LogSeq"><log level="full"/></sequence>""";

    private const string EditedSequence = """<sequence xmlns="http://ws.apache.org/ns/synapse" name="LogSeq"><log level="custom"><property name="edited" value="in the source"/></log></sequence>""";

    private const string Api = """<api xmlns="http://ws.apache.org/ns/synapse" name="HelloAPI" context="/hello"><resource methods="GET"><inSequence><sequence key="LogSeq"/><respond/></inSequence></resource></api>""";

    [Fact]
    public void A_car_built_from_the_project_beside_its_sources_is_left_out_naming_both_files()
    {
        using var temp = new TempDirectory();
        temp.Write("HelloConfigs/src/main/synapse-config/api/HelloAPI.xml", Api);
        temp.Write("HelloConfigs/src/main/synapse-config/sequences/LogSeq.xml", EditedSequence);
        TestArchives.Build(temp.Combine("CARs", "Hello_1.0.0.car"),
            ("HelloAPI_1.0.0/HelloAPI-1.0.0.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Api.Replace("><", ">\n  <", StringComparison.Ordinal)),
            ("LogSeq_1.0.0/LogSeq-1.0.0.xml", Sequence));

        var result = Converter.Convert(new ConversionOptions(temp.Path));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0501" or "SB0506");
        var notes = result.Diagnostics.Where(d => d.Id == DiagnosticCatalog.BuiltCopyOfSource.Id).Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Equal("'CARs/Hello_1.0.0.car!/HelloAPI_1.0.0/HelloAPI-1.0.0.xml' is the built copy of 'HelloConfigs/src/main/synapse-config/api/HelloAPI.xml' of the project's sources, with the same content; it is not converted, the source is", notes[0]);
        // Every artifact of the archive is a source: it is the project's build, and the edited source is the one used.
        Assert.Equal("'CARs/Hello_1.0.0.car!/LogSeq_1.0.0/LogSeq-1.0.0.xml' is the built copy of 'HelloConfigs/src/main/synapse-config/sequences/LogSeq.xml' of the project's sources, with a different content (the archive was built from another state of the sources); it is not converted, the source is", notes[1]);
        Assert.Contains(result.Files, f => f.Content.Contains("in the source", StringComparison.Ordinal));
    }

    /// <summary>A data source is named by its <c>&lt;name&gt;</c> child: the archive's copy is a built copy too.</summary>
    [Fact]
    public void A_car_built_from_the_project_with_a_data_source_is_left_out_too()
    {
        const string dataSource = """<datasource><name>OrdersDS</name><definition type="RDBMS"><configuration><url>jdbc:h2:mem:orders</url><username>sa</username><driverClassName>org.h2.Driver</driverClassName></configuration></definition></datasource>""";
        using var temp = new TempDirectory();
        temp.Write("HelloConfigs/src/main/synapse-config/api/HelloAPI.xml", Api);
        temp.Write("HelloConfigs/src/main/synapse-config/sequences/LogSeq.xml", Sequence);
        temp.Write("HelloDataSources/datasource/OrdersDS.xml", dataSource);
        TestArchives.Build(temp.Combine("CARs", "Hello_1.0.0.car"),
            ("HelloAPI_1.0.0/HelloAPI-1.0.0.xml", Api),
            ("LogSeq_1.0.0/LogSeq-1.0.0.xml", EditedSequence),
            ("OrdersDS_1.0.0/OrdersDS-1.0.0.xml", dataSource));

        var result = Converter.Convert(new ConversionOptions(temp.Path));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SB0501" or "SB0506");
        Assert.Equal(3, result.Diagnostics.Count(d => d.Id == DiagnosticCatalog.BuiltCopyOfSource.Id));
    }

    [Fact]
    public void A_car_with_other_artifacts_keeps_its_differing_copy_and_names_both_files()
    {
        using var temp = new TempDirectory();
        temp.Write("src/LogSeq.xml", EditedSequence);
        temp.Write("src/T.dbs", $"""<data name="T" transports="http">{Config}</data>""");
        TestArchives.Build(temp.Combine("CARs", "Other_1.0.0.car"),
            ("HelloAPI_1.0.0/HelloAPI-1.0.0.xml", Api),
            ("LogSeq_1.0.0/LogSeq-1.0.0.xml", Sequence),
            ("T_1.0.0/T-1.0.0.dbs", $"""<data name="T" transports="http https">{Config}</data>"""));

        var result = Converter.Convert(new ConversionOptions(temp.Path));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticCatalog.BuiltCopyOfSource.Id);
        var duplicate = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticCatalog.DuplicateArtifact.Id).GetMessage();
        Assert.Equal("Sequence 'LogSeq' is defined more than once: the definition in 'LogSeq.xml' is used and this later one, in 'Other_1.0.0.car!/LogSeq_1.0.0/LogSeq-1.0.0.xml', is ignored", duplicate);
        var clash = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticCatalog.ServiceNameClash.Id).GetMessage();
        Assert.Contains("so the data service of 'T.dbs' is the one generated at /services/T and this data service, of 'Other_1.0.0.car!/T_1.0.0/T-1.0.0.dbs', is kept as a TODO", clash, StringComparison.Ordinal);
    }

    private static (string Main, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics) Convert(string dbs)
    {
        using var temp = new TempDirectory();
        temp.Write("T.dbs", dbs);
        var result = Converter.Convert(new ConversionOptions(temp.Path));
        return (result.Files.Single(f => f.RelativePath == "main.bal").Content, result.Diagnostics.ToList());
    }
}
