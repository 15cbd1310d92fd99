using System.Collections.Immutable;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;
using Xunit;

namespace SynapseToBal.Tests.Expressions;

/// <summary>Focused cases for the expression front end: precedence, literals, axes, filters, spans and error positions.</summary>
public sealed class ExpressionParserTests
{
    private static string XPath(string text) => ExpressionPrinter.Print(ExpressionParser.Parse(text, ExpressionLanguage.XPath));

    private static string Json(string text) => ExpressionPrinter.Print(ExpressionParser.Parse(text, ExpressionLanguage.JsonPath));

    private static string Synapse(string text) => ExpressionPrinter.Print(ExpressionParser.Parse(text, ExpressionLanguage.Synapse));

    [Theory]
    [InlineData("1 + 2 * 3", "(+ 1 (* 2 3))")]
    [InlineData("1 * 2 + 3", "(+ (* 1 2) 3)")]
    [InlineData("1 - 2 + 3", "(+ (- 1 2) 3)")]
    [InlineData("8 div 4 * 2", "(* (div 8 4) 2)")]
    [InlineData("9 mod 4 mod 3", "(mod (mod 9 4) 3)")]
    [InlineData("1 < 2 < 3", "(< (< 1 2) 3)")]
    [InlineData("1 = 2 != 3", "(!= (== 1 2) 3)")]
    [InlineData("1 < 2 = 2 > 1", "(== (< 1 2) (> 2 1))")]
    [InlineData("a or b or c", "(or (or (path child::a) (path child::b)) (path child::c))")]
    [InlineData("a and b and c", "(and (and (path child::a) (path child::b)) (path child::c))")]
    [InlineData("a or b and c = d", "(or (path child::a) (and (path child::b) (== (path child::c) (path child::d))))")]
    [InlineData("1 + 2 = 3 and 4 > 3", "(and (== (+ 1 2) 3) (> 4 3))")]
    [InlineData("-2 * 3", "(* (neg 2) 3)")]
    [InlineData("- a | b", "(neg (| (path child::a) (path child::b)))")]
    [InlineData("2 - -1", "(- 2 (neg 1))")]
    [InlineData("a|b = c", "(== (| (path child::a) (path child::b)) (path child::c))")]
    [InlineData("(1 + 2) * (3 - 4)", "(* (+ 1 2) (- 3 4))")]
    public void XPath_operators_have_the_precedence_and_associativity_of_XPath_1_0(string text, string tree) => Assert.Equal(tree, XPath(text));

    [Theory]
    [InlineData("*", TokenKind.Star)]
    [InlineData("a * b", TokenKind.Multiply)]
    [InlineData("@*", TokenKind.Star)]
    [InlineData("a[*]", TokenKind.Star)]
    [InlineData("(*)", TokenKind.Star)]
    [InlineData("f(a, *)", TokenKind.Star)]
    [InlineData("1 + *", TokenKind.Star)]
    [InlineData("$x*2", TokenKind.Multiply)]
    [InlineData(")*", TokenKind.Multiply)]
    [InlineData("]*", TokenKind.Multiply)]
    [InlineData("child::*", TokenKind.Star)]
    public void XPath_star_is_a_name_test_or_multiply_by_the_preceding_token(string text, TokenKind expected)
    {
        var (tokens, _) = ExpressionLexer.Tokenize(text, LexerMode.XPath);
        Assert.Equal(expected, tokens.Last(t => t.Text == "*").Kind);
    }

    [Theory]
    [InlineData("and", TokenKind.Name)]
    [InlineData("a and", TokenKind.And)]
    [InlineData("/and", TokenKind.Name)]
    [InlineData("1 or", TokenKind.Or)]
    [InlineData("@div", TokenKind.Name)]
    [InlineData("3 div", TokenKind.Div)]
    [InlineData("(mod", TokenKind.Name)]
    [InlineData("$x mod", TokenKind.Mod)]
    [InlineData("a = or", TokenKind.Name)]
    public void XPath_operator_names_are_names_unless_they_follow_an_operand(string text, TokenKind expected)
    {
        var (tokens, _) = ExpressionLexer.Tokenize(text, LexerMode.XPath);
        Assert.Equal(expected, tokens[^2].Kind);
    }

    [Theory]
    [InlineData("ancestor")]
    [InlineData("ancestor-or-self")]
    [InlineData("attribute")]
    [InlineData("child")]
    [InlineData("descendant")]
    [InlineData("descendant-or-self")]
    [InlineData("following")]
    [InlineData("following-sibling")]
    [InlineData("namespace")]
    [InlineData("parent")]
    [InlineData("preceding")]
    [InlineData("preceding-sibling")]
    [InlineData("self")]
    public void Every_XPath_axis_parses_and_prints_back(string axis)
    {
        Assert.Equal($"(path / child::a (step {axis}::b 1))", XPath($"/a/{axis}::b[1]"));
        var path = Assert.IsType<LocationPath>(ExpressionParser.Parse($"{axis}::node()", ExpressionLanguage.XPath).Root);
        Assert.Equal(axis, ExpressionPrinter.AxisName(path.Steps[0].Axis));
    }

    [Theory]
    [InlineData("node()", NodeType.Node)]
    [InlineData("text()", NodeType.Text)]
    [InlineData("comment()", NodeType.Comment)]
    [InlineData("processing-instruction()", NodeType.ProcessingInstruction)]
    [InlineData("processing-instruction('pi')", NodeType.ProcessingInstruction)]
    public void Node_type_tests_are_not_function_calls(string text, NodeType type)
    {
        var path = Assert.IsType<LocationPath>(ExpressionParser.Parse("a/" + text, ExpressionLanguage.XPath).Root);
        Assert.Equal(type, Assert.IsType<NodeTypeTest>(path.Steps[1].Test).Type);
    }

    [Theory]
    [InlineData("a | b", "(| (path child::a) (path child::b))")]
    [InlineData("a | b | c", "(| (| (path child::a) (path child::b)) (path child::c))")]
    [InlineData("/a | $body/b", "(| (path / child::a) (path-from (var body body) child::b))")]
    [InlineData("count(a | b)", "(call count (| (path child::a) (path child::b)))")]
    [InlineData("(a | b)[1]/c", "(path-from (filter (| (path child::a) (path child::b)) 1) child::c)")]
    [InlineData("a[b | c]", "(path (step child::a (| (path child::b) (path child::c))))")]
    public void Unions_bind_tighter_than_every_other_operator(string text, string tree) => Assert.Equal(tree, XPath(text));

    [Theory]
    [InlineData("$ctx:x", VariableScope.Context, "ctx", "x")]
    [InlineData("$axis2:HTTP_SC", VariableScope.Axis2, "axis2", "HTTP_SC")]
    [InlineData("$trp:Authorization", VariableScope.Transport, "trp", "Authorization")]
    [InlineData("$url:q", VariableScope.Url, "url", "q")]
    [InlineData("$func:p", VariableScope.Function, "func", "p")]
    [InlineData("$env:HOME", VariableScope.Environment, "env", "HOME")]
    [InlineData("$body", VariableScope.Body, null, "body")]
    [InlineData("$header", VariableScope.Header, null, "header")]
    [InlineData("$v", VariableScope.Plain, null, "v")]
    [InlineData("$my:v", VariableScope.Qualified, "my", "v")]
    public void Synapse_XPath_variables_keep_their_scope(string text, VariableScope scope, string? prefix, string name)
    {
        var variable = Assert.IsType<VariableReference>(ExpressionParser.Parse(text, ExpressionLanguage.XPath).Root);
        Assert.Equal((scope, prefix, name), (variable.Scope, variable.Prefix, variable.Name));
    }

    [Theory]
    [InlineData("concat(substring-before($ctx:a, '-'), fn:upper-case(get-property('b')))",
        "(call concat (call substring-before (var context ctx:a) \"-\") (call fn:upper-case (call get-property \"b\")))")]
    [InlineData("f(g(h(i())))", "(call f (call g (call h (call i))))")]
    [InlineData("not(not(not(true())))", "(call not (call not (call not (call true))))")]
    [InlineData("count(//a[count(b) > 1])", "(call count (path / descendant-or-self::node() (step child::a (> (call count (path child::b)) 1))))")]
    public void XPath_calls_nest(string text, string tree) => Assert.Equal(tree, XPath(text));

    [Theory]
    [InlineData("'a=b'", "\"a=b\"")]
    [InlineData("'a or b and c'", "\"a or b and c\"")]
    [InlineData("\"it's\"", "\"it's\"")]
    [InlineData("'say \"hi\"'", "\"say \\\"hi\\\"\"")]
    [InlineData("concat('(', ')')", "(call concat \"(\" \")\")")]
    [InlineData("a[. = ']']", "(path (step child::a (== (path self::node()) \"]\")))")]
    public void XPath_string_literals_keep_operators_and_brackets(string text, string tree) => Assert.Equal(tree, XPath(text));

    [Theory]
    [InlineData("vars.x == 'a==b'", "(== (. (vars) \"x\") \"a==b\")")]
    [InlineData("vars.x == '}'", "(== (. (vars) \"x\") \"}\")")]
    [InlineData("vars.x + ' && ' + vars.y", "(+ (+ (. (vars) \"x\") \" && \") (. (vars) \"y\"))")]
    [InlineData("'a\\'b'", "\"a'b\"")]
    [InlineData("\"tab\\there\"", "\"tab\\there\"")]
    [InlineData("\"\\u0041\"", "\"A\"")]
    [InlineData("'\\d+'", "\"\\\\d+\"")]
    [InlineData("contains(vars.s, ')')", "(call contains (. (vars) \"s\") \")\")")]
    public void Synapse_string_literals_keep_operators_and_braces(string text, string tree) => Assert.Equal(tree, Synapse(text));

    [Theory]
    [InlineData("1 + 2 * 3", "(+ 1 (* 2 3))")]
    [InlineData("1 - 2 - 3", "(- (- 1 2) 3)")]
    [InlineData("8 / 4 / 2", "(div (div 8 4) 2)")]
    [InlineData("a and b and c", "(error 0: unexpected name 'a': expected a literal, payload, vars, headers, props, params, configs or a function call)")]
    [InlineData("true and false and true", "(and true (and false true))")]
    [InlineData("true or false or true", "(or true (or false true))")]
    [InlineData("true and false or true", "(and true (or false true))")]
    [InlineData("1 + 1 == 2", "(== (+ 1 1) 2)")]
    [InlineData("1 == 1 and 2 == 2", "(== (== 1 (and 1 2)) 2)")]
    [InlineData("(1 == 1) and (2 == 2)", "(and (== 1 1) (== 2 2))")]
    [InlineData("1 + 2 > 2 ? 'a' : 'b'", "(if (> (+ 1 2) 2) \"a\" \"b\")")]
    [InlineData("true ? false ? 1 : 2 : 3", "(if true (if false 1 2) 3)")]
    [InlineData("true ? 1 : false ? 2 : 3", "(if true 1 (if false 2 3))")]
    [InlineData("!true and false", "(and (not true) false)")]
    [InlineData("-1 - -2", "(- -1 -2)")]
    [InlineData("2 * (3 + 4) % 5", "(mod (* 2 (+ 3 4)) 5)")]
    public void Synapse_operators_build_the_tree_the_ANTLR_grammar_builds(string text, string tree) => Assert.Equal(tree, Synapse(text));

    [Theory]
    [InlineData("$.a[1:3]", "(slice (. $ \"a\") 1 3 _)")]
    [InlineData("$.a[1:]", "(slice (. $ \"a\") 1 _ _)")]
    [InlineData("$.a[:-1]", "(slice (. $ \"a\") _ -1 _)")]
    [InlineData("$.a[-3:-1]", "(slice (. $ \"a\") -3 -1 _)")]
    [InlineData("$.a[0:10:2]", "(slice (. $ \"a\") 0 10 2)")]
    [InlineData("$.a[::-1]", "(slice (. $ \"a\") _ _ -1)")]
    [InlineData("$.a[1::]", "(slice (. $ \"a\") 1 _ _)")]
    [InlineData("$.a[0,2,4]", "([] (. $ \"a\") 0 2 4)")]
    public void JSONPath_slices_and_index_lists(string text, string tree) => Assert.Equal(tree, Json(text));

    [Theory]
    [InlineData("$[?(@.a == 1 && @.b == 2 || @.c == 3)]", "(?[] $ (or (and (== (. @ \"a\") 1) (== (. @ \"b\") 2)) (== (. @ \"c\") 3)))")]
    [InlineData("$[?(@.a == 1 && (@.b == 2 || @.c == 3))]", "(?[] $ (and (== (. @ \"a\") 1) (or (== (. @ \"b\") 2) (== (. @ \"c\") 3))))")]
    [InlineData("$[?(!@.a && !@.b)]", "(?[] $ (and (not (. @ \"a\")) (not (. @ \"b\"))))")]
    [InlineData("$[?(@.a =~ /x|y/)]", "(?[] $ (=~ (. @ \"a\") /x|y/))")]
    [InlineData("$[?(@.a == 'x && y')]", "(?[] $ (== (. @ \"a\") \"x && y\"))")]
    [InlineData("$[?(@.a.b[0] >= 2.5)]", "(?[] $ (>= ([] (. (. @ \"a\") \"b\") 0) 2.5))")]
    [InlineData("$[?(@ == 'x')]", "(?[] $ (== @ \"x\"))")]
    [InlineData("$[?(@.price < 10)][0]", "([] (?[] $ (< (. @ \"price\") 10)) 0)")]
    [InlineData("$..book[?(@.isbn)].title", "(. (?[] (.. $ \"book\") (. @ \"isbn\")) \"title\")")]
    [InlineData("$.a[?(@.x in $.allowed)]", "(?[] (. $ \"a\") (in (. @ \"x\") (. $ \"allowed\")))")]
    public void JSONPath_filters(string text, string tree) => Assert.Equal(tree, Json(text));

    [Theory]
    [InlineData("payload.a[?(@.x == vars.y && @.z > 1)]", "(?[] (. (payload) \"a\") (and (== (. @ \"x\") (. (vars) \"y\")) (> (. @ \"z\") 1)))")]
    [InlineData("payload.a[?(@.x == headers.h)]", "(?[] (. (payload) \"a\") (== (. @ \"x\") (. (headers) \"h\")))")]
    [InlineData("payload.a[?(@.x == toUpper(vars.y))]", "(?[] (. (payload) \"a\") (== (. @ \"x\") (call toUpper (. (vars) \"y\"))))")]
    [InlineData("payload.a[?(@.x > 1 and @.y < 2)]", "(?[] (. (payload) \"a\") (and (> (. @ \"x\") 1) (< (. @ \"y\") 2)))")]
    [InlineData("vars.list[?(@ == 'a')]", "(?[] (. (vars) \"list\") (== @ \"a\"))")]
    public void Synapse_filters_accept_Synapse_operands(string text, string tree) => Assert.Equal(tree, Synapse(text));

    [Theory]
    [InlineData(ExpressionLanguage.XPath, "count(/a", 8, "expected ',' or ')'")]
    [InlineData(ExpressionLanguage.XPath, "concat('a', 'b'", 15, "expected ',' or ')'")]
    [InlineData(ExpressionLanguage.XPath, "a[b", 3, "expected ']'")]
    [InlineData(ExpressionLanguage.XPath, "a and", 5, "expected an expression")]
    [InlineData(ExpressionLanguage.XPath, "a/b/", 4, "expected a location step")]
    [InlineData(ExpressionLanguage.XPath, "'abc", 0, "unterminated string literal")]
    [InlineData(ExpressionLanguage.XPath, "a = 'x' 'y'", 8, "expected an operator or end of expression")]
    [InlineData(ExpressionLanguage.XPath, "bogus::a", 0, "unknown axis 'bogus'")]
    [InlineData(ExpressionLanguage.XPath, "a ~ b", 2, "'~' (not a token of this dialect)")]
    [InlineData(ExpressionLanguage.XPath, "", 0, "expected an expression")]
    [InlineData(ExpressionLanguage.XPath, "f(,)", 2, "expected an expression")]
    [InlineData(ExpressionLanguage.JsonPath, "$.a[?(@.b == 1)", 15, "expected ']'")]
    [InlineData(ExpressionLanguage.JsonPath, "$.a[0", 5, "expected ']', ',' or ':'")]
    [InlineData(ExpressionLanguage.JsonPath, "$.a[?(@.b =~ /x)]", 13, "unterminated regular expression")]
    [InlineData(ExpressionLanguage.JsonPath, "#", 0, "expected '$'")]
    [InlineData(ExpressionLanguage.Synapse, "vars.a +", 8, "expected an expression")]
    [InlineData(ExpressionLanguage.Synapse, "toUpper(vars.a", 14, "expected ',' or ')'")]
    [InlineData(ExpressionLanguage.Synapse, "vars.a ? 1", 10, "expected ':'")]
    [InlineData(ExpressionLanguage.Synapse, "unknownFn(1)", 0, "unknown function 'unknownFn'")]
    [InlineData(ExpressionLanguage.Synapse, "props.x.y", 6, "expected synapse or axis2")]
    [InlineData(ExpressionLanguage.Synapse, "headers.a.b", 9, "expected an operator or end of expression")]
    [InlineData(ExpressionLanguage.Synapse, "\"open", 0, "unterminated string literal")]
    [InlineData(ExpressionLanguage.Synapse, "[1, 2", 5, "expected ',' or ']'")]
    [InlineData(ExpressionLanguage.Synapse, "vars.a = 1", 7, "expected an operator or end of expression")]
    public void Errors_have_a_position_inside_the_expression(ExpressionLanguage language, string text, int position, string message)
    {
        var result = ExpressionParser.Parse(text, language);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.IsType<ErrorNode>(result.Root);
    }

    [Fact]
    public void Spans_are_relative_to_the_expression_text()
    {
        var text = "concat($ctx:a, 'x')";
        var call = Assert.IsType<FunctionCall>(ExpressionParser.Parse(text, ExpressionLanguage.XPath).Root);
        Assert.Equal(text, text[call.Span.Start..call.Span.End]);
        Assert.Equal("$ctx:a", text[call.Arguments[0].Span.Start..call.Arguments[0].Span.End]);
        Assert.Equal("'x'", text[call.Arguments[1].Span.Start..call.Arguments[1].Span.End]);

        var synapse = "vars.a.b[0] + 1";
        var add = Assert.IsType<BinaryExpression>(ExpressionParser.Parse(synapse, ExpressionLanguage.Synapse).Root);
        Assert.Equal("vars.a.b[0]", synapse[add.Left.Span.Start..add.Left.Span.End]);
        Assert.Equal(synapse.Length, add.Span.End);

        var path = "$body/a[1]";
        var expression = Assert.IsType<PathExpression>(ExpressionParser.Parse(path, ExpressionLanguage.XPath).Root);
        Assert.Equal("a[1]", path[expression.Steps[0].Span.Start..expression.Steps[0].Span.End]);
    }

    [Theory]
    // A property name after headers/props/params and a deep-scan member end after the name, not at the dot before it.
    [InlineData("'r-' + params.pathParams.region", ExpressionLanguage.Synapse, "params.pathParams.region")]
    [InlineData("headers.Accept + 'x'", ExpressionLanguage.Synapse, "headers.Accept")]
    [InlineData("props.synapse.p == 1", ExpressionLanguage.Synapse, "props.synapse.p")]
    [InlineData("payload..id == 1", ExpressionLanguage.Synapse, "payload..id")]
    public void Member_spans_end_after_the_name(string text, ExpressionLanguage language, string left)
    {
        var binary = Assert.IsType<BinaryExpression>(ExpressionParser.Parse(text, language).Root);
        var operand = text.StartsWith(left, StringComparison.Ordinal) ? binary.Left : binary.Right;
        Assert.Equal(left, text[operand.Span.Start..operand.Span.End]);
        Assert.Equal(text.Length, binary.Span.End);
    }

    public static TheoryData<string> Dialects() => ["xpath", "jsonpath", "synapse"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_node_span_lies_inside_its_parent_and_the_text(string dialect)
    {
        var language = dialect switch
        {
            "xpath" => ExpressionLanguage.XPath,
            "jsonpath" => ExpressionLanguage.JsonPath,
            _ => ExpressionLanguage.Synapse,
        };
        foreach (var text in ExpressionBaselineTests.Cases(dialect))
        {
            var result = ExpressionParser.Parse(text, language);
            foreach (var node in ExpressionWalker.DescendantsAndSelf(result.Root))
            {
                Assert.True(node.Span.Start >= 0 && node.Span.End <= text.Length, $"{text}: {node}");
                foreach (var child in ExpressionWalker.Children(node))
                {
                    Assert.True(node.Span.Contains(child.Span), $"{text}: {child.GetType().Name} {child.Span} outside {node.GetType().Name} {node.Span}");
                }
            }

            foreach (var error in result.Errors)
            {
                Assert.InRange(error.Position, 0, text.Length);
            }
        }
    }

    [Fact]
    public void The_walker_visits_every_node_in_source_order()
    {
        var root = ExpressionParser.Parse("concat($ctx:a, /b[1], 'c')", ExpressionLanguage.XPath).Root;
        Assert.Equal(["FunctionCall", "VariableReference", "LocationPath", "NumberLiteral", "StringLiteral"],
            ExpressionWalker.DescendantsAndSelf(root).Select(n => n.GetType().Name));
    }

    [Theory]
    [InlineData("json-eval($.a)", 10)]
    [InlineData("${vars.a}", 2)]
    [InlineData("${ vars.a }", 3)]
    [InlineData("  //a  ", 2)]
    public void The_text_offset_points_into_the_attribute(string original, int offset)
    {
        var expression = ExpressionSyntax.Create(original, ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("a.xml"));
        Assert.Equal(offset, expression.TextOffset());
        Assert.Equal(expression.Text, original.Substring(offset, expression.Text.Length));
    }

    [Fact]
    public void An_expression_of_the_AST_parses_in_its_own_language()
    {
        var location = SourceLocation.FileStart("a.xml");
        var namespaces = ImmutableDictionary<string, string>.Empty;
        Assert.IsType<MemberAccess>(ExpressionSyntax.Create("json-eval($.a)", namespaces, location).Parse().Root);
        Assert.IsType<ConditionalExpression>(ExpressionSyntax.Create("${vars.a ? 1 : 2}", namespaces, location).Parse().Root);
        Assert.IsType<FunctionCall>(ExpressionSyntax.Create("get-property('a')", namespaces, location).Parse().Root);
    }

    [Theory]
    [InlineData(InterpolationMode.Template, "a ${x.y} b", "${x.y}", 2, 8)]
    [InlineData(InterpolationMode.Template, "${vars.x == '}'}!", "${vars.x == '}'}", 0, 16)]
    [InlineData(InterpolationMode.Template, "${ {'a': 1} }", "${ {'a': 1} }", 0, 13)]
    [InlineData(InterpolationMode.Template, "x${\"a\\\"}\"}", "${\"a\\\"}\"}", 1, 10)]
    [InlineData(InterpolationMode.PayloadFactory, "<a>$12</a>", "$12", 3, 6)]
    [InlineData(InterpolationMode.UriTemplate, "/a/{uri.var.id}", "{uri.var.id}", 3, 15)]
    [InlineData(InterpolationMode.DynamicKey, "k{$ctx:a}", "{$ctx:a}", 1, 9)]
    public void Interpolation_finds_the_embedding_and_its_span(InterpolationMode mode, string text, string embedded, int start, int end)
    {
        var result = InterpolationLexer.Split(text, mode);
        Assert.True(result.Success);
        var part = Assert.Single(result.Parts, p => p is not TextPart);
        Assert.Equal((start, end), (part.Span.Start, part.Span.End));
        Assert.Equal(embedded, text[start..end]);
    }

    [Fact]
    public void Interpolation_parts_cover_the_text_in_order()
    {
        const string text = "Hello ${vars.name}, order $1 at {uri.var.id}";
        var result = InterpolationLexer.Split(text, InterpolationMode.PayloadFactory);
        Assert.Equal(text, string.Concat(result.Parts.Select(p => text[p.Span.Start..p.Span.End])));
        Assert.Equal(["TextPart", "SynapseExpressionPart", "TextPart", "ArgumentPart", "TextPart"], result.Parts.Select(p => p.GetType().Name));
        var expression = Assert.IsType<SynapseExpressionPart>(result.Parts[1]);
        Assert.Equal("vars.name", text[expression.ExpressionSpan.Start..expression.ExpressionSpan.End]);
    }

    [Theory]
    [InlineData(InterpolationMode.Template, "a ${b", 2)]
    [InlineData(InterpolationMode.Template, "${'}", 0)]
    [InlineData(InterpolationMode.UriTemplate, "/x/{id", 3)]
    [InlineData(InterpolationMode.DynamicKey, "{a[", 0)]
    public void Unterminated_embeddings_are_errors_at_their_opening(InterpolationMode mode, string text, int position)
    {
        var result = InterpolationLexer.Split(text, mode);
        Assert.Equal(position, Assert.Single(result.Errors).Position);
        Assert.Equal(text, string.Concat(result.Parts.OfType<TextPart>().Select(p => p.Text)));
    }

    [Fact]
    public void No_input_makes_the_front_end_throw()
    {
        var random = new Random(7);
        const string alphabet = "ab$@.[]()*/|=!<>&?:,'\"{}-+ 0123456789ctxvarspayload";
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var language in new[] { ExpressionLanguage.XPath, ExpressionLanguage.JsonPath, ExpressionLanguage.Synapse })
            {
                var result = ExpressionParser.Parse(text, language);
                Assert.True(result.Success || result.Errors.All(e => e.Position >= 0 && e.Position <= text.Length), text);
                _ = ExpressionPrinter.Print(result);
            }

            foreach (var mode in Enum.GetValues<InterpolationMode>())
            {
                _ = InterpolationLexer.Print(InterpolationLexer.Split(text, mode));
            }
        }
    }
}
