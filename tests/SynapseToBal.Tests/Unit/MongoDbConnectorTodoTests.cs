using SynapseToBal.IR;
using Xunit;

namespace SynapseToBal.Tests.Unit;

/// <summary>The MongoDB connector's operations stay TODOs naming the mongodb:Collection call and saying why.</summary>
public sealed class MongoDbConnectorTodoTests
{
    [Theory]
    [InlineData("find", "mongodb:Collection's find", "HashMap order")]
    [InlineData("findOne", "mongodb:Collection's findOne", "{data, found}")]
    [InlineData("aggregate", "mongodb:Collection's aggregate", "BsonArray.parse")]
    [InlineData("insertOne", "mongodb:Collection's insertOne", "gives no inserted id")]
    [InlineData("insertMany", "mongodb:Collection's insertMany", "{insertedIds, insertedCount}")]
    [InlineData("updateOne", "mongodb:Collection's updateOne", "{matchedCount, modifiedCount, upsertedId}")]
    [InlineData("deleteMany", "mongodb:Collection's deleteMany", "Document.parse")]
    [InlineData("createCollection", "a mongodb:Client of ballerinax/mongodb", "no mongodb:Client is made")]
    public void Each_operation_names_its_call_and_says_why(string operation, string call, string why)
    {
        var (package, _) = ArtifactLowering.Definitions($"""<sequence name="flow"><mongodb.{operation} configKey="M"><collection>c</collection></mongodb.{operation}></sequence>""");

        var todo = Assert.IsType<TodoStep>(Assert.Single(Assert.Single(package.Functions).Body));
        Assert.Contains(call, todo.Reason.Message, StringComparison.Ordinal);
        Assert.Contains(why, todo.Reason.Message, StringComparison.Ordinal);
    }
}
