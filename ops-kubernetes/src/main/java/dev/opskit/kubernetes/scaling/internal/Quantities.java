package dev.opskit.kubernetes.scaling.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resource quantities as Kubernetes' {@code resource.ParseQuantity} accepts them: a signed decimal number and one
 * suffix, binary ({@code Ki Mi Gi Ti Pi Ei}), decimal ({@code n u m k M G T P E}) or a decimal exponent
 * ({@code e3}, {@code E-2}); the amount is fabric8's {@link Quantity}.
 */
public final class Quantities {
  /** What a quantity may be. */
  public static final String ALLOWED = "a non-negative Kubernetes quantity of at most 64 characters: a decimal number"
      + " with an optional suffix Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent e<n>/E<n>,"
      + " such as 250m, 0.5, 256Mi or 1G";
  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
  private static final int MAX_EXPONENT = 30;

  private Quantities() {}

  /**
   * Checks a quantity.
   *
   * @param field the field, as the message names it
   * @param value the quantity text
   * @return the value
   * @throws ValidationException unless Kubernetes parses it as a non-negative quantity
   */
  public static String check(String field, @Nullable String value) {
    if (value == null || !Checks.hasLength(value, 1, 64) || !QUANTITY.matcher(value).matches()
        || value.startsWith("-") || hugeExponent(value)) {
      throw ValidationException.of(field, value, ALLOWED);
    }
    return value;
  }

  /**
   * The amount of a quantity checked by {@link #check}.
   *
   * @param value the quantity text
   * @return its amount (cores for cpu, bytes for memory)
   */
  public static BigDecimal amount(String value) {
    return Quantity.getAmountInBytes(new Quantity(value));
  }

  /**
   * Whether two quantities are the same amount ({@code 0.5} and {@code 500m}).
   *
   * @param a one, or null
   * @param b the other, or null
   * @return whether both are absent or the same amount
   */
  public static boolean same(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    try {
      return amount(a).compareTo(amount(b)) == 0;
    } catch (ArithmeticException | IllegalArgumentException e) {
      return a.equals(b);
    }
  }

  /** Kubernetes limits a quantity's exponent; a huge one would make the decimal arithmetic costly. */
  private static boolean hugeExponent(String value) {
    java.util.regex.Matcher m = QUANTITY.matcher(value);
    if (!m.matches() || m.group(3) == null) {
      return false;
    }
    String suffix = m.group(3);
    if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E') || suffix.equals("Ei")) {
      return false;
    }
    String exponent = suffix.substring(1).replaceFirst("^[+-]", "");
    return exponent.length() > 2 || Integer.parseInt(exponent) > MAX_EXPONENT;
  }
}
