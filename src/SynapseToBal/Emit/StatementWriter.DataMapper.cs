using SynapseToBal.IR;
using SynapseToBal.Refine;

namespace SynapseToBal.Emit;

internal sealed partial class StatementWriter
{
    /// <summary>
    /// A datamapper: the payload read as the input record (the JSON payload with cloneWithType, the body's first
    /// element with xmldata:parseAsType), the mapping function, and its result as the new body (JSON, or XML in place
    /// of the body's content) with the message type the Micro Integrator sets (application/json or application/xml).
    /// </summary>
    /// <summary>The datamapper of a resource's flow whose input record is the resource's payload parameter, and that parameter's name (<c>--typed-payloads</c>).</summary>
    public (object Mapper, string Parameter)? BoundMapperInput { get; init; }

    private void DataMapper(DataMapperStep step)
    {
        var mapping = step.Mapping;
        var inputType = _expr.Names[mapping.Input];
        string read;
        if (BoundMapperInput is { } bound && ReferenceEquals(bound.Mapper, step.Origin))
        {
            // --typed-payloads: the listener bound the body as the input record (parseAsType, as cloneWithType converts).
            read = bound.Parameter;
        }
        else if (mapping.InputFormat == DataFormat.Json)
        {
            read = $"check (check jsonPayload(ctx)).cloneWithType({inputType})";
        }
        else
        {
            _modules.Use("xmldata");
            read = $"check xmldata:parseAsType((check xmlPayload(ctx))[0], t = {inputType})";
        }

        var call = $"{_expr.Names[mapping.Function]}({read})";
        if (DataMappingFails(mapping))
        {
            call = "check " + call;
        }

        if (mapping.OutputFormat == DataFormat.Json)
        {
            _out.Line($"ctx.payload = ({call}).toJson();");
            _out.Line("ctx.contentType = \"application/json\";");
        }
        else
        {
            _modules.Use("xmldata");
            _out.Line($"ctx.payload = replaceBody(ctx, check xmldata:toXml({call}));");
            _out.Line("ctx.contentType = \"application/xml\";");
        }
    }

    /// <summary>True when the mapping function can fail: a statement of its script is not translated.</summary>
    internal static bool DataMappingFails(DataMappingIr mapping) => !mapping.Statements.IsEmpty || Fails(mapping.Body);

    /// <summary>True when a mapped value can fail: a statement not translated, a method called on a field the input may not have, substring of text outside the Basic Multilingual Plane, Number of a hexadecimal text beyond 2^53, a JavaScript number the output field cannot hold as the data mapper writes it.</summary>
    internal static bool Fails(MappedValueIr value) => value switch
    {
        MappedValueIr.Construct construct => construct.Entries.Any(e => Fails(e.Value)),
        MappedValueIr.NotTranslated => true,
        MappedValueIr.FromInput read => read.AsNumber,
        MappedValueIr.Concat concat => concat.Parts.Any(Fails),
        MappedValueIr.Text => false,
        MappedValueIr.Integer => false,
        MappedValueIr.Required => true,
        MappedValueIr.Arithmetic arithmetic => Fails(arithmetic.Left) || Fails(arithmetic.Right),
        MappedValueIr.ArrayMap map => Fails(map.Element) || map is { MapCall: true, FirstOptional: >= 0 },
        MappedValueIr.Float => false,
        MappedValueIr.Call call => call.Function is MappedFunction.Substring or MappedFunction.Number or MappedFunction.NumberText or MappedFunction.NumberInteger or MappedFunction.NumberDecimal
            || call.Arguments.Any(Fails),
        _ => throw new InvalidOperationException($"No mapped value {value.GetType().Name}"),
    };
}
