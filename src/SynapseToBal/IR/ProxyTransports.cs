using System.Collections.Immutable;

namespace SynapseToBal.IR;

/// <summary>
/// One rule of a proxy's <c>transport.jms.ContentType</c> (Axis2's JMS <c>ContentTypeRuleSet</c>): the first rule that
/// gives a content type decides how the message is read.
/// </summary>
public abstract record JmsContentTypeRuleIr
{
    private JmsContentTypeRuleIr()
    {
    }

    /// <summary><c>&lt;jmsProperty&gt;name&lt;/jmsProperty&gt;</c>: the string value of that JMS property, when the message has it.</summary>
    public sealed record Property(string Name) : JmsContentTypeRuleIr;

    /// <summary><c>&lt;textMessage&gt;type&lt;/textMessage&gt;</c>: that type for a TextMessage.</summary>
    public sealed record TextMessage(string ContentType) : JmsContentTypeRuleIr;

    /// <summary><c>&lt;bytesMessage&gt;type&lt;/bytesMessage&gt;</c>: that type for a BytesMessage.</summary>
    public sealed record BytesMessage(string ContentType) : JmsContentTypeRuleIr;

    /// <summary><c>&lt;default&gt;type&lt;/default&gt;</c>: that type for any message.</summary>
    public sealed record Default(string ContentType) : JmsContentTypeRuleIr;
}

/// <summary>
/// A proxy's <c>publishWSDL</c>, written to the package's <c>resources/</c> and answered to <c>GET ...?wsdl</c>.
/// </summary>
/// <param name="FileName">The file's path in the package (<c>resources/&lt;proxy&gt;.wsdl</c>), sanitised; null for a WSDL on the server's file system the input does not hold.</param>
/// <param name="Content">The WSDL document as the project holds it; null with <paramref name="FileName"/>.</param>
/// <param name="Path">Configurable: where the running program reads the file (default: <paramref name="FileName"/>; required when there is none).</param>
public sealed record PublishedWsdlIr(string? FileName, string? Content, Symbol Path)
{
    /// <summary>
    /// The SOAP actions Axis2 maps to the WSDL's one-way (in-only) operations: each binding's <c>soapAction</c> and the
    /// input's explicit WS-Addressing action (empty when the WSDL declares no one-way operation).
    /// </summary>
    public ImmutableArray<string> OneWayActions { get; init; } = [];

    /// <summary>The names of the WSDL's one-way operations, which <c>/services/P/&lt;operation&gt;</c> dispatches to.</summary>
    public ImmutableArray<string> OneWayOperations { get; init; } = [];

    /// <summary>The SOAP actions of the WSDL's other operations, which win over a one-way operation named by the path.</summary>
    public ImmutableArray<string> TwoWayActions { get; init; } = [];
}
