package dev.opskit.security.guardduty;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which findings to read: severity range, finding types, resource types or instances, updated since, archived
 * or not. A value; {@link #all()} is every unarchived finding.
 *
 * <pre>{@code
 * FindingCriteria high = FindingCriteria.builder().severityAtLeast(SeverityLevel.HIGH)
 *     .updatedSince(Instant.parse("2026-11-01T00:00:00Z")).build();
 * }</pre>
 */
public final class FindingCriteria {
  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9:/._!-]+");
  private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern INSTANCE = Pattern.compile("i-(?:[0-9a-f]{8}|[0-9a-f]{17})");

  private final @Nullable SeverityLevel minimum;
  private final @Nullable SeverityLevel maximum;
  private final List<String> types;
  private final List<String> resourceTypes;
  private final List<String> instanceIds;
  private final @Nullable Instant updatedSince;
  private final boolean includeArchived;

  private FindingCriteria(Builder b) {
    this.minimum = b.minimum;
    this.maximum = b.maximum;
    this.types = List.copyOf(b.types);
    this.resourceTypes = List.copyOf(b.resourceTypes);
    this.instanceIds = List.copyOf(b.instanceIds);
    this.updatedSince = b.updatedSince;
    this.includeArchived = b.includeArchived;
  }

  /** {@return every unarchived finding} */
  public static FindingCriteria all() {
    return builder().build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these criteria} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.minimum = minimum;
    b.maximum = maximum;
    b.types.addAll(types);
    b.resourceTypes.addAll(resourceTypes);
    b.instanceIds.addAll(instanceIds);
    b.updatedSince = updatedSince;
    b.includeArchived = includeArchived;
    return b;
  }

  /** {@return the lowest level kept, or null for no lower bound} */
  public @Nullable SeverityLevel minimum() {
    return minimum;
  }

  /** {@return the highest level kept, or null for no upper bound} */
  public @Nullable SeverityLevel maximum() {
    return maximum;
  }

  /** {@return the finding types kept; empty for all} */
  public List<String> types() {
    return types;
  }

  /** {@return the resource types kept; empty for all} */
  public List<String> resourceTypes() {
    return resourceTypes;
  }

  /** {@return the EC2 instances whose findings are kept; empty for all resources} */
  public List<String> instanceIds() {
    return instanceIds;
  }

  /** {@return the earliest update time kept, or null} */
  public @Nullable Instant updatedSince() {
    return updatedSince;
  }

  /** {@return whether archived findings are kept too} */
  public boolean includeArchived() {
    return includeArchived;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FindingCriteria c && minimum == c.minimum && maximum == c.maximum && types.equals(c.types)
        && resourceTypes.equals(c.resourceTypes) && instanceIds.equals(c.instanceIds) && Objects.equals(updatedSince, c.updatedSince)
        && includeArchived == c.includeArchived;
  }

  @Override
  public int hashCode() {
    return Objects.hash(minimum, maximum, types, resourceTypes, instanceIds, updatedSince, includeArchived);
  }

  @Override
  public String toString() {
    return "FindingCriteria[minimum=" + minimum + ", maximum=" + maximum + ", types=" + types + ", resourceTypes="
        + resourceTypes + ", instanceIds=" + instanceIds + ", updatedSince=" + updatedSince + ", includeArchived=" + includeArchived + "]";
  }

  /** Builds {@link FindingCriteria}. */
  public static final class Builder {
    private @Nullable SeverityLevel minimum;
    private @Nullable SeverityLevel maximum;
    private final List<String> types = new ArrayList<>();
    private final List<String> resourceTypes = new ArrayList<>();
    private final List<String> instanceIds = new ArrayList<>();
    private @Nullable Instant updatedSince;
    private boolean includeArchived;

    private Builder() {}

    /**
     * Keeps findings of this level and above.
     *
     * @param level the lowest level
     * @return this builder
     */
    public Builder severityAtLeast(SeverityLevel level) {
      this.minimum = Checks.present("severityAtLeast", level, "LOW, MEDIUM, HIGH or CRITICAL");
      return this;
    }

    /**
     * Keeps findings of this level and below.
     *
     * @param level the highest level
     * @return this builder
     */
    public Builder severityAtMost(SeverityLevel level) {
      this.maximum = Checks.present("severityAtMost", level, "LOW, MEDIUM, HIGH or CRITICAL");
      return this;
    }

    /**
     * Keeps findings of these types (adds to those given before).
     *
     * @param values finding types, such as {@code UnauthorizedAccess:EC2/SSHBruteForce}
     * @return this builder
     */
    public Builder types(String... values) {
      for (String type : Checks.elements("types", "finding types", values)) {
        Checks.length("types", type, 1, 128);
        types.add(Checks.matches(TYPE, "types", type, "a GuardDuty finding type, such as Recon:EC2/PortProbeUnprotectedPort"));
      }
      Checks.require(types.size() <= 50, "types", types.size(), "at most 50 finding types");
      return this;
    }

    /**
     * Keeps findings about these resource types (adds to those given before).
     *
     * @param values resource types, such as {@code Instance}, {@code AccessKey}, {@code S3Bucket}
     * @return this builder
     */
    public Builder resourceTypes(String... values) {
      for (String type : Checks.elements("resourceTypes", "resource types", values)) {
        Checks.length("resourceTypes", type, 1, 64);
        resourceTypes.add(Checks.matches(RESOURCE_TYPE, "resourceTypes", type, "a GuardDuty resource type, such as Instance"));
      }
      Checks.require(resourceTypes.size() <= 50, "resourceTypes", resourceTypes.size(), "at most 50 resource types");
      return this;
    }

    /**
     * Keeps findings about these EC2 instances (adds to those given before).
     *
     * @param values instance ids, such as {@code i-0123456789abcdef0}
     * @return this builder
     */
    public Builder instanceIds(String... values) {
      for (String id : Checks.elements("instanceIds", "instance ids", values)) {
        Checks.length("instanceIds", id, 10, 19);
        instanceIds.add(Checks.matches(INSTANCE, "instanceIds", id, "an EC2 instance id such as i-0123456789abcdef0"));
      }
      Checks.require(instanceIds.size() <= 50, "instanceIds", instanceIds.size(), "at most 50 instance ids");
      return this;
    }

    /**
     * Keeps findings updated at or after a time.
     *
     * @param since the time
     * @return this builder
     */
    public Builder updatedSince(Instant since) {
      Checks.present("updatedSince", since, "a time");
      Checks.require(!since.isBefore(Instant.EPOCH) && since.getEpochSecond() < 253402300800L, "updatedSince", since,
          "a time between 1970 and 9999");
      this.updatedSince = since;
      return this;
    }

    /**
     * Keeps archived findings too (by default only unarchived ones).
     *
     * @param value whether to
     * @return this builder
     */
    public Builder includeArchived(boolean value) {
      this.includeArchived = value;
      return this;
    }

    /**
     * Builds the criteria.
     *
     * @return the criteria
     * @throws dev.opskit.core.ValidationException when the lowest level is above the highest
     */
    public FindingCriteria build() {
      if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
        throw dev.opskit.core.ValidationException.of("severityAtMost", maximum, "at least severityAtLeast (" + minimum + ")");
      }
      return new FindingCriteria(this);
    }
  }
}
