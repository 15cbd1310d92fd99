using SynapseToBal.Lowering;
using Xunit;

namespace SynapseToBal.Tests.Expressions;

/// <summary>SimpleDateFormat patterns of get-property('SYSTEM_DATE', format), split for formatSystemDate.</summary>
public sealed class JavaDateFormatTests
{
    [Theory]
    [InlineData("yyyy.MM.dd", "yyyy|'.|MM|'.|dd")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy|'-|MM|'-|dd|'T|HH|':|mm|':|ss|'.|SSS")]
    [InlineData("HH:mm:ss", "HH|':|mm|':|ss")]
    [InlineData("yyyyMMddHHmmssSSS", "yyyy|MM|dd|HH|mm|ss|SSS")]
    [InlineData("dd/MM/yy", "dd|'/|MM|'/|yy")]
    [InlineData("h:mm", "h|':|mm")]
    [InlineData("k K", "k|' |K")]
    [InlineData("y", "y")]
    [InlineData("M/d", "M|'/|d")]
    [InlineData("''", "''")]
    [InlineData("'o''clock' H", "'o'clock |H")]
    [InlineData("'at' HH", "'at |HH")]
    [InlineData("", "")]
    [InlineData("-_-", "'-_-")]
    public void Splits_numeric_patterns(string pattern, string parts) =>
        Assert.Equal(parts, string.Join("|", JavaDateFormat.Parts(pattern)!));

    [Theory]
    [InlineData("dd MMM yyyy")]
    [InlineData("MMMM")]
    [InlineData("EEE")]
    [InlineData("hh:mm a")]
    [InlineData("HH:mm Z")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssXXX")]
    [InlineData("G yyyy")]
    [InlineData("w")]
    [InlineData("D")]
    [InlineData("u")]
    [InlineData("z")]
    [InlineData("'unterminated")]
    [InlineData("yyyy'T")]
    public void Refuses_text_zone_and_invalid_patterns(string pattern) =>
        Assert.Null(JavaDateFormat.Parts(pattern));
}
