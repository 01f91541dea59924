package dev.opskit.incident.export;

import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.Jsons;
import dev.opskit.incident.internal.Values;
import java.util.List;
import java.util.Map;

/**
 * An SSM Automation document (schemaVersion 0.3) exported from a runbook, with what it could not express.
 *
 * @param name the document name (the runbook's)
 * @param content the document as plain values (maps, lists, texts, numbers, booleans)
 * @param gaps what SSM cannot express, empty when the document runs as the runbook does
 */
public record SsmDocument(String name, Map<String, Object> content, List<ExportGap> gaps) {
  /**
   * Validates and copies.
   *
   * @param name the document name (the runbook's)
   * @param content the document as plain values
   * @param gaps what SSM cannot express
   */
  public SsmDocument {
    Checks.length("name", name, 3, 128);
    content = Values.copyMap("content", content);
    gaps = Checks.list("gaps", gaps, "export gaps");
  }

  /** {@return the document as YAML, SSM's {@code DocumentFormat: YAML}} */
  public String toYaml() {
    return Jsons.writeYaml(content);
  }

  /** {@return the document as indented JSON, SSM's {@code DocumentFormat: JSON}} */
  public String toJson() {
    return Jsons.writePretty(content);
  }
}
