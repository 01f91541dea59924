package dev.opskit.monitoring.metrics.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.monitoring.metrics.SeriesQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of a list of queries: the caller's where given (unique, else {@link ValidationException}), otherwise
 * {@code m0}, {@code m1}... skipping any the caller took, so every id matches {@code ^[a-z][a-zA-Z0-9_]*$} and
 * no two are equal.
 */
public final class MetricIds {
  private MetricIds() {}

  /**
   * Assigns ids.
   *
   * @param queries the queries
   * @return one id per query, in order
   * @throws ValidationException when two queries carry the same id
   */
  public static List<String> assign(List<SeriesQuery> queries) {
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < queries.size(); i++) {
      String id = queries.get(i).id();
      if (id != null && !taken.add(id)) {
        throw ValidationException.of("queries[" + i + "].id", id, "an id no other query of the call uses");
      }
    }
    List<String> out = new ArrayList<>(queries.size());
    int next = 0;
    for (SeriesQuery q : queries) {
      String id = q.id();
      if (id == null) {
        do {
          id = "m" + next++;
        } while (taken.contains(id));
        taken.add(id);
      }
      out.add(id);
    }
    return out;
  }
}
