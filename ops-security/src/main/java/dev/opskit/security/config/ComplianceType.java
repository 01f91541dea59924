package dev.opskit.security.config;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * AWS Config's compliance type of a rule or a resource evaluation. An open set: a value AWS adds later is
 * kept as AWS sent it, never an error.
 *
 * @param value the type in AWS's words, such as {@code NON_COMPLIANT}
 */
public record ComplianceType(String value) {
  /** The resource or rule complies. */
  public static final ComplianceType COMPLIANT = new ComplianceType("COMPLIANT");
  /** The resource or rule does not comply. */
  public static final ComplianceType NON_COMPLIANT = new ComplianceType("NON_COMPLIANT");
  /** The rule does not apply to the resource. */
  public static final ComplianceType NOT_APPLICABLE = new ComplianceType("NOT_APPLICABLE");
  /** Config has not evaluated enough to say. */
  public static final ComplianceType INSUFFICIENT_DATA = new ComplianceType("INSUFFICIENT_DATA");

  /**
   * Keeps AWS's text; an absent one is {@code UNKNOWN}.
   *
   * @param value the type in AWS's words
   */
  public ComplianceType {
    value = value == null || value.isBlank() ? "UNKNOWN" : value;
  }

  /**
   * The type AWS sent, never failing.
   *
   * @param value AWS's text, or null
   * @return the type
   */
  public static ComplianceType of(@Nullable String value) {
    return new ComplianceType(value == null ? "UNKNOWN" : value.trim().toUpperCase(Locale.ROOT));
  }

  /** {@return whether it is {@link #NON_COMPLIANT}} */
  public boolean isNonCompliant() {
    return equals(NON_COMPLIANT);
  }

  @Override
  public String toString() {
    return value;
  }
}
