using System.Collections.Immutable;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;

namespace SynapseToBal.Syntax;

/// <summary>
/// Parsers for EIP and quality-of-service mediators: iterate, clone, aggregate, foreach, scatter-gather,
/// conditionalRouter, router, sampler, throttle, cache.
/// </summary>
public sealed partial class SynapseParser
{
    private IterateMediator ParseIterate(XElement element, SourceLocation location, RawXmlText raw)
    {
        TargetSyntax? target = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "target" when target is null:
                    target = ParseTarget(child, "iterate");
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "iterate");
                    break;
            }
        }

        var expression = OptionalExpr(element, "expression");
        if (expression is null)
        {
            Missing(element, "expression", string.Empty);
        }

        if (target is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingElement, location, "iterate", "target");
        }

        return new IterateMediator(
            location,
            raw,
            Attr(element, "id"),
            expression,
            OptionalExpr(element, "attachPath"),
            Bool(element, "continueParent") ?? false,
            Bool(element, "preservePayload") ?? false,
            Bool(element, "sequential") ?? false,
            target);
    }

    private CloneMediator ParseClone(XElement element, SourceLocation location, RawXmlText raw)
    {
        var targets = ImmutableArray.CreateBuilder<TargetSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "target":
                    targets.Add(ParseTarget(child, "clone"));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "clone");
                    break;
            }
        }

        return new CloneMediator(
            location,
            raw,
            Attr(element, "id"),
            Bool(element, "continueParent") ?? false,
            Bool(element, "sequential") ?? false,
            Key(element, "iterations"),
            targets.ToImmutable());
    }

    private AggregateMediator ParseAggregate(XElement element, SourceLocation location, RawXmlText raw)
    {
        ExpressionSyntax? correlateOn = null;
        long? timeout = null;
        KeySyntax? min = null;
        KeySyntax? max = null;
        AggregateOnCompleteSyntax? onComplete = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "correlateOn":
                    Claim(child);
                    correlateOn = OptionalExpr(child, "expression");
                    foreach (var extra in child.Elements())
                    {
                        Extra(extra, "aggregate/correlateOn");
                    }

                    break;
                case "completeCondition":
                    Claim(child);
                    timeout = Long(child, "timeout");
                    foreach (var condition in ItemsOrExtra(child, "messageCount", "aggregate/completeCondition"))
                    {
                        Claim(condition);
                        min = Key(condition, "min");
                        max = Key(condition, "max");
                    }

                    break;
                case "onComplete" when onComplete is null:
                    onComplete = new AggregateOnCompleteSyntax(
                        OptionalExpr(child, "expression"),
                        Attr(child, "enclosingElementProperty"),
                        Key(child, "aggregateElementType"),
                        Branch(child, null, child)!,
                        Loc(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "aggregate");
                    break;
            }
        }

        return new AggregateMediator(location, raw, Attr(element, "id"), correlateOn, timeout, min, max, onComplete);
    }

    private ForEachMediator ParseForEach(XElement element, SourceLocation location, RawXmlText raw)
    {
        ImmutableArray<MediatorSyntax>? sequence = null;
        var sequenceKey = Key(element, "sequence");
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "sequence" when sequence is null:
                    Claim(child);
                    sequence = ParseMediators(child);
                    sequenceKey ??= Key(child, "key");
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "foreach");
                    break;
            }
        }

        var expression = OptionalExpr(element, "expression");
        var collection = OptionalExpr(element, "collection");
        if (expression is null && collection is null)
        {
            Missing(element, "expression' or 'collection", string.Empty);
        }

        return new ForEachMediator(
            location,
            raw,
            Attr(element, "id"),
            expression,
            collection,
            sequenceKey,
            sequence,
            Bool(element, "continueLoopOnFailure"),
            Bool(element, "parallel-execution"),
            Bool(element, "update-original"),
            Attr(element, "target-variable") ?? Attr(element, "result-target"),
            Attr(element, "result-content-type") ?? Attr(element, "result-type"),
            Attr(element, "result-enclosing-element") ?? Attr(element, "root-element"),
            Attr(element, "counter-variable"),
            Bool(element, "continue-without-aggregation"),
            [.. new[] { ("result-target", "target-variable"), ("result-type", "result-content-type"), ("root-element", "result-enclosing-element") }
                .Where(names => Attr(element, names.Item1) is not null && Attr(element, names.Item2) is null)
                .Select(names => names.Item1)]);
    }

    private ScatterGatherMediator ParseScatterGather(XElement element, SourceLocation location, RawXmlText raw)
    {
        ScatterGatherAggregationSyntax? aggregation = null;
        var sequences = ImmutableArray.CreateBuilder<MediatorBranchSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "aggregation" when aggregation is null:
                    aggregation = new ScatterGatherAggregationSyntax(
                        OptionalExpr(child, "expression"),
                        OptionalExpr(child, "condition"),
                        Long(child, "timeout"),
                        Key(child, "min-messages"),
                        Key(child, "max-messages"),
                        Loc(child));
                    foreach (var extra in child.Elements())
                    {
                        Extra(extra, "scatter-gather/aggregation");
                    }

                    break;
                case "sequence":
                    sequences.Add(Branch(child, null, child)!);
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "scatter-gather");
                    break;
            }
        }

        return new ScatterGatherMediator(
            location,
            raw,
            Bool(element, "parallel-execution") ?? true,
            Attr(element, "target") ?? Attr(element, "result-target"),
            Attr(element, "target-variable"),
            Attr(element, "result-content-type") ?? Attr(element, "content-type"),
            Attr(element, "result-enclosing-element") ?? Attr(element, "root-element"),
            aggregation,
            sequences.ToImmutable(),
            Attr(element, "target") is null && Attr(element, "result-target") is not null
                && Attr(element, "result-content-type") is null && Attr(element, "content-type") is not null);
    }

    private ConditionalRouterMediator ParseConditionalRouter(XElement element, SourceLocation location, RawXmlText raw)
    {
        var routes = ImmutableArray.CreateBuilder<ConditionalRouteSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "conditionalRoute":
                    routes.Add(ParseConditionalRoute(child));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "conditionalRouter");
                    break;
            }
        }

        return new ConditionalRouterMediator(location, raw, Bool(element, "continueAfter"), routes.ToImmutable());
    }

    private ConditionalRouteSyntax ParseConditionalRoute(XElement route)
    {
        string? condition = null;
        TargetSyntax? target = null;
        foreach (var child in route.Elements())
        {
            switch (LocalName(child))
            {
                case "condition" when condition is null:
                    Claim(child);
                    condition = string.Concat(child.Elements().Select(ClaimRaw));
                    break;
                case "target" when target is null:
                    target = ParseTarget(child, "conditionalRoute");
                    break;
                default:
                    Extra(child, "conditionalRoute");
                    break;
            }
        }

        return new ConditionalRouteSyntax(
            Bool(route, "breakRoute"),
            Bool(route, "asynchronous") ?? false,
            string.IsNullOrEmpty(condition) ? null : condition,
            target,
            Loc(route));
    }

    private RouterMediator ParseRouter(XElement element, SourceLocation location, RawXmlText raw)
    {
        var routes = ImmutableArray.CreateBuilder<RouteSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "route":
                    TargetSyntax? target = null;
                    foreach (var routeChild in child.Elements())
                    {
                        if (LocalName(routeChild) == "target" && target is null)
                        {
                            target = ParseTarget(routeChild, "route");
                        }
                        else
                        {
                            Extra(routeChild, "route");
                        }
                    }

                    routes.Add(new RouteSyntax(OptionalExpr(child, "expression"), Attr(child, "match"), Bool(child, "breakRouter"), target, Loc(child)));
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "router");
                    break;
            }
        }

        return new RouterMediator(location, raw, Bool(element, "continueAfter"), routes.ToImmutable());
    }

    private SamplerMediator ParseSampler(XElement element, SourceLocation location, RawXmlText raw)
    {
        string? queueClass = null;
        TargetSyntax? target = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "messageQueue":
                    Claim(child);
                    queueClass = Attr(child, "class");
                    break;
                case "target" when target is null:
                    target = ParseTarget(child, "sampler");
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "sampler");
                    break;
            }
        }

        return new SamplerMediator(location, raw, Attr(element, "id"), Int(element, "rate"), Long(element, "unitTime"), queueClass, target);
    }

    private ThrottleMediator ParseThrottle(XElement element, SourceLocation location, RawXmlText raw)
    {
        KeySyntax? policyKey = null;
        string? inlinePolicy = null;
        XElement? onAccept = null;
        XElement? onReject = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "policy":
                    Claim(child);
                    policyKey = Key(child, "key");
                    if (child.Elements().Any())
                    {
                        inlinePolicy = string.Concat(child.Elements().Select(StandaloneXmlClaimed));
                    }

                    break;
                case "onAccept" when onAccept is null:
                    onAccept = child;
                    break;
                case "onReject" when onReject is null:
                    onReject = child;
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "throttle");
                    break;
            }
        }

        return new ThrottleMediator(
            location,
            raw,
            Attr(element, "id"),
            policyKey,
            inlinePolicy,
            Branch(element, "onAccept", onAccept),
            Branch(element, "onReject", onReject));
    }

    /// <summary>Inline content kept as standalone XML (namespaces declared on it); the element is claimed whole.</summary>
    private string StandaloneXmlClaimed(XElement element)
    {
        ClaimWhole(element);
        return StandaloneXml(element);
    }

    private CacheMediator ParseCache(XElement element, SourceLocation location, RawXmlText raw)
    {
        CacheProtocolSyntax? protocol = null;
        CacheImplementationSyntax? implementation = null;
        XElement? onCacheHit = null;
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "protocol" when protocol is null:
                    protocol = ParseCacheProtocol(child);
                    break;
                case "implementation" when implementation is null:
                    implementation = new CacheImplementationSyntax(Attr(child, "type"), Int(child, "maxSize"), Loc(child));
                    break;
                case "onCacheHit" when onCacheHit is null:
                    onCacheHit = child;
                    break;
                case "description":
                    Claim(child);
                    break;
                default:
                    Extra(child, "cache");
                    break;
            }
        }

        return new CacheMediator(
            location,
            raw,
            Attr(element, "id"),
            Bool(element, "collector") ?? false,
            Long(element, "timeout"),
            Int(element, "maxMessageSize"),
            Attr(element, "scope"),
            Attr(element, "hashGenerator"),
            protocol,
            implementation,
            Branch(element, null, onCacheHit));
    }

    private CacheProtocolSyntax ParseCacheProtocol(XElement protocol)
    {
        static ImmutableArray<string> List(string? text) =>
            text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();

        static bool? Flag(string? text) => text?.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };

        foreach (var child in protocol.Elements())
        {
            if (LocalName(child) is not ("methods" or "headersToIncludeInHash" or "headersToExcludeInHash" or "responseCodes" or "hashGenerator" or "enableCacheControl" or "includeAgeHeader"))
            {
                Extra(child, "cache/protocol");
            }
        }

        return new CacheProtocolSyntax(
            Attr(protocol, "type"),
            List(ChildText(protocol, "methods")),
            List(ChildText(protocol, "headersToIncludeInHash")),
            List(ChildText(protocol, "headersToExcludeInHash")),
            ChildText(protocol, "responseCodes"),
            ChildText(protocol, "hashGenerator"),
            Flag(ChildText(protocol, "enableCacheControl")),
            Flag(ChildText(protocol, "includeAgeHeader")),
            Loc(protocol));
    }
}
