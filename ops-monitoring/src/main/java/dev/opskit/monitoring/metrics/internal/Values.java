package dev.opskit.monitoring.metrics.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Null-free immutable copies of lists in linear time, for the long lists of metrics, logs and health (thousands
 * of datapoints, queries or rows). Core's {@code Checks.list} renders the whole list once per element, which is
 * quadratic for such lists; this refuses the same inputs with the same kind of message.
 */
public final class Values {
  private static final int SHOWN = 5;

  private Values() {}

  /**
   * An immutable copy that must be present and hold no null element.
   *
   * @param field the field, as the message names it
   * @param values the elements
   * @param allowed what is allowed
   * @param <T> the element type
   * @return the copy, in iteration order
   * @throws ValidationException when the collection or one of its elements is null
   */
  public static <T> List<T> list(String field, @Nullable Collection<? extends T> values, String allowed) {
    Checks.present(field, values, allowed);
    Object[] copy = values.toArray();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        throw ValidationException.of(field + "[" + i + "]", null, allowed + ", without null elements ("
            + copy.length + " elements, the first " + Math.min(SHOWN, copy.length) + ": "
            + java.util.Arrays.toString(java.util.Arrays.copyOf(copy, Math.min(SHOWN, copy.length))) + ")");
      }
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) List.of(copy);
    return list;
  }
}
