package dev.opskit.core.value;

import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Contract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The input checks shared by the values of every OpsKit module. Each one throws a
 * {@link ValidationException} naming the field, the value and what is allowed, and nothing else: not a
 * {@code NullPointerException} for an absent value, not an {@code ArithmeticException} for a number too
 * large to compute with, not a {@code StackOverflowError} from a regular expression (lengths are checked
 * before any pattern is matched).
 */
public final class Checks {
  private static final Pattern RDS_CHARACTERS = Pattern.compile("[A-Za-z0-9-]*");

  private Checks() {}

  /**
   * Requires a value to be present.
   *
   * @param field the field, as the message names it
   * @param value the value
   * @param allowed what is allowed, such as {@code "a restore point"}
   * @param <T> the value type
   * @return the value, now known to be non-null
   * @throws ValidationException when {@code value} is null
   */
  @Contract("_, null, _ -> fail")
  public static <T> T present(String field, @Nullable T value, String allowed) {
    if (value == null) {
      throw ValidationException.of(field, null, allowed);
    }
    return value;
  }

  /**
   * Requires {@code value} to be present and {@code min} to {@code max} characters long (code points).
   *
   * @param field the field, as the message names it
   * @param value the value
   * @param min the least length
   * @param max the greatest length
   * @return the value, now known to be non-null
   * @throws ValidationException when {@code value} is null, shorter or longer
   */
  public static String length(String field, @Nullable String value, int min, int max) {
    if (!hasLength(value, min, max)) {
      // The message is made only for a value that fails: this check runs on every value read and sent.
      throw ValidationException.of(field, value, min + " to " + max + " characters");
    }
    return value;
  }

  /**
   * Tells whether {@link #length} would accept {@code value}: present and {@code min} to {@code max}
   * characters long (code points). For rules that name their field only when the value fails.
   *
   * @param value the value
   * @param min the least length
   * @param max the greatest length
   * @return true when it is present and within the bounds
   */
  @Contract("null, _, _ -> false")
  public static boolean hasLength(@Nullable String value, int min, int max) {
    if (value == null) {
      return false;
    }
    int units = value.length();
    // Fewer UTF-16 units than the least length cannot reach it; more than twice the limit cannot be
    // within it (no need to count a huge string); between those, count code points.
    if (units < min || units > 2L * max) {
      return false;
    }
    if (units <= max && units >= 2L * min) {
      return true;
    }
    int length = value.codePointCount(0, units);
    return length >= min && length <= max;
  }

  /**
   * Requires the whole of {@code value} to match {@code pattern}. Check the length first (for example
   * with {@link #length}), so that the pattern never runs on huge input.
   *
   * @param pattern the pattern
   * @param field the field, as the message names it
   * @param value the value
   * @param allowed what is allowed
   * @return the value
   * @throws ValidationException when it does not match
   */
  public static String matches(Pattern pattern, String field, String value, String allowed) {
    require(pattern.matcher(value).matches(), field, value, allowed);
    return value;
  }

  /**
   * Throws a {@link ValidationException} naming {@code allowed} unless {@code ok}.
   *
   * @param ok the condition
   * @param field the field, as the message names it
   * @param value the value, shown in the message
   * @param allowed what is allowed
   * @throws ValidationException unless {@code ok}
   */
  @Contract("false, _, _, _ -> fail")
  public static void require(boolean ok, String field, @Nullable Object value, String allowed) {
    if (!ok) {
      throw ValidationException.of(field, value, allowed);
    }
  }

  /**
   * Requires a whole number within bounds.
   *
   * @param field the field, as the message names it
   * @param value the number
   * @param min the least value
   * @param max the greatest value
   * @param allowed what is allowed, such as {@code "1 to 36500 days"}
   * @return the number
   * @throws ValidationException when it is out of bounds
   */
  public static long range(String field, long value, long min, long max, String allowed) {
    require(value >= min && value <= max, field, value, allowed);
    return value;
  }

  /**
   * Requires a present duration within bounds, so that arithmetic on it cannot overflow.
   *
   * @param field the field, as the message names it
   * @param value the duration
   * @param min the least duration
   * @param max the greatest duration
   * @param allowed what is allowed, such as {@code "a positive duration of at most 1 day"}
   * @return the duration
   * @throws ValidationException when it is null or out of bounds
   */
  public static Duration duration(String field, @Nullable Duration value, Duration min, Duration max, String allowed) {
    require(value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0, field, value, allowed);
    return value;
  }

  /**
   * An immutable copy of a collection that must be present and hold no null element.
   *
   * @param field the field, as the message names it
   * @param values the elements
   * @param allowed what is allowed, such as {@code "a list of rules"}
   * @param <T> the element type
   * @return the copy, in iteration order
   * @throws ValidationException when the collection or one of its elements is null
   */
  public static <T> List<T> list(String field, @Nullable Collection<? extends T> values, String allowed) {
    present(field, values, allowed);
    Object[] copy = values.toArray();
    for (Object v : copy) {
      if (v == null) {
        // The listing is rendered only for the message: once per element it made long lists quadratic.
        throw ValidationException.of(field, Arrays.toString(copy), allowed + ", without null elements");
      }
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) List.of(copy);
    return list;
  }

  /**
   * An immutable copy of an array (such as varargs) that must be present and hold no null element.
   *
   * @param field the field, as the message names it
   * @param values the elements
   * @param allowed what is allowed
   * @param <T> the element type
   * @return the copy, in order
   * @throws ValidationException when the array or one of its elements is null
   */
  @SafeVarargs
  public static <T> List<T> elements(String field, String allowed, T @Nullable ... values) {
    if (values == null) {
      return list(field, null, allowed);
    }
    // Element by element: handing the array itself on is what -Xlint:varargs warns about.
    List<T> copy = new ArrayList<>(values.length);
    for (T v : values) {
      copy.add(v);
    }
    return list(field, copy, allowed);
  }

  /**
   * An immutable copy of a map that must be present and hold no null key or value.
   *
   * @param field the field, as the message names it
   * @param values the map
   * @param allowed what is allowed, such as {@code "tags as key/value pairs"}
   * @param <K> the key type
   * @param <V> the value type
   * @return the copy, in the map's iteration order
   * @throws ValidationException when the map, one of its keys or one of its values is null
   */
  public static <K, V> Map<K, V> map(String field, @Nullable Map<? extends K, ? extends V> values, String allowed) {
    present(field, values, allowed);
    Map<K, V> copy = new LinkedHashMap<>();
    for (Map.Entry<? extends K, ? extends V> e : values.entrySet()) {
      require(e.getKey() != null, field, null, allowed + ", without a null key");
      require(e.getValue() != null, field + "." + e.getKey(), null, allowed + ", without a null value");
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The RDS identifier rules (DB instances, snapshots): letters, digits and hyphens; a letter first; no
   * two consecutive hyphens; no hyphen at the end.
   *
   * @return the value in lower case, as RDS stores it
   */
  static String rdsIdentifier(String field, @Nullable String value, int maxLength) {
    String id = length(field, value, 1, maxLength);
    matches(RDS_CHARACTERS, field, id, "only ASCII letters, digits and hyphens");
    require(isAsciiLetter(id.charAt(0)), field, id, "a letter as the first character");
    require(!id.contains("--"), field, id, "no two consecutive hyphens");
    require(!id.endsWith("-"), field, id, "no hyphen as the last character");
    return id.toLowerCase(Locale.ROOT);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * The one IAM-role check: an ARN that names an IAM role ({@code arn:<partition>:iam::<account>:role/<name>}).
   *
   * @param field the field, as the message names it
   * @param role the ARN
   * @return the role
   * @throws ValidationException when null or not an IAM role ARN
   */
  public static Arn iamRole(String field, @Nullable Arn role) {
    if (role == null || !"iam".equals(role.service()) || !role.resource().startsWith("role/")
        || role.resource().length() <= "role/".length()) {
      throw ValidationException.of(field, role, "an IAM role ARN, arn:aws:iam::<account>:role/<name>");
    }
    return role;
  }
}
