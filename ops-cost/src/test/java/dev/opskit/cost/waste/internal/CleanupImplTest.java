package dev.opskit.cost.waste.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.cost.waste.Cleanup;
import dev.opskit.cost.waste.CleanupNotice;
import dev.opskit.cost.waste.CleanupPolicy;
import dev.opskit.cost.waste.CleanupResult;
import dev.opskit.cost.waste.CostEstimate;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.MarkedResource;
import dev.opskit.cost.waste.Prices;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The cycle's decisions, on scans that answer what each case needs (a dry-run context: nothing is sent). */
class CleanupImplTest {
  private static final Instant NOW = Instant.parse("2026-12-10T08:00:00Z");
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(AnonymousCredentialsProvider.create()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).dryRun(true)
      .auditSink(audit).build();

  @AfterEach
  void close() {
    ctx.close();
  }

  /** A scan answering fixed resources; its changes only describe calls (a dry run never makes them). */
  private static KindScan scan(WasteKind kind, List<Scanned> resources) {
    return new KindScan() {
      @Override
      public WasteKind kind() {
        return kind;
      }

      @Override
      public List<Scanned> scan(WasteCriteria criteria, Estimator estimator) {
        return resources;
      }

      @Override
      public Change<?> tag(String id, String key, String value) {
        return Change.described("ec2:CreateTags", id, Map.of(key, value), () -> "tagged").build();
      }

      @Override
      public Change<?> untag(String id, String key, String value) {
        return Change.described("ec2:DeleteTags", id, Map.of(key, value), () -> "untagged").build();
      }

      @Override
      public List<Change<?>> remove(String id, String markValue) {
        return List.of(Change.described("ec2:DeleteVolume", id, Map.of("VolumeId", id), () -> "deleted").build());
      }
    };
  }

  private static Finding finding(WasteKind kind, String id, Map<String, String> tags) {
    return new Finding(kind, id, "waste", CostEstimate.unpriced("test"), tags);
  }

  private static Scanned waste(String id, Map<String, String> tags) {
    return new Scanned(id, tags, finding(WasteKind.UNATTACHED_VOLUME, id, tags));
  }

  private Cleanup cleanup(Map<WasteKind, KindScan> scans, CleanupPolicy policy) {
    WasteImpl waste = mock(WasteImpl.class);
    when(waste.scans()).thenReturn(scans);
    when(waste.estimator()).thenReturn(new Estimator(Prices.none(), Region.US_EAST_1));
    return new CleanupImpl(ctx, waste, policy);
  }

  @Test
  void markDatesEachNewFindingAfterTheGraceAndLeavesMarkedOnesAlone() {
    Map<WasteKind, KindScan> scans = new EnumMap<>(WasteKind.class);
    scans.put(WasteKind.UNATTACHED_VOLUME, scan(WasteKind.UNATTACHED_VOLUME, List.of()));
    List<CleanupNotice> notices = new ArrayList<>();
    Cleanup cleanup = cleanup(scans, CleanupPolicy.defaults().grace(java.time.Duration.ofDays(14)).notifier(notices::add));

    CleanupResult result = cleanup.mark(List.of(finding(WasteKind.UNATTACHED_VOLUME, "vol-new", Map.of()),
        finding(WasteKind.UNATTACHED_VOLUME, "vol-old", Map.of(Cleanup.MARK_TAG, "2026-12-01"))));

    assertThat(result.applied().plan().changes()).extracting(ResourceChange::kind, ResourceChange::resource).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.UPDATE, "vol-new"),
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.UNCHANGED, "vol-old"));
    assertThat(result.applied().plan().changes().get(0).calls()).extracting(PlannedCall::parameters)
        .containsExactly(Map.of(Cleanup.MARK_TAG, "2026-12-24"));
    assertThat(notices).singleElement().satisfies(n -> {
      assertThat(n.marked()).containsExactly(new MarkedResource(WasteKind.UNATTACHED_VOLUME, "vol-new",
          LocalDate.of(2026, 12, 24)));
      assertThat(n.dryRun()).isTrue();
    });
    assertThat(audit.events()).hasSize(1);
  }

  @Test
  void sweepUnmarksWhatCameBackDeletesWhatIsDueWaitsForTheRestAndLeavesForeignValuesAlone() {
    Map<WasteKind, KindScan> scans = new EnumMap<>(WasteKind.class);
    scans.put(WasteKind.UNATTACHED_VOLUME, scan(WasteKind.UNATTACHED_VOLUME, List.of(
        waste("vol-due", Map.of(Cleanup.MARK_TAG, "2026-12-10")),
        waste("vol-later", Map.of(Cleanup.MARK_TAG, "2026-12-11")),
        new Scanned("vol-back", Map.of(Cleanup.MARK_TAG, "2026-12-30"), null),
        waste("vol-odd", Map.of(Cleanup.MARK_TAG, "next tuesday")),
        waste("vol-unmarked", Map.of()))));
    scans.put(WasteKind.OLD_SNAPSHOT, scan(WasteKind.OLD_SNAPSHOT, List.of(
        waste("snap-not-rechecked", Map.of(Cleanup.MARK_TAG, "2026-01-01")))));
    CleanupPolicy policy = CleanupPolicy.defaults().criteria(WasteCriteria.defaults().only(
        EnumSet.of(WasteKind.UNATTACHED_VOLUME)));

    CleanupResult result = cleanup(scans, policy).sweep();

    assertThat(result.applied().plan().changes()).extracting(ResourceChange::kind, ResourceChange::resource)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.DELETE, "vol-due"),
            org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.UNCHANGED, "vol-later"),
            org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.UPDATE, "vol-back"));
    assertThat(result.notice().deleted()).extracting(MarkedResource::resourceId).containsExactly("vol-due");
    assertThat(result.notice().waiting()).extracting(MarkedResource::resourceId).containsExactly("vol-later");
    assertThat(result.notice().unmarked()).extracting(MarkedResource::resourceId).containsExactly("vol-back");
    assertThat(result.applied().isPlanned()).isTrue();
    assertThat(audit.events()).hasSize(2);
  }
}
