package dev.opskit.incident.export;

import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.Jsons;
import dev.opskit.incident.internal.Values;
import java.util.List;
import java.util.Map;

/**
 * A Step Functions state machine definition (Amazon States Language, JSONPath) exported from a runbook, with
 * what it could not express.
 *
 * @param name the runbook's name
 * @param definition the ASL definition as plain values
 * @param gaps what Step Functions cannot express, empty when the machine runs as the runbook does
 */
public record StateMachine(String name, Map<String, Object> definition, List<ExportGap> gaps) {
  /** The payload limit of one state's input or output, 256 KiB. */
  public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

  /**
   * Validates and copies.
   *
   * @param name the runbook's name
   * @param definition the ASL definition as plain values
   * @param gaps what Step Functions cannot express
   */
  public StateMachine {
    Checks.length("name", name, 3, 128);
    definition = Values.copyMap("definition", definition);
    gaps = Checks.list("gaps", gaps, "export gaps");
  }

  /** {@return the definition as indented JSON, for CreateStateMachine's {@code definition}} */
  public String toJson() {
    return Jsons.writePretty(definition);
  }
}
