package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.CostExplorer;
import dev.opskit.cost.explorer.CostQuery;
import dev.opskit.cost.explorer.CostResult;
import dev.opskit.cost.explorer.CostRow;
import dev.opskit.cost.explorer.DateWindows;
import dev.opskit.cost.explorer.RequestBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;

/** {@link CostExplorer}: window check, every page, each charged to the budget, complete answers cached. */
final class CostExplorerImpl implements CostExplorer {
  static final String OPERATION = "ce:GetCostAndUsage";
  private static final Logger LOG = LoggerFactory.getLogger(CostExplorerImpl.class);

  private final OpsContext ctx;
  private final CeAccess access;
  private final TtlCache<GetCostAndUsageRequest, List<CostRow>> cache;

  CostExplorerImpl(OpsContext ctx, CeAccess access) {
    this.ctx = ctx;
    this.access = access;
    this.cache = ctx.shared(ExplorerCaches.class, ExplorerCaches::new).of(access.options(), ctx.clock());
  }

  @Override
  public CostResult query(CostQuery query) {
    GetCostAndUsageRequest first = checked(query);
    Optional<List<CostRow>> cached = cache.get(first);
    if (cached.isPresent()) {
      LOG.debug("query={} fromCache=true rows={}", query, cached.get().size());
      return new CostResult(query, cached.get(), 0, true, false, 0);
    }
    if (ctx.isDryRun()) {
      return new CostResult(query, List.of(), 0, false, true, 1);
    }
    AtomicInteger requests = new AtomicInteger();
    List<CostRow> rows;
    try (Stream<CostRow> all = fetch(query, first, n -> requests.incrementAndGet())) {
      rows = all.toList();
    }
    LOG.debug("query={} requests={} rows={}", query, requests.get(), rows.size());
    return new CostResult(query, rows, requests.get(), false, false, requests.get());
  }

  @Override
  public Stream<CostRow> stream(CostQuery query) {
    GetCostAndUsageRequest first = checked(query);
    Optional<List<CostRow>> cached = cache.get(first);
    if (cached.isPresent()) {
      return cached.get().stream();
    }
    if (ctx.isDryRun()) {
      return Stream.empty();
    }
    return fetch(query, first, n -> { });
  }

  @Override
  public int requestsAtLeast(CostQuery query) {
    GetCostAndUsageRequest first = checked(query);
    return cache.get(first).isPresent() ? 0 : 1;
  }

  @Override
  public RequestBudget budget() {
    return access.options().budget();
  }

  private GetCostAndUsageRequest checked(CostQuery query) {
    Checks.present("query", query, "a CostQuery");
    DateWindows.check(query.timePeriod(), query.granularity(), query.multiYear(), DateWindows.today(ctx.clock()));
    return CeRequests.costAndUsage(query);
  }

  /** Every page, lazily; the answer is cached once the last page is read. */
  private Stream<CostRow> fetch(CostQuery query, GetCostAndUsageRequest first, IntConsumer onRequest) {
    CostExplorerClient ce = access.costExplorer();
    // Rows are kept for the cache only when there is one, so a cache-less stream holds one page at a time.
    boolean caching = !access.options().cacheTtl().isZero();
    List<CostRow> collected = new ArrayList<>();
    AtomicInteger pages = new AtomicInteger();
    return Reads.stream(OPERATION, null, () -> Pages.stream(OPERATION, (@Nullable String token) -> {
      access.options().budget().charge(OPERATION);
      onRequest.accept(pages.incrementAndGet());
      GetCostAndUsageRequest request = token == null ? first : first.toBuilder().nextPageToken(token).build();
      GetCostAndUsageResponse response = ce.getCostAndUsage(request);
      List<CostRow> rows = CeRows.of(response.resultsByTime(), query.metrics());
      if (caching) {
        collected.addAll(rows);
      }
      Page<CostRow> page = Page.of(rows, response.nextPageToken());
      if (caching && page.next().isEmpty()) {
        cache.put(first, List.copyOf(collected));
      }
      return page;
    }));
  }
}
