using System.Collections.Immutable;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Refine;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class ExpressionTranslatorTests
{
    private static readonly Symbol Id = SymbolFactory.Local("id");

    private static readonly SequenceSyntax SourceOrigin = new(SourceLocation.FileStart("a.xml"), "<sequence/>", "s", null, [], null);

    private static readonly ExpressionTranslator Translator = new(new Dictionary<string, Symbol> { ["id"] = Id });

    private static ExpressionWriter Writer() => new(new ModuleUsage(), BallerinaRefiner.Refine(EmptyPackage, RuntimeModule.BuiltIn.DeclaredNames).Names);

    private static readonly PackageIr EmptyPackage = new(
        new ListenerIr(new Symbol(SymbolKind.Listener, "l"), new ConfigurableIr(new Symbol(SymbolKind.Configurable, "p"), ConfigurableType.Integer, "1", "", false)),
        [],
        [],
        [],
        [],
        [],
        [],
        [])
    {
        Services = [new ServiceIr(ServiceKind.Api, "s", "/", [new ResourceIr("get", [new PathSegmentIr.Param("id", Id)], [], null, null, false, "", SourceOrigin)], SourceOrigin, "a.xml")],
    };

    private static ExpressionSyntax Parse(string text, ImmutableDictionary<string, string>? namespaces = null) =>
        ExpressionSyntax.Create(text, namespaces ?? ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml"));

    internal static string Value(string text, ImmutableDictionary<string, string>? namespaces = null) =>
        Writer().String(Translator.Value(Parse(text, namespaces)));

    /// <summary>An MI 4.4 expression as a mediator that reads its result this way (stringValueOf or objectValueOf) gets it.</summary>
    internal static string Value(string text, ExpressionReading reading) =>
        Writer().String(Translator.Value(Parse(text, null), reading));

    internal static string Condition(string text, ImmutableDictionary<string, string>? namespaces = null) =>
        Writer().Condition(Translator.Condition(Parse(text, namespaces)));

    [Theory]
    [InlineData("get-property('orderId')", "getProperty(ctx, \"orderId\")")]
    [InlineData("$ctx:orderId", "getProperty(ctx, \"orderId\")")]
    [InlineData("get-property('transport', 'Content-Type')", "getHeader(ctx, \"Content-Type\")")]
    [InlineData("$trp:Authorization", "getHeader(ctx, \"Authorization\")")]
    [InlineData("$axis2:HTTP_SC", "axis2HttpSc(ctx)")]
    [InlineData("get-property('axis2', 'REST_URL_POSTFIX')", "ctx.urlPostfix")]
    [InlineData("$url:page", "check urlParam(ctx, \"page\")")]
    [InlineData("$ctx:uri.var.id", "id")]
    [InlineData("get-property('uri.var.other')", "getProperty(ctx, \"uri.var.other\")")]
    [InlineData("'literal'", "\"literal\"")]
    [InlineData("concat('a-', $ctx:x)", "string `a-${propertyXPathString(ctx.properties[\"x\"])}`")]
    [InlineData("json-eval($.order.id)", "check jsonEval(ctx, \"$.order.id\")")]
    [InlineData("json-eval($.items[0]['name'])", "check jsonEval(ctx, \"$.items[0]['name']\")")]
    [InlineData("$body/order/id", "xpathString((check soapBody(ctx))/<'order>/<id>)")]
    [InlineData("//id/text()", "xpathConcat(xpathTextValues((check soapEnvelope(ctx))/**/<id>))")]
    [InlineData("get-property('MessageID')", "ctx.messageId")]
    [InlineData("get-property('To')", "ctx.to")]
    [InlineData("get-property('Action')", "check addressingAction(ctx)")]
    [InlineData("get-property('ReplyTo')", "check addressingAddress(ctx, ctx.replyTo)")]
    [InlineData("get-property('FaultTo')", "check addressingAddress(ctx, ctx.faultTo)")]
    [InlineData("get-property('MESSAGE_FORMAT')", "check messageFormat(ctx)")]
    [InlineData("${payload.name + '_1'}", "check synapseValue(function () returns string|error => string `${check jsonString(ctx, \"$.name\")}_1`, \"payload.name + '_1'\")")]
    [InlineData("$ctx:To", "getProperty(ctx, \"To\")")]
    [InlineData("${payload.order.id}", "check synapseJsonText(ctx, \"$.order.id\")")]
    [InlineData("${vars.total}", "getVariable(ctx, \"total\")")]
    [InlineData("${headers['X-Tenant']}", "check miScalarString(getHeader(ctx, \"X-Tenant\"))")]
    [InlineData("${params.uriParams.id}", "check miScalarString(id)")]
    [InlineData("fn:concat('a', $ctx:b)", "string `a${propertyXPathString(ctx.properties[\"b\"])}`")]
    [InlineData("//name/child::text()", "xpathConcat(xpathTextValues((check soapEnvelope(ctx))/**/<name>))")]
    [InlineData("${var.requestID}", "getVariable(ctx, \"requestID\")")]
    [InlineData("${xpath('//data/food')}", "xpathString((check soapEnvelope(ctx))/**/<data>/<food>)")]
    public void Supported_expressions_translate(string expression, string expected) =>
        Assert.Equal(expected, Value(expression));

    [Theory]
    [InlineData("json-eval($..book[?(@.price < 10)])")]
    [InlineData("//item[position()>1]")]
    [InlineData("./order/id")]
    [InlineData("substring-before($ctx:x)")]
    [InlineData("$func:param")]
    [InlineData("//undeclared:order")]
    [InlineData("${length(vars.items)}")]
    [InlineData("get-property('From')")]
    [InlineData("get-property('RelatesTo')")]
    [InlineData("${'a' + 1}")]
    public void Unsupported_expressions_fail_loudly_at_run_time(string expression)
    {
        var ir = Translator.Value(Parse(expression));
        Assert.IsType<UntranslatedExprIr>(ir);
        Assert.StartsWith("check notTranslated(", Value(expression));
    }

    [Fact]
    public void Namespaced_paths_filter_by_expanded_name()
    {
        var namespaces = ImmutableDictionary<string, string>.Empty.Add("ord", "http://example.com/orders");
        var text = Writer().String(Translator.Value(Parse("//ord:order/ord:total", namespaces)));
        Assert.Equal("xpathString((((check soapEnvelope(ctx))/**/<*>).elements(\"{http://example.com/orders}order\")/<*>).elements(\"{http://example.com/orders}total\"))", text);
    }

    [Fact]
    public void Soap_envelope_paths_start_below_the_body()
    {
        var namespaces = ImmutableDictionary<string, string>.Empty.Add("soapenv", "http://schemas.xmlsoap.org/soap/envelope/");
        Assert.Equal("xpathString((check soapBody(ctx))/<getQuote>)", Value("/soapenv:Envelope/soapenv:Body/getQuote", namespaces));
    }

    [Theory]
    [InlineData("get-property('mode') = 'strict'", "getProperty(ctx, \"mode\") == \"strict\"")]
    [InlineData("$trp:X != ''", "getHeader(ctx, \"X\") != \"\"")]
    [InlineData("./a = 'x' or $ctx:b = 'y' and $ctx:c = 'z'", null)]
    [InlineData("get-property('a') = 'x' or get-property('b') = 'y' and get-property('c') = 'z'", "getProperty(ctx, \"a\") == \"x\" || (getProperty(ctx, \"b\") == \"y\" && getProperty(ctx, \"c\") == \"z\")")]
    [InlineData("(get-property('a') = 'x' or get-property('b') = 'y') and true()", "(getProperty(ctx, \"a\") == \"x\" || getProperty(ctx, \"b\") == \"y\") && true")]
    [InlineData("not(get-property('flag') = 'off')", "getProperty(ctx, \"flag\") != \"off\"")]
    [InlineData("get-property('x') = 'a' and not(not(get-property('y') = 'b' or get-property('z') = 'c'))", "getProperty(ctx, \"x\") == \"a\" && (getProperty(ctx, \"y\") == \"b\" || getProperty(ctx, \"z\") == \"c\")")]
    [InlineData("not(boolean($ctx:p)) or get-property('p') = ''", "getProperty(ctx, \"p\") == \"\"")]
    [InlineData("string-length($ctx:p) > 0", "propertyXPathString(ctx.properties[\"p\"]) != \"\"")]
    [InlineData("get-property('flag')", "getProperty(ctx, \"flag\") != \"\"")]
    [InlineData("$ctx:count > 5", "xpathNumber(getProperty(ctx, \"count\")) > 5.0")]
    [InlineData("$axis2:HTTP_SC >= 400", "xpathNumber(axis2HttpSc(ctx)) >= 400.0")]
    [InlineData("fn:number(get-property('a')) > fn:number(get-property('b'))", "xpathNumber(getProperty(ctx, \"a\")) > xpathNumber(getProperty(ctx, \"b\"))")]
    [InlineData("count(//item) > 2", "<float>((check soapEnvelope(ctx))/**/<item>).length() > 2.0")]
    [InlineData("contains($trp:Accept, 'json')", "getHeader(ctx, \"Accept\").includes(\"json\")")]
    [InlineData("starts-with($ctx:p, '/v1')", "propertyXPathString(ctx.properties[\"p\"]).startsWith(\"/v1\")")]
    [InlineData("//order", "((check soapEnvelope(ctx))/**/<'order>).length() > 0")]
    [InlineData("json-eval($.active)", "(check jsonEval(ctx, \"$.active\")).toLowerAscii() == \"true\"")]
    [InlineData("${vars.total == 'big'}", "check synapseCondition(function () returns boolean|error => check requiredVariable(ctx, \"total\") == \"big\", \"vars.total == 'big'\")")]
    [InlineData("${payload.amount == null}", "check synapseCondition(function () returns boolean|error => check payloadIsNull(ctx, \"$\", \"amount\"), \"payload.amount == null\")")]
    [InlineData("${vars.amount == null}", "check notTranslated(\"${vars.amount == null}\") == \"true\"")]
    [InlineData("${headers.X == 7}", "check synapseCondition(function () returns boolean|error => miScalarText(check requiredHeader(ctx, \"X\")) == \"7\", \"headers.X == 7\")")]
    [InlineData("${payload.price == 10}", "check synapseCondition(function () returns boolean|error => check synapseJsonNullable(ctx, \"$.price\") == \"10\", \"payload.price == 10\")")]
    [InlineData("${vars.count == 1.50}", "check synapseCondition(function () returns boolean|error => check requiredVariable(ctx, \"count\") == \"1.5\", \"vars.count == 1.50\")")]
    [InlineData("${toUpper(payload.name) == 'A'}", "check synapseCondition(function () returns boolean|error => check miAsString(upperCase(check jsonString(ctx, \"$.name\"))) == \"A\", \"toUpper(payload.name) == 'A'\")")]
    [InlineData("${!vars.flag}", "check notTranslated(\"${!vars.flag}\") == \"true\"")]
    [InlineData("${vars.flag != true}", "check synapseCondition(function () returns boolean|error => check requiredVariable(ctx, \"flag\") != \"true\", \"vars.flag != true\")")]
    public void Conditions_translate_with_xpath_semantics(string expression, string? expected)
    {
        var text = Condition(expression);
        if (expected is null)
        {
            // A relative path ('a') is outside the subset: the whole condition is marked untranslated.
            Assert.StartsWith("check notTranslated(", text);
        }
        else
        {
            Assert.Equal(expected, text);
        }
    }

    [Theory]
    [InlineData("$", true)]
    [InlineData("$.a.b", true)]
    [InlineData("$.a[0].b", true)]
    [InlineData("$['a b'].c", true)]
    [InlineData("$..a", false)]
    [InlineData("$.a[*]", false)]
    [InlineData("$.a[?(@.x)]", false)]
    [InlineData("a.b", false)]
    public void Simple_json_paths_are_recognised(string path, bool simple) =>
        Assert.Equal(simple, ExpressionTranslator.IsSimpleJsonPath(path));
}
