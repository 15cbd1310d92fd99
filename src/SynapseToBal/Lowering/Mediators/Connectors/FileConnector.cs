using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The ESB file connector 2.x (wso2-extensions/esb-connector-file, org.wso2.carbon.connector.fileconnector 2.0.7 to
// 2.0.24): create, isFileExist, delete, read, append, copy, move, search, getSize, getLastModifiedTime and readALine on a
// local file become calls of run-time helpers built on ballerina/file and ballerina/io; every other operation, and one
// with a setting the helpers do not reproduce, stays a TODO.
public sealed partial class Lowerer
{
    /// <summary>
    /// Settings every operation's template declares that only configure an FTP or SFTP connection (FileConnectorUtils.getFso):
    /// nothing on a local file, and the helpers fail on any other file system.
    /// </summary>
    private static readonly HashSet<string> FileConnectorRemoteSettings = new(StringComparer.Ordinal)
    {
        "setTimeout", "setPassiveMode", "setSoTimeout", "setStrictHostKeyChecking", "setUserDirIsRoot",
    };

    /// <summary>The operations translated, by their element name's operation part (case-sensitive, as the template's name is).</summary>
    private static readonly Dictionary<string, FileConnectorOperation> FileConnectorOperations = new(StringComparer.Ordinal)
    {
        ["create"] = FileConnectorOperation.Create,
        ["isFileExist"] = FileConnectorOperation.IsFileExist,
        ["delete"] = FileConnectorOperation.Delete,
        ["read"] = FileConnectorOperation.Read,
        ["append"] = FileConnectorOperation.Append,
        ["copy"] = FileConnectorOperation.Copy,
        ["move"] = FileConnectorOperation.Move,
        ["search"] = FileConnectorOperation.Search,
        ["getSize"] = FileConnectorOperation.GetSize,
        ["getLastModifiedTime"] = FileConnectorOperation.GetLastModifiedTime,
        ["readALine"] = FileConnectorOperation.ReadALine,
    };

    /// <summary>
    /// <c>&lt;fileconnector.create|isFileExist|delete|read|append|copy|move|search|getSize|getLastModifiedTime|readALine&gt;</c>: one call of the operation's helper with the parameters'
    /// values; a TODO (SB0232) when a parameter is not one the helper reproduces.
    /// </summary>
    private IEnumerable<StepIr> LowerFileConnectorOperation(ConnectorOperationMediator operation, FileConnectorOperation kind, FlowContext context)
    {
        if (operation.ConfigKey is not null)
        {
            return [ConnectorTodo(operation, "it names a connection (configKey), which the file connector 2.x operations do not read")];
        }

        if (!operation.Attributes.IsEmpty)
        {
            return [ConnectorTodo(operation, $"it has the attribute{(operation.Attributes.Length == 1 ? string.Empty : "s")} {string.Join(", ", operation.Attributes.Select(a => a.Name))}")];
        }

        // The parameters the operation's template declares (2.0.7 to 2.0.24); create reads its location from
        // 'source' up to 2.0.21 and from 'filePath' after.
        string[] known = kind switch
        {
            FileConnectorOperation.Create => ["source", "filePath", "inputContent", "encoding", "isBinaryContent"],
            FileConnectorOperation.IsFileExist => ["source"],
            FileConnectorOperation.Delete => ["source", "filePattern"],
            FileConnectorOperation.Read => ["source", "contentType", "filePattern", "streaming"],
            FileConnectorOperation.Append => ["destination", "inputContent", "encoding", "position"],
            FileConnectorOperation.Copy or FileConnectorOperation.Move => ["source", "destination", "filePattern", "includeParentDirectory"],
            FileConnectorOperation.Search => ["source", "filePattern", "recursiveSearch"],
            FileConnectorOperation.GetSize or FileConnectorOperation.GetLastModifiedTime => ["source"],
            FileConnectorOperation.ReadALine => ["source", "lineNumber"],
            _ => throw new InvalidOperationException(),
        };
        var unsupported = new List<string>();
        foreach (var parameter in operation.PassedParameters)
        {
            if (!parameter.Attributes.IsEmpty || parameter.Value is ValueSyntax.InlineXml)
            {
                return [ConnectorTodo(operation, $"its {parameter.Name} holds {(parameter.Value is ValueSyntax.InlineXml ? "XML" : "attributes")}, not a value")];
            }

            if (!known.Contains(parameter.Name) && !FileConnectorRemoteSettings.Contains(parameter.Name))
            {
                unsupported.Add(parameter.Name);
            }
        }

        if (unsupported.Count > 0)
        {
            return [ConnectorTodo(operation, $"{string.Join(", ", unsupported)} {(unsupported.Count == 1 ? "is" : "are")} set, which the generated call does not reproduce")];
        }

        var parameters = ParametersByName(operation);
        if (parameters.ContainsKey("source") && parameters.ContainsKey("filePath"))
        {
            return [ConnectorTodo(operation, "it sets both source and filePath, which connector versions read differently")];
        }

        var locationName = kind == FileConnectorOperation.Append ? "destination" : "source";
        if ((parameters.GetValueOrDefault(locationName) ?? parameters.GetValueOrDefault("filePath")) is not { } location)
        {
            return [ConnectorTodo(operation, $"it names no file ({locationName})")];
        }

        // FileCopy and FileMove resolve the destination before anything else: without one the connector fails.
        if (kind is FileConnectorOperation.Copy or FileConnectorOperation.Move && !parameters.ContainsKey("destination"))
        {
            return [ConnectorTodo(operation, "it names no destination")];
        }

        ExprIr? Value(string name) => parameters.GetValueOrDefault(name)?.Value switch
        {
            null => null,
            ValueSyntax.Literal literal => new StringLiteralIr(literal.Text),
            ValueSyntax.Expression expression => Expr(expression.Syntax, context),
            _ => throw new InvalidOperationException(),
        };

        string? Literal(string name) => parameters.GetValueOrDefault(name)?.Value is ValueSyntax.Literal literal ? literal.Text : null;

        ExprIr? pattern = null;
        ExprIr? content = null;
        ExprIr? encoding = null;
        ExprIr? binary = null;
        ExprIr? contentType = null;
        ExprIr? includeParent = null;
        ExprIr? recursive = null;
        ExprIr? lineNumber = null;
        switch (kind)
        {
            case FileConnectorOperation.Create or FileConnectorOperation.Append:
                // A position inserts the content as a line (connector 2.0.9 and later; earlier ones append it).
                if (kind == FileConnectorOperation.Append && parameters.ContainsKey("position") && Literal("position") is not { Length: 0 })
                {
                    return [ConnectorTodo(operation, "it sets a position, which inserts the content as a line in the connector versions that read it")];
                }

                // IOUtils.write with the encoding's charset (UTF8 by default); the helper writes UTF-8 only.
                if (Literal("encoding") is { } encodingText && !IsUtf8Name(encodingText))
                {
                    return [ConnectorTodo(operation, $"its encoding '{encodingText.Trim()}' is not UTF-8, which the generated call writes")];
                }

                content = Value("inputContent");
                if (kind == FileConnectorOperation.Create && content is not null)
                {
                    // FileCreate wrote through getOutputStream(true) (appending to an existing file) before 2.0.7.
                    _diagnostics.Report(DiagnosticCatalog.ConnectorVersionAssumed, operation.Location, "fileconnector.create", "2.0.7 and later",
                        "the content replaces an existing file; connector 2.0.0 to 2.0.6 append it to the file instead");
                }

                encoding = Literal("encoding") is not null ? null : Value("encoding");
                binary = Literal("isBinaryContent") is { } binaryText && !string.Equals(binaryText, "true", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : Value("isBinaryContent");
                break;
            case FileConnectorOperation.Delete:
                if (Literal("filePattern") is { } patternText)
                {
                    // Only a pattern other than "" and "*" selects children (FileDelete).
                    if (patternText.Length > 0 && patternText != "*")
                    {
                        var regex = JavaRegex.Translate(patternText);
                        if (regex.Pattern is not { } translated)
                        {
                            return [ConnectorTodo(operation, $"its filePattern '{patternText}' is not a regular expression the generated code can test: {regex.Problem}")];
                        }

                        pattern = new StringLiteralIr(translated);
                    }
                }
                else
                {
                    pattern = Value("filePattern");
                }

                break;
            case FileConnectorOperation.IsFileExist or FileConnectorOperation.GetSize or FileConnectorOperation.GetLastModifiedTime:
                break;
            case FileConnectorOperation.ReadALine:
                lineNumber = Value("lineNumber");
                break;
            case FileConnectorOperation.Copy or FileConnectorOperation.Move or FileConnectorOperation.Search:
                // FilePattenMatcher: Pattern.compile(filePattern).matcher(name).matches(), for any pattern that is not
                // empty (StringUtils.isNotEmpty); "*" is no Java regular expression and fails as it does in the connector.
                if (Literal("filePattern") is { } selection)
                {
                    if (selection.Length > 0)
                    {
                        var regex = JavaRegex.Translate(selection);
                        if (regex.Pattern is not { } translated)
                        {
                            return [ConnectorTodo(operation, $"its filePattern '{selection}' is not a regular expression the generated code can test: {regex.Problem}")];
                        }

                        pattern = new StringLiteralIr(translated);
                    }
                }
                else
                {
                    pattern = Value("filePattern");
                }

                // Boolean.parseBoolean: only "true" (any case) includes the folder; FileSearch recurses on "true" after a trim.
                includeParent = Literal("includeParentDirectory") is { } parentText && !string.Equals(parentText, "true", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : Value("includeParentDirectory");
                recursive = Value("recursiveSearch");
                break;
            case FileConnectorOperation.Read:
                // FileRead: a pattern no entry of the folder matches fails the flow up to 2.0.21 and leaves the
                // message as it is from 2.0.22; 'streaming' changes when the file is read, not what the message holds.
                if (parameters.ContainsKey("filePattern") && Literal("filePattern")?.Trim() is not { Length: 0 })
                {
                    return [ConnectorTodo(operation, "it sets a filePattern, for which connector versions differ when no file matches (2.0.21 and earlier fail, later ones keep the message)")];
                }

                if (Literal("contentType") is { } typeText
                    && System.Text.RegularExpressions.Regex.Match(typeText, @"charset\s*=\s*""?(?<charset>[^"";\s]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } charset
                    && !IsUtf8Name(charset.Groups["charset"].Value))
                {
                    return [ConnectorTodo(operation, $"its contentType '{typeText.Trim()}' reads the file in {charset.Groups["charset"].Value}, not UTF-8, which the generated call reads")];
                }

                contentType = Value("contentType");
                break;
            default:
                throw new InvalidOperationException();
        }

        var destination = kind is FileConnectorOperation.Copy or FileConnectorOperation.Move ? Value("destination") : null;
        return [new FileConnectorStep(operation, kind, Value(location.Name)!, pattern, content, encoding, binary, contentType, destination, includeParent, recursive, lineNumber)];
    }

    /// <summary>True for an empty encoding (the connector's UTF8 default) or a Java name of UTF-8.</summary>
    private static bool IsUtf8Name(string encoding) =>
        encoding.Length == 0 || string.Equals(encoding, "UTF8", StringComparison.OrdinalIgnoreCase) || string.Equals(encoding, "UTF-8", StringComparison.OrdinalIgnoreCase);
}
