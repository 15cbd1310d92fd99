using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The ESB file connector 2.x: create, isFileExist, delete, read, append, copy, move and search on local files.</summary>
public sealed class FileConnectorLoweringTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string operations) =>
        ArtifactLowering.Definitions($"""<sequence name="flow">{operations}</sequence>""");

    private static StepIr Single(string operation) => Assert.Single(Assert.Single(Lower(operation).Package.Functions).Body);

    [Theory]
    [InlineData("<fileconnector.create><source>/tmp/a.txt</source></fileconnector.create>", FileConnectorOperation.Create)]
    [InlineData("<fileconnector.create><filePath>/tmp/a.txt</filePath></fileconnector.create>", FileConnectorOperation.Create)]
    [InlineData("<fileconnector.isFileExist><source>/tmp/a.txt</source></fileconnector.isFileExist>", FileConnectorOperation.IsFileExist)]
    [InlineData("<fileconnector.delete><source>/tmp/a.txt</source></fileconnector.delete>", FileConnectorOperation.Delete)]
    [InlineData("<fileconnector.read><source>/tmp/a.txt</source><streaming>true</streaming><filePattern> </filePattern></fileconnector.read>", FileConnectorOperation.Read)]
    [InlineData("<fileconnector.append><destination>/tmp/a.txt</destination><inputContent>x</inputContent><position></position></fileconnector.append>", FileConnectorOperation.Append)]
    public void An_operation_on_a_named_file_becomes_its_helper_call(string xml, FileConnectorOperation operation)
    {
        var step = Assert.IsType<FileConnectorStep>(Single(xml));

        Assert.Equal(operation, step.Operation);
        Assert.Equal("/tmp/a.txt", Assert.IsType<StringLiteralIr>(step.Location).Value);
    }

    [Fact]
    public void Create_carries_its_content_and_the_remote_only_settings_change_nothing()
    {
        var step = Assert.IsType<FileConnectorStep>(Single("""
            <fileconnector.create>
                <source>{$ctx:path}</source><inputContent>{$ctx:text}</inputContent><encoding>UTF-8</encoding>
                <setTimeout>100</setTimeout><setPassiveMode>true</setPassiveMode><setSoTimeout>5</setSoTimeout>
                <setStrictHostKeyChecking>no</setStrictHostKeyChecking><setUserDirIsRoot>false</setUserDirIsRoot>
            </fileconnector.create>
            """));

        Assert.IsNotType<StringLiteralIr>(step.Location);
        Assert.NotNull(step.Content);
        Assert.Null(step.Encoding);
        Assert.Null(step.Binary);
        Assert.Null(step.Pattern);
    }

    [Fact]
    public void A_computed_encoding_or_binary_flag_is_left_to_the_helper_and_a_false_flag_is_dropped()
    {
        var computed = Assert.IsType<FileConnectorStep>(Single("<fileconnector.create><source>/a.bin</source><inputContent>QQ==</inputContent><encoding>{$ctx:e}</encoding><isBinaryContent>{$ctx:b}</isBinaryContent></fileconnector.create>"));
        var plain = Assert.IsType<FileConnectorStep>(Single("<fileconnector.create><source>/a.txt</source><inputContent>x</inputContent><isBinaryContent>false</isBinaryContent></fileconnector.create>"));

        Assert.NotNull(computed.Encoding);
        Assert.NotNull(computed.Binary);
        Assert.Null(plain.Binary);
    }

    [Theory]
    [InlineData("<contentType>text/plain; charset=UTF-8</contentType>", "text/plain; charset=UTF-8")]
    [InlineData("<contentType>{$ctx:type}</contentType>", null)]
    [InlineData("", null)]
    public void Read_passes_its_content_type_on(string parameter, string? literal)
    {
        var step = Assert.IsType<FileConnectorStep>(Single($"<fileconnector.read><source>/a.txt</source>{parameter}</fileconnector.read>"));

        Assert.Equal(FileConnectorOperation.Read, step.Operation);
        Assert.Equal(parameter.Length > 0, step.ContentType is not null);
        Assert.Equal(literal, (step.ContentType as StringLiteralIr)?.Value);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("*", null)]
    [InlineData(@"a\.txt", @"a\.txt")]
    public void A_literal_delete_pattern_is_translated_and_one_selecting_everything_is_dropped(string pattern, string? expected)
    {
        var step = Assert.IsType<FileConnectorStep>(Single($"<fileconnector.delete><source>/in</source><filePattern>{pattern}</filePattern></fileconnector.delete>"));

        Assert.Equal(expected, (step.Pattern as StringLiteralIr)?.Value);
    }

    [Theory]
    [InlineData("<fileconnector.create><source>/a.txt</source><encoding>ISO-8859-1</encoding></fileconnector.create>", "is not UTF-8")]
    [InlineData("<fileconnector.delete><source>/in</source><filePattern>(?&lt;=a)b</filePattern></fileconnector.delete>", "lookbehind")]
    [InlineData("<fileconnector.delete><source>/in</source><recursive>true</recursive></fileconnector.delete>", "recursive is set")]
    [InlineData("<fileconnector.isFileExist configKey=\"c\"><source>/in</source></fileconnector.isFileExist>", "configKey")]
    [InlineData("<fileconnector.create><inputContent>x</inputContent></fileconnector.create>", "names no file")]
    [InlineData("<fileconnector.create><source>/a</source><filePath>/b</filePath></fileconnector.create>", "both source and filePath")]
    [InlineData("<fileconnector.create><source><a/></source></fileconnector.create>", "holds XML")]
    [InlineData("<fileconnector.read><source>/in</source><filePattern>a.*</filePattern></fileconnector.read>", "connector versions differ")]
    [InlineData("<fileconnector.read><source>/in</source><filePattern>{$ctx:p}</filePattern></fileconnector.read>", "connector versions differ")]
    [InlineData("<fileconnector.read><source>/a.txt</source><contentType>text/plain; charset=\"ISO-8859-1\"</contentType></fileconnector.read>", "in ISO-8859-1, not UTF-8")]
    [InlineData("<fileconnector.read><source>/a.txt</source><numberOfLinesToSkip>1</numberOfLinesToSkip></fileconnector.read>", "numberOfLinesToSkip is set")]
    [InlineData("<fileconnector.append><destination>/a.txt</destination><position>{$ctx:p}</position></fileconnector.append>", "sets a position")]
    [InlineData("<fileconnector.append><source>/a.txt</source></fileconnector.append>", "source is set")]
    [InlineData("<fileconnector.append><destination>/a.txt</destination><encoding>UTF-16</encoding></fileconnector.append>", "is not UTF-8")]
    public void An_operation_the_helper_does_not_reproduce_stays_a_todo_that_says_why(string xml, string reason)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<fileconnector.unzip><source>/a.zip</source><destination>/b</destination></fileconnector.unzip>")]
    [InlineData("<fileconnector.archives><source>/a</source><destination>/b.zip</destination></fileconnector.archives>")]
    [InlineData("<fileconnector.listFileZip><source>/a.zip</source></fileconnector.listFileZip>")]
    [InlineData("<fileconnector.isfileexist><source>/a</source></fileconnector.isfileexist>")]
    public void The_other_operations_stay_todos(string xml)
    {
        Assert.IsType<TodoStep>(Single(xml));
    }

    [Theory]
    [InlineData("copy", FileConnectorOperation.Copy)]
    [InlineData("move", FileConnectorOperation.Move)]
    public void Copy_and_move_carry_the_destination_the_pattern_and_the_parent_flag(string name, FileConnectorOperation operation)
    {
        var step = Assert.IsType<FileConnectorStep>(Single($"""
            <fileconnector.{name}>
                <source>file:///in</source><destination>{"{$ctx:to}"}</destination><filePattern>.*\.csv</filePattern>
                <includeParentDirectory>true</includeParentDirectory><setTimeout>5</setTimeout>
            </fileconnector.{name}>
            """));

        Assert.Equal(operation, step.Operation);
        Assert.Equal("file:///in", Assert.IsType<StringLiteralIr>(step.Location).Value);
        Assert.IsNotType<StringLiteralIr>(step.Destination);
        Assert.NotNull(step.Destination);
        Assert.Equal(@"[^\n\r\u{85}\u{2028}\u{2029}]*\.csv", Assert.IsType<StringLiteralIr>(step.Pattern).Value);
        Assert.Equal("true", Assert.IsType<StringLiteralIr>(step.IncludeParentDirectory).Value);
        Assert.Null(step.RecursiveSearch);
    }

    [Theory]
    [InlineData("<filePattern></filePattern><includeParentDirectory>false</includeParentDirectory>")]
    [InlineData("<includeParentDirectory>yes</includeParentDirectory>")]
    [InlineData("")]
    public void An_empty_pattern_and_a_parent_flag_other_than_true_are_dropped(string parameters)
    {
        var step = Assert.IsType<FileConnectorStep>(Single($"<fileconnector.copy><source>/in</source><destination>/out</destination>{parameters}</fileconnector.copy>"));

        Assert.Null(step.Pattern);
        Assert.Null(step.IncludeParentDirectory);
        Assert.Equal("/out", Assert.IsType<StringLiteralIr>(step.Destination).Value);
    }

    [Fact]
    public void Search_carries_its_pattern_and_recursive_flag_and_no_destination()
    {
        var step = Assert.IsType<FileConnectorStep>(Single("<fileconnector.search><source>/in</source><filePattern>{$ctx:p}</filePattern><recursiveSearch>true</recursiveSearch></fileconnector.search>"));
        var unset = Assert.IsType<FileConnectorStep>(Single("<fileconnector.search><source>/in</source><filePattern>a.*</filePattern></fileconnector.search>"));

        Assert.Equal(FileConnectorOperation.Search, step.Operation);
        Assert.IsNotType<StringLiteralIr>(step.Pattern);
        Assert.Equal("true", Assert.IsType<StringLiteralIr>(step.RecursiveSearch).Value);
        Assert.Null(step.Destination);
        Assert.Null(unset.RecursiveSearch);
    }

    [Theory]
    [InlineData("<fileconnector.copy><source>/in</source></fileconnector.copy>", "names no destination")]
    [InlineData("<fileconnector.move><destination>/out</destination></fileconnector.move>", "names no file (source)")]
    [InlineData("<fileconnector.copy><source>/in</source><destination>/out</destination><filePattern>*</filePattern></fileconnector.copy>", "its filePattern '*' is not a regular expression")]
    [InlineData("<fileconnector.move><source>/in</source><destination>/out</destination><filePattern>(?&lt;=a)b</filePattern></fileconnector.move>", "lookbehind")]
    [InlineData("<fileconnector.search><source>/in</source><filePattern>a</filePattern><destination>/out</destination></fileconnector.search>", "destination is set")]
    [InlineData("<fileconnector.copy><source>/in</source><destination>/out</destination><overwrite>true</overwrite></fileconnector.copy>", "overwrite is set")]
    public void A_copy_move_or_search_the_helper_does_not_reproduce_stays_a_todo_that_says_why(string xml, string reason)
    {
        var todo = Assert.IsType<TodoStep>(Single(xml));

        Assert.Equal(DiagnosticCatalog.ConnectorOperationNotTranslated, todo.Reason.Descriptor);
        Assert.Contains(reason, todo.Reason.Message, StringComparison.Ordinal);
    }
}
