package dev.opskit.security.ecr;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One vulnerability of an image, from basic ({@code findings}) or enhanced ({@code enhancedFindings}) scanning.
 *
 * @param name the vulnerability, such as {@code CVE-2024-1234}
 * @param severity its severity in AWS's words: {@code CRITICAL}, {@code HIGH}, {@code MEDIUM}, {@code LOW},
 *     {@code INFORMATIONAL}, {@code UNDEFINED} (enhanced scanning may also say {@code UNTRIAGED})
 * @param description the description, or null
 * @param uri where to read about it, or null
 * @param enhanced whether enhanced scanning (Amazon Inspector) reported it
 */
public record ImageFinding(String name, String severity, @Nullable String description, @Nullable String uri,
    boolean enhanced) {
  /**
   * Validates.
   *
   * @param name the vulnerability
   * @param severity its severity in AWS's words
   * @param description the description, or null
   * @param uri where to read about it, or null
   * @param enhanced whether enhanced scanning reported it
   */
  public ImageFinding {
    Checks.present("name", name, "a vulnerability name");
    Checks.present("severity", severity, "a severity");
  }
}
