package dev.opskit.cost.internal;

import dev.opskit.cost.CostOptions;
import dev.opskit.cost.explorer.CostRow;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;

/**
 * The Cost Explorer answer caches of one context tree ({@code OpsContext.shared}), one per set of options: every
 * {@code Costs} of the tree with the same budget and cache time answers identical requests from the same cache.
 */
final class ExplorerCaches {
  private final ConcurrentMap<CostOptions, TtlCache<GetCostAndUsageRequest, List<CostRow>>> byOptions =
      new ConcurrentHashMap<>();

  TtlCache<GetCostAndUsageRequest, List<CostRow>> of(CostOptions options, Clock clock) {
    return byOptions.computeIfAbsent(options, o -> new TtlCache<>(clock, o.cacheTtl()));
  }
}
