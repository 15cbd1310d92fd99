namespace SynapseToBal.Project;

/// <summary>
/// The custom message formatters and builders a Micro Integrator's deployment.toml registers
/// (<c>[[custom_message_formatters]]</c>, <c>[[custom_message_builders]]</c>, each with <c>content_type</c> and
/// <c>class</c>): the config tool writes them into axis2.xml as <c>messageFormatter</c> / <c>messageBuilder</c> entries,
/// so the server writes every outgoing message of that content type with the formatter and reads every incoming one
/// with the builder (an HL7 <c>application/edi-hl7</c> over MLLP, say).
/// </summary>
internal static class CustomMessageHandlers
{
    /// <summary>One registration: formatter or builder, its content type and class, and the line of its table header (0-based).</summary>
    internal sealed record Entry(bool Formatter, string ContentType, string ClassName, int Line);

    /// <summary>
    /// The registrations of a deployment.toml's text. Only what the config tool reads is taken: the tables of the two
    /// arrays and their <c>content_type</c> and <c>class</c> keys (basic or literal strings on one line); an entry
    /// without both is left out, as the template would write an empty attribute the server cannot use.
    /// </summary>
    public static List<Entry> Read(string text)
    {
        var found = new List<Entry>();
        bool? formatter = null;
        string? contentType = null;
        string? className = null;
        var header = 0;
        var lines = text.Split('\n');

        void Flush()
        {
            if (formatter is { } kind && !string.IsNullOrWhiteSpace(contentType) && !string.IsNullOrWhiteSpace(className))
            {
                found.Add(new Entry(kind, contentType.Trim(), className.Trim(), header));
            }

            formatter = null;
            contentType = null;
            className = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('['))
            {
                Flush();
                var name = line.TrimStart('[').Split(']')[0].Trim();
                if (line.StartsWith("[[", StringComparison.Ordinal) && name is "custom_message_formatters" or "custom_message_builders")
                {
                    formatter = name == "custom_message_formatters";
                    header = i;
                }

                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (formatter is null || eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim().Trim('"');
            var value = StringValue(line[(eq + 1)..].Trim());
            if (key == "content_type")
            {
                contentType = value;
            }
            else if (key == "class")
            {
                className = value;
            }
        }

        Flush();
        return found;
    }

    private static string? StringValue(string text)
    {
        if (text.Length < 2 || text[0] is not ('"' or '\''))
        {
            return null;
        }

        var end = text.IndexOf(text[0], 1);
        return end < 0 ? null : text[1..end];
    }
}
