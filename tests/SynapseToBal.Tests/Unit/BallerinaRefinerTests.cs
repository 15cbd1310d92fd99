using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class BallerinaRefinerTests
{
    [Theory]
    [InlineData("newContext")]
    [InlineData("callEndpoint")]
    [InlineData("xmlToJson")]
    [InlineData("localName")]
    [InlineData("hopByHopHeaders")]
    [InlineData("request")]
    [InlineData("reply")]
    [InlineData("http")]
    public void Support_declarations_module_prefixes_and_locals_are_reserved(string name)
    {
        var symbols = new SymbolFactory();
        var symbol = symbols.Module(SymbolKind.Function, name);
        var names = BallerinaRefiner.Refine(Package(symbols), RuntimeModule.BuiltIn.DeclaredNames).Names;
        Assert.Equal(name + "2", names[symbol]);
    }

    [Fact]
    public void Module_names_never_collide_and_avoid_reserved_names()
    {
        var symbols = new SymbolFactory();
        var respond = symbols.Module(SymbolKind.Function, "respond", "sequence");
        var orderApi = symbols.Module(SymbolKind.Function, "OrderAPI");
        var orderApi2 = symbols.Module(SymbolKind.Function, "order-api");
        var request = symbols.Module(SymbolKind.Function, "Request", "sequence");
        var keyword = symbols.Module(SymbolKind.LocalEntry, "function", "entry");
        var noSuffix = symbols.Module(SymbolKind.Client, "respond");
        var names = BallerinaRefiner.Refine(Package(symbols), RuntimeModule.BuiltIn.DeclaredNames).Names;

        Assert.Equal("respondSequence", names[respond]);
        Assert.Equal("orderApi", names[orderApi]);
        Assert.Equal("orderApi2", names[orderApi2]);
        Assert.Equal("requestSequence", names[request]);
        Assert.Equal("functionEntry", names[keyword]);
        Assert.Equal("respond2", names[noSuffix]);
    }

    [Fact]
    public void Parameters_avoid_module_names_reserved_locals_and_each_other()
    {
        var symbols = new SymbolFactory();
        var function = symbols.Module(SymbolKind.Function, "lookup");
        var p1 = SymbolFactory.Local("lookup");
        var p2 = SymbolFactory.Local("ctx");
        var p3 = SymbolFactory.Local("order id");
        var p4 = SymbolFactory.Local("orderId");
        var origin = SourceLocation.FileStart("t.xml");
        var package = Package(symbols) with
        {
            Functions =
            [
                new FunctionIr(function, FunctionKind.Sequence, false, [], "", origin)
                {
                    Parameters = [new(p1, "a", "", false), new(p2, "b", "", false), new(p3, "c", "", false), new(p4, "d", "", false)],
                },
            ],
        };
        var names = BallerinaRefiner.Refine(package, RuntimeModule.BuiltIn.DeclaredNames).Names;

        Assert.Equal(["lookup2", "ctx2", "orderId", "orderId2"], [names[p1], names[p2], names[p3], names[p4]]);
    }

    [Fact]
    public void A_symbol_the_refiner_never_saw_is_an_error() =>
        Assert.Throws<InvalidOperationException>(() => BallerinaRefiner.Refine(Package(new SymbolFactory()), []).Names[SymbolFactory.Local("x")]);

    private static PackageIr Package(SymbolFactory symbols)
    {
        var listener = symbols.Module(SymbolKind.Listener, "http listener");
        var port = symbols.Module(SymbolKind.Configurable, "http port");
        return new PackageIr(new ListenerIr(listener, new ConfigurableIr(port, ConfigurableType.Integer, "8290", "", false)), [], [], [], [], [], [], [.. symbols.ModuleSymbols]);
    }
}

