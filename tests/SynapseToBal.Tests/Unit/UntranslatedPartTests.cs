using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// SB0203 names the part of an untranslated expression that has no translation: the innermost sub-expression
/// whose operands all translate, with its columns in the original text and the signature table's reason.
/// </summary>
public sealed class UntranslatedPartTests
{
    private static readonly ExpressionTranslator Translator = new(new Dictionary<string, Symbol>(), _ => new Symbol(SymbolKind.Configurable, "secret"));

    private static string Part(string text) =>
        Translator.UntranslatedPart(ExpressionSyntax.Create(text, ImmutableDictionary<string, string>.Empty.Add("m0", "http://services.samples"), SourceLocation.FileStart("test.xml")));

    [Theory]
    // XPath: the argument that fails, not the concat around it.
    [InlineData("concat('http://', $env:HOST, '/a')", "`$env:HOST` at columns 19-27")]
    [InlineData("get-property('ReplyTo')", "`get-property('ReplyTo')` at columns 1-23: see docs/expressions.md for the properties and scopes get-property translates")]
    [InlineData("fn:concat(name(//a), 'x')", "`name(//a)` at columns 11-19: the QName needs the prefix written in the message, which Ballerina's xml values do not keep")]
    [InlineData("string-length(//a | //b) > 2", "`//a | //b` at columns 15-23: a node-set union (the nodes of both paths in document order, without duplicates) is translated only where its boolean() is read (a filter's xpath, not(), and/or): there it is the or of its operands' non-emptiness")]
    [InlineData("fn:tokenize($ctx:x, ',')", "`fn:tokenize($ctx:x, ',')` at columns 1-24: an XPath 2.0 function Jaxen does not have: the Micro Integrator fails on it unless its XPath 2.0 DOM fail-over is on")]
    // A location path is named whole: its steps and predicates mean something only inside it.
    [InlineData("count(//m0:a/following-sibling::m0:b)", "`//m0:a/following-sibling::m0:b` at columns 7-36: the following-sibling axis is not modelled (only child, descendant and attribute steps are, and a sibling or parent axis as the first step of a predicate's relative path)")]
    [InlineData("//m0:a[not(m0:c/preceding-sibling::m0:b <= m0:b)]", "`//m0:a[not(m0:c/preceding-sibling::m0:b <= m0:b)]` at columns 1-49: the preceding-sibling axis is not modelled (only child, descendant and attribute steps are, and a sibling or parent axis as the first step of a predicate's relative path)")]
    [InlineData("get-property('system', 'file.separator')", "`get-property('system', 'file.separator')` at columns 1-40: a JVM system property (System.getProperty) that a system-scope property mediator of the project sets or removes: a configurable would not see the change")]
    [InlineData("get-property('registry', 'conf:/a.txt@name')", "`get-property('registry', 'conf:/a.txt@name')` at columns 1-44: reads a registry resource (with '@name', a property of it) when the message passes: translated as the content of a resource the input project holds, not for a resource property, a key the project has no resource for, or a JSON or text resource holding a credential (a password member or line, which would be written into the code as a literal)")]
    [InlineData("${xpath('//a', 'v')}", "`xpath('//a', 'v')` at columns 3-19: translated for a string literal XPath; with a variable name, for an absolute path ('/a', '//a') over a variable every variable mediator of the project sets with type=\"XML\" (not 'name.field', a field of a Map variable)")]
    [InlineData("get-property('OperationName')", "`get-property('OperationName')` at columns 1-29: the Axis2 operation of the message: translated as 'mediate' in the in flow of an API resource or of a proxy without a WSDL, and as the operation the service dispatched to in the in flow of a proxy whose WSDL the input holds (served over HTTP only), until a non-blocking call replaces the message context; elsewhere (a named sequence, a response, a proxy whose WSDL dispatch is not reproduced or that a JMS, file or local call also reaches, a split copy) the generated code does not know it")]
    [InlineData("$func:basic-auth", "`$func:basic-auth` at columns 1-16: no template parameter of that name is in scope (outside a template, or its template declares none: Synapse's TemplateContext then reads null)")]
    [InlineData("/m0:getQuote", "`/m0:getQuote` at columns 1-12: an absolute path whose first step is not the SOAP Envelope: the document's only child is the Envelope, so Synapse selects nothing (the source probably meant `//` or `$body/`)")]
    [InlineData("./author", "`./author` at columns 1-8: a relative path: Synapse evaluates it from the SOAP Envelope element (SynapseXPath's context node), whose children are the SOAP Header and Body, never a payload element (`soapenv:Body/...` and `soapenv:Header/...` are translated; the source probably meant `//` or `$body/`)")]
    [InlineData("json-eval($trp:prop.store.book[1:2])", "`$trp:prop.store.book[1:2]` at columns 11-35: a JSONPath over a property's value (SynapseJsonPath parses the property's string value as JSON and reads the path in it): member names and indexes are translated there, and wildcards and filters after member names; not deep scans, slices, index lists, indexes in an indefinite path, functions or other filters")]
    [InlineData("json-eval({$ctx:name})", "`{$ctx:name}` at columns 11-21: a path computed for each message (Synapse replaces each {expression} by its value, then compiles the JSONPath)")]
    [InlineData("concat(//m9:a, 'x')", "`//m9:a` at columns 8-13: no xmlns declaration in scope binds the prefix 'm9'")]
    // text() takes a positional predicate only: a whole number, the last step, not after `//`.
    [InlineData("//m0:a/text()[last()]", "`//m0:a/text()[last()]` at columns 1-21: a predicate on text() is translated only as a position, a whole number from 1 (`a/text()[1]`: the first text child of each a); a test, last(), position() or a computed or fractional position on text nodes is not modelled")]
    [InlineData("string(//m0:a/text()[. = 'x'])", "`//m0:a/text()[. = 'x']` at columns 8-29: a predicate on text() is translated only as a position, a whole number from 1 (`a/text()[1]`: the first text child of each a); a test, last(), position() or a computed or fractional position on text nodes is not modelled")]
    [InlineData("//m0:a//text()[1]", "`//m0:a//text()[1]` at columns 1-17: text()[n] after `//` counts the text children of every element below, each apart (descendant-or-self::node()/child::text()[n]), which is not modelled (`a/text()[n]` is translated)")]
    // MI 4.4: columns count in the original text, after '${'.
    [InlineData("${toUpper(isString(vars.x))}", "`isString(vars.x)` at columns 11-26: translated for a simple payload path or a JSON result (split, object, array), whose JSON type the run time reads; a variable is stored as its mediator's type, not as the Micro Integrator keeps it")]
    [InlineData("${split(payload.a, vars.re)}", "`split(payload.a, vars.re)` at columns 3-27: translated for a string and a string-literal regex that JavaRegex translates for a search (String.split compiles the pattern when the expression is evaluated; $, lookaround, backreferences and the rest JavaRegex refuses have no exact Ballerina form)")]
    [InlineData("${object(vars.x)}", "`object(vars.x)` at columns 3-16: translated for a string literal, a string, a payload path or a JSON result (split, object, array); a variable is stored as its mediator's type, not as the Micro Integrator keeps the JSON element")]
    [InlineData("${payload.items[1:2].name}", "`payload.items[1:2]` at columns 3-20")]
    [InlineData("${length(vars.x)}", "`length(vars.x)` at columns 3-16: translated for a string, a payload path or a JSON result (split, object, array); a variable is stored as its mediator's type, not as the Micro Integrator keeps it")]
    [InlineData("${hashicorp-vault(vars.p, 'k')}", "`hashicorp-vault(vars.p, 'k')` at columns 3-30: translated for string literal arguments (a secret is a configurable)")]
    [InlineData("${!vars.flag}", "`!vars.flag` at columns 3-12: the Micro Integrator's grammar has no prefix `!` outside a filter (it refuses the expression when it deploys it); write not(...)")]
    [InlineData("${vars.coupon == null}", "`vars.coupon == null` at columns 3-21: a comparison with null of anything but a simple payload path (which is translated): a variable holds the Micro Integrator's JSON or Java value (null for a JSON null), which the package stores as its mediator's type, and a header or property fails the whole expression when it is missing")]
    [InlineData("${'a' + (headers.X == null)}", "`headers.X == null` at columns 10-26: a comparison with null of anything but a simple payload path (which is translated): a variable holds the Micro Integrator's JSON or Java value (null for a JSON null), which the package stores as its mediator's type, and a header or property fails the whole expression when it is missing")]
    // MI 4.4: a quotient of two ints is an int or a double, and that type decides the next operation.
    [InlineData("${length(headers.X) / 2 + 1}", "`length(headers.X) / 2 + 1` at columns 3-27: the quotient of two Java ints is an int when it is exact and a double otherwise (BinaryOperationNode.performIntOperation), and that type decides this operation (int or BigDecimal arithmetic, \"3\" or \"3.0\"), which only the run time knows")]
    [InlineData("${abs(length(headers.X) / 2)}", "`abs(length(headers.X) / 2)` at columns 3-28: the quotient of two Java ints is an int when it is exact and a double otherwise (BinaryOperationNode.performIntOperation), and that type decides this operation (int or BigDecimal arithmetic, \"3\" or \"3.0\"), which only the run time knows")]
    // JSONPath: the accessor that fails.
    [InlineData("json-eval($.items[*][0])", "`$.items[*][0]` at columns 11-23")]
    public void Names_the_innermost_part_that_has_no_translation(string expression, string expected) =>
        Assert.Equal(expected, Part(expression));

    [Theory]
    [InlineData("yyyy-MM-dd", "yyyy|'-|MM|'-|dd")]
    [InlineData("yyyy-MM-dd'T'HH:mm", "yyyy|'-|MM|'-|dd|'T|HH|':|mm")]
    [InlineData("'['yyyy']'", "'[|yyyy|']")]
    [InlineData("HH:mm:ss.SSS", null)]
    [InlineData("dd MMM yyyy", null)]
    [InlineData("ddd", null)]
    [InlineData("[yyyy]", null)]
    [InlineData("yyyy#", null)]
    [InlineData("'open", null)]
    public void DateTimeFormatter_patterns_translate_only_where_they_mean_what_SimpleDateFormat_means(string pattern, string? parts) =>
        Assert.Equal(parts, DateTimeFormatterPattern.Parts(pattern) is { } split ? string.Join("|", split) : null);

    [Theory]
    [InlineData("yyyy-MM-dd", "yyyy|'-|MM|'-|dd")]
    [InlineData("yyyyMMdd", "yyyy|MM|dd")]
    [InlineData("d/M/yy H:m:s", "d|'/|M|'/|yy|' |H|':|m|':|s")]
    [InlineData("HHmmss", "HH|mm|ss")]
    [InlineData("yyMMdd", null)] // reduced year followed by a field: adjacent value parsing not modelled
    [InlineData("MMyy", null)]
    [InlineData("dMyyyy", null)] // a variable-width field after a field
    [InlineData("yyyyM", null)]
    [InlineData("y-MM-dd", null)] // only yy and yyyy
    [InlineData("yyy-MM-dd", null)]
    [InlineData("hh:mm", null)] // clock hour without am/pm
    [InlineData("kk:mm", null)]
    [InlineData("dd MMM yyyy", null)]
    [InlineData("HH:mm:ss.SSS", null)]
    public void DateTimeFormatter_input_patterns_translate_only_where_the_runtime_parses_as_java_time(string pattern, string? parts) =>
        Assert.Equal(parts, DateTimeFormatterPattern.InputParts(pattern) is { } split ? string.Join("|", split) : null);

    [Fact]
    public void Probing_the_parts_declares_no_secret()
    {
        var declared = new List<string>();
        var translator = new ExpressionTranslator(new Dictionary<string, Symbol>(), alias =>
        {
            declared.Add(alias);
            return new Symbol(SymbolKind.Configurable, alias);
        });
        var expression = ExpressionSyntax.Create("${length(wso2-vault('a')) + payload.x}", ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml"));
        // The operands translate (the secret through a probe symbol); arithmetic on a payload value does not, and says why.
        Assert.Equal("`length(wso2-vault('a')) + payload.x` at columns 3-37: a payload value's JSON type (a number, a string, ...) decides BinaryOperationNode's operation (arithmetic, concatenation for `+`, or an error), which only the run time knows", translator.UntranslatedPart(expression));
        Assert.Empty(declared);
    }

    [Fact]
    public void Type_checks_keep_the_JSON_type_of_a_payload_path()
    {
        var value = Translator.Value(ExpressionSyntax.Create("${isNumber(payload.total)}", ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml")));
        // payloadJson fails on a missing path: the MI's evaluation error is a warning and "" (Builtin.SynapseValue).
        var guarded = Assert.IsType<BuiltinCallIr>(value);
        Assert.Equal(Builtin.SynapseValue, guarded.Function);
        Assert.Equal(new StringLiteralIr("isNumber(payload.total)"), guarded.Arguments[1]);
        var call = Assert.IsType<BuiltinCallIr>(Assert.IsType<ConvertIr>(guarded.Arguments[0]).Operand);
        Assert.Equal(Builtin.IsNumber, call.Function);
        var json = Assert.IsType<BuiltinCallIr>(Assert.Single(call.Arguments));
        Assert.Equal((Builtin.PayloadJson, ValueKind.Json), (json.Function, json.Kind));
        Assert.Equal(new StringLiteralIr("$.total"), Assert.Single(json.Arguments));
    }

    [Fact]
    public void Hashicorp_vault_is_one_secret_per_namespace_path_and_field()
    {
        var aliases = new List<string>();
        var translator = new ExpressionTranslator(new Dictionary<string, Symbol>(), alias =>
        {
            aliases.Add(alias);
            return new Symbol(SymbolKind.Configurable, alias);
        });
        foreach (var text in new[] { "${hashicorp-vault('db', 'user')}", "${hashicorp-vault('db', 'password')}", "${hashicorp-vault('ns', 'db', 'password')}" })
        {
            Assert.IsType<ConfigurableReadIr>(translator.Value(ExpressionSyntax.Create(text, ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml"))));
        }

        Assert.Equal(["hashicorp:db/user", "hashicorp:db/password", "hashicorp:ns/db/password"], aliases);
    }
}
