using System.Collections.Frozen;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// What a mediator does itself, apart from what it runs (the mediators it holds, the sequences it names): the one table
/// behind <see cref="Lowerer"/>'s plain flows (a failure there never follows a call) and its mediators that run on
/// each response before an aggregate.
/// </summary>
internal static class MediatorEffects
{
    /// <summary>
    /// The mediators that only read and change the message (log, property, variable, header, payloadFactory, enrich, xslt,
    /// fastXSLT, jsontransform, datamapper, rewrite, makefault, and filter and switch over what they hold): none calls out,
    /// runs another flow, answers, stops the flow, copies or aggregates the message, or runs code of its own.
    /// </summary>
    internal static readonly FrozenSet<Type> OnMessageOnly = new[]
    {
        typeof(LogMediator), typeof(PropertyMediator), typeof(PropertyGroupMediator), typeof(VariableMediator), typeof(HeaderMediator),
        typeof(PayloadFactoryMediator), typeof(EnrichMediator), typeof(XsltMediator), typeof(FastXsltMediator), typeof(JsonTransformMediator),
        typeof(DataMapperMediator), typeof(RewriteMediator), typeof(MakeFaultMediator), typeof(FilterMediator), typeof(SwitchMediator),
    }.ToFrozenSet();

    /// <summary>
    /// The mediators that answer or stop the flow, or may (validate, through its on-fail mediators), without calling out or
    /// running another flow themselves: respond, drop, validate.
    /// </summary>
    internal static readonly FrozenSet<Type> StopsWithoutCalling = new[] { typeof(ValidateMediator), typeof(RespondMediator), typeof(DropMediator) }.ToFrozenSet();

    /// <summary>Whether a mediator itself only reads and changes the message (<see cref="OnMessageOnly"/>).</summary>
    public static bool WorksOnMessageOnly(MediatorSyntax mediator) => OnMessageOnly.Contains(mediator.GetType());

    /// <summary>
    /// Whether a mediator itself never calls out or runs another flow: it only works on the message
    /// (<see cref="WorksOnMessageOnly"/>), or it answers or stops the flow (<see cref="StopsWithoutCalling"/>).
    /// </summary>
    public static bool NeverCallsOut(MediatorSyntax mediator) => WorksOnMessageOnly(mediator) || StopsWithoutCalling.Contains(mediator.GetType());
}
