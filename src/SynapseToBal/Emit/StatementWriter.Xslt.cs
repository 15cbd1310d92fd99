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
        _modules.Use("xslt");
        var input = xslt.Source is { } source ? _expr.Navigation(source) : "check xmlPayload(ctx)";
        var stylesheets = "{" + string.Join(", ", xslt.Stylesheets.Select(s => $"{BallerinaSyntax.StringLiteral(s.Key)}: {_expr.Names[s.Value]}")) + "}";
        var parameters = xslt.Parameters.Length == 0
            ? string.Empty
            : ", {" + string.Join(", ", xslt.Parameters.Select(p => $"{BallerinaSyntax.StringLiteral(p.Name)}: {_expr.String(p.Value)}")) + "}";
        var transform = $"check xslt:transform({input}, check stylesheetByKey({_expr.String(xslt.Key)}, {stylesheets}){parameters})";
        _out.Line(xslt.TargetProperty is { } property
            ? $"ctx.properties[{BallerinaSyntax.StringLiteral(property)}] = {transform};"
            : $"ctx.payload = replaceBody(ctx, {transform});");
    }
}
