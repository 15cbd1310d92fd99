using System.Collections.Immutable;

namespace SynapseToBal.Syntax;

/// <summary>
/// <c>&lt;class name&gt;&lt;property/&gt;*&lt;/class&gt;</c>: a custom Java mediator with its bean properties; MI 4.4 adds
/// <c>method</c>, a result target and <c>&lt;inputs&gt;</c> arguments.
/// </summary>
public sealed record ClassMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string ClassName,
    ImmutableArray<MediatorPropertySyntax> Properties,
    string? Method,
    string? ResultTarget,
    string? TargetVariable,
    ImmutableArray<InputArgumentSyntax> Inputs) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "class";
}

/// <summary>A POJO command <c>&lt;property name (value | inline XML) expression context-name action/&gt;</c>.</summary>
public sealed record PojoCommandPropertySyntax(
    string Name,
    ValueSyntax? Value,
    ExpressionSyntax? Expression,
    string? ContextName,
    string? Action,
    SourceLocation Location);

/// <summary>
/// <c>&lt;pojoCommand name&gt;&lt;property/&gt;*&lt;/pojoCommand&gt;</c>, or <c>&lt;annotatedCommand name&gt;</c> whose
/// bindings come from annotations on the class (<see cref="Annotated"/>).
/// </summary>
public sealed record PojoCommandMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string ClassName,
    bool Annotated,
    ImmutableArray<PojoCommandPropertySyntax> Properties) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => Annotated ? "annotatedCommand" : "pojoCommand";
}

/// <summary><c>&lt;spring bean key/&gt;</c>: a bean from a Spring configuration in the registry.</summary>
public sealed record SpringMediator(SourceLocation Location, RawXmlText RawXml, string? Bean, KeySyntax? ConfigKey) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "spring";
}

public enum BeanAction
{
    Create,
    Remove,
    SetProperty,
    GetProperty,
}

/// <summary><c>&lt;bean action var class replace property value target/&gt;</c>; the value may be dynamic.</summary>
public sealed record BeanMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    BeanAction? Action,
    string? Var,
    string? ClassName,
    bool? Replace,
    string? Property,
    ValueSyntax? Value,
    string? Target) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "bean";
}

/// <summary>
/// <c>&lt;ejb beanstalk class method stateful id remove target jndiName&gt;&lt;args&gt;&lt;arg value/&gt;*&lt;/args&gt;&lt;/ejb&gt;</c>
/// (older configurations write the bean id as <c>sessionId</c>).
/// </summary>
public sealed record EjbMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Beanstalk,
    string? ClassName,
    string? Method,
    bool Stateful,
    ValueSyntax? BeanId,
    bool Remove,
    string? Target,
    string? JndiName,
    ImmutableArray<ValueSyntax> Arguments) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "ejb";
}

/// <summary>
/// <c>&lt;entitlementService&gt;</c>: XACML authorisation against a PDP, with credentials (literal or registry key),
/// cache and client settings, and the onAccept/onReject/obligations/advice flows.
/// </summary>
public sealed record EntitlementMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? RemoteServiceUrl,
    string? RemoteServiceUrlKey,
    string? RemoteServiceUserName,
    string? RemoteServiceUserNameKey,
    string? RemoteServicePassword,
    string? RemoteServicePasswordKey,
    string? CallbackClass,
    string? CacheType,
    int? InvalidationInterval,
    int? MaxCacheEntries,
    string? Client,
    string? ThriftHost,
    string? ThriftPort,
    string? ReuseSession,
    MediatorBranchSyntax? OnAccept,
    MediatorBranchSyntax? OnReject,
    MediatorBranchSyntax? Obligations,
    MediatorBranchSyntax? Advice) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "entitlementService";
}

/// <summary><c>&lt;oauthService remoteServiceUrl username password/&gt;</c>.</summary>
public sealed record OAuthMediator(SourceLocation Location, RawXmlText RawXml, string? RemoteServiceUrl, string? Username, string? Password)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "oauthService";
}

/// <summary>
/// <c>&lt;kerberosService spn clientPrincipal password keytabConfig krb5Config loginConfig loginContextName&gt;</c>;
/// the SPN may come from the registry (<c>&lt;spn key/&gt;</c>).
/// </summary>
public sealed record KerberosMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? Spn,
    KeySyntax? SpnKey,
    string? ClientPrincipal,
    string? Password,
    string? KeytabConfig,
    string? Krb5Config,
    string? LoginConfig,
    string? LoginContextName) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "kerberosService";
}

/// <summary><c>&lt;NTLM username password host domain ntlmVersion/&gt;</c>; each value may be a <c>{expression}</c>.</summary>
public sealed record NtlmMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string ElementTag,
    ValueSyntax? Username,
    ValueSyntax? Password,
    ValueSyntax? Host,
    ValueSyntax? Domain,
    ValueSyntax? NtlmVersion) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => ElementTag;
}

/// <summary>A publishEvent <c>&lt;attribute name type (value | expression) defaultValue/&gt;</c>.</summary>
public sealed record EventAttributeSyntax(string Name, string? Type, ValueSyntax? Value, string? DefaultValue, SourceLocation Location);

/// <summary>
/// <c>&lt;publishEvent async timeout&gt;&lt;eventSink/&gt;&lt;streamName/&gt;&lt;streamVersion/&gt;&lt;attributes&gt;
/// &lt;meta/&gt;&lt;correlation/&gt;&lt;payload/&gt;&lt;arbitrary/&gt;&lt;/attributes&gt;&lt;/publishEvent&gt;</c>.
/// </summary>
public sealed record PublishEventMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    bool? Async,
    long? Timeout,
    string? EventSink,
    string? StreamName,
    string? StreamVersion,
    ImmutableArray<EventAttributeSyntax> Meta,
    ImmutableArray<EventAttributeSyntax> Correlation,
    ImmutableArray<EventAttributeSyntax> Payload,
    ImmutableArray<EventAttributeSyntax> Arbitrary) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "publishEvent";
}

/// <summary><c>&lt;event topic expression/&gt;</c>: publish to a topic; the topic may be dynamic.</summary>
public sealed record EventMediator(SourceLocation Location, RawXmlText RawXml, KeySyntax? Topic, ExpressionSyntax? Expression)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "event";
}

/// <summary><c>&lt;bam&gt;&lt;serverProfile name&gt;&lt;streamConfig name version/&gt;&lt;/serverProfile&gt;&lt;/bam&gt;</c>.</summary>
public sealed record BamMediator(SourceLocation Location, RawXmlText RawXml, string? ServerProfile, string? StreamName, string? StreamVersion)
    : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "bam";
}

/// <summary>
/// The WSO2 rules mediator (<c>&lt;rule:rule xmlns:rule="http://wso2.org/carbon/rules"&gt;</c>): source, target, rule set,
/// input facts and output facts, each kept as XML.
/// </summary>
public sealed record RuleMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? SourceXml,
    string? TargetXml,
    string? RuleSetXml,
    string? InputXml,
    string? OutputXml) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "rule";
}

/// <summary><c>&lt;opa&gt;&lt;serverUrl/&gt;&lt;accessKey/&gt;&lt;policy/&gt;&lt;rule/&gt;&lt;requestGenerator/&gt;&lt;additionalParameters/&gt;&lt;/opa&gt;</c>.</summary>
public sealed record OpaMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string? ServerUrl,
    string? AccessKey,
    string? Policy,
    string? Rule,
    string? RequestGenerator,
    ImmutableArray<NamedValueSyntax> AdditionalParameters) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => "opa";
}

/// <summary>
/// One parameter of a connector operation: the child element's name and its content, as text
/// (<see cref="ValueSyntax.Literal"/>), a <c>{expression}</c> (<see cref="ValueSyntax.Expression"/>) or, when it holds
/// nested parameters, inline XML; attributes on the parameter element are values too.
/// </summary>
public sealed record ConnectorParameterSyntax(
    string Name,
    ValueSyntax Value,
    ImmutableArray<NamedValueSyntax> Attributes,
    SourceLocation Location)
{
    /// <summary>
    /// Whether the Micro Integrator passes the parameter to the connector at all. An element with no text (not
    /// even a space), no child elements and no non-empty attribute gets no value in
    /// <c>MediatorFactoryFinder.createInvokeParam</c>, and <c>InvokeMediator.populateParameters</c> then skips it: the
    /// connector sees the parameter unset (its default), not as "". Tooling writes such empty elements by default.
    /// </summary>
    public bool IsPassed =>
        Value is not ValueSyntax.Literal { Text.Length: 0 }
        || Attributes.Any(a => a.Value is not ValueSyntax.Literal { Text.Length: 0 });
}

/// <summary>
/// A connector operation (<c>&lt;salesforce.query&gt;</c>, <c>&lt;fileconnector.create&gt;</c>, <c>&lt;gmail.init&gt;</c>...): the
/// element name is <c>connector.operation</c>, <c>configKey</c> names a connection, and the children are the
/// operation's parameters in order. Other attributes on the element are kept in <see cref="Attributes"/>.
/// </summary>
public sealed record ConnectorOperationMediator(
    SourceLocation Location,
    RawXmlText RawXml,
    string Connector,
    string Operation,
    string? ConfigKey,
    ImmutableArray<ConnectorParameterSyntax> Parameters,
    ImmutableArray<NamedValueSyntax> Attributes) : MediatorSyntax(Location, RawXml)
{
    public override string ElementName => Connector + "." + Operation;

    public bool IsInit => Operation == "init";

    /// <summary>The parameters the connector receives (<see cref="ConnectorParameterSyntax.IsPassed"/>), in order.</summary>
    public IEnumerable<ConnectorParameterSyntax> PassedParameters => Parameters.Where(p => p.IsPassed);
}
