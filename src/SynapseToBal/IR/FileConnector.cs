using System.Collections.Immutable;
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

    /// <summary>fileconnector.copy (FileCopy): a file, a folder's tree, or the files matching the pattern, into the destination.</summary>
    Copy,

    /// <summary>fileconnector.move (FileMove): a file, a folder, or the files matching the pattern, to the destination.</summary>
    Move,

    /// <summary>fileconnector.search (FileSearch): the paths of the files matching the pattern become the message.</summary>
    Search,

    /// <summary>fileconnector.getSize (GetSize, 2.0.9 and later): the file's size in bytes, as <c>&lt;fileSize&gt;</c>.</summary>
    GetSize,

    /// <summary>fileconnector.getLastModifiedTime (GetLastModifiedTime, 2.0.9 and later): as <c>&lt;lastModifiedTime&gt;</c>.</summary>
    GetLastModifiedTime,

    /// <summary>fileconnector.readALine (ReadALine, 2.0.9 and later): one line of the file becomes the message as text.</summary>
    ReadALine,
}

/// <summary>
/// A file connector 2.x operation on the local file system: the location (a <c>file:</c> URI or a path, evaluated at
/// run time; another file system's URI fails the flow) and the operation's values as strings, as the connector reads
/// its template parameters; the payload becomes the connector's result element (<c>&lt;success&gt;</c>,
/// <c>&lt;fileExist&gt;</c>) or, for read, the file's content.
/// </summary>
/// <param name="Location">The <c>source</c> (create's <c>filePath</c>, append's <c>destination</c>) parameter.</param>
/// <param name="Pattern">delete, copy, move, search: the <c>filePattern</c> (a Ballerina regular expression when literal), or null.</param>
/// <param name="Content">create, append: the <c>inputContent</c>, or null.</param>
/// <param name="Encoding">create, append: the <c>encoding</c>, or null (UTF-8).</param>
/// <param name="Binary">create: the <c>isBinaryContent</c> text, or null (false).</param>
/// <param name="ContentType">read: the <c>contentType</c>, or null (by the file's extension).</param>
/// <param name="Destination">copy, move: the <c>destination</c>, or null.</param>
/// <param name="IncludeParentDirectory">copy, move: the <c>includeParentDirectory</c> text, or null (false).</param>
/// <param name="RecursiveSearch">search: the <c>recursiveSearch</c> text, or null (not set, which fails the search).</param>
/// <param name="LineNumber">readALine: the <c>lineNumber</c> text, or null (not set, which fails the read).</param>
public sealed record FileConnectorStep(
    MediatorSyntax Origin,
    FileConnectorOperation Operation,
    ExprIr Location,
    ExprIr? Pattern,
    ExprIr? Content,
    ExprIr? Encoding,
    ExprIr? Binary,
    ExprIr? ContentType = null,
    ExprIr? Destination = null,
    ExprIr? IncludeParentDirectory = null,
    ExprIr? RecursiveSearch = null,
    ExprIr? LineNumber = null) : StepIr(Origin);

/// <summary>An operation of the ESB file connector 1.0.0 (<c>fileconnector.*</c> with <c>filelocation</c> and <c>file</c>) that the generated code performs on a local file.</summary>
public enum FileConnectorV1Operation
{
    /// <summary>fileconnector.create (FileCreate): a folder (<c>isfolder</c>), an empty file, or the content appended to the file.</summary>
    Create,

    /// <summary>fileconnector.append (FileAppend): the content at the file's end.</summary>
    Append,

    /// <summary>fileconnector.isfileexist (FileExist): whether the file exists, as <c>&lt;fileexits&gt;</c>.</summary>
    IsFileExist,

    /// <summary>fileconnector.delete (FileDelete): the file, or an empty folder, after an optional copy to <c>filebeforeprocess</c>.</summary>
    Delete,

    /// <summary>fileconnector.rename (FileRename): the file renamed in its folder, after an optional copy to <c>filebeforeprocess</c>.</summary>
    Rename,

    /// <summary>fileconnector.copy (FileCopy): the file's content (or the folder with its children) to <c>newfilelocation</c>.</summary>
    Copy,

    /// <summary>fileconnector.copylarge (FileCopyInStream): the file's content to <c>newfilelocation</c>.</summary>
    CopyLarge,

    /// <summary>fileconnector.move (FileMove): the file to <c>newfilelocation</c>, with optional copies before and after.</summary>
    Move,
}

/// <summary>
/// A file connector 1.0.0 operation on the local file system: the run-time helper of <see cref="Operation"/> called with
/// the operation's parameters, each evaluated to a string as the connector reads its template parameters (a location
/// is the text of <c>filelocation</c> followed by that of <c>file</c>, as the connector joins them); the payload
/// becomes the connector's result element (<c>&lt;success&gt;</c>, <c>&lt;fileexits&gt;</c>, <c>&lt;copy&gt;</c>,
/// <c>&lt;copylarge&gt;</c>).
/// </summary>
/// <param name="Arguments">The parameters given, by the helper's parameter name, in the helper's order.</param>
public sealed record FileConnectorV1Step(
    MediatorSyntax Origin,
    FileConnectorV1Operation Operation,
    ImmutableArray<FileConnectorArgumentIr> Arguments) : StepIr(Origin);

/// <summary>A parameter of a file connector 1.0.0 operation: the helper's name for it and its value.</summary>
public sealed record FileConnectorArgumentIr(string Name, ExprIr Value);
