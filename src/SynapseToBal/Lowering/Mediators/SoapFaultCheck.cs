using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// FORCE_ERROR_ON_SOAP_FAULT: a SOAP fault response fails the endpoint (SynapseCallbackReceiver), checked at run time.
public sealed partial class Lowerer
{
    private const string ForceErrorOnSoapFault = "FORCE_ERROR_ON_SOAP_FAULT";

    private bool? _setsForceErrorOnSoapFault;

    /// <summary>
    /// How many of the splits whose branches are being lowered start their copies on their own (parallel, with
    /// continueParent and no aggregate): the parent neither waits for them nor sees their failures.
    /// </summary>
    private int _detachedSplits;

    /// <summary>
    /// Whether a default-scope property of the input names FORCE_ERROR_ON_SOAP_FAULT. The property is then plain data
    /// (get-property reads it) and every send through an endpoint is followed by the run-time check of
    /// <see cref="SoapFaultCheckStep"/>, which reads the property the message holds: exact on every path, wherever
    /// (in which sequence, on which branch) the property was set.
    /// </summary>
    private bool SetsForceErrorOnSoapFault => _setsForceErrorOnSoapFault ??=
        _model.Mediators.OfType<PropertyMediator>().Any(p => p.Name == ForceErrorOnSoapFault && p.Scope == "default");

    /// <summary>
    /// The property itself, in the default scope with a string value (or removed): SynapseCallbackReceiver reads it as
    /// a String when the response arrives, so it stays a data property the run-time check reads. A typed (BOOLEAN,
    /// OM, ...) value is not a String there (the cast fails): it keeps its TODO.
    /// </summary>
    private static bool IsForceErrorOnSoapFaultData(PropertyMediator property) =>
        property.Name == ForceErrorOnSoapFault && property.Scope == "default"
        && (property.Action == PropertyAction.Remove || (property.Type?.ToUpperInvariant() is null or "STRING" && property.Value is not ValueSyntax.InlineXml));

    /// <summary>
    /// The Micro Integrator also suspends the endpoint that answered the fault (ERROR_CODE 500000 is a suspend fault
    /// when no suspend codes are configured, AbstractEndpoint.isSuspendFault): an endpoint whose calls keep a
    /// suspension state, and a group's members, take the fault into their state; an endpoint without explicit
    /// suspension settings keeps none, as for transport failures (docs/mapping.md).
    /// A send whose response the generated code does not check for a SOAP fault (a copy a recipient list sends):
    /// reported (SB0206) when the input sets FORCE_ERROR_ON_SOAP_FAULT.
    /// </summary>
    private void ReportUncheckedSoapFault(SourceLocation location, string element)
    {
        if (SetsForceErrorOnSoapFault)
        {
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, ForceErrorOnSoapFault, "when the message holds it as \"true\", a SOAP fault response of this send fails the endpoint in Synapse; the generated code takes it as the response");
        }
    }

    /// <summary>
    /// A send or call, followed, when the input sets FORCE_ERROR_ON_SOAP_FAULT, by the check of its response: a
    /// non-blocking send through an endpoint (the endpoint is the fault handler SynapseCallbackReceiver finds on the
    /// fault stack; an endpoint-less send pushes none, so its response is never checked). OUT_ONLY registers no
    /// callback, so nothing is checked. A blocking call, with or without an endpoint, reads the property in the
    /// blocking sender (BlockingMsgSenderUtils.fillClientOptions sets Axis2's exceptionToBeThrownOnSOAPFault): its
    /// step checks the response itself (<see cref="CallStep.SoapFault"/>). A failover or load-balance group fails the
    /// faulting member and sends the request again to the next ready one: its call checks each member's response
    /// (<see cref="CallStep.SoapFault"/> on a non-blocking call through a group). In a copy an iterate or clone made the
    /// check is the same: the copy's failure reaches its fork, which hands the copy's message to the fault handling
    /// (<see cref="ForkStep.CopyFaults"/>), except in a copy nothing awaits (reported).
    /// </summary>
    private ImmutableArray<StepIr> SoapFaultChecked(MediatorSyntax? origin, StepIr call, SourceLocation location)
    {
        if (!SetsForceErrorOnSoapFault)
        {
            return [call];
        }

        var element = origin?.ElementName ?? "target";
        switch (call)
        {
            // An endpoint-less blocking call: the blocking sender reads it too (CallMediator.handleBlockingCall sends it
            // through BlockingMsgSender.send with an empty EndpointDefinition). A blocking call through an endpoint
            // and a callout set CallStep.SoapFault where they are lowered.
            case CallAddressStep { Blocking: true } blocking:
                return [blocking with { SoapFault = true }];
            case CallStep { OutOnly: true } or CallAddressStep { OutOnly: true }:
            case CallAddressStep when origin is SendMediator { Endpoint: null } or CallMediator { Endpoint: null }:
                return [call];
            case CallStep or CallAddressStep when _detachedSplits > 0:
                // A copy started on its own (continueParent, parallel, no aggregate): nothing awaits its failure, where
                // Synapse runs the fault sequence on the copy's response.
                _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, location, element, ForceErrorOnSoapFault, "in a copy of a parallel iterate or clone with continueParent and no aggregate, a SOAP fault response runs the fault sequence on that copy's response when the property is \"true\"; the generated copy runs on its own and its failure reaches no fault handling");
                return [call];
            case CallStep { Client.Group.State: not null } group:
                // The group's EndpointGroup checks each member's response (callGroup's soapFault): a SOAP fault fails
                // that member (SynapseCallbackReceiver hands it to the member's handleFault), which suspends it and tries the next.
                return [group with { SoapFault = true }];
            case CallStep { TracksSuspension: true, Blocking: false } tracked:
                // The endpoint keeps a suspension state: SynapseCallbackReceiver hands the fault to the endpoint's
                // handleFault (AddressEndpoint.onFault with ERROR_CODE 500000) instead of its onSuccess, so the call
                // checks the response before the state takes the result (endpointCalled's soapFaultOf).
                return [tracked with { SoapFault = true }];
            default:
                return [call, new SoapFaultCheckStep(origin)];
        }
    }
}
