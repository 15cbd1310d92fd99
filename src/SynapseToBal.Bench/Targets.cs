using System.Diagnostics;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Driver;

namespace SynapseToBal.Bench;

/// <summary>
/// The baselines issue 13's targets are stated against, measured in the same run as what they compare with:
/// loading the same XML files with <see cref="XDocument"/>; a hello-world start of a .NET console (this program
/// with <c>--hello</c>: its Main prints and returns before anything else is loaded); a 1,000-artifact project
/// against a 10,000-artifact one, each converted in a child process of its own so that its peak memory is its own.
/// </summary>
internal static class Targets
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>Median wall time of loading every <c>.xml</c> file under <paramref name="input"/> into an XDocument.</summary>
    public static double XmlLoad(string input, int runs)
    {
        var files = Directory.EnumerateFiles(input, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var file in files)
            {
                try
                {
                    using var reader = XmlReader.Create(file, Settings);
                    XDocument.Load(reader, LoadOptions.SetLineInfo);
                }
                catch (XmlException)
                {
                    // A file that is not well-formed costs its read, as in the conversion.
                }
            }

            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Median(times);
    }

    /// <summary>One endpoint file to standard output with the CLI, against a hello-world start; whole processes.</summary>
    public static void Startup(int runs, string? aot = null, string? aotHello = null)
    {
        var bench = typeof(Targets).Assembly.Location;
        var cli = Path.Combine(Path.GetDirectoryName(bench)!.Replace("SynapseToBal.Bench", "SynapseToBal.Cli", StringComparison.Ordinal), "synapse2bal.dll");
        if (!File.Exists(cli))
        {
            Console.WriteLine($"one artifact: skipped (build the CLI in the same configuration first: dotnet build -c Release src/SynapseToBal.Cli)");
            return;
        }

        var endpoint = Path.Combine(Path.GetTempPath(), "synapse2bal-bench-one", "Backend.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(endpoint)!);
        File.WriteAllText(endpoint, """<endpoint xmlns="http://ws.apache.org/ns/synapse" name="Backend"><address uri="http://backend.example.com/api"><timeout><duration>30000</duration></timeout></address></endpoint>""");
        var hello = Processes(runs, "dotnet", bench, "--hello");
        var one = Processes(runs, "dotnet", cli, "convert", endpoint, "--stdout");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one artifact to stdout (whole process): median {one.Wall:F0} ms wall, {one.Cpu:F0} ms CPU; hello world: {hello.Wall:F0} ms wall, {hello.Cpu:F0} ms CPU; ratio {one.Wall / hello.Wall:F1}x wall, {one.Cpu / hello.Cpu:F1}x CPU (target 1.5x)"));
        if (aot is null)
        {
            return;
        }

        // The Native AOT binary of the CLI (dotnet publish -c Release -r linux-x64 -p:PublishAot=true), against the same
        // JIT hello world and, when given, a Native AOT hello world (a console program whose Main prints one line).
        var native = Processes(runs, aot, "convert", endpoint, "--stdout");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one artifact to stdout (Native AOT): median {native.Wall:F0} ms wall, {native.Cpu:F0} ms CPU; ratio to the JIT hello world {native.Wall / hello.Wall:F1}x wall, {native.Cpu / hello.Cpu:F1}x CPU (target 1.5x)"));
        if (aotHello is not null)
        {
            var nativeHello = Processes(runs, aotHello);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hello world (Native AOT): median {nativeHello.Wall:F0} ms wall, {nativeHello.Cpu:F0} ms CPU; one artifact (Native AOT) / hello world (Native AOT) = {native.Wall / nativeHello.Wall:F1}x wall, {native.Cpu / nativeHello.Cpu:F1}x CPU"));
        }
    }

    /// <summary>Time per artifact of a 10,000-artifact project against a 1,000-artifact one, and their peak memory.</summary>
    public static void Scaling(Action<string, int> generate, int small, int large)
    {
        var bench = typeof(Targets).Assembly.Location;
        var results = new List<(int Artifacts, double Ms, double PeakMiB)>();
        foreach (var count in new[] { small, large })
        {
            var root = Path.Combine(Path.GetTempPath(), $"synapse2bal-bench-scaling-{count}");
            generate(root, count);
            var output = Run("dotnet", [bench, "--convert-child", root]).Output.Trim().Split(' ');
            results.Add((count, double.Parse(output[0], CultureInfo.InvariantCulture), double.Parse(output[1], CultureInfo.InvariantCulture)));
        }

        foreach (var (artifacts, ms, peak) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {artifacts} APIs (+71 shared artifacts): {ms:F0} ms, {ms / artifacts:F2} ms per API, peak working set {peak:F0} MiB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scaling: time per API at {large} is {results[1].Ms / large / (results[0].Ms / small):F2}x that at {small} (target 1.2x); peak {results[1].PeakMiB:F0} MiB (target 400 MB)"));
    }

    /// <summary>The child of <see cref="Scaling"/>: a warm-up conversion of a tiny project, then one timed conversion; prints "ms peakMiB".</summary>
    public static int ConvertChild(string project)
    {
        var warmup = Path.Combine(Path.GetTempPath(), "synapse2bal-bench-one");
        if (Directory.Exists(warmup))
        {
            Converter.Convert(new ConversionOptions(warmup));
        }

        var watch = Stopwatch.StartNew();
        var result = Converter.Convert(new ConversionOptions(project));
        watch.Stop();
        GC.KeepAlive(result);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds:F0} {self.PeakWorkingSet64 / (1024.0 * 1024.0):F0}"));
        return 0;
    }

    private static (double Wall, double Cpu) Processes(int runs, string file, params string[] arguments)
    {
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var (_, wall, cpu) = Run(file, arguments);
            if (i > 0)
            {
                walls.Add(wall);
                cpus.Add(cpu);
            }
        }

        return (Median(walls), Median(cpus));
    }

    private static (string Output, double WallMs, double CpuMs) Run(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildrenCpuMs();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        var cpu = ChildrenCpuMs() - cpuBefore;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }

        return (output.Result, watch.Elapsed.TotalMilliseconds, cpu);
    }

    /// <summary>User and system CPU time of the waited-for child processes so far (getrusage(RUSAGE_CHILDREN)); NaN off Linux.</summary>
    private static double ChildrenCpuMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        var usage = new long[18]; // struct rusage: ru_utime, ru_stime (timeval: seconds, microseconds), then 14 longs
        return GetRusage(-1, usage) != 0 ? double.NaN : ((usage[0] + usage[2]) * 1000.0) + ((usage[1] + usage[3]) / 1000.0);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, [System.Runtime.InteropServices.Out] long[] usage);

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
