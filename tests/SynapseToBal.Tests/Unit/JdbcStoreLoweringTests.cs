using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

public sealed class JdbcStoreLoweringTests
{
    private const string Ns = "http://ws.apache.org/ns/synapse";
    private const string JdbcStoreClass = "org.apache.synapse.message.store.impl.jdbc.JDBCMessageStore";

    private static PackageIr Lower(DiagnosticBag diagnostics, params string[] artifacts) => ArtifactLowering.Lower(diagnostics, artifacts);

    [Fact]
    public void A_jdbc_store_is_a_table_its_processor_reads_and_storing_can_fail()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JdbcStoreClass}" name="Db">
              <parameter name="store.jdbc.driver">com.mysql.jdbc.Driver</parameter>
              <parameter name="store.jdbc.connection.url">jdbc:mysql://localhost:3306/store</parameter>
              <parameter name="store.jdbc.username">root</parameter>
              <parameter name="store.jdbc.password">hunter2</parameter>
            </messageStore>
            """,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Db"><parameter name="sequence">R</parameter></messageProcessor>""",
            $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""",
            $"""<sequence xmlns="{Ns}" name="In"><store messageStore="Db"/></sequence>""");

        var store = Assert.Single(package.MessageStores);
        Assert.Null(store.Jms);
        var jdbc = Assert.IsType<JdbcStoreIr>(store.Jdbc);
        string? Default(Symbol symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol)).DefaultValue;

        // JDBCMessageStoreConstants: the table is jdbc_message_store unless store.jdbc.table names another.
        Assert.Equal("jdbc_message_store", Default(jdbc.Table));
        Assert.Equal("jdbc:mysql://localhost:3306/store", Default(jdbc.Url));
        Assert.Equal("root", Default(jdbc.Username!));
        Assert.Equal("com.mysql.jdbc.Driver", jdbc.Driver);
        var password = Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, jdbc.Password));
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.Null(jdbc.NotTranslated);

        var processor = Assert.Single(package.MessageProcessors);
        Assert.Same(store, processor.Store);
        var step = Assert.IsType<StoreMessageStep>(package.Functions.Single(f => f.Summary.Contains("'In'", StringComparison.Ordinal)).Body[0]);
        Assert.Equal("JDBC", step.External);
        Assert.Empty(package.PendingStores);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id is "SB0223" or "SB0206" or "SB0202");
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_on_a_server_data_source_stays_a_todo_saying_why_and_so_do_its_processors()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JdbcStoreClass}" name="Db">
              <parameter name="store.jdbc.dsName">jdbc/WSO2CarbonDB</parameter>
              <parameter name="store.jdbc.table">messages</parameter>
            </messageStore>
            """,
            $"""<messageProcessor xmlns="{Ns}" class="org.apache.synapse.message.processor.impl.sampler.SamplingProcessor" name="P" messageStore="Db"><parameter name="sequence">R</parameter></messageProcessor>""",
            $"""<sequence xmlns="{Ns}" name="R"><log/></sequence>""");

        Assert.Empty(package.MessageStores);
        Assert.Empty(package.MessageProcessors);
        Assert.Equal(2, package.PendingStores.Length);
        var store = Assert.Single(diagnostics.Items, d => d.Id == "SB0223" && d.GetMessage(CultureInfo.InvariantCulture).Contains("dsName", StringComparison.Ordinal));
        Assert.Contains("'jdbc/WSO2CarbonDB'", store.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Guaranteed_delivery_and_unknown_parameters_are_reported_not_dropped()
    {
        var diagnostics = new DiagnosticBag();
        var package = Lower(diagnostics,
            $"""
            <messageStore xmlns="{Ns}" class="{JdbcStoreClass}" name="Db">
              <parameter name="store.jdbc.driver">org.h2.Driver</parameter>
              <parameter name="store.jdbc.connection.url">jdbc:h2:mem:store</parameter>
              <parameter name="store.producer.guaranteed.delivery.enable">true</parameter>
              <parameter name="store.failover.message.store.name">Mem</parameter>
              <parameter name="store.jdbc.icClass">com.example.Ctx</parameter>
            </messageStore>
            """,
            $"""<messageStore xmlns="{Ns}" name="Mem"/>""");

        var store = Assert.Single(package.MessageStores, s => s.StoreName == "Db");
        var jdbc = Assert.IsType<JdbcStoreIr>(store.Jdbc);
        Assert.Null(jdbc.Username);
        Assert.Null(jdbc.Password);
        Assert.NotNull(jdbc.NotTranslated);
        var reported = diagnostics.Items.Where(d => d.Id == "SB0206").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(reported, m => m.Contains("store.producer.guaranteed.delivery.enable", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("store.jdbc.icClass", StringComparison.Ordinal));
    }
}
