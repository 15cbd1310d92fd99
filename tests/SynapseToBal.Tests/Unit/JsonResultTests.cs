using System.Collections.Immutable;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// MI 4.4 functions whose result is a JSON value (split, object, array) and JSONPath indefinite paths: the IR keeps the
/// JSON kind until text is needed, and the steps of an indefinite path are what Jayway evaluates.
/// </summary>
public sealed class JsonResultTests
{
    private static readonly ExpressionTranslator Translator = new(new Dictionary<string, Symbol>(), _ => new Symbol(SymbolKind.Configurable, "secret"));

    private static ExprIr Value(string text) =>
        Translator.Value(ExpressionSyntax.Create(text, ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml")));

    private static BuiltinCallIr? Find(ExprIr value, Builtin function) =>
        IrWalker.Descendants(value).OfType<BuiltinCallIr>().FirstOrDefault(b => b.Function == function);

    [Fact]
    public void Split_is_a_json_array_of_a_translated_regex_taken_as_written()
    {
        // LiteralNode keeps the token: '\.' is the Java regex \. (a dot), not an escaped quote or a decoded string.
        var split = Find(Value(@"${split('a.b.c', '\.')}"), Builtin.Split);
        Assert.NotNull(split);
        Assert.Equal(ValueKind.Json, split.Kind);
        Assert.Equal(new StringLiteralIr("a.b.c"), split.Arguments[0]);
        Assert.Equal(new StringLiteralIr(@"\."), split.Arguments[1]);
    }

    [Theory]
    [InlineData("${split('a,b', vars.sep)}")] // the regex must be known at conversion time
    [InlineData("${split('a,b', 'b$')}")] // Java's $ also matches before a final line terminator in a search
    [InlineData("${split('a,b', '(?<=,)')}")] // lookbehind has no Ballerina form
    [InlineData("${object(vars.x)}")] // a variable is stored as its mediator's type
    [InlineData("${'x' + split('a', ',')}")] // a JSON array is not a string operand
    public void Refuses_what_has_no_exact_meaning(string text) =>
        Assert.True(IrWalker.ContainsUntranslated(Value(text)), text);

    [Fact]
    public void Object_of_a_literal_passes_its_token_with_the_quotes()
    {
        var converted = Find(Value("${object(\"{\\\"a\\\":1}\")}"), Builtin.ToJsonObject);
        Assert.NotNull(converted);
        Assert.Equal(new StringLiteralIr("\"{\\\"a\\\":1}\""), converted.Arguments[0]);
        Assert.Equal(new StringLiteralIr("'[1]'"), Find(Value("${array('[1]')}"), Builtin.ToJsonArray)!.Arguments[0]);
    }

    [Fact]
    public void A_json_result_is_text_only_where_text_is_needed()
    {
        // The type check reads the JSON value; the whole expression's text is the check's boolean.
        var check = Find(Value("${isArray(split('a,b', ','))}"), Builtin.IsArray);
        Assert.NotNull(check);
        Assert.IsType<BuiltinCallIr>(check.Arguments[0]);
        Assert.Equal(Builtin.Split, ((BuiltinCallIr)check.Arguments[0]).Function);

        // length() of a JSON result is decided at run time (a string's length or an array's size).
        Assert.NotNull(Find(Value("${length(array(payload.items))}"), Builtin.JsonLength));
    }

    [Theory]
    [InlineData("$.store.book[?(@.price > 10)]", """[{"member":"store"},{"member":"book"},{"filter":{"compare":[{"path":["price"]},">",{"literal":10}]}}]""")]
    [InlineData("$.a[*].b", """[{"member":"a"},{"wildcard":true},{"member":"b"}]""")]
    [InlineData("$.a.*", """[{"member":"a"},{"wildcard":true}]""")]
    [InlineData("$.a[?(@.x.y || @.z == 'q' && @.n != null)]", """[{"member":"a"},{"filter":{"or":[{"exists":["x","y"]},{"and":[{"compare":[{"path":["z"]},"==",{"literal":"q"}]},{"compare":[{"path":["n"]},"!=",{"literal":null}]}]}]}}]""")]
    [InlineData("$.a[?(1.50 <= @.x)]", """[{"member":"a"},{"filter":{"compare":[{"literal":1.50},"<=",{"path":["x"]}]}}]""")]
    public void Indefinite_paths_become_jayway_steps(string path, string steps) =>
        Assert.Equal(steps, ExpressionBinder.QuerySteps(ExpressionParser.Parse(path, ExpressionLanguage.JsonPath).Root));

    [Theory]
    [InlineData("$.a.b")] // definite: jsonEval reads it
    [InlineData("$..a")] // deep scan
    [InlineData("$.a[1:2]")] // slice
    [InlineData("$.a[*][0]")] // an index in an indefinite path
    [InlineData("$.a[?(@.x =~ /a/)]")] // regex filter
    [InlineData("$.a[?(!@.x)]")]
    [InlineData("$.a[?(@.x == 1e2)]")] // BigDecimal prints 1E+2: the literal's text is not kept
    [InlineData("$.a[?(@.x == $.y)]")]
    [InlineData("$.a[?('a' == 'b')]")] // no path operand
    public void Other_paths_have_no_steps(string path) =>
        Assert.Null(ExpressionBinder.QuerySteps(ExpressionParser.Parse(path, ExpressionLanguage.JsonPath).Root));

    [Theory]
    [InlineData("${payload.items[*].name}", "[{\"member\":\"items\"},{\"wildcard\":true},{\"member\":\"name\"}]")]
    [InlineData("${$.a[*]}", "[{\"member\":\"a\"},{\"wildcard\":true}]")]
    [InlineData("${payload.items[?(@.price > 10 && @.stock)]}", "[{\"member\":\"items\"},{\"filter\":{\"and\":[{\"compare\":[{\"path\":[\"price\"]},\">\",{\"literal\":10}]},{\"exists\":[\"stock\"]}]}}]")]
    public void A_payload_path_with_wildcards_or_filters_is_jayways_match_list(string text, string steps)
    {
        var query = Find(Value(text), Builtin.JsonQueryValue);
        Assert.NotNull(query);
        Assert.Equal(ValueKind.Json, query.Kind);
        Assert.Equal(new StringLiteralIr(steps), query.Arguments[0]);
    }

    [Fact]
    public void The_match_list_of_a_payload_filter_is_a_json_operand() =>
        Assert.Equal(Builtin.JsonQueryValue, ((BuiltinCallIr)Find(Value("${length(payload.items[?(@.type == 'book')])}"), Builtin.JsonLength)!.Arguments[0]).Function);

    [Theory]
    [InlineData("${payload.items[?(@.price > vars.limit)]}")] // substituted as its Java type prints, strings double-quoted
    [InlineData("${payload.items[?(@.price > 1 and @.stock)]}")] // 'and' reaches Jayway glued to its operands
    [InlineData("${payload.items[?(@.name == 'a$b')]}")] // replaceFirst reads $b as a group reference
    [InlineData("${payload.items[?(@.name == 'a\\'b')]}")] // Jayway unescapes string literals its own way
    [InlineData("${payload.items[?(@.payload == 1)]}")] // the lexer reads payload as a payload access
    [InlineData("${payload.items[1:3]}")]
    [InlineData("${payload..price}")]
    [InlineData("${vars.x[*]}")]
    public void Refuses_a_payload_query_jayway_would_read_otherwise(string text) =>
        Assert.True(IrWalker.ContainsUntranslated(Value(text)), text);

    [Fact]
    public void A_filter_over_a_property_reads_the_property_text()
    {
        var query = Find(Value("json-eval($trp:prop.store.book[?(@.price > 10)])"), Builtin.JsonQueryText);
        Assert.NotNull(query);
        Assert.IsType<HeaderReadIr>(query.Arguments[0]);
        Assert.Equal(ValueKind.String, query.Kind);
    }
}
