package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

@OpsEmulatorTest
class PruneIT {

  @Test
  void keepLastDryRunListsExactlyWhatWouldGoThenPruneDeletesIt(Emulator emulator, OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "prune-db", 7, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("prune-db");
    for (String name : List.of("prune-db-a", "prune-db-b", "prune-db-c", "prune-db-d")) {
      rds.snapshot(o -> o.name(name));
    }
    List<String> newestFirst = Fixtures.snapshots(ctx, "prune-db").stream().filter(s -> s.type() == DbSnapshot.Type.MANUAL)
        .map(DbSnapshot::id).toList();
    InMemoryAuditSink dryAudit = new InMemoryAuditSink();

    PruneResult plan;
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(dryAudit).build()) {
      plan = Backups.using(dry).rds("prune-db").prune(PrunePolicy.keepLast(2));
    }

    assertThat(plan.isPlanned()).isTrue();
    assertThat(plan.deleted()).extracting(d -> d.result().call().operation()).containsOnly("rds:DeleteDBSnapshot");
    assertThat(plan.deleted()).allSatisfy(d -> assertThat(d.result()).isInstanceOf(ChangeResult.Planned.class));
    assertThat(plan.keptIds()).containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(plan.deletedIds()).containsExactlyElementsOf(newestFirst.subList(2, 4));
    assertThat(plan.kept().get(0).reason()).startsWith("newest manual snapshot");
    assertThat(plan.deleted()).allSatisfy(d -> assertThat(d.reason()).startsWith("not among the newest 2"));
    assertThat(dryAudit.events()).extracting(AuditEvent::target).containsExactlyElementsOf(newestFirst.subList(2, 4));
    AuditAssertions.assertThat(dryAudit).allPlanned();
    assertThat(Fixtures.manualSnapshots(ctx, "prune-db")).hasSize(4);

    audit.clear();
    PruneResult done = rds.prune(PrunePolicy.keepLast(2));

    assertThat(done.isPlanned()).isFalse();
    // The value is the snapshot as DeleteDBSnapshot answered (AWS says deleted; moto still says available).
    assertThat(done.deleted()).allSatisfy(d -> assertThat(d.result().orElseThrow().id()).isEqualTo(d.snapshot().id()));
    assertThat(done.deletedIds()).isEqualTo(plan.deletedIds());
    assertThat(Fixtures.manualSnapshots(ctx, "prune-db")).extracting(DBSnapshot::dbSnapshotIdentifier)
        .containsExactlyInAnyOrderElementsOf(newestFirst.subList(0, 2));
    assertThat(audit.events()).extracting(AuditEvent::outcome).containsOnly(Outcome.SUCCEEDED).hasSize(2);
  }

  @Test
  void byAgeDeletesOldSnapshotsButNeverTheNewest(Emulator emulator, OpsContext ctx) {
    Fixtures.instance(ctx, "aged-db", 7, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("aged-db");
    rds.snapshot(o -> o.name("aged-db-1"));
    rds.snapshot(o -> o.name("aged-db-2"));
    Instant fortyDaysOn = Instant.now().plus(Duration.ofDays(40));

    try (OpsContext later = emulator.contextBuilder().clock(Clock.fixed(fortyDaysOn, ZoneOffset.UTC)).build()) {
      PruneResult result = Backups.using(later).rds("aged-db").prune(PrunePolicy.olderThan(Duration.ofDays(30)));

      assertThat(result.kept()).singleElement().satisfies(d -> assertThat(d.reason()).startsWith("newest manual snapshot"));
      assertThat(result.deleted()).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("older than 30 days"));
    }
    assertThat(Fixtures.manualSnapshots(ctx, "aged-db")).hasSize(1);
  }

  @Test
  void youngSnapshotsAreKeptByTheAgeRule(OpsContext ctx) {
    Fixtures.instance(ctx, "young-db", 7, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("young-db");
    rds.snapshot(o -> o.name("young-db-1"));
    rds.snapshot(o -> o.name("young-db-2"));

    PruneResult result = rds.prune(PrunePolicy.olderThan(Duration.ofDays(30)));

    assertThat(result.deleted()).isEmpty();
    assertThat(result.kept()).hasSize(2);
    assertThat(result.kept().get(1).reason()).isEqualTo("not older than 30 days");
  }
}
