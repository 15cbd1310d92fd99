namespace SynapseToBal.Lowering;

/// <summary>
/// The WSO2 connectors (the <c>connector</c> part of a <c>&lt;connector.operation&gt;</c> element) and the Ballerina module
/// that replaces each. Only modules published by the Ballerina project are named; a connector without one is
/// called through its service's API with an <c>http:Client</c>. <c>docs/connectors.md</c> lists every connector of
/// the corpus with its module, and a test keeps that table and this map in step.
/// </summary>
internal static class Connectors
{
    /// <summary>A connector's Ballerina counterpart: the module to import and what to create from it.</summary>
    internal sealed record Counterpart(string Module, string Client);

    private static readonly Dictionary<string, Counterpart> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = new("ballerina/email", "an email:SmtpClient to send (an email:ImapClient or email:PopClient to read)"),
        ["file"] = new("ballerina/file and ballerina/io (local files), ballerina/ftp (FTP and SFTP)", "file and io functions, or an ftp:Client"),
        ["fileconnector"] = new("ballerina/file and ballerina/io (local files), ballerina/ftp (FTP and SFTP)", "file and io functions, or an ftp:Client"),
        ["ftp"] = new("ballerina/ftp", "an ftp:Client"),
        ["http"] = new("ballerina/http", "an http:Client"),
        ["ldap"] = new("ballerina/ldap", "an ldap:Client"),
        ["kafkaTransport"] = new("ballerinax/kafka", "a kafka:Producer"),
        ["kafka"] = new("ballerinax/kafka", "a kafka:Producer"),
        ["rabbitmq"] = new("ballerinax/rabbitmq", "a rabbitmq:Client"),
        ["jms"] = new("ballerinax/java.jms", "a jms:MessageProducer"),
        ["salesforce"] = new("ballerinax/salesforce", "a salesforce:Client"),
        ["salesforcerest"] = new("ballerinax/salesforce", "a salesforce:Client"),
        ["salesforcebulk"] = new("ballerinax/salesforce", "a salesforce:Client (its bulk API)"),
        ["gmail"] = new("ballerinax/googleapis.gmail", "a gmail:Client"),
        ["googlesheets"] = new("ballerinax/googleapis.sheets", "a sheets:Client"),
        ["googlespreadsheet"] = new("ballerinax/googleapis.sheets", "a sheets:Client"),
        ["googledrive"] = new("ballerinax/googleapis.drive", "a drive:Client"),
        ["googlecalendar"] = new("ballerinax/googleapis.calendar", "a calendar:Client"),
        ["amazons3"] = new("ballerinax/aws.s3", "an s3:Client"),
        ["amazonsqs"] = new("ballerinax/aws.sqs", "an sqs:Client"),
        ["amazondynamodb"] = new("ballerinax/aws.dynamodb", "a dynamodb:Client"),
        ["amazonlambda"] = new("ballerinax/aws.lambda", "a lambda:Client"),
        ["twitter"] = new("ballerinax/twitter", "a twitter:Client"),
        ["redis"] = new("ballerinax/redis", "a redis:Client"),
        ["mongodb"] = new("ballerinax/mongodb", "a mongodb:Client"),
        ["db"] = new("ballerina/sql with the database's driver module (ballerinax/mysql, ballerinax/postgresql, ballerinax/mssql, ballerinax/oracledb, ballerinax/java.jdbc)", "a client of the driver module"),
        ["snowflake"] = new("ballerinax/snowflake", "a snowflake:Client"),
        ["github"] = new("ballerinax/github", "a github:Client"),
        ["slack"] = new("ballerinax/slack", "a slack:Client"),
        ["twilio"] = new("ballerinax/twilio", "a twilio:Client"),
    };

    /// <summary>The Ballerina calls that do what a common operation does, by connector and operation.</summary>
    private static readonly Dictionary<(string Connector, string Operation), string> Calls = new()
    {
        [("email", "send")] = "email:SmtpClient's sendMessage",
        [("fileconnector", "create")] = "file:create and io:fileWriteString for a local file, ftp:Client's put for a remote one",
        [("fileconnector", "read")] = "io:fileReadString or io:fileReadBytes for a local file, ftp:Client's get for a remote one",
        [("fileconnector", "delete")] = "file:remove for a local file, ftp:Client's delete for a remote one",
        [("fileconnector", "copy")] = "file:copy for local files, ftp:Client's get and put for remote ones",
        [("fileconnector", "move")] = "file:rename for local files, ftp:Client's rename for remote ones",
        [("fileconnector", "isFileExist")] = "file:test with file:EXISTS for a local file",
        [("fileconnector", "append")] = "io:fileWriteString with io:APPEND for a local file, ftp:Client's append for a remote one",
        [("fileconnector", "rename")] = "file:rename for a local file, ftp:Client's rename for a remote one",
        [("fileconnector", "copylarge")] = "file:copy for local files, ftp:Client's get and put for remote ones",
        [("fileconnector", "listFile")] = "java.util.zip's ZipInputStream through Java interop (1.0.0's listFile lists the file entries of a zip archive, which ballerina/file and ballerina/io do not read), after ftp:Client's get for a remote archive",
        [("fileconnector", "search")] = "file:readDir (recursively) for a local folder, ftp:Client's list for a remote one",
        [("fileconnector", "unzip")] = "java.util.zip's ZipInputStream through Java interop for a local archive, as ballerina/file and ballerina/io read no zip archive; ftp:Client's get for a remote one",
        [("fileconnector", "listFileZip")] = "java.util.zip's ZipFile through Java interop for a local archive, as ballerina/file and ballerina/io read no zip archive",
        [("fileconnector", "archives")] = "java.util.zip's ZipOutputStream through Java interop, as ballerina/file and ballerina/io write no zip archive",
        [("fileconnector", "getSize")] = "file:getMetaData's size for a local file, ftp:Client's size for a remote one",
        [("fileconnector", "getLastModifiedTime")] = "file:getMetaData's modifiedTime for a local file",
        [("fileconnector", "readALine")] = "io:fileReadLines for a local file",
        [("fileconnector", "readSpecifiedLines")] = "io:fileReadLines for a local file",
        [("file", "read")] = "io:fileReadString or io:fileReadBytes for a local file, ftp:Client's get for a remote one",
        [("file", "write")] = "io:fileWriteString (io:APPEND to append) for a local file, ftp:Client's put or append for a remote one",
        [("file", "delete")] = "file:remove for a local file, ftp:Client's delete (rmdir for a folder) for a remote one",
        [("file", "copy")] = "file:copy for local files, ftp:Client's copy for remote ones",
        [("file", "move")] = "file:rename for local files, ftp:Client's move for remote ones",
        [("file", "rename")] = "file:rename for a local file, ftp:Client's rename for a remote one",
        [("file", "checkExist")] = "file:test with file:EXISTS for a local file, ftp:Client's exists for a remote one",
        [("file", "createDirectory")] = "file:createDir for a local folder, ftp:Client's mkdir for a remote one",
        [("file", "listFiles")] = "file:readDir for a local folder, ftp:Client's list for a remote one",
        [("file", "fetchDirectoryContent")] = "file:readDir (recursively) for a local folder, ftp:Client's list for a remote one",
        [("file", "mergeFiles")] = "io:fileReadBytes and io:fileWriteBytes with io:APPEND for local files",
        [("file", "splitFile")] = "io:fileReadBytes or io:fileReadLines and io:fileWriteBytes for local files",
        [("file", "compress")] = "java.util.zip's ZipOutputStream through Java interop, as ballerina/file and ballerina/io write no zip archive",
        [("file", "unzip")] = "java.util.zip's ZipInputStream through Java interop, as ballerina/file and ballerina/io read no zip archive",
        [("file", "exploreZipFile")] = "java.util.zip's ZipFile through Java interop, as ballerina/file and ballerina/io read no zip archive",
        [("ftp", "get")] = "ftp:Client's get",
        [("ftp", "put")] = "ftp:Client's put",
        [("ftp", "delete")] = "ftp:Client's delete",
        [("ftp", "list")] = "ftp:Client's list",
        [("ftp", "rename")] = "ftp:Client's rename",
        [("ftp", "mkdir")] = "ftp:Client's mkdir",
        [("amazons3", "createBucket")] = "s3:Client's createBucket",
        [("amazons3", "deleteBucket")] = "s3:Client's deleteBucket",
        [("amazons3", "getBuckets")] = "s3:Client's listBuckets",
        [("amazons3", "getObjectsInBucket")] = "s3:Client's listObjects",
        [("amazons3", "getObject")] = "s3:Client's getObject",
        [("amazons3", "createObject")] = "s3:Client's putObject",
        [("amazons3", "deleteObject")] = "s3:Client's deleteObject",
        [("amazons3", "getObjectMetaData")] = "s3:Client's getObjectMetadata",
        [("amazons3", "createObjectCopy")] = "s3:Client's copyObject",
        [("amazons3", "initMultipartUpload")] = "s3:Client's createMultipartUpload",
        [("amazons3", "uploadPart")] = "s3:Client's uploadPart",
        [("amazons3", "completeMultipartUpload")] = "s3:Client's completeMultipartUpload",
        [("amazons3", "abortMultipartUpload")] = "s3:Client's abortMultipartUpload",
        [("amazonsqs", "sendMessage")] = "sqs:Client's sendMessage",
        [("amazonsqs", "sendMessageBatch")] = "sqs:Client's sendMessageBatch",
        [("amazonsqs", "receiveMessage")] = "sqs:Client's receiveMessage",
        [("amazonsqs", "deleteMessage")] = "sqs:Client's deleteMessage",
        [("amazonsqs", "deleteMessageBatch")] = "sqs:Client's deleteMessageBatch",
        [("amazonsqs", "createQueue")] = "sqs:Client's createQueue",
        [("amazonsqs", "deleteQueue")] = "sqs:Client's deleteQueue",
        [("amazonsqs", "getQueueUrl")] = "sqs:Client's getQueueUrl",
        [("amazonsqs", "listQueues")] = "sqs:Client's listQueues",
        [("amazonsqs", "getQueueAttributes")] = "sqs:Client's getQueueAttributes",
        [("amazonsqs", "setQueueAttributes")] = "sqs:Client's setQueueAttributes",
        [("amazonsqs", "changeMessageVisibility")] = "sqs:Client's changeMessageVisibility",
        [("amazonsqs", "purgeQueue")] = "sqs:Client's purgeQueue",
        [("kafkaTransport", "publishMessages")] = "kafka:Producer's sendWithMetadata",
        [("kafka", "publishMessages")] = "kafka:Producer's sendWithMetadata",
        [("jms", "receiveMessage")] = "jms:MessageConsumer's receive (with the operation's timeout) on a jms:Session's consumer for the destination",
        [("db", "select")] = "sql:Client's query with an sql:ParameterizedQuery, the rows as {rows: [...]}",
        [("db", "insert")] = "sql:Client's execute with an sql:ParameterizedQuery (affectedRowCount, lastInsertId)",
        [("db", "update")] = "sql:Client's execute with an sql:ParameterizedQuery (affectedRowCount)",
        [("db", "delete")] = "sql:Client's execute with an sql:ParameterizedQuery (affectedRowCount)",
        [("db", "call")] = "sql:Client's call with an sql:ParameterizedCallQuery",
        [("db", "executeQuery")] = "sql:Client's query or execute with an sql:ParameterizedQuery",
        [("db", "beginTransaction")] = "a Ballerina transaction block around the operations",
        [("db", "commitTransaction")] = "a Ballerina transaction block's commit",
        [("db", "rollbackTransaction")] = "a Ballerina transaction block's rollback",
        [("rabbitmq", "publishMessage")] = "rabbitmq:Client's publishMessage (after queueDeclare, exchangeDeclare and queueBind when the operation declares them)",
        [("rabbitmq", "sendRpc")] = "rabbitmq:Client's publishMessage with replyTo and correlationId, then consumeMessage on the reply queue",
        [("rabbitmq", "acceptMessage")] = "rabbitmq:Caller's basicAck in the rabbitmq:Listener service that received the message",
        [("rabbitmq", "discardMessage")] = "rabbitmq:Caller's basicNack with requeue false in the rabbitmq:Listener service that received the message",
        [("rabbitmq", "requeueMessage")] = "rabbitmq:Caller's basicNack with requeue true in the rabbitmq:Listener service that received the message",
        [("salesforcerest", "query")] = "salesforce:Client's query",
        [("salesforcerest", "queryAll")] = "salesforce:Client's query (it does not include deleted records)",
        [("salesforcerest", "create")] = "salesforce:Client's create",
        [("salesforcerest", "update")] = "salesforce:Client's update",
        [("salesforcerest", "delete")] = "salesforce:Client's delete",
        [("salesforcerest", "upsert")] = "salesforce:Client's upsert",
        [("salesforcerest", "retrieveFieldValues")] = "salesforce:Client's getById",
        [("salesforcerest", "describeSObject")] = "salesforce:Client's describe",
        [("salesforcerest", "describeGlobal")] = "salesforce:Client's getOrganizationMetaData",
        [("salesforcerest", "sObjectBasicInfo")] = "salesforce:Client's getBasicInfo",
        [("salesforcerest", "search")] = "salesforce:Client's search",
        [("salesforcerest", "listOrganizationLimits")] = "salesforce:Client's getLimits",
        [("salesforcerest", "listAvailableApiVersion")] = "salesforce:Client's getApiVersions",
        [("gmail", "sendMail")] = "gmail:Client's resource function post users/[userId]/messages/send",
        [("gmail", "listAllMails")] = "gmail:Client's resource function get users/[userId]/messages",
        [("gmail", "readMail")] = "gmail:Client's resource function get users/[userId]/messages/[id]",
        [("gmail", "deleteMessage")] = "gmail:Client's resource function delete users/[userId]/messages/[id]",
        [("gmail", "trashMessage")] = "gmail:Client's resource function post users/[userId]/messages/[id]/trash",
        [("gmail", "listLabels")] = "gmail:Client's resource function get users/[userId]/labels",
        [("gmail", "listDrafts")] = "gmail:Client's resource function get users/[userId]/drafts",
        [("gmail", "readLabel")] = "gmail:Client's resource function get users/[userId]/labels/[id]",
        [("gmail", "getUserProfile")] = "gmail:Client's resource function get users/[userId]/profile",
        [("gmail", "trashMessages")] = "gmail:Client's resource function post users/[userId]/messages/[id]/trash",
        [("gmail", "unTrashMessages")] = "gmail:Client's resource function post users/[userId]/messages/[id]/untrash",
        [("gmail", "unTrashMessage")] = "gmail:Client's resource function post users/[userId]/messages/[id]/untrash",
        [("gmail", "deleteMessages")] = "gmail:Client's resource function delete users/[userId]/messages/[id]",
        [("gmail", "deleteThreads")] = "gmail:Client's resource function delete users/[userId]/threads/[id]",
        [("gmail", "deleteThread")] = "gmail:Client's resource function delete users/[userId]/threads/[id]",
        [("gmail", "deleteLabel")] = "gmail:Client's resource function delete users/[userId]/labels/[id]",
        [("gmail", "deleteDraft")] = "gmail:Client's resource function delete users/[userId]/drafts/[id]",
        [("gmail", "readDraft")] = "gmail:Client's resource function get users/[userId]/drafts/[id]",
        [("gmail", "readThread")] = "gmail:Client's resource function get users/[userId]/threads/[id]",
        [("gmail", "listAllThreads")] = "gmail:Client's resource function get users/[userId]/threads",
        [("gmail", "listHistory")] = "gmail:Client's resource function get users/[userId]/history",
        [("gmail", "listTheHistory")] = "gmail:Client's resource function get users/[userId]/history",
        [("gmail", "getAttachment")] = "gmail:Client's resource function get users/[userId]/messages/[messageId]/attachments/[id]",
        [("gmail", "createDraft")] = "gmail:Client's resource function post users/[userId]/drafts",
        [("gmail", "sendMailWithAttachment")] = "gmail:Client's resource function post users/[userId]/messages/send (MessageRequest's attachments)",
        [("gmail", "createLabels")] = "gmail:Client's resource function post users/[userId]/labels",
        [("gmail", "createLabel")] = "gmail:Client's resource function post users/[userId]/labels",
        [("gmail", "updateLabels")] = "gmail:Client's resource function put users/[userId]/labels/[id]",
        [("gmail", "updateLabel")] = "gmail:Client's resource function put users/[userId]/labels/[id]",
        [("gmail", "modifyExistingMessages")] = "gmail:Client's resource function post users/[userId]/messages/[id]/modify",
        [("gmail", "modifyExistingMessage")] = "gmail:Client's resource function post users/[userId]/messages/[id]/modify",
        [("gmail", "modifyExistingThreads")] = "gmail:Client's resource function post users/[userId]/threads/[id]/modify",
        [("gmail", "modifyExistingThread")] = "gmail:Client's resource function post users/[userId]/threads/[id]/modify",
        [("gmail", "trashThreads")] = "gmail:Client's resource function post users/[userId]/threads/[id]/trash",
        [("gmail", "trashThread")] = "gmail:Client's resource function post users/[userId]/threads/[id]/trash",
        [("gmail", "unTrashThreads")] = "gmail:Client's resource function post users/[userId]/threads/[id]/untrash",
        [("gmail", "unTrashThread")] = "gmail:Client's resource function post users/[userId]/threads/[id]/untrash",
        [("ldap", "addEntry")] = "ldap:Client's add",
        [("mongodb", "find")] = "mongodb:Collection's find (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "findOne")] = "mongodb:Collection's findOne (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "insertOne")] = "mongodb:Collection's insertOne (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "insertMany")] = "mongodb:Collection's insertMany (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "updateOne")] = "mongodb:Collection's updateOne (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "updateMany")] = "mongodb:Collection's updateMany (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "deleteOne")] = "mongodb:Collection's deleteOne (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "deleteMany")] = "mongodb:Collection's deleteMany (mongodb:Client's getDatabase, then getCollection)",
        [("mongodb", "aggregate")] = "mongodb:Collection's aggregate (mongodb:Client's getDatabase, then getCollection)",
        [("redis", "keys")] = "redis:Client's keys",
        [("redis", "hKeys")] = "redis:Client's hKeys",
        [("redis", "hGetAll")] = "redis:Client's hGetAll",
        [("redis", "sMembers")] = "redis:Client's sMembers",
        [("redis", "sInter")] = "redis:Client's sInter",
        [("redis", "sUnion")] = "redis:Client's sUnion",
        [("redis", "zadd")] = "redis:Client's zAdd",
        [("redis", "mGet")] = "redis:Client's mGet",
        [("redis", "mSet")] = "redis:Client's mSet",
        [("redis", "rename")] = "redis:Client's rename",
        [("redis", "hMGet")] = "redis:Client's hMGet",
        [("redis", "hMSet")] = "redis:Client's hMSet",
        [("redis", "hVals")] = "redis:Client's hVals",
        [("ldap", "searchEntry")] = "ldap:Client's search (or searchWithType)",
        [("ldap", "updateEntry")] = "ldap:Client's modify",
        [("ldap", "deleteEntry")] = "ldap:Client's delete",
        [("ldap", "authenticate")] = "a new ldap:Client bound with the user's DN and password (creating it fails on wrong credentials)",
    };

    /// <summary>Connectors whose operations are translated into calls, with what is translated (the status column of docs/connectors.md).</summary>
    private static readonly Dictionary<string, string> TranslatedOperations = new(StringComparer.Ordinal)
    {
        ["email"] = "translated: send on an SMTP `<email.init>` connection (an email:SmtpClient), connector 2.x with a responseVariable; attachments, inline images, personalName and reading mail a TODO (SB0232)",
        ["db"] = "translated (the MI 4.x DB connector, wso2-extensions/mi-connector-db, on a `<db.init>` connection: a DbConnection whose jdbc:Client of ballerinax/java.jdbc is made on first use): select, insert, update, delete, executeQuery and call with a literal query or a prepared statement whose parameters are the online columnNames/columnTypes (the operation's column parameters), the offline queryType's columns or executeQuery's parameters, the connector's {rows}, {affectedRows, generatedKeys} or call's {resultSets, updateCount} result in responseVariable or the body and its error codes (call: prepareCall with IN parameters, its first result set and update count); the transactions, an XPath column value, queryTimeout and transactionIsolation a TODO (SB0232)",
        ["http"] = "translated: get, post, put, patch, delete, head, options on an `<http.init>` connection (an http:Client); other settings a TODO (SB0232)",
        ["ldap"] = "translated (connector 1.0.x, on the properties `<ldap.init>` sets): addEntry, deleteEntry, updateEntry (mode replace) and authenticate on an ldap:// server (ballerina/ldap); searchEntry, add and remove modes, a later connector's settings and a configKey connection a TODO (SB0232)",
        ["kafkaTransport"] = "translated: publishMessages on a `<kafkaTransport.init>` connection (a kafka:Producer; StringSerializer, PLAIN or SCRAM SASL, SSL); Avro serialisation, custom or filtered headers, a partitioner or callback handler class and Kerberos or OAuth a TODO (SB0232)",
        ["salesforcerest"] = "translated (connector 1.x/2.x, on a `<salesforcerest.init>` local entry: a salesforce:Client): query, create, update, delete and describeSObject, Salesforce's answer and status left as the message; queryMore, upsert, search, retrieveFieldValues, a COUNT() query, an inline init, connector 3.x and the other operations a TODO (SB0232)",
        ["amazonsqs"] = "translated (connector 1.0.x, on the properties `<amazonsqs.init>` sets; an sqs:Client created per call): createQueue, deleteQueue, purgeQueue, getQueueUrl, listQueues, getQueueAttributes, setQueueAttributes, sendMessage, sendMessageBatch, receiveMessage, deleteMessage, deleteMessageBatch and changeMessageVisibility, the query API's XML answer and status left as the message; addPermission, removePermission, listDeadLetterSourceQueues, changeMessageVisibilityBatch and a later connector's settings a TODO (SB0232)",
        ["amazons3"] = "translated (connector 1.0.x, on the properties `<amazons3.init>` and the message set; each call signed with AWS signature version 2 and sent over an http:Client to the template's URL): getBuckets, checkBucketPermission, deleteBucket, deleteBucketPolicy, deleteBucketWebsiteConfiguration, getBucketACL, getBucketLifeCycle, getBucketPolicy, getBucketRequestPayment, getBucketVersioning, getWebSiteConfiguration, getObjectsInBucket, getBucketObjectVersions, listMultipartUploads, listParts, deleteObject, abortMultipartUpload, getObjectMetaData, createBucket, createBucketPolicy, createBucketWebsiteConfiguration, setBucketACL, createObjectACL, createObjectCopy, deleteMultipleObjects, initMultipartUpload and completeMultipartUpload (the body built as the template builds it), createObject and uploadPart (the message sent as received, unsigned as in the template), S3's answer and status left as the message (their URL percent-encoded after the bucket as the MI's HTTPEndpoint does, SB0293), getAuthorization (the signature answered to the client, as its template responds) and getObject (a 200 answer wrapped in the template's getObjectResponse of the Content-Type and the body); a parameter the 1.0.x templates do not declare a TODO (SB0232)",
        ["gmail"] = "translated (connector 3.x/4.x, on a `<gmail.init>` local entry: a gmail:Client): sendMail (text or HTML body), listAllMails, listDrafts, listLabels, readLabel, getUserProfile, trash and untrash of a message and the deletes, Gmail's answer and status left as the message; readMail, readDraft, readThread, listAllThreads, listHistory, getAttachment, createDraft, sendMailWithAttachment, label create/update, modify, thread trash/untrash, an inline init and a 4.x responseVariable a TODO (SB0232)",
        ["redis"] = "translated (connector 3.x, on a `<redis.init>` local entry in standalone mode: a RedisConnection whose redis:Client is made on first use): get, set, getSet, append, incrBy, decrBy, strLen, setnX, del, exists, expire, ttl, hGet (text or JSON), hSet, hSetnX, hDel, hExists, hLen, hIncrBy, lPush, rPush, lLen, lPop, lRange, sadd, sRem, sIsMember, ping and echo, with the template's properties and its `{\"output\": ...}` or text payload; keys, hKeys, sMembers, sInter, sUnion and hGetAll (Java's HashSet and HashMap order), hGet with mediaType xml, the other operations and a cluster or sentinel connection a TODO (SB0232); an inline `<redis.init>` (connector 2.x, EI 6.x) with written settings becomes a RedisConnection the operations after it in the sequence use",
        ["fileconnector"] = "translated (connector 2.x): create, isFileExist, delete, read, append, copy, move, search, getSize, getLastModifiedTime and readALine on local files (ballerina/file and ballerina/io); (connector 1.0.0): create, append, isfileexist, delete, rename, copy, copylarge and move on local files with 1.0.0's result elements; a remote location fails at run time; unzip, archives, listFileZip, readSpecifiedLines, splitFile, mergeFiles, ftpOverProxy, 1.0.0's read, search and listFile, a non-UTF-8 encoding and settings the helpers do not reproduce a TODO (SB0232)",
    };

    /// <summary>
    /// Why the operations of a connector whose Ballerina module is known stay TODOs, where that is not only that no
    /// translation has been written for it (the status column of docs/connectors.md and the SB0232 message say it).
    /// </summary>
    private static readonly Dictionary<string, string> NotTranslatedBecause = new(StringComparer.Ordinal)
    {
        ["file"] = "the MI 4.x file connector (esb-connector-file 4.x) is not the 2.x one whose fileconnector.* operations are translated: each operation runs on a <file.init> connection (local, FTP, FTPS, SFTP or SMB2, pooled, with locking), takes other parameters and leaves other results, and no file of the corpus uses it, so no translation has been checked against it",
        ["rabbitmq"] = "the MI 4.x RabbitMQ connector (wso2-extensions/mi-connector-rabbitmq) speaks AMQP 1.0 (RabbitMQ's AMQP 1.0 client: several serverUrls, OAuth 2.0, queues and exchanges declared with their arguments on first use, publisher confirms, a JSON result in responseVariable), while ballerinax/rabbitmq is an AMQP 0-9-1 client on one host; no file of the corpus uses it, so a <rabbitmq.init> connection stays an xml value (SB0216) and no rabbitmq:Client is made from it",
        ["mongodb"] = "the MI 4.x MongoDB connector (wso2-extensions/esb-connector-mongodb 3.x) reads its queries, updates and documents with Document.parse (MongoDB Extended JSON and shell syntax), writes the documents it finds as Extended JSON in org.json's HashMap order and the ids it inserts, none of which mongodb:Collection's calls read or give; no file of the corpus uses it, so a <mongodb.init> connection stays an xml value (SB0216) and no mongodb:Client is made from it",
        ["ftp"] = "the converter knows no operations of an ftp connector (the corpus holds none; the Micro Integrator reaches FTP servers through vfs endpoints and proxies, translated, and the file connector)",
    };

    /// <summary>Why a connector's operations stay TODOs when it is more than that no translation exists yet, or null.</summary>
    internal static string? Why(string connector) => NotTranslatedBecause.GetValueOrDefault(connector);

    /// <summary>What is translated of a connector's operations, or null when they all stay TODOs.</summary>
    internal static string? Translated(string connector) => TranslatedOperations.GetValueOrDefault(connector);

    /// <summary>The Ballerina call that does what an operation does, when one is known.</summary>
    internal static string? CallFor(string connector, string operation) => Calls.GetValueOrDefault((connector, operation));

    /// <summary>Connectors that no http:Client can replace either, with what to do instead.</summary>
    private static readonly Dictionary<string, string> WithoutHttpApi = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ejb2"] = "it calls EJB 2 beans, which Ballerina cannot call: call the service that exposes them (for example over HTTP) by hand",
        ["reliable-message"] = "WS-ReliableMessaging has no Ballerina counterpart: send with an http:Client and handle delivery and retries by hand",
        ["utility"] = "the Utility module calls no service: it computes in the server (a random UUID, a random number, a string's case or length, a regular-expression match, a signature), so write it with Ballerina's library into the variable it names (randomUUID: uuid:createType4AsString() of ballerina/uuid; the string operations: lang.string; matches: lang.regexp)",
    };

    /// <summary>What to do for a connector that has neither a Ballerina module nor an HTTP API to call, or null.</summary>
    internal static string? WithoutHttp(string connector) => WithoutHttpApi.GetValueOrDefault(connector);

    /// <summary>The Ballerina counterpart of a connector, or null when none is known.</summary>
    internal static Counterpart? Of(string connector) => Known.GetValueOrDefault(connector);

    /// <summary>Every connector the map knows, with its counterpart (for the table in docs/connectors.md).</summary>
    internal static IReadOnlyDictionary<string, Counterpart> All => Known;

    /// <summary>What to write instead of the operation <paramref name="operation"/> of <paramref name="connector"/>, for the TODO and its diagnostic.</summary>
    internal static string Replacement(string connector, string operation) => (WithoutHttp(connector), Of(connector), operation == "init") switch
    {
        ({ } advice, _, _) => advice,
        (null, { } counterpart, true) => $"create {counterpart.Client} of {counterpart.Module} with these settings (credentials as required configurables)",
        (null, { } counterpart, false) when CallFor(connector, operation) is { } call => $"use {call} ({counterpart.Module})",
        (null, { } counterpart, false) => $"use {counterpart.Client} of {counterpart.Module}",
        (null, null, true) => "no Ballerina connector is known for it: create an http:Client for the service's API with these settings (credentials as required configurables)",
        (null, null, false) => "no Ballerina connector is known for it: call the service's API with an http:Client",
    };
}
