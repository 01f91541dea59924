package dev.opskit.benchmarks;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every benchmark and prints one table of the eight targets of issue 11, each with its measured figure,
 * its spread and pass/fail. {@code --smoke} runs each in seconds (what {@code mvn verify} does); without it,
 * the full run. Exits 1 when a target does not hold.
 */
public final class BenchmarkTable {
  private BenchmarkTable() {}

  /** One benchmark. */
  @FunctionalInterface
  interface Benchmark {
    Row run(Run run) throws Exception;
  }

  /**
   * Runs the benchmarks.
   *
   * @param args {@code --smoke} for the smoke pass; {@code --only=1,3} to run some rows
   * @throws Exception when the table cannot be printed
   */
  public static void main(String[] args) throws Exception {
    Run run = Run.FULL;
    List<Integer> only = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--smoke")) {
        run = Run.SMOKE;
      } else if (arg.equals("--full") || arg.isBlank()) {
        run = Run.FULL;
      } else if (arg.startsWith("--only=")) {
        for (String n : Stats.split(arg.substring("--only=".length()), ",")) {
          only.add(Integer.parseInt(n.trim()));
        }
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; use --full (the default), --smoke and --only=1,2,...");
      }
    }
    List<Row> rows = rows(run, only);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(table(rows, run));
    System.exit(rows.stream().allMatch(Row::pass) ? 0 : 1);
  }

  /**
   * Runs the rows.
   *
   * @param run smoke or full
   * @param only the rows to run, or empty for all
   * @return the rows, in order
   */
  static List<Row> rows(Run run, List<Integer> only) {
    List<Benchmark> all = List.of(GateRow::run, PerCallRow::run, ThrottlingRow::run, SnapshotCallsRow::run,
        MemoryRow::run, GuideRow::run, FaultRow::run, SizeRow::run);
    String[] targets = {GateRow.TARGET, PerCallRow.TARGET, ThrottlingRow.TARGET, SnapshotCallsRow.TARGET,
        MemoryRow.TARGET, GuideRow.TARGET, FaultRow.TARGET, SizeRow.TARGET};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!only.isEmpty() && !only.contains(i + 1)) {
        continue;
      }
      long start = System.nanoTime();
      Row row;
      try {
        row = all.get(i).run(run);
      } catch (Exception | AssertionError | LinkageError e) {
        // A row that cannot run (a class missing from the class path included) is a failed row, not a lost table.
        row = Row.failed(i + 1, targets[i], e.toString());
      }
      rows.add(row);
      // Each row as it ends, so that a run cut short still shows what it measured.
      System.err.printf(Locale.ROOT, "row %d took %.1f s: %s: %s%n", i + 1, (System.nanoTime() - start) / 1e9,
          row.pass() ? "pass" : "FAIL", row.measured());
    }
    return rows;
  }

  /**
   * The table, in Markdown.
   *
   * @param rows the rows
   * @param run smoke or full
   * @return the text
   */
  static String table(List<Row> rows, Run run) {
    StringBuilder out = new StringBuilder();
    out.append(Stats.format("OpsKit benchmarks (%s run), %s, %s, %d cores, Java %s%n%n", run.smoke() ? "smoke" : "full",
        Instant.now(), host(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    out.append("| # | Target | Measured | Spread | Result |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ").append(row.number()).append(" | ").append(row.target()).append(" | ").append(row.measured())
          .append(" | ").append(row.spread()).append(" | ").append(row.pass() ? "pass" : "FAIL").append(" |\n");
    }
    long failed = rows.stream().filter(r -> !r.pass()).count();
    out.append(failed == 0 ? "\nAll targets hold.\n"
        : String.format(Locale.ROOT, "%n%d of %d targets missed.%n", failed, rows.size()));
    return out.toString();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown host";
    }
  }
}
