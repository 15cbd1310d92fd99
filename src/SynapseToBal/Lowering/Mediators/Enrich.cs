using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <enrich> (semantics §6.5): every source into a property, the body, an XPath or JSONPath target or the
// envelope; MI 4.x remove actions and key (rename) targets on JSON; child/sibling into a property.
public sealed partial class Lowerer
{
    /// <summary>
    /// Enrich as Synapse's EnrichMediator does. Synapse's factory decides once whether a configuration may use its
    /// JSON path (no envelope, no inline XML, custom paths all JSONPaths); the run-time helpers then take it when the
    /// payload is JSON, else they edit the XML infoset of the message.
    /// </summary>
    private IEnumerable<StepIr> LowerEnrich(EnrichMediator enrich, FlowContext context)
    {
        if (enrich.Source is not { } source || enrich.Target is not { } target)
        {
            return [NotTranslated(enrich, "it has no <source> or no <target> (Synapse's EnrichMediatorFactory rejects it)")];
        }

        if (target.Action == EnrichAction.Remove)
        {
            return LowerEnrichRemove(enrich, source, target);
        }

        if (target.Type == EnrichTargetType.Key)
        {
            return LowerEnrichRenameKey(enrich, source, target, context);
        }

        var sourceJsonPath = source.Type == EnrichSourceType.Custom && source.XPath?.Language == ExpressionLanguage.JsonPath;
        var targetJsonPath = target.Type == EnrichTargetType.Custom && target.XPath?.Language == ExpressionLanguage.JsonPath;
        var sourceCustom = source.Type == EnrichSourceType.Custom;
        var targetCustom = target.Type == EnrichTargetType.Custom;
        var envelope = source.Type == EnrichSourceType.Envelope || target.Type == EnrichTargetType.Envelope;
        var nativeJson = !InlineSourceIsXml(source) && !envelope
            && ((!sourceCustom && !targetCustom) || (sourceJsonPath && !targetCustom) || (!sourceCustom && targetJsonPath) || (sourceJsonPath && targetJsonPath));

        if (source.Inline is ValueSyntax.InlineXml inlineXml && SecretNames.MaskXml(inlineXml.Xml) != inlineXml.Xml)
        {
            return [EnrichTodo(enrich, "an inline source holding a credential", "the inline XML holds a literal credential, which never becomes a literal in the generated code; read it from a configurable by hand")];
        }

        // A registry resource holding a credential (an XML element named like one; a JSON member or text line named like
        // one: ExpressionTranslator.TextSecret, as for a registry read in an expression) is never copied into the code.
        if (source is { Type: EnrichSourceType.Inline, InlineKey: { } registryKey } && _translator.Entry(registryKey) is null
            && _model.RegistryText(registryKey) is { } registryText
            && (registryText.TrimStart().StartsWith('<') ? Lowerer.XmlSecrets(registryText, vaultLookups: false).Count > 0 : ExpressionTranslator.TextSecret(registryText) is not null))
        {
            return [EnrichTodo(enrich, "an inline source holding a credential", $"the registry resource '{registryKey}' holds a literal credential, which never becomes a literal in the generated code; read it from a configurable by hand")];
        }

        if (EnrichSourceValue(enrich, source, context) is not { } value)
        {
            if (source is { Type: EnrichSourceType.Inline, InlineKey: { } missing } && _translator.Entry(missing) is null && _model.RegistryText(missing) is null)
            {
                // As for an xslt stylesheet key: the key names nothing the input defines.
                _diagnostics.Report(DiagnosticCatalog.UnresolvedReference, enrich.Location, "The enrich source's local entry or registry resource", missing, "");
                return [new TodoStep(enrich, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"the inline source's key '{missing}' is neither a local entry nor a registry resource of the input, so the content the Micro Integrator would enrich with is unknown (when the key resolves to nothing, EnrichMediator's Source logs \"Specified Resource as Source is not valid.\" and enriches with nothing); define the entry in the project or copy the resource from the server's registry"), SecretNames.MaskXml(enrich.RawXml))];
            }

            return [NotTranslated(enrich, EnrichSourceProblem(source) ?? "its source has no value the converter reads")];
        }

        if (!source.CloneSource && sourceJsonPath)
        {
            // With clone="false" Synapse's JSON path deletes what the source path selected from the payload
            // (Source.evaluateJson) before the target is written: jsonPathMoved reads and deletes it.
            if (MovedJson(enrich, value, nativeJson) is { } todo)
            {
                return [todo];
            }

            value = ((ValueIr.Json)value) with { Moved = true };
        }

        switch (target.Type)
        {
            case EnrichTargetType.Property when target.Action != EnrichAction.Replace:
                if (target.Property is not { } inserted)
                {
                    return [NotTranslated(enrich, "its property target names no property (no property attribute), so there is nothing the value could be stored in")];
                }

                // clone="false": child into the element parsed from the property's text adds the source nodes themselves,
                // so they leave the message body (enrichProperty's moved); anywhere else the property holds them.
                if (!source.CloneSource && target.Action == EnrichAction.Child && value is ValueIr.XmlNodes && !MovableNodes(value))
                {
                    return [EnrichTodo(enrich, "clone=\"false\"", MovedOutsideBody)];
                }

                return [new EnrichPropertyStep(enrich, inserted, value, target.Action, nativeJson) { Copy = source.CloneSource }];
            case EnrichTargetType.Property:
                return target.Property is { } property ? [new StorePropertyStep(enrich, property, value) { Copy = source.CloneSource }] : [NotTranslated(enrich, "its property target names no property (no property attribute), so there is nothing the value could be stored in")];
            case EnrichTargetType.Body when target.Action == EnrichAction.Replace:
                return [new ReplacePayloadStep(enrich, value) { Copy = source.CloneSource, FirstElement = true, MayBePrimitive = nativeJson && value is ValueIr.String or ValueIr.Property or ValueIr.Json }];
            case EnrichTargetType.Body:
                return MovedSourceProblem(source, target, value) is { } moveProblem ? [EnrichTodo(enrich, "clone=\"false\"", moveProblem)]
                    : [new EnrichStep(enrich, value, new EnrichTargetIr.Body(), target.Action, nativeJson) { Copy = source.CloneSource }];
            case EnrichTargetType.Envelope:
                return [new EnrichStep(enrich, value, new EnrichTargetIr.Envelope(), target.Action, NativeJson: false) { Copy = source.CloneSource }];
            case EnrichTargetType.Custom when target.XPath is { } path:
                return LowerEnrichCustomTarget(enrich, source, target, path, value, nativeJson, context);
            default:
                return [NotTranslated(enrich, "its custom target has no xpath (Synapse's EnrichMediatorFactory rejects it)")];
        }
    }

    private IEnumerable<StepIr> LowerEnrichCustomTarget(EnrichMediator enrich, EnrichSourceSyntax source, EnrichTargetSyntax target, ExpressionSyntax path, ValueIr value, bool nativeJson, FlowContext context)
    {
        switch (Expr(path, context))
        {
            case JsonEvalIr json:
                if (!nativeJson)
                {
                    return [EnrichTodo(enrich, "a JSONPath target", "with an XPath, inline XML or envelope source Synapse edits the XML form of the message, where a JSONPath finds nothing")];
                }

                if (!SimpleJsonPath().IsMatch(json.Path.Trim()))
                {
                    return [EnrichTodo(enrich, $"the JSONPath target '{json.Path}'", "only a path of members and array indexes ($.a.b, $['a'], $.a[0]) is translated")];
                }

                if (json.Path.Trim() is "$" or "$." && target.Action == EnrichAction.Replace)
                {
                    return [EnrichTodo(enrich, "a JSONPath target '$' with action=\"replace\"", "use a body target to replace the whole JSON payload")];
                }

                return [new EnrichStep(enrich, value, new EnrichTargetIr.JsonPath(json.Path), target.Action, nativeJson) { Copy = source.CloneSource }];
            // Target.insert selects the target with SynapseXPath over the envelope: a path from the body, the envelope
            // (//a finds header blocks too; a relative path starts at the envelope's children) or the SOAP header
            // ($header/a) is found where the Micro Integrator finds it. A path over a property's XML, or ending in
            // node(), is not translated.
            case XmlNavigationIr navigation when navigation.Steps.Length > 0 && navigation.RootProperty is null && navigation.RootVariable is null
                && !navigation.Steps.Any(s => s.AllNodes == true) && navigation.DescendantText is null && navigation.TextPosition is null:
                if (value is ValueIr.Json)
                {
                    return [EnrichTodo(enrich, "a JSONPath source into an XPath target", "Synapse evaluates the JSONPath on the XML form of the message; select the nodes with an XPath")];
                }

                if (MovedSourceProblem(source, target, value) is { } moveProblem)
                {
                    return [EnrichTodo(enrich, "clone=\"false\"", moveProblem)];
                }

                return [new EnrichStep(enrich, value, new EnrichTargetIr.XmlPath(navigation), target.Action, nativeJson) { Copy = source.CloneSource }];
            case PropertyReadIr { Fallback: null } property when path.Original.TrimStart().StartsWith("get-property", StringComparison.Ordinal):
                // Target.insert hands a target starting with get-property to handleProperty.
                return [EnrichTodo(enrich, $"the target xpath '{path.Original}'", $"a target written with get-property is the property '{property.Name}' itself (Target.handleProperty): with action=\"child\" and an XML element in the property, the Micro Integrator adds the source's elements as children of a copy of that element and stores the copy; with any other action, or when the property holds text or nothing, the property is set to the source's nodes. Write it as a type=\"property\" target when the property always holds an element (the same for action=\"child\"), else by hand")];
            case PropertyReadIr { Fallback: null } property:
                return [EnrichTodo(enrich, $"the target xpath '{path.Original}'", $"the XPath selects the value of the property '{property.Name}' (Target.insert, custom target): when it holds an XML element, the Micro Integrator enriches that stored element itself: action=\"child\" adds the source's elements as its children (the property keeps the changed element), a text source with action=\"replace\" sets its text, and an element source with action=\"replace\" or \"sibling\" would go beside an element that has no parent, which Axiom refuses (the enrich fails); when the property holds text or nothing, the enrich fails (\"Invalid Target object to be enrich.\"). For action=\"child\" on a property that always holds an element, write it as a type=\"property\" target (the same), else by hand")];
            default:
                return [EnrichTodo(enrich, $"the target xpath '{path.Original}'", "only a path of element steps from the SOAP body (optionally ending in text()) or a simple JSONPath is translated")];
        }
    }

    /// <summary>
    /// <c>action="remove"</c>, as EnrichMediator runs it: only its JSON path removes anything (the factory enables it for a
    /// JSONPath source with a body or property target), deleting every match of each comma-separated JSONPath of the
    /// source from the JSON payload or the property's JSON (Target.removeJSONFromString). Paths of members, indexes and
    /// <c>*</c> are translated; a root path (the payload emptied), filters and other forms stay TODOs.
    /// </summary>
    private IEnumerable<StepIr> LowerEnrichRemove(EnrichMediator enrich, EnrichSourceSyntax source, EnrichTargetSyntax target)
    {
        // The factory refuses any other combination (validateTypeCombination): a custom source, a body or property target.
        if (source.Type != EnrichSourceType.Custom || target.Type is not (EnrichTargetType.Body or EnrichTargetType.Property))
        {
            return [NotTranslated(enrich, "action=\"remove\" needs a custom (xpath) source and a body or property target (Synapse's EnrichMediatorFactory rejects any other combination)")];
        }

        if (source.XPath is not { Language: ExpressionLanguage.JsonPath } path)
        {
            return [EnrichTodo(enrich, "action=\"remove\" with an XPath source", "with an XPath source EnrichMediator never takes its JSON path, and its XML path has no remove (nothing changes in a body that has an element, a property target is set to the nodes the XPath selects); remove the nodes by hand")];
        }

        var paths = path.Text.Split(',').Select(p => p.Trim()).ToImmutableArray();
        if (paths.FirstOrDefault(p => p is "$" or "$." || !RemovableJsonPath().IsMatch(p)) is { } other)
        {
            return [EnrichTodo(enrich, $"action=\"remove\" with the JSONPath '{other}'", other is "$" or "$."
                ? "removing the root empties the payload or property (Target.removeJSONFromString sets it to an empty string), which the generated message has no form for; clear it by hand"
                : "only paths of members, array indexes and the * wildcard ($.a.b, $['a'], $.a[0], $.a[*].b) are translated; Synapse splits the source at every comma and deletes each path's matches with Jayway JsonPath")];
        }

        if (target.Type == EnrichTargetType.Property && target.Property is null)
        {
            return [NotTranslated(enrich, "its property target names no property (no property attribute)")];
        }

        return [new EnrichRemoveStep(enrich, paths, target.Type == EnrichTargetType.Property ? target.Property : null)];
    }

    /// <summary>
    /// <c>target type="key"</c>, as EnrichMediator runs it: with its JSON path on (a JSONPath, property or inline JSON
    /// source) and a JSON payload, the target <c>json-eval($.a.b)</c> is split at its last dot into the path of the
    /// objects (<c>$.a</c>) and the key (<c>b</c>) renamed to the source's string (Target.renameKey). Anything else fails
    /// with "Invalid Target type" in the Micro Integrator.
    /// </summary>
    private IEnumerable<StepIr> LowerEnrichRenameKey(EnrichMediator enrich, EnrichSourceSyntax source, EnrichTargetSyntax target, FlowContext context)
    {
        if (target.Action != EnrichAction.Replace || source.Type == EnrichSourceType.Body || target.XPath is null)
        {
            return [NotTranslated(enrich, "a key target takes only action=\"replace\", a json-eval xpath and a source other than the body (Synapse's EnrichMediatorFactory rejects it)")];
        }

        var nativeJson = !InlineSourceIsXml(source) && source.Type != EnrichSourceType.Envelope
            && (source.Type != EnrichSourceType.Custom || source.XPath?.Language == ExpressionLanguage.JsonPath);
        if (!nativeJson || target.XPath.Language != ExpressionLanguage.JsonPath)
        {
            return [EnrichTodo(enrich, "target type=\"key\" with this source", "the key is renamed only on EnrichMediator's JSON path, which an XPath, envelope or inline XML source (or a target that is not json-eval) turns off: the Micro Integrator fails every message with \"Invalid Target type\" (Target.insert); give the new key name as a JSONPath, property or inline text source")];
        }

        var text = target.XPath.Text.Trim();
        var dot = text.LastIndexOf('.');
        var prefix = dot > 0 ? text[..dot] : null;
        var key = dot > 0 ? text[(dot + 1)..] : null;
        if (prefix is null || key is null || (prefix != "$" && !RemovableJsonPath().IsMatch(prefix)) || !JsonMemberName().IsMatch(key))
        {
            return [EnrichTodo(enrich, $"target type=\"key\" with the JSONPath '{text}'", "only a path ending in a plain member name ($.a.b, $.a[0].b, $.a[*].b) is translated: EnrichMediator splits the path at its last dot into the objects' path and the key to rename")];
        }

        if (source.Type == EnrichSourceType.Inline && source.InlineKey is null && source.Inline is not ValueSyntax.Literal)
        {
            return [NotTranslated(enrich, "its inline source has no text")];
        }

        if (EnrichSourceValue(enrich, source, context) is not { } value)
        {
            return [NotTranslated(enrich, EnrichSourceProblem(source) ?? "its source has no value the converter reads")];
        }

        if (!source.CloneSource && source.Type == EnrichSourceType.Custom)
        {
            // EnrichMediator deletes what the source path selects from the payload before renaming (Source.evaluateJson).
            if (MovedJson(enrich, value, nativeJson: true) is { } todo)
            {
                return [todo];
            }

            value = ((ValueIr.Json)value) with { Moved = true };
        }

        return [new EnrichRenameKeyStep(enrich, value, prefix, key)];
    }

    /// <summary>The source value, or null when it is not translated.</summary>
    private ValueIr? EnrichSourceValue(EnrichMediator enrich, EnrichSourceSyntax source, FlowContext context) => source.Type switch
    {
        EnrichSourceType.Body => new ValueIr.Payload(),
        EnrichSourceType.Envelope => new ValueIr.Envelope(),
        EnrichSourceType.Property when source.Property is { } name => new ValueIr.Property(name),
        EnrichSourceType.Inline when source.InlineKey is { } key => EnrichKeySource(key),
        EnrichSourceType.Inline => source.Inline switch
        {
            ValueSyntax.InlineXml xml => new ValueIr.ParsedXml(xml.Xml),
            ValueSyntax.Literal text when text.Text.TrimStart().StartsWith('{') || text.Text.TrimStart().StartsWith('[') => new ValueIr.ParsedJson(text.Text.Trim(), JsonTemplates.TryParse(text.Text.Trim())),
            ValueSyntax.Literal text => new ValueIr.String(new StringLiteralIr(text.Text)),
            _ => null,
        },
        EnrichSourceType.Custom when source.XPath is { } expression => Expr(expression, context) switch
        {
            XmlNavigationIr { TextOnly: false } navigation => new ValueIr.XmlNodes(navigation),
            // A bare $ctx:p or get-property('p'): Source.evaluate takes the nodes with xpath.selectNodes, where
            // SynapseXPathVariableContext.getVariableValue (and GetPropertyFunction.evaluate) return the property's
            // object itself, so an OMElement (type="OM") or a node list is inserted as elements (a clone with
            // clone="true") and a string as text, as a type="property" source does (not the nodes printed as text,
            // which is what SynapseXPath.stringValueOf gives a property or payloadFactory argument).
            PropertyReadIr { Scope: PropertyScope.Default, Fallback: null, Required: false, XPathString: false } property
                when expression.Language == ExpressionLanguage.XPath => new ValueIr.Property(property.Name),
            JsonEvalIr json => new ValueIr.Json(json.Path),
            UntranslatedExprIr => null,
            var other => new ValueIr.String(other),
        },
        _ => null,
    };

    /// <summary>Why the source has no value the converter can read, when it can say (else the generic reason).</summary>
    private static string? EnrichSourceProblem(EnrichSourceSyntax source) => source switch
    {
        { Type: EnrichSourceType.Inline, InlineKey: { } key } => $"its inline source's key '{key}' is neither a local entry nor a registry resource of the input, so its content is unknown",
        { Type: EnrichSourceType.Custom, XPath: { } expression } => $"its source expression '{expression.Original}' is not translated (SB0203 says which part)",
        _ => null,
    };

    /// <summary>An inline source with a key: a local entry's value, or a registry resource's text (XML when it parses as XML).</summary>
    private ValueIr? EnrichKeySource(string key)
    {
        if (_translator.Entry(key) is { } entry)
        {
            return new ValueIr.Entry(entry.Entry, entry.IsXml);
        }

        if (_model.RegistryText(key) is not { } text)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('<'))
        {
            try
            {
                var document = XmlSource.ParseText(trimmed);
                return document.Root is { } root ? new ValueIr.ParsedXml(root.ToString(System.Xml.Linq.SaveOptions.DisableFormatting)) : null;
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }

        return new ValueIr.String(new StringLiteralIr(text));
    }

    /// <summary>Whether Synapse's factory takes an inline source for XML (which turns its JSON path off).</summary>
    private static bool InlineSourceIsXml(EnrichSourceSyntax source) => source.Type == EnrichSourceType.Inline && source.Inline switch
    {
        ValueSyntax.InlineXml => true,
        ValueSyntax.Literal text => !IsJsonText(text.Text.Trim()),
        _ => false,
    };

    /// <summary>Text Gson reads as a JSON value: an object or array (or text that looks like one), or one token.</summary>
    private static bool IsJsonText(string text) =>
        text.StartsWith('{') || text.StartsWith('[') || (text.Length > 0 && !text.Any(char.IsWhiteSpace) && !text.StartsWith('<'));

    /// <summary>
    /// clone="false" with XML nodes of the message as the source (a body or XPath source) inserted into the message:
    /// AXIOM detaches a node added elsewhere, so Synapse moves them. A JSONPath source is moved on the JSON path
    /// instead (<see cref="MovedJson"/>).
    /// </summary>
    private static bool MovedSource(EnrichSourceSyntax source, EnrichTargetSyntax target) =>
        !source.CloneSource && (source.Type == EnrichSourceType.Body || (source.Type == EnrichSourceType.Custom && source.XPath?.Language != ExpressionLanguage.JsonPath))
        && target.Type is EnrichTargetType.Custom or EnrichTargetType.Body;

    /// <summary>
    /// Why a moved XML source (<see cref="MovedSource"/>) into the body or an XPath target is not translated, or null
    /// when it is: elements an XPath selects below the SOAP body are inserted themselves and detached from where they
    /// were (enrichXml's moved). The body's first element as the source is the body target itself, or holds the
    /// XPath target. Text an XPath selects is copied, not moved (Target.insertElement sets it as text).
    /// </summary>
    private static string? MovedSourceProblem(EnrichSourceSyntax source, EnrichTargetSyntax target, ValueIr value) =>
        !MovedSource(source, target) ? null
        : source.Type == EnrichSourceType.Body ? "with clone=\"false\" EnrichMediator inserts the body's first element itself, which is the body target or holds the target below the body, so the element would be inserted into itself; the generated code does not reproduce that: copy the source (clone=\"true\") and remove what is not wanted by hand"
        : value is not ValueIr.XmlNodes || MovableNodes(value) ? null
        : MovedOutsideBody;

    /// <summary>Elements an XPath selects below the SOAP body: the nodes a clone="false" move detaches from the body.</summary>
    private static bool MovableNodes(ValueIr value) =>
        value is ValueIr.XmlNodes { Navigation: { RootProperty: null, RootVariable: null, FromHeader: null } navigation } && navigation.Steps.Length > 0;

    private const string MovedOutsideBody = "with clone=\"false\" EnrichMediator inserts the source nodes themselves, so they leave the place they were (AXIOM detaches a node added elsewhere); the move is translated for elements an XPath selects below the SOAP body, and this source is not one (the SOAP header, a property's or variable's XML): after the enrich, remove the source nodes by hand";

    /// <summary>
    /// Why a clone="false" JSONPath source is not translated as a move, or null when it is: Synapse's JSON path reads
    /// the value (Jayway's read) and deletes it from the payload (Jayway's delete, the payload set again) before the
    /// target is written, which <c>jsonPathMoved</c> does for a definite path of members and indexes. Where the
    /// factory turns the JSON path off (an XPath or envelope target), or the path selects the root or several
    /// places, it stays a TODO.
    /// </summary>
    private TodoStep? MovedJson(EnrichMediator enrich, ValueIr value, bool nativeJson)
    {
        if (value is not ValueIr.Json { Path: var selected })
        {
            return EnrichTodo(enrich, "clone=\"false\"", "with clone=\"false\" EnrichMediator deletes what the source path selects from the JSON payload before writing the target (Source.evaluateJson), and this source is not read as a JSONPath here; after the enrich, remove the source from the payload by hand");
        }

        var path = selected.Trim();
        if (!nativeJson)
        {
            return EnrichTodo(enrich, "clone=\"false\"", "with an XPath or envelope target EnrichMediator runs its XML path, where clone=\"false\" hands the target the nodes the JSONPath selects in the XML form of the message (AXIOM moves them), which the generated code does not reproduce; select the source with an XPath, or copy and remove it by hand");
        }

        if (path is "$" or "$." || !SimpleJsonPath().IsMatch(path))
        {
            return EnrichTodo(enrich, $"clone=\"false\" with the JSONPath source '{path}'", "with clone=\"false\" EnrichMediator deletes what the source path selects from the JSON payload before writing the target (Source.evaluateJson); the move is translated for a path of members and array indexes below the root ($.a.b, $['a'], $.a[0]), not for this one: after the enrich, remove the source from the payload by hand");
        }

        return null;
    }

    private static string ActionName(EnrichAction action) => action switch
    {
        EnrichAction.Replace => "replace",
        EnrichAction.Child => "child",
        EnrichAction.Sibling => "sibling",
        EnrichAction.Remove => "remove",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$(\.[A-Za-z_$@][\w$@-]*|\['[^']*'\]|\[[0-9]+\])*\.?$")]
    private static partial System.Text.RegularExpressions.Regex SimpleJsonPath();

    /// <summary>A JSONPath of members, indexes and wildcards, as enrich remove and key targets translate it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\$(\.[A-Za-z_$@][\w$@-]*|\.\*|\['[^',]*'\]|\[[0-9]+\]|\[\*\])+$")]
    private static partial System.Text.RegularExpressions.Regex RemovableJsonPath();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z_$@][\w$@-]*$")]
    private static partial System.Text.RegularExpressions.Regex JsonMemberName();

    private TodoStep EnrichTodo(EnrichMediator enrich, string setting, string reason) =>
        Todo(enrich, DiagnosticCatalog.AttributeNotTranslated, reason, "enrich", setting, reason);
}
