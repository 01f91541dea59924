package dev.opskit.cost;

import dev.opskit.core.OpsContext;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.CostExplorer;
import dev.opskit.cost.internal.CostsImpl;
import dev.opskit.cost.purchase.ReservedInstancePurchases;
import dev.opskit.cost.recommend.Forecasts;
import dev.opskit.cost.recommend.Recommendations;
import dev.opskit.cost.report.CostReport;
import dev.opskit.cost.report.ReportSpec;
import dev.opskit.cost.waste.Prices;
import dev.opskit.cost.waste.Waste;

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
 * {@link #using(OpsContext)} gives every {@code Costs} of a context tree (the context, its dry-run and other derived
 * contexts) the same default options, so one run shares one budget and one cache; pass options of your own for a
 * budget of their own.
 */
public interface Costs {

  /**
   * The cost operations of a context, with the context tree's default options (one budget of 100 requests per
   * run and one hour of cache, shared by every {@code Costs} of the context and of the contexts derived from it).
   *
   * @param ctx the context
   * @return the operations
   */
  static Costs using(OpsContext ctx) {
    OpsContext context = Checks.present("ctx", ctx, "an OpsContext");
    return using(context, context.shared(CostOptions.class, CostOptions::defaults));
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

  /**
   * Makes a cost report: the period's daily cost by service (one query, every page), the previous period's total
   * (one more, when it is inside the window) and the forecast for the rest of the month (one more); each paid
   * request counted into the budget and the report. In a dry run nothing is sent and the report says how many
   * requests it would make at least.
   *
   * @param spec what the report covers
   * @return the report
   * @throws dev.opskit.core.ValidationException when the period is outside today's window, before any call
   * @throws dev.opskit.cost.explorer.RequestBudgetExceededException when the run's budget is used up
   */
  CostReport report(ReportSpec spec);

  /** {@return Cost Explorer's cost and usage forecasts} */
  Forecasts forecasts();

  /** {@return rightsizing, Reserved Instance, Savings Plans and Cost Optimization Hub recommendations} */
  Recommendations recommendations();

  /** {@return the guarded Reserved Instance purchase} */
  ReservedInstancePurchases reservedInstances();

  /**
   * The waste finder and its safe cleanup cycle, pricing through the AWS Price List API (answers cached).
   *
   * @return the finder ({@link Waste#using(OpsContext)})
   */
  Waste waste();

  /**
   * The waste finder and its safe cleanup cycle, pricing from the caller's source.
   *
   * @param prices a price table of the caller's, or a table then the Price List API
   * @return the finder ({@link Waste#using(OpsContext, Prices)})
   */
  Waste waste(Prices prices);

  /** {@return the options: budget and cache time} */
  CostOptions options();
}
