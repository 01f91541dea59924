package dev.opskit.benchmarks;

import dev.opskit.test.Emulator;
import org.jspecify.annotations.Nullable;

/** One moto server for the whole run, started on first use and stopped when the JVM exits. */
final class Moto {
  private static @Nullable Emulator shared;

  private Moto() {}

  static synchronized Emulator shared() {
    if (shared == null) {
      Emulator started = Emulator.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "moto-stop"));
      shared = started;
    }
    return shared;
  }
}
