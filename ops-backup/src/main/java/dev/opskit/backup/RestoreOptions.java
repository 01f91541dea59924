package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How {@link RdsBackups#restoreFromSnapshot(String, String, java.util.function.Consumer)} restores a snapshot:
 * the instance class of the new instance (default: the class of the instance the snapshot was taken of, which
 * must then still exist; a snapshot does not record it) and how long to wait until it is available.
 */
public final class RestoreOptions {
  private static final int MAX_CLASS_LENGTH = 64;
  /** {@code db.} and lower-case letters, digits, dots and hyphens; no empty part (checked after the length). */
  private static final Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9][a-z0-9.-]*");

  private final @Nullable String instanceClass;
  private final @Nullable Duration timeout;

  private RestoreOptions(Builder b) {
    this.instanceClass = b.instanceClass;
    this.timeout = b.timeout;
  }

  /** {@return a builder with the defaults: the source instance's class, the context's wait timeout} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.instanceClass = instanceClass;
    b.timeout = timeout;
    return b;
  }

  /** {@return the instance class of the new instance; empty for the class of the snapshot's source instance} */
  public Optional<String> instanceClass() {
    return Optional.ofNullable(instanceClass);
  }

  /** {@return how long to wait until the new instance is available; empty for the context's default} */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestoreOptions other
        && Objects.equals(instanceClass, other.instanceClass) && Objects.equals(timeout, other.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instanceClass, timeout);
  }

  @Override
  public String toString() {
    return "RestoreOptions[instanceClass=" + instanceClass + ", timeout=" + timeout + "]";
  }

  /** Builds {@link RestoreOptions}. */
  public static final class Builder {
    private @Nullable String instanceClass;
    private @Nullable Duration timeout;

    private Builder() {}

    /**
     * The instance class of the new instance. Needed when the instance the snapshot was taken of no longer
     * exists; otherwise it replaces that instance's class.
     *
     * @param value an RDS instance class, such as {@code db.t3.micro} or {@code db.r6g.large}
     * @return this builder
     * @throws ValidationException when it is not an instance class ({@code db.} followed by lower-case
     *     letters, digits, dots and hyphens, at most 64 characters)
     */
    public Builder instanceClass(String value) {
      if (value == null || value.length() > MAX_CLASS_LENGTH || !INSTANCE_CLASS.matcher(value).matches()
          || value.endsWith(".") || value.contains("..")) {
        throw ValidationException.of("instanceClass", value, "an RDS instance class such as db.t3.micro (db. followed by"
            + " lower-case letters, digits, dots and hyphens, at most " + MAX_CLASS_LENGTH + " characters)");
      }
      this.instanceClass = value;
      return this;
    }

    /**
     * How long to wait until the new instance is available (default: the context's default wait timeout).
     *
     * @param value a positive duration
     * @return this builder
     * @throws ValidationException when null, zero or negative
     */
    public Builder timeout(Duration value) {
      this.timeout = Checks.positive("timeout", value);
      return this;
    }

    /** {@return builds the options} */
    public RestoreOptions build() {
      return new RestoreOptions(this);
    }
  }
}
