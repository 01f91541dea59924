package dev.opskit.monitoring.alarm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The guide's JSON blocks, verbatim, from the test resources. */
public final class GuideFiles {
  private GuideFiles() {}

  /**
   * One block.
   *
   * @param name the file name under {@code guide/}
   * @return its text
   */
  public static String read(String name) {
    try (InputStream in = GuideFiles.class.getResourceAsStream("/guide/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource guide/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
