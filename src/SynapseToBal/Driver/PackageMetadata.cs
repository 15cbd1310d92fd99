using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Diagnostics;
using SynapseToBal.Project;
using SynapseToBal.Syntax;

namespace SynapseToBal.Driver;

/// <summary>The package name and version the Synapse project declares: its root <c>pom.xml</c> (artifactId, version or the parent's), else its Carbon Application's metadata.</summary>
/// <param name="Origin">Where they were read (pom.xml, or the CApp's name), for diagnostics.</param>
public sealed partial record PackageMetadata(string? Name, string? Version, string Origin)
{
    public const string DefaultVersion = "0.1.0";

    /// <summary>Reads the metadata of an input; null when it declares none.</summary>
    public static PackageMetadata? Read(string input, ProjectModel project)
    {
        var pom = Directory.Exists(input) ? Path.Combine(input, "pom.xml") : null;
        if (pom is not null && File.Exists(pom) && ReadPom(pom) is { } fromPom)
        {
            return fromPom;
        }

        return project.Components.FirstOrDefault(c => c.Kind == ComponentKind.CarbonApplication) is { } capp
            ? new PackageMetadata(capp.Name, capp.Version, $"Carbon Application '{capp.Name}'")
            : null;
    }

    private static PackageMetadata? ReadPom(string path)
    {
        try
        {
            using var stream = BoundedFile.OpenRead(path, BoundedFile.DefaultMaxBytes);
            using var reader = XmlReader.Create(stream, XmlSource.SafeSettings());
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name.LocalName != "project")
            {
                return null;
            }

            var parent = root.Elements().FirstOrDefault(e => e.Name.LocalName == "parent");
            var name = Child(root, "artifactId");
            var version = Child(root, "version") ?? (parent is null ? null : Child(parent, "version"));
            return name is null && version is null ? null : new PackageMetadata(name, version, "pom.xml");
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return null; // the project loader reports a malformed or unreadable pom.xml
        }
    }

    /// <summary>The version as Ballerina accepts it: a semantic version kept as is (1.2 gives 1.2.0); null when it is not one.</summary>
    public static string? SemanticVersion(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var trimmed = version.Trim();
        if (SemVer().IsMatch(trimmed))
        {
            return trimmed;
        }

        return TwoPart().Match(trimmed) is { Success: true } m ? $"{m.Groups[1].Value}.{m.Groups[2].Value}.0{m.Groups[3].Value}" : null;
    }

    /// <summary>The version for Ballerina.toml: the declared one when it is semantic, else the default, with an SB0010 info.</summary>
    public string VersionOrDefault(DiagnosticBag diagnostics)
    {
        if (Version is null)
        {
            return DefaultVersion;
        }

        if (SemanticVersion(Version) is { } semantic)
        {
            return semantic;
        }

        diagnostics.Report(DiagnosticCatalog.ProjectVersionNotSemantic, null, Version, Origin);
        return DefaultVersion;
    }

    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } value ? value : null;

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex TwoPart();
}
