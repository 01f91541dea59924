package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.contract.DesiredStateContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.StorageClass;

@OpsEmulatorTest
class S3ProtectionIT {
  private static final Arn ROLE = Arn.parse("arn:aws:iam::123456789012:role/replication");

  private static ReplicationDefinition replicationTo(String destination) {
    return ReplicationDefinition.of(ROLE, BucketReplicationRule.of("replicate_all", destination, StorageClass.STANDARD_IA));
  }

  @Test
  void versioningPassesTheDesiredStateContract(Emulator emulator, OpsContext ctx) {
    Fixtures.bucket(ctx, "contract-versioned");
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext real = emulator.contextBuilder().auditSink(audit).build();
        OpsContext dry = emulator.contextBuilder().auditSink(audit).dryRun(true).build()) {
      DesiredStateContract.of(Backups.using(real).s3("contract-versioned").versioning(),
              Backups.using(dry).s3("contract-versioned").versioning(), audit)
          .definitions(List.of(BucketVersioning.enabled()))
          .changed(List.of(BucketVersioning.suspended()), "Status")
          .check();
    }
  }

  @Test
  void replicationPassesTheDesiredStateContract(Emulator emulator, OpsContext ctx) {
    for (String bucket : List.of("contract-source", "contract-replica")) {
      Fixtures.bucket(ctx, bucket);
      Backups.using(ctx).s3(bucket).versioning().enable();
    }
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext real = emulator.contextBuilder().auditSink(audit).build();
        OpsContext dry = emulator.contextBuilder().auditSink(audit).dryRun(true).build()) {
      DesiredStateContract.of(Backups.using(real).s3(BucketName.of("contract-source")).replication(),
              Backups.using(dry).s3(BucketName.of("contract-source")).replication(), audit)
          .definitions(List.of(replicationTo("contract-replica")))
          .changed(List.of(ReplicationDefinition.of(ROLE,
              BucketReplicationRule.of("replicate_all", "contract-replica", StorageClass.GLACIER))),
              "Rules[replicate_all].Destination.StorageClass")
          .check();
    }
  }

  @Test
  void enablesVersioningAndAppliesReplicationThatReadsBack(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.bucket(ctx, "app-data");
    Fixtures.bucket(ctx, "app-data-replica");
    Backups backups = Backups.using(ctx);

    assertThat(backups.s3("app-data").versioning().live().status()).isEqualTo(BucketVersioning.Status.NEVER_ENABLED);
    ApplyResult enabled = backups.s3("app-data").versioning().enable();
    backups.s3("app-data-replica").versioning().enable();
    ApplyResult applied = backups.s3("app-data").replication().apply(List.of(replicationTo("app-data-replica")));
    ApplyResult again = backups.s3("app-data").replication().apply(List.of(replicationTo("app-data-replica")));

    assertThat(enabled.results()).singleElement().satisfies(a -> assertThat(a.change().kind()).isEqualTo(ResourceChange.Kind.CREATE));
    assertThat(backups.s3("app-data").versioning().live()).isEqualTo(BucketVersioning.enabled());
    assertThat(backups.s3("app-data").versioning().enable().results()).isEmpty();
    assertThat(applied.results()).hasSize(1);
    assertThat(again.results()).isEmpty();
    assertThat(again.plan().isEmpty()).isTrue();
    assertThat(backups.s3("app-data").replication().live()).contains(replicationTo("app-data-replica"));
    assertThat(audit.events()).extracting(AuditEvent::operation)
        .containsExactly("s3:PutBucketVersioning", "s3:PutBucketVersioning", "s3:PutBucketReplication");
  }

  @Test
  void theRuleFieldsThatDifferAreNamedInS3WordsAndNoDefinitionDeletesTheConfiguration(OpsContext ctx, InMemoryAuditSink audit) {
    for (String bucket : List.of("logs", "logs-replica", "logs-archive")) {
      Fixtures.bucket(ctx, bucket);
      Backups.using(ctx).s3(bucket).versioning().enable();
    }
    S3Replication replication = Backups.using(ctx).s3("logs").replication();
    replication.apply(List.of(replicationTo("logs-replica")));

    Plan moved = replication.plan(ReplicationDefinition.of(ROLE,
        BucketReplicationRule.of("replicate_all", "logs-archive", StorageClass.STANDARD_IA).disabled()));
    Plan removed = replication.plan(List.of());
    replication.apply(removed);

    assertThat(moved.changes()).singleElement().satisfies(c -> assertThat(c.diffs()).containsExactlyInAnyOrder(
        new FieldDiff("Rules[replicate_all].Status", "Enabled", "Disabled"),
        new FieldDiff("Rules[replicate_all].Destination.Bucket", "arn:aws:s3:::logs-replica", "arn:aws:s3:::logs-archive")));
    assertThat(removed.changes()).extracting(ResourceChange::toString).containsExactly("- delete bucket replication logs");
    assertThat(replication.live()).isEmpty();
    assertThat(replication.plan(List.of()).isEmpty()).isTrue();
    assertThat(audit.events()).extracting(AuditEvent::operation).endsWith("s3:DeleteBucketReplication");
  }

  @Test
  void missingPrerequisitesAreNamedInThePlanAndApplyRefusesBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.bucket(ctx, "logs-source");
    Fixtures.bucket(ctx, "logs-copy");
    S3Replication source = Backups.using(ctx).s3("logs-source").replication();

    Plan plan = source.plan(replicationTo("logs-copy"));

    assertThat(plan.title()).isEqualTo("replication of logs-source; not ready, apply refuses until fixed: versioning is not"
        + " enabled on source bucket logs-source; versioning is not enabled on destination bucket logs-copy");
    assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ResourceChange.Kind.CREATE));
    assertThat(source.missingPrerequisites(replicationTo("logs-copy"))).containsExactly(
        "versioning is not enabled on source bucket logs-source",
        "versioning is not enabled on destination bucket logs-copy");
    assertThatThrownBy(() -> source.apply(plan))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid plan: '" + plan.title() + "'. Allowed: a plan whose prerequisites are met; missing:"
            + " versioning is not enabled on source bucket logs-source; versioning is not enabled on destination bucket logs-copy.");
    assertThat(source.missingPrerequisites(replicationTo("no-such-bucket-here")))
        .contains("destination bucket no-such-bucket-here does not exist");
    assertThat(source.missingPrerequisites(replicationTo("logs-source")))
        .contains("destination bucket logs-source is the source bucket");
    assertThat(audit.events()).isEmpty();

    // Once the prerequisites are met, the same plan applies: apply reads them again.
    Backups.using(ctx).s3("logs-source").versioning().enable();
    Backups.using(ctx).s3("logs-copy").versioning().enable();
    source.apply(plan);
    assertThat(source.live()).contains(replicationTo("logs-copy"));
  }

  @Test
  void aDryRunReturnsOnlyPlannedResultsAndChangesNothing(Emulator emulator, OpsContext ctx) {
    Fixtures.bucket(ctx, "dry-source");
    Fixtures.bucket(ctx, "dry-replica");
    Backups.using(ctx).s3("dry-source").versioning().enable();
    Backups.using(ctx).s3("dry-replica").versioning().enable();
    Fixtures.bucket(ctx, "dry-plain");
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      Backups backups = Backups.using(dry);

      ApplyResult versioning = backups.s3("dry-plain").versioning().enable();
      ApplyResult replication = backups.s3("dry-source").replication().apply(List.of(replicationTo("dry-replica")));

      assertThat(versioning.isPlanned()).isTrue();
      assertThat(versioning.results()).hasSize(1);
      assertThat(replication.isPlanned()).isTrue();
      assertThat(replication.results()).hasSize(1);
      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("s3:PutBucketVersioning", "s3:PutBucketReplication");
      AuditAssertions.assertThat(audit).allPlanned();
    }
    assertThat(Backups.using(ctx).s3("dry-plain").versioning().live().status()).isEqualTo(BucketVersioning.Status.NEVER_ENABLED);
    assertThat(Backups.using(ctx).s3("dry-source").replication().live()).isEmpty();
  }

  @Test
  void aBucketHasOneVersioningStateAndOneReplicationConfiguration(OpsContext ctx, InMemoryAuditSink audit) {
    S3Protection bucket = Backups.using(ctx).s3("any-bucket");

    assertThatThrownBy(() -> bucket.versioning().plan(List.of()))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid versioning: '0 definitions'. Allowed: exactly one: a bucket has one versioning state,"
            + " BucketVersioning.enabled() or suspended()");
    assertThatThrownBy(() -> bucket.versioning().plan(new BucketVersioning(BucketVersioning.Status.NEVER_ENABLED)))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid versioning.status: '(never enabled)'. Allowed: Enabled or Suspended (S3 cannot turn versioning off"
            + " once it was on)");
    assertThatThrownBy(() -> bucket.replication().plan(List.of(replicationTo("a-replica"), replicationTo("b-replica"))))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid replication: '2 definitions'. Allowed: at most one: a bucket has one replication configuration"
            + " (none to remove it)");
    assertThat(audit.events()).isEmpty();
  }
  @Test
  void planAndApplyInOneStepReadsEachBucketsVersioningOnce(Emulator emulator, OpsContext setup) {
    Fixtures.bucket(setup, "once-source");
    Fixtures.bucket(setup, "once-replica");
    Backups.using(setup).s3("once-source").versioning().enable();
    Backups.using(setup).s3("once-replica").versioning().enable();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
        OpsContext ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).build()) {
      S3Replication replication = Backups.using(ctx).s3("once-source").replication();

      replication.apply(List.of(replicationTo("once-replica")));

      // GetBucketReplication, the versioning of both buckets, PutBucketReplication; apply(plan) would read both again.
      assertThat(proxy.requests()).extracting(r -> r.method() + " " + r.target()).containsExactly(
          "GET /once-source?replication", "GET /once-source?versioning", "GET /once-replica?versioning",
          "PUT /once-source?replication");
      assertThat(replication.live()).contains(replicationTo("once-replica"));
    }
  }

  @Test
  void planAndApplyInOneStepRefusesMissingPrerequisitesBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.bucket(ctx, "unready-source");
    Fixtures.bucket(ctx, "unready-replica");
    Backups.using(ctx).s3("unready-source").versioning().enable();
    audit.clear();
    S3Replication replication = Backups.using(ctx).s3("unready-source").replication();

    assertThatThrownBy(() -> replication.apply(List.of(replicationTo("unready-replica"))))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid plan: 'replication of unready-source; not ready, apply refuses until fixed: versioning is not"
            + " enabled on destination bucket unready-replica'. Allowed: a plan whose prerequisites are met; missing:"
            + " versioning is not enabled on destination bucket unready-replica. Enable versioning on both buckets first"
            + " (S3Protection.versioning().enable())");
    assertThat(audit.events()).isEmpty();
    assertThat(replication.live()).isEmpty();
  }
}
