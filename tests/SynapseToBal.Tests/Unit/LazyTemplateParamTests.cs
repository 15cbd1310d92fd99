using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// call-template parameters passed lazily (<c>{{xpath}}</c>): the template reads the with-param's XPath, with the
/// with-param's own namespaces, on the message where it reads the parameter; one function per kind of call.
/// </summary>
public sealed class LazyTemplateParamTests
{
    private const string Samples = "http://services.samples";

    /// <summary>A with-param value passed lazily: <c>{{xpath}}</c>.</summary>
    private static string Lazy(string xpath) => "{{" + xpath + "}}";

    private const string Send = """<send><endpoint><address uri="http://localhost:9000/x"/></endpoint></send>""";

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string inFlow, string outFlow, string templates)
    {
        var diagnostics = new DiagnosticBag();
        var xml = $"""<definitions xmlns="http://ws.apache.org/ns/synapse"><proxy name="P"><target><inSequence>{inFlow}</inSequence><outSequence>{outFlow}</outSequence></target></proxy>{templates}</definitions>""";
        var document = SynapseParser.ParseText("test.xml", xml, diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    private static IEnumerable<StepIr> AllSteps(PackageIr package) =>
        package.Services.SelectMany(s => s.Resources).SelectMany(r => IrWalker.Steps(r.Body)).Concat(package.Functions.SelectMany(f => IrWalker.Steps(f.Body)));

    private static FunctionIr Template(PackageIr package, string name, bool lazy) =>
        package.Functions.Single(f => f.Summary.StartsWith($"Sequence template '{name}'.", StringComparison.Ordinal) && f.Summary.Contains("lazily", StringComparison.Ordinal) == lazy);

    private static string[] Ids(DiagnosticBag diagnostics, DiagnosticDescriptor descriptor) =>
        [.. diagnostics.Items.Where(d => d.Id == descriptor.Id).Select(d => d.GetMessage())];

    private const string LogTemplate = """<template name="L"><parameter name="who"/><sequence><log level="custom"><property name="p" expression="$func:who"/></log></sequence></template>""";

    [Fact]
    public void The_parser_keeps_the_with_param_s_own_namespaces_and_the_lazy_expression()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("t.xml", """
            <sequence xmlns="http://ws.apache.org/ns/synapse" xmlns:outer="urn:outer" name="s">
              <call-template target="T">
                <with-param xmlns:m0="http://services.samples" name="a" value=" {{//m0:a}} "/>
                <with-param name="b" value="{//outer:b}"/>
              </call-template>
            </sequence>
            """, diagnostics);
        var call = Assert.IsType<CallTemplateMediator>(Assert.IsType<SequenceSyntax>(Assert.Single(document!.Artifacts)).Mediators[0]);
        Assert.Equal("//m0:a", call.Parameters[0].LazyExpression);
        // Only its own declarations: not the sequence's xmlns:outer.
        Assert.Equal(["m0"], call.Parameters[0].DeclaredNamespaces.Keys);
        Assert.Null(call.Parameters[1].LazyExpression);
    }

    [Fact]
    public void A_lazy_parameter_read_as_text_is_the_with_param_xpath_read_where_the_template_reads_it()
    {
        var (package, diagnostics) = Lower(
            $"""<call-template target="L"><with-param xmlns:q="{Samples}" name="who" value="{Lazy("//q:symbol")}"/></call-template>{Send}""",
            "<send/>",
            LogTemplate);

        var function = Template(package, "L", lazy: true);
        Assert.Empty(function.Parameters);
        var log = Assert.IsType<LogStep>(Assert.Single(function.Body));
        var read = IrWalker.Expressions(log).SelectMany(IrWalker.Descendants).OfType<XmlNavigationIr>().Single();
        var step = Assert.Single(read.Steps);
        Assert.Equal((Samples, "symbol", true), (step.NamespaceUri, step.LocalName, step.Descendant));
        // The call passes no argument: the template reads the nodes itself.
        var invoke = AllSteps(package).OfType<InvokeStep>().Single(i => i.Function == function.Name);
        Assert.Empty(invoke.Arguments);
        Assert.Empty(Ids(diagnostics, DiagnosticCatalog.ExpressionNotTranslated));
        // Nothing calls L with a plain value: no string-parameter function is made.
        Assert.DoesNotContain(package.Functions, f => f.Summary == "Sequence template 'L'.");
    }

    [Fact]
    public void A_template_called_lazily_and_with_a_plain_value_gets_a_function_per_kind_of_call()
    {
        var (package, _) = Lower(
            $"""<call-template target="L"><with-param xmlns:q="{Samples}" name="who" value="{Lazy("//q:symbol")}"/></call-template><call-template target="L"><with-param name="who" value="IBM"/></call-template>{Send}""",
            "<send/>",
            LogTemplate);

        var plain = Template(package, "L", lazy: false);
        var lazy = Template(package, "L", lazy: true);
        Assert.NotEqual(plain.Name, lazy.Name);
        Assert.Single(plain.Parameters);
        Assert.Empty(lazy.Parameters);
        var invokes = AllSteps(package).OfType<InvokeStep>().ToList();
        Assert.Contains(invokes, i => i.Function == lazy.Name && i.Arguments.IsEmpty);
        Assert.Contains(invokes, i => i.Function == plain.Name && i.Arguments.Single().Value is StringLiteralIr { Value: "IBM" });
        Assert.Contains(IrWalker.Expressions(Assert.IsType<LogStep>(plain.Body[0])).SelectMany(IrWalker.Descendants), e => e is ParameterReadIr);
    }

    [Fact]
    public void The_with_param_prefix_resolves_with_its_own_declaration_not_the_template_s()
    {
        // The template binds m0 to another namespace: the lazy XPath keeps the with-param's.
        var (package, _) = Lower(
            $"""<call-template target="L"><with-param xmlns:m0="{Samples}" name="who" value="{Lazy("//m0:symbol")}"/></call-template>{Send}""",
            "<send/>",
            """<template xmlns:m0="urn:other" name="L"><parameter name="who"/><sequence><log level="custom"><property name="p" expression="concat(//m0:x, $func:who)"/></log></sequence></template>""");

        var uris = IrWalker.Expressions(Assert.IsType<LogStep>(Template(package, "L", lazy: true).Body[0])).SelectMany(IrWalker.Descendants)
            .OfType<XmlNavigationIr>().Select(n => n.Steps.Single().NamespaceUri).ToList();
        Assert.Equal(["urn:other", Samples], uris);
    }

    [Fact]
    public void A_prefix_declared_only_around_the_with_param_is_sb0251_and_the_read_stays_untranslated()
    {
        var (package, diagnostics) = Lower(
            $"""<call-template xmlns:m0="{Samples}" target="L"><with-param name="who" value="{Lazy("//m0:symbol")}"/></call-template>{Send}""",
            "<send/>",
            LogTemplate);

        Assert.Contains("the <with-param> element does not itself declare the prefix 'm0'", Assert.Single(Ids(diagnostics, DiagnosticCatalog.LazyParameterPrefixUndeclared)), StringComparison.Ordinal);
        Assert.Contains(IrWalker.Expressions(Assert.IsType<LogStep>(Template(package, "L", lazy: true).Body[0])), IrWalker.ContainsUntranslated);
    }

    [Theory]
    [InlineData("{{json-eval($.a)}}", "JSONPath or Synapse expression")]
    [InlineData("{{get-property('path')}}", "get-property")]
    [InlineData("{{//a/node()}}", "node()")]
    public void Lazy_values_without_a_translation_are_sb0250(string value, string reason)
    {
        var (_, diagnostics) = Lower(
            $"""<call-template target="L"><with-param name="who" value="{value}"/></call-template>{Send}""",
            "<send/>",
            LogTemplate);

        Assert.Contains(reason, Assert.Single(Ids(diagnostics, DiagnosticCatalog.LazyParameterNotTranslated)), StringComparison.Ordinal);
    }

    [Fact]
    public void Get_property_func_of_a_lazy_parameter_is_not_the_evaluated_nodes()
    {
        // GetPropertyFunction returns the stored SynapseXPath object itself, not its nodes.
        var (package, _) = Lower(
            $"""<call-template target="L"><with-param xmlns:q="{Samples}" name="who" value="{Lazy("//q:symbol")}"/></call-template>{Send}""",
            "<send/>",
            """<template name="L"><parameter name="who"/><sequence><log level="custom"><property name="p" expression="get-property('func', 'who')"/></log></sequence></template>""");

        Assert.Contains(IrWalker.Expressions(Assert.IsType<LogStep>(Template(package, "L", lazy: true).Body[0])), IrWalker.ContainsUntranslated);
    }

    [Fact]
    public void An_iterate_in_a_template_pairs_with_the_aggregate_of_a_template_the_out_flow_calls_lazily()
    {
        var (package, diagnostics) = Lower(
            $"""<call-template target="I"><with-param xmlns:m0="{Samples}" name="e" value="{Lazy("//m0:getQuote/m0:request")}"/><with-param xmlns:m0="{Samples}" name="a" value="{Lazy("//m0:getQuote")}"/></call-template>""",
            $"""<call-template target="A"><with-param xmlns:m0="{Samples}" name="r" value="{Lazy("//m0:getQuoteResponse")}"/></call-template>""",
            $"""<template name="I"><parameter name="e"/><parameter name="a"/><sequence><iterate preservePayload="true" attachPath="$func:a" expression="$func:e"><target><sequence>{Send}</sequence></target></iterate></sequence></template>"""
            + """<template name="A"><parameter name="r"/><sequence><aggregate><onComplete expression="$func:r"><respond/></onComplete></aggregate></sequence></template>""");

        var fork = Assert.Single(AllSteps(package).OfType<ForkStep>());
        Assert.NotNull(fork.Aggregation);
        var attached = Assert.IsType<ForkSourceIr.Attached>(fork.Source);
        Assert.Equal(["getQuote", "request"], Assert.IsType<ValueIr.XmlNodes>(attached.Items).Navigation.Steps.Select(s => s.LocalName));
        Assert.Equal(["getQuote"], Assert.IsType<ValueIr.XmlNodes>(attached.AttachPath).Navigation.Steps.Select(s => s.LocalName));
        // Each branch keeps the part the aggregate's lazy expression selects.
        var branch = package.Functions.Single(f => f.Name == Assert.Single(fork.Branches));
        var part = Assert.IsType<ValueIr.XmlNodes>(Assert.IsType<ReplacePayloadStep>(branch.Body[^1]).Value);
        Assert.Equal((Samples, "getQuoteResponse"), (part.Navigation.Steps.Single().NamespaceUri, part.Navigation.Steps.Single().LocalName));
        Assert.Empty(Ids(diagnostics, DiagnosticCatalog.EipShapeNotTranslated));
        Assert.Empty(Ids(diagnostics, DiagnosticCatalog.ExpressionNotTranslated));
    }

    [Fact]
    public void An_aggregate_template_also_called_with_a_plain_value_is_not_paired()
    {
        var (package, diagnostics) = Lower(
            $"""<iterate expression="//item"><target><sequence>{Send}</sequence></target></iterate>""",
            $"""<call-template target="A"><with-param xmlns:m0="{Samples}" name="r" value="{Lazy("//m0:getQuoteResponse")}"/></call-template>""",
            """<template name="A"><parameter name="r"/><sequence><aggregate><onComplete expression="$func:r"><respond/></onComplete></aggregate></sequence></template>"""
            + """<sequence name="other"><call-template target="A"><with-param name="r" value="//x"/></call-template></sequence>""");

        Assert.Empty(AllSteps(package).OfType<ForkStep>());
        Assert.NotEmpty(Ids(diagnostics, DiagnosticCatalog.EipShapeNotTranslated));
    }
}
