using System.Collections;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// Which bodies of a package may run on the same message context (issue 14): the call graph of the generated
/// functions. A body reaches every function its IR names (an invoked sequence, a resource's out or fault flow, which
/// is also the out flow a shared sequence continues with on that resource's context, a fork branch, a loop body, an
/// on-store sequence), the message processors (translated or left as TODOs) when it stores a message (the stored copy
/// carries its properties), and a named sequence, template or artifact left as a TODO that the original XML of a TODO
/// in it names (any named sequence when that XML picks one by a computed key), since finishing the TODO by hand calls
/// it there; an artifact left as a TODO reaches what its XML names the same way. A function runs on the
/// context of every body that reaches it; the bodies that may see a property one body writes are the ones
/// reachable from the body's callers (itself included): <see cref="Sharing"/>.
/// </summary>
internal sealed partial class ContextGraph
{
    private readonly List<HashSet<int>> _edges;
    private readonly int _bodies;

    /// <param name="bodies">The bodies of the package (resources and functions), then the artifacts left as TODOs, by node.</param>
    /// <param name="functions">The function each body node is, by its symbol (resources have none).</param>
    /// <param name="artifacts">The artifacts left as TODOs, by Synapse name: a body whose TODO names one (a sequence, an endpoint) runs it on its context.</param>
    /// <param name="texts">Per body and artifact, the text that may name a sequence (the original XML of TODOs and dead code, untranslated expressions).</param>
    /// <param name="roots">
    /// Parts of the package outside the bodies that create a context and run functions on it (an inbound listener, a
    /// job, a message processor): each is a node reaching the functions it names, so the functions it runs share its context.
    /// </param>
    /// <param name="processors">The indexes into <paramref name="roots"/> of the message processors: a body storing a message reaches them.</param>
    /// <param name="pendingStores">The nodes of the message stores and processors left as TODOs: a body storing a message reaches them too.</param>
    public ContextGraph(IReadOnlyList<object> bodies, IReadOnlyDictionary<Symbol, int> functions, IReadOnlyList<(string Name, int Node)> artifacts, IReadOnlyList<IReadOnlyList<string>> texts, IReadOnlyList<object> roots, IReadOnlySet<int> processors, IReadOnlySet<int> pendingStores)
    {
        _bodies = bodies.Count;
        _edges = [];
        var named = functions.Where(f => f.Key.SuffixWhenReserved is not null).Select(f => (Name: f.Key.Hint, Node: f.Value)).Concat(artifacts).ToList();
        var quoted = new QuotedNames(named);
        for (var i = 0; i < bodies.Count; i++)
        {
            var walk = new Walk { SameContextOnly = true };
            walk.Visit(bodies[i]);
            var edges = walk.Symbols.Where(functions.ContainsKey).Select(s => functions[s]).ToHashSet();
            if (walk.Stores)
            {
                edges.UnionWith(processors.Select(p => _bodies + p));
                edges.UnionWith(pendingStores);
            }

            foreach (var text in texts[i])
            {
                if (DynamicKey().IsMatch(text))
                {
                    edges.UnionWith(named.Select(f => f.Node));
                }

                quoted.AddNamedIn(text, except: i, edges);
            }

            _edges.Add(edges);
        }

        var bodyIndex = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < bodies.Count; i++)
        {
            bodyIndex.TryAdd(bodies[i], i);
        }

        foreach (var root in roots)
        {
            var walk = new Walk { SameContextOnly = true };
            walk.Visit(root);
            var edges = walk.Symbols.Where(functions.ContainsKey).Select(s => functions[s]).ToHashSet();
            edges.UnionWith(walk.Resources.Select(r => bodyIndex.GetValueOrDefault(r, -1)).Where(n => n >= 0));
            _edges.Add(edges);
        }

        _reach = Reach();
        _reachedBy = Enumerable.Range(0, _edges.Count).Select(_ => new List<int>()).ToList();
        _sharingMark = new int[_bodies];
        for (var node = 0; node < _reach.Count; node++)
        {
            foreach (var reached in _reach[node])
            {
                _reachedBy[reached].Add(node);
            }
        }
    }

    /// <summary>Per node, the nodes it reaches (itself first), in the order a search from it finds them.</summary>
    private readonly List<int[]> _reach;

    /// <summary>Per node, the nodes that reach it (itself included), in node order: <see cref="Sharing"/> visits only those, not every node.</summary>
    private readonly List<List<int>> _reachedBy;

    /// <summary>Per body, the number of the <see cref="Sharing"/> call that last added it (no set is allocated per call).</summary>
    private readonly int[] _sharingMark;

    private int _sharingCalls;

    /// <summary>
    /// The bodies (indexes below the body count) that may run on a context body <paramref name="body"/> writes, itself
    /// included, each once, in the order they are first found.
    /// </summary>
    public IReadOnlyList<int> Sharing(int body)
    {
        var call = ++_sharingCalls;
        var result = new List<int>();
        foreach (var node in _reachedBy[body])
        {
            foreach (var reached in ReachedBodies(node))
            {
                if (_sharingMark[reached] != call)
                {
                    _sharingMark[reached] = call;
                    result.Add(reached);
                }
            }
        }

        return result;
    }

    /// <summary>The bodies (and artifacts left as TODOs) a root reaches: what runs on the contexts it creates (<paramref name="root"/> indexes the constructor's roots).</summary>
    public IReadOnlyList<int> ReachedFromRoot(int root) => ReachedBodies(_bodies + root);

    /// <summary>Per node, the bodies among the nodes it reaches, in the order of its reach (filled on first use).</summary>
    private readonly Dictionary<int, int[]> _reachedBodies = [];

    private int[] ReachedBodies(int node)
    {
        if (!_reachedBodies.TryGetValue(node, out var bodies))
        {
            _reachedBodies[node] = bodies = _reach[node].Where(n => n < _bodies).ToArray();
        }

        return bodies;
    }

    /// <summary>
    /// What each node reaches, depth first from it: one mark array and one stack shared by the searches instead of a
    /// hash set per node (a corpus has thousands of nodes, many reaching hundreds of others).
    /// </summary>
    private List<int[]> Reach()
    {
        var reach = new List<int[]>(_edges.Count);
        var mark = new int[_edges.Count];
        var pending = new Stack<int>();
        var found = new List<int>();
        for (var start = 0; start < _edges.Count; start++)
        {
            var search = start + 1;
            found.Clear();
            mark[start] = search;
            found.Add(start);
            pending.Push(start);
            while (pending.Count > 0)
            {
                foreach (var next in _edges[pending.Pop()])
                {
                    if (mark[next] != search)
                    {
                        mark[next] = search;
                        found.Add(next);
                        pending.Push(next);
                    }
                }
            }

            reach.Add([.. found]);
        }

        return reach;
    }

    /// <summary>True when XML text refers to a sequence or template by this name (as an attribute value).</summary>
    private static bool NamesSequence(string text, string name) =>
        name.Length > 0 && (text.Contains('"' + name + '"', StringComparison.Ordinal) || text.Contains('\'' + name + '\'', StringComparison.Ordinal));

    /// <summary>
    /// The names of <see cref="NamesSequence"/> looked up by the quoted values of a text, instead of searching the text
    /// once per name: a name without quotes is in the text between quotes exactly when it is the text between two
    /// consecutive quote characters of the same kind. Names with a quote in them are searched for as before.
    /// </summary>
    private sealed class QuotedNames
    {
        private readonly Dictionary<string, List<int>> _plain = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<(string Name, int Node)> _other = [];

        public QuotedNames(IEnumerable<(string Name, int Node)> named)
        {
            foreach (var (name, node) in named)
            {
                if (name.Length == 0)
                {
                    continue;
                }

                if (name.Contains('"', StringComparison.Ordinal) || name.Contains('\'', StringComparison.Ordinal))
                {
                    _other.Add((name, node));
                }
                else if (_plain.TryGetValue(name, out var nodes))
                {
                    nodes.Add(node);
                }
                else
                {
                    _plain[name] = [node];
                }
            }

            _lookup = _plain.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>Adds to <paramref name="edges"/> the node of every name <paramref name="text"/> names (<see cref="NamesSequence"/>), but <paramref name="except"/>.</summary>
        public void AddNamedIn(string text, int except, HashSet<int> edges)
        {
            if (_plain.Count > 0)
            {
                AddBetween(text, '"', except, edges);
                AddBetween(text, '\'', except, edges);
            }

            foreach (var (name, node) in _other)
            {
                if (node != except && NamesSequence(text, name))
                {
                    edges.Add(node);
                }
            }
        }

        private void AddBetween(string text, char quote, int except, HashSet<int> edges)
        {
            var open = text.IndexOf(quote, StringComparison.Ordinal);
            while (open >= 0)
            {
                var close = text.IndexOf(quote, open + 1);
                if (close < 0)
                {
                    return;
                }

                if (close > open + 1 && _lookup.TryGetValue(text.AsSpan(open + 1, close - open - 1), out var nodes))
                {
                    foreach (var node in nodes)
                    {
                        if (node != except)
                        {
                            edges.Add(node);
                        }
                    }
                }

                open = close;
            }
        }
    }

    /// <summary>A sequence or template chosen by a computed key (<c>&lt;sequence key="{...}"/&gt;</c>, <c>call-template target="{...}"</c>).</summary>
    [GeneratedRegex(@"\b(?:key|target)\s*=\s*[""']\s*\{")]
    private static partial Regex DynamicKey();

    /// <summary>
    /// Collects, through every member of every node (<see cref="IrMembers"/>, so IR nodes added later are covered), every
    /// symbol an IR subtree names and the facts that add edges. The IR's nodes are immutable records, so it has no cycle:
    /// a node is walked each time it is reached, without a set of the nodes seen (a node reached twice adds nothing new
    /// to the symbols, to the resources, whose users take each once, or to the store flag). That set grew to every node
    /// of the package on each whole-package walk, large-object-heap arrays each time (issue 13; the property facts'
    /// walk, <c>PropertyLocalAnalysis</c>, never had one).
    /// </summary>
    internal sealed class Walk
    {
        public Walk()
            : this([])
        {
        }

        /// <param name="symbols">The set the symbols are added to.</param>
        public Walk(HashSet<Symbol> symbols) => Symbols = symbols;

        public HashSet<Symbol> Symbols { get; }

        /// <summary>Nodes not walked into (by identity): steps that write nothing.</summary>
        public IReadOnlySet<StepIr>? Skip { get; init; }

        /// <summary>
        /// Leave out what runs on a context of its own: the API's default resource a refused request is handed to
        /// (<see cref="DefaultFallbackIr"/>) runs on a new context, so it shares no property with the refusing resource.
        /// </summary>
        public bool SameContextOnly { get; init; }

        public List<ResourceIr> Resources { get; } = [];

        public bool Stores { get; private set; }

        public void Visit(object? node)
        {
            switch (node)
            {
                case null or string or Microsoft.CodeAnalysis.DiagnosticDescriptor:
                    return;
                case StepIr step when Skip is not null && Skip.Contains(step):
                    return;
                case Symbol symbol:
                    Symbols.Add(symbol);
                    return;
                case var origin when origin.GetType().Namespace == "SynapseToBal.Syntax":
                    return;
                case DefaultFallbackIr when SameContextOnly:
                    return;
                case StoreMessageStep:
                    Stores = true;
                    break;
                case ResourceIr resource:
                    Resources.Add(resource);
                    break;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        Visit(item);
                    }

                    return;
            }

            var type = node.GetType();
            if (type.IsPrimitive || type.IsEnum || node is decimal)
            {
                return;
            }

            var sink = new Sink(this);
            IrMembers.Walk(node, ref sink);
        }

        private readonly struct Sink(Walk walk) : IIrMemberSink
        {
            public void Visit(object? value) => walk.Visit(value);
        }
    }
}
