using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SynapseToBal.Lowering;

/// <summary>
/// The Micro Integrator's mapping between JSON and its XML infoset (semantics notes §1.3 and §1.4), the same
/// rules as <c>jsonToXml</c> and <c>xmlToJson</c> in the runtime module (<c>templates/runtime/support.bal</c>).
/// The converter uses it where it knows a payload's shape while converting; the behaviour tables in
/// <c>docs/message-model.md</c> are its tests.
/// </summary>
internal static partial class JsonXmlInfoset
{
    private const string PrecedingDigit = "_JsonReader_PD_";
    private const string PrecedingDollar = "_JsonReader_PS_";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>
    /// Synapse's XML form of a JSON value: an object becomes <c>&lt;jsonObject&gt;</c>, an array
    /// <c>&lt;jsonArray&gt;</c> of <c>&lt;jsonElement&gt;</c>; members become child elements, a named array
    /// repeated elements (an empty one vanishes, an array inside an array a nested <c>&lt;jsonArray&gt;</c>),
    /// "@name" members attributes, a "$" member the text; <c>null</c>, <c>{}</c> and "" an empty element; a
    /// key starting with a digit or "$" gets <c>_JsonReader_PD_</c> / <c>_JsonReader_PS_</c>.
    /// </summary>
    public static XElement JsonToXml(JsonNode? value) =>
        value is JsonArray array ? ArrayElement(array) : Element("jsonObject", value);

    /// <summary>
    /// Synapse's JSON form of an XML payload (the first child of the SOAP body): a <c>jsonObject</c> or
    /// <c>jsonArray</c> root is dropped and any other root becomes the single key; namespaces are dropped;
    /// attributes become "@name" members and text beside them "$"; repeated child names become an array, a
    /// single child never does; an empty element is null; text that reads as a JSON number (no leading zeros),
    /// <c>true</c>, <c>false</c> or <c>null</c> becomes that value.
    /// </summary>
    public static JsonNode? XmlToJson(XElement root)
    {
        var value = ElementValue(root);
        return root.Name.LocalName switch
        {
            "jsonObject" => value ?? new JsonObject(),
            "jsonArray" => value,
            var name => new JsonObject { [JsonKey(name)] = value },
        };
    }

    /// <summary>Compact JSON text, as the Micro Integrator writes it (numbers keep their text).</summary>
    public static string ToJsonText(JsonNode? value) => value?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    private static XElement ArrayElement(JsonArray items) =>
        new("jsonArray", items.Select(item => item is JsonArray inner ? new XElement("jsonElement", ArrayElement(inner)) : Element("jsonElement", item)));

    private static XElement Element(string name, JsonNode? value)
    {
        var element = new XElement(name);
        switch (value)
        {
            case JsonObject members:
                foreach (var (key, member) in members)
                {
                    if (key.StartsWith('@'))
                    {
                        element.SetAttributeValue(key[1..], Text(member));
                    }
                    else if (key == "$")
                    {
                        element.Add(new XText(Text(member)));
                    }
                    else if (member is JsonArray array)
                    {
                        element.Add(array.Select(item => item is JsonArray inner ? new XElement(XmlName(key), ArrayElement(inner)) : Element(XmlName(key), item)));
                    }
                    else
                    {
                        element.Add(Element(XmlName(key), member));
                    }
                }

                break;
            case null:
                break;
            default:
                var text = Text(value);
                if (text.Length > 0)
                {
                    element.Add(new XText(text));
                }

                break;
        }

        return element;
    }

    /// <summary>A JSON scalar as element text: strings unquoted, numbers and booleans as written.</summary>
    private static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    internal static string XmlName(string key) =>
        key.StartsWith('$') ? PrecedingDollar + key[1..]
        : key.Length > 0 && char.IsAsciiDigit(key[0]) ? PrecedingDigit + key
        : key;

    internal static string JsonKey(string name) =>
        name.StartsWith(PrecedingDigit, StringComparison.Ordinal) ? name[PrecedingDigit.Length..]
        : name.StartsWith(PrecedingDollar, StringComparison.Ordinal) ? "$" + name[PrecedingDollar.Length..]
        : name;

    private static JsonNode? ElementValue(XElement element)
    {
        var children = element.Elements().ToList();
        if (element.Name.LocalName == "jsonArray")
        {
            return new JsonArray(children.Select(ElementValue).ToArray());
        }

        if (children.Count == 1 && children[0].Name.LocalName == "jsonArray")
        {
            return ElementValue(children[0]);
        }

        var members = new JsonObject();
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.NamespaceName != XmlnsNamespace))
        {
            members["@" + attribute.Name.LocalName] = attribute.Value;
        }

        if (children.Count == 0)
        {
            var text = element.Value.Trim();
            if (members.Count == 0)
            {
                return text.Length == 0 ? null : AutoPrimitive(text);
            }

            if (text.Length > 0)
            {
                members["$"] = AutoPrimitive(text);
            }

            return members;
        }

        foreach (var group in children.GroupBy(c => JsonKey(c.Name.LocalName)))
        {
            var values = group.Select(ElementValue).ToArray();
            members[group.Key] = values.Length == 1 ? values[0] : new JsonArray(values);
        }

        return members;
    }

    /// <summary>Text that is exactly true, false, null or a JSON number without leading zeros becomes that value.</summary>
    internal static JsonNode? AutoPrimitive(string text)
    {
        switch (text)
        {
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
        }

        // A JSON number keeps its text (4.00 stays 4.00), as the Micro Integrator writes it.
        return JsonNumber().IsMatch(text) ? JsonNode.Parse(text) : JsonValue.Create(text);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
