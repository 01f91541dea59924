package dev.opskit.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Target 5: {@link ListingMemoryMain} in its own JVM under {@code -Xmx64m}: every listing completes, and the heap
 * still in use halfway through is at most what one page of items holds when kept.
 */
final class MemoryRow {
  static final String TARGET = "Memory: 100,000 alarms, snapshots, backups, log events list under -Xmx64m;"
      + " retained ≤ one page";
  /** What a full GC's measurement of used heap varies by, run to run, with nothing retained. */
  static final long NOISE = 256 * 1024;

  private MemoryRow() {}

  static Row run(Run run) throws Exception {
    int n = run.pick(2_000, 100_000);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ListingMemoryMain.class.getName(), String.valueOf(n))
        .redirectErrorStream(true);
    Process process = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      return Row.failed(5, TARGET, "the -Xmx64m JVM failed (exit " + process.exitValue() + "): "
          + String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
    }
    boolean pass = true;
    List<String> figures = new ArrayList<>();
    int kinds = 0;
    for (String line : lines) {
      String[] f = Stats.split(line, " ");
      if (f.length != 5 && f.length != 6) {
        continue;
      }
      String kind = f.length == 6 ? f[0] + " " + f[1] : f[0];
      int o = f.length - 4;
      long count = Long.parseLong(f[o]);
      long retained = Long.parseLong(f[o + 1]);
      long page = Long.parseLong(f[o + 2]);
      int pageItems = Integer.parseInt(f[o + 3]);
      kinds++;
      // A page holds no negative bytes: a negative figure is the GC measurement's noise, so it counts as 0.
      boolean ok = count == n && retained <= Math.max(page, 0) + NOISE;
      pass &= ok;
      figures.add(Stats.format("%s %d/%d, %d KB retained vs %d KB for one page of %d", kind, count, n,
          retained / 1024, page / 1024, pageItems));
    }
    pass &= kinds == 4;
    return new Row(5, TARGET, String.join("; ", figures) + Stats.format(" (N = %,d under -Xmx64m)", n),
        "one run; GC measurement noise ±" + NOISE / 1024 + " KB allowed", pass);
  }
}
