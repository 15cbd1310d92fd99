using System.Globalization;

namespace SynapseToBal.Semantics;

/// <summary>
/// Whether the Micro Integrator can parse an API resource's uri-template. ResourceFactory gives a resource whose
/// url-mapping is absent or empty and whose uri-template is not empty a <c>URITemplateHelper</c>, whose constructor
/// parses the template (<c>URITemplate</c>, <c>URITemplateParser.parse</c>) and turns a failure into a
/// SynapseException ("Error while parsing the URI template"): the API is then not deployed. This walk repeats the
/// parser's checks in its order, so that it refuses exactly the templates the parser refuses.
/// </summary>
internal static class UriTemplateCheck
{
    /// <summary>URITemplateParser's operators: a template expression starting with one is not a simple string.</summary>
    private const string Operators = "+./;?&#";

    /// <summary>Why the Micro Integrator's parser refuses <paramref name="template"/>; null when it parses.</summary>
    public static string? Problem(string template)
    {
        // URITemplate and URITemplateParser.parse each drop one trailing '/' (but of "/" itself).
        for (var pass = 0; pass < 2; pass++)
        {
            if (template != "/" && template.EndsWith('/'))
            {
                template = template[..^1];
            }
        }

        var expression = false;
        var start = 0;
        var max = template.Length - 1;
        for (var i = 0; i < template.Length; i++)
        {
            switch (template[i])
            {
                case '{' when expression:
                    return "Already in expression";
                case '{':
                    if (i + 1 >= max)
                    {
                        return "Illegal open brace character";
                    }

                    expression = true;
                    if (i > start)
                    {
                        start = i + 1;
                    }
                    else if (i == 0)
                    {
                        // template.charAt(pointerIndex - 1): a template starting with '{' throws
                        // StringIndexOutOfBoundsException, which fails the deployment as well.
                        return "a template starting with '{' (String index out of range: -1)";
                    }
                    else if (template[i - 1] != '}')
                    {
                        return "Illegal empty literal";
                    }
                    else
                    {
                        start++;
                    }

                    break;
                case '}' when !expression:
                    return "Illegal closing brace detected";
                case '}':
                    expression = false;
                    if (i <= start)
                    {
                        return "Illegal empty expression";
                    }

                    if (ExpressionProblem(template[start..i]) is { } problem)
                    {
                        return problem;
                    }

                    start = i + 1;
                    break;
                default:
                    if (i == max && expression && ExpressionProblem(template[start..]) is { } last)
                    {
                        // An expression the template's end closes (no '}'): the parser builds it all the same.
                        return last;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>URITemplateParser.createExpressionNode: a simple string's variables, or an operator's expression's.</summary>
    private static string? ExpressionProblem(string expression)
    {
        if (!Operators.Contains(expression[0], StringComparison.Ordinal) && VariablesProblem(expression) is { } simple)
        {
            // Built as a SimpleStringExpression first, whatever it starts with but an operator.
            return simple;
        }

        return expression[0] switch
        {
            '#' or '+' or '.' or '/' => VariablesProblem(expression[1..]),
            ';' or '?' or '&' => $"Unsupported template expression: {{{expression}}}",
            _ => null,
        };
    }

    /// <summary>Expression's constructor: the comma-separated variables, each checked by Variable's constructor.</summary>
    private static string? VariablesProblem(string token)
    {
        var start = 0;
        for (var i = 0; i < token.Length; i++)
        {
            string? variable = null;
            if (token[i] == ',')
            {
                if (start == i)
                {
                    return "Illegal variable reference with zero length";
                }

                variable = token[start..i];
                start = i + 1;
            }
            else if (i == token.Length - 1 && start < token.Length)
            {
                variable = token[start..];
            }

            if (variable is not null && VariableProblem(variable) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Variable's constructor: letters, digits, '.', '-' and '_', then an optional <c>:n</c> prefix length above 0.</summary>
    private static string? VariableProblem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == ':')
            {
                // Integer.parseInt: an optional sign and decimal digits within an int, else NumberFormatException.
                var digits = value[(i + 1)..];
                if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var prefix))
                {
                    return $"For input string: \"{digits}\"";
                }

                return prefix <= 0 ? $"Invalid variable prefix: {prefix}" : null;
            }

            if (!(ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '-' or '_'))
            {
                return $"Invalid character: '{ch}' in expression";
            }
        }

        return null;
    }
}
