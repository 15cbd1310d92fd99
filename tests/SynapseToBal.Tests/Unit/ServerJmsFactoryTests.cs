using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Project;
using SynapseToBal.Semantics;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// The JMS connection factories of the server's configuration (deployment.toml, axis2.xml) and how a proxy's JMS
/// listener takes its connection from them, its own parameters first (ServiceTaskManagerFactory: service, then factory).
/// </summary>
public sealed class ServerJmsFactoryTests
{
    private const string Synapse = DefinitionsLowering.Synapse;

    [Fact]
    public void Toml_listener_and_sender_tables_become_factories_with_the_config_tools_parameter_names()
    {
        var factories = ServerJmsFactories.FromToml("conf/deployment.toml", "/in/conf/deployment.toml", """
            [transport.jms]
            listener_enable = true
            [[transport.jms.listener]]
            name = "q"
            parameter.initial_naming_factory = "ctx.Factory"
            parameter.provider_url = "tcp://b:61616"
            parameter.'transport.jms.CacheLevel' = "consumer"
            parameter.username = "u"
            description = "not rendered"
            [[transport.jms.sender]]
            name = "s"
            parameter.connection_factory_name = "QCF"
            [[transport.jms.listener]]
            parameter.provider_url = "tcp://nameless"
            """);

        Assert.Equal(["q", "s"], factories.Select(f => f.Name));
        var listener = factories[0];
        Assert.True(listener.Listener);
        Assert.False(factories[1].Listener);
        Assert.Equal(
            [("java.naming.factory.initial", "ctx.Factory", "parameter.initial_naming_factory"), ("java.naming.provider.url", "tcp://b:61616", "parameter.provider_url"),
             ("transport.jms.CacheLevel", "consumer", "parameter.transport.jms.CacheLevel"), ("transport.jms.UserName", "u", "parameter.username")],
            listener.Parameters.Select(p => (p.Name, p.Value, p.Key)));
        Assert.Contains("key 'description'", Assert.Single(listener.Unread), StringComparison.Ordinal);
        Assert.Equal("QCF", factories[1].Parameter("transport.jms.ConnectionFactoryJNDIName")?.Value);
    }

    [Fact]
    public void Toml_values_are_read_as_the_axis2_xml_they_are_pasted_into_and_listeners_need_listener_enable()
    {
        var factories = ServerJmsFactories.FromToml("deployment.toml", "/in/deployment.toml", """
            [[transport.jms.listener]]
            name = "q"
            parameter.provider_url = "tcp://b:61616?a=1&amp;b=2"
            parameter.connection_factory_name = "Q&CF"
            """);

        var listener = Assert.Single(factories);
        Assert.Equal("tcp://b:61616?a=1&b=2", listener.Parameter("java.naming.provider.url")?.Value);
        Assert.Null(listener.Parameter("transport.jms.ConnectionFactoryJNDIName"));
        Assert.Equal(2, listener.Unread.Length);
        Assert.Contains(listener.Unread, u => u.StartsWith("key 'parameter.connection_factory_name' (its value holds a bare & or <", StringComparison.Ordinal));
        // axis2.xml.j2 renders the JMS transportReceiver only when [transport.jms] listener_enable is true.
        Assert.Contains(listener.Unread, u => u.StartsWith("the whole factory ([transport.jms] listener_enable is not true", StringComparison.Ordinal));
        Assert.Empty(ServerJmsFactories.FromToml("deployment.toml", "/in/deployment.toml", "transport.jms.listener_enable = true\n[[transport.jms.listener]]\nname = \"q\"\n")[0].Unread);
    }

    [Fact]
    public void Axis2_parameter_groups_of_the_jms_receiver_and_sender_become_factories_and_a_dtd_is_refused()
    {
        var factories = ServerJmsFactories.FromAxis2("axis2.xml", "/in/axis2.xml", """
            <axisconfig name="AxisJava2.0">
              <transportReceiver name="jms" class="org.apache.axis2.transport.jms.JMSListener">
                <parameter name="default"><parameter name="java.naming.provider.url">tcp://h:61616</parameter></parameter>
                <parameter name="flat">not a factory</parameter>
              </transportReceiver>
              <transportReceiver name="http"><parameter name="x"><parameter name="y">z</parameter></parameter></transportReceiver>
              <transportSender name="jms"><parameter name="out"><parameter name="transport.jms.ConnectionFactoryJNDIName">QCF</parameter></parameter></transportSender>
            </axisconfig>
            """);

        Assert.Equal([("default", true), ("out", false)], factories.Select(f => (f.Name, f.Listener)));
        Assert.Equal("tcp://h:61616", factories[0].Parameter("java.naming.provider.url")?.Value);

        Assert.Empty(ServerJmsFactories.FromAxis2("axis2.xml", "/in/axis2.xml", """
            <!DOCTYPE axisconfig [<!ENTITY x "y">]>
            <axisconfig><transportReceiver name="jms"><parameter name="d"><parameter name="a">&x;</parameter></parameter></transportReceiver></axisconfig>
            """));
    }

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string definitions, params ServerJmsFactory[] factories)
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("synapse.xml", $"<definitions xmlns=\"{Synapse}\">{definitions}</definitions>", diagnostics);
        Assert.NotNull(document);
        var model = SemanticModel.Build([document], null, diagnostics, jmsFactories: factories);
        return (Lowerer.Lower(model, [document], diagnostics), diagnostics);
    }

    private static ServerJmsFactory Factory(string name, params (string Name, string Value)[] parameters) =>
        new(name, true, "conf/deployment.toml", "/in/conf/deployment.toml", $"[[transport.jms.listener]] name = \"{name}\"", [.. parameters.Select(p => new ServerJmsParameter(p.Name, p.Value, p.Name))], []);

    private static string Proxy(string name, string parameters) =>
        $"""<proxy name="{name}" transports="jms"><target><inSequence><drop/></inSequence></target>{parameters}</proxy>""";

    private static ConfigurableIr Setting(PackageIr package, string parameter, string owner) =>
        Assert.Single(package.Configurables, c => c.Description.Contains($"({parameter}) of {owner}", StringComparison.Ordinal));

    [Fact]
    public void The_factory_gives_defaults_the_proxy_overrides_and_the_password_stays_a_required_secret()
    {
        var factory = Factory("f",
            ("java.naming.factory.initial", "ctx.Factory"), ("java.naming.provider.url", "tcp://b:61616"), ("transport.jms.ConnectionFactoryJNDIName", "QCF"),
            ("transport.jms.UserName", "u"), ("transport.jms.Password", "secret"), ("transport.jms.DestinationType", "Topic"), ("transport.jms.CacheLevel", "consumer"));
        var (package, diagnostics) = Lower(
            Proxy("A", "<parameter name=\"transport.jms.ConnectionFactory\">f</parameter>")
            + Proxy("B", "<parameter name=\"transport.jms.ConnectionFactory\">f</parameter><parameter name=\"java.naming.provider.url\">tcp://own:61616</parameter><parameter name=\"transport.jms.DestinationType\">queue</parameter>"),
            factory);

        Assert.Equal("ctx.Factory", Setting(package, "java.naming.factory.initial", "the JMS connection factory 'f'").DefaultValue);
        Assert.Equal("tcp://b:61616", Setting(package, "java.naming.provider.url", "the JMS connection factory 'f'").DefaultValue);
        Assert.Equal("tcp://own:61616", Setting(package, "java.naming.provider.url", "proxy service 'B'").DefaultValue);
        Assert.Equal("u", Setting(package, "transport.jms.UserName", "the JMS connection factory 'f'").DefaultValue);
        var password = Setting(package, "transport.jms.Password", "the JMS connection factory 'f'");
        Assert.Null(password.DefaultValue);
        Assert.True(password.Secret);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "secret");

        var listeners = package.Inbounds.ToDictionary(i => i.SynapseName, i => Assert.IsType<InboundTransportIr.Jms>(i.Transport));
        Assert.True(listeners["A"].Topic); // the factory's destination type, "topic" in any case
        Assert.False(listeners["B"].Topic); // the proxy's own
        Assert.Same(listeners["A"].ContextFactory, listeners["B"].ContextFactory);
        Assert.NotSame(listeners["A"].ProviderUrl, listeners["B"].ProviderUrl);
        Assert.NotNull(listeners["A"].Password);

        var unapplied = Assert.Single(diagnostics.Items, d => d.Id == "SB0614");
        Assert.Contains("transport.jms.CacheLevel ('consumer')", unapplied.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0613");
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == "SB0206" && d.GetMessage(CultureInfo.InvariantCulture).Contains("java.naming.provider.url", StringComparison.Ordinal));
    }

    [Fact]
    public void A_factory_the_configuration_lacks_keeps_required_settings_and_is_reported()
    {
        var (package, diagnostics) = Lower(Proxy("C", "<parameter name=\"transport.jms.ConnectionFactory\">missing</parameter>"), Factory("other", ("java.naming.provider.url", "tcp://x")));

        var url = Setting(package, "java.naming.provider.url", "the JMS connection factory 'missing'");
        Assert.Null(url.DefaultValue);
        var reported = Assert.Single(diagnostics.Items, d => d.Id == "SB0613");
        Assert.Contains("'other' (conf/deployment.toml)", reported.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Null(Assert.IsType<InboundTransportIr.Jms>(Assert.Single(package.Inbounds).Transport).Username);
    }

    [Fact]
    public void Without_any_server_configuration_nothing_new_is_reported()
    {
        var (_, diagnostics) = Lower(Proxy("D", string.Empty));

        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0613" or "SB0614");
    }
}
