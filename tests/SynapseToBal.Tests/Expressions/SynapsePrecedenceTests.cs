using System.Collections.Immutable;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Expressions;

/// <summary>SB0233: an and/or expression written without parentheses as an operand of an MI 4.4 comparison.</summary>
public sealed class SynapsePrecedenceTests
{
    private static string? Surprise(string text) =>
        SynapsePrecedence.Surprise(ExpressionSyntax.Create(text, ImmutableDictionary<string, string>.Empty, SourceLocation.FileStart("test.xml")));

    [Theory]
    [InlineData("${vars.a == 1 and vars.b == 2}", "1 and vars.b")]
    [InlineData("${vars.a != 'x' or vars.b != 'y'}", "'x' or vars.b")]
    [InlineData("${vars.a and vars.b == true}", "vars.a and vars.b")]
    [InlineData("${(vars.a == 1 and vars.b) == 2}", "1 and vars.b")]
    [InlineData("${vars.x > 1 && vars.y < 2}", "1 && vars.y")]
    public void Reports_the_and_or_operand_of_a_comparison(string text, string operand) =>
        Assert.Equal(operand, Surprise(text));

    [Theory]
    [InlineData("${(vars.a == 1) and (vars.b == 2)}")]
    [InlineData("${(vars.a and vars.b) == true}")]
    [InlineData("${vars.a and vars.b}")]
    [InlineData("${vars.a == 1}")]
    [InlineData("${length(vars.a) > 1 ? 'a' : 'b'}")]
    [InlineData("//a = 1 and //b = 2")]
    [InlineData("${vars.a == }")]
    public void Says_nothing_when_the_grouping_reads_as_written(string text) =>
        Assert.Null(Surprise(text));
}
