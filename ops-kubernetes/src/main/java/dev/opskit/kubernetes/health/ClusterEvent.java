package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One event, as {@code kubectl get events} shows it.
 *
 * @param namespace its namespace, or null for a cluster-scoped event
 * @param type Normal or Warning
 * @param reason such as {@code BackOff}, {@code FailedScheduling}, {@code Unhealthy}, or null
 * @param objectKind the kind of the object it is about, such as {@code Pod}
 * @param objectName the name of that object
 * @param message what happened, or null
 * @param count how many times it happened ({@code series.count}, else {@code count}, else 1)
 * @param firstTime when it first happened ({@code firstTimestamp}, else {@code eventTime}), or null
 * @param lastTime when it last happened ({@code series.lastObservedTime}, else {@code lastTimestamp}, else
 *     {@code eventTime}), or null
 * @param created its {@code metadata.creationTimestamp} (what the guide sorts by), or null
 */
public record ClusterEvent(
    @Nullable String namespace,
    EventType type,
    @Nullable String reason,
    String objectKind,
    String objectName,
    @Nullable String message,
    int count,
    @Nullable Instant firstTime,
    @Nullable Instant lastTime,
    @Nullable Instant created) {

  /**
   * Validates.
   *
   * @param namespace the namespace
   * @param type the type
   * @param reason the reason
   * @param objectKind the object's kind
   * @param objectName the object's name
   * @param message the message
   * @param count the count
   * @param firstTime the first time
   * @param lastTime the last time
   * @param created the creation time
   */
  public ClusterEvent {
    Checks.present("type", type, "an event type");
    Checks.present("objectKind", objectKind, "a kind");
    Checks.present("objectName", objectName, "a name");
  }

  /** {@return kubectl's OBJECT column, such as {@code pod/api-7d4b9c-xk2lp}} */
  public String object() {
    return objectKind.toLowerCase(Locale.ROOT) + "/" + objectName;
  }

  /** {@return the last time it happened, else its creation time, else null} */
  public @Nullable Instant seen() {
    return lastTime != null ? lastTime : created;
  }
}
