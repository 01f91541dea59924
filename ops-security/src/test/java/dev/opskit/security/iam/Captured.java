package dev.opskit.security.iam;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs code with System.out and System.err copied into a buffer, so tests can scan what was logged. */
final class Captured {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  <T> T run(Supplier<T> code) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
    try {
      return code.get();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private OutputStream tee(OutputStream original) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (bytes) {
          bytes.write(b);
        }
        try {
          original.write(b);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
