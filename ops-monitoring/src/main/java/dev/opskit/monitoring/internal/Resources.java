package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the JSON data files shipped in the jar (presets). */
public final class Resources {
  private Resources() {}

  /**
   * The text of a resource of this module.
   *
   * @param path the absolute resource path
   * @return the text
   */
  public static String text(String path) {
    try (InputStream in = Resources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path + " in ops-monitoring");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    }
  }

  /**
   * A JSON resource as a tree.
   *
   * @param path the absolute resource path
   * @return the tree
   */
  static JsonNode json(String path) {
    return Json.parseTrusted(text(path));
  }
}
