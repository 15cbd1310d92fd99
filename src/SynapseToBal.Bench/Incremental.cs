using System.Diagnostics;
using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.Lowering;
using SynapseToBal.Output;
using SynapseToBal.Project;
using SynapseToBal.Refine;
using SynapseToBal.Report;
using SynapseToBal.Semantics;

namespace SynapseToBal.Bench;

/// <summary>
/// Converting again into the same output (issue 12) on a generated project:
///   dotnet run -c Release --project src/SynapseToBal.Bench -- --incremental [--artifacts N]
/// It converts the project into an empty folder (a full run: convert and write every file), converts it again
/// unchanged, changes one API and converts again, and prints each wall time and its share of the full run.
/// </summary>
internal static class Incremental
{
    public static void Run(string project, int artifacts)
    {
        var output = project + "_converted";
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // Warm-up (JIT): a conversion into a scratch folder, not timed.
        var scratch = project + "_warmup";
        IncrementalConversion.Run(new ConversionOptions(project), scratch, new OutputOptions());
        Directory.Delete(scratch, recursive: true);

        var options = new ConversionOptions(project);
        var full = Time(() => IncrementalConversion.Run(options, output, new OutputOptions { ReuseRenders = true }), out var first);
        var unchanged = Time(() => IncrementalConversion.Run(options, output, new OutputOptions { ReuseRenders = true }), out var second);

        var api = Path.Combine(project, "apis", "Api7.xml");
        File.WriteAllText(api, File.ReadAllText(api).Replace("value=\"A\"", "value=\"A-changed\"", StringComparison.Ordinal));
        var stages = new StageClock();
        var changed = Time(() => IncrementalConversion.Run(options with { Progress = stages.Progress }, output, new OutputOptions { ReuseRenders = true }), out var third);
        stages.Stop();
        // The same change made to another API, converted without the render cache (the default), for the cache's
        // effect within one bench run.
        var third2 = Path.Combine(project, "apis", "Api9.xml");
        File.WriteAllText(third2, File.ReadAllText(third2).Replace("value=\"A\"", "value=\"A-changed\"", StringComparison.Ordinal));
        var uncached = Time(() => IncrementalConversion.Run(options, output, new OutputOptions()), out _);
        var upToDateCheck = Time(() => IncrementalConversion.Run(options, output, new OutputOptions(Check: true)), out _);
        var other = Path.Combine(project, "apis", "Api8.xml");
        File.WriteAllText(other, File.ReadAllText(other).Replace("value=\"A\"", "value=\"A-changed\"", StringComparison.Ordinal));
        var check = Time(() => IncrementalConversion.Run(options, output, new OutputOptions(Check: true)), out var fourth);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"incremental ({artifacts} artifacts, {first.Conversion?.ArtifactCount} converted, {first.Outcome?.Files.Count} files):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  full run (empty output folder): {full:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  unchanged input: {unchanged:F0} ms ({100 * unchanged / full:F1}% of the full run; up to date: {second.UpToDate})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one API changed: {changed:F0} ms ({100 * changed / full:F1}%); files written: {string.Join(", ", third.Outcome?.Files.Where(f => f.Action != FileAction.Unchanged).Select(f => f.Path) ?? [])}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    rendered constructs reused: {third.Cache?.Reused}, rendered: {third.Cache?.Rendered} (unkeyed {third.Cache?.Unkeyed})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one API changed, render cache off (the default): {uncached:F0} ms ({100 * uncached / full:F1}%)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    where the time of that run went: {stages.Describe(changed)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    the conversion of that input, stage by stage (each stage run alone): {Stages(project, output, changed)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  --check, output up to date: {upToDateCheck:F0} ms ({100 * upToDateCheck / full:F1}%)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  --check, another API changed: {check:F0} ms ({100 * check / full:F1}%); out of date: {fourth.Outcome?.Changed}"));
    }

    /// <summary>
    /// The full run against one changed API, measured in pairs in the same minutes (the machine is shared): each pair
    /// converts the project into an empty folder, then changes one API (another one each pair) and converts again into
    /// that folder, both with the CLI's defaults. Prints each pair, the medians and the median of the pairs' ratios.
    /// </summary>
    /// <param name="reuseRenders">Both runs keep and reuse rendered constructs (<see cref="OutputOptions.ReuseRenders"/>) instead of the CLI's defaults.</param>
    /// <param name="reuseArtifacts">Both runs keep the per-artifact record and the changed run splices when it can (<see cref="OutputOptions.ReuseArtifacts"/>).</param>
    /// <param name="bodyChange">
    /// The change is a mediator added to the API's flow (a log before its first respond) instead of a property's value,
    /// and both runs track the files the CLI tracks (all but <c>MIGRATION.md</c>, whose mediator counts the CLI writes
    /// as a report).
    /// </param>
    public static void Pairs(string project, int artifacts, int runs, bool reuseRenders = false, bool reuseArtifacts = false, bool bodyChange = false)
    {
        Func<GeneratedFile, bool>? include = bodyChange ? f => f.RelativePath != "MIGRATION.md" : null;
        var outputOptions = new OutputOptions { ReuseRenders = reuseRenders, ReuseArtifacts = reuseArtifacts };
        var output = project + "_converted";
        var scratch = project + "_warmup";
        IncrementalConversion.Run(new ConversionOptions(project), scratch, outputOptions);
        Directory.Delete(scratch, recursive: true);
        var options = new ConversionOptions(project);
        var fulls = new List<double>();
        var changes = new List<double>();
        var ratios = new List<double>();
        var cpuRatios = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            // Each run starts on a collected heap, so neither pays for collecting the previous run's garbage.
            Collect();
            var fullCpu = Cpu();
            var full = Time(() => IncrementalConversion.Run(options, output, outputOptions, include: include), out _);
            fullCpu = Cpu() - fullCpu;
            var api = Path.Combine(project, "apis", string.Create(CultureInfo.InvariantCulture, $"Api{11 + run}.xml"));
            var text = File.ReadAllText(api);
            File.WriteAllText(api, bodyChange
                ? text[..text.IndexOf("<respond/>", StringComparison.Ordinal)] + "<log level=\"custom\"><property name=\"bench\" value=\"changed\"/></log>" + text[text.IndexOf("<respond/>", StringComparison.Ordinal)..]
                : text.Replace("value=\"A\"", "value=\"A-changed\"", StringComparison.Ordinal));
            Collect();
            var stages = new StageClock();
            var changedCpu = Cpu();
            var changed = Time(() => IncrementalConversion.Run(options with { Progress = stages.Progress }, output, outputOptions, include: include), out var result);
            changedCpu = Cpu() - changedCpu;
            stages.Stop();
            var written = string.Join(", ", result.Outcome?.Files.Where(f => f.Action != FileAction.Unchanged).Select(f => f.Path) ?? []);
            var reused = result.Cache is { } cache ? string.Create(CultureInfo.InvariantCulture, $"; render cache: reused {cache.Reused}, rendered {cache.Rendered}, unkeyed {cache.Unkeyed}") : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pair {run + 1}: full run {full:F0} ms (CPU {fullCpu:F0} ms), one API changed {changed:F0} ms (CPU {changedCpu:F0} ms; {100 * changed / full:F1}% wall, {100 * changedCpu / fullCpu:F1}% CPU; spliced: {result.Spliced}; written: {written}{reused})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    where the changed run's time went: {stages.Describe(changed)}"));
            fulls.Add(full);
            changes.Add(changed);
            ratios.Add(changed / full);
            cpuRatios.Add(changedCpu / fullCpu);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"incremental pairs ({artifacts} artifacts, {runs} pairs{(reuseRenders ? ", render cache on" : string.Empty)}{(reuseArtifacts ? ", artifact reuse on" : string.Empty)}{(bodyChange ? ", a mediator added" : ", a property value changed")}): full run median {Median(fulls):F0} ms, one API changed median {Median(changes):F0} ms, median ratio {100 * Median(ratios):F1}% (CPU time {100 * Median(cpuRatios):F1}%)"));
    }

    /// <summary>The CPU time of the process so far (every thread), in milliseconds: the machine is shared, so wall times alone say little.</summary>
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// The stages of one run, told apart by the conversion's progress reports: until the first "Parsing" report
    /// the input's hashes, the previous manifest and the project's files are read; until "Lowering" the documents
    /// are parsed and their references resolved; until "Emitting" the package is lowered; until the last
    /// "Emitting" report it is refined and rendered and the migration report built; after it the manifest is
    /// completed and the files written.
    /// </summary>
    private sealed class StageClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly List<(string Stage, double Start)> _marks = [("hash, read manifest, load files", 0)];

        public void Progress(string stage, int done, int total)
        {
            var name = (stage, done) switch
            {
                ("Parsing", _) => "parse, resolve",
                ("Lowering", _) => "lower",
                ("Emitting", 0) => "refine, emit, report",
                ("Emitting", _) => "manifest, write",
                _ => stage,
            };
            if (_marks[^1].Stage != name)
            {
                _marks.Add((name, _watch.Elapsed.TotalMilliseconds));
            }
        }

        public void Stop() => _marks.Add(("end", _watch.Elapsed.TotalMilliseconds));

        public string Describe(double total) => string.Join("; ", _marks.Zip(_marks.Skip(1)).Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"{m.First.Stage} {m.Second.Start - m.First.Start:F0} ms ({100 * (m.Second.Start - m.First.Start) / total:F0}%)")));
    }

    /// <summary>
    /// The stages of <see cref="Converter.Convert"/> called one by one on the same input, each timed alone, as
    /// shares of <paramref name="total"/> (the one-changed run): what a cache of each stage's per-artifact work
    /// could save at most.
    /// </summary>
    private static string Stages(string project, string output, double total)
    {
        var marks = new List<(string Stage, double Ms)>();
        var watch = Stopwatch.StartNew();
        T Stage<T>(string name, Func<T> work)
        {
            watch.Restart();
            var result = work();
            marks.Add((name, watch.Elapsed.TotalMilliseconds));
            return result;
        }

        var diagnostics = new DiagnosticBag();
        var fingerprint = Stage("hash input", () => InputFingerprint.Compute(project, output));
        Stage("read manifest", () => Manifest.Read(Path.GetFullPath(output)));
        var loaded = Stage("load files", () => ProjectLoader.Load(project, diagnostics));
        var documents = Stage("parse", () => Converter.Parse(loaded, diagnostics));
        var model = Stage("resolve", () => SemanticModel.Build(documents, loaded.Registry.Contains, diagnostics));
        var package = Stage("lower", () => Lowerer.Lower(model, documents, diagnostics));
        var renderer = new TemplateRenderer(null);
        var refined = Stage("refine", () => BallerinaRefiner.Refine(package, RuntimeModule.For(renderer).DeclaredNames));
        var files = Stage("render", () => new PackageEmitter(renderer, new EmitOptions("synapse2bal", "bench", project, Path.GetFileName(project))).Emit(refined, documents));
        var cachePath = Path.Combine(output, Manifest.Folder, IncrementalConversion.RenderCacheFile);
        var cache = RenderCache.Parse(File.Exists(cachePath) ? File.ReadAllText(cachePath) : null, IncrementalConversion.SourceHashes(project, fingerprint));
        Stage("render with the render cache", () => new PackageEmitter(renderer, new EmitOptions("synapse2bal", "bench", project, Path.GetFileName(project))) { Cache = cache }.Emit(refined, documents));
        marks[^1] = (marks[^1].Stage + string.Create(CultureInfo.InvariantCulture, $" (reused {cache.Reused}, rendered {cache.Rendered})"), marks[^1].Ms);
        var sorted = diagnostics.Sorted();
        var report = Stage("report", () => MigrationReportBuilder.Build(new ReportInput(Path.GetFileName(project), "bench", loaded.Form.ToString(), project, documents, package, model.Graph, files, sorted)));
        Stage("report page", () => ReportWriter.Markdown(renderer, report));
        return string.Join("; ", marks.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Stage} {m.Ms:F0} ms ({100 * m.Ms / total:F0}%)")));
    }

    private static double Time(Func<IncrementalRun> action, out IncrementalRun run)
    {
        var watch = Stopwatch.StartNew();
        run = action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
