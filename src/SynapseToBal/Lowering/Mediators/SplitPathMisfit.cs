using SynapseToBal.Syntax;
using SynapseToBal.Syntax.Expressions;

namespace SynapseToBal.Lowering;

// Why an iterate's XPath (its expression, or the attachPath of preservePayload) that looks like an element selection
// is not one the converter can translate. Synapse evaluates both on the SOAP envelope: SynapseXPath.getContext puts
// the envelope in the context node-set, and IterateMediator evaluates the attachPath on the copy's envelope
// (attachPath.evaluate(newEnvelope, synCtx)); a prefix the XPath's element does not declare makes Jaxen throw
// (UnresolvableException, "Evaluation of the XPath expression ... resulted in an error"), which fails the iterate.
public sealed partial class Lowerer
{
    /// <summary>
    /// The reason a location path does not select elements of the message the converter can reach (an undeclared
    /// prefix, an absolute path not starting at the SOAP Envelope, a path relative to the envelope), phrased to follow
    /// the path in a sentence; null for anything else (the caller's general reason then applies).
    /// </summary>
    private static string? PathMisfit(ExpressionSyntax expression)
    {
        if (expression.Language != ExpressionLanguage.XPath || expression.Parse() is not { Success: true, Root: LocationPath path })
        {
            return null;
        }

        if (path.Steps.Select(step => step.Test).OfType<NameTest>().FirstOrDefault(test => test.Prefix is { } prefix && !expression.Namespaces.ContainsKey(prefix)) is { } undeclared)
        {
            return $"uses the prefix '{undeclared.Prefix}', which no xmlns in scope declares: Synapse fails evaluating it (Jaxen cannot resolve the prefix)";
        }

        if (path.Absolute && path.Steps is [{ Axis: XPathAxis.Child, Test: NameTest first }, ..]
            && !(first.LocalName == "Envelope" && first.Prefix is { } envelopePrefix && expression.Namespaces.GetValueOrDefault(envelopePrefix) is SoapEnvelope11 or SoapEnvelope12))
        {
            return "is an absolute path whose first step is not the SOAP Envelope (the only element at the document root): it selects nothing in the message, and Synapse fails the iterate on it";
        }

        if (!path.Absolute)
        {
            return "is a path relative to the SOAP Envelope (Synapse's context node), which the converter does not translate: write it from the root (//x or /soapenv:Envelope/soapenv:Body/x)";
        }

        return null;
    }

    /// <summary>A prefix a location path's name steps use that no xmlns in scope declares; null when there is none.</summary>
    private static string? UndeclaredPrefix(ExpressionSyntax expression) =>
        expression.Language == ExpressionLanguage.XPath && expression.Parse() is { Success: true, Root: LocationPath path }
            ? path.Steps.Select(step => step.Test).OfType<NameTest>().FirstOrDefault(test => test.Prefix is { } prefix && !expression.Namespaces.ContainsKey(prefix))?.Prefix
            : null;

    private const string SoapEnvelope11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string SoapEnvelope12 = "http://www.w3.org/2003/05/soap-envelope";
}
