using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// Elements of synapse.xml that configure the Micro Integrator itself (registry, task scheduler, connector imports,
// priority executors, event sources): no flow, so nothing to generate; an honest note instead of "not translated yet".
public sealed partial class Lowerer
{
    /// <summary>
    /// What a server configuration element configured and what takes its place in Ballerina; null for an artifact
    /// that is a flow or a resource (those are translated, or not translated yet).
    /// </summary>
    internal static string? ServerConfigurationNote(ArtifactSyntax artifact) => artifact switch
    {
        RegistrySyntax registry =>
            $"it selects the registry provider{Provider(registry.Provider)} that conf:/ and gov:/ keys are read from at run time (and how long they are cached); "
            + "the converter reads the registry resources the flows name when it converts (stylesheets become values in entries.bal), so only resources read by dynamic keys need bundling by hand",
        TaskManagerSyntax taskManager =>
            $"it configures the task scheduler{Provider(taskManager.Provider)} (its Quartz settings and thread pool); ballerina/task schedules the generated jobs in the package's own process, so nothing takes its place",
        ImportSyntax import =>
            $"it loads the connector library '{import.Name}'{(import.Package is { } package ? $" (package {package})" : string.Empty)}{(import.Status is { } status ? $" with status {status}" : string.Empty)} so that its operations can be used; "
            + "import the Ballerina connector module instead (the operations themselves stay TODOs until translated)",
        PriorityExecutorSyntax =>
            "it defines a thread pool with priority queues for the enqueue mediator; Ballerina schedules its strands itself, so nothing takes its place (order work by priority by hand if it matters)",
        EventSourceSyntax eventSource =>
            $"it hosts a WS-Eventing event source{(eventSource.SubscriptionManagerClass is { } manager ? $" (subscription manager {manager})" : string.Empty)} that clients subscribe to at /services/{eventSource.Name}; "
            + "Ballerina has no WS-Eventing: write a subscription service and publish to the subscribers by hand",
        _ => null,
    };

    private static string Provider(string? provider) => provider is null ? string.Empty : $" ({provider})";

    /// <summary>A server configuration element: an info note (SB0228) and a TODO with its XML, so that nothing is lost.</summary>
    private void AddServerConfiguration(ArtifactSyntax artifact, string note)
    {
        _diagnostics.Report(DiagnosticCatalog.ServerConfiguration, artifact.Location, artifact.XmlName, artifact.Name, note);
        _pending.Add(new PendingArtifactIr(new NotTranslatedIr(DiagnosticCatalog.ServerConfiguration, $"<{artifact.XmlName}> configures the Micro Integrator itself: {note}"), artifact));
    }
}
