using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>
/// Issue 14, the points left: property sets navigating the SOAP body share one read of it, a branch does not repeat the
/// return that follows it, a processor's <c>deactivate</c> takes no message it does not use, and names that start with
/// a number start with their first word.
/// </summary>
public sealed class IdiomTests
{
    private const string Ns = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    [Fact]
    public void Property_sets_navigating_the_body_share_one_read()
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy {Ns} name="CustomerProxy"><target><inSequence>
              <property name="id" expression="$body/customer/id"/>
              <property name="name" expression="$body/customer/name"/>
              <property name="company" expression="$body/customer/company"/>
              <log level="custom"><property name="id" expression="get-property('id')"/><property name="name" expression="get-property('name')"/><property name="company" expression="get-property('company')"/></log>
              <respond/>
            </inSequence></target></proxy>
            """)["functions.bal"];

        // Inside the do whose on fail runs the default fault sequence (the project defines no 'fault').
        Assert.Contains("        xml body = check soapBody(ctx);\n        string id = xpathString(body/<customer>/<id>);\n", functions, StringComparison.Ordinal);
        Assert.Contains("xpathString(body/<customer>/<name>)", functions, StringComparison.Ordinal);
        Assert.Contains("xpathString(body/<customer>/<company>)", functions, StringComparison.Ordinal);
        Assert.Equal(1, Count(functions, "soapBody(ctx)"));
        Assert.DoesNotContain("soapEnvelope", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_sets_searching_the_envelope_share_one_read_of_it()
    {
        // //a: Synapse evaluates the XPath against the envelope's document, so the header is searched too. The flow reads
        // the envelope once, and the body-only paths keep their one read of the body beside it.
        var functions = ArtifactConversion.Convert($"""
            <proxy {Ns} name="CustomerProxy"><target><inSequence>
              <property name="id" expression="//customer/id"/>
              <property name="name" expression="//customer/name"/>
              <property name="company" expression="$body/customer/company"/>
              <property name="city" expression="$body/customer/city"/>
              <log level="custom"><property name="id" expression="get-property('id')"/><property name="name" expression="get-property('name')"/><property name="company" expression="get-property('company')"/><property name="city" expression="get-property('city')"/></log>
              <respond/>
            </inSequence></target></proxy>
            """)["functions.bal"];

        Assert.Contains("        xml body = check soapBody(ctx);\n        xml envelope = check soapEnvelope(ctx);\n        string id = xpathString(envelope/**/<customer>/<id>);\n", functions, StringComparison.Ordinal);
        Assert.Contains("xpathString(envelope/**/<customer>/<name>)", functions, StringComparison.Ordinal);
        Assert.Contains("xpathString(body/<customer>/<company>)", functions, StringComparison.Ordinal);
        Assert.Contains("xpathString(body/<customer>/<city>)", functions, StringComparison.Ordinal);
        Assert.Equal(1, Count(functions, "soapBody(ctx)"));
        Assert.Equal(1, Count(functions, "soapEnvelope(ctx)"));
    }

    [Fact]
    public void One_read_of_the_envelope_beside_several_of_the_body_is_not_made_a_local()
    {
        var functions = ArtifactConversion.Convert($"""
            <proxy {Ns} name="CustomerProxy"><target><inSequence>
              <property name="id" expression="//customer/id"/>
              <property name="company" expression="$body/customer/company"/>
              <property name="city" expression="$body/customer/city"/>
              <log level="custom"><property name="id" expression="get-property('id')"/><property name="company" expression="get-property('company')"/><property name="city" expression="get-property('city')"/></log>
              <respond/>
            </inSequence></target></proxy>
            """)["functions.bal"];

        Assert.Contains("        xml body = check soapBody(ctx);\n        string id = xpathString((check soapEnvelope(ctx))/**/<customer>/<id>);\n", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("xml envelope = ", functions, StringComparison.Ordinal);
    }

    [Theory]
    // A JSON path read first in the same value: the message is parsed by it, before the body, so the first failure could move.
    [InlineData("""<property name="a" expression="concat(json-eval($.a), {P}/a)"/><property name="b" expression="{P}/b"/>""")]
    // The To address first: parsing the message may change it.
    [InlineData("""<property name="a" expression="concat(get-property('To'), {P}/a)"/><property name="b" expression="{P}/b"/>""")]
    // A property holding nodes of the body: a JSON message gets a new Body element at each read.
    [InlineData("""<property name="a" expression="{P}/a" type="OM"/><property name="b" expression="{P}/b"/>""")]
    // The payload changes between the reads.
    [InlineData("""<property name="a" expression="{P}/a"/><payloadFactory media-type="xml"><format><x xmlns=""><b>1</b></x></format><args/></payloadFactory><property name="b" expression="{P}/b"/>""")]
    // One read only.
    [InlineData("""<property name="a" expression="{P}/a"/><property name="b" value="literal"/>""")]
    public void Reads_of_the_body_that_may_differ_or_fail_elsewhere_are_not_shared(string mediators)
    {
        // The same for a path from the body ($body/x) and one from the envelope's document (//x).
        foreach (var (path, local, read) in new[] { ("$body/x", "body", "(check soapBody(ctx))"), ("//x", "envelope", "(check soapEnvelope(ctx))") })
        {
            var functions = ArtifactConversion.Convert($"""
                <proxy {Ns} name="CustomerProxy"><target><inSequence>{mediators.Replace("{P}", path, StringComparison.Ordinal)}
                  <log level="custom"><property name="a" expression="get-property('a')"/><property name="b" expression="get-property('b')"/></log>
                  <respond/>
                </inSequence></target></proxy>
                """)["functions.bal"];

            Assert.DoesNotContain($"xml {local} = ", functions, StringComparison.Ordinal);
            Assert.Contains(read, functions, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_branch_leaves_out_the_return_the_flow_repeats_after_it()
    {
        static List<BodyLine> Lines(string text) => [.. text.Split('\n').Select(l => new BodyLine(l, false))];
        var body = Lines("""
            if a {
                if b {
                    x();
                    return respond(ctx);
                }
                return respond(ctx);
            } else if c {
                y();
                return respond(ctx);
            }
            return respond(ctx);
            """);
        var result = string.Join('\n', PackageEmitter.WithoutRepeatedReturns(body).Select(l => l.Text));
        // The inner branch and the last branch of the outer chain lose their returns; an earlier branch, followed by
        // the chain's next branch, keeps its own.
        Assert.Equal("""
            if a {
                if b {
                    x();
                }
                return respond(ctx);
            } else if c {
                y();
            }
            return respond(ctx);
            """, result);
    }

    [Theory]
    // A loop's body that returns would run again without its return.
    [InlineData("while a {\n    x();\n    return respond(ctx);\n}\nreturn respond(ctx);")]
    // The answers differ.
    [InlineData("if a {\n    x();\n    return accepted();\n}\nreturn respond(ctx);")]
    // The branch would be left empty.
    [InlineData("if a {\n    // only a comment\n    return respond(ctx);\n}\nreturn respond(ctx);")]
    // Not the last branch of the chain.
    [InlineData("if a {\n    x();\n    return respond(ctx);\n} else {\n    y();\n}\nreturn respond(ctx);")]
    // Inside a do/on fail the return is not followed by the same one.
    [InlineData("do {\n    x();\n    return respond(ctx);\n} on fail error e {\n    return f(ctx, e);\n}")]
    public void Other_returns_stay(string text)
    {
        var body = text.Split('\n').Select(l => new BodyLine(l, false)).ToList();
        Assert.Equal(text, string.Join('\n', PackageEmitter.WithoutRepeatedReturns(body).Select(l => l.Text)));
    }

    [Fact]
    public void A_return_in_an_xml_template_line_is_not_a_statement()
    {
        var body = new List<BodyLine>
        {
            new("if a {", false),
            new("    xml x = xml `<a>", false),
            new("return respond(ctx);", true),
            new("}", true),
            new("return respond(ctx);", true),
            new("</a>`;", true),
            new("}", false),
        };
        Assert.Equal(body, PackageEmitter.WithoutRepeatedReturns(body));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
