package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.value.Arn;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * "Already exists" and creates without idempotency token, against moto: only what this very call made
 * (an earlier attempt whose answer was lost) is ever taken as its result or removed as its duplicate.
 */
@OpsEmulatorTest
class CreateIdempotencyIT {
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private FaultInjectingProxy proxy;
  private OpsContext ctx;

  @BeforeEach
  void proxy(Emulator emulator) {
    proxy = FaultInjectingProxy.start(emulator.endpoint());
    ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).auditSink(audit)
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(10)))
        .build();
  }

  @AfterEach
  void close() {
    ctx.close();
    proxy.close();
  }

  @Test
  void twoBackupsOfTheSameNameWithinAMinuteAreBothKept(OpsContext direct) {
    Fixtures.table(direct, "user-sessions");
    DynamoDbBackups table = Backups.using(ctx).dynamoDb("user-sessions");

    TableBackup first = table.createBackup("user-sessions-nightly").orElseThrow();
    TableBackup second = table.createBackup("user-sessions-nightly").orElseThrow();

    assertThat(Fixtures.backups(direct, "user-sessions")).extracting(TableBackup::arn)
        .containsExactlyInAnyOrder(first.arn(), second.arn());
    assertThat(audit.events()).extracting(AuditEvent::operation).doesNotContain("dynamodb:DeleteBackup");
  }

  @Test
  void aSameNameBackupAnotherClientMadeSecondsEarlierIsKept(OpsContext direct) {
    Fixtures.table(direct, "api-sessions");
    TableBackup others = Backups.using(direct).dynamoDb("api-sessions").createBackup("user-sessions-nightly").orElseThrow();
    proxy.dropResponses(1, r -> r.mentions("DynamoDB_20120810.CreateBackup"));

    TableBackup mine = Backups.using(ctx).dynamoDb("api-sessions").createBackup("user-sessions-nightly").orElseThrow();

    List<Arn> arns = Fixtures.backups(direct, "api-sessions").stream().map(TableBackup::arn).toList();
    // The other client's backup is dated before this call's first attempt (AWS's clock aligned on ours through the
    // answered backup): it is not this call's and stays. The lost attempt's duplicate is removed.
    assertThat(arns).containsExactlyInAnyOrder(others.arn(), mine.arn());
    assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("dynamodb:DeleteBackup", "dynamodb:CreateBackup");
    assertThat(audit.events().get(0).target()).isNotEqualTo(others.arn().toString());
    assertThat(audit.events().get(1).detail()).startsWith("removed [").doesNotContain(others.arn().toString());
  }

  @Test
  void withEveryAnswerLostOneBackupRemainsAndItIsTheResult(OpsContext direct) {
    Fixtures.table(direct, "orders");
    proxy.dropResponses(RetryPolicy.DEFAULT.maxAttempts(), r -> r.mentions("DynamoDB_20120810.CreateBackup"));

    TableBackup backup = Backups.using(ctx).dynamoDb("orders").createBackup("orders-before-migration").orElseThrow();

    assertThat(proxy.droppedResponses()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
    assertThat(Fixtures.backups(direct, "orders")).extracting(TableBackup::arn).containsExactly(backup.arn());
    assertThat(audit.events()).filteredOn(e -> e.operation().equals("dynamodb:DeleteBackup"))
        .hasSize(RetryPolicy.DEFAULT.maxAttempts() - 1).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED));
    assertThat(audit.events()).last().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("dynamodb:CreateBackup");
      assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(e.detail()).startsWith("every answer of the call was lost, but attempts made " + backup.arn());
    });
  }

  @Test
  void aSnapshotNameThatExistsIsNotTakenAsThisCallsSnapshot(OpsContext direct) {
    Fixtures.instance(direct, "prod-database", 7, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("prod-database");
    DbSnapshot old = rds.snapshot(o -> o.name("before-upgrade")).orElseThrow();

    assertThatThrownBy(() -> rds.snapshot(o -> o.name("before-upgrade")))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("rds:CreateDBSnapshot on before-upgrade: before-upgrade already exists, and this call did not make it:"
            + " its first attempt met it. Choose another name, or delete the existing resource if it is no longer needed.");
    assertThat(audit.events()).filteredOn(e -> e.operation().equals("rds:CreateDBSnapshot"))
        .extracting(AuditEvent::outcome).containsExactly(Outcome.SUCCEEDED, Outcome.FAILED);
    assertThat(old.id()).isEqualTo("before-upgrade");
  }

  @Test
  void concurrentSnapshotsEachGetTheirOwn(OpsContext direct) throws Exception {
    Fixtures.instance(direct, "ledger-db", 7, Map.of());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<DbSnapshot>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> Backups.using(ctx).rds("ledger-db").snapshot(o -> o.waitUntilAvailable(false)).orElseThrow());
      }
      List<String> ids = new ArrayList<>();
      for (Future<DbSnapshot> f : pool.invokeAll(calls)) {
        ids.add(f.get().id());
      }

      assertThat(ids).doesNotHaveDuplicates().hasSize(8);
      assertThat(Fixtures.rds(direct).describeDBSnapshots(r -> r.dbInstanceIdentifier("ledger-db")).dbSnapshots())
          .filteredOn(s -> "manual".equals(s.snapshotType()))
          .extracting(DBSnapshot::dbSnapshotIdentifier).containsExactlyInAnyOrderElementsOf(ids);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondRestoreIntoTheSameTableNameIsRefusedNamingTheFirst(OpsContext direct) {
    Fixtures.table(direct, "carts");
    DynamoDbBackups table = Backups.using(ctx).dynamoDb("carts");
    PointInTimeRecovery status = table.enablePointInTimeRecovery().orElseThrow();
    Instant first = status.latestRestorable();
    table.restoreToPointInTime(first, "carts-restored");
    audit.clear();

    assertThatThrownBy(() -> table.restoreToPointInTime(table.pointInTimeRecovery().latestRestorable(), "carts-restored"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageStartingWith("dynamodb:RestoreTableToPointInTime on carts-restored: table carts-restored already"
            + " exists (restored from arn:aws:dynamodb:us-east-1:")
        .hasMessageContaining("restore into a name no table uses, or delete that table first");
    assertThat(audit.events()).isEmpty();
  }
}
