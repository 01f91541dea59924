package dev.opskit.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Target 1: the gate's cost per {@code submit} beyond the call itself, from {@link GateBenchmark} under JMH with
 * its GC profiler: time (live minus raw) and bytes allocated (live minus raw), and dry-run against live.
 */
final class GateRow {
  static final String TARGET = "Gate: ≤ 2 µs and ≤ 2 KB per submit beyond the call; dry-run ≤ live";
  private static final double MAX_NANOS = 2_000;
  private static final double MAX_BYTES = 2_048;

  private GateRow() {}

  static Row run(Run run) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(GateBenchmark.class.getName() + "\\.")
        .addProfiler(GCProfiler.class)
        .timeUnit(TimeUnit.NANOSECONDS)
        .shouldFailOnError(true);
    if (run.smoke()) {
      options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
          .measurementIterations(3).measurementTime(TimeValue.milliseconds(200));
    } else {
      options.forks(3).warmupIterations(3).warmupTime(TimeValue.seconds(1))
          .measurementIterations(5).measurementTime(TimeValue.seconds(1));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Measured raw = measured(results, "raw");
    Measured live = measured(results, "live");
    Measured dry = measured(results, "dryRun");
    double bytes = live.bytes - raw.bytes;
    // Time: this thread's CPU time per submit, in interleaved rounds (raw, live, dry-run in turn). On a shared
    // machine, wall time also counts the time the thread waited for a core; JMH's wall figure is shown beside.
    int rounds = run.pick(5, 21);
    int perRound = run.pick(20_000, 200_000);
    GateBenchmark bench = new GateBenchmark();
    List<Double> liveCpu = new ArrayList<>();
    List<Double> dryCpu = new ArrayList<>();
    List<Double> dryOverLive = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double rawNs = cpuNanos(bench::raw, perRound);
      double liveNs = cpuNanos(bench::live, perRound);
      double dryNs = cpuNanos(bench::dryRun, perRound);
      if (r == 0) {
        continue; // warm-up
      }
      liveCpu.add(liveNs - rawNs);
      dryCpu.add(dryNs - rawNs);
      dryOverLive.add(dryNs / liveNs);
    }
    double nanos = Stats.median(liveCpu);
    double dryRatio = Stats.median(dryOverLive);
    boolean pass = nanos <= MAX_NANOS && bytes <= MAX_BYTES && dryRatio <= 1.0 && dry.bytes <= live.bytes;
    String measured = Stats.format("%.2f µs CPU and %.0f B beyond the call per submit; dry-run %.2f µs, %.0f B,"
            + " %.2f× live (JMH wall: live %.2f µs, dry-run %.2f µs, raw %.0f ns)",
        nanos / 1000, bytes, Stats.median(dryCpu) / 1000, dry.bytes - raw.bytes, dryRatio,
        live.nanos / 1000, dry.nanos / 1000, raw.nanos);
    String spread = "live CPU " + Stats.range(liveCpu, "%.0f") + " ns; dry/live " + Stats.range(dryOverLive, "%.2f")
        + Stats.format("; JMH live %.0f–%.0f ns", live.min, live.max);
    return new Row(1, TARGET, measured, spread, pass);
  }

  private static double cpuNanos(java.util.function.Supplier<?> op, int n) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    Object last = null;
    for (int i = 0; i < n; i++) {
      last = op.get();
    }
    long spent = mx.getCurrentThreadCpuTime() - start;
    if (last == null) {
      throw new IllegalStateException("no result");
    }
    return (double) spent / n;
  }

  private record Measured(double nanos, double min, double max, double bytes) {}

  private static Measured measured(Collection<RunResult> results, String method) {
    for (RunResult result : results) {
      if (result.getParams().getBenchmark().endsWith("." + method)) {
        Result<?> primary = result.getPrimaryResult();
        Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        var stats = primary.getStatistics();
        return new Measured(stats.getPercentile(50), stats.getMin(), stats.getMax(),
            alloc == null ? Double.NaN : alloc.getScore());
      }
    }
    List<String> names = new ArrayList<>();
    results.forEach(r -> names.add(r.getParams().getBenchmark()));
    throw new IllegalStateException("no JMH result for " + method + " among " + names);
  }
}
