using System.Collections.Immutable;

namespace SynapseToBal.Refine;

/// <summary>
/// Rewriting an immutable list without copying what does not change: the rewrite of a package by a pass (a flow
/// inlined, a call marked) changes a few steps of a few bodies, and a copy of every body, resource and function made
/// a copy of the whole package per pass (issue 13: a fifth of the refiner's allocation at 10,000 APIs). A list whose
/// items all come back as they were (the same instances) is returned as it was; otherwise a new list is made once the
/// first item differs.
/// </summary>
internal static class SharedList
{
    /// <summary>The list with each item mapped; the same list when every item maps to itself.</summary>
    public static ImmutableArray<T> Map<T>(ImmutableArray<T> items, Func<T, T> map)
        where T : class
    {
        ImmutableArray<T>.Builder? builder = null;
        for (var i = 0; i < items.Length; i++)
        {
            var mapped = map(items[i]);
            if (builder is null)
            {
                if (ReferenceEquals(mapped, items[i]))
                {
                    continue;
                }

                builder = ImmutableArray.CreateBuilder<T>(items.Length);
                for (var j = 0; j < i; j++)
                {
                    builder.Add(items[j]);
                }
            }

            builder.Add(mapped);
        }

        return builder is null ? items : builder.MoveToImmutable();
    }

    /// <summary>
    /// Collects the items of a rewritten list in order (items of the source left out, others added): no list is made
    /// while the items added are the source's own, in its order.
    /// </summary>
    public struct Builder<T>(ImmutableArray<T> source)
        where T : class
    {
        private ImmutableArray<T>.Builder? _builder;
        private int _count;

        /// <summary>The number of items added.</summary>
        public readonly int Count => _count;

        /// <summary>The item added last (<see cref="Count"/> must be positive).</summary>
        public readonly T Last => _builder is null ? source[_count - 1] : _builder[^1];

        /// <summary>The item added at <paramref name="index"/> (below <see cref="Count"/>).</summary>
        public readonly T this[int index] => _builder is null ? source[index] : _builder[index];

        public void Add(T item)
        {
            if (_builder is null)
            {
                if (_count < source.Length && ReferenceEquals(source[_count], item))
                {
                    _count++;
                    return;
                }

                _builder = ImmutableArray.CreateBuilder<T>(Math.Max(source.Length, _count + 1));
                for (var i = 0; i < _count; i++)
                {
                    _builder.Add(source[i]);
                }
            }

            _builder.Add(item);
            _count++;
        }

        /// <summary>The items added: the source itself when they are all of it, in its order.</summary>
        public readonly ImmutableArray<T> ToImmutable() => _builder is not null
            ? _builder.DrainToImmutable()
            : _count == source.Length ? source : ImmutableArray.Create(source, 0, _count);
    }
}
