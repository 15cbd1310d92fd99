using System.Globalization;

namespace SynapseToBal.Lowering;

/// <summary>Java's <c>Double.toString</c>, for values the converter computes from literals (Synapse prints Jaxen's Doubles with it).</summary>
internal static class JavaDoubles
{
    /// <summary>
    /// The shortest decimal that denotes <paramref name="value"/>, written as Java writes a double: plain with at
    /// least one fraction digit from 10^-3 up to 10^7 ("2.0", "0.001"), computerized scientific notation outside it
    /// ("1.0E7", "1.5E-4"), and NaN, Infinity, -Infinity, -0.0.
    /// </summary>
    public static string ToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var sign = value < 0 ? "-" : string.Empty;
        var magnitude = Math.Abs(value);

        // The round-trip form holds the shortest digits that denote the value ("2", "1.5", "1E+20", "1.5E-05").
        var (digits, exponent) = Decompose(magnitude.ToString("R", CultureInfo.InvariantCulture));
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            var point = exponent + 1;
            string text = point <= 0
                ? "0." + new string('0', -point) + digits
                : point >= digits.Length
                    ? digits + new string('0', point - digits.Length) + ".0"
                    : digits[..point] + "." + digits[point..];
            return sign + text;
        }

        var fraction = digits.Length > 1 ? digits[1..] : "0";
        return $"{sign}{digits[0]}.{fraction}E{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The significant digits (no leading or trailing zeros) and the decimal exponent of the first one.</summary>
    private static (string Digits, int Exponent) Decompose(string roundTrip)
    {
        var e = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? roundTrip : roundTrip[..e];
        var exponent = e < 0 ? 0 : int.Parse(roundTrip[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var all = dot < 0 ? mantissa : whole + mantissa[(dot + 1)..];
        var pointPosition = whole.Length + exponent;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        var digits = all[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return (digits, pointPosition - lead - 1);
    }
}
