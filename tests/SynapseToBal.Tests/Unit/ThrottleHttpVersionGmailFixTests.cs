using System.Text.RegularExpressions;
using SynapseToBal.Tests.Runtime;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Fixes from a Micro Integrator review and a compile review of real conversions: the throttle slot is given back when
/// a non-blocking call fails too (SynapseCallbackReceiver frees it before looking at SENDING_FAULT); every http:Client
/// speaks HTTP/1.1 as the Micro Integrator's senders do (an http:Client's default is HTTP/2); the Gmail list helpers
/// call ballerinax/googleapis.gmail 4.2.0's resource functions (named query parameters, no query records).
/// </summary>
public sealed partial class ThrottleHttpVersionGmailFixTests
{
    [Fact]
    public void A_failed_call_gives_the_throttle_slot_back_before_failing()
    {
        var text = RuntimeSourceText.Function("throttleReleased");
        RuntimeSourceText.InOrder(text, "error? result) returns error? {", "throttleRelease(ctx);", "return result;");
    }

    [Fact]
    public void Every_http_client_the_runtime_makes_names_http_1_1()
    {
        // Each `new (url, {...})` of an http:Client and each http:ClientConfiguration literal in the runtime module.
        var made = HttpClientConfigurations().Matches(RuntimeSourceText.Support).Select(m => m.Value).ToList();
        Assert.NotEmpty(made);
        Assert.All(made, config => Assert.Contains("httpVersion: http:HTTP_1_1", config, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gmailListAllMails", "/messages(")]
    [InlineData("gmailListDrafts", "/drafts(")]
    public void Gmail_list_helpers_use_the_released_client_signature(string function, string resource)
    {
        var text = RuntimeSourceText.Function(function);
        Assert.DoesNotContain("ListQueries", text, StringComparison.Ordinal);
        Assert.Contains(resource + "includeSpamTrash = spamTrash,", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(http:Client(\|error)? \w+ = (check )?new \([^;]*\{[^;]*\}\);)|(http:ClientConfiguration \w+ = \{[^;]*\};)")]
    private static partial Regex HttpClientConfigurations();
}
