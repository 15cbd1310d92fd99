using System.Collections.Immutable;
using System.Xml.Linq;

namespace SynapseToBal.Syntax;

public sealed partial class SynapseParser
{
    private EndpointSyntax ParseEndpoint(XElement element)
    {
        EndpointDefinitionSyntax? definition = null;
        var properties = ImmutableArray.CreateBuilder<NamedValueSyntax>();
        foreach (var child in element.Elements())
        {
            switch (LocalName(child))
            {
                case "address":
                    definition = new AddressEndpointSyntax(
                        Loc(child),
                        Attr(child, "uri") ?? Missing(child, "uri", string.Empty),
                        Attr(child, "format"),
                        ParseQualities(child));
                    break;
                case "http":
                    definition = new HttpEndpointSyntax(
                        Loc(child),
                        Attr(child, "uri-template") ?? Missing(child, "uri-template", string.Empty),
                        Attr(child, "method")?.Trim().ToUpperInvariant(),
                        ParseQualities(child));
                    break;
                case "property":
                    properties.Add(new NamedValueSyntax(Attr(child, "name") ?? Missing(child, "name", string.Empty), ValueOf(child) ?? new ValueSyntax.Literal(string.Empty), Loc(child)));
                    break;
                case "description":
                    Claim(child);
                    break;
                case "wsdl" or "default" or "failover" or "loadbalance" or "recipientlist" or "session":
                    definition = new UnknownEndpointSyntax(Loc(child), child.Name.LocalName, ClaimRaw(child));
                    break;
                default:
                    ReportUnknown(child, "endpoint");
                    definition ??= new UnknownEndpointSyntax(Loc(child), child.Name.LocalName, ClaimRaw(child));
                    break;
            }
        }

        if (definition is null && Attr(element, "template") is not null)
        {
            definition = new UnknownEndpointSyntax(Loc(element), "template", ClaimRaw(element));
        }

        return new EndpointSyntax(Loc(element), _source.RawXml(element), Attr(element, "name"), definition, properties.ToImmutable());
    }

    private EndpointQualities ParseQualities(XElement leaf)
    {
        long? timeout = null;
        string? responseAction = null;
        var suspendCodes = ImmutableArray<string>.Empty;
        long? initial = null;
        long? maximum = null;
        double? factor = null;
        var timeoutCodes = ImmutableArray<string>.Empty;
        int? retries = null;
        long? retryDelay = null;
        foreach (var child in leaf.Elements())
        {
            switch (LocalName(child))
            {
                case "timeout":
                    Claim(child);
                    timeout = ParseLong(Child(child, "duration")?.Value);
                    responseAction = Child(child, "responseAction")?.Value.Trim();
                    break;
                case "suspendOnFailure":
                    Claim(child);
                    suspendCodes = Codes(Child(child, "errorCodes")?.Value);
                    initial = ParseLong(Child(child, "initialDuration")?.Value);
                    maximum = ParseLong(Child(child, "maximumDuration")?.Value);
                    factor = ParseDouble(Child(child, "progressionFactor")?.Value);
                    break;
                case "markForSuspension":
                    Claim(child);
                    timeoutCodes = Codes(Child(child, "errorCodes")?.Value);
                    retries = ParseInt(Child(child, "retriesBeforeSuspension")?.Value);
                    retryDelay = ParseLong(Child(child, "retryDelay")?.Value);
                    break;
                case "enableAddressing" or "enableSec" or "enableRM" or "retryConfig" or "description" or "authentication":
                    ClaimAll(child);
                    break;
                default:
                    ReportUnknown(child, leaf.Name.LocalName);
                    break;
            }
        }

        return new EndpointQualities(timeout, responseAction, suspendCodes, initial, maximum, factor, timeoutCodes, retries, retryDelay);
    }

    /// <summary>The first child of that name; reading it claims it and its content.</summary>
    private XElement? Child(XElement element, string name)
    {
        var child = element.Elements().FirstOrDefault(e => IsSynapseElement(e) && e.Name.LocalName == name);
        if (child is not null)
        {
            ClaimAll(child);
        }

        return child;
    }

    private static ImmutableArray<string> Codes(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
}
