package dev.opskit.kubernetes.access;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Runs code with this package's DEBUG logging on and System.err copied into a buffer, so a test can check what was
 * logged. The level is set before any logger of the package exists: every test class that makes tokens touches
 * this class first.
 */
final class Logs {
  static final String PACKAGE = "dev.opskit.kubernetes.access";

  static {
    System.setProperty("org.slf4j.simpleLogger.log." + PACKAGE, "debug");
  }

  private Logs() {}

  /** Makes sure the level is set (call from a static initializer). */
  static void init() {
    // the static initializer did it
  }

  /** Whether the package logs at DEBUG (so a scan of its output is not vacuous). */
  static boolean debugOn() {
    return LoggerFactory.getLogger(PACKAGE + ".internal.EksTokens").isDebugEnabled();
  }

  record Captured<T>(T value, String text) {}

  static <T> Captured<T> capture(Supplier<T> code) {
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      T value = code.get();
      return new Captured<>(value, bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
      err.print(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
