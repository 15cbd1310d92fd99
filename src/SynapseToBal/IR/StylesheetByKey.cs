using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// xslt / fastXSLT whose key is an expression (<c>key="{...}"</c>): the key is evaluated from the message at run time
/// (Synapse's <c>Value.evaluateValue</c>, the string value of the expression) and names one of the stylesheets the
/// input defines; any other key fails, as Synapse fails when the entry it looks up is missing.
/// </summary>
/// <param name="Source">The nodes transformed; null for the payload (the first child of the SOAP body).</param>
/// <param name="Key">The key expression, as a string.</param>
/// <param name="Stylesheets">Every stylesheet of the input a key can name, local entries first.</param>
/// <param name="TargetProperty">The property the result is stored in; null to replace the payload.</param>
public sealed record XsltByKeyStep(
    MediatorSyntax Origin,
    XmlNavigationIr? Source,
    ExprIr Key,
    ImmutableArray<StylesheetChoiceIr> Stylesheets,
    ImmutableArray<XsltParameterIr> Parameters,
    string? TargetProperty) : StepIr(Origin);

/// <summary>A stylesheet a run-time key can name.</summary>
/// <param name="Key">The local entry's name, or the registry resource's normalised key (<c>conf:/xslt/a.xslt</c>).</param>
/// <param name="Value">The module-level XML value holding the stylesheet.</param>
public sealed record StylesheetChoiceIr(string Key, Symbol Value);
