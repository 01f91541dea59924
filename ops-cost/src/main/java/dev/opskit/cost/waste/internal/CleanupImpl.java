package dev.opskit.cost.waste.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.waste.Cleanup;
import dev.opskit.cost.waste.CleanupNotice;
import dev.opskit.cost.waste.CleanupPolicy;
import dev.opskit.cost.waste.CleanupResult;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.MarkedResource;
import dev.opskit.cost.waste.WasteKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cleanup cycle: marks are tags holding a date, the sweep re-checks with the finder's own scans. */
final class CleanupImpl implements Cleanup {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupImpl.class);
  private static final String MARK_FIELD = "Tags." + MARK_TAG;

  private final OpsContext ctx;
  private final WasteImpl waste;
  private final CleanupPolicy policy;

  CleanupImpl(OpsContext ctx, WasteImpl waste, CleanupPolicy policy) {
    this.ctx = ctx;
    this.waste = waste;
    this.policy = policy;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
  }

  /** A plan with what it means for the notice. */
  private record Cycle(Plan plan, List<MarkedResource> marked, List<MarkedResource> unmarked,
      List<MarkedResource> deleted, List<MarkedResource> waiting) {}

  @Override
  public Plan planMark(Collection<Finding> findings) {
    return markCycle(findings).plan();
  }

  private Cycle markCycle(Collection<Finding> findings) {
    List<Finding> all = Checks.list("findings", findings, "findings of Waste.find()");
    Map<WasteKind, KindScan> scans = waste.scans();
    LocalDate after = today().plusDays(policy.grace().toDays());
    List<ResourceChange> changes = new ArrayList<>();
    List<MarkedResource> marked = new ArrayList<>();
    for (Finding f : all) {
      String type = f.kind().description();
      if (f.tags().containsKey(MARK_TAG)) {
        changes.add(ResourceChange.unchanged(type, f.resourceId()));
        continue;
      }
      KindScan scan = scans.get(f.kind());
      if (scan == null) {
        throw new IllegalStateException("no scan for " + f.kind());
      }
      changes.add(ResourceChange.update(type, f.resourceId(), List.of(FieldDiff.of(MARK_FIELD, null, after)),
          List.of(scan.tag(f.resourceId(), MARK_TAG, after.toString()))));
      marked.add(new MarkedResource(f.kind(), f.resourceId(), after));
    }
    return new Cycle(Plan.of("mark waste for deletion after " + after, changes), marked, List.of(), List.of(),
        List.of());
  }

  @Override
  public CleanupResult mark(Collection<Finding> findings) {
    return run(Step.MARK, markCycle(findings));
  }

  @Override
  public Plan planSweep() {
    return sweepCycle().plan();
  }

  private Cycle sweepCycle() {
    LocalDate today = today();
    Estimator estimator = waste.estimator();
    List<ResourceChange> changes = new ArrayList<>();
    List<MarkedResource> unmarked = new ArrayList<>();
    List<MarkedResource> deleted = new ArrayList<>();
    List<MarkedResource> waiting = new ArrayList<>();
    waste.scans().forEach((kind, scan) -> {
      if (!policy.criteria().kinds().contains(kind)) {
        return;
      }
      for (Scanned s : scan.scan(policy.criteria(), estimator)) {
        String mark = s.tags().get(MARK_TAG);
        if (mark == null) {
          continue;
        }
        LocalDate date;
        try {
          date = LocalDate.parse(mark);
        } catch (DateTimeParseException e) {
          LOG.debug("cleanup mark not a date, left alone resource={} value={}", s.id(), mark);
          continue;
        }
        MarkedResource resource = new MarkedResource(kind, s.id(), date);
        String type = kind.description();
        if (s.finding() == null) {
          changes.add(ResourceChange.update(type, s.id(), List.of(FieldDiff.of(MARK_FIELD, mark, null)),
              List.of(scan.untag(s.id(), MARK_TAG, mark))));
          unmarked.add(resource);
        } else if (!today.isBefore(date)) {
          changes.add(ResourceChange.delete(type, s.id(), scan.remove(s.id(), mark)));
          deleted.add(resource);
        } else {
          changes.add(ResourceChange.unchanged(type, s.id()));
          waiting.add(resource);
        }
      }
    });
    return new Cycle(Plan.of("sweep of marked waste on " + today, changes), List.of(), unmarked, deleted, waiting);
  }

  @Override
  public CleanupResult sweep() {
    return run(Step.SWEEP, sweepCycle());
  }

  private CleanupResult run(Step step, Cycle cycle) {
    ApplyResult applied = ctx.gate().apply(cycle.plan());
    CleanupNotice notice = new CleanupNotice(step, cycle.marked(), cycle.unmarked(), cycle.deleted(), cycle.waiting(),
        ctx.gate().isDryRun());
    policy.notifier().notify(notice);
    return new CleanupResult(notice, applied);
  }
}
