using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Behaviour properties whose effect the generated runtime already has, so they lower as plain data properties.
public sealed partial class Lowerer
{
    /// <summary>
    /// <c>preserveProcessedHeaders</c> set to a literal true (default scope): Synapse's senders then keep the SOAP header
    /// blocks a handler marked processed (MessageHelper.removeProcessedHeaders is skipped). The generated runtime never
    /// marks or strips processed header blocks, so it always behaves as with true: the property stays a data property
    /// (get-property still reads it). A false, removed or computed value keeps its TODO: the stripping is not reproduced.
    /// </summary>
    private static bool PreservesProcessedHeaders(PropertyMediator property) =>
        property.Name == "preserveProcessedHeaders" && property.Scope == "default" && property.Action != PropertyAction.Remove
        && property.Type?.ToUpperInvariant() is null or "STRING"
        && property.Value is ValueSyntax.Literal { Text: var text } && text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
}
