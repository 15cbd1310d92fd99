using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Lowering of <xslt> and <fastXSLT>: ballerina/xslt over a stylesheet from a local entry or the registry.
public sealed partial class Lowerer
{
    private readonly Dictionary<string, Symbol> _stylesheets = new(StringComparer.Ordinal);
    private readonly List<StylesheetIr> _stylesheetValues = new();
    private readonly List<ExternalStylesheetIr> _externalStylesheetValues = new();

    private IEnumerable<StepIr> LowerXslt(XsltMediator xslt, FlowContext context)
    {
        var runTimeKey = RunTimeStylesheetKey(xslt.Key, context);
        Symbol? stylesheet = null;
        if (runTimeKey is null && (xslt.Key is not { } key || (stylesheet = StylesheetFor(xslt, key)) is null))
        {
            return [NotTranslatedStylesheet(xslt, xslt.Key)];
        }

        XmlNavigationIr? source = null;
        if (xslt.Source is { } sourceExpression)
        {
            if (Expr(sourceExpression, context) is XmlNavigationIr { TextOnly: false } navigation)
            {
                source = navigation;
            }
            else
            {
                return [Todo(xslt, DiagnosticCatalog.AttributeNotTranslated, $"the xslt source '{sourceExpression.Original}' is not translated", "xslt", "source", "only XPath paths into the message are translated")];
            }

            if (xslt.Target is null)
            {
                return [Todo(xslt, DiagnosticCatalog.AttributeNotTranslated, "replacing the source nodes in place with the result is not translated", "xslt", "source", "Synapse replaces the selected nodes in the message with the result; do it by hand")];
            }
        }

        foreach (var feature in xslt.Features)
        {
            // XSLTMediator.addFeature: the DOM feature switches Synapse between DOM and stream sources and results (the
            // same output); any other goes to TransformerFactory.setFeature, which ballerina/xslt's transform cannot take.
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, feature.Location, "xslt", $"feature '{feature.Name}'", feature.Name == "http://ws.apache.org/ns/synapse/transform/feature/dom"
                ? "it only makes Synapse hand the message to the transformer as a DOM instead of a stream, which does not change the result; xslt:transform takes the xml value as it is"
                : "Synapse sets it on the TransformerFactory (TransformerFactory.setFeature), and xslt:transform takes no transformer features: the stylesheet runs with ballerina/xslt's defaults whatever the feature enables or forbids");
        }

        foreach (var attribute in xslt.Attributes)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, attribute.Location, "xslt", $"attribute '{attribute.Name}'", "transformer factory attributes are not applied");
        }

        foreach (var resource in xslt.Resources)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, resource.Location, "xslt", "resource", "stylesheets imported through registry resources are not resolved; inline them into the stylesheet");
        }

        // useCache only lets Synapse keep the compiled stylesheet between messages; results do not change.
        var parameters = xslt.Properties.Select(p => new XsltParameterIr(p.Name, Value(p.Value, context))).ToImmutableArray();
        return runTimeKey is not null
            ? [StylesheetByKey(xslt, runTimeKey, source, parameters, xslt.Target)]
            : [new XsltStep(xslt, source, stylesheet!, parameters, xslt.Target)];
    }

    private IEnumerable<StepIr> LowerFastXslt(FastXsltMediator xslt, FlowContext context)
    {
        if (RunTimeStylesheetKey(xslt.Key, context) is { } runTimeKey)
        {
            return [StylesheetByKey(xslt, runTimeKey, null, [], null)];
        }

        return xslt.Key is { } key && StylesheetFor(xslt, key) is { } stylesheet
            ? [new XsltStep(xslt, null, stylesheet, [], null)]
            : [NotTranslatedStylesheet(xslt, xslt.Key)];
    }

    private TodoStep NotTranslatedStylesheet(MediatorSyntax mediator, KeySyntax? key) =>
        key is { IsDynamic: true }
            ? Todo(mediator, DiagnosticCatalog.DynamicKey, "the stylesheet is chosen at run time", key.Text)
            : new TodoStep(mediator, new NotTranslatedIr(DiagnosticCatalog.UnresolvedReference, $"the stylesheet '{key?.Text}' is not a local entry or registry resource of the input"), mediator.RawXml);

    /// <summary>
    /// The module-level value holding a stylesheet: a local entry with inline XML (or XML read at start-up from a copy of
    /// its <c>src</c> file), or a registry resource read once.
    /// </summary>
    private Symbol? StylesheetFor(MediatorSyntax mediator, KeySyntax key)
    {
        if (key.IsDynamic)
        {
            return null;
        }

        if (_model.Symbols.LocalEntry(key.Text) is { } entry && (entry.Xml is not null || _xmlFileEntries.Contains(entry.Name)) && _entrySymbols.TryGetValue(entry.Name, out var entrySymbol))
        {
            _readEntries.Add(entry.Name);
            if (entry.Xml is { } xml && StylesheetRoot(xml) is { IsStylesheet: false } root)
            {
                _diagnostics.Report(DiagnosticCatalog.StylesheetKeyNotStylesheet, mediator.Location, key.Text, mediator.ElementName, $"the local entry '{entry.Name}', whose value is", root.Name);
            }

            return entrySymbol;
        }

        if (_stylesheets.TryGetValue(key.Text, out var known))
        {
            return known;
        }

        if (_model.RegistryText(key.Text) is not { } text)
        {
            return ExternalStylesheet(mediator, key);
        }

        var trimmed = text.TrimStart('\uFEFF').Trim();
        if (trimmed.StartsWith("<?xml", StringComparison.Ordinal) && trimmed.IndexOf("?>", StringComparison.Ordinal) is var end and > 0)
        {
            trimmed = trimmed[(end + 2)..].TrimStart();
        }

        if (StylesheetRoot(trimmed) is { IsStylesheet: false } resourceRoot)
        {
            _diagnostics.Report(DiagnosticCatalog.StylesheetKeyNotStylesheet, mediator.Location, key.Text, mediator.ElementName, "the registry resource, whose root is", resourceRoot.Name);
        }

        var symbol = _symbols.Module(SymbolKind.LocalEntry, Path.GetFileNameWithoutExtension(key.Text.Replace(':', '/')) + " stylesheet");
        _stylesheets[key.Text] = symbol;
        _stylesheetValues.Add(new StylesheetIr(symbol, key.Text, trimmed));
        return symbol;
    }

    /// <summary>
    /// The module-level value of a stylesheet whose static key nothing in the input defines (a <c>conf:/</c>,
    /// <c>gov:/</c> or <c>resources:</c> registry path, or a local entry of another project): read once at start-up
    /// from the file a required configurable names. Only keys the reference graph reported unresolved at this use
    /// (SB0502, a warning there that says the stylesheet is missing) qualify; a local entry of the input without inline
    /// XML (a <c>src</c> URL) stays a TODO.
    /// </summary>
    private Symbol? ExternalStylesheet(MediatorSyntax mediator, KeySyntax key)
    {
        if (_model.Symbols.LocalEntry(key.Text) is not null
            || !_model.Graph.Unresolved.Any(r => r.Reference.Key == key.Text && r.Reference.Location == mediator.Location))
        {
            return null;
        }

        if (_stylesheets.TryGetValue(key.Text, out var known))
        {
            return known;
        }

        var baseName = Path.GetFileNameWithoutExtension(ExternalEndpointName(key.Text)) is { Length: > 0 } file ? file : "external";
        var symbol = _symbols.Module(SymbolKind.LocalEntry, baseName + " stylesheet");
        var path = _symbols.Module(SymbolKind.Configurable, baseName + " stylesheet path");
        _configurables.Add(new ConfigurableIr(
            path,
            ConfigurableType.String,
            null,
            $"Path of a file holding the XSLT stylesheet '{key.Text}', which is not part of the input (a registry resource or another project's local entry): copy it from the server's registry or its project.",
            Secret: false));
        _stylesheets[key.Text] = symbol;
        _externalStylesheetValues.Add(new ExternalStylesheetIr(symbol, key.Text, path));
        return symbol;
    }
}
