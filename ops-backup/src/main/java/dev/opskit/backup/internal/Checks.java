package dev.opskit.backup.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.waiting.Poller;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Input checks shared by the values and operations of this module; each throws {@link ValidationException}. */
public final class Checks {
  private Checks() {}

  /**
   * Checks that an ARN names an IAM role.
   *
   * @param field the field, as the message names it
   * @param role the ARN
   * @return the role
   * @throws ValidationException when null or not {@code arn:aws:iam::<account>:role/<name>}
   */
  public static Arn iamRole(String field, @Nullable Arn role) {
    if (role == null || !"iam".equals(role.service()) || !role.resource().startsWith("role/")) {
      throw ValidationException.of(field, role, "an IAM role ARN, arn:aws:iam::<account>:role/<name>");
    }
    return role;
  }

  /**
   * Checks that a wait timeout is positive and one a poller accepts ({@link Poller#MAX_DURATION}), so a
   * change is never sent only for its wait to be refused.
   *
   * @param field the field, as the message names it
   * @param value the duration
   * @return the duration
   * @throws ValidationException when null, zero, negative or longer than {@link Poller#MAX_DURATION}
   */
  public static Duration positive(String field, @Nullable Duration value) {
    if (value == null || value.isNegative() || value.isZero() || value.compareTo(Poller.MAX_DURATION) > 0) {
      throw ValidationException.of(field, value,
          "a positive duration of at most " + Poller.MAX_DURATION.toDays() + " days");
    }
    return value;
  }

  /**
   * Requires a value to be present ({@link dev.opskit.core.value.Checks#present}).
   *
   * @param field the field, as the message names it
   * @param value the value
   * @param allowed what is allowed
   * @param <T> the value type
   * @return the value
   * @throws ValidationException when it is null
   */
  public static <T> T present(String field, @Nullable T value, String allowed) {
    return dev.opskit.core.value.Checks.present(field, value, allowed);
  }

  /**
   * An immutable copy of a collection without null elements ({@link dev.opskit.core.value.Checks#list}).
   *
   * @param field the field, as the message names it
   * @param values the elements
   * @param allowed what is allowed
   * @param <T> the element type
   * @return the copy
   * @throws ValidationException when the collection or an element is null
   */
  public static <T> List<T> list(String field, @Nullable Collection<? extends T> values, String allowed) {
    return dev.opskit.core.value.Checks.list(field, values, allowed);
  }

  /**
   * An immutable copy of a map without null keys or values ({@link dev.opskit.core.value.Checks#map}).
   *
   * @param field the field, as the message names it
   * @param values the map
   * @param allowed what is allowed
   * @param <K> the key type
   * @param <V> the value type
   * @return the copy, in the map's order
   * @throws ValidationException when the map, a key or a value is null
   */
  public static <K, V> Map<K, V> map(String field, @Nullable Map<? extends K, ? extends V> values, String allowed) {
    return dev.opskit.core.value.Checks.map(field, values, allowed);
  }
}
