using Microsoft.CodeAnalysis;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class DiagnosticCatalogTests
{
    [Fact]
    public void Codes_are_unique_and_grouped_by_stage()
    {
        var descriptors = DiagnosticCatalog.All.ToList();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in descriptors)
        {
            Assert.Matches("^SB0[0-9]{3}$", descriptor.Id);
            var expected = descriptor.Id[3] switch
            {
                '0' => "Input",
                '1' => "Syntax",
                '5' => "Semantics",
                '2' => "Lowering",
                '3' => "Emit",
                '9' => "Internal",
                _ => "?",
            };
            Assert.Equal(expected, descriptor.Category);
        }
    }

    [Fact]
    public void Diagnostics_print_in_compiler_form()
    {
        var bag = new DiagnosticBag();
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("<a>\n  <b/>\n</a>");
        var span = new Microsoft.CodeAnalysis.Text.TextSpan(6, 4);
        var location = new SourceLocation("/src/proj/a.xml", span, text.Lines.GetLinePositionSpan(span));
        var diagnostic = bag.Report(DiagnosticCatalog.MediatorNotTranslated, location, "b");
        Assert.Equal("a.xml(2,3): warning SB0201: The <b> mediator is not translated yet; the original XML is kept in a TODO", DiagnosticBag.Format(diagnostic, "/src/proj"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }
}
