package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.DbInstanceId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RdsBackups#recover(RecoveryRequest)} does: restore to which point, as which new instance,
 * how long to wait, and how to switch traffic.
 *
 * <pre>{@code
 * RecoveryRequest.builder()
 *     .restorePoint(RestorePoint.at(Instant.parse("2024-01-01T12:00:00Z")))
 *     .newInstanceId("prod-database-recovered")
 *     .trafficSwitch(report -> dns.point("db.internal", report.endpoint().orElseThrow()))
 *     .build();
 * }</pre>
 */
public final class RecoveryRequest {
  private final RestorePoint restorePoint;
  private final DbInstanceId newInstanceId;
  private final @Nullable Duration timeout;
  private final @Nullable TrafficSwitch trafficSwitch;

  private RecoveryRequest(Builder b) {
    this.restorePoint = b.restorePoint;
    if (b.newInstanceId == null) {
      throw ValidationException.of("newInstanceId", null, "the identifier of the instance to restore into");
    }
    this.newInstanceId = b.newInstanceId;
    this.timeout = b.timeout;
    this.trafficSwitch = b.trafficSwitch;
  }

  /** {@return a builder; the restore point defaults to the latest restorable time} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this request} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.restorePoint = restorePoint;
    b.newInstanceId = newInstanceId;
    b.timeout = timeout;
    b.trafficSwitch = trafficSwitch;
    return b;
  }

  /** {@return where to restore to} */
  public RestorePoint restorePoint() {
    return restorePoint;
  }

  /** {@return the instance to create} */
  public DbInstanceId newInstanceId() {
    return newInstanceId;
  }

  /** {@return how long to wait for the new instance; empty for the context's default} */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** {@return the traffic switch, if any} */
  public Optional<TrafficSwitch> trafficSwitch() {
    return Optional.ofNullable(trafficSwitch);
  }

  /** Equal when every part is; traffic switches are compared as objects (the same hook instance). */
  @Override
  public boolean equals(Object o) {
    return o instanceof RecoveryRequest other
        && restorePoint.equals(other.restorePoint) && newInstanceId.equals(other.newInstanceId)
        && Objects.equals(timeout, other.timeout) && Objects.equals(trafficSwitch, other.trafficSwitch);
  }

  @Override
  public int hashCode() {
    return Objects.hash(restorePoint, newInstanceId, timeout, trafficSwitch);
  }

  @Override
  public String toString() {
    return "RecoveryRequest[" + restorePoint + " -> " + newInstanceId + (timeout == null ? "" : ", timeout " + timeout)
        + (trafficSwitch == null ? "" : ", with traffic switch") + "]";
  }

  /** Builds a {@link RecoveryRequest}. */
  public static final class Builder {
    private RestorePoint restorePoint = RestorePoint.latest();
    private @Nullable DbInstanceId newInstanceId;
    private @Nullable Duration timeout;
    private @Nullable TrafficSwitch trafficSwitch;

    private Builder() {}

    /**
     * Where to restore to (default: the latest restorable time).
     *
     * @param value the restore point
     * @return this builder
     */
    public Builder restorePoint(RestorePoint value) {
      this.restorePoint = Checks.present("restorePoint", value,
          "a restore point: RestorePoint.snapshot(id), RestorePoint.at(time) or RestorePoint.latest()");
      return this;
    }

    /**
     * The new instance's identifier (required).
     *
     * @param value a valid DB instance identifier not in use
     * @return this builder
     * @throws ValidationException when RDS would reject the identifier (naming {@code newInstanceId})
     */
    public Builder newInstanceId(String value) {
      this.newInstanceId = Checks.dbInstanceId("newInstanceId", value);
      return this;
    }

    /**
     * The new instance's identifier (required).
     *
     * @param value an identifier not in use
     * @return this builder
     */
    public Builder newInstanceId(DbInstanceId value) {
      this.newInstanceId = Checks.present("newInstanceId", value, "the identifier of the instance to restore into");
      return this;
    }

    /**
     * How long to wait for the new instance (default: the context's default wait timeout).
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder timeout(Duration value) {
      this.timeout = Checks.positive("timeout", value);
      return this;
    }

    /**
     * The traffic switch, called after verification.
     *
     * @param value the hook
     * @return this builder
     */
    public Builder trafficSwitch(TrafficSwitch value) {
      this.trafficSwitch = Checks.present("trafficSwitch", value, "a traffic switch hook");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws ValidationException when the new instance id is missing
     */
    public RecoveryRequest build() {
      return new RecoveryRequest(this);
    }
  }
}
