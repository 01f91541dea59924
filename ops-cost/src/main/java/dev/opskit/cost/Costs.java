package dev.opskit.cost;

import dev.opskit.core.OpsContext;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.CostExplorer;
import dev.opskit.cost.internal.CostsImpl;

/**
 * The guide's Cost Optimization, bound to a context.
 *
 * <pre>{@code
 * Costs costs = Costs.using(ctx);
 * CostResult daily = costs.explorer().query(CostQuery.dailyByService(TimePeriod.of(start, end)));
 * System.out.println(daily.describeCost());            // 3 Cost Explorer request(s) (USD 0.03)
 * }</pre>
 *
 * <p>Cost Explorer requests cost USD 0.01 each: every {@code Costs} counts them into its
 * {@link CostOptions#budget() request budget} and reuses identical answers for {@link CostOptions#cacheTtl()}.
 */
public interface Costs {

  /**
   * The cost operations of a context, with the default options (100 requests per run, one hour of cache).
   *
   * @param ctx the context
   * @return the operations
   */
  static Costs using(OpsContext ctx) {
    return using(ctx, CostOptions.defaults());
  }

  /**
   * The cost operations of a context.
   *
   * @param ctx the context
   * @param options the request budget and cache time
   * @return the operations
   */
  static Costs using(OpsContext ctx, CostOptions options) {
    return new CostsImpl(Checks.present("ctx", ctx, "an OpsContext"), Checks.present("options", options, "CostOptions"));
  }

  /** {@return Cost Explorer's {@code GetCostAndUsage}, typed, paged and counted} */
  CostExplorer explorer();

  /** {@return the options: budget and cache time} */
  CostOptions options();
}
