package dev.opskit.cost.explorer;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One amount of a {@code GetCostAndUsage} answer: a period, the group's keys (empty for an ungrouped total),
 * one metric and its amount, and whether AWS still estimates it.
 *
 * @param start the period's start
 * @param end the period's end (exclusive)
 * @param keys the group's keys in group-by order, such as {@code [Amazon Simple Storage Service]}; empty when
 *     the query has no group-by
 * @param metric the metric
 * @param amount the amount
 * @param estimated whether AWS marked the period {@code Estimated} (not final yet)
 */
public record CostRow(Instant start, Instant end, List<String> keys, CostMetric metric, Amount amount, boolean estimated) {

  /**
   * Validates and copies.
   *
   * @param start the period's start
   * @param end the period's end (exclusive)
   * @param keys the group's keys
   * @param metric the metric
   * @param amount the amount
   * @param estimated whether AWS estimates it
   */
  public CostRow {
    Checks.present("start", start, "an instant");
    Checks.present("end", end, "an instant");
    keys = Checks.list("keys", keys, "group keys");
    Checks.present("metric", metric, "a metric");
    Checks.present("amount", amount, "an amount");
  }

  /** {@return the UTC day the period starts on} */
  public LocalDate day() {
    return LocalDate.ofInstant(start, ZoneOffset.UTC);
  }

  /** {@return the first group key, or {@code "Total"} for an ungrouped row} */
  public String key() {
    return keys.isEmpty() ? "Total" : keys.get(0);
  }
}
