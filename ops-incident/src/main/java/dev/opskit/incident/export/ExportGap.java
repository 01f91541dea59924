package dev.opskit.incident.export;

import dev.opskit.core.value.Checks;

/**
 * A part of a runbook the target engine cannot express as OpsKit runs it.
 *
 * @param step the step, or {@code (runbook)} for the runbook as a whole, or {@code parameter Name}
 * @param reason what is lost, in a sentence
 */
public record ExportGap(String step, String reason) {
  /**
   * Validates.
   *
   * @param step the step, or {@code (runbook)} for the runbook as a whole, or {@code parameter Name}
   * @param reason what is lost, in a sentence
   */
  public ExportGap {
    Checks.length("step", step, 1, 200);
    Checks.length("reason", reason, 1, 2000);
  }

  @Override
  public String toString() {
    return step + ": " + reason;
  }
}
