package dev.opskit.monitoring.scaling;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One scaling activity of a scalable target (DescribeScalingActivities).
 *
 * @param activityId AWS's id
 * @param description what it did, such as {@code Setting desired count to 4.}
 * @param cause why, such as {@code monitor alarm ... in state ALARM triggered policy ...}
 * @param startTime when it started
 * @param endTime when it ended, or null while in progress
 * @param status its status (an open set)
 * @param statusMessage AWS's message, or null
 */
public record ScalingActivity(String activityId, String description, String cause, Instant startTime,
    @Nullable Instant endTime, ActivityStatus status, @Nullable String statusMessage) {

  /** {@return when it ended, empty while in progress} */
  public Optional<Instant> ended() {
    return Optional.ofNullable(endTime);
  }
}
