using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace SynapseToBal.Refine;

/// <summary>What receives the members of a node from <see cref="IrMembers.Walk"/>.</summary>
internal interface IIrMemberSink
{
    void Visit(object? value);
}

/// <summary>
/// The members the refiner's walks read on an IR node (<see cref="ContextGraph.Walk"/>, the property facts): its public
/// instance properties that have a setter (or init accessor) and no index, in declaration order. The IR's own types
/// are read through a generated switch (<c>IrMembers.Generated.cs</c>, kept in step with the types by
/// <c>IrMemberTableTests</c>), without reflection; any other type by reflection, its properties looked up once per type.
/// </summary>
internal static partial class IrMembers
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Cache = new();

    /// <summary>
    /// Hands the members of <paramref name="node"/> to <paramref name="sink"/> in order: through the generated switch
    /// when it knows the type (which leaves out members of primitive, enum or decimal type and hands an immutable
    /// array's items one by one), else every member by reflection.
    /// </summary>
    public static void Walk<TSink>(object node, ref TSink sink)
        where TSink : struct, IIrMemberSink
    {
        if (Visit(node, ref sink))
        {
            return;
        }

        foreach (var property in Of(node.GetType()))
        {
            sink.Visit(property.GetValue(node));
        }
    }

    public static PropertyInfo[] Of(Type type) => Cache.GetOrAdd(type, Read);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Reads the public properties of a type the generated switch does not list (types of other assemblies; this assembly's own node types are listed, and a trimmed or Native AOT publish keeps this assembly whole: TrimmerRootAssembly in SynapseToBal.Cli.csproj); values of other assemblies' types are handled before the reflection (strings, enums, collections, descriptors).")]
    private static PropertyInfo[] Read(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0)
        .ToArray();
}
