using SynapseToBal.Syntax;

namespace SynapseToBal.IR;

/// <summary>An operation of the ESB file connector 2.x (<c>fileconnector.*</c>) that the generated code performs on a local file.</summary>
public enum FileConnectorOperation
{
    /// <summary>fileconnector.create (FileCreate): a folder, an empty file or a file with the content.</summary>
    Create,

    /// <summary>fileconnector.isFileExist (FileExist): whether the location exists.</summary>
    IsFileExist,

    /// <summary>fileconnector.delete (FileDelete): the file, the folder, or the folder's children matching the pattern.</summary>
    Delete,

    /// <summary>fileconnector.read (FileRead): the file, or a folder's first entry, becomes the message.</summary>
    Read,

    /// <summary>fileconnector.append (FileAppend) without a position: the content at the file's end.</summary>
    Append,
}

/// <summary>
/// A file connector 2.x operation on the local file system: the location (a <c>file:</c> URI or a path, evaluated at
/// run time; another file system's URI fails the flow) and the operation's values as strings, as the connector reads
/// its template parameters; the payload becomes the connector's result element (<c>&lt;success&gt;</c>,
/// <c>&lt;fileExist&gt;</c>) or, for read, the file's content.
/// </summary>
/// <param name="Location">The <c>source</c> (create's <c>filePath</c>, append's <c>destination</c>) parameter.</param>
/// <param name="Pattern">delete: the <c>filePattern</c> (a Ballerina regular expression when literal), or null.</param>
/// <param name="Content">create, append: the <c>inputContent</c>, or null.</param>
/// <param name="Encoding">create, append: the <c>encoding</c>, or null (UTF-8).</param>
/// <param name="Binary">create: the <c>isBinaryContent</c> text, or null (false).</param>
/// <param name="ContentType">read: the <c>contentType</c>, or null (by the file's extension).</param>
public sealed record FileConnectorStep(
    MediatorSyntax Origin,
    FileConnectorOperation Operation,
    ExprIr Location,
    ExprIr? Pattern,
    ExprIr? Content,
    ExprIr? Encoding,
    ExprIr? Binary,
    ExprIr? ContentType = null) : StepIr(Origin);
