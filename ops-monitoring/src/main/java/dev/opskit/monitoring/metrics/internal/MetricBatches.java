package dev.opskit.monitoring.metrics.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.monitoring.metrics.Metrics;
import dev.opskit.monitoring.metrics.SeriesQuery;
import dev.opskit.monitoring.metrics.TimeRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits queries into GetMetricData calls: an expression and every query it refers to (by id, transitively)
 * form one group that always shares a call; groups are packed in order into calls of at most 500 queries and
 * at most 100,800 returned datapoints.
 */
public final class MetricBatches {
  private static final Pattern TOKEN = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  private MetricBatches() {}

  /**
   * Plans the calls.
   *
   * @param queries the queries
   * @param ids their ids (from {@link MetricIds#assign})
   * @param range the range
   * @return per call, the indexes of its queries, in order
   * @throws ValidationException when a group exceeds a call's limits
   */
  public static List<List<Integer>> plan(List<SeriesQuery> queries, List<String> ids, TimeRange range) {
    int n = queries.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byId.put(ids.get(i), i);
    }
    for (int i = 0; i < n; i++) {
      String expression = queries.get(i).expression();
      if (expression == null) {
        continue;
      }
      Matcher m = TOKEN.matcher(expression);
      while (m.find()) {
        Integer other = byId.get(m.group());
        if (other != null) {
          union(parent, i, other);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> calls = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long points = 0;
    for (List<Integer> group : groups.values()) {
      long groupPoints = 0;
      for (int i : group) {
        if (queries.get(i).returnData()) {
          groupPoints += PeriodRules.datapoints(queries.get(i).period(), range);
        }
      }
      if (group.size() > Metrics.MAX_QUERIES_PER_CALL) {
        throw ValidationException.of("queries", ids.get(group.get(0)) + " and " + (group.size() - 1) + " more",
            "at most " + Metrics.MAX_QUERIES_PER_CALL + " queries that refer to each other (they must share one call)");
      }
      if (groupPoints > Metrics.MAX_DATAPOINTS_PER_CALL) {
        throw ValidationException.of("queries", ids.get(group.get(0)) + ": " + groupPoints + " datapoints",
            "at most " + Metrics.MAX_DATAPOINTS_PER_CALL + " datapoints per GetMetricData call for a query and those"
                + " it refers to: a shorter range or a longer period");
      }
      if (current.size() + group.size() > Metrics.MAX_QUERIES_PER_CALL
          || points + groupPoints > Metrics.MAX_DATAPOINTS_PER_CALL) {
        calls.add(List.copyOf(current));
        current = new ArrayList<>();
        points = 0;
      }
      current.addAll(group);
      points += groupPoints;
    }
    if (!current.isEmpty()) {
      calls.add(List.copyOf(current));
    }
    for (int c = 0; c < calls.size(); c++) {
      List<Integer> sorted = new ArrayList<>(calls.get(c));
      sorted.sort(Integer::compare);
      calls.set(c, List.copyOf(sorted));
    }
    return List.copyOf(calls);
  }

  private static int find(int[] parent, int i) {
    int root = i;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[i] != root) {
      int next = parent[i];
      parent[i] = root;
      i = next;
    }
    return root;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
