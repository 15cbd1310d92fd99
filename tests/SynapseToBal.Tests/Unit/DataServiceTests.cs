using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Project;
using SynapseToBal.Syntax;
using Xunit;
using static SynapseToBal.Tests.Unit.ParseHelpers;

namespace SynapseToBal.Tests.Unit;

public sealed class DataServiceTests
{
    private const string Config = """
        <config id="db">
           <property name="driverClassName">org.h2.Driver</property>
           <property name="url">jdbc:h2:mem:people</property>
           <property name="username">sa</property>
           <property name="password">pw-987</property>
        </config>
        """;

    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(string inner, string attributes = "")
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("People.dbs", $"<data name=\"People\"{attributes}>{Config}{inner}</data>", diagnostics);
        Assert.NotNull(document);
        return (Lowerer.Lower([document], diagnostics), diagnostics);
    }

    [Fact]
    public void A_dbs_is_parsed_into_a_typed_node_with_every_element_and_attribute_read()
    {
        var service = Artifact<DataServiceSyntax>("""
            <data name="People" serviceNamespace="urn:people">
               <config id="db"><property name="url">jdbc:h2:mem:x</property></config>
               <query id="q" useConfig="db">
                  <sql>select id from p where id = ?</sql>
                  <result element="People" rowName="Person" defaultNamespace="urn:p"><element column="ID" name="id" xsdType="xs:int"/><attribute column="N" name="n"/></result>
                  <param name="id" sqlType="INTEGER" paramType="SCALAR" type="IN" ordinal="1"/>
               </query>
               <operation name="op"><call-query href="q"><with-param name="id" query-param="id"/></call-query></operation>
               <resource method="GET" path="person/{id}"><call-query href="q"><with-param name="id" query-param="id"/></call-query></resource>
            </data>
            """);

        Assert.Equal("People", service.Name);
        Assert.Equal("urn:people", service.ServiceNamespace);
        Assert.Equal("url", Assert.Single(Assert.Single(service.Configs).Properties).Name);
        var query = Assert.Single(service.Queries);
        Assert.Equal(("q", "db"), (query.Id, query.UseConfig));
        Assert.Equal("select id from p where id = ?", Assert.Single(query.Sql).Text);
        var param = Assert.Single(query.Params);
        Assert.Equal(("id", "INTEGER", "1"), (param.Name, param.SqlType, param.Ordinal));
        Assert.Equal(("People", "Person", "urn:p"), (query.Result!.Element, query.Result.RowName, query.Result.DefaultNamespace));
        Assert.Equal([false, true], query.Result.Outputs.Select(o => o.IsAttribute));
        Assert.Equal("op", Assert.Single(service.Operations).Name);
        var resource = Assert.Single(service.Resources);
        Assert.Equal(("GET", "person/{id}", "q"), (resource.Method, resource.Path, resource.CallQuery!.Href));
        Assert.Equal(("id", "id"), (Assert.Single(resource.CallQuery.WithParams).Name, resource.CallQuery.WithParams[0].QueryParam));
    }

    [Fact]
    public void Unknown_children_and_attributes_are_kept_not_dropped()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("x.dbs", """<data name="X" enableBoxcarring="true"><config id="c"/><event-trigger id="t"/></data>""", diagnostics);
        var service = Assert.IsType<DataServiceSyntax>(Assert.Single(document!.Artifacts));
        Assert.Equal("event-trigger", Assert.Single(service.Unknown).Name);
        Assert.Equal(new DataServiceAttributeSyntax("enableBoxcarring", "true"), Assert.Single(service.OtherAttributes));
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.UnknownElement);
    }

    [Fact]
    public void A_query_attribute_QueryFactory_never_reads_is_noted_and_left_out_not_a_refusal()
    {
        // QueryFactory reads keyColumns, not keyColumn (a real project's misspelling): the Micro Integrator ignores it.
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("x.dbs", """<data name="X"><config id="c"/><query id="q" useConfig="c" keyColumn="id" returnGeneratedKeys="true" inputNamespace="urn:x"><sql>insert into t (a) values (1)</sql></query></data>""", diagnostics);
        var query = Assert.Single(Assert.IsType<DataServiceSyntax>(Assert.Single(document!.Artifacts)).Queries);
        Assert.Equal(["returnGeneratedKeys", "inputNamespace"], query.OtherAttributes.Select(a => a.Name));
        var note = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.IgnoredByMicroIntegrator);
        Assert.StartsWith("The attribute keyColumn=\"id\" in <query> is not read by the Micro Integrator", note.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotRead);
    }

    [Fact]
    public void A_data_payload_sample_is_not_a_data_service()
    {
        Assert.False(SynapseParser.IsDataServiceRoot(System.Xml.Linq.XElement.Parse("<data><item>1</item></data>")));
        Assert.True(SynapseParser.IsDataServiceRoot(System.Xml.Linq.XElement.Parse("<data name=\"x\"><query id=\"q\"/></data>")));
    }

    [Fact]
    public void A_dbs_file_is_loaded_as_a_document_to_convert()
    {
        var folder = Directory.CreateTempSubdirectory("dss-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "People.dbs"), $"<data name=\"People\">{Config}</data>");
            var diagnostics = new DiagnosticBag();
            var project = ProjectLoader.Load(folder.FullName, diagnostics);
            var document = Assert.Single(project.Documents);
            Assert.Equal(FileKind.DataService, document.Kind);
            Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.FileNotConverted);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_data_services_folder_of_a_deployment_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("dss-");
        try
        {
            var server = Path.Combine(folder.FullName, "repository", "deployment", "server");
            var api = Path.Combine(server, "synapse-configs", "default", "api");
            Directory.CreateDirectory(api);
            File.WriteAllText(Path.Combine(api, "A.xml"), "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"A\" context=\"/a\"/>");
            Directory.CreateDirectory(Path.Combine(server, "dataservices"));
            File.WriteAllText(Path.Combine(server, "dataservices", "People.dbs"), $"<data name=\"People\">{Config}</data>");
            var project = ProjectLoader.Load(Path.Combine(server, "synapse-configs", "default"), new DiagnosticBag());
            Assert.Contains(project.Documents, d => d.Kind == FileKind.DataService);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Config_properties_from_the_secure_vault_become_the_aliases_required_configurables()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("Vault.dbs", """
            <data name="Vault" xmlns:svns="http://org.wso2.securevault/configuration">
               <config id="db">
                  <property name="driverClassName">org.h2.Driver</property>
                  <property name="url">{wso2:vault-lookup('vault.db.url')}</property>
                  <property name="username" svns:secretAlias="vault.db.user"></property>
                  <property name="password" svns:secretAlias="vault.db.password">text-the-vault-replaces</property>
               </config>
               <query id="q" useConfig="db"><sql>select 1 as one</sql><result element="R" rowName="r"><element column="one" name="one"/></result></query>
               <resource method="GET" path="one"><call-query href="q"/></resource>
            </data>
            """, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);

        var client = Assert.Single(package.DatabaseClients);
        ConfigurableIr Of(Symbol? symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol));
        foreach (var (symbol, alias) in new[] { (client.Url, "vault.db.url"), (client.User, "vault.db.user"), (client.Password, "vault.db.password") })
        {
            var configurable = Of(symbol);
            Assert.True(configurable.Secret);
            Assert.Null(configurable.DefaultValue);
            Assert.Contains($"'{alias}'", configurable.Description, StringComparison.Ordinal);
        }

        // The attribute is read (no SB0107), the service is translated, and the replaced text is copied nowhere.
        Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotRead);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue is { } value && (value.Contains("vault", StringComparison.Ordinal) || value == "text-the-vault-replaces"));
    }

    [Fact]
    public void A_config_property_resolved_by_the_system_resolver_at_deployment_is_a_required_configurable()
    {
        // DBUtils.extractProperties resolves the text with ResolverFactory: $SYSTEM:DB_URL is the environment variable.
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("Dyn.dbs", """
            <data name="Dyn">
               <config id="db">
                  <property name="driverClassName">org.h2.Driver</property>
                  <property name="url">$SYSTEM:DB_URL</property>
                  <property name="username">$FILE:db_user</property>
                  <property name="password">$SYSTEM:DB_PASSWORD</property>
               </config>
               <query id="q" useConfig="db"><sql>select 1 as one</sql></query>
               <resource method="GET" path="one"><call-query href="q"/></resource>
            </data>
            """, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);

        Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService);
        var client = Assert.Single(package.DatabaseClients);
        ConfigurableIr Of(Symbol? symbol) => Assert.Single(package.Configurables, c => ReferenceEquals(c.Name, symbol));
        foreach (var (symbol, source, secret) in new[] { (client.Url, "environment variable DB_URL", false), (client.User, "key db_user", false), (client.Password, "environment variable DB_PASSWORD", true) })
        {
            var configurable = Of(symbol);
            Assert.Null(configurable.DefaultValue);
            Assert.Equal(secret, configurable.Secret);
            Assert.Contains(source, configurable.Description, StringComparison.Ordinal);
        }

        Assert.Equal(3, diagnostics.Items.Count(d => d.Descriptor == DiagnosticCatalog.DeployTimeValue));
    }

    [Fact]
    public void A_config_property_resolved_by_a_custom_resolver_leaves_its_queries_untranslated()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("Dyn.dbs", """
            <data name="Dyn">
               <config id="db">
                  <property name="driverClassName">org.h2.Driver</property>
                  <property name="url">$CUSTOM_Resolver:DB_URL</property>
               </config>
               <query id="q" useConfig="db"><sql>select 1 as one</sql></query>
               <resource method="GET" path="one"><call-query href="q"/></resource>
            </data>
            """, diagnostics);
        Assert.NotNull(document);
        var package = Lowerer.Lower([document], diagnostics);

        Assert.DoesNotContain(package.Services, s => s.Kind == ServiceKind.DataService);
        Assert.Empty(package.DatabaseClients);
    }

    [Fact]
    public void A_resource_runs_its_query_with_path_and_mapped_parameters_and_answers_the_xml_result()
    {
        var (package, diagnostics) = Lower("""
            <query id="q" useConfig="db">
               <sql>select ID, NAME from p where id = ? and name = ?</sql>
               <result element="People" rowName="Person"><element column="ID" name="id"/><element column="NAME" name="name"/></result>
               <param name="name" sqlType="STRING" ordinal="2"/>
               <param name="id" sqlType="BIGINT" ordinal="1"/>
            </query>
            <resource method="GET" path="/person/{pid}"><call-query href="q"><with-param name="id" query-param="pid"/><with-param name="name" query-param="n"/></call-query></resource>
            """, " serviceNamespace=\"urn:people\"");

        var service = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService);
        Assert.Equal("/services/People", service.BasePath);
        var resource = Assert.Single(service.Resources);
        Assert.Equal("get", resource.Accessor);
        // The last parameter takes the rest of the path, as the Micro Integrator's ".*" does (HTTPLocationBasedDispatcher).
        var rest = Assert.IsType<PathSegmentIr.Rest>(resource.Path[1]);
        Assert.Equal("pid", rest.SynapseName);
        Assert.True(rest.NeedsSlash);
        var step = Assert.IsType<DataServiceQueryStep>(resource.Body[0]);
        Assert.IsType<RespondStep>(resource.Body[1]);
        // Bound in ordinal order, each read from the request parameter its with-param names.
        Assert.Equal([("pid", DbParameterType.Integer), ("n", DbParameterType.String)], step.Arguments.Select(a => (a.RequestName, a.Type)));
        Assert.Equal(("People", "Person", "urn:people"), (step.Result!.Element, step.Result.RowName, step.Result.Namespace));
        var client = Assert.Single(package.DatabaseClients);
        Assert.Same(client, step.Client);
        var password = Assert.Single(package.Configurables, c => c.Name == client.Password);
        Assert.True(password.Secret);
        Assert.Null(password.DefaultValue);
        Assert.DoesNotContain(package.Configurables, c => c.DefaultValue == "pw-987");
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
    }

    [Fact]
    public void A_query_without_result_answers_202()
    {
        var (package, _) = Lower("""
            <query id="add" useConfig="db"><sql>insert into p values (:id, :name)</sql><param name="id" sqlType="INTEGER"/><param name="name" sqlType="STRING"/></query>
            <resource method="POST" path="person"><call-query href="add"><with-param name="id" query-param="id"/><with-param name="name" query-param="name"/></call-query></resource>
            """);

        var resource = Assert.Single(Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources);
        var step = Assert.IsType<DataServiceQueryStep>(resource.Body[0]);
        Assert.Null(step.Result);
        Assert.Equal(["id", "name"], step.Arguments.Select(a => a.RequestName));
        Assert.DoesNotContain(step.Arguments, a => a.Unmapped);
        Assert.IsType<AcceptStep>(resource.Body[^1]);
    }

    [Theory]
    [InlineData("where a = :a and b = :b", new[] { "a", "b" }, new[] { "where a = ", " and b = ", "" })]
    [InlineData("where a = ':a' and b::int = :b -- :a\n", new[] { "b" }, new[] { "where a = ':a' and b::int = ", " -- :a\n" })]
    [InlineData("where a = :other", new string[0], new[] { "where a = :other" })]
    [InlineData("select 1 -- page\rlimit :a offset :b", new[] { "a", "b" }, new[] { "select 1 -- page\rlimit ", " offset ", "" })]
    [InlineData("where a = :a or c = :a", new[] { "a", "a" }, new[] { "where a = ", " or c = ", "" })]
    public void Named_parameters_are_split_outside_quotes_comments_and_casts(string sql, string[] order, string[] segments)
    {
        Assert.Equal(segments, Lowerer.NamedSqlSegments(sql, new HashSet<string> { "a", "b" }, out var used));
        Assert.Equal(order, used);
    }

    [Fact]
    public void A_soap_operation_with_a_setting_that_is_not_translated_stays_a_todo_naming_it()
    {
        var (package, diagnostics) = Lower("""
            <query id="q" useConfig="db"><sql>select 1</sql></query>
            <operation name="ping" custom="true"><call-query href="q"/></operation>
            """);

        var resource = Assert.Single(Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources);
        Assert.Contains("'ping'", resource.Skipped!.Message);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated && d.GetMessage().Contains("ping"));
    }

    [Fact]
    public void A_data_service_without_a_jdbc_config_is_one_todo()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("c.dbs", """<data name="C"><config id="c"><property name="carbon_datasource_name">ds</property></config><query id="q" useConfig="c"><sql>select 1</sql></query></data>""", diagnostics);
        var package = Lowerer.Lower([document!], diagnostics);
        Assert.DoesNotContain(package.Services, s => s.Kind == ServiceKind.DataService);
        var pending = Assert.Single(package.Pending);
        Assert.Contains("carbon_datasource_name", pending.Reason.Message);
        Assert.Contains(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ArtifactNotTranslated);
    }

    // The keys' iteration order printed by java.util.HashMap (OpenJDK 17) after putting them in this order.
    [Theory]
    [InlineData("id,sujet,idDossier,createdAt,contenu,expediteur,unread", "createdAt,expediteur,idDossier,unread,id,sujet,contenu")]
    [InlineData("name,id,email,firstName,lastName,username,enabled,a1,a2,a3,a4,a5,a6,a7", "lastName,enabled,a1,firstName,a2,a3,a4,a5,a6,a7,name,id,email,username")]
    [InlineData("memberId,fullName,joinedOn", "joinedOn,fullName,memberId")]
    public void A_java_hash_map_order_is_reproduced(string keys, string javaOrder)
    {
        var written = keys.Split(',');
        var order = Lowerer.JavaHashMapOrder(written);
        Assert.NotNull(order);
        Assert.Equal(javaOrder, string.Join(",", order.Value.Select(i => written[i])));
    }

    [Fact]
    public void A_json_mapping_is_read_as_org_json_reads_it()
    {
        // Unquoted values, single quotes, ';' between members and a trailing comma are org.json 20140107's loose syntax.
        var rows = Lowerer.JsonResultMapping("""
             {'Members': {Member: [{ "memberId": $ID ; "fullName":"$NAME(type:string;optional:true)", joinedOn: $JOINED , }]}}
            """, out var reason);
        Assert.Null(reason);
        Assert.Equal(("Members", "Member"), (rows!.Element, rows.RowName));
        Assert.Equal([("JOINED", "joinedOn", null, null), ("NAME", "fullName", "string", "true"), ("ID", "memberId", null, null)],
            rows.Outputs.Select(o => (o.Column, o.Name, o.XsdType, o.Optional)));

        var single = Lowerer.JsonResultMapping("""{"counter": {"count": $count}}""", out _);
        Assert.Equal(("counter", "", "count"), (single!.Element, single.RowName, Assert.Single(single.Outputs).Column));
    }

    [Theory]
    [InlineData("""{"a": {"b": $x(type:integer)}}""", "not what org.json reads")]
    [InlineData("""{"a": {"b": "$x", "b": "$y"}}""", "duplicated")]
    [InlineData("""{"a": {"b": [{"c": "$x"}, {"c": "$y"}]}}""", "one non-empty object")]
    [InlineData("""{"a": {"b": 5}}""", "not a '$column' reference")]
    [InlineData("""{"a": {"b": "$x(type)"}}""", "not a '$column' reference")]
    [InlineData("""{"a": {"g": {}}}""", "nests the empty object 'g'")]
    [InlineData("""{"a": {"b": "$x", "g": ["$y"]}}""", "holds the array 'g'")]
    [InlineData("""{"a": {"g": {"h": {"@sub": "$x->id"}}}}""", "calls the query 'sub'")]
    [InlineData("""{"a": {"r": [{"c": "$x", "@sub": "$x->id"}]}}""", "calls the query 'sub'")]
    [InlineData("""{"a": {"b": "$x(requiredRoles:admin)"}}""", "requiredRoles 'admin'")]
    [InlineData("""{"a": {"b": "$x"}, "c": {}}""", "not one member")]
    public void A_json_mapping_that_is_rejected_or_not_translated_gives_the_reason(string mapping, string expected)
    {
        Assert.Null(Lowerer.JsonResultMapping(mapping, out var reason));
        Assert.Contains(expected, reason);
    }

    [Fact]
    public void Query_properties_at_their_defaults_change_nothing_and_others_stay_a_todo()
    {
        const string Defaults = """<properties><property name="fetchDirection"> forward </property><property name="forceStoredProc">false</property><property name="forceJDBCBatchRequests">no</property><property name="autoCommit">true</property><property name="queryTimeout"></property></properties>""";
        var (package, diagnostics) = Lower($"""
            <query id="q" useConfig="db"><sql>select ID from p</sql><result element="People" rowName="Person"><element column="ID" name="id"/></result>{Defaults}</query>
            <query id="t" useConfig="db"><sql>select ID from p</sql><result element="People" rowName="Person"><element column="ID" name="id"/></result><properties><property name="org.wso2.ws.dataservice.query_timeout">30</property></properties></query>
            <resource method="GET" path="people"><call-query href="q"/></resource>
            <resource method="GET" path="slow"><call-query href="t"/></resource>
            """, " serviceGroup=\"\"");

        var resources = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources;
        Assert.IsType<DataServiceQueryStep>(Assert.Single(resources, r => r.Skipped is null).Body[0]);
        var skipped = Assert.Single(resources, r => r.Skipped is not null);
        Assert.Contains("sets the property 'org.wso2.ws.dataservice.query_timeout' to '30'", skipped.Skipped!.Message);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.UnknownElement);
        Assert.DoesNotContain(diagnostics.Items, d => d.GetMessage().Contains("serviceGroup"));
    }

    [Fact]
    public void A_query_property_under_its_dss2_name_wins_over_the_current_name_in_either_order()
    {
        // RDBMSUtils.convertConfigPropsFromV2toV3 puts the old name's value under the current name after the others.
        var (package, _) = Lower("""
            <query id="t" useConfig="db"><sql>select ID from p</sql><result element="People" rowName="Person"><element column="ID" name="id"/></result><properties><property name="org.wso2.ws.dataservice.query_timeout">30</property><property name="queryTimeout"></property></properties></query>
            <resource method="GET" path="slow"><call-query href="t"/></resource>
            """);

        var resource = Assert.Single(Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources);
        Assert.Contains("sets the property 'org.wso2.ws.dataservice.query_timeout' to '30'", resource.Skipped?.Message);
    }

    [Fact]
    public void An_output_type_other_than_json_and_rdf_is_an_xml_result()
    {
        var (package, _) = Lower("""
            <query id="q" useConfig="db"><sql>select ID from p</sql><result element="People" rowName="Person" outputType="JSON"><element column="ID" name="id"/></result></query>
            <query id="r" useConfig="db"><sql>select ID from p</sql><result element="People" rowName="Person" outputType="rdf"><element column="ID" name="id"/></result></query>
            <resource method="GET" path="people"><call-query href="q"/></resource>
            <resource method="GET" path="rdf"><call-query href="r"/></resource>
            """);

        var resources = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources;
        var step = Assert.IsType<DataServiceQueryStep>(Assert.Single(resources, r => r.Skipped is null).Body[0]);
        Assert.Equal(("People", "Person"), (step.Result!.Element, step.Result.RowName));
        Assert.Contains("outputType=\"rdf\"", Assert.Single(resources, r => r.Skipped is not null).Skipped!.Message);
    }

    [Fact]
    public void A_json_mapping_object_is_an_element_group_with_its_members_in_org_json_order()
    {
        // QueryFactory.processJSONMappingResultColumn: a member whose value is an object is an <element name> with the
        // object's outputs inside, each object's members in its own HashMap order.
        var mapping = Lowerer.JsonResultMapping("""{"data": {"name": "$nom", "address": {"street": "$rue", "city": "$ville(optional:true)", "geo": {"lat": "$lat"}}}}""", out var reason);
        Assert.Null(reason);
        Assert.Equal(("data", ""), (mapping!.Element, mapping.RowName));
        var group = Assert.Single(mapping.Outputs, o => o.IsGroup);
        Assert.Equal("address", group.Name);
        Assert.Equal(Lowerer.JavaHashMapOrder(["street", "city", "geo"])!.Value.Select(i => new[] { "street", "city", "geo" }[i]), group.Children.Select(c => c.Name));
        Assert.Equal(["lat"], Assert.Single(group.Children, c => c.IsGroup).Children.Select(c => c.Column));
        Assert.Equal("true", Assert.Single(group.Children, c => c.Name == "city").Optional);
    }

    [Fact]
    public void Element_groups_become_nested_entries_with_their_namespace_and_only_the_results_own_outputs_optional()
    {
        var (package, diagnostics) = Lower("""
            <query id="q" useConfig="db"><sql>select ID, STREET, CITY from p</sql>
               <result element="People" defaultNamespace="urn:p">
                  <element column="ID" name="id"/>
                  <element name="address" namespace="urn:a"><attribute column="ID" name="ref"/><element column="STREET" name="street"/><element name="town"><element column="CITY" name="city" optional="true"/></element></element>
                  <element name="empty" namespace=" "/>
               </result>
            </query>
            <query id="j" useConfig="db"><sql>select ID, CITY from p</sql><result outputType="json">{"People": {"id": "$ID", "place": {"city": "$CITY"}}}</result></query>
            <resource method="GET" path="people"><call-query href="q"/></resource>
            <resource method="GET" path="json"><call-query href="j"/></resource>
            """);

        var resources = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources;
        Assert.All(resources, r => Assert.Null(r.Skipped));
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
        var xml = Assert.IsType<DataServiceQueryStep>(resources[0].Body[0]).Result!;
        // No row name: the result's own outputs are optional (targetOptionalOverride at level 0), a group's are not
        // unless they say so; a group without a namespace (or a blank one) is in the enclosing one's.
        Assert.Equal(new DataServiceEntryIr.Output("ID", "id", false, true), xml.Outputs[0]);
        var address = Assert.IsType<DataServiceEntryIr.Group>(xml.Outputs[1]);
        Assert.Equal(("address", "urn:a"), (address.Name, address.Namespace));
        Assert.Equal(new DataServiceEntryIr.Output("ID", "ref", true, false), address.Entries[0]);
        Assert.Equal(new DataServiceEntryIr.Output("STREET", "street", false, false), address.Entries[1]);
        var town = Assert.IsType<DataServiceEntryIr.Group>(address.Entries[2]);
        Assert.Equal(("town", "urn:a"), (town.Name, town.Namespace));
        Assert.Equal(new DataServiceEntryIr.Output("CITY", "city", false, true), Assert.Single(town.Entries));
        var empty = Assert.IsType<DataServiceEntryIr.Group>(xml.Outputs[2]);
        Assert.Equal(("empty", "urn:p"), (empty.Name, empty.Namespace));
        Assert.Empty(empty.Entries);

        var json = Assert.IsType<DataServiceQueryStep>(resources[1].Body[0]).Result!;
        var place = Assert.IsType<DataServiceEntryIr.Group>(Assert.Single(json.Outputs, o => o is DataServiceEntryIr.Group));
        Assert.Equal(("place", "http://ws.wso2.org/dataservice/j"), (place.Name, place.Namespace));
        Assert.Equal(new DataServiceEntryIr.Output("CITY", "city", false, false), Assert.Single(place.Entries));
    }

    [Fact]
    public void An_element_group_with_roles_an_array_or_a_nested_query_stays_a_todo()
    {
        var (package, _) = Lower("""
            <query id="q" useConfig="db"><sql>select ID from p</sql><result element="People" rowName="P"><element name="g" requiredRoles="admin"><element column="ID" name="id"/></element></result></query>
            <query id="r" useConfig="db"><sql>select ID from p</sql><result element="People" rowName="P"><element name="g"><call-query href="q"/></element></result></query>
            <resource method="GET" path="roles"><call-query href="q"/></resource>
            <resource method="GET" path="nested"><call-query href="r"/></resource>
            """);

        var resources = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources;
        Assert.Contains("requiredRoles=\"admin\"", resources[0].Skipped!.Message);
        Assert.Contains("<call-query>", resources[1].Skipped!.Message);
    }

    [Fact]
    public void A_blank_required_roles_is_none()
    {
        // QueryFactory.extractRequiredRoles: a blank value is an empty set, which OutputElement never checks.
        var (package, _) = Lower("""
            <query id="q" useConfig="db"><sql>select ID, NAME from p</sql><result element="People" rowName="P"><element column="ID" name="id" requiredRoles=""/><element column="NAME" name="name" requiredRoles=" "/></result></query>
            <resource method="GET" path="people"><call-query href="q"/></resource>
            """);

        var resource = Assert.Single(Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources);
        Assert.Null(resource.Skipped);
        Assert.NotNull(Lowerer.JsonResultMapping("""{"a": {"b": "$x(requiredRoles: )"}}""", out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void An_array_parameter_binds_every_value_and_one_with_a_default_or_another_param_type_stays_a_todo()
    {
        var (package, _) = Lower("""
            <query id="q" useConfig="db"><sql>select ID from p where id in (:ids) and n = :n</sql><result element="People" rowName="P"><element column="ID" name="id"/></result><param name="ids" sqlType="INTEGER" paramType="array"/><param name="n" sqlType="STRING" paramType="SCALAR"/></query>
            <query id="d" useConfig="db"><sql>select ID from p where id in (:ids)</sql><result element="People" rowName="P"><element column="ID" name="id"/></result><param name="ids" sqlType="INTEGER" paramType="ARRAY" defaultValue="1"/></query>
            <query id="u" useConfig="db"><sql>select ID from p where id = :t</sql><result element="People" rowName="P"><element column="ID" name="id"/></result><param name="t" sqlType="STRUCT" paramType="UDT"/></query>
            <resource method="GET" path="ids"><call-query href="q"><with-param name="ids" query-param="ids"/><with-param name="n" query-param="n"/></call-query></resource>
            <resource method="GET" path="defaulted"><call-query href="d"><with-param name="ids" query-param="ids"/></call-query></resource>
            <resource method="GET" path="udt"><call-query href="u"><with-param name="t" query-param="t"/></call-query></resource>
            """);

        var resources = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources;
        var step = Assert.IsType<DataServiceQueryStep>(resources[0].Body[0]);
        Assert.Equal([("ids", DbParameterType.Integer, true), ("n", DbParameterType.String, false)], step.Arguments.Select(a => (a.RequestName, a.Type, a.IsArray)));
        Assert.Contains("the ARRAY parameter 'ids' of query 'd' has a default value", resources[1].Skipped!.Message);
        Assert.Contains("is paramType=\"UDT\" (only SCALAR and ARRAY are translated)", resources[2].Skipped!.Message);
    }

    [Fact]
    public void An_optional_parameter_without_default_is_read_as_a_required_one_except_in_an_update_or_without_a_with_param()
    {
        var (package, _) = Lower("""
            <query id="i" useConfig="db"><sql>insert into p(a, b) values (:a, :b)</sql><param name="a" sqlType="INTEGER" optional="true"/><param name="b" sqlType="STRING" optional="false"/></query>
            <query id="u" useConfig="db"><sql>update p set a=:a where b=:b</sql><param name="a" sqlType="INTEGER" optional=" true "/><param name="b" sqlType="STRING"/></query>
            <query id="n" useConfig="db"><sql>
            update p set a=:a where b=:b</sql><param name="a" sqlType="INTEGER" optional="true"/><param name="b" sqlType="STRING"/></query>
            <resource method="POST" path="insert"><call-query href="i"><with-param name="a" query-param="x"/><with-param name="b" query-param="b"/></call-query></resource>
            <resource method="PUT" path="update"><call-query href="u"><with-param name="a" query-param="a"/><with-param name="b" query-param="b"/></call-query></resource>
            <resource method="PUT" path="undefined"><call-query href="n"><with-param name="a" query-param="a"/><with-param name="b" query-param="b"/></call-query></resource>
            <resource method="POST" path="unmapped"><call-query href="i"><with-param name="b" query-param="b"/></call-query></resource>
            """);

        var resources = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources;
        // CallQuery.extractParams fails a request without it, as for a required parameter.
        var insert = Assert.IsType<DataServiceQueryStep>(resources[0].Body[0]);
        Assert.Equal([("x", (string?)null), ("b", null)], insert.Arguments.Select(a => (a.RequestName, a.DefaultValue)));
        Assert.Contains("the parameter 'a' of the UPDATE query 'u' is optional with no default value", resources[1].Skipped!.Message);
        // SQLQuery.sqlQueryType reads the text up to its first space: a line break first is no UPDATE.
        Assert.IsType<DataServiceQueryStep>(resources[2].Body[0]);
        Assert.Contains("the parameter 'a' of query 'i' is optional with no default value and no with-param gives it", resources[3].Skipped!.Message);
    }

    [Theory]
    // QueryFactory.createQuery: "Invalid configId" (a query without useConfig uses the config 'default').
    [InlineData("""<query id="q" useConfig="nope"><sql>select 1</sql></query><query id="r" useConfig="db"><sql>select 2</sql></query><operation name="r"><call-query href="r"/></operation>""", "its query 'q' uses the config 'nope', which the data service does not define")]
    [InlineData("""<query id="q"><sql>select 1</sql></query><operation name="q"><call-query href="q"/></operation>""", "its query 'q' uses the config 'default' (the config of a query without useConfig)")]
    // DataService.init: CallQuery.init fails on a query the data service does not have.
    [InlineData("""<query id="q" useConfig="db"><sql>select 1</sql></query><operation name="q"><call-query href="q"/></operation><resource method="GET" path="x"><call-query href="gone"/></resource>""", "its resource GET x calls the query 'gone', which the data service does not define")]
    [InlineData("""<query id="q" useConfig="db"><sql>select 1</sql></query><operation name="q"><call-query href="q"/></operation><operation name="missing"><call-query href="nope"/></operation>""", "its operation 'missing' calls the query 'nope', which the data service does not define")]
    public void A_data_service_the_micro_integrator_refuses_to_deploy_is_an_error_and_serves_nothing(string inner, string expected)
    {
        var (package, diagnostics) = Lower(inner);
        Assert.DoesNotContain(package.Services, s => s.Kind == ServiceKind.DataService);
        Assert.Empty(package.DatabaseClients);
        var error = Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.DataServiceNotDeployed);
        Assert.Contains(expected, error.GetMessage());
        Assert.Contains(expected, Assert.Single(package.Pending).Reason.Message);
    }

    [Fact]
    public void A_query_without_use_config_runs_on_the_config_named_default()
    {
        var diagnostics = new DiagnosticBag();
        var document = SynapseParser.ParseText("d.dbs", """<data name="D"><config id="default"><property name="driverClassName">org.h2.Driver</property><property name="url">jdbc:h2:mem:d</property></config><query id="q"><sql>select 1</sql></query><operation name="q"><call-query href="q"/></operation></data>""", diagnostics);
        var package = Lowerer.Lower([document!], diagnostics);
        Assert.Contains(package.Services, s => s.Kind == ServiceKind.DataService);
        Assert.Single(package.DatabaseClients);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.DataServiceNotDeployed);
    }

    [Fact]
    public void Each_query_runs_on_its_own_config_and_a_config_that_is_not_translated_leaves_only_its_queries_todos()
    {
        // DataServiceFactory adds every config; each query uses the one its useConfig names (QueryFactory.createQuery). A
        // data source the input does not define may be the server's (SQLCarbonDataSourceConfig.initDataSource finds it
        // there), so the data service deploys: only the queries on that config stay TODOs.
        var (package, diagnostics) = Lower("""
            <config id="other"><property name="driverClassName">org.h2.Driver</property><property name="url">jdbc:h2:mem:other</property></config>
            <config id="planner"><property name="carbon_datasource_name">AssetPlanner</property></config>
            <query id="a" useConfig="db"><sql>select 1</sql></query>
            <query id="b" useConfig="other"><sql>select 2</sql></query>
            <query id="c" useConfig="planner"><sql>select 3</sql></query>
            <resource method="POST" path="a"><call-query href="a"/></resource>
            <resource method="POST" path="b"><call-query href="b"/></resource>
            <resource method="POST" path="c"><call-query href="c"/></resource>
            """);

        var service = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService);
        Assert.Equal(2, package.DatabaseClients.Length);
        var a = Assert.IsType<DataServiceQueryStep>(service.Resources[0].Body[0]);
        var b = Assert.IsType<DataServiceQueryStep>(service.Resources[1].Body[0]);
        Assert.NotSame(a.Client, b.Client);
        Assert.Equal(["jdbc:h2:mem:people", "jdbc:h2:mem:other"], new[] { a.Client, b.Client }.Select(c => package.Configurables.Single(x => x.Name == c.Url).DefaultValue));
        Assert.Contains("its query 'c' uses the config 'planner', which is not translated: the config 'planner' names the data source 'AssetPlanner'", service.Resources[2].Skipped!.Message);
        Assert.DoesNotContain(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.ArtifactNotTranslated || d.Descriptor == DiagnosticCatalog.DataServiceNotDeployed);
    }

    [Fact]
    public void Of_resources_of_one_pattern_the_one_the_dispatch_table_keeps_is_translated()
    {
        // DBDeployer: httpLocationTableForResource is a TreeMap by pattern text ("GET/lote/.*" for both), filled in
        // descending request-name order, so _get_lote_batch_id (put last) is the one dispatched to, written first or not.
        var (package, diagnostics) = Lower("""
            <query id="q" useConfig="db"><sql>select 1</sql></query>
            <resource method="GET" path="lote/{esta_id}"><call-query href="q"/></resource>
            <resource method="GET" path="/lote/{batch_id}"><call-query href="q"/></resource>
            """);

        var resources = Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources;
        Assert.Contains("the resource GET /lote/{batch_id} has the same path pattern ('GET/lote/.*') and a request name ('_get_lote_batch_id')", resources[0].Skipped!.Message);
        Assert.Equal("batch_id", Assert.IsType<PathSegmentIr.Rest>(resources[1].Path[1]).SynapseName);
        Assert.Null(resources[1].Skipped);
        Assert.Single(diagnostics.Items, d => d.Descriptor == DiagnosticCatalog.AttributeNotTranslated);
    }

    [Theory]
    // CallQuery.evaluateDefaultValue: only a whole "#{...}" is a system variable; TENANT_ID is the super tenant's.
    [InlineData("#{TENANT_ID}", "-1234", null)]
    [InlineData("#{ TENANT_ID }", "-1234", null)]
    [InlineData("x#{NULL}", "x#{NULL}", null)]
    [InlineData("#{USERNAME}", null, "defaults to #{USERNAME}, which the Micro Integrator evaluates to the name of the user")]
    [InlineData("#{NULL}", null, "defaults to #{NULL}, which the Micro Integrator evaluates to SQL NULL")]
    [InlineData("#{OTHER}", null, "evaluates to SQL NULL")]
    public void A_system_variable_default_is_what_the_micro_integrator_evaluates_or_a_todo(string value, string? bound, string? reason)
    {
        var (package, _) = Lower($"""
            <query id="q" useConfig="db"><sql>insert into t values (:who)</sql><param name="who" sqlType="STRING" defaultValue="{value}"/></query>
            <resource method="POST" path="t"><call-query href="q"><with-param name="who" query-param="who"/></call-query></resource>
            """);

        var resource = Assert.Single(Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources);
        if (reason is null)
        {
            Assert.Equal(bound, Assert.Single(Assert.IsType<DataServiceQueryStep>(resource.Body[0]).Arguments).DefaultValue);
        }
        else
        {
            Assert.Contains(reason, resource.Skipped!.Message);
        }
    }

    [Theory]
    [InlineData("orders/{id}", "orders,id...")]
    [InlineData("/orders/{id}/items", "orders,id,items")]
    [InlineData("orders/{id}/items/{item}", "orders,id,items,item...")]
    [InlineData("{id}", "id")]
    public void Only_a_last_path_parameter_after_a_literal_takes_the_rest_of_the_path(string path, string expected)
    {
        var (package, _) = Lower($"""
            <query id="q" useConfig="db"><sql>select 1</sql></query>
            <resource method="GET" path="{path}"><call-query href="q"/></resource>
            """);

        var resource = Assert.Single(Assert.Single(package.Services, s => s.Kind == ServiceKind.DataService).Resources);
        Assert.Equal(expected, string.Join(',', resource.Path.Select(s => s switch
        {
            PathSegmentIr.Literal l => l.Text,
            PathSegmentIr.Param p => p.SynapseName,
            PathSegmentIr.Rest r => r.SynapseName + "...",
            _ => "?",
        })));
    }

    [Theory]
    [InlineData("true", "the Micro Integrator adds the batch operation 'add_batch_req', resource POST person_batch_req (")]
    [InlineData("false", null)]
    public void Enable_batch_requests_names_the_batch_operations_and_resources_it_adds(string value, string? expected)
    {
        // DataServiceFactory.isBatchCompatible: with-params, and a query without result (or returning generated keys).
        var (_, diagnostics) = Lower("""
            <query id="add" useConfig="db"><sql>insert into p values (:id)</sql><param name="id" sqlType="INTEGER"/></query>
            <query id="get" useConfig="db"><sql>select id from p where id = :id</sql><result element="P"><element column="id" name="id"/></result><param name="id" sqlType="INTEGER"/></query>
            <operation name="add"><call-query href="add"><with-param name="id" query-param="id"/></call-query></operation>
            <operation name="get"><call-query href="get"><with-param name="id" query-param="id"/></call-query></operation>
            <resource method="POST" path="person"><call-query href="add"><with-param name="id" query-param="id"/></call-query></resource>
            """, $" enableBatchRequests=\"{value}\"");

        var batch = diagnostics.Items.Where(d => d.GetMessage().Contains("enableBatchRequests")).Select(d => d.GetMessage()).ToList();
        if (expected is null)
        {
            Assert.Empty(batch);
        }
        else
        {
            Assert.Contains(expected, Assert.Single(batch));
            Assert.DoesNotContain("get_batch_req", batch[0]);
        }
    }

    [Fact]
    public void A_json_mapping_nested_deeper_than_the_converter_reads_is_a_reason_not_a_crash()
    {
        // Each level recursed once: 20,000 levels overflowed the converter's stack (a crash .NET cannot catch).
        var mapping = string.Concat(Enumerable.Repeat("{\"w\":", 20_000)) + "\"$x\"" + new string('}', 20_000);
        Assert.Null(Lowerer.JsonResultMapping(mapping, out var reason));
        Assert.Contains("more than 64 deep", reason);
        Assert.DoesNotContain("does not deploy", reason);
    }
}
