package dev.opskit.kubernetes.health;

import org.jspecify.annotations.Nullable;

/** An event's {@code type}; an open set: any other text is {@link #OTHER}. */
public enum EventType {
  /** {@code Normal}: something expected happened. */
  NORMAL,
  /** {@code Warning}: something may be wrong. */
  WARNING,
  /** Absent, or a type other than the two Kubernetes defines. */
  OTHER;

  /**
   * The type of Kubernetes' text.
   *
   * @param text such as {@code Warning}, or null
   * @return the type (never an exception)
   */
  public static EventType of(@Nullable String text) {
    if ("Normal".equals(text)) {
      return NORMAL;
    }
    return "Warning".equals(text) ? WARNING : OTHER;
  }
}
