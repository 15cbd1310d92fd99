using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using SynapseToBal.Driver;
using SynapseToBal.IR;
using SynapseToBal.Refine;
using Xunit;
using Xunit.Abstractions;

namespace SynapseToBal.Tests.Architecture;

/// <summary>
/// The refiner's walks over the IR (<see cref="ContextGraph.Walk"/>, the property facts) read each node's members
/// through a generated per-type switch (<c>Refine/IrMembers.Generated.cs</c>), not by reflection. This test writes
/// that switch from the node types (every public instance property with a setter or init accessor and no index, in
/// reflection order, of every type the IR can reach) and fails when the file in the repository differs; with
/// <c>SYNAPSE2BAL_UPDATE_GOLDEN=1</c> (not on CI) it rewrites the file (and still fails). A second test walks the IR
/// of every golden case and checks that the switch reads the same values, in the same order, as reflection.
/// </summary>
public sealed class IrMemberTableTests(ITestOutputHelper output)
{
    private static readonly Assembly Converter = typeof(PackageIr).Assembly;

    private static string GeneratedFile => Path.Combine(TestPaths.RepositoryRoot, "src", "SynapseToBal", "Refine", "IrMembers.Generated.cs");

    [Fact]
    public void The_generated_member_switch_matches_the_IR_types()
    {
        var (types, notes) = Table();
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }

        var expected = Generate(types);
        var current = File.Exists(GeneratedFile) ? File.ReadAllText(GeneratedFile).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
        if (expected == current)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("SYNAPSE2BAL_UPDATE_GOLDEN") == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            File.WriteAllText(GeneratedFile, expected);
            Assert.Fail("Refine/IrMembers.Generated.cs was rewritten; review it and build again.");
        }

        Assert.Fail("Refine/IrMembers.Generated.cs is out of step with the IR types; run this test with SYNAPSE2BAL_UPDATE_GOLDEN=1 to rewrite it.");
    }

    [Fact]
    public void The_member_switch_reads_what_reflection_reads_on_every_golden_case()
    {
        var nodes = 0;
        foreach (var input in Directory.EnumerateDirectories(TestPaths.Cases).Order(StringComparer.Ordinal).Select(c => Path.Combine(c, "input")).Where(Directory.Exists))
        {
            var package = SynapseToBal.Driver.Converter.Convert(new ConversionOptions(input) { LowerOnly = true, MaxDegreeOfParallelism = 1 }).Package;
            Assert.NotNull(package);
            nodes += Compare(package, new HashSet<object>(ReferenceEqualityComparer.Instance), input);
        }

        output.WriteLine($"{nodes} nodes compared.");
        Assert.True(nodes > 5_000, $"only {nodes} nodes compared");
    }

    [Fact]
    public void A_type_outside_the_switch_is_read_by_reflection()
    {
        var node = new Outside("a", ["b"], 3);
        var sink = new Recording();
        Assert.False(IrMembers.Visit(node, ref sink));
        Assert.Empty(sink.Values);
        IrMembers.Walk(node, ref sink);
        Assert.Equal<object?>(["a", node.Items, 3], sink.Values);
    }

    private sealed record Outside(string Name, ImmutableArray<string> Items, int Count);

    /// <summary>Collects the values the switch hands over.</summary>
    private struct Recording : IIrMemberSink
    {
        public Recording()
        {
        }

        public List<object?> Values { get; } = [];

        public readonly void Visit(object? value) => Values.Add(value);
    }

    /// <summary>
    /// Walks <paramref name="node"/> as the refiner's walks do and checks, on every node with members, that the switch
    /// hands over the values reflection reads (members of primitive, enum or decimal type left out, an immutable
    /// array's items one by one), the same instances in the same order.
    /// </summary>
    private static int Compare(object? node, HashSet<object> seen, string input)
    {
        switch (node)
        {
            case null or string or Symbol or Microsoft.CodeAnalysis.DiagnosticDescriptor:
                return 0;
            case var origin when origin.GetType().Namespace == "SynapseToBal.Syntax":
                return 0;
            case IEnumerable items:
                return items.Cast<object?>().Sum(i => Compare(i, seen, input));
        }

        var type = node.GetType();
        if (type.IsPrimitive || type.IsEnum || node is decimal || !seen.Add(node))
        {
            return 0;
        }

        var expected = new List<object?>();
        foreach (var property in Members(type))
        {
            var value = property.GetValue(node);
            if (Skipped(property.PropertyType))
            {
                continue;
            }

            if (IsImmutableArray(property.PropertyType))
            {
                expected.AddRange(((IEnumerable)value!).Cast<object?>());
            }
            else
            {
                expected.Add(value);
            }
        }

        var sink = new Recording();
        var known = IrMembers.Visit(node, ref sink);
        Assert.True(known || Members(type).Length == 0 || type.Assembly != Converter || !Nameable(type), $"{input}: {type.FullName} has members but no case in the switch");
        if (known)
        {
            Assert.Equal(expected.Count, sink.Values.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                // Boxed values (a struct member) are equal, not the same instance; references are the same instance.
                Assert.True(expected[i] is ValueType ? Equals(expected[i], sink.Values[i]) : ReferenceEquals(expected[i], sink.Values[i]), $"{input}: {type.FullName}, member value {i} differs");
            }
        }

        return 1 + Members(type).Sum(p => Compare(p.GetValue(node), seen, input));
    }

    private static PropertyInfo[] Members(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0)
        .ToArray();

    /// <summary>Members the walks never read into: a primitive, an enum, a decimal (or a nullable one).</summary>
    private static bool Skipped(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(decimal);
    }

    private static bool IsImmutableArray(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    /// <summary>
    /// The converter's types the IR can reach: from every concrete type of the IR namespace, through the types of their
    /// members (a collection's element type, every concrete type of the converter assignable to an abstract one), stopping
    /// at the syntax namespace (the walks skip its nodes). Only concrete, non-generic types the generated file can name
    /// are listed; the notes say what was left to the reflection fallback.
    /// </summary>
    private static (List<Type> Types, List<string> Notes) Table()
    {
        var all = Converter.GetTypes();
        var queue = new Queue<Type>(all.Where(t => t.Namespace == "SynapseToBal.IR" && !t.IsAbstract && !t.IsInterface && t.IsClass | t.IsValueType && !IsGenerated(t)));
        var visited = new HashSet<Type>();
        var table = new List<Type>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!visited.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object))
            {
                if (type == typeof(object))
                {
                    notes.Add("a member of type object: its values are read by reflection unless their type is listed");
                }

                continue;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                queue.Enqueue(underlying);
                continue;
            }

            if (type.IsArray)
            {
                queue.Enqueue(type.GetElementType()!);
                continue;
            }

            if (type.Assembly != Converter)
            {
                // The walks enumerate collections; any other type of another assembly has no IR inside it.
                foreach (var element in type.GetInterfaces().Append(type).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
                {
                    queue.Enqueue(element.GetGenericArguments()[0]);
                }

                continue;
            }

            if (type.IsAbstract || type.IsInterface)
            {
                // A syntax interface may be implemented outside the syntax namespace (a node made by the lowering).
                foreach (var concrete in all.Where(t => type.IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface && t.Namespace != "SynapseToBal.Syntax"))
                {
                    queue.Enqueue(concrete);
                }

                continue;
            }

            if (type.Namespace == "SynapseToBal.Syntax")
            {
                continue;
            }

            if (type.ContainsGenericParameters || !Nameable(type))
            {
                notes.Add($"{type.FullName}: not nameable in the generated file, read by reflection");
                continue;
            }

            if (typeof(IEnumerable).IsAssignableFrom(type))
            {
                notes.Add($"{type.FullName}: a collection, enumerated by the walks");
                continue;
            }

            table.Add(type);
            foreach (var property in Members(type))
            {
                queue.Enqueue(property.PropertyType);
            }
        }

        return (table.OrderBy(t => t.FullName, StringComparer.Ordinal).ToList(), notes.ToList());
    }

    private static bool IsGenerated(Type type) => type.Name.Contains('<', StringComparison.Ordinal) || type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null;

    private static bool Nameable(Type type) =>
        !IsGenerated(type) && (type.IsPublic || type.IsNotPublic || (type.IsNested && (type.IsNestedPublic || type.IsNestedAssembly || type.IsNestedFamORAssem) && Nameable(type.DeclaringType!)));

    private static string Name(Type type)
    {
        if (type.IsGenericType)
        {
            var definition = Name(type.GetGenericTypeDefinition());
            return definition[..definition.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : "global::" + type.FullName;
    }

    private static string Generate(List<Type> types)
    {
        var text = new StringBuilder();
        text.Append("""
            // <auto-generated>
            // Written by IrMemberTableTests (tests/SynapseToBal.Tests/Architecture/IrMemberTableTests.cs) from the IR types:
            // run that test with SYNAPSE2BAL_UPDATE_GOLDEN=1 after adding or changing an IR node type. Do not edit by hand.
            // </auto-generated>
            #nullable enable

            using System.Collections.Frozen;

            namespace SynapseToBal.Refine;

            internal static partial class IrMembers
            {
                /// <summary>The case of <see cref="Visit"/> for each node type it knows.</summary>
                private static readonly FrozenDictionary<Type, int> Cases = new Dictionary<Type, int>
                {

            """);
        for (var i = 0; i < types.Count; i++)
        {
            text.Append("        [typeof(").Append(Name(types[i])).Append(")] = ").Append(i).Append(",\n");
        }

        text.Append("""
                }.ToFrozenDictionary();

                /// <summary>
                /// Hands each member <see cref="Read"/> would read on <paramref name="node"/> to <paramref name="sink"/>, in
                /// the same order, except members of primitive, enum or decimal type (no walk reads into them) and with an
                /// immutable array's items handed one by one (the walks enumerate it); false for a type it does not know.
                /// </summary>
                public static bool Visit<TSink>(object node, ref TSink sink)
                    where TSink : struct, IIrMemberSink
                {
                    if (!Cases.TryGetValue(node.GetType(), out var index))
                    {
                        return false;
                    }

                    switch (index)
                    {

            """);
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var members = Members(type).Where(p => !Skipped(p.PropertyType)).ToList();
            text.Append("            case ").Append(i).Append(":\n");
            if (members.Count == 0)
            {
                text.Append("                return true;\n");
                continue;
            }

            text.Append("            {\n");
            text.Append("                var n = (").Append(Name(type)).Append(")node;\n");
            var hidden = Members(type).GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            foreach (var property in members)
            {
                var access = hidden.Contains(property.Name) ? $"(({Name(property.DeclaringType!)})n).{property.Name}" : $"n.{property.Name}";
                if (IsImmutableArray(property.PropertyType))
                {
                    text.Append("                foreach (var item in ").Append(access).Append(")\n");
                    text.Append("                {\n");
                    text.Append("                    sink.Visit(item);\n");
                    text.Append("                }\n\n");
                }
                else
                {
                    text.Append("                sink.Visit(").Append(access).Append(");\n");
                }
            }

            text.Append("                return true;\n");
            text.Append("            }\n\n");
        }

        text.Append("""
                        default:
                            return false;
                    }
                }
            }

            """);
        return text.ToString();
    }
}
