using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>A value computed at run time. Every expression has a Ballerina type of string unless noted.</summary>
public abstract record ExprIr
{
    private protected ExprIr()
    {
    }

}

public sealed record StringLiteralIr(string Value) : ExprIr
;

/// <summary>A default-scope property (<c>get-property('x')</c>, <c>$ctx:x</c>).</summary>
/// <param name="Fallback">The local entry read when no such property is set, as get-property does (a Ballerina expression of type string).</param>
public sealed record PropertyReadIr(string Name, string? Fallback = null) : ExprIr
;

/// <summary>An MI 4.4 variable (<c>${vars.x}</c>, <c>$var:x</c>).</summary>
public sealed record VariableReadIr(string Name) : ExprIr;

/// <summary>A resource path parameter read through its Ballerina parameter (<c>uri.var.x</c> inside its resource).</summary>
public sealed record PathParamIr(string BallerinaName) : ExprIr
;

/// <summary>An HTTP header (<c>$trp:x</c>, <c>get-property('transport','x')</c>).</summary>
public sealed record HeaderReadIr(string Name) : ExprIr
;

/// <summary>A well-known message attribute kept in a typed field of the context.</summary>
public sealed record ContextFieldIr(ContextField Field) : ExprIr
;

public enum ContextField
{
    StatusCode,
    ContentType,
    Method,
    UrlPostfix,
}

/// <summary><c>json-eval(path)</c> as Synapse stringifies it.</summary>
public sealed record JsonEvalIr(string Path) : ExprIr
;

/// <summary>XML navigation from the SOAP Body: steps select child elements (or descendants).</summary>
public sealed record XmlNavigationIr(ImmutableArray<XmlStepIr> Steps, bool TextOnly) : ExprIr
;

/// <param name="Prefix">Namespace prefix as written, or null.</param>
/// <param name="Descendant">True for a <c>//</c> step.</param>
public sealed record XmlStepIr(string? Prefix, string? NamespaceUri, string LocalName, bool Descendant);

public sealed record ConcatIr(ImmutableArray<ExprIr> Parts) : ExprIr
;

/// <summary>A number computed from other values: <c>count(nodes)</c> or <c>string-length(s)</c>.</summary>
public sealed record CountIr(ExprIr Operand, bool Nodes) : ExprIr
;

/// <summary>Values Synapse computes itself: get-property('SYSTEM_TIME'), ('SYSTEM_DATE'), ('MessageID').</summary>
public sealed record SystemValueIr(SystemValue Value) : ExprIr
;

public enum SystemValue
{
    /// <summary>Epoch milliseconds.</summary>
    Time,

    /// <summary>The current date and time.</summary>
    Date,

    /// <summary>The message's id.</summary>
    MessageId,

    /// <summary>The To address: for a request to an API, its path and query.</summary>
    To,
}

/// <summary>A module-level configurable (a secret from <c>wso2:vault-lookup</c>).</summary>
public sealed record ConfigurableReadIr(string Name) : ExprIr
;

/// <summary>An expression SynapseToBal does not translate; it fails at run time with the original text.</summary>
public sealed record UntranslatedExprIr(string Original) : ExprIr
;

/// <summary>
/// A value that is not a string (used where Synapse moves message content rather than text, as enrich does):
/// the payload, a property as stored, XML nodes, a JSON value, or inline JSON/XML parsed.
/// </summary>
public abstract record ValueIr
{
    private protected ValueIr()
    {
    }

    public sealed record Payload : ValueIr;

    public sealed record Property(string Name) : ValueIr;

    public sealed record XmlNodes(XmlNavigationIr Navigation) : ValueIr;

    public sealed record Json(string Path) : ValueIr;

    public sealed record ParsedJson(string Source) : ValueIr;

    public sealed record ParsedXml(string Source) : ValueIr;

    /// <summary>Any string expression.</summary>
    public sealed record String(ExprIr Value) : ValueIr;
}

/// <summary>A boolean condition.</summary>
public abstract record ConditionIr
{
    private protected ConditionIr()
    {
    }
}

/// <summary>A string is "true" in XPath when it is not empty.</summary>
public sealed record NonEmptyIr(ExprIr Value) : ConditionIr;

/// <param name="Numeric">Compare as numbers (XPath converts both sides when one is a number or the operator is relational).</param>
public sealed record CompareIr(ExprIr Left, string Operator, ExprIr Right, bool Numeric = false) : ConditionIr;

public sealed record RegexMatchIr(ExprIr Value, string Pattern) : ConditionIr;

/// <summary>XPath contains(), starts-with() and ends-with().</summary>
public sealed record StringTestIr(ExprIr Value, StringTest Test, ExprIr Operand) : ConditionIr;

public enum StringTest
{
    Contains,
    StartsWith,
    EndsWith,
}

public sealed record AndIr(ConditionIr Left, ConditionIr Right) : ConditionIr;

public sealed record OrIr(ConditionIr Left, ConditionIr Right) : ConditionIr;

public sealed record NotIr(ConditionIr Operand) : ConditionIr;

public sealed record BoolLiteralIr(bool Value) : ConditionIr;

/// <summary>A condition SynapseToBal does not translate.</summary>
public sealed record UntranslatedConditionIr(string Original) : ConditionIr;
