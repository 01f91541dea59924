package dev.opskit.monitoring.performance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One data point of a PI series.
 *
 * @param timestamp the start of its period
 * @param value the value, or null when PI has no data for the period
 */
public record PiDataPoint(Instant timestamp, @Nullable Double value) {}
