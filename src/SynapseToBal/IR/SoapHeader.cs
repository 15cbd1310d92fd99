using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>A header mediator (default scope) adding a SOAP header block <c>{NamespaceUri}LocalName</c> with a text value.</summary>
public sealed record AddSoapHeaderStep(MediatorSyntax Origin, string NamespaceUri, string Prefix, string LocalName, ExprIr Value) : StepIr(Origin);

/// <summary>A header mediator (default scope) adding its inline XML elements as SOAP header blocks.</summary>
public sealed record AddSoapHeaderXmlStep(MediatorSyntax Origin, string Xml) : StepIr(Origin);

/// <summary>A header mediator (default scope) removing every SOAP header block named <c>{NamespaceUri}LocalName</c>.</summary>
public sealed record RemoveSoapHeaderStep(MediatorSyntax Origin, string NamespaceUri, string LocalName) : StepIr(Origin);
