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
    /// How Axis2 dispatches a request to the WSDL's operations, when the converter reproduces it (a WSDL 1.1 document
    /// of the input that the Micro Integrator builds the proxy's operations from); null otherwise (SB0244 says why).
    /// </summary>
    public WsdlDispatchIr? Dispatch { get; init; }

    /// <summary>
    /// The WSDL the Micro Integrator generates for a proxy that publishes none (its one operation <c>mediate</c>): the
    /// service answers the other metadata queries of PassThroughNHttpGetProcessor as the MI answers them for such a
    /// proxy too (<c>?xsd</c>, <c>?wsdl=name</c>).
    /// </summary>
    public bool Generated { get; init; }
}

/// <summary>
/// The operations of a proxy's published WSDL as Axis2 finds them for a request (WSDL11ToAxisServiceBuilder,
/// AxisService, the dispatchers of the Micro Integrator's axis2.xml): by the request's SOAP action, else by the first
/// path segment after the service's address, else <see cref="Fallback"/>; none found is DispatchPhase's fault.
/// </summary>
/// <param name="Actions">The SOAP actions that name an operation (AxisService.getOperationBySOAPAction): each alias
/// mapped to one operation only (binding soapActions, the input's explicit or default WS-Addressing action), then each
/// operation's own name unless an alias of another operation claims it or it names two.</param>
/// <param name="Operations">The operations' names, which the path segment names first (AxisService.getOperation).</param>
/// <param name="OneWayOperations">The in-only operations (an input and neither output nor fault), acknowledged 202.</param>
/// <param name="Fallback">The operation a request naming none gets: the WSDL's own <c>mediate</c> (SynapseDispatcher),
/// the default <c>mediate</c> with <c>disableOperationValidation</c>, or the only operation with
/// <c>supportSingleOperation</c>; null when such a request is refused.</param>
public sealed record WsdlDispatchIr(ImmutableArray<WsdlActionIr> Actions, ImmutableArray<string> Operations, ImmutableArray<string> OneWayOperations, string? Fallback)
{
    /// <summary>The module-level value holding <see cref="Actions"/> and <see cref="Operations"/> (and <see cref="Elements"/>
    /// when a listener reads it), one per proxy, which each of the proxy's services and listeners reads.</summary>
    public Symbol? Table { get; init; }

    /// <summary>
    /// The input message elements that name an operation (AxisService.getOperationByMessageElementQName, which
    /// SOAPMessageBodyBasedDispatcher asks for the body's first element): the element of a document-style input
    /// message's one part, written <c>{namespace}local</c>, each mapped to one operation only (an element two operations
    /// take names neither). Only a message a transport builds before dispatch reaches that dispatcher (JMS, VFS, mail, RabbitMQ).
    /// </summary>
    public ImmutableArray<WsdlActionIr> Elements { get; init; } = [];
}

/// <summary>A SOAP action (or an operation's name, or an input element's name) and the WSDL operation Axis2 dispatches it to.</summary>
public sealed record WsdlActionIr(string Action, string Operation);
