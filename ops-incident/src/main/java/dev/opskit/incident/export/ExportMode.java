package dev.opskit.incident.export;

/** Whether an export may leave out what the target engine cannot express. */
public enum ExportMode {
  /** Export what can be expressed and list the rest as gaps. */
  LENIENT,
  /** Refuse a runbook with any gap ({@link dev.opskit.core.ValidationException} naming them all). */
  STRICT
}
