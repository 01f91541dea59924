package dev.opskit.monitoring.health;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.health.internal.SnapshotJson;
import dev.opskit.monitoring.metrics.MetricSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An RDS instance, the read side of the guide's "Database Incident Response": status, endpoint, engine and
 * version (DescribeDBInstances), the events of the last hour (DescribeEvents {@code --duration 60}) and recent
 * {@code CPUUtilization}.
 *
 * @param target the instance
 * @param status such as {@code available}, as AWS sent it
 * @param endpoint the endpoint address, or null while there is none
 * @param port the port, or null
 * @param engine such as {@code postgres}
 * @param engineVersion such as {@code 16.3}
 * @param instanceClass such as {@code db.r6g.large}
 * @param events the events of the last hour, oldest first
 * @param cpu average {@code CPUUtilization} per 5 minutes over the window
 */
public record RdsSnapshot(
    HealthTarget target, String status, @Nullable String endpoint, @Nullable Integer port, String engine,
    String engineVersion, String instanceClass, List<ServiceEvent> events, MetricSeries cpu) implements HealthSnapshot {

  /** The CPU above which an instance counts as unhealthy: the guide's HighCPUUtilization threshold. */
  public static final double CPU_THRESHOLD = 80.0;

  /**
   * Copies.
   *
   * @param target the instance
   * @param status the status
   * @param endpoint the endpoint
   * @param port the port
   * @param engine the engine
   * @param engineVersion the version
   * @param instanceClass the class
   * @param events the events
   * @param cpu the CPU series
   */
  public RdsSnapshot {
    Checks.present("target", target, "a target");
    Checks.present("status", status, "a status");
    Checks.present("engine", engine, "an engine");
    Checks.present("engineVersion", engineVersion, "an engine version");
    Checks.present("instanceClass", instanceClass, "an instance class");
    events = Values.list("events", events, "events");
    Checks.present("cpu", cpu, "a series");
  }

  @Override
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (!"available".equals(status)) {
      out.add("status is " + status);
    }
    if (cpu.latest().isPresent() && cpu.latest().getAsDouble() > CPU_THRESHOLD) {
      out.add("CPU at " + SnapshotJson.latest(cpu) + "% (above " + SnapshotJson.format(CPU_THRESHOLD) + "%)");
    }
    if (!cpu.isComplete()) {
      out.add("CPU data is " + cpu.status() + (cpu.messages().isEmpty() ? "" : " " + cpu.messages()));
    }
    return out;
  }

  @Override
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(target).append(": ").append(healthy() ? "healthy" : "UNHEALTHY").append(" - ").append(status).append(", ")
        .append(engine).append(' ').append(engineVersion).append(", ").append(instanceClass).append(", endpoint ")
        .append(endpoint == null ? "-" : endpoint + (port == null ? "" : ":" + port)).append(", CPU (latest) ")
        .append(SnapshotJson.latest(cpu)).append('%').append(", ").append(events.size()).append(" events in the last hour");
    problems().forEach(p -> b.append("\n  problem: ").append(p));
    events.stream().skip(Math.max(0, events.size() - 3)).forEach(e -> b.append("\n  event: ").append(e));
    return b.toString();
  }

  @Override
  public String toJson() {
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("status", status);
    f.put("endpoint", endpoint);
    f.put("port", port);
    f.put("engine", engine);
    f.put("engineVersion", engineVersion);
    f.put("instanceClass", instanceClass);
    f.put("events", events);
    f.put("cpu", cpu);
    return SnapshotJson.of(this, f);
  }
}
