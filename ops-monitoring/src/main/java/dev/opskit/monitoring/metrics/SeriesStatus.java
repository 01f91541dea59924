package dev.opskit.monitoring.metrics;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GetMetricData's status of one series: {@link #COMPLETE}, {@link #PARTIAL_DATA}, {@link #INTERNAL_ERROR},
 * {@link #FORBIDDEN}, or any other text AWS sends, kept as sent ({@link #of} never throws).
 *
 * @param value the status as AWS names it
 */
public record SeriesStatus(String value) {
  /** Every datapoint was returned. */
  public static final SeriesStatus COMPLETE = new SeriesStatus("Complete");
  /** Only part of the datapoints were returned (too many, or a page was left). */
  public static final SeriesStatus PARTIAL_DATA = new SeriesStatus("PartialData");
  /** CloudWatch failed to compute the series. */
  public static final SeriesStatus INTERNAL_ERROR = new SeriesStatus("InternalError");
  /** The caller may not read the metric (or a cross-account source). */
  public static final SeriesStatus FORBIDDEN = new SeriesStatus("Forbidden");

  /**
   * Keeps the text.
   *
   * @param value the status
   */
  public SeriesStatus {
    value = Objects.requireNonNullElse(value, "Unknown");
  }

  /**
   * The status of a text; unknown texts are kept, absent is {@code Unknown}.
   *
   * @param value the text
   * @return the status
   */
  public static SeriesStatus of(@Nullable String value) {
    return new SeriesStatus(value == null || value.isEmpty() ? "Unknown" : value);
  }

  /** {@return whether every datapoint is there} */
  public boolean isComplete() {
    return equals(COMPLETE);
  }

  @Override
  public String toString() {
    return value;
  }
}
