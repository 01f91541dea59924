package dev.opskit.backup.internal;

import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * SDK shapes as plain trees keyed by AWS's member names (maps, lists, strings, longs, doubles, booleans), and the
 * field-by-field difference of two of them: how desired-state plans compare what they would send with what AWS
 * answers, in AWS's words ({@code Rules[daily].CompletionWindowMinutes}).
 *
 * <p>Members the SDK marks sensitive (such as tags in AWS Backup) are kept for the comparison but wrapped in
 * {@link Sensitive}, and a difference inside one shows {@value #REDACTED} for its values: a plan is printed and
 * audited, and must not carry what the SDK itself hides.
 */
public final class MemberTree {
  /** What a difference shows for a sensitive value. */
  public static final String REDACTED = "(redacted)";
  private static final String SDK_REDACTED = "=*** Sensitive Data Redacted ***";

  private MemberTree() {}

  /**
   * A value the SDK marks sensitive: compared as it is, shown redacted.
   *
   * @param value the value (a tree)
   */
  public record Sensitive(Object value) {}

  /**
   * The tree of an SDK shape: each member set, by AWS's member name, in the shape's order; absent members and
   * empty lists and maps left out.
   *
   * @param pojo the SDK shape
   * @return the tree
   */
  public static Map<String, Object> of(SdkPojo pojo) {
    Map<String, Object> map = new LinkedHashMap<>();
    String shown = pojo.toString();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = convert(field.getValueOrDefault(pojo));
      if (value != null) {
        String name = field.memberName();
        boolean sensitive = shown.contains("(" + name + SDK_REDACTED) || shown.contains(", " + name + SDK_REDACTED);
        map.put(name, sensitive ? new Sensitive(value) : value);
      }
    }
    return map;
  }

  private static @Nullable Object convert(@Nullable Object value) {
    if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      Map<String, Object> map = of(pojo);
      return map.isEmpty() ? null : map;
    }
    if (value instanceof Map<?, ?> source) {
      Map<String, Object> map = new LinkedHashMap<>();
      source.forEach((k, v) -> {
        Object c = convert(v);
        if (c != null) {
          map.put(String.valueOf(k), c);
        }
      });
      return map.isEmpty() ? null : map;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      collection.forEach(v -> {
        Object c = convert(v);
        if (c != null) {
          list.add(c);
        }
      });
      return list.isEmpty() ? null : list;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float || value instanceof Double) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    return String.valueOf(value);
  }

  /**
   * The child map of a tree (for normalizing).
   *
   * @param tree the tree
   * @param member the member
   * @return the child, or null when the member is absent or holds something else
   */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> child(Map<String, Object> tree, String member) {
    Object value = tree.get(member);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /**
   * The list members of a tree that are maps (for normalizing).
   *
   * @param tree the tree
   * @param member the member
   * @return the elements that are maps; empty when absent
   */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> children(Map<String, Object> tree, String member) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (tree.get(member) instanceof List<?> list) {
      list.forEach(e -> {
        if (e instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      });
    }
    return out;
  }

  /**
   * Puts AWS's default for a member when the tree has none, so "not given" and "AWS's default" compare equal.
   *
   * @param tree the tree
   * @param member the member
   * @param value AWS's default
   */
  public static void defaultTo(Map<String, Object> tree, String member, Object value) {
    tree.putIfAbsent(member, value);
  }

  /**
   * Removes a member whose value is AWS's "nothing" (such as {@code false}, {@code -1}); a map left empty by it is
   * removed by {@link #prune}.
   *
   * @param tree the tree
   * @param member the member
   * @param nothing the value that means nothing
   */
  public static void dropIf(Map<String, Object> tree, String member, Object nothing) {
    if (nothing.equals(tree.get(member))) {
      tree.remove(member);
    }
  }

  /**
   * Removes empty maps from a tree, recursively.
   *
   * @param tree the tree
   */
  @SuppressWarnings("unchecked")
  public static void prune(Map<String, Object> tree) {
    tree.values().forEach(v -> {
      if (v instanceof Map<?, ?> m) {
        prune((Map<String, Object>) m);
      } else if (v instanceof List<?> l) {
        l.forEach(e -> {
          if (e instanceof Map<?, ?> m) {
            prune((Map<String, Object>) m);
          }
        });
      }
    });
    tree.values().removeIf(v -> (v instanceof Map<?, ?> m && m.isEmpty()) || (v instanceof List<?> l && l.isEmpty()));
  }

  /**
   * Sorts a list member, so that it compares as a set.
   *
   * @param tree the tree
   * @param member the member
   */
  public static void asSet(Map<String, Object> tree, String member) {
    if (tree.get(member) instanceof List<?> list) {
      List<Object> sorted = new ArrayList<>(list);
      sorted.sort((a, b) -> Json.write(plain(a)).compareTo(Json.write(plain(b))));
      tree.put(member, sorted);
    }
  }

  /**
   * The differences between a live tree and a desired one, member by member: maps by key, the lists named in
   * {@code keys} element by element (matched by the key member given), other lists and values as a whole. A
   * member is named by its path, {@code Rules[daily].Lifecycle.DeleteAfterDays}.
   *
   * @param live what AWS has
   * @param desired what would be sent
   * @param keys for each list member compared element by element, the member that identifies an element
   * @return the differences, in the desired tree's order, then the live tree's extra members
   */
  public static List<FieldDiff> diff(Map<String, Object> live, Map<String, Object> desired, Map<String, String> keys) {
    List<FieldDiff> out = new ArrayList<>();
    diffMaps("", live, desired, keys, false, out);
    return out;
  }

  private static void diffMaps(String path, Map<?, ?> live, Map<?, ?> desired, Map<String, String> keys, boolean secret,
      List<FieldDiff> out) {
    Set<Object> members = new LinkedHashSet<>(desired.keySet());
    members.addAll(live.keySet());
    for (Object member : members) {
      String name = String.valueOf(member);
      diffValues(path.isEmpty() ? name : path + "." + name, name, live.get(member), desired.get(member), keys, secret, out);
    }
  }

  private static void diffValues(String path, String member, @Nullable Object live, @Nullable Object desired,
      Map<String, String> keys, boolean secret, List<FieldDiff> out) {
    boolean hidden = secret || live instanceof Sensitive || desired instanceof Sensitive;
    Object l = live instanceof Sensitive s ? s.value() : live;
    Object d = desired instanceof Sensitive s ? s.value() : desired;
    if (Objects.equals(plain(l), plain(d))) {
      return;
    }
    if (l instanceof Map<?, ?> lm && d instanceof Map<?, ?> dm) {
      diffMaps(path, lm, dm, keys, hidden, out);
      return;
    }
    String key = keys.get(member);
    if (key != null && l instanceof List<?> ll && d instanceof List<?> dl) {
      Map<String, Object> liveByKey = byKey(ll, key);
      Map<String, Object> desiredByKey = byKey(dl, key);
      if (liveByKey != null && desiredByKey != null) {
        Set<String> all = new LinkedHashSet<>(desiredByKey.keySet());
        all.addAll(liveByKey.keySet());
        for (String k : all) {
          String at = path + "[" + k + "]";
          Object le = liveByKey.get(k);
          Object de = desiredByKey.get(k);
          if (le instanceof Map<?, ?> lem && de instanceof Map<?, ?> dem) {
            diffMaps(at, lem, dem, keys, hidden, out);
          } else if (!Objects.equals(plain(le), plain(de))) {
            out.add(new FieldDiff(at, shown(le, hidden), shown(de, hidden)));
          }
        }
        return;
      }
    }
    out.add(new FieldDiff(path, shown(l, hidden), shown(d, hidden)));
  }

  private static @Nullable Map<String, Object> byKey(List<?> list, String key) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Object e : list) {
      if (!(e instanceof Map<?, ?> m) || !(m.get(key) instanceof String k) || map.containsKey(k)) {
        return null;
      }
      map.put(k, e);
    }
    return map;
  }

  /**
   * How a value shows in a difference: text as it is, numbers and booleans as written, structures as compact
   * JSON with sensitive parts redacted; {@value #REDACTED} for a sensitive value.
   *
   * @param value the value
   * @param secret whether the value is inside a sensitive member
   * @return the text, or null when absent
   */
  static @Nullable String shown(@Nullable Object value, boolean secret) {
    if (value == null) {
      return null;
    }
    if (secret || value instanceof Sensitive) {
      return REDACTED;
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return Json.write(redacted(value));
    }
    return String.valueOf(value);
  }

  private static Object redacted(Object value) {
    if (value instanceof Sensitive) {
      return REDACTED;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), redacted(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(MemberTree::redacted).toList();
    }
    return value;
  }

  /** The value without {@link Sensitive} wrappers, for comparing. */
  private static @Nullable Object plain(@Nullable Object value) {
    if (value instanceof Sensitive s) {
      return plain(s.value());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(plain(v)));
      return out;
    }
    return value;
  }
}
