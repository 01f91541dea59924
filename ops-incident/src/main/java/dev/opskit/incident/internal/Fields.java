package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Typed reads of members of plain maps read from JSON or YAML; every mistake is a {@link ValidationException}. */
final class Fields {
  private final String where;
  private final Map<?, ?> map;

  private Fields(String where, Map<?, ?> map) {
    this.where = where;
    this.map = map;
  }

  static Fields of(String where, @Nullable Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      throw ValidationException.of(where, value == null ? null : Jsons.write(value), "an object");
    }
    return new Fields(where, m);
  }

  String where() {
    return where;
  }

  Map<?, ?> map() {
    return map;
  }

  void only(Set<String> allowed) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        throw ValidationException.of(where, key, "only the members " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  boolean has(String key) {
    return map.containsKey(key) && map.get(key) != null;
  }

  @Nullable Object raw(String key) {
    return map.get(key);
  }

  String string(String key) {
    Object v = map.get(key);
    if (!(v instanceof String s)) {
      throw ValidationException.of(where + "." + key, v, "a text");
    }
    return s;
  }

  @Nullable String optString(String key) {
    return has(key) ? string(key) : null;
  }

  String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  boolean bool(String key, boolean fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.parseBoolean((String) v);
    }
    throw ValidationException.of(where + "." + key, v, "true or false");
  }

  int integer(String key, int fallback, int min, int max) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v instanceof Integer || v instanceof Long) {
      n = ((Number) v).longValue();
    } else if (v instanceof String s && s.matches("-?[0-9]{1,9}")) {
      n = Long.parseLong(s);
    } else {
      throw ValidationException.of(where + "." + key, v, "a whole number " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw ValidationException.of(where + "." + key, v, "a whole number " + min + " to " + max);
    }
    return (int) n;
  }

  Duration duration(String key) {
    String s = string(key);
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(where + "." + key, s, "an ISO-8601 duration such as PT5M");
    }
  }

  Map<String, Object> object(String key) {
    Object v = map.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw ValidationException.of(where + "." + key, Jsons.write(v), "an object");
    }
    return Values.copyMap(where + "." + key, m);
  }

  List<Object> list(String key) {
    Object v = map.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw ValidationException.of(where + "." + key, Jsons.write(v), "a list");
    }
    return new ArrayList<>(l);
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (Object o : list(key)) {
      if (!(o instanceof String s)) {
        throw ValidationException.of(where + "." + key, o, "texts");
      }
      out.add(s);
    }
    return out;
  }
}
