package dev.opskit.security.ecr;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The status of an image's scan, under basic scanning ({@code IN_PROGRESS}, {@code COMPLETE}, {@code FAILED},
 * {@code UNSUPPORTED_IMAGE}) and enhanced scanning ({@code PENDING}, {@code ACTIVE}, {@code
 * SCAN_ELIGIBILITY_EXPIRED}, {@code FINDINGS_UNAVAILABLE}, {@code LIMIT_EXCEEDED}, {@code IMAGE_ARCHIVED}). An
 * open set: a status AWS adds later is kept and counts as still going.
 *
 * @param value the status in AWS's words
 * @param description AWS's description, or null
 */
public record ScanStatus(String value, @Nullable String description) {
  private static final Set<String> DONE = Set.of("COMPLETE", "ACTIVE");
  private static final Set<String> FAILED = Set.of("FAILED", "UNSUPPORTED_IMAGE", "SCAN_ELIGIBILITY_EXPIRED",
      "FINDINGS_UNAVAILABLE", "LIMIT_EXCEEDED", "IMAGE_ARCHIVED");

  /**
   * Keeps AWS's text; an absent one is {@code UNKNOWN}.
   *
   * @param value the status in AWS's words
   * @param description AWS's description, or null
   */
  public ScanStatus {
    value = value == null || value.isBlank() ? "UNKNOWN" : value.trim().toUpperCase(Locale.ROOT);
  }

  /**
   * The status AWS sent, never failing.
   *
   * @param value AWS's text, or null
   * @param description AWS's description, or null
   * @return the status
   */
  public static ScanStatus of(@Nullable String value, @Nullable String description) {
    return new ScanStatus(value == null ? "UNKNOWN" : value, description);
  }

  /**
   * Whether findings are there to read: {@code COMPLETE} (basic) or {@code ACTIVE} (enhanced, continuously
   * scanned: findings exist and are kept up to date).
   *
   * @return whether the wait is over with findings
   */
  public boolean hasFindings() {
    return DONE.contains(value);
  }

  /** {@return whether the scan ended without findings (failed, unsupported, expired, unavailable, limited, archived)} */
  public boolean isFailed() {
    return FAILED.contains(value);
  }

  /** {@return whether the scan is still going (IN_PROGRESS, PENDING or a status not known to OpsKit)} */
  public boolean isPending() {
    return !hasFindings() && !isFailed();
  }

  @Override
  public String toString() {
    return description == null || description.isBlank() ? value : value + " (" + description + ")";
  }
}
