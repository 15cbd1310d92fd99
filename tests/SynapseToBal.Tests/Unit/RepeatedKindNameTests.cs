using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14, names a Ballerina developer would write: a message processor or task whose Synapse name already ends with
/// its kind's word is not given it twice (<c>ReportProcessor</c>, not <c>ReportProcessorProcessor</c>; <c>CleanupJob</c>,
/// not <c>CleanupJobJob</c>); one that does not keeps the kind (<c>OrderForwarderProcessor</c>, <c>HeartbeatTaskJob</c>).
/// </summary>
public sealed class RepeatedKindNameTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    [Theory]
    [InlineData("ReportProcessor", "processor", true)]
    [InlineData("report-processor", "processor", true)]
    [InlineData("REPORT_PROCESSOR", "processor", true)]
    [InlineData("OrderForwarder", "processor", false)]
    [InlineData("Reprocessor", "processor", false)]
    [InlineData("Processor", "processor", false)]
    [InlineData("CleanupJob", "job", true)]
    [InlineData("HeartbeatTask", "job", false)]
    public void A_name_ending_with_its_kind_s_word_asks_for_itself_first(string name, string kind, bool shorter) =>
        Assert.Equal(shorter ? new[] { name } : Array.Empty<string>(), SymbolWords.WithoutRepeatedKind(name, kind).ToArray());

    [Fact]
    public void A_processor_and_a_task_named_after_their_kind_keep_their_names()
    {
        var files = ArtifactConversion.Convert(
            $"""<sequence xmlns="{Ns}" name="Report"><log level="full"/></sequence>""",
            $"""<messageStore xmlns="{Ns}" name="ReportStore"/>""",
            $"""<messageProcessor xmlns="{Ns}" name="ReportProcessor" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" messageStore="ReportStore"><parameter name="sequence">Report</parameter><parameter name="interval">1000</parameter></messageProcessor>""",
            $"""<task xmlns="{Ns}" name="CleanupJob" class="org.apache.synapse.startup.tasks.MessageInjector" group="synapse.simple.quartz"><trigger interval="60"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="Report"/><property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><clean/></property></task>""");

        Assert.Contains("class ReportProcessor {", files["stores.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("ReportProcessorProcessor", files["stores.bal"], StringComparison.Ordinal);
        Assert.Contains("class CleanupJob {", files["tasks.bal"], StringComparison.Ordinal);
        Assert.DoesNotContain("CleanupJobJob", files["tasks.bal"], StringComparison.Ordinal);
    }
}
