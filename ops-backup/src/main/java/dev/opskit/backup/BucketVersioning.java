package dev.opskit.backup;

import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An S3 bucket's versioning, as desired state ({@link #enabled()}, {@link #suspended()}) and as S3 reports it.
 *
 * @param status the versioning status ({@code Status})
 */
public record BucketVersioning(Status status) {
  /**
   * Validates.
   *
   * @param status the versioning status ({@code Status})
   */
  public BucketVersioning {
    Checks.present("status", status, "a versioning status, such as BucketVersioning.Status.ENABLED");
  }

  /** {@return versioning on} */
  public static BucketVersioning enabled() {
    return new BucketVersioning(Status.ENABLED);
  }

  /** {@return versioning suspended: existing versions are kept, new ones are not made} */
  public static BucketVersioning suspended() {
    return new BucketVersioning(Status.SUSPENDED);
  }

  /** {@return whether versioning is on} */
  public boolean isEnabled() {
    return Status.ENABLED.equals(status);
  }

  /** {@code versioning enabled}, {@code versioning suspended}, {@code versioning never enabled}. */
  @Override
  public String toString() {
    return "versioning " + status.description();
  }

  /**
   * S3's versioning status ({@code Status}), an open set: {@code Enabled}, {@code Suspended}, none (a bucket
   * whose versioning was never turned on), and any other value kept as given ({@link #isKnown()} false).
   */
  public static final class Status {
    /** Versioning is on. */
    public static final Status ENABLED = new Status("Enabled", "enabled", true);
    /** Versioning was on and is suspended. */
    public static final Status SUSPENDED = new Status("Suspended", "suspended", true);
    /** Versioning was never turned on (S3 reports no status). */
    public static final Status NEVER_ENABLED = new Status("", "never enabled", true);

    private static final List<Status> KNOWN = List.of(ENABLED, SUSPENDED, NEVER_ENABLED);

    private final String value;
    private final String description;
    private final boolean known;

    private Status(String value, String description, boolean known) {
      this.value = value;
      this.description = description;
      this.known = known;
    }

    /**
     * The status for S3's word; never throws.
     *
     * @param value {@code Enabled}, {@code Suspended}, or null or empty for never enabled
     * @return the constant, or an unknown status keeping the value
     */
    public static Status of(@Nullable String value) {
      String v = value == null ? "" : value;
      return KNOWN.stream().filter(s -> s.value.equals(v)).findFirst().orElseGet(() -> new Status(v, v, false));
    }

    /** {@return S3's word ({@code Enabled}, {@code Suspended}), empty for never enabled} */
    public String value() {
      return value;
    }

    /** {@return for people: {@code enabled}, {@code suspended}, {@code never enabled}, or S3's word} */
    public String description() {
      return description;
    }

    /** {@return whether S3 documents this status} */
    public boolean isKnown() {
      return known;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Status s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(value);
    }

    /** S3's word, or {@code (never enabled)}. */
    @Override
    public String toString() {
      return value.isEmpty() ? "(never enabled)" : value;
    }
  }
}
