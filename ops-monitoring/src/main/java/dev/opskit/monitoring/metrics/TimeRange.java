package dev.opskit.monitoring.metrics;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A time range: {@code start} strictly before {@code end}.
 *
 * @param start the first instant
 * @param end the last instant
 */
public record TimeRange(Instant start, Instant end) {

  /**
   * Validates; throws {@link dev.opskit.core.ValidationException} when either end is absent or the range is
   * empty or reversed.
   *
   * @param start the first instant
   * @param end the last instant
   */
  public TimeRange {
    Checks.present("start", start, "a start time");
    Checks.present("end", end, "an end time");
    Checks.require(start.isBefore(end), "end", end, "an end time after the start time (" + start + ")");
  }

  /**
   * A range.
   *
   * @param start the first instant
   * @param end the last instant, after {@code start}
   * @return the range
   * @throws dev.opskit.core.ValidationException when the end is not after the start
   */
  public static TimeRange of(Instant start, Instant end) {
    return new TimeRange(start, end);
  }

  /**
   * The range that ends at {@code end} and lasts {@code length}.
   *
   * @param length a positive duration of at most 100 years
   * @param end the last instant
   * @return the range
   * @throws dev.opskit.core.ValidationException when the length is not positive or too long
   */
  public static TimeRange last(Duration length, Instant end) {
    Checks.duration("length", length, Duration.ofSeconds(1), Duration.ofDays(36_500), "1 second to 100 years");
    Checks.present("end", end, "an end time");
    return new TimeRange(end.minus(length), end);
  }

  /** {@return how long the range lasts} */
  public Duration length() {
    return Duration.between(start, end);
  }

  /** {@code 2026-12-01T10:00:00Z..2026-12-01T11:00:00Z}. */
  @Override
  public String toString() {
    return start + ".." + end;
  }
}
