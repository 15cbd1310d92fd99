using System.Collections.Concurrent;
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

    public static PropertyInfo[] Of(Type type) => Cache.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0)
        .ToArray());
}
