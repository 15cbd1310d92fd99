using SynapseToBal.Diagnostics;
using SynapseToBal.Emit;
using SynapseToBal.Report;

namespace SynapseToBal.Driver;

/// <summary>The report files (MIGRATION.md, migration_report.json and .html, the SARIF log), each made under its own guard.</summary>
public static class ReportFiles
{
    /// <summary>What SB0907 says of a report file that could not be made (the same words from the driver and the command line, which drops a repeat).</summary>
    public const string NotWritten = "it is not written, and the package and the other report files are";

    /// <summary>
    /// Renders one report file (<paramref name="name"/> says which); an unexpected exception (a bug in the converter)
    /// is reported as SB0907 and null is returned, so that the package and the other report files are still written.
    /// An error in a template (a user's <c>--templates</c>) is reported as such (SB0301), with the same outcome.
    /// </summary>
    public static T? Guarded<T>(string name, Func<T> render, DiagnosticBag diagnostics)
        where T : class
    {
        try
        {
            return render();
        }
        catch (TemplateException ex)
        {
            diagnostics.Report(DiagnosticCatalog.TemplateError, null, ex.TemplateName, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Report(DiagnosticCatalog.ReportInternalError, null, $"writing {name}", $"{ex.GetType().Name}: {ex.Message}", NotWritten);
            return null;
        }
    }
}
