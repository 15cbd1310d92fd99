using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <datamapper> (issue 10): the mapping's schemas become record types and its .dmc script a mapping function
// whose one-to-one assignments are translated; the rest stays TODO lines (SB0257). Without the resources, a TODO (SB0258).
public sealed partial class Lowerer
{
    private readonly Dictionary<string, DataMappingIr> _dataMappings = new(StringComparer.Ordinal);
    private readonly List<DataMappingIr> _dataMappingList = new();

    /// <summary>
    /// DataMapperMediator (carbon-mediation) reads its three registry resources, runs the script over the payload
    /// (XML and CSV: the SOAP body's first element, or the whole envelope when the input schema's root is
    /// <c>soapenv:Envelope</c>; JSON: the JSON payload), and makes the result the body: JSON as the new JSON payload,
    /// XML in place of the body's first element (an Envelope result replaces the envelope); the message type (and
    /// the axis2 ContentType) becomes application/json or application/xml, the transport headers are left alone.
    /// </summary>
    private StepIr LowerDataMapper(DataMapperMediator mapper)
    {
        if (DataMapping(mapper, out var why) is { } mapping)
        {
            return new DataMapperStep(mapper, mapping);
        }

        var summary = DataMapperSummary(mapper);
        return Todo(mapper, DiagnosticCatalog.DataMapperNotTranslated, $"<datamapper> {summary}; not translated: {why}", $"{summary}; {why}");
    }

    private static string DataMapperSummary(DataMapperMediator mapper) =>
        "runs the data mapping"
        + (mapper.Config is { } config ? $" at key '{config.Text}'" : string.Empty)
        + (mapper.InputSchema is { } input ? $" from the input schema '{input.Text}'" : string.Empty) + (mapper.InputType is { } inputType ? $" ({inputType})" : string.Empty)
        + (mapper.OutputSchema is { } output ? $" to the output schema '{output.Text}'" : string.Empty) + (mapper.OutputType is { } outputType ? $" ({outputType})" : string.Empty)
        + (mapper.XsltStyleSheet is { } xslt ? $", compiled to the stylesheet '{xslt.Text}'" : string.Empty)
        + ResultInto(mapper.Target, mapper.TargetVariable);

    private static string TypeName(string? type) => string.IsNullOrWhiteSpace(type) ? "(not set)" : $"'{type}'";

    private static DataFormat? Format(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "JSON" => DataFormat.Json,
        "XML" => DataFormat.Xml,
        _ => null,
    };

    private DataMappingIr? DataMapping(DataMapperMediator mapper, out string why)
    {
        why = string.Empty;
        var keys = new (string Role, KeySyntax? Key)[] { ("mapping configuration", mapper.Config), ("input schema", mapper.InputSchema), ("output schema", mapper.OutputSchema) };
        if (keys.FirstOrDefault(k => k.Key is null) is { Role: { } absent })
        {
            why = $"it names no {absent}";
            return null;
        }

        if (keys.FirstOrDefault(k => k.Key!.IsDynamic) is { Role: { } dynamic, Key: { } dynamicKey })
        {
            why = $"the {dynamic} key '{dynamicKey.Text}' is computed at run time";
            return null;
        }

        if (mapper.Target is { } target && !target.Equals("body", StringComparison.OrdinalIgnoreCase) || mapper.TargetVariable is not null)
        {
            why = "it stores the result in " + (mapper.TargetVariable is { } variable ? $"the variable '{variable}'" : $"'{mapper.Target}'") + ", not the body";
            return null;
        }

        var texts = keys.Select(k => (k.Role, Key: k.Key!.Text, Text: _model.RegistryText(k.Key!.Text))).ToList();
        if (texts.Where(t => t.Text is null).ToList() is { Count: > 0 } missing)
        {
            // A resource an MI 4.4 data mapper's TypeScript source stands for says why it could not be made from it.
            var unreadable = missing.Where(m => _model.RegistryUnreadable(m.Key) is not null).ToList();
            var notHeld = missing.Except(unreadable).ToList();
            why = string.Join("; ", new[]
            {
                notHeld.Count > 0 ? "the input does not hold " + string.Join(", ", notHeld.Select(m => $"the {m.Role} '{m.Key}'")) : null,
                unreadable.Count > 0 ? string.Join("; ", unreadable.Select(m => $"the {m.Role} '{m.Key}' cannot be made: {_model.RegistryUnreadable(m.Key)}")) : null,
            }.Where(p => p is not null));
            return null;
        }

        // Without the inputType / outputType attribute DataMapperMediator (carbon-mediation, initializeInputOutputType)
        // takes the schema's root member inputType / outputType (the MI 4.4 tooling writes it there from the comment
        // before the TypeScript interface), and fails when neither names one.
        var inputType = mapper.InputType ?? DataMapperSchema.RootText(texts[1].Text!, "inputType");
        var outputType = mapper.OutputType ?? DataMapperSchema.RootText(texts[2].Text!, "outputType");
        if (Format(inputType) is not { } inputFormat || Format(outputType) is not { } outputFormat)
        {
            why = $"the input type {TypeName(inputType)} and output type {TypeName(outputType)} are not both JSON or XML (CSV is not translated)";
            return null;
        }

        var cacheKey = string.Join('\n', texts.Select(t => t.Key).Append(inputFormat.ToString()).Append(outputFormat.ToString()));
        if (_dataMappings.TryGetValue(cacheKey, out var known))
        {
            return known;
        }

        if (DataMapperScript.Parse(texts[0].Text!, out var scriptError) is not { } script)
        {
            why = $"the mapping configuration '{texts[0].Key}' cannot be read: {scriptError}";
            return null;
        }

        if (DataMapperSchema.Parse(texts[1].Text!, out var inputError) is not { } inputSchema)
        {
            why = $"the input schema '{texts[1].Key}' cannot be read: {inputError}";
            return null;
        }

        if (DataMapperSchema.Parse(texts[2].Text!, out var outputError) is not { } outputSchema)
        {
            why = $"the output schema '{texts[2].Key}' cannot be read: {outputError}";
            return null;
        }

        if (inputFormat == DataFormat.Xml && inputSchema.Name == "soapenv:Envelope")
        {
            why = "the input schema's root is the SOAP envelope (the mapping reads the whole envelope)";
            return null;
        }

        var builder = new DataMappingBuilder(this, texts[0].Key, inputFormat, outputFormat);
        if (builder.Records(inputSchema, "input", out why) is not { } input || builder.Records(outputSchema, "output", out why) is not { } output)
        {
            return null;
        }

        var (body, statements) = builder.Body(script, inputSchema, outputSchema, mapper);
        var function = _symbols.Module(SymbolKind.Function, $"map {DataMapperSchema.Split(inputSchema.Name).Local} to {DataMapperSchema.Split(outputSchema.Name).Local}");
        var mapping = new DataMappingIr(function, texts[0].Key, texts[1].Key, texts[2].Key, inputFormat, outputFormat, input, output, builder.AllRecords.ToImmutableArray(), body, statements);
        _dataMappings[cacheKey] = mapping;
        _dataMappingList.Add(mapping);
        return mapping;
    }

    /// <summary>Builds the record types of a mapping's two schemas and its function body.</summary>
    private sealed partial class DataMappingBuilder(Lowerer lowerer, string configKey, DataFormat inputFormat, DataFormat outputFormat)
    {
        public List<MappedRecordIr> AllRecords { get; } = new();

        /// <summary>The schema whose records <see cref="Records"/> builds: "input" or "output".</summary>
        private string _role = "input";

        /// <summary>The script statement of each output field read from the input, by its path of field names.</summary>
        private readonly Dictionary<string, string> _assignments = new(StringComparer.Ordinal);

        /// <summary>The records of each schema node, by node, with the fields keyed by the script's member names.</summary>
        private readonly Dictionary<DataMapperSchema, (MappedRecordIr Record, Dictionary<string, (DataMapperSchema Node, MappedFieldIr Field)> Members)> _records = new(ReferenceEqualityComparer.Instance);

        /// <summary>The root record of a schema (and every record it nests); null with a reason when a member has no field form.</summary>
        public Symbol? Records(DataMapperSchema root, string role, out string why)
        {
            why = string.Empty;
            if (root.Type != "object" || root.Properties.IsEmpty && root.Attributes.IsEmpty)
            {
                why = $"the {role} schema's root '{root.Name}' is not an object with members";
                return null;
            }

            var format = role == "input" ? inputFormat : outputFormat;
            _role = role;
            var local = DataMapperSchema.Split(root.Name).Local;
            var symbol = lowerer._symbols.Module(SymbolKind.Type, local, fallbackHint: local + " " + role);
            return Record(root, symbol, root.Namespaces, format, isRoot: true, out why) ? symbol : null;
        }

        private bool Record(DataMapperSchema node, Symbol symbol, ImmutableDictionary<string, string> namespaces, DataFormat format, bool isRoot, out string why)
        {
            why = string.Empty;
            var fields = ImmutableArray.CreateBuilder<MappedFieldIr>();
            var members = new Dictionary<string, (DataMapperSchema, MappedFieldIr)>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var index = AllRecords.Count;
            AllRecords.Add(null!);

            bool Add(DataMapperSchema member, bool attribute, bool text, string scriptName, out string reason)
            {
                reason = string.Empty;
                MappedNamespaceIr? ns = null;
                var name = member.Name;
                if (text)
                {
                    name = "#content";
                }
                else if (format == DataFormat.Xml)
                {
                    var (prefix, localName) = DataMapperSchema.Split(member.Name);
                    if (prefix is not null)
                    {
                        if (!namespaces.TryGetValue(prefix, out var uri))
                        {
                            reason = $"the prefix of '{member.Name}' is not among the schema's namespaces";
                            return false;
                        }

                        ns = new MappedNamespaceIr(prefix, uri);
                    }

                    name = localName;
                }

                if (name.Length == 0 || name == "_" || name.Any(char.IsSurrogate) || !names.Add(name))
                {
                    reason = $"the member '{member.Name}' has no field name of its own in a Ballerina record";
                    return false;
                }

                if (Type(member, namespaces, format, out reason) is not { } type)
                {
                    return false;
                }

                var field = new MappedFieldIr(name, type, Optional: !member.Required && !text, attribute, text, ns);
                fields.Add(field);
                members[scriptName] = (member, field);
                return true;
            }

            foreach (var attribute in node.Attributes)
            {
                if (format != DataFormat.Xml)
                {
                    continue;
                }

                if (!Add(attribute with { Type = attribute.Type == "object" ? "string" : attribute.Type }, attribute: true, text: false, "attr_" + DataMapperSchema.ScriptName(attribute.Name), out why))
                {
                    return false;
                }
            }

            if (node.Value is { } value && format == DataFormat.Xml && !Add(value with { Name = "#content" }, attribute: false, text: true, "_ELEMVAL", out why))
            {
                return false;
            }

            foreach (var property in node.Properties)
            {
                if (!Add(property, attribute: false, text: false, DataMapperSchema.ScriptName(property.Name), out why))
                {
                    return false;
                }
            }

            var (rootPrefix, rootLocal) = DataMapperSchema.Split(node.Name);
            MappedNamespaceIr? recordNamespace = null;
            if (isRoot && format == DataFormat.Xml && rootPrefix is not null)
            {
                if (!namespaces.TryGetValue(rootPrefix, out var uri))
                {
                    why = $"the prefix of the root '{node.Name}' is not among the schema's namespaces";
                    return false;
                }

                recordNamespace = new MappedNamespaceIr(rootPrefix, uri);
            }

            var record = new MappedRecordIr(symbol, node.Name, fields.ToImmutable(), recordNamespace, isRoot && format == DataFormat.Xml ? rootLocal : null);
            AllRecords[index] = record;
            _records[node] = (record, members);
            return true;
        }

        private MappedTypeIr? Type(DataMapperSchema member, ImmutableDictionary<string, string> namespaces, DataFormat format, out string why)
        {
            why = string.Empty;
            switch (member.Type)
            {
                case "string":
                    return new MappedTypeIr.Primitive("string");
                case "integer":
                    return new MappedTypeIr.Primitive("int");
                case "number":
                    return new MappedTypeIr.Primitive("decimal");
                case "boolean":
                    return new MappedTypeIr.Primitive("boolean");
                case "array":
                    if (member.Items is not { } items)
                    {
                        return new MappedTypeIr.ArrayOf(new MappedTypeIr.Primitive("json"));
                    }

                    return Type(items, namespaces, format, out why) is { } item ? new MappedTypeIr.ArrayOf(item) : null;
                case "object" when !member.Properties.IsEmpty || format == DataFormat.Xml && (!member.Attributes.IsEmpty || member.Value is not null):
                    var local = DataMapperSchema.Split(member.Name).Local;
                    // A name the other schema (or another package symbol) took is suffixed with the role: DataOutput.
                    var symbol = lowerer._symbols.Module(SymbolKind.Type, local, fallbackHint: local + " " + _role);
                    return Record(member, symbol, namespaces, format, isRoot: false, out why) ? new MappedTypeIr.Record(symbol) : null;
                default:
                    return new MappedTypeIr.Primitive("json");
            }
        }

        /// <summary>
        /// The output record the script builds: each output field the script assigns from one input field of the same
        /// type is read from it; any other assignment is a value that fails at run time with the statement as a TODO
        /// line, and statements that assign no field are kept as TODO lines of the function (SB0257 for each).
        /// </summary>
        public (MappedValueIr.Construct Body, ImmutableArray<string> Statements) Body(DataMapperScript script, DataMapperSchema input, DataMapperSchema output, DataMapperMediator mapper)
        {
            var generatedInput = "input" + DataMapperSchema.ScriptName(input.Name);
            var inputVariable = script.InputVariable ?? generatedInput;
            var returned = script.Statements.LastOrDefault(s => s == "return" || s.StartsWith("return", StringComparison.Ordinal) && !IsNamePart(s["return".Length]));
            var returnedValue = returned?["return".Length..].Trim();
            var outputVariable = returnedValue is { } candidate && DataMapperScript.IsIdentifier(candidate) ? candidate : "output" + DataMapperSchema.ScriptName(output.Name);
            var values = new Dictionary<string, MappedValueIr>(StringComparer.Ordinal);
            var todos = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var constructed = new HashSet<string>(StringComparer.Ordinal);
            var general = ImmutableArray.CreateBuilder<string>();
            var scope = new Scope(inputVariable, input, null);
            _mapper = mapper;

            void Report(string what, string reason) =>
                lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperStatementNotTranslated, mapper.Location, configKey, what, reason);

            // Loops first: a loop that fills an output array element by element consumes its counter's declaration and
            // the array's initialisation (outputY.list = []), wherever they stand.
            var consumed = new HashSet<string>(StringComparer.Ordinal);

            // What the function returns must be the object its statements build: a call (the MI 4.4 map_S_ function
            // returning mapFunction(x) of a form not read), another expression, or no return at all is not translated,
            // and the function fails at run time rather than answering with the empty object.
            if (returned is null)
            {
                general.Add("return");
                Report("the function's result", "the function has no return statement, so the data mapper gets no result and fails");
            }
            else if (returnedValue != outputVariable)
            {
                general.Add(returned);
                consumed.Add(returned);
                Report(StatementText(returned), "the function returns a value other than the object its statements build");
            }
            else if (script.CalledWith is { } argument && argument != generatedInput)
            {
                general.Add($"return mapFunction({argument})");
                Report($"the call mapFunction({argument})", $"it passes '{argument}', not the input ('{generatedInput}'), to the mapping");
            }

            Variables(script.Statements, inputVariable, outputVariable, consumed);
            var loopReasons = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var statement in script.Statements.Where(s => s.StartsWith("for", StringComparison.Ordinal)))
            {
                var mapForm = script.MapForms.GetValueOrDefault(statement);
                var loop = Loop(statement, scope, outputVariable, output, script.Statements, values, todos, constructed, mapForm is not null, out var loopReason);
                if (loop is null && mapForm is not null && DataMapperScript.Assignment(mapForm) is { } mapped && Resolve(output, mapped.Path) is { } mapTarget)
                {
                    // A map call the loop's rules do not translate whole: the field keeps the call as written, a TODO.
                    var mapKey = string.Join('.', mapTarget.Fields.Select(f => f.Name));
                    var index = script.Statements.IndexOf(statement);
                    consumed.UnionWith([statement, script.Statements[index - 1], script.Statements[index - 2]]);
                    values[mapKey] = new MappedValueIr.NotTranslated(mapForm, mapTarget.Last.Type is MappedTypeIr.Primitive { Name: "string" });
                    (todos.TryGetValue(mapKey, out var mapTodos) ? mapTodos : todos[mapKey] = new List<string>()).AddRange([.. VariableStatements(mapForm), mapForm]);
                    Report($"the assignment of the output field '{mapKey}'", loopReason);
                    continue;
                }

                if (loop is null)
                {
                    loopReasons[statement] = loopReason;
                    continue;
                }

                consumed.Add(statement);
                consumed.Add(loop.Value.Counter);
                consumed.Add(loop.Value.Initialisation);
            }

            foreach (var statement in script.Statements)
            {
                if (statement == "return " + outputVariable || consumed.Contains(statement))
                {
                    continue;
                }

                if (loopReasons.TryGetValue(statement, out var why))
                {
                    general.Add(statement);
                    Report(StatementText(statement), why);
                    continue;
                }

                if (DataMapperScript.Assignment(statement) is { Root: var root } assignment && root == outputVariable)
                {
                    if (assignment.Path.IsEmpty && assignment.Value == "{}")
                    {
                        continue;
                    }

                    if (Resolve(output, assignment.Path) is not { } target)
                    {
                        general.Add(statement);
                        Report(StatementText(statement), "it assigns a member the output schema does not have");
                        continue;
                    }

                    var key = string.Join('.', target.Fields.Select(f => f.Name));
                    if (assignment.Value == "{}" && target.Last.Type is MappedTypeIr.Record)
                    {
                        constructed.Add(key);
                        continue;
                    }

                    if (Value(assignment.Value, scope, (target.Fields, target.Last), out var reason) is { } value)
                    {
                        values[key] = value;
                        _assignments[key] = statement;
                        continue;
                    }

                    values[key] = new MappedValueIr.NotTranslated(statement, target.Last.Type is MappedTypeIr.Primitive { Name: "string" });
                    (todos.TryGetValue(key, out var list) ? list : todos[key] = new List<string>()).AddRange([.. VariableStatements(statement), statement]);
                    Report($"the assignment of the output field '{key}'", reason);
                    continue;
                }

                general.Add(statement);
                Report(StatementText(statement), StatementKind(statement));
            }

            // A variable no translated value reads is dropped when its value cannot fail; else it stays a TODO line.
            foreach (var (name, variable) in _variables.Where(v => !_usedVariables.Contains(v.Key)))
            {
                var unused = Translate(variable.Expression, scope, out var reason);
                if (unused is null || MayFail(unused.Value))
                {
                    general.Add(variable.Statement);
                    Report(StatementText(variable.Statement), unused is null ? reason : "a variable whose value can fail at run time and that no translated statement reads");
                }
            }

            if (_numberForms.Count > 0)
            {
                lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperJavaScriptNumbers, mapper.Location, configKey, string.Join(", ", _numberForms.Order(StringComparer.Ordinal)));
            }

            var outputRecord = _records[output];
            return (Construct(outputRecord.Record, string.Empty, values, todos, constructed, mapper), general.ToImmutable());
        }

        private DataMapperMediator? _mapper;

        /// <summary>The script's variables of the generated form, by name: the expression each is assigned once, and that assignment.</summary>
        private readonly Dictionary<string, (ScriptValue Expression, string Statement)> _variables = new(StringComparer.Ordinal);

        /// <summary>The variables a translated value reads (inlined there).</summary>
        private readonly HashSet<string> _usedVariables = new(StringComparer.Ordinal);

        /// <summary>The variables being inlined, against a variable read in its own value.</summary>
        private readonly HashSet<string> _inlining = new(StringComparer.Ordinal);

        /// <summary>The JavaScript number forms the mapping translates (for SB0282).</summary>
        private readonly HashSet<string> _numberForms = new(StringComparer.Ordinal);

        /// <summary>
        /// The generator's variables: <c>var NAME = '';</c> (or <c>0</c>) at the top level, then one assignment
        /// <c>NAME = expression;</c> at the top level before any other statement mentions it, and no other assignment
        /// anywhere (a loop's included). Each read of it is the expression itself (the expressions translated have no
        /// side effects); the declaration and the assignment are consumed.
        /// </summary>
        private void Variables(ImmutableArray<string> statements, string inputVariable, string outputVariable, HashSet<string> consumed)
        {
            for (var i = 0; i < statements.Length; i++)
            {
                if (!statements[i].StartsWith("var ", StringComparison.Ordinal) || DataMapperScript.Assignment(statements[i]) is not { Path.IsEmpty: true } declaration
                    || declaration.Root == inputVariable || declaration.Root == outputVariable || declaration.Value is not ("''" or "\"\"" or "0"))
                {
                    continue;
                }

                var name = declaration.Root;
                var mention = new Regex(@"(?<![A-Za-z0-9_$.])" + Regex.Escape(name) + @"(?![A-Za-z0-9_$])");
                var assignments = Enumerable.Range(0, statements.Length)
                    .Where(j => j != i && DataMapperScript.Assignment(statements[j]) is { Path.IsEmpty: true } a && a.Root == name && !statements[j].StartsWith("var ", StringComparison.Ordinal))
                    .ToList();
                if (assignments is not [var at] || at < i)
                {
                    continue;
                }

                var value = DataMapperScript.Assignment(statements[at])!.Value.Value;
                var writes = new Regex(@"(?<![A-Za-z0-9_$.])" + Regex.Escape(name) + @"\s*(?:=(?!=)|\+\+|--|[-+*/]=)");
                if (mention.IsMatch(value) || Enumerable.Range(0, at).Any(j => j != i && mention.IsMatch(statements[j]))
                    || Enumerable.Range(0, statements.Length).Any(j => j != i && j != at && writes.IsMatch(statements[j]))
                    || DataMapperScript.Expression(value, out _) is not { } expression)
                {
                    continue;
                }

                _variables[name] = (expression, statements[at]);
                consumed.Add(statements[i]);
                consumed.Add(statements[at]);
            }
        }

        /// <summary>True when a value can fail at run time (a variable with such a value is not inlined: JavaScript evaluates it once, where it stands).</summary>
        private static bool MayFail(MappedValueIr value) => value switch
        {
            MappedValueIr.NotTranslated or MappedValueIr.Required or MappedValueIr.FromInput { AsNumber: true } => true,
            MappedValueIr.Call call => call.Function is MappedFunction.Substring or MappedFunction.NumberText or MappedFunction.NumberInteger or MappedFunction.NumberDecimal || call.Arguments.Any(MayFail),
            MappedValueIr.Concat concat => concat.Parts.Any(MayFail),
            MappedValueIr.Arithmetic arithmetic => MayFail(arithmetic.Left) || MayFail(arithmetic.Right),
            _ => false,
        };

        /// <summary>Where a value is read: the input record, and inside a loop over an input array its element.</summary>
        private sealed record Scope(string InputVariable, DataMapperSchema Input, LoopScope? Loop);

        /// <param name="Source">The input array's member path as the script writes it (<c>["order", "items"]</c>).</param>
        /// <param name="Element">The schema node of the array's elements.</param>
        private sealed record LoopScope(string Variable, ImmutableArray<string> Source, DataMapperSchema Element, MappedTypeIr ElementType);

        /// <summary>
        /// A loop of the generated form, <c>for (i_x in inputX.xs) { outputY.ys[count_i_x] = {}; outputY.ys[count_i_x].f
        /// = ...; count_i_x++; }</c>, with <c>var count_i_x = 0</c> and <c>outputY.ys = []</c> among the statements: the
        /// output array as an <see cref="MappedValueIr.ArrayMap"/> of the input array, in <paramref name="values"/>.
        /// Null with the reason when the loop does anything else (it then stays a TODO).
        /// </summary>
        private (string Counter, string Initialisation)? Loop(string statement, Scope scope, string outputVariable, DataMapperSchema output, ImmutableArray<string> statements,
            Dictionary<string, MappedValueIr> values, Dictionary<string, List<string>> todos, HashSet<string> constructed, bool mapCall, out string reason)
        {
            reason = "a loop of a form that is not translated";
            if (DataMapperScript.ForIn(statement) is not { } loop)
            {
                return null;
            }

            if (DataMapperScript.Expression(loop.Source, out _) is not ScriptValue.Read source || source.Root != scope.InputVariable)
            {
                reason = $"a loop over '{loop.Source}', which is not an array of the input";
                return null;
            }

            if (Resolve(scope.Input, source.Path, out var sourceNode) is not { } sourceField || sourceField.Last.Type is not MappedTypeIr.ArrayOf sourceArray || sourceNode?.Items is not { } sourceElement)
            {
                reason = $"a loop over '{loop.Source}', which is not an array of the input schema";
                return null;
            }

            var body = loop.Body;
            if (body.IsEmpty || CounterStep().Match(body[^1]) is not { Success: true } step)
            {
                reason = "a loop that does not end by counting its output elements (count_i_x++)";
                return null;
            }

            var counter = step.Groups["counter"].Value;
            var declaration = statements.FirstOrDefault(s => s.Replace(" ", string.Empty, StringComparison.Ordinal) == $"var{counter}=0");
            if (declaration is null)
            {
                reason = $"a loop whose counter '{counter}' does not start at 0";
                return null;
            }

            string? arrayText = null;
            var assignments = new List<(string Member, string Value, string Statement)>();
            foreach (var inner in body.Take(body.Length - 1))
            {
                if (DataMapperScript.ElementAssignment(inner) is not { } element || element.Index != counter || arrayText is not null && element.Array != arrayText)
                {
                    reason = inner.StartsWith("for", StringComparison.Ordinal) ? (mapCall ? "a map call inside the element (a loop inside a loop)" : "a loop inside a loop")
                        : DataMapperScript.Assignment(inner) is { } other && other.Root != outputVariable ? $"the loop's statement '{First(inner)}' (a variable of its own)"
                        : inner.StartsWith("var ", StringComparison.Ordinal) || inner.StartsWith("if", StringComparison.Ordinal) ? $"the loop's statement '{First(inner)}' (each iteration's value is not one element of one output array)"
                        : $"the loop's statement '{First(inner)}' does not fill the element of one output array (each iteration would overwrite it)";
                    return null;
                }

                arrayText = element.Array;
                assignments.Add((element.Member, element.Value, inner));
            }

            if (arrayText is null || DataMapperScript.Expression(arrayText, out _) is not ScriptValue.Read array || array.Root != outputVariable
                || Resolve(output, array.Path, out var arrayNode) is not { } arrayField || arrayField.Last.Type is not MappedTypeIr.ArrayOf outputArray || arrayNode?.Items is not { } outputElement)
            {
                reason = $"the loop fills '{arrayText}', which is not an array of the output schema";
                return null;
            }

            var key = string.Join('.', arrayField.Fields.Select(f => f.Name));
            var initialisation = statements.FirstOrDefault(s => DataMapperScript.Assignment(s) is { } a && a.Root == outputVariable && a.Value == "[]" && a.Path.SequenceEqual(array.Path));
            if (initialisation is null || values.ContainsKey(key))
            {
                reason = $"the output array '{key}' is " + (initialisation is null ? "not initialised (outputY.list = [])" : "filled by more than one statement");
                return null;
            }

            if (assignments.FirstOrDefault(a => a.Member.Length > 0 && Resolve(outputElement, Members(a.Member), out _) is null) is { Statement: not null } unknown)
            {
                reason = $"the loop assigns '{unknown.Member.TrimStart('.', ' ')}', which the output array's elements do not have";
                return null;
            }

            var prefix = key + "[].";
            var inner2 = scope with { Loop = new LoopScope(loop.Variable, source.Path, sourceElement, sourceArray.Item) };
            MappedValueIr? elementValue = null;
            var elementConstructed = false;
            foreach (var (member, value, inner) in assignments)
            {
                var memberPath = Members(member);
                if (memberPath.IsEmpty)
                {
                    if (value == "{}" && outputArray.Item is MappedTypeIr.Record)
                    {
                        elementConstructed = true;
                        continue;
                    }

                    var elementTarget = new MappedFieldIr(key + "[]", outputArray.Item, Optional: false, Attribute: false, Text: false, Namespace: null);
                    elementValue = Value(value, inner2, (ImmutableArray.Create(elementTarget), elementTarget), out var elementReason);
                    if (elementValue is null)
                    {
                        reason = $"the element value '{First(inner)}' is not translated ({elementReason})";
                        return null;
                    }

                    continue;
                }

                var target = Resolve(outputElement, memberPath, out _)!.Value;

                var fieldKey = prefix + string.Join('.', target.Fields.Select(f => f.Name));
                if (value == "{}" && target.Last.Type is MappedTypeIr.Record)
                {
                    constructed.Add(fieldKey);
                    continue;
                }

                if (Value(value, inner2, (target.Fields, target.Last), out var fieldReason) is { } translated)
                {
                    values[fieldKey] = translated;
                    _assignments[fieldKey] = inner;
                    continue;
                }

                if (mapCall)
                {
                    // A map call keeps the whole field a TODO, as written, rather than a TODO line of the loop it is read as.
                    reason = $"the element's member '{member.TrimStart('.', ' ')}' is not translated ({fieldReason})";
                    return null;
                }

                values[fieldKey] = new MappedValueIr.NotTranslated(inner, target.Last.Type is MappedTypeIr.Primitive { Name: "string" });
                (todos.TryGetValue(fieldKey, out var list) ? list : todos[fieldKey] = new List<string>()).AddRange([.. VariableStatements(inner), inner]);
                lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperStatementNotTranslated, _mapper!.Location, configKey, $"the assignment of the output field '{fieldKey}'", fieldReason);
            }

            if (outputArray.Item is MappedTypeIr.Record)
            {
                if (!elementConstructed || elementValue is not null || !_records.TryGetValue(outputElement, out var elementRecord))
                {
                    reason = "the loop does not build each element as an object (outputY.list[count] = {})";
                    return null;
                }

                elementValue = Construct(elementRecord.Record, prefix, values, todos, constructed, _mapper!);
            }
            else if (elementValue is null || elementConstructed)
            {
                reason = "the loop does not give each element one value";
                return null;
            }

            var firstOptional = sourceField.Fields.Select((f, i) => f.Optional ? i : -1).FirstOrDefault(i => i >= 0, -1);
            values[key] = new MappedValueIr.ArrayMap(sourceField.Fields.Select(f => f.Name).ToImmutableArray(), firstOptional, outputArray.Item, elementValue) { MapCall = mapCall };
            _assignments[key] = statement;
            return (declaration, initialisation);
        }

        private static ImmutableArray<string> Members(string member) =>
            member.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();

        [GeneratedRegex(@"^(?<counter>[A-Za-z_$][A-Za-z0-9_$]*)\s*\+\+$")]
        private static partial Regex CounterStep();

        private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

        private static string First(string statement)
        {
            var first = statement.Split('\n')[0].Trim();
            return first.Length > 60 ? first[..60] + "..." : first;
        }

        /// <summary>
        /// The value an assignment gives an output field, or null with the reason: an input field of the field's type
        /// (copied when present when it is optional, into an optional field), or an expression of translated forms (string
        /// methods, concatenation, integer arithmetic) whose type is the field's.
        /// </summary>
        private MappedValueIr? Value(string value, Scope scope, (ImmutableArray<MappedFieldIr> Fields, MappedFieldIr Last) target, out string reason)
        {
            if (value.Contains("DM_PROPERTIES", StringComparison.Ordinal))
            {
                reason = "a property read (DM_PROPERTIES)";
                return null;
            }

            if (value == "[]")
            {
                reason = "an empty array that no translated loop fills";
                return null;
            }

            if (DataMapperScript.Expression(value, out var error) is not { } expression)
            {
                reason = $"an expression that is not translated: {error}";
                return null;
            }

            if (expression is ScriptValue.Read plain && !IsVariable(plain) && !IsLength(plain, scope))
            {
                if (Read(plain, scope, out reason) is not { } read)
                {
                    return null;
                }

                // An optional input field (or one under an optional record) may be absent: the script then assigns undefined and
                // the output member is not written, which a Ballerina optional field expresses by not being set. A required
                // output field has no such form (the data mapper would write a payload without it).
                if (read.Value.FirstOptional >= 0 && !target.Last.Optional)
                {
                    reason = $"the input field '{read.OptionalName}' is optional and the output field '{target.Last.Name}' is required";
                    return null;
                }

                if (read.Type is not MappedTypeIr.Primitive sourceType || target.Last.Type is not MappedTypeIr.Primitive targetType || sourceType != targetType || sourceType.Name == "json")
                {
                    reason = "the input and output fields are not of one plain type";
                    return null;
                }

                if (sourceType.Name == "decimal" && outputFormat == DataFormat.Xml)
                {
                    // The copy is a JavaScript number too: the XML writer prints what GraalJS hands it (5.0 is the Integer 5).
                    _numberForms.Add("a number copied into an XML number field");
                    return read.Value with { AsNumber = true };
                }

                return read.Value;
            }

            if (Translate(expression, scope, out reason) is not { } typed)
            {
                return null;
            }

            if (target.Last.Type is MappedTypeIr.Primitive { Name: "string" or "int" or "decimal" } numberTarget && (typed.Type == "float" || typed.Type == "int" && numberTarget.Name != "int"))
            {
                return NumberInto(typed, numberTarget.Name, target.Last.Name, out reason);
            }

            if (target.Last.Type is not MappedTypeIr.Primitive { Name: var name } || name != typed.Type)
            {
                reason = $"the value is {Article(typed.Type)} and the output field '{target.Last.Name}' is " + (target.Last.Type is MappedTypeIr.Primitive p ? Article(p.Name) : "not of a plain type");
                return null;
            }

            return typed.Value;
        }

        /// <summary>Whether a read is <c>x.length</c> of a string field x of the input (and not a member of the schema named length).</summary>
        private bool IsLength(ScriptValue.Read read, Scope scope) =>
            read.Path is [_, .., "length"] && !IsVariable(read) && Read(read, scope, out _) is null
            && Read(read with { Path = read.Path[..^1] }, scope, out _) is { Type: MappedTypeIr.Primitive { Name: "string" } };

        private static string Article(string type) => (type is "int" ? "an " : "a ") + type;

        /// <summary>A read of the input (or of the loop's element) with its type; null with the reason when the schema has no such member.</summary>
        private (MappedValueIr.FromInput Value, MappedTypeIr Type, string? OptionalName)? Read(ScriptValue.Read read, Scope scope, out string reason)
        {
            reason = string.Empty;
            var text = read.Root + string.Concat(read.Path.Select(p => p.StartsWith('[') ? p : "." + p));
            if (read.Root != scope.InputVariable)
            {
                reason = read.Path.IsEmpty ? $"it reads the script's variable '{read.Root}'" : $"it reads '{text}', which is not the input";
                return null;
            }

            var path = read.Path;
            var from = scope.Input;
            var ofItem = false;
            MappedTypeIr? itemType = null;
            if (scope.Loop is { } loop && path.Length > loop.Source.Length && path.Take(loop.Source.Length).SequenceEqual(loop.Source) && path[loop.Source.Length] == "[" + loop.Variable + "]")
            {
                path = path.Skip(loop.Source.Length + 1).ToImmutableArray();
                from = loop.Element;
                ofItem = true;
                itemType = loop.ElementType;
            }

            if (path.Any(p => p.StartsWith('[')))
            {
                reason = $"it reads '{text}', an array element outside the loop over that array";
                return null;
            }

            if (ofItem && path.IsEmpty)
            {
                return (new MappedValueIr.FromInput([], -1, OfItem: true), itemType!, null);
            }

            if (Resolve(from, path, out _) is not { } source)
            {
                reason = $"it reads '{text}', which the input schema does not have";
                return null;
            }

            var firstOptional = source.Fields.Select((f, i) => f.Optional ? i : -1).FirstOrDefault(i => i >= 0, -1);
            return (new MappedValueIr.FromInput(source.Fields.Select(f => f.Name).ToImmutableArray(), firstOptional, ofItem), source.Last.Type, firstOptional >= 0 ? source.Fields[firstOptional].Name : null);
        }

        /// <summary>A translated expression and its Ballerina type (<c>string</c>, <c>int</c>, ...); <c>MayBeAbsent</c> for a read through optional fields.</summary>
        private sealed record Typed(MappedValueIr Value, string Type, bool MayBeAbsent = false);

        /// <summary>
        /// An expression of the script as a value: string methods (toString of a string, toUpperCase, toLowerCase, trim,
        /// substring with integer constants, replace of one literal by another, concat), <c>+</c> of strings, and
        /// <c>+ - *</c> of integers. Null with the reason for anything else.
        /// </summary>
        private Typed? Translate(ScriptValue expression, Scope scope, out string reason)
        {
            reason = string.Empty;
            switch (expression)
            {
                case ScriptValue.Text text:
                    return new Typed(new MappedValueIr.Text(text.Value), "string");
                case ScriptValue.Integer integer:
                    return new Typed(new MappedValueIr.Integer(integer.Value), "int");
                case ScriptValue.Real real:
                    return new Typed(new MappedValueIr.Float(real.Value), "float");
                case ScriptValue.Read variable when IsVariable(variable):
                    if (!_inlining.Add(variable.Root))
                    {
                        reason = $"the variable '{variable.Root}' is read in its own value";
                        return null;
                    }

                    var (value, statement) = _variables[variable.Root];
                    var inlined = Translate(value, scope with { Loop = null }, out reason);
                    _inlining.Remove(variable.Root);
                    if (inlined is null)
                    {
                        reason = $"it reads the variable '{variable.Root}' ({First(statement)}), whose value is not translated: {reason}";
                        return null;
                    }

                    if (MayFail(inlined.Value))
                    {
                        reason = $"it reads the variable '{variable.Root}' ({First(statement)}), whose value can fail at run time where the script computes it";
                        return null;
                    }

                    _usedVariables.Add(variable.Root);
                    return inlined;
                case ScriptValue.Read measured when IsLength(measured, scope):
                    // text.length (a TypeError on an absent field, which fails the mapping).
                    var measuredText = Read(measured with { Path = measured.Path[..^1] }, scope, out _)!.Value.Value;
                    return new Typed(new MappedValueIr.Call(MappedFunction.Length, [measuredText.FirstOptional >= 0 ? new MappedValueIr.Required(measuredText) : measuredText]), "int");
                case ScriptValue.Read plain:
                    if (Read(plain, scope, out reason) is not { } read)
                    {
                        return null;
                    }

                    if (read.Type is not MappedTypeIr.Primitive { Name: "string" or "int" or "boolean" or "decimal" } primitive)
                    {
                        reason = $"it reads '{string.Join('.', plain.Path)}', which is not of a plain type";
                        return null;
                    }

                    return new Typed(read.Value, primitive.Name, read.Value.FirstOptional >= 0);
                case ScriptValue.Function { Name: "Number" } number:
                    return NumberOf(number, scope, out reason);
                case ScriptValue.Function function:
                    reason = $"a call of the function '{function.Name}'";
                    return null;
                case ScriptValue.Method { Receiver: ScriptValue.Read { Root: "Math", Path.IsEmpty: true } } math when !IsVariable((ScriptValue.Read)math.Receiver) && scope.InputVariable != "Math":
                    return MathCall(math, scope, out reason);
                case ScriptValue.Method { Receiver: ScriptValue.Read { Root: var owner, Path.IsEmpty: true } } global when owner != scope.InputVariable:
                    reason = $"a call of the function '{owner}.{global.Name}'";
                    return null;
                case ScriptValue.Method method:
                    return Method(method, scope, out reason);
                case ScriptValue.Binary binary:
                    return Binary(binary, scope, out reason);
                default:
                    reason = "an expression that is not translated";
                    return null;
            }
        }

        private Typed? Method(ScriptValue.Method method, Scope scope, out string reason)
        {
            if (Translate(method.Receiver, scope, out reason) is not { } receiver)
            {
                return null;
            }

            if (receiver.Type != "string")
            {
                reason = $"the method '{method.Name}' is called on {Article(receiver.Type)} (JavaScript's number and text forms are not reproduced)";
                return null;
            }

            // A method called on undefined throws a TypeError: the mapping fails when the input does not have the field.
            var value = receiver is { MayBeAbsent: true, Value: MappedValueIr.FromInput read } ? new MappedValueIr.Required(read) : receiver.Value;
            var arguments = new List<Typed>();
            foreach (var argument in method.Arguments)
            {
                if (Translate(argument, scope, out reason) is not { } typed)
                {
                    return null;
                }

                arguments.Add(typed);
            }

            Typed? Call(MappedFunction function, params MappedValueIr[] rest) => new(new MappedValueIr.Call(function, [value, .. rest]), "string");
            switch (method.Name, arguments.Count)
            {
                case ("toString", 0):
                    return new Typed(value, "string");
                case ("toUpperCase", 0):
                    return Call(MappedFunction.UpperCase);
                case ("toLowerCase", 0):
                    return Call(MappedFunction.LowerCase);
                case ("trim", 0):
                    return Call(MappedFunction.Trim);
                case ("substring", 1 or 2) when arguments.All(a => a.Value is MappedValueIr.Integer):
                    return Call(MappedFunction.Substring, [.. arguments.Select(a => a.Value)]);
                case ("substring", _):
                    reason = "substring with indices that are not integer constants";
                    return null;
                case ("replace", 2) when arguments.All(a => a.Value is MappedValueIr.Text) && !((MappedValueIr.Text)arguments[1].Value).Value.Contains('$', StringComparison.Ordinal):
                    return Call(MappedFunction.Replace, [.. arguments.Select(a => a.Value)]);
                case ("replace", _):
                    reason = "replace with a pattern or replacement that is not a literal text (or a replacement with $ patterns)";
                    return null;
                case ("concat", > 0):
                    if (arguments.FirstOrDefault(a => a.Type != "string" || a.MayBeAbsent) is { } odd)
                    {
                        reason = odd.MayBeAbsent
                            ? "concat with an optional input field (an absent one is joined as the text 'undefined')"
                            : $"concat with {Article(odd.Type)} (JavaScript's text form of it is not reproduced)";
                        return null;
                    }

                    return new Typed(Joined([value, .. arguments.Select(a => a.Value)]), "string");
                default:
                    reason = $"the method '{method.Name}'";
                    return null;
            }
        }

        /// <summary>The parts joined, nested joins flattened; an empty text is left out when anything else is joined (a template literal's leading "").</summary>
        private static MappedValueIr.Concat Joined(IEnumerable<MappedValueIr> parts)
        {
            var flat = parts.SelectMany(p => p is MappedValueIr.Concat inner ? inner.Parts : [p]).ToList();
            var kept = flat.Where(p => p is not MappedValueIr.Text { Value.Length: 0 }).ToList();
            return new([.. kept.Count > 0 ? kept : flat.Take(1)]);
        }

        private Typed? Binary(ScriptValue.Binary binary, Scope scope, out string reason)
        {
            if (Translate(binary.Left, scope, out reason) is not { } left || Translate(binary.Right, scope, out reason) is not { } right)
            {
                return null;
            }

            if (left.MayBeAbsent || right.MayBeAbsent)
            {
                reason = $"'{binary.Operator}' with an optional input field (an absent one gives " + (binary.Operator == '+' && (left.Type == "string" || right.Type == "string") ? "the text 'undefined')" : "NaN)");
                return null;
            }

            if (binary.Operator == '+' && left.Type == "string" && right.Type == "string")
            {
                return new Typed(Joined([left.Value, right.Value]), "string");
            }

            if (left.Type == "int" && right.Type == "int" && binary.Operator is '+' or '-' or '*')
            {
                if (left.Value is MappedValueIr.Integer a && right.Value is MappedValueIr.Integer b)
                {
                    var folded = binary.Operator switch { '+' => a.Value + b.Value, '-' => a.Value - b.Value, _ => a.Value * b.Value };
                    if (Math.Abs(folded) < 1L << 53)
                    {
                        return new Typed(new MappedValueIr.Integer(folded), "int");
                    }
                }

                return new Typed(new MappedValueIr.Arithmetic(binary.Operator, left.Value, right.Value), "int");
            }

            if (IsNumber(left.Type) && IsNumber(right.Type))
            {
                // JavaScript computes + - * / in doubles: Ballerina's float, the same IEEE arithmetic.
                _numberForms.Add(binary.Operator == '/' ? "division" : $"'{binary.Operator}' of numbers");
                return new Typed(new MappedValueIr.Arithmetic(binary.Operator, AsFloat(left), AsFloat(right)), "float");
            }

            reason = $"'{binary.Operator}' of {Article(left.Type)} and {Article(right.Type)} (JavaScript's conversions between them are not reproduced"
                + (binary.Operator == '+' && (left.Type == "string" || right.Type == "string") ? ": a number joined to text is printed as JavaScript prints numbers)" : ")");
            return null;
        }

        /// <summary>The assignments of the inlined variables a statement mentions, shown above it when it stays a TODO.</summary>
        private IEnumerable<string> VariableStatements(string statement) =>
            _variables.Where(v => Regex.IsMatch(statement, @"(?<![A-Za-z0-9_$.])" + Regex.Escape(v.Key) + @"(?![A-Za-z0-9_$])")).Select(v => v.Value.Statement);

        private bool IsVariable(ScriptValue.Read read) => read.Path.IsEmpty && _variables.ContainsKey(read.Root);

        private static bool IsNumber(string type) => type is "int" or "decimal" or "float";

        /// <summary>A number as a JavaScript number (a float): an integer literal as a float literal, a field converted.</summary>
        private static MappedValueIr AsFloat(Typed number) => number switch
        {
            { Type: "float" } => number.Value,
            { Value: MappedValueIr.Integer literal } => new MappedValueIr.Float(literal.Value),
            _ => new MappedValueIr.Call(MappedFunction.ToFloat, [number.Value]),
        };

        /// <summary>
        /// <c>Number(x)</c>: a string read as JavaScript's ToNumber does (an absent one is undefined, NaN), an int or
        /// decimal field as its double, a number as itself; <c>Number()</c> is 0.
        /// </summary>
        private Typed? NumberOf(ScriptValue.Function number, Scope scope, out string reason)
        {
            reason = string.Empty;
            _numberForms.Add("Number(...)");
            if (number.Arguments.IsEmpty)
            {
                return new Typed(new MappedValueIr.Float(0), "float");
            }

            if (Translate(number.Arguments[0], scope, out reason) is not { } argument)
            {
                return null;
            }

            if (number.Arguments.Length > 1)
            {
                reason = "Number(...) with more than one argument";
                return null;
            }

            switch (argument.Type)
            {
                case "string":
                    return new Typed(new MappedValueIr.Call(MappedFunction.Number, [argument.Value]), "float");
                case "int" or "decimal" or "float" when !argument.MayBeAbsent:
                    return new Typed(AsFloat(argument), "float");
                default:
                    reason = $"Number(...) of {(argument.MayBeAbsent ? "an optional " + argument.Type + " field" : Article(argument.Type))}";
                    return null;
            }
        }

        /// <summary>Math.floor, ceil, round, abs (one number), max and min (one or more), with JavaScript's results.</summary>
        private Typed? MathCall(ScriptValue.Method math, Scope scope, out string reason)
        {
            reason = string.Empty;
            var arguments = new List<MappedValueIr>();
            foreach (var argument in math.Arguments)
            {
                if (Translate(argument, scope, out reason) is not { } typed)
                {
                    return null;
                }

                if (!IsNumber(typed.Type) || typed.MayBeAbsent)
                {
                    reason = $"Math.{math.Name} of {(typed.MayBeAbsent ? "an optional input field (undefined gives NaN)" : Article(typed.Type) + " (JavaScript converts it to a number first)")}";
                    return null;
                }

                arguments.Add(AsFloat(typed));
            }

            MappedFunction? function = (math.Name, arguments.Count) switch
            {
                ("floor", 1) => MappedFunction.Floor,
                ("ceil", 1) => MappedFunction.Ceil,
                ("round", 1) => MappedFunction.Round,
                ("abs", 1) => MappedFunction.Abs,
                ("max", > 0) => MappedFunction.Max,
                ("min", > 0) => MappedFunction.Min,
                _ => null,
            };
            if (function is not { } known)
            {
                reason = $"Math.{math.Name} with {arguments.Count} argument{(arguments.Count == 1 ? string.Empty : "s")}";
                return null;
            }

            _numberForms.Add($"Math.{math.Name}");
            if (known is MappedFunction.Max or MappedFunction.Min)
            {
                // Math.max(a) is a; more arguments fold pairwise, which keeps JavaScript's NaN and signed-zero results.
                var folded = arguments[0];
                foreach (var next in arguments.Skip(1))
                {
                    folded = new MappedValueIr.Call(known, [folded, next]);
                }

                return new Typed(folded, "float");
            }

            return new Typed(new MappedValueIr.Call(known, [.. arguments]), "float");
        }

        /// <summary>
        /// A JavaScript number into an output field, as the data mapper writes what the script engine hands it (an
        /// integral value within 32 bits as an Integer, another as a Double printed by Double.toString): into a string
        /// field of an XML output as that text, into an integer or number field as a value that prints the same, failing
        /// at run time otherwise. The JSON writer writes a number into a member the schema calls a string as a JSON
        /// number, which the output record's string field cannot hold: that stays a TODO.
        /// </summary>
        private MappedValueIr? NumberInto(Typed number, string field, string fieldName, out string reason)
        {
            reason = string.Empty;
            if (number.MayBeAbsent)
            {
                reason = "an optional input field assigned through a number conversion";
                return null;
            }

            var value = AsFloat(number);
            switch (field)
            {
                case "string" when outputFormat == DataFormat.Xml:
                    _numberForms.Add("a number written as text");
                    return new MappedValueIr.Call(MappedFunction.NumberText, [value]);
                case "string":
                    reason = $"the value is a number and the output field '{fieldName}' a string: the data mapper's JSON writer writes the number as a JSON number (the schema's type is not applied), which the output record's string field does not hold";
                    return null;
                case "int":
                    _numberForms.Add("a number into an integer field");
                    return new MappedValueIr.Call(MappedFunction.NumberInteger, [value]);
                default:
                    _numberForms.Add("a number into a number field");
                    return new MappedValueIr.Call(MappedFunction.NumberDecimal, [value]);
            }
        }

        /// <summary>A statement named in a message: its first line, shortened.</summary>
        private static string StatementText(string statement)
        {
            var first = statement.Split('\n')[0].Trim();
            return "the statement '" + (first.Length > 60 ? first[..60] + "..." : first) + (statement.Contains('\n', StringComparison.Ordinal) && first.Length <= 60 ? " ..." : string.Empty) + "'";
        }

        private static string StatementKind(string statement) =>
            statement.StartsWith("for", StringComparison.Ordinal) || statement.StartsWith("while", StringComparison.Ordinal) ? "a loop"
            : statement.StartsWith("if", StringComparison.Ordinal) ? "a condition"
            : statement.StartsWith("var ", StringComparison.Ordinal) ? "a variable"
            : statement.Contains("DM_PROPERTIES", StringComparison.Ordinal) ? "a property read"
            : "a statement of its own";

        /// <summary>The fields a script path goes through from a schema's root record; null when a step is not a field of a record.</summary>
        private (ImmutableArray<MappedFieldIr> Fields, MappedFieldIr Last)? Resolve(DataMapperSchema root, ImmutableArray<string> path) => Resolve(root, path, out _);

        /// <summary>As <see cref="Resolve(DataMapperSchema, ImmutableArray{string})"/>, with the schema node of the last field.</summary>
        private (ImmutableArray<MappedFieldIr> Fields, MappedFieldIr Last)? Resolve(DataMapperSchema root, ImmutableArray<string> path, out DataMapperSchema? node)
        {
            node = null;
            if (path.IsEmpty || !_records.TryGetValue(root, out var current))
            {
                return null;
            }

            var fields = ImmutableArray.CreateBuilder<MappedFieldIr>();
            for (var i = 0; i < path.Length; i++)
            {
                if (!current.Members.TryGetValue(path[i], out var member))
                {
                    return null;
                }

                fields.Add(member.Field);
                node = member.Node;
                if (i < path.Length - 1)
                {
                    if (member.Field.Type is not MappedTypeIr.Record || !_records.TryGetValue(member.Node, out current))
                    {
                        return null;
                    }
                }
            }

            return (fields.ToImmutable(), fields[^1]);
        }

        private MappedValueIr.Construct Construct(MappedRecordIr record, string prefix, Dictionary<string, MappedValueIr> values, Dictionary<string, List<string>> todos, HashSet<string> constructed, DataMapperMediator mapper)
        {
            var entries = ImmutableArray.CreateBuilder<MappedEntryIr>();
            var members = _records.Values.First(r => ReferenceEquals(r.Record, record)).Members;
            foreach (var field in record.Fields)
            {
                var key = prefix + field.Name;
                var lines = todos.TryGetValue(key, out var list) ? list.ToImmutableArray() : [];
                if (values.TryGetValue(key, out var value))
                {
                    entries.Add(new MappedEntryIr(field.Name, value, lines));
                    continue;
                }

                var nested = field.Type is MappedTypeIr.Record && (constructed.Contains(key) || values.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)) || !field.Optional);
                if (nested)
                {
                    var node = members.Values.First(m => ReferenceEquals(m.Field, field)).Node;
                    entries.Add(new MappedEntryIr(field.Name, Construct(_records[node].Record, key + ".", values, todos, constructed, mapper), lines));
                    continue;
                }

                if (!field.Optional)
                {
                    var statement = $"(no statement of the mapping assigns the required output field '{key}')";
                    lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperStatementNotTranslated, mapper.Location, configKey, $"the required output field '{key}'", "the mapping assigns it no value");
                    entries.Add(new MappedEntryIr(field.Name, new MappedValueIr.NotTranslated(statement, field.Type is MappedTypeIr.Primitive { Name: "string" }), [statement]));
                }
            }

            return new MappedValueIr.Construct(Ordered(record, prefix, entries.ToImmutable(), mapper));
        }

        /// <summary>
        /// A field copied when present is set after the record is built, so it comes after the fields that are always
        /// set. In XML the order of child elements is part of the payload: such a copy followed by an element that is
        /// always set stays a TODO there (attributes have no order).
        /// </summary>
        private ImmutableArray<MappedEntryIr> Ordered(MappedRecordIr record, string prefix, ImmutableArray<MappedEntryIr> entries, DataMapperMediator mapper)
        {
            if (outputFormat != DataFormat.Xml)
            {
                return entries;
            }

            bool IsElement(MappedEntryIr entry) => !record.Fields.First(f => f.Name == entry.Field).Attribute;
            var result = entries.ToBuilder();
            for (var i = 0; i < result.Count; i++)
            {
                if (result[i].Value is not MappedValueIr.FromInput { FirstOptional: >= 0 } || !IsElement(result[i])
                    || !result.Skip(i + 1).Any(e => IsElement(e) && e.Value is not MappedValueIr.FromInput { FirstOptional: >= 0 }))
                {
                    continue;
                }

                var key = prefix + result[i].Field;
                var statement = _assignments[key];
                lowerer._diagnostics.Report(DiagnosticCatalog.DataMapperStatementNotTranslated, mapper.Location, configKey, $"the assignment of the output field '{key}'", "an optional input field copied before elements that are always written would change the order of the XML elements");
                var field = record.Fields.First(f => f.Name == result[i].Field);
                result[i] = result[i] with { Value = new MappedValueIr.NotTranslated(statement, field.Type is MappedTypeIr.Primitive { Name: "string" }), Todos = result[i].Todos.Add(statement) };
            }

            return result.ToImmutable();
        }
    }
}
