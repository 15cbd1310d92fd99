using System.Collections.Immutable;
using System.Globalization;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The ESB file connector 1.0.0 (wso2-extensions/esb-connector-file, org.wso2.carbon.connector.fileconnector 1.0.0): its
// operations name a file by 'filelocation' and 'file', joined as text. create, append, isfileexist, delete, rename, copy,
// copylarge and move on a local file become calls of run-time helpers built on ballerina/file and ballerina/io; read,
// search, archives, unzip and listFile, and an operation with a setting the helpers do not reproduce, stay TODOs.
public sealed partial class Lowerer
{
    /// <summary>The 1.0.0 operations translated, by their element name's operation part (case-sensitive, as the template's name is).</summary>
    private static readonly Dictionary<string, FileConnectorV1Operation> FileConnectorV1Operations = new(StringComparer.Ordinal)
    {
        ["create"] = FileConnectorV1Operation.Create,
        ["append"] = FileConnectorV1Operation.Append,
        ["isfileexist"] = FileConnectorV1Operation.IsFileExist,
        ["delete"] = FileConnectorV1Operation.Delete,
        ["rename"] = FileConnectorV1Operation.Rename,
        ["copy"] = FileConnectorV1Operation.Copy,
        ["copylarge"] = FileConnectorV1Operation.CopyLarge,
        ["move"] = FileConnectorV1Operation.Move,
    };

    /// <summary>
    /// The parameters a 1.0.0 operation's template declares, each with the helper's name for it (null: declared, but
    /// the connector's class never reads it).
    /// </summary>
    private static readonly Dictionary<FileConnectorV1Operation, (string Parameter, string? Helper)[]> FileConnectorV1Parameters = new()
    {
        [FileConnectorV1Operation.Create] = [("filelocation", "location"), ("file", "fileName"), ("content", "content"), ("encoding", "encoding"), ("isfolder", "isFolder"), ("contenttype", null), ("ftpfilelocation", null)],
        [FileConnectorV1Operation.Append] = [("filelocation", "location"), ("file", "fileName"), ("content", "content"), ("encoding", "encoding"), ("offset", null), ("ftpfilelocation", null)],
        [FileConnectorV1Operation.IsFileExist] = [("filelocation", "location"), ("file", "fileName"), ("content", null), ("newfilename", null)],
        [FileConnectorV1Operation.Delete] = [("filelocation", "location"), ("file", "fileName"), ("filebeforeprocess", "beforeProcess")],
        [FileConnectorV1Operation.Rename] = [("filelocation", "location"), ("file", "fileName"), ("newfilename", "newFileName"), ("filebeforeprocess", "beforeProcess")],
        [FileConnectorV1Operation.Copy] = [("filelocation", "location"), ("file", "fileName"), ("newfilelocation", "newLocation"), ("isfolder", "isFolder"), ("filebeforeprocess", null)],
        [FileConnectorV1Operation.CopyLarge] = [("filelocation", "location"), ("file", "fileName"), ("newfilelocation", "newLocation"), ("content", null)],
        [FileConnectorV1Operation.Move] = [("filelocation", "location"), ("file", "fileName"), ("newfilelocation", "newLocation"), ("filebeforeprocess", "beforeProcess"), ("fileafterprocess", "afterProcess")],
    };

    /// <summary>
    /// True for a file connector 1.0.0 operation: one only 1.0.0 has (isfileexist, rename, copylarge, listFile), or one
    /// that names its file by <c>filelocation</c> and not by 2.x's <c>source</c>, <c>filePath</c> or <c>destination</c>.
    /// </summary>
    private static bool IsFileConnectorV1(ConnectorOperationMediator operation) =>
        operation.Operation is "isfileexist" or "rename" or "copylarge" or "listFile"
        || (operation.PassedParameters.Any(p => p.Name == "filelocation")
            && !operation.PassedParameters.Any(p => p.Name is "source" or "filePath" or "destination"));

    /// <summary>
    /// <c>&lt;fileconnector.create|append|isfileexist|delete|rename|copy|copylarge|move&gt;</c> of connector 1.0.0: one call
    /// of the operation's helper with the parameters' values; a TODO (SB0232) when a parameter is not one the helper
    /// reproduces, and for the 1.0.0 operations not translated.
    /// </summary>
    private IEnumerable<StepIr> LowerFileConnectorV1Operation(ConnectorOperationMediator operation, FlowContext context)
    {
        if (!FileConnectorV1Operations.TryGetValue(operation.Operation, out var kind))
        {
            return [ConnectorTodo(operation, $"it is the file connector 1.0.0's {operation.Operation}, which the generated code does not perform")];
        }

        if (operation.ConfigKey is not null)
        {
            return [ConnectorTodo(operation, "it names a connection (configKey), which the file connector 1.0.0 operations do not read")];
        }

        if (UnreadableOperationShape(operation) is { } shape)
        {
            return [shape];
        }

        var declared = FileConnectorV1Parameters[kind];
        var unsupported = operation.PassedParameters.Select(p => p.Name).Where(name => !declared.Any(d => d.Parameter == name)).Distinct().ToList();
        if (unsupported.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unsupported)} {(unsupported.Count == 1 ? "is" : "are")} set, which the connector 1.0.0 template does not declare")];
        }

        var parameters = ParametersByName(operation);
        string? Literal(string name) => parameters.GetValueOrDefault(name)?.Value is ValueSyntax.Literal literal ? literal.Text : null;

        // IOUtils.write with the encoding's charset (UTF8 by default); the helpers write UTF-8 only.
        if (Literal("encoding") is { } encodingText && !IsUtf8Name(encodingText))
        {
            return [ConnectorTodo(operation, $"its encoding '{encodingText.Trim()}' is not UTF-8, which the generated call writes")];
        }

        // FileAppend parses offset with Integer.parseInt (a text that is no number fails the flow) and never uses it.
        if (kind == FileConnectorV1Operation.Append && parameters.TryGetValue("offset", out var offset))
        {
            if (Literal("offset") is not { } offsetText || !IsJavaInt(offsetText))
            {
                return [ConnectorTodo(operation, offset.Value is ValueSyntax.Literal
                    ? $"its offset '{Literal("offset")}' is no number, on which the connector fails"
                    : "its offset is computed, and the connector fails when it is no number")];
            }
        }

        var arguments = ImmutableArray.CreateBuilder<FileConnectorArgumentIr>();
        foreach (var (name, helper) in declared)
        {
            if (helper is null || !parameters.TryGetValue(name, out var parameter))
            {
                continue;
            }

            ExprIr value = parameter.Value switch
            {
                ValueSyntax.Literal literal => new StringLiteralIr(literal.Text),
                ValueSyntax.Expression expression => Expr(expression.Syntax, context),
                _ => throw new InvalidOperationException(),
            };
            arguments.Add(new FileConnectorArgumentIr(helper, value));
        }

        return [new FileConnectorV1Step(operation, kind, arguments.ToImmutable())];
    }

    /// <summary>True when Java's Integer.parseInt reads <paramref name="text"/>: an optional sign and decimal digits in the int range.</summary>
    private static bool IsJavaInt(string text) =>
        text.Length > 0 && text.Skip(text[0] is '+' or '-' ? 1 : 0).Any() && text.Skip(text[0] is '+' or '-' ? 1 : 0).All(char.IsAsciiDigit)
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
