using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

// The MI 4.x MongoDB connector (wso2-extensions/esb-connector-mongodb 3.x): its operations stay TODOs naming the
// mongodb:Collection call, each saying what that call does not give as the connector does (checked against the
// connector's operation classes and SimpleMongoClient, and ballerinax/mongodb's Collection).
public sealed partial class Lowerer
{
    private const string MongoParse = "the connector reads it with Document.parse (MongoDB Extended JSON and shell syntax such as ObjectId(\"...\"), ISODate(...) or unquoted names), which mongodb:Collection's map<json> parameters do not read";

    private const string MongoDocuments = "the connector writes each document as new JSONObject(Document.toJson()): Extended JSON ({\"$oid\": ...}, {\"$date\": ...}) with the members in org.json's HashMap order, while mongodb:Collection binds the documents to a record type";

    /// <summary>Why each MongoDB operation stays a TODO, by operation.</summary>
    internal static readonly Dictionary<string, string> MongoDbOperationProblems = new(StringComparer.Ordinal)
    {
        ["find"] = $"{MongoDocuments}, inside {{data, count, found}}; and its query: {MongoParse}",
        ["findOne"] = $"{MongoDocuments}, inside {{data, found}}; and its query: {MongoParse}",
        ["aggregate"] = $"{MongoDocuments}, inside {{data, count}}; and its stages (BsonArray.parse, then Document.parse each): {MongoParse}",
        ["insertOne"] = $"mongodb:Collection's insertOne gives no inserted id, which the connector writes ({{insertedId}}); and its document: {MongoParse}",
        ["insertMany"] = $"mongodb:Collection's insertMany gives no inserted ids, which the connector writes ({{insertedIds, insertedCount}}); and its documents: {MongoParse}",
        ["updateOne"] = $"its query and update: {MongoParse}; and it writes {{matchedCount, modifiedCount, upsertedId}} in org.json's HashMap order",
        ["updateMany"] = $"its query and update: {MongoParse}; and it writes {{matchedCount, modifiedCount, upsertedId}} in org.json's HashMap order",
        ["deleteOne"] = $"its query: {MongoParse}",
        ["deleteMany"] = $"its query: {MongoParse}",
    };

    /// <summary>A MongoDB connector operation: a TODO (SB0232) naming the mongodb:Collection call and saying why.</summary>
    private IEnumerable<StepIr> LowerMongoDbOperation(ConnectorOperationMediator operation) =>
        [ConnectorTodo(operation, MongoDbOperationProblems.GetValueOrDefault(operation.Operation))];
}
