package dev.opskit.monitoring.logs;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.LogGroupName;
import dev.opskit.monitoring.internal.Inputs;
import dev.opskit.monitoring.metrics.TimeRange;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Logs Insights query: its text, the log groups (1 to 50) and the time range (whole seconds, both ends
 * included, as StartQuery takes them).
 *
 * @param queryString the query, 1 to 10,000 characters, not blank
 * @param logGroups the log groups, 1 to 50, without duplicates
 * @param range the time range
 * @param limit the most rows to return (1 to 10,000), or null for the query's own limit and the row limit
 */
public record InsightsQuery(String queryString, List<LogGroupName> logGroups, TimeRange range, @Nullable Integer limit) {
  /** The most characters a query may have. */
  public static final int MAX_QUERY_LENGTH = 10_000;
  /** The most log groups one query may read. */
  public static final int MAX_LOG_GROUPS = 50;

  /**
   * Validates every part; throws {@link dev.opskit.core.ValidationException} naming it.
   *
   * @param queryString the query
   * @param logGroups the log groups
   * @param range the time range
   * @param limit the row limit
   */
  public InsightsQuery {
    Checks.length("queryString", queryString, 1, MAX_QUERY_LENGTH);
    Checks.require(!queryString.isBlank(), "queryString", queryString, "a non-blank query");
    List<LogGroupName> groups = Values.list("logGroups", logGroups, "log group names");
    Checks.require(!groups.isEmpty(), "logGroups", "[]", "1 to " + MAX_LOG_GROUPS + " log groups");
    Checks.require(groups.size() <= MAX_LOG_GROUPS, "logGroups", groups.size() + " log groups",
        "1 to " + MAX_LOG_GROUPS + " log groups");
    Checks.require(new LinkedHashSet<>(groups).size() == groups.size(), "logGroups", groups, "no duplicates");
    logGroups = groups;
    Checks.present("range", range, "a time range");
    if (limit != null) {
      Checks.range("limit", limit, 1, 10_000, "1 to 10,000 rows");
    }
  }

  /**
   * A query over log groups given by name.
   *
   * @param queryString the query text
   * @param range the time range
   * @param logGroupNames the log group names
   * @return the query
   * @throws dev.opskit.core.ValidationException for a bad part, before any call
   */
  public static InsightsQuery of(String queryString, TimeRange range, String... logGroupNames) {
    List<String> names = Checks.elements("logGroupNames", "log group names", logGroupNames);
    return new InsightsQuery(queryString,
        names.stream().map(n -> Inputs.named("logGroupNames", n, LogGroupName::of)).toList(), range, null);
  }

  /**
   * This query with a row limit.
   *
   * @param rows 1 to 10,000
   * @return the new query
   */
  public InsightsQuery withLimit(int rows) {
    return new InsightsQuery(queryString, logGroups, range, rows);
  }
}
