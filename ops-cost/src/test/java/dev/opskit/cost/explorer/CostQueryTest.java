package dev.opskit.cost.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.costexplorer.model.Dimension;

class CostQueryTest {
  private static final TimePeriod PERIOD = TimePeriod.parse("2026-11-01", "2026-11-04");

  @Test
  void theGuidesQueryIsDailyBlendedCostBySevice() {
    CostQuery query = CostQuery.dailyByService(PERIOD);

    assertThat(query.granularity()).isEqualTo(Granularity.DAILY);
    assertThat(query.metrics()).containsExactly(CostMetric.BLENDED_COST);
    assertThat(query.groupBy()).containsExactly(new GroupBy(GroupBy.Type.DIMENSION, "SERVICE"));
    assertThat(query.toBuilder().build()).isEqualTo(query);
  }

  @Test
  void atMostTwoGroupByKeys() {
    assertThatThrownBy(() -> CostQuery.builder().timePeriod(PERIOD).metrics(CostMetric.UNBLENDED_COST)
        .groupBy(GroupBy.dimension(Dimension.SERVICE)).groupBy(GroupBy.dimension(Dimension.REGION))
        .groupBy(GroupBy.tag("team")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid groupBy: '[Type=DIMENSION,Key=SERVICE, Type=DIMENSION,Key=REGION, Type=TAG,Key=team]'."
            + " Allowed: at most 2 group-by keys");
  }

  @Test
  void metricNamesAreThoseAwsAccepts() {
    assertThat(CostMetric.of("BlendedCost")).isEqualTo(CostMetric.BLENDED_COST);
    assertThatThrownBy(() -> CostQuery.builder().metrics("BlendedCosts"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid metric: 'BlendedCosts'. Allowed: AmortizedCost, BlendedCost, NetAmortizedCost,"
            + " NetUnblendedCost, NormalizedUsageAmount, UnblendedCost, UsageQuantity");
    assertThatThrownBy(() -> CostQuery.builder().timePeriod(PERIOD).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid metrics: '[]'. Allowed: at least one of AmortizedCost");
  }

  @Test
  void aGroupByDimensionMustBeOneAwsKnows() {
    assertThatThrownBy(() -> new GroupBy(GroupBy.Type.DIMENSION, "SERVICES"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid groupBy.key: 'SERVICES'. Allowed: a Cost Explorer dimension: ")
        .hasMessageContaining("SERVICE,");
  }

  @Test
  void filtersNeedTwoOperandsAndAValue() {
    assertThatThrownBy(() -> CostFilter.and(CostFilter.tag("team", "a")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid filter.and: '1 operand(s)'. Allowed: at least two filter expressions (use the expression"
            + " itself for one)");
    assertThatThrownBy(() -> CostFilter.dimension(Dimension.SERVICE))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid filter.dimensions.values: '[]'. Allowed: at least one value");
  }
}
