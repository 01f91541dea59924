package dev.opskit.benchmarks;

import java.lang.management.ManagementFactory;

/** Quick allocation/time probe (temporary). */
final class Probe {
  private Probe() {}

  public static void main(String[] args) {
    GateBenchmark b = new GateBenchmark();
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 5; round++) {
      int n = 200_000;
      long t0 = System.nanoTime();
      long a0 = mx.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < n; i++) {
        b.live();
      }
      long a1 = mx.getCurrentThreadAllocatedBytes();
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.dryRun();
      }
      long a2 = mx.getCurrentThreadAllocatedBytes();
      long t2 = System.nanoTime();
      System.out.printf("live %.2f us %d B; dry %.2f us %d B%n", (t1 - t0) / 1e3 / n, (a1 - a0) / n,
          (t2 - t1) / 1e3 / n, (a2 - a1) / n);
    }
  }
}
