using SynapseToBal.Emit;

namespace SynapseToBal.Lowering;

/// <summary>Hands out module-level Ballerina names that never collide with each other or with the support module.</summary>
public sealed class NameAllocator
{
    /// <summary>Names the support module and the listener declare.</summary>
    public static readonly IReadOnlyList<string> Reserved =
    [
        "Context", "hopByHopHeaders", "newContext", "getProperty", "getHeader", "jsonPayload", "xmlPayload", "soapBody",
        "jsonToXml", "xpathString", "jsonEval", "jsonPath", "setJsonPayload", "setXmlPayload", "setTextPayload",
        "jsonArg", "xmlArg", "matches", "callEndpoint", "entityBody", "respond", "continueWithResponse", "pathValue",
        "accepted", "payloadText", "toJson", "recordError", "errorCode", "notTranslated", "httpListener", "httpPort",
        "http", "log", "value", "regexp", "url", "main",
    ];

    private readonly HashSet<string> _used = new(Reserved, StringComparer.Ordinal);

    /// <summary>A camelCase name derived from <paramref name="source"/>, with a numeric suffix if taken.</summary>
    public string Camel(string source, string suffix = "") => Unique(BallerinaSyntax.CamelCase(source + " " + suffix));

    /// <summary>A camelCase name for <paramref name="source"/>; when that is a reserved name, <paramref name="suffix"/> is added.</summary>
    public string CamelNotReserved(string source, string suffix)
    {
        var name = BallerinaSyntax.CamelCase(source);
        return Unique(Reserved.Contains(name.TrimStart('\'')) || BallerinaSyntax.Keywords.Contains(name.TrimStart('\'')) ? BallerinaSyntax.CamelCase(source + " " + suffix) : name);
    }

    public string Unique(string candidate)
    {
        var name = candidate;
        for (var i = 2; !_used.Add(name.TrimStart('\'')); i++)
        {
            name = candidate.TrimStart('\'') + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
