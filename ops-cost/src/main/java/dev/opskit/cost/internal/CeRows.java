package dev.opskit.cost.internal;

import dev.opskit.core.ServiceException;
import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.CostRow;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/** Cost Explorer's answers as OpsKit values: amounts parsed exactly, unknown metrics left out. */
final class CeRows {
  private static final String OPERATION = "ce:GetCostAndUsage";

  private CeRows() {}

  static List<CostRow> of(List<ResultByTime> results, List<CostMetric> metrics) {
    List<CostRow> rows = new ArrayList<>();
    for (ResultByTime result : results) {
      DateInterval period = result.timePeriod();
      if (period == null) {
        throw malformed("a result without TimePeriod");
      }
      Instant start = instant(period.start());
      Instant end = instant(period.end());
      boolean estimated = Boolean.TRUE.equals(result.estimated());
      if (!result.groups().isEmpty()) {
        for (Group group : result.groups()) {
          add(rows, start, end, group.keys(), group.metrics(), metrics, estimated);
        }
      } else {
        add(rows, start, end, List.of(), result.total(), metrics, estimated);
      }
    }
    return rows;
  }

  private static void add(List<CostRow> rows, Instant start, Instant end, List<String> keys,
      Map<String, MetricValue> values, List<CostMetric> metrics, boolean estimated) {
    for (CostMetric metric : metrics) {
      MetricValue value = values.get(metric.awsName());
      if (value != null) {
        rows.add(new CostRow(start, end, keys, metric, amount(value.amount(), value.unit()), estimated));
      }
    }
  }

  static Amount amount(@Nullable String amount, @Nullable String unit) {
    if (amount == null || amount.length() > 100) {
      throw malformed("an amount " + (amount == null ? "missing" : "of " + amount.length() + " characters"));
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw malformed("the amount '" + amount + "'");
    }
    if (!Amount.fits(value) || (unit != null && unit.length() > 32)) {
      throw malformed("the amount '" + amount + "' " + (unit == null ? "" : unit.substring(0, Math.min(32, unit.length()))));
    }
    return new Amount(value, unit == null ? "" : unit);
  }

  static Instant instant(@Nullable String text) {
    if (text == null || text.length() > 40) {
      throw malformed("a period boundary " + (text == null ? "missing" : "of " + text.length() + " characters"));
    }
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeException e) {
      throw malformed("the period boundary '" + text + "'");
    }
  }

  static ServiceException malformed(String what) {
    return new ServiceException("Cost Explorer answered " + what + ", which is not what its API defines", OPERATION,
        null, null);
  }
}
