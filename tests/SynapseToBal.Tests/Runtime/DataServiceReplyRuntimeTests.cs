using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// The format a data service answers in (DBInOutMessageReceiver.invokeBusinessLogic, the receiver DBDeployer gives REST
/// resources and SOAP operations alike): JSON when the Accept header lists <c>application/json</c>, else XML.
/// </summary>
public sealed class DataServiceReplyRuntimeTests
{
    [Fact]
    public void A_query_result_is_answered_in_json_when_the_client_accepts_json()
    {
        // A REST resource answers the message its query made (sendBackToClient), so the query sets the content type.
        foreach (var name in new[] { "dataServiceSelect", "dataServiceGeneratedKey" })
        {
            var function = RuntimeSourceText.Function(name);
            Assert.Contains("ctx.contentType = dataServiceAcceptsJson(ctx) ? \"application/json\" : \"application/xml\";", function, StringComparison.Ordinal);
            Assert.DoesNotContain("ctx.contentType = \"application/xml\";", function, StringComparison.Ordinal);
        }

        Assert.Contains("if dataServiceAcceptsJson(ctx) {", RuntimeSourceText.Function("dataServiceReplyType"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_accept_header_is_read_as_the_receiver_reads_it()
    {
        var accepts = RuntimeSourceText.Function("dataServiceAcceptsJson");
        RuntimeSourceText.InOrder(accepts,
            "string accept = getHeader(ctx, \"Accept\");",
            "int? semicolon = accept.indexOf(\";\");",
            "if semicolon is int && semicolon > 0 {",
            "accept = accept.substring(0, semicolon);",
            "foreach string item in re `,`.split(accept) {",
            "if item.trim() == \"application/json\" {",
            "return true;",
            // Otherwise the response keeps the request's messageType (MessageContextBuilder.createOutMessageContext):
            // a JSON body is answered in JSON; a request without a body has application/xml (ServerWorker).
            "return (ctx.method == \"POST\" || ctx.method == \"PUT\" || ctx.method == \"PATCH\" || ctx.method == \"DELETE\")",
            "&& messageType(ctx) == \"application/json\";");
    }

    [Fact]
    public void An_element_group_is_written_for_every_row_in_its_namespace_with_its_own_attributes()
    {
        // OutputElementGroup.executeElement: the group's element (startWrapperElement, its namespace), its attributes,
        // then its elements and groups in order; nothing leaves it out when its columns are NULL.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceRow"),
            "[xml, map<string>] [fields, attributes] = check dataServiceEntries(row, namespace, outputs);",
            "return rowName == \"\" ? fields : xml:createElement(string `{${namespace}}${rowName}`, attributes, fields);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceEntries"),
            "foreach DataServiceEntry entry in entries {",
            "if entry is DataServiceGroup {",
            "[xml, map<string>] [content, groupAttributes] = check dataServiceEntries(row, entry.namespace, entry.entries);",
            "fields += xml:createElement(string `{${entry.namespace}}${entry.elementGroup}`, groupAttributes, content);",
            "} else {",
            "string? key = dataServiceColumnKey(row, entry.column);",
            "fields += xml:createElement(string `{${namespace}}${entry.name}`, {}, xml:createText(dataServiceValueText(value)));",
            "return [fields, attributes];");
    }

    [Fact]
    public void An_array_parameter_takes_one_placeholder_per_value_joined_with_commas()
    {
        // ExpressionQuery.createProcessedQuery: the parameter's '?' becomes generateQuestionMarks(count), "?,?,?".
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceQuery"),
            "string[] strings = [parts[0]];",
            "if argument is DataServiceArray {",
            "values = argument.arrayValues;",
            "insertions.push(values[j]);",
            "strings.push(j + 1 < values.length() ? \",\" : parts[i + 1]);",
            "return new SqlQuery(strings.cloneReadOnly(), insertions);");
        // DataServiceRequest.getSingleInputValuesFromOM: every repeated query parameter or element, in order, of any
        // parameter (ExpressionQuery.createProcessedQuery expands the '?' of any array value, SCALAR or ARRAY).
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceRequestValues"),
            "values.push(value);",
            "values.push(check urlDecodeText(entry.substring(index + 1), plusAsSpace = false));",
            "values.push(nilAttribute == \"true\" || nilAttribute == \"1\" ? () : child.data());");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceParam"),
            "sql:Value[] bound = [];", "foreach string? value in values {", "bound.push(check dataServiceValue(value, sqlType));",
            "DataServiceArray arrayValue = {arrayValues: bound};");
    }

    [Fact]
    public void Columns_are_named_by_position_with_use_column_numbers()
    {
        // SQLQuery.getDataEntryFromRS: Integer.toString(i) for each column i with useColumnNumbers.
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceSelect"),
            "boolean useColumnNumbers = false",
            "check dataServiceRow(useColumnNumbers ? dataServiceNumberedColumns(row) : row, rowName, namespace, outputs);");
        RuntimeSourceText.InOrder(RuntimeSourceText.Function("dataServiceNumberedColumns"),
            "int position = 1;", "foreach anydata value in row {", "numbered[position.toString()] = value;", "position += 1;");
    }
}
