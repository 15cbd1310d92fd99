using System.Collections.Immutable;

namespace SynapseToBal.IR;

/// <summary>
/// The one walker over IR trees: the nested step lists of a step, the expressions and conditions it holds,
/// and their operands. Every analysis of the IR (does a flow call a backend, does it read the message, is
/// an expression translated) is a query over these enumerations; a new node kind is added here once.
/// </summary>
public static class IrWalker
{
    /// <summary>The step lists a step nests (branches of if, switch and direction steps).</summary>
    public static IEnumerable<ImmutableArray<StepIr>> Branches(StepIr step) => step switch
    {
        IfStep i => [i.Then, i.Else],
        ValidateStep v => [v.OnFail],
        JsonValidateStep v => [v.OnFail],
        SwitchStep s => s.Cases.Select(c => c.Steps).Append(s.Default),
        DirectionStep d => [d.Request, d.Response],
        LogStep or SetPropertyStep or RemovePropertyStep or SetVariableStep or RemoveVariableStep or StorePropertyStep
            or ReplacePayloadStep or SetHeaderStep or RemoveHeaderStep or ClearHeadersStep or SetFieldStep
            or ClearPayloadStep or PauseStep or MarkResponseStep or SetPayloadStep or CallStep or CallAddressStep or SoapFaultCheckStep or RespondStep or ContinueWithStep or ThroughResourceStep
            or FailStep or AcceptStep or InvokeStep or TodoStep or CommentStep or DeadCodeStep or MakeFaultStep or XsltStep or ForkStep or ForEachStep
            or DefaultFaultLogStep => [],
        EnrichStep or RewriteStep => [],
        EnrichRemoveStep or EnrichRenameKeyStep or EnrichPropertyStep => [],
        StoreMessageStep => [],
        JmsSendStep => [],
        LocalCallStep => [],
        VfsSendStep => [],
        MailSendStep => [],
        XsltByKeyStep => [],
        JsonTransformStep or JsonSchemaTransformStep => [],
        DataMapperStep => [],
        DbStep => [],
        DataServiceQueryStep => [],
        DataServiceDispatchStep dispatch => dispatch.Operations.Select(o => ImmutableArray.Create<StepIr>(o.Query)),
        DataServiceCallStep call => call.Entries.Select(e => ImmutableArray.Create<StepIr>(e.Query)),
        HttpConnectorCallStep => [],
        EmailSendStep => [],
        DbConnectorStep => [],
        KafkaPublishStep => [],
        ComputedPropertyStep => [],
        FileConnectorStep => [],
        FileConnectorV1Step => [],
        LdapConnectorStep => [],
        AmazonSqsStep => [],
        AmazonS3Step => [],
        SalesforceRestStep => [],
        GmailStep => [],
        RedisStep => [],
        CacheLookupStep cache => [cache.OnHit],
        CacheStoreStep => [],
        ThrottleStep throttle => [throttle.OnAccept, throttle.OnReject],
        ThrottleReleaseStep => [],
        TransactionStep transaction => [transaction.Body],
        AddSoapHeaderStep or AddSoapHeaderXmlStep or RemoveSoapHeaderStep => [],
        _ => throw new InvalidOperationException($"Unhandled step {step.GetType().Name}"),
    };

    /// <summary>Every step of the lists, nested ones included, in source order.</summary>
    public static IEnumerable<StepIr> Steps(IEnumerable<StepIr> steps)
    {
        foreach (var step in steps)
        {
            yield return step;
            foreach (var branch in Branches(step))
            {
                foreach (var nested in Steps(branch))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The expressions a step holds directly (not those of nested steps).</summary>
    public static IEnumerable<ExprIr> Expressions(StepIr step) => step switch
    {
        LogStep log => log.Parts.OfType<LogPart.Value>().Select(p => p.Expression),
        SetPropertyStep set => [set.Value],
        ComputedPropertyStep computed => new[] { computed.Name, computed.Value }.OfType<ExprIr>(),
        SetVariableStep set => [set.Value],
        StorePropertyStep store => Expressions(store.Value),
        ReplacePayloadStep replace => Expressions(replace.Value),
        RewriteStep rewrite => rewrite.Rules.SelectMany(r => r.Actions).Select(a => a.Value).OfType<ExprIr>(),
        EnrichStep enrich => Expressions(enrich.Source).Concat(enrich.Target is EnrichTargetIr.XmlPath path ? [path.Navigation] : []),
        EnrichRenameKeyStep rename => Expressions(rename.Source),
        EnrichPropertyStep property => Expressions(property.Source),
        SetHeaderStep header => [header.Value],
        SetFieldStep field => [field.Value],
        SetPayloadStep payload => payload.Template.OfType<TemplatePart.Argument>().Select(a => a.Value),
        CallStep { Path: HttpPathIr.Template template } => template.Parts.OfType<TemplatePart.Argument>().Select(a => a.Value),
        FailStep fail => [fail.Message],
        XsltStep xslt => xslt.Parameters.Select(p => p.Value).Concat(xslt.Source is { } source ? [source] : []),
        ValidateStep validate => validate.Source is { } validated ? [validated] : [],
        JsonValidateStep validate => validate.Source is { } validated ? [validated] : [],
        XsltByKeyStep xslt => xslt.Parameters.Select(p => p.Value).Concat(xslt.Source is { } source ? [source] : []).Prepend(xslt.Key),
        MakeFaultStep fault => new[] { fault.Code, fault.Reason, fault.Node, fault.Role }.OfType<ExprIr>().Concat(fault.Detail is { } detail ? Expressions(detail) : []),
        InvokeStep invoke => invoke.Arguments.Select(a => a.Value),
        ForkStep { Source: ForkSourceIr.Split split } fork => Expressions(split.Items).Concat(RunTimeLimits(fork)),
        ForkStep { Source: ForkSourceIr.Attached attached } fork => Expressions(attached.Items).Concat(Expressions(attached.AttachPath)).Concat(RunTimeLimits(fork)),
        ForkStep { Source: ForkSourceIr.Recipients recipients } fork => new[] { recipients.Urls }.Concat(RunTimeLimits(fork)),
        ForkStep fork => RunTimeLimits(fork),
        ForEachStep { Loop: ForEachLoopIr.Elements elements } => [elements.Items],
        ForEachStep { Loop: ForEachLoopIr.XmlCopies copies } => [copies.Items],
        ForEachStep => [],
        IfStep branch => Expressions(branch.Condition),
        SwitchStep choice => [choice.Source],
        DataServiceQueryStep or DataServiceDispatchStep => [],
        DataServiceCallStep call => call.Entries.SelectMany(e => e.Params).Select(p => p.Value).Concat(call.TargetProperty is { } name ? [name] : []),
        DbStep db => db.Statements.SelectMany(s => s.Parameters).Select(p => p.Value),
        HttpConnectorCallStep http => new[] { http.RelativePath, http.Body }.Concat(http.Headers.SelectMany(h => new[] { h.Name, h.Value })),
        EmailSendStep send => [send.From, send.To, send.Cc, send.Bcc, send.ReplyTo, send.Subject, send.Content],
        DbConnectorStep db => new[] { db.Statement, db.Data }.OfType<ExprIr>().Concat(db.Columns.Select(c => c.Value)).Concat(new[] { db.Limit, db.Offset }.OfType<ExprIr>()),
        KafkaPublishStep publish => publish.Parameters.Select(p => p.Value),
        FileConnectorStep fileStep => new[] { fileStep.Location, fileStep.Pattern, fileStep.Content, fileStep.Encoding, fileStep.Binary, fileStep.ContentType, fileStep.Destination, fileStep.IncludeParentDirectory, fileStep.RecursiveSearch, fileStep.LineNumber }.OfType<ExprIr>(),
        FileConnectorV1Step legacy => legacy.Arguments.Select(a => a.Value),
        LdapConnectorStep ldap => ldap.Arguments.Select(a => a.Value),
        AmazonSqsStep sqs => sqs.Arguments.Select(a => a.Value),
        AmazonS3Step s3 => s3.Arguments.Select(a => a.Value),
        SalesforceRestStep salesforce => salesforce.Arguments.Select(a => a.Value),
        GmailStep gmail => gmail.Arguments.Select(a => a.Value),
        RedisStep redis => redis.Arguments.Select(a => a.Value),
        CallStep or SoapFaultCheckStep or RemovePropertyStep or RemoveVariableStep or RemoveHeaderStep or ClearHeadersStep or ClearPayloadStep or PauseStep
            or MarkResponseStep or CallAddressStep or RespondStep or ContinueWithStep or ThroughResourceStep or AcceptStep or DirectionStep or TodoStep
            or CommentStep or DeadCodeStep or DefaultFaultLogStep => [],
        StoreMessageStep => [],
        JmsSendStep => [],
        LocalCallStep => [],
        VfsSendStep => [],
        MailSendStep => [],
        CacheLookupStep or CacheStoreStep => [],
        ThrottleStep or ThrottleReleaseStep => [],
        TransactionStep => [],
        JsonTransformStep or JsonSchemaTransformStep => [],
        DataMapperStep => [],
        AddSoapHeaderStep soapHeader => [soapHeader.Value],
        AddSoapHeaderXmlStep or RemoveSoapHeaderStep => [],
        EnrichRemoveStep => [],
        _ => throw new InvalidOperationException($"Unhandled step {step.GetType().Name}"),
    };

    /// <summary>The aggregate's messageCount min/max computed at run time, which the parent evaluates after its fork, and the template parameters the parent passes to the branches.</summary>
    private static IEnumerable<ExprIr> RunTimeLimits(ForkStep fork) =>
        new[] { fork.Aggregation?.RunTimeMin, fork.Aggregation?.RunTimeMax }.OfType<ExprIr>().Concat(fork.Arguments);

    private static IEnumerable<ExprIr> Expressions(ValueIr value) => value switch
    {
        ValueIr.XmlNodes x => [x.Navigation],
        ValueIr.String s => [s.Value],
        ValueIr.Payload or ValueIr.Property or ValueIr.Json or ValueIr.ParsedJson or ValueIr.ParsedXml => [],
        ValueIr.Envelope or ValueIr.Entry => [],
        _ => throw new InvalidOperationException($"Unhandled value {value.GetType().Name}"),
    };

    /// <summary>The expressions a condition compares or tests, through and/or/not.</summary>
    public static IEnumerable<ExprIr> Expressions(ConditionIr condition) => condition switch
    {
        NonEmptyIr n => [n.Value],
        CompareIr c => [c.Left, c.Right],
        NodeSetCompareIr c => [c.Nodes, c.Other],
        RegexMatchIr r => [r.Value],
        StringTestIr t => [t.Value, t.Operand],
        AndIr a => Expressions(a.Left).Concat(Expressions(a.Right)),
        OrIr o => Expressions(o.Left).Concat(Expressions(o.Right)),
        NotIr n => Expressions(n.Operand),
        BooleanValueIr b => [b.Value],
        BoolLiteralIr or UntranslatedConditionIr or UrlConditionHoldsIr or AnonymousToIr => [],
        _ => throw new InvalidOperationException($"Unhandled condition {condition.GetType().Name}"),
    };

    /// <summary>The conditions of a condition tree, itself included.</summary>
    public static IEnumerable<ConditionIr> Conditions(ConditionIr condition) => condition switch
    {
        AndIr a => Conditions(a.Left).Concat(Conditions(a.Right)).Prepend(a),
        OrIr o => Conditions(o.Left).Concat(Conditions(o.Right)).Prepend(o),
        NotIr n => Conditions(n.Operand).Prepend(n),
        _ => [condition],
    };

    /// <summary>An expression and all its operands, recursively.</summary>
    public static IEnumerable<ExprIr> Descendants(ExprIr expr)
    {
        yield return expr;
        IEnumerable<ExprIr> operands = expr switch
        {
            ConcatIr c => c.Parts,
            CountIr c => [c.Operand],
            ConvertIr c => [c.Operand],
            PropertyReadIr { Fallback: { } fallback } => [fallback],
            BuiltinCallIr b => b.Arguments,
            ArithmeticIr a => [a.Left, a.Right],
            ConditionalIr c => Expressions(c.Condition).Concat([c.WhenTrue, c.WhenFalse]),
            ConditionValueIr c => Expressions(c.Condition),
            XmlAttributeReadIr a => [a.Elements],
            StringLiteralIr or NumberLiteralIr or BooleanLiteralIr or LocalEntryReadIr or PropertyReadIr or VariableReadIr
                or ParameterReadIr or HeaderReadIr or ContextFieldIr or JsonEvalIr or XmlNavigationIr or XmlRelativeIr or SystemValueIr
                or ConfigurableReadIr or UntranslatedExprIr => [],
            _ => throw new InvalidOperationException($"Unhandled expression {expr.GetType().Name}"),
        };
        foreach (var operand in operands)
        {
            foreach (var nested in Descendants(operand))
            {
                yield return nested;
            }
        }
    }

    /// <summary>
    /// True when a predicate's test reads its context element's parent: some relative node-set in it starts on a
    /// parent or sibling axis (<see cref="XmlStepIr.Axis"/>).
    /// </summary>
    public static bool ReadsParent(ConditionIr test) =>
        Expressions(test).SelectMany(Descendants).Any(e => e is XmlRelativeIr { Steps: [{ Axis: not null }, ..] });

    /// <summary>True when some part of the expression is not translated.</summary>
    public static bool ContainsUntranslated(ExprIr expr) => Descendants(expr).Any(e => e is UntranslatedExprIr
        || (e is ConditionalIr c && Conditions(c.Condition).Any(x => x is UntranslatedConditionIr))
        || (e is ConditionValueIr v && Conditions(v.Condition).Any(x => x is UntranslatedConditionIr)));

    /// <summary>True when some part of the condition is not translated.</summary>
    public static bool ContainsUntranslated(ConditionIr condition) =>
        Conditions(condition).Any(c => c is UntranslatedConditionIr) || Expressions(condition).Any(ContainsUntranslated);
}
