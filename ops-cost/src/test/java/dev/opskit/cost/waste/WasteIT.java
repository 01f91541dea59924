package dev.opskit.cost.waste;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.cost.Costs;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/** Acceptance item 3: the waste finder and the cleanup cycle on a moto estate. */
@OpsEmulatorTest
class WasteIT {
  /** Snapshots made now are 100 days old on the finder's clock: older than thrifty's 90. */
  private final Instant start = Instant.now().plus(100, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  private static OpsContext at(Emulator emulator, Instant when, boolean dryRun, InMemoryAuditSink audit) {
    return emulator.contextBuilder().clock(Clock.fixed(when, ZoneOffset.UTC)).dryRun(dryRun).auditSink(audit).build();
  }

  @Test
  void findsEachKindOfWasteOnceAndNothingElseWithTheCallersThresholds(Emulator emulator, OpsContext setup) {
    emulator.reset();
    WasteEstate estate = WasteEstate.build(setup, start);
    try (OpsContext ctx = at(emulator, start, false, new InMemoryAuditSink())) {
      List<Finding> findings = Costs.using(ctx).waste(Prices.table(WasteEstate.PRICES)).find();

      assertThat(findings).extracting(Finding::kind, Finding::resourceId).containsExactly(
          org.assertj.core.groups.Tuple.tuple(WasteKind.UNATTACHED_VOLUME, estate.unattachedVolume),
          org.assertj.core.groups.Tuple.tuple(WasteKind.UNASSOCIATED_ADDRESS, estate.freeAddress),
          org.assertj.core.groups.Tuple.tuple(WasteKind.IDLE_LOAD_BALANCER, estate.idleLoadBalancer),
          org.assertj.core.groups.Tuple.tuple(WasteKind.OLD_SNAPSHOT, estate.oldSnapshot),
          org.assertj.core.groups.Tuple.tuple(WasteKind.ORPHANED_DB_SNAPSHOT, estate.orphanDbSnapshotArn),
          org.assertj.core.groups.Tuple.tuple(WasteKind.IDLE_INSTANCE, estate.idleInstance));
      assertThat(findings).allSatisfy(f -> assertThat(f.estimate().source()).isEqualTo(PriceSource.PRICE_TABLE));
      assertThat(findings).extracting(f -> f.estimate().monthlyUsd()).usingElementComparator(java.math.BigDecimal::compareTo)
          .containsExactly(WasteEstate.usd("10.00"), WasteEstate.usd("3.65"), WasteEstate.usd("16.425"),
              WasteEstate.usd("2.50"), WasteEstate.usd("2.85"), WasteEstate.usd("7.592"));
      assertThat(findings.get(0).estimate().basis()).isEqualTo("100 GB gp2 × USD 0.10 per GB_MONTH");
      assertThat(findings.get(5).detail()).contains("highest daily average CPU over 30 days was 4.00 %, under 20 %");

      // The thresholds are the caller's: a younger age spares the snapshot, a higher CPU threshold takes the busy one.
      WasteCriteria other = WasteCriteria.defaults().snapshotsOlderThan(Duration.ofDays(101))
          .idleCpuUnder(new java.math.BigDecimal("60")).only(java.util.EnumSet.of(WasteKind.OLD_SNAPSHOT, WasteKind.IDLE_INSTANCE));
      assertThat(Waste.using(ctx, Prices.table(WasteEstate.PRICES)).find(other)).extracting(Finding::resourceId)
          .containsExactlyInAnyOrder(estate.idleInstance, estate.busyInstance);
    }
  }

  @Test
  void theCleanupCycleMarksRechecksUnmarksWhatCameBackAndDeletesTheRest(Emulator emulator, OpsContext setup) {
    emulator.reset();
    WasteEstate estate = WasteEstate.build(setup, start);
    List<CleanupNotice> notices = new ArrayList<>();
    CleanupPolicy policy = CleanupPolicy.defaults().notifier(notices::add);
    Prices prices = Prices.table(WasteEstate.PRICES);
    LocalDate deleteAfter = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(7);
    InMemoryAuditSink audit = new InMemoryAuditSink();

    List<Finding> findings;
    try (OpsContext ctx = at(emulator, start, false, audit)) {
      findings = Waste.using(ctx, prices).find();
    }
    assertThat(findings).hasSize(6);

    // Dry run: exactly the six tag calls, nothing tagged.
    try (OpsContext dry = at(emulator, start, true, audit)) {
      CleanupResult planned = Waste.using(dry, prices).cleanup(policy).mark(findings);
      assertThat(planned.applied().isPlanned()).isTrue();
      assertThat(planned.applied().plan().changes()).flatExtracting(ResourceChange::calls).extracting(PlannedCall::operation)
          .containsExactlyInAnyOrder("ec2:CreateTags", "ec2:CreateTags", "elasticloadbalancing:AddTags", "ec2:CreateTags",
              "rds:AddTagsToResource", "ec2:CreateTags");
      assertThat(planned.notice().dryRun()).isTrue();
      AuditAssertions.assertThat(audit).allPlanned();
    }
    try (OpsContext ctx = at(emulator, start, false, audit)) {
      assertThat(Waste.using(ctx, prices).find()).allSatisfy(f -> assertThat(f.tags()).doesNotContainKey(Cleanup.MARK_TAG));
    }

    // Mark.
    audit.clear();
    try (OpsContext ctx = at(emulator, start, false, audit)) {
      CleanupResult marked = Waste.using(ctx, prices).cleanup(policy).mark(findings);
      assertThat(marked.notice().marked()).extracting(MarkedResource::resourceId)
          .containsExactlyElementsOf(findings.stream().map(Finding::resourceId).toList());
      assertThat(marked.notice().marked()).extracting(MarkedResource::deleteAfter).containsOnly(deleteAfter);
      assertThat(audit.events()).hasSize(6).extracting(AuditEvent::outcome).containsOnly(Outcome.SUCCEEDED);
      assertThat(Waste.using(ctx, prices).find()).allSatisfy(
          f -> assertThat(f.tags()).containsEntry(Cleanup.MARK_TAG, deleteAfter.toString()));
      // Marking again changes nothing: every finding already carries its mark.
      assertThat(Waste.using(ctx, prices).cleanup(policy).planMark(Waste.using(ctx, prices).find()).isEmpty()).isTrue();
    }

    // Before the date the sweep waits.
    audit.clear();
    try (OpsContext ctx = at(emulator, start.plus(3, ChronoUnit.DAYS), false, audit)) {
      CleanupResult early = Waste.using(ctx, prices).cleanup(policy).sweep();
      assertThat(early.applied().plan().isEmpty()).isTrue();
      assertThat(early.notice().waiting()).hasSize(6);
      assertThat(audit.events()).isEmpty();
    }

    // In between, the volume comes back into use.
    setup.client(Ec2Client.class, Ec2Client::builder).attachVolume(
        r -> r.volumeId(estate.unattachedVolume).instanceId(estate.busyInstance).device("/dev/sdg"));

    // At the date: dry run lists exactly what the sweep would do.
    Instant due = start.plus(7, ChronoUnit.DAYS);
    try (OpsContext dry = at(emulator, due, true, audit)) {
      CleanupResult planned = Waste.using(dry, prices).cleanup(policy).sweep();
      assertThat(planned.applied().plan().changes(ResourceChange.Kind.UPDATE)).extracting(ResourceChange::resource)
          .containsExactly(estate.unattachedVolume);
      assertThat(planned.applied().plan().changes(ResourceChange.Kind.DELETE)).extracting(ResourceChange::resource)
          .containsExactlyInAnyOrder(estate.freeAddress, estate.idleLoadBalancer, estate.oldSnapshot,
              estate.orphanDbSnapshotArn, estate.idleInstance);
      assertThat(planned.applied().plan().changes()).flatExtracting(ResourceChange::calls).extracting(PlannedCall::operation)
          .containsExactlyInAnyOrder("ec2:DeleteTags", "ec2:ReleaseAddress", "elasticloadbalancing:DeleteLoadBalancer",
              "ec2:DeleteSnapshot", "rds:DeleteDBSnapshot", "ec2:StopInstances", "ec2:DeleteTags");
      AuditAssertions.assertThat(audit).allPlanned();
    }
    assertThat(exists(setup, estate)).containsOnly(true);

    // At the date: unmark what came back, delete the rest.
    audit.clear();
    notices.clear();
    try (OpsContext ctx = at(emulator, due, false, audit)) {
      CleanupResult swept = Waste.using(ctx, prices).cleanup(policy).sweep();

      assertThat(swept.notice().unmarked()).extracting(MarkedResource::resourceId).containsExactly(estate.unattachedVolume);
      assertThat(swept.notice().deleted()).extracting(MarkedResource::resourceId).containsExactlyInAnyOrder(
          estate.freeAddress, estate.idleLoadBalancer, estate.oldSnapshot, estate.orphanDbSnapshotArn, estate.idleInstance);
      assertThat(notices).containsExactly(swept.notice());
      assertThat(audit.events()).hasSize(7).extracting(AuditEvent::outcome).containsOnly(Outcome.SUCCEEDED);
      assertThat(Waste.using(ctx, prices).find()).isEmpty();
    }
    assertThat(exists(setup, estate)).containsExactly(true, false, false, false, false);
    Ec2Client ec2 = setup.client(Ec2Client.class, Ec2Client::builder);
    assertThat(ec2.describeVolumes(r -> r.volumeIds(estate.unattachedVolume)).volumes().get(0).tags())
        .noneMatch(t -> t.key().equals(Cleanup.MARK_TAG));
    var idle = ec2.describeInstances(r -> r.instanceIds(estate.idleInstance)).reservations().get(0).instances().get(0);
    assertThat(idle.state().name()).isIn(InstanceStateName.STOPPING, InstanceStateName.STOPPED);
    assertThat(idle.tags()).noneMatch(t -> t.key().equals(Cleanup.MARK_TAG));
    // What was in use is untouched.
    assertThat(ec2.describeVolumes(r -> r.volumeIds(estate.attachedVolume)).volumes()).hasSize(1);
    assertThat(ec2.describeAddresses().addresses()).extracting(a -> a.allocationId()).containsExactly(estate.usedAddress);
    assertThat(ec2.describeSnapshots(r -> r.snapshotIds(estate.amiSnapshot)).snapshots()).hasSize(1);
  }

  /** {@return whether the re-attached volume and the four other deletable findings still exist} */
  private static List<Boolean> exists(OpsContext ctx, WasteEstate estate) {
    Ec2Client ec2 = ctx.client(Ec2Client.class, Ec2Client::builder);
    List<String> addresses = ec2.describeAddresses().addresses().stream().map(a -> a.allocationId()).toList();
    List<String> lbs = ctx.client(ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder)
        .describeLoadBalancers().loadBalancers().stream().map(LoadBalancer::loadBalancerArn).toList();
    List<String> snapshots = ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots().stream().map(s -> s.snapshotId())
        .toList();
    List<String> dbSnapshots = ctx.client(RdsClient.class, RdsClient::builder).describeDBSnapshots().dbSnapshots().stream()
        .map(DBSnapshot::dbSnapshotArn).toList();
    return List.of(!ec2.describeVolumes(r -> r.volumeIds(estate.unattachedVolume)).volumes().isEmpty(),
        addresses.contains(estate.freeAddress), lbs.contains(estate.idleLoadBalancer),
        snapshots.contains(estate.oldSnapshot), dbSnapshots.contains(estate.orphanDbSnapshotArn));
  }

}
