using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class EipMediatorTests
{
    [Fact]
    public void Iterate_reads_attributes_and_an_inline_target_sequence()
    {
        var iterate = Single<IterateMediator>("""
            <iterate id="it" expression="//m0:order" attachPath="//m0:orders" preservePayload="true" continueParent="true" sequential="true" xmlns:m0="urn:orders">
              <target soapAction="urn:place"><sequence><log/><send><endpoint key="OrderEP"/></send></sequence></target>
            </iterate>
            """);
        Assert.Equal("it", iterate.Id);
        Assert.Equal("//m0:order", iterate.Expression!.Text);
        Assert.Equal("urn:orders", iterate.Expression.Namespaces["m0"]);
        Assert.Equal("//m0:orders", iterate.AttachPath!.Text);
        Assert.True(iterate.PreservePayload);
        Assert.True(iterate.ContinueParent);
        Assert.True(iterate.Sequential);
        Assert.Equal("urn:place", iterate.Target!.SoapAction);
        var sequence = iterate.Target.Sequence!.Value;
        Assert.IsType<LogMediator>(sequence[0]);
        var send = Assert.IsType<SendMediator>(sequence[1]);
        Assert.IsType<EndpointReferenceSyntax.Key>(send.Endpoint);
    }

    [Fact]
    public void Clone_reads_targets_by_key_and_inline_endpoint()
    {
        var clone = Single<CloneMediator>("""
            <clone id="c" continueParent="true" iterations="{$ctx:count}">
              <target sequence="first" endpoint="firstEP"/>
              <target to="http://x"><endpoint><address uri="http://localhost:9000"/></endpoint></target>
            </clone>
            """);
        Assert.Equal("c", clone.Id);
        Assert.True(clone.ContinueParent);
        Assert.False(clone.Sequential);
        Assert.True(clone.Iterations!.IsDynamic);
        Assert.Equal("first", clone.Targets[0].SequenceKey!.Text);
        Assert.Equal("firstEP", clone.Targets[0].EndpointKey!.Text);
        Assert.Equal("http://x", clone.Targets[1].To);
        Assert.IsType<AddressEndpointSyntax>(clone.Targets[1].Endpoint!.Definition);
    }

    [Fact]
    public void Aggregate_reads_correlation_completion_and_on_complete_flow()
    {
        var aggregate = Single<AggregateMediator>("""
            <aggregate id="agg">
              <correlateOn expression="$ctx:correlation"/>
              <completeCondition timeout="10"><messageCount min="2" max="{$ctx:max}"/></completeCondition>
              <onComplete expression="//quote" enclosingElementProperty="wrapper"><respond/></onComplete>
            </aggregate>
            """);
        Assert.Equal("agg", aggregate.Id);
        Assert.Equal("$ctx:correlation", aggregate.CorrelateOn!.Text);
        Assert.Equal(10, aggregate.CompletionTimeoutSeconds);
        Assert.Equal("2", aggregate.MinMessages!.Text);
        Assert.True(aggregate.MaxMessages!.IsDynamic);
        Assert.Equal("//quote", aggregate.OnComplete!.Expression!.Text);
        Assert.Equal("wrapper", aggregate.OnComplete.EnclosingElementProperty);
        Assert.IsType<RespondMediator>(Assert.Single(aggregate.OnComplete.Flow.Mediators));

        var byKey = Single<AggregateMediator>("""<aggregate><onComplete expression="//a" sequence="merged"/></aggregate>""");
        Assert.Equal("merged", byKey.OnComplete!.Flow.SequenceKey!.Text);
    }

    [Fact]
    public void Foreach_reads_the_classic_form()
    {
        var forEach = Single<ForEachMediator>("""<foreach id="f" expression="//item" continueLoopOnFailure="true"><sequence><log/></sequence></foreach>""");
        Assert.False(forEach.IsVersion2);
        Assert.Equal("//item", forEach.Expression!.Text);
        Assert.True(forEach.ContinueLoopOnFailure);
        Assert.IsType<LogMediator>(Assert.Single(forEach.Sequence!.Value));
    }

    [Fact]
    public void Foreach_reads_the_mi_4_4_form_under_both_attribute_spellings()
    {
        var released = Single<ForEachMediator>("""
            <foreach collection="${payload.items}" parallel-execution="false" update-original="false" target-variable="results"
                     result-content-type="XML" result-enclosing-element="items" counter-variable="i">
              <sequence><variable name="x" value="1"/></sequence>
            </foreach>
            """);
        Assert.True(released.IsVersion2);
        Assert.Equal(ExpressionLanguage.Synapse, released.Collection!.Language);
        Assert.False(released.ParallelExecution);
        Assert.False(released.UpdateOriginal);
        Assert.Equal("results", released.TargetVariable);
        Assert.Equal("XML", released.ResultContentType);
        Assert.Equal("items", released.ResultEnclosingElement);
        Assert.Equal("i", released.CounterVariable);

        var preview = Single<ForEachMediator>("""<foreach collection="${payload.items}" result-target="result" result-type="JSON"><sequence/></foreach>""");
        Assert.Equal("result", preview.TargetVariable);
        Assert.Equal("JSON", preview.ResultContentType);
    }

    [Fact]
    public void Scatter_gather_reads_aggregation_and_sequences()
    {
        var scatter = Single<ScatterGatherMediator>("""
            <scatter-gather parallel-execution="false" target="variable" target-variable="out" result-content-type="JSON">
              <aggregation expression="${payload}" condition="${payload.ok}" timeout="5000" min-messages="1" max-messages="2"/>
              <sequence><call><endpoint key="A"/></call></sequence>
              <sequence><call><endpoint key="B"/></call></sequence>
            </scatter-gather>
            """);
        Assert.False(scatter.ParallelExecution);
        Assert.Equal("variable", scatter.ResultTarget);
        Assert.Equal("out", scatter.TargetVariable);
        Assert.Equal("JSON", scatter.ContentType);
        Assert.Equal(5000, scatter.Aggregation!.TimeoutMillis);
        Assert.Equal("${payload.ok}", scatter.Aggregation.Condition!.Original);
        Assert.Equal(2, scatter.Sequences.Length);
        Assert.IsType<CallMediator>(Assert.Single(scatter.Sequences[1].Mediators));

        var preview = Single<ScatterGatherMediator>("""<scatter-gather result-target="body" content-type="XML" root-element="all"><aggregation expression="${xpath('//a')}"/><sequence/></scatter-gather>""");
        Assert.True(preview.ParallelExecution);
        Assert.Equal("body", preview.ResultTarget);
        Assert.Equal("XML", preview.ContentType);
        Assert.Equal("all", preview.RootElement);
    }

    [Fact]
    public void Conditional_router_reads_routes_conditions_and_targets()
    {
        var router = Single<ConditionalRouterMediator>("""
            <conditionalRouter continueAfter="false">
              <conditionalRoute breakRoute="false" asynchronous="true">
                <condition><match type="header" source="foo" regex="bar"/></condition>
                <target sequence="fooSeq"/>
              </conditionalRoute>
            </conditionalRouter>
            """);
        Assert.False(router.ContinueAfter);
        var route = Assert.Single(router.Routes);
        Assert.False(route.BreakRoute);
        Assert.True(route.Asynchronous);
        Assert.Equal("""<match type="header" source="foo" regex="bar"/>""", route.ConditionXml);
        Assert.Equal("fooSeq", route.Target!.SequenceKey!.Text);
    }

    [Fact]
    public void Router_and_sampler_read_their_targets()
    {
        var router = Single<RouterMediator>("""<router continueAfter="true"><route expression="//a" match="x.*" breakRouter="false"><target sequence="s"/></route></router>""");
        Assert.True(router.ContinueAfter);
        var route = Assert.Single(router.Routes);
        Assert.Equal("//a", route.Expression!.Text);
        Assert.Equal("x.*", route.Match);
        Assert.False(route.BreakRouter);
        Assert.Equal("s", route.Target!.SequenceKey!.Text);

        var sampler = Single<SamplerMediator>("""<sampler id="s1" rate="5" unitTime="1000"><messageQueue class="q.Queue"/><target sequence="slow"/></sampler>""");
        Assert.Equal(5, sampler.Rate);
        Assert.Equal(1000, sampler.UnitTime);
        Assert.Equal("q.Queue", sampler.MessageQueueClass);
        Assert.Equal("slow", sampler.Target!.SequenceKey!.Text);
    }

    [Fact]
    public void Throttle_reads_inline_policy_and_both_flows()
    {
        var throttle = Single<ThrottleMediator>("""
            <throttle id="A" onReject="rejected">
              <policy><wsp:Policy xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy"><throttle:MaximumConcurrentAccess xmlns:throttle="http://www.wso2.org/products/wso2commons/throttle">10</throttle:MaximumConcurrentAccess></wsp:Policy></policy>
              <onAccept><send/></onAccept>
            </throttle>
            """);
        Assert.Equal("A", throttle.Id);
        Assert.Null(throttle.PolicyKey);
        Assert.Contains("MaximumConcurrentAccess", throttle.InlinePolicyXml, StringComparison.Ordinal);
        Assert.IsType<SendMediator>(Assert.Single(throttle.OnAccept!.Mediators));
        Assert.Equal("rejected", throttle.OnReject!.SequenceKey!.Text);
        Assert.Empty(throttle.OnReject.Mediators);

        var byKey = Single<ThrottleMediator>("""<throttle id="B"><policy key="throttlePolicy"/></throttle>""");
        Assert.Equal("throttlePolicy", byKey.PolicyKey!.Text);
        Assert.Null(byKey.OnAccept);
    }

    [Fact]
    public void Cache_reads_protocol_implementation_and_on_cache_hit()
    {
        var cache = Single<CacheMediator>("""
            <cache timeout="60" maxMessageSize="2000" scope="per-host">
              <onCacheHit><respond/></onCacheHit>
              <protocol type="HTTP">
                <methods>GET, POST</methods>
                <headersToExcludeInHash>Date</headersToExcludeInHash>
                <responseCodes>2[0-9][0-9]</responseCodes>
                <hashGenerator>org.wso2.carbon.mediator.cache.digest.HttpRequestHashGenerator</hashGenerator>
                <enableCacheControl>true</enableCacheControl>
              </protocol>
              <implementation type="memory" maxSize="100"/>
            </cache>
            """);
        Assert.False(cache.Collector);
        Assert.Equal(60, cache.TimeoutSeconds);
        Assert.Equal(2000, cache.MaxMessageSize);
        Assert.Equal("per-host", cache.Scope);
        Assert.Equal<string>(["GET", "POST"], cache.Protocol!.Methods);
        Assert.Equal<string>(["Date"], cache.Protocol.HeadersToExcludeInHash);
        Assert.Equal("2[0-9][0-9]", cache.Protocol.ResponseCodes);
        Assert.True(cache.Protocol.EnableCacheControl);
        Assert.Equal(100, cache.Implementation!.MaxSize);
        Assert.IsType<RespondMediator>(Assert.Single(cache.OnCacheHit!.Mediators));

        var collector = Single<CacheMediator>("""<cache collector="true"/>""");
        Assert.True(collector.Collector);
        Assert.Null(collector.OnCacheHit);
    }
}
