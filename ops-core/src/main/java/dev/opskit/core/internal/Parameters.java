package dev.opskit.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Deeply immutable copies of parameter maps (the redacted requests in audit events and dry-run plans),
 * so that no holder of an event can change what another holder sees.
 *
 * <p>A copy is a {@link Frozen} map; copying one again returns it as is (it is immutable all the way
 * down), so a request's parameters are built once per change, not once per holder.
 */
public final class Parameters {
  private Parameters() {}

  /**
   * A deeply unmodifiable copy, keeping the order of every map.
   *
   * @param parameters maps, lists, strings, numbers and booleans
   * @return the copy; nested maps and lists are copied and unmodifiable too
   */
  public static Map<String, Object> copyOf(Map<String, ?> parameters) {
    if (parameters instanceof Frozen frozen) {
      return frozen;
    }
    Builder copy = new Builder(parameters.size());
    parameters.forEach((k, v) -> copy.put(k, copyValue(v)));
    return copy.build();
  }

  private static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Frozen) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, copyValue(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      collection.forEach(v -> copy.add(copyValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /**
   * Collects the members of one map in order; the caller guarantees that every value is already deeply
   * immutable (a {@link Frozen} map, an unmodifiable list of such values, a string, number or boolean).
   * A key put twice keeps its first place and its last value, as a {@link LinkedHashMap} does.
   */
  static final class Builder {
    private String[] keys;
    private @Nullable Object[] values;
    private int size;
    private @Nullable Map<String, Integer> index;

    Builder(int expected) {
      int capacity = Math.max(expected, 1);
      keys = new String[capacity];
      values = new Object[capacity];
    }

    void put(String key, @Nullable Object value) {
      int at = -1;
      if (index != null) {
        Integer i = index.get(key);
        at = i == null ? -1 : i;
      } else {
        for (int i = 0; i < size; i++) {
          if (keys[i].equals(key)) {
            at = i;
            break;
          }
        }
      }
      if (at >= 0) {
        values[at] = value;
        return;
      }
      if (size == keys.length) {
        keys = java.util.Arrays.copyOf(keys, size * 2);
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      if (index != null) {
        index.put(key, size);
      } else if (size == Frozen.INDEXED) {
        index = new HashMap<>();
        for (int i = 0; i <= size; i++) {
          index.put(keys[i], i);
        }
      }
      size++;
    }

    Frozen build() {
      return new Frozen(keys, values, size);
    }
  }

  /** An immutable map in insertion order, backed by two arrays (parameter maps are small). */
  public static final class Frozen extends AbstractMap<String, Object> {
    private static final int INDEXED = 16;
    private final String[] keys;
    private final @Nullable Object[] values;
    private final int size;
    private volatile @Nullable Map<String, Integer> index;

    private Frozen(String[] keys, @Nullable Object[] values, int size) {
      this.keys = keys;
      this.values = values;
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
      int i = indexOf(key);
      return i < 0 ? null : values[i];
    }

    private int indexOf(@Nullable Object key) {
      if (!(key instanceof String)) {
        return -1;
      }
      if (size > INDEXED) {
        Map<String, Integer> byKey = index;
        if (byKey == null) {
          byKey = new HashMap<>();
          for (int i = 0; i < size; i++) {
            byKey.put(keys[i], i);
          }
          index = byKey;
        }
        Integer i = byKey.get(key);
        return i == null ? -1 : i;
      }
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
      for (int i = 0; i < size; i++) {
        action.accept(keys[i], values[i]);
      }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < size;
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (next >= size) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
            }
          };
        }

        @Override
        public int size() {
          return size;
        }
      };
    }
  }
}
