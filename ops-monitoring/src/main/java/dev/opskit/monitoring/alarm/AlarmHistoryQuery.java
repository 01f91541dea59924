package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which entries of an alarm's history {@link Alarms#history(AlarmHistoryQuery)} reads: the alarm, the
 * earliest entry, optionally the latest (default: now) and one kind of entry (default: every kind).
 *
 * <pre>{@code
 * try (Stream<AlarmHistoryItem> drills = alarms.history(q -> q.alarmName("HighCPUUtilization")
 *     .since(ctx.clock().instant().minus(Duration.ofDays(7))).type(AlarmHistoryType.STATE_UPDATE))) {
 *   drills.forEach(System.out::println);
 * }
 * }</pre>
 */
public final class AlarmHistoryQuery {
  private final AlarmName alarmName;
  private final Instant since;
  private final @Nullable Instant until;
  private final @Nullable AlarmHistoryType type;

  private AlarmHistoryQuery(Builder b) {
    this.alarmName = Checks.present("alarmName", b.alarmName, "the alarm whose history is read (required)");
    this.since = Checks.present("since", b.since, "the earliest entry wanted (required)");
    this.until = b.until;
    Checks.require(until == null || !until.isBefore(since), "until", until, "an instant not before since (" + since + ")");
    this.type = b.type;
    Checks.require(type == null || !type.isUnknown(), "type", type == null ? null : type.value(),
        "one of " + AlarmHistoryType.values());
  }

  /**
   * Starts a query.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this query's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.alarmName = alarmName;
    b.since = since;
    b.until = until;
    b.type = type;
    return b;
  }

  /** {@return the alarm} */
  public AlarmName alarmName() {
    return alarmName;
  }

  /** {@return the earliest entry wanted} */
  public Instant since() {
    return since;
  }

  /** {@return the latest entry wanted; empty for up to now} */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }

  /** {@return the one kind of entry wanted; empty for every kind} */
  public Optional<AlarmHistoryType> type() {
    return Optional.ofNullable(type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmHistoryQuery q && alarmName.equals(q.alarmName) && since.equals(q.since)
        && Objects.equals(until, q.until) && Objects.equals(type, q.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alarmName, since, until, type);
  }

  /** {@code history of HighCPUUtilization since 2026-11-25T12:00:00Z}, for people. */
  @Override
  public String toString() {
    return (type == null ? "history" : type + " history") + " of " + alarmName + " since " + since
        + (until == null ? "" : " until " + until);
  }

  /** Builds an {@link AlarmHistoryQuery}; {@link #build()} validates. */
  public static final class Builder {
    private @Nullable AlarmName alarmName;
    private @Nullable Instant since;
    private @Nullable Instant until;
    private @Nullable AlarmHistoryType type;

    private Builder() {}

    /**
     * The alarm (required).
     *
     * @param value the alarm name
     * @return this builder
     */
    public Builder alarmName(AlarmName value) {
      this.alarmName = value;
      return this;
    }

    /**
     * The alarm (required), by name.
     *
     * @param alarmName the alarm name
     * @return this builder
     * @throws dev.opskit.core.ValidationException when it is not a valid alarm name
     */
    public Builder alarmName(String alarmName) {
      return alarmName(AlarmName.of(alarmName));
    }

    /**
     * The earliest entry wanted (required).
     *
     * @param value the instant
     * @return this builder
     */
    public Builder since(Instant value) {
      this.since = value;
      return this;
    }

    /**
     * The latest entry wanted (default: now, by the context's clock).
     *
     * @param value the instant, not before {@link #since}; null for now
     * @return this builder
     */
    public Builder until(@Nullable Instant value) {
      this.until = value;
      return this;
    }

    /**
     * Only entries of one kind (default: every kind).
     *
     * @param value a documented kind, or null for every kind
     * @return this builder
     */
    public Builder type(@Nullable AlarmHistoryType value) {
      this.type = value;
      return this;
    }

    /**
     * Builds and validates the query.
     *
     * @return the query
     * @throws dev.opskit.core.ValidationException naming the first rule broken
     */
    public AlarmHistoryQuery build() {
      return new AlarmHistoryQuery(this);
    }
  }
}
