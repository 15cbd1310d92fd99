using System.Globalization;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The Quartz cron expressions of tasks and message processors, read at conversion time as the Micro Integrator's
/// quartz 2.3 CronExpression reads them.
/// </summary>
public sealed class QuartzCronTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";

    private static CronIr Parse(string expression)
    {
        var cron = QuartzCron.Parse(expression, out var why, out _);
        Assert.True(cron is not null, why);
        return cron;
    }

    private static string Rejected(string expression, bool byQuartz = true)
    {
        Assert.Null(QuartzCron.Parse(expression, out var why, out var rejected));
        Assert.Equal(byQuartz, rejected);
        return why!;
    }

    [Fact]
    public void Every_field_is_expanded_and_a_star_allows_every_value()
    {
        var cron = Parse("0 0 2 * * ?");
        Assert.Equal([0], cron.Seconds.ToArray());
        Assert.Equal([0], cron.Minutes.ToArray());
        Assert.Equal([2], cron.Hours.ToArray());
        Assert.Empty(cron.Months);
        Assert.Empty(cron.Years);
        Assert.False(cron.ByWeekday);
        Assert.Empty(cron.Days);
    }

    [Fact]
    public void Steps_ranges_lists_and_names_expand_as_quartz_adds_them()
    {
        var cron = Parse("0 0/5 14,18 * JAN-MAR,dec ? 2027");
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * 5).ToArray(), cron.Minutes.ToArray());
        Assert.Equal([14, 18], cron.Hours.ToArray());
        Assert.Equal([1, 2, 3, 12], cron.Months.ToArray());
        Assert.Equal([2027], cron.Years.ToArray());

        // A step with no start steps from the field's start; '*/n' likewise.
        Assert.Equal([0, 20, 40], Parse("/20 * * * * ?").Seconds.ToArray());
        Assert.Equal([1, 11, 21, 31], Parse("0 0 0 */10 * ?").Days.ToArray());

        // A range whose end is below its start wraps past the field's end (FRI-MON is Friday to Monday).
        var weekend = Parse("0 0 8 ? * FRI-MON");
        Assert.True(weekend.ByWeekday);
        Assert.Equal([1, 2, 6, 7], weekend.Days.ToArray());
        Assert.Equal([0, 1, 2, 22, 23], Parse("0 0 22-2 * * ?").Hours.ToArray());
    }

    [Fact]
    public void Last_weekday_and_nth_day_forms_are_read()
    {
        Assert.Equal(0, Parse("0 15 10 L * ?").LastDayOffset);
        var offset = Parse("0 15 10 L-3 * ?");
        Assert.Equal(3, offset.LastDayOffset);
        Assert.False(offset.NearestWeekday);
        var lastWeekday = Parse("0 30 23 LW * ?");
        Assert.Equal(0, lastWeekday.LastDayOffset);
        Assert.True(lastWeekday.NearestWeekday);
        var nearest = Parse("0 0 12 15W * ?");
        Assert.Equal([15], nearest.Days.ToArray());
        Assert.True(nearest.NearestWeekday);
        Assert.Null(nearest.LastDayOffset);

        Assert.Equal(6, Parse("0 0 9 ? * 6L").LastWeekday);
        var third = Parse("0 0 9 ? * FRI#3");
        Assert.Equal(6, third.NthWeekday);
        Assert.Equal(3, third.Nth);

        // 'L' alone in the day-of-week field is Saturday.
        Assert.Equal([7], Parse("0 0 9 ? * L").Days.ToArray());
    }

    [Fact]
    public void Expressions_quartz_rejects_say_why()
    {
        Assert.Contains("both a day-of-month and a day-of-week", Rejected("0 0 12 1 * MON"));
        Assert.Contains("both day fields are '?'", Rejected("0 0 12 ? * ?"));
        Assert.Contains("at least 6", Rejected("0 0 12 * *"));
        Assert.Contains("not a value from 0 to 23", Rejected("0 0 24 * * ?"));
        Assert.Contains("not a value from 1 to 12", Rejected("0 0 1 ? FOO *"));
        Assert.Contains("cannot stand in the seconds field", Rejected("? 0 1 * * ?"));
        Assert.Contains("beside other values", Rejected("0 0 1 1,L * ?"));
        Assert.Contains("k from 1 to 5", Rejected("0 0 9 ? * 6#6"));
        Assert.Contains("W takes a single day", Rejected("0 0 9 1-5W * ?"));
        Assert.Contains("step after '/'", Rejected("0/0 * * * * ?"));

        // Quartz ignores fields after the year; the converter does not assume that.
        Assert.Contains("ignores those after the year", Rejected("0 0 12 * * ? 2027 extra", byQuartz: false));
    }

    [Fact]
    public void A_cron_task_is_scheduled_and_one_quartz_rejects_stays_a_todo_with_the_reason()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics,
            $"""<sequence xmlns="{Ns}" name="S"><log/></sequence>""",
            $"""
            <task xmlns="{Ns}" name="Nightly" class="org.apache.synapse.startup.tasks.MessageInjector">
              <trigger cron="0 0 2 * * ?"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="S"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><m/></property>
            </task>
            """,
            $"""
            <task xmlns="{Ns}" name="Both" class="org.apache.synapse.startup.tasks.MessageInjector">
              <trigger cron="0 0 2 1 * MON"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="injectTo" value="sequence"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="sequenceName" value="S"/>
              <property xmlns:task="http://www.wso2.org/products/wso2commons/tasks" name="message"><m/></property>
            </task>
            """);

        var nightly = Assert.Single(package.Jobs, j => j.TaskName == "Nightly");
        Assert.Null(nightly.Schedule);
        Assert.Equal("0 0 2 * * ?", nightly.Cron?.Expression);
        Assert.Null(nightly.NotTranslated);
        Assert.Contains("on the cron schedule '0 0 2 * * ?'", nightly.Summary, StringComparison.Ordinal);

        var both = Assert.Single(package.Jobs, j => j.TaskName == "Both");
        Assert.Null(both.Cron);
        Assert.Null(both.Schedule);
        var warning = Assert.Single(diagnostics.Items, d => d.Id == "SB0206");
        Assert.Contains("Quartz rejects the expression", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("no cron trigger", StringComparison.Ordinal));
    }

    [Fact]
    public void A_processor_with_a_cron_expression_runs_on_it()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics,
            $"""<messageStore xmlns="{Ns}" name="Q"/>""",
            $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""",
            $"""
            <messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Q">
              <parameter name="sequence">R</parameter>
              <parameter name="cronExpression">0 0 * ? * *</parameter>
            </messageProcessor>
            """);

        var processor = Assert.Single(package.MessageProcessors);
        Assert.True(processor.Scheduled);
        Assert.Equal([0], processor.Cron!.Seconds.ToArray());
        Assert.True(processor.Cron?.ByWeekday);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206");
    }

    [Fact]
    public void A_processor_whose_store_is_not_in_the_input_says_what_becomes_of_it()
    {
        var diagnostics = new DiagnosticBag();
        var package = ArtifactLowering.Lower(diagnostics,
            $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""",
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Missing"><parameter name="sequence">R</parameter></messageProcessor>""");

        Assert.Empty(package.MessageProcessors);
        var warning = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ProcessorStoreMissing);
        Assert.Contains("forwards nothing; no job is generated", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
