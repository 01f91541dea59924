package dev.opskit.backup;

import org.jspecify.annotations.Nullable;

/** An S3 bucket's versioning state. */
public enum BucketVersioning {
  /** Versioning is on. */
  ENABLED,
  /** Versioning was on and is suspended: existing versions are kept, new ones are not made. */
  SUSPENDED,
  /** Versioning was never turned on (S3 reports no status). */
  NEVER_ENABLED;

  /**
   * The state for S3's {@code Status}.
   *
   * @param status {@code Enabled}, {@code Suspended}, or null/empty
   * @return the state; an unknown status counts as {@link #NEVER_ENABLED}
   */
  public static BucketVersioning fromAws(@Nullable String status) {
    if ("Enabled".equals(status)) {
      return ENABLED;
    }
    return "Suspended".equals(status) ? SUSPENDED : NEVER_ENABLED;
  }
}
