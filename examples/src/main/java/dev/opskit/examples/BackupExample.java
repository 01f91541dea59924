package dev.opskit.examples;

import dev.opskit.backup.Backups;
import dev.opskit.backup.BucketReplicationRule;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.AutomatedBackupSettings;
import dev.opskit.backup.PrunePolicy;
import dev.opskit.backup.PruneResult;
import dev.opskit.backup.RdsBackups;
import dev.opskit.backup.ReplicationDefinition;
import dev.opskit.backup.PointInTimeRecovery;
import dev.opskit.backup.S3Protection;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.Arn;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The guide's "Backup and Recovery" section with {@code ops-backup}: a manual snapshot of
 * {@code prod-database} named as the guide names it, the snapshot list, a dry-run prune showing exactly
 * what would go, the guide's automated-backup settings as a plan, DynamoDB point-in-time recovery on
 * {@code user-sessions}, S3 versioning and cross-region replication with a plan that names what is
 * missing, and the coverage report. Safe to run again against a persistent endpoint: what exists is reused.
 */
public final class BackupExample implements TourStep {
  static final String INSTANCE = "prod-database";
  static final String TABLE = "user-sessions";
  static final String BUCKET = "opskit-tour-app-data";
  static final String REPLICA = "opskit-tour-app-data-replica";
  static final Arn REPLICATION_ROLE = Arn.parse("arn:aws:iam::123456789012:role/s3-replication");

  @Override
  public String title() {
    return "Backup and Recovery: snapshots, a dry-run prune, PITR, S3 replication and the coverage report";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    ensureResources(ctx, out);
    Backups backups = Backups.using(ctx);

    out.println("RDS: a manual snapshot, named <instance>-manual-<yyyyMMdd> from the context's clock.");
    RdsBackups rds = backups.rds(INSTANCE);
    DbSnapshot snapshot = rds.snapshot().orElseThrow();
    out.println("  " + snapshot.id() + " is " + snapshot.status() + ", tagged " + String.join(", ", tagList(snapshot.tags())));
    List<DbSnapshot> snapshots;
    try (Stream<DbSnapshot> listed = rds.snapshots()) {   // read page by page; close when done
      snapshots = listed.sorted(DbSnapshot.NEWEST_FIRST).toList();
    }
    out.println("  " + snapshots.size() + " snapshot(s) of " + INSTANCE + ", newest first:");
    snapshots.forEach(s -> out.println("    " + s.id() + " (" + s.type() + ", taken " + s.createdAt() + ")"));

    out.println("RDS: the guide's automated-backup settings, planned against the live instance (nothing sent).");
    Plan settings = rds.plan(AutomatedBackupSettings.builder()
        .retention(Duration.ofDays(7)).backupWindow("03:00-04:00").maintenanceWindow("Sun:04:00-Sun:05:00")
        .copyTagsToSnapshot(true).build());
    settings.render().lines().forEach(line -> out.println("  " + line));

    out.println("RDS: prune, as a dry run: keep the newest 1 manual snapshot (the newest is never deleted).");
    PruneResult plan = Backups.using(ctx.withDryRun(true)).rds(INSTANCE).prune(PrunePolicy.keepLast(1));
    plan.kept().forEach(d -> out.println("  keep   " + d.snapshot().id() + ": " + d.reason()));
    plan.deleted().forEach(d -> out.println("  delete " + d.snapshot().id() + ": " + d.reason()
        + (d.result().isPlanned() ? " (would; dry run)" : "")));

    out.println("DynamoDB: point-in-time recovery on " + TABLE + ".");
    PointInTimeRecovery pitr = backups.dynamoDb(TABLE).enablePointInTimeRecovery().orElseThrow();
    out.println("  " + pitr.status() + ", restorable " + pitr.earliestRestorable() + " to " + pitr.latestRestorable());

    out.println("S3: versioning, then the guide's replication rule, planned before it is applied.");
    S3Protection appData = backups.s3(BUCKET);
    appData.versioning().enable();
    out.println("  " + BUCKET + ": " + appData.versioning().live());
    ReplicationDefinition replication = ReplicationDefinition.of(REPLICATION_ROLE,
        BucketReplicationRule.of("replicate_all", REPLICA, StorageClass.STANDARD_IA));
    Plan first = appData.replication().plan(replication);
    first.render().lines().forEach(line -> out.println("  plan: " + line));
    if (!backups.s3(REPLICA).versioning().live().isEnabled()) {
      backups.s3(REPLICA).versioning().enable();
      out.println("  " + REPLICA + ": " + backups.s3(REPLICA).versioning().live());
    }
    ApplyResult applied = appData.replication().apply(List.of(replication));
    out.println("  replication applied (" + applied.plan().summary() + "); read back: " + appData.replication().live()
        .map(d -> String.join(", ", d.rules().stream().map(r -> r.id() + " to " + r.destinationBucket() + " in "
            + r.storageClass() + (r.isEnabled() ? "" : " (disabled)")).toList()))
        .orElse("none"));

    out.println("Coverage report:");
    backups.coverage().toText().lines().forEach(line -> out.println("  " + line));
  }

  /** The guide's resources, created through the gate when missing (a persistent endpoint may have them). */
  private static void ensureResources(OpsContext ctx, PrintStream out) {
    RdsClient rds = ctx.client(RdsClient.class, RdsClient::builder);
    if (!exists(() -> rds.describeDBInstances(DescribeDbInstancesRequest.builder().dbInstanceIdentifier(INSTANCE).build()),
        "rds:DescribeDBInstances", INSTANCE)) {
      CreateDbInstanceRequest request = CreateDbInstanceRequest.builder()
          .dbInstanceIdentifier(INSTANCE).engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
          .masterUsername("opsadmin").masterUserPassword("Tour-Only-Example-Passw0rd").backupRetentionPeriod(7)
          .tags(software.amazon.awssdk.services.rds.model.Tag.builder().key("app").value("shop").build())
          .build();
      ctx.gate().submit(Change.of("rds:CreateDBInstance", INSTANCE, request, rds::createDBInstance).build());
      out.println("  created RDS instance " + INSTANCE);
    }
    DynamoDbClient dynamo = ctx.client(DynamoDbClient.class, DynamoDbClient::builder);
    if (!exists(() -> dynamo.describeTable(DescribeTableRequest.builder().tableName(TABLE).build()), "dynamodb:DescribeTable", TABLE)) {
      CreateTableRequest request = CreateTableRequest.builder().tableName(TABLE)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("sessionId").attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName("sessionId").keyType(KeyType.HASH).build())
          .billingMode(BillingMode.PAY_PER_REQUEST).build();
      ctx.gate().submit(Change.of("dynamodb:CreateTable", TABLE, request, dynamo::createTable).build());
      out.println("  created DynamoDB table " + TABLE);
    }
    S3Client s3 = ctx.client(S3Client.class, S3Client::builder);
    for (String bucket : List.of(BUCKET, REPLICA)) {
      if (!exists(() -> s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build()), "s3:HeadBucket", bucket)) {
        ctx.gate().submit(Change.of("s3:CreateBucket", bucket, CreateBucketRequest.builder().bucket(bucket).build(), s3::createBucket)
            .build());
        out.println("  created S3 bucket " + bucket);
      }
    }
  }

  private static List<String> tagList(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  private static boolean exists(Supplier<?> read, String operation, String target) {
    return Reads.find(operation, target, read).isPresent();
  }
}
