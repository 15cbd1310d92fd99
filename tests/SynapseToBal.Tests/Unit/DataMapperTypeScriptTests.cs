using System.Text.Json;
using SynapseToBal.Project;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The MI 4.4 data mapper's TypeScript source (resources/datamapper/X/X.ts) read as the .dmc and schemas it compiles into.</summary>
public sealed class DataMapperTypeScriptTests
{
    private const string Source = """
        import * as dmUtils from "./dm-utils";

        /*
        * title : "order",
        * inputType : "JSON",
        */
        interface InputRoot {
            id: string
            lines: {
                sku: string; qty: number
            }[]
            customer?: Customer // who ordered
            "ship-to": string
            tags: Array<string>
        }

        interface Customer {
            name: string
            vip: boolean
        }

        interface OutputRoot {
            total: number
        }

        export function mapFunction(input: InputRoot): OutputRoot {
            return {
                total: input.lines.length
            }
        }
        """;

    [Fact]
    public void An_interface_becomes_the_data_mapper_schema_of_its_members()
    {
        var json = DataMapperTypeScript.SchemaJson(Source, "InputRoot", out var error);
        Assert.Null(error);
        using var document = JsonDocument.Parse(json!);
        var root = document.RootElement;
        Assert.Equal("order", root.GetProperty("title").GetString());
        Assert.Equal(["id", "lines", "ship-to", "tags"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var properties = root.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("id").GetProperty("type").GetString());
        var line = properties.GetProperty("lines").GetProperty("items")[0];
        Assert.Equal("object", line.GetProperty("type").GetString());
        Assert.Equal("number", line.GetProperty("properties").GetProperty("qty").GetProperty("type").GetString());
        // A reference to another interface of the file is that interface's object type.
        Assert.Equal("boolean", properties.GetProperty("customer").GetProperty("properties").GetProperty("vip").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("tags").GetProperty("items")[0].GetProperty("type").GetString());
        // Without a title comment the root is "root".
        using var output = JsonDocument.Parse(DataMapperTypeScript.SchemaJson(Source, "OutputRoot", out _)!);
        Assert.Equal("root", output.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void An_interface_that_extends_others_has_their_members_first_and_an_unknown_base_is_refused()
    {
        const string Text = "interface Named { name: string }\ninterface Dated { day?: string }\ninterface InputRoot extends Named, Dated { id: number }";
        using var document = JsonDocument.Parse(DataMapperTypeScript.SchemaJson(Text, "InputRoot", out var error)!);
        Assert.Null(error);
        Assert.Equal(["name", "day", "id"], document.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "id"], document.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()));

        Assert.Null(DataMapperTypeScript.SchemaJson("interface InputRoot extends Missing { id: number }", "InputRoot", out error));
        Assert.NotNull(error);
        Assert.Null(DataMapperTypeScript.SchemaJson("interface A extends InputRoot { a: string }\ninterface InputRoot extends A { id: number }", "InputRoot", out error));
        Assert.NotNull(error);
    }

    [Fact]
    public void A_type_outside_the_subset_is_refused_with_the_reason()
    {
        Assert.Null(DataMapperTypeScript.SchemaJson("interface InputRoot { when: Date }", "InputRoot", out var error));
        Assert.Contains("the member 'when'", error, StringComparison.Ordinal);
        Assert.Null(DataMapperTypeScript.SchemaJson("interface Other { a: string }", "InputRoot", out error));
        Assert.Equal("it declares no interface InputRoot", error);
    }

    [Fact]
    public void The_schemas_are_the_interfaces_mapFunction_reads_and_returns_with_their_message_types()
    {
        const string Text = """
            /*
             * title : "root",
             * inputType : "JSON",
             */
            interface Root { id: string }

            /*
            * title : "root",
            * outputType : "XML",
            */
            interface OutputRoot { code: string }

            export function mapFunction(input: Root): OutputRoot {
                return { code: input.id }
            }
            """;
        Assert.Equal(("Root", "OutputRoot"), DataMapperTypeScript.Roots(Text));
        Assert.Equal(("InputRoot", "OutputRoot"), DataMapperTypeScript.Roots("interface InputRoot { a: string }"));
        using var input = JsonDocument.Parse(DataMapperTypeScript.SchemaJson(Text, "Root", out _)!);
        Assert.Equal("JSON", input.RootElement.GetProperty("inputType").GetString());
        Assert.False(input.RootElement.TryGetProperty("outputType", out _));
        using var output = JsonDocument.Parse(DataMapperTypeScript.SchemaJson(Text, "OutputRoot", out _)!);
        Assert.Equal("XML", output.RootElement.GetProperty("outputType").GetString());
        Assert.False(output.RootElement.TryGetProperty("inputType", out _));
    }

    [Fact]
    public void The_resources_a_descriptor_lists_for_a_source_are_supplied_by_it()
    {
        string[] files = ["src/main/wso2mi/resources/datamapper/Order/Order.ts", "src/main/wso2mi/resources/datamapper/Order/dm-utils.ts"];
        Assert.True(DataMapperTypeScript.Supplies("gov:/mi-resources/datamapper/Order/Order.dmc", files));
        Assert.True(DataMapperTypeScript.Supplies("gov:/mi-resources/datamapper/Order/Order_inputSchema.json", files));
        Assert.True(DataMapperTypeScript.Supplies("gov:/mi-resources/datamapper/Order/Order_outputSchema.json", files));
        Assert.False(DataMapperTypeScript.Supplies("gov:/mi-resources/datamapper/Order/Order.json", files));
        Assert.False(DataMapperTypeScript.Supplies("gov:/mi-resources/datamapper/Other/Other.dmc", files));
        Assert.False(DataMapperTypeScript.Supplies("conf:/datamapper/Order/Order.dmc", files));
    }

    [Fact]
    public void Only_a_mapping_named_after_its_folder_is_a_source()
    {
        Assert.True(DataMapperTypeScript.IsSource("src/main/wso2mi/resources/datamapper/Order/Order.ts"));
        Assert.False(DataMapperTypeScript.IsSource("src/main/wso2mi/resources/datamapper/Order/dm-utils.ts"));
    }

    [Fact]
    public void A_datamapper_naming_the_compiled_resources_is_translated_from_the_typescript()
    {
        var folder = Directory.CreateTempSubdirectory("dm-ts-");
        try
        {
            var mapping = Path.Combine(folder.FullName, "src", "main", "wso2mi", "resources", "datamapper", "Order");
            Directory.CreateDirectory(mapping);
            File.WriteAllText(Path.Combine(mapping, "Order.ts"), Source);
            var apis = Path.Combine(folder.FullName, "src", "main", "wso2mi", "artifacts", "apis");
            Directory.CreateDirectory(apis);
            File.WriteAllText(Path.Combine(apis, "A.xml"), """
                <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
                  <resource methods="POST" uri-template="/x">
                    <inSequence>
                      <datamapper config="resources:datamapper/Order/Order.dmc" inputSchema="resources:datamapper/Order/Order_inputSchema.json" inputType="JSON"
                                  outputSchema="resources:datamapper/Order/Order_outputSchema.json" outputType="JSON"/>
                      <respond/>
                    </inSequence>
                  </resource>
                </api>
                """);
            var result = SynapseToBal.Driver.Converter.Convert(new SynapseToBal.Driver.ConversionOptions(folder.FullName));
            var mappers = result.Files.Single(f => f.RelativePath == "datamappers.bal").Content;
            // lines.length of an array is no string's length: it stays a TODO, as before.
            Assert.Contains("type Lines record {", mappers, StringComparison.Ordinal);
            Assert.Contains("type Customer record {", mappers, StringComparison.Ordinal);
            Assert.Contains("TODO(SB0257): output.total = input.lines.length", mappers, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0502");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SB0006" && d.Location.GetLineSpan().Path.EndsWith("Order.ts", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
