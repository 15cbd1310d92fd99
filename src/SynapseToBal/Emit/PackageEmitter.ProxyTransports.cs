using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// inbound.bal: the parts of a proxy's JMS listener that an inbound endpoint's does not have; resources/: the WSDLs proxies publish.
public sealed partial class PackageEmitter
{
    /// <summary>
    /// The lines that find a JMS message's content type by a proxy's <c>transport.jms.ContentType</c> rules, in order,
    /// into <c>contentType</c> (a <c>string?</c>), as Axis2's ContentTypeRuleSet does; empty when there are none. With
    /// <paramref name="trackProperty"/>, <c>contentTypeProperty</c> also names the property a <c>jmsProperty</c> rule read
    /// the content type from (ContentTypeInfo.getPropertyName), which carries the answer's content type.
    /// </summary>
    private static List<string> JmsContentTypeRuleLines(IReadOnlyList<JmsContentTypeRuleIr> rules, bool trackProperty = false)
    {
        var lines = new List<string>();
        if (rules.Count == 0)
        {
            return lines;
        }

        lines.Add("// The proxy's transport.jms.ContentType rules, in order: the first that applies gives the content type.");
        lines.Add("string? contentType = ();");
        if (rules.Any(r => r is JmsContentTypeRuleIr.Property))
        {
            lines.Add("map<anydata>? properties = message?.properties;");
            if (trackProperty)
            {
                lines.Add("string? contentTypeProperty = ();");
            }
        }

        // A rule: when no earlier rule gave the content type and the condition holds, this value gives it.
        void Rule(string condition, string value, string? property = null)
        {
            lines.Add($"if contentType is (){condition} {{");
            lines.Add($"    contentType = {value};");
            if (property is not null)
            {
                lines.Add($"    contentTypeProperty = {property};");
            }

            lines.Add("}");
        }

        var index = 0;
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case JmsContentTypeRuleIr.Property property:
                    var local = ++index == 1 ? "propertyValue" : $"propertyValue{index}";
                    lines.Add($"anydata {local} = properties is () ? () : properties[{BallerinaSyntax.StringLiteral(property.Name)}];");
                    Rule($" && {local} is string", local, trackProperty ? BallerinaSyntax.StringLiteral(property.Name) : null);
                    break;
                case JmsContentTypeRuleIr.TextMessage text:
                    Rule(" && content is string", BallerinaSyntax.StringLiteral(text.ContentType));
                    break;
                case JmsContentTypeRuleIr.BytesMessage bytes:
                    Rule(" && content is byte[]", BallerinaSyntax.StringLiteral(bytes.ContentType));
                    break;
                case JmsContentTypeRuleIr.Default fallback:
                    Rule(string.Empty, BallerinaSyntax.StringLiteral(fallback.ContentType));
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled JMS content type rule {rule.GetType().Name}");
            }
        }

        lines.Add("if contentType is () {");
        lines.Add("    return error(\"Unable to determine content type for the JMS message\");");
        lines.Add("}");
        return lines;
    }

    /// <summary>
    /// The lines that make <c>respond</c> send the answer to a message a proxy's (or inbound endpoint's) JMS listener
    /// received back over JMS (<c>setJmsReply</c>): the listener's connection settings for the producer the answers go
    /// out on, the <c>transport.jms.ReplyDestination</c>, the property the content type was read from, and whether the
    /// inbound endpoint's JMSReplySender sends it.
    /// </summary>
    private static List<string> JmsReplyLines(InboundTransportIr.Jms jms, JmsReplyIr reply, string listener, NameMap names)
    {
        var connection = new List<string>
        {
            $"initialContextFactory: {names[jms.ContextFactory]}",
            $"providerUrl: {names[jms.ProviderUrl]}",
            $"connectionFactoryName: {names[jms.ConnectionFactory]}",
        };
        if (jms.Username is { } username && jms.Password is { } password)
        {
            connection.Add($"username: {names[username]}");
            connection.Add($"password: {names[password]}");
        }

        var owner = reply.Inbound ? "inbound endpoint" : "proxy";
        var comment = (reply.Inbound
                ? "What the sequence answers (respond, a send's response) goes back over JMS, as JMSInjectHandler sets up a JMSReplySender:"
                : "What the flow answers (respond, the out flow's send) goes back over JMS, as Axis2's JMSMessageReceiver sets it up:")
            + (reply.Destination is null
                ? $" to the request's JMSReplyTo; without one, answering fails (the {owner} has no transport.jms.ReplyDestination)."
                : $" to the request's JMSReplyTo, else to the {owner}'s transport.jms.ReplyDestination.");
        var lines = CommentWrapped(8, comment).Select(l => "// " + l).ToList();
        lines.Add($"setJmsReply(ctx, message, {BallerinaSyntax.StringLiteral(listener)}, {{");
        lines.AddRange(connection.Select((c, i) => "    " + c + (i < connection.Count - 1 ? "," : string.Empty)));
        var arguments = new List<string>();
        if (reply.Destination is { } destination)
        {
            arguments.Add($"replyDestination = {{'type: {(reply.Topic ? "jms:TOPIC" : "jms:QUEUE")}, name: {BallerinaSyntax.StringLiteral(destination)}}}");
        }

        if (jms.ContentTypeRules.Any(r => r is JmsContentTypeRuleIr.Property))
        {
            arguments.Add("contentTypeProperty = contentTypeProperty");
        }

        if (reply.Inbound)
        {
            arguments.Add("inbound = true");
        }

        lines.Add("}" + string.Concat(arguments.Select(a => ", " + a)) + ");");
        return lines;
    }

    /// <summary>The WSDL documents the proxies publish and the XSD schemas validate mediators check against, as files of the package's <c>resources/</c> folder.</summary>
    private static IEnumerable<GeneratedFile> WsdlFiles(PackageIr package) =>
        package.Services.Select(s => s.Wsdl).OfType<PublishedWsdlIr>().Distinct().Where(w => w is { FileName: not null, Content: not null }).Select(w => new GeneratedFile(w.FileName!, w.Content!.EndsWith('\n') ? w.Content : w.Content + "\n"))
            .Concat(package.ValidationSchemas.Where(x => x is { FileName: not null, Content: not null }).Select(x => new GeneratedFile(x.FileName!, x.Content!.EndsWith('\n') ? x.Content : x.Content + "\n")));
}
