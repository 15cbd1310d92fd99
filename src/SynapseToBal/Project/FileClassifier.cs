using System.Xml;
using System.Xml.Linq;
using SynapseToBal.Syntax;

namespace SynapseToBal.Project;

/// <summary>The root element of an XML file and where its '&lt;' is (0-based line and column).</summary>
public readonly record struct XmlRoot(string LocalName, string Namespace, int Line, int Column);

/// <summary>Tells what a file is from its name and, for XML, from its root element alone (the rest is not read).</summary>
public static class FileClassifier
{
    private const string XslNamespace = "http://www.w3.org/1999/XSL/Transform";
    private const string Wsdl11Namespace = "http://schemas.xmlsoap.org/wsdl/";
    private const string Wsdl20Namespace = "http://www.w3.org/ns/wsdl";
    private const string XsdNamespace = "http://www.w3.org/2001/XMLSchema";

    /// <summary>The kind a file name alone tells; <see cref="FileKind.Xml"/> means "read the root to know more".</summary>
    public static FileKind KindOfName(string path)
    {
        var name = FileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var kind = extension switch
        {
            ".xml" => FileKind.Xml,
            ".car" => FileKind.CarbonApplication,
            ".xslt" or ".xsl" => FileKind.Xslt,
            ".xq" or ".xquery" => FileKind.XQuery,
            ".wsdl" => FileKind.Wsdl,
            ".xsd" => FileKind.Xsd,
            ".json" => FileKind.Json,
            ".yaml" or ".yml" => FileKind.Yaml,
            ".js" or ".groovy" or ".py" or ".rb" => FileKind.Script,
            ".dmc" or ".datamapper" or ".dmcx" => FileKind.DataMapper,
            ".dbs" => FileKind.DataService,
            ".properties" or ".toml" or ".conf" or ".policy" => FileKind.Properties,
            ".jar" or ".zip" => FileKind.Library,
            ".md" or ".txt" or ".html" or ".htm" or ".pdf" or ".png" or ".jpg" or ".svg" => FileKind.Document,
            _ => FileKind.Other,
        };

        // Data-mapper schemas are JSON files in a datamapper folder.
        if (kind is FileKind.Json or FileKind.Other && path.Replace('\\', '/').Split('/').Any(s => s.Equals("datamapper", StringComparison.OrdinalIgnoreCase)))
        {
            return FileKind.DataMapper;
        }

        return kind;
    }

    /// <summary>The kind an XML root element tells.</summary>
    public static FileKind KindOfRoot(XmlRoot root, string path)
    {
        if (SynapseParser.IsSynapseRoot(new XElement(XName.Get(root.LocalName, root.Namespace))))
        {
            return root.LocalName == "definitions" ? FileKind.SynapseConfiguration : FileKind.SynapseArtifact;
        }

        var name = FileName(path);
        return (root.LocalName, root.Namespace) switch
        {
            ("project", _) => FileKind.MavenPom,
            ("artifacts", _) when name.Equals("artifacts.xml", StringComparison.OrdinalIgnoreCase) => FileKind.CarbonApplicationDescriptor,
            ("artifacts" or "artifact", _) => FileKind.ArtifactDescriptor,
            ("resources", _) => FileKind.RegistryInfo,
            ("unit-test", _) => FileKind.UnitTestSuite,
            ("stylesheet" or "transform", XslNamespace) => FileKind.Xslt,
            ("definitions", Wsdl11Namespace) or ("description", Wsdl20Namespace) => FileKind.Wsdl,
            ("schema", XsdNamespace) => FileKind.Xsd,
            ("data", _) => FileKind.DataService,
            ("datasource" or "datasources" or "datasources-configuration", _) => FileKind.DataSource,
            _ => KindOfName(path) is var byName && byName != FileKind.Xml ? byName : FileKind.Xml,
        };
    }

    /// <summary>Reads up to the root element. Returns null when the text is not XML (or has a DTD); the parser reports why.</summary>
    public static XmlRoot? SniffRoot(Stream stream)
    {
        try
        {
            using var reader = XmlReader.Create(stream, XmlSource.SafeSettings());
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return null;
            }

            var info = (IXmlLineInfo)reader;
            return new XmlRoot(reader.LocalName, reader.NamespaceURI, Math.Max(info.LineNumber - 1, 0), Math.Max(info.LinePosition - 2, 0));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static XmlRoot? SniffRoot(byte[] bytes) => SniffRoot(new MemoryStream(bytes, writable: false));

    public static bool IsConverted(FileKind kind) => kind is FileKind.SynapseArtifact or FileKind.SynapseConfiguration or FileKind.DataSource;

    /// <summary>A short human name of a file kind, for diagnostics and reports.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.SynapseArtifact => "Synapse artifact",
        FileKind.SynapseConfiguration => "Synapse configuration",
        FileKind.MavenPom => "Maven POM",
        FileKind.ArtifactDescriptor => "artifact descriptor",
        FileKind.CarbonApplicationDescriptor => "Carbon Application descriptor",
        FileKind.RegistryInfo => "registry descriptor",
        FileKind.UnitTestSuite => "unit test suite",
        FileKind.DataMapper => "data-mapper file",
        FileKind.Xslt => "XSLT stylesheet",
        FileKind.XQuery => "XQuery",
        FileKind.Wsdl => "WSDL",
        FileKind.Xsd => "XML schema",
        FileKind.Json => "JSON",
        FileKind.Yaml => "YAML",
        FileKind.Script => "script",
        FileKind.DataService => "data service",
        FileKind.DataSource => "data source",
        FileKind.Properties => "configuration file",
        FileKind.CarbonApplication => "Carbon Application",
        FileKind.Library => "library",
        FileKind.Document => "document",
        FileKind.Xml => "XML",
        _ => "other file",
    };

    private static string FileName(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized[(slash + 1)..];
    }
}
