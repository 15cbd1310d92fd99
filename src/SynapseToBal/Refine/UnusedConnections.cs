using System.Collections.Immutable;
using SynapseToBal.IR;

namespace SynapseToBal.Refine;

/// <summary>
/// No client for a connection nothing translated uses. A connection's client is a module-level
/// <c>check new(...)</c>, so one that fails at start stops the module and no API, proxy or listener runs (a database
/// connection is a runtime <c>DbConnection</c>, whose <c>jdbc:Client</c> is made on first use). The Micro Integrator makes a connection only when it is used: a
/// connector connection's init runs when an operation names its local entry (InvokeMediator.mediate,
/// <c>setLocalEntryKey</c>), and a data service whose data source fails is registered as faulty alone while every other
/// artifact deploys (DBDeployer.deploy, <c>registerFaultyService</c>). So a database, email, Kafka, Salesforce, Gmail or Redis
/// connection whose client no service, function, job or other declaration names (every operation on it is a TODO, or
/// none uses it) is not declared, nor are the configurables only it read: it becomes an
/// <see cref="UnusedConnectionIr"/>, which connections.bal keeps as a comment with its settings and configurable
/// names, so that the developer finishing the TODOs loses nothing. HTTP connections stay: an http:Client opens nothing
/// at start, and their suspension state is shared with the connection's other clients. A configurable only an
/// endpoint's calls read (<see cref="ConfigurableIr.OnlyWhenRead"/>: an http endpoint's uri-template the Micro
/// Integrator resolves at deployment) is declared only when one does, so that nothing asks for a value nothing uses.
/// </summary>
public static class UnusedConnections
{
    /// <summary>The package without the clients nothing names, recorded in <see cref="PackageIr.UnusedConnections"/>.</summary>
    public static PackageIr Remove(PackageIr package)
    {
        var named = NamedOutside(package);
        var unused = new List<(UnusedConnectionIr Connection, HashSet<Symbol> Reads)>();
        bool Keep(Symbol name, object connection, Func<ImmutableArray<ConfigurableIr>, UnusedConnectionIr> record)
        {
            if (named.Contains(name))
            {
                return true;
            }

            var reads = new HashSet<Symbol>();
            EmptyFlows.Collect(connection, reads);
            reads.Remove(name);
            BuiltFrom(reads, package.Configurables);
            var settings = package.Configurables.Where(c => reads.Contains(c.Name)).ToImmutableArray();
            unused.Add((record(settings), reads));
            return false;
        }

        var result = package with
        {
            DatabaseClients = [.. package.DatabaseClients.Where(d => Keep(d.Name, d, settings => new UnusedConnectionIr($"{d.Purpose ?? "Database connection of the dblookup/dbreport mediators"}: {d.Description}", "jdbc:Client", settings, d.Notes, d.Origin)))],
            EmailConnections = [.. package.EmailConnections.Where(e => Keep(e.Name, e, settings => new UnusedConnectionIr($"SMTP connection '{e.ConnectionName}' of the email connector's send operations", "email:SmtpClient", settings, e.Notes, e.Origin)))],
            KafkaConnections = [.. package.KafkaConnections.Where(k => Keep(k.Name, k, settings => new UnusedConnectionIr($"Kafka connection '{k.ConnectionName}' of the Kafka connector's publishMessages operations", "kafka:Producer", settings, k.Notes, k.Origin)))],
            SalesforceConnections = [.. package.SalesforceConnections.Where(s => Keep(s.Name, s, settings => new UnusedConnectionIr($"Salesforce connection '{s.ConnectionName}' of the Salesforce REST connector operations", "salesforce:Client", settings, s.Notes, s.Origin)))],
            GmailConnections = [.. package.GmailConnections.Where(g => Keep(g.Name, g, settings => new UnusedConnectionIr($"Gmail connection '{g.ConnectionName}' of the Gmail connector operations", "gmail:Client", settings, g.Notes, g.Origin)))],
            RedisConnections = [.. package.RedisConnections.Where(r => Keep(r.Name, r, settings => new UnusedConnectionIr($"Redis connection '{r.ConnectionName}' of the Redis connector operations", "redis:Client", settings, r.Notes, r.Origin)))],
        };
        var onlyWhenRead = package.Configurables.Where(c => c.OnlyWhenRead).Select(c => c.Name);
        if (unused.Count == 0 && !onlyWhenRead.Any())
        {
            return package;
        }

        // A configurable a removed client read goes too, unless something kept still reads it (or a configurable
        // built from it that is kept); so does one declared only for the calls that read it when none does.
        var stillNamed = NamedOutside(result with { Configurables = [] }, keepConnections: true);
        BuiltFrom(stillNamed, result.Configurables);
        var dropped = unused.SelectMany(u => u.Reads).Concat(onlyWhenRead).Where(s => !stillNamed.Contains(s)).ToHashSet();
        if (dropped.Count == 0 && unused.Count == 0)
        {
            return package;
        }

        return result with
        {
            Configurables = [.. result.Configurables.Where(c => !dropped.Contains(c.Name))],
            UnusedConnections = [.. package.UnusedConnections, .. unused.Select(u => u.Connection)],
        };
    }

    /// <summary>Adds to <paramref name="named"/> the configurables those it holds are built from (<see cref="ConfigurableIr.BuiltFrom"/>), transitively.</summary>
    private static void BuiltFrom(HashSet<Symbol> named, ImmutableArray<ConfigurableIr> configurables)
    {
        for (var added = true; added;)
        {
            added = false;
            foreach (var configurable in configurables)
            {
                if (named.Contains(configurable.Name))
                {
                    foreach (var part in configurable.BuiltFrom)
                    {
                        added |= part.Configurable is { } read && named.Add(read);
                    }
                }
            }
        }
    }

    /// <summary>Every symbol the package names outside the symbol list, the configurables and (unless kept) the connections themselves.</summary>
    private static HashSet<Symbol> NamedOutside(PackageIr package, bool keepConnections = false)
    {
        var named = new HashSet<Symbol>();
        EmptyFlows.Collect(keepConnections ? package with { Symbols = [], Configurables = [] } : package with
        {
            Symbols = [],
            Configurables = [],
            DatabaseClients = [],
            EmailConnections = [],
            KafkaConnections = [],
            SalesforceConnections = [],
            GmailConnections = [],
            RedisConnections = [],
        }, named);
        return named;
    }
}
