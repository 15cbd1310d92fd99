using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <xslt key="{...}"> and <fastXSLT key="{...}">: the key evaluated at run time, the stylesheet chosen among
// those the input defines.
public sealed partial class Lowerer
{
    private const string XslNamespace = "http://www.w3.org/1999/XSL/Transform";

    /// <summary>The stylesheets a run-time key can name (local entry names and registry keys), computed once.</summary>
    private ImmutableArray<(string Key, LocalEntrySyntax? Entry)>? _keyedStylesheets;

    /// <summary>
    /// The key of an xslt or fastXSLT whose key is an expression, as a string value, when it can be chosen at run time:
    /// the expression is translated and the input defines at least one stylesheet. Synapse evaluates the key
    /// (<c>Value.evaluateValue</c>: the expression's string value) and looks the result up with
    /// <c>MessageContext.getEntry</c>: a local entry by its name, else a registry resource. Null otherwise (the
    /// mediator stays a TODO, SB0208).
    /// </summary>
    private ExprIr? RunTimeStylesheetKey(KeySyntax? key, FlowContext context)
    {
        if (key?.Dynamic is not { } expression || KeyedStylesheets().IsEmpty || IrWalker.ContainsUntranslated(context.Translator.Value(expression)))
        {
            return null;
        }

        return Expr(expression, context);
    }

    private XsltByKeyStep StylesheetByKey(MediatorSyntax mediator, ExprIr key, XmlNavigationIr? source, ImmutableArray<XsltParameterIr> parameters, string? target)
    {
        var choices = ImmutableArray.CreateBuilder<StylesheetChoiceIr>();
        foreach (var (name, entry) in KeyedStylesheets())
        {
            var value = entry is not null ? _entrySymbols[entry.Name] : StylesheetFor(mediator, new KeySyntax(name, null));
            if (entry is not null)
            {
                _readEntries.Add(entry.Name);
            }

            if (value is not null)
            {
                choices.Add(new StylesheetChoiceIr(name, value));
            }
        }

        var keyText = mediator switch
        {
            XsltMediator x => x.Key?.Text,
            FastXsltMediator f => f.Key?.Text,
            _ => null,
        };
        _diagnostics.Report(DiagnosticCatalog.StylesheetChosenAtRunTime, mediator.Location, keyText ?? string.Empty, choices.Count);
        return new XsltByKeyStep(mediator, source, key, choices.ToImmutable(), parameters, target);
    }

    /// <summary>
    /// Every stylesheet of the input: the local entries whose inline XML is an XSLT stylesheet (by name), then the
    /// registry resources of the project that are (by normalised key; a local entry of the same name wins, as in
    /// Synapse's lookup). Entries with text or a <c>src</c> URL are left out: Synapse cannot compile them either.
    /// </summary>
    private ImmutableArray<(string Key, LocalEntrySyntax? Entry)> KeyedStylesheets()
    {
        if (_keyedStylesheets is { } known)
        {
            return known;
        }

        var result = ImmutableArray.CreateBuilder<(string, LocalEntrySyntax?)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _model.Symbols.LocalEntries)
        {
            if (entry.Xml is { } xml && _entrySymbols.ContainsKey(entry.Name) && StylesheetRoot(xml) is { IsStylesheet: true } && names.Add(entry.Name))
            {
                result.Add((entry.Name, entry));
            }
        }

        foreach (var key in _model.RegistryKeys)
        {
            if (!names.Contains(key) && _model.RegistryText(key) is { } text && StylesheetRoot(text) is { IsStylesheet: true } && names.Add(key))
            {
                result.Add((key, null));
            }
        }

        _keyedStylesheets = result.ToImmutable();
        return _keyedStylesheets.Value;
    }

    /// <summary>
    /// The root element of XML text (a byte order mark and white space before it allowed): its qualified name as written,
    /// and whether it makes the text an XSLT stylesheet: an xsl:stylesheet or xsl:transform root, or a literal result
    /// element with xsl:version (a simplified stylesheet). XSLTMediator compiles the text with the TransformerFactory,
    /// which refuses any other. Null for text that is not a well-formed XML document.
    /// </summary>
    private static (string Name, bool IsStylesheet)? StylesheetRoot(string text)
    {
        var trimmed = text.TrimStart('\uFEFF').TrimStart();
        if (!trimmed.StartsWith('<'))
        {
            return null;
        }

        try
        {
            var root = XmlSource.ParseText(trimmed).Root!;
            var prefix = root.GetPrefixOfNamespace(root.Name.Namespace);
            var name = string.IsNullOrEmpty(prefix) ? root.Name.LocalName : $"{prefix}:{root.Name.LocalName}";
            return (name, root.Name.NamespaceName == XslNamespace
                ? root.Name.LocalName is "stylesheet" or "transform"
                : root.Attribute(XName.Get("version", XslNamespace)) is not null);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
