using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

/// <summary>The to and soapAction of an iterate or clone target are set on its copy before it runs, as Synapse's Target does.</summary>
public sealed class SplitTargetSettingsTests
{
    private static (FunctionIr Sequence, PackageIr Package, DiagnosticBag Diagnostics) Lower(string xml)
    {
        var diagnostics = new DiagnosticBag();
        var package = Lowerer.Lower([Document(xml, diagnostics)], diagnostics);
        return (package.Functions.Single(f => f.Summary == "Sequence 'test'."), package, diagnostics);
    }

    [Fact]
    public void A_target_sets_the_soap_action_then_the_to_address_of_its_copy_before_its_sequence()
    {
        var (sequence, package, diagnostics) = Lower("""<iterate sequential="true" expression="//item"><target to="http://localhost:9000/q" soapAction="urn:get"><sequence><send/></sequence></target></iterate>""");

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, s => s is ForkStep));
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        // Target.mediate: setSoapAction, the message's action (not a transport header), which the backend gets quoted.
        var action = Assert.IsType<SetFieldStep>(branch.Body[0]);
        Assert.Equal(ContextField.Action, action.Field);
        Assert.Equal("urn:get", Assert.IsType<StringLiteralIr>(action.Value).Value);
        var to = Assert.IsType<SetFieldStep>(branch.Body[1]);
        Assert.Equal(ContextField.To, to.Field);
        Assert.Equal("http://localhost:9000/q", Assert.IsType<StringLiteralIr>(to.Value).Value);
        // The endpoint-less send then goes to that address (in a named sequence, on a request that is no call's response
        // still addressed to the anonymous address; a response is answered).
        var send = Assert.IsType<DirectionStep>(branch.Body[2]);
        var request = Assert.IsType<IfStep>(Assert.Single(send.Request));
        Assert.IsType<AnonymousToIr>(request.Condition);
        Assert.Contains(request.Else, s => s is CallAddressStep);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == DiagnosticCatalog.EipShapeNotTranslated.Id);
    }

    [Fact]
    public void A_clone_target_with_an_endpoint_gets_its_to_before_the_call()
    {
        var (sequence, package, _) = Lower("""<clone><target to="http://localhost:9000/a"><endpoint><address uri="http://localhost:9000/b"/></endpoint></target><target><sequence><respond/></sequence></target></clone>""");

        var fork = Assert.IsType<ForkStep>(Assert.Single(sequence.Body, s => s is ForkStep));
        var first = package.Functions.Single(f => f.Name == fork.Branches[0]);
        Assert.IsType<SetFieldStep>(first.Body[0]);
        Assert.IsType<CallStep>(first.Body[1]);
        var second = package.Functions.Single(f => f.Name == fork.Branches[1]);
        Assert.DoesNotContain(second.Body, s => s is SetFieldStep or SetHeaderStep);
    }
}
