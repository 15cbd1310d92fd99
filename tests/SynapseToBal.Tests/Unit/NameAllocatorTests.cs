using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class NameAllocatorTests
{
    [Theory]
    [InlineData("Context")]
    [InlineData("newContext")]
    [InlineData("callEndpoint")]
    [InlineData("xmlToJson")]
    [InlineData("localName")]
    [InlineData("hopByHopHeaders")]
    [InlineData("request")]
    [InlineData("reply")]
    public void Support_declarations_and_locals_are_reserved(string name) => Assert.Contains(name, NameAllocator.Reserved);

    [Fact]
    public void Names_never_collide()
    {
        var names = new NameAllocator();
        Assert.Equal("respondSequence", names.CamelNotReserved("respond", "sequence"));
        Assert.Equal("orderApi", names.Camel("OrderAPI"));
        Assert.Equal("orderApi2", names.Camel("order-api"));
        Assert.Equal("requestSequence", names.CamelNotReserved("Request", "sequence"));
    }
}
