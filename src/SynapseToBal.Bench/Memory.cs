using System.Diagnostics;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Lowering;
using SynapseToBal.Project;
using SynapseToBal.Refine;
using SynapseToBal.Report;
using SynapseToBal.Semantics;

namespace SynapseToBal.Bench;

/// <summary>
/// Where the memory of one conversion goes (issue 13, the 10,000-artifact peak):
///   dotnet run -c Release --project src/SynapseToBal.Bench -- --memory [--apis N]
/// Runs the stages of <see cref="Converter.Convert"/> one by one on a generated project of N APIs (default 10,000),
/// keeping every stage's result alive as <see cref="Converter.Convert"/> does, and prints after each stage the live
/// managed heap (<c>GC.GetTotalMemory(true)</c>: a full, blocking collection, so the figure is what the stages still
/// hold, not garbage), the bytes the stage allocated, and the process's peak working set so far. The collections
/// change the peak (garbage is not left to accumulate), so the scaling bench's peak (no forced collection) is the
/// figure to compare with the target; this one says which stage's results make it up.
/// </summary>
internal static class Memory
{
    public static void Run(string input)
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory of a conversion of {input} (live heap after each stage, forced full collection):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"stage",-24} {"live",10} {"+live",10} {"allocated",10} {"peak WS",10}"));
        var previous = start;
        T Stage<T>(string name, Func<T> work)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var result = work();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var live = GC.GetTotalMemory(forceFullCollection: true);
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-24} {Mib(live - start),8:F1} MiB {Mib(live - previous),8:F1} MiB {Mib(allocated),8:F1} MiB {Mib(self.PeakWorkingSet64),8:F0} MiB"));
            previous = live;
            return result;
        }

        var diagnostics = new DiagnosticBag();
        var loaded = Stage("load files", () => ProjectLoader.Load(input, diagnostics, parallelism: 1));
        var documents = Stage("parse", () => Converter.Parse(loaded, diagnostics, parallelism: 1));
        var model = Stage("resolve", () => SemanticModel.Build(documents, loaded.Registry.Contains, diagnostics));
        var package = Stage("lower", () => Lowerer.Lower(model, documents, diagnostics));
        var prepared = Stage("report (counts, before the render)", () => MigrationReportBuilder.Prepare(documents, package, null));
        var renderer = Stage("templates", () =>
        {
            var r = new TemplateRenderer(null);
            _ = RuntimeModule.For(r).DeclaredNames;
            return r;
        });
        var refined = Stage("refine", () => BallerinaRefiner.Refine(package, RuntimeModule.For(renderer).DeclaredNames));
        var options = new EmitOptions("synapse2bal", "bench", input, Path.GetFileName(input)) { MaxDegreeOfParallelism = 1 };
        var files = Stage("render", () => new PackageEmitter(renderer, options).Emit(refined, documents));
        var sorted = Stage("sort diagnostics", () => diagnostics.Sorted());
        var report = Stage("report (data)", () => MigrationReportBuilder.Finish(prepared, new ReportInput(Path.GetFileName(input), "bench", loaded.Form.ToString(), input, documents, package, model.Graph, files, sorted)).Report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  generated text: {Mib(files.Sum(f => (long)f.Content.Length * 2)):F1} MiB in {files.Count} files; source text: {Mib(loaded.Documents.Sum(d => (long)d.Text.Length * 2)):F1} MiB in {loaded.Documents.Length} files"));
        GC.KeepAlive(loaded);
        GC.KeepAlive(documents);
        GC.KeepAlive(model);
        GC.KeepAlive(package);
        GC.KeepAlive(refined);
        GC.KeepAlive(files);
        GC.KeepAlive(report);
        GC.KeepAlive(prepared);
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
