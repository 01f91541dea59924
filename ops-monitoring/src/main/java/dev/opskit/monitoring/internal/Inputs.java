package dev.opskit.monitoring.internal;

import dev.opskit.core.ValidationException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parses a caller's input with a core value's rule (such as {@code AlarmName.of}) while the
 * {@link ValidationException} names the caller's own parameter ({@code AlarmName}, {@code alarmNames},
 * {@code AlarmRule.alarmName}...), so a message always says which input was wrong.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * Parses {@code value}, naming {@code field} when it is refused.
   *
   * @param field the caller's parameter or member name
   * @param value the input
   * @param parse the core value's parser, such as {@code AlarmName::of}
   * @param <T> the value type
   * @return the parsed value
   * @throws ValidationException naming {@code field}, with the parser's value and what it allows
   */
  public static <T> T named(String field, @Nullable String value, Function<@Nullable String, T> parse) {
    try {
      return parse.apply(value);
    } catch (ValidationException e) {
      throw ValidationException.of(field, e.value(), e.allowed());
    }
  }
}
