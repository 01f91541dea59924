package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.cost.CostOptions;
import dev.opskit.cost.Costs;
import dev.opskit.cost.explorer.CostExplorer;
import dev.opskit.cost.purchase.ReservedInstancePurchases;
import dev.opskit.cost.recommend.Forecasts;
import dev.opskit.cost.recommend.Recommendations;
import dev.opskit.cost.report.CostReport;
import dev.opskit.cost.report.ReportSpec;
import dev.opskit.cost.waste.Prices;
import dev.opskit.cost.waste.Waste;

/** {@link Costs}: one explorer (one cache) per instance, every part sharing the options' budget. */
public final class CostsImpl implements Costs {
  private final OpsContext ctx;
  private final CostOptions options;
  private final CeAccess access;
  private final CostExplorerImpl explorer;
  private final ForecastsImpl forecasts;
  private final ReportsImpl reports;
  private final ReservedInstancePurchasesImpl reservedInstances;
  private final RecommendationsImpl recommendations;

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
    this.forecasts = new ForecastsImpl(ctx, access);
    this.reports = new ReportsImpl(ctx, explorer, forecasts);
    this.reservedInstances = new ReservedInstancePurchasesImpl(ctx);
    this.recommendations = new RecommendationsImpl(ctx, access);
  }

  @Override
  public CostExplorer explorer() {
    return explorer;
  }

  @Override
  public CostReport report(ReportSpec spec) {
    return reports.report(spec);
  }

  @Override
  public Forecasts forecasts() {
    return forecasts;
  }

  @Override
  public Recommendations recommendations() {
    return recommendations;
  }

  @Override
  public ReservedInstancePurchases reservedInstances() {
    return reservedInstances;
  }

  @Override
  public Waste waste() {
    return Waste.using(ctx);
  }

  @Override
  public Waste waste(Prices prices) {
    return Waste.using(ctx, prices);
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
