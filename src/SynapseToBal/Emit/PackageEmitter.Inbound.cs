using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// inbound.bal: the message-broker listeners (Kafka, RabbitMQ, MQTT) and the file polling jobs of inbound endpoints.
public sealed partial class PackageEmitter
{
    /// <summary>
    /// The view model of a broker listener: the listener declaration and the service's annotation (lines), the
    /// service type, the remote function's signature and its body lines (indented relative to the function body).
    /// </summary>
    private object? BrokerInbound(InboundIr inbound, NameMap names, ModuleUsage modules)
    {
        static string Literal(string text) => BallerinaSyntax.StringLiteral(text);
        static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        var listener = names[inbound.Listener];
        var who = $"Inbound endpoint '{inbound.SynapseName}'";
        switch (inbound.Transport)
        {
            case InboundTransportIr.Kafka kafka:
            {
                modules.Use("kafka");
                var arguments = new List<string>
                {
                    names[kafka.BootstrapServers],
                    $"groupId = {names[kafka.GroupId]}",
                    $"topics = [{(kafka.TopicSetting is { } topicSetting ? names[topicSetting] : Literal(kafka.Topic))}]",
                };
                if (kafka.PollingIntervalSeconds is { } interval)
                {
                    arguments.Add($"pollingInterval = {Number(interval)}");
                }

                arguments.Add($"pollingTimeout = {Number(kafka.PollingTimeoutSeconds)}");
                if (kafka.ClientProperties.Length > 0)
                {
                    arguments.Add("additionalProperties = {" + string.Join(", ", kafka.ClientProperties.Select(p => $"{Literal(p.Name)}: {Literal(p.Value)}")) + "}");
                }

                var prefix = kafka.HeaderPrefix.Length > 0 ? Literal(kafka.HeaderPrefix) + " + " : string.Empty;
                var body = new List<string>
                {
                    "foreach kafka:BytesConsumerRecord kafkaRecord in records {",
                    $"    Context ctx = newInboundContext(kafkaRecord.value, {Literal(kafka.ContentType)});",
                    "    // The record's topic, partition, offset, timestamp, value, key and headers become properties, as",
                    "    // KafkaMessageConsumer.populateMessageContext sets them (a key as its text, as the StringDeserializer",
                    "    // gives it; a record without a key sets none).",
                    "    ctx.properties[\"topic\"] = kafkaRecord.offset.partition.topic;",
                    "    ctx.properties[\"partitionNo\"] = kafkaRecord.offset.partition.partition;",
                    "    ctx.properties[\"offset\"] = kafkaRecord.offset.offset;",
                    "    ctx.properties[\"timestamp\"] = kafkaRecord.timestamp;",
                    "    string|error valueText = string:fromBytes(kafkaRecord.value);",
                    "    ctx.properties[\"messageValue\"] = valueText is string ? valueText : kafkaRecord.value;",
                    "    byte[]? recordKey = kafkaRecord?.key;",
                    "    if recordKey is byte[] {",
                    "        string|error keyText = string:fromBytes(recordKey);",
                    "        ctx.properties[\"key\"] = keyText is string ? keyText : recordKey;",
                    "    }",
                    "    foreach [string, byte[]|byte[][]] [headerName, headerValue] in kafkaRecord.headers.entries() {",
                    // Tested for the repeated form: `is byte[]` would not narrow the false arm (lists are mutable,
                    // and type narrowing's read-only difference keeps byte[]|byte[][] whole there).
                    "        byte[] headerBytes = headerValue is byte[][]",
                    "            ? (headerValue.length() > 0 ? headerValue[headerValue.length() - 1] : [])",
                    "            : <byte[]>headerValue;",
                    "        string|error headerText = string:fromBytes(headerBytes);",
                    "        if headerText is string {",
                    $"            ctx.properties[{prefix}headerName] = headerText;",
                    "        }",
                    "    }",
                };
                // A failed record does not stop the batch: the Micro Integrator goes on with the next record.
                body.AddRange(RunLines(kafka.Target, names, modules, $"{who}: a record failed", logFailure: true).Select(l => "    " + l));
                body.Add("}");
                return new
                {
                    Declaration = Declaration($"listener kafka:Listener {listener} = check new (", arguments),
                    Annotation = new List<string>(),
                    ServiceType = "kafka:Service",
                    Signature = "onConsumerRecord(kafka:BytesConsumerRecord[] records)",
                    Returns = " returns error?",
                    Body = body,
                    Extra = new List<string>(),
                };
            }

            case InboundTransportIr.RabbitMq rabbit:
            {
                modules.Use("rabbitmq");
                var arguments = new List<string> { names[rabbit.Host], names[rabbit.Port] };
                if (rabbit.PrefetchCount is { } prefetch)
                {
                    arguments.Add($"qosSettings = {{prefetchCount: {prefetch.ToString(CultureInfo.InvariantCulture)}}}");
                }

                if (rabbit.Username is { } user)
                {
                    arguments.Add($"username = {names[user]}");
                }

                if (rabbit.Password is { } password)
                {
                    arguments.Add($"password = {names[password]}");
                }

                if (rabbit.VirtualHost is { } vhost)
                {
                    arguments.Add($"virtualHost = {names[vhost]}");
                }

                var annotation = new List<string> { "@rabbitmq:ServiceConfig {", $"    queueName: {(rabbit.QueueSetting is { } queueSetting ? names[queueSetting] : Literal(rabbit.Queue))}" };
                var settings = new[] { ("durable", rabbit.Durable), ("exclusive", rabbit.Exclusive), ("autoDelete", rabbit.AutoDelete) }
                    .Where(s => s.Item2 is not null).Select(s => $"{s.Item1}: {(s.Item2 == true ? "true" : "false")}").ToList();
                if (settings.Count > 0)
                {
                    annotation[^1] += ",";
                    annotation.Add("    config: {" + string.Join(", ", settings) + "}");
                }

                if (rabbit.ManualAck)
                {
                    annotation[^1] += ",";
                    annotation.Add("    autoAck: false");
                }

                annotation.Add("}");
                var body = new List<string>();
                if (inbound.Origin is Syntax.ProxySyntax)
                {
                    // RabbitMQUtils.setContentType: the proxy's rabbitmq.message.content.type, else the message's, else text/plain.
                    if (rabbit.ContentType is { } configured)
                    {
                        body.Add("// Every message is read as rabbitmq.message.content.type says, whatever its own content type.");
                        body.Add($"Context ctx = newInboundContext(message.content, {Literal(configured)});");
                    }
                    else
                    {
                        body.Add("// The message's content type, else text/plain (RabbitMQUtils.setContentType).");
                        body.Add("string? contentType = message?.properties?.contentType;");
                        body.Add("Context ctx = newInboundContext(message.content, contentType is string && contentType != \"\" ? contentType : \"text/plain\");");
                    }
                }
                else
                {
                    body.Add(rabbit.ContentType is null
                        ? "// The message's content type, else SOAP (the Micro Integrator's builder fallback)."
                        : "// The message's content type, else rabbitmq.message.content.type.");
                    body.Add("string? contentType = message?.properties?.contentType;");
                    body.Add($"Context ctx = newInboundContext(message.content, contentType is string ? contentType : {Literal(rabbit.ContentType ?? "text/xml")});");
                }

                if (InboundPropertiesCall(inbound, names) is { } rabbitProperties)
                {
                    body.AddRange(rabbitProperties);
                }

                // RabbitMQUtils.getTransportHeaders: the correlation id, reply-to queue and AMQP headers become transport headers.
                body.Add("setRabbitMqHeaders(ctx, message?.properties);");
                if (inbound.Origin is Syntax.ProxySyntax)
                {
                    // The proxy's transport gives the message its SOAP_ACTION header as the action (RabbitMQUtils.getSoapAction).
                    body.Add($"ctx.action = rabbitMqSoapAction(message?.properties, {Literal(rabbit.Target.OperationAction ?? string.Empty)});");
                }
                if (rabbit.Target.OutFlow is { } rabbitOutFlow)
                {
                    body.Add($"ctx.outFlow = {names[rabbitOutFlow]};");
                }

                body.AddRange(OperationLines(inbound, rabbit.Target.FixedOperation, rabbit.Target.Dispatch, names, modules,
                    [
                        "The operation of the published WSDL Axis2 dispatches the message to, once the transport has built it:",
                        "by its SOAP_ACTION header or WS-Addressing action, else by the path of its wsa:To, else by its body's",
                        "first element.",
                    ],
                    new OperationRefusal.Logged(
                        ["The Micro Integrator cannot build the message: it logs the failure; the message stays acknowledged."],
                        "the message cannot be read as a message",
                        [
                            "The Micro Integrator refuses a message naming none: the flow does not run, the message stays acknowledged",
                            "and no fault is published (for a request with a reply-to queue and a rabbitmq.connection.factory header",
                            "RabbitMQSender fails on the fault, which carries no transport headers, and logs the failure).",
                        ])));

                var failure = inbound.Origin is Syntax.ProxySyntax ? $"Proxy service '{inbound.SynapseName}': the fault sequence failed" : $"{who}: the onError sequence failed";
                // With rabbitmq.queue.auto.ack false the Micro Integrator settles the message once the sequence returned,
                // whether it failed or not (a failure is logged): RabbitMQInjectHandler.onMessage, RabbitMQConsumer.handleDelivery.
                if (rabbit.ManualAck && rabbit.Target.FaultFunction is null)
                {
                    failure = $"{who}: the sequence failed";
                }

                body.AddRange(RunLines(rabbit.Target, names, modules, failure, logFailure: rabbit.ManualAck));
                if (rabbit.ManualAck)
                {
                    body.Add(rabbit.RequeueDelaySeconds > 0
                        ? $"check settleRabbitMq(ctx, caller, requeueDelay = {Number(rabbit.RequeueDelaySeconds)});"
                        : "check settleRabbitMq(ctx, caller);");
                }

                return new
                {
                    Declaration = Declaration($"listener rabbitmq:Listener {listener} = check new (", arguments),
                    Annotation = annotation,
                    ServiceType = "rabbitmq:Service",
                    Signature = rabbit.ManualAck ? "onMessage(rabbitmq:BytesMessage message, rabbitmq:Caller caller)" : "onMessage(rabbitmq:BytesMessage message)",
                    Returns = " returns error?",
                    Body = body,
                    Extra = new List<string>(),
                };
            }

            case InboundTransportIr.Mqtt mqtt:
            {
                modules.Use("mqtt");
                string clientId;
                if (mqtt.ClientId is { } id)
                {
                    clientId = names[id];
                }
                else
                {
                    // Without mqtt.client.id the Micro Integrator generates a client id.
                    modules.Use("uuid");
                    clientId = "uuid:createType4AsString()";
                }

                var arguments = new List<string>
                {
                    names[mqtt.ServerUri],
                    clientId,
                    $"{{topic: {(mqtt.TopicSetting is { } topicSetting ? names[topicSetting] : Literal(mqtt.Topic))}, qos: {mqtt.Qos.ToString(CultureInfo.InvariantCulture)}}}",
                };
                var connection = new List<string>();
                if (mqtt.Username is { } user)
                {
                    connection.Add($"username: {names[user]}");
                }

                if (mqtt.Password is { } password)
                {
                    connection.Add($"password: {names[password]}");
                }

                if (mqtt.CleanSession is { } clean)
                {
                    connection.Add($"cleanStart: {(clean ? "true" : "false")}");
                }

                if (connection.Count > 0)
                {
                    arguments.Add("connectionConfig = {" + string.Join(", ", connection) + "}");
                }

                var body = new List<string>
                {
                    mqtt.ContentType is null
                        ? "// Without content.type the Micro Integrator reads the message as SOAP."
                        : "// Every message is read as content.type says.",
                    $"Context ctx = newInboundContext(message.payload, {Literal(mqtt.ContentType ?? "text/xml")});",
                };
                if (InboundPropertiesCall(inbound, names) is { } mqttProperties)
                {
                    body.AddRange(mqttProperties);
                }

                body.AddRange(RunLines(mqtt.Target, names, modules, $"{who}: the onError sequence failed", logFailure: false));
                return new
                {
                    Declaration = Declaration($"listener mqtt:Listener {listener} = check new (", arguments),
                    Annotation = new List<string>(),
                    ServiceType = "mqtt:Service",
                    Signature = "onMessage(mqtt:Message message)",
                    Returns = " returns error?",
                    Body = body,
                    Extra = new List<string>(),
                };
            }

            case InboundTransportIr.Mail mail:
            {
                modules.Use("email");
                modules.Use("log");
                var type = mail.Imap ? "email:ImapListener" : "email:PopListener";
                var settings = new List<string>
                {
                    $"host: {names[mail.Host]}",
                    $"username: {names[mail.Username]}",
                    $"password: {names[mail.Password]}",
                    $"pollingInterval: {Number(mail.PollingIntervalSeconds)}",
                    $"port: {names[mail.Port]}",
                    $"security: email:{mail.Security}",
                };
                var declaration = new List<string> { $"listener {type} {listener} = check new ({{" };
                declaration.AddRange(settings.Select((a, i) => "    " + a + (i < settings.Count - 1 ? "," : string.Empty)));
                declaration.Add("});");
                var proxyName = $"Proxy service '{inbound.SynapseName}'";
                var body = new List<string>();
                if (mail.ContentType is { } configured)
                {
                    body.Add("// The mail's body is read as transport.mail.ContentType says (MailTransportListener.processMail).");
                    body.Add($"Context ctx = newInboundContext((message?.body ?: \"\").toString(), {Literal(configured)});");
                }
                else
                {
                    body.Add("// The mail's body is read as the mail's content type says (MailTransportListener.processMail); the");
                    body.Add("// email module hands over the text part of a multipart mail, read as text/plain.");
                    body.Add("string? mailType = message?.contentType;");
                    body.Add("Context ctx = newInboundContext((message?.body ?: \"\").toString(),");
                    body.Add("    mailType is string && mailType != \"\" && !mailType.toLowerAscii().startsWith(\"multipart/\") ? mailType : \"text/plain\");");
                }

                body.Add("// The mail's headers become transport headers (From, To, Subject, ...), as MailTransportListener sets them.");
                body.Add("map<string>? mailHeaders = message?.headers;");
                body.Add("if mailHeaders is map<string> {");
                body.Add("    foreach [string, string] [headerName, headerValue] in mailHeaders.entries() {");
                body.Add("        ctx.headers[headerName.toLowerAscii()] = headerValue;");
                body.Add("    }");
                body.Add("}");
                body.Add("// The SOAPAction header, else a subject starting with SOAPAction gives the action");
                body.Add("// (MailTransportListener.processMail).");
                body.Add($"ctx.action = mailSoapAction(ctx, message?.subject, {Literal(mail.Target.OperationAction ?? string.Empty)});");
                if (mail.Target.OutFlow is { } mailOutFlow)
                {
                    body.Add($"ctx.outFlow = {names[mailOutFlow]};");
                }

                body.AddRange(OperationLines(inbound, mail.Target.FixedOperation, mail.Target.Dispatch, names, modules,
                    [
                        "The operation of the published WSDL Axis2 dispatches the message to, once the transport has built it:",
                        "by its SOAPAction (header or subject) or WS-Addressing action, else by the path of its wsa:To, else by its",
                        "body's first element.",
                    ],
                    mail.FaultSender is { } faultSender
                        ? new OperationRefusal.Logged(
                            ["The Micro Integrator cannot build the mail's message: processing the mail fails."],
                            "the mail cannot be read as a message",
                            [
                                "The Micro Integrator refuses a mail naming none: the flow does not run, and the fault is mailed back",
                                "to the sender (its Reply-To, else From) through the mailto transport sender (refuseMail).",
                            ])
                        {
                            SendBack = $"refuseMail(ctx, {{{StatementWriter.MailSmtpSettings(faultSender, names)}}}, {Literal(mail.Address)}, {(mail.ReplyAddress is { } replyAddress ? Literal(replyAddress) : "()")})",
                        }
                        : new OperationRefusal.Logged(
                            ["The Micro Integrator cannot build the mail's message: processing the mail fails."],
                            "the mail cannot be read as a message",
                            [])));

                // The email module's service functions return nothing: a failure is logged.
                body.AddRange(RunLines(mail.Target, names, modules, $"{proxyName}: the flow failed for a mail", logFailure: true));
                return new
                {
                    Declaration = declaration,
                    Annotation = new List<string>(),
                    ServiceType = "email:Service",
                    Signature = "onMessage(email:Message message)",
                    Returns = string.Empty,
                    Body = body,
                    Extra = new List<string>
                    {
                        string.Empty,
                        "remote function onError(email:Error emailError) {",
                        $"    log:printError({Literal($"{proxyName}: the mailbox cannot be read")}, 'error = emailError);",
                        "}",
                    },
                };
            }

            default:
                return null;
        }
    }

    /// <summary>
    /// The lines of a proxy's listener that set the message's operation (<c>ctx.operationName</c>): the one the proxy's
    /// <c>Operation</c> parameter fixes, or the operation of the proxy's WSDL the message names once the transport has
    /// built it (<c>transportOperation</c>), introduced by <paramref name="comment"/>. What a message that cannot be
    /// built, or that names none (without a fallback), comes to is the listener's (<paramref name="refusal"/>). No
    /// lines when the listener does not dispatch.
    /// </summary>
    private static List<string> OperationLines(InboundIr inbound, string? fixedOperation, WsdlDispatchIr? dispatchIr, NameMap names, ModuleUsage modules, string[] comment, OperationRefusal refusal)
    {
        static string Literal(string text) => BallerinaSyntax.StringLiteral(text);
        if (fixedOperation is not null)
        {
            return
            [
                "// The proxy's Operation parameter gives every message this operation (ProtocolEndpoint.createMessageContext):",
                "// Axis2's dispatchers leave it.",
                $"ctx.operationName = {Literal(fixedOperation)};",
            ];
        }

        if (TransportDispatch(dispatchIr, inbound.SynapseName, names) is not { } dispatch)
        {
            return [];
        }

        var call = $"transportOperation(ctx, {dispatch.Table}, {dispatch.Service})";
        // The comments are wrapped for the deepest place these lines go (a file poller's loop, 12 columns; 16 inside an if).
        static IEnumerable<string> Comment(IEnumerable<string> text, string indent) =>
            BallerinaSyntax.WrapComment(string.Join(' ', text), BallerinaSyntax.CommentColumns - 12 - indent.Length - 3).Select(l => indent + "// " + l);
        var lines = Comment(comment, string.Empty).ToList();
        switch (refusal)
        {
            case OperationRefusal.FileFails file:
                modules.Use("log");
                if (dispatch.Fallback is { } fileFallback)
                {
                    lines.Add($"string|error operation = {call} ?: {fileFallback};");
                }
                else
                {
                    lines.AddRange(Comment(["The Micro Integrator refuses a file naming none with a fault it has no reply file to write to (transport.vfs.ReplyFileURI): the file fails, and the after-failure action applies to it."], string.Empty));
                    lines.Add($"string?|error operation = {call};");
                }

                lines.Add("if operation is string {");
                lines.Add("    ctx.operationName = operation;");
                lines.Add("} else {");
                lines.Add($"    log:printError({file.Refused}, 'error = operation is error ? operation : (), fileName = {file.FileName});");
                lines.AddRange(file.AfterFailure.Select(l => "    " + l));
                lines.Add("    continue;");
                lines.Add("}");
                return lines;

            case OperationRefusal.JmsRefused:
                if (dispatch.Fallback is { } jmsFallback)
                {
                    lines.Add($"string operation = (check {call}) ?: {jmsFallback};");
                }
                else
                {
                    lines.Add($"string? operation = check {call};");
                    lines.Add("if operation is () {");
                    lines.AddRange(Comment(["The Micro Integrator refuses a message naming none: the fault goes to its reply destination, the flow does not run."], "    "));
                    lines.Add("    return refuseJmsMessage(ctx);");
                    lines.Add("}");
                }

                lines.Add("ctx.operationName = operation;");
                return lines;

            case OperationRefusal.Logged logged:
            {
                modules.Use("log");
                var who = $"Proxy service '{inbound.SynapseName}'";
                lines.Add(dispatch.Fallback is { } fallback
                    ? $"string|error operation = {call} ?: {fallback};"
                    : $"string?|error operation = {call};");
                lines.Add("if operation is error {");
                lines.AddRange(Comment(logged.Unreadable, "    "));
                lines.Add($"    log:printError({Literal($"{who}: {logged.UnreadableLog}")}, 'error = operation);");
                lines.Add("    return;");
                lines.Add("}");
                if (dispatch.Fallback is null)
                {
                    lines.Add("if operation is () {");
                    lines.AddRange(Comment(logged.Refused, "    "));
                    if (logged.SendBack is { } sendBack)
                    {
                        lines.Add($"    error? refused = {sendBack};");
                        lines.Add("    if refused is error {");
                        lines.Add($"        log:printError({Literal($"{who}: the fault refusing a message that names no operation of the proxy's WSDL cannot be sent back")}, 'error = refused);");
                        lines.Add("    }");
                    }
                    else
                    {
                        lines.Add($"    log:printError({Literal($"{who}: the message names no operation of the proxy's WSDL and is refused")}, reason = operationNotFoundReason(ctx));");
                    }

                    lines.Add("    return;");
                    lines.Add("}");
                }

                lines.Add("ctx.operationName = operation;");
                return lines;
            }

            default:
                throw new InvalidOperationException($"unknown refusal {refusal.GetType().Name}");
        }
    }

    /// <summary>What a proxy's listener does with a message whose operation it cannot find (<see cref="OperationLines"/>).</summary>
    private abstract record OperationRefusal
    {
        /// <summary>
        /// A file (a local or remote folder's): the failure is logged with <paramref name="Refused"/> (a literal) and the
        /// file's name (<paramref name="FileName"/>, an expression), the after-failure action applies to it
        /// (<paramref name="AfterFailure"/>: lines, none to keep it) and the listener goes on with the next file.
        /// </summary>
        public sealed record FileFails(string Refused, string FileName, IReadOnlyList<string> AfterFailure) : OperationRefusal;

        /// <summary>A JMS message: one that cannot be built fails the listener's function; one naming none is refused (<c>refuseJmsMessage</c>).</summary>
        public sealed record JmsRefused : OperationRefusal;

        /// <summary>
        /// A mail or RabbitMQ message: one that cannot be built is logged; one naming no operation is sent back the fault
        /// refusing it by <see cref="SendBack"/> (a call returning <c>error?</c>, its failure logged), else logged. The
        /// listener returns either way.
        /// </summary>
        public sealed record Logged(string[] Unreadable, string UnreadableLog, string[] Refused) : OperationRefusal
        {
            /// <summary>The call sending the fault back; null: the refusal is only logged.</summary>
            public string? SendBack { get; init; }
        }
    }

    /// <summary>A declaration whose arguments go one per line: <c>head</c>, the arguments, <c>);</c>.</summary>
    private static List<string> Declaration(string head, IReadOnlyList<string> arguments)
    {
        var lines = new List<string> { head };
        lines.AddRange(arguments.Select((a, i) => "    " + a + (i < arguments.Count - 1 ? "," : string.Empty)));
        lines.Add(");");
        return lines;
    }

    /// <summary>
    /// Runs the sequence with <c>ctx</c> and, when it fails, the fault function. What fails in the end is logged
    /// (<paramref name="logFailure"/>: the caller goes on with the next message) or returned to the listener; a fault
    /// function that cannot fail (<see cref="InfallibleFunctions"/>) is only called, and a sequence that cannot fail is
    /// only run: its fault function never runs.
    /// </summary>
    private List<string> RunLines(InboundTargetIr target, NameMap names, ModuleUsage modules, string failure, bool logFailure)
    {
        if (_infallible.Contains(target.Sequence))
        {
            return [$"{(target.SequenceCanAnswer ? "_ = " : string.Empty)}{names[target.Sequence]}(ctx);"];
        }

        if (target.FaultFunction is null && !logFailure)
        {
            // What the sequence fails with is returned to the listener.
            return [$"{CheckedCall(target.Sequence)}{names[target.Sequence]}(ctx);"];
        }

        var lines = new List<string> { $"{ResultType(target.Sequence, modules)} result = {names[target.Sequence]}(ctx);", "if result is error {" };
        if (target.FaultFunction is { } infallible && _infallible.Contains(infallible))
        {
            lines.Add($"    _ = {names[infallible]}(ctx, result);");
        }
        else if (target.FaultFunction is { } fault)
        {
            if (logFailure)
            {
                // What the fault function fails with is logged; its response is no value to keep (issue 14).
                lines.Add("    do {");
                lines.Add($"        {CheckedCall(fault)}{names[fault]}(ctx, result);");
                lines.Add("    } on fail error e {");
                lines.Add($"        log:printError({BallerinaSyntax.StringLiteral(failure)}, 'error = e);");
                lines.Add("    }");
            }
            else
            {
                // What the fault function fails with is returned to the listener: `check`, its response ignored.
                lines.Add($"    {CheckedCall(fault)}{names[fault]}(ctx, result);");
            }
        }
        else
        {
            lines.Add(logFailure ? $"    log:printError({BallerinaSyntax.StringLiteral(failure)}, 'error = result);" : "    return result;");
        }

        if (lines.Any(l => l.Contains("log:printError", StringComparison.Ordinal)))
        {
            modules.Use("log");
        }

        lines.Add("}");
        return lines;
    }

    /// <summary>
    /// How a listener's run calls a flow or fault function whose failure it returns: <c>check</c>, and <c>_ = check</c>
    /// when the function answers with a response as well (a value of a type other than nil cannot stand alone as a statement).
    /// </summary>
    private string CheckedCall(Symbol function) =>
        _returnTypes.TryGetValue(function, out var type) && type == "error?" ? "check " : "_ = check ";

    /// <summary>The view model of a file inbound endpoint's polling job (ballerina/task, ballerina/file, ballerina/io).</summary>
    private object FileInbound(InboundIr inbound, InboundTransportIr.File file, NameMap names, ModuleUsage modules)
    {
        modules.Use("task");
        modules.Use("file");
        modules.Use("io");
        modules.Use("log");
        var proxy = inbound.Origin is Syntax.ProxySyntax;
        var who = proxy ? $"Proxy service '{inbound.SynapseName}'" : $"Inbound endpoint '{inbound.SynapseName}'";
        string Literal(string text) => BallerinaSyntax.StringLiteral(text);
        var interval = file.IntervalSeconds.ToString(CultureInfo.InvariantCulture);
        var postFailed = Literal($"{who}: a file cannot be moved or deleted after processing");

        // A move through the runtime's moveFileToFolder when the folder is created first (transport.vfs.CreateFolder) or
        // the name gets the time (transport.vfs.MoveTimestampFormat), as moveOrDeleteAfterProcessing does; else a rename.
        var moveHelper = file.CreateFolder || !file.MoveTimestamp.IsEmpty;
        var moveError = moveHelper ? "error" : "file:Error";
        var moveOptions = (file.CreateFolder ? ", createFolder = true" : string.Empty)
            + (file.MoveTimestamp.IsEmpty ? string.Empty : $", timestamp = [{string.Join(", ", file.MoveTimestamp.Select(Literal))}]");
        List<string> Move(Symbol? folder, string path, string done) => folder is null
            ? [$"file:Error? {done} = file:remove(entry.absPath);"]
            : moveHelper
                ? [$"error? {done} = moveFileToFolder(entry.absPath, {names[folder]}, fileName{moveOptions});"]
                : [$"string|file:Error {path} = file:joinPath({names[folder]}, fileName);", $"file:Error? {done} = {path} is string ? file:rename(entry.absPath, {path}) : {path};"];

        // The after-failure action: the file is moved to transport.vfs.MoveAfterFailure, else deleted.
        var afterFailure = Move(file.MoveAfterFailure, "failedPath", "failedDone");
        // A file the action fails on is skipped by later polls (a proxy, as VFSTransportListener leaves its lock) or
        // retried (an inbound endpoint's FilePollingConsumer): the poller's failedFiles set.
        afterFailure.AddRange([$"if failedDone is {(file.MoveAfterFailure is null ? "file:Error" : moveError)} {{", $"    log:printError({postFailed}, 'error = failedDone, fileName = fileName);", "    self.failedFiles[entry.absPath] = true;", "}"]);
        return new
        {
            Job = names[file.Job],
            Schedule = names[file.Schedule],
            Folder = names[file.Folder],
            Pattern = file.FileNamePattern is { } pattern ? Literal(pattern) : null,

            // The files the Micro Integrator never reads: lock files (VFSTransportListener), and for an inbound
            // endpoint also the .fail records of failed moves (FilePollingConsumer).
            SkipLocks = proxy ? "fileName.endsWith(\".lock\")" : "fileName.endsWith(\".lock\") || fileName.endsWith(\".fail\")",
            ContentType = file.ContentType is { } contentType ? Literal(contentType) : null,
            MessageType = file.ContentType is { } builtAs ? Literal(builtAs) : "contentType",
            Sequence = names[file.Target.Sequence],
            SequenceInfallible = _infallible.Contains(file.Target.Sequence),
            ResultType = _infallible.Contains(file.Target.Sequence) ? null : ResultType(file.Target.Sequence, modules),
            HandledCall = _infallible.Contains(file.Target.Sequence) || file.Target.FaultFunction is not { } handled || _infallible.Contains(handled) ? null : CheckedCall(handled),
            Discard = file.Target.SequenceCanAnswer,
            FaultFunction = file.Target.FaultFunction is { } fault ? names[fault] : null,
            FaultInfallible = file.Target.FaultFunction is { } handler && _infallible.Contains(handler),
            OutFlow = file.Target.OutFlow is { } outFlow ? names[outFlow] : null,
            Action = file.Target.OperationAction is { } fileAction ? Literal(fileAction) : null,
            Operation = OperationLines(inbound, file.Target.FixedOperation, file.Target.Dispatch, names, modules, FileDispatchComment,
                new OperationRefusal.FileFails(FileRefused(who), "fileName", afterFailure)),
            AfterProcess = Move(file.MoveAfterProcess, "processedPath", "done"),
            AfterProcessError = file.MoveAfterProcess is null ? "file:Error" : moveError,
            Retry = Move(file.MoveAfterProcess, "retryPath", "retried"),
            AfterFailure = afterFailure,

            // A file the inbound endpoint could not move or delete after processing is tried again at each poll
            // (FilePollingConsumer's .fail record); a proxy's stays where it is, never processed again (its .lock stays).
            RetryFailed = !proxy,

            // An inbound endpoint's sequence that fails with no onError to handle it fails the poll cycle: FileInjectHandler
            // rethrows, and FilePollingConsumer applies the after-failure action to the file (a proxy's fault flow handles it).
            FailureAction = !proxy,
            Interval = interval,
            IntervalText = proxy ? $"{interval} s (transport.PollInterval)" : $"{interval} s (interval {(file.IntervalSeconds * 1000).ToString(CultureInfo.InvariantCulture)} ms)",
            ListFailed = Literal($"{who}: the folder cannot be read"),
            ReadFailed = Literal($"{who}: a file cannot be read, or the message builder of its content type refuses it"),
            Failed = Literal(proxy ? $"{who}: the flow failed for a file" : $"{who}: the sequence failed for a file"),
            PostFailed = postFailed,
        };
    }

    /// <summary>The view model of a remote folder's ftp:Listener and its service (ballerina/ftp).</summary>
    private object FtpInbound(InboundIr inbound, InboundTransportIr.Ftp ftp, NameMap names, ModuleUsage modules)
    {
        modules.Use("ftp");
        modules.Use("log");
        var proxy = inbound.Origin is Syntax.ProxySyntax;
        var who = proxy ? $"Proxy service '{inbound.SynapseName}'" : $"Inbound endpoint '{inbound.SynapseName}'";
        string Literal(string text) => BallerinaSyntax.StringLiteral(text);
        string? After(RemoteFileAction action, Symbol? folder, string path) => action switch
        {
            RemoteFileAction.Delete => $"caller->delete({path})",
            RemoteFileAction.Move => $"caller->move({path}, ftpChildPath({names[folder!]}, fileInfo.name))",
            RemoteFileAction.None => null,
            _ => throw new InvalidOperationException($"unknown action {action}"),
        };
        var interval = ftp.IntervalSeconds.ToString(CultureInfo.InvariantCulture);
        var postFailed = Literal($"{who}: a file cannot be moved or deleted after processing");

        // The after-failure action (transport.vfs.ActionAfterFailure): the file is moved or deleted, or kept (no lines).
        List<string> afterFailure = After(ftp.AfterFailure, ftp.MoveAfterFailure, "fileInfo.pathDecoded") is { } failureAction
            ? [$"ftp:Error? failedDone = {failureAction};", "if failedDone is ftp:Error {", $"    log:printError({postFailed}, 'error = failedDone, fileName = fileInfo.name);", "}"]
            : [];
        return new
        {
            Protocol = ftp.Protocol switch
            {
                RemoteFileProtocol.Ftp => "ftp:FTP",
                RemoteFileProtocol.Ftps => "ftp:FTPS",
                RemoteFileProtocol.Sftp => "ftp:SFTP",
                _ => throw new InvalidOperationException($"unknown protocol {ftp.Protocol}"),
            },
            Host = names[ftp.Host],
            Port = names[ftp.Port],
            Username = ftp.Username is { } user ? names[user] : null,
            Password = ftp.Password is { } password ? names[password] : null,
            Folder = names[ftp.Folder],
            UserDirIsRoot = ftp.UserDirIsRoot ? "true" : "false",
            Pattern = ftp.FileNamePattern is { } pattern ? Literal(pattern) : null,
            Interval = interval,
            IntervalText = proxy ? $"{interval} s (transport.PollInterval)" : $"{interval} s (interval {(ftp.IntervalSeconds * 1000).ToString(CultureInfo.InvariantCulture)} ms)",

            // The files the Micro Integrator never reads: lock files (VFSTransportListener), and for an inbound
            // endpoint also the .fail records of failed moves (FilePollingConsumer).
            SkipLocks = proxy ? "fileInfo.name.endsWith(\".lock\")" : "fileInfo.name.endsWith(\".lock\") || fileInfo.name.endsWith(\".fail\")",
            ContentType = ftp.ContentType is { } contentType ? Literal(contentType) : null,
            MessageType = ftp.ContentType is { } builtAs ? Literal(builtAs) : "contentType",
            Sequence = names[ftp.Target.Sequence],
            SequenceInfallible = _infallible.Contains(ftp.Target.Sequence),
            ResultType = _infallible.Contains(ftp.Target.Sequence) ? null : ResultType(ftp.Target.Sequence, modules),
            HandledCall = _infallible.Contains(ftp.Target.Sequence) || ftp.Target.FaultFunction is not { } handled || _infallible.Contains(handled) ? null : CheckedCall(handled),
            Discard = ftp.Target.SequenceCanAnswer,
            FaultFunction = ftp.Target.FaultFunction is { } fault ? names[fault] : null,
            FaultInfallible = ftp.Target.FaultFunction is { } handler && _infallible.Contains(handler),
            OutFlow = ftp.Target.OutFlow is { } outFlow ? names[outFlow] : null,
            Action = ftp.Target.OperationAction is { } ftpAction ? Literal(ftpAction) : null,
            Operation = OperationLines(inbound, ftp.Target.FixedOperation, ftp.Target.Dispatch, names, modules, FileDispatchComment,
                new OperationRefusal.FileFails(FileRefused(who), "fileInfo.name", afterFailure)),
            AfterProcess = After(ftp.AfterProcess, ftp.MoveAfterProcess, "fileInfo.pathDecoded"),
            AfterFailure = afterFailure,

            // As for a local folder: a failed sequence with no onError fails the cycle, the after-failure action applies.
            FailureAction = !proxy,
            ReadFailed = Literal($"{who}: a file cannot be read, or the message builder of its content type refuses it"),
            Failed = Literal(proxy ? $"{who}: the flow failed for a file" : $"{who}: the sequence failed for a file"),
            PostFailed = postFailed,
        };
    }

    /// <summary>How a file listener's message finds its operation of the published WSDL (<see cref="OperationLines"/>).</summary>
    private static readonly string[] FileDispatchComment =
    [
        "The operation of the published WSDL Axis2 dispatches the file's message to, once the transport has built it:",
        "by its WS-Addressing action (the VFS transport gives no SOAP action), else by the path of its wsa:To, else by",
        "its body's first element.",
    ];

    /// <summary>What a file listener logs for a file it cannot dispatch (<see cref="OperationRefusal.FileFails"/>), as a literal.</summary>
    private static string FileRefused(string who) =>
        BallerinaSyntax.StringLiteral($"{who}: the file cannot be read as a message, or names no operation of the proxy's WSDL and the fault refusing it has no reply file to go to");
}
