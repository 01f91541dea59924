package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.AuditSinks;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.test.Emulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The tour: runs one example per section of the operations guide against an AWS API emulator and
 * prints what each did, then the audit trail.
 *
 * <p>With {@code OPS_AWS_ENDPOINT} set, it uses that endpoint and leaves what it created in place, so it
 * can be inspected with any AWS client ({@code aws --endpoint-url $OPS_AWS_ENDPOINT ...}). Otherwise it
 * starts moto on a free loopback port and stops it at the end. The region is the guide's, us-east-1.
 * The audit trail is also written as JSON lines to {@code target/tour-audit.jsonl}.
 */
public final class Tour {
  private Tour() {}

  /** The sections, in the guide's order. */
  static List<TourStep> steps() {
    return List.of(
        new CoreExample(),
        new MonitoringExample(),
        new MonitoringPart2Example(),
        new BackupExample(),
        new PerformanceExample(),
        new CostExample(),
        new CostWasteExample(),
        new KeyRotationExample(),
        new SecurityReportExample(),
        new IncidentExample());
  }

  /**
   * Runs every section against a context, printing a heading before each.
   *
   * @param ctx the context
   * @param out where to print
   */
  static void runSteps(OpsContext ctx, PrintStream out) {
    for (TourStep step : steps()) {
      out.println();
      out.println("== " + step.title());
      step.run(ctx, out);
    }
  }

  /**
   * Runs the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    Path auditFile = Path.of("target", "tour-audit.jsonl").toAbsolutePath();
    InMemoryAuditSink trail = AuditSinks.inMemory();
    try (Emulator emulator = Emulator.start();
        AuditSinks.ClosableAuditSink file = AuditSinks.jsonLines(auditFile);
        OpsContext ctx = emulator.contextBuilder()
            .auditSink(AuditSinks.all(trail, file))
            .defaultTag("managed-by", "opskit")
            .build()) {
      out.println("OpsKit tour against " + emulator.kind() + " at " + emulator.endpoint() + " (" + ctx + ")");
      runSteps(ctx, out);
      out.println();
      out.println("== Audit trail (" + trail.events().size() + " events; also in " + auditFile + ")");
      for (AuditEvent e : trail.events()) {
        out.printf("  %s %-9s %-32s %s %s%n", e.time().truncatedTo(ChronoUnit.MILLIS), e.outcome(), e.operation(), e.target(), e.parameters());
      }
    }
  }
}
