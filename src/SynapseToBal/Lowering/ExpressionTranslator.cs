using System.Collections.Immutable;
using System.Text;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// Translates the common subset of Synapse expressions (XPath 1.0 with Synapse variables and
/// get-property, json-eval, MI 4.4 <c>${...}</c>) into IR. Anything outside the subset becomes an
/// <see cref="UntranslatedExprIr"/>; the caller reports it.
/// </summary>
public sealed class ExpressionTranslator
{
    private const string SoapEnv11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string SoapEnv12 = "http://www.w3.org/2003/05/soap-envelope";

    private static readonly IReadOnlyDictionary<string, Symbol> NoSymbols = new Dictionary<string, Symbol>();

    private readonly IReadOnlyDictionary<string, Symbol> _pathParams;
    private readonly Func<string, Symbol>? _secret;
    private readonly IReadOnlyDictionary<string, LocalEntryReadIr> _entries;
    private IReadOnlyDictionary<string, Symbol> _functionParams = NoSymbols;

    /// <param name="pathParams">Resource path parameters in scope (Synapse name → parameter symbol).</param>
    /// <param name="secret">Declares a secret configurable for a vault alias and returns its symbol.</param>
    /// <param name="entries">Local entries by key (get-property falls back to them).</param>
    public ExpressionTranslator(IReadOnlyDictionary<string, Symbol> pathParams, Func<string, Symbol>? secret = null, IReadOnlyDictionary<string, LocalEntryReadIr>? entries = null)
    {
        _pathParams = pathParams;
        _secret = secret;
        _entries = entries ?? new Dictionary<string, LocalEntryReadIr>();
    }

    public static ExpressionTranslator Empty { get; } = new(NoSymbols);

    /// <summary>The same translator with other path parameters in scope.</summary>
    public ExpressionTranslator WithPathParams(IReadOnlyDictionary<string, Symbol> pathParams) => new(pathParams, _secret, _entries) { _functionParams = _functionParams };

    /// <summary>The same translator with the project's local entries known.</summary>
    public ExpressionTranslator WithEntries(IReadOnlyDictionary<string, LocalEntryReadIr> entries) => new(_pathParams, _secret, entries) { _functionParams = _functionParams };

    /// <summary>The same translator inside a sequence template: <c>$func:p</c> and get-property('func', 'p') read its parameters.</summary>
    public ExpressionTranslator WithFunctionParams(IReadOnlyDictionary<string, Symbol> parameters) => new(_pathParams, _secret, _entries) { _functionParams = parameters };

    /// <summary>A template parameter, when one of that name is in scope.</summary>
    internal ExprIr? FunctionParam(string name) => _functionParams.TryGetValue(name, out var local) ? new ParameterReadIr(local) : null;

    internal ExprIr? Secret(string alias) => _secret is null ? null : new ConfigurableReadIr(_secret(alias));

    public ExprIr Value(ExpressionSyntax expression) => expression.Language switch
    {
        ExpressionLanguage.JsonPath => JsonPath(expression.Text, expression.Original),
        ExpressionLanguage.Synapse => SynapseValue(expression.Text, expression.Original),
        _ => XPathValue(expression),
    };

    public ConditionIr Condition(ExpressionSyntax expression)
    {
        switch (expression.Language)
        {
            case ExpressionLanguage.XPath:
            {
                var parser = new XPathParser(expression.Text, expression.Namespaces, this);
                var node = parser.ParseComplete();
                return node is null ? new UntranslatedConditionIr(expression.Original) : parser.ToCondition(node);
            }

            case ExpressionLanguage.Synapse:
            {
                var parser = new XPathParser(expression.Text.Replace("==", "=", StringComparison.Ordinal)
                    .Replace("&&", " and ", StringComparison.Ordinal).Replace("||", " or ", StringComparison.Ordinal),
                    expression.Namespaces, this, synapseSyntax: true);
                var node = parser.ParseComplete();
                return node is null ? new UntranslatedConditionIr(expression.Original) : parser.ToCondition(node);
            }

            default:
            {
                // json-eval in a boolean position: Boolean.parseBoolean of the result.
                var value = Value(expression);
                return value is UntranslatedExprIr ? new UntranslatedConditionIr(expression.Original) : new CompareIr(value, "=", new StringLiteralIr("true"));
            }
        }
    }

    private ExprIr XPathValue(ExpressionSyntax expression)
    {
        var parser = new XPathParser(expression.Text, expression.Namespaces, this);
        var node = parser.ParseComplete();
        return node is null ? new UntranslatedExprIr(expression.Original) : parser.ToValue(node) ?? new UntranslatedExprIr(expression.Original);
    }

    private static ExprIr JsonPath(string path, string original)
    {
        var trimmed = path.Trim();
        return IsSimpleJsonPath(trimmed) ? new JsonEvalIr(trimmed) : new UntranslatedExprIr(original);
    }

    /// <summary>JSONPaths the generated <c>jsonPath</c> helper evaluates: <c>$</c>, <c>.name</c>, <c>[n]</c>, <c>['name']</c>.</summary>
    public static bool IsSimpleJsonPath(string path)
    {
        if (!path.StartsWith('$'))
        {
            return false;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                var start = i;
                while (i < path.Length && path[i] != '.' && path[i] != '[')
                {
                    if (path[i] is '*' or '(' or ')' or '?' or '@' or ' ')
                    {
                        return false;
                    }

                    i++;
                }

                if (i == start)
                {
                    return false;
                }
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    return false;
                }

                var inner = path[(i + 1)..close].Trim();
                var quoted = inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0];
                if (!quoted && !inner.All(char.IsAsciiDigit))
                {
                    return false;
                }

                if (inner.Length == 0)
                {
                    return false;
                }

                i = close + 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>MI 4.4 accessors: payload/$, vars, props/properties, headers, params.</summary>
    private ExprIr SynapseValue(string text, string original)
    {
        var parser = new XPathParser(text, ImmutableDictionary<string, string>.Empty, this, synapseSyntax: true);
        var node = parser.ParseComplete();
        return node is null ? new UntranslatedExprIr(original) : parser.ToValue(node) ?? new UntranslatedExprIr(original);
    }

    /// <summary>get-property('name'): the special keys Synapse computes itself, else a default-scope property.</summary>
    internal ExprIr GetProperty(string name)
    {
        switch (name)
        {
            case "SYSTEM_TIME":
                return new SystemValueIr(SystemValue.Time);
            case "SYSTEM_DATE":
                return new SystemValueIr(SystemValue.Date);
            case "MessageID":
                return new SystemValueIr(SystemValue.MessageId);
            case "To":
                return new SystemValueIr(SystemValue.To);
            case "Action":
                return new HeaderReadIr("SOAPAction");
            case "From" or "FaultTo" or "ReplyTo" or "RelatesTo" or "MESSAGE_FORMAT" or "OperationName":
                // WS-Addressing and Axis2 message fields: the generated message model does not carry them.
                return new UntranslatedExprIr($"get-property('{name}')");
            default:
                return PropertyOrParam(name);
        }
    }

    /// <summary>A default-scope property (<c>$ctx:name</c>); <c>uri.var.*</c> of a resource path parameter reads the parameter.</summary>
    internal ExprIr PropertyOrParam(string name)
    {

        if (name.StartsWith("uri.var.", StringComparison.Ordinal) && _pathParams.TryGetValue(name["uri.var.".Length..], out var param))
        {
            return new ParameterReadIr(param);
        }

        return new PropertyReadIr(name, _entries.GetValueOrDefault(name));
    }

    /// <summary>get-property with a scope.</summary>
    internal ExprIr? ScopedProperty(string scope, string name) => scope.ToLowerInvariant() switch
    {
        "default" => GetProperty(name),
        "transport" => new HeaderReadIr(name),
        "axis2" => Axis2Property(name),
        "operation" => new PropertyReadIr(name),
        "func" => FunctionParam(name),
        _ => null,
    };

    internal static ExprIr? Axis2Property(string name) => name switch
    {
        "HTTP_SC" => new ContextFieldIr(ContextField.StatusCode),
        "messageType" or "ContentType" => new ContextFieldIr(ContextField.ContentType),
        "HTTP_METHOD" => new ContextFieldIr(ContextField.Method),
        "REST_URL_POSTFIX" => new ContextFieldIr(ContextField.UrlPostfix),
        _ => null,
    };

    // ---------------------------------------------------------------------------------------------
    // A small recursive-descent parser for the XPath subset.
    private abstract record Node;

    private sealed record Str(string Value) : Node;

    private sealed record Num(string Text) : Node;

    private sealed record Val(ExprIr Expr) : Node;

    private sealed record PathNode(ImmutableArray<XmlStepIr> Steps, bool TextOnly) : Node;

    private sealed record Binary(string Op, Node Left, Node Right) : Node;

    private sealed record Call(string Name, ImmutableArray<Node> Args) : Node;

    private sealed class XPathParser
    {
        private readonly string _text;
        private readonly ImmutableDictionary<string, string> _namespaces;
        private readonly ExpressionTranslator _owner;
        private readonly bool _synapse;
        private int _pos;

        public XPathParser(string text, ImmutableDictionary<string, string> namespaces, ExpressionTranslator owner, bool synapseSyntax = false)
        {
            _text = text;
            _namespaces = namespaces;
            _owner = owner;
            _synapse = synapseSyntax;
        }

        public Node? ParseComplete()
        {
            try
            {
                var node = ParseOr();
                SkipWs();
                return node is not null && _pos == _text.Length ? node : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        public ExprIr? ToValue(Node node) => node switch
        {
            Str s => new StringLiteralIr(s.Value),
            Num n => new StringLiteralIr(n.Text),
            Val v => v.Expr,
            PathNode p => new XmlNavigationIr(p.Steps, p.TextOnly),
            Call c => CallValue(c),
            _ => null,
        };

        public ConditionIr ToCondition(Node node)
        {
            switch (node)
            {
                case Binary { Op: "and" } b:
                    return new AndIr(ToCondition(b.Left), ToCondition(b.Right));
                case Binary { Op: "or" } b:
                    return new OrIr(ToCondition(b.Left), ToCondition(b.Right));
                case Binary b:
                {
                    var left = ToValue(b.Left);
                    var right = ToValue(b.Right);
                    if (left is null || right is null)
                    {
                        return new UntranslatedConditionIr(_text);
                    }

                    var numeric = b.Op is "<" or ">" or "<=" or ">=" || b.Left is Num || b.Right is Num
                        || left is CountIr || right is CountIr;
                    return new CompareIr(left, b.Op, right, numeric);
                }

                case Call { Name: "not", Args.Length: 1 } c:
                    return new NotIr(ToCondition(c.Args[0]));
                case Call { Name: "boolean", Args.Length: 1 } c:
                    return ToCondition(c.Args[0]);
                case Call { Name: "contains" or "starts-with" or "ends-with", Args.Length: 2 } c:
                {
                    var value = ToValue(c.Args[0]);
                    var operand = ToValue(c.Args[1]);
                    if (value is null || operand is null)
                    {
                        return new UntranslatedConditionIr(_text);
                    }

                    var test = c.Name switch
                    {
                        "contains" => StringTest.Contains,
                        "starts-with" => StringTest.StartsWith,
                        _ => StringTest.EndsWith,
                    };
                    return new StringTestIr(value, test, operand);
                }

                case Call { Name: "true", Args.Length: 0 }:
                    return new BoolLiteralIr(true);
                case Call { Name: "false", Args.Length: 0 }:
                    return new BoolLiteralIr(false);
                default:
                {
                    var value = ToValue(node);
                    return value is null or UntranslatedExprIr ? new UntranslatedConditionIr(_text) : new NonEmptyIr(value);
                }
            }
        }

        private ExprIr? CallValue(Call call)
        {
            switch (call.Name)
            {
                case "get-property":
                {
                    var args = call.Args.Select(a => a as Str).ToArray();
                    if (args.Any(a => a is null))
                    {
                        return null;
                    }

                    return args.Length switch
                    {
                        1 => _owner.GetProperty(args[0]!.Value),
                        2 => _owner.ScopedProperty(args[0]!.Value, args[1]!.Value),
                        _ => null,
                    };
                }

                case "concat" when call.Args.Length >= 2:
                {
                    var parts = call.Args.Select(ToValue).ToArray();
                    return parts.Any(p => p is null) ? null : new ConcatIr(parts.Select(p => p!).ToImmutableArray());
                }

                case "string" or "number" when call.Args.Length == 1:
                    // number() only matters for comparisons, which compare numerically anyway.
                    return ToValue(call.Args[0]);
                case "xpath" when _synapse && call.Args.Length == 1 && call.Args[0] is Str xpath:
                {
                    // MI 4.4 xpath('...'): an XPath over the XML payload.
                    var parser = new XPathParser(xpath.Value, _namespaces, _owner);
                    var node = parser.ParseComplete();
                    return node is null ? null : parser.ToValue(node);
                }
                case "wso2:vault-lookup" or "hashicorp:vault-lookup" when call.Args.Length >= 1 && call.Args[0] is Str alias:
                    // A secret never becomes a literal: it is a required configurable.
                    return _owner.Secret(alias.Value);
                case "count" when call.Args.Length == 1 && call.Args[0] is PathNode path && !path.TextOnly:
                    return new CountIr(new XmlNavigationIr(path.Steps, false), Nodes: true);
                case "string-length" when call.Args.Length == 1:
                {
                    var operand = ToValue(call.Args[0]);
                    return operand is null ? null : new CountIr(operand, Nodes: false);
                }
                default:
                    return null;
            }
        }

        private Node? ParseOr()
        {
            var left = ParseAnd();
            while (left is not null && TryKeyword("or"))
            {
                var right = ParseAnd() ?? throw new FormatException();
                left = new Binary("or", left, right);
            }

            return left;
        }

        private Node? ParseAnd()
        {
            var left = ParseEquality();
            while (left is not null && TryKeyword("and"))
            {
                var right = ParseEquality() ?? throw new FormatException();
                left = new Binary("and", left, right);
            }

            return left;
        }

        private Node? ParseEquality()
        {
            var left = ParsePrimary();
            if (left is null)
            {
                return null;
            }

            SkipWs();
            foreach (var op in new[] { "!=", "<=", ">=", "=", "<", ">" })
            {
                if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
                {
                    _pos += op.Length;
                    var right = ParsePrimary() ?? throw new FormatException();
                    return new Binary(op, left, right);
                }
            }

            return left;
        }

        private Node? ParsePrimary()
        {
            SkipWs();
            if (_pos >= _text.Length)
            {
                return null;
            }

            var c = _text[_pos];
            if (c is '\'' or '"')
            {
                var end = _text.IndexOf(c, _pos + 1);
                if (end < 0)
                {
                    throw new FormatException();
                }

                var value = _text[(_pos + 1)..end];
                _pos = end + 1;
                return new Str(value);
            }

            if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
            {
                var start = _pos++;
                while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
                {
                    _pos++;
                }

                return new Num(_text[start.._pos]);
            }

            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                SkipWs();
                if (inner is null || _pos >= _text.Length || _text[_pos] != ')')
                {
                    throw new FormatException();
                }

                _pos++;
                return inner;
            }

            if (c == '$')
            {
                return ParseVariable();
            }

            if (c == '/')
            {
                return ParsePath(fromBody: false, absolute: true);
            }

            var name = ReadName();
            if (name.Length == 0)
            {
                throw new FormatException();
            }

            SkipWs();
            if (name == "json-eval" && _pos < _text.Length && _text[_pos] == '(')
            {
                // json-eval(<JSONPath>) inside an XPath: the argument is a JSONPath, not XPath.
                var depth = 0;
                var start = ++_pos;
                while (_pos < _text.Length && (_text[_pos] != ')' || depth > 0))
                {
                    depth += _text[_pos] == '(' ? 1 : _text[_pos] == ')' ? -1 : 0;
                    _pos++;
                }

                if (_pos >= _text.Length)
                {
                    throw new FormatException();
                }

                var path = _text[start.._pos].Trim();
                _pos++;
                return IsSimpleJsonPath(path) ? new Val(new JsonEvalIr(path)) : throw new FormatException();
            }

            if (name.StartsWith("fn:", StringComparison.Ordinal))
            {
                // The XPath function namespace prefix is optional: fn:concat is concat.
                name = name[3..];
            }

            if (_pos < _text.Length && _text[_pos] == '(' && name != "text")
            {
                _pos++;
                var args = ImmutableArray.CreateBuilder<Node>();
                SkipWs();
                if (_pos < _text.Length && _text[_pos] == ')')
                {
                    _pos++;
                    return new Call(name, args.ToImmutable());
                }

                while (true)
                {
                    args.Add(ParseOr() ?? throw new FormatException());
                    SkipWs();
                    if (_pos < _text.Length && _text[_pos] == ',')
                    {
                        _pos++;
                        continue;
                    }

                    if (_pos < _text.Length && _text[_pos] == ')')
                    {
                        _pos++;
                        return new Call(name, args.ToImmutable());
                    }

                    throw new FormatException();
                }
            }

            if (_synapse)
            {
                // Literals of MI 4.4 expressions, compared as Synapse stringifies values (null and a missing value read as "").
                switch (name)
                {
                    case "null":
                        return new Str(string.Empty);
                    case "true" or "false":
                        return new Str(name);
                }

                return SynapseAccessor(name);
            }

            // A relative location path: its context node is the SOAP envelope, which the subset does not model.
            throw new FormatException();
        }

        /// <summary><c>$ctx:x</c>, <c>$trp:x</c>, <c>$axis2:x</c>, <c>$url:x</c>, <c>$body/...</c>; in ${...} <c>$.a.b</c>.</summary>
        private Node ParseVariable()
        {
            _pos++; // $
            if (_synapse && _pos < _text.Length && (_text[_pos] == '.' || _text[_pos] == '['))
            {
                return new Val(JsonPath("$" + ReadJsonPathTail(), "$"));
            }

            var name = ReadName();
            if (name.Length == 0)
            {
                throw new FormatException();
            }

            var colon = name.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var scope = name[..colon];
                var property = name[(colon + 1)..];
                ExprIr? value = scope switch
                {
                    "ctx" => _owner.PropertyOrParam(property),
                    "func" => _owner.FunctionParam(property),
                    "trp" => new HeaderReadIr(property),
                    "axis2" => Axis2Property(property),
                    "url" => new PropertyReadIr("query.param." + property),
                    "operation" => new PropertyReadIr(property),
                    "var" => new VariableReadIr(property),
                    _ => null,
                };
                return value is null ? throw new FormatException() : new Val(value);
            }

            if (name == "body" && _pos < _text.Length && _text[_pos] == '/')
            {
                return ParsePath(fromBody: true, absolute: false);
            }

            throw new FormatException();
        }

        private string ReadJsonPathTail()
        {
            var start = _pos;
            while (_pos < _text.Length && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] is not ('=' or '!' or ')' or ',' or '<' or '>'))
            {
                _pos++;
            }

            return _text[start.._pos];
        }

        private Node SynapseAccessor(string name)
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var root = dot < 0 ? name : name[..dot];
            var rest = dot < 0 ? string.Empty : name[(dot + 1)..];
            switch (root)
            {
                case "payload":
                    return new Val(JsonPath("$" + (rest.Length > 0 ? "." + rest : string.Empty) + ReadJsonPathTail(), name));
                case "vars" or "var":
                    return rest.Length > 0 ? new Val(new VariableReadIr(rest)) : throw new FormatException();
                case "props" or "properties":
                {
                    var parts = rest.Split('.', 2);
                    if (parts.Length == 2)
                    {
                        var value = parts[0] switch
                        {
                            "synapse" => _owner.PropertyOrParam(parts[1]),
                            "axis2" => Axis2Property(parts[1]),
                            _ => null,
                        };
                        if (value is not null)
                        {
                            return new Val(value);
                        }
                    }

                    throw new FormatException();
                }

                case "headers":
                {
                    if (rest.Length > 0)
                    {
                        return new Val(new HeaderReadIr(rest));
                    }

                    var key = ReadBracketKey();
                    return new Val(new HeaderReadIr(key));
                }

                case "params":
                {
                    var parts = rest.Split('.', 2);
                    if (parts.Length == 2)
                    {
                        return parts[0] switch
                        {
                            "queryParams" => new Val(new PropertyReadIr("query.param." + parts[1])),
                            "uriParams" or "pathParams" => new Val(_owner.PropertyOrParam("uri.var." + parts[1])),
                            _ => throw new FormatException(),
                        };
                    }

                    throw new FormatException();
                }

                default:
                    throw new FormatException();
            }
        }

        private string ReadBracketKey()
        {
            SkipWs();
            if (_pos >= _text.Length || _text[_pos] != '[')
            {
                throw new FormatException();
            }

            _pos++;
            SkipWs();
            var str = ParsePrimary() as Str ?? throw new FormatException();
            SkipWs();
            if (_pos >= _text.Length || _text[_pos] != ']')
            {
                throw new FormatException();
            }

            _pos++;
            return str.Value;
        }

        /// <summary>Location paths from the SOAP body: <c>$body/a/b</c>, <c>//a</c>, <c>/soapenv:Envelope/soapenv:Body/a</c>.</summary>
        private Node ParsePath(bool fromBody, bool absolute)
        {
            var steps = new List<XmlStepIr>();
            var textOnly = false;
            while (_pos < _text.Length && _text[_pos] == '/')
            {
                var descendant = _pos + 1 < _text.Length && _text[_pos + 1] == '/';
                _pos += descendant ? 2 : 1;
                if (textOnly)
                {
                    throw new FormatException();
                }

                var name = ReadName();
                if (name.StartsWith("child::", StringComparison.Ordinal))
                {
                    // The child axis written out is the default axis.
                    name = name["child::".Length..];
                }

                SkipWs();
                if (name == "text" && _pos + 1 < _text.Length && _text[_pos] == '(' && _text[_pos + 1] == ')')
                {
                    _pos += 2;
                    if (descendant)
                    {
                        throw new FormatException();
                    }

                    textOnly = true;
                    continue;
                }

                if (name.Length == 0 || name.Contains('*', StringComparison.Ordinal) || (_pos < _text.Length && _text[_pos] == '['))
                {
                    throw new FormatException();
                }

                var colon = name.IndexOf(':', StringComparison.Ordinal);
                string? prefix = colon > 0 ? name[..colon] : null;
                var local = colon > 0 ? name[(colon + 1)..] : name;
                string? uri = null;
                if (prefix is not null && !_namespaces.TryGetValue(prefix, out uri))
                {
                    throw new FormatException();
                }

                steps.Add(new XmlStepIr(prefix, uri, local, descendant));
            }

            if (absolute)
            {
                // /soapenv:Envelope/soapenv:Body/... → the steps below the body.
                if (steps.Count >= 2 && !steps[0].Descendant && !steps[1].Descendant
                    && steps[0].LocalName == "Envelope" && steps[1].LocalName == "Body"
                    && steps[0].NamespaceUri is SoapEnv11 or SoapEnv12)
                {
                    steps.RemoveRange(0, 2);
                }
                else if (steps.Count == 0 || !steps[0].Descendant)
                {
                    throw new FormatException();
                }
            }

            if (steps.Count == 0 && !fromBody)
            {
                throw new FormatException();
            }

            return new PathNode(steps.ToImmutableArray(), textOnly);
        }

        private string ReadName()
        {
            var builder = new StringBuilder();
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ':' || (c == '*' && builder.Length == 0))
                {
                    // A '-' inside a name is part of it (get-property), but "a - b" with spaces is not supported anyway.
                    builder.Append(c);
                    _pos++;
                }
                else
                {
                    break;
                }
            }

            return builder.ToString();
        }

        private bool TryKeyword(string keyword)
        {
            SkipWs();
            if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0
                && (_pos + keyword.Length == _text.Length || !char.IsLetterOrDigit(_text[_pos + keyword.Length])))
            {
                _pos += keyword.Length;
                return true;
            }

            return false;
        }

        private void SkipWs()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }
    }
}
