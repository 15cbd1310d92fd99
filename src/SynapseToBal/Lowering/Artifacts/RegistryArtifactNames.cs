using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Names of the functions of sequences and templates stored as registry resources.
public sealed partial class Lowerer
{
    /// <summary>
    /// The hint of an artifact's function: its name, or for an artifact stored in the registry (named by its key,
    /// <c>conf:/sequences/x.xml</c>) the file's name without extension, falling back to the whole key when another
    /// symbol asks for that name (a deployed artifact of the same name keeps it).
    /// </summary>
    private static (string Hint, string? Fallback) FunctionHint(ArtifactSyntax artifact)
    {
        if (artifact.RegistryKey is not { } key)
        {
            return (artifact.Name, null);
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var path = key[(colon + 1)..].Trim('/');
        var file = path[(path.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        var stem = dot > 0 ? file[..dot] : file;
        var withoutExtension = dot > 0 ? path[..(path.Length - file.Length + dot)] : path;
        return (stem.Length > 0 ? stem : key, key[..colon] + " " + withoutExtension.Replace('/', ' '));
    }
}
