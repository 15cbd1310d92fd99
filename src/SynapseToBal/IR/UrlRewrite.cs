using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>A rewrite rule: actions run when the condition (an evaluator) holds, or always without one.</summary>
public sealed record UrlRewriteRuleIr(UrlConditionIr? Condition, ImmutableArray<UrlRewriteActionIr> Actions);

/// <param name="Value">The value or the XPath's string value; null when the action has neither.</param>
/// <param name="Regex">For replace: the regular expression (Java syntax, checked to be one Ballerina reads alike).</param>
public sealed record UrlRewriteActionIr(RewriteActionType Type, UriFragment Fragment, ExprIr? Value, string? Regex, bool Resolve);

/// <summary>Where a Synapse evaluator (<c>equal</c>, <c>match</c>) reads its text.</summary>
public enum UrlConditionSource
{
    /// <summary>The URL being rewritten, or one fragment of it.</summary>
    Url,

    /// <summary>A transport header.</summary>
    Header,

    /// <summary>A query parameter of the URL being rewritten.</summary>
    Param,

    /// <summary>A default-scope property.</summary>
    Property,
}

/// <summary>A Synapse evaluator (commons <c>evaluators</c>): equal, match, not, and, or.</summary>
public abstract record UrlConditionIr
{
    private UrlConditionIr()
    {
    }

    /// <param name="Name">The header, parameter or property name, or the URL fragment (null: the whole URL).</param>
    /// <param name="Regex">True for match (the whole text matches the pattern), false for equal (ignoring case).</param>
    public sealed record Test(UrlConditionSource Source, string? Name, string Value, bool Regex) : UrlConditionIr;

    public sealed record Not(UrlConditionIr Operand) : UrlConditionIr;

    public sealed record And(ImmutableArray<UrlConditionIr> Operands) : UrlConditionIr;

    public sealed record Or(ImmutableArray<UrlConditionIr> Operands) : UrlConditionIr;
}
