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
        var port = new ConfigurableIr(new Symbol(SymbolKind.Configurable, "http port"), ConfigurableType.Integer, null, "Port", false);
        var package = new PackageIr(new ListenerIr(new Symbol(SymbolKind.Listener, "l"), port), [], [], [], [port], [], default, default);

        Assert.Equal(
            """
            PackageIr
              Listener:
                ListenerIr Name=Listener("l")
                  Port:
                    ConfigurableIr Name=Configurable("http port") Type=Integer Description="Port" Secret=false
              Configurables:
                ConfigurableIr Name=Configurable("http port") Type=Integer Description="Port" Secret=false

            """.ReplaceLineEndings("\n"),
            IrPrinter.Print(package));
        Assert.Equal("(none)\n", IrPrinter.Print(null));
    }

    [Fact]
    public void Syntax_origins_and_locations_print_as_line_and_column_only_and_source_paths_relative()
    {
        var step = new TodoStep(new RespondMediator(Where, "<respond xmlns=\"secret\"/>"), new NotTranslatedIr(SynapseToBal.Diagnostics.DiagnosticCatalog.MediatorNotTranslated, "not translated"), "<x/>");
        var function = new FunctionIr(new Symbol(SymbolKind.Function, "main"), FunctionKind.Sequence, true, [step, new AcceptStep(null)], "Main", Where);
        var package = new PackageIr(null!, [], [function], [], [], [], ["/machine/specific/project/sequences/Main.xml", "/elsewhere/Other.xml"], default);

        var text = IrPrinter.Print(package, "/machine/specific/project/");

        Assert.Equal(
            """
            PackageIr
              Functions:
                FunctionIr Name=Function("main") Kind=Sequence CanStop=true Summary="Main" Origin=@3:5
                  Body:
                    TodoStep Origin=@3:5 RawXml="<x/>"
                      Reason:
                        NotTranslatedIr Descriptor=SB0201 Message="not translated"
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
