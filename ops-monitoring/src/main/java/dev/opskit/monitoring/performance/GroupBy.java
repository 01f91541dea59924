package dev.opskit.monitoring.performance;

import dev.opskit.core.value.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PI's {@code DimensionGroup} request shape: a group, optionally the dimensions of it to return (at most 10, each
 * of the group: {@code db.sql_tokenized.statement} for {@code db.sql_tokenized}), and how many items (1 to 25).
 *
 * @param group the dimension group
 * @param dimensions the dimensions to return; empty for all
 * @param limit how many items, 1 to 25; null for AWS's default
 */
public record GroupBy(DimensionGroup group, List<String> dimensions, @Nullable Integer limit) {

  /**
   * Validates and copies.
   *
   * @param group the dimension group
   * @param dimensions the dimensions to return; empty for all
   * @param limit how many items, 1 to 25; null for AWS's default
   */
  public GroupBy {
    Checks.present("Group", group, "a dimension group such as db.wait_event");
    dimensions = Checks.list("Dimensions", dimensions, "dimension names of " + group);
    Checks.require(dimensions.size() <= 10, "Dimensions", dimensions, "at most 10 dimensions");
    for (String d : dimensions) {
      Checks.length("Dimensions", d, 1, 256);
      Checks.require(d.startsWith(group.name() + ".") && d.length() > group.name().length() + 1, "Dimensions", d,
          "dimensions of the group " + group + ", such as " + group + ".id");
    }
    if (limit != null) {
      Checks.range("Limit", limit, 1, 25, "1 to 25 items");
    }
  }

  /**
   * The same grouping with a limit.
   *
   * @param items 1 to 25
   * @return the grouping
   */
  public GroupBy withLimit(int items) {
    return new GroupBy(group, dimensions, items);
  }
}
