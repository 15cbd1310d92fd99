using System.Globalization;
using SynapseToBal.Diagnostics;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

public sealed partial class Lowerer
{
    /// <summary>Where an int configurable's default came from in the input, for the diagnostic of <see cref="IntegerDefaults"/>.</summary>
    private readonly Dictionary<Symbol, SourceLocation> _configurableOrigins = new();

    /// <summary>
    /// Every int configurable's default, as the package declares it: a whole number written as Ballerina and TOML
    /// read it (<c>0021</c> is <c>21</c>: Ballerina refuses leading zeros, "leading zeros in numeric literals", and so
    /// does TOML). A default that is no 64-bit int never reaches an int configurable: each place that takes a number
    /// from the input checks it (an email connection's port, SB0216), so one here is a bug in the converter; it is
    /// reported (SB0912) and the configurable is left required, with no default.
    /// </summary>
    private IEnumerable<ConfigurableIr> IntegerDefaults(IEnumerable<ConfigurableIr> configurables)
    {
        foreach (var configurable in configurables)
        {
            if (configurable.Type != ConfigurableType.Integer)
            {
                yield return configurable;
                continue;
            }

            if (IntegerDefault(configurable.DefaultValue, out var canonical))
            {
                yield return canonical == configurable.DefaultValue ? configurable : configurable with { DefaultValue = canonical };
                continue;
            }

            _diagnostics.Report(DiagnosticCatalog.IntegerConfigurableDefault, _configurableOrigins.GetValueOrDefault(configurable.Name), configurable.Name.Hint, configurable.DefaultValue);
            yield return configurable with { DefaultValue = null };
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> is null or a whole number a Ballerina <c>int</c> holds (64 bits, an optional
    /// minus sign, ASCII digits), with <paramref name="canonical"/> its literal (no leading zeros, no plus sign);
    /// false for anything else.
    /// </summary>
    internal static bool IntegerDefault(string? text, out string? canonical)
    {
        canonical = text;
        if (text is null)
        {
            return true;
        }

        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        canonical = value.ToString(CultureInfo.InvariantCulture);
        return true;
    }
}
