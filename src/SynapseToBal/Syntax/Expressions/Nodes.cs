using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SynapseToBal.Syntax.Expressions;

/// <summary>
/// The expression syntax tree shared by the three dialects. Every node is immutable and carries its
/// <see cref="Span"/> relative to the expression text; the owning <see cref="ExpressionSyntax"/> gives the file location.
/// </summary>
public abstract record ExpressionNode(TextSpan Span);

/// <summary>Stands where the parser could not read an expression; the error is in the result's list.</summary>
public sealed record ErrorNode(TextSpan Span) : ExpressionNode(Span);

public sealed record StringLiteral(TextSpan Span, string Value) : ExpressionNode(Span);

/// <summary>A number as written (XPath numbers are doubles; Synapse and JSONPath keep integers apart).</summary>
public sealed record NumberLiteral(TextSpan Span, string Text) : ExpressionNode(Span);

public sealed record BooleanLiteral(TextSpan Span, bool Value) : ExpressionNode(Span);

public sealed record NullLiteral(TextSpan Span) : ExpressionNode(Span);

/// <summary>JSONPath <c>/pattern/flags</c> (right operand of <c>=~</c>).</summary>
public sealed record RegexLiteral(TextSpan Span, string Pattern, string Flags) : ExpressionNode(Span);

/// <summary>Synapse <c>[a, b]</c>; JSONPath <c>['a', 'b']</c> on the right of <c>in</c>.</summary>
public sealed record ArrayLiteral(TextSpan Span, ImmutableArray<ExpressionNode> Items) : ExpressionNode(Span);

/// <summary>Where an XPath variable reads from: Synapse binds the prefixed variables to the message context.</summary>
public enum VariableScope
{
    /// <summary><c>$name</c> with no Synapse meaning (an XPath variable, or a <c>$func:</c>-less template parameter).</summary>
    Plain,

    /// <summary><c>$body</c>: the SOAP body.</summary>
    Body,

    /// <summary><c>$header</c>: the SOAP header.</summary>
    Header,

    /// <summary><c>$ctx:name</c>: a default-scope property.</summary>
    Context,

    /// <summary><c>$axis2:name</c>.</summary>
    Axis2,

    /// <summary><c>$trp:name</c>: a transport header.</summary>
    Transport,

    /// <summary><c>$url:name</c>: a query parameter.</summary>
    Url,

    /// <summary><c>$func:name</c>: a sequence template parameter.</summary>
    Function,

    /// <summary><c>$env:name</c>: an environment entry.</summary>
    Environment,

    /// <summary>Another prefix (a namespace-qualified variable).</summary>
    Qualified,
}

/// <summary>XPath <c>$name</c> or <c>$prefix:name</c>.</summary>
public sealed record VariableReference(TextSpan Span, string? Prefix, string Name) : ExpressionNode(Span)
{
    public VariableScope Scope => Prefix switch
    {
        null => Name switch
        {
            "body" => VariableScope.Body,
            "header" => VariableScope.Header,
            _ => VariableScope.Plain,
        },
        "ctx" => VariableScope.Context,
        "axis2" => VariableScope.Axis2,
        "trp" => VariableScope.Transport,
        "url" => VariableScope.Url,
        "func" => VariableScope.Function,
        "env" => VariableScope.Environment,
        _ => VariableScope.Qualified,
    };
}

public enum ContextKind
{
    /// <summary>Synapse <c>payload</c> or <c>$</c>.</summary>
    Payload,

    /// <summary>Synapse <c>vars</c>.</summary>
    Variables,

    /// <summary>Synapse <c>headers</c>.</summary>
    Headers,

    /// <summary>Synapse <c>configs</c>.</summary>
    Configs,

    /// <summary>Synapse <c>props.synapse</c> / <c>props.axis2</c> (<see cref="ContextReference.Scope"/>).</summary>
    Properties,

    /// <summary>Synapse <c>params.queryParams</c> / <c>pathParams</c> / <c>functionParams</c>.</summary>
    Parameters,

    /// <summary>JSONPath <c>$</c>: the document root.</summary>
    JsonRoot,

    /// <summary>JSONPath <c>@</c>: the node a filter tests.</summary>
    JsonCurrent,
}

/// <summary>A root of a Synapse expression or JSONPath; the accessors after it are the nodes wrapping it.</summary>
public sealed record ContextReference(TextSpan Span, ContextKind Kind, string? Scope = null) : ExpressionNode(Span);

public enum UnaryOperator
{
    Negate,
    Not,
}

public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,

    /// <summary>XPath <c>|</c>.</summary>
    Union,

    /// <summary>JSONPath filter <c>=~</c>.</summary>
    Matches,

    // JSONPath filter operators (Jayway): in, nin, subsetof, anyof, noneof, size, empty.
    In,
    NotIn,
    SubsetOf,
    AnyOf,
    NoneOf,
    Size,
    Empty,
}

public sealed record UnaryExpression(TextSpan Span, UnaryOperator Operator, ExpressionNode Operand) : ExpressionNode(Span);

public sealed record BinaryExpression(TextSpan Span, BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode(Span);

/// <summary>Synapse <c>c ? a : b</c>.</summary>
public sealed record ConditionalExpression(TextSpan Span, ExpressionNode Condition, ExpressionNode WhenTrue, ExpressionNode WhenFalse) : ExpressionNode(Span);

/// <summary>A function call; XPath names may carry a prefix (<c>fn:lower-case</c>).</summary>
public sealed record FunctionCall(TextSpan Span, string? Prefix, string Name, ImmutableArray<ExpressionNode> Arguments) : ExpressionNode(Span)
{
    public string QualifiedName => Prefix is null ? Name : Prefix + ":" + Name;
}

/// <summary>A call on a value: JSONPath <c>.length()</c>, Synapse <c>.property('x')</c>.</summary>
public sealed record MethodCall(TextSpan Span, ExpressionNode Target, string Name, ImmutableArray<ExpressionNode> Arguments) : ExpressionNode(Span);

/// <summary><c>.name</c>, <c>['name']</c>, or with <see cref="Deep"/> <c>..name</c>.</summary>
public sealed record MemberAccess(TextSpan Span, ExpressionNode Target, string Name, bool Deep = false) : ExpressionNode(Span);

/// <summary><c>.*</c>, <c>[*]</c>, or with <see cref="Deep"/> <c>..*</c>.</summary>
public sealed record WildcardAccess(TextSpan Span, ExpressionNode Target, bool Deep = false) : ExpressionNode(Span);

/// <summary><c>[i]</c>, <c>[i, j]</c>, <c>['a', 'b']</c>, <c>[(expr)]</c>; with <see cref="Deep"/> after <c>..</c>.</summary>
public sealed record IndexAccess(TextSpan Span, ExpressionNode Target, ImmutableArray<ExpressionNode> Indices, bool Deep = false) : ExpressionNode(Span);

/// <summary><c>[start:end:step]</c>, each part optional.</summary>
public sealed record SliceAccess(TextSpan Span, ExpressionNode Target, ExpressionNode? Start, ExpressionNode? End, ExpressionNode? Step) : ExpressionNode(Span);

/// <summary><c>[?(filter)]</c>; with <see cref="Deep"/> after <c>..</c>.</summary>
public sealed record FilterAccess(TextSpan Span, ExpressionNode Target, ExpressionNode Filter, bool Deep = false) : ExpressionNode(Span);

/// <summary>
/// Synapse json-eval forms beyond Jayway: several comma-separated paths (the enrich mediator's remove action
/// takes <c>json-eval($.a,$.b)</c>).
/// </summary>
public sealed record ExpressionList(TextSpan Span, ImmutableArray<ExpressionNode> Items) : ExpressionNode(Span);

/// <summary>json-eval(<c>{xpath}</c>): the JSONPath is the string value of the XPath expression, computed at run time.</summary>
public sealed record DynamicPath(TextSpan Span, ExpressionNode Expression) : ExpressionNode(Span);

// ---------------------------------------------------------------------------------------------------
// XPath location paths.

public enum XPathAxis
{
    Ancestor,
    AncestorOrSelf,
    Attribute,
    Child,
    Descendant,
    DescendantOrSelf,
    Following,
    FollowingSibling,
    Namespace,
    Parent,
    Preceding,
    PrecedingSibling,
    Self,
}

public enum NodeType
{
    Node,
    Text,
    Comment,
    ProcessingInstruction,
}

public abstract record NodeTest;

/// <summary><c>name</c>, <c>prefix:name</c>, <c>*</c> or <c>prefix:*</c> (<see cref="LocalName"/> is <c>*</c>).</summary>
public sealed record NameTest(string? Prefix, string LocalName) : NodeTest;

/// <summary><c>node()</c>, <c>text()</c>, <c>comment()</c>, <c>processing-instruction('target'?)</c>.</summary>
public sealed record NodeTypeTest(NodeType Type, string? Target = null) : NodeTest;

/// <summary>
/// One location step. Abbreviations are expanded (<c>.</c> is <c>self::node()</c>, <c>..</c> <c>parent::node()</c>,
/// <c>@x</c> <c>attribute::x</c>, <c>//</c> a <c>descendant-or-self::node()</c> step); <see cref="Abbreviated"/> says it was written short.
/// </summary>
public sealed record Step(TextSpan Span, XPathAxis Axis, NodeTest Test, ImmutableArray<ExpressionNode> Predicates, bool Abbreviated = false);

/// <summary>An XPath location path; <see cref="Absolute"/> when it starts at the root (<c>/</c> or <c>//</c>).</summary>
public sealed record LocationPath(TextSpan Span, bool Absolute, ImmutableArray<Step> Steps) : ExpressionNode(Span);

/// <summary>XPath FilterExpr with predicates: <c>$x[1]</c>, <c>(a | b)[last()]</c>.</summary>
public sealed record FilterExpression(TextSpan Span, ExpressionNode Primary, ImmutableArray<ExpressionNode> Predicates) : ExpressionNode(Span);

/// <summary>XPath <c>FilterExpr / RelativeLocationPath</c>: <c>$body/a/b</c>, <c>get-property('x')//y</c>.</summary>
public sealed record PathExpression(TextSpan Span, ExpressionNode Start, ImmutableArray<Step> Steps) : ExpressionNode(Span);

/// <summary>A parse error at a position inside the expression text.</summary>
public sealed record ExpressionError(TextSpan Span, string Message)
{
    public int Position => Span.Start;

    /// <summary>
    /// The expression exceeds one of the converter's own limits (brackets or operators nested too deep), not its
    /// dialect's grammar: the Micro Integrator may accept it.
    /// </summary>
    public bool Limit { get; init; }

    public override string ToString() => $"{Span.Start}: {Message}";
}
