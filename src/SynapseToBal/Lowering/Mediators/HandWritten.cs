using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// Mediators that run user code or an external product (script, class, spring, bean, ejb, POJO commands, smooks,
/// xquery, dataServiceCall, the security and analytics mediators, rule, opa), the relay's builder, and the Apache
/// Synapse mediators the Micro Integrator no longer ships (sampler, enqueue, router, eventPublisher). None has a
/// faithful translation: each stays a TODO (SB0231) that says what it runs and what to write in Ballerina instead,
/// with the names a developer needs (language, function, class, properties, keys, variables, schemas, operations).
/// Values are never copied into the message: the TODO carries the original XML with credentials masked.
/// </summary>
public sealed partial class Lowerer
{
    private const string JavaFunction = "write it as a Ballerina function over the Context (or call the service that replaces the Java code)";

    private TodoStep HandWritten(MediatorSyntax mediator, string does, string replacement) =>
        Todo(mediator, DiagnosticCatalog.MediatorNeedsCode, $"<{mediator.ElementName}> {does}: {replacement}", mediator.ElementName, does, replacement);

    private TodoStep LowerScript(ScriptMediator script)
    {
        var language = ScriptLanguage(script.Language);
        var does = script.Key is { } key
            ? $"runs the {language} function '{script.Function ?? "mediate"}' of the script at key '{key.Text}'"
            : $"runs inline {language} (the script below)";
        if (!script.Includes.IsEmpty)
        {
            does += ", including " + Quoted(script.Includes.Select(i => i.Text));
        }

        does += Inputs(script.Inputs) + ResultInto(script.ResultTarget, script.TargetVariable);
        return HandWritten(script, does, "write this logic in Ballerina (a function that reads and updates the Context)");
    }

    /// <summary>
    /// An inline JavaScript whose only statement is <c>java.lang.Thread.sleep(n)</c> with a literal n (a delay before a
    /// retry: the MI's common idiom): ScriptMediator.mediate runs it on the mediating thread, which waits n
    /// milliseconds; the script has no result, reads nothing and changes nothing, so the flow goes on after the wait
    /// (<c>runtime:sleep</c>). Null for any other script.
    /// </summary>
    private static PauseStep? ScriptPause(ScriptMediator script)
    {
        if (script.Key is not null || !script.Includes.IsEmpty || script.Function is not null || script.ResultTarget is not null || script.TargetVariable is not null
            || !script.Inputs.IsEmpty || script.Language?.Trim() is not ("js" or "rhinoJs" or "nashornJs") || script.Source is not { } source)
        {
            return null;
        }

        var match = System.Text.RegularExpressions.Regex.Match(source, @"\A\s*java\s*\.\s*lang\s*\.\s*Thread\s*\.\s*sleep\s*\(\s*([0-9]{1,9})\s*\)\s*;?\s*\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return match.Success ? new PauseStep(script, long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>The script language as the Micro Integrator's script engines name them (<c>js</c>, <c>nashornJs</c>, <c>groovy</c>, ...).</summary>
    internal static string ScriptLanguage(string? language) => language?.Trim() switch
    {
        null or "" => "script (no language given)",
        "js" or "rhinoJs" => "JavaScript",
        "nashornJs" => "JavaScript (Nashorn)",
        "groovy" => "Groovy",
        "rb" => "Ruby",
        "py" => "Python",
        var other => $"'{other}'",
    };

    private IEnumerable<StepIr> LowerClass(ClassMediator mediator, FlowContext context)
    {
        if (BuiltInMediator(mediator) is { } builtIn)
        {
            _diagnostics.Report(DiagnosticCatalog.ClassIsBuiltInMediator, mediator.Location, mediator.ClassName, builtIn.ElementName);
            return LowerMediator(builtIn, context);
        }

        var does = $"runs the Java class '{mediator.ClassName}'";
        if (mediator.Method is { } method)
        {
            does += $", method '{method}'";
        }

        does += Names(" with the properties ", mediator.Properties.Select(p => p.Name)) + Inputs(mediator.Inputs) + ResultInto(mediator.ResultTarget, mediator.TargetVariable);
        return [HandWritten(mediator, does, JavaFunction)];
    }

    /// <summary>
    /// The built-in mediator a <c>&lt;class&gt;</c> without properties, method, target or inputs instantiates, as the
    /// element that configures it the same way; null for any other class. ClassMediatorFactory creates the class with
    /// its no-argument constructor and sets only the listed properties, and ClassMediator.mediate returns what the
    /// instance's mediate returns, so such a class is the mediator its element's factory makes from the bare element:
    /// <c>new LogMediator()</c> has LogMediatorFactory's defaults for <c>&lt;log/&gt;</c> (level simple, category INFO,
    /// separator ", ", no properties), <c>new DropMediator()</c>, <c>new RespondMediator()</c> and
    /// <c>new LoopBackMediator()</c> have no settings at all (checked in wso2-synapse).
    /// </summary>
    private static MediatorSyntax? BuiltInMediator(ClassMediator mediator)
    {
        if (!mediator.Properties.IsEmpty || mediator.Method is not null || mediator.ResultTarget is not null || mediator.TargetVariable is not null || !mediator.Inputs.IsEmpty)
        {
            return null;
        }

        return mediator.ClassName.Trim() switch
        {
            "org.apache.synapse.mediators.builtin.LogMediator" => new LogMediator(mediator.Location, mediator.RawXml, LogLevel.Simple, LogCategory.Info, ", ", [], null),
            "org.apache.synapse.mediators.builtin.DropMediator" => new DropMediator(mediator.Location, mediator.RawXml),
            "org.apache.synapse.mediators.builtin.RespondMediator" => new RespondMediator(mediator.Location, mediator.RawXml),
            "org.apache.synapse.mediators.builtin.LoopBackMediator" => new LoopbackMediator(mediator.Location, mediator.RawXml),
            _ => null,
        };
    }

    private TodoStep LowerPojoCommand(PojoCommandMediator command) =>
        HandWritten(command, $"runs the Java command class '{command.ClassName}'" + Names(" with the properties ", command.Properties.Select(p => p.Name)), JavaFunction);

    private TodoStep LowerSpring(SpringMediator spring) =>
        HandWritten(spring, $"runs the Spring bean '{spring.Bean}'" + (spring.ConfigKey is { } key ? $" of the configuration at key '{key.Text}'" : string.Empty), JavaFunction);

    private TodoStep LowerBean(BeanMediator bean)
    {
        var does = bean.Action switch
        {
            BeanAction.Create => $"creates a Java bean of class '{bean.ClassName}' in the property '{bean.Var}'",
            BeanAction.Remove => $"removes the Java bean in the property '{bean.Var}'",
            BeanAction.SetProperty => $"sets the field '{bean.Property}' of the Java bean in the property '{bean.Var}'",
            BeanAction.GetProperty => $"reads the field '{bean.Property}' of the Java bean in the property '{bean.Var}' into '{bean.Target}'",
            null => $"works on the Java bean in the property '{bean.Var}' (no valid action)",
            _ => throw new InvalidOperationException(),
        };
        return HandWritten(bean, does, "keep the value in a Ballerina record in ctx.properties instead");
    }

    private TodoStep LowerEjb(EjbMediator ejb)
    {
        var does = $"calls the method '{ejb.Method}' of the EJB '{ejb.ClassName}'" + (ejb.JndiName is { } jndi ? $" (JNDI name '{jndi}')" : string.Empty)
            + (ejb.Beanstalk is { } beanstalk ? $" through the beanstalk '{beanstalk}'" : string.Empty)
            + (ejb.Arguments.IsEmpty ? string.Empty : $" with {ejb.Arguments.Length} argument(s)")
            + (ejb.Target is { } target ? $", the result into '{target}'" : string.Empty);
        return HandWritten(ejb, does, "Ballerina cannot call an EJB: call the service that exposes it (for example over HTTP) by hand");
    }

    private TodoStep LowerSmooks(SmooksMediator smooks) =>
        HandWritten(smooks, "runs the Smooks transformation" + (smooks.ConfigKey is { } key ? $" configured at key '{key.Text}'" : string.Empty),
            "write the transformation as a Ballerina mapping function (ballerina/data.xmldata, ballerina/data.jsondata or ballerina/data.csv to read and write the formats)");

    private TodoStep LowerXQuery(XQueryMediator xquery)
    {
        var does = "runs the XQuery" + (xquery.Key is { } key ? $" at key '{key.Text}'" : string.Empty)
            + Names(" with the variables ", xquery.Variables.Select(v => v.Type is { } type ? $"{v.Name} ({type})" : v.Name))
            + (xquery.Target is { } target ? $", the result replacing '{target.Original}'" : ", the result replacing the first child of the body");
        return HandWritten(xquery, does, "write it as a Ballerina query expression over xml (from ... where ... select) or a function");
    }

    private static IEnumerable<string> OperationNames(DataServiceOperationsSyntax group) =>
        group.Operations.Select(o => o.Params.IsEmpty ? o.Name : $"{o.Name}({string.Join(", ", o.Params.Select(p => p.Name))})")
            .Concat(group.Groups.SelectMany(OperationNames));

    private TodoStep LowerEntitlement(EntitlementMediator entitlement) =>
        HandWritten(entitlement, "asks a XACML policy decision point whether to accept the message (onAccept, onReject, obligations and advice flows)",
            "call the PDP's REST API with an http:Client (its credentials as required configurables) and branch on the decision");

    private TodoStep LowerOAuth(OAuthMediator oauth) =>
        HandWritten(oauth, "validates the request's OAuth access token against the key manager",
            "secure the service with ballerina/http's OAuth2 introspection (http:OAuth2IntrospectionConfig in the service's auth)");

    private TodoStep LowerKerberos(KerberosMediator kerberos) =>
        HandWritten(kerberos, "gets a Kerberos (SPNEGO) ticket" + (kerberos.Spn is { } spn ? $" for the SPN '{spn}'" : string.Empty) + " and sets the Authorization header",
            "ballerina/http has no Kerberos authentication: obtain the token by hand and set the header");

    private TodoStep LowerNtlm(NtlmMediator ntlm) =>
        HandWritten(ntlm, "sets NTLM authentication for the next backend call",
            "ballerina/http has no NTLM authentication: put an authenticating proxy in front of the backend or write it by hand");

    private TodoStep LowerPublishEvent(PublishEventMediator publish) =>
        HandWritten(publish, $"publishes an event to the stream '{publish.StreamName}:{publish.StreamVersion}' through the event sink '{publish.EventSink}'"
                + Names(" with the attributes ", publish.Meta.Concat(publish.Correlation).Concat(publish.Payload).Concat(publish.Arbitrary).Select(a => a.Name)),
            "send the event to the analytics server by hand (for example with an http:Client or ballerinax/kafka)");

    private TodoStep LowerBam(BamMediator bam) =>
        HandWritten(bam, $"publishes to the BAM stream '{bam.StreamName}:{bam.StreamVersion}' of the server profile '{bam.ServerProfile}'",
            "send the event to the analytics server by hand (for example with an http:Client)");

    private TodoStep LowerEvent(EventMediator mediator) =>
        HandWritten(mediator, "publishes the message to the topic " + (mediator.Topic is { } topic ? $"'{topic.Text}'" : mediator.Expression is { } expression ? $"'{expression.Original}'" : "(none given)") + " of the Micro Integrator's event broker",
            "publish it with a message broker client (for example ballerinax/kafka or ballerinax/rabbitmq)");

    private TodoStep LowerEventPublisher(EventPublisherMediator publisher) =>
        HandWritten(publisher, $"publishes the message to the event source '{publisher.EventSourceName}' (Apache Synapse WS-Eventing)",
            "publish it with a message broker client (for example ballerinax/kafka or ballerinax/rabbitmq)");

    private TodoStep LowerRule(RuleMediator rule) =>
        HandWritten(rule, "runs a rule set of the WSO2 rules engine (source, rule set, input and output facts below)", "write the rules as Ballerina conditions over the Context");

    private TodoStep LowerOpa(OpaMediator opa) =>
        HandWritten(opa, $"asks an Open Policy Agent server for the decision of the policy '{opa.Policy}', rule '{opa.Rule}'",
            "call OPA's REST API (POST /v1/data/<policy>/<rule>) with an http:Client, its access key a required configurable, and branch on the result");

    /// <summary>
    /// The Micro Integrator's builder mediator (carbon-mediation's relay BuilderMediator, shipped with the relay
    /// feature) is not a no-op: when the body's first child is the <c>{http://ws.apache.org/commons/ns/payload}binary</c>
    /// wrapper holding the raw bytes (what BinaryRelayBuilder makes, in the MI's default axis2.xml for
    /// application/octet-stream), it builds those bytes again as its builders say and replaces the envelope; any other
    /// message passes unchanged. What the rebuilt message becomes depends on builder and formatter classes the
    /// generated code does not have, so it stays a TODO saying exactly that.
    /// </summary>
    private TodoStep LowerBuilder(BuilderMediator builder)
    {
        var builders = builder.BuilderClass is { } specified
            ? $"the builder class '{specified}' (whatever the content type) and then writes the message with the formatter class '{builder.FormatterClass ?? "(none: the Micro Integrator refuses the configuration)"}'"
            : "the builder its <messageBuilder> children name for the message's content type"
                + Names(" (", builder.MessageBuilders.Select(b => $"{b.ContentType ?? "(no contentType: refused)"} → {b.BuilderClass ?? "(no class: refused)"}"))
                + (builder.MessageBuilders.IsEmpty ? string.Empty : ")")
                + ", else the relay's own for multipart/related (MIME), text/xml and application/soap+xml (SOAP), application/xop+xml (MTOM), application/xml, application/x-www-form-urlencoded and application/json, else as plain XML (POX) for a REST message and as a SOAP envelope otherwise";
        var does = "rebuilds a message whose body is the <binary xmlns=\"http://ws.apache.org/commons/ns/payload\"> wrapper of raw bytes (the generated code's form of an application/octet-stream or other binary body, as the MI's BinaryRelayBuilder makes it) from those bytes, with "
            + builders + "; the built element becomes the SOAP body (a build that fails leaves the message as it was, with a warning), and any other message passes unchanged";
        return HandWritten(builder, does, "when binary bodies reach this point, parse the bytes of the <binary> wrapper (base64) as the content type says (xml:fromString, value:fromJsonString) and set the payload; else delete the TODO");
    }

    private TodoStep LowerSampler(SamplerMediator sampler) =>
        HandWritten(sampler, $"passes messages to its target at most {sampler.Rate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(default)"} per {sampler.UnitTime?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(default)"} ms (an Apache Synapse mediator the Micro Integrator does not ship)",
            "queue and rate-limit the messages by hand");

    private TodoStep LowerEnqueue(EnqueueMediator enqueue) =>
        HandWritten(enqueue, $"queues the message for the sequence '{enqueue.Sequence?.Text}' on the priority executor '{enqueue.Executor}' (an Apache Synapse mediator the Micro Integrator does not ship)",
            "run the sequence's function asynchronously by hand (a worker or a task)");

    private TodoStep LowerRouter(RouterMediator router) =>
        HandWritten(router, $"routes the message through {router.Routes.Length} route(s) by expression and regex (an ESB 4.x mediator the Micro Integrator does not ship)",
            "write the routes as if/else over the expressions, calling each target's sequence or endpoint");

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Names(string prefix, IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? string.Empty : prefix + string.Join(", ", list);
    }

    private static string Inputs(ImmutableArray<InputArgumentSyntax> inputs) => Names(", with the arguments ", inputs.Select(i => i.Name));

    private static string ResultInto(string? target, string? variable) => (target, variable) switch
    {
        (_, { } name) => $", the result into the variable '{name}'",
        ({ } where, null) when !where.Equals("none", StringComparison.OrdinalIgnoreCase) => $", the result into the {where}",
        _ => string.Empty,
    };
}
