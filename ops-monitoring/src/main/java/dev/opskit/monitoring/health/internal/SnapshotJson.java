package dev.opskit.monitoring.health.internal;

import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.internal.Json;
import dev.opskit.monitoring.health.EcsDeployment;
import dev.opskit.monitoring.health.HealthSnapshot;
import dev.opskit.monitoring.health.ServiceEvent;
import dev.opskit.monitoring.health.TaskDefinitionInfo;
import dev.opskit.monitoring.metrics.Datapoint;
import dev.opskit.monitoring.metrics.MetricSeries;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON forms of the health snapshots: one object per snapshot, members in a fixed order. */
public final class SnapshotJson {
  private SnapshotJson() {}

  /**
   * The JSON object of a snapshot: {@code target}, {@code kind}, {@code healthy}, {@code problems}, then the
   * snapshot's own fields.
   *
   * @param snapshot the snapshot
   * @param fields its fields, in order (values: text, numbers, booleans, lists, maps, series, deployments...)
   * @return the JSON text
   */
  public static String of(HealthSnapshot snapshot, Map<String, @Nullable Object> fields) {
    return Json.write(node(snapshot, fields));
  }

  /**
   * The JSON tree of a snapshot.
   *
   * @param snapshot the snapshot
   * @param fields its fields
   * @return the tree
   */
  public static ObjectNode node(HealthSnapshot snapshot, Map<String, @Nullable Object> fields) {
    ObjectNode o = Json.object();
    o.put("target", snapshot.target().toString());
    o.put("kind", snapshot.target().kind().name());
    o.put("healthy", snapshot.healthy());
    ArrayNode problems = o.putArray("problems");
    snapshot.problems().forEach(problems::add);
    fields.forEach((k, v) -> o.set(k, Json.tree(simple(v))));
    return o;
  }

  private static @Nullable Object simple(@Nullable Object v) {
    if (v instanceof MetricSeries s) {
      ObjectNode o = Json.object();
      o.put("id", s.id());
      o.put("label", s.label());
      o.put("unit", s.unit());
      o.put("status", s.status().value());
      ArrayNode points = o.putArray("points");
      for (Datapoint p : s.points()) {
        points.addObject().put("timestamp", p.timestamp().toString()).put("value", p.value());
      }
      ArrayNode messages = o.putArray("messages");
      s.messages().forEach(messages::add);
      return o;
    }
    if (v instanceof EcsDeployment d) {
      ObjectNode o = Json.object();
      o.put("id", d.id());
      o.put("status", d.status());
      o.put("rolloutState", d.rolloutState().value());
      o.put("rolloutStateReason", d.rolloutStateReason());
      o.put("taskDefinition", d.taskDefinition());
      o.put("desiredCount", d.desired());
      o.put("runningCount", d.running());
      o.put("pendingCount", d.pending());
      o.put("failedTasks", d.failedTasks());
      o.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
      o.put("updatedAt", d.updatedAt() == null ? null : d.updatedAt().toString());
      return o;
    }
    if (v instanceof ServiceEvent e) {
      ObjectNode o = Json.object();
      o.put("at", e.at() == null ? null : e.at().toString());
      o.put("message", e.message());
      return o;
    }
    if (v instanceof TaskDefinitionInfo t) {
      ObjectNode o = Json.object();
      o.put("arn", t.arn());
      o.put("family", t.family());
      o.put("revision", t.revision());
      o.put("cpu", t.cpu());
      o.put("memory", t.memory());
      return o;
    }
    if (v instanceof List<?> list) {
      ArrayNode a = Json.array();
      list.forEach(item -> a.add(Json.tree(simple(item))));
      return a;
    }
    if (v instanceof java.time.Instant i) {
      return i.toString();
    }
    return v;
  }

  /**
   * The text of a number of a series' newest point, or {@code -}.
   *
   * @param series the series
   * @return the text
   */
  public static String latest(MetricSeries series) {
    return series.latest().isPresent() ? format(series.latest().getAsDouble()) : "-";
  }

  /**
   * A number without needless decimals.
   *
   * @param v the number
   * @return {@code 12} or {@code 12.5}
   */
  public static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
