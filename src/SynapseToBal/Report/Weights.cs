using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.Report;

/// <summary>
/// How much work one mediator stands for, in weight units: the coverage is weighted by it, so a translated log
/// counts less than a translated iterate, and the manual-work estimate multiplies the weight left in TODOs.
/// The table is documented in <c>docs/report.md</c> (keep them in step).
/// </summary>
public static class Weights
{
    /// <summary>Weight of a mediator no row names.</summary>
    public const int Default = 2;

    /// <summary>Weight of a connector operation (<c>&lt;salesforce.query&gt;</c>): a call to a system with its own API.</summary>
    public const int ConnectorOperation = 3;

    /// <summary>The weight of each mediator by element name.</summary>
    public static readonly ImmutableDictionary<string, int> ByElement = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // 1: one statement of message bookkeeping.
        ["log"] = 1, ["property"] = 1, ["propertyGroup"] = 1, ["variable"] = 1, ["header"] = 1, ["drop"] = 1,
        ["respond"] = 1, ["loopback"] = 1, ["sequence"] = 1, ["sampler"] = 1,

        // 2: a decision or a reshaping of the message.
        ["filter"] = 2, ["switch"] = 2, ["conditionalRouter"] = 2, ["router"] = 2, ["call-template"] = 2,
        ["throwError"] = 2, ["makefault"] = 2, ["rewrite"] = 2, ["validate"] = 2, ["enrich"] = 2,
        ["payloadFactory"] = 2, ["jsontransform"] = 2, ["builder"] = 2,

        // 3: a call to another system, or a transformation in another language.
        ["call"] = 3, ["send"] = 3, ["callout"] = 3, ["store"] = 3, ["enqueue"] = 3, ["dblookup"] = 3, ["dbreport"] = 3,
        ["dataServiceCall"] = 3, ["xslt"] = 3, ["fastXSLT"] = 3, ["xquery"] = 3, ["datamapper"] = 3, ["smooks"] = 3,
        ["event"] = 3, ["eventPublisher"] = 3, ["publishEvent"] = 3, ["bam"] = 3,
        [DataServiceRequestUnit.Resource] = 3, [DataServiceRequestUnit.Operation] = 3,

        // 4: a pattern over many messages or a transaction.
        ["iterate"] = 4, ["foreach"] = 4, ["clone"] = 4, ["aggregate"] = 4, ["scatter-gather"] = 4, ["cache"] = 4,
        ["throttle"] = 4, ["transaction"] = 4,

        // 5: hand-written or security code to rewrite in Ballerina.
        ["class"] = 5, ["script"] = 5, ["bean"] = 5, ["ejb"] = 5, ["spring"] = 5, ["rule"] = 5, ["entitlementService"] = 5,
        ["oauthService"] = 5, ["kerberosService"] = 5, ["opa"] = 5,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static int Of(MediatorSyntax mediator) =>
        mediator is ConnectorOperationMediator ? ConnectorOperation : Of(mediator.ElementName);

    public static int Of(string element) => ByElement.TryGetValue(element, out var weight) ? weight : Default;
}

/// <summary>
/// The manual work left, in hours, for three paces: each weight unit left in a TODO, each warning or error
/// diagnostic (a setting to check, a behaviour that differs) and each artifact to review.
/// <c>minutes = units × perUnit + findings × perFinding + artifacts × perArtifact</c>, in hours rounded to a tenth.
/// </summary>
public sealed record WorkEstimate(decimal BestHours, decimal AverageHours, decimal WorstHours)
{
    /// <summary>Minutes per weight unit left in TODOs (best, average, worst).</summary>
    public static readonly (int Best, int Average, int Worst) PerUnit = (10, 20, 45);

    /// <summary>Minutes per warning or error diagnostic.</summary>
    public static readonly (int Best, int Average, int Worst) PerFinding = (2, 5, 10);

    /// <summary>Minutes to review one converted artifact.</summary>
    public static readonly (int Best, int Average, int Worst) PerArtifact = (2, 5, 10);

    public static WorkEstimate Compute(int unitsInTodos, int findings, int artifacts) => new(
        Hours(unitsInTodos * PerUnit.Best + findings * PerFinding.Best + artifacts * PerArtifact.Best),
        Hours(unitsInTodos * PerUnit.Average + findings * PerFinding.Average + artifacts * PerArtifact.Average),
        Hours(unitsInTodos * PerUnit.Worst + findings * PerFinding.Worst + artifacts * PerArtifact.Worst));

    private static decimal Hours(int minutes) => Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);
}
