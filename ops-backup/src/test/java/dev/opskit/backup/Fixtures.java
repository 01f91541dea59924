package dev.opskit.backup;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;

/** Setup the integration tests share: resources made directly with the SDK (not what is under test). */
final class Fixtures {
  private Fixtures() {}

  static RdsClient rds(OpsContext ctx) {
    return ctx.client(RdsClient.class, RdsClient::builder);
  }

  static DynamoDbClient dynamo(OpsContext ctx) {
    return ctx.client(DynamoDbClient.class, DynamoDbClient::builder);
  }

  static S3Client s3(OpsContext ctx) {
    return ctx.client(S3Client.class, S3Client::builder);
  }

  /** A small PostgreSQL instance with tags and a backup retention period. */
  static void instance(OpsContext ctx, String id, int retentionDays, Map<String, String> tags) {
    rds(ctx).createDBInstance(CreateDbInstanceRequest.builder()
        .dbInstanceIdentifier(id)
        .engine("postgres")
        .dbInstanceClass("db.t3.micro")
        .allocatedStorage(20)
        .masterUsername("opsadmin")
        .masterUserPassword("Fixture-Pa55word-1")
        .backupRetentionPeriod(retentionDays)
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
        .build());
  }

  static List<DBSnapshot> manualSnapshots(OpsContext ctx, String instanceId) {
    return rds(ctx).describeDBSnapshots(r -> r.dbInstanceIdentifier(instanceId).snapshotType("manual")).dbSnapshots();
  }

  static void table(OpsContext ctx, String name) {
    dynamo(ctx).createTable(r -> r.tableName(name)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  /** Every on-demand backup of a table, through ops-backup's lazy listing, read to the end. */
  static List<TableBackup> backups(OpsContext ctx, String table) {
    try (Stream<TableBackup> all = Backups.using(ctx).dynamoDb(table).backups()) {
      return all.toList();
    }
  }

  /** Every snapshot of an instance, through ops-backup's lazy listing, newest first. */
  static List<DbSnapshot> snapshots(OpsContext ctx, String instanceId) {
    try (Stream<DbSnapshot> all = Backups.using(ctx).rds(instanceId).snapshots()) {
      return all.sorted(DbSnapshot.NEWEST_FIRST).toList();
    }
  }

  static void bucket(OpsContext ctx, String name) {
    s3(ctx).createBucket(r -> r.bucket(name));
  }

  static List<String> operations(InMemoryAuditSink audit) {
    return audit.events().stream().map(AuditEvent::operation).toList();
  }
}
