using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>
    /// xslt / fastXSLT with a run-time key: the runtime's stylesheetByKey picks the stylesheet the evaluated key names
    /// from a map of the input's stylesheets (local entry names, registry keys), then the transformation is the one
    /// of a static key.
    /// </summary>
    private void XsltByKey(XsltByKeyStep xslt)
    {
        var stylesheets = "{" + string.Join(", ", xslt.Stylesheets.Select(s => $"{BallerinaSyntax.StringLiteral(s.Key)}: {_expr.Names[s.Value]}")) + "}";
        Transform(xslt.Source, $"check stylesheetByKey({_expr.String(xslt.Key)}, {stylesheets})", xslt.Parameters, xslt.TargetProperty);
    }
}
