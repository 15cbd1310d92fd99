using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// http endpoints whose uri-template takes the scheme, host or port from a property (`http://localhost:{uri.var.port}/x`,
// `{uri.var.base}/orders`, `{+uri.var.apiUrl}/ids.json`): HTTPEndpoint expands the whole template for each message and
// sends to the URL it gives, so the base URL is known only per call.
public sealed partial class Lowerer
{
    /// <summary>
    /// The client of an http endpoint whose uri-template has no fixed base URL: its configuration (timeout, HTTP
    /// version) at module level, and at each call the whole template expanded as <c>HTTPEndpoint.resolveUrlTemplate</c>
    /// does (the message's <c>uri.var.*</c>/<c>query.param.*</c> properties, <c>{x}</c> percent-encoded, <c>{+x}</c> and
    /// a template's leading <c>{x}</c> raw), the client for its base URL made on first use and kept. A template holding
    /// a credential stays a TODO (it would be a literal in the code).
    /// </summary>
    /// <param name="deployTime">
    /// The uri-template is a placeholder HTTPEndpointFactory resolves when it deploys the endpoint (<see
    /// cref="DeployTimeValue"/>): the template is a required configurable, expanded at each call as the Micro Integrator
    /// expands what it resolved (<c>expandUriTemplate</c>).
    /// </param>
    private ClientIr? AddUrlTemplateClient(string baseName, HttpEndpointSyntax http, EndpointSyntax endpoint, out NotTranslatedIr? notTranslated, DeployTimeValue? deployTime = null)
    {
        notTranslated = null;
        if (deployTime is null && HasCredentials(http.UriTemplate))
        {
            const string why = "it takes the scheme, host or port from a property and holds a credential, which would be a literal in the code; expand it by hand with the credential in a configurable";
            _diagnostics.Report(DiagnosticCatalog.AttributeNotTranslated, http.Location, "http", "uri-template", why);
            notTranslated = new NotTranslatedIr(DiagnosticCatalog.AttributeNotTranslated, $"the http endpoint's uri-template: {why}");
            return null;
        }

        ReportUnappliedSettings(http.Qualities, http.Location, endpoint);
        var settings = ClientSettings(http.Qualities, http.Location, endpoint, baseName);
        var name = _symbols.Module(SymbolKind.Client, baseName + " config");
        var notes = settings.Notes.Insert(0, deployTime is null
            ? $"The uri-template '{http.UriTemplate}' takes the scheme, host or port from the message, as HTTPEndpoint expands it for each message: "
                + "each call expands it and uses the client kept for its base URL (urlTemplateClient), made with this configuration."
            : $"The uri-template '{http.UriTemplate}' is read from {deployTime.Source} when the Micro Integrator deploys the endpoint: "
                + "it is a configurable here (declared when a call uses the endpoint), which each call expands as HTTPEndpoint expands a template (expandUriTemplate) and sends through the client kept for its base URL (urlTemplateClient), made with this configuration.");
        if (deployTime is not null)
        {
            _deployTimeTemplates[http] = DeployTimeConfigurable("uri-template", deployTime, deployTime.Describe($"The uri-template of the '{baseName}' endpoint"), http.Location, onlyWhenRead: true);
        }

        var client = new ClientIr(name, baseName, name, http.UriTemplate, settings.Timeout, notes, http.Location)
        {
            NonErrorStatusCodes = settings.NonErrorCodes,
            DefaultTimeout = http.Qualities.TimeoutMillis is not > 0,
            UrlTemplate = http.UriTemplate,
            Format = FormatOf(http.Format, "http", http.Location),
            TimeoutFault = settings.TimeoutFault,
            Suspension = settings.Suspension,
        };
        _clients.Add(client);
        return client;
    }

    /// <summary>The configurable holding the uri-template of an http endpoint whose template is resolved when it is deployed.</summary>
    private readonly Dictionary<HttpEndpointSyntax, Symbol> _deployTimeTemplates = new(ReferenceEqualityComparer.Instance);
}
