using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The ESB file connector 1.0.0 (filelocation and file) and 2.x's getSize, getLastModifiedTime and readALine on local files.
/// </summary>
public sealed class FileConnectorV1LoweringTests
{
    private static StepIr Single(string operation) =>
        Assert.Single(Assert.Single(ArtifactLowering.Definitions($"""<sequence name="flow">{operation}</sequence>""").Package.Functions).Body);

    private static Dictionary<string, string> LiteralArguments(FileConnectorV1Step step) =>
        step.Arguments.ToDictionary(a => a.Name, a => Assert.IsType<StringLiteralIr>(a.Value).Value);

    [Theory]
    [InlineData("create", FileConnectorV1Operation.Create)]
    [InlineData("append", FileConnectorV1Operation.Append)]
    [InlineData("isfileexist", FileConnectorV1Operation.IsFileExist)]
    [InlineData("delete", FileConnectorV1Operation.Delete)]
    [InlineData("rename", FileConnectorV1Operation.Rename)]
    [InlineData("copy", FileConnectorV1Operation.Copy)]
    [InlineData("copylarge", FileConnectorV1Operation.CopyLarge)]
    [InlineData("move", FileConnectorV1Operation.Move)]
    public void A_1_0_0_operation_becomes_its_helper_call_with_the_location_and_file(string name, FileConnectorV1Operation operation)
    {
        var step = Assert.IsType<FileConnectorV1Step>(Single(
            $"<fileconnector.{name}><filelocation>file:///in/</filelocation><file>a.xml</file></fileconnector.{name}>"));

        Assert.Equal(operation, step.Operation);
        Assert.Equal(new Dictionary<string, string> { ["location"] = "file:///in/", ["fileName"] = "a.xml" }, LiteralArguments(step));
    }

    [Fact]
    public void Each_parameter_the_helper_reads_is_passed_by_its_helper_name_and_the_unread_ones_are_dropped()
    {
        var create = Assert.IsType<FileConnectorV1Step>(Single(
            "<fileconnector.create><filelocation>/in/</filelocation><file>d</file><content>x</content><contenttype>text/plain</contenttype>"
            + "<encoding>UTF-8</encoding><isfolder>true</isfolder><ftpfilelocation>ftp://h/</ftpfilelocation></fileconnector.create>"));
        var move = Assert.IsType<FileConnectorV1Step>(Single(
            "<fileconnector.move><filelocation>/in/</filelocation><file>a.xml</file><newfilelocation>/done/</newfilelocation>"
            + "<filebeforeprocess>/before/</filebeforeprocess><fileafterprocess>/after/</fileafterprocess></fileconnector.move>"));
        var rename = Assert.IsType<FileConnectorV1Step>(Single(
            "<fileconnector.rename><filelocation>/in/</filelocation><file>a.xml</file><newfilename>b.xml</newfilename></fileconnector.rename>"));

        Assert.Equal(["location", "fileName", "content", "encoding", "isFolder"], create.Arguments.Select(a => a.Name));
        Assert.Equal("true", LiteralArguments(create)["isFolder"]);
        Assert.Equal(["location", "fileName", "newLocation", "beforeProcess", "afterProcess"], move.Arguments.Select(a => a.Name));
        Assert.Equal("b.xml", LiteralArguments(rename)["newFileName"]);
    }

    [Fact]
    public void A_computed_file_name_is_evaluated()
    {
        var step = Assert.IsType<FileConnectorV1Step>(Single(
            "<fileconnector.isfileexist><filelocation>/in/</filelocation><file>{$ctx:name}</file></fileconnector.isfileexist>"));

        Assert.IsNotType<StringLiteralIr>(step.Arguments.Single(a => a.Name == "fileName").Value);
    }

    [Theory]
    [InlineData("<fileconnector.append><filelocation>/in/</filelocation><file>a</file><contenttype>text/plain</contenttype></fileconnector.append>", "contenttype is set, which the connector 1.0.0 template does not declare")]
    [InlineData("<fileconnector.read><filelocation>/in/</filelocation><file>a.xml</file></fileconnector.read>", "the file connector 1.0.0's read")]
    [InlineData("<fileconnector.create><filelocation>/in/</filelocation><file>a</file><encoding>ISO-8859-1</encoding></fileconnector.create>", "'ISO-8859-1' is not UTF-8")]
    [InlineData("<fileconnector.append><filelocation>/in/</filelocation><file>a</file><offset>end</offset></fileconnector.append>", "offset 'end' is no number")]
    [InlineData("<fileconnector.append><filelocation>/in/</filelocation><file>a</file><offset>99999999999</offset></fileconnector.append>", "is no number")]
    [InlineData("<fileconnector.append><filelocation>/in/</filelocation><file>a</file><offset>{$ctx:o}</offset></fileconnector.append>", "offset is computed")]
    [InlineData("<fileconnector.unzip><filelocation>/a.zip</filelocation><newfilelocation>/b/</newfilelocation></fileconnector.unzip>", "1.0.0's unzip")]
    [InlineData("<fileconnector.listFile><filelocation>ftp://u:p@h/a</filelocation></fileconnector.listFile>", "1.0.0's listFile")]
    [InlineData("<fileconnector.isfileexist><source>/a</source></fileconnector.isfileexist>", "source is set")]
    [InlineData("<fileconnector.copy configKey=\"c\"><filelocation>/in/</filelocation><file>a</file></fileconnector.copy>", "configKey")]
    public void A_1_0_0_operation_the_helpers_do_not_reproduce_stays_a_todo_that_says_why(string xml, string reason)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_append_offset_that_parses_is_dropped_as_the_connector_never_uses_it()
    {
        var step = Assert.IsType<FileConnectorV1Step>(Single(
            "<fileconnector.append><filelocation>/in/</filelocation><file>a</file><offset>+12</offset></fileconnector.append>"));

        Assert.DoesNotContain(step.Arguments, a => a.Name == "offset");
    }

    [Fact]
    public void A_2_x_operation_with_a_source_stays_a_2_x_operation()
    {
        var step = Assert.IsType<FileConnectorStep>(Single("<fileconnector.copy><source>/a</source><destination>/b</destination></fileconnector.copy>"));

        Assert.Equal(FileConnectorOperation.Copy, step.Operation);
    }

    [Theory]
    [InlineData("getSize", FileConnectorOperation.GetSize)]
    [InlineData("getLastModifiedTime", FileConnectorOperation.GetLastModifiedTime)]
    public void Size_and_modification_time_become_their_helper_calls(string name, FileConnectorOperation operation)
    {
        var step = Assert.IsType<FileConnectorStep>(Single(
            $"<fileconnector.{name}><source>/in/a.csv</source><setTimeout>10</setTimeout></fileconnector.{name}>"));

        Assert.Equal(operation, step.Operation);
        Assert.Equal("/in/a.csv", Assert.IsType<StringLiteralIr>(step.Location).Value);
        Assert.Null(step.LineNumber);
    }

    [Fact]
    public void Read_a_line_carries_its_line_number()
    {
        var step = Assert.IsType<FileConnectorStep>(Single(
            "<fileconnector.readALine><source>/in/a.csv</source><lineNumber>3</lineNumber></fileconnector.readALine>"));

        Assert.Equal(FileConnectorOperation.ReadALine, step.Operation);
        Assert.Equal("3", Assert.IsType<StringLiteralIr>(step.LineNumber).Value);
    }

    [Theory]
    [InlineData("<fileconnector.getSize><source>/a</source><lineNumber>3</lineNumber></fileconnector.getSize>", "lineNumber is set")]
    [InlineData("<fileconnector.readSpecifiedLines><source>/a</source><start>1</start><end>2</end></fileconnector.readSpecifiedLines>", "readSpecifiedLines")]
    public void Size_time_and_line_operations_the_helpers_do_not_reproduce_stay_todos(string xml, string text)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Contains(text, todo.Reason.Message, StringComparison.Ordinal);
    }
}
