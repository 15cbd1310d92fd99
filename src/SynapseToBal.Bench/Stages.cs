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
/// Where a whole conversion's time and allocation go, stage by stage (issue 13):
///   dotnet run -c Release --project src/SynapseToBal.Bench -- [corpus-folder] --stages [--runs N]
/// It calls the stages of <see cref="Converter.Convert"/> one by one on the same input (load, parse, resolve, lower,
/// refine, render, report data, report page, sorting the diagnostics), after one warm-up pass, and prints each
/// stage's median wall time, its median process CPU time and its bytes allocated (of the last run), then the
/// XDocument load of the same files. The stages that can use several threads (load, parse, render) get
/// <c>--threads</c> (default: one per processor).
/// </summary>
internal static class Stages
{
    public static void Run(string input, int runs, int threads)
    {
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var cpu = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i <= runs; i++)
        {
            var pass = i;
            T Stage<T>(string name, Func<T> work)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = work();
                watch.Stop();
                var cpuTime = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                if (pass == 0)
                {
                    order.Add(name);
                    times[name] = [];
                    cpu[name] = [];
                    return result;
                }

                times[name].Add(watch.Elapsed.TotalMilliseconds);
                cpu[name].Add(cpuTime);
                allocated[name] = GC.GetTotalAllocatedBytes(precise: true) - before;
                return result;
            }

            var diagnostics = new DiagnosticBag();
            var loaded = Stage("load files", () => ProjectLoader.Load(input, diagnostics, parallelism: threads));
            var documents = Stage("parse", () => Converter.Parse(loaded, diagnostics, parallelism: threads));
            var model = Stage("resolve", () => SemanticModel.Build(documents, loaded.Registry.Contains, diagnostics));
            var package = Stage("lower", () => Lowerer.Lower(model, documents, diagnostics));
            var prepared = Stage("report (counts, before the render)", () => MigrationReportBuilder.Prepare(documents, package, null));
            var renderer = Stage("templates and runtime module", () =>
            {
                var r = new TemplateRenderer(null);
                _ = RuntimeModule.For(r).DeclaredNames;
                return r;
            });
            var refined = Stage("refine", () => BallerinaRefiner.Refine(package, RuntimeModule.For(renderer).DeclaredNames));
            var options = new EmitOptions("synapse2bal", "bench", input, Path.GetFileName(input)) { MaxDegreeOfParallelism = threads };
            var files = Stage("render", () => new PackageEmitter(renderer, options).Emit(refined, documents));
            var sorted = Stage("sort diagnostics", () => diagnostics.Sorted());
            var report = Stage("report (data)", () => MigrationReportBuilder.Finish(prepared, new ReportInput(Path.GetFileName(input), "bench", loaded.Form.ToString(), input, documents, package, model.Graph, files, sorted)).Report);
            Stage("report (MIGRATION.md)", () => ReportWriter.Markdown(renderer, report));
            var output = Path.Combine(Path.GetTempPath(), "synapse2bal-bench-stages");
            Stage("write files", () =>
            {
                Converter.Write(new ConversionResult(files, sorted, documents, package, input), output);
                return 0;
            });
        }

        var total = order.Sum(name => Median(times[name]));
        var totalCpu = order.Sum(name => Median(cpu[name]));
        var totalAllocated = order.Sum(name => allocated[name]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stages of a conversion of {input} ({threads} threads; median of {runs} runs after a warm-up; allocation of the last run):"));
        foreach (var name in order)
        {
            var median = Median(times[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-30} {median,8:F0} ms {100 * median / total,4:F0} %  CPU {Median(cpu[name]),8:F0} ms  {allocated[name] / (1024.0 * 1024.0),8:F1} MiB {100.0 * allocated[name] / totalAllocated,4:F0} %"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"sum",-30} {total,8:F0} ms        CPU {totalCpu,8:F0} ms  {totalAllocated / (1024.0 * 1024.0),8:F1} MiB"));
        var load = Targets.XmlLoad(input, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"XML load with XDocument (same .xml files): median {load:F0} ms; sum of the stages / load = {total / load:F1}x"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
