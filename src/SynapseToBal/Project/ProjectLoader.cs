using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Project;

/// <summary>
/// Turns an input path into a <see cref="ProjectModel"/>: detects its form, finds the Synapse documents,
/// classifies every other file and indexes the registry resources by key. Reads no file twice and follows
/// no symbolic link; Carbon Applications are read in memory, never extracted.
/// </summary>
public static class ProjectLoader
{
    /// <summary>Folders that hold build output or tool state, never sources.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "target", "bin", "obj", "node_modules" };

    /// <param name="parallelism">
    /// How many files on disk may be read at once (sniffed for their root element, read and decoded); the files are
    /// still classified one by one in their order, and the diagnostics of each read are reported where the sequential
    /// load reports them, so the project and the diagnostics are the same whatever the number.
    /// </param>
    public static ProjectModel Load(string input, DiagnosticBag diagnostics, LoadLimits? limits = null, int parallelism = 1)
    {
        var full = Path.GetFullPath(input);
        if (full.Length > 1)
        {
            full = full.TrimEnd(Path.DirectorySeparatorChar);
        }

        var isDirectory = Directory.Exists(full);
        var sourceRoot = isDirectory ? full : Path.GetDirectoryName(full) ?? full;
        var session = new Session(sourceRoot, diagnostics, limits ?? LoadLimits.Default, parallelism);
        InputForm form;
        if (isDirectory)
        {
            form = session.LoadFolder(full);
        }
        else if (File.Exists(full))
        {
            form = session.LoadFile(full);
        }
        else
        {
            diagnostics.Report(DiagnosticCatalog.InputNotFound, null, input);
            form = InputForm.ArtifactFile;
        }

        return session.Build(full, form);
    }

    /// <summary>True for an archive entry name that is relative and stays inside the archive.</summary>
    public static bool IsSafeEntryName(string name)
    {
        if (name.Length == 0 || name.Contains('\0') || name[0] is '/' or '\\' || Path.IsPathRooted(name)
            || (name.Length >= 2 && name[1] == ':'))
        {
            return false;
        }

        return !name.Split('/', '\\').Any(segment => segment == "..");
    }

    /// <summary>The registry key of a file stored under a registry folder on disk (<c>registry/config/...</c>, MI 4.x <c>resources/registry/gov/...</c>).</summary>
    public static string? FolderRegistryKey(string relative)
    {
        var segments = relative.Split('/');
        for (var i = segments.Length - 3; i >= 0; i--)
        {
            if (segments[i] == "registry" && RegistryIndex.PrefixOfFolder(segments[i + 1]) is { } prefix)
            {
                return RegistryIndex.Canonical(prefix, string.Join('/', segments[(i + 2)..]));
            }
        }

        return null;
    }

    /// <summary>
    /// The folder of a Carbon Application the MI VS Code extension staged on disk when it built the project
    /// (<c>&lt;project&gt;/tmp/</c>, each artifact in <c>&lt;name&gt;_&lt;version&gt;/&lt;name&gt;-&lt;version&gt;.xml</c> beside its
    /// artifact.xml), for a file in it; null for any other file. Such a file is a built copy of a source, as an
    /// entry of a .car kept beside the sources is.
    /// </summary>
    internal static string? StagedApplication(string displayPath)
    {
        var segments = displayPath.Split('/');
        for (var i = 0; i + 2 < segments.Length; i++)
        {
            if (segments[i] == "tmp" && StagedArtifactFolderPattern.IsMatch(segments[i + 1]))
            {
                return string.Join('/', segments[..(i + 1)]);
            }
        }

        return null;
    }

    private static readonly System.Text.RegularExpressions.Regex StagedArtifactFolderPattern = new(@"^[^_].*_\d+\.\d+\.\d+([.-][0-9A-Za-z.-]+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private sealed class Session(string sourceRoot, DiagnosticBag diagnostics, LoadLimits limits, int parallelism)
    {
        private readonly List<SourceDocument> _documents = new();
        private readonly List<ProjectFile> _files = new();
        private readonly List<RegistryResource> _resources = new();
        private readonly List<ProjectComponent> _components = new();

        /// <summary>Missing registry resources already reported (descriptor, key, file): a descriptor that lists an item twice gets one SB0009.</summary>
        private readonly HashSet<(string Descriptor, string Key, string File)> _missingReported = new();
        private bool _enterpriseIntegrator6;
        private readonly List<SynapseDocument> _serverDataSources = new();
        private readonly List<ServerJmsFactory> _serverJmsFactories = new();

        public ProjectModel Build(string input, InputForm form)
        {
            // The project's own files first, then the entries of .car archives: where both define an artifact (a
            // source folder beside its built CApp), the sources win and the archive's copy is the one reported
            // (SB0501), so a stale build never hides an edited source. The archives found to be builds of the sources
            // here are the ones whose registry resources do not replace the sources' either (DeployedResources).
            var documents = WithoutBuiltCopies().OrderBy(d => d.InArchive).ThenBy(d => d.Path, StringComparer.Ordinal).ToImmutableArray();
            return new(
                input,
                sourceRoot,
                form,
                documents,
                _files.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToImmutableArray(),
                new RegistryIndex(DeployedResources()),
                _components.OrderBy(c => c.DisplayPath, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToImmutableArray())
            {
                EnterpriseIntegrator6 = _enterpriseIntegrator6,
                ServerDataSources = [.. _serverDataSources],
                ServerJmsFactories = [.. _serverJmsFactories],
            };
        }

        /// <summary>The archives <see cref="WithoutBuiltCopies"/> found to be builds of the project's sources (every artifact they hold is a source).</summary>
        private readonly HashSet<string> _builtArchives = new(StringComparer.Ordinal);

        /// <summary>
        /// The documents without the copies a .car inside the input holds of the project's own sources (an Integration
        /// Studio project keeps its built Carbon Application, <c>CARs/X.car</c>, beside the sources it was built from).
        /// An artifact of the archive that a source defines too (the same kind and name) is left out, with an
        /// informational SB0117 naming both files, when its content is the source's or when the archive is a build of
        /// the project (every artifact it holds is one of the project's sources): the sources are what is converted, as
        /// the Micro Integrator would run the application built from them. An archive that also holds artifacts the
        /// sources do not define is not the project's build: its copies that differ from the sources are kept, and
        /// the semantic model reports the clash naming both files and the one used (SB0501, SB0506).
        /// The MI VS Code extension's staging of a Carbon Application (<c>tmp/&lt;artifact&gt;_&lt;version&gt;/</c> beside a
        /// project's sources, <see cref="StagedApplication"/>) is such a build too, on disk.
        /// </summary>
        private List<SourceDocument> WithoutBuiltCopies()
        {
            static string? BuildOf(SourceDocument document) => document.InArchive ? ArchiveOf(document.Path) : StagedApplication(document.DisplayPath);
            if (!_documents.Any(d => BuildOf(d) is not null) || _documents.All(d => BuildOf(d) is not null))
            {
                return _documents;
            }

            var sources = new Dictionary<(string Kind, string Name), (SourceDocument Document, XElement Root)>();
            foreach (var document in _documents.Where(d => BuildOf(d) is null).OrderBy(d => d.Path, StringComparer.Ordinal))
            {
                if (ArtifactIdentity(document) is { } identity)
                {
                    sources.TryAdd(identity.Key, (document, identity.Root));
                }
            }

            if (sources.Count == 0)
            {
                return _documents;
            }

            var skipped = new HashSet<SourceDocument>(ReferenceEqualityComparer.Instance);
            foreach (var archive in _documents.Where(d => BuildOf(d) is not null).GroupBy(d => BuildOf(d)!, StringComparer.Ordinal))
            {
                var copies = archive.OrderBy(d => d.Path, StringComparer.Ordinal)
                    .Select(d => (Document: d, Identity: ArtifactIdentity(d)))
                    .Select(c => (c.Document, c.Identity, Source: c.Identity is { } id && sources.TryGetValue(id.Key, out var source) ? source : ((SourceDocument Document, XElement Root)?)null))
                    .ToList();
                // A staged application (tmp/) is the project's own build whatever it holds: an artifact removed from the
                // sources since is still staged (SB0016), and a staged registry resource has no artifact file.
                var staged = !archive.First().InArchive;
                var build = staged || copies.All(c => c.Source is not null);
                if (build)
                {
                    _builtArchives.Add(archive.Key);
                }

                foreach (var (document, identity, source) in copies)
                {
                    if (source is not { } original)
                    {
                        if (staged && identity is { } orphan)
                        {
                            skipped.Add(document);
                            diagnostics.Report(DiagnosticCatalog.StagedCopyWithoutSource, SourceLocation.FileStart(document.Path), document.DisplayPath, archive.Key, orphan.Key.Kind, orphan.Key.Name);
                        }

                        continue;
                    }

                    var same = XNode.DeepEquals(identity!.Value.Root, original.Root);
                    if (!same && !build)
                    {
                        continue;
                    }

                    skipped.Add(document);
                    diagnostics.Report(DiagnosticCatalog.BuiltCopyOfSource, SourceLocation.FileStart(document.Path), document.DisplayPath, original.Document.DisplayPath,
                        same ? "with the same content" : document.InArchive ? "with a different content (the archive was built from another state of the sources)" : "with a different content (staged by a build of another state of the sources)");
                }
            }

            return _documents.Where(d => !skipped.Contains(d)).ToList();
        }

        /// <summary>
        /// One resource per registry key: the copy the Micro Integrator's registry ends up holding when two sources of the
        /// input register the same path. Its registry is a folder of files (MicroIntegratorRegistry, LOCAL_HOST_REGISTRY):
        /// what the input holds in registry folders is there when the server starts, and each Carbon Application writes
        /// its resources into it as it deploys (FileRegistryResourceDeployer.writeArtifactToRegistry calls
        /// MicroIntegratorRegistry.addNewNonEmptyResource, whose writeToFile opens the file with a FileWriter that
        /// replaces what it held), so the copy written last wins. The order taken: the registry folders' files, then
        /// the archives' entries, each in the order they were read (by path); CappDeployer.deploy runs once per .car in
        /// the order the deployment engine lists them, which the Micro Integrator does not fix. Copies with the same
        /// bytes are one resource; copies that differ are reported (SB0118) naming both and the one used. Two files on
        /// disk are not ordered by any deployment: the first stays, as a project's sources come before its build output.
        /// An archive built from the project's own sources does not replace them (SB0117).
        /// </summary>
        private List<RegistryResource> DeployedResources()
        {
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            var deployed = new List<RegistryResource>();
            foreach (var resource in _resources.OrderBy(r => r.InArchive))
            {
                if (!byKey.TryGetValue(resource.Key, out var index))
                {
                    byKey[resource.Key] = deployed.Count;
                    deployed.Add(resource);
                    continue;
                }

                // Two files on disk: no deployment orders them (the registry folders are there when the server starts),
                // and a project's build output (tmp/, target/) sorts after its sources; the first in path order stays,
                // and the build-output rule (SB0110) applies as it did.
                if (!resource.InArchive)
                {
                    continue;
                }

                var earlier = deployed[index];
                var earlierBytes = earlier.Content.ReadBytes();
                var laterBytes = resource.Content.ReadBytes();
                var same = earlierBytes.AsSpan().SequenceEqual(laterBytes);

                // A Carbon Application the project built from its own sources (CARs/X.car beside them) is not deployed
                // over them: the sources are what is converted, for registry resources as for artifacts (SB0117).
                if (resource.InArchive && !earlier.InArchive && _builtArchives.Contains(ArchiveOf(resource.Location ?? resource.DisplayPath)))
                {
                    if (!same)
                    {
                        diagnostics.Report(DiagnosticCatalog.BuiltCopyOfSource, SourceLocation.FileStart(resource.Location ?? resource.DisplayPath), resource.DisplayPath, earlier.DisplayPath,
                            "with a different content (the archive was built from another state of the sources)");
                    }

                    continue;
                }

                if (!same)
                {
                    diagnostics.Report(DiagnosticCatalog.RegistryResourceClash, SourceLocation.FileStart(resource.Location ?? resource.DisplayPath), resource.Key,
                        earlier.DisplayPath, Size(earlierBytes.Length), resource.DisplayPath, Size(laterBytes.Length));
                }

                deployed[index] = resource;
            }

            return deployed;

            static string Size(int bytes) => bytes == 0 ? "empty" : bytes == 1 ? "1 byte" : $"{bytes} bytes";
        }

        /// <summary>The archive an entry's path names (<c>/full/App.car</c> of <c>/full/App.car!/entry</c>).</summary>
        private static string ArchiveOf(string path)
        {
            var bang = path.IndexOf("!/", StringComparison.Ordinal);
            return bang < 0 ? path : path[..bang];
        }

        /// <summary>
        /// What a document defines, as the symbol table keys it: its root element's local name (the artifact's kind) and
        /// its <c>name</c> (a local entry's <c>key</c>, a data source's <c>&lt;name&gt;</c> child), with the root read
        /// without whitespace to compare content; null for a document that defines several artifacts, none, or does not
        /// parse.
        /// </summary>
        private static ((string Kind, string Name) Key, XElement Root)? ArtifactIdentity(SourceDocument document)
        {
            if (document.Kind is not (FileKind.SynapseArtifact or FileKind.DataService or FileKind.DataSource))
            {
                return null;
            }

            try
            {
                using var reader = XmlReader.Create(new StringReader(document.Text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
                var root = XElement.Load(reader, LoadOptions.None);
                var kind = root.Name.LocalName;
                var name = document.Kind == FileKind.DataSource ? root.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value.Trim()
                    : (string?)root.Attribute(kind == "localEntry" ? "key" : "name");
                return kind == "definitions" || name is null ? null : ((kind, name), root);
            }
            catch (Exception ex) when (ex is XmlException or InvalidOperationException)
            {
                return null;
            }
        }

        public InputForm LoadFile(string path)
        {
            var entry = new DiskEntry(path, Path.GetFileName(path), Display(path), limits.MaxFileBytes);
            if (FileClassifier.KindOfName(path) == FileKind.CarbonApplication)
            {
                ReadArchive(entry);
                return InputForm.CarbonApplication;
            }

            Process([entry]);
            if (IsServerConfiguration(entry.Relative))
            {
                ReadServerConfiguration(entry);
            }

            if (IsAxis2Configuration(entry.Relative))
            {
                ReadAxis2Configuration(entry);
            }

            return _documents.Any(d => d.Kind == FileKind.SynapseConfiguration) ? InputForm.SynapseConfiguration : InputForm.ArtifactFile;
        }

        public InputForm LoadFolder(string root)
        {
            var entries = Enumerate(root, root).ToList();
            var form = DetectForm(root, entries.Select(e => e.Relative).ToList());
            _enterpriseIntegrator6 = IsEnterpriseIntegrator6(form, entries.Select(e => e.Relative).ToList()) && !ServerHomeIsMicroIntegrator(root);
            if (form == InputForm.DeploymentFolder)
            {
                foreach (var sibling in DeploymentSiblings(root))
                {
                    entries.AddRange(Enumerate(sibling, root));
                }
            }

            AddFolderComponents(root, entries);
            Process(entries);
            foreach (var configuration in entries.Where(e => IsServerConfiguration(e.Relative)))
            {
                ReadServerConfiguration(configuration);
            }

            foreach (var configuration in entries.Where(e => IsAxis2Configuration(e.Relative)))
            {
                ReadAxis2Configuration(configuration);
            }

            return form;
        }

        /// <summary>
        /// What the converter takes from the server's deployment.toml: its data sources (<see cref="ServerDataSources"/>,
        /// with SB0114 and SB0115 for what is not read), and its custom message formatters and builders (SB0605 for each):
        /// Axis2 reads and writes every message of their content types with Java classes the conversion does not have.
        /// </summary>
        private void ReadServerConfiguration(InputEntry configuration)
        {
            if (configuration.ReadText(diagnostics) is not { } text)
            {
                return;
            }

            var toml = TomlText.Parse(text);
            if (ServerDataSources.Read(configuration.Location, text, toml, diagnostics) is { } sources)
            {
                _serverDataSources.Add(sources);
            }

            _serverJmsFactories.AddRange(ServerJmsFactories.FromToml(configuration.Display, configuration.Location, toml));

            foreach (var entry in CustomMessageHandlers.Read(text))
            {
                var position = new Microsoft.CodeAnalysis.Text.LinePosition(entry.Line, 0);
                var location = new SourceLocation(configuration.Location, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), new Microsoft.CodeAnalysis.Text.LinePositionSpan(position, position));
                diagnostics.Report(DiagnosticCatalog.CustomMessageHandler, location,
                    entry.Formatter ? "formatter" : "builder", entry.ClassName, entry.ContentType,
                    entry.Formatter ? "writes" : "reads",
                    entry.Formatter ? "writes such a message as its payload's XML, JSON or text over HTTP" : "reads such a message as received bytes, parsed as XML or JSON only by its content type");
            }
        }

        /// <summary>An axis2.xml of the server (MI 4.x conf/axis2/axis2.xml, EI 6.x repository/conf/axis2/axis2.xml, or one given beside the project).</summary>
        private static bool IsAxis2Configuration(string relative) => relative == "axis2.xml" || relative.EndsWith("/axis2.xml", StringComparison.Ordinal);

        /// <summary>The JMS connection factories of an axis2.xml (<see cref="ServerJmsFactories.FromAxis2"/>).</summary>
        private void ReadAxis2Configuration(InputEntry configuration)
        {
            if (configuration.ReadText(diagnostics) is { } text)
            {
                _serverJmsFactories.AddRange(ServerJmsFactories.FromAxis2(configuration.Display, configuration.Location, text));
            }
        }

        private string Display(string fullPath) => Path.GetRelativePath(sourceRoot, fullPath).Replace('\\', '/');

        /// <summary>Files under <paramref name="directory"/>, in ordinal order, skipping links, dot entries and build output.</summary>
        private IEnumerable<DiskEntry> Enumerate(string directory, string relativeTo)
        {
            var found = new List<DiskEntry>();
            var pending = new Stack<DirectoryInfo>();
            pending.Push(new DirectoryInfo(directory));
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                FileSystemInfo[] children;
                try
                {
                    children = current.GetFileSystemInfos();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (var child in children)
                {
                    if (child.Name.StartsWith('.') || child.LinkTarget is not null || child.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        continue;
                    }

                    if (child is DirectoryInfo subdirectory)
                    {
                        if (!SkippedFolders.Contains(subdirectory.Name))
                        {
                            pending.Push(subdirectory);
                        }
                    }
                    else
                    {
                        var relative = Path.GetRelativePath(relativeTo, child.FullName).Replace('\\', '/');
                        found.Add(new DiskEntry(child.FullName, relative, Display(child.FullName), limits.MaxFileBytes));
                    }
                }
            }

            return found.OrderBy(e => e.Relative, StringComparer.Ordinal);
        }

        /// <summary>
        /// Whether a folder was written for Enterprise Integrator 6.x rather than the Micro Integrator: an Integration Studio
        /// (Developer Studio) ESB project, a synapse-configs deployment folder (where EI 6.x keeps its configuration; the
        /// Micro Integrator deploys Carbon Applications), or a folder of artifacts laid out as synapse-configs/default is
        /// (<c>proxy-services/</c>, <c>sequences/</c>, <c>api/</c>, ... at its top, and no <c>apis/</c>, the MI 4.x
        /// project's folder). An MI 4.x project, a Carbon Application and a flat folder or file are taken as the Micro
        /// Integrator's, and so is any folder holding a <c>deployment.toml</c> (an Integration Studio 7/8 project with
        /// a Docker or Kubernetes exporter, a Micro Integrator's home) or a synapse-configs folder of a Micro
        /// Integrator's home (<see cref="ServerHomeIsMicroIntegrator"/>).
        /// </summary>
        /// <summary>
        /// A deployment.toml where the MI keeps it: at the input's root, in a <c>conf/</c> folder (a server's home), in <c>deployment/</c> (an MI 4.4 project) or in an
        /// exporter module (Integration Studio names them <c>&lt;Project&gt;DockerExporter</c>, <c>...KubernetesExporter</c>);
        /// a copy elsewhere (a resource, a test folder) says nothing of the server.
        /// </summary>
        private static bool IsServerConfiguration(string relative)
        {
            if (relative == "deployment.toml")
            {
                return true;
            }

            if (!relative.EndsWith("/deployment.toml", StringComparison.Ordinal))
            {
                return false;
            }

            var folder = relative[..^"/deployment.toml".Length];
            var parent = folder[(folder.LastIndexOf('/') + 1)..];
            return parent is "conf" or "deployment" || parent.EndsWith("Exporter", StringComparison.Ordinal);
        }

        private static bool IsEnterpriseIntegrator6(InputForm form, IReadOnlyList<string> relatives)
        {
            // deployment.toml is the Micro Integrator's server configuration (EI 6.x has carbon.xml and axis2.xml instead):
            // an Integration Studio 7/8 project for the MI carries it in its Docker or Kubernetes exporter, a server's
            // folder in conf/.
            if (relatives.Any(IsServerConfiguration))
            {
                return false;
            }

            if (form is InputForm.IntegrationStudioProject or InputForm.DeploymentFolder)
            {
                return true;
            }

            if (form != InputForm.ArtifactFolder)
            {
                return false;
            }

            var folders = relatives.Where(r => r.Contains('/', StringComparison.Ordinal)).Select(r => r[..r.IndexOf('/', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
            return !folders.Contains("apis") && folders.Overlaps(SynapseConfigFolders);
        }

        /// <summary>The folders of synapse-configs/default (MultiXMLConfigurationBuilder) that hold artifacts.</summary>
        private static readonly string[] SynapseConfigFolders =
            ["api", "proxy-services", "sequences", "endpoints", "inbound-endpoints", "local-entries", "message-stores", "message-processors", "tasks", "templates"];

        private static InputForm DetectForm(string root, IReadOnlyList<string> relatives)
        {
            bool Has(string segments) => relatives.Any(r => ("/" + r).Contains("/" + segments + "/", StringComparison.Ordinal));
            var set = relatives.ToHashSet(StringComparer.Ordinal);
            if (Has("src/main/wso2mi"))
            {
                return InputForm.MiProject;
            }

            if (Has("src/main/synapse-config")
                || relatives.Any(r => r.EndsWith("artifact.xml", StringComparison.Ordinal) && r != "artifact.xml" && set.Contains(r[..^"artifact.xml".Length] + "pom.xml"))
                || set.Contains("artifact.xml") && set.Contains("pom.xml"))
            {
                return InputForm.IntegrationStudioProject;
            }

            if (IsDeploymentDirectory(root) || Path.GetFileName(root) == "synapse-configs" || Has("synapse-configs/default"))
            {
                return InputForm.DeploymentFolder;
            }

            return set.Contains("artifacts.xml") ? InputForm.ExtractedCarbonApplication : InputForm.ArtifactFolder;
        }

        /// <summary>
        /// Whether a synapse-configs folder given as the input lies in a Micro Integrator's home: MI_HOME/conf/deployment.toml
        /// beside MI_HOME/repository/deployment/server/synapse-configs (an EI 6.x home has conf/carbon.xml there).
        /// </summary>
        private static bool ServerHomeIsMicroIntegrator(string root)
        {
            string? configs = IsDeploymentDirectory(root) ? Path.GetDirectoryName(root)
                : Path.GetFileName(root) == "synapse-configs" ? root
                : null;
            return configs is not null && File.Exists(Path.GetFullPath(Path.Combine(configs, "..", "..", "..", "..", "conf", "deployment.toml")));
        }

        private static bool IsDeploymentDirectory(string path) =>
            Path.GetFileName(path) == "default" && Path.GetFileName(Path.GetDirectoryName(path)) == "synapse-configs";

        /// <summary>
        /// For an input that is (or holds only) <c>synapse-configs/default</c>: the server's <c>carbonapps</c> and
        /// <c>dataservices</c> beside <c>synapse-configs</c>, and the MI file registry (<c>MI_HOME/registry</c>), when they exist outside the input.
        /// </summary>
        private static IEnumerable<string> DeploymentSiblings(string root)
        {
            string? deployment = IsDeploymentDirectory(root) ? root
                : Path.GetFileName(root) == "synapse-configs" && Directory.Exists(Path.Combine(root, "default")) ? Path.Combine(root, "default")
                : null;
            if (deployment is null)
            {
                yield break;
            }

            var rootPrefix = root + Path.DirectorySeparatorChar;
            string[] candidates =
            [
                Path.GetFullPath(Path.Combine(deployment, "..", "..", "carbonapps")),
                Path.GetFullPath(Path.Combine(deployment, "..", "..", "dataservices")),
                Path.GetFullPath(Path.Combine(deployment, "..", "..", "registry")),
                Path.GetFullPath(Path.Combine(deployment, "..", "..", "..", "..", "..", "registry")),
            ];
            foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
            {
                var info = new DirectoryInfo(candidate);
                if (info.Exists && info.LinkTarget is null && !candidate.StartsWith(rootPrefix, StringComparison.Ordinal))
                {
                    yield return candidate;
                }
            }
        }

        private void AddFolderComponents(string root, IReadOnlyList<InputEntry> entries)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (IsDeploymentDirectory(root))
            {
                _components.Add(new ProjectComponent(ComponentKind.DeploymentFolder, "synapse-configs/default", ".", null));
            }

            foreach (var entry in entries)
            {
                var relative = "/" + entry.Relative;
                foreach (var (marker, kind) in new[] { ("/synapse-configs/default/", ComponentKind.DeploymentFolder), ("/src/main/wso2mi/", ComponentKind.MiProject) })
                {
                    var index = relative.IndexOf(marker, StringComparison.Ordinal);
                    if (index < 0)
                    {
                        continue;
                    }

                    var owner = kind == ComponentKind.DeploymentFolder ? relative[1..(index + marker.Length - 1)] : relative[1..Math.Max(index, 1)];
                    owner = owner.Length == 0 ? "." : owner;
                    if (seen.Add(kind + owner))
                    {
                        var name = owner == "." ? Path.GetFileName(root) : owner[(owner.LastIndexOf('/') + 1)..];
                        _components.Add(new ProjectComponent(kind, kind == ComponentKind.DeploymentFolder ? "synapse-configs/default" : name, owner, null));
                    }
                }
            }
        }

        /// <summary>Classifies the entries of one container (the input folder or one archive).</summary>
        private void Process(IReadOnlyList<InputEntry> entries)
        {
            var byRelative = new Dictionary<string, InputEntry>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                byRelative.TryAdd(entry.Relative, entry);
            }

            var roots = new Dictionary<string, XmlRoot>(StringComparer.Ordinal);
            var declared = new Dictionary<string, (string Key, string? MediaType)>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (IsDescriptorName(entry.FileName) && ReadDescriptor(entry) is { } descriptor)
                {
                    roots[entry.Relative] = descriptor.Root;
                    ReadDescriptor(entry, descriptor.Document, byRelative, declared);
                }
            }

            var builtCopies = BuildOutputCopies(byRelative, declared);
            Prefetch(entries, roots, declared);
            foreach (var entry in entries)
            {
                if (declared.TryGetValue(entry.Relative, out var registered))
                {
                    AddResource(entry, registered.Key, registered.MediaType, builtCopies.GetValueOrDefault(entry.Relative));
                    continue;
                }

                if (FolderRegistryKey(entry.Relative) is { } key)
                {
                    AddResource(entry, key, null);
                    continue;
                }

                var kind = FileClassifier.KindOfName(entry.Relative);
                if (kind == FileKind.CarbonApplication)
                {
                    if (entry is DiskEntry disk)
                    {
                        ReadArchive(disk);
                    }
                    else
                    {
                        const string Note = "a Carbon Application inside an archive, not read";
                        _files.Add(new ProjectFile(entry.Location, entry.Display, kind, Note));
                        diagnostics.Report(DiagnosticCatalog.FileNotConverted, SourceLocation.FileStart(entry.Location), Note);
                    }

                    continue;
                }

                if (kind == FileKind.DataService)
                {
                    // A data service (.dbs) is parsed and lowered to a service skeleton; the parser reports one that is not.
                    AddDocument(entry, kind);
                    continue;
                }

                if (kind != FileKind.Xml)
                {
                    _files.Add(new ProjectFile(entry.Location, entry.Display, kind, null));
                    if (!(entry is DiskEntry && IsServerConfiguration(entry.Relative)) && !(kind == FileKind.DataMapper && DataMapperTypeScript.IsSource(entry.Relative)))
                    {
                        // The server's deployment.toml is read for what it holds (ReadServerConfiguration), which reports the
                        // rest; a data mapper's TypeScript source is read as the resources a datamapper mediator names.
                        diagnostics.Report(DiagnosticCatalog.FileNotConverted, SourceLocation.FileStart(entry.Location), FileClassifier.Describe(kind));
                    }

                    continue;
                }

                XmlRoot? root = roots.TryGetValue(entry.Relative, out var known) ? known : entry.SniffRoot(diagnostics);
                if (root is null)
                {
                    // Not well-formed (or a DTD): the parser reports exactly where.
                    AddDocument(entry, FileKind.Xml);
                    continue;
                }

                kind = FileClassifier.KindOfRoot(root.Value, entry.Relative);
                if (FileClassifier.IsConverted(kind))
                {
                    AddDocument(entry, kind);
                    continue;
                }

                if (root.Value.LocalName == "axisconfig" && IsAxis2Configuration(entry.Relative))
                {
                    // The server's axis2.xml: read for its JMS connection factories (ReadAxis2Configuration), not an artifact.
                    _files.Add(new ProjectFile(entry.Location, entry.Display, kind, "axisconfig (the server's axis2.xml: its JMS connection factories are read)"));
                    continue;
                }

                if (IsDescriptorName(entry.FileName) && root.Value.LocalName is "artifacts" or "artifact" or "resources")
                {
                    // An Integration Studio project's artifact descriptor (artifact.xml, registry-info.xml): read above
                    // (ReadDescriptor) for the registry resources it registers and the Composite Application it
                    // describes, so no artifact was skipped.
                    _files.Add(new ProjectFile(entry.Location, entry.Display, kind, $"{root.Value.LocalName} (a project's artifact descriptor: read for its registry resources and Composite Application)"));
                    continue;
                }

                _files.Add(new ProjectFile(entry.Location, entry.Display, kind, root.Value.LocalName));
                var position = new Microsoft.CodeAnalysis.Text.LinePosition(root.Value.Line, root.Value.Column);
                var location = new SourceLocation(entry.Location, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), new Microsoft.CodeAnalysis.Text.LinePositionSpan(position, position));
                diagnostics.Report(DiagnosticCatalog.NotSynapseArtifact, location, root.Value.LocalName);
            }
        }

        /// <summary>
        /// Reads, in parallel, what the loop of <see cref="Process"/> will read of each file on disk that it may add as a
        /// document: its root element and its decoded text (<see cref="DiskEntry.Prefetch"/>). The loop then takes the
        /// results (and the diagnostics of the read) in its own order. Archive entries are read by the loop: they share
        /// the archive's budget, whose order decides which entries are read.
        /// </summary>
        private void Prefetch(IReadOnlyList<InputEntry> entries, Dictionary<string, XmlRoot> roots, Dictionary<string, (string Key, string? MediaType)> declared)
        {
            if (parallelism <= 1)
            {
                return;
            }

            var candidates = entries.OfType<DiskEntry>()
                .Where(e => !roots.ContainsKey(e.Relative) && !declared.ContainsKey(e.Relative) && FolderRegistryKey(e.Relative) is null
                    && FileClassifier.KindOfName(e.Relative) is FileKind.Xml or FileKind.DataService)
                .ToList();
            if (candidates.Count < 2)
            {
                return;
            }

            Parallel.ForEach(candidates, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, entry => entry.Prefetch());
        }

        private void AddDocument(InputEntry entry, FileKind kind)
        {
            if (entry.ReadText(diagnostics) is { } text)
            {
                _documents.Add(new SourceDocument(entry.Location, entry.Display, text, kind) { InArchive = entry.InArchive });
            }
        }

        private void AddResource(InputEntry entry, string key, string? mediaType, string? buildOutputFolder = null)
        {
            var kind = FileClassifier.KindOfName(entry.Relative);
            if (kind == FileKind.Xml && entry.SniffRoot(diagnostics) is { } root)
            {
                kind = FileClassifier.KindOfRoot(root, entry.Relative);
            }

            if (entry.Content(diagnostics) is { } content)
            {
                _resources.Add(new RegistryResource(key, entry.Display, kind, mediaType, content) { Location = entry.Location, BuildOutputFolder = buildOutputFolder, InArchive = entry.InArchive });
            }
        }

        private void ReadArchive(DiskEntry archive)
        {
            FileStream stream;
            try
            {
                stream = File.OpenRead(archive.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticCatalog.FileUnreadable, SourceLocation.FileStart(archive.Location), ex.Message);
                return;
            }

            using (stream)
            {
                ZipArchive zip;
                try
                {
                    zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
                }
                catch (InvalidDataException ex)
                {
                    diagnostics.Report(DiagnosticCatalog.FileUnreadable, SourceLocation.FileStart(archive.Location), ex.Message);
                    return;
                }

                using (zip)
                {
                    ReadArchive(archive, zip);
                }
            }
        }

        private void ReadArchive(DiskEntry archive, ZipArchive zip)
        {
            var location = SourceLocation.FileStart(archive.Location);
            if (zip.Entries.Count > limits.MaxArchiveEntries)
            {
                diagnostics.Report(DiagnosticCatalog.ArchiveTooLarge, location,
                    $"{limits.MaxArchiveEntries.ToString(CultureInfo.InvariantCulture)} entries", "the archive was not read");
                return;
            }

            var budget = new ArchiveBudget(limits, archive.Location);
            var entries = new List<InputEntry>();
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                if (!IsSafeEntryName(name))
                {
                    diagnostics.Report(DiagnosticCatalog.ArchiveEntryUnsafe, location, name);
                    continue;
                }

                var relative = name.Replace('\\', '/');
                if (relative.EndsWith('/') || relative.Split('/').Any(s => s.StartsWith('.') || s.Length == 0))
                {
                    continue;
                }

                entries.Add(new ArchiveEntry(entry, budget, relative, archive.Location + "!/" + relative, archive.Display + "!/" + relative));
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
            Process(entries);
        }

        /// <summary>The build-output folders a registry resource should not be read from without a warning (SB0110).</summary>
        private static readonly string[] BuildOutputFolders = ["tmp", "target"];

        /// <summary>
        /// The files (by relative path) of the registry keys whose declared files on disk all lie under a build-output
        /// folder (<c>tmp/</c>, <c>target/</c>), with that folder: the sources do not hold the resource, and the built
        /// copy may be stale. A .car's entries are the archive's own and are not concerned.
        /// </summary>
        private static Dictionary<string, string> BuildOutputCopies(IReadOnlyDictionary<string, InputEntry> byRelative, Dictionary<string, (string Key, string? MediaType)> declared)
        {
            static string? BuildFolder(string relative) =>
                relative.Split('/')[..^1].FirstOrDefault(segment => BuildOutputFolders.Contains(segment, StringComparer.OrdinalIgnoreCase));

            var fromSources = declared.Where(d => BuildFolder(d.Key) is null).Select(d => d.Value.Key).ToHashSet(StringComparer.Ordinal);
            var copies = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (relative, (key, _)) in declared)
            {
                if (BuildFolder(relative) is { } folder && !fromSources.Contains(key) && byRelative.TryGetValue(relative, out var entry) && !entry.InArchive)
                {
                    copies[relative] = folder;
                }
            }

            return copies;
        }

        private static bool IsDescriptorName(string name) =>
            name.Equals("artifact.xml", StringComparison.OrdinalIgnoreCase) || name.Equals("artifacts.xml", StringComparison.OrdinalIgnoreCase)
            || name.Equals("registry-info.xml", StringComparison.OrdinalIgnoreCase) || name.Equals("pom.xml", StringComparison.OrdinalIgnoreCase);

        private (XDocument Document, XmlRoot Root)? ReadDescriptor(InputEntry entry)
        {
            if (entry.ReadBytes(diagnostics) is not { } bytes)
            {
                return null;
            }

            try
            {
                using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), XmlSource.SafeSettings());
                var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
                var element = document.Root!;
                IXmlLineInfo info = element;
                return (document, new XmlRoot(element.Name.LocalName, element.Name.NamespaceName, Math.Max(info.LineNumber - 1, 0), Math.Max(info.LinePosition - 2, 0)));
            }
            catch (XmlException)
            {
                return null;
            }
        }

        private void ReadDescriptor(InputEntry entry, XDocument document, IReadOnlyDictionary<string, InputEntry> byRelative, Dictionary<string, (string, string?)> declared)
        {
            var root = document.Root!;
            var directory = DirectoryOf(entry.Relative);
            var containerDisplay = entry.InArchive ? entry.Display[..entry.Display.IndexOf('!')] : DirectoryOf(entry.Display) is { Length: > 0 } d ? d : ".";
            switch (root.Name.LocalName)
            {
                case "project":
                    AddPomComponent(root, containerDisplay);
                    break;
                case "resources":
                    foreach (var item in root.Elements())
                    {
                        AddRegistryItem(entry, directory, item, byRelative, declared);
                    }

                    break;
                case "artifacts":
                case "artifact":
                    IEnumerable<XElement> artifacts = root.Name.LocalName == "artifact" ? [root] : Children(root, "artifact");
                    foreach (var artifact in artifacts)
                    {
                        var type = (string?)artifact.Attribute("type");
                        if (type == "carbon/application")
                        {
                            var dependencies = Children(artifact, "dependency").Count();
                            _components.Add(new ProjectComponent(ComponentKind.CarbonApplication, (string?)artifact.Attribute("name") ?? entry.FileName, containerDisplay,
                                $"version {(string?)artifact.Attribute("version") ?? "?"}, {dependencies.ToString(CultureInfo.InvariantCulture)} dependencies")
                            {
                                Version = (string?)artifact.Attribute("version"),
                            });
                        }
                        else if (type == "registry/resource")
                        {
                            foreach (var item in artifact.Elements().Where(e => e.Name.LocalName is "item" or "collection"))
                            {
                                AddRegistryItem(entry, directory, item, byRelative, declared);
                            }
                        }
                    }

                    break;
            }
        }

        private void AddPomComponent(XElement project, string display)
        {
            var natures = project.Descendants().Where(e => e.Name.LocalName == "projectnature").Select(e => e.Value.Trim()).ToList();
            var packaging = Child(project, "packaging");
            var name = Child(project, "artifactId") ?? display;
            ComponentKind? kind = packaging == "carbon/application" || natures.Any(n => n.EndsWith(".distribution.project.nature", StringComparison.Ordinal))
                ? ComponentKind.CompositeApplicationProject
                : natures.Any(n => n.EndsWith(".esb.project.nature", StringComparison.Ordinal)) ? ComponentKind.EsbConfigProject
                : natures.Any(n => n.EndsWith(".general.project.nature", StringComparison.Ordinal)) ? ComponentKind.RegistryResourcesProject
                : natures.Any(n => n.EndsWith(".connector.project.nature", StringComparison.Ordinal)) ? ComponentKind.ConnectorExporterProject
                : null;
            if (kind is null)
            {
                return;
            }

            string? detail = null;
            if (kind == ComponentKind.CompositeApplicationProject)
            {
                var dependencies = Children(project, "dependencies").SelectMany(d => Children(d, "dependency")).Count();
                detail = dependencies.ToString(CultureInfo.InvariantCulture) + " dependencies";
            }

            _components.Add(new ProjectComponent(kind.Value, name, display, detail));
        }

        /// <summary>One <c>&lt;item&gt;</c> (a file and its registry path) or <c>&lt;collection&gt;</c> (a folder) of a registry descriptor.</summary>
        private void AddRegistryItem(InputEntry descriptor, string directory, XElement item, IReadOnlyDictionary<string, InputEntry> byRelative, Dictionary<string, (string, string?)> declared)
        {
            var registryPath = Child(item, "path");
            var mediaType = Child(item, "mediaType");
            if (registryPath is null)
            {
                return;
            }

            if (item.Name.LocalName == "item" && Child(item, "file") is { } file)
            {
                var fileName = file.Replace('\\', '/')[(file.Replace('\\', '/').LastIndexOf('/') + 1)..];
                var key = RegistryIndex.KeyFor(registryPath, fileName) ?? registryPath.TrimEnd('/') + "/" + fileName;
                var found = Candidates(directory, registryPath, file).FirstOrDefault(byRelative.ContainsKey);
                if (found is null)
                {
                    // MI VS Code's resources/artifact.xml lists the .dmc and the two schemas its build makes from a data
                    // mapper's TypeScript source; they are read from that source (DataMapperTypeScript), not missing.
                    if (!(RegistryIndex.NormalizeKey(key) is { } canonical && DataMapperTypeScript.Supplies(canonical, byRelative.Keys)))
                    {
                        ReportMissing(descriptor, key, file);
                    }

                    return;
                }

                declared.TryAdd(found, (key, mediaType));
            }
            else if (item.Name.LocalName == "collection" && Child(item, "directory") is { } folder)
            {
                var any = false;
                foreach (var candidate in Candidates(directory, registryPath, folder))
                {
                    var prefix = candidate + "/";
                    foreach (var relative in byRelative.Keys.Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
                    {
                        var key = RegistryIndex.KeyFor(registryPath, relative[prefix.Length..]) ?? registryPath.TrimEnd('/') + "/" + relative[prefix.Length..];
                        declared.TryAdd(relative, (key, mediaType));
                        any = true;
                    }

                    if (any)
                    {
                        break;
                    }
                }

                if (!any)
                {
                    ReportMissing(descriptor, registryPath, folder);
                }
            }
        }

        private void ReportMissing(InputEntry descriptor, string key, string file)
        {
            if (_missingReported.Add((descriptor.Location, key, file)))
            {
                diagnostics.Report(DiagnosticCatalog.RegistryResourceMissing, SourceLocation.FileStart(descriptor.Location), key, file);
            }
        }

        /// <summary>
        /// Where a descriptor's file may be: beside it (Integration Studio), under <c>resources/</c> (a CApp's
        /// <c>registry-info.xml</c>), under <c>&lt;sub&gt;/</c> for <c>/_system/governance/mi-resources/&lt;sub&gt;</c> (MI VS Code
        /// <c>resources/artifact.xml</c>), or under <c>conf|gov/&lt;path&gt;/</c> (MI 4.x <c>resources/registry</c>).
        /// </summary>
        private static IEnumerable<string> Candidates(string directory, string registryPath, string file)
        {
            if (Combine(directory, file) is { } beside)
            {
                yield return beside;
            }

            if (Combine(directory, "resources/" + file) is { } resources)
            {
                yield return resources;
            }

            if (RegistryIndex.NormalizeKey(registryPath) is { } key)
            {
                var colon = key.IndexOf(':');
                var prefix = key[..colon];
                var sub = key[(colon + 2)..];
                // An MI VS Code project keeps /_system/governance/mi-resources/<sub> (resources:<sub>/... keys) in
                // src/main/wso2mi/resources/<sub>/, the folder its resources/artifact.xml is in.
                if (prefix == "gov" && (sub == RegistryIndex.MiResourcesFolder || sub.StartsWith(RegistryIndex.MiResourcesFolder + "/", StringComparison.Ordinal))
                    && Combine(directory, sub[RegistryIndex.MiResourcesFolder.Length..].TrimStart('/') + "/" + file) is { } miResource)
                {
                    yield return miResource;
                }

                string[] folders = prefix switch { "conf" => ["conf", "config"], "gov" => ["gov", "governance"], _ => ["local"] };
                foreach (var folder in folders)
                {
                    if (Combine(directory, folder + "/" + (sub.Length > 0 ? sub + "/" : string.Empty) + file) is { } stored)
                    {
                        yield return stored;
                    }
                }
            }
        }

        /// <summary>Joins '/'-separated paths lexically; null when the result would leave the container.</summary>
        private static string? Combine(string directory, string relative)
        {
            var stack = new List<string>();
            foreach (var segment in (directory + "/" + relative.Replace('\\', '/')).Split('/'))
            {
                if (segment.Length == 0 || segment == ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                stack.Add(segment);
            }

            return stack.Count == 0 ? null : string.Join('/', stack);
        }

        private static string DirectoryOf(string relative)
        {
            var slash = relative.LastIndexOf('/');
            return slash < 0 ? string.Empty : relative[..slash];
        }

        private static IEnumerable<XElement> Children(XElement parent, string localName) =>
            parent.Elements().Where(e => e.Name.LocalName == localName);

        private static string? Child(XElement parent, string localName) =>
            Children(parent, localName).FirstOrDefault()?.Value.Trim() is { Length: > 0 } value ? value : null;
    }
}
