package dev.opskit.monitoring.performance.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.ValidationException;
import dev.opskit.monitoring.performance.DimensionGroup;
import dev.opskit.monitoring.performance.GroupBy;
import dev.opskit.monitoring.performance.PiMetricQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Reads the {@code --metric-queries} JSON of {@code aws pi get-resource-metrics} into typed queries. */
public final class PiJson {
  private static final Set<String> QUERY = Set.of("Metric", "GroupBy", "Filter");
  private static final Set<String> GROUP_BY = Set.of("Group", "Dimensions", "Limit");

  private PiJson() {}

  /**
   * Reads the array.
   *
   * @param json the text
   * @return the queries
   * @throws ValidationException when it is not an array of valid queries; the field names the member by its path
   */
  public static List<PiMetricQuery> readQueries(@Nullable String json) {
    JsonNode tree = JsonMembers.parse("MetricQueries", json, "a JSON array of metric queries");
    if (!tree.isArray() || tree.isEmpty()) {
      throw ValidationException.of("MetricQueries", dev.opskit.core.internal.Json.abbreviate(tree.toString()),
          "a non-empty JSON array of metric queries, such as [{\"Metric\": \"db.load.avg\"}]");
    }
    List<PiMetricQuery> out = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      String path = "MetricQueries[" + i + "]";
      JsonMembers q = JsonMembers.of(tree.get(i), path, "a metric query");
      q.onlyKnown(QUERY);
      String metric = q.requiredText("Metric");
      GroupBy groupBy = null;
      JsonMembers g = q.object("GroupBy", "a dimension group");
      if (g != null) {
        g.onlyKnown(GROUP_BY);
        DimensionGroup group = relabel(g.path("Group"), () -> DimensionGroup.of(g.requiredText("Group")));
        List<String> dimensions = g.texts("Dimensions");
        Integer limit = g.integer("Limit");
        groupBy = relabel(g.path("Dimensions"), () -> new GroupBy(group, dimensions, limit));
      }
      Map<String, String> filter = new LinkedHashMap<>();
      JsonMembers f = q.object("Filter", "dimension filters");
      if (f != null) {
        JsonNode node = tree.path(i).path("Filter");
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
          String name = names.next();
          filter.put(name, f.requiredText(name));
        }
      }
      GroupBy grouping = groupBy;
      out.add(relabel(q.path("Metric"), () -> new PiMetricQuery(metric, grouping, filter)));
    }
    return List.copyOf(out);
  }

  /** Names the member by its path in the array when a value's own check refuses it. */
  private static <T> T relabel(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (ValidationException e) {
      String parent = path.substring(0, path.lastIndexOf('.') + 1);
      throw ValidationException.of(e.field().contains("[") ? e.field() : parent + e.field(), e.value(), e.allowed());
    }
  }
}
