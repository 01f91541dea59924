package dev.opskit.cost.report;

import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.CostRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Rows as Cost Explorer would send them, for report tests. */
final class ReportRows {
  private ReportRows() {}

  static CostRow row(String day, String service, String amount) {
    return row(day, service, amount, false);
  }

  static CostRow row(String day, String service, String amount, boolean estimated) {
    LocalDate d = LocalDate.parse(day);
    return new CostRow(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        List.of(service), CostMetric.UNBLENDED_COST, Amount.usd(new BigDecimal(amount)), estimated);
  }
}
