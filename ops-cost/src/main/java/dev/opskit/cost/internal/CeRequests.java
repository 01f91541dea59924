package dev.opskit.cost.internal;

import dev.opskit.cost.explorer.CostFilter;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.CostQuery;
import dev.opskit.cost.explorer.GroupBy;
import dev.opskit.cost.explorer.TimePeriod;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryValues;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.TagValues;

/** OpsKit's Cost Explorer values as SDK requests, with AWS's member names and spellings. */
final class CeRequests {
  private CeRequests() {}

  static GetCostAndUsageRequest costAndUsage(CostQuery query) {
    GetCostAndUsageRequest.Builder b = GetCostAndUsageRequest.builder()
        .timePeriod(interval(query.timePeriod()))
        .granularity(query.granularity().name())
        .metrics(query.metrics().stream().map(CostMetric::awsName).toList())
        .groupBy(query.groupBy().stream().map(CeRequests::group).toList());
    query.filter().ifPresent(f -> b.filter(expression(f)));
    return b.build();
  }

  static DateInterval interval(TimePeriod period) {
    return DateInterval.builder().start(period.start().toString()).end(period.end().toString()).build();
  }

  static GroupDefinition group(GroupBy groupBy) {
    return GroupDefinition.builder().type(GroupDefinitionType.fromValue(groupBy.type().name())).key(groupBy.key()).build();
  }

  static Expression expression(CostFilter filter) {
    if (filter instanceof CostFilter.And and) {
      return Expression.builder().and(and.operands().stream().map(CeRequests::expression).toList()).build();
    }
    if (filter instanceof CostFilter.Or or) {
      return Expression.builder().or(or.operands().stream().map(CeRequests::expression).toList()).build();
    }
    if (filter instanceof CostFilter.Not not) {
      return Expression.builder().not(expression(not.operand())).build();
    }
    if (filter instanceof CostFilter.DimensionIs d) {
      return Expression.builder().dimensions(DimensionValues.builder().key(d.dimension()).values(d.values()).build())
          .build();
    }
    if (filter instanceof CostFilter.TagIs t) {
      return Expression.builder().tags(TagValues.builder().key(t.key()).values(t.values()).build()).build();
    }
    CostFilter.CostCategoryIs c = (CostFilter.CostCategoryIs) filter;
    return Expression.builder().costCategories(CostCategoryValues.builder().key(c.key()).values(c.values()).build())
        .build();
  }
}
