package dev.opskit.core.change;

import dev.opskit.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * One field that differs between what is live in AWS and what a definition wants, as shown in a
 * {@link Plan}: {@code Threshold: 70.0 -> 75.0}.
 *
 * @param field the field, in AWS's member name where there is one ({@code Threshold}, {@code BackupRetentionPeriod})
 * @param live what AWS has, or null when absent
 * @param desired what the definition wants, or null when it wants it absent
 */
public record FieldDiff(String field, @Nullable String live, @Nullable String desired) {

  /**
   * Validates.
   *
   * @param field the field, in AWS's member name where there is one ({@code Threshold}, {@code BackupRetentionPeriod})
   * @param live what AWS has, or null when absent
   * @param desired what the definition wants, or null when it wants it absent
   */
  public FieldDiff {
    if (field == null || field.isBlank()) {
      throw ValidationException.of("field", field, "the name of the field that differs");
    }
  }

  /**
   * A difference of two values of any type, shown with {@code String.valueOf}.
   *
   * @param field the field
   * @param live what AWS has, or null
   * @param desired what the definition wants, or null
   * @return the difference
   */
  public static FieldDiff of(String field, @Nullable Object live, @Nullable Object desired) {
    return new FieldDiff(field, live == null ? null : String.valueOf(live), desired == null ? null : String.valueOf(desired));
  }

  /** {@code field: live -> desired}, with {@code (none)} for an absent value. */
  @Override
  public String toString() {
    return field + ": " + (live == null ? "(none)" : live) + " -> " + (desired == null ? "(none)" : desired);
  }
}
