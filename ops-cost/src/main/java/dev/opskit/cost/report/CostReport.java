package dev.opskit.cost.report;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.CostResult;
import dev.opskit.cost.explorer.CostRow;
import dev.opskit.cost.explorer.TimePeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A cost report over a period, computed exactly ({@link BigDecimal}) from Cost Explorer's rows: the total, the
 * top-N services plus "Other" (whose amounts add up to the total exactly), every day's total by those services,
 * day-over-day changes and the change against the previous period with their thresholds, the forecast for the rest
 * of the month, and how many paid API requests it took. Its forms ({@link #text()}, {@link #markdown()},
 * {@link #csv()}, {@link #json()}, {@link #png}, {@link #svg}) are all made from these same numbers.
 */
public final class CostReport {
  /** The name of the group holding every service after the top N. */
  public static final String OTHER = "Other";

  /**
   * One named service (or "Other") and its total over the period.
   *
   * @param name the service, as Cost Explorer names it, or {@code Other}
   * @param amount its total
   * @param sharePercent its share of the report's total, in percent (one decimal)
   */
  public record ServiceCost(String name, Amount amount, BigDecimal sharePercent) {}

  /**
   * One day.
   *
   * @param day the day (UTC)
   * @param byService the day's amount of each top-N service and "Other", in the report's order
   * @param total the day's total
   * @param estimated whether AWS still estimates some of the day's amounts
   */
  public record DailyCost(LocalDate day, Map<String, BigDecimal> byService, Amount total, boolean estimated) {
    /**
     * Copies.
     *
     * @param day the day
     * @param byService the amounts by service
     * @param total the total
     * @param estimated whether estimated
     */
    public DailyCost {
      byService = Collections.unmodifiableMap(new LinkedHashMap<>(byService));
    }
  }

  /**
   * A day's change against the day before.
   *
   * @param day the day
   * @param from the day before's total
   * @param to the day's total
   * @param delta {@code to - from}
   * @param percent the change in percent of {@code from} (two decimals), or null when {@code from} is zero
   * @param flagged whether it passes the thresholds
   */
  public record DayChange(LocalDate day, Amount from, Amount to, BigDecimal delta, @Nullable BigDecimal percent,
      boolean flagged) {}

  /**
   * The change against the period of the same length before.
   *
   * @param previous the previous period
   * @param previousTotal its total
   * @param delta this total minus that one
   * @param percent the change in percent of the previous total, or null when it was zero
   * @param flagged whether it passes the thresholds
   */
  public record PeriodChange(TimePeriod previous, Amount previousTotal, BigDecimal delta, @Nullable BigDecimal percent,
      boolean flagged) {}

  /**
   * The forecast for the rest of the month.
   *
   * @param period from today to the first day of next month
   * @param mean the forecast
   * @param lower the prediction interval's lower bound, if AWS sent one
   * @param upper the upper bound, if AWS sent one
   * @param intervalLevel the interval's confidence, in percent
   */
  public record ForecastSummary(TimePeriod period, Amount mean, @Nullable Amount lower, @Nullable Amount upper,
      int intervalLevel) {}

  private final ReportSpec spec;
  private final Amount total;
  private final List<ServiceCost> services;
  private final List<DailyCost> daily;
  private final List<DayChange> dayOverDay;
  private final @Nullable PeriodChange periodChange;
  private final @Nullable ForecastSummary forecast;
  private final int requests;
  private final boolean dryRun;
  private final int requestsAtLeast;
  private final List<String> notes;

  private CostReport(ReportSpec spec, Amount total, List<ServiceCost> services, List<DailyCost> daily,
      List<DayChange> dayOverDay, @Nullable PeriodChange periodChange, @Nullable ForecastSummary forecast, int requests,
      boolean dryRun, int requestsAtLeast, List<String> notes) {
    this.spec = spec;
    this.total = total;
    this.services = List.copyOf(services);
    this.daily = List.copyOf(daily);
    this.dayOverDay = List.copyOf(dayOverDay);
    this.periodChange = periodChange;
    this.forecast = forecast;
    this.requests = requests;
    this.dryRun = dryRun;
    this.requestsAtLeast = requestsAtLeast;
    this.notes = List.copyOf(notes);
  }

  /**
   * Computes a report from rows (no I/O): what {@code Costs.report} does with Cost Explorer's answers.
   *
   * @param spec what the report covers
   * @param rows the period's rows grouped by service (rows of other metrics or outside the period are ignored)
   * @param previousRows the previous period's rows (any grouping), or null for no comparison
   * @param forecast the forecast for the rest of the month, or null
   * @param requests the paid requests the report took
   * @param notes what the report could not do and why (such as a previous period outside the window)
   * @return the report
   * @throws dev.opskit.core.ValidationException when amounts have different units
   */
  public static CostReport compute(ReportSpec spec, List<CostRow> rows, @Nullable List<CostRow> previousRows,
      @Nullable ForecastSummary forecast, int requests, List<String> notes) {
    Checks.present("spec", spec, "a ReportSpec");
    // Only the spec's metric and days: every number of the report is then a sum of the same rows.
    List<CostRow> mine = Checks.list("rows", rows, "rows").stream()
        .filter(r -> r.metric() == spec.metric() && spec.period().contains(r.day())).toList();
    String unit = mine.isEmpty() ? "USD" : mine.get(0).amount().unit();
    Amount total = Amount.sum(mine.stream().map(CostRow::amount).toList(), unit);

    Map<String, Amount> byService = new TreeMap<>();
    for (CostRow row : mine) {
      byService.merge(row.key(), row.amount(), Amount::plus);
    }
    List<Map.Entry<String, Amount>> ranked = new ArrayList<>(byService.entrySet());
    ranked.sort(Comparator.comparing((Map.Entry<String, Amount> e) -> e.getValue().value()).reversed()
        .thenComparing(Map.Entry::getKey));
    List<String> topNames = ranked.stream().limit(spec.top()).map(Map.Entry::getKey).toList();
    List<ServiceCost> services = new ArrayList<>();
    for (Map.Entry<String, Amount> e : ranked.subList(0, topNames.size())) {
      services.add(new ServiceCost(e.getKey(), e.getValue(), share(e.getValue(), total)));
    }
    if (ranked.size() > topNames.size()) {
      Amount other = Amount.sum(ranked.subList(topNames.size(), ranked.size()).stream().map(Map.Entry::getValue).toList(),
          unit);
      services.add(new ServiceCost(OTHER, other, share(other, total)));
    }
    List<String> series = services.stream().map(ServiceCost::name).toList();

    List<DailyCost> daily = new ArrayList<>();
    for (LocalDate day = spec.period().start(); day.isBefore(spec.period().end()); day = day.plusDays(1)) {
      Map<String, BigDecimal> amounts = new LinkedHashMap<>();
      series.forEach(s -> amounts.put(s, BigDecimal.ZERO));
      BigDecimal dayTotal = BigDecimal.ZERO;
      boolean estimated = false;
      for (CostRow row : mine) {
        if (row.day().equals(day)) {
          String name = topNames.contains(row.key()) ? row.key() : OTHER;
          amounts.merge(name, row.amount().value(), BigDecimal::add);
          dayTotal = dayTotal.add(row.amount().value());
          estimated |= row.estimated();
        }
      }
      daily.add(new DailyCost(day, amounts, new Amount(dayTotal, unit), estimated));
    }

    List<DayChange> changes = new ArrayList<>();
    for (int i = 1; i < daily.size(); i++) {
      Amount from = daily.get(i - 1).total();
      Amount to = daily.get(i).total();
      BigDecimal delta = to.value().subtract(from.value());
      BigDecimal percent = percent(delta, from.value());
      changes.add(new DayChange(daily.get(i).day(), from, to, delta, percent, spec.thresholds().flags(delta, percent)));
    }

    PeriodChange periodChange = null;
    if (previousRows != null) {
      Amount previousTotal = Amount.sum(previousRows.stream().filter(r -> r.metric() == spec.metric())
          .map(CostRow::amount).toList(), unit);
      BigDecimal delta = total.value().subtract(previousTotal.value());
      BigDecimal percent = percent(delta, previousTotal.value());
      periodChange = new PeriodChange(spec.period().previous(), previousTotal, delta, percent,
          spec.thresholds().flags(delta, percent));
    }
    return new CostReport(spec, total, services, daily, changes, periodChange, forecast, requests, false, requests,
        Checks.list("notes", notes, "notes"));
  }

  /**
   * The report of a dry run: nothing was sent, so no numbers; it says how many requests it would take at least.
   *
   * @param spec what the report covers
   * @param requestsAtLeast the requests it would make at least
   * @param notes notes
   * @return the report
   */
  public static CostReport dryRun(ReportSpec spec, int requestsAtLeast, List<String> notes) {
    Checks.present("spec", spec, "a ReportSpec");
    return new CostReport(spec, Amount.zero("USD"), List.of(), List.of(), List.of(), null, null, 0, true,
        requestsAtLeast, Checks.list("notes", notes, "notes"));
  }

  private static BigDecimal share(Amount part, Amount total) {
    return total.value().signum() == 0 ? BigDecimal.ZERO.setScale(1)
        : part.value().multiply(BigDecimal.valueOf(100)).divide(total.value(), 1, RoundingMode.HALF_EVEN);
  }

  private static @Nullable BigDecimal percent(BigDecimal delta, BigDecimal from) {
    return from.signum() == 0 ? null : delta.multiply(BigDecimal.valueOf(100)).divide(from.abs(), 2, RoundingMode.HALF_EVEN);
  }

  /** {@return what the report covers} */
  public ReportSpec spec() {
    return spec;
  }

  /** {@return the exact total over the period} */
  public Amount total() {
    return total;
  }

  /** {@return the top-N services by total, then "Other" when more services had costs} */
  public List<ServiceCost> services() {
    return services;
  }

  /** {@return the names of the chart's series: the top-N services, then "Other" if present} */
  public List<String> series() {
    return services.stream().map(ServiceCost::name).toList();
  }

  /** {@return every day of the period, zero days included} */
  public List<DailyCost> daily() {
    return daily;
  }

  /** {@return every day's change against the day before} */
  public List<DayChange> dayOverDay() {
    return dayOverDay;
  }

  /** {@return the day-over-day changes that pass the thresholds} */
  public List<DayChange> flaggedDays() {
    return dayOverDay.stream().filter(DayChange::flagged).toList();
  }

  /** {@return the change against the previous period, when compared} */
  public Optional<PeriodChange> periodChange() {
    return Optional.ofNullable(periodChange);
  }

  /** {@return the forecast for the rest of the month, when made} */
  public Optional<ForecastSummary> forecast() {
    return Optional.ofNullable(forecast);
  }

  /** {@return the paid Cost Explorer requests the report took (cached answers are free)} */
  public int requests() {
    return requests;
  }

  /** {@return what those requests cost, USD 0.01 each} */
  public Amount requestCost() {
    return CostResult.costOf(requests);
  }

  /** {@return whether this is a dry run (nothing sent, no numbers)} */
  public boolean dryRun() {
    return dryRun;
  }

  /** {@return in a dry run, the requests the report would make at least; otherwise {@link #requests()}} */
  public int requestsAtLeast() {
    return requestsAtLeast;
  }

  /** {@return what the report could not do and why} */
  public List<String> notes() {
    return notes;
  }

  /** {@return the report as readable text} */
  public String text() {
    return ReportForms.text(this, false);
  }

  /** {@return the report as Markdown (tables)} */
  public String markdown() {
    return ReportForms.text(this, true);
  }

  /** {@return the report as CSV (Apache Commons CSV): one record per number, exact amounts} */
  public String csv() {
    return ReportForms.csv(this);
  }

  /** {@return the report as JSON, exact amounts as strings (as Cost Explorer sends them)} */
  public String json() {
    return ReportForms.json(this);
  }

  /**
   * The daily cost stacked by the top-N services, as PNG (JFreeChart, rendered headless).
   *
   * @param width 100 to 4,000 pixels
   * @param height 100 to 4,000 pixels
   * @return the PNG bytes
   * @throws dev.opskit.core.ValidationException for a size out of range
   */
  public byte[] png(int width, int height) {
    return ReportChart.png(this, width, height);
  }

  /**
   * The daily cost stacked by the top-N services, as SVG (JFreeChart drawn on JFreeSVG); each series is a group
   * whose {@code jfreesvg:ref} names it.
   *
   * @param width 100 to 4,000 pixels
   * @param height 100 to 4,000 pixels
   * @return the SVG document
   * @throws dev.opskit.core.ValidationException for a size out of range
   */
  public String svg(int width, int height) {
    return ReportChart.svg(this, width, height);
  }

  @Override
  public String toString() {
    return "CostReport[" + spec.period() + " total=" + total + "]";
  }
}
