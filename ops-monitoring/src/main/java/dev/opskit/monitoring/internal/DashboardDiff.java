package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.change.FieldDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares a live dashboard body with a definition's as JSON trees (so formatting and member order never
 * count) and names the parts that differ: each widget by its index ({@code DashboardBody.widgets[2]}) and
 * each other top-level member ({@code DashboardBody.periodOverride}), as compact JSON.
 */
final class DashboardDiff {
  static final String BODY = "DashboardBody";

  private DashboardDiff() {}

  static List<FieldDiff> diff(JsonNode live, JsonNode desired) {
    if (live.equals(desired)) {
      return List.of();
    }
    List<FieldDiff> diffs = new ArrayList<>();
    if (live.isObject() && desired.isObject()) {
      Set<String> members = new LinkedHashSet<>();
      members.add("widgets");
      desired.fieldNames().forEachRemaining(members::add);
      live.fieldNames().forEachRemaining(members::add);
      for (String member : members) {
        JsonNode l = live.get(member);
        JsonNode d = desired.get(member);
        if (member.equals("widgets") && l != null && d != null && l.isArray() && d.isArray()) {
          for (int i = 0; i < Math.max(l.size(), d.size()); i++) {
            add(diffs, BODY + ".widgets[" + i + "]", l.get(i), d.get(i));
          }
        } else {
          add(diffs, BODY + "." + member, l, d);
        }
      }
    }
    if (diffs.isEmpty()) {
      diffs.add(new FieldDiff(BODY, live.toString(), desired.toString()));
    }
    return diffs;
  }

  private static void add(List<FieldDiff> diffs, String field, @Nullable JsonNode live, @Nullable JsonNode desired) {
    boolean same = live == null ? desired == null : live.equals(desired);
    if (!same) {
      diffs.add(new FieldDiff(field, live == null ? null : live.toString(), desired == null ? null : desired.toString()));
    }
  }
}
