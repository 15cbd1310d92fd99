namespace SynapseToBal.IR;

/// <summary>
/// The WS-Addressing an endpoint's <c>&lt;enableAddressing&gt;</c> turns on for the messages sent through its client: the
/// namespace of the header blocks Axis2's AddressingOutHandler adds (its <c>version</c> attribute, or, without one, the
/// version of the received message's own WS-Addressing headers, else the 2005/08 one).
/// </summary>
public enum WsAddressingVersion
{
    /// <summary>No <c>version</c>: the namespace the received message used, else 2005/08.</summary>
    Default,

    /// <summary><c>version="final"</c>: http://www.w3.org/2005/08/addressing.</summary>
    Final,

    /// <summary><c>version="submission"</c>: http://schemas.xmlsoap.org/ws/2004/08/addressing.</summary>
    Submission,
}
