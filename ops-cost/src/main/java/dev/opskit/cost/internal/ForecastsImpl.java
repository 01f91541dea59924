package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.DateWindows;
import dev.opskit.cost.explorer.TimePeriod;
import dev.opskit.cost.recommend.Forecast;
import dev.opskit.cost.recommend.ForecastQuery;
import dev.opskit.cost.recommend.ForecastWindows;
import dev.opskit.cost.recommend.Forecasts;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.costexplorer.model.ForecastResult;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.GetUsageForecastRequest;
import software.amazon.awssdk.services.costexplorer.model.GetUsageForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;

/** {@link Forecasts}: window checked on the context clock, one charged request, intervals kept. */
final class ForecastsImpl implements Forecasts {
  private final OpsContext ctx;
  private final CeAccess access;

  ForecastsImpl(OpsContext ctx, CeAccess access) {
    this.ctx = ctx;
    this.access = access;
  }

  @Override
  public Forecast cost(ForecastQuery query) {
    Checks.present("query", query, "a ForecastQuery");
    if (!query.metric().isMoney()) {
      throw ValidationException.of("metric", query.metric().awsName(),
          "a cost metric for a cost forecast (AmortizedCost, BlendedCost, NetAmortizedCost, NetUnblendedCost,"
              + " UnblendedCost); UsageQuantity and NormalizedUsageAmount are usage forecasts");
    }
    ForecastWindows.check(query.timePeriod(), query.granularity(), DateWindows.today(ctx.clock()));
    if (ctx.isDryRun()) {
      return new Forecast(query, Amount.zero("USD"), List.of(), 0, true);
    }
    GetCostForecastRequest.Builder b = GetCostForecastRequest.builder()
        .timePeriod(CeRequests.interval(query.timePeriod()))
        .granularity(query.granularity().name())
        .metric(query.metric().name())
        .predictionIntervalLevel(query.predictionIntervalLevel());
    query.filterIfAny().ifPresent(f -> b.filter(CeRequests.expression(f)));
    GetCostForecastRequest request = b.build();
    access.options().budget().charge("ce:GetCostForecast");
    GetCostForecastResponse response = Reads.read("ce:GetCostForecast", null,
        () -> access.costExplorer().getCostForecast(request));
    return forecast(query, response.total(), response.forecastResultsByTime());
  }

  @Override
  public Forecast usage(ForecastQuery query) {
    Checks.present("query", query, "a ForecastQuery");
    if (query.metric().isMoney()) {
      throw ValidationException.of("metric", query.metric().awsName(),
          "UsageQuantity or NormalizedUsageAmount for a usage forecast; cost metrics are cost forecasts");
    }
    ForecastWindows.check(query.timePeriod(), query.granularity(), DateWindows.today(ctx.clock()));
    if (ctx.isDryRun()) {
      return new Forecast(query, Amount.zero(""), List.of(), 0, true);
    }
    GetUsageForecastRequest.Builder b = GetUsageForecastRequest.builder()
        .timePeriod(CeRequests.interval(query.timePeriod()))
        .granularity(query.granularity().name())
        .metric(query.metric().name())
        .predictionIntervalLevel(query.predictionIntervalLevel());
    query.filterIfAny().ifPresent(f -> b.filter(CeRequests.expression(f)));
    GetUsageForecastRequest request = b.build();
    access.options().budget().charge("ce:GetUsageForecast");
    GetUsageForecastResponse response = Reads.read("ce:GetUsageForecast", null,
        () -> access.costExplorer().getUsageForecast(request));
    return forecast(query, response.total(), response.forecastResultsByTime());
  }

  private static Forecast forecast(ForecastQuery query, @Nullable MetricValue total, List<ForecastResult> results) {
    String unit = total == null || total.unit() == null ? "" : total.unit();
    Amount sum = total == null ? Amount.zero(unit) : CeRows.amount(total.amount(), unit);
    List<Forecast.Point> points = results.stream().map(r -> new Forecast.Point(period(r),
        CeRows.amount(r.meanValue(), unit), optional(r.predictionIntervalLowerBound(), unit),
        optional(r.predictionIntervalUpperBound(), unit))).toList();
    return new Forecast(query, sum, points, 1, false);
  }

  private static TimePeriod period(ForecastResult result) {
    if (result.timePeriod() == null) {
      throw CeRows.malformed("a forecast result without TimePeriod");
    }
    return TimePeriod.of(LocalDate.ofInstant(CeRows.instant(result.timePeriod().start()), java.time.ZoneOffset.UTC),
        LocalDate.ofInstant(CeRows.instant(result.timePeriod().end()), java.time.ZoneOffset.UTC));
  }

  private static @Nullable Amount optional(@Nullable String value, String unit) {
    return value == null ? null : CeRows.amount(value, unit);
  }
}
