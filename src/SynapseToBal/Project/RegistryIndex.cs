using System.Collections.Immutable;
using System.Text;

namespace SynapseToBal.Project;

/// <summary>Where a registry resource's bytes come from: a file of the input, or an archive entry already in memory.</summary>
public abstract class ResourceContent
{
    public abstract byte[] ReadBytes();

    /// <summary>The content as text: a byte-order mark, else the XML declaration's encoding, else UTF-8 (see <see cref="TextDecoding"/>).</summary>
    public string ReadText() => TextDecoding.Decode(ReadBytes(), out _);

    public static ResourceContent FromFile(string path, long maxBytes) => new FileContent(path, maxBytes);

    public static ResourceContent FromBytes(byte[] bytes) => new MemoryContent(bytes);

    /// <summary>A file read when needed, never beyond the size limit (<see cref="BoundedFile"/>; it may have grown since it was checked).</summary>
    private sealed class FileContent(string path, long maxBytes) : ResourceContent
    {
        public override byte[] ReadBytes() => BoundedFile.ReadAllBytes(path, maxBytes);
    }

    private sealed class MemoryContent(byte[] bytes) : ResourceContent
    {
        public override byte[] ReadBytes() => bytes;
    }
}

/// <summary>One registry resource (an XSLT, WSDL, XSD, script, JSON or XML file) and the key Synapse uses for it.</summary>
/// <param name="Key">The normalised key, e.g. <c>conf:/xslt/transform.xslt</c> or <c>gov:/wsdl/Stock.wsdl</c>.</param>
/// <param name="MediaType">The media type the project declared, when it declared one.</param>
public sealed record RegistryResource(string Key, string DisplayPath, FileKind Kind, string? MediaType, ResourceContent Content)
{
    /// <summary>The path source locations in the resource carry (a full path, or <c>/full/App.car!/entry</c>); the display path when not known.</summary>
    public string? Location { get; init; }

    /// <summary>
    /// The build-output folder (<c>tmp</c>, <c>target</c>) the resource's file lies in when the project's sources hold
    /// no file for its key (SB0110); null otherwise.
    /// </summary>
    public string? BuildOutputFolder { get; init; }

    /// <summary>True for an entry of a Carbon Application archive (.car) of the input: written into the registry when that archive deploys.</summary>
    public bool InArchive { get; init; }

    public string ReadText() => Content.ReadText();
}

/// <summary>Registry resources by key. Keys are compared after normalisation (<c>conf:x</c> = <c>conf:/x</c> = <c>/_system/config/x</c>).</summary>
public sealed class RegistryIndex
{
    private static readonly (string Prefix, string Root)[] Prefixes =
    [
        ("conf", "/_system/config"),
        ("gov", "/_system/governance"),
        ("local", "/_system/local"),
    ];

    public static readonly RegistryIndex Empty = new([]);

    private readonly ImmutableDictionary<string, RegistryResource> _byKey;

    public RegistryIndex(IEnumerable<RegistryResource> resources)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, RegistryResource>(StringComparer.Ordinal);
        // Two copies of one key are settled before (ProjectLoader.DeployedResources, SB0118): the first is kept here.
        foreach (var resource in resources)
        {
            builder.TryAdd(resource.Key, resource);
        }

        _byKey = builder.ToImmutable();
        Resources = _byKey.Values.OrderBy(r => r.Key, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Every resource, ordered by key.</summary>
    public ImmutableArray<RegistryResource> Resources { get; }

    public int Count => _byKey.Count;

    public RegistryResource? Resolve(string key)
    {
        var lookup = NormalizeKey(key) ?? key.Trim();
        return _byKey.TryGetValue(lookup, out var resource) ? resource : null;
    }

    public bool Contains(string key) => Resolve(key) is not null;

    /// <summary>The MI 4.4 prefix of a project resource: MicroIntegratorRegistry.resolveRegistryURI reads <c>resources:X</c> as <c>gov:mi-resources/X</c>.</summary>
    public const string ResourcesPrefix = "resources:";

    /// <summary>The governance folder <c>resources:</c> keys name (MicroIntegratorRegistryConstants.MI_RESOURCES_DIRECTORY_NAME).</summary>
    public const string MiResourcesFolder = "mi-resources";

    /// <summary>
    /// The canonical form of a registry key: <c>conf:/a/b</c>, <c>gov:/a/b</c> or <c>local:/a/b</c>.
    /// Registry paths (<c>/_system/config/a/b</c>) map to their prefix, and an MI 4.4 <c>resources:a/b</c> key to
    /// <c>gov:/mi-resources/a/b</c> as the Micro Integrator's registry resolves it. Returns null for a key that names no registry.
    /// </summary>
    public static string? NormalizeKey(string key)
    {
        var trimmed = key.Trim().Replace('\\', '/');
        if (trimmed.StartsWith(ResourcesPrefix, StringComparison.Ordinal))
        {
            return Canonical("gov", MiResourcesFolder + "/" + trimmed[ResourcesPrefix.Length..]);
        }

        foreach (var (prefix, root) in Prefixes)
        {
            if (trimmed.StartsWith(prefix + ":", StringComparison.Ordinal))
            {
                return Canonical(prefix, trimmed[(prefix.Length + 1)..]);
            }

            if (trimmed.StartsWith(root + "/", StringComparison.Ordinal) || trimmed == root)
            {
                return Canonical(prefix, trimmed[root.Length..]);
            }
        }

        return null;
    }

    /// <summary>The key of a resource stored under a registry collection path (e.g. <c>/_system/config/xslt</c>) with a file name.</summary>
    public static string? KeyFor(string registryPath, string fileName)
    {
        var path = registryPath.Trim().TrimEnd('/');
        return NormalizeKey(path + "/" + fileName.Trim().TrimStart('/'));
    }

    /// <summary>The registry prefix of a folder name used on disk: <c>config</c>/<c>conf</c>, <c>governance</c>/<c>gov</c>, <c>local</c>.</summary>
    public static string? PrefixOfFolder(string folder) => folder switch
    {
        "config" or "conf" => "conf",
        "governance" or "gov" => "gov",
        "local" => "local",
        _ => null,
    };

    internal static string Canonical(string prefix, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return prefix + ":/" + string.Join('/', segments);
    }
}
