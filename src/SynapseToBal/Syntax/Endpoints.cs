using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>Timeout and suspension settings shared by leaf endpoints.</summary>
public sealed record EndpointQualities(
    long? TimeoutMillis,
    string? ResponseAction,
    ImmutableArray<string> SuspendErrorCodes,
    long? SuspendInitialDurationMillis,
    long? SuspendMaximumDurationMillis,
    double? SuspendProgressionFactor,
    ImmutableArray<string> TimeoutErrorCodes,
    int? RetriesBeforeSuspension,
    long? RetryDelayMillis)
{
    public static readonly EndpointQualities None = new(null, null, [], null, null, null, [], null, null);
}

/// <summary>The leaf or group definition inside an <c>&lt;endpoint&gt;</c>.</summary>
public abstract record EndpointDefinitionSyntax(SourceLocation Location)
{
    public abstract string Kind { get; }
}

public sealed record AddressEndpointSyntax(
    SourceLocation Location,
    string Uri,
    string? Format,
    EndpointQualities Qualities) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "address";
}

public sealed record HttpEndpointSyntax(
    SourceLocation Location,
    string UriTemplate,
    string? Method,
    EndpointQualities Qualities) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => "http";
}

/// <summary>An endpoint kind without a typed node yet (wsdl, default, failover, loadbalance, ...).</summary>
public sealed record UnknownEndpointSyntax(SourceLocation Location, string ElementName, string RawXml) : EndpointDefinitionSyntax(Location)
{
    public override string Kind => ElementName;
}

/// <summary>An <c>&lt;endpoint&gt;</c> element: named (top level), anonymous (inline) or a key reference.</summary>
public sealed record EndpointSyntax(
    SourceLocation Location,
    string RawXml,
    string? Name,
    EndpointDefinitionSyntax? Definition,
    ImmutableArray<NamedValueSyntax> Properties);
