using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

/// <summary>
/// Names the part of an untranslated expression that has no translation: the innermost sub-expression that does
/// not translate while all of its operands do (searched by binding the parts one by one), with its columns in the
/// original text and, for a function the signature table refuses, the table's reason. SB0203 carries it, so the
/// reader sees <c>$env:HOST</c> in <c>concat('http://', $env:HOST, '/a')</c> rather than only the whole expression.
/// </summary>
internal static class UntranslatedPart
{
    /// <summary>The part as "`text` at columns a-b" (1-based, inclusive, in <see cref="ExpressionSyntax.Original"/>), with a reason when one is known.</summary>
    public static string Describe(ExpressionSyntax expression, ExpressionTranslator translator)
    {
        var (parsed, jsonEvals) = ExpressionTranslator.Parse(expression);
        var offset = Math.Max(0, expression.Original.IndexOf(expression.Text, StringComparison.Ordinal));
        if (!parsed.Success)
        {
            return Whole(expression);
        }

        var binder = new ExpressionBinder(translator.WithoutSideEffects(), expression.Language, expression.Namespaces, jsonEvals) { Source = expression.Text };
        var culprit = Culprit(parsed.Root, binder);
        var span = culprit.Span;
        if (span.End > expression.Text.Length || span.Length == 0)
        {
            return Whole(expression);
        }

        var text = expression.Text[span.Start..span.End];
        var columns = string.Create(CultureInfo.InvariantCulture, $"`{text}` at columns {offset + span.Start + 1}-{offset + span.End}");
        var because = QuotientReason(culprit, binder, expression.Language) ?? ArithmeticReason(culprit, translator, expression.Language) ?? Reason(culprit, expression.Language) ?? UndeclaredPrefix(culprit, expression.Namespaces) ?? translator.LazyReason(culprit) ?? PropertyPathReason(culprit, translator) ?? PathReason(culprit);
        return because is { } reason ? $"{columns}: {reason}" : columns;
    }

    /// <summary>
    /// The part of an untranslated XPath on which the Micro Integrator fails too, as "`text` at columns a-b: why", or
    /// null: a prefix no <c>xmlns</c> in scope binds, a variable with an unknown prefix, a function neither Jaxen nor
    /// Synapse defines. Synapse compiles such an XPath (Jaxen resolves names only when it evaluates) and fails each
    /// time it evaluates it.
    /// </summary>
    public static string? SynapseFailure(ExpressionSyntax expression, ExpressionTranslator translator)
    {
        if (expression.Language != ExpressionLanguage.XPath)
        {
            return null;
        }

        var (parsed, jsonEvals) = ExpressionTranslator.Parse(expression);
        if (!parsed.Success)
        {
            return null;
        }

        var binder = new ExpressionBinder(translator.WithoutSideEffects(), expression.Language, expression.Namespaces, jsonEvals) { Source = expression.Text };
        var culprit = Culprit(parsed.Root, binder);
        var span = culprit.Span;
        var offset = Math.Max(0, expression.Original.IndexOf(expression.Text, StringComparison.Ordinal));
        if (span.End > expression.Text.Length || span.Length == 0 || Failure(culprit, expression.Namespaces) is not { } reason)
        {
            return null;
        }

        var text = expression.Text[span.Start..span.End];
        return string.Create(CultureInfo.InvariantCulture, $"`{text}` at columns {offset + span.Start + 1}-{offset + span.End}: {reason}");
    }

    /// <summary>The variable prefixes SynapseXPathVariableContext reads (besides <c>$body</c>, <c>$header</c>, which have none).</summary>
    private static readonly HashSet<string> SynapseVariablePrefixes = ["ctx", "var", "axis2", "func", "trp", "url", "operation", "sys", "env"];

    private static string? Failure(ExpressionNode node, ImmutableDictionary<string, string> namespaces)
    {
        if (UndeclaredPrefixName(node, namespaces) is { } prefix)
        {
            // OMElementUtils.addNameSpaces gives the XPath the declarations of the element and all its ancestors in
            // the file; Jaxen's DefaultNameStep.matches throws UnresolvableException for an unbound prefix.
            return $"no xmlns declaration on the element or its ancestors binds the prefix '{prefix}', so the Micro Integrator fails too: Jaxen throws \"Cannot resolve namespace prefix '{prefix}'\" as soon as it tests the step against an element (a `//` step always does: the SOAP Envelope is one) and the mediator fails with \"Evaluation of the XPath expression ... resulted in an error\"";
        }

        if (node is VariableReference { Scope: VariableScope.Qualified, Prefix: { } variablePrefix } variable && !SynapseVariablePrefixes.Contains(variablePrefix))
        {
            // SynapseXPathVariableContext: an unknown prefix reads the entry of a java.util.Map property of that
            // name, then Jaxen's own variables, which throw UnresolvableException.
            return $"'{variablePrefix}' is no Synapse variable prefix: the Micro Integrator reads the entry '{variable.Name}' of a java.util.Map property named '{variablePrefix}' (only Java code, a class or script mediator, stores one) and otherwise fails (Jaxen: \"Variable ... not resolved\"), so the mediator fails";
        }

        if (node is FunctionCall bound && ExpressionBinder.BoundFunctionPrefix(bound, namespaces))
        {
            // Jaxen's DefaultFunctionCallExpr translates the prefix and looks the function up in that namespace;
            // XPathFunctionContext registers its functions in none.
            return $"an xmlns:fn declaration in scope binds the prefix 'fn' to '{namespaces["fn"]}', so Jaxen looks '{bound.Name}' up in that namespace, where it has no functions, and the Micro Integrator fails too (\"No Such Function\") unless the server turns on the XPath 2.0 fail-over (synapse.xpath.dom.failover.enabled, off by default); without the declaration `fn:{bound.Name}` is Jaxen's {bound.Name}";
        }

        if (node is FunctionCall { Name: "tokenize", Prefix: null or "fn" })
        {
            // XPath 2.0's tokenize: Jaxen's XPathFunctionContext has no such function, and SynapseXPath evaluates an XPath
            // with Saxon only after Jaxen's UnresolvableException when synapse.xpath.dom.failover.enabled is set.
            return "XPath 2.0's tokenize is no function of Jaxen, which evaluates Synapse's XPath, so the Micro Integrator fails too (\"No Such Function\"), unless the server turns on the XPath 2.0 fail-over (synapse.xpath.dom.failover.enabled, off by default), where Saxon evaluates the whole expression against the first element of the body";
        }

        if (node is FunctionCall call && Builtins.Find(FunctionDialect.XPath, call.Prefix is not (null or "fn") ? call.QualifiedName : call.Name) is null
            && call.Name is not ("document" or "evaluate"))
        {
            // SynapseXPathFunctionContext: Synapse's functions, configured extensions, then Jaxen's XPathFunctionContext,
            // which throws UnresolvableException ("No Such Function") when the expression is evaluated.
            return "neither Jaxen nor Synapse has a function of that name, so the Micro Integrator fails too (\"No Such Function\") unless a custom XPath extension of the server defines it";
        }

        return null;
    }

    /// <summary>
    /// An MI 4.4 operation on a quotient of two ints (arithmetic, abs, floor, ceil): the quotient's Java type, int when
    /// exact, double otherwise, decides the operation, and only the run time knows it.
    /// </summary>
    private static string? QuotientReason(ExpressionNode node, ExpressionBinder binder, ExpressionLanguage language)
    {
        ImmutableArray<ExpressionNode> operands = node switch
        {
            BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo } b => [b.Left, b.Right],
            FunctionCall { Name: "abs" or "floor" or "ceil", Arguments: [var argument] } => [argument],
            _ => [],
        };
        return language == ExpressionLanguage.Synapse && operands.Any(o => o is BinaryExpression { Operator: BinaryOperator.Divide } && ExpressionBinder.IsIntQuotient(binder.Value(o)))
            ? "the quotient of two Java ints is an int when it is exact and a double otherwise (BinaryOperationNode.performIntOperation), and that type decides this operation (int or BigDecimal arithmetic, \"3\" or \"3.0\"), which only the run time knows"
            : null;
    }

    /// <summary>
    /// Why MI 4.4 arithmetic on a variable, the payload, a header or a property is not translated: BinaryOperationNode
    /// decides between int, long and BigDecimal arithmetic, concatenation and an error by the operands' Java or JSON types.
    /// </summary>
    private static string? ArithmeticReason(ExpressionNode node, ExpressionTranslator translator, ExpressionLanguage language)
    {
        if (language != ExpressionLanguage.Synapse || node is not BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo } b)
        {
            return null;
        }

        foreach (var operand in new[] { b.Left, b.Right })
        {
            switch (operand)
            {
                case MemberAccess { Target: ContextReference { Kind: ContextKind.Variables }, Deep: false } variable when translator.VariableType(variable.Name) is null:
                    return $"the variable '{variable.Name}' is not set with one numeric type by every variable mediator of the project (type=\"INTEGER\", \"LONG\" or \"DOUBLE\" on each <variable name=\"{variable.Name}\">; none, STRING, JSON, different types or no variable mediator at all), and the Java or JSON type it holds decides BinaryOperationNode's operation (int, long or BigDecimal arithmetic, string concatenation for `+`, or an error), which only the run time knows";
                case MemberAccess { Target: ContextReference { Kind: ContextKind.Headers or ContextKind.Properties or ContextKind.Parameters or ContextKind.Configs } }:
                    return "a header, property or parameter is text that HeadersAndPropertiesAccessNode turns into an int, a long or a double when it parses as one, else a string, so its type (arithmetic, concatenation for `+`, or an error) is known only at run time";
                case MemberAccess or IndexAccess when PayloadPath(operand):
                    return "a payload value's JSON type (a number, a string, ...) decides BinaryOperationNode's operation (arithmetic, concatenation for `+`, or an error), which only the run time knows";
            }
        }

        return null;
    }

    private static bool PayloadPath(ExpressionNode node) => node switch
    {
        ContextReference { Kind: ContextKind.Payload or ContextKind.JsonRoot } => true,
        MemberAccess m => PayloadPath(m.Target),
        IndexAccess i => PayloadPath(i.Target),
        _ => false,
    };

    /// <summary>The whole text (a uri-template part, a call-template parameter) as the part.</summary>
    public static string Whole(string text) => string.Create(CultureInfo.InvariantCulture, $"`{text}` at columns 1-{text.Length}");

    private static string Whole(ExpressionSyntax expression) => Whole(expression.Original);

    /// <summary>The innermost failing node: descend into the first operand that fails on its own.</summary>
    private static ExpressionNode Culprit(ExpressionNode node, ExpressionBinder binder)
    {
        foreach (var child in Operands(node))
        {
            if (Fails(child, binder))
            {
                return Culprit(child, binder);
            }
        }

        return node;
    }

    private static bool Fails(ExpressionNode node, ExpressionBinder binder)
    {
        var value = binder.Value(node);
        if (value is not null && !IrWalker.ContainsUntranslated(value))
        {
            return false;
        }

        if (node is BinaryExpression { Operator: BinaryOperator.Union })
        {
            // A union translates only where its boolean() is read; as an operand it is a node-set, which has none.
            return true;
        }

        var condition = binder.Condition(node);
        return condition is null || IrWalker.ContainsUntranslated(condition);
    }

    /// <summary>
    /// The operands a node's translation is built from. Predicates, filters, indexes and location steps are not
    /// operands: they mean something only relative to their path, so the path is the part named.
    /// </summary>
    private static ImmutableArray<ExpressionNode> Operands(ExpressionNode node) => node switch
    {
        UnaryExpression u => [u.Operand],
        BinaryExpression b => [b.Left, b.Right],
        ConditionalExpression c => [c.Condition, c.WhenTrue, c.WhenFalse],
        FunctionCall f => f.Arguments,
        MethodCall m => [m.Target],

        // vars.x, headers.x, props.axis2.x: the accessor is the part (its root alone means nothing).
        MemberAccess { Target: ContextReference } => [],
        MemberAccess m => [m.Target],
        WildcardAccess w => [w.Target],
        IndexAccess i => [i.Target],
        SliceAccess s => [s.Target],
        FilterAccess f => [f.Target],
        ArrayLiteral a => a.Items,
        ExpressionList l => l.Items,
        FilterExpression f => [f.Primary],
        PathExpression p => [p.Start],
        _ => [],
    };

    /// <summary>A location path with a prefix no <c>xmlns</c> in scope declares: Synapse cannot compile it either.</summary>
    private static string? UndeclaredPrefix(ExpressionNode node, ImmutableDictionary<string, string> namespaces) =>
        UndeclaredPrefixName(node, namespaces) is { } prefix ? $"no xmlns declaration in scope binds the prefix '{prefix}'" : null;

    private static string? UndeclaredPrefixName(ExpressionNode node, ImmutableDictionary<string, string> namespaces)
    {
        var steps = node switch
        {
            LocationPath path => path.Steps,
            PathExpression path => path.Steps,
            _ => [],
        };
        var prefix = steps.Select(step => step.Test is NameTest { Prefix: { } p } ? p : null)
            .FirstOrDefault(p => p is not null && !namespaces.ContainsKey(p));
        return prefix;
    }

    /// <summary>
    /// Why a path from <c>$ctx:x</c>, <c>$trp:x</c> or <c>$axis2:x</c> is not translated when its start is the reason
    /// (a path from an ordinary default-scope property is translated over the property's XML).
    /// </summary>
    private static string? PropertyPathReason(ExpressionNode node, ExpressionTranslator translator) => node switch
    {
        PathExpression { Start: VariableReference { Scope: VariableScope.Context } start } => translator.ContextProperty(start.Name) switch
        {
            ParameterReadIr => $"'{start.Name}' is a path parameter of the resource, a String, where Jaxen finds no nodes: the path selects nothing in the Micro Integrator (\"\"); read the parameter without a path",
            _ => null,
        },
        PathExpression { Start: VariableReference { Scope: VariableScope.Transport } start } =>
            $"a transport header is a String, where Jaxen finds no nodes: the path selects nothing in the Micro Integrator (\"\"), whatever the header '{start.Name}' holds",
        PathExpression { Start: VariableReference { Scope: VariableScope.Axis2 } } =>
            "a path from an Axis2 property: the generated message model keeps no XML in Axis2 properties (a path is translated from a default-scope property, `$ctx:x/...`)",
        _ => null,
    };

    /// <summary>Why a location path, a union or a JSONPath is not translated, when the node shows it.</summary>
    private static string? PathReason(ExpressionNode node)
    {
        switch (node)
        {
            case BinaryExpression { Operator: BinaryOperator.Union }:
                return "a node-set union (the nodes of both paths in document order, without duplicates) is translated only where its boolean() is read (a filter's xpath, not(), and/or): there it is the or of its operands' non-emptiness";
            case LocationPath { Absolute: true, Steps: [{ Axis: XPathAxis.Child, Test: NameTest { LocalName: not ("Envelope" or "*") } }, ..] }:
                return "an absolute path whose first step is not the SOAP Envelope: the document's only child is the Envelope, so Synapse selects nothing (the source probably meant `//` or `$body/`)";
            case LocationPath { Absolute: false, Steps: [{ Axis: XPathAxis.Child, Test: NameTest { LocalName: "Body" or "Header" } }, ..] }:
                // soapenv:Body/... and soapenv:Header/... are translated (the envelope's children); a further step is not: the reasons below say why.
                break;
            case LocationPath { Absolute: false }:
                return "a relative path: Synapse evaluates it from the SOAP Envelope element (SynapseXPath's context node), whose children are the SOAP Header and Body, never a payload element (`soapenv:Body/...` and `soapenv:Header/...` are translated; the source probably meant `//` or `$body/`)";
            case VariableReference { Scope: VariableScope.Function }:
                return "no template parameter of that name is in scope (outside a template, or its template declares none: Synapse's TemplateContext then reads null)";
            case DynamicPath:
                return "a path computed for each message (Synapse replaces each {expression} by its value, then compiles the JSONPath)";
        }

        if (Steps(node).SelectMany(step => step.Predicates).SelectMany(Descendants).OfType<FunctionCall>()
            .FirstOrDefault(f => f.Arguments.IsEmpty && f.Prefix is null or "fn" && f.Name is "local-name" or "namespace-uri" or "name") is { } contextName)
        {
            return contextName.Name == "name"
                ? "a predicate reads name() of the element it tests: the QName with the prefix the message wrote, which Ballerina's xml values do not keep (local-name() and namespace-uri() compared with a string literal are translated)"
                : $"a predicate reads {contextName.Name}() of the element it tests, which is translated only compared with a string literal by = (`[{contextName.Name}()='x']`), alone or combined with and and or, and not for the names of the SOAP envelope's own elements (Envelope, Header, Body, the envelope namespaces): Synapse's `//*` tests those elements too, which the navigation from the body never reaches, so != , not() or such a name could select them in the Micro Integrator only";
        }

        if (TextStepReason(node) is { } textStep)
        {
            return textStep;
        }

        if (Steps(node).FirstOrDefault(step => step.Axis is not (XPathAxis.Child or XPathAxis.Descendant or XPathAxis.DescendantOrSelf or XPathAxis.Attribute or XPathAxis.Self)) is { } other)
        {
            return $"the {AxisName(other.Axis)} axis is not modelled (only child, descendant and attribute steps are, and a sibling or parent axis as the first step of a predicate's relative path)";
        }

        return node is MemberAccess or WildcardAccess or IndexAccess or SliceAccess or FilterAccess && JsonRoot(node) is VariableReference
            ? "a JSONPath over a property's value (SynapseJsonPath parses the property's string value as JSON and reads the path in it): member names and indexes are translated there, and wildcards and filters after member names; not deep scans, slices, index lists, indexes in an indefinite path, functions or other filters"
            : null;
    }

    /// <summary>
    /// Why a <c>text()</c> step with a predicate is not translated: only <c>text()[n]</c> is (n a whole number from 1, the
    /// n-th text child of each element selected before it), as the last step and not after <c>//</c>.
    /// </summary>
    private static string? TextStepReason(ExpressionNode node)
    {
        var steps = node switch
        {
            LocationPath path => path.Steps,
            PathExpression path => path.Steps,
            _ => [],
        };
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            if (step.Test is not NodeTypeTest { Type: NodeType.Text } || step.Predicates.IsEmpty)
            {
                continue;
            }

            var positional = step.Predicates is [NumberLiteral number] && int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1;
            var afterDescendant = i > 0 && steps[i - 1] is { Axis: XPathAxis.DescendantOrSelf, Test: NodeTypeTest { Type: NodeType.Node } };
            if (!positional)
            {
                return "a predicate on text() is translated only as a position, a whole number from 1 (`a/text()[1]`: the first text child of each a); a test, last(), position() or a computed or fractional position on text nodes is not modelled";
            }

            if (afterDescendant)
            {
                return "text()[n] after `//` counts the text children of every element below, each apart (descendant-or-self::node()/child::text()[n]), which is not modelled (`a/text()[n]` is translated)";
            }

            if (i != steps.Length - 1 || step.Axis != XPathAxis.Child)
            {
                return "text()[n] is translated only as the last step of a path, on the child axis";
            }
        }

        return null;
    }

    /// <summary>A node and every node below it (operands, predicates and steps alike).</summary>
    private static IEnumerable<ExpressionNode> Descendants(ExpressionNode node)
    {
        yield return node;
        var children = node switch
        {
            LocationPath path => path.Steps.SelectMany(step => step.Predicates),
            PathExpression path => path.Steps.SelectMany(step => step.Predicates).Prepend(path.Start),
            FilterExpression filter => filter.Predicates.Prepend(filter.Primary),
            _ => Operands(node),
        };
        foreach (var child in children)
        {
            foreach (var nested in Descendants(child))
            {
                yield return nested;
            }
        }
    }

    private static ExpressionNode JsonRoot(ExpressionNode node) => node switch
    {
        MemberAccess m => JsonRoot(m.Target),
        WildcardAccess w => JsonRoot(w.Target),
        IndexAccess i => JsonRoot(i.Target),
        SliceAccess s => JsonRoot(s.Target),
        FilterAccess f => JsonRoot(f.Target),
        _ => node,
    };

    /// <summary>The location steps of a path and of the paths inside its predicates.</summary>
    private static IEnumerable<Step> Steps(ExpressionNode node)
    {
        var steps = node switch
        {
            LocationPath path => path.Steps,
            PathExpression path => path.Steps,
            _ => [],
        };
        var inner = node switch
        {
            FilterExpression filter => filter.Predicates.Add(filter.Primary),
            _ => Operands(node),
        };
        foreach (var step in steps)
        {
            yield return step;
            foreach (var predicate in step.Predicates)
            {
                foreach (var nested in Steps(predicate))
                {
                    yield return nested;
                }
            }
        }

        foreach (var operand in inner)
        {
            foreach (var nested in Steps(operand))
            {
                yield return nested;
            }
        }
    }

    private static string AxisName(XPathAxis axis) => axis switch
    {
        XPathAxis.Ancestor => "ancestor",
        XPathAxis.AncestorOrSelf => "ancestor-or-self",
        XPathAxis.Following => "following",
        XPathAxis.FollowingSibling => "following-sibling",
        XPathAxis.Namespace => "namespace",
        XPathAxis.Parent => "parent",
        XPathAxis.Preceding => "preceding",
        XPathAxis.PrecedingSibling => "preceding-sibling",
        _ => axis.ToString(),
    };

    private static string? Reason(ExpressionNode node, ExpressionLanguage language)
    {
        switch (node)
        {
            case UnaryExpression { Operator: UnaryOperator.Not } when language == ExpressionLanguage.Synapse:
                // ExpressionParser.g4 has `!` only inside a JSONPath filter: the Micro Integrator refuses the expression.
                return "the Micro Integrator's grammar has no prefix `!` outside a filter (it refuses the expression when it deploys it); write not(...)";
            case BinaryExpression { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } b
                when language == ExpressionLanguage.Synapse && (b.Left is NullLiteral || b.Right is NullLiteral):
                return "a comparison with null of anything but a simple payload path (which is translated): a variable holds the Micro Integrator's JSON or Java value (null for a JSON null), which the package stores as its mediator's type, and a header or property fails the whole expression when it is missing";
            case VariableReference { Scope: VariableScope.Axis2 } axis2:
                return Lowerer.Axis2ReadRefusal(axis2.Name);
            case MemberAccess { Target: ContextReference { Kind: ContextKind.Properties, Scope: "axis2" } } axis2:
                return Lowerer.Axis2ReadRefusal(axis2.Name);
        }

        if (node is not FunctionCall call || language == ExpressionLanguage.JsonPath)
        {
            return null;
        }

        var xpath = language == ExpressionLanguage.XPath;
        var name = xpath && call.Prefix is not (null or "fn") ? call.QualifiedName : call.Name;
        var signature = Builtins.Find(xpath ? FunctionDialect.XPath : FunctionDialect.Synapse, name);
        if (signature is { Name: "get-property" } && GetPropertyReason(call) is { } getProperty)
        {
            return getProperty;
        }

        return signature switch
        {
            null => "a function the converter does not know",
            { NotTranslatedBecause: { } because } => because,
            _ when !signature.Accepts(call.Arguments.Length) => "translated with " + Arity(signature) + ", not " + call.Arguments.Length,
            _ => Partly.GetValueOrDefault((signature.Dialect, signature.Name)),
        };
    }

    /// <summary>Why a get-property call of a known scope or name is not translated (GetPropertyFunction).</summary>
    private static string? GetPropertyReason(FunctionCall call)
    {
        var first = call.Arguments.Length > 0 && call.Arguments[0] is StringLiteral { Value: var scope } ? scope : null;
        return (call.Arguments.Length, first) switch
        {
            (2, "axis2") when call.Arguments[1] is StringLiteral { Value: var axis2 } => Lowerer.Axis2ReadRefusal(axis2),
            (2, "system") => "a JVM system property (System.getProperty) that a system-scope property mediator of the project sets or removes: a configurable would not see the change",
            (2, "registry") => "reads a registry resource (with '@name', a property of it) when the message passes: translated as the content of a resource the input project holds, not for a resource property, a key the project has no resource for, or a JSON or text resource holding a credential (a password member or line, which would be written into the code as a literal)",
            (1, "OperationName") => "the Axis2 operation of the message: translated as 'mediate' in the in flow of an API resource or of a proxy without a WSDL, and as the operation the service dispatched to in the in flow of a proxy whose WSDL the input holds (served over HTTP only), until a non-blocking call replaces the message context; elsewhere (a named sequence, a response, a proxy whose WSDL dispatch is not reproduced or that a JMS, file or local call also reaches, a split copy) the generated code does not know it",
            (1, "OperationNamespace") => "the namespace of the Axis2 operation the message was dispatched to, which the generated code does not keep",
            (1, "From" or "RelatesTo") => "a WS-Addressing field the generated message does not carry (only To, Action, ReplyTo and FaultTo are modelled)",
            _ => null,
        };
    }

    private static string Arity(FunctionSignature signature) => (signature.MinArity, signature.MaxArity) switch
    {
        (1, 1) => "1 argument",
        var (min, max) when min == max => min.ToString(CultureInfo.InvariantCulture) + " arguments",
        var (min, max) when max == int.MaxValue => min.ToString(CultureInfo.InvariantCulture) + " or more arguments",
        var (min, max) => string.Create(CultureInfo.InvariantCulture, $"{min} to {max} arguments"),
    };

    /// <summary>Why a function the table translates is not translated for these arguments.</summary>
    private static readonly Dictionary<(FunctionDialect, string), string> Partly = new()
    {
        [(FunctionDialect.Synapse, "isString")] = TypeCheck,
        [(FunctionDialect.Synapse, "isNumber")] = TypeCheck,
        [(FunctionDialect.Synapse, "isArray")] = TypeCheck,
        [(FunctionDialect.Synapse, "isObject")] = TypeCheck,
        [(FunctionDialect.Synapse, "exists")] = "translated for a payload path or a variable (with or without a path) of member names and indexes",
        [(FunctionDialect.Synapse, "formatDateTime")] = "translated as formatDateTime(now(), 'pattern') and formatDateTime(text, 'inputPattern', 'outputPattern') with numeric fields only (output: y, M, MM, d, H, k, K, h, m, s; input: yy, yyyy, M, d, H, m, s, adjacent only before MM, dd, HH, mm, ss); text, zone and fraction fields, a source other than now() or a string, and patterns that are not literals are not",
        [(FunctionDialect.Synapse, "xpath")] = "translated for a string literal XPath; with a variable name, for an absolute path ('/a', '//a') over a variable every variable mediator of the project sets with type=\"XML\" (not 'name.field', a field of a Map variable)",
        [(FunctionDialect.Synapse, "registry")] = "translated for a string literal key of a resource the input project holds (its content at conversion time); not for a resource property (.property(name)), a key the project has no resource for, or a text/plain resource, whose text getRegistryResource base64-decodes",
        [(FunctionDialect.Synapse, "length")] = "translated for a string, a payload path or a JSON result (split, object, array); a variable is stored as its mediator's type, not as the Micro Integrator keeps it",
        [(FunctionDialect.Synapse, "split")] = "translated for a string and a string-literal regex that JavaRegex translates for a search (String.split compiles the pattern when the expression is evaluated; $, lookaround, backreferences and the rest JavaRegex refuses have no exact Ballerina form)",
        [(FunctionDialect.Synapse, "object")] = JsonConversion,
        [(FunctionDialect.Synapse, "array")] = JsonConversion,
        [(FunctionDialect.Synapse, "hashicorp-vault")] = "translated for string literal arguments (a secret is a configurable)",
        [(FunctionDialect.Synapse, "wso2-vault")] = "translated for a string literal alias (a secret is a configurable)",
        [(FunctionDialect.XPath, "wso2:vault-lookup")] = "translated for a string literal alias (a secret is a configurable)",
        [(FunctionDialect.XPath, "local-name")] = ContextNameReason,
        [(FunctionDialect.XPath, "namespace-uri")] = ContextNameReason,
        [(FunctionDialect.XPath, "get-property")] = "see docs/expressions.md for the properties and scopes get-property translates",
    };

    private const string ContextNameReason = "translated over an element path (the first element's name) and, without an argument, inside a predicate compared with a string literal by = (`//*[local-name()='status']`: the element the predicate tests); not over attributes, text or other nodes, nor without an argument elsewhere (outside a predicate Synapse's context node is the SOAP Envelope, inside one only the comparison with a literal is translated)";

    private const string TypeCheck = "translated for a simple payload path or a JSON result (split, object, array), whose JSON type the run time reads; a variable is stored as its mediator's type, not as the Micro Integrator keeps it";

    private const string JsonConversion = "translated for a string literal, a string, a payload path or a JSON result (split, object, array); a variable is stored as its mediator's type, not as the Micro Integrator keeps the JSON element";
}
