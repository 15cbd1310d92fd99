using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>What lowering knows, at a point of a flow, of a fact that only the run time settles: yes, no, or it depends.</summary>
internal enum Known
{
    No,
    Yes,
    Maybe,
}

/// <summary>
/// The message-exchange facts Synapse keeps on the message context and reads when it sends (semantics §2.5, §4.2):
/// whether the message is a response (<c>RESPONSE</c>, a call, loopback, makefault), whether a send is
/// fire-and-forget (<c>OUT_ONLY</c>) and whether the client is answered 202 as soon as the message is sent
/// (<c>FORCE_SC_ACCEPTED</c>). Lowering follows them through a flow in source order: a fact set in a nested block
/// (a branch) is known inside it and "maybe" after it whenever the block changed it.
/// </summary>
internal sealed class ExchangeState
{
    private readonly Stack<Frame> _frames = new();

    /// <summary>For each open block, the final states of the nested blocks ended since its last mediator.</summary>
    private readonly Stack<List<Frame>> _ended = new();

    public ExchangeState(FlowKind kind)
    {
        var response = kind switch
        {
            FlowKind.In => Known.No,
            FlowKind.Out => Known.Yes,
            // A fault flow runs on the message that failed: the request when the failure came before a response (an
            // endpoint's failure hands the fault handler the request, SynapseCallbackReceiver.handleMessage), the
            // response after one (SynapseCallbackReceiver marks it setResponse(true)). Only the run time tells.
            _ => Known.Maybe,
        };
        _frames.Push(new Frame(response, Known.No, Known.No, null) { IsResponse = response });
    }

    /// <summary>The state of a block that runs on its own copy of the message (an iterate, clone, scatter-gather or foreach branch): it starts from what its parent knows and changes nothing for the parent.</summary>
    public ExchangeState(Frame start) => _frames.Push(start);

    /// <param name="OutOnlyOrigin">The property that set OUT_ONLY, while it is set.</param>
    /// <param name="Transport">The axis2 transport switches set on the message (FORCE_HTTP_1.0, DISABLE_CHUNKING, ...).</param>
    /// <param name="Redispatched">Whether the flow now holds another Axis2 message context than the one its entry point
    /// dispatched (a non-blocking call's response: SynapseCallbackReceiver builds a new one), so the request's Axis2
    /// facts (its operation) no longer apply.</param>
    internal readonly record struct Frame(Known Response, Known OutOnly, Known ForceAccepted, MediatorSyntax? OutOnlyOrigin, TransportSwitches Transport = default, Known Redispatched = Known.No)
    {
        /// <summary>
        /// The message's own direction flag (<c>synCtx.isResponse()</c>, what LogMediator prints as Direction), which
        /// <see cref="Response"/> follows except after a call: a non-blocking call's response continues the flow with
        /// the direction of the message that called (SynapseCallbackReceiver.handleMessage sets the response's
        /// setResponse(false) for a continuation call made on a request), and a blocking call keeps the message's.
        /// What tests isResponse() reads it: InMediator and OutMediator, ThrottleMediator, LoopBackMediator, the log's
        /// Direction. <see cref="Response"/> (the message holds a response) decides what an endpoint-less send or call
        /// does: after a call's response on a request a bare send answers the client, as the anonymous To the response
        /// carries sends it back (PassThroughHttpSender.invoke: submitResponse).
        /// </summary>
        public Known IsResponse { get; init; }

        /// <summary>
        /// The inline <c>&lt;redis.init&gt;</c> in effect (EI 6.x form: the init sets the connection's properties on the
        /// message, which the operations after it without configKey read), or null when none ran before.
        /// </summary>
        public RedisInline? Redis { get; init; }
    }

    public Frame Current => _frames.Peek();

    /// <summary>The state at the end of the last outermost block lowered with this state (a whole flow): what a proxy's target send sees.</summary>
    public Frame? Ended { get; private set; }

    /// <summary>A nested block (a branch) starts: it sees what its parent knows before the mediator that nests it.</summary>
    public void Enter()
    {
        _frames.Push(_frames.Peek());
        _ended.Push([]);
    }

    /// <summary>A nested block ends; what it changed counts for its parent once the nesting mediator is done (<see cref="Settle"/>).</summary>
    public void Exit()
    {
        var child = _frames.Pop();
        _ended.Pop();
        if (_ended.Count > 0)
        {
            _ended.Peek().Add(child);
        }
        else
        {
            Ended = child;
        }
    }

    /// <summary>
    /// After a mediator: what any of its nested blocks changed is only "maybe" changed for the rest of the block
    /// (branches are alternatives, so each starts from the state before them).
    /// </summary>
    public void Settle()
    {
        if (_ended.Count == 0 || _ended.Peek().Count == 0)
        {
            return;
        }

        var parent = _frames.Pop();
        foreach (var child in _ended.Peek())
        {
            parent = new Frame(
                Merge(parent.Response, child.Response),
                Merge(parent.OutOnly, child.OutOnly),
                Merge(parent.ForceAccepted, child.ForceAccepted),
                parent.OutOnlyOrigin ?? child.OutOnlyOrigin,
                parent.Transport.Merge(child.Transport),
                Merge(parent.Redispatched, child.Redispatched))
            {
                IsResponse = Merge(parent.IsResponse, child.IsResponse),
                Redis = ReferenceEquals(parent.Redis, child.Redis) ? parent.Redis : RedisInline.Unsettled,
            };
        }

        _ended.Peek().Clear();
        _frames.Push(parent);
    }

    public void Set(Frame frame)
    {
        _frames.Pop();
        _frames.Push(frame);
    }

    private static Known Merge(Known parent, Known child) => parent == child ? parent : Known.Maybe;
}

/// <summary>
/// The Redis connection an inline <c>&lt;redis.init&gt;</c> gave the message: its translated connection, or why there
/// is none the operations after it can use.
/// </summary>
internal sealed record RedisInline(SynapseToBal.IR.RedisConnectionIr? Connection, string? Problem)
{
    /// <summary>Branches before the operation run different inits (or one runs none): only the run time tells which connection the message holds.</summary>
    public static readonly RedisInline Unsettled = new(null, "the branches before it set the Redis connection differently (an inline <redis.init> runs in some of them only, or different ones run), so which connection the message holds is known only at run time");
}
