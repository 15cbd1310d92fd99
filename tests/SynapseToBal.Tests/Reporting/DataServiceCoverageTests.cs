using SynapseToBal.Driver;
using SynapseToBal.Report;
using SynapseToBal.Syntax;
using SynapseToBal.Tests.Project;
using Xunit;

namespace SynapseToBal.Tests.Reporting;

/// <summary>
/// A data service has no mediators: its REST resources and SOAP operations are its units of coverage, so one whose
/// resources and operations are TODOs is not reported as fully translated.
/// </summary>
public sealed class DataServiceCoverageTests
{
    private const string Config = """
        <config id="db">
          <property name="driverClassName">org.h2.Driver</property>
          <property name="url">jdbc:h2:mem:t</property>
        </config>
        <query id="q" useConfig="db"><sql>select ID from p where id = :id</sql><result element="R" rowName="r"><element column="ID" name="id"/></result><param name="id" sqlType="INTEGER"/></query>
        """;

    private static MigrationReportData Report(string inner, string attributes = "")
    {
        using var temp = new TempDirectory();
        temp.Write("D.dbs", $"<data name=\"D\"{attributes}>{Config}{inner}</data>");
        return Converter.Convert(new ConversionOptions(temp.Path)).Report!;
    }

    [Fact]
    public void A_data_service_whose_resources_and_operations_are_todos_is_not_converted()
    {
        var report = Report("""
            <resource method="GET" path="one" custom="x"><call-query href="q"><with-param name="id" query-param="id"/></call-query></resource>
            <operation name="two" custom="x"><call-query href="q"><with-param name="id" query-param="id"/></call-query></operation>
            """);
        var row = Assert.Single(report.Artifacts, a => a.Name == "D");
        Assert.Equal((2, 0, 2), (row.Mediators, row.MediatorsTranslated, row.MediatorsInTodos));
        Assert.Equal(ArtifactStatus.NotConverted, row.Status);
        Assert.Equal(0.0, report.Summary.WeightedCoverage);
        Assert.Equal(6, report.Summary.WeightUnitsInTodos);
        Assert.Contains(report.Unsupported, u => u.Element == DataServiceRequestUnit.Resource && u.Count == 1);
        Assert.Contains(report.Unsupported, u => u.Element == DataServiceRequestUnit.Operation && u.Count == 1);
    }

    [Fact]
    public void A_translated_resource_counts_as_code_and_a_todo_beside_it_as_not()
    {
        var report = Report("""
            <resource method="GET" path="one"><call-query href="q"><with-param name="id" query-param="id"/></call-query></resource>
            <resource method="GET" path="two" custom="x"><call-query href="q"><with-param name="id" query-param="id"/></call-query></resource>
            """);
        var row = Assert.Single(report.Artifacts, a => a.Name == "D");
        Assert.Equal((2, 1, 1), (row.Mediators, row.MediatorsTranslated, row.MediatorsInTodos));
        Assert.Equal(ArtifactStatus.Partial, row.Status);
        Assert.Equal(0.5, report.Summary.WeightedCoverage);
    }

    [Fact]
    public void A_data_service_kept_whole_has_every_resource_in_its_todo()
    {
        // No config the converter translates: the data service is one TODO (SB0202).
        using var temp = new TempDirectory();
        temp.Write("D.dbs", """
            <data name="D">
              <config id="db"><property name="csv_datasource">/tmp/x.csv</property></config>
              <query id="q" useConfig="db"><sql>select 1</sql></query>
              <resource method="GET" path="one"><call-query href="q"/></resource>
            </data>
            """);
        var row = Assert.Single(Converter.Convert(new ConversionOptions(temp.Path)).Report!.Artifacts, a => a.Name == "D");
        Assert.Equal((1, 0, 1), (row.Mediators, row.MediatorsTranslated, row.MediatorsInTodos));
        Assert.Equal(ArtifactStatus.NotConverted, row.Status);
    }
}
