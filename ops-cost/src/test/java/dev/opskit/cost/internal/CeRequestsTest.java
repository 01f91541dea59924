package dev.opskit.cost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.cost.explorer.CostFilter;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.CostQuery;
import dev.opskit.cost.explorer.Granularity;
import dev.opskit.cost.explorer.GroupBy;
import dev.opskit.cost.explorer.TimePeriod;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryValues;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.TagValues;

/** Queries become exactly the GetCostAndUsage request AWS documents. */
class CeRequestsTest {

  @Test
  void everyPartOfAQueryIsSentWithAwsNames() {
    CostQuery query = CostQuery.builder().timePeriod(TimePeriod.parse("2026-11-01", "2026-12-01"))
        .granularity(Granularity.MONTHLY).metrics(CostMetric.UNBLENDED_COST, CostMetric.USAGE_QUANTITY)
        .groupBy(GroupBy.dimension(Dimension.SERVICE)).groupBy(GroupBy.tag("team"))
        .filter(CostFilter.and(
            CostFilter.or(CostFilter.dimension(Dimension.REGION, "us-east-1", "eu-west-1"), CostFilter.tag("env", "prod")),
            CostFilter.not(CostFilter.costCategory("unit", "shared"))))
        .build();

    GetCostAndUsageRequest request = CeRequests.costAndUsage(query);

    assertThat(request.timePeriod().start()).isEqualTo("2026-11-01");
    assertThat(request.timePeriod().end()).isEqualTo("2026-12-01");
    assertThat(request.granularityAsString()).isEqualTo("MONTHLY");
    assertThat(request.metrics()).containsExactly("UnblendedCost", "UsageQuantity");
    assertThat(request.groupBy()).containsExactly(
        GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("SERVICE").build(),
        GroupDefinition.builder().type(GroupDefinitionType.TAG).key("team").build());
    assertThat(request.filter()).isEqualTo(Expression.builder().and(
        Expression.builder().or(
            Expression.builder().dimensions(DimensionValues.builder().key(Dimension.REGION)
                .values("us-east-1", "eu-west-1").build()).build(),
            Expression.builder().tags(TagValues.builder().key("env").values("prod").build()).build()).build(),
        Expression.builder().not(Expression.builder().costCategories(CostCategoryValues.builder().key("unit")
            .values("shared").build()).build()).build()).build());
  }

  @Test
  void creditsAndRefundsAreLeftOutByRecordType() {
    assertThat(CeRequests.expression(CostFilter.withoutCreditsAndRefunds())).isEqualTo(Expression.builder()
        .not(Expression.builder().dimensions(DimensionValues.builder().key(Dimension.RECORD_TYPE)
            .values("Credit", "Refund").build()).build()).build());
  }
}
