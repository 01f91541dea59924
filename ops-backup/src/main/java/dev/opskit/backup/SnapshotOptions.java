package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.DbSnapshotId;
import dev.opskit.core.value.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How {@link RdsBackups#snapshot(java.util.function.Consumer)} takes a snapshot: an explicit name
 * (default: the guide's {@code <instance>-manual-<yyyyMMdd>}, with a suffix when taken), extra tags, and
 * whether and how long to wait until it is available.
 */
public final class SnapshotOptions {
  private final @Nullable DbSnapshotId name;
  private final Map<String, String> tags;
  private final boolean waitUntilAvailable;
  private final @Nullable Duration timeout;

  private SnapshotOptions(Builder b) {
    this.name = b.name;
    this.tags = java.util.Collections.unmodifiableMap(new TreeMap<>(b.tags));
    this.waitUntilAvailable = b.waitUntilAvailable;
    this.timeout = b.timeout;
  }

  /** {@return a builder with the defaults: generated name, no extra tags, wait with the context's timeout} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.tags.putAll(tags);
    b.waitUntilAvailable = waitUntilAvailable;
    b.timeout = timeout;
    return b;
  }

  /** {@return the explicit name; empty for the generated one} */
  public Optional<DbSnapshotId> name() {
    return Optional.ofNullable(name);
  }

  /** {@return tags added to the instance's tags and the context's default tags} */
  public Map<String, String> tags() {
    return tags;
  }

  /** {@return whether to wait until the snapshot is available} */
  public boolean waitUntilAvailable() {
    return waitUntilAvailable;
  }

  /** {@return how long to wait; empty for the context's default} */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnapshotOptions other
        && Objects.equals(name, other.name) && tags.equals(other.tags)
        && waitUntilAvailable == other.waitUntilAvailable && Objects.equals(timeout, other.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, tags, waitUntilAvailable, timeout);
  }

  @Override
  public String toString() {
    return "SnapshotOptions[name=" + name + ", tags=" + tags + ", wait=" + waitUntilAvailable + ", timeout=" + timeout + "]";
  }

  /** Builds {@link SnapshotOptions}. */
  public static final class Builder {
    private @Nullable DbSnapshotId name;
    private final Map<String, String> tags = new TreeMap<>();
    private boolean waitUntilAvailable = true;
    private @Nullable Duration timeout;

    private Builder() {}

    /**
     * An explicit snapshot name.
     *
     * @param value a valid RDS snapshot identifier, such as {@code prod-database-before-upgrade}
     * @return this builder
     * @throws ValidationException when RDS would reject the identifier (naming {@code name})
     */
    public Builder name(String value) {
      this.name = Checks.dbSnapshotId("name", value);
      return this;
    }

    /**
     * An explicit snapshot name.
     *
     * @param value the snapshot identifier
     * @return this builder
     */
    public Builder name(DbSnapshotId value) {
      this.name = Checks.present("name", value, "a DB snapshot identifier");
      return this;
    }

    /**
     * Adds a tag to the snapshot.
     *
     * @param key the key, 1 to 128 characters, not starting with {@code aws:} (AWS's rule: {@link Tags})
     * @param value the value, up to 256 characters
     * @return this builder
     * @throws ValidationException when AWS would refuse the tag
     */
    public Builder tag(String key, String value) {
      Tags.checkKey("tags", key);
      Tags.checkValue("tags", key, value);
      tags.put(key, value);
      return this;
    }

    /**
     * Adds tags to the snapshot.
     *
     * @param values the tags
     * @return this builder
     */
    public Builder tags(Map<String, String> values) {
      Checks.present("tags", values, "a map of tag keys to values (may be empty)").forEach(this::tag);
      return this;
    }

    /**
     * Whether to wait until the snapshot is available (default true). When false, the snapshot is
     * returned as AWS first reports it, usually {@code creating}.
     *
     * @param value true to wait
     * @return this builder
     */
    public Builder waitUntilAvailable(boolean value) {
      this.waitUntilAvailable = value;
      return this;
    }

    /**
     * How long to wait (default: the context's default wait timeout).
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder timeout(Duration value) {
      this.timeout = Checks.positive("timeout", value);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws ValidationException when there are more tags than AWS allows on a resource ({@value Tags#MAX_TAGS})
     */
    public SnapshotOptions build() {
      Tags.of("tags", tags);
      return new SnapshotOptions(this);
    }
  }
}
