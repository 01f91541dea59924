package dev.opskit.monitoring.health;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The health of a list of targets: per target its snapshot, or why it could not be read; which are healthy and
 * which are not, and why.
 *
 * @param entries one per target, in the order asked
 */
public record HealthReport(List<Entry> entries) {

  /**
   * One target's result.
   *
   * @param target the target
   * @param snapshot its snapshot, or null when it could not be read
   * @param error why it could not be read, or null
   */
  public record Entry(HealthTarget target, @Nullable HealthSnapshot snapshot, @Nullable String error) {
    /**
     * Validates: exactly one of snapshot and error.
     *
     * @param target the target
     * @param snapshot the snapshot
     * @param error the error
     */
    public Entry {
      Checks.present("target", target, "a target");
      Checks.require((snapshot == null) != (error == null), "snapshot", snapshot, "a snapshot or an error, not both");
    }

    /** {@return whether the target was read and has no problems} */
    public boolean healthy() {
      return snapshot != null && snapshot.healthy();
    }

    /** {@return what is wrong: the snapshot's problems, or the read error} */
    public List<String> problems() {
      return snapshot != null ? snapshot.problems() : List.of("could not be read: " + error);
    }
  }

  /**
   * Copies.
   *
   * @param entries the entries
   */
  public HealthReport {
    entries = Values.list("entries", entries, "report entries");
  }

  /** {@return whether every target is healthy} */
  public boolean healthy() {
    return entries.stream().allMatch(Entry::healthy);
  }

  /** {@return the healthy entries} */
  public List<Entry> healthyEntries() {
    return entries.stream().filter(Entry::healthy).toList();
  }

  /** {@return the entries that are not healthy} */
  public List<Entry> unhealthyEntries() {
    return entries.stream().filter(e -> !e.healthy()).toList();
  }

  /** {@return one line per target ({@code ok} or {@code NOT OK} with the reasons), then a summary} */
  public String toText() {
    String lines = entries.stream().map(e -> (e.healthy() ? "ok      " : "NOT OK  ") + e.target()
        + (e.healthy() ? "" : ": " + String.join("; ", e.problems()))).collect(Collectors.joining("\n"));
    return lines + "\n" + healthyEntries().size() + " healthy, " + unhealthyEntries().size() + " not healthy";
  }

  /** {@return the report as JSON: {@code healthy} and {@code targets}, each with its snapshot or error} */
  public String toJson() {
    ObjectNode o = Json.object();
    o.put("healthy", healthy());
    ArrayNode targets = o.putArray("targets");
    for (Entry e : entries) {
      ObjectNode t = targets.addObject();
      t.put("target", e.target().toString());
      t.put("healthy", e.healthy());
      ArrayNode problems = t.putArray("problems");
      e.problems().forEach(problems::add);
      if (e.snapshot() != null) {
        t.set("snapshot", Json.readTree("snapshot", e.snapshot().toJson(), "JSON"));
      } else {
        t.put("error", e.error());
      }
    }
    return Json.write(o);
  }
}
