package dev.opskit.cost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.CostResult;
import dev.opskit.cost.explorer.CostRow;
import dev.opskit.cost.explorer.TimePeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Acceptance 6 (amounts): whatever the amounts, the report's sums are exact. */
class ReportPropertiesTest {
  private static final TimePeriod PERIOD = TimePeriod.parse("2026-11-01", "2026-11-11");

  /** Amounts with up to 10 decimals, as Cost Explorer sends them, credits (negative) included. */
  private final Gen<CostRow> rows = integers().between(0, 9).zip(integers().between(0, 11), longs().between(-10_000_000_000L,
      9_999_999_999_999L), integers().between(0, 10), (day, service, unscaled, scale) -> {
        LocalDate d = PERIOD.start().plusDays(day);
        return new CostRow(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            List.of("service-" + service), CostMetric.UNBLENDED_COST, Amount.usd(BigDecimal.valueOf(unscaled, scale)), false);
      });

  @Test
  void totalsTopServicesOtherAndDaysAllAddUpExactly() {
    qt().forAll(lists().of(rows).ofSizeBetween(0, 60), integers().between(1, 20)).checkAssert((given, top) -> {
      CostReport report = CostReport.compute(ReportSpec.of(PERIOD).top(top).build(), given, null, null, 1, List.of());
      BigDecimal exact = given.stream().map(r -> r.amount().value()).reduce(BigDecimal.ZERO, BigDecimal::add);

      assertThat(report.total().value()).isEqualTo(exact);
      assertThat(report.services().stream().map(s -> s.amount().value()).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualTo(exact);
      assertThat(report.daily().stream().map(d -> d.total().value()).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualTo(exact);
      for (CostReport.DailyCost day : report.daily()) {
        assertThat(day.byService().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
            .isEqualTo(day.total().value());
      }
      assertThat(report.services().size()).isLessThanOrEqualTo(top + 1);
      for (int i = 1; i < report.daily().size(); i++) {
        assertThat(report.dayOverDay().get(i - 1).delta())
            .isEqualTo(report.daily().get(i).total().value().subtract(report.daily().get(i - 1).total().value()));
      }
    });
  }

  @Test
  void rowsOfOtherMetricsOrDaysAreLeftOut() {
    LocalDate outside = PERIOD.end();
    CostRow late = new CostRow(outside.atStartOfDay(ZoneOffset.UTC).toInstant(),
        outside.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), List.of("s"), CostMetric.UNBLENDED_COST,
        Amount.usd(BigDecimal.TEN), false);
    CostRow other = new CostRow(PERIOD.start().atStartOfDay(ZoneOffset.UTC).toInstant(),
        PERIOD.start().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), List.of("s"), CostMetric.BLENDED_COST,
        Amount.usd(BigDecimal.TEN), false);

    CostReport report = CostReport.compute(ReportSpec.of(PERIOD).build(), List.of(late, other), null, null, 1, List.of());

    assertThat(report.total().value()).isEqualByComparingTo("0");
    assertThat(report.services()).isEmpty();
  }

  @Test
  void theRequestCostIsOneCentPerRequestExactly() {
    qt().forAll(integers().between(0, 1_000_000)).checkAssert(n ->
        assertThat(CostResult.costOf(n).value()).isEqualTo(new BigDecimal(n).movePointLeft(2)));
  }
}
