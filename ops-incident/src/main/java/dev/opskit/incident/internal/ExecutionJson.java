package dev.opskit.incident.internal;

import dev.opskit.core.change.PlannedCall;
import dev.opskit.incident.run.Execution;
import dev.opskit.incident.run.RunStatus;
import dev.opskit.incident.run.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text and JSON forms of an execution, and step results as plain values for the journal. */
public final class ExecutionJson {
  private ExecutionJson() {}

  /**
   * An execution as indented JSON.
   *
   * @param e the execution
   * @return the JSON
   */
  public static String write(Execution e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("runbook", e.runbook());
    m.put("status", e.status().value());
    m.put("dryRun", e.dryRun());
    m.put("started", e.started().toString());
    m.put("ended", e.ended() == null ? null : e.ended().toString());
    m.put("arguments", e.arguments());
    m.put("failedStep", e.failedStep());
    m.put("failure", e.failure());
    m.put("compensation", e.compensation());
    m.put("outputs", e.outputs());
    m.put("steps", e.steps().stream().map(ExecutionJson::plain).toList());
    return Jsons.writePretty(m);
  }

  /**
   * An execution as a readable report.
   *
   * @param e the execution
   * @return the text
   */
  public static String text(Execution e) {
    StringBuilder sb = new StringBuilder();
    sb.append("Execution ").append(e.id()).append(" of ").append(e.runbook()).append(": ").append(e.status().value());
    if (e.dryRun()) {
      sb.append(" (dry run, nothing sent)");
    }
    sb.append('\n');
    if (e.failedStep() != null) {
      sb.append("  failed at ").append(e.failedStep()).append(": ").append(e.failure()).append('\n');
    }
    if (!e.compensation().isEmpty()) {
      sb.append("  compensation ran: ").append(String.join(", ", e.compensation())).append('\n');
    }
    for (StepResult r : e.steps()) {
      sb.append(String.format(Locale.ROOT, "  %-24s %-32s %-9s %5d ms, %d attempt%s", r.step(), r.action(),
          r.status().value(), r.duration().toMillis(), r.attempts(), r.attempts() == 1 ? "" : "s"));
      if (!r.outputs().isEmpty()) {
        sb.append(" outputs ").append(Jsons.write(r.outputs()));
      }
      if (r.failure() != null) {
        sb.append(" failure: ").append(r.failure());
      }
      sb.append('\n');
      for (PlannedCall c : r.calls()) {
        sb.append("      ").append(e.dryRun() ? "would call " : "called ").append(c.operation()).append(' ')
            .append(Jsons.write(c.parameters())).append('\n');
      }
    }
    if (!e.outputs().isEmpty()) {
      sb.append("  outputs ").append(Jsons.write(e.outputs())).append('\n');
    }
    return sb.toString();
  }

  /**
   * A step result as plain values.
   *
   * @param r the result
   * @return the map
   */
  public static Map<String, Object> plain(StepResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", r.step());
    m.put("action", r.action());
    m.put("status", r.status().value());
    m.put("started", r.started().toString());
    m.put("ended", r.ended().toString());
    m.put("attempts", r.attempts());
    m.put("outputs", r.outputs());
    List<Object> calls = new ArrayList<>();
    for (PlannedCall c : r.calls()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("operation", c.operation());
      cm.put("target", c.target());
      cm.put("parameters", Values.copy("parameters", c.parameters()));
      calls.add(cm);
    }
    m.put("calls", calls);
    if (r.failure() != null) {
      m.put("failure", r.failure());
    }
    return m;
  }

  /**
   * A step result read back from plain values.
   *
   * @param m the map
   * @return the result
   */
  public static StepResult stepResult(Map<?, ?> m) {
    Fields f = Fields.of("journal step", m);
    List<PlannedCall> calls = new ArrayList<>();
    for (Object o : f.list("calls")) {
      Fields c = Fields.of("journal call", o);
      calls.add(new PlannedCall(c.string("operation"), c.string("target"), c.object("parameters")));
    }
    return new StepResult(f.string("step"), f.string("action"), RunStatus.of(f.string("status")),
        Instant.parse(f.string("started")), Instant.parse(f.string("ended")), f.integer("attempts", 0, 0, 1000),
        f.object("outputs"), calls, f.optString("failure"));
  }
}
