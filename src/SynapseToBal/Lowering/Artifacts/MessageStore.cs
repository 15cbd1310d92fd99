using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <messageStore> and <messageProcessor>: an in-memory store becomes a module-level queue; a sampling
// or forwarding processor over it becomes a scheduled job (ballerina/task); a JMS store is a queue the runtime's
// JmsMessageStore writes to and reads from (JmsStore.cs), a JDBC store a table (JdbcStore.cs), a RabbitMQ store a
// queue (RabbitMqStore.cs). Other stores stay TODOs (SB0223).
public sealed partial class Lowerer
{
    /// <summary>
    /// A configurable for a setting of a message store (<paramref name="kind"/>: JMS, JDBC, RabbitMQ), named after the
    /// store and <paramref name="hint"/>: a secret one required, with no value, and reported at its parameter (SB0212).
    /// </summary>
    private Symbol StoreConfigurable(MessageStoreSyntax store, IReadOnlyDictionary<string, ConfigParameterSyntax> parameters, string kind,
        string hint, string parameter, string? value, string what, bool secret, ConfigurableType type = ConfigurableType.String)
    {
        if (secret && parameters.TryGetValue(parameter, out var given) && given.Text is { } text && VaultLookup.Match(text) is { Success: true } vault)
        {
            // {wso2:vault-lookup('alias')}: MessageStoreFactory resolves it from the secure vault (SecureVaultResolver), so the
            // value is the alias's secret: one required configurable per alias, whichever stores share it, named after it.
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, given.Location, $"{store.Name} {parameter}");
            return DeclareSecret(VaultAlias(vault), $"{what} of the {kind} message store '{store.Name}' ({parameter})");
        }

        if (!secret)
        {
            ReportUnresolvedPlaceholder(value, parameters.TryGetValue(parameter, out var written) ? written.Location : store.Location, $"parameter {parameter}");
        }

        if (!secret && DeployTimeValue.Of(value) is { } deployTime)
        {
            // MessageStoreFactory resolves each parameter when it deploys the store (ResolverFactory).
            _diagnostics.Report(DiagnosticCatalog.DeployTimeValue, parameters.TryGetValue(parameter, out var at) ? at.Location : store.Location, $"parameter {parameter}", deployTime.Original, deployTime.Source, DeployTimeValue.AtDeployment, DeployTimeValue.RequiredConfigurable);
            return DeployTimeSetting(deployTime, type, deployTime.Describe($"{what} of the {kind} message store '{store.Name}' ({parameter})"));
        }

        var symbol = _symbols.Module(SymbolKind.Configurable, $"{store.Name} {hint}");
        _configurables.Add(new ConfigurableIr(symbol, type, secret ? null : value, $"{what} of the {kind} message store '{store.Name}' ({parameter}).", Secret: secret));
        if (secret && parameters.TryGetValue(parameter, out var origin))
        {
            _diagnostics.Report(DiagnosticCatalog.SecretConfigurable, origin.Location, $"{store.Name} {parameter}");
        }

        return symbol;
    }

    /// <summary>Reports a setting of a message store that the generated store does not apply (SB0206), and the TODO that says so.</summary>
    private NotTranslatedIr StoreSettingNotApplied(MessageStoreSyntax store, string setting, string consequence)
    {
        _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, store.Location, "messageStore", setting, consequence);
        return new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"{setting} of message store '{store.Name}' is not applied: {consequence}");
    }

    private const string StorePackage = "org.apache.synapse.message.store.impl.";
    private const string ProcessorPackage = "org.apache.synapse.message.processor.impl.";

    /// <summary>Apache Synapse 2.1's resequencing processor: WSO2's Synapse (the Micro Integrator) has no such class.</summary>
    private const string ApacheResequencingProcessor = "org.apache.synapse.message.processors.resequence.ResequencingProcessor";

    private readonly Dictionary<string, MessageStoreIr> _messageStores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Kind, NotTranslatedIr Reason)> _storeReasons = new(StringComparer.Ordinal);
    private readonly List<PendingArtifactIr> _pendingStores = new();
    private Symbol? _forwardTarget;

    /// <summary>
    /// The store kind a class names (MessageStoreFactory: no class is an InMemoryStore; the deprecated in-memory and
    /// JMS class names are mapped to the current ones) and what to write instead; null advice for the in-memory
    /// store, which is translated.
    /// </summary>
    private static (string Kind, string? Advice) StoreKind(string? className) => className?.Trim() switch
    {
        null or "" or StorePackage + "memory.InMemoryStore" or "org.apache.synapse.message.store.InMemoryMessageStore" => ("in-memory", null),
        StorePackage + "jms.JmsStore" or "org.wso2.carbon.message.store.persistence.jms.JMSMessageStore" => ("JMS", "it is translated by LowerJmsStore unless it cannot connect"),
        StorePackage + "rabbitmq.RabbitMQStore" => ("RabbitMQ", "it is translated by LowerRabbitMqStore unless it cannot connect"),
        StorePackage + "jdbc.JDBCMessageStore" => ("JDBC", "it is translated by LowerJdbcStore unless it cannot connect"),
        StorePackage + "resequencer.ResequenceMessageStore" => ("resequencing JDBC", "Synapse keeps each message as a Java-serialized StorableMessage (the table's message column), which Ballerina can neither write nor read, so a generated producer could not share the table with the Micro Integrator or with the messages already in it; once only the Ballerina package uses it, write its producer with a jdbc:Client from ballerinax/java.jdbc and ballerina/sql, ordered by the sequence id"),
        var other => ($"class {other}", "the class runs Java code; write a producer for the system it stores messages in"),
    };

    /// <summary>Declares the message stores before the flows are lowered, so that store mediators can refer to them.</summary>
    private void LowerMessageStores()
    {
        // Each under the guard of the lowering (SB0902): a store that throws is kept whole as a TODO.
        foreach (var store in _model.Artifacts.OfType<MessageStoreSyntax>().Where(s => ReferenceEquals(_model.Symbols.MessageStore(s.Name), s)))
        {
            Guarded(store, () => LowerMessageStore(store));
        }

        CheckJmsFailoverStores();
    }

    private void LowerMessageStore(MessageStoreSyntax store)
    {
        var (kind, advice) = StoreKind(store.ClassName);
        if (advice is null)
        {
            // InMemoryStore reads no parameter (the store mediator's guaranteed-delivery failover never applies: storing in memory does not fail).
            foreach (var parameter in store.Parameters)
            {
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, parameter.Location, "messageStore", $"parameter '{parameter.Name}'", "the in-memory store does not read it");
            }

            _messageStores[store.Name] = new MessageStoreIr(_symbols.Module(SymbolKind.LocalEntry, store.Name, "store"), store.Name, store);
            return;
        }

        if (kind == "JMS")
        {
            if (LowerJmsStore(store, out var missing) is { } jmsStore)
            {
                _messageStores[store.Name] = jmsStore;
                return;
            }

            advice = $"{missing}; write its producer with a jms:MessageProducer from ballerinax/java.jms";
        }

        if (kind == "JDBC")
        {
            if (LowerJdbcStore(store, out var missing) is { } jdbcStore)
            {
                _messageStores[store.Name] = jdbcStore;
                return;
            }

            advice = $"{missing}; write its producer with a jdbc:Client from ballerinax/java.jdbc";
        }

        if (kind == "RabbitMQ")
        {
            if (LowerRabbitMqStore(store, out var missing) is { } rabbitStore)
            {
                _messageStores[store.Name] = rabbitStore;
                return;
            }

            advice = $"{missing}; write its producer with a rabbitmq:Client from ballerinax/rabbitmq";
        }

        // Every connection parameter becomes a configurable, credentials required ones without a default.
        foreach (var parameter in store.Parameters)
        {
            var value = parameter.Text?.Trim() ?? parameter.Key ?? string.Empty;
            var secret = SecretNames.IsSecret(parameter.Name) || SecretNames.IsSecret(parameter.Name.Split('.')[^1]) || HasCredentials(value);
            _configurables.Add(new ConfigurableIr(
                _symbols.Module(SymbolKind.Configurable, $"{store.Name} {parameter.Name}"),
                ConfigurableType.String,
                secret ? null : value,
                $"Parameter '{parameter.Name}' of the {kind} message store '{store.Name}'.",
                Secret: secret));
        }

        var reason = new NotTranslatedIr(DiagnosticCatalog.MessageStoreNotTranslated, $"the {kind} message store '{store.Name}' is not translated: {advice}, from the configurables of its parameters");
        _diagnostics.Report(DiagnosticCatalog.MessageStoreNotTranslated, store.Location, store.Name, kind, $"{advice}; its parameters are configurables");
        _storeReasons[store.Name] = (kind, reason);
        _pendingStores.Add(new PendingArtifactIr(reason, store));
    }

    /// <summary>Lowers the message processors, once the sequences and clients they use are known.</summary>
    private ImmutableArray<MessageProcessorIr> LowerMessageProcessors()
    {
        var processors = ImmutableArray.CreateBuilder<MessageProcessorIr>();
        // A second processor of the same name is reported as a duplicate (SB0501) and not lowered, as Synapse keeps one.
        foreach (var processor in _model.Artifacts.OfType<MessageProcessorSyntax>().Where(p => ReferenceEquals(_model.Symbols.MessageProcessor(p.Name), p)))
        {
            if (Guarded(processor, () => LowerMessageProcessor(processor)) is { } lowered)
            {
                processors.Add(lowered);
            }
        }

        return processors.ToImmutable();
    }

    private MessageProcessorIr? LowerMessageProcessor(MessageProcessorSyntax processor)
    {
        void Pending(NotTranslatedIr reason, params object[] args)
        {
            _diagnostics.Report(reason.Descriptor, processor.Location, args);
            _pendingStores.Add(new PendingArtifactIr(reason, processor));
        }

        ReportAnalytics(processor.Statistics, processor.Trace, processor.Location, "messageProcessor", $"message processor '{processor.Name}'");
        var className = processor.ClassName?.Trim() ?? string.Empty;
        ProcessorKind? kind = className switch
        {
            ProcessorPackage + "sampler.SamplingProcessor" or "org.apache.synapse.message.processors.sampler.SamplingProcessor" => ProcessorKind.Sampling,
            ProcessorPackage + "forwarder.ScheduledMessageForwardingProcessor" or "org.apache.synapse.message.processors.forward.ScheduledMessageForwardingProcessor" => ProcessorKind.Forwarding,
            ProcessorPackage + "failover.FailoverScheduledMessageForwardingProcessor" => ProcessorKind.FailoverForwarding,
            _ => null,
        };
        if (kind is null)
        {
            var why = className == ApacheResequencingProcessor
                ? $"{className} is Apache Synapse 2.1's resequencing processor (each run takes the stored messages in the order of the number its seqNumXpath selects and injects them into nextEsbSequence), a class the Micro Integrator does not have and cannot deploy; to keep that order, store each message with its sequence number and write a ballerina/task job that takes them sorted by it"
                : $"it runs the Java class {className}, whose code the input does not contain; write its logic as a ballerina/task job that reads the store";
            Pending(new NotTranslatedIr(DiagnosticCatalog.ArtifactClassNotTranslatable, $"message processor '{processor.Name}' is not translated: {why}"), "Message processor", processor.Name, why);
            return null;
        }

        var storeName = processor.MessageStore ?? string.Empty;
        if (!_messageStores.TryGetValue(storeName, out var store))
        {
            if (_storeReasons.TryGetValue(storeName, out var storeReason))
            {
                Pending(
                    new NotTranslatedIr(DiagnosticCatalog.MessageStoreNotTranslated, $"message processor '{processor.Name}' reads the {storeReason.Kind} message store '{storeName}', which is not translated (its producer is a TODO for the reason given there), so there is no consumer for a job to read: write its consumer beside the store's producer"),
                    storeName, storeReason.Kind, $"message processor '{processor.Name}', which reads it, is kept in a TODO");
            }
            else
            {
                // The reference graph has reported the unresolved store (SB0502); this says what becomes of the processor.
                Pending(
                    new NotTranslatedIr(DiagnosticCatalog.ProcessorStoreMissing, $"message processor '{processor.Name}' reads the message store '{storeName}', which the input does not define: the Micro Integrator's processor finds no store to consume and forwards nothing; no job is generated"),
                    processor.Name, storeName);
            }

            return null;
        }

        var parameters = processor.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        string? Text(string name) => parameters.TryGetValue(name, out var p) ? p.Text?.Trim() : null;
        var read = new HashSet<string>(StringComparer.Ordinal);
        NotTranslatedIr? notTranslated = null;
        void NotTranslated(string setting, string consequence)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, processor.Location, "messageProcessor", setting, consequence);
            notTranslated ??= new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"{setting} of message processor '{processor.Name}' is not translated: {consequence}");
        }

        static bool HasPath(string uri)
        {
            var scheme = uri.IndexOf("://", StringComparison.Ordinal);
            var slash = uri.IndexOf('/', scheme < 0 ? 0 : scheme + 3);
            return slash >= 0 && uri[slash..].TrimEnd('/').Length > 0;
        }

        long Number(string name, long fallback)
        {
            read.Add(name);
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            NotTranslated($"{name} '{text}'", $"it is not a number (the Micro Integrator fails to start the processor); {fallback.ToString(CultureInfo.InvariantCulture)} is used");
            return fallback;
        }

        ProcessorSequenceIr? Sequence(string parameter)
        {
            read.Add(parameter);
            if (Text(parameter) is not { Length: > 0 } name)
            {
                return null;
            }

            if (_sequenceFunctions.TryGetValue(name, out var function))
            {
                return new ProcessorSequenceIr(function, _model.SequenceFacts(name).CanAnswer);
            }

            NotTranslated($"{parameter} '{name}'", "the sequence is not part of the input (the Micro Integrator logs a warning and goes on without it)");
            return null;
        }

        // ScheduledMessageProcessor: interval in milliseconds, default 1000 (MessageProcessorConstants.THRESHOULD_INTERVAL).
        var interval = Number("interval", 1000);
        if (interval <= 0)
        {
            NotTranslated($"interval '{interval.ToString(CultureInfo.InvariantCulture)}'", "1000 ms is used");
            interval = 1000;
        }

        // ScheduledMessageProcessor schedules on cronExpression instead of the interval when it is set.
        read.Add("cronExpression");
        var scheduled = true;
        CronIr? cronSchedule = null;
        if (Text("cronExpression") is { } cronExpression)
        {
            cronSchedule = Cron(cronExpression, out var cronWhy);
            if (cronSchedule is null)
            {
                NotTranslated($"cronExpression '{cronExpression}'", cronWhy!);
                scheduled = false;
            }
        }

        read.Add("is.active");
        var active = !string.Equals(Text("is.active"), "false", StringComparison.OrdinalIgnoreCase);
        var name = _symbols.Module(SymbolKind.Type, processor.Name + " processor", shorter: SymbolWords.WithoutRepeatedKind(processor.Name, "processor"));
        var schedule = _symbols.Module(SymbolKind.LocalEntry, processor.Name + " job");
        var lowered = new MessageProcessorIr(name, schedule, processor.Name, kind.Value, store, interval / 1000m, active, processor) { Scheduled = scheduled, Cron = cronSchedule };
        if (kind == ProcessorKind.Sampling)
        {
            var sequence = Sequence("sequence");
            if (sequence is null && Text("sequence") is null)
            {
                NotTranslated("sequence", "the sampling processor names no sequence (the Micro Integrator rejects it)");
            }

            var concurrency = Number("concurrency", 1);
            lowered = lowered with { Sequence = sequence, Concurrency = concurrency > 0 ? (int)Math.Min(concurrency, 1000) : 1 };
        }
        else if (kind == ProcessorKind.FailoverForwarding)
        {
            lowered = LowerFailoverForwarding(lowered, processor, Text, Number, Sequence, read, NotTranslated);
        }
        else
        {
            read.Add("target.endpoint");
            var targetName = processor.TargetEndpoint ?? (Text("target.endpoint") is { } parameter ? KeySyntax.RegistrySlash(parameter) : null);
            ForwardRouteIr? target = null;
            if (targetName is null)
            {
                // ForwardingService then forwards to the endpoint the message names in its target.endpoint property
                // (ForwardingService.dispatch sends to any endpoint the message names: messageContext.getEndpoint).
                // When the input sets target.endpoint only to literal names, only those can be named (the stores hold only
                // this package's messages): a JMS, vfs or default endpoint is a choice only then, the HTTP clients always.
                _forwardTarget ??= _symbols.Module(SymbolKind.Function, "forward target");
                var named = TargetEndpointNames();
                var choices = ImmutableArray.CreateBuilder<ForwardRouteIr>();
                foreach (var endpointName in _namedClients.Keys)
                {
                    if (ForwardRouteOf(endpointName) is { } route && (route is ForwardRouteIr.Http || named is null || named.Contains(endpointName)))
                    {
                        choices.Add(route);
                    }
                }

                lowered = lowered with { TargetChooser = _forwardTarget, TargetChoices = choices.ToImmutable() };
                ReportJmsForwardReply(processor, lowered.TargetChoices);

                // The named endpoints the job cannot send to (an endpoint on another transport, a uri-template one taking
                // its host from the message): one SB0206 per kind, saying what ForwardingService does with such a target.
                var unreachable = _namedClients.Keys.Where(n => ForwardRouteOf(n) is null && (named is null || named.Contains(n))).Order(StringComparer.Ordinal);
                foreach (var kindGroup in unreachable.GroupBy(UnroutableForwardTarget).OrderBy(g => g.Key.Order))
                {
                    var names = string.Join(", ", kindGroup.Select(n => $"'{n}'"));
                    NotTranslated("target.endpoint (named by each message)", $"the job has no sender for {names}, so a message naming it deactivates the job as an unknown name does, where the Micro Integrator sends it there: {kindGroup.Key.Why}");
                }
            }
            else if (!_namedClients.ContainsKey(targetName) || ForwardRouteOf(targetName) is not { } route)
            {
                var why = _namedClients.ContainsKey(targetName) ? UnroutableForwardTarget(targetName).Why : "the endpoint is not part of the input";
                NotTranslated($"targetEndpoint '{targetName}'", $"the job has no sender for it ({why}); the job logs and keeps the messages");
            }
            else
            {
                target = route;
                ReportJmsForwardReply(processor, [route]);
                if (route is ForwardRouteIr.Http { Template: null } && _model.Symbols.Endpoint(targetName)?.Endpoint.Definition is HttpEndpointSyntax http && (http.Method is not null || HasPath(http.UriTemplate)))
                {
                    // The forwarding job sends to the client's base URL with the message's URL postfix, as for an address.
                    NotTranslated($"targetEndpoint '{targetName}'", $"it is an http endpoint: the job sends to its base URL with the message's URL postfix; its uri-template '{http.UriTemplate}'{(http.Method is { } method ? $" and method {method.ToUpperInvariant()}" : string.Empty)} are not applied (the template holds what the job does not expand: an operator other than {{x}} and {{+x}}, a variable that is no uri.var.* or query.param.* property, legacy-encoding or a credential), write them into the job by hand");
                }
            }

            // An endpoint's enableAddressing goes with the client (or the route the chooser returns): the job's
            // forwardAttempt adds the header blocks when the stored message's PRESERVE_WS_ADDRESSING is "true", as the
            // blocking sender ForwardingService sends through does (BlockingMsgSenderUtils.fillMessageContext).
            var attempts = Number("max.delivery.attempts", 4);
            var retry = Number("client.retry.interval", 1000);
            read.Add("max.delivery.drop");
            var codes = ImmutableArray.CreateBuilder<int>();
            read.Add("non.retry.status.codes");
            foreach (var code in (Text("non.retry.status.codes") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status))
                {
                    codes.Add(status);
                }
                else
                {
                    NotTranslated($"non.retry.status.codes '{code}'", "it is not a status code");
                }
            }

            ReportBlockingGroup((target as ForwardRouteIr.Http)?.Client, processor.Location, "messageProcessor");
            lowered = lowered with
            {
                Target = target,
                MaxDeliveryAttempts = (int)Math.Clamp(attempts, int.MinValue, int.MaxValue),
                RetryIntervalSeconds = Math.Max(retry, 0) / 1000m,
                DropAfterMaxAttempts = Text("max.delivery.drop") == "Enabled" && attempts > 0,
                NonRetryStatusCodes = codes.ToImmutable(),
                ReplySequence = Sequence("message.processor.reply.sequence"),
                FaultSequence = Sequence("message.processor.fault.sequence"),
                DeactivateSequence = Sequence("message.processor.deactivate.sequence"),
            };
            // cron.expression with throttle.interval makes one cron run forward the whole store, pausing between messages.
            if (Text("cron.expression") is { } cron && Text("throttle.interval") is { } pause)
            {
                NotTranslated($"cron.expression '{cron}' with throttle.interval '{pause}'", "the job forwards on its interval without the pause between messages");
            }

            read.Add("cron.expression");

            // ForwardingService.checkAndDeactivateProcessor: after the last attempt, max.delivery.drop drops the message;
            // else a fail store (the configuration's store of that name, looked up when the processor starts) takes the
            // original message and the processor goes on (storeMessageToBackupStoreAndContinue), deactivating only when
            // the store refuses it.
            read.Add("message.processor.failMessagesStore");
            if (Text("message.processor.failMessagesStore") is { Length: > 0 } failStore && !lowered.DropAfterMaxAttempts && attempts > 0)
            {
                if (_messageStores.TryGetValue(failStore, out var failStoreIr))
                {
                    lowered = lowered with { FailStore = failStoreIr };
                }
                else
                {
                    NotTranslated($"message.processor.failMessagesStore '{failStore}'", _storeReasons.TryGetValue(failStore, out var reason)
                        ? $"the {reason.Kind} message store is not translated: the job deactivates after the last attempt instead of moving the message there"
                        : "the input defines no message store of that name (the Micro Integrator then deactivates the processor after the last attempt, as the generated job does)");
                }
            }

            // ScheduledMessageForwardingProcessor.init replaces throttle by interval < 1000 (isThrottling) before
            // ForwardingService reads it: true, one run keeps forwarding while there are messages; false, one per run.
            read.Add("throttle");
            read.Add("throttle.interval");
            ReportThrottleParameter(processor, Text("throttle"), interval);
            lowered = lowered with { Throttle = interval < 1000 };
        }

        // Settings of the Micro Integrator's cluster and store connection, which a job in one process does not have.
        string[] runtimeOnly = ["member.count", "store.connection.retry.interval", "max.store.connection.attempts", "pinnedServers"];
        var known = ProcessorParameters(kind.Value);
        foreach (var parameter in parameters.Values.Where(p => !read.Contains(p.Name)))
        {
            if (runtimeOnly.Contains(parameter.Name, StringComparer.Ordinal))
            {
                continue;
            }

            if (!known.Contains(parameter.Name))
            {
                // The processor's services read their parameters by name from the map MessageProcessorFactory fills, so a
                // name none of them reads changes nothing in the Micro Integrator either.
                var nearest = known.Select(k => (Name: k, Distance: EditDistance(k, parameter.Name))).Where(k => k.Distance <= 2)
                    .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal).Select(k => k.Name).FirstOrDefault();
                _diagnostics.Report(DiagnosticCatalog.SettingWithoutEffect, processor.Location, "messageProcessor", $"parameter '{parameter.Name}'",
                    $"no {ProcessorKindWords(kind.Value)} reads a parameter of that name{(nearest is null ? string.Empty : $" (a misspelling of '{nearest}'?)")}");
                continue;
            }

            NotTranslated($"parameter '{parameter.Name}'", parameter.Name is "axis2.repo" or "axis2.config"
                ? "it names the Axis2 client configuration of the Micro Integrator's blocking sender (ScheduledMessageProcessor.initMessageSender); the job sends with the Ballerina client in connections.bal, whose settings come from the endpoint: carry what that configuration changes (transport senders, TLS) into the client by hand"
                : "the processor does not read it here");
        }

        if (parameters.ContainsKey("pinnedServers"))
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, processor.Location, "messageProcessor", "pinnedServers", "the job runs wherever the package is deployed");
        }

        return lowered with { NotTranslated = notTranslated };
    }

    /// <summary>
    /// The parameters the Micro Integrator reads for a processor of this kind: ScheduledMessageProcessor (interval,
    /// cronExpression, member.count, is.active, non.retry.status.codes; axis2.repo and axis2.config in initMessageSender),
    /// and SamplingService.init, ForwardingService.init or FailoverForwardingService.init (MessageProcessorConstants,
    /// ForwardingProcessorConstants, FailoverForwardingProcessorConstants).
    /// </summary>
    private static FrozenSet<string> ProcessorParameters(ProcessorKind kind)
    {
        string[] scheduled =
        [
            "interval", "cronExpression", "member.count", "is.active", "pinnedServers", "non.retry.status.codes", "axis2.repo", "axis2.config",
            "max.store.connection.attempts", "store.connection.retry.interval",
        ];
        string[] own = kind switch
        {
            ProcessorKind.Sampling => ["sequence", "concurrency"],
            ProcessorKind.Forwarding =>
            [
                "max.delivery.attempts", "client.retry.interval", "message.processor.reply.sequence", "message.processor.fault.sequence",
                "message.processor.deactivate.sequence", "target.endpoint", "message.processor.failMessagesStore", "throttle", "throttle.interval",
                "cron.expression", "max.delivery.drop",
            ],
            ProcessorKind.FailoverForwarding =>
            [
                "max.delivery.attempts", "client.retry.interval", "message.processor.fault.sequence", "message.processor.deactivate.sequence",
                "throttle", "throttle.interval", "cron.expression", "max.delivery.drop", "message.target.store.name",
            ],
            _ => throw new UnreachableException(),
        };
        return scheduled.Concat(own).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The Levenshtein distance of two names (insertions, deletions and substitutions of one character).</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string ProcessorKindWords(ProcessorKind kind) => kind switch
    {
        ProcessorKind.Sampling => "message sampling processor",
        ProcessorKind.Forwarding => "scheduled forwarding processor",
        ProcessorKind.FailoverForwarding => "failover forwarding processor",
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// A forwarding processor's <c>throttle</c> (default true), read as ForwardingService and FailoverForwardingService
    /// read it: <c>Boolean.parseBoolean</c>, so any value other than "true" in any case is false.
    /// </summary>
    private static bool ThrottleParameter(string? value) => value is null || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A forwarding processor's own <c>throttle</c> parameter changes nothing: ScheduledMessageForwardingProcessor.init and
    /// FailoverScheduledMessageForwardingProcessor.init put <c>interval &lt; 1000</c> (ScheduledMessageProcessor.isThrottling)
    /// in its place before the service reads it (SB0242 when the written value differs).
    /// </summary>
    private void ReportThrottleParameter(MessageProcessorSyntax processor, string? written, long interval)
    {
        var applied = interval < 1000;
        if (written is not null && ThrottleParameter(written) != applied)
        {
            _diagnostics.Report(DiagnosticCatalog.SettingWithoutEffect, processor.Location, "messageProcessor", $"parameter 'throttle' '{written}'",
                $"the processor's init replaces it by interval < 1000 (ScheduledMessageProcessor.isThrottling), {(applied ? "true" : "false")} here, so each run {(applied ? "keeps forwarding while the store has messages" : "forwards one message")}");
        }
    }

    /// <summary>
    /// How a forwarding job sends to a named endpoint (ForwardingService.tryToDispatchToEndpoint through the blocking
    /// sender): its HTTP client or group, the stored message's To address for a default endpoint, the JMS sender or the
    /// file write or mail of a JMS, vfs or mailto endpoint the converter translated; null when it has none (<see cref="UnroutableForwardTarget"/>).
    /// </summary>
    private ForwardRouteIr? ForwardRouteOf(string name)
    {
        if (_namedClients.GetValueOrDefault(name) is { } client)
        {
            if (_model.Symbols.Endpoint(name)?.Endpoint.Definition is HttpEndpointSyntax http && client.Group is null)
            {
                // HTTPEndpoint expands its uri-template for each stored message (the blocking sender runs
                // executeEpTypeSpecificFunctions): the job expands it from the stored message's properties.
                var template = ForwardTemplateOf(http, whole: client.UrlTemplate is not null, EndpointUriVariables(_model.Symbols.Endpoint(name)!.Endpoint));
                return client.UrlTemplate is null
                    ? new ForwardRouteIr.Http(client) { Template = template is { Template.Length: 0, Method: null } ? null : template }
                    : template is null ? null : new ForwardRouteIr.Http(client) { Template = template };
            }

            return client.UrlTemplate is null ? new ForwardRouteIr.Http(client) : null;
        }

        return _model.Symbols.Endpoint(name)?.Endpoint.Definition switch
        {
            { } definition when AsDefaultEndpoint(definition) is not null => new ForwardRouteIr.ToAddress(name),
            { } definition when _jmsEndpoints.TryGetValue(definition, out var jms) => new ForwardRouteIr.Jms(jms),
            { } definition when _vfsEndpoints.TryGetValue(definition, out var vfs) => new ForwardRouteIr.Vfs(vfs),
            { } definition when _mailEndpoints.TryGetValue(definition, out var mail) => new ForwardRouteIr.Mail(mail),
            _ => null,
        };
    }

    /// <summary>
    /// The uri-template and method a forwarding job applies to an http endpoint, expanded at run time by the runtime's
    /// <c>expandUriTemplate</c> as HTTPEndpoint.resolveUrlTemplate expands it: the path after the base URL, or the whole
    /// template when it takes the scheme, host or port from the message. Null when the template holds what that expansion
    /// does not do (another operator, a variable list or modifier, a name that is no <c>uri.var.*</c> or
    /// <c>query.param.*</c> property, <c>legacy-encoding:</c>, a credential, a template resolved when the endpoint is
    /// deployed), which the job cannot send to faithfully. The endpoint's own <c>uri.var.*</c> and <c>query.param.*</c>
    /// properties bind their variables as HTTPEndpoint.resolveUrlTemplate binds them, as the send path does (<see
    /// cref="ForwardTemplateIr.Bound"/>).
    /// </summary>
    private static ForwardTemplateIr? ForwardTemplateOf(HttpEndpointSyntax http, bool whole, IReadOnlyDictionary<string, string?> endpointVariables)
    {
        if (http.UriTemplate.StartsWith(LegacyEncoding, StringComparison.Ordinal) || HasCredentials(http.UriTemplate) || DeployTimeValue.Of(http.UriTemplate) is not null)
        {
            return null;
        }

        var template = whole ? http.UriTemplate : SplitUrl(http.UriTemplate).Path;
        var split = Syntax.Expressions.InterpolationLexer.Split(template, Syntax.Expressions.InterpolationMode.UriTemplate);
        var simple = split.Errors.IsEmpty && split.Parts.All(part => part switch
        {
            Syntax.Expressions.TextPart text => !text.Text.Contains('{', StringComparison.Ordinal) && !text.Text.Contains('}', StringComparison.Ordinal),
            Syntax.Expressions.UriVariablePart { Operator: "" or "+", Names: [var name] } =>
                !name.Contains(':', StringComparison.Ordinal) && !name.EndsWith('*') && IsBoundUriTemplateVariable(name),
            _ => false,
        });
        return simple ? new ForwardTemplateIr(template, http.Method, whole) { Bound = [.. endpointVariables.Select(v => new UriBindingIr(v.Key, v.Value))] } : null;
    }

    /// <summary>
    /// A processor that may forward to a JMS endpoint: the job sends every message as an out-only send (SB0274), where the
    /// Micro Integrator's blocking sender waits for a reply to a message without OUT_ONLY.
    /// </summary>
    private void ReportJmsForwardReply(MessageProcessorSyntax processor, IEnumerable<ForwardRouteIr> routes)
    {
        var jms = routes.OfType<ForwardRouteIr.Jms>().Select(r => $"'{r.EndpointName}'").ToList();
        if (jms.Count > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.ForwardJmsWithoutReply, processor.Location, processor.Name, string.Join(", ", jms));
        }
    }

    /// <summary>
    /// Why a forwarding job cannot send to a named endpoint with no route, by kind, with what ForwardingService does with
    /// it (ForwardingService.tryToDispatchToEndpoint, BlockingMsgSender.send): the order groups the report rows.
    /// </summary>
    private (int Order, string Why) UnroutableForwardTarget(string name)
    {
        var definition = _model.Symbols.Endpoint(name)?.Endpoint.Definition;
        var scheme = definition is AddressEndpointSyntax address ? address.Uri.Split(':', 2)[0].Trim().ToLowerInvariant() : null;
        var reason = _endpointReasons.TryGetValue(name, out var known) ? known.Message : "the endpoint has no client";
        if (scheme is "jms" or "vfs" || (scheme?.StartsWith("mailto", StringComparison.Ordinal) ?? false))
        {
            return (0, $"a {scheme} endpoint the converter generates no sender for ({reason}); ForwardingService sends to it with the blocking sender and, "
                + "its address being neither http(s) nor hl7, judges no response: the message counts as delivered once sent, and only a message with "
                + "OUT_ONLY = \"true\" whose send fails is a failed attempt");
        }

        if (_namedClients.GetValueOrDefault(name)?.UrlTemplate is not null)
        {
            return (1, definition is HttpEndpointSyntax { UriTemplate: var deployed } && DeployTimeValue.Of(deployed) is not null
                ? "its uri-template is resolved when the Micro Integrator deploys the endpoint ($SYSTEM:, $FILE:, ${configs.}), so what the forwarding job would expand is not known"
                : "its uri-template takes the host from the message and holds what the forwarding job does not expand (an operator other than {x} and {+x}, a variable that is no uri.var.* or query.param.* property, legacy-encoding)");
        }

        return (2, reason);
    }
}
