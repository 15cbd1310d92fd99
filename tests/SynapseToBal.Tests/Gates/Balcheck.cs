using System.Diagnostics;
using System.Text;

namespace SynapseToBal.Tests.Gates;

/// <summary>
/// Runs <c>../shared/tools/balcheck</c> (the official Ballerina parser as a command, kept beside the repository,
/// never inside it) over generated Ballerina and reads its verdict. Syntax errors fail; documentation
/// warnings (<c>path:line:col: warning: ...</c>) do not.
/// </summary>
internal static class Balcheck
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static string ToolPath => Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "tools", "balcheck"));

    /// <summary>The path of a runnable balcheck, or null with the reason it cannot run here.</summary>
    public static string? Locate(out string reason)
    {
        var path = ToolPath;
        if (!File.Exists(path))
        {
            reason = "../shared/tools/balcheck is not present beside the repository";
            return null;
        }

        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            reason = "../shared/tools/balcheck is an x86-64 Linux binary and this is not x86-64 Linux";
            return null;
        }

        const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((File.GetUnixFileMode(path) & AnyExecute) == 0)
        {
            reason = "../shared/tools/balcheck is not executable";
            return null;
        }

        reason = "";
        return path;
    }

    /// <summary>Runs balcheck once over <paramref name="root"/> (recursively) and returns its verdict.</summary>
    public static BalcheckResult Run(string tool, string root, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(".");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("balcheck did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new BalcheckResult(-1, stdout.Result, stderr.Result, TimedOut: true);
        }

        process.WaitForExit();
        return new BalcheckResult(process.ExitCode, stdout.Result, stderr.Result, TimedOut: false);
    }
}

/// <summary>What balcheck said about a folder. Paths in its output are relative to that folder.</summary>
internal sealed record BalcheckResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    /// <summary>The syntax-error lines (<c>path:line:col: message</c>), documentation warnings left out.</summary>
    public IReadOnlyList<string> Errors => StandardOutput
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(IsDiagnostic)
        .Where(line => !line.Contains(": warning: ", StringComparison.Ordinal))
        .ToList();

    public IReadOnlyList<string> Warnings => StandardOutput
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => IsDiagnostic(line) && line.Contains(": warning: ", StringComparison.Ordinal))
        .ToList();

    /// <summary>The last line, <c>N files, M with errors</c>.</summary>
    public string Summary => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    public bool Passed => !TimedOut && ExitCode == 0 && Errors.Count == 0;

    /// <summary>
    /// A failure report grouped by the first folder of each path (one folder per converted input), with the
    /// offending generated line under each error; empty when balcheck passed.
    /// </summary>
    /// <param name="label">What each folder was converted from, printed beside its name.</param>
    public string Describe(string root, Func<string, string>? label = null)
    {
        if (Passed)
        {
            return "";
        }

        var report = new StringBuilder();
        if (TimedOut)
        {
            report.AppendLine("balcheck timed out and was stopped.");
        }
        else if (ExitCode != 0 && ExitCode != 1)
        {
            report.AppendLine($"balcheck exited with {ExitCode} (usage or read error).");
        }

        foreach (var group in Errors.GroupBy(Input).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.AppendLine(label is null ? $"[{group.Key}]" : $"[{group.Key}] {label(group.Key)}");
            foreach (var error in group)
            {
                report.AppendLine("  " + error);
                if (OffendingLine(root, error) is { } text)
                {
                    report.AppendLine("    | " + text);
                }
            }
        }

        report.AppendLine(Summary);
        if (StandardError.Trim().Length > 0)
        {
            report.AppendLine("stderr: " + StandardError.Trim());
        }

        return report.ToString();
    }

    private static bool IsDiagnostic(string line)
    {
        var parts = line.Split(':', 4);
        return parts.Length == 4 && int.TryParse(parts[1], out _) && int.TryParse(parts[2], out _);
    }

    private static string Input(string error)
    {
        var path = error.Split(':', 2)[0];
        if (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "." : path[..slash];
    }

    private static string? OffendingLine(string root, string error)
    {
        var parts = error.Split(':', 4);
        var file = Path.Combine(root, parts[0]);
        if (!File.Exists(file) || !int.TryParse(parts[1], out var line) || line < 1)
        {
            return null;
        }

        return File.ReadLines(file).Skip(line - 1).FirstOrDefault()?.Trim();
    }
}
