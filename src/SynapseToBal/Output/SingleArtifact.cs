using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using SynapseToBal.Driver;
using SynapseToBal.Emit;
using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Output;

/// <param name="Text">The Ballerina for the artifacts of the file, or null when the file is not part of the project converted.</param>
public sealed record SingleArtifactResult(string? Text, ConversionResult Conversion);

/// <summary>
/// <c>convert &lt;artifact.xml&gt; --stdout [--project DIR]</c>: converts the whole project (so that references
/// resolve and every name is the one the full package uses), then renders only what the artifacts of the one file
/// produced: its services, functions, clients, entries, listeners, jobs and stores, and the configurables they use.
/// Each generated file that holds something is printed after a <c>// ---- name ----</c> line; the runtime module
/// (<c>types.bal</c>, <c>support.bal</c>), the package-wide <c>properties.bal</c> and <c>Config.toml</c> are left out.
/// </summary>
public static class SingleArtifact
{
    public static SingleArtifactResult Render(string artifactFile, string? projectDirectory, ConversionOptions options)
    {
        var file = Path.GetFullPath(artifactFile);
        var result = Converter.Convert(options with { Input = projectDirectory ?? file, LowerOnly = true });
        if (result.Package is not { } package || !result.Documents.Any(d => d.Path == file))
        {
            return new SingleArtifactResult(null, result);
        }

        try
        {
            var renderer = new TemplateRenderer(options.TemplatesDirectory);
            var refined = BallerinaRefiner.Refine(package, RuntimeModule.For(renderer).DeclaredNames);
            var emitOptions = new EmitOptions(Converter.SanitizeOrg(options.Org ?? Converter.DefaultOrg), "artifact", result.SourceRoot, Path.GetFileName(file));
            var own = Select(refined.Package, file); // the refined package: empty flows it inlined have no function
            var files = new PackageEmitter(renderer, emitOptions).Emit(refined with { Package = own });
            var code = string.Concat(files.Where(f => f.RelativePath != "configs.bal" && Holds(f.RelativePath, own, configurables: 0)).Select(f => f.Content));
            var used = own.Configurables.Where(c => Regex.IsMatch(code, @"(?<![\w'])" + Regex.Escape(refined.Names[c.Name]) + @"(?![\w])")).ToImmutableArray();
            files = new PackageEmitter(renderer, emitOptions).Emit(refined with { Package = own with { Configurables = used } });

            var output = new StringBuilder();
            foreach (var generated in files.Where(f => Holds(f.RelativePath, own, used.Length)))
            {
                output.Append("// ---- ").Append(generated.RelativePath).Append(" ----\n").Append(generated.Content);
                if (!generated.Content.EndsWith('\n'))
                {
                    output.Append('\n');
                }
            }

            return new SingleArtifactResult(output.ToString(), result);
        }
        catch (TemplateException)
        {
            return new SingleArtifactResult(null, result); // the full conversion reported it (SB0301)
        }
    }

    /// <summary>The part of the package the artifacts of <paramref name="file"/> produced (every configurable, filtered later by use).</summary>
    private static PackageIr Select(PackageIr package, string file) => package with
    {
        Services = [.. package.Services.Where(s => s.SourceFile == file)],
        Functions = [.. package.Functions.Where(f => f.Origin.Path == file)],
        Clients = [.. package.Clients.Where(c => c.Origin.Path == file)],
        Pending = [.. package.Pending.Where(p => p.Origin.Location.Path == file)],
        PendingEndpoints = [.. package.PendingEndpoints.Where(p => p.Origin.Location.Path == file)],
        LocalEntries = [.. package.LocalEntries.Where(e => e.Origin.Location.Path == file)],
        Stylesheets = [],
        Jobs = [.. package.Jobs.Where(j => j.Origin.Location.Path == file)],
        Inbounds = [.. package.Inbounds.Where(i => i.Origin.Location.Path == file)],
        MessageStores = [.. package.MessageStores.Where(s => s.Origin.Location.Path == file)],
        MessageProcessors = [.. package.MessageProcessors.Where(p => p.Origin.Location.Path == file)],
        PendingStores = [.. package.PendingStores.Where(p => p.Origin.Location.Path == file)],
        DatabaseClients = [.. package.DatabaseClients.Where(c => c.Origin.Path == file)],
        UnusedConnections = [.. package.UnusedConnections.Where(c => c.Origin.Path == file)],
    };

    private static bool Holds(string path, PackageIr own, int configurables) => path switch
    {
        "main.bal" => own.Services.Length > 0 || own.Pending.Length > 0,
        "functions.bal" => own.Functions.Length > 0,
        "connections.bal" => own.Clients.Length > 0 || own.PendingEndpoints.Length > 0 || own.DatabaseClients.Length > 0 || own.UnusedConnections.Length > 0,
        "configs.bal" => configurables > 0,
        "types.bal" or "support.bal" or "properties.bal" or "Config.toml" or "Ballerina.toml" or "MIGRATION.md" => false,
        _ => path.EndsWith(".bal", StringComparison.Ordinal),
    };
}
