using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Lowering;
using SynapseToBal.Syntax;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// API dispatch as the Micro Integrator does it (API.process, URITemplateBasedDispatcher, API.handleResourceNotFound
/// and handleMethodNotAllowed, IntegratorStatefulHandler): resources of one method and path that differ in the query
/// are tried in declaration order in one resource; a request no resource takes runs the project's
/// <c>_resource_mismatch_handler_</c> or <c>_method_not_allowed_handler_</c>; an API under the address of a proxy is
/// never reached.
/// </summary>
public sealed class ApiDispatchTests
{
    private static (PackageIr Package, DiagnosticBag Diagnostics) Lower(params string[] artifacts)
    {
        var diagnostics = new DiagnosticBag();
        var documents = artifacts.Select((text, i) => SynapseParser.ParseText($"a{i}.xml", text, diagnostics) ?? throw new InvalidOperationException(text)).ToList();
        return (Lowerer.Lower(documents, diagnostics), diagnostics);
    }

    private static string Api(string context, params string[] resources) =>
        $"""<api xmlns="http://ws.apache.org/ns/synapse" name="A" context="{context}">{string.Concat(resources)}</api>""";

    private static string Resource(string methods, string template, string body = "<respond/>") =>
        $"""<resource methods="{methods}" uri-template="{template.Replace("&", "&amp;", StringComparison.Ordinal)}"><inSequence>{body}</inSequence></resource>""";

    private static string Sequence(string name, string body) =>
        $"""<sequence xmlns="http://ws.apache.org/ns/synapse" name="{name}">{body}</sequence>""";

    private static List<string> Messages(DiagnosticBag diagnostics, string id) =>
        diagnostics.Items.Where(d => d.Id == id).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void Resources_differing_only_in_the_query_are_chained_in_declaration_order()
    {
        var (package, diagnostics) = Lower(Api("/shop",
            Resource("GET", "/items?id={id}"),
            Resource("GET", "/items?name={name}"),
            Resource("GET", "/items")));
        var service = Assert.Single(package.Services);
        var first = Assert.Single(service.Resources, r => r.AlternativeOf is null);
        Assert.NotNull(first.QueryPattern);
        var alternatives = service.Resources.Where(r => r.AlternativeOf is not null).ToList();
        Assert.Equal(2, alternatives.Count);
        Assert.All(alternatives, a => Assert.Same(first.Origin, a.AlternativeOf));
        Assert.All(service.Resources, r => Assert.Null(r.Skipped));

        // Declaration order: the one with a query first, the one that takes any query last.
        Assert.NotNull(alternatives[0].QueryPattern);
        Assert.Null(alternatives[1].QueryPattern);
        Assert.Empty(Messages(diagnostics, "SB0299"));
        Assert.Empty(Messages(diagnostics, "SB0211"));
    }

    [Fact]
    public void A_resource_after_one_that_takes_any_query_is_never_reached()
    {
        var (package, diagnostics) = Lower(Api("/shop",
            Resource("GET", "/items?id={id}"),
            Resource("GET", "/items"),
            Resource("GET", "/items?never={x}")));
        var service = Assert.Single(package.Services);
        var skipped = Assert.Single(service.Resources, r => r.Skipped is not null);
        Assert.Equal(DiagnosticCatalog.DispatchOrder, skipped.Skipped!.Descriptor);
        Assert.Contains("/items?never={x}", skipped.Summary, StringComparison.Ordinal);
        Assert.Single(Messages(diagnostics, "SB0211"));
    }

    [Fact]
    public void A_resource_an_earlier_template_takes_every_request_of_is_left_out()
    {
        // URITemplateBasedDispatcher.findResource: first match in declaration order, so /items/search never runs.
        var (package, diagnostics) = Lower(Api("/shop",
            Resource("GET", "/items/{id}"),
            Resource("GET", "/items/search")));
        var service = Assert.Single(package.Services);
        var skipped = Assert.Single(service.Resources, r => r.Skipped is not null);
        Assert.Contains("/items/search", skipped.Summary, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCatalog.DispatchOrder, skipped.Skipped!.Descriptor);
        Assert.Contains("never runs, so it is left out", Assert.Single(Messages(diagnostics, "SB0211")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/items/{id}?q={q}", "", "GET", "/items/search")] // the earlier one checks a query
    [InlineData("GET", "/items/{id}", "https", "GET", "/items/search")] // the earlier one is refused over http
    public void A_resource_an_earlier_template_takes_only_some_requests_of_stays(string firstMethods, string firstTemplate, string protocol, string laterMethods, string laterTemplate)
    {
        var first = Resource(firstMethods, firstTemplate);
        if (protocol.Length > 0)
        {
            first = first.Replace("<resource ", $"""<resource protocol="{protocol}" """, StringComparison.Ordinal);
        }

        var (package, diagnostics) = Lower(Api("/shop", first, Resource(laterMethods, laterTemplate)));
        Assert.All(package.Services.SelectMany(s => s.Resources), r => Assert.Null(r.Skipped));
        Assert.DoesNotContain(Messages(diagnostics, "SB0211"), m => m.Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_methods_the_earlier_template_takes_are_left_out()
    {
        var (package, _) = Lower(Api("/shop", Resource("GET", "/items/{id}"), Resource("GET POST", "/items/search")));
        var search = Assert.Single(package.Services).Resources.Where(r => r.Summary.Contains("/items/search", StringComparison.Ordinal)).ToList();
        Assert.NotNull(Assert.Single(search, r => r.Accessor == "get").Skipped);
        Assert.Null(Assert.Single(search, r => r.Accessor == "post").Skipped);
    }

    [Fact]
    public void A_template_resource_a_url_mapping_with_its_methods_takes_is_left_out()
    {
        var (package, diagnostics) = Lower(Api("/shop",
            """<resource methods="POST" url-mapping="/orders/*"><inSequence><respond/></inSequence></resource>""",
            Resource("POST", "/orders/{id}/cancel")));
        var skipped = Assert.Single(Assert.Single(package.Services).Resources, r => r.Skipped is not null);
        Assert.Equal(DiagnosticCatalog.ShadowedByUrlMapping, skipped.Skipped!.Descriptor);
        Assert.Contains("left out", Assert.Single(Messages(diagnostics, "SB0213")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_resource_whose_query_form_is_not_checked_stays_a_todo()
    {
        var (package, diagnostics) = Lower(Api("/shop",
            Resource("GET", "/offers?from={from}"),
            Resource("GET", "/offers?q={a,b}")));
        var service = Assert.Single(package.Services);
        var skipped = Assert.Single(service.Resources, r => r.Skipped is not null);
        Assert.Equal(DiagnosticCatalog.ResourceQueryNotMatched, skipped.Skipped!.Descriptor);
        Assert.DoesNotContain(service.Resources, r => r.AlternativeOf is not null);
        Assert.Contains(Messages(diagnostics, "SB0299"), m => m.Contains("its query is not checked here", StringComparison.Ordinal));
    }

    [Fact]
    public void Chained_resources_with_path_variables_read_them_as_properties()
    {
        var (package, _) = Lower(Api("/shop",
            Resource("GET", "/stores/{storeId}?open={open}", """<log level="custom"><property name="s" expression="get-property('uri.var.storeId')"/></log><respond/>"""),
            Resource("GET", "/stores/{code}?city={city}", """<log level="custom"><property name="c" expression="get-property('uri.var.code')"/></log><respond/>""")));
        var service = Assert.Single(package.Services);
        var alternative = Assert.Single(service.Resources, r => r.AlternativeOf is not null);

        // Each flow is a function the resource runs; the second one's variable keeps its own name.
        Assert.IsType<ContinueWithStep>(Assert.Single(alternative.Body));
        Assert.Equal("code", Assert.IsType<PathSegmentIr.Param>(alternative.Path[1]).SynapseName);
    }

    [Fact]
    public void The_query_fallback_is_reported_only_for_resources_whose_path_may_take_the_request()
    {
        var (_, diagnostics) = Lower(Api("/shop",
            Resource("GET", "/items?id={id}"),
            Resource("GET", "/stores/{id}/stock"),
            Resource("GET", "/tags?x={x}"),
            Resource("GET", "/{kind}")));
        var messages = Messages(diagnostics, "SB0299");

        // '/{kind}' may take '/items?other=1' (and '/tags?...'); '/stores/{id}/stock' never does.
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains("'/{kind}'", m, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain("/stores/{id}/stock", m, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_handler_sequences_the_service_answers_unmatched_requests_itself()
    {
        // API.handleResourceNotFound / handleMethodNotAllowed answer 404 / 405 with no body: the service's own default
        // resource does, not the http module's dispatcher.
        var (package, _) = Lower(Api("/users", Resource("GET", "/{id}")));
        var unmatched = Assert.Single(package.Services).Unmatched;
        Assert.NotNull(unmatched);
        Assert.True(unmatched.Catchall);
        Assert.Null(unmatched.NotFoundFlow);
        Assert.Null(unmatched.NotAllowedFlow);
        Assert.Equal(new[] { "GET", "OPTIONS" }, unmatched.Methods.ToArray());
        Assert.Single(unmatched.Paths);

        // Every resource is on the service: the first path match never takes the method, so no 400 test.
        Assert.Empty(unmatched.FirstMatch);
    }

    [Fact]
    public void The_handler_sequences_answer_the_requests_no_resource_takes()
    {
        var (package, diagnostics) = Lower(
            Api("/users", Resource("GET", "/{id}"), Resource("POST", "/"), Resource("GET", "/search?name={name}")),
            Sequence("_resource_mismatch_handler_", "<respond/>"),
            Sequence("_method_not_allowed_handler_", """<log level="custom"><property name="m" expression="get-property('REST_METHOD')"/></log>"""));
        var unmatched = Assert.Single(package.Services).Unmatched;
        Assert.NotNull(unmatched);
        Assert.True(unmatched.Catchall);
        Assert.NotNull(unmatched.NotFoundFlow);
        Assert.NotNull(unmatched.NotAllowedFlow);

        // Resource.canProcess takes OPTIONS for every resource.
        Assert.Equal(new[] { "GET", "OPTIONS", "POST" }, unmatched.Methods.ToArray());
        // GET /search?name={name} never runs (GET /{id} is tried first and takes it): left out, it adds no path.
        Assert.Equal(2, unmatched.Paths.Length);

        // Each handler runs in a function of its own, which answers 202 when the sequence answers nothing.
        var notAllowed = Assert.Single(package.Functions, f => f.Name == unmatched.NotAllowedFlow);
        Assert.Equal(FunctionKind.InFlow, notAllowed.Kind);
        Assert.IsType<AcceptStep>(notAllowed.Body[^1]);
        Assert.Contains(diagnostics.Items, d => d.Id == "SB0215");
    }

    [Fact]
    public void A_resource_for_every_method_makes_every_request_a_not_found_one()
    {
        var (package, _) = Lower(
            Api("/open", """<resource uri-template="/ping"><inSequence><respond/></inSequence></resource>"""),
            Sequence("_method_not_allowed_handler_", "<respond/>"));
        var unmatched = Assert.Single(package.Services).Unmatched;
        Assert.NotNull(unmatched);
        Assert.Empty(unmatched.Methods);
        Assert.Null(unmatched.NotFoundFlow);
    }

    [Fact]
    public void An_api_with_a_resource_for_any_method_and_path_gets_no_catchall()
    {
        var (package, _) = Lower(
            Api("/all", """<resource><inSequence><respond/></inSequence></resource>"""),
            Sequence("_resource_mismatch_handler_", "<respond/>"));
        Assert.False(Assert.Single(package.Services).Unmatched!.Catchall);
    }

    [Theory]
    [InlineData("/services/P", true)]
    [InlineData("/services/P/orders", true)]
    [InlineData("/services/Q", false)]
    [InlineData("/servicesP", false)]
    public void An_api_under_the_address_of_a_proxy_is_not_generated(string context, bool shadowed)
    {
        var proxy = """<proxy xmlns="http://ws.apache.org/ns/synapse" name="P" transports="http"><target><inSequence><respond/></inSequence></target></proxy>""";
        var (package, diagnostics) = Lower(Api(context, Resource("GET", "/")), proxy);
        Assert.Equal(!shadowed, package.Services.Any(s => s.Kind == ServiceKind.Api));
        var messages = Messages(diagnostics, "SB0265");
        if (shadowed)
        {
            Assert.Contains("proxy service 'P'", Assert.Single(messages), StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(messages);
        }
    }
}
