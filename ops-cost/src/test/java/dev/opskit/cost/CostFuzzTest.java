package dev.opskit.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.cost.explorer.CostFilter;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.GroupBy;
import dev.opskit.cost.explorer.TimePeriod;
import dev.opskit.cost.purchase.PurchaseConfirmation;
import dev.opskit.cost.recommend.ReservationRecommendationQuery;
import dev.opskit.cost.recommend.RightsizingQuery;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Random and hostile text at every public parser of ops-cost: only ValidationException comes out, and what is accepted reads back. */
class CostFuzzTest {
  private final Gen<String> text = strings().allPossible().ofLengthBetween(0, 64)
      .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 12), 50)
      .mix(integers().between(1, 4).map(n -> "2026-1" + n + "-0" + n), 20)
      .mix(integers().between(1, 3).map(n -> "9".repeat(n * 100_000)), 2);

  private static void onlyValidation(Runnable call) {
    try {
      call.run();
    } catch (ValidationException expected) {
      assertThat(expected.getMessage()).startsWith("Invalid ");
    }
  }

  private void fuzz(Consumer<String> parser) {
    qt().withExamples(300).forAll(text).checkAssert(s -> onlyValidation(() -> parser.accept(s)));
  }

  @Test
  void timePeriods() {
    qt().withExamples(300).forAll(text, text).checkAssert((a, b) -> onlyValidation(() -> {
      TimePeriod p = TimePeriod.parse(a, b);
      assertThat(TimePeriod.parse(p.start().toString(), p.end().toString())).isEqualTo(p);
    }));
  }

  @Test
  void metricsGroupsAndFilters() {
    fuzz(s -> assertThat(CostMetric.of(s).awsName()).isEqualTo(CostMetric.of(CostMetric.of(s).awsName()).awsName()));
    fuzz(s -> new GroupBy(GroupBy.Type.DIMENSION, s));
    fuzz(GroupBy::tag);
    fuzz(s -> CostFilter.tag(s, s));
    fuzz(s -> CostFilter.costCategory("team", s, s));
  }

  @Test
  void amountsOfAbsurdSizeAreRefusedWithoutExpandingThem() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.opskit.cost.explorer.Amount.usd(
        new java.math.BigDecimal("1e999999999")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid amount: 'a number of precision 1 and scale -999999999'. Allowed: a decimal amount of at"
            + " most 30 integer digits and 40 decimals");
  }

  @Test
  void recommendationServices() {
    fuzz(RightsizingQuery::forService);
    fuzz(ReservationRecommendationQuery::forService);
  }

  @Test
  void confirmations() {
    qt().withExamples(300).forAll(text, integers().between(-5, 2000), text).checkAssert((id, n, total) ->
        onlyValidation(() -> {
          PurchaseConfirmation c = PurchaseConfirmation.of(id, n, total);
          assertThat(PurchaseConfirmation.of(c.offeringId(), c.instanceCount(), c.expectedTotal().toPlainString()))
              .isEqualTo(c);
        }));
    for (String total : List.of("1e999999999", "1e-999999999", "-0.01", "NaN", "0x10", " 1.00")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PurchaseConfirmation.of("o-1", 1, total))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid confirmation.expectedTotal: ");
    }
  }
}
