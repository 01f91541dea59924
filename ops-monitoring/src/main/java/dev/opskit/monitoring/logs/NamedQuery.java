package dev.opskit.monitoring.logs;

import dev.opskit.core.value.Checks;
import java.util.function.Function;

/**
 * A documented Logs Insights query with a typed row for its result.
 *
 * @param name a short name, such as {@code error-patterns}
 * @param description what it finds
 * @param queryString the query text
 * @param rowType maps one result row to the typed row (throws {@link dev.opskit.core.ResourceStateException} when
 *     a field the query always returns is missing)
 * @param <R> the typed row
 */
public record NamedQuery<R>(String name, String description, String queryString, Function<InsightsRow, R> rowType) {
  /**
   * Validates.
   *
   * @param name the name
   * @param description the description
   * @param queryString the query
   * @param rowType the row mapping
   */
  public NamedQuery {
    Checks.length("name", name, 1, 128);
    Checks.present("description", description, "a description");
    Checks.length("queryString", queryString, 1, InsightsQuery.MAX_QUERY_LENGTH);
    Checks.present("rowType", rowType, "a row mapping");
  }

  /** {@return the name} */
  @Override
  public String toString() {
    return name;
  }
}
