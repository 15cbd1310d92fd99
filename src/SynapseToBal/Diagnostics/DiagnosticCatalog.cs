using Microsoft.CodeAnalysis;

namespace SynapseToBal.Diagnostics;

/// <summary>
/// The one catalogue of SynapseToBal diagnostics. Codes are grouped by stage:
/// 00xx input/XML, 01xx AST, 02xx lowering (unsupported constructs), 03xx emit, 09xx internal.
/// A retired code is commented out, never reused.
/// </summary>
public static class DiagnosticCatalog
{
    private const string InputCategory = "Input";
    private const string SyntaxCategory = "Syntax";
    private const string LoweringCategory = "Lowering";
    private const string EmitCategory = "Emit";
    private const string InternalCategory = "Internal";

    // 00xx: input and XML
    public static readonly DiagnosticDescriptor InputNotFound = Error("SB0001", InputCategory,
        "Input '{0}' does not exist");
    public static readonly DiagnosticDescriptor XmlMalformed = Error("SB0002", InputCategory,
        "The file is not well-formed XML: {0}");
    public static readonly DiagnosticDescriptor NotSynapseArtifact = Info("SB0003", InputCategory,
        "The file is not a Synapse artifact (root element '{0}'); it was skipped");
    public static readonly DiagnosticDescriptor NoArtifacts = Warning("SB0004", InputCategory,
        "No Synapse artifacts were found under '{0}'");
    public static readonly DiagnosticDescriptor FileUnreadable = Error("SB0005", InputCategory,
        "The file could not be read: {0}");
    public static readonly DiagnosticDescriptor FileNotConverted = Info("SB0006", InputCategory,
        "The file is not a Synapse artifact ({0}); it was skipped");
    public static readonly DiagnosticDescriptor ArchiveEntryUnsafe = Error("SB0007", InputCategory,
        "Archive entry '{0}' has an unsafe name (absolute or leaving the archive); it was not read");
    public static readonly DiagnosticDescriptor ArchiveTooLarge = Error("SB0008", InputCategory,
        "The archive exceeds a safety limit ({0}); {1}");
    public static readonly DiagnosticDescriptor RegistryResourceMissing = Warning("SB0009", InputCategory,
        "Registry resource '{0}' is listed in the descriptor but its file '{1}' was not found");

    // 01xx: AST
    public static readonly DiagnosticDescriptor UnknownElement = Warning("SB0101", SyntaxCategory,
        "Unknown element <{0}> in {1}; it is kept as an unknown node");
    public static readonly DiagnosticDescriptor MissingAttribute = Warning("SB0102", SyntaxCategory,
        "<{0}> has no '{1}' attribute");
    public static readonly DiagnosticDescriptor InvalidAttribute = Warning("SB0103", SyntaxCategory,
        "<{0}> has an invalid '{1}' value '{2}': {3}");
    public static readonly DiagnosticDescriptor ElementNotRepresented = Warning("SB0105", SyntaxCategory,
        "<{0}> is not represented in the syntax tree; the converter ignores it");
    public static readonly DiagnosticDescriptor MissingElement = Warning("SB0106", SyntaxCategory,
        "<{0}> has no <{1}> element");
    public static readonly DiagnosticDescriptor DuplicateArtifact = Warning("SB0104", SyntaxCategory,
        "{0} '{1}' is defined more than once; the later definition is ignored");

    // 02xx: lowering and unsupported constructs
    public static readonly DiagnosticDescriptor MediatorNotTranslated = Warning("SB0201", LoweringCategory,
        "The <{0}> mediator is not translated yet; the original XML is kept in a TODO");
    public static readonly DiagnosticDescriptor ArtifactNotTranslated = Warning("SB0202", LoweringCategory,
        "{0} artifacts are not translated yet; '{1}' is kept in a TODO");
    public static readonly DiagnosticDescriptor ExpressionNotTranslated = Warning("SB0203", LoweringCategory,
        "The expression '{0}' is not translated; the generated code fails at run time until it is written by hand");
    public static readonly DiagnosticDescriptor UnresolvedReference = Warning("SB0204", LoweringCategory,
        "{0} '{1}' is not defined in the input");
    public static readonly DiagnosticDescriptor EndpointNotTranslated = Warning("SB0205", LoweringCategory,
        "The {0} endpoint is not translated yet; the original XML is kept in a TODO");
    public static readonly DiagnosticDescriptor AttributeNotTranslated = Warning("SB0206", LoweringCategory,
        "<{0}> {1} is not translated: {2}");
    public static readonly DiagnosticDescriptor PropertyNotTranslated = Warning("SB0207", LoweringCategory,
        "The {0}-scope property '{1}' has no Ballerina equivalent here; it is kept in a TODO");
    public static readonly DiagnosticDescriptor DynamicKey = Warning("SB0208", LoweringCategory,
        "The dynamic key '{0}' is resolved at run time in Synapse; it is kept in a TODO");
    public static readonly DiagnosticDescriptor ReferenceCycle = Warning("SB0209", LoweringCategory,
        "Sequence '{0}' calls itself through {1}; the cycle is kept as written");
    public static readonly DiagnosticDescriptor ResponseHang = Info("SB0210", LoweringCategory,
        "The flow ends after a call without responding; the Micro Integrator leaves the client waiting, the generated code answers 202");
    public static readonly DiagnosticDescriptor DispatchOrder = Info("SB0211", LoweringCategory,
        "Resource '{0}' is declared after '{1}', which matches the same requests first in Synapse; Ballerina prefers the more specific path");
    public static readonly DiagnosticDescriptor ShadowedByUrlMapping = Info("SB0213", LoweringCategory,
        "Resource '{0}' is not reached in Synapse for these requests: url-mapping resources are tried before uri-templates, and '{1}' matches them; Ballerina routes them to '{0}'");
    public static readonly DiagnosticDescriptor SecretConfigurable = Info("SB0212", LoweringCategory,
        "'{0}' looks like a secret; it became a required configurable with no default value");

    // 03xx: emit
    public static readonly DiagnosticDescriptor TemplateError = Error("SB0301", EmitCategory,
        "Template '{0}' failed: {1}");
    public static readonly DiagnosticDescriptor OutputPathUnsafe = Error("SB0302", EmitCategory,
        "The output path '{0}' escapes the output folder; it was not written");

    // 09xx: internal
    public static readonly DiagnosticDescriptor InternalError = Error("SB0901", InternalCategory,
        "Internal error while processing this file: {0}");

    public static IEnumerable<DiagnosticDescriptor> All => typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static DiagnosticDescriptor Error(string id, string category, string format) =>
        new(id, format, format, category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string category, string format) =>
        new(id, format, format, category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Info(string id, string category, string format) =>
        new(id, format, format, category, DiagnosticSeverity.Info, isEnabledByDefault: true);
}
