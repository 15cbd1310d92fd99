namespace SynapseToBal.IR;

/// <summary>
/// An XSLT stylesheet named by a static key that no local entry or registry resource of the input defines: a
/// module-level XML value read once, at start-up, from the file a required configurable names.
/// </summary>
/// <param name="Name">The module-level value holding the parsed stylesheet.</param>
/// <param name="Key">The key as written (<c>conf:/xslt/transform.xslt</c>, <c>gov:/…</c>, a local entry name).</param>
/// <param name="Path">The required string configurable with the file's path.</param>
public sealed record ExternalStylesheetIr(Symbol Name, string Key, Symbol Path);
