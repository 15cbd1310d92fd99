using System.Collections.Immutable;

namespace SynapseToBal.IR;

/// <summary>
/// A JSON payload template as a tree (payloadFactory with media-type json, inline JSON in enrich): objects,
/// arrays and scalars as written, with typed slots where the template's <c>$n</c> arguments go.
/// </summary>
public abstract record JsonNodeIr
{
    private JsonNodeIr()
    {
    }

    public sealed record Object(ImmutableArray<JsonMemberIr> Members) : JsonNodeIr;

    public sealed record Array(ImmutableArray<JsonNodeIr> Items) : JsonNodeIr;

    /// <summary>A string: literal text and argument slots inside the quotes (each slot's value is pasted as text).</summary>
    public sealed record String(ImmutableArray<TemplatePart> Parts) : JsonNodeIr;

    /// <summary>A number as written in the template (JSON number syntax).</summary>
    public sealed record Number(string Text) : JsonNodeIr;

    public sealed record Boolean(bool Value) : JsonNodeIr;

    public sealed record Null : JsonNodeIr;

    /// <summary>An argument outside quotes: its value is the JSON value itself (a JSONPath result, or text parsed as JSON).</summary>
    public sealed record Slot(ExprIr Value) : JsonNodeIr;
}

public sealed record JsonMemberIr(string Name, JsonNodeIr Value);
