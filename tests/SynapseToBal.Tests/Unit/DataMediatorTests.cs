using SynapseToBal.Diagnostics;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.MediatorParsing;

namespace SynapseToBal.Tests.Unit;

public sealed class DataMediatorTests
{
    [Fact]
    public void Dbreport_reads_a_custom_pool_and_statements()
    {
        var report = Single<DbReportMediator>("""
            <dbreport useTransaction="true">
              <connection>
                <pool>
                  <driver>org.h2.Driver</driver>
                  <url key="conf:/db/url"/>
                  <user>sa</user>
                  <password>secret</password>
                  <property name="maxactive" value="10"/>
                </pool>
              </connection>
              <statement>
                <sql>update orders set status = ? where id = ?</sql>
                <parameter value="DONE" type="VARCHAR"/>
                <parameter expression="//id" type="INTEGER"/>
              </statement>
            </dbreport>
            """);
        Assert.True(report.UseTransaction);
        var pool = report.Pool!;
        Assert.Equal("org.h2.Driver", pool.Driver!.Value);
        Assert.False(pool.Driver.IsRegistryKey);
        Assert.Equal("conf:/db/url", pool.Url!.Value);
        Assert.True(pool.Url.IsRegistryKey);
        Assert.Equal("sa", pool.User!.Value);
        Assert.Equal("secret", pool.Password!.Value);
        Assert.Equal("maxactive", Assert.Single(pool.Properties).Name);
        var statement = Assert.Single(report.Statements);
        Assert.Equal("update orders set status = ? where id = ?", statement.Sql);
        Assert.Equal("DONE", Literal(statement.Parameters[0].Value));
        Assert.Equal("//id", Expression(statement.Parameters[1].Value).Text);
        Assert.Equal("INTEGER", statement.Parameters[1].Type);
    }

    [Fact]
    public void Dblookup_reads_a_data_source_pool_and_results()
    {
        var lookup = Single<DbLookupMediator>("""
            <dblookup>
              <connection><pool><dsName>jdbc/orders</dsName><icClass>com.sun.jndi.Factory</icClass></pool></connection>
              <statement>
                <sql>select name from customers where id = ?</sql>
                <parameter expression="$ctx:id" type="INTEGER"/>
                <result name="customerName" column="name"/>
              </statement>
            </dblookup>
            """);
        Assert.Equal("jdbc/orders", lookup.Pool!.DataSourceName!.Value);
        Assert.Equal("com.sun.jndi.Factory", lookup.Pool.InitialContextClass!.Value);
        var result = Assert.Single(Assert.Single(lookup.Statements).Results);
        Assert.Equal("customerName", result.Name);
        Assert.Equal("name", result.Column);
    }

    [Fact]
    public void Data_service_call_reads_operations_params_and_target()
    {
        var call = Single<DataServiceCallMediator>("""
            <dataServiceCall serviceName="OrdersDS">
              <source type="inline"/>
              <operations type="batch">
                <operation name="addOrder">
                  <param name="id" value="1"/>
                  <param name="amount" expression="$.amount" evaluator="json"/>
                </operation>
                <operations type="single"><operation name="ping"/></operations>
              </operations>
              <target type="property" name="result"/>
            </dataServiceCall>
            """);
        Assert.Equal("OrdersDS", call.ServiceName);
        Assert.Equal("inline", call.SourceType);
        Assert.Equal("batch", call.Operations!.Type);
        var operation = Assert.Single(call.Operations.Operations);
        Assert.Equal("addOrder", operation.Name);
        Assert.Equal("1", Literal(operation.Params[0].Value));
        Assert.Equal(ExpressionLanguage.JsonPath, Expression(operation.Params[1].Value).Language);
        Assert.Equal("ping", Assert.Single(Assert.Single(call.Operations.Groups).Operations).Name);
        Assert.Equal("property", call.TargetType);
        Assert.Equal("result", call.TargetName);
    }

    [Fact]
    public void Data_service_call_reads_a_target_name_in_braces_as_an_expression()
    {
        // DataServiceCallMediatorFactory.isDynamicName: two characters or more, the first '{' and the last '}'.
        DataServiceCallMediator Target(string name) => Single<DataServiceCallMediator>($"""
            <dataServiceCall serviceName="D"><source type="body"/><target type="property" name="{name}"/></dataServiceCall>
            """);

        var xpath = Target("{$ctx:name}").TargetNameExpression!;
        Assert.Equal(ExpressionLanguage.XPath, xpath.Language);
        Assert.Equal("$ctx:name", xpath.Text);
        var json = Target("{json-eval($.name)}").TargetNameExpression!;
        Assert.Equal(ExpressionLanguage.JsonPath, json.Language);
        Assert.Equal("$.name", json.Text);
        Assert.Equal(string.Empty, Target("{}").TargetNameExpression!.Text);
        Assert.Null(Target("result").TargetNameExpression);
        Assert.Null(Target("{result").TargetNameExpression);
        Assert.Equal("{$ctx:name}", Target("{$ctx:name}").TargetName);
    }

    [Fact]
    public void Transaction_reads_its_action_and_reports_an_unknown_one()
    {
        Assert.Equal("use-existing-or-new", Single<TransactionMediator>("""<transaction action="use-existing-or-new"/>""").Action);

        var odd = Single<TransactionMediator>("""<transaction action="later"/>""", out var diagnostics);
        Assert.Equal("later", odd.Action);
        Assert.Contains(DiagnosticCatalog.InvalidAttribute.Id, Ids(diagnostics));
    }

    [Fact]
    public void A_database_that_cannot_be_reached_fails_the_mediator_not_the_module()
    {
        // AbstractDBMediator.init makes its pool lazily (a DBCP BasicDataSource connects on each use that needs a
        // connection, a failed init only logs a warning): the client is made on first use and again after a failure.
        var files = ArtifactConversion.Convert($"""
            <api xmlns="{Synapse}" name="A" context="/a"><resource methods="GET"><inSequence>
              <dblookup><connection><pool><driver>org.h2.Driver</driver><url>jdbc:h2:mem:x</url><user>sa</user><password>pw</password><property name="validationquery" value=""/></pool></connection>
                <statement><sql>select name from t where id = ?</sql><parameter expression="$ctx:id" type="INTEGER"/><result name="n" column="name"/></statement></dblookup>
              <dbreport><connection><pool><driver>org.h2.Driver</driver><url>jdbc:h2:mem:x</url><user>sa</user><password>pw</password></pool></connection>
                <statement><sql>update t set seen = 1</sql></statement></dbreport>
              <respond/></inSequence></resource></api>
            """);
        Assert.Matches(@"final DbConnection \w+ = new \(", files["connections.bal"]);
        Assert.DoesNotContain("jdbc:Client", files["connections.bal"], StringComparison.Ordinal);
        Assert.Matches(@"check dbLookup\(ctx, check \w+\.jdbcClient\(\), ", files["main.bal"]);
        Assert.Matches(@"check dbReport\(ctx, check \w+\.jdbcClient\(\), ", files["main.bal"]);
        Assert.Contains("jdbc:Client created = check new (self.url, self.user, self.password);", files["support.bal"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_validation_query_is_no_setting()
    {
        // AbstractDBMediatorFactory.readPoolProperty sets the query as written; the DBCP pool validates only with one.
        var result = ArtifactConversion.Result($"""
            <sequence xmlns="{Synapse}" name="S">
              <dblookup><connection><pool><driver>org.h2.Driver</driver><url>jdbc:h2:mem:x</url><user>sa</user><password>pw</password>
                <property name="validationquery" value=""/><property name="maxactive" value="5"/></pool></connection>
                <statement><sql>select 1</sql></statement></dblookup></sequence>
            """);
        var notes = result.Diagnostics.Where(d => d.Id == DiagnosticCatalog.AttributeNotTranslated.Id).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(notes, n => n.Contains("'maxactive'", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("'validationquery'", StringComparison.Ordinal));
    }
}
