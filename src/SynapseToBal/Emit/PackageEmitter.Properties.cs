using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

// properties.bal: the typed record of the default-scope properties that stay in the context (issue 14; Refine/PropertyRecord.cs).
public sealed partial class PackageEmitter
{
    /// <summary>The type the context's <c>properties</c> field has when the package has typed properties.</summary>
    public const string PropertiesType = BallerinaRefiner.PropertiesTypeName;

    /// <summary>
    /// The record the refiner chose, when the runtime's <c>types.bal</c> can take it (<see cref="RuntimeModule.SupportsTypedProperties"/>:
    /// a <c>--templates</c> override without the built-in <c>properties</c> field keeps every property in the map).
    /// </summary>
    private PropertyRecord PropertyRecordFor(RefinedPackage refined) =>
        RuntimeModule.For(_renderer).SupportsTypedProperties ? refined.PropertyRecord : PropertyRecord.Empty;

    /// <summary>The file declaring the record (<c>properties.bal.sbn</c>); its fields depend on the whole package.</summary>
    private string Properties() => _renderer.Render("properties.bal.sbn", new
    {
        Header = Header("the typed record of the message context's default-scope properties"),
        Fields = _propertyRecord.Fields.Select(f => new
        {
            Doc = BallerinaSyntax.CommentText($"The property \"{f.Property}\": every write sets {Article(f.TypeName)}."),
            Type = f.TypeName,
            Name = f.Field,
        }).ToList(),
    });

    private static string Article(string type) => type is "int" ? "an int" : "a " + type;

    /// <summary>What the render of a construct reads of the record, for the render cache's key.</summary>
    private string PropertyRecordKey() =>
        string.Join("\n", _propertyRecord.Fields.Select(f => f.Property + "\t" + f.TypeName));
}
