using System.Diagnostics;
using System.Globalization;
using System.Text;
using SynapseToBal.Driver;

// Rerunnable benchmark of the whole pipeline (discover, parse, lower, emit; nothing written to disk):
//   dotnet run -c Release --project src/SynapseToBal.Bench -- [corpus-folder] [--apis N] [--runs N] [--aot BINARY [--aot-hello BINARY]]
// It measures the shared corpus (when present) against loading the same XML files with XDocument, a generated
// project of N APIs, and one artifact to standard output (a whole CLI process) against a hello-world start, and
// prints wall time per run (median of the runs after one warm-up), bytes allocated per run and the peak working
// set. --aot also times one artifact with a Native AOT binary of the CLI (and --aot-hello, a Native AOT hello world). With --stages it times each stage of the corpus conversion alone (time and allocation). With --scaling it converts generated projects of 1,000 and 10,000 APIs, each in a child process.
if (args is ["--hello"])
{
    Console.WriteLine("hello"); // the hello-world baseline: nothing else of this program runs or loads
    return 0;
}

if (args is ["--convert-child", var childProject])
{
    return SynapseToBal.Bench.Targets.ConvertChild(childProject);
}

string[] valued = ["--apis", "--runs", "--artifacts", "--aot", "--aot-hello", "--threads"];
var corpus = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !valued.Contains(args[i - 1]))).FirstOrDefault()
    ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "corpus"));
var apis = Option("--apis", 500);
var runs = Option("--runs", 5);

// --threads N: the conversion's MaxDegreeOfParallelism (default: one thread per processor; 1: one thread).
int? threads = Option("--threads", 0) is > 0 and var n ? n : null;

var generated = Path.Combine(Path.GetTempPath(), $"synapse2bal-bench-{apis}");
if (args.Contains("--incremental"))
{
    // A project of --artifacts N artifacts: N - 71 APIs, 21 sequences and 50 endpoints (see GenerateProject).
    var total = Option("--artifacts", 10_000);
    var incremental = Path.Combine(Path.GetTempPath(), $"synapse2bal-bench-incremental-{total}");
    GenerateProject(incremental, total - 71);
    if (args.Contains("--pairs"))
    {
        // Only the full run against one changed API, --runs times each, alternating: medians and the median ratio.
        SynapseToBal.Bench.Incremental.Pairs(incremental, total, Option("--runs", 3), args.Contains("--reuse-renders"), args.Contains("--reuse-artifacts"), args.Contains("--body-change"));
        return 0;
    }

    SynapseToBal.Bench.Incremental.Run(incremental, total);
    return 0;
}

if (args.Contains("--stages"))
{
    SynapseToBal.Bench.Stages.Run(corpus, runs, threads ?? Environment.ProcessorCount);
    return 0;
}

if (args.Contains("--memory"))
{
    var memoryProject = Path.Combine(Path.GetTempPath(), $"synapse2bal-bench-memory-{Option("--apis", 10_000)}");
    GenerateProject(memoryProject, Option("--apis", 10_000));
    SynapseToBal.Bench.Memory.Run(memoryProject);
    return 0;
}

if (args.Contains("--scaling"))
{
    SynapseToBal.Bench.Targets.Scaling(GenerateProject, 1_000, 10_000);
    return 0;
}

GenerateProject(generated, apis);

if (Directory.Exists(corpus))
{
    var conversion = Measure("corpus", corpus);
    var load = SynapseToBal.Bench.Targets.XmlLoad(corpus, runs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus XML load with XDocument (same .xml files): median {load:F0} ms; conversion / load = {conversion / load:F1}x (target 2x)"));
}
else
{
    Console.WriteLine($"corpus: skipped ({corpus} not found)");
}

Measure($"generated ({apis} APIs)", generated);
SynapseToBal.Bench.Targets.Startup(runs, Text("--aot"), Text("--aot-hello"));
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
return 0;

double Measure(string name, string input)
{
    var times = new List<double>();
    var cpu = new List<double>();
    long allocated = 0;
    var files = 0;
    var artifacts = 0;
    var lines = 0;
    for (var i = 0; i <= runs; i++)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = Converter.Convert(new ConversionOptions(input) { MaxDegreeOfParallelism = threads });
        watch.Stop();
        var cpuTime = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (i == 0)
        {
            continue; // warm-up
        }

        times.Add(watch.Elapsed.TotalMilliseconds);
        cpu.Add(cpuTime);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        files = result.Documents.Length;
        artifacts = result.ArtifactCount;
        lines = result.Files.Sum(f => f.Content.Count(c => c == '\n'));
    }

    times.Sort();
    cpu.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {files} files, {artifacts} artifacts, {lines} lines of Ballerina; median {median:F0} ms (min {times[0]:F0}, max {times[^1]:F0}) over {runs} runs, {threads?.ToString(CultureInfo.InvariantCulture) ?? "default"} threads; process CPU median {cpu[cpu.Count / 2]:F0} ms per run; {allocated / (1024.0 * 1024.0):F1} MiB allocated per run"));
    return median;
}

string? Text(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? Path.GetFullPath(args[index + 1]) : null;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static void GenerateProject(string root, int count)
{
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }

    Directory.CreateDirectory(Path.Combine(root, "apis"));
    Directory.CreateDirectory(Path.Combine(root, "sequences"));
    Directory.CreateDirectory(Path.Combine(root, "endpoints"));
    for (var i = 0; i < count; i++)
    {
        var api = new StringBuilder();
        api.Append(CultureInfo.InvariantCulture, $"""
            <api xmlns="http://ws.apache.org/ns/synapse" name="Api{i}" context="/api{i}">
              <resource methods="GET" uri-template="/items/{"{"}id{"}"}">
                <inSequence>
                  <sequence key="Common{i % 20}"/>
                  <log level="custom"><property name="id" expression="$ctx:uri.var.id"/></log>
                  <call><endpoint key="Backend{i % 50}"/></call>
                  <filter source="$axis2:HTTP_SC" regex="404">
                    <then>
                      <payloadFactory media-type="json"><format>{"{"}"error": "not found", "id": "$1"{"}"}</format>
                        <args><arg expression="$ctx:uri.var.id"/></args></payloadFactory>
                      <property name="HTTP_SC" value="404" scope="axis2"/>
                    </then>
                  </filter>
                  <respond/>
                </inSequence>
                <faultSequence><sequence key="Fault"/></faultSequence>
              </resource>
              <resource methods="POST" uri-template="/items">
                <inSequence>
                  <switch source="json-eval($.type)">
                    <case regex="a"><property name="kind" value="A"/></case>
                    <default><property name="kind" value="other"/></default>
                  </switch>
                  <send><endpoint key="Backend{i % 50}"/></send>
                </inSequence>
                <outSequence><send/></outSequence>
              </resource>
            </api>
            """);
        File.WriteAllText(Path.Combine(root, "apis", $"Api{i}.xml"), api.ToString());
    }

    for (var i = 0; i < 20; i++)
    {
        File.WriteAllText(Path.Combine(root, "sequences", $"Common{i}.xml"),
            $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="Common{i}"><log level="custom"><property name="seq" value="{i}"/></log><header name="X-Seq" scope="transport" value="{i}"/></sequence>""");
    }

    File.WriteAllText(Path.Combine(root, "sequences", "Fault.xml"),
        """<sequence xmlns="http://ws.apache.org/ns/synapse" name="Fault"><property name="HTTP_SC" value="500" scope="axis2"/><respond/></sequence>""");
    for (var i = 0; i < 50; i++)
    {
        File.WriteAllText(Path.Combine(root, "endpoints", $"Backend{i}.xml"),
            $"""<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Backend{i}"><address uri="http://backend{i}.example.com/api"><timeout><duration>30000</duration></timeout></address></endpoint>""");
    }
}
