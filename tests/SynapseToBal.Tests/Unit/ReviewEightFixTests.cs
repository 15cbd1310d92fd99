using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Fixes from a side-by-side review of real MI projects: a uri-template query ending in '*', endpoint suspension
/// codes that read as HTTP statuses.
/// </summary>
public sealed class ReviewEightFixTests
{
    [Theory]
    // Literal.match: a literal ending in '*' takes the rest once the text before the '*' matched; URITemplate then
    // allows no optional query, so the request must have one ("?*": any query, even empty).
    [InlineData("*", ".*")]
    [InlineData("from=*", "from=.*")]
    [InlineData("a=1&b=*", "a=1&b=.*")]
    // A '*' that does not end the literal is compared as a character.
    [InlineData("a*b", @"a\*b/?")]
    public void A_query_literal_ending_in_a_star_takes_the_rest_of_the_query(string query, string pattern)
    {
        Assert.Equal(pattern, Lowerer.QueryPattern(query, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_star_literal_before_an_expression_is_reported_not_guessed()
    {
        Assert.Null(Lowerer.QueryPattern("a=*{x}", out var problem));
        Assert.Contains("ends in a '*'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500", true)]
    [InlineData("101503", false)]
    public void A_suspend_code_that_reads_as_an_http_status_is_said_to_match_nothing(string code, bool said)
    {
        var qualities = SynapseToBal.Syntax.EndpointQualities.None with { SuspendErrorCodes = [code] };

        var (note, suspends) = Lowerer.DescribeSuspension(qualities);

        Assert.True(suspends);
        Assert.Equal(said, note.Contains("no Synapse error code but an HTTP status", StringComparison.Ordinal));
    }
}
