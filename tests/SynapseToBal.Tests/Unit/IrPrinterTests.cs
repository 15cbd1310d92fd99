using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class IrPrinterTests
{
    private static readonly SourceLocation Where = new(
        "/machine/specific/project/sequences/Main.xml",
        new TextSpan(40, 11),
        new LinePositionSpan(new LinePosition(2, 4), new LinePosition(2, 15)));

    [Fact]
    public void Strings_are_quoted_with_escapes()
    {
        var text = IrPrinter.Print(new StringLiteralIr("say \"hi\"\\\n\tthen\r\u0001 ok 😀"));

        Assert.Equal("StringLiteralIr Value=\"say \\\"hi\\\"\\\\\\n\\tthen\\r\\u0001 ok 😀\"\n", text);
    }

    [Fact]
    public void Null_values_and_empty_arrays_are_left_out_and_children_go_under_their_property()
    {
        var package = new PackageIr([], [], [], [new ConfigurableIr("httpPort", "int", null, "Port", false)], [], default);

        Assert.Equal(
            """
            PackageIr
              Configurables:
                ConfigurableIr Name="httpPort" Type="int" Description="Port" Secret=false

            """.ReplaceLineEndings("\n"),
            IrPrinter.Print(package));
        Assert.Equal("(none)\n", IrPrinter.Print(null));
    }

    [Fact]
    public void Syntax_origins_and_locations_print_as_line_and_column_only_and_source_paths_relative()
    {
        var step = new TodoStep(new RespondMediator(Where, "<respond xmlns=\"secret\"/>"), "SB0201", "not translated", "<x/>");
        var function = new FunctionIr("main", FunctionKind.Sequence, true, [step, new AcceptStep(null)], "Main", Where);
        var package = new PackageIr([], [function], [], [], [], ["/machine/specific/project/sequences/Main.xml", "/elsewhere/Other.xml"]);

        var text = IrPrinter.Print(package, "/machine/specific/project/");

        Assert.Equal(
            """
            PackageIr
              Functions:
                FunctionIr Name="main" Kind=Sequence CanStop=true Summary="Main" Origin=@3:5
                  Body:
                    TodoStep Origin=@3:5 Code="SB0201" Message="not translated" RawXml="<x/>"
                    AcceptStep
              SourceFiles:
                "sequences/Main.xml"
                "/elsewhere/Other.xml"

            """.ReplaceLineEndings("\n"),
            text);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Terminates", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_met_again_among_its_ancestors_prints_as_a_cycle()
    {
        var loop = new Loop();
        loop.Next = new Loop { Next = loop };

        Assert.Equal(
            "IrPrinterTests.Loop\n  Next:\n    IrPrinterTests.Loop\n      Next:\n        IrPrinterTests.Loop (cycle)\n",
            IrPrinter.Print(loop));
    }

    private sealed class Loop
    {
        public Loop? Next { get; set; }
    }
}
