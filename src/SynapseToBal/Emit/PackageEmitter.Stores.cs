using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// stores.bal: the in-memory message stores (queues) and the message processors (scheduled jobs).
public sealed partial class PackageEmitter
{
    /// <param name="chooser">False for a part of the package whose processors use the chooser another file declares.</param>
    private string Stores(PackageIr package, NameMap names, bool chooser = true)
    {
        var modules = new ModuleUsage();
        static string Literal(string text) => BallerinaSyntax.StringLiteral(text);
        static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        static string When(MessageProcessorIr p) => p.Cron is { } cron ? $"on the cron schedule '{BallerinaSyntax.CommentText(cron.Expression)}'" : $"every {Number(p.IntervalSeconds)} s";
        string? Call(ProcessorSequenceIr? sequence) => sequence is null ? null : names[sequence.Function];

        // The type of the local a sequence that can fail leaves its result in: its return type (none when it is only run).
        string? TypeOf(ProcessorSequenceIr? sequence) => sequence is null || _infallible.Contains(sequence.Function) ? null : ResultType(sequence.Function, modules);

        // A sequence that cannot fail (InfallibleFunctions) is only run: no result to test, nothing to log.
        string? Run(ProcessorSequenceIr? sequence) => sequence is { } run && _infallible.Contains(run.Function)
            ? $"{(run.CanAnswer ? "_ = " : string.Empty)}{names[run.Function]}(ctx);"
            : null;

        var failed = new List<FailedDeclaration>();
        var stores = GuardedDeclarations(package.MessageStores, "message store", s => s.StoreName, s => s.Origin.Location, s => Original(s.Origin), failed, s =>
        {
            var where = $"Message store '{BallerinaSyntax.CommentText(s.StoreName)}' ({Relative(s.Origin.Location.Path)}, line {Line(s.Origin.Location.Line)})";
            if (s.RabbitMq is { } rabbit)
            {
                // The declaration names no rabbitmq: type (its settings are typed by RabbitMqMessageStore's init), so
                // the file imports nothing for it: an unused module prefix is a compile error.
                return new
                {
                    Doc = BallerinaSyntax.DocLines(
                    [
                        $"{where}: a RabbitMQ queue, as Synapse's RabbitMQStore",
                        "(a durable queue, bound to its exchange). Each message is published as this package's own JSON format",
                        "(StoredMessage), not the Micro Integrator's Java-serialized messages: the two cannot share the queue, so let",
                        "the Micro Integrator's processors drain it before switching. Each is published persistent with its message id",
                        "and priority, as RabbitMQProducer publishes it.",
                    ]),
                    Name = names[s.Name],
                    Todo = rabbit.NotTranslated is { } unapplied ? Todo(unapplied, Original(s.Origin)) : null,
                    Jms = (object?)null,
                    Jdbc = (object?)null,
                    Rabbit = (object?)new
                    {
                        Host = names[rabbit.Host],
                        Port = names[rabbit.Port],
                        Username = names[rabbit.Username],
                        Password = names[rabbit.Password],
                        VirtualHost = names[rabbit.VirtualHost],
                        StoreName = Literal(s.StoreName),
                        StoreComment = BallerinaSyntax.CommentText(s.StoreName),
                        Queue = names[rabbit.Queue],
                        Exchange = rabbit.Exchange is { } exchange ? names[exchange] : null,
                        RoutingKey = rabbit.RoutingKey is { } key ? names[key] : null,
                    },
                };
            }

            if (s.Jdbc is { } jdbc)
            {
                return new
                {
                    Doc = BallerinaSyntax.DocLines(
                    [
                        $"{where}: a database table, as Synapse's JDBCMessageStore",
                        "(columns indexId, msg_id and message). Each message is a row whose message column holds this package's",
                        "own JSON format (StoredMessage) as UTF-8 bytes, not the Micro Integrator's Java-serialized messages: the",
                        "two cannot share the table, so let the Micro Integrator's processors drain it before switching.",
                    ]),
                    Name = names[s.Name],
                    Todo = jdbc.NotTranslated is { } unapplied ? Todo(unapplied, Original(s.Origin)) : null,
                    Jms = (object?)null,
                    Jdbc = (object?)new
                    {
                        Client = names[jdbc.Client],
                        Url = names[jdbc.Url],
                        Username = jdbc.Username is { } user ? names[user] : "()",
                        Password = jdbc.Password is { } secret ? names[secret] : "()",
                        Driver = BallerinaSyntax.CommentText(jdbc.Driver),
                        StoreName = Literal(s.StoreName),
                        StoreComment = BallerinaSyntax.CommentText(s.StoreName),
                        Table = names[jdbc.Table],
                    },
                    Rabbit = (object?)null,
                };
            }

            if (s.Jms is not { } jms)
            {
                return new
                {
                    Doc = BallerinaSyntax.DocLines([$"{where}: in memory, as Synapse's", "InMemoryStore: the messages are lost when the program stops."]),
                    Name = names[s.Name],
                    Todo = (TodoView?)null,
                    Jms = (object?)null,
                    Jdbc = (object?)null,
                    Rabbit = (object?)null,
                };
            }

            modules.Use("jms");
            return new
            {
                Doc = BallerinaSyntax.DocLines(
                [
                    $"{where}: a JMS queue, as Synapse's JmsStore. Each message is a",
                    "JSON text message in this package's own format (StoredMessage), not the Micro Integrator's serialized",
                    "messages: the two cannot share the queue, so let the Micro Integrator's processors drain it before switching.",
                    .. !jms.ProviderUrlGiven
                        ? (string[])["The store sets no java.naming.provider.url: WSO2 MB's factory builds the connection factory from the",
                            "connectionfactory.* property, and the provider URL's configurable, empty by default, only makes it log that",
                            "it loads no properties file."]
                        : [],
                ]),
                Name = names[s.Name],
                Todo = jms.NotTranslated is { } reason ? Todo(reason, Original(s.Origin)) : null,
                Jms = (object?)new
                {
                    Connection = names[jms.Connection],
                    ContextFactory = names[jms.ContextFactory],
                    ProviderUrl = names[jms.ProviderUrl],
                    ConnectionFactory = names[jms.ConnectionFactory],
                    Username = jms.Username is { } username ? names[username] : null,
                    Password = jms.Password is { } password ? names[password] : null,
                    Properties = jms.Properties.Select(p => new { Name = Literal(p.Name), Value = names[p.Value] }).ToList(),
                    StoreName = Literal(s.StoreName),
                    StoreComment = BallerinaSyntax.CommentText(s.StoreName),
                    Queue = names[jms.Queue],
                },
                Jdbc = (object?)null,
                Rabbit = (object?)null,
            };
        }, modules);

        // Processors sharing a JMS or RabbitMQ store each read it through a consumer of their own (JmsStore.getConsumer,
        // RabbitMQStore.getConsumer), so that each message goes to one of them; a store's only processor uses the store's own.
        var jmsReaders = package.MessageProcessors.Where(p => p.Store.Jms is not null || p.Store.RabbitMq is not null).GroupBy(p => p.Store.Name).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        var processors = GuardedDeclarations(package.MessageProcessors, "message processor", p => p.ProcessorName, p => p.Origin.Location, p => Original(p.Origin), failed, p =>
        {
            modules.Use("task");
            var sampling = p.Kind == ProcessorKind.Sampling;
            var who = $"Message processor '{p.ProcessorName}'";
            var chooser = p.TargetChooser is { } function ? names[function] : null;

            // A JMS or vfs target is sent to by its own call, judged by forwardSent; a chooser that may return one
            // (a ForwardSend) gives a ForwardOutcome (forwardChosen).
            var send = p.Target switch
            {
                ForwardRouteIr.Jms jms => StatementWriter.JmsSendCall(jms.Endpoint, names, modules),
                ForwardRouteIr.Vfs vfs => StatementWriter.VfsWriteCall(vfs.Endpoint, names, modules),
                ForwardRouteIr.Mail mail => StatementWriter.MailSendCall(mail.Endpoint, names, StatementWriter.AwaitsReplyUnless("OUT_ONLY")),
                _ => null,
            };
            var chosenSends = chooser is not null && p.TargetChoices.Any(IsSend);
            var target = p.Target switch
            {
                ForwardRouteIr.Http http => RouteEndpoint(http, names),
                ForwardRouteIr.ToAddress => "FORWARD_TO",
                ForwardRouteIr.Jms or ForwardRouteIr.Vfs or ForwardRouteIr.Mail => "send",
                null => chooser is not null ? "route" : null,
                _ => throw new InvalidOperationException($"Unhandled forward route {p.Target.GetType().Name}"),
            };
            var targetStore = p.TargetStore is { } moved ? names[moved.Name] : null;
            var targetStoreCanFail = CanRefuse(p.TargetStore);
            // A forwarding processor whose target endpoint or store is not translated (its TODO): the job logs a warning
            // once, at the first run that finds a message waiting, leaves the messages in the store and reads it no more.
            var keeps = !sampling && target is null && targetStore is null;
            if ((sampling && p.Sequence is not null && Run(p.Sequence) is null) || (!sampling && target is not null) || targetStoreCanFail || keeps)
            {
                modules.Use("log");
            }

            if ((!sampling && target is not null) || targetStoreCanFail)
            {
                modules.Use("runtime");
            }

            // The attempt's arguments: the non-retry statuses, then the endpoint's format, its non.error.http.status.codes
            // (read by the blocking sender), its suspension state and its enableAddressing; a group's members keep
            // their own state and addressing in its EndpointGroup. A message that names its endpoint carries them
            // in the ForwardRoute the chooser returns.
            var options = string.Empty;
            if (p.NonRetryStatusCodes.Length > 0)
            {
                options += ", " + Codes(p.NonRetryStatusCodes);
            }

            string? forward = null;
            if (chooser is not null)
            {
                var addressed = p.TargetChoices.Any(c => c is ForwardRouteIr.Http { Client: { Group: null, Addressing: not null }, Template: not { Whole: true } });
                forward = chosenSends ? addressed ? "forwardChosenAddressed" : "forwardChosen" : addressed ? "forwardRouteAddressed" : "forwardRoute";
            }
            else if (p.Target is ForwardRouteIr.ToAddress)
            {
                forward = "forwardAttemptAddress";
            }
            else if (p.Target is ForwardRouteIr.Http { Client: var fixedTarget } fixedHttp)
            {
                // An http endpoint's uri-template (and method) is expanded for each message; one taking the host from the
                // message sends through a client per base URL (forwardAttemptUrl), without WS-Addressing blocks.
                var whole = fixedHttp.Template is { Whole: true };
                forward = fixedTarget.Group is not null ? "forwardAttemptGroup" : whole ? "forwardAttemptUrl" : fixedTarget.Addressing is not null ? "forwardAttemptAddressed" : "forwardAttempt";
                if (fixedHttp.Template is { Whole: false } template)
                {
                    options += $", template = {TemplateLiteral(template)}";
                }
                else if (fixedTarget.Group is null && !whole)
                {
                    // An address: the stored message's postfix is joined to the endpoint's URL (clientPath).
                    options += $", url = {names[fixedTarget.UrlConfigurable]}";
                }

                if (fixedTarget.Format is { } format)
                {
                    options += $", format = {FormatLiteral(format)}";
                }

                if (fixedTarget.NonErrorStatusCodes.Length > 0)
                {
                    options += $", nonErrorCodes = {Codes(fixedTarget.NonErrorStatusCodes)}";
                }

                if (fixedTarget.Group is null && fixedTarget.Suspension is { } suspension)
                {
                    options += $", state = {names[suspension.Name]}";
                }

                if (fixedTarget.Group is null && !whole && fixedTarget.Addressing is { } addressing)
                {
                    options += $", wsAddressing = {AddressingLiteral(addressing)}, wsaTo = {names[fixedTarget.UrlConfigurable]}";
                }
            }

            string? attempt = null;
            if (forward is not null)
            {
                // The stored message's headers go through as a blocking call sends them: named at the call.
                options += ", headers = passThroughHeaders";
                attempt = p.Target is ForwardRouteIr.ToAddress ? $"{forward}(ctx{options})" : $"{forward}(ctx, {target}{options})";
            }

            // Settings of a JMS or vfs target the send does not apply: a TODO beside the job, with the address.
            var routeTodos = p.Target is { } fixedRoute ? RouteTodos([fixedRoute]) : [];

            var doc = new List<string>();
            if (p.Origin.Description is { } description)
            {
                doc.AddRange(BallerinaSyntax.CommentLines(description, prefix: string.Empty));
            }

            doc.Add(p.Kind == ProcessorKind.FailoverForwarding
                ? $"{BallerinaSyntax.CommentText(who)} (failover forwarding): {When(p)} moves the messages of '{BallerinaSyntax.CommentText(p.Store.StoreName)}' in order to message store '{BallerinaSyntax.CommentText(p.TargetStore?.StoreName ?? "(none)")}', removing each once stored there."
                : sampling
                ? $"{BallerinaSyntax.CommentText(who)} (sampling): {When(p)} takes up to {p.Concurrency.ToString(CultureInfo.InvariantCulture)} message(s) from '{BallerinaSyntax.CommentText(p.Store.StoreName)}' and runs the sequence with each."
                : $"{BallerinaSyntax.CommentText(who)} (scheduled forwarding): {When(p)} sends the messages of '{BallerinaSyntax.CommentText(p.Store.StoreName)}' in order to {(chooser is not null ? "the endpoint each names in its target.endpoint property" : $"endpoint '{BallerinaSyntax.CommentText(p.Target?.EndpointName ?? p.Origin.TargetEndpoint ?? "(none)")}'")}, removing each once delivered ({Delivered(p, send is not null, chosenSends)}).");
            if (!sampling && (p.Kind != ProcessorKind.FailoverForwarding || targetStoreCanFail))
            {
                doc.Add(p.MaxDeliveryAttempts > 0
                    ? $"A failed attempt is retried after {Number(p.RetryIntervalSeconds)} s; after {p.MaxDeliveryAttempts.ToString(CultureInfo.InvariantCulture)} attempts the processor {(p.DropAfterMaxAttempts ? "drops the message and goes on" : p.FailStore is { } movedTo ? $"moves the message to message store '{BallerinaSyntax.CommentText(movedTo.StoreName)}' and goes on (it deactivates when that store refuses it)" : "deactivates (the message stays in the store)")}."
                    : $"A failed attempt is retried after {Number(p.RetryIntervalSeconds)} s, without limit.");
            }

            if (!p.Active)
            {
                doc.Add("Deactivated at start-up (is.active is false), as in the Micro Integrator: it takes no message until activated.");
            }

            doc.Add($"From {Relative(p.Origin.Location.Path)}, line {Line(p.Origin.Location.Line)}.");
            return new
            {
                Doc = BallerinaSyntax.DocItems(doc),
                Todo = p.NotTranslated is { } reason ? Todo(reason, Original(p.Origin)) : null,
                RouteTodos = routeTodos,
                Name = names[p.Name],
                Schedule = p.Scheduled ? names[p.Schedule] : null,
                Interval = Number(p.IntervalSeconds),
                IntervalText = $"{Number(p.IntervalSeconds)} s (interval {Number(p.IntervalSeconds * 1000)} ms)",
                Cron = p.Cron is { } cron ? CronLiteral(cron) : null,
                CronText = p.Cron is { } described ? BallerinaSyntax.CommentText(described.Expression) : null,
                Active = p.Active ? "true" : "false",
                Sampling = sampling,
                Store = jmsReaders.Contains(p) ? $"{names[p.Store.Name]}.consumer({Literal(p.ProcessorName)})" : names[p.Store.Name],
                ClosesConsumer = jmsReaders.Contains(p),
                Sequence = Call(p.Sequence),
                SequenceRun = Run(p.Sequence),
                Concurrency = p.Concurrency.ToString(CultureInfo.InvariantCulture),
                Target = target,
                TargetStore = targetStore,
                TargetStoreCanFail = targetStoreCanFail,
                FailStore = p.FailStore is { } failStore ? names[failStore.Name] : null,
                FailStoreCanFail = CanRefuse(p.FailStore),
                FailStoreMoved = Literal($"{who} failed to forward a message {p.MaxDeliveryAttempts} times: moved it to message store '{p.FailStore?.StoreName}' and continues"),
                FailStoreRefused = Literal($"{who} failed to forward a message {p.MaxDeliveryAttempts} times and could not store it in message store '{p.FailStore?.StoreName}': deactivated"),
                KindFailover = p.Kind == ProcessorKind.FailoverForwarding,
                Kept = keeps
                    ? Literal($"{who} has no translated {(p.Kind == ProcessorKind.FailoverForwarding ? "target message store" : "target endpoint")} (see its TODO): its messages stay in message store '{p.Store.StoreName}'")
                    : null,
                StoreFailed = Literal($"{who} failed to store a message in message store '{p.TargetStore?.StoreName}'"),
                Chooser = chooser,
                NoTarget = Literal($"{who}: the message names no endpoint the package has in its target.endpoint property: deactivated"),
                Attempt = attempt,
                Send = send,
                Outcome = chosenSends,
                RouteType = chosenSends ? "ForwardRoute|ForwardSend" : "ForwardRoute",
                Reply = Call(p.ReplySequence),
                Fault = Call(p.FaultSequence),
                Deactivate = Call(p.DeactivateSequence),

                // Each only where the template writes it: a type names http, whose import must not be unused.
                SequenceType = sampling ? TypeOf(p.Sequence) : null,
                ReplyType = !sampling && targetStore is null && target is not null && send is null ? TypeOf(p.ReplySequence) : null,
                FaultType = !sampling && targetStore is null && target is not null ? TypeOf(p.FaultSequence) : null,
                DeactivateType = !sampling && (target is not null || targetStoreCanFail) ? TypeOf(p.DeactivateSequence) : null,
                ReplyRun = Run(p.ReplySequence),

                // The branch of a delivered response leaves on every path (the message removed, or the processor
                // deactivated when there is no reply sequence) unless a reply sequence that can fail runs there: the
                // failed delivery's statements follow it instead of an else block.
                AttemptLeaves = p.ReplySequence is null || Run(p.ReplySequence) is not null,
                FaultRun = Run(p.FaultSequence),
                DeactivateRun = Run(p.DeactivateSequence),

                // deactivate() takes the message only to hand it to the deactivate sequence: without one it has no parameter.
                DeactivateParameter = p.DeactivateSequence is null ? string.Empty : "Context ctx",
                DeactivateArgument = p.DeactivateSequence is null ? string.Empty : "ctx",
                MaxAttempts = p.MaxDeliveryAttempts > 0 ? p.MaxDeliveryAttempts.ToString(CultureInfo.InvariantCulture) : null,
                RetryInterval = Number(p.RetryIntervalSeconds),
                Drop = p.DropAfterMaxAttempts,
                p.Throttle,

                // After a message is done: a throttled run goes on with the next, otherwise the run ends.
                Next = p.Throttle ? "continue" : "return",
                Failed = Literal(sampling ? $"{who}: the sequence failed" : chooser is not null ? $"{who} failed to forward a message to the endpoint it names" : $"{who} failed to forward a message to endpoint '{p.Target?.EndpointName}'"),
                ReplyFailed = Literal($"{who}: the reply sequence failed"),
                FaultFailed = Literal($"{who}: the fault sequence failed"),
                DeactivateFailed = Literal($"{who}: the deactivate sequence failed"),
                NoReply = Literal($"{who} received a response but has no reply sequence: deactivated"),
                Dropped = Literal($"{who} failed to forward a message {p.MaxDeliveryAttempts.ToString(CultureInfo.InvariantCulture)} times: dropped it and goes on"),
                Deactivated = Literal($"{who} deactivated: it takes no more messages"),
            };
        }, modules);

        // One function finds the client a message names (target.endpoint), for the processors without a targetEndpoint.
        // The chooser returns a ForwardRoute (the runtime's record holding the client): it names no http type itself.
        var chooserProcessor = chooser ? package.MessageProcessors.FirstOrDefault(p => p.TargetChooser is not null) : null;

        var chooserView = chooserProcessor is null ? null : new
        {
            Name = names[chooserProcessor.TargetChooser!],
            ReturnType = chooserProcessor.TargetChoices.Any(IsSend) ? "ForwardRoute|ForwardSend?" : "ForwardRoute?",
            Todos = RouteTodos(chooserProcessor.TargetChoices),
            Choices = chooserProcessor.TargetChoices.Select(c => new
            {
                Endpoint = Literal(c.EndpointName),
                Route = c switch
                {
                    ForwardRouteIr.Http http => RouteFields(http, names),
                    ForwardRouteIr.ToAddress => "{endpoint: FORWARD_TO}",
                    ForwardRouteIr.Jms jms => $"function (Context ctx) returns error? => {StatementWriter.JmsSendCall(jms.Endpoint, names, modules)}",
                    ForwardRouteIr.Vfs vfs => $"function (Context ctx) returns error? => {StatementWriter.VfsWriteCall(vfs.Endpoint, names, modules)}",
                    ForwardRouteIr.Mail mail => $"function (Context ctx) returns error? => {StatementWriter.MailSendCall(mail.Endpoint, names, StatementWriter.AwaitsReplyUnless("OUT_ONLY"))}",
                    _ => throw new InvalidOperationException($"Unhandled forward route {c.GetType().Name}"),
                },
            }).ToList(),
        };

        return _renderer.Render("stores.bal.sbn", new
        {
            Chooser = chooserView,
            Header = SourcesHeader(
                "message stores and processors",
                package.MessageStores.Select(s => s.Origin.Location.Path)
                    .Concat(package.MessageProcessors.Select(p => p.Origin.Location.Path))
                    .Concat(package.PendingStores.Select(p => p.Origin.Location.Path))),
            Imports = modules.Imports(),
            Pending = package.PendingStores.Select(Pending).ToList(),
            Stores = stores,
            Processors = processors,
            Failed = failed,
        });
    }

    /// <summary>Whether a route is a JMS, vfs or mail send, which ForwardingService delivers without judging a response.</summary>
    /// <summary>
    /// Whether storing in the store can fail (a JMS, JDBC or RabbitMQ store: its <c>store</c> returns an error), so the job
    /// checks it; an in-memory store always takes the message. None: no store.
    /// </summary>
    private static bool CanRefuse(MessageStoreIr? store) => store?.Jms is not null || store?.Jdbc is not null || store?.RabbitMq is not null;

    private static bool IsSend(ForwardRouteIr route) => route switch
    {
        ForwardRouteIr.Jms or ForwardRouteIr.Vfs or ForwardRouteIr.Mail => true,
        ForwardRouteIr.Http or ForwardRouteIr.ToAddress => false,
        _ => throw new InvalidOperationException($"Unhandled forward route {route.GetType().Name}"),
    };

    /// <summary>What removes a message from the store, for a forwarding processor's doc comment.</summary>
    private static string Delivered(MessageProcessorIr p, bool fixedSend, bool chosenSends)
    {
        var status = $"a 2xx status{(p.NonRetryStatusCodes.Length > 0 ? " or a non-retry status" : string.Empty)}";
        return fixedSend
            ? "once sent: ForwardingService judges no response from a JMS, vfs or mail endpoint, and no reply sequence runs; a failed send is a failed attempt only when the message's OUT_ONLY is \"true\""
            : chosenSends ? $"{status}; a JMS, vfs or mail endpoint once sent, without the reply sequence" : status;
    }

    /// <summary>The settings of JMS, vfs and mail routes their sends do not apply: a TODO each, with the endpoint's address (credentials masked).</summary>
    private static List<TodoView> RouteTodos(IEnumerable<ForwardRouteIr> routes) => routes
        .Select(route => route switch
        {
            ForwardRouteIr.Jms { Endpoint: { NotApplied: { } reason } jms } => Todo(reason, BallerinaSyntax.CommentLines(jms.Address ?? string.Empty, prefix: string.Empty).ToList()),
            ForwardRouteIr.Vfs { Endpoint: { NotApplied: { } reason } vfs } => Todo(reason, BallerinaSyntax.CommentLines(vfs.Address ?? string.Empty, prefix: string.Empty).ToList()),
            ForwardRouteIr.Mail { Endpoint: { NotApplied: { } reason } mail } => Todo(reason, BallerinaSyntax.CommentLines(mail.Address ?? string.Empty, prefix: string.Empty).ToList()),
            _ => null,
        })
        .OfType<TodoView>()
        .ToList();

    /// <summary>
    /// The fields of the runtime's ForwardRoute for an endpoint a stored message may name: its client (its EndpointGroup
    /// for a failover or loadbalance endpoint), an address's URL, format, non.error.http.status.codes, suspension state and enableAddressing.
    /// </summary>
    private static string RouteFields(ForwardRouteIr.Http route, NameMap names)
    {
        var client = route.Client;
        var fields = new List<string> { $"endpoint: {RouteEndpoint(route, names)}" };
        if (route.Template is { Whole: false } template)
        {
            fields.Add($"template: {TemplateLiteral(template)}");
        }
        else if (route.Template is null && client.Group is null)
        {
            // An address: the stored message's postfix is joined to the endpoint's URL (clientPath), as for a targetEndpoint.
            fields.Add($"url: {names[client.UrlConfigurable]}");
        }

        if (client.Format is { } format)
        {
            fields.Add($"format: {FormatLiteral(format)}");
        }

        if (client.NonErrorStatusCodes.Length > 0)
        {
            fields.Add($"nonErrorCodes: {Codes(client.NonErrorStatusCodes)}");
        }

        if (client.Group is null && client.Suspension is { } suspension)
        {
            fields.Add($"state: {names[suspension.Name]}");
        }

        if (client.Group is null && route.Template is not { Whole: true } && client.Addressing is { } addressing)
        {
            fields.Add($"wsAddressing: {AddressingLiteral(addressing)}");
            fields.Add($"wsaTo: {names[client.UrlConfigurable]}");
        }

        return "{" + string.Join(", ", fields) + "}";
    }

    /// <summary>
    /// What a forwarding attempt sends to: the endpoint's client (its group's EndpointGroup), or for an http endpoint whose
    /// uri-template takes the host from the message the runtime's UrlTemplateEndpoint (the name its calls keep their
    /// clients by, and its configuration).
    /// </summary>
    private static string RouteEndpoint(ForwardRouteIr.Http route, NameMap names) => route.Template is { Whole: true }
        ? $"{{name: {BallerinaSyntax.StringLiteral(names[route.Client.Name])}, config: {names[route.Client.Name]}, template: {TemplateLiteral(route.Template)}}}"
        : names[route.Client.Group?.State ?? route.Client.Name];

    /// <summary>The runtime's ForwardTemplate of an http endpoint's uri-template and method.</summary>
    private static string TemplateLiteral(ForwardTemplateIr template)
    {
        var fields = new List<string> { $"template: {BallerinaSyntax.StringLiteral(template.Template)}" };
        if (template.Method is { } method)
        {
            fields.Add($"method: {BallerinaSyntax.StringLiteral(method)}");
        }

        if (!template.Bound.IsEmpty)
        {
            // The endpoint's own uri.var.* / query.param.* properties (HTTPEndpoint.resolveUrlTemplate): () for one that is no literal.
            fields.Add("bound: {" + string.Join(", ", template.Bound.Select(b => $"{BallerinaSyntax.StringLiteral(b.Name)}: {(b.Value is { } value ? BallerinaSyntax.StringLiteral(value) : "()")}")) + "}");
        }

        return "{" + string.Join(", ", fields) + "}";
    }

    /// <summary>A Ballerina int[] literal of status codes.</summary>
    private static string Codes(IEnumerable<int> codes) => "[" + string.Join(", ", codes.Select(c => c.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>The runtime's EndpointFormat value of an endpoint's format.</summary>
    private static string FormatLiteral(EndpointFormat format) => format switch
    {
        EndpointFormat.Soap11 => "\"soap11\"",
        EndpointFormat.Soap12 => "\"soap12\"",
        EndpointFormat.Pox => "\"pox\"",
        EndpointFormat.Rest => "\"rest\"",
        EndpointFormat.Get => "\"get\"",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The runtime's WsAddressing value of an endpoint's enableAddressing version.</summary>
    private static string AddressingLiteral(WsAddressingVersion version) => version switch
    {
        WsAddressingVersion.Final => "\"final\"",
        WsAddressingVersion.Submission => "\"submission\"",
        WsAddressingVersion.Default => "\"default\"",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };
}
