package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.test.OpsEmulatorTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.StorageClass;

@OpsEmulatorTest
class CoverageIT {

  @Test
  void reportsTheGapsOfAMixedEstate(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "covered-db", 7, Map.of());
    Fixtures.instance(ctx, "bare-db", 0, Map.of());
    Fixtures.table(ctx, "covered-table");
    Fixtures.table(ctx, "bare-table");
    Fixtures.bucket(ctx, "covered-bucket");
    Fixtures.bucket(ctx, "covered-replica");
    Fixtures.bucket(ctx, "bare-bucket");
    Fixtures.bucket(ctx, "paused-bucket");
    Fixtures.bucket(ctx, "paused-replica");
    Backups backups = Backups.using(ctx);
    backups.dynamoDb("covered-table").enablePointInTimeRecovery();
    backups.s3("covered-bucket").versioning().enable();
    backups.s3("covered-replica").versioning().enable();
    backups.s3("covered-bucket").replication().apply(List.of(ReplicationDefinition.of(
        Arn.parse("arn:aws:iam::123456789012:role/replication"),
        BucketReplicationRule.of("replicate_all", "covered-replica", StorageClass.STANDARD_IA))));
    backups.s3("paused-bucket").versioning().enable();
    backups.s3("paused-replica").versioning().enable();
    backups.s3("paused-bucket").replication().apply(List.of(ReplicationDefinition.of(
        Arn.parse("arn:aws:iam::123456789012:role/replication"),
        new BucketReplicationRule("paused", BucketReplicationRule.Status.DISABLED, BucketName.of("paused-replica"),
            StorageClass.STANDARD))));
    audit.clear();

    CoverageReport report = backups.coverage();

    assertThat(report.rdsInstances()).isEqualTo(2);
    assertThat(report.dynamoDbTables()).isEqualTo(2);
    assertThat(report.s3Buckets()).isEqualTo(5);
    // covered-replica is the destination of covered-bucket's enabled rule: it is covered by it. A disabled rule
    // covers neither its bucket nor its destination.
    assertThat(report.gaps()).containsExactly(
        new CoverageGap(CoverageGap.Kind.RDS_INSTANCE, "bare-db", "automated backups off (retention 0)"),
        new CoverageGap(CoverageGap.Kind.DYNAMODB_TABLE, "bare-table", "point-in-time recovery DISABLED"),
        new CoverageGap(CoverageGap.Kind.S3_BUCKET, "bare-bucket", "versioning never enabled"),
        new CoverageGap(CoverageGap.Kind.S3_BUCKET, "bare-bucket", "no replication"),
        new CoverageGap(CoverageGap.Kind.S3_BUCKET, "paused-bucket", "replication disabled (no enabled rule)"),
        new CoverageGap(CoverageGap.Kind.S3_BUCKET, "paused-replica", "no replication"));
    assertThat(report.toText()).contains("RDS instance bare-db: automated backups off (retention 0)")
        .contains("Scanned: 2 RDS instances, 2 DynamoDB tables, 5 S3 buckets");
    assertThat(report.toJson()).contains("\"kind\" : \"DYNAMODB_TABLE\"").contains("\"resource\" : \"bare-table\"");
    assertThat(audit.events()).isEmpty();
  }
}
