package dev.opskit.monitoring.health;

import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.health.internal.SnapshotJson;
import dev.opskit.monitoring.metrics.Datapoint;
import dev.opskit.monitoring.metrics.MetricSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Lambda function: its state and configuration (GetFunction) and its recent {@code Duration}, {@code Errors}
 * and {@code Throttles} (GetMetricData).
 *
 * @param target the function
 * @param state {@code Active}, {@code Pending}, {@code Inactive} or {@code Failed}, as AWS sent it
 * @param stateReason AWS's reason, or null
 * @param lastUpdateStatus {@code Successful}, {@code Failed} or {@code InProgress}, or null
 * @param runtime such as {@code java21}, or null for container images
 * @param memoryMb memory in MB
 * @param timeoutSeconds the timeout in seconds
 * @param lastModified when the function last changed, or null
 * @param duration average {@code Duration} per 5 minutes over the window
 * @param errors summed {@code Errors} per 5 minutes
 * @param throttles summed {@code Throttles} per 5 minutes
 */
public record LambdaSnapshot(
    HealthTarget target, String state, @Nullable String stateReason, @Nullable String lastUpdateStatus,
    @Nullable String runtime, int memoryMb, int timeoutSeconds, @Nullable Instant lastModified,
    MetricSeries duration, MetricSeries errors, MetricSeries throttles) implements HealthSnapshot {

  /**
   * Validates.
   *
   * @param target the function
   * @param state the state
   * @param stateReason the reason
   * @param lastUpdateStatus the last update status
   * @param runtime the runtime
   * @param memoryMb the memory
   * @param timeoutSeconds the timeout
   * @param lastModified last change
   * @param duration the duration series
   * @param errors the errors series
   * @param throttles the throttles series
   */
  public LambdaSnapshot {
    Checks.present("target", target, "a target");
    Checks.present("state", state, "a state");
    Checks.present("duration", duration, "a series");
    Checks.present("errors", errors, "a series");
    Checks.present("throttles", throttles, "a series");
  }

  /** {@return the errors in the window} */
  public double errorCount() {
    return errors.points().stream().mapToDouble(Datapoint::value).sum();
  }

  /** {@return the throttles in the window} */
  public double throttleCount() {
    return throttles.points().stream().mapToDouble(Datapoint::value).sum();
  }

  @Override
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (!"Active".equals(state)) {
      out.add("state is " + state + (stateReason == null ? "" : ": " + stateReason));
    }
    if ("Failed".equals(lastUpdateStatus)) {
      out.add("the last update failed");
    }
    if (errorCount() > 0) {
      out.add(SnapshotJson.format(errorCount()) + " errors in the window");
    }
    if (throttleCount() > 0) {
      out.add(SnapshotJson.format(throttleCount()) + " throttles in the window");
    }
    for (MetricSeries s : List.of(duration, errors, throttles)) {
      if (!s.isComplete()) {
        out.add(s.label() + " data is " + s.status() + (s.messages().isEmpty() ? "" : " " + s.messages()));
      }
    }
    return out;
  }

  @Override
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(target).append(": ").append(healthy() ? "healthy" : "UNHEALTHY").append(" - ").append(state)
        .append(", ").append(runtime == null ? "image" : runtime).append(", ").append(memoryMb).append(" MB, timeout ")
        .append(timeoutSeconds).append(" s; duration avg (latest) ").append(SnapshotJson.latest(duration))
        .append(" ms, errors ").append(SnapshotJson.format(errorCount())).append(", throttles ")
        .append(SnapshotJson.format(throttleCount()));
    problems().forEach(p -> b.append("\n  problem: ").append(p));
    return b.toString();
  }

  @Override
  public String toJson() {
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("state", state);
    f.put("stateReason", stateReason);
    f.put("lastUpdateStatus", lastUpdateStatus);
    f.put("runtime", runtime);
    f.put("memorySize", memoryMb);
    f.put("timeout", timeoutSeconds);
    f.put("lastModified", lastModified);
    f.put("duration", duration);
    f.put("errors", errors);
    f.put("throttles", throttles);
    return SnapshotJson.of(this, f);
  }
}
