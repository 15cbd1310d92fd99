using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace SynapseToBal.Refine;

/// <summary>
/// The members the refiner's reflection walks read on an IR node (<see cref="ContextGraph.Walk"/>, the property facts):
/// its public instance properties that have a setter (or init accessor) and no index, in declaration order, looked
/// up once per node type instead of on every visit.
/// </summary>
internal static class IrMembers
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Cache = new();

    public static PropertyInfo[] Of(Type type) => Cache.GetOrAdd(type, Read);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Reads the public properties of this assembly's own syntax and IR node types, which a trimmed or Native AOT publish keeps whole (the CLI roots this assembly: TrimmerRootAssembly in SynapseToBal.Cli.csproj); values of other assemblies' types are handled before the reflection (strings, enums, collections, descriptors).")]
    private static PropertyInfo[] Read(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0)
        .ToArray();
}
