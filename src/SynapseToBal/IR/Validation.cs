using System.Collections.Immutable;
using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>
/// The XSD or JSON schema a validate mediator checks against (or a jsontransform mediator coerces to), read by the
/// running program from a file: the schema the
/// input holds (a local entry with an inline schema or JSON text, or a registry resource), written to the package's
/// <c>resources/</c>; or, for a static key the input does not define, the file a required configurable names.
/// </summary>
/// <param name="Key">The schema key as the mediator names it.</param>
/// <param name="FileName">The file's path in the package (<c>resources/&lt;name&gt;.xsd</c> or <c>.json</c>); null when the input does not hold the schema.</param>
/// <param name="Content">The schema document; null with <paramref name="FileName"/>.</param>
/// <param name="Path">Configurable: where the running program reads the schema (default: <paramref name="FileName"/>; required when there is none).</param>
public sealed record ValidationSchemaIr(string Key, string? FileName, string? Content, Symbol Path);

/// <summary>
/// validate, XSD form (ValidateMediator): the element the source selects (the body's first element when
/// <paramref name="Source"/> is null) checked against one XSD; on failure ERROR_MESSAGE and ERROR_DETAIL are set and
/// <paramref name="OnFail"/> runs, then the flow goes on (unless on-fail stops it). A JSON message fails the flow, as
/// Synapse's JSON branch does for a key that holds no JSON schema.
/// </summary>
/// <param name="SourceText">The source XPath as written (Synapse names it in ERROR_MESSAGE when it selects nothing); null for the default.</param>
public sealed record ValidateStep(MediatorSyntax Origin, XmlNavigationIr? Source, string? SourceText, ValidationSchemaIr Schema, ImmutableArray<StepIr> OnFail) : StepIr(Origin);

/// <summary>
/// jsontransform with a JSON schema (JSONTransformMediator, commons JsonProcessor.parseJson): the JSON payload (an XML
/// payload converted to JSON first) coerced to the schema's types, read from a file, and made the JSON payload; a value
/// that cannot be coerced or breaks a constraint the processor reads fails the flow with its message.
/// </summary>
/// <param name="Schema">The schema file (<see cref="ValidationSchemaIr.Content"/> walked by the lowering's JsonCoerceSchema).</param>
public sealed record JsonSchemaTransformStep(MediatorSyntax Origin, ValidationSchemaIr Schema) : StepIr(Origin);

/// <summary>
/// validate, JSON-schema form (ValidateMediator's JSON branch, the fge json-schema-validator, draft v4): the JSON
/// payload (or the text <paramref name="Source"/> gives, parsed) checked against the JSON schema of one static key,
/// read from a file; on failure ERROR_MESSAGE and ERROR_DETAIL are set and <paramref name="OnFail"/> runs, then the
/// flow goes on (unless on-fail stops it). A message that is not JSON fails the flow unless
/// <paramref name="JsonSource"/> (Synapse's XSD branch cannot read a JSON schema); with it, it is validated as
/// <c>{}</c>, as JsonUtil.jsonPayloadToString gives for it.
/// </summary>
/// <param name="Source">The <c>json-eval()</c> source; null for the whole JSON payload.</param>
/// <param name="JsonSource">The mediator's <c>json-source="true"</c>: the JSON branch for every message.</param>
public sealed record JsonValidateStep(MediatorSyntax Origin, JsonEvalIr? Source, bool JsonSource, ValidationSchemaIr Schema, ImmutableArray<StepIr> OnFail) : StepIr(Origin);
