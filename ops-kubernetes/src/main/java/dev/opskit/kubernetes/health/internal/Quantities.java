package dev.opskit.kubernetes.health.internal;

import dev.opskit.core.ServiceException;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the API server's Kubernetes quantities ({@code 3920m}, {@code 2}, {@code 15Gi}, {@code 16264720Ki}) with
 * fabric8's {@link Quantity}, rounding up as Kubernetes' {@code MilliValue()}/{@code Value()} do, and its RFC 3339
 * times. A value that is not one is a {@link ServiceException} naming it, never a parser's exception.
 */
final class Quantities {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Quantities() {}

  /** CPU in millicores of {@code resources.get("cpu")}, 0 when absent. */
  static long millicores(@Nullable Map<String, Quantity> resources, String operation, @Nullable String target) {
    return amount(resources, "cpu", THOUSAND, operation, target);
  }

  /** Memory in bytes of {@code resources.get("memory")}, 0 when absent. */
  static long bytes(@Nullable Map<String, Quantity> resources, String operation, @Nullable String target) {
    return amount(resources, "memory", BigDecimal.ONE, operation, target);
  }

  private static long amount(@Nullable Map<String, Quantity> resources, String resource, BigDecimal scale,
      String operation, @Nullable String target) {
    Quantity quantity = resources == null ? null : resources.get(resource);
    if (quantity == null) {
      return 0;
    }
    try {
      return Quantity.getAmountInBytes(quantity).multiply(scale).setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw new ServiceException("the API server sent a " + resource + " quantity that is not a Kubernetes quantity"
          + " within range: '" + quantity + "'", operation, target, e);
    }
  }

  /** An RFC 3339 time, or null when absent. */
  static @Nullable Instant time(@Nullable String text, String field, String operation, @Nullable String target) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ServiceException("the API server sent a " + field + " that is not an RFC 3339 time: '" + text + "'",
          operation, target, e);
    }
  }
}
