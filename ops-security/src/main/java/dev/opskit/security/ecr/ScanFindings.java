package dev.opskit.security.ecr;

import dev.opskit.core.value.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's {@code describe-image-scan-findings}: every finding of one image, over every page, with the
 * counts by severity.
 *
 * @param repository the repository
 * @param image the image
 * @param status the scan's status
 * @param findings every finding, basic and enhanced
 */
public record ScanFindings(RepositoryName repository, ImageRef image, ScanStatus status, List<ImageFinding> findings) {
  /** The severities in order, most severe first, as {@link #countsBySeverity()} lists them. */
  public static final List<String> SEVERITIES =
      List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED", "UNTRIAGED");

  /**
   * Copies.
   *
   * @param repository the repository
   * @param image the image
   * @param status the scan's status
   * @param findings every finding, basic and enhanced
   */
  public ScanFindings {
    Checks.present("repository", repository, "a repository");
    Checks.present("image", image, "an image");
    Checks.present("status", status, "a status");
    findings = Checks.list("findings", findings, "findings");
  }

  /**
   * How many findings of each severity: every severity of {@link #SEVERITIES} (zero included) in that order,
   * then any other severity AWS reported.
   *
   * @return the counts
   */
  public Map<String, Integer> countsBySeverity() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    SEVERITIES.forEach(s -> counts.put(s, 0));
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return java.util.Collections.unmodifiableMap(counts);
  }

  /**
   * The number of findings of one severity.
   *
   * @param severity such as {@code CRITICAL}
   * @return the count
   */
  public int count(String severity) {
    return countsBySeverity().getOrDefault(severity, 0);
  }
}
