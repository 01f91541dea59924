package dev.opskit.backup.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.DbSnapshotId;
import dev.opskit.core.value.TableName;
import dev.opskit.core.waiting.Poller;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The input checks of this module that core's {@link dev.opskit.core.value.Checks} does not have (an IAM
 * role ARN, a wait timeout, a typed id named after the caller's parameter), and delegates to it for the rest;
 * each throws only {@link ValidationException}.
 */
public final class Checks {
  /** What a wait timeout may be. */
  static final String WAIT = "a positive duration of at most " + Poller.MAX_DURATION.toDays() + " days";

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
    return dev.opskit.core.value.Checks.iamRole(field, role);
  }

  /**
   * Checks that a wait timeout is positive and one a poller accepts ({@link Poller#MAX_DURATION}), so a
   * change is never sent only for its wait to be refused. Core's duration check with these bounds.
   *
   * @param field the field, as the message names it
   * @param value the duration
   * @return the duration
   * @throws ValidationException when null, zero, negative or longer than {@link Poller#MAX_DURATION}
   */
  public static Duration positive(String field, @Nullable Duration value) {
    return dev.opskit.core.value.Checks.duration(field, value, Duration.ofNanos(1), Poller.MAX_DURATION, WAIT);
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
   * Throws a {@link ValidationException} unless {@code ok} ({@link dev.opskit.core.value.Checks#require}).
   *
   * @param ok the condition
   * @param field the field, as the message names it
   * @param value the value, shown in the message
   * @param allowed what is allowed
   * @throws ValidationException unless {@code ok}
   */
  public static void require(boolean ok, String field, @Nullable Object value, String allowed) {
    dev.opskit.core.value.Checks.require(ok, field, value, allowed);
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

  /**
   * Parses a value with a typed id's own rules, naming the caller's parameter in the message: core's ids
   * name themselves ({@code dbInstanceId}), but {@code restoreToLatestRestorableTime("Restored--DB")} must
   * say {@code newInstanceId}.
   *
   * @param field the caller's parameter, such as {@code newInstanceId}
   * @param parse the parse, such as {@code () -> DbInstanceId.of(value)}
   * @param <T> the id type
   * @return the id
   * @throws ValidationException naming {@code field}, with the id's value and rule
   */
  public static <T> T named(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      throw field.equals(e.field()) ? e : ValidationException.of(field, e.value(), e.allowed());
    }
  }

  /**
   * A DB instance identifier given as the parameter {@code field}.
   *
   * @param field the parameter, such as {@code newInstanceId}
   * @param value the identifier
   * @return the id
   * @throws ValidationException naming {@code field}
   */
  public static DbInstanceId dbInstanceId(String field, @Nullable String value) {
    // Null fails as DbInstanceId's own rule fails it (1 to 63 characters), checked here so no null is passed on.
    String v = present(field, value, "1 to 63 characters");
    return named(field, () -> DbInstanceId.of(v));
  }

  /**
   * A DB snapshot identifier given as the parameter {@code field}.
   *
   * @param field the parameter, such as {@code snapshotId}
   * @param value the identifier
   * @return the id
   * @throws ValidationException naming {@code field}
   */
  public static DbSnapshotId dbSnapshotId(String field, @Nullable String value) {
    // Null fails as DbSnapshotId's own rule fails it (1 to 255 characters), checked here so no null is passed on.
    String v = present(field, value, "1 to 255 characters");
    return named(field, () -> DbSnapshotId.of(v));
  }

  /**
   * A DynamoDB table name given as the parameter {@code field}.
   *
   * @param field the parameter, such as {@code targetTable}
   * @param value the name
   * @return the name
   * @throws ValidationException naming {@code field}
   */
  public static TableName tableName(String field, @Nullable String value) {
    // Null fails as TableName's own rule fails it (3 to 255 characters), checked here so no null is passed on.
    String v = present(field, value, "3 to 255 characters");
    return named(field, () -> TableName.of(v));
  }

  /**
   * An ARN given as the parameter {@code field}.
   *
   * @param field the parameter, such as {@code backupArn}
   * @param value the ARN text
   * @return the ARN
   * @throws ValidationException naming {@code field}
   */
  public static Arn arn(String field, @Nullable String value) {
    // Null fails as Arn.parse fails it (the ARN shape), checked here so no null is passed on.
    String v = present(field, value, "arn:partition:service:region:account-id:resource");
    return named(field, () -> Arn.parse(v));
  }
}
