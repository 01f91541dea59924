package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.CostFilter;
import dev.opskit.cost.explorer.CostQuery;
import dev.opskit.cost.explorer.CostResult;
import dev.opskit.cost.explorer.CostRow;
import dev.opskit.cost.explorer.DateWindows;
import dev.opskit.cost.explorer.Granularity;
import dev.opskit.cost.explorer.GroupBy;
import dev.opskit.cost.explorer.TimePeriod;
import dev.opskit.cost.recommend.Forecast;
import dev.opskit.cost.recommend.ForecastQuery;
import dev.opskit.cost.report.CostReport;
import dev.opskit.cost.report.ReportSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.costexplorer.model.Dimension;

/**
 * Makes a {@link CostReport}: the period's daily cost by service, the previous period's total and the forecast
 * for the rest of the month, credits and refunds filtered out by {@code RECORD_TYPE} unless asked for.
 */
final class ReportsImpl {
  private final OpsContext ctx;
  private final CostExplorerImpl explorer;
  private final ForecastsImpl forecasts;

  ReportsImpl(OpsContext ctx, CostExplorerImpl explorer, ForecastsImpl forecasts) {
    this.ctx = ctx;
    this.explorer = explorer;
    this.forecasts = forecasts;
  }

  CostReport report(ReportSpec spec) {
    Checks.present("spec", spec, "a ReportSpec");
    LocalDate today = DateWindows.today(ctx.clock());
    CostFilter filter = spec.includeCreditsAndRefunds() ? null : CostFilter.withoutCreditsAndRefunds();
    CostQuery current = CostQuery.builder().timePeriod(spec.period()).granularity(Granularity.DAILY)
        .metrics(spec.metric()).groupBy(GroupBy.dimension(Dimension.SERVICE)).filter(filter).build();
    DateWindows.check(current.timePeriod(), Granularity.DAILY, false, today);
    List<String> notes = new ArrayList<>();
    CostQuery previous = null;
    if (spec.comparePrevious()) {
      TimePeriod before = spec.period().previous();
      if (DateWindows.isAllowed(before, Granularity.DAILY, false, today)) {
        previous = CostQuery.builder().timePeriod(before).granularity(Granularity.DAILY).metrics(spec.metric())
            .filter(filter).build();
      } else {
        notes.add("No comparison: the previous period " + before + " reaches before "
            + DateWindows.allowed(Granularity.DAILY, false, today).start() + ", the first day Cost Explorer serves today.");
      }
    }
    ForecastQuery forecast = null;
    if (spec.forecast()) {
      TimePeriod month = TimePeriod.monthOf(today);
      forecast = ForecastQuery.of(TimePeriod.of(today, month.end()), Granularity.MONTHLY, spec.metric())
          .withFilter(filter);
    }
    if (ctx.isDryRun()) {
      int atLeast = explorer.requestsAtLeast(current) + (previous == null ? 0 : explorer.requestsAtLeast(previous))
          + (forecast == null ? 0 : 1);
      return CostReport.dryRun(spec, atLeast, notes);
    }
    CostResult now = explorer.query(current);
    int requests = now.requests();
    List<CostRow> before = null;
    if (previous != null) {
      CostResult then = explorer.query(previous);
      requests += then.requests();
      before = then.rows();
    }
    CostReport.ForecastSummary summary = null;
    if (forecast != null) {
      try {
        Forecast f = forecasts.cost(forecast);
        requests += f.requests();
        summary = summary(f);
      } catch (OpsException e) {
        if (!"DataUnavailableException".equals(e.awsErrorCode())) {
          throw e;
        }
        requests += 1;
        notes.add("No forecast: Cost Explorer has too little history to forecast this account (DataUnavailableException).");
      }
    }
    return CostReport.compute(spec, now.rows(), before, summary, requests, notes);
  }

  private static CostReport.ForecastSummary summary(Forecast f) {
    Forecast.Point point = f.points().isEmpty() ? null : f.points().get(0);
    return new CostReport.ForecastSummary(f.query().timePeriod(), f.total(), point == null ? null : point.lower(),
        point == null ? null : point.upper(), f.query().predictionIntervalLevel());
  }
}
