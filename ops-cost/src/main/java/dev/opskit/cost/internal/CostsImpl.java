package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.cost.CostOptions;
import dev.opskit.cost.Costs;
import dev.opskit.cost.explorer.CostExplorer;

/** {@link Costs}: one explorer (one cache) per instance, every part sharing the options' budget. */
public final class CostsImpl implements Costs {
  private final OpsContext ctx;
  private final CostOptions options;
  private final CeAccess access;
  private final CostExplorerImpl explorer;

  /**
   * Binds the operations to a context.
   *
   * @param ctx the context
   * @param options the budget and cache time
   */
  public CostsImpl(OpsContext ctx, CostOptions options) {
    this.ctx = ctx;
    this.options = options;
    this.access = new CeAccess(ctx, options);
    this.explorer = new CostExplorerImpl(ctx, access);
  }

  @Override
  public CostExplorer explorer() {
    return explorer;
  }

  @Override
  public CostOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "Costs[" + ctx.region() + ", " + options.budget() + "]";
  }
}
