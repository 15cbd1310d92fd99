using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

/// <summary>Renders IR steps as Ballerina statements (one writer per generated function body).</summary>
internal sealed class StatementWriter
{
    private readonly CodeWriter _out;
    private readonly ExpressionWriter _expr;
    private readonly ModuleUsage _modules;
    private readonly Dictionary<string, int> _locals = new(StringComparer.Ordinal);

    public StatementWriter(CodeWriter output, ExpressionWriter expressions, ModuleUsage modules, IEnumerable<string>? reservedLocals = null)
    {
        _out = output;
        _expr = expressions;
        _modules = modules;
        foreach (var local in reservedLocals ?? [])
        {
            _locals[local] = 1;
        }
    }

    /// <summary>Writes one step on its own (names unknown): for tests of the writer's coverage.</summary>
    internal static IReadOnlyList<string> Write(StepIr step)
    {
        var output = new CodeWriter();
        new StatementWriter(output, new ExpressionWriter(new ModuleUsage(), NameMap.Empty), new ModuleUsage()).Step(step);
        return output.Output;
    }

    public void Block(ImmutableArray<StepIr> steps)
    {
        foreach (var step in steps)
        {
            Step(step);
        }
    }

    private string Local(string name)
    {
        if (_locals.TryGetValue(name, out var count))
        {
            _locals[name] = count + 1;
            return name + (count + 1).ToString(CultureInfo.InvariantCulture);
        }

        _locals[name] = 1;
        return name;
    }

    private void Step(StepIr step)
    {
        switch (step)
        {
            case LogStep log:
                _modules.Use("log");
                _out.Line($"log:{LogFunctionName(log.Function)}({LogMessage(log)});");
                break;
            case SetPropertyStep set:
                _out.Line($"ctx.properties[{BallerinaSyntax.StringLiteral(set.Name)}] = {_expr.Typed(set.Value)};");
                break;
            case StorePropertyStep store:
                _out.Line($"ctx.properties[{BallerinaSyntax.StringLiteral(store.Name)}] = {_expr.Value(store.Value)};");
                break;
            case ReplacePayloadStep replace:
                _out.Line($"check setPayloadValue(ctx, {_expr.Value(replace.Value)});");
                break;
            case SetVariableStep set:
                _out.Line($"ctx.variables[{BallerinaSyntax.StringLiteral(set.Name)}] = {_expr.Typed(set.Value)};");
                break;
            case RemoveVariableStep remove:
                _out.Line($"_ = ctx.variables.removeIfHasKey({BallerinaSyntax.StringLiteral(remove.Name)});");
                break;
            case RemovePropertyStep remove:
                _out.Line($"_ = ctx.properties.removeIfHasKey({BallerinaSyntax.StringLiteral(remove.Name)});");
                break;
            case SetHeaderStep header:
                _out.Line($"ctx.headers[{BallerinaSyntax.StringLiteral(header.Name.ToLowerInvariant())}] = {_expr.String(header.Value)};");
                break;
            case RemoveHeaderStep header:
                _out.Line($"_ = ctx.headers.removeIfHasKey({BallerinaSyntax.StringLiteral(header.Name.ToLowerInvariant())});");
                break;
            case ClearHeadersStep:
                _out.Line("ctx.headers = {};");
                break;
            case SetFieldStep field:
                SetField(field);
                break;
            case ClearPayloadStep:
                _out.Line("ctx.payload = ();");
                break;
            case MarkResponseStep:
                _out.Line("ctx.isResponse = true;");
                break;
            case SetPayloadStep payload:
                SetPayload(payload);
                break;
            case CallStep { Blocking: true } call:
                _out.Line($"check callBlocking({CallArguments(call, blocking: true)});");
                break;
            case XsltStep xslt:
                Xslt(xslt);
                break;
            case DbStep db:
                Database(db);
                break;
            case MakeFaultStep fault:
                _out.Line($"check makeFault({MakeFaultArguments(fault)});");
                break;
            case CallStep call:
                _out.Line($"check callEndpoint({CallArguments(call)});");
                break;
            case RespondStep:
                _out.Line("return respond(ctx);");
                break;
            case FailStep fail:
                _out.Line($"fail error({_expr.String(fail.Message)});");
                break;
            case AcceptStep:
                _out.Line("return accepted();");
                break;
            case ContinueWithStep next:
                _out.Line(next.Function is null ? "return check continueWithResponse(ctx);" : $"return check {_expr.Names[next.Function]}(ctx);");
                break;
            case InvokeStep invoke when invoke.CanStop:
            {
                _modules.Use("http");
                var reply = Local("reply");
                _out.Line($"http:Response? {reply} = check {_expr.Names[invoke.Function]}({Arguments(invoke)});");
                _out.Open($"if {reply} is http:Response {{");
                _out.Line($"return {reply};");
                _out.Close();
                break;
            }

            case InvokeStep invoke:
                _out.Line($"check {_expr.Names[invoke.Function]}({Arguments(invoke)});");
                break;
            case IfStep { Then.Length: 0, Else.Length: > 0 } branch:
                _out.Open($"if !({_expr.Condition(branch.Condition)}) {{");
                Block(branch.Else);
                _out.Close();
                break;
            case IfStep branch:
                _out.Open($"if {_expr.Condition(branch.Condition)} {{");
                Block(branch.Then);
                if (branch.Else.Length > 0)
                {
                    _out.Continue("} else {");
                    Block(branch.Else);
                }

                _out.Close();
                break;
            case SwitchStep choice:
                Switch(choice);
                break;
            case DirectionStep direction:
                Direction(direction);
                break;
            case TodoStep todo:
                _out.Line($"// TODO({todo.Reason.Descriptor.Id}): {BallerinaSyntax.CommentText(todo.Reason.Message)}");
                _out.Lines(BallerinaSyntax.CommentLines(Syntax.SecretNames.MaskXml(OriginalXml(todo.Origin, todo.RawXml))));
                break;
            case DeadCodeStep dead:
                _out.Line($"// Not translated, {BallerinaSyntax.CommentText(dead.Reason)}:");
                _out.Lines(BallerinaSyntax.CommentLines(Syntax.SecretNames.MaskXml(OriginalXml(dead.Origin, dead.Origin!.RawXml))));
                break;
            case CommentStep comment:
                _out.Line("// " + BallerinaSyntax.CommentText(comment.Text));
                break;
            default:
                throw new InvalidOperationException($"Unhandled step {step.GetType().Name}");
        }
    }

    /// <summary>The XML as it stood, its first line indented like the rest, so the comment keeps the shape of the source.</summary>
    internal static string OriginalXml(Syntax.MediatorSyntax? origin, string raw) =>
        origin is null ? raw : new string(' ', origin.Location.LineSpan.Start.Character) + raw;

    private string Arguments(InvokeStep invoke) =>
        string.Join(", ", invoke.Arguments.Select(a => $"{_expr.Names[a.Parameter]} = {_expr.String(a.Value)}").Prepend("ctx"));

    private static string LogFunctionName(LogFunction function) => function switch
    {
        LogFunction.Debug => "printDebug",
        LogFunction.Warn => "printWarn",
        LogFunction.Error => "printError",
        _ => "printInfo",
    };

    private string LogMessage(LogStep log)
    {
        var parts = log.Parts.Select(p => p switch
        {
            LogPart.Text t => (object)new StringLiteralIr(t.Content),
            LogPart.Value v => v.Expression,
            LogPart.Payload => "${check payloadText(ctx)}",
            LogPart.Headers => "${headersText(ctx)}",
            LogPart.MessageId => "${ctx.messageId}",
            _ => throw new InvalidOperationException(),
        });
        return _expr.StringTemplate(parts);
    }

    private void SetField(SetFieldStep field)
    {
        switch (field.Field)
        {
            case ContextField.StatusCode:
                _out.Line($"ctx.statusCode = {_expr.Typed(field.Value)};");
                break;
            case ContextField.ContentType:
                _out.Line($"ctx.contentType = {_expr.String(field.Value)};");
                break;
            case ContextField.Method:
                _out.Line($"ctx.method = {_expr.String(field.Value)};");
                break;
            case ContextField.UrlPostfix:
                _out.Line($"ctx.urlPostfix = {_expr.String(field.Value)};");
                break;
            default:
                throw new InvalidOperationException();
        }
    }

    private void Xslt(XsltStep xslt)
    {
        _modules.Use("xslt");
        var input = xslt.Source is { } source ? _expr.Navigation(source) : "check xmlPayload(ctx)";
        var parameters = xslt.Parameters.Length == 0
            ? string.Empty
            : ", {" + string.Join(", ", xslt.Parameters.Select(p => $"{BallerinaSyntax.StringLiteral(p.Name)}: {_expr.String(p.Value)}")) + "}";
        var transform = $"check xslt:transform({input}, {_expr.Names[xslt.Stylesheet]}{parameters})";
        _out.Line(xslt.TargetProperty is { } property
            ? $"ctx.properties[{BallerinaSyntax.StringLiteral(property)}] = {transform};"
            : $"ctx.payload = replaceBody(ctx, {transform});");
    }

    /// <summary>dblookup/dbreport: each statement a parameterized query (a raw template) run by a runtime helper.</summary>
    private void Database(DbStep db)
    {
        foreach (var statement in db.Statements)
        {
            var query = new StringBuilder("`");
            for (var i = 0; i < statement.SqlSegments.Length; i++)
            {
                query.Append(BallerinaSyntax.TemplateText(statement.SqlSegments[i], keepLineBreaks: true));
                if (i < statement.Parameters.Length)
                {
                    query.Append("${").Append(DbParameter(statement.Parameters[i])).Append('}');
                }
            }

            query.Append('`');
            var client = _expr.Names[db.Client.Name];
            if (db.Lookup)
            {
                var results = string.Join(", ", statement.Results.Select(r => $"{BallerinaSyntax.StringLiteral(r.Property)}: {BallerinaSyntax.StringLiteral(r.Column)}"));
                _out.Verbatim($"check dbLookup(ctx, {client}, {query}, {{{results}}});");
            }
            else
            {
                _out.Verbatim($"check dbReport(ctx, {client}, {query});");
            }
        }
    }

    /// <summary>A parameter's string value bound as its JDBC type, converted as Synapse's setters do.</summary>
    private string DbParameter(DbParameterIr parameter)
    {
        var value = _expr.String(parameter.Value);
        switch (parameter.Type)
        {
            case DbParameterType.String:
                return value;
            case DbParameterType.Decimal:
                return $"check decimal:fromString({value})";
            case DbParameterType.Boolean:
                return $"{ExpressionWriter.Receiver(value)}.equalsIgnoreCaseAscii(\"true\")";
            case DbParameterType.Integer:
                return $"check int:fromString({value})";
            case DbParameterType.Float:
                return $"check float:fromString({value})";
            case DbParameterType.Date:
                return $"sqlDate({value})";
            case DbParameterType.Time:
                return $"sqlTime({value})";
            case DbParameterType.Timestamp:
                return $"sqlTimestamp({value})";
            default:
                throw new InvalidOperationException();
        }
    }

    private string MakeFaultArguments(MakeFaultStep fault)
    {
        var args = new List<string>
        {
            "ctx",
            fault.Kind switch
            {
                FaultKind.Soap11 => "\"soap11\"",
                FaultKind.Soap12 => "\"soap12\"",
                _ => "\"pox\"",
            },
            _expr.String(fault.Code),
            _expr.String(fault.Reason),
        };
        if (fault.Node is { } node)
        {
            args.Add($"node = {_expr.String(node)}");
        }

        if (fault.Role is { } role)
        {
            args.Add($"role = {_expr.String(role)}");
        }

        if (fault.Detail is { } detail)
        {
            args.Add($"detail = {_expr.Value(detail)}");
        }

        return string.Join(", ", args);
    }

    private string CallArguments(CallStep call, bool blocking = false)
    {
        var args = new List<string> { "ctx", _expr.Names[call.Client.Name] };
        switch (call.Path)
        {
            case HttpPathIr.Postfix:
                args.Add("restPostfix(ctx)");
                break;
            case HttpPathIr.None:
                args.Add("\"\"");
                args.Add("\"POST\"");
                break;
            case HttpPathIr.Template template:
                args.Add(TemplateString(template.Parts, part => part.Raw ? _expr.String(part.Value) : $"check pathValue({_expr.String(part.Value)})"));
                if (template.Method is { } method)
                {
                    args.Add(BallerinaSyntax.StringLiteral(method));
                }

                break;
            default:
                throw new InvalidOperationException();
        }

        if (call.Client.Format is { } format)
        {
            args.Add(format switch
            {
                EndpointFormat.Soap11 => "format = \"soap11\"",
                EndpointFormat.Soap12 => "format = \"soap12\"",
                _ => "format = \"pox\"",
            });
        }

        if (blocking && call.SoapAction is { } action)
        {
            args.Add($"soapAction = {BallerinaSyntax.StringLiteral(action)}");
        }

        if (blocking && call.Client.NonErrorStatusCodes.Length > 0)
        {
            args.Add($"nonErrorCodes = [{string.Join(", ", call.Client.NonErrorStatusCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)))}]");
        }

        return string.Join(", ", args);
    }

    /// <summary>A string expression for the parts: a literal when there are no arguments, else a string template.</summary>
    private static string TemplateString(ImmutableArray<TemplatePart> parts, Func<TemplatePart.Argument, string> argument) =>
        parts.All(p => p is TemplatePart.Text)
            ? BallerinaSyntax.StringLiteral(string.Concat(parts.Cast<TemplatePart.Text>().Select(t => t.Content)))
            : Template("string", parts, argument);

    /// <summary>A backtick template of the given kind (<c>string</c> or <c>xml</c>).</summary>
    private static string Template(string kind, ImmutableArray<TemplatePart> parts, Func<TemplatePart.Argument, string> argument)
    {
        var xml = kind == "xml";
        var builder = new StringBuilder(kind).Append(" `");
        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplatePart.Text text:
                    builder.Append(BallerinaSyntax.TemplateText(text.Content, keepLineBreaks: xml));
                    break;
                case TemplatePart.Argument arg:
                    builder.Append("${").Append(argument(arg)).Append('}');
                    break;
            }
        }

        return builder.Append('`').ToString();
    }

    private void SetPayload(SetPayloadStep payload)
    {
        switch (payload.Kind)
        {
            case PayloadKind.Json:
                _out.Line($"setJsonPayload(ctx, {JsonPayload(payload.Template, payload.Json)});");
                break;
            case PayloadKind.Xml:
                _out.Verbatim($"setXmlPayload(ctx, {Template("xml", payload.Template, arg => arg.InAttribute || !arg.Raw ? _expr.String(arg.Value) : $"xmlArg({_expr.String(arg.Value)})")});");
                break;
            case PayloadKind.Text:
                _out.Line($"setTextPayload(ctx, {TemplateString(payload.Template, arg => _expr.String(arg.Value))});");
                break;
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>
    /// A JSON payload: when the template with its arguments is valid JSON, a Ballerina JSON value is written
    /// directly; otherwise the text is built and parsed at run time.
    /// </summary>
    private string JsonPayload(ImmutableArray<TemplatePart> parts, JsonNodeIr? tree)
    {
        if (tree is not null)
        {
            return JsonLiteralWriter.Write(tree, _expr);
        }

        return UseValue($"check value:fromJsonString({TemplateString(parts, arg => $"jsonArg({_expr.String(arg.Value)})")})");
    }

    private string UseValue(string code)
    {
        _modules.Use("value");
        return code;
    }

    private void Switch(SwitchStep choice)
    {
        if (choice.Cases.Length == 0)
        {
            Block(choice.Default);
            return;
        }

        var local = Local("route");
        _out.Line($"string {local} = {_expr.String(choice.Source)};");
        for (var i = 0; i < choice.Cases.Length; i++)
        {
            var pattern = choice.Cases[i].Pattern;
            var test = ExpressionWriter.IsPlainText(pattern)
                ? $"{local} == {BallerinaSyntax.StringLiteral(pattern)}"
                : $"check matches({local}, {BallerinaSyntax.StringLiteral(pattern)})";
            if (i == 0)
            {
                _out.Open($"if {test} {{");
            }
            else
            {
                _out.Continue($"}} else if {test} {{");
            }

            Block(choice.Cases[i].Steps);
        }

        if (choice.Default.Length > 0)
        {
            _out.Continue("} else {");
            Block(choice.Default);
        }

        _out.Close();
    }

    private void Direction(DirectionStep direction)
    {
        if (direction.Request.Length > 0)
        {
            _out.Open("if !ctx.isResponse {");
            Block(direction.Request);
            if (direction.Response.Length > 0)
            {
                _out.Continue("} else {");
                Block(direction.Response);
            }

            _out.Close();
        }
        else if (direction.Response.Length > 0)
        {
            _out.Open("if ctx.isResponse {");
            Block(direction.Response);
            _out.Close();
        }
    }
}
