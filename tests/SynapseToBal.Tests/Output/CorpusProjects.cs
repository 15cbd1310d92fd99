namespace SynapseToBal.Tests.Output;

/// <summary>Integration Studio projects of the shared corpus the output tests convert (paths below the corpus root).</summary>
internal static class CorpusProjects
{
    /// <summary>Product scenario 5: APIs routing messages between systems.</summary>
    public const string Routing = "micro-integrator/product-scenarios/5-route-messages-between-systems/05-synapseConfigProject";

    /// <summary>Product scenario 14: scheduled tasks.</summary>
    public const string Tasks = "micro-integrator/product-scenarios/14-periodically-execute-an-integration-process/14-synapseConfigProject";
}
