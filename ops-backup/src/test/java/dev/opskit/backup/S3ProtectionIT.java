package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.Arn;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.StorageClass;

@OpsEmulatorTest
class S3ProtectionIT {
  private static final Arn ROLE = Arn.parse("arn:aws:iam::123456789012:role/replication");

  private static ReplicationDefinition replicationTo(String destination) {
    return ReplicationDefinition.of(ROLE, ReplicationRule.of("replicate_all", destination, StorageClass.STANDARD_IA));
  }

  @Test
  void enablesVersioningAndAppliesReplicationThatReadsBack(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.bucket(ctx, "app-data");
    Fixtures.bucket(ctx, "app-data-replica");
    Backups backups = Backups.using(ctx);

    assertThat(backups.s3("app-data").versioning()).isEqualTo(BucketVersioning.NEVER_ENABLED);
    assertThat(backups.s3("app-data").enableVersioning()).isEqualTo(BucketVersioning.ENABLED);
    assertThat(backups.s3("app-data-replica").enableVersioning()).isEqualTo(BucketVersioning.ENABLED);
    ReplicationPlan applied = backups.s3("app-data").apply(replicationTo("app-data-replica"));
    ReplicationPlan again = backups.s3("app-data").apply(replicationTo("app-data-replica"));

    assertThat(applied.outcome()).isEqualTo(PlanOutcome.APPLIED);
    assertThat(again.outcome()).isEqualTo(PlanOutcome.UP_TO_DATE);
    assertThat(backups.s3("app-data").readReplication()).contains(replicationTo("app-data-replica"));
    assertThat(audit.events()).extracting(AuditEvent::operation)
        .containsExactly("s3:PutBucketVersioning", "s3:PutBucketVersioning", "s3:PutBucketReplication");
  }

  @Test
  void planNamesMissingPrerequisitesAndApplyRefusesBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.bucket(ctx, "logs-source");
    Fixtures.bucket(ctx, "logs-replica");
    S3Protection source = Backups.using(ctx).s3("logs-source");

    ReplicationPlan plan = source.plan(replicationTo("logs-replica"));

    assertThat(plan.isReady()).isFalse();
    assertThat(plan.missingPrerequisites()).containsExactly(
        "versioning is not enabled on source bucket logs-source",
        "versioning is not enabled on destination bucket logs-replica");
    assertThat(plan.current()).isNull();
    assertThatThrownBy(() -> source.apply(replicationTo("logs-replica")))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("s3:PutBucketReplication on logs-source")
        .hasMessageContaining("versioning is not enabled on source bucket logs-source");
    assertThat(source.plan(replicationTo("no-such-bucket-here")).missingPrerequisites())
        .contains("destination bucket no-such-bucket-here does not exist");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void dryRunPlansVersioningAndReplicationAndChangesNothing(Emulator emulator, OpsContext ctx) {
    Fixtures.bucket(ctx, "dry-source");
    Fixtures.bucket(ctx, "dry-replica");
    Backups.using(ctx).s3("dry-source").enableVersioning();
    Backups.using(ctx).s3("dry-replica").enableVersioning();
    Fixtures.bucket(ctx, "dry-plain");
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      Backups backups = Backups.using(dry);

      assertThat(backups.s3("dry-plain").enableVersioning()).isEqualTo(BucketVersioning.NEVER_ENABLED);
      assertThat(backups.s3("dry-source").apply(replicationTo("dry-replica")).outcome()).isEqualTo(PlanOutcome.PLANNED);

      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("s3:PutBucketVersioning", "s3:PutBucketReplication");
      AuditAssertions.assertThat(audit).allPlanned();
    }
    assertThat(Backups.using(ctx).s3("dry-plain").versioning()).isEqualTo(BucketVersioning.NEVER_ENABLED);
    assertThat(Backups.using(ctx).s3("dry-source").readReplication()).isEmpty();
  }
}
