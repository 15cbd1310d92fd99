using System.Collections.Immutable;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Endpoints referenced by a static key that the input does not define (they live in the server's registry or in
// another project): one http:Client per key on a required URL configurable, so that the call is code, not a TODO.
public sealed partial class Lowerer
{
    /// <summary>The client made for each endpoint key the input does not define.</summary>
    private readonly Dictionary<string, ClientIr> _externalClients = new(StringComparer.Ordinal);

    /// <summary>
    /// The client of an endpoint key that no artifact or registry resource of the input defines. The call is made as
    /// an address endpoint without a format would make it (the REST postfix appended for REST requests, the message
    /// in its own format, the Micro Integrator's global timeout); a warning (SB0238) at each use says what to check.
    /// The reference graph reports the key as unresolved too (SB0502).
    /// </summary>
    /// <param name="use">What sends through it, for the diagnostic: "send", "call", "callout", "proxy target", ...</param>
    private ClientIr ExternalEndpointClient(string key, string use, SourceLocation location)
    {
        _diagnostics.Report(DiagnosticCatalog.EndpointNotInInput, location, key, use);
        if (_externalClients.TryGetValue(key, out var known))
        {
            return known;
        }

        var baseName = ExternalEndpointName(key);
        var name = _symbols.Module(SymbolKind.Client, baseName);
        var configurable = _symbols.Module(SymbolKind.Configurable, baseName + " url");
        _configurables.Add(new ConfigurableIr(
            configurable,
            ConfigurableType.String,
            null,
            $"Base URL of the endpoint '{key}', which is not defined in the input (a registry resource or another project's endpoint): set it from the endpoint's definition.",
            Secret: false));
        ImmutableArray<string> notes =
        [
            $"The endpoint '{key}' is not defined in the input: the URL is a required configurable, and the call is made as to an address endpoint without a format.",
            "Check its definition: a format (soap11, soap12, pox), an http uri-template, its timeout, suspension settings, a failover or load-balance group or a non-HTTP address change the call.",
            "No timeout is known: the Micro Integrator's global callback timeout applies, 120 s (synapse.global_timeout_interval = 120000 in its default.json).",
        ];
        var client = new ClientIr(name, key, configurable, string.Empty, GlobalTimeoutSeconds, notes, location) { DefaultTimeout = true };
        _clients.Add(client);
        _externalClients[key] = client;
        return client;
    }

    /// <summary>A readable base name for the client of a key: a registry path's file name without its extension (<c>gov:/endpoints/StockEP.xml</c> → <c>StockEP</c>).</summary>
    internal static string ExternalEndpointName(string key)
    {
        var name = key;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && name.IndexOf('/', StringComparison.Ordinal) > colon)
        {
            name = name[(colon + 1)..];
        }

        name = name.TrimEnd('/');
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return name.Length == 0 ? "external endpoint" : name;
    }
}
